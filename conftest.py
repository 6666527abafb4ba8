"""Loaded by every pytest run from this folder (unit tests, nbval over notebooks/, browser tests).

* The learner's progress file (qedn_lessons.progress) must never be written into the repository by a
  test run: point it at a throwaway file before any test, kernel or server starts (kernels and servers
  inherit the environment). tests/conftest.py gives each unit test its own file on top of this.
* While the notebooks execute under nbval, every figure ``show()`` displays is checked by
  :mod:`qedn_lessons.figure_checks` (a finding fails its cell) and saved to test-artifacts/static-figures
  for ``make gallery``. Those variables are set only while nbval starts a notebook's kernel (the kernel
  inherits them), not for the whole session, so kernels that other tests start (static site, Voila,
  JupyterLab) are unaffected.
"""

import os
import tempfile
from pathlib import Path

import pytest

os.environ["QEDN_PROGRESS_FILE"] = os.path.join(tempfile.mkdtemp(prefix="qedn-progress-"), "qedn_progress.json")
os.environ.pop("QEDN_SHOW_ALL_VERDICTS", None)

_FIGURES = Path(__file__).resolve().parent / "test-artifacts" / "static-figures"
_STARTED: set[str] = set()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    path = Path(str(item.fspath))
    if path.suffix != ".ipynb" or path.stem in _STARTED:
        yield
        return
    _STARTED.add(path.stem)  # nbval starts this notebook's kernel in the setup of its first cell
    folder = Path(os.environ.get("QEDN_FIGURE_DIR", _FIGURES))
    for old in folder.glob(f"{path.stem}*"):
        old.unlink()
    saved = {k: os.environ.get(k) for k in ("QEDN_FIGURE_DIR", "QEDN_FIGURE_CHECKS", "QEDN_NOTEBOOK")}
    os.environ.update(
        QEDN_FIGURE_DIR=str(folder), QEDN_NOTEBOOK=path.stem, QEDN_FIGURE_CHECKS=saved["QEDN_FIGURE_CHECKS"] or "strict"
    )
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
