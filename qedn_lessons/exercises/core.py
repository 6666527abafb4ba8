"""The checker framework: novice-first feedback that never gives the answer away, and a clear success line.

An :class:`Exercise` couples a ``key`` ("01.t2"), a ``solution`` (a function returning the reference
answer) and a ``judge`` that turns an answer into a :class:`Feedback`. Ready-made judges:
:func:`number`, :func:`array`, :func:`choice`, :func:`function`. Every judge first catches the
common novice failures -- ``...`` left in place, ``None`` returned, the wrong type or shape, NaN, a
number written as a word -- and only then compares with the expected value, in the lesson's notation.

Feedback is progressive. A wrong answer is told *what kind* of wrong when a mistake detector
recognises it (the exercise's own detectors first, then the generic ones: an answer rounded too early,
a wrong sign, a power-of-ten slip), or else a neutral "not yet" that points to the first hint. The
expected value is never printed by :func:`check`: only :func:`show_solution` prints it, and after
:data:`ATTEMPTS_BEFORE_OFFER` wrong attempts :func:`check` *offers* it. Attempts are kept in the
learner's progress file (:mod:`qedn_lessons.progress`).

Register an exercise by defining it at module level in ``qedn_lessons/exercises/lessonNN.py`` with
:func:`register`; :func:`all_exercises` discovers every lesson module.
"""

from __future__ import annotations

import difflib
import inspect
import math
import numbers
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qedn_lessons._registry import import_submodules

NOT_ATTEMPTED = "not attempted"
CORRECT = "correct"
INCORRECT = "incorrect"

#: After this many wrong answers to one exercise, :func:`check` offers the worked solution.
ATTEMPTS_BEFORE_OFFER = 3

#: Where a wrong answer with no recognised mistake sends the learner.
NEUTRAL_POINTER = "Open Hint 1 under the exercise (the idea); if that is not enough, Hint 2 gives the formula."


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``status`` is "correct", "incorrect" or "not attempted"."""

    status: str
    message: str
    #: For an incorrect answer: "value" (a well-formed answer with the wrong value) or "form" (not
    #: the kind of answer asked for: text for a number, a wrong shape, NaN ...).
    kind: str = "value"

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def __str__(self) -> str:
        prefix = {CORRECT: "✅ Correct", INCORRECT: "❌ Not yet", NOT_ATTEMPTED: "⏳ Not attempted yet"}[self.status]
        return f"{prefix}: {self.message}"


def correct(message: str) -> Feedback:
    return Feedback(CORRECT, message)


def incorrect(message: str, kind: str = "value") -> Feedback:
    return Feedback(INCORRECT, message, kind)


#: A judge maps (answer, expected) to Feedback.
Judge = Callable[[Any, Any], Feedback]
#: A mistake detector maps (answer, expected) to a hint when it recognises a known misconception.
Mistake = Callable[[Any, Any], "str | None"]


@dataclass(frozen=True)
class Exercise:
    """One exercise: its key, what it asks, the reference solution and how answers are judged."""

    key: str
    title: str
    solution: Callable[[], Any]
    judge: Judge
    hint: str = ""
    mistakes: tuple[Mistake, ...] = ()
    #: Wrong answers a test feeds the checker (each must be judged incorrect).
    wrong_examples: tuple[Any, ...] = field(default=())

    @property
    def lesson(self) -> int:
        return int(self.key.split(".")[0])

    def expected(self) -> Any:
        return self.solution()

    def evaluate(self, answer: Any) -> Feedback:
        if answer is Ellipsis or answer is None:
            what = "`...`" if answer is Ellipsis else "`None` (did your function `return` its result?)"
            return Feedback(NOT_ATTEMPTED, f"the answer is still {what}. Replace it with your answer and run the cell again.")
        expected = self.expected()
        try:
            feedback = self.judge(answer, expected)
        except Exception as exc:  # a checker must never crash on a learner's answer
            return incorrect(f"your answer could not be checked ({type(exc).__name__}: {exc}).", "form")
        if feedback.passed or feedback.status != INCORRECT:
            return feedback
        for mistake in self.mistakes:
            try:
                hint = mistake(answer, expected)
            except Exception:
                hint = None
            if hint:
                return incorrect(f"{feedback.message} {hint}", feedback.kind)
        if feedback.kind not in ("value", "function"):
            return feedback
        hint = generic_mistake(answer, expected)
        return incorrect(f"{feedback.message} {hint or NEUTRAL_POINTER}")


_EXERCISES: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    """Add ``exercise`` to the course's registry (keys are unique) and return it."""
    if exercise.key in _EXERCISES and _EXERCISES[exercise.key] is not exercise:
        raise ValueError(f"exercise key {exercise.key!r} is registered twice")
    _EXERCISES[exercise.key] = exercise
    return exercise


