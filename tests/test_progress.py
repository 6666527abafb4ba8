"""The learner's progress file: atomic, locked, corrupt files set aside, reset with a backup; predictions;
claim checks recorded; the start page's ledger shows a verdict only once its lesson's check was run."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from qedn_lessons import claims, predict, progress
from qedn_lessons.course import ledger_markdown

N_PROCESSES, N_WRITES = 4, 25


def _path() -> Path:
    return progress.progress_path()


def test_the_file_is_the_env_var_or_the_working_folder(tmp_path, monkeypatch):
    assert _path() == Path(os.environ["QEDN_PROGRESS_FILE"])
    monkeypatch.delenv("QEDN_PROGRESS_FILE")
    monkeypatch.chdir(tmp_path)
    assert progress.progress_path() == tmp_path / "qedn_progress.json"


def test_the_repository_is_never_the_progress_folder():
    root = Path(__file__).resolve().parent.parent
    assert root not in _path().parents


def test_records_are_kept_in_json(tmp_path):
    progress.record_attempt("01.t2", False)
    progress.record_attempt("01.t2", True)
    progress.record_prediction("01.same_rho", "no")
    progress.record_claims_examined(1, ["nasa-1400s"])
    data = json.loads(_path().read_text())
    assert data["exercises"]["01.t2"]["attempts"] == 2 and data["exercises"]["01.t2"]["solved"]
    assert data["predictions"]["01.same_rho"]["guess"] == "no"
    assert data["claims"]["nasa-1400s"]["lesson"] == 1
    assert not list(_path().parent.glob("*.tmp"))  # atomic writes leave no temporary file


def _hammer(path: str, worker: int) -> None:
    os.environ["QEDN_PROGRESS_FILE"] = path
    for i in range(N_WRITES):
        progress.record_attempt(f"0{worker + 1}.shared", False)
        progress.record_prediction(f"0{worker + 1}.p{i}", float(i))


def test_two_kernels_writing_at_once_lose_nothing():
    path = str(_path())
    context = multiprocessing.get_context("spawn")  # separate interpreters, like two kernels
    workers = [context.Process(target=_hammer, args=(path, w)) for w in range(N_PROCESSES)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    data = progress.load()
    for w in range(N_PROCESSES):
        assert data["exercises"][f"0{w + 1}.shared"]["attempts"] == N_WRITES
    assert len(data["predictions"]) == N_PROCESSES * N_WRITES


def test_a_corrupt_file_is_set_aside_and_a_fresh_one_started(capsys):
    _path().write_text("{not json")
    progress.record_attempt("01.t2", True)
    assert "could not be read" in capsys.readouterr().out
    aside = list(_path().parent.glob("qedn_progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"
    assert progress.load()["exercises"]["01.t2"]["solved"]
    _path().write_text(json.dumps({"version": 1, "exercises": []}))  # valid JSON, wrong shape
    assert progress.load()["exercises"] == {}
    assert len(list(_path().parent.glob("qedn_progress.json.corrupt-*"))) == 2


def test_an_unwritable_folder_keeps_progress_in_memory(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("QEDN_PROGRESS_FILE", str(blocked / "qedn_progress.json"))
    monkeypatch.setattr(progress, "_memory", None)
    monkeypatch.setattr(progress, "_warned_memory", False)
    progress.record_attempt("01.t2", True)
    progress.record_attempt("01.nbar", False)
    assert "for this session only" in capsys.readouterr().out
    assert progress.load()["exercises"]["01.t2"]["solved"]
    monkeypatch.setattr(progress, "_memory", None)


def test_progress_view_per_lesson_and_reset_keeps_a_backup(capsys):
    progress.record_attempt("01.t2", True)
    progress.record_attempt("01.nbar", False)
    claims.report(1)
    view = progress.progress()
    row = next(r for r in view.rows if r["lesson"] == 1)
    assert row["solved"] == 1 and row["exercises"] == 4 and row["claims_examined"] == row["claims"] == 2
    text, html = str(view), view._repr_html_()
    assert "1 / 4" in text and "2 / 2" in text and "<table" in html and "<caption>" in html
    reset = progress.progress(reset=True)
    assert "previous record is kept" in str(reset)
    backups = list(_path().parent.glob("qedn_progress.json.backup-*"))
    assert len(backups) == 1 and json.loads(backups[0].read_text())["exercises"]["01.t2"]["solved"]
    assert progress.load()["exercises"] == {} and progress.examined_claims() == set()
    with pytest.raises(TypeError):
        progress.progress(reset="yes")


def test_the_ledger_hides_verdicts_until_the_lesson_check_ran(monkeypatch):
    hidden = ledger_markdown()
    assert "contradicted" not in hidden and "supported" not in hidden.replace("unsupported", "")
    assert hidden.count("not yet examined") == len(claims.CLAIMS)
    claims.report(3)
    after = ledger_markdown()
    rows = {line.split(" | ")[0].lstrip("| "): line for line in after.splitlines()[2:]}
    for claim in claims.CLAIMS:
        row = rows[claim.summary.replace("|", "\\|")]
        assert ("not yet examined" in row) == (claim.lesson != 3), row
    monkeypatch.setenv("QEDN_SHOW_ALL_VERDICTS", "1")
    assert "not yet examined" not in ledger_markdown()
    assert "not yet examined" not in ledger_markdown(show_all=True)
    monkeypatch.delenv("QEDN_SHOW_ALL_VERDICTS")
    assert ledger_markdown(show_all=False).count("not yet examined") == len(claims.CLAIMS) - 2


def test_predict_records_and_reveal_compares(capsys):
    predict.predict("04.bob_reduced", ["|0⟩", "|+⟩", "a fair coin"], guess="|+⟩")
    assert "Recorded" in capsys.readouterr().out
    assert "You predicted “|+⟩”; the simulation gives “a fair coin”. Not what you predicted" in predict.comparison(
        "04.bob_reduced", "a fair coin"
    )
    predict.predict("05.photons", "number", guess=1e6)
    assert "off by about 6 orders of magnitude" in predict.comparison("05.photons", 1.0)
    predict.predict("05.photons", "number", guess=1.05)
    assert "Within 10 %" in predict.comparison("05.photons", 1.0)
    assert "did not commit" in predict.comparison("05.never", 3.0)
    assert predict.reveal("05.photons", 1.0) is None and "You predicted 1.05" in capsys.readouterr().out
    per_lesson = {row["lesson"]: row["predictions"] for row in progress.summary()}
    assert per_lesson[4] == 1 and per_lesson[5] == 1  # a second guess replaces the first


def test_predict_widget_commits_the_selected_option():
    box = predict.predict("02.echo_sketch", ["they differ", "they coincide"])
    assert "Legend" in box.children[-1].value
    box.commit(None)
    assert progress.prediction("02.echo_sketch") is None  # nothing picked yet
    box.field.value = "they coincide"
    box.commit(None)
    assert progress.prediction("02.echo_sketch") == "they coincide"
    again = predict.predict("02.echo_sketch", ["they differ", "they coincide"])
    assert again.field.value == "they coincide"  # a re-run shows the committed guess
    number = predict.predict("01.t2_guess", "number", unit="µs")
    number.field.value = 150.0
    number.commit(None)
    assert progress.prediction("01.t2_guess") == 150.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: predict.predict("4.x", ["a", "b"], guess="a"),
        lambda: predict.predict("04.x", ["a"], guess="a"),
        lambda: predict.predict("04.x", "abc", guess="a"),
        lambda: predict.predict("04.x", ["a", "A"], guess="a"),
        lambda: predict.predict("04.x", ["a", "b"], guess="c"),
        lambda: predict.predict("04.x", "number", guess="3"),
        lambda: predict.predict("04.x", "number", guess=float("nan")),
    ],
)
def test_predict_rejects_bad_arguments(call):
    with pytest.raises(ValueError):
        call()


def test_a_prediction_control_has_a_static_form_for_pages_without_a_kernel():
    bundle = predict.predict("03.scale", ["femtoseconds", "picoseconds"])._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "femtoseconds / picoseconds" in data["text/plain"] and "VBox" not in data["text/plain"]
    assert "femtoseconds / picoseconds" in data["text/html"]
