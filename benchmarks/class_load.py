#!/usr/bin/env python3
"""A class on one machine: N students' kernels, each moving a slider of a lesson explorer every 2–5 s.

For each class size N (default 5, 10 and 20) the benchmark starts N IPython kernels with
``jupyter_client``'s ``KernelManager`` (one BLAS thread each, as ``make`` sets), builds the explorer in
each, then for ``--duration`` seconds every student sets a random slider of it to a random reachable
value at random intervals of 2–5 s (seeded). It reports, per N:

* ``p50_ms`` / ``p95_ms``: latency of a move as the student's front end would see it, from sending
  the request to the kernel's reply (queueing behind the other kernels on the shared cores included);
* ``cpu_s_per_move``: CPU seconds the kernel spent on the move (``time.process_time`` around it);
* ``moves`` and ``late`` (moves that could not start on time because the previous one had not returned).

and, over all N, ``holds_at_p95_under_500ms``: the largest N such that it and every smaller N measured
had p95 < 500 ms, and
``cpu_ceiling_students``: how many students the machine's cores could serve at all at this CPU cost
(cores × mean interval / CPU per move, an upper bound: at that load the queue grows without end).

``--full-redraw`` sets ``QEDN_FULL_REDRAW=1`` in the kernels (the previous path: full savefig and no
physics caches), so "before" and "after" are measured with the same code:

    python benchmarks/class_load.py [--students 5 10 20] [--duration 60] [--explorer TransportExplorer] [--full-redraw]

Prints JSON. Not a test: on a shared machine the figures depend on what else runs.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import threading
import time

import numpy as np
from jupyter_client import KernelManager

SETUP = """
import time as _time
import numpy as _np
from qedn_lessons.widgets.base import all_explorers as _all, random_value as _random_value
import ipywidgets as _widgets
_explorer = _all()[{explorer!r}]()
_sliders = [n for n, c in _explorer.controls.items() if isinstance(c, _widgets.widgets.widget_int._Int | _widgets.widgets.widget_float._Float)]
_rng = _np.random.default_rng({seed})

def _move():
    name = _sliders[int(_rng.integers(len(_sliders)))]
    control = _explorer.controls[name]
    value = control.value
    while value == control.value:
        value = _random_value(control, _rng)
    cpu, wall = _time.process_time(), _time.perf_counter()
    control.value = value
    return [_time.process_time() - cpu, (_time.perf_counter() - wall) * 1e3, _explorer.renderer.mode]
"""


class Student:
    """One kernel and its client; ``move()`` runs one slider move and returns (latency ms, CPU s)."""

    def __init__(self, index: int, explorer: str, env: dict) -> None:
        self.index = index
        self.manager = KernelManager(kernel_name="python3")
        self.manager.start_kernel(env=env)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=120)
        self._run(SETUP.format(explorer=explorer, seed=1000 + index), timeout=180)

    def _run(self, code: str, timeout: float, expressions: dict | None = None) -> dict:
        msg_id = self.client.execute(code, silent=False, store_history=False, user_expressions=expressions or {})
        while True:
            reply = self.client.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"kernel {self.index}: {content.get('ename')}: {content.get('evalue')}")
        return content

    def move(self) -> tuple[float, float, str]:
        start = time.perf_counter()
        content = self._run("_r = _move()", timeout=120, expressions={"r": "_r"})
        latency_ms = (time.perf_counter() - start) * 1e3
        cpu_s, _, mode = eval(content["user_expressions"]["r"]["data"]["text/plain"])  # a list literal
        return latency_ms, float(cpu_s), mode

    def stop(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def run_class(n: int, args, env: dict) -> dict:
    students: list[Student] = []
    try:
        errors: list[BaseException] = []

        def start(i: int) -> None:  # kernels start in parallel: one at a time takes minutes on 2 busy cores
            try:
                students.append(Student(i, args.explorer, env))
            except BaseException as exc:  # reported below, after the others are stopped
                errors.append(exc)

        starters = [threading.Thread(target=start, args=(i,)) for i in range(n)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        if errors:
            raise errors[0]
        results: queue.Queue = queue.Queue()
        stop_at = time.perf_counter() + args.duration

        def drive(student: Student) -> None:
            rng = np.random.default_rng(args.seed + student.index)
            due = time.perf_counter() + rng.uniform(0, args.max_interval)
            while True:
                wait = due - time.perf_counter()
                late = wait < 0
                if not late:
                    time.sleep(wait)
                if time.perf_counter() >= stop_at:
                    return
                results.put((*student.move(), late))
                due += rng.uniform(args.min_interval, args.max_interval)

        threads = [threading.Thread(target=drive, args=(s,), daemon=True) for s in students]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rows = list(results.queue)
    finally:
        for s in students:
            s.stop()
    latency = np.array([r[0] for r in rows])
    cpu = np.array([r[1] for r in rows])
    modes: dict[str, int] = {}
    for r in rows:
        modes[r[2]] = modes.get(r[2], 0) + 1
    return {
        "students": n,
        "moves": len(rows),
        "p50_ms": round(float(np.percentile(latency, 50)), 1) if rows else None,
        "p95_ms": round(float(np.percentile(latency, 95)), 1) if rows else None,
        "cpu_s_per_move": round(float(cpu.mean()), 4) if rows else None,
        "late": int(sum(r[3] for r in rows)),
        "modes": modes,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[5, 10, 20])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of moving per class size (default 60)")
    parser.add_argument("--explorer", default="TransportExplorer")
    parser.add_argument("--min-interval", type=float, default=2.0)
    parser.add_argument("--max-interval", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--full-redraw", action="store_true", help="QEDN_FULL_REDRAW=1 in the kernels (the previous path)")
    args = parser.parse_args()
    if args.duration <= 0 or not 0 < args.min_interval <= args.max_interval:
        parser.error("--duration must be > 0 and 0 < --min-interval <= --max-interval")
    if any(n < 1 for n in args.students):
        parser.error(f"--students must be positive, got {args.students}")
    from qedn_lessons.widgets.base import all_explorers

    # explorers are registered as "module.ClassName"; a class name alone is enough when it is unique
    known = sorted(all_explorers())
    matches = [k for k in known if k == args.explorer or k.rsplit(".", 1)[-1] == args.explorer]
    if len(matches) != 1:
        parser.error(f"--explorer must name one registered explorer, got {args.explorer!r}; known: {known}")
    args.explorer = matches[0]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", MPLBACKEND="Agg")
    env["QEDN_FULL_REDRAW"] = "1" if args.full_redraw else "0"
    out = {
        "explorer": args.explorer,
        "path": "full redraw (before)" if args.full_redraw else "fast (after)",
        "duration_s": args.duration,
        "interval_s": [args.min_interval, args.max_interval],
        "cores": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "classes": [],
    }
    for n in args.students:
        result = run_class(n, args, env)
        print(json.dumps(result), file=sys.stderr, flush=True)
        out["classes"].append(result)
    held = 0  # the largest N such that every class size up to it met p95 < 500 ms
    for c in sorted(out["classes"], key=lambda c: c["students"]):
        if c["p95_ms"] is None or c["p95_ms"] >= 500:
            break
        held = c["students"]
    out["holds_at_p95_under_500ms"] = held
    cpu = [c["cpu_s_per_move"] for c in out["classes"] if c["cpu_s_per_move"]]
    mean_interval = (args.min_interval + args.max_interval) / 2
    out["cpu_ceiling_students"] = round((os.cpu_count() or 1) * mean_interval / float(np.median(cpu)), 1) if cpu else None
    out["load_average_at_end"] = os.getloadavg()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
