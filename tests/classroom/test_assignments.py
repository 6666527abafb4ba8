"""Graded assignments from the exercise registry, through nbgrader's real workflow (issue 11, item 4).

Static checks run over every lesson; the round trip (generate the student version, submit it three
ways, autograde, generate feedback) runs on lesson 01 with nbgrader's own command-line tools.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess

import nbformat
import pytest
from classroom_env import ROOT, hub_env

from qedn_lessons.exercises import all_exercises, get_exercise
from qedn_lessons.exercises.grading import NotCorrect, assert_correct, reference_answer

LESSON = 1


def _builder():
    spec = importlib.util.spec_from_file_location("build_assignments", ROOT / "scripts" / "build_assignments.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_grading_helpers_use_the_checkers():
    for exercise in all_exercises():
        assert_correct(exercise.key, reference_answer(exercise.key))
        for wrong in exercise.wrong_examples:
            with pytest.raises(NotCorrect, match=exercise.key):
                assert_correct(exercise.key, wrong)
        with pytest.raises(AssertionError):
            assert_correct(exercise.key, ...)  # not attempted is not correct
    with pytest.raises(ValueError, match="There is no exercise"):
        assert_correct("99.nope", 1.0)


def test_every_exercise_becomes_one_solution_and_one_graded_test(tmp_path):
    builder = _builder()
    written = builder.build(tmp_path, points=2)
    keys_by_lesson: dict[int, list[str]] = {}
    for exercise in all_exercises():
        keys_by_lesson.setdefault(exercise.lesson, []).append(exercise.key)
    assert len(written) == len(keys_by_lesson)
    for path in written:
        lesson = int(path.parent.name.removeprefix("lesson"))
        nb = nbformat.read(path, as_version=4)
        graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        solutions = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
        assert len(graded) == len(solutions) == len(keys_by_lesson[lesson])
        assert all(c.metadata["nbgrader"]["points"] == 2 for c in graded)
        found = sorted(k for c in graded for k in keys_by_lesson[lesson] if f"assert_correct({k!r}" in c.source)
        assert found == sorted(keys_by_lesson[lesson])
        assert all("### BEGIN SOLUTION" in c.source and "reference_answer(" in c.source for c in solutions)
    assert (tmp_path / "nbgrader_config.py").is_file()
    with pytest.raises(ValueError, match="points"):
        builder.assignment_notebook(1, points=0)
    with pytest.raises(ValueError, match="no exercises"):
        builder.assignment_notebook(0)


def _literal(value) -> str | None:
    """Source text for an answer a learner would type, or None when it is not a plain literal."""
    if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)):
        return repr(value)
    return None


def test_nbgrader_round_trip(hub_bin, tmp_path):
    builder = _builder()
    course = tmp_path / "course"
    builder.build(course, [LESSON])
    env = hub_env()

    def nbgrader(*args: str) -> str:
        done = subprocess.run(
            [str(hub_bin / "nbgrader"), *args], cwd=course, env=env, capture_output=True, text=True, timeout=900
        )
        assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        return done.stdout + done.stderr

    assignment = f"lesson{LESSON:02d}"
    nbgrader("generate_assignment", assignment, "--force")
    released = next((course / "release" / assignment).glob("*.ipynb"))
    text = released.read_text()
    for secret in ("BEGIN SOLUTION", "reference_answer", "HIDDEN TESTS", "assert_correct"):
        assert secret not in text, f"the student version shows {secret!r}"
    student_nb = nbformat.read(released, as_version=4)
    solution_cells = [c for c in student_nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    by_id = {builder.grade_id(e.key, "answer"): e.key for e in all_exercises() if e.lesson == LESSON}
    keys = [by_id[c.metadata["nbgrader"]["grade_id"]] for c in solution_cells]  # in the notebook's order
    assert sorted(keys) == sorted(by_id.values())
    assert len(solution_cells) == len(keys) and all("answer = ..." in c.source for c in solution_cells)

    wrong_key = keys[0]
    submissions = {"reference": {}, "blank": None, "one_wrong": {wrong_key: repr(get_exercise(wrong_key).wrong_examples[0])}}
    for student, overrides in submissions.items():
        nb = nbformat.read(released, as_version=4)
        if overrides is not None:
            for cell, key in zip([c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")], keys, strict=True):
                literal = _literal(reference_answer(key))
                assert literal is not None, f"{key}: lesson {LESSON}'s answers are plain values"
                cell.source = f"answer = {overrides.get(key, literal)}"
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / released.name)

    nbgrader("autograde", assignment, "--force")
    probe = (
        "import json\nfrom nbgrader.api import Gradebook\nout = {}\n"
        "with Gradebook('sqlite:///gradebook.db') as gb:\n"
        f"    for sub in gb.assignment_submissions({assignment!r}):\n"
        "        out[sub.student.id] = {'score': sub.score, 'max': sub.max_score,\n"
        "            'grades': {g.name: g.score for nb in sub.notebooks for g in nb.grades}}\n"
        "print(json.dumps(out))\n"
    )
    grades = json.loads(
        subprocess.run(
            [str(hub_bin / "python"), "-c", probe], cwd=course, env=env, capture_output=True, text=True, check=True, timeout=120
        ).stdout
    )
    full = float(len(keys))
    print(f"\nnbgrader {assignment}: " + ", ".join(f"{s} {g['score']:g}/{g['max']:g}" for s, g in grades.items()))
    assert grades["reference"]["score"] == grades["reference"]["max"] == full
    assert grades["blank"]["score"] == 0 and grades["blank"]["max"] == full
    assert grades["one_wrong"]["score"] == full - 1
    lost = [name for name, score in grades["one_wrong"]["grades"].items() if score == 0]
    assert lost == [builder.grade_id(wrong_key, "test")]

    nbgrader("generate_feedback", assignment, "--force")
    for student in submissions:
        html = next((course / "feedback" / student / assignment).glob("*.html")).read_text()
        expected = f"{grades[student]['score']:.1f} / {full:.1f}"
        assert expected in html, f"{student}'s feedback does not show the score {expected}"
