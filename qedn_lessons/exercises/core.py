"""The checker framework: novice-first feedback, expected vs got, a clear success line.

An :class:`Exercise` couples a ``key`` ("01.t2"), a ``solution`` (a function returning the reference
answer) and a ``judge`` that turns an answer into a :class:`Feedback`. Ready-made judges:
:func:`number`, :func:`array`, :func:`choice`, :func:`function`. Every judge first catches the
common novice failures -- ``...`` left in place, ``None`` returned, the wrong type or shape, NaN --
and only then compares with the expected value, in the lesson's notation.

Register an exercise by defining it at module level in ``qedn_lessons/exercises/lessonNN.py`` with
:func:`register`; :func:`all_exercises` discovers every lesson module.
"""

from __future__ import annotations

import inspect
import math
import numbers
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qedn_lessons._registry import import_submodules

NOT_ATTEMPTED = "not attempted"
CORRECT = "correct"
INCORRECT = "incorrect"


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``status`` is "correct", "incorrect" or "not attempted"."""

    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def __str__(self) -> str:
        prefix = {CORRECT: "✅ Correct", INCORRECT: "❌ Not yet", NOT_ATTEMPTED: "⏳ Not attempted yet"}[self.status]
        return f"{prefix}: {self.message}"


def correct(message: str) -> Feedback:
    return Feedback(CORRECT, message)


def incorrect(message: str) -> Feedback:
    return Feedback(INCORRECT, message)


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
            return incorrect(f"your answer could not be checked ({type(exc).__name__}: {exc}).")
        if not feedback.passed:
            for mistake in self.mistakes:
                try:
                    hint = mistake(answer, expected)
                except Exception:
                    hint = None
                if hint:
                    return incorrect(f"{feedback.message} {hint}")
        return feedback


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


def get_exercise(key: str) -> Exercise:
    if not isinstance(key, str):
        raise TypeError(f"key must be an exercise key such as '01.t2', got {key!r}")
    if key not in _EXERCISES:
        all_exercises()
    if key not in _EXERCISES:
        known = ", ".join(sorted(_EXERCISES))
        raise ValueError(f"key must be one of the course's exercises ({known}); got {key!r}")
    return _EXERCISES[key]


def evaluate(key: str, answer: Any) -> Feedback:
    """Judge ``answer`` to exercise ``key`` without printing (used by tests and by :func:`check`)."""
    return get_exercise(key).evaluate(answer)


def check(key: str, answer: Any) -> None:
    """Print feedback on ``answer`` to exercise ``key``. Never raises on a learner's answer."""
    print(evaluate(key, answer))


def show_solution(key: str) -> None:
    """Print the reference solution of exercise ``key`` (its source code) and its value."""
    exercise = get_exercise(key)
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


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer)
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.isrealobj(answer):
        return float(answer.reshape(-1)[0])
    if isinstance(answer, numbers.Complex) and abs(answer.imag) < 1e-12:
        return float(answer.real)
    return None


# --- ready-made judges --------------------------------------------------------------------------

def number(*, notation: str, unit: str = "", rel: float = 1e-3, abs_tol: float = 1e-9) -> Judge:
    """Judge a single real number against the expected one within ``rel`` (relative) or ``abs_tol``."""

    def judge(answer: Any, expected: float) -> Feedback:
        value = _as_number(answer)
        if value is None:
            if isinstance(answer, str):
                return incorrect(f"{notation} should be a number, not the text {answer!r} (remove the quotes).")
            return incorrect(f"{notation} should be a single number, got {type(answer).__name__} {_show(answer)}.")
        if math.isnan(value):
            return incorrect(f"{notation} came out as NaN: look for 0/0 or a log of a negative number.")
        if math.isclose(value, expected, rel_tol=rel, abs_tol=abs_tol):
            return correct(f"{notation} = {_show(value, unit)}.")
        return incorrect(f"expected {notation} ≈ {_show(expected, unit)}, got {_show(value, unit)}.")

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
            return incorrect(f"{notation} should be an array of numbers, got {type(answer).__name__}.")
        if got.size == expected.size and got.shape != expected.shape:
            got = got.reshape(expected.shape)
        if got.shape != expected.shape:
            return incorrect(f"{notation} should have shape {expected.shape}, got shape {got.shape}.")
        if not np.all(np.isfinite(got)):
            return incorrect(f"{notation} contains NaN or infinity.")
        if normalised:
            norm = float(np.linalg.norm(got))
            if abs(norm - 1) > 1e-3:
                return incorrect(f"{notation} is not normalised: its norm is {norm:.4g}, it must be 1 (divide by the norm).")
        if up_to_phase:
            overlap = np.vdot(expected.reshape(-1), got.reshape(-1))
            if abs(overlap) > 1e-12:
                got = got * (abs(overlap) / overlap)
        if np.allclose(got, expected, rtol=rtol, atol=atol):
            return correct(f"{notation} = {_show(np.real_if_close(got))}.")
        return incorrect(f"expected {notation} = {_show(np.real_if_close(expected))}, got {_show(np.real_if_close(got))}.")

    return judge


def choice(*, notation: str, options: Sequence[str]) -> Judge:
    """Judge a choice among ``options`` (case and surrounding spaces ignored)."""
    normal = {o.strip().lower(): o for o in options}

    def judge(answer: Any, expected: str) -> Feedback:
        if not isinstance(answer, str):
            return incorrect(f"{notation} should be one of {list(options)} as text, got {_show(answer)}.")
        key = answer.strip().lower()
        if key not in normal:
            return incorrect(f"{notation} should be one of {list(options)}, got {answer!r}.")
        if normal[key] == expected:
            return correct(f"{notation} is {expected!r}.")
        return incorrect(f"{answer!r} is not right for {notation}; look again at what the simulation shows.")

    return judge


def function(*, notation: str, cases: Sequence[tuple], rel: float = 1e-6, abs_tol: float = 1e-9) -> Judge:
    """Judge a learner's function by calling it and the reference on each argument tuple in ``cases``.

    Here ``expected`` is the reference *function* (the exercise's solution returns it).
    """

    def judge(answer: Any, reference: Callable) -> Feedback:
        if not callable(answer):
            return incorrect(f"{notation} should be a function (def …), got {type(answer).__name__}.")
        name = notation.split("(")[0]
        for args in cases:
            call = f"{name}({', '.join(_show(a) for a in args)})"
            want = reference(*args)
            try:
                got = answer(*args)
            except Exception as exc:
                return incorrect(f"{call} raised {type(exc).__name__}: {exc}.")
            if got is None:
                return incorrect(f"{call} returned None: did you forget `return`?")
            if got is Ellipsis:
                return Feedback(NOT_ATTEMPTED, "the function body still returns `...`.")
            value = _as_number(got)
            if value is None or not math.isclose(value, want, rel_tol=rel, abs_tol=abs_tol):
                return incorrect(f"expected {call} = {_show(want)}, got {_show(got)}.")
        return correct(f"{notation} matches the reference on {len(cases)} test cases.")

    return judge
