"""The shared machinery: exercise checkers, the claim ledger, the explorer registry, hygiene."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from qedn_lessons import claims
from qedn_lessons.exercises import all_exercises, evaluate
from qedn_lessons.exercises.core import Exercise, array, choice, function, number
from qedn_lessons.widgets.base import all_explorers, random_value

ROOT = Path(__file__).resolve().parent.parent


# --- exercise framework -------------------------------------------------------------------------


def _ex(judge, solution, **kw):
    return Exercise(key="99.test", title="test", solution=solution, judge=judge, **kw)


def test_stub_answers_are_not_attempted_and_do_not_raise():
    ex = _ex(number(notation="T₂", unit="µs"), lambda: 100.0)
    for stub in (..., None):
        feedback = ex.evaluate(stub)
        assert feedback.status == "not attempted"
        assert "Not attempted yet" in str(feedback)


def test_number_judge_says_what_it_got_but_never_the_expected_value():
    ex = _ex(number(notation="T₂", unit="µs"), lambda: 123.0)
    assert ex.evaluate(123.02).passed
    wrong = ex.evaluate(300.0)
    assert not wrong.passed and "your T₂ = 300 µs is not right yet" in wrong.message
    assert "123" not in wrong.message and "Hint 1" in wrong.message
    assert "remove the quotes" in ex.evaluate("100").message
    assert "NaN" in ex.evaluate(float("nan")).message
    assert "single number" in ex.evaluate([1, 2]).message


def test_mistake_detector_adds_a_hint():
    ex = _ex(number(notation="T₂"), lambda: 100.0, mistakes=(lambda a, e: "You added the times." if a == 300 else None,))
    assert "You added the times." in ex.evaluate(300).message
    assert "added" not in ex.evaluate(5).message


def test_array_judge_shape_norm_phase():
    ex = _ex(array(notation="|ψ⟩", up_to_phase=True, normalised=True), lambda: np.array([1, 1]) / np.sqrt(2))
    assert ex.evaluate(-np.array([1, 1]) / np.sqrt(2)).passed  # global phase is physical nonsense to penalise
    assert "not normalised" in ex.evaluate([1, 1]).message
    assert "shape (2,)" in ex.evaluate([1, 0, 0]).message
    assert not ex.evaluate([1, 0]).passed


def test_choice_and_function_judges():
    ex = _ex(choice(notation="the verdict", options=("supported", "contradicted")), lambda: "contradicted")
    assert ex.evaluate(" Contradicted ").passed
    assert "one of" in ex.evaluate("maybe").message
    fx = _ex(function(notation="f", cases=[(1.0,), (2.0,)]), lambda: lambda x: 2 * x)
    assert fx.evaluate(lambda x: x + x).passed
    assert "forget `return`" in fx.evaluate(lambda x: None).message
    assert "raised ZeroDivisionError" in fx.evaluate(lambda x: 1 / 0).message
    assert "should be a function" in fx.evaluate(3).message


def test_checker_never_crashes():
    def broken_judge(answer, expected):
        raise RuntimeError("boom")

    feedback = _ex(broken_judge, lambda: 1).evaluate(2)
    assert not feedback.passed and "could not be checked" in feedback.message


def test_unknown_exercise_key_is_a_clear_error():
    with pytest.raises(ValueError, match=r"There is no exercise 'no\.such'") as raised:
        evaluate("no.such", 1)
    assert "\n" not in str(raised.value) and "01.t2," not in str(raised.value)  # one line, not all the keys


EXERCISES = all_exercises()


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.key for e in EXERCISES])
def test_every_reference_solution_passes_its_checker(exercise):
    feedback = exercise.evaluate(exercise.solution())
    assert feedback.passed, str(feedback)
    assert exercise.evaluate(...).status == "not attempted"
    assert exercise.evaluate(None).status == "not attempted"
    for wrong in exercise.wrong_examples:
        assert not exercise.evaluate(wrong).passed, f"{exercise.key} accepted the wrong answer {wrong!r}"


def test_every_lesson_has_at_least_three_exercises():
    lessons = {}
    for e in EXERCISES:
        lessons.setdefault(e.lesson, []).append(e)
    for lesson, items in lessons.items():
        assert len(items) >= 3, f"lesson {lesson} has {len(items)} exercises"


# --- claim ledger ---------------------------------------------------------------------------------


def test_ledger_has_every_claim_with_a_known_word():
    rows = claims.ledger()
    assert [r.id for r in rows] == [c.id for c in claims.CLAIMS]
    for row in rows:
        assert row.verdict in claims.VERDICT_WORDS + (claims.NOT_YET,)
        if row.verdict != claims.NOT_YET:
            assert row.evidence, f"{row.id} has a verdict without evidence"
        assert (ROOT / "notebooks" / row.notebook).exists() or row.verdict == claims.NOT_YET


def test_verdict_words_are_enforced():
    with pytest.raises(ValueError, match="word must be one of"):
        claims.Verdict("true", "")
    with pytest.raises(ValueError, match="claim_id must be one of"):
        claims.evidence_for("no-such-claim")


# --- explorers ----------------------------------------------------------------------------------

EXPLORERS = all_explorers()


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_explorer_reaches_only_valid_states(name):
    explorer = EXPLORERS[name]()
    assert explorer.legend, f"{name} has no legend"
    described = " ".join(k for k, _ in explorer.legend)
    for control in explorer.controls.values():
        assert control.description and control.description.split(" (")[0].strip() in described, (
            f"{name}: control {control.description!r} is not in the legend"
        )
    rng = np.random.default_rng(1)
    first = explorer.image.value
    changed = False
    for _ in range(12):
        control = list(explorer.controls.values())[int(rng.integers(len(explorer.controls)))]
        control.value = random_value(control, rng)
        assert explorer.alt_text and "Could not update" not in explorer.caption.value
        changed |= explorer.image.value != first
    assert changed, f"{name}: the figure never changed"
    data, metadata = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data and "image/png" in data
    assert metadata["image/png"]["alt"]


# --- repository hygiene --------------------------------------------------------------------------


def test_binder_is_complete():
    # binder/requirements.txt pins the tested lock exactly (tests/test_binder.py checks it line by line)
    assert (ROOT / "binder" / "runtime.txt").read_text().startswith("python-3.11")
    assert "pip install" in (ROOT / "binder" / "postBuild").read_text()


def test_notebooks_are_clean():
    spec = importlib.util.spec_from_file_location("nbtool", ROOT / "scripts" / "nbtool.py")
    nbtool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(nbtool)
    paths = nbtool.notebook_paths([])
    assert paths, "no notebooks found"
    assert [p for path in paths for p in nbtool.problems(path)] == []


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_explorer_axis_labels_and_titles_are_inside_the_figure(name):
    # A clipped "Bloch z" label in lesson 04 was found by eye; this finds the next one by measurement.
    fig = EXPLORERS[name]().fig
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    for ax in fig.axes:
        for text in (ax.xaxis.label, ax.yaxis.label, ax.title):
            if text.get_text():
                box = text.get_window_extent(renderer)
                assert box.x0 >= -1 and box.x1 <= width + 1 and box.y0 >= -1 and box.y1 <= height + 1, (
                    f"{name}: {text.get_text()!r} is cut off at the figure's edge ({box})"
                )
