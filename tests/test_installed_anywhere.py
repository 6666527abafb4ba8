"""The package works installed anywhere, the way a JupyterHub uses it (issue 11, item 1).

On a hub the package is installed with pip (not editable, not inside the repository) and
nbgitpuller pulls the notebooks into each student's home. Here: a non-editable ``pip install
--target`` of a copy of the source into one temporary folder, the notebooks copied into another, and
lessons 00 and 01 executed from there with nbclient, the kernel importing the installed copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from qedn_lessons import course
from qedn_lessons.claims import NOTEBOOKS

ROOT = Path(__file__).resolve().parent.parent


def test_find_notebook_dir_order(tmp_path, monkeypatch):
    pulled = tmp_path / "home" / "qedn-lessons" / "notebooks"
    pulled.mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / NOTEBOOKS[0], pulled / NOTEBOOKS[0])
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.delenv(course.NOTEBOOK_ENV, raising=False)
    monkeypatch.chdir(pulled)  # a kernel's working directory is its notebook's folder
    assert course.find_notebook_dir() == pulled
    assert course.NOTEBOOK_DIR == pulled
    monkeypatch.chdir(pulled.parent)  # the repository's root: its notebooks/ subfolder
    assert course.find_notebook_dir() == pulled
    monkeypatch.setenv(course.NOTEBOOK_ENV, str(other))  # the environment variable beats the cwd
    assert course.find_notebook_dir() == other
    assert course.find_notebook_dir(pulled) == pulled  # an explicit argument beats everything
    entries = course.course_map()  # from the env var's (empty) folder: nothing written there
    assert not any(e.exists for e in entries)


def test_find_notebook_dir_rejects_bad_input(tmp_path, monkeypatch):
    with pytest.raises(TypeError, match="notebook_dir"):
        course.find_notebook_dir(3)
    with pytest.raises(ValueError, match="notebook_dir"):
        course.find_notebook_dir(tmp_path / "missing")
    monkeypatch.setenv(course.NOTEBOOK_ENV, str(tmp_path / "missing"))
    with pytest.raises(ValueError, match=course.NOTEBOOK_ENV):
        course.find_notebook_dir()


def test_nothing_found_is_an_error_not_an_empty_course(tmp_path, monkeypatch):
    monkeypatch.delenv(course.NOTEBOOK_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(course, "_CHECKOUT_DIR", tmp_path / "no-checkout")
    assert course.find_notebook_dir() is None
    with pytest.raises(FileNotFoundError, match=course.NOTEBOOK_ENV):
        course.course_map()


@pytest.mark.slow
def test_non_editable_install_runs_lessons_00_and_01_from_elsewhere(tmp_path):
    source = tmp_path / "source"  # a copy, so pip's in-tree build never writes into the repository
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "qedn_lessons", source / "qedn_lessons", ignore=shutil.ignore_patterns("__pycache__"))
    site = tmp_path / "site-packages"
    done = subprocess.run(  # pip builds the wheel in an isolated environment (setuptools from PyPI)
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (site / "qedn_lessons" / "course.py").is_file()
    shutil.rmtree(source)  # nothing may point back at a source tree

    notebooks = tmp_path / "home" / "student" / "qedn-lessons" / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))

    from nbclient import NotebookClient

    env = {k: v for k, v in os.environ.items() if k != course.NOTEBOOK_ENV}
    env["PYTHONPATH"] = str(site)  # before site-packages, so the kernel imports the installed copy
    old_env = os.environ.copy()
    os.environ.clear()
    os.environ.update(env)  # the kernel inherits the client's environment
    try:
        for number in (0, 1):
            path = notebooks / NOTEBOOKS[number]
            nb = nbformat.read(path, as_version=4)
            probe = nbformat.v4.new_code_cell(
                "import qedn_lessons, qedn_lessons.course as _c\n"
                "print('PACKAGE', qedn_lessons.__file__)\nprint('NOTEBOOKS', _c.NOTEBOOK_DIR)"
            )
            nb.cells.append(probe)
            NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(notebooks)}}).execute()
            printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
            assert f"PACKAGE {site}" in printed, printed
            assert f"NOTEBOOKS {notebooks}" in printed, printed
            if number == 0:
                text = "".join(
                    o.get("data", {}).get("text/markdown", "")
                    for cell in nb.cells
                    if cell.cell_type == "code"
                    for o in cell.outputs
                )
                assert "| 09 |" in text and course.NOT_WRITTEN not in text, text
    finally:
        os.environ.clear()
        os.environ.update(old_env)
