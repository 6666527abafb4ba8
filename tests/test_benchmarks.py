"""The benchmark scripts still run: each is started as ``make bench`` / ``make bench-class`` start it,
on the smallest input, and its JSON is read back. (The figures themselves are measured, not tested:
see README, "Performance".)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, timeout: float) -> dict:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


def test_widget_latency_measures_an_explorer():
    out = _run(
        "benchmarks/widget_latency.py", "--moves", "3", "qedn_lessons.widgets.entanglement.NoSignallingExplorer", timeout=300
    )
    row = out["qedn_lessons.widgets.entanglement.NoSignallingExplorer"]
    assert row["n"] == 3 and row["move_median_ms"] > 0 and row["full_redraw_median_ms"] > 0
    assert set(out["_summary"]) >= {"all_met", "worst_ratio_median", "worst_ratio_p95"}


def test_class_load_accepts_a_class_name_and_runs_one_student():
    out = _run(
        "benchmarks/class_load.py",
        "--students",
        "1",
        "--duration",
        "3",
        "--min-interval",
        "0.3",
        "--max-interval",
        "0.6",
        "--explorer",
        "TransportExplorer",
        timeout=300,
    )
    assert out["explorer"] == "qedn_lessons.widgets.transport.TransportExplorer"
    (only,) = out["classes"]
    assert only["students"] == 1 and only["moves"] >= 1 and only["p50_ms"] > 0


def test_class_load_refuses_an_unknown_explorer():
    done = subprocess.run(
        [sys.executable, "benchmarks/class_load.py", "--explorer", "NoSuchExplorer"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and "--explorer must name one registered explorer" in done.stderr


def test_importing_the_package_asks_for_one_blas_thread_unless_the_user_chose():
    """Set before NumPy loads (OpenBLAS reads it then): with two threads on a busy 2-core machine a move
    of lesson 03's transport explorer took 25 s in Voila instead of 63 ms (browser_latency.py)."""
    code = "import os, qedn_lessons, sys; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])"
    clean = {k: v for k, v in __import__("os").environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "1"]
    chosen = {**clean, "OPENBLAS_NUM_THREADS": "2"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=chosen, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "1"]
