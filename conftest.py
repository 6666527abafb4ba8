"""Root pytest hooks: while the notebooks execute under nbval, every figure ``show()`` displays is
saved to test-artifacts/static-figures (for ``make gallery``) and checked by
:mod:`qedn_lessons.figure_checks`; a figure with a finding fails its cell."""

import os
from pathlib import Path

import pytest

_FIGURES = Path(__file__).resolve().parent / "test-artifacts" / "static-figures"


def pytest_configure(config):
    os.environ.setdefault("QEDN_FIGURE_DIR", str(_FIGURES))
    os.environ.setdefault("QEDN_FIGURE_CHECKS", "strict")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # nbval starts a notebook's kernel when its first cell is set up; the kernel inherits this name.
    path = Path(str(item.fspath))
    if path.suffix == ".ipynb" and os.environ.get("QEDN_NOTEBOOK") != path.stem:
        os.environ["QEDN_NOTEBOOK"] = path.stem
        for old in Path(os.environ["QEDN_FIGURE_DIR"]).glob(f"{path.stem}*"):
            old.unlink()
