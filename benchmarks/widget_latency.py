#!/usr/bin/env python3
"""Kernel-side latency of every explorer: set a control to a random valid value and time the full
update (physics + in-place redraw + PNG encoding), as a slider release does.

Prints JSON ``{explorer: {"median_ms", "p95_ms", "n"}}``. Targets (docs/DESIGN_NOTES.md, "Performance targets", on a 2-core machine):
median ≤ 100 ms, p95 ≤ 200 ms. Not a test: timings on a shared machine are noisy.

    python benchmarks/widget_latency.py [--moves 40] [--seed 0] [NAME ...]
"""

from __future__ import annotations

import argparse
import json
import time

import matplotlib
import numpy as np

matplotlib.use("Agg")

from qedn_lessons.widgets.base import all_explorers, random_value


def measure(cls, moves: int, rng: np.random.Generator) -> dict:
    explorer = cls()
    controls = list(explorer.controls.values())
    times = []
    while len(times) < moves:
        control = controls[int(rng.integers(len(controls)))]
        value = random_value(control, rng)
        if value == control.value:
            continue
        start = time.perf_counter()
        control.value = value  # the observer runs the whole update synchronously
        times.append((time.perf_counter() - start) * 1e3)
    return {"median_ms": round(float(np.median(times)), 1), "p95_ms": round(float(np.percentile(times, 95)), 1), "n": len(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    explorers = all_explorers()
    names = args.names or list(explorers)
    print(json.dumps({name: measure(explorers[name], args.moves, rng) for name in names}, indent=2))


if __name__ == "__main__":
    main()