def all_exercises() -> list[Exercise]:
    """Every exercise of every lesson, sorted by key."""
    import_submodules("qedn_lessons.exercises")
    return [_EXERCISES[k] for k in sorted(_EXERCISES)]


def _unknown_key_message(key: str) -> str:
    close = difflib.get_close_matches(key.strip(), list(_EXERCISES), n=1, cutoff=0.6)
    if not close:  # same lesson, e.g. "02.t2" → the lesson's keys
        prefix = key.strip()[:3]
        close = [k for k in sorted(_EXERCISES) if k.startswith(prefix)][:1]
    suggestion = f" Did you mean {close[0]!r}?" if close else " Keys look like '01.t2' (lesson.name)."
    return f"There is no exercise {key!r}.{suggestion}"


def get_exercise(key: str) -> Exercise:
    """The exercise with key ``key``; an unknown key is a one-line ValueError with a suggestion."""
    if not isinstance(key, str):
        raise TypeError(f"key must be an exercise key such as '01.t2', got {key!r}")
    if key not in _EXERCISES:
        all_exercises()
    if key not in _EXERCISES:
        raise ValueError(_unknown_key_message(key))
    return _EXERCISES[key]


def evaluate(key: str, answer: Any) -> Feedback:
    """Judge ``answer`` to exercise ``key`` without printing or recording (tests and :func:`check` use it)."""
    return get_exercise(key).evaluate(answer)


class _Missing:
    def __repr__(self) -> str:
        return "<no answer>"


_MISSING: Any = _Missing()


def feedback_for(key: Any, answer: Any = _MISSING) -> Feedback | str:
    """What :func:`check` prints: a Feedback, or a one-line message for a key or call it cannot use.

    Records the attempt in the learner's progress and, after :data:`ATTEMPTS_BEFORE_OFFER` wrong
    answers, offers the solution (without printing it).
    """
    if not isinstance(key, str):
        return f'The first thing in check(...) is the exercise\'s key in quotes, such as check("01.t2", answer); got {key!r}.'
    try:
        exercise = get_exercise(key)
    except ValueError as exc:
        return str(exc)
    if answer is _MISSING:
        return Feedback(
            NOT_ATTEMPTED,
            f"check needs your answer too: write check({key!r}, answer) with `answer` "
            "set in the line above (or put the value itself after the comma).",
        )
    feedback = exercise.evaluate(answer)
    if feedback.status == NOT_ATTEMPTED:
        return feedback
    from qedn_lessons import progress

    record = progress.record_attempt(key, feedback.passed, count_wrong=feedback.kind != "form")
    wrong = int(record.get("wrong", 0))
    if not feedback.passed and wrong >= ATTEMPTS_BEFORE_OFFER and not record.get("solved"):
        feedback = incorrect(
            f"{feedback.message} You have tried {wrong} times: if you want to see the worked "
            f"solution now, run show_solution({key!r}).",
            feedback.kind,
        )
    return feedback


def check(key: str, answer: Any = _MISSING) -> None:
    """Print feedback on ``answer`` to exercise ``key``. Never raises, never prints the expected value."""
    print(feedback_for(key, answer))


def show_solution(key: str) -> None:
    """Print the reference solution of exercise ``key`` (its source code) and its value."""
    try:
        exercise = get_exercise(key)
    except (TypeError, ValueError) as exc:
        print(exc)
        return
    from qedn_lessons import progress

    progress.record_solution_shown(key)
    source = textwrap.dedent(inspect.getsource(exercise.solution))
    print(f"Reference solution for {key} ({exercise.title}):\n")
    print(source)
    print(f"Value: {_show(exercise.expected())}")


# --- formatting ---------------------------------------------------------------------------------


def _show(value: Any, unit: str = "") -> str:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{float(value):.6g}{(' ' + unit) if unit else ''}"
    if isinstance(value, np.ndarray):
        return np.array2string(np.round(value, 4), precision=4, suppress_small=True)
    return repr(value)


