"""Exercises with automatic feedback.

In a notebook::

    from qedn_lessons.exercises import check, show_solution
    answer = ...            # the learner replaces ... with an answer
    check("01.t2", answer)  # prints "Not attempted yet", "Not yet: …" or "Correct: …"

Each lesson's exercises live in ``qedn_lessons/exercises/lessonNN.py``; each exercise carries its
reference solution, which is the one place solutions live. ``show_solution(key)`` prints its source
and a test runs every solution through its own checker.
"""

from qedn_lessons.exercises.core import (
    Exercise,
    Feedback,
    all_exercises,
    check,
    evaluate,
    get_exercise,
    show_solution,
)

__all__ = ["Exercise", "Feedback", "all_exercises", "check", "evaluate", "get_exercise", "show_solution"]
