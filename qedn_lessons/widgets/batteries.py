"""Lesson 06 explorer: what a superposed battery holds, what a measurement gives, how fast it charges."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import batteries
from qedn_lessons.coherence import quanta_per_kwh
from qedn_lessons.style import new_figure, nice_ceiling
from qedn_lessons.views.batteries import (
    plot_charging,
    plot_energy_distribution,
    update_charging,
    update_energy_distribution,
)
from qedn_lessons.widgets.base import Explorer, float_slider, int_slider, log_slider, physics_cache, register_explorer
from qedn_lessons.widgets.render import artists_in

#: Frequency of each cell (a superconducting qubit) and of the cavity photons, hertz.
CELL_FREQUENCY_HZ = 5e9
#: Points of the charging curves.
TIME_POINTS = 300
SECONDS_PER_YEAR = 365.25 * 24 * 3600


@physics_cache()
def _charging(n_cells: int, coupling_mhz: float):
    """Parallel and collective charging from empty: independent of the state (θ, r) shown on the left."""
    g = 2 * math.pi * coupling_mhz * 1e-3  # rad/ns
    par = batteries.charging_performance("parallel", n_cells, g)
    col = batteries.charging_performance("collective", n_cells, g)
    times = np.linspace(0.0, nice_ceiling(1.3 * par.charging_time_ns), TIME_POINTS)  # in round steps: the axis stays
    return par, col, times, batteries.parallel_charging(times, n_cells, g), batteries.collective_charging(times, n_cells, g)


def _cell_hamiltonian() -> np.ndarray:
    return np.diag([0.0, 1.0])  # H = ω|1⟩⟨1|, energies in quanta ħω


@register_explorer
class BatteryExplorer(Explorer):
    """N cells in the same state: measured-energy distribution, ergotropy, and charging by photons."""

    title = "Quantum battery explorer: N cells, each in the state set by θ and r"
    legend = (
        (
            "Bloch angle θ (°)",
            "0 to 180°: the state of every cell, cos(θ/2)|0⟩ + sin(θ/2)|1⟩ when r = 1. 0° is empty (ground), 90° an equal superposition, 180° full.",
        ),
        (
            "Bloch length r",
            "0 to 1: how pure each cell's state is (1 pure, 0 fully mixed: a 50/50 coin toss between empty and full). Mixing keeps the mean energy but lowers the ergotropy.",
        ),
        ("N cells", "1 to 12 cells in the battery; each holds at most one quantum ħω of a 5 GHz qubit (3.3×10⁻²⁴ J)."),
        (
            "coupling g/2π (MHz)",
            "1 to 100 MHz (log scale): coupling of each cell to the charging cavity's photons. It sets the time scale of charging, not how much energy is stored.",
        ),
        (
            "Figure",
            "left: a measurement of the battery's energy gives a whole number k of quanta with the probabilities shown as stems with circles; "
            "the dashed line is the mean ⟨H⟩, the dash-dot line the ergotropy W (the most work any unitary can extract), the dotted line the capacity N. "
            "Right: charging from empty — stored energy per cell vs time for parallel charging (solid; one cavity with one photon per cell) and collective charging "
            "(dash-dot; one shared cavity with N photons), and the energy left in the shared cavity per cell (dashed), which mirrors the battery's; "
            "the dotted line is a full battery (1 quantum per cell). "
            "A square and a triangle mark the charging times τ (first maxima).",
        ),
    )

    def build_controls(self):
        return {
            "theta_deg": float_slider("Bloch angle θ (°)", 90.0, 0.0, 180.0, 5.0),
            "bloch_length": float_slider("Bloch length r", 1.0, 0.0, 1.0, 0.05),
            "n_cells": int_slider("N cells", 4, 1, 12),
            "coupling_mhz": log_slider("coupling g/2π (MHz)", 10.0, 1.0, 100.0),
        }

    def build_figure(self):
        fig, (ax_dist, ax_charge) = new_figure(1, 2, width_in=10.0, height_in=3.6)
        quanta = np.arange(2.0)
        self.dist_artists = plot_energy_distribution(ax_dist, quanta, np.array([0.5, 0.5]), mean=0.5, ergotropy=0.5, capacity=1.0)
        times = np.linspace(0.0, 1.0, 2)
        self.charge_artists = plot_charging(
            ax_charge,
            times,
            np.zeros(2),
            np.zeros(2),
            np.ones(2),
            capacity=1.0,
            tau_parallel=0.5,
            tau_collective=0.5,
            per_cell=True,
        )
        self.ax_dist, self.ax_charge = ax_dist, ax_charge
        return fig

    presets = {
        "mostly full cells (θ = 160°, N = 11)": {"theta_deg": 160.0, "n_cells": 11},
        "mixed cells (r = 0.3): little ergotropy": {"bloch_length": 0.3, "theta_deg": 120.0},
    }

    def dynamic_artists(self):
        return artists_in(self.dist_artists, self.charge_artists)

    def update_figure(self, *, theta_deg, bloch_length, n_cells, coupling_mhz):
        h = _cell_hamiltonian()
        rho = batteries.cell_state(math.radians(theta_deg), bloch_length)
        per_cell = batteries.stored_energy(rho, h)
        work = batteries.ergotropy(rho, h)
        quanta, probs = batteries.energy_distribution(rho, n_cells)
        update_energy_distribution(
            self.dist_artists,
            self.ax_dist,
            quanta,
            probs,
            mean=n_cells * per_cell,
            ergotropy=n_cells * work,
            capacity=float(n_cells),
        )

        par, col, times, parallel, collective = _charging(n_cells, coupling_mhz)
        update_charging(
            self.charge_artists,
            self.ax_charge,
            times,  # per cell: the axis stays 0–1 for every N (N moves only the left panel's axis)
            parallel.battery_quanta / n_cells,
            collective.battery_quanta / n_cells,
            collective.charger_quanta / n_cells,
            capacity=1.0,
            tau_parallel=par.charging_time_ns,
            tau_collective=col.charging_time_ns,
            energy_collective=col.energy_quanta / n_cells,
        )

        conservation = float(np.max(np.abs(collective.battery_quanta + collective.charger_quanta - n_cells)))
        watts = batteries.power_watts(col.mean_power_quanta_per_ns, CELL_FREQUENCY_HZ)
        years_per_kwh = quanta_per_kwh(CELL_FREQUENCY_HZ) / (col.mean_power_quanta_per_ns * 1e9) / SECONDS_PER_YEAR
        likely = int(quanta[np.argmax(probs)])
        return (
            f"Each cell (θ = {theta_deg:.0f}°, r = {bloch_length:.2f}) stores {per_cell:.3f} quanta on average, of which "
            f"{work:.3f} can be extracted (ergotropy); {per_cell - work:.3f} is locked in. With N = {n_cells} cells a measurement "
            f"of the energy gives a whole number of quanta from 0 to {n_cells}, most often {likely} "
            f"(probability {probs.max():.3f}); the mean {n_cells * per_cell:.2f} is fixed by the state. "
            f"Charging from empty at g/2π = {coupling_mhz:.3g} MHz: parallel charging fills all {n_cells} quanta in "
            f"τ = {par.charging_time_ns:.3g} ns; the shared cavity stores {col.energy_quanta:.2f} quanta by "
            f"τ = {col.charging_time_ns:.3g} ns, a mean power {col.mean_power_quanta_per_ns / par.mean_power_quanta_per_ns:.2f} times "
            f"higher ({watts:.2g} W). Battery plus cavity always hold {n_cells} quanta (largest deviation {conservation:.0e}): "
            f"the energy comes from the photons. At that power one kWh would take {years_per_kwh:.2g} years."
        )
