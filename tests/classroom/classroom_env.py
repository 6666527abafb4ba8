"""Paths and environment of the classroom tools, shared by the classroom tests (see conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HUB_DIR = ROOT / ".hub"
HUB_BIN = HUB_DIR / "venv" / "bin"
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
IN_CI = bool(os.environ.get("CI"))


def unavailable(reason: str):
    """Fail under CI, skip otherwise."""
    if IN_CI:
        pytest.fail(f"classroom tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def hub_env() -> dict[str, str]:
    """The environment for the classroom tools: .hub/venv first on PATH (nbgrader calls alembic)."""
    env = dict(os.environ)
    env["PATH"] = f"{HUB_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("VIRTUAL_ENV", None)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env["MPLBACKEND"] = "Agg"
    return env
