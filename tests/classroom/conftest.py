"""The classroom tests (``make test-classroom``): nbgrader, JupyterHub with nbgitpuller, Binder.

They use the classroom environment ``.hub/venv`` (requirements-hub.txt, installed by ``make hub-deps``)
and the proxy the Makefile installs from npm into ``.hub/node_modules``. Without them the tests skip
locally with the reason, and FAIL when the ``CI`` environment variable is set: CI must never pass by
skipping them. Every test here is marked ``classroom``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "browser"))  # servers.py and pages.py: the browser helpers

from classroom_env import HUB_BIN, unavailable  # noqa: E402


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.classroom)


@pytest.fixture(scope="session")
def hub_bin() -> Path:
    """The classroom environment's bin/ (fails under CI, skips locally, when it is missing)."""
    for tool in ("python", "nbgrader", "jupyterhub", "jupyterhub-singleuser", "jupyter-repo2docker"):
        if not (HUB_BIN / tool).exists():
            unavailable(f"{HUB_BIN / tool} is missing: run `make hub-deps` (installs requirements-hub.txt into .hub/venv)")
    return HUB_BIN
