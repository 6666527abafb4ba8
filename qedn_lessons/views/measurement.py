"""Plots for lesson 07 (measurement): each draws on a given Axes and returns its artists.

No physics here: callers pass numbers computed by :mod:`qedn_lessons.measurement`. Every series has
its own colour *and* line style, marker or hatch, and a label, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.ticker import FuncFormatter

from qedn_lessons.style import COARSE_STEPS, COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside, nice_ceiling

#: Rows of the QET energy ledger, top to bottom, with a hatch each (meaning not by colour alone).
LEDGER_ROWS: tuple[str, ...] = (
    "Alice's meter supplies",
    "Δ⟨H_A⟩ (Alice's qubit)",
    "Δ⟨H_B⟩ (Bob's qubit)",
    "Δ⟨V⟩ (coupling)",
    "Bob's device receives",
    "left in the chain",
)
_LEDGER_HATCHES = ("//", "", "..", "xx", "\\\\", "--")
_LEDGER_COLORS = (COLORS[1], COLORS[1], COLORS[0], COLORS[5], COLORS[2], COLORS[6])


def plot_born_sampling(
    ax, outcomes: Sequence[float], probabilities: Sequence[float], counts: Sequence[int], *, labels: Sequence[str] | None = None
) -> dict:
    """Measured frequencies (hatched bars) next to Born-rule probabilities (black diamonds).

    ``counts`` are how often each outcome was sampled. Returns ``{"bars", "born"}``.
    """
    counts = np.asarray(counts, dtype=float)
    positions = np.arange(len(outcomes))
    frequencies = counts / max(counts.sum(), 1.0)
    bars = ax.bar(
        positions,
        frequencies,
        width=0.5,
        color=COLORS[0],
        hatch="//",
        edgecolor="white",
        label=f"measured frequency ({int(counts.sum())} shots)",
    )
    (born,) = ax.plot(
        positions, probabilities, linestyle="none", marker="D", markersize=10, color=PALETTE["black"], label="Born rule |⟨a|ψ⟩|²"
    )
    ax.set_xticks(positions, labels if labels is not None else [f"{o:+.3g}" for o in outcomes])
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("outcome")
    ax.set_ylabel("probability")
    ax.legend(loc="upper right")
    return {"bars": bars, "born": born}


def plot_zeno(
    ax,
    n_values: Sequence[int],
    transition: Sequence[float],
    survival: Sequence[float],
    *,
    simulated_transition: Sequence[float] | None = None,
    simulated_survival: Sequence[float] | None = None,
) -> dict:
    """Itano's two quantities against the number of measurements N, closed form (lines) and simulated
    (markers). Returns ``{"transition", "survival", "sim_transition", "sim_survival"}`` (Line2D or None)."""
    (transition_line,) = ax.plot(
        n_values, transition, color=COLORS[3], linestyle=LINESTYLES[0], label="transition P(|1⟩ at the end) = [1 − cosᴺ(π/N)]/2"
    )
    (survival_line,) = ax.plot(
        n_values, survival, color=COLORS[0], linestyle=LINESTYLES[1], label="survival P(every outcome |0⟩) = cos²ᴺ(π/2N)"
    )
    artists = {"transition": transition_line, "survival": survival_line, "sim_transition": None, "sim_survival": None}
    if simulated_transition is not None:
        (artists["sim_transition"],) = ax.plot(
            n_values,
            simulated_transition,
            linestyle="none",
            marker=MARKERS[0],
            markerfacecolor="none",
            color=COLORS[3],
            label="transition, simulated",
        )
    if simulated_survival is not None:
        (artists["sim_survival"],) = ax.plot(
            n_values,
            simulated_survival,
            linestyle="none",
            marker=MARKERS[1],
            markerfacecolor="none",
            color=COLORS[0],
            label="survival, simulated",
        )
    ax.set_xlabel("number of measurements N during the π pulse")
    ax.set_ylabel("probability")
    ax.set_ylim(-0.02, 1.02)
    ax.legend(loc="center right")
    return artists


def plot_efficiency_vs_rate(
    ax, rates_per_ps: Sequence[float], efficiency: Sequence[float], *, label: str = "transport efficiency η"
) -> dict:
    """Transport efficiency against the measurement rate (log x axis) with a marker for the current
    rate. Returns ``{"curve", "current", "text"}``; move the marker with ``set_data``."""
    (curve,) = ax.plot(rates_per_ps, efficiency, color=COLORS[2], linestyle=LINESTYLES[0], label=label)
    (current,) = ax.plot(
        rates_per_ps[:1],
        efficiency[:1],
        linestyle="none",
        marker="o",
        markersize=9,
        color=COLORS[3],
        label="chosen measurement rate",
    )
    text = ax.text(0.02, 0.04, "", transform=ax.transAxes, fontsize=10)
    ax.set_xscale("log")
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("measurement rate r of every site's occupation (ps⁻¹)")
    ax.set_ylabel("efficiency η (population trapped)")
    legend_outside(ax, "below")
    return {"curve": curve, "current": current, "text": text}


def plot_qet_curves(ax, angles: np.ndarray, with_message: np.ndarray, without_message: np.ndarray) -> dict:
    """Bob's extracted energy against his angle φ, with (solid) and without (dashed) Alice's message,
    a marker at the chosen φ and a zero line. Returns ``{"with", "without", "current", "text"}``."""
    ax.axhline(0.0, color="0.5", linewidth=0.8)
    (with_line,) = ax.plot(angles, with_message, color=COLORS[2], linestyle=LINESTYLES[0], label="with message")
    (without_line,) = ax.plot(angles, without_message, color=COLORS[3], linestyle=LINESTYLES[1], label="without message")
    (current,) = ax.plot(
        angles[:1],
        with_message[:1],
        linestyle="none",
        marker="o",
        markersize=9,
        color=PALETTE["black"],
        label="Bob's φ (▼: off scale)",
    )
    text = ax.text(0.98, 0.97, "", transform=ax.transAxes, fontsize=9, ha="right", va="top")
    ax.set_xlabel("Bob's rotation angle φ (rad)")
    ax.set_ylabel("energy Bob extracts (units of h·f)")
    ax.set_title("Bob's extraction E_B(φ)")
    legend_outside(ax, "below", fontsize=8, ncols=3)
    ax.locator_params(nbins=5)
    # one width for every tick label ("−0.006" and "−0.800" alike), so a frozen layout keeps the y label
    # inside the figure whatever the scale
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.3f}".replace("-", "−")))
    return {"with": with_line, "without": without_line, "current": current, "text": text}


def mark_current(ax, artist, x: float, y: float) -> None:
    """Move a marker to (x, y); if y is below the axis, pin it to the bottom edge as a ▼."""
    low, high = ax.get_ylim()
    inside = low <= y <= high
    artist.set_data([x], [min(max(y, low + 0.02 * (high - low)), high)])
    artist.set_marker("o" if inside else "v")


def plot_qet_ledger(ax, values: Sequence[float]) -> dict:
    """Horizontal bars of the QET energy ledger, one per :data:`LEDGER_ROWS` entry, each with its own
    hatch and a printed value. Returns ``{"bars", "labels"}``; update with ``bar.set_width`` and
    ``text.set_text`` / ``set_x``."""
    positions = np.arange(len(LEDGER_ROWS))[::-1]
    bars = ax.barh(positions, values, height=0.6, color=_LEDGER_COLORS, hatch=_LEDGER_HATCHES, edgecolor="white")
    labels = [ax.text(0.0, y, "", va="center", fontsize=9) for y in positions]
    ax.axvline(0.0, color="0.3", linewidth=0.8)
    ax.set_yticks(positions, LEDGER_ROWS)
    ax.set_xlabel("energy (units of h·f)")
    ax.set_title("Energy ledger of one run (averaged over μ)")
    ax.grid(axis="y", visible=False)
    ax.locator_params(axis="x", nbins=5)
    return {"bars": bars, "labels": labels}


def update_qet_ledger(ax, artists: dict, values: Sequence[float]) -> None:
    """Set the ledger bars and their printed values in place, and rescale the x axis to fit."""
    values = [float(v) for v in values]
    # in coarse steps: h, k and φ all move this axis, and most moves should keep it
    span = nice_ceiling(max(1e-9, max(abs(v) for v in values)), COARSE_STEPS)
    for bar, label, value in zip(artists["bars"], artists["labels"], values):
        bar.set_width(value)
        label.set_text(f"{value:+.4f}".replace("-", "−"))
        label.set_x(value + (0.03 if value >= 0 else -0.03) * span)
        label.set_ha("left" if value >= 0 else "right")
    low = min(values)
    # one scale for both sides (the largest |value|, in round steps): few distinct axes as h, k move
    ax.set_xlim(-1.35 * span if low < 0 else -0.05 * span, 1.35 * span)
