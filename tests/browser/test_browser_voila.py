"""Every lesson as a Voila app (the workshop mode), in Chromium: the page renders the widgets with
no error, and a control moves the figure."""

from __future__ import annotations

import re

import pytest
import servers
from pages import explorers, move_and_check, open_in_voila

NOTEBOOKS = [f"notebooks/{p.name}" for p in servers.lesson_notebooks()]
FIXTURES = [f"fixtures/{p.name}" for p in servers.fixture_notebooks()]
MAKES_WIDGETS = re.compile(r"Explorer\s*\(|ipywidgets|interact\s*\(")


def _creates_widgets(relpath: str) -> bool:
    import nbformat

    nb = nbformat.read(servers.ROOT / relpath if relpath.startswith("notebooks/") else servers.FIXTURES / relpath.split("/", 1)[1], as_version=4)
    return any(c.cell_type == "code" and MAKES_WIDGETS.search(c.source) for c in nb.cells)


@pytest.mark.parametrize("relpath", NOTEBOOKS + FIXTURES)
def test_voila_renders_widgets_and_a_control_moves_the_figure(page, voila_server, relpath):
    report = open_in_voila(page, voila_server, relpath)
    problems = report.problems()
    assert not problems, f"{relpath} in Voila:\n  " + "\n  ".join(problems)
    if report.widget_outputs_expected == 0:
        assert not _creates_widgets(relpath), f"{relpath} creates widgets but Voila displayed none"
        pytest.skip(f"{relpath} has no widgets")
    found = explorers(page, "voila")
    for number, explorer in enumerate(found, 1):
        changed_by, log = move_and_check(page, explorer)
        assert changed_by, f"{relpath}, widget {number} in Voila: no control changed the figure ({'; '.join(log) or 'no controls found'})"
