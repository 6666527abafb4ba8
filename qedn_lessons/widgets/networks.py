"""Lesson 05 explorer: a quantum-repeater chain, rate and fidelity against distance."""

from __future__ import annotations

import numpy as np

from qedn_lessons import networks as net
from qedn_lessons.style import new_figure
from qedn_lessons.views import networks as view
from qedn_lessons.widgets.base import Explorer, float_slider, int_slider, log_slider, physics_cache, register_explorer
from qedn_lessons.widgets.render import artists_in

#: Distances the curves are drawn over (km).
_LENGTH_KM = np.linspace(10.0, 2000.0, 100)


@physics_cache()
def _chain_curve(n_segments: int, attenuation_db_per_km: float, link_fidelity: float, rounds: int, memory_time_s: float):
    """The chain over ``_LENGTH_KM``: independent of the chosen distance, so a distance move reuses it."""
    return net.repeater_chain(
        _LENGTH_KM,
        n_segments,
        attenuation_db_per_km=attenuation_db_per_km,
        link_fidelity=link_fidelity,
        purification_rounds=rounds,
        protocol="dejmps",
        memory_time_s=memory_time_s,
    )


def _hashing_threshold() -> float:
    """Smallest Werner fidelity with a positive hashing yield, found on a fine grid (for the plot)."""
    grid = np.linspace(0.80, 0.82, 2001)
    return float(grid[np.argmax([net.hashing_yield(float(f)) > 0 for f in grid])])


@register_explorer
class RepeaterChainExplorer(Explorer):
    """Distance, loss, repeaters, purification and memory → rate and fidelity of a repeater chain."""

    title = "Quantum repeater chain: how many entangled pairs, how good, how far"
    legend = (
        ("Distance", "length of the fibre between the two end nodes, 50–2000 km (the dotted vertical line)."),
        ("Fibre loss", "attenuation α, 0.15–0.40 dB/km; 0.2 dB/km is typical of telecom fibre at 1550 nm."),
        (
            "Repeaters",
            "number of repeater stations, 0–15; they cut the fibre into repeaters + 1 equal segments. "
            "0 means direct transmission.",
        ),
        ("Link fidelity", "Werner fidelity F of each freshly made link, 0.70–1.00 (1 = a perfect Bell pair)."),
        (
            "Purification rounds",
            "DEJMPS rounds on each link before swapping, 0–4; each round raises F and costs at least two pairs.",
        ),
        (
            "Memory time",
            "time T over which a stored link decays towards a useless mixture (Werner weight e^(−t/T)), 1 ms–100 s, log scale.",
        ),
        (
            "Figure",
            "left, log scale: end-to-end pairs per channel use of the chain (solid, circle at the chosen "
            "distance), the distillable ebits in them (dash-dot; gaps where none remain) and the PLOB bound "
            "for the fibre without repeaters (dashed, square). Right: fidelity of one link after purification "
            "and waiting (dashed) and end to end after all swaps (solid), with F = 1/2 (dotted: entangled "
            "above) and the hashing threshold (dash-dot).",
        ),
    )

    def build_controls(self):
        return {
            "length_km": float_slider("Distance (km)", 1000.0, 50.0, 2000.0, 50.0),
            "attenuation_db_per_km": float_slider("Fibre loss (dB/km)", 0.2, 0.15, 0.4, 0.01),
            "repeaters": int_slider("Repeaters", 9, 0, 15),
            "link_fidelity": float_slider("Link fidelity", 0.99, 0.7, 1.0, 0.01),
            "rounds": int_slider("Purification rounds", 0, 0, 4),
            "memory_time_s": log_slider("Memory time (s)", 10.0, 1e-3, 100.0),
        }

    def build_figure(self):
        fig, (ax_rate, ax_fid) = new_figure(1, 2, height_in=4.0)
        self.rate_artists = view.plot_rates_vs_distance(ax_rate, _LENGTH_KM)
        self.fid_artists = view.plot_fidelity_vs_distance(ax_fid, _LENGTH_KM, hashing_threshold=_hashing_threshold())
        return fig

    presets = {
        "direct transmission (no repeaters)": {"repeaters": 0},
        "noisy links purified (F = 0.9, 2 rounds)": {"link_fidelity": 0.9, "rounds": 2},
        "short memory (10 ms)": {"memory_time_s": 0.01},
    }

    def dynamic_artists(self):
        return artists_in(self.rate_artists, self.fid_artists)

    def update_figure(self, *, length_km, attenuation_db_per_km, repeaters, link_fidelity, rounds, memory_time_s):
        kw = dict(
            attenuation_db_per_km=attenuation_db_per_km,
            link_fidelity=link_fidelity,
            purification_rounds=rounds,
            protocol="dejmps",
            memory_time_s=memory_time_s,
        )
        n = repeaters + 1
        curve = _chain_curve(n, attenuation_db_per_km, link_fidelity, rounds, memory_time_s)
        here = net.repeater_chain(length_km, n, **kw)
        view.update_rates_vs_distance(
            self.rate_artists,
            curve.pairs_per_use,
            curve.ebits_per_use,
            curve.direct_plob,
            selected_km=length_km,
            selected_pairs=here.pairs_per_use,
            selected_plob=here.direct_plob,
        )
        view.update_fidelity_vs_distance(
            self.fid_artists, curve.link_fidelity, curve.fidelity, selected_km=length_km, selected_fidelity=here.fidelity
        )
        advantage = here.pairs_per_use / here.direct_plob
        ebits = (
            f"{here.ebits_per_use:.3g} distillable ebits per use"
            if here.ebits_per_use > 0
            else "no distillable ebits (fidelity below the hashing threshold)"
        )
        purified = f"{rounds} DEJMPS round(s) cost {here.raw_pairs_per_link:.3g} raw pairs per link; " if rounds else ""
        return (
            f"{length_km:.0f} km at {attenuation_db_per_km:.2f} dB/km with {repeaters} repeater(s) = {n} segment(s) "
            f"of {here.segment_km:.0f} km, each succeeding with probability {here.segment_transmissivity:.3g} per "
            f"attempt. {purified}All segments hold a link after {here.attempts:.3g} attempts on average "
            f"(one alone: {1 / here.link_success_probability:.3g}); finished links wait {here.idle_time_s:.3g} s "
            f"in memories with T = {memory_time_s:.3g} s. End-to-end fidelity {here.fidelity:.3f}; "
            f"{here.pairs_per_use:.3g} pairs per use ({here.pairs_per_second:.3g} per second), {ebits}. "
            f"Without repeaters the PLOB bound allows {here.direct_plob:.3g} ebits per use "
            f"(pairs ratio {advantage:.3g})."
        )
