"""Lesson 02 explorer: echoes against slow noise, a repetition code against bit flips."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import protection
from qedn_lessons.style import new_figure, nice_ceiling
from qedn_lessons.views.protection import plot_coherence_curves, plot_logical_errors
from qedn_lessons.widgets.base import (
    Explorer,
    dropdown,
    float_slider,
    int_slider,
    log_slider,
    physics_cache,
    register_explorer,
)
from qedn_lessons.widgets.render import artists_in

#: Code distances offered (odd: d = 2t + 1 corrects t flips).
DISTANCES = tuple(range(1, 16, 2))
#: Physical error probabilities drawn in the code panel.
P_GRID = np.linspace(0.001, 0.6, 200)
#: Time points of the coherence panel.
N_TIMES = 160


@physics_cache()
def _code_curves(distance: int) -> tuple[np.ndarray, np.ndarray]:
    """Logical bit- and phase-flip error over ``P_GRID`` for one code distance (independent of p and the echo)."""
    return (
        np.array([protection.repetition_logical_error(distance, q) for q in P_GRID]),
        np.array([protection.repetition_phase_error(distance, q) for q in P_GRID]),
    )


@register_explorer
class ProtectionExplorer(Explorer):
    """Slow and white dephasing with a CPMG echo train; a bit-flip repetition code of distance d."""

    title = "Protecting coherence: echo pulses against noise, a repetition code against flips"
    legend = (
        (
            "slow noise σ (rad/µs)",
            "0.05 to 2 rad/µs (log scale): spread of a random detuning that drifts slowly; "
            "without echoes it gives a Gaussian decay with T2* = √2/σ.",
        ),
        (
            "noise memory τc (µs)",
            "1 to 10 000 µs (log scale): how long the slow detuning keeps its value (correlation "
            "time). Much longer than the experiment means quasi-static noise, which an echo cancels exactly.",
        ),
        (
            "white dephasing γ (1/µs)",
            "0.001 to 0.3 per µs (log scale): fast, memoryless (Markovian) dephasing; no echo can undo it.",
        ),
        ("echo pulses n", "0 to 32 π pulses spread evenly over the total time (CPMG; n = 1 is the Hahn echo, n = 0 no echo)."),
        (
            "code distance d",
            "1 to 15 physical qubits storing one logical bit by repetition; majority vote corrects up to (d − 1)/2 flips.",
        ),
        (
            "flip probability p",
            "0 to 0.6: probability that each physical qubit suffers the error (bit flip, or phase flip for the third curve).",
        ),
        (
            "Figure",
            "left: coherence against the total time T (axis spans at least 4 T2*, rounded up to a round number) for free decay (solid), the echo train with n pulses "
            "(dashed) and the ceiling e^(−γT) set by white dephasing alone (dash-dot); "
            "right, on a log scale: the logical error with no code (solid diagonal, P = p), for bit flips with the code "
            "of distance d (dashed) and for phase flips passing through the same code (dash-dot); the dotted "
            "vertical line marks the chosen p.",
        ),
    )

    def build_controls(self):
        return {
            "sigma": log_slider("slow noise σ (rad/µs)", 0.5, 0.05, 2.0),
            "correlation_time_us": log_slider("noise memory τc (µs)", 1000.0, 1.0, 10000.0, steps_per_decade=4),
            "white_rate": log_slider("white dephasing γ (1/µs)", 0.01, 0.001, 0.3, steps_per_decade=5),
            "n_pulses": int_slider("echo pulses n", 1, 0, 32),
            "distance": dropdown("code distance d", list(DISTANCES), 3),
            "p": float_slider("flip probability p", 0.05, 0.0, 0.6, 0.01),
        }

    def build_figure(self):
        fig, (ax_echo, ax_code) = new_figure(1, 2, width_in=10.0, height_in=3.8)
        times = np.linspace(0.0, 1.0, 2)
        self.echo_artists = plot_coherence_curves(
            ax_echo, times, [np.ones(2)] * 3, ["free decay (n = 0)", "echo train, n = 1", "white-noise ceiling e^(−γT)"]
        )
        self.code_artists = plot_logical_errors(
            ax_code, P_GRID, [P_GRID] * 3, ["no code (d = 1): P = p", "bit flips, d = 3", "phase flips, same code"], marker_p=0.05
        )
        self.ax_echo = ax_echo
        self.echo_legend = ax_echo.get_legend()
        self.code_legend = ax_code.get_legend()
        return fig

    presets = {
        "short noise memory (echo works)": {"correlation_time_us": 1.0, "n_pulses": 8},
        "flip probability above ½": {"p": 0.6, "distance": 5},
    }

    def inactive_controls(self, *, n_pulses, **_):
        if n_pulses == 0:
            return {"correlation_time_us": "with no echo pulses the free decay depends only on σ and γ, not on the noise memory"}
        return {}

    def dynamic_artists(self):  # the legends (naming n and d) are remade as sprites only when n or d moves
        return artists_in(self.echo_artists, self.code_artists)

    def update_figure(self, *, sigma, correlation_time_us, white_rate, n_pulses, distance, p):
        t2s = protection.t2_star(sigma)
        times = np.linspace(0.0, nice_ceiling(4.0 * t2s), N_TIMES)  # ≥ 4 T2*, in round steps: most moves keep the axis
        common = {"sigma": sigma, "white_dephasing_rate": white_rate, "correlation_time": correlation_time_us}
        free = protection.echo_coherence(times, n_pulses=0, **common)
        echo = protection.echo_coherence(times, n_pulses=n_pulses, **common)
        ceiling = np.exp(-white_rate * times)
        lines = self.echo_artists["lines"]
        for line, values in zip(lines, (free, echo, ceiling)):
            line.set_data(times, values)
        self.ax_echo.set_xlim(0.0, times[-1])
        self.echo_legend.get_texts()[1].set_text(f"echo train, n = {n_pulses}")

        bit, phase = _code_curves(distance)
        code_lines = self.code_artists["lines"]
        code_lines[1].set_ydata(np.maximum(bit, 1e-300))
        code_lines[2].set_ydata(np.maximum(phase, 1e-300))
        self.code_artists["marker"].set_xdata([p, p])
        self.code_legend.get_texts()[1].set_text(f"bit flips, d = {distance}")

        t_mark = 2.0 * t2s
        at = {
            name: float(protection.echo_coherence(t_mark, n_pulses=n, **common)) for name, n in (("free", 0), ("echo", n_pulses))
        }
        ceiling_mark = math.exp(-white_rate * t_mark)
        p_bit = protection.repetition_logical_error(distance, p)
        p_phase = protection.repetition_phase_error(distance, p)
        if p < 0.5:
            verdict = "lower" if p_bit < p else "no better"
        else:
            verdict = "higher" if p_bit > p else "no worse"
        return (
            f"Slow noise σ = {sigma:.3g} rad/µs gives T2* = {t2s:.3g} µs. At T = 2 T2* = {t_mark:.3g} µs the coherence is "
            f"{at['free']:.3g} without echo and {at['echo']:.3g} with {n_pulses} π pulse(s); white dephasing γ = {white_rate:.3g}/µs "
            f"alone caps it at {ceiling_mark:.3g}, which no pulse sequence can beat (noise memory τc = {correlation_time_us:.3g} µs). "
            f"Code of distance {distance} ({distance} physical qubit{'s' if distance != 1 else ''} for one logical bit) at p = {p:.2f}: logical bit-flip error "
            f"{p_bit:.3g}, {verdict} than an unprotected qubit's {p:.2f}; phase flips pass through the code, logical phase-flip "
            f"error {p_phase:.3g}."
        )
