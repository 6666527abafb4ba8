#!/usr/bin/env python3
"""Build an nbgrader course directory from the lessons and their exercise registry (``make assignments``).

One assignment per lesson that has exercises (``lessonNN``), made from the lesson's own notebook:

* every exercise cell (``answer = ...`` then ``check("NN.key", answer)``) becomes a **solution
  cell**: the learner's stub, then a ``### BEGIN SOLUTION`` region that sets the answer to the
  exercise's reference solution (:func:`qedn_lessons.exercises.grading.reference_answer`, its source
  shown as a comment), which nbgrader strips from the student version;
* after it, an **autograded test cell** worth ``--points`` points: the visible ``check(...)`` the
  lesson already had (the learner's feedback), and, between ``### BEGIN HIDDEN TESTS`` and
  ``### END HIDDEN TESTS``, :func:`~qedn_lessons.exercises.grading.assert_correct`, which raises
  unless the same checker accepts the answer.

Every exercise of the registry must appear in its lesson's notebook, and every ``check`` in a
notebook must name a registered exercise; otherwise the build fails. Nothing is written twice: the
question text is the lesson's, the solution and the checker are the registry's.

Then, in the course directory::

    nbgrader generate_assignment lesson01     # release/: no solutions, no hidden tests
    nbgrader collect / autograde lesson01     # see docs/instructors/running_a_class.md
    nbgrader generate_feedback lesson01
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
import textwrap
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_ID = "qedn-lessons"
#: What nbgrader leaves in place of a solution region in the student version.
CODE_STUB = "# YOUR ANSWER HERE: replace the ... above, then run this cell and the check below"

_CHECK = re.compile(r"""^check\(\s*["'](?P<key>\d\d\.\w+)["']\s*,\s*(?P<name>[A-Za-z_]\w*)\s*\)\s*$""")

CONFIG = f'''# nbgrader configuration of the QEDN Lessons course (written by scripts/build_assignments.py).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "{COURSE_ID}"
# The student version keeps the lesson's own stub (answer = ...) above this line.
c.ClearSolutions.code_stub = {{"python": {CODE_STUB!r}}}
# Lessons run simulations: give a whole notebook time on a busy server.
c.ExecutePreprocessor.timeout = 900
c.Execute.timeout = 900
'''


def grade_id(key: str, part: str) -> str:
    return f"ex_{key.replace('.', '_')}_{part}"


def exercise_cells(nb) -> list[tuple[int, str, str]]:
    """(cell index, exercise key, answer variable) of every exercise cell of a lesson notebook."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            match = _CHECK.match(line.strip())
            if match:
                found.append((index, match["key"], match["name"]))
    return found


def _solution_source(key: str, name: str) -> str:
    from qedn_lessons.exercises import get_exercise

    exercise = get_exercise(key)
    shown = textwrap.dedent(inspect.getsource(exercise.solution)).rstrip()
    comment = "\n".join(f"# {line}" if line else "#" for line in shown.splitlines())
    return (
        "### BEGIN SOLUTION\n"
        f"# Reference solution of {key} ({exercise.title}), as show_solution({key!r}) prints it:\n"
        f"{comment}\n"
        "from qedn_lessons.exercises.grading import reference_answer\n\n"
        f"{name} = reference_answer({key!r})\n"
        "### END SOLUTION"
    )


def assignment_notebook(lesson: int, *, points: int = 1):
    """The nbgrader source notebook of ``lesson``: the lesson with its exercise cells made gradable.

    Raises
    ------
    ValueError
        If ``points`` is not a positive integer, the lesson has no exercises, or the notebook and the
        registry disagree about which exercises the lesson has.
    """
    from qedn_lessons.claims import NOTEBOOKS as FILES
    from qedn_lessons.exercises import all_exercises

    if isinstance(points, bool) or not isinstance(points, int) or points < 1:
        raise ValueError(f"points must be a positive integer, got {points!r}")
    if lesson not in FILES:
        raise ValueError(f"lesson must be one of {sorted(FILES)}, got {lesson!r}")
    registered = [e.key for e in all_exercises() if e.lesson == lesson]
    if not registered:
        raise ValueError(f"lesson {lesson:02d} has no exercises in the registry")
    nb = nbformat.read(NOTEBOOKS / FILES[lesson], as_version=4)
    cells = exercise_cells(nb)
    in_notebook = [key for _, key, _ in cells]
    if sorted(in_notebook) != sorted(registered) or len(set(in_notebook)) != len(in_notebook):
        raise ValueError(f"lesson {lesson:02d}: the notebook checks {in_notebook}, the registry has {registered}")

    out = []
    by_index = {index: (key, name) for index, key, name in cells}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if index not in by_index:
            out.append(cell)
            continue
        key, name = by_index[index]
        stub = "\n".join(line for line in cell.source.splitlines() if not _CHECK.match(line.strip())).rstrip()
        cell.source = f"{stub}\n{_solution_source(key, name)}"
        cell.metadata["nbgrader"] = {
            "grade": False,
            "grade_id": grade_id(key, "answer"),
            "locked": False,
            "schema_version": 3,
            "solution": True,
            "task": False,
        }
        out.append(cell)
        test = nbformat.v4.new_code_cell(
            f"check({key!r}, {name})  # the lesson's feedback on your answer\n"
            "### BEGIN HIDDEN TESTS\n"
            "from qedn_lessons.exercises.grading import assert_correct\n\n"
            f"assert_correct({key!r}, {name})\n"
            "### END HIDDEN TESTS"
        )
        test.metadata["nbgrader"] = {
            "grade": True,
            "grade_id": grade_id(key, "test"),
            "locked": True,
            "points": points,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
        out.append(test)
    header = nbformat.v4.new_markdown_cell(
        f"**Graded assignment: lesson {lesson:02d}** ({len(registered)} exercises, {points} point(s) each).\n\n"
        "Work through the lesson as usual. In each exercise cell, replace `...` with your answer and run "
        "the cell and the check below it: the feedback is the lesson's. When you submit, each exercise is "
        "graded by the same checker."
    )
    header.metadata["nbgrader"] = {
        "grade": False,
        "grade_id": f"header_{lesson:02d}",
        "locked": True,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    nb.cells = [header, *out]
    return nb


def lessons_with_exercises() -> list[int]:
    from qedn_lessons.exercises import all_exercises

    return sorted({e.lesson for e in all_exercises()})


def build(course_dir: Path, lessons: list[int] | None = None, *, points: int = 1) -> list[Path]:
    """Write ``nbgrader_config.py`` and ``source/lessonNN/<notebook>`` for each lesson; return the notebooks."""
    from qedn_lessons.claims import NOTEBOOKS as FILES

    course_dir = Path(course_dir)
    course_dir.mkdir(parents=True, exist_ok=True)
    (course_dir / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    written = []
    for lesson in lessons if lessons is not None else lessons_with_exercises():
        nb = assignment_notebook(lesson, points=points)
        folder = course_dir / "source" / f"lesson{lesson:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / FILES[lesson]
        nbformat.write(nb, path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_assignments", help="the nbgrader course directory")
    parser.add_argument("--lesson", type=int, action="append", help="only this lesson (repeatable)")
    parser.add_argument("--points", type=int, default=1, help="points per exercise")
    args = parser.parse_args(argv)
    written = build(args.out, args.lesson, points=args.points)
    for path in written:
        print(f"wrote {path.relative_to(args.out.resolve()) if path.is_absolute() else path}")
    tools = Path(sys.executable).parent  # nbgrader and alembic live beside this Python (.hub/venv/bin)
    print(
        f"nbgrader course directory: {args.out} ({len(written)} assignments). Next:\n"
        f"  cd {args.out} && PATH={tools}:$PATH nbgrader generate_assignment lesson01"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
