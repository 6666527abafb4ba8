"""Every lesson as a Voila app, served as the workshop command serves it, in Chromium: the index
page lists every lesson; each page renders its widgets with no error and no code; a control moves
the figure."""

from __future__ import annotations

import re

import nbformat
import pytest
import servers
from pages import explorers, move_and_check, open_in_voila

# Paths relative to the workshop root (the working copy of notebooks/).
NOTEBOOKS = [p.name for p in servers.lesson_notebooks()]
FIXTURES = [f"{servers.FIXTURE_DIR}/{p.name}" for p in servers.fixture_notebooks()]
MAKES_WIDGETS = re.compile(r"Explorer\s*\(|ipywidgets|interact\s*\(")


def _creates_widgets(relpath: str) -> bool:
    path = (
        servers.NOTEBOOKS / relpath
        if not relpath.startswith(servers.FIXTURE_DIR)
        else servers.FIXTURES / relpath.split("/", 1)[1]
    )
    nb = nbformat.read(path, as_version=4)
    return any(c.cell_type == "code" and MAKES_WIDGETS.search(c.source) for c in nb.cells)


def test_workshop_index_lists_every_lesson(page, voila_server):
    page.goto(voila_server.url(""))
    links = {a.get_attribute("href").rsplit("/", 1)[-1] for a in page.locator("ol.lessons a").all()}
    assert set(NOTEBOOKS) <= links, f"lessons missing from the workshop index: {sorted(set(NOTEBOOKS) - links)}"
    if NOTEBOOKS:
        page.locator("ol.lessons a").first.click()
        page.wait_for_url(re.compile(r"/voila/render/"), timeout=60_000)


@pytest.mark.parametrize("relpath", NOTEBOOKS + FIXTURES)
def test_voila_renders_widgets_and_a_control_moves_the_figure(page, voila_server, relpath):
    report = open_in_voila(page, voila_server, relpath)
    problems = report.problems()
    assert not problems, f"{relpath} in Voila:\n  " + "\n  ".join(problems)
    assert page.locator(".jp-CodeCell .jp-InputArea-editor:visible, .jp-CodeMirrorEditor:visible").count() == 0, (
        "code cells are visible in the workshop app"
    )
    if report.widget_outputs_expected == 0:
        # A page without widgets (the start page) passes on what was checked above: it rendered with
        # no error and no code, and its source really creates no widget. Nothing is skipped.
        assert not _creates_widgets(relpath), f"{relpath} creates widgets but Voila displayed none"
        return
    found = explorers(page, "voila")
    for number, explorer in enumerate(found, 1):
        changed_by, log = move_and_check(page, explorer)
        assert changed_by, (
            f"{relpath}, widget {number} in Voila: no control changed the figure ({'; '.join(log) or 'no controls found'})"
        )
