#!/usr/bin/env python3
"""End-to-end latency a learner feels: from releasing a slider in Chromium to the new figure
decoded and painted, per widget, in JupyterLab and in Voila.

For each notebook with widgets (the lessons; the browser-test fixture too with ``--fixture``), the
first slider of each explorer whose drag changes its figure is dragged with the mouse ``--moves``
times between two regions of its track, the other controls staying at their defaults (an explorer
where no slider moves the figure at the defaults is measured by switching its first dropdown between
two options, marked "(dropdown)"). The clock starts at the ``mouseup`` (or ``change``) event in the page and stops two animation frames after the new PNG has
been decoded (so the figure is on screen). Target (docs/DESIGN_NOTES.md, "Performance targets"): median under 250 ms.

A figure that arrives before a move's release belongs to an earlier move; it is not taken as the
move's answer (counted in ``stray_figures``).

Prints JSON ``{"jupyterlab": {widget: {"median_ms", "p95_ms", "n", "lost", "stray_figures"}}, "voila": {...}}``. With
``--fixture`` (as ``make bench-browser`` runs it) each widget also gets ``ratio_to_fixture``, its median
over the minimal fixture explorer's measured in the same run and front end (target ≤ 1.3), and
``"summary"`` the worst ratio and the lost updates per front end.
Not a test: on a shared machine the figures are noisy. Needs /usr/bin/chromium.

    python benchmarks/browser_latency.py [--moves 25] [--seed 0] [--fixture] [--no-voila] [NOTEBOOK ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import pages  # noqa: E402
import servers  # noqa: E402


def _explorer_name(relpath: str, explorer, number: int) -> str:
    title = explorer.locator("h4").first
    label = title.inner_text().strip() if title.count() else f"widget {number}"
    return f"{Path(relpath).stem} #{number}: {label}"


def _moving_slider(page, explorer, sliders):
    """The first slider whose drag changes the figure (some sliders do nothing at the defaults)."""
    for slider in sliders:
        before, idle = pages.figure_src(explorer), pages.idle_count(page)
        pages.drag_slider(page, slider, 0.25 if pages.handle_fraction(slider) > 0.5 else 0.75)
        if pages.wait_for_response(page, explorer, before, idle, timeout_ms=10_000):
            return slider
    return None


def measure_page(page, relpath: str, scope: str, moves: int, rng: np.random.Generator) -> dict:
    results = {}
    for number, explorer in enumerate(pages.explorers(page, scope), 1):
        sliders = pages.controls(explorer)["slider"]
        slider = _moving_slider(page, explorer, sliders)
        dropdowns = pages.controls(explorer)["dropdown"]
        if slider is None and not dropdowns:
            print(f"{relpath} widget {number}: no control to measure; skipped", file=sys.stderr)
            continue
        index = pages.figure_index(page, explorer)
        if slider is None:
            select = dropdowns[0]
            values = [o.get_attribute("value") for o in select.locator("option").all()]
            start = select.input_value()
            other = next(v for v in values if v != start)
        times, lost, stray = [], 0, 0
        for move in range(moves + 1):  # the first move is a warm-up, not counted
            pages.arm_latency(page, index)
            if slider is not None:
                pages.drag_slider(page, slider, (0.15 if move % 2 == 0 else 0.65) + 0.2 * rng.random())
            else:
                select.select_option(other if move % 2 == 0 else start)
            latency = pages.read_latency(page, timeout_ms=5_000)
            early = int(page.evaluate("() => (window.__qedn && window.__qedn.early) || 0"))
            if move == 0:
                continue
            stray += early
            if np.isfinite(latency):
                times.append(latency)
            else:
                lost += 1
        print(f"{scope} {relpath} widget {number}: {len(times)} moves", file=sys.stderr)
        if times:
            results[_explorer_name(relpath, explorer, number) + ("" if slider is not None else " (dropdown)")] = {
                "median_ms": round(float(np.median(times)), 1),
                "p95_ms": round(float(np.percentile(times, 95)), 1),
                "n": len(times),
                "lost": lost,
                # figures that arrived after a move was measured and before the next release (a second
                # update for one move, or a late one): not counted as that next move's latency
                "stray_figures": stray,
            }
    return results


_FIXTURE_STEM = "widget_fixture"  # tests/browser/fixtures/widget_fixture.ipynb: the minimal explorer


def add_fixture_ratios(out: dict) -> None:
    """Each widget's median over the fixture explorer's (first fixture widget) in the same front end."""
    summary = {}
    for scope, widgets in out.items():
        fixture = next((v for k, v in widgets.items() if k.startswith(f"{_FIXTURE_STEM} #1")), None)
        if fixture is None:
            continue
        for entry in widgets.values():
            entry["ratio_to_fixture"] = round(entry["median_ms"] / fixture["median_ms"], 3)
        lessons = {k: v for k, v in widgets.items() if not k.startswith(_FIXTURE_STEM)}
        summary[scope] = {
            "fixture_median_ms": fixture["median_ms"],
            "worst_ratio_to_fixture": max((v["ratio_to_fixture"] for v in lessons.values()), default=None),
            "widgets_over_1.3": sorted(k for k, v in lessons.items() if v["ratio_to_fixture"] > 1.3),
            "lost_updates": sum(v["lost"] for v in widgets.values()),
        }
    out["summary"] = summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=25, help="measured moves per widget (≥ 20)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fixture", action="store_true", help="also measure the browser-test fixture explorer")
    parser.add_argument("--no-voila", action="store_true")
    parser.add_argument("notebooks", nargs="*", help="notebook names in notebooks/ (default: all)")
    args = parser.parse_args()
    problem = servers.chromium_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    rng = np.random.default_rng(args.seed)
    names = args.notebooks or [p.name for p in servers.lesson_notebooks()]
    relpaths = [f"notebooks/{Path(n).name}" for n in names]
    if args.fixture:
        relpaths += [f"notebooks/{servers.FIXTURE_DIR}/{p.name}" for p in servers.fixture_notebooks()]
    work = servers.working_copy(Path(tempfile.mkdtemp(prefix="qedn-bench-")))
    out: dict[str, dict] = {"jupyterlab": {}, "voila": {}}
    with sync_playwright() as playwright:
        browser = servers.launch_chromium(playwright)
        with servers.Server("lab", work) as lab:
            for relpath in relpaths:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                try:
                    pages.open_in_lab(page, lab, relpath)
                    report = pages.run_all_in_lab(page)
                    if report.problems():
                        print(f"{relpath}: {report.problems()}", file=sys.stderr)
                    out["jupyterlab"].update(measure_page(page, relpath, "lab", args.moves, rng))
                finally:
                    page.close()
                    lab.shutdown_kernels()
        if not args.no_voila:
            extra_args, extra_env = servers.workshop_setup(work / "notebooks", work / "workshop-data")
            with servers.Server("voila", work / "notebooks", extra_args=extra_args, extra_env=extra_env) as voila:
                for relpath in relpaths:
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    try:
                        report = pages.open_in_voila(page, voila, relpath.removeprefix("notebooks/"))
                        if report.widget_outputs_expected:
                            out["voila"].update(measure_page(page, relpath, "voila", args.moves, rng))
                    finally:
                        page.close()
        browser.close()
    if args.fixture:
        add_fixture_ratios(out)
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
