"""Every notebook in JupyterLab, in Chromium: run all, no errors, every widget rendered, and a
control of each widget moves its figure. Notebooks are discovered: a new lesson is covered."""

from __future__ import annotations

import pytest
import servers
from pages import RunReport, explorers, figure_src, interactions, move_and_check, open_in_lab, run_all_in_lab, wait_for_new_figure

NOTEBOOKS = [f"notebooks/{p.name}" for p in servers.lesson_notebooks()]
FIXTURES = [f"notebooks/{servers.FIXTURE_DIR}/{p.name}" for p in servers.fixture_notebooks()]


def _run(page, lab_server, relpath) -> RunReport:
    try:
        open_in_lab(page, lab_server, relpath)
        return run_all_in_lab(page)
    except Exception:
        lab_server.shutdown_kernels()
        raise


@pytest.mark.parametrize("relpath", NOTEBOOKS + FIXTURES)
def test_notebook_runs_and_widgets_respond(page, lab_server, relpath):
    try:
        report = _run(page, lab_server, relpath)
        problems = report.problems()
        problems += [
            f"console: {line[:300]}" for line in page.console_errors if "Error displaying widget" in line or "pageerror" in line
        ]
        assert not problems, f"{relpath} in JupyterLab:\n  " + "\n  ".join(problems)
        found = explorers(page, "lab")
        assert found or not report.dom["figures"], f"{relpath}: {report.dom['figures']} widget figures but none inside an output"
        for number, explorer in enumerate(found, 1):
            changed_by, log = move_and_check(page, explorer)
            assert changed_by, (
                f"{relpath}, widget {number}: no control changed the figure ({'; '.join(log) or 'no controls found'})"
            )
    finally:
        lab_server.shutdown_kernels()


@pytest.mark.parametrize("relpath", FIXTURES)
def test_every_kind_of_control_moves_the_figure(page, lab_server, relpath):
    """The harness itself, on the fixture: a drag, an arrow key, typing, a dropdown and a
    checkbox each reach the kernel and come back as a new figure."""
    try:
        report = _run(page, lab_server, relpath)
        assert not report.problems(), report.problems()
        explorer = explorers(page, "lab")[0]
        for name, action in interactions(page, explorer):
            before = figure_src(explorer)
            action()
            assert wait_for_new_figure(page, explorer, before), f"{relpath}: '{name}' did not change the figure"
    finally:
        lab_server.shutdown_kernels()


def test_harness_reports_a_broken_widget_and_an_error(page, lab_server):
    """Self-test: a widget whose model is missing and a cell that raises are both reported."""
    try:
        report = _run(page, lab_server, f"notebooks/{servers.FIXTURE_DIR}/broken/broken_widget_and_error.ipynb")
        problems = "\n".join(report.problems())
        assert "RuntimeError: broken on purpose" in problems
        assert "Error displaying widget" in problems or "rendered on the page" in problems, problems
    finally:
        lab_server.shutdown_kernels()
