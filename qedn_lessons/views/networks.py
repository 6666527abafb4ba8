"""Plots for lesson 05 (entanglement networks). Each function draws on a given Axes and returns its
artists; the ``update_*`` helpers move them in place. No physics here: the numbers come in.

Rates span tens of orders of magnitude, so they are drawn on log axes; a rate that is exactly zero
(e.g. no distillable entanglement left) cannot sit on a log axis and is left out of the line (the
caption of the explorer says so in words).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside, power_of_ten

#: Lower edge of the rate axis (ebits or pairs per channel use); the PLOB bound at 2000 km of
#: 0.2 dB/km fibre is 1.4e-40.
RATE_FLOOR = 1e-42


def _positive(values) -> np.ndarray:
    """Values for a log axis: zeros and negatives become NaN (a gap in the line)."""
    v = np.asarray(values, dtype=float).copy()
    v[~(v > 0)] = np.nan
    return v


def plot_rates_vs_distance(ax, length_km) -> dict:
    """Rates per channel use against distance: repeater chain (pairs, ebits) and the PLOB bound.

    Returns the artists by name (``pairs``, ``ebits``, ``plob``, ``marker_pairs``, ``marker_plob``,
    ``cursor``) for :func:`update_rates_vs_distance`.
    """
    length_km = np.asarray(length_km, dtype=float)
    nan = np.full_like(length_km, np.nan)
    a = {}
    (a["plob"],) = ax.plot(length_km, nan, color=COLORS[3], linestyle=LINESTYLES[1], label="no repeaters: PLOB bound −log₂(1−η)")
    (a["pairs"],) = ax.plot(length_km, nan, color=COLORS[0], linestyle=LINESTYLES[0], label="repeater chain: pairs per use")
    (a["ebits"],) = ax.plot(
        length_km, nan, color=COLORS[2], linestyle=LINESTYLES[2], label="repeater chain: distillable ebits per use"
    )
    a["cursor"] = ax.axvline(length_km[0], color="0.3", linestyle=":", linewidth=1.2)
    # where the ebits curve stops (fidelity below the hashing threshold): an end mark that says why
    (a["ebits_end"],) = ax.plot(
        [np.nan], [np.nan], linestyle="none", marker="|", markersize=14, markeredgewidth=2, color=COLORS[2]
    )
    a["ebits_note"] = ax.annotate(
        "", (np.nan, np.nan), xytext=(4, -8), textcoords="offset points", fontsize=8, color="0.15", ha="left", va="top"
    )
    (a["marker_pairs"],) = ax.plot([np.nan], [np.nan], linestyle="none", marker=MARKERS[0], color=COLORS[0], markersize=8)
    (a["marker_plob"],) = ax.plot([np.nan], [np.nan], linestyle="none", marker=MARKERS[1], color=COLORS[3], markersize=8)
    ax.set_yscale("log")
    ax.set_ylim(RATE_FLOOR, 3.0)
    # plain tick labels every ten decades: mathtext labels (10⁻⁴⁰) cost most of a redraw
    ax.yaxis.set_major_locator(FixedLocator([1e-40, 1e-30, 1e-20, 1e-10, 1.0]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: "1" if v == 1 else power_of_ten(round(np.log10(v)))))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.set_xlim(float(length_km.min()), float(length_km.max()))
    ax.set_xlabel("distance (km)")
    ax.set_ylabel("per channel use")
    ax.set_title("Rate vs distance")
    legend_outside(ax, "below", fontsize=8, ncols=1)
    return a


def update_rates_vs_distance(
    artists: dict, pairs, ebits, plob, *, selected_km: float, selected_pairs: float, selected_plob: float
) -> None:
    """Move the curves and the markers at the selected distance."""
    artists["pairs"].set_ydata(_positive(pairs))
    shown = _positive(ebits)
    artists["ebits"].set_ydata(shown)
    finite = np.flatnonzero(np.isfinite(shown))
    ends_inside = finite.size and finite[-1] < len(shown) - 1
    x_end = float(artists["ebits"].get_xdata()[finite[-1]]) if ends_inside else np.nan
    y_end = float(shown[finite[-1]]) if ends_inside else np.nan
    artists["ebits_end"].set_data([x_end], [y_end])
    artists["ebits_note"].xy = (x_end, y_end)
    right_half = ends_inside and x_end > 0.5 * float(artists["ebits"].get_xdata()[-1])
    artists["ebits_note"].set_ha("right" if right_half else "left")
    artists["ebits_note"].set_position((-4, -8) if right_half else (4, -8))
    artists["ebits_note"].set_text(f"no ebits beyond {x_end:.0f} km:\nF below hashing threshold" if ends_inside else "")
    artists["plob"].set_ydata(_positive(plob))
    artists["cursor"].set_xdata([selected_km, selected_km])
    artists["marker_pairs"].set_data([selected_km], _positive([selected_pairs]))
    artists["marker_plob"].set_data([selected_km], _positive([selected_plob]))


def plot_fidelity_vs_distance(ax, length_km, *, hashing_threshold: float = 0.8107) -> dict:
    """End-to-end and per-link fidelity against distance, with the thresholds F = 1/2 (entangled
    Werner state) and the hashing threshold drawn. Returns the artists by name."""
    length_km = np.asarray(length_km, dtype=float)
    nan = np.full_like(length_km, np.nan)
    a = {}
    (a["link"],) = ax.plot(
        length_km, nan, color=COLORS[1], linestyle=LINESTYLES[1], label="one link, after purification and waiting"
    )
    (a["end"],) = ax.plot(length_km, nan, color=COLORS[0], linestyle=LINESTYLES[0], label="end to end, after all swaps")
    a["entangled"] = ax.axhline(0.5, color="0.35", linestyle=":", linewidth=1.2, label="F = 1/2: entangled above")
    a["hashing"] = ax.axhline(
        hashing_threshold,
        color=PALETTE["purple"],
        linestyle=LINESTYLES[2],
        linewidth=1.2,
        label=f"F = {hashing_threshold:.4g}: hashing yields ebits above",
    )
    a["cursor"] = ax.axvline(length_km[0], color="0.3", linestyle=":", linewidth=1.2)
    (a["marker"],) = ax.plot([np.nan], [np.nan], linestyle="none", marker=MARKERS[0], color=COLORS[0], markersize=8)
    ax.set_ylim(0.2, 1.02)
    ax.set_xlim(float(length_km.min()), float(length_km.max()))
    ax.set_xlabel("distance (km)")
    ax.set_ylabel("fidelity F")
    ax.set_title("Fidelity vs distance")
    legend_outside(ax, "below", fontsize=8, ncols=1)
    return a


def update_fidelity_vs_distance(artists: dict, link, end, *, selected_km: float, selected_fidelity: float) -> None:
    """Move the fidelity curves and the marker at the selected distance."""
    artists["link"].set_ydata(np.asarray(link, dtype=float))
    artists["end"].set_ydata(np.asarray(end, dtype=float))
    artists["cursor"].set_xdata([selected_km, selected_km])
    artists["marker"].set_data([selected_km], [selected_fidelity])


def plot_waiting_cost(ax, n_segments: Sequence[int], curves: dict) -> list:
    """Mean waiting time in units of one segment's 1/p against the number of segments.

    ``curves`` maps a label (e.g. "p = 0.01") to the ratios E_n·p; each curve gets its own colour,
    line style and marker. Returns the Line2D artists.
    """
    lines = []
    for i, (label, ratio) in enumerate(curves.items()):
        (line,) = ax.plot(
            n_segments,
            ratio,
            color=COLORS[i % len(COLORS)],
            linestyle=LINESTYLES[i % len(LINESTYLES)],
            marker=MARKERS[i % len(MARKERS)],
            markersize=5,
            label=label,
        )
        lines.append(line)
    ax.set_xlabel("number of segments n")
    ax.set_ylabel("mean wait × p  (one segment = 1)")
    ax.set_title("Synchronisation cost: waiting for the slowest segment")
    ax.legend(loc="upper left", fontsize=8)
    return lines


def plot_power_ladder(ax, labels: Sequence[str], power_w: Sequence[float]) -> list:
    """A dot plot of powers in W on a log axis: one marker per row at its power, labelled with its value
    (a zero power, which a log axis cannot show, is written as "0 W" at the left edge with an open
    marker). Dots, not bars: on a log axis a bar's length depends only on where the axis happens to
    start, so lengths would mislead. Returns the marker artists, one per row."""
    power = np.asarray(power_w, dtype=float)
    positions = np.arange(len(labels))[::-1]
    shown = np.where(power > 0, power, np.nan)
    floor = 10 ** np.floor(np.log10(np.nanmin(shown))) / 10 if np.any(power > 0) else 1e-30
    dots = []
    for i, (p, y) in enumerate(zip(power, positions)):
        ax.axhline(y, color="0.85", linewidth=0.8, zorder=0)
        (dot,) = ax.plot(
            [p if p > 0 else floor],
            [y],
            linestyle="none",
            marker=MARKERS[i % len(MARKERS)] if p > 0 else "<",
            markersize=9,
            color=COLORS[i % len(COLORS)],
            markeredgecolor="black",
            fillstyle="full" if p > 0 else "none",
        )
        dots.append(dot)
        ax.annotate(
            f"{p:.2g} W" if p > 0 else "0 W (no power: off a log scale)",
            (p if p > 0 else floor, y),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_xscale("log")
    ax.set_xlim(floor, float(np.nanmax(shown)) * 1e4 if np.any(power > 0) else 1.0)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_yticks(positions, labels)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("power (W), log scale")
    return dots
