"""Plots for lesson 06 (energy in superposition, quantum batteries): each draws on a given Axes and
returns its artists.

No physics here: callers pass numbers computed by :mod:`qedn_lessons.batteries`. Every series has its
own colour *and* line style or marker, and a label, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside, nice_ceiling, series_style


def _stems(quanta: np.ndarray, probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x, y of vertical stems from 0 to p at each k in one polyline (NaN-separated)."""
    quanta = np.asarray(quanta, dtype=float)
    x = np.repeat(quanta, 3)
    y = np.column_stack([np.zeros_like(quanta), np.asarray(probabilities, dtype=float), np.full(quanta.size, np.nan)]).ravel()
    x[2::3] = np.nan
    return x, y


def plot_energy_distribution(
    ax, quanta: np.ndarray, probabilities: np.ndarray, *, mean: float, ergotropy: float, capacity: float
) -> dict:
    """Born probabilities of the measured energy of N cells (stems with circles) and three marks.

    ``mean`` is ⟨H⟩ (dashed vertical line), ``ergotropy`` the largest extractable work (dash-dot),
    ``capacity`` N (dotted); all in quanta. Returns ``{"stems", "tops", "mean", "ergotropy", "capacity"}``;
    update with :func:`update_energy_distribution`.
    """
    x, y = _stems(quanta, probabilities)
    (stems,) = ax.plot(x, y, color=COLORS[0], linestyle="-", linewidth=2.0)
    (tops,) = ax.plot(
        quanta, probabilities, color=COLORS[0], linestyle="none", marker=MARKERS[0], markersize=7, label="P(measure k quanta)"
    )
    mean_line = ax.axvline(mean, color=COLORS[1], linestyle=LINESTYLES[1], linewidth=1.8, label="mean ⟨H⟩")
    work_line = ax.axvline(ergotropy, color=COLORS[2], linestyle=LINESTYLES[2], linewidth=1.8, label="ergotropy W")
    cap_line = ax.axvline(capacity, color=PALETTE["black"], linestyle=LINESTYLES[3], linewidth=1.4, label="capacity N")
    ax.set_ylim(0.0, 1.05)
    ax.set_xlim(-0.5, nice_ceiling(capacity) + 0.5)
    ax.set_xlabel("energy found by a measurement (quanta ħω)")
    ax.set_ylabel("probability")
    ax.set_title("Measuring the energy of N cells")
    legend_outside(ax, "below", fontsize=8)  # a full battery's stems and lines reach every corner
    return {"stems": stems, "tops": tops, "mean": mean_line, "ergotropy": work_line, "capacity": cap_line}


def update_energy_distribution(
    artists: dict, ax, quanta: np.ndarray, probabilities: np.ndarray, *, mean: float, ergotropy: float, capacity: float
) -> None:
    """Move the artists of :func:`plot_energy_distribution` to new numbers, in place."""
    artists["stems"].set_data(*_stems(quanta, probabilities))
    artists["tops"].set_data(quanta, probabilities)
    artists["mean"].set_xdata([mean, mean])
    artists["ergotropy"].set_xdata([ergotropy, ergotropy])
    artists["capacity"].set_xdata([capacity, capacity])
    ax.set_xlim(-0.5, nice_ceiling(capacity) + 0.5)  # in round steps: most moves keep the axis


