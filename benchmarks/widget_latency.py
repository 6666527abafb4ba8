#!/usr/bin/env python3
"""Kernel-side latency of every explorer: set a control to a random valid value and time the whole
update (physics + redraw + PNG encoding), as a slider release does, side by side with a full redraw.

For each explorer, in one run and on the same seeded moves:

* ``move_median_ms`` / ``move_p95_ms``: the update as it runs now (cached physics, redraw of what moved);
* ``full_redraw_median_ms``: a full redraw of the same figure at the same settings to PNG (``savefig``),
  timed after each move on a second explorer that follows the same moves;
* ``ratio_median`` = move median / full-redraw median, ``ratio_p95`` = move p95 / full-redraw median
  (targets: ≤ 0.35 and ≤ 0.6);
* ``before_median_ms`` / ``before_p95_ms``: the previous path (``QEDN_FULL_REDRAW``: a full savefig per move,
  physics caches emptied before each move);
* ``modes``: how the moves were drawn (blit, axes = some panels redrawn, full).

Prints JSON. Not a test: timings on a shared machine are noisy.

    python benchmarks/widget_latency.py [--moves 40] [--seed 0] [NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter

import matplotlib
import numpy as np

matplotlib.use("Agg")

from qedn_lessons.style import figure_png
from qedn_lessons.widgets.base import all_explorers, clear_physics_caches, random_value
from qedn_lessons.widgets.render import FULL_REDRAW_ENV


def _moves(explorer, count: int, rng: np.random.Generator) -> list[tuple[str, object]]:
    """``count`` seeded (control, value) pairs, each changing the control's value."""
    values = explorer.values()
    out = []
    names = list(explorer.controls)
    while len(out) < count:
        name = names[int(rng.integers(len(names)))]
        value = random_value(explorer.controls[name], rng)
        if value != values[name]:
            values[name] = value
            out.append((name, value))
    return out


def _stats(times: list[float]) -> tuple[float, float]:
    return float(np.median(times)), float(np.percentile(times, 95))


def measure(cls, moves: int, rng: np.random.Generator) -> dict:
    fast = cls()
    # the reference is built on the previous path from its first frame, so its figure never gets the
    # fast renderer's text cache: its savefig is matplotlib's own full redraw
    saved = os.environ.get(FULL_REDRAW_ENV)
    os.environ[FULL_REDRAW_ENV] = "1"
    try:
        before = cls()
    finally:
        if saved is None:
            del os.environ[FULL_REDRAW_ENV]
        else:
            os.environ[FULL_REDRAW_ENV] = saved
    assert before.renderer.full_redraw and not fast.renderer.full_redraw
    plan = _moves(fast, moves, rng)
    move_ms, full_ms, before_ms, modes = [], [], [], Counter()
    for name, value in plan:
        start = time.perf_counter()
        fast.controls[name].value = value  # the observer runs the whole update synchronously
        move_ms.append((time.perf_counter() - start) * 1e3)
        modes[fast.renderer.mode] += 1
        clear_physics_caches()
        start = time.perf_counter()
        before.controls[name].value = value
        before_ms.append((time.perf_counter() - start) * 1e3)
        start = time.perf_counter()
        figure_png(before.fig)
        full_ms.append((time.perf_counter() - start) * 1e3)
    move_med, move_p95 = _stats(move_ms)
    full_med, _ = _stats(full_ms)
    before_med, before_p95 = _stats(before_ms)
    return {
        "move_median_ms": round(move_med, 1),
        "move_p95_ms": round(move_p95, 1),
        "full_redraw_median_ms": round(full_med, 1),
        "ratio_median": round(move_med / full_med, 3),
        "ratio_p95": round(move_p95 / full_med, 3),
        "before_median_ms": round(before_med, 1),
        "before_p95_ms": round(before_p95, 1),
        "n": len(move_ms),
        "modes": dict(modes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    if args.moves < 1:
        parser.error(f"--moves must be at least 1, got {args.moves}")
    rng = np.random.default_rng(args.seed)
    explorers = all_explorers()
    names = args.names or list(explorers)
    unknown = sorted(set(names) - set(explorers))
    if unknown:
        parser.error(f"unknown explorer(s) {unknown}; known: {sorted(explorers)}")
    results = {name: measure(explorers[name], args.moves, rng) for name in names}
    worst = max(results.values(), key=lambda r: r["ratio_median"])
    results["_summary"] = {
        "targets": "ratio_median <= 0.35 and ratio_p95 <= 0.6 for every explorer",
        "all_met": all(r["ratio_median"] <= 0.35 and r["ratio_p95"] <= 0.6 for r in results.values() if "n" in r),
        "worst_ratio_median": worst["ratio_median"],
        "worst_ratio_p95": max(r["ratio_p95"] for k, r in results.items() if k != "_summary"),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