def as_real(answer: Any) -> float | None:
    """``answer`` as a float if it is a real number, else None: the one reading every checker uses.

    Python and NumPy real numbers, a one-element real array and a complex number with zero imaginary
    part count. ``True``/``False`` do not (a comparison left where a number belongs), and neither does
    text such as ``"0.5"`` (the judge then asks for the number without quotes).
    """
    if isinstance(answer, (bool, np.bool_)):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer)
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.isrealobj(answer) and answer.dtype != bool:
        return float(answer.reshape(-1)[0])
    if isinstance(answer, numbers.Complex) and abs(float(answer.imag)) < 1e-12:
        return float(answer.real)
    return None


_as_number = as_real  # the name used before the helpers were folded into one


def near(answer: Any, target: float, rel: float = 2e-3, abs_tol: float = 0.0) -> bool:
    """True if ``answer`` reads as a real number (:func:`as_real`) within ``rel``/``abs_tol`` of ``target``.

    Mistake detectors use it to recognise a misconception's value; anything that is not a real
    number is never near.
    """
    value = as_real(answer)
    return value is not None and math.isfinite(value) and math.isclose(value, target, rel_tol=rel, abs_tol=abs_tol)


def generic_mistake(answer: Any, expected: Any) -> str | None:
    """Hints for slips any numeric exercise can show: rounded too early, wrong sign, a power of ten.

    None when ``answer`` or ``expected`` is not a real number or no slip fits. The hints say what
    kind of wrong, never the expected value.
    """
    got, want = as_real(answer), as_real(expected)
    if got is None or want is None or not math.isfinite(got) or not math.isfinite(want) or want == 0.0:
        return None
    if got != 0.0 and math.isclose(got, -want, rel_tol=1e-2):
        return "The size looks right but the sign is wrong: check which quantity is subtracted from which."
    if math.isclose(got, want, rel_tol=1e-2):
        return (
            "Close, within 1 %, but outside the tolerance: did you round an intermediate value or copy a "
            "printed number? Keep full precision (assign the computed value, e.g. answer = result)."
        )
    if got != 0.0 and (got > 0) == (want > 0):
        exponent = math.log10(got / want)
        if abs(exponent) >= 0.9 and abs(exponent - round(exponent)) < 0.005:
            return (
                "The digits look right but the size is off by a power of ten: check the units asked for "
                "(ms or s, mK or K, kW or W, fs or ps) and the exponents you typed."
            )
    return None


_NUMBER_WORDS = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "half",
    "quarter",
    "third",
}


def _text_for_number(notation: str, answer: str) -> str:
    text = answer.strip()
    try:
        float(text.replace(",", ""))
    except ValueError:
        pass
    else:
        return f"{notation} should be a number, not the text {answer!r}: remove the quotes."
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words and words <= _NUMBER_WORDS | {"and", "a", "point"}:
        return (
            f"{notation} should be written with digits, as Python reads numbers: for example 7, 0.5 or "
            f"3.6e6, not the word {answer!r} (and without quotes)."
        )
    return (
        f"{notation} should be a number (for example 0.25 or 3.6e6, without quotes); {answer!r} is text. "
        "If you meant a variable you computed, write its name without quotes."
    )


# --- ready-made judges --------------------------------------------------------------------------


def number(*, notation: str, unit: str = "", rel: float = 1e-3, abs_tol: float = 1e-9) -> Judge:
    """Judge a single real number against the expected one within ``rel`` (relative) or ``abs_tol``."""

    def judge(answer: Any, expected: float) -> Feedback:
        value = as_real(answer)
        if value is None:
            if isinstance(answer, str):
                return incorrect(_text_for_number(notation, answer), "form")
            if isinstance(answer, (bool, np.bool_)):
                return incorrect(f"{notation} should be a number, not {answer} (a comparison's result).", "form")
            return incorrect(f"{notation} should be a single number, got {type(answer).__name__} {_show(answer)}.", "form")
        if math.isnan(value):
            return incorrect(f"{notation} came out as NaN: look for 0/0 or a log of a negative number.", "form")
        if math.isclose(value, expected, rel_tol=rel, abs_tol=abs_tol):
            return correct(f"{notation} = {_show(value, unit)}.")
        return incorrect(f"your {notation} = {_show(value, unit)} is not right yet.")

    return judge