def plot_charging(
    ax,
    times_ns: np.ndarray,
    parallel: np.ndarray,
    collective: np.ndarray,
    charger: np.ndarray,
    *,
    capacity: float,
    tau_parallel: float,
    tau_collective: float,
    per_cell: bool = False,
) -> dict:
    """Stored energy vs time for parallel and collective charging, and the shared cavity's energy.

    Markers (square, triangle) sit at the charging times τ (first maxima). ``per_cell``: the energies
    are given per cell (the caller divides by N; ``capacity`` is then 1) and the axis says so. Returns ``{"parallel",
    "collective", "charger", "capacity", "tau_parallel", "tau_collective"}``; update with
    :func:`update_charging`.
    """
    (par,) = ax.plot(times_ns, parallel, color=COLORS[0], linestyle=LINESTYLES[0], label="battery, parallel (1 cavity per cell)")
    (col,) = ax.plot(times_ns, collective, color=COLORS[3], linestyle=LINESTYLES[2], label="battery, collective (shared cavity)")
    (chg,) = ax.plot(times_ns, charger, color=COLORS[4], linestyle=LINESTYLES[1], linewidth=1.4, label="shared cavity (charger)")
    cap = ax.axhline(
        capacity,
        color=PALETTE["black"],
        linestyle=LINESTYLES[3],
        linewidth=1.2,
        label="capacity (1 quantum per cell)" if per_cell else "capacity N",
    )
    (tp,) = ax.plot(
        [tau_parallel], [capacity], linestyle="none", marker=MARKERS[1], markersize=8, color=COLORS[0], label="τ parallel"
    )
    (tc,) = ax.plot(
        [tau_collective],
        [np.interp(tau_collective, times_ns, collective)],
        linestyle="none",
        marker=MARKERS[2],
        markersize=9,
        color=COLORS[3],
        label="τ collective",
    )
    ax.set_xlim(times_ns[0], times_ns[-1])
    top = nice_ceiling(capacity)  # in round steps: most moves keep the axis
    ax.set_ylim(-0.03 * top, 1.08 * top)
    ax.set_xlabel("time (ns)")
    ax.set_ylabel("energy per cell (quanta ħω)" if per_cell else "energy (quanta ħω)")
    ax.set_title("Charging N cells with photons")
    legend_outside(ax, "below", fontsize=7, ncols=3)
    return {"parallel": par, "collective": col, "charger": chg, "capacity": cap, "tau_parallel": tp, "tau_collective": tc}


def update_charging(
    artists: dict,
    ax,
    times_ns: np.ndarray,
    parallel: np.ndarray,
    collective: np.ndarray,
    charger: np.ndarray,
    *,
    capacity: float,
    tau_parallel: float,
    tau_collective: float,
    energy_collective: float,
) -> None:
    """Move the artists of :func:`plot_charging` to new curves, in place."""
    artists["parallel"].set_data(times_ns, parallel)
    artists["collective"].set_data(times_ns, collective)
    artists["charger"].set_data(times_ns, charger)
    artists["capacity"].set_ydata([capacity, capacity])
    artists["tau_parallel"].set_data([tau_parallel], [capacity])
    artists["tau_collective"].set_data([tau_collective], [energy_collective])
    ax.set_xlim(times_ns[0], times_ns[-1])
    top = nice_ceiling(capacity)  # in round steps: most moves keep the axis
    ax.set_ylim(-0.03 * top, 1.08 * top)


def plot_power_advantage(ax, n_cells: Sequence[int], ratios: Mapping[str, Sequence[float]]) -> list:
    """Mean charging power relative to parallel charging vs N, one series per model (log–log).

    ``ratios`` maps a label to one ratio per N. Returns the lines.
    """
    lines = []
    for index, (label, values) in enumerate(ratios.items()):
        style = series_style(index)
        (line,) = ax.loglog(n_cells, values, label=label, markersize=6, **style)
        lines.append(line)
    ax.set_xlabel("number of cells N")
    ax.set_ylabel("power / parallel power")
    ax.set_title("Collective charging advantage")
    ax.legend(loc="upper left", fontsize=8)
    return lines


def plot_self_discharge(ax, times_us: np.ndarray, stored: np.ndarray, ergotropy: np.ndarray, *, label: str = "") -> list:
    """Stored energy (solid) and ergotropy (dashed) of one cell vs time. Returns the two lines."""
    prefix = f"{label}: " if label else ""
    (e_line,) = ax.plot(times_us, stored, color=COLORS[0], linestyle=LINESTYLES[0], label=f"{prefix}stored energy")
    (w_line,) = ax.plot(times_us, ergotropy, color=COLORS[1], linestyle=LINESTYLES[1], label=f"{prefix}ergotropy")
    ax.set_xlabel("time (µs)")
    ax.set_ylabel("energy (quanta ħω)")
    ax.set_ylim(-0.02, 1.05)
    ax.legend(loc="upper right", fontsize=8)
    return [e_line, w_line]


__all__ = [
    "plot_charging",
    "plot_energy_distribution",
    "plot_power_advantage",
    "plot_self_discharge",
    "update_charging",
    "update_energy_distribution",
]
