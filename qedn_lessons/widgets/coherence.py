"""Lesson 01 explorer: a qubit losing its coherence to T1, Tφ and a thermal bath."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import coherence
from qedn_lessons.style import new_figure, nice_ceiling
from qedn_lessons.views.coherence import plot_bloch_plane, plot_decay, plot_ramsey
from qedn_lessons.widgets.base import Explorer, float_slider, log_slider, register_explorer
from qedn_lessons.widgets.render import artists_in

#: Qubit frequency of the explorer (a typical superconducting transmon), hertz.
QUBIT_FREQUENCY_HZ = 5e9


def _time_grid(t1_us: float, t2_us: float, detuning_rad_per_us: float) -> np.ndarray:
    """Times shown, chosen from the fastest time scale of the figure.

    The coherence (Bloch spiral, Ramsey envelope, |ρ₀₁|) decays at T2, and T2 ≤ 2T1, so T2 is the
    fastest decay: the window is at least four T2 (where |ρ₀₁| has fallen to e⁻⁴ of its start),
    rounded up to 1, 1.5, 2, 3, 5 or 7.5 × 10ᵏ µs so that most moves keep the time axis. The fringe
    period 2π/|Δ| is the fastest oscillation: 48 samples a turn, so the spiral stays round (capped at
    10 000 points: beyond ~200 turns the turns are closer than a pixel and the spiral is a filled disc)."""
    t_max = nice_ceiling(4.0 * t2_us)
    turns = abs(detuning_rad_per_us) * t_max / (2.0 * math.pi)
    points = int(min(10_000, max(400, 48 * turns)))
    return np.linspace(0.0, t_max, points)


@register_explorer
class CoherenceExplorer(Explorer):
    """A qubit starts in |+⟩ and decoheres: Bloch vector, Ramsey fringe, |ρ₀₁| and P₁ over time."""

    title = "Coherence explorer: a qubit prepared in |+⟩ = (|0⟩ + |1⟩)/√2"
    legend = (
        (
            "T1 (µs)",
            "energy relaxation time, 1 to 1000 µs (log scale): how fast the excited population relaxes to the bath's thermal value.",
        ),
        (
            "Tφ (µs)",
            "pure dephasing time, 1 to 10 000 µs (log scale): random phase kicks that destroy coherence without exchanging energy.",
        ),
        (
            "bath temperature (K)",
            "0.01 to 300 K (log scale): sets the thermal occupation n̄ at the qubit frequency, 5 GHz, and so the state the qubit relaxes to. 0.01–0.02 K is a dilution refrigerator, 300 K a room.",
        ),
        (
            "detuning Δ (rad/µs)",
            "−0.5 to 0.5 rad/µs: difference between the drive and qubit frequencies; the Bloch vector turns about z at Δ, which makes the Ramsey fringes.",
        ),
        (
            "Figure",
            "left: the Bloch vector seen from above (x–y plane), from its start (circle) to its end (square), inside the circle of pure states; "
            "middle: the Ramsey signal (solid) inside its envelope ½(1 ± e^(−t/T2)) (dashed); "
            "right: the coherence |ρ₀₁| (solid), the excited population P₁ (dash-dot), T2 (dotted vertical line) and the thermal population n̄/(2n̄+1) (dashed horizontal line). "
            "The time axis spans at least four times T2 (rounded up to a round number of µs), the fastest decay shown (T2 ≤ 2T1): P₁ relaxes at T1, "
            "so when T1 is much longer than T2 it has barely moved in this window.",
        ),
    )

    def build_controls(self):
        return {
            "t1_us": log_slider("T1 (µs)", 100.0, 1.0, 1000.0),
            "t_phi_us": log_slider("Tφ (µs)", 200.0, 1.0, 10000.0),
            "temperature_k": log_slider("bath temperature (K)", 0.02, 0.01, 300.0, steps_per_decade=5),
            "detuning_rad_per_us": float_slider("detuning Δ (rad/µs)", 0.1, -0.5, 0.5, 0.01),
        }

    def build_figure(self):
        fig, (ax_bloch, ax_ramsey, ax_decay) = new_figure(1, 3, width_in=12.0, height_in=4.0)
        times = np.linspace(0.0, 1.0, 2)
        flat = np.zeros((2, 3))
        self.bloch_artists = plot_bloch_plane(ax_bloch, flat, plane="xy")
        self.ramsey_artists = plot_ramsey(ax_ramsey, times, np.full(2, 0.5), np.zeros(2))
        self.decay_artists = plot_decay(ax_decay, times, np.zeros(2), np.zeros(2), t2=0.5, thermal_population=0.0)
        self.ax_ramsey, self.ax_decay = ax_ramsey, ax_decay
        return fig

    presets = {
        "pure dephasing (T1 = 1000 µs, Tφ = 1 µs)": {"t1_us": 1000.0, "t_phi_us": 1.0},
        "warm bath (1 K)": {"temperature_k": 1.0, "t1_us": 10.0},
        "fast fringes (Δ = 0.46 rad/µs)": {"detuning_rad_per_us": 0.46},
    }

    def dynamic_artists(self):
        return artists_in(self.bloch_artists, self.ramsey_artists, self.decay_artists)

    def update_figure(self, *, t1_us, t_phi_us, temperature_k, detuning_rad_per_us):
        t2_us = coherence.t2_time(t1_us, t_phi_us)
        times = _time_grid(t1_us, t2_us, detuning_rad_per_us)
        bloch = coherence.bloch_trajectory(
            times,
            t1=t1_us,
            t_phi=t_phi_us,
            temperature_k=temperature_k,
            frequency_hz=QUBIT_FREQUENCY_HZ,
            detuning=detuning_rad_per_us,
            initial="plus",
        )
        n_bar = coherence.thermal_occupation(QUBIT_FREQUENCY_HZ, temperature_k)
        thermal = coherence.thermal_excited_population(QUBIT_FREQUENCY_HZ, temperature_k)
        ramsey = coherence.ramsey_probability(times, t2=t2_us, detuning=detuning_rad_per_us)
        envelope = np.exp(-times / t2_us)
        rho01 = coherence.coherence_magnitude(bloch)
        excited = (1.0 - bloch[:, 2]) / 2.0

        b = self.bloch_artists
        b["path"].set_data(bloch[:, 0], bloch[:, 1])
        b["start"].set_data(bloch[:1, 0], bloch[:1, 1])
        b["end"].set_data(bloch[-1:, 0], bloch[-1:, 1])
        r = self.ramsey_artists
        r["fringe"].set_data(times, ramsey)
        r["upper"].set_data(times, 0.5 * (1 + envelope))
        r["lower"].set_data(times, 0.5 * (1 - envelope))
        d = self.decay_artists
        d["coherence"].set_data(times, rho01)
        d["excited"].set_data(times, excited)
        d["t2_line"].set_xdata([t2_us, t2_us])
        d["thermal_line"].set_ydata([thermal, thermal])
        for ax in (self.ax_ramsey, self.ax_decay):
            ax.set_xlim(0.0, times[-1])

        at_t2 = coherence.coherence_magnitude(
            coherence.bloch_trajectory(
                [t2_us],
                t1=t1_us,
                t_phi=t_phi_us,
                temperature_k=temperature_k,
                frequency_hz=QUBIT_FREQUENCY_HZ,
                detuning=detuning_rad_per_us,
            )[0]
        )
        period = (
            f"period {2 * math.pi / abs(detuning_rad_per_us):.3g} µs" if detuning_rad_per_us else "no fringes at zero detuning"
        )
        return (
            f"T1 = {t1_us:.3g} µs and Tφ = {t_phi_us:.3g} µs give T2 = {t2_us:.3g} µs (at most 2T1 = {2 * t1_us:.3g} µs). "
            f"The coherence |ρ₀₁| falls from 0.5 to {at_t2:.3g} at T2 (a factor e) and to {rho01[-1]:.2g} after {times[-1]:.3g} µs; "
            f"the Bloch vector spirals in toward the centre. Ramsey fringe at Δ = {detuning_rad_per_us:.2f} rad/µs ({period}). "
            f"Bath at {temperature_k:.3g} K: n̄ = {n_bar:.3g} at 5 GHz, so the qubit relaxes to excited population "
            f"{thermal:.3g} (now {excited[-1]:.3g}), not to 0."
        )
