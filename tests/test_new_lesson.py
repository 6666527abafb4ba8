"""Adding a lesson is one command: the scaffolder writes a lesson that passes the generic tests.

A throwaway lesson is scaffolded into a temporary copy of the repository (its tracked files), placed
before the capstone by the manifest, and the copy's generic tests run on it in a subprocess: the
framework tests (exercises, verdicts, explorers, notebook hygiene), the course map and README, the
manifest checks, the lesson's own test stub and its notebook under nbval.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NUMBER, SLUG = 10, "heat_budget"


def _copy_repository(destination: Path) -> None:
    names = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, names.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _run(args: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    copy = tmp_path_factory.mktemp("repo")
    _copy_repository(copy)
    env = {**os.environ, "PYTHONPATH": str(copy), "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1"}
    done = _run([sys.executable, "scripts/new_lesson.py", str(NUMBER), SLUG, "--title", "A heat budget"], copy, env)
    assert done.returncode == 0, done.stderr
    return copy, env


@pytest.mark.slow
def test_scaffolded_lesson_passes_the_generic_tests(scaffolded):
    copy, env = scaffolded
    # the copy's package is the one imported (not this checkout's)
    where = _run([sys.executable, "-c", "import qedn_lessons, sys; print(qedn_lessons.__file__)"], copy, env)
    assert where.stdout.strip().startswith(str(copy)), where.stdout + where.stderr
    # inserted before the capstone: a manifest edit, nothing renumbered
    order = _run(
        [
            sys.executable,
            "-c",
            "from qedn_lessons import manifest; print(manifest.lesson_numbers(), "
            "manifest.lessons_label(manifest.earlier_lessons(9)))",
        ],
        copy,
        env,
    )
    assert order.stdout.strip() == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 9] lessons 01, 02, 03, 04, 05, 06, 07, 08, 10", order.stderr
    notebook = f"notebooks/{NUMBER:02d}_{SLUG}.ipynb"
    for step in (["scripts/nbtool.py", "refresh", notebook], ["scripts/update_readme.py"], ["scripts/nbtool.py", "check"]):
        done = _run([sys.executable, *step], copy, env)
        assert done.returncode == 0, f"{step}: {done.stdout}\n{done.stderr}"
    # every generic test that concerns the new lesson (the others were run on this checkout already)
    selection = " or ".join(
        [
            "heat_budget",
            "HeatBudget",
            f"{NUMBER:02d}.",
            "manifest",
            "every_lesson",
            "ledger",
            "notebooks_are_clean",
            "course",
            "readme",
            "surviving",
            "refused",
            "word",
        ]
    )
    tests = _run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
            "-k",
            selection,
            "tests/test_framework.py",
            "tests/test_course.py",
            "tests/test_readme.py",
            f"tests/test_{SLUG}.py",
            "tests/test_maintenance.py",
            "--nbval-lax",
            notebook,
        ],
        copy,
        env,
    )
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]
    passed = int(tests.stdout.strip().splitlines()[-1].split(" passed")[0].split()[-1])
    assert passed >= 15, tests.stdout[-2000:]  # exercises 3, explorer 2, stub 4, notebook cells, manifest, ledger, map


def test_scaffolder_refuses_to_overwrite(scaffolded):
    copy, env = scaffolded
    again = _run([sys.executable, "scripts/new_lesson.py", str(NUMBER), SLUG], copy, env)
    assert again.returncode != 0 and "already in" in again.stderr
    clash = _run([sys.executable, "scripts/new_lesson.py", "3", "other_slug"], copy, env)
    assert clash.returncode != 0 and "lesson number 3 is already" in clash.stderr
    bad = _run([sys.executable, "scripts/new_lesson.py", "11", "Bad-Slug"], copy, env)
    assert bad.returncode != 0 and "slug must match" in bad.stderr
