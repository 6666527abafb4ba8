#!/usr/bin/env python3
"""Speed of the transport engine (docs/DESIGN_NOTES.md, "Performance targets"), printed as JSON. Not a test: timings on a shared machine
are noisy; medians of repeated runs are reported.

* FMO efficiency at t → ∞: the engine vs ``qutip.mesolve`` integrated until less than 1e-6 of the
  population is left on the sites, side by side (targets: ≥ 1000× faster, agreement to 1e-6);
* a 40-point FMO efficiency-vs-dephasing curve (target ≤ 20 ms);
* chains of N = 10, 50, 100, 200, 400 sites with dephasing at t → ∞: median time and peak memory
  (target: 200 sites ≤ 100 ms);
* the lesson's two explorers, as ``benchmarks/widget_latency.py`` measures them.

    python benchmarks/transport.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import time
import tracemalloc

import matplotlib
import numpy as np

matplotlib.use("Agg")

import qutip

from qedn_lessons import transport
from qedn_lessons.units import RAD_PER_PS_PER_CM

RATES = {"trap_rate_per_ps": 2.0, "loss_rate_per_ns": 1.0}


def _median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return float(np.median(times))


def mesolve_to_convergence(h_cm, gamma_per_ps, *, tolerance=1e-6):
    """η from qutip.mesolve integrated until the sites hold < ``tolerance`` (end time found by doubling)."""
    n = h_cm.shape[0]
    dim = n + 2
    ket = [qutip.basis(dim, k) for k in range(dim)]
    h = np.zeros((dim, dim))
    h[:n, :n] = h_cm * RAD_PER_PS_PER_CM
    c_ops = [math.sqrt(RATES["trap_rate_per_ps"]) * ket[n] * ket[2].dag()]
    c_ops += [math.sqrt(RATES["loss_rate_per_ns"] * 1e-3) * ket[n + 1] * ket[k].dag() for k in range(n)]
    if gamma_per_ps > 0:
        c_ops += [math.sqrt(2 * gamma_per_ps) * ket[k] * ket[k].dag() for k in range(n)]
    rho0 = ket[0] * ket[0].dag()
    sites = sum(ket[k] * ket[k].dag() for k in range(n))
    sink = ket[n] * ket[n].dag()
    end = 10.0
    start = time.perf_counter()
    while True:
        result = qutip.mesolve(
            qutip.Qobj(h), rho0, [0.0, end], c_ops, e_ops=[sink, sites], options={"atol": 1e-10, "rtol": 1e-8, "nsteps": 10**7}
        )
        if result.expect[1][-1] < tolerance or end > 1e5:
            break
        end *= 2
    return float(result.expect[0][-1]), (time.perf_counter() - start) * 1e3, end


def fmo_versus_qutip(gammas):
    h = transport.fmo_hamiltonian()
    rows = []
    for gamma in gammas:
        ours = transport.transport_efficiency(h, dephasing_per_ps=gamma, **RATES)
        ours_ms = _median_ms(lambda: transport.transport_efficiency(h, dephasing_per_ps=gamma, **RATES), 50)
        ref, ref_ms, end = mesolve_to_convergence(h, gamma)
        rows.append(
            {
                "dephasing_per_ps": gamma,
                "eta_engine": round(ours, 8),
                "eta_mesolve": round(ref, 8),
                "difference": float(f"{abs(ours - ref):.2e}"),
                "engine_ms": round(ours_ms, 3),
                "mesolve_ms": round(ref_ms, 1),
                "mesolve_end_ps": end,
                "speedup": round(ref_ms / ours_ms),
            }
        )
    return rows


def chains(lengths, gamma=10.0):
    rows = {}
    for n in lengths:
        h = transport.chain_hamiltonian(n, 100.0)

        def run():
            return transport.transport_efficiency(h, sink_site=n, dephasing_per_ps=gamma, **RATES)

        repeats = 7 if n <= 100 else 5 if n <= 200 else 2
        run()  # warm-up
        ms = _median_ms(run, repeats)
        tracemalloc.start()
        eta = run()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows[str(n)] = {"eta": round(eta, 6), "median_ms": round(ms, 1), "peak_mib": round(peak / 2**20, 1)}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one dephasing value, chains up to 200, no widgets")
    args = parser.parse_args()
    h = transport.fmo_hamiltonian()
    curve_gammas = np.logspace(-2, 3, 40)
    out = {
        "fmo_t_inf_vs_mesolve": fmo_versus_qutip([13.3] if args.quick else [1.0, 13.3, 100.0]),
        "fmo_curve_40_points_ms": round(_median_ms(lambda: transport.efficiency_curve(h, curve_gammas, **RATES), 20), 2),
        "chains_dephasing_10_per_ps": chains([10, 50, 100, 200] if args.quick else [10, 50, 100, 200, 400]),
    }
    if not args.quick:
        from qedn_lessons.widgets.base import random_value
        from qedn_lessons.widgets.transport import SpreadingExplorer, TransportExplorer

        rng = np.random.default_rng(0)
        out["widgets"] = {}
        for cls in (TransportExplorer, SpreadingExplorer):
            explorer, times = cls(), []
            controls = list(explorer.controls.values())
            while len(times) < 40:
                control = controls[int(rng.integers(len(controls)))]
                value = random_value(control, rng)
                if value == control.value:
                    continue
                start = time.perf_counter()
                control.value = value
                times.append((time.perf_counter() - start) * 1e3)
            out["widgets"][cls.__name__] = {
                "median_ms": round(float(np.median(times)), 1),
                "p95_ms": round(float(np.percentile(times, 95)), 1),
            }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
