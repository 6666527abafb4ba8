"""Grading helpers for nbgrader assignments built from the exercise registry (``make assignments``).

The autograded test cells of an assignment call :func:`assert_correct`, which judges an answer with
the same checker the lesson's ``check(...)`` uses and raises when it is not correct; the solution
regions hold :func:`reference_answer`, the exercise's own reference solution. Nothing about an
exercise is written a second time.
"""

from __future__ import annotations

from typing import Any

from qedn_lessons.exercises.core import evaluate, get_exercise


class NotCorrect(AssertionError):
    """An answer the checker did not accept (not attempted or incorrect)."""


def assert_correct(key: str, answer: Any) -> None:
    """Raise :class:`NotCorrect` (an ``AssertionError``) unless ``answer`` passes exercise ``key``.

    The message is the checker's own feedback, exactly what ``check(key, answer)`` prints.

    Raises
    ------
    TypeError, ValueError
        If ``key`` is not a string or not an exercise of the course.
    NotCorrect
        If the answer is not correct (including ``...`` and ``None``, i.e. not attempted).
    """
    feedback = evaluate(key, answer)
    if not feedback.passed:
        raise NotCorrect(f"{key}: {feedback}")


def reference_answer(key: str) -> Any:
    """The reference answer of exercise ``key`` (for a function exercise, the reference function)."""
    return get_exercise(key).expected()
