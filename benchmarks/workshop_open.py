#!/usr/bin/env python3
"""How long a lesson page of the workshop (``make workshop``, Voila) takes to open, in Chromium.

    python benchmarks/workshop_open.py                       # pool sizes 0 (no preheat) and 1, every lesson
    python benchmarks/workshop_open.py --pool-size 1 --repeat 3 03_energy_transport.ipynb

For each pool size, starts Voila exactly as ``scripts/serve_workshop.py`` does (its template and
arguments) on a free loopback port, waits until the server has warmed up (every preheated kernel
started and the server's process group idle), then opens each lesson in a new browser tab and
records the time from navigation start to the lesson's widgets visible (one browser context, as a
presenter's browser: the first lesson opened finds an empty cache, the others find Voila's
JavaScript cached): every widget the notebook
displayed rendered and every explorer figure loaded (for a lesson without widgets: the page shown).
The time is read in the page (``performance.now()``, whose origin is the navigation start), polled
every 50 ms. Between two openings it waits until the machine is idle again (the pool refilling the
kernel just used), as when a presenter switches lessons a few minutes apart.

Prints JSON: per pool size and lesson, the times in ms (and, for the first opening, when the HTML
had arrived, the DOM was ready and the page had loaded, and how long the page's main thread was busy
— Chromium's ``TaskDuration``, CPU work that a loaded machine stretches), and the median over lessons. Not a test: the
numbers depend on the machine and its load (record them with the machine they came from).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import servers  # noqa: E402

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_OUTPUT = re.compile(r'<script type="application/vnd\.voila\.cell-output\+json">(.*?)</script>', re.S)

# Resolves with performance.now() (ms since navigation start) once `expected` widget outputs are
# rendered and every explorer figure has loaded; for a page without widgets, once Voila shows it.
_VISIBLE = r"""
(expected) => {
  const cells = document.querySelector('#rendered_cells');
  if (!cells || getComputedStyle(cells).display === 'none') return false;
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output')).filter(o =>
    o.classList.contains('jupyter-widgets') || o.querySelector(':scope > .jupyter-widgets, :scope > .lm-Widget.jupyter-widgets'));
  const shown = outputs.filter(o => { const r = o.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  const figures = Array.from(document.querySelectorAll('img.widget-image'));
  const loaded = figures.every(i => i.complete && i.naturalWidth > 0);
  if (shown.length < expected || !loaded || /Loading widget/.test(document.body.innerText)) return false;
  return performance.now();
}
"""


def expected_widgets(html: str) -> int:
    count = 0
    for payload in _OUTPUT.findall(html):
        try:
            output = json.loads(payload)
        except ValueError:
            continue
        count += WIDGET_MIME in (output.get("data") or {})
    return count


def group_cpu_idle(
    server, *, idle_below: float = 15.0, seconds: float = 3.0, timeout_s: float = 600.0, min_children: int = 0
) -> float:
    """Wait until the server's process tree has ≥ ``min_children`` processes and uses under
    ``idle_below`` % of one core for ``seconds`` in a row; return the seconds waited."""
    start = time.monotonic()
    root = psutil.Process(server.process.pid)
    quiet_since = None
    while time.monotonic() - start < timeout_s:
        procs = [root, *root.children(recursive=True)]
        try:
            before = sum(p.cpu_times().user + p.cpu_times().system for p in procs)
            time.sleep(0.5)
            after = sum(p.cpu_times().user + p.cpu_times().system for p in procs if p.is_running())
        except psutil.Error:
            continue
        busy = (after - before) / 0.5 * 100
        if len(procs) - 1 >= min_children and busy < idle_below:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= seconds:
                return time.monotonic() - start
        else:
            quiet_since = None
    return time.monotonic() - start


def open_lesson(context, server, name: str, *, timeout_ms: int = 300_000) -> dict:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    try:
        response = page.goto(server.url(f"voila/render/{name}"), wait_until="domcontentloaded", timeout=timeout_ms)
        expected = expected_widgets(response.text()) if response else 0
        handle = page.wait_for_function(_VISIBLE, arg=expected, timeout=timeout_ms, polling=50)
        timing = page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {html_ms: n.responseEnd, dom_ready_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd}; }"
        )
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        busy_ms = 1e3 * metrics.get("TaskDuration", float("nan"))  # the page's main thread at work (CPU)
        return {
            "ms": round(float(handle.json_value()), 1),
            "widgets": expected,
            **{k: round(v, 1) for k, v in timing.items()},
            "page_main_thread_busy_ms": round(busy_ms, 1),
        }
    finally:
        page.close()


def measure(pool_size: int, lessons: list[str], repeat: int, browser) -> dict:
    data_dir = Path(tempfile.mkdtemp(prefix="qedn-bench-workshop-"))
    args, env = _setup(data_dir, pool_size)
    started = time.monotonic()
    server = servers.Server("voila", servers.NOTEBOOKS, extra_args=args, extra_env=env, startup_timeout_s=300)
    try:
        n_notebooks = len(list(servers.NOTEBOOKS.glob("*.ipynb")))
        group_cpu_idle(server, min_children=n_notebooks * pool_size)
        result = {"pool_size": pool_size, "warm_up_s": round(time.monotonic() - started, 1), "lessons": {}}
        # One browser context, as a presenter's browser: the first lesson loads Voila's JavaScript
        # into an empty cache ("cold"), the next ones find it cached.
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        for number, name in enumerate(lessons):
            runs = []
            for _ in range(repeat):
                runs.append(open_lesson(context, server, name))
                group_cpu_idle(server, min_children=n_notebooks * pool_size)  # the pool refills
            result["lessons"][name] = {"ms": [r["ms"] for r in runs], "cache": "warm" if number else "cold", "first": runs[0]}
        context.close()
        firsts = [entry["ms"][0] for entry in result["lessons"].values()]
        warm = firsts[1:]
        result["median_ms"] = round(statistics.median(firsts), 1) if firsts else None
        result["max_ms"] = max(firsts) if firsts else None
        result["median_warm_cache_ms"] = round(statistics.median(warm), 1) if warm else None
        result["max_warm_cache_ms"] = max(warm) if warm else None
        return result
    finally:
        server.stop()


def _setup(data_dir: Path, pool_size: int):
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_workshop", ROOT / "scripts" / "serve_workshop.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.voila_setup(servers.NOTEBOOKS, data_dir, pool_size=pool_size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson notebooks (file names; default: every lesson)")
    parser.add_argument("--pool-size", type=int, nargs="+", default=[0, 1], help="pool sizes to compare (default: 0 1)")
    parser.add_argument("--repeat", type=int, default=1, help="openings per lesson (default 1)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be >= 1, got {args.repeat}")
    lessons = args.lessons or [p.name for p in servers.lesson_notebooks()]
    problem = servers.chromium_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    out = {
        "machine": {
            "cpus": psutil.cpu_count(),
            "platform": platform.platform(),
            "load_avg_1min": round(psutil.getloadavg()[0], 2),
        },
        "metric": "navigation start -> every widget rendered and every explorer figure loaded (ms)",
        "runs": [],
    }
    with sync_playwright() as playwright:
        browser = servers.launch_chromium(playwright)
        try:
            for pool_size in args.pool_size:
                out["runs"].append(measure(pool_size, lessons, args.repeat, browser))
        finally:
            browser.close()
    out["machine"]["load_avg_1min_end"] = round(psutil.getloadavg()[0], 2)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
