import os

import matplotlib
import pytest
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

# Deterministic property tests in CI (same examples every run), no per-example deadline: the
# physics calls qutip and timing on a shared 2-core machine is noisy.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _private_progress_file(tmp_path, monkeypatch):
    """Each test records exercises, predictions and claims in its own throwaway progress file."""
    monkeypatch.setenv("QEDN_PROGRESS_FILE", str(tmp_path / "qedn_progress.json"))