def array(*, notation: str, rtol: float = 1e-3, atol: float = 1e-6, up_to_phase: bool = False, normalised: bool = False) -> Judge:
    """Judge an array (or qutip.Qobj) of the expected shape, optionally a state up to a global phase."""

    def judge(answer: Any, expected: Any) -> Feedback:
        expected = np.asarray(expected.full() if hasattr(expected, "full") else expected)
        if hasattr(answer, "full") and callable(answer.full):
            answer = answer.full()
        try:
            got = np.asarray(answer, dtype=complex)
        except (TypeError, ValueError):
            return incorrect(f"{notation} should be an array of numbers, got {type(answer).__name__}.", "form")
        if got.size == expected.size and got.shape != expected.shape:
            got = got.reshape(expected.shape)
        if got.shape != expected.shape:
            return incorrect(f"{notation} should have shape {expected.shape}, got shape {got.shape}.", "form")
        if not np.all(np.isfinite(got)):
            return incorrect(f"{notation} contains NaN or infinity.", "form")
        if normalised:
            norm = float(np.linalg.norm(got))
            if abs(norm - 1) > 1e-3:
                return incorrect(
                    f"{notation} is not normalised: its norm is {norm:.4g}, it must be 1 (divide by the norm).", "form"
                )
        if up_to_phase:
            overlap = np.vdot(expected.reshape(-1), got.reshape(-1))
            if abs(overlap) > 1e-12:
                got = got * (abs(overlap) / overlap)
        if np.allclose(got, expected, rtol=rtol, atol=atol):
            return correct(f"{notation} = {_show(np.real_if_close(got))}.")
        return incorrect(f"your {notation} = {_show(np.real_if_close(got))} is not right yet.")

    return judge


def choice(*, notation: str, options: Sequence[str], reasons: Mapping[str, str] | None = None) -> Judge:
    """Judge a choice among ``options`` (case and surrounding spaces ignored).

    ``reasons`` maps each option to why it is wrong *when it is wrong*: the learner who picks it reads
    that reason (every option should have one; a test checks the course's exercises do).
    """
    normal = {o.strip().lower(): o for o in options}
    reasons = dict(reasons or {})
    unknown = set(reasons) - set(options)
    if unknown:
        raise ValueError(f"reasons must be keyed by options {list(options)}, got {sorted(unknown)}")

    def judge(answer: Any, expected: str) -> Feedback:
        if not isinstance(answer, str):
            return incorrect(f"{notation} should be one of {list(options)} as text in quotes, got {_show(answer)}.", "form")
        key = answer.strip().lower()
        if key not in normal:
            return incorrect(f"{notation} should be one of {list(options)}, got {answer!r}.", "form")
        option = normal[key]
        if option == expected:
            return correct(f"{notation} is {expected!r}.")
        reason = reasons.get(option) or NEUTRAL_POINTER
        return incorrect(f"{answer.strip()!r} is not right for {notation}. {reason}", "choice")

    judge.options = tuple(options)  # type: ignore[attr-defined]
    judge.reasons = reasons  # type: ignore[attr-defined]
    return judge


def function(*, notation: str, cases: Sequence[tuple], rel: float = 1e-6, abs_tol: float = 1e-9) -> Judge:
    """Judge a learner's function by calling it and the reference on each argument tuple in ``cases``.

    Here ``expected`` is the reference *function* (the exercise's solution returns it).
    """

    def judge(answer: Any, reference: Callable) -> Feedback:
        if not callable(answer):
            return incorrect(f"{notation} should be a function (def …), got {type(answer).__name__}.", "form")
        name = notation.split("(")[0]
        for args in cases:
            call = f"{name}({', '.join(_show(a) for a in args)})"
            want = reference(*args)
            try:
                got = answer(*args)
            except Exception as exc:
                return incorrect(f"{call} raised {type(exc).__name__}: {exc}.", "form")
            if got is None:
                return incorrect(f"{call} returned None: did you forget `return`?", "form")
            if got is Ellipsis:
                return Feedback(NOT_ATTEMPTED, "the function body still returns `...`.")
            value = as_real(got)
            if value is None:
                return incorrect(f"{call} returned {_show(got)}, which is not a single real number.", "form")
            if not math.isclose(value, want, rel_tol=rel, abs_tol=abs_tol):
                return incorrect(f"{call} returned {_show(got)}, which is not right yet.", "function")
        return correct(f"{notation} matches the reference on {len(cases)} test cases.")

    judge.cases = tuple(cases)  # type: ignore[attr-defined]
    return judge
