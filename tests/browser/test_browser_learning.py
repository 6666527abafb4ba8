"""The learning loop in the browser, in JupyterLab and in Voila: a prediction is committed with its
control, an exercise check answers without giving the answer away, and the progress view renders.

The test writes a three-cell notebook into the session's working copy of notebooks/ (never into the
repository); the servers record progress in the throwaway file the root conftest.py names.
"""

from __future__ import annotations

import nbformat
import pytest
from pages import open_in_lab, open_in_voila, run_all_in_lab

NAME = "_learning_loop.ipynb"
CELLS = [
    'from qedn_lessons.predict import predict\n\npredict("01.browser_coin", ["heads", "tails"])',
    'from qedn_lessons.exercises import check\n\ncheck("01.t2", 36)',
    "from qedn_lessons.progress import progress\n\nprogress()",
]


@pytest.fixture(scope="module")
def learning_notebook(work_dir):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, work_dir / "notebooks" / NAME)
    return NAME


def _commit_tails(page) -> None:
    control = page.locator(".qedn-predict").first
    control.wait_for(state="visible", timeout=60_000)
    assert "Legend" in control.inner_text()
    control.locator("label", has_text="tails").click()
    control.locator("button", has_text="Commit my prediction").click()
    page.locator(".qedn-predict", has_text="Recorded: “tails”").first.wait_for(timeout=30_000)


def _check_exercise_and_progress(page) -> None:
    text = page.locator("body").inner_text()
    assert "Not yet" in text and "factor 2" in text, text[-2000:]
    assert "51.4" not in text  # the expected T2 (51.43 µs) is never shown
    table = page.locator("table.qedn-progress")
    table.wait_for(timeout=30_000)
    assert "Your progress" in table.inner_text() and table.locator("tbody tr").count() >= 9


def test_lab_prediction_exercise_and_progress(page, lab_server, learning_notebook):
    try:
        open_in_lab(page, lab_server, f"notebooks/{learning_notebook}")
        report = run_all_in_lab(page)
        assert not report.problems(), report.problems()
        _check_exercise_and_progress(page)
        _commit_tails(page)
        rerun = run_all_in_lab(page)  # a re-run shows the committed guess and counts it
        assert not rerun.problems(), rerun.problems()
        page.locator(".qedn-predict", has_text="Already recorded: “tails”").first.wait_for(timeout=30_000)
        lesson_01 = page.locator("table.qedn-progress tbody tr").first.inner_text().split()
        assert lesson_01[0] == "01" and lesson_01[-1] == "1", lesson_01  # one prediction in lesson 01
    finally:
        lab_server.shutdown_kernels()


def test_voila_prediction_exercise_and_progress(page, voila_server, learning_notebook):
    report = open_in_voila(page, voila_server, learning_notebook)
    assert not report.problems(), report.problems()
    _check_exercise_and_progress(page)
    _commit_tails(page)
