"""Progressive feedback: a wrong answer says what kind of wrong, never the expected value.

The expected value is printed only by show_solution; after ATTEMPTS_BEFORE_OFFER wrong answers check()
offers it. Generic over every exercise of the course (all_exercises()), so a new exercise is covered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from qedn_lessons import progress
from qedn_lessons.exercises import all_exercises, check, evaluate, show_solution
from qedn_lessons.exercises.core import (
    ATTEMPTS_BEFORE_OFFER,
    NEUTRAL_POINTER,
    Exercise,
    as_real,
    choice,
    generic_mistake,
    near,
    number,
)

EXERCISES = all_exercises()
NUMERIC = [e for e in EXERCISES if as_real(e.expected()) is not None]
FUNCTIONS = [e for e in EXERCISES if callable(e.expected())]
CHOICES = [e for e in EXERCISES if hasattr(e.judge, "options")]


def _forms(value: float) -> list[str]:
    """How a value could be printed (6, 5, 4 and 3 significant digits), kept only when specific enough
    (at least three significant digits) that finding it in a message is not a coincidence."""
    forms = set()
    for digits in (6, 5, 4, 3):
        text = f"{value:.{digits}g}"
        if len(re.sub(r"[^0-9]", "", text.split("e")[0]).strip("0")) >= 3:
            forms.add(text)
    return sorted(forms)


def _leaks(message: str, value: float) -> list[str]:
    return [f for f in _forms(value) if re.search(r"(?<![\d.])" + re.escape(f) + r"(?![\d])", message)]


def _wrong_values(exercise: Exercise) -> list:
    e = float(exercise.expected())
    candidates = list(exercise.wrong_examples) + [
        0.0,
        1.0,
        -1.0,
        2.0,
        7,
        e * 1.37,
        e / 3.1,
        e + 1.0,
        -e,
        e * 1000,
        e / 1000,
        e * 1.004,
    ]
    return [v for v in candidates if not exercise.evaluate(v).passed]


def test_the_course_has_the_exercises_the_generic_tests_cover():
    assert len(NUMERIC) >= 30 and len(FUNCTIONS) >= 2 and len(CHOICES) >= 4
    assert len(NUMERIC) + len(FUNCTIONS) + len(CHOICES) == len(EXERCISES)


@pytest.mark.parametrize("exercise", NUMERIC, ids=[e.key for e in NUMERIC])
def test_a_wrong_number_never_prints_the_expected_value(exercise, capsys):
    expected = float(exercise.expected())
    for wrong in _wrong_values(exercise):
        feedback = evaluate(exercise.key, wrong)
        assert feedback.status == "incorrect"
        told = feedback.message.replace(f"{float(wrong):.6g}", "<your answer>")  # the echo of what was typed
        assert not _leaks(told, expected), f"{exercise.key}: {wrong!r} → {feedback.message}"
        assert "expected" not in feedback.message.lower(), feedback.message
    # through check(), several times: the solution is offered, never printed
    for _ in range(ATTEMPTS_BEFORE_OFFER + 1):
        check(exercise.key, expected * 1.37 + 0.5)
    printed = capsys.readouterr().out
    assert not _leaks(printed, expected), printed
    assert f"show_solution('{exercise.key}')" in printed.splitlines()[-1]


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=[e.key for e in FUNCTIONS])
def test_a_wrong_function_never_prints_the_reference_value_of_the_failing_case(exercise):
    reference = exercise.expected()
    name = exercise.judge.__qualname__ and exercise.key  # for the assertion message
    for wrong in exercise.wrong_examples:
        message = evaluate(exercise.key, wrong).message
        failing = [args for args in exercise.judge.cases if f"({', '.join(f'{float(a):.6g}' for a in args)}) returned" in message]
        assert len(failing) == 1, f"{name}: {message}"
        args = failing[0]
        told = message.replace(f"returned {float(wrong(*args)):.6g}", "returned <theirs>")
        assert not _leaks(told, float(reference(*args))), f"{name}: {message}"
        assert "expected" not in message.lower()


@pytest.mark.parametrize("exercise", CHOICES, ids=[e.key for e in CHOICES])
def test_every_wrong_choice_has_its_own_reason(exercise):
    expected = exercise.expected()
    wrong = [o for o in exercise.judge.options if o != expected]
    assert wrong
    messages = []
    for option in wrong:
        feedback = evaluate(exercise.key, option)
        assert not feedback.passed
        assert option in exercise.judge.reasons, f"{exercise.key}: no reason for {option!r}"
        assert exercise.judge.reasons[option] in feedback.message
        assert "look again at what the simulation shows" not in feedback.message
        messages.append(feedback.message)
    assert len(set(messages)) == len(messages)


def test_generic_detectors_say_what_kind_of_wrong_without_the_value():
    assert "sign" in generic_mistake(-51.4286, 51.4286)
    assert "round" in generic_mistake(51.4, 51.4286)
    assert "power of ten" in generic_mistake(0.0514286, 51.4286)
    assert "power of ten" in generic_mistake(5.14286e4, 51.4286)
    assert generic_mistake(36.0, 51.4286) is None  # no recognisable slip: the neutral pointer applies
    assert generic_mistake("51", 51.4286) is None and generic_mistake(1.0, 0.0) is None
    assert NEUTRAL_POINTER in evaluate("01.t2", 20.0).message
    assert "Hint 1" in NEUTRAL_POINTER


def test_exercise_specific_detectors_come_before_the_generic_ones():
    # 01.t2: 150 µs is "added the times", not a generic slip
    assert "rates* add" in evaluate("01.t2", 150.0).message
    assert "round" in evaluate("01.t2", 51.2).message


def test_the_one_answer_reader_decides_true_and_text():
    assert as_real(True) is None and as_real(np.bool_(False)) is None
    assert as_real("0.5") is None
    assert as_real(np.float32(0.5)) == 0.5 and as_real(np.array([0.25])) == 0.25 and as_real(2 + 0j) == 2.0
    assert near(0.5004, 0.5) and not near(True, 1.0) and not near("0.5", 0.5) and not near(float("nan"), 1.0)
    ex = Exercise(key="99.x", title="x", solution=lambda: 1.0, judge=number(notation="x"))
    assert "comparison" in ex.evaluate(True).message
    assert "remove the quotes" in ex.evaluate("0.5").message


def test_number_words_and_other_text_get_a_helpful_message():
    seven = evaluate("01.t2", "seven").message
    assert "digits" in seven and "remove the quotes" not in seven
    assert "digits" in evaluate("01.t2", "fifty one").message
    assert "variable" in evaluate("01.t2", "t2_us").message


def test_unknown_key_is_one_line_with_a_suggestion(capsys):
    check("02.t2star", 36.0)
    out = capsys.readouterr().out.strip()
    assert out == "There is no exercise '02.t2star'. Did you mean '02.t2_star'?"
    check("01.nothing_like_it", 1)
    assert "Did you mean '01." in capsys.readouterr().out
    show_solution("02.t2star")
    assert "Did you mean '02.t2_star'?" in capsys.readouterr().out
    check(2, 1.0)
    assert "key in quotes" in capsys.readouterr().out


def test_missing_answer_is_a_friendly_message(capsys):
    check("02.logical")
    out = capsys.readouterr().out
    assert "Not attempted yet" in out and "check('02.logical', answer)" in out
    assert progress.load()["exercises"] == {}  # not counted as an attempt


def test_attempts_are_recorded_and_the_solution_is_offered_after_three(capsys):
    for _ in range(ATTEMPTS_BEFORE_OFFER - 1):
        check("01.t2", 20.0)
    assert "show_solution" not in capsys.readouterr().out
    check("01.t2", 20.0)
    assert "show_solution('01.t2')" in capsys.readouterr().out
    record = progress.load()["exercises"]["01.t2"]
    assert record["attempts"] == ATTEMPTS_BEFORE_OFFER and record["wrong"] == ATTEMPTS_BEFORE_OFFER
    assert not record["solved"]
    check("01.t2", 1.0 / (1.0 / 120.0 + 1.0 / 90.0))
    assert "Correct" in capsys.readouterr().out
    assert progress.load()["exercises"]["01.t2"]["solved"]
    show_solution("01.t2")
    out = capsys.readouterr().out
    assert "51.4286" in out and progress.load()["exercises"]["01.t2"]["solution_shown"]


def test_a_stub_is_not_an_attempt(capsys):
    check("01.t2", ...)
    assert "Not attempted yet" in capsys.readouterr().out
    assert progress.load()["exercises"] == {}


def test_choice_reasons_must_name_options():
    with pytest.raises(ValueError, match="reasons must be keyed by options"):
        choice(notation="x", options=("a", "b"), reasons={"c": "no"})
    judge = choice(notation="x", options=("a", "b"), reasons={"a": "because of A."})
    ex = Exercise(key="99.c", title="c", solution=lambda: "b", judge=judge)
    assert "because of A." in ex.evaluate("A").message


# --- the notebooks' exercise cells, hints and predictions ------------------------------------------

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS = sorted(NOTEBOOK_DIR.glob("0[1-9]_*.ipynb"))


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_exercise_cells_import_what_they_use_and_hints_come_in_two_levels(path):
    cells = _cells(path)
    keys = []
    for i, cell in enumerate(cells):
        source = "".join(cell["source"])
        match = re.search(r'check\("([^"]+)"', source)
        if cell["cell_type"] != "code" or not match or "NBVAL" in source:
            continue
        keys.append(match.group(1))
        assert source.startswith("from qedn_lessons.exercises import check, show_solution\n"), source
        task = "".join(cells[i - 1]["source"])
        assert "<summary>Hint 1 (the idea)</summary>" in task and "<summary>Hint 2 (the formula)</summary>" in task
        assert task.index("Hint 1") < task.index("Hint 2")
        for hint in re.findall(r"<details>.*?</details>", task, re.S):
            assert "```" not in hint and "<code>" not in hint, hint
            for span in re.findall(r"`([^`]+)`", hint):  # a code span may name a function, not be a program line
                assert not re.match(r"\s*[A-Za-z_][\w.\[\]]*\s+=\s+", span), f"{match.group(1)}: code in a hint: {span}"
    assert sorted(keys) == sorted(e.key for e in EXERCISES if e.key.startswith(path.name[:2] + "."))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_prediction_is_committed_before_its_reveal(path):
    cells = ["".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code"]
    predicted = {m: i for i, s in enumerate(cells) for m in re.findall(r'^predict\("([^"]+)"', s, re.M)}
    revealed = {m: i for i, s in enumerate(cells) for m in re.findall(r'^reveal\("([^"]+)"', s, re.M)}
    assert len(predicted) >= 2, f"{path.name}: fewer than two committed predictions"
    assert predicted.keys() == revealed.keys()
    for key, index in predicted.items():
        assert key.startswith(path.name[:2] + ".") and index < revealed[key] - 1, key  # a computation in between
