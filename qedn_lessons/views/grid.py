"""Plots for lesson 09 (the grid, a fibre of photons, energy ledgers). Each function draws on a given
Axes and returns its artists; the ``update_*`` helpers move them in place. No physics here: the
numbers come in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.legend_handler import HandlerTuple
from matplotlib.ticker import NullLocator

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside, power_of_ten

#: Rows of :func:`draw_power_bars`: (label, colour, marker). The marker shape and the row label carry
#: the meaning as well as colour.
POWER_ROWS = (
    ("homes' demand", PALETTE["black"], "o"),
    ("grid: sent", PALETTE["blue"], "s"),
    ("grid: lost on the way", PALETTE["vermillion"], "X"),
    ("fibre: photons sent", PALETTE["sky"], "D"),
    ("fibre: arriving (all harvested)", PALETTE["green"], "^"),
)

#: Smallest and largest power (W) the bar axis shows; smaller values are drawn at the left edge.
POWER_AXIS_W = (1e-35, 1e10)


def _log_ticks(axis, exponents) -> None:
    """Major ticks at the given powers of ten with plain-text labels, no minor ticks."""
    exponents = list(exponents)
    axis.set_ticks([10.0**k for k in exponents], [power_of_ten(k) for k in exponents])
    axis.set_minor_locator(NullLocator())


def draw_power_bars(ax) -> tuple:
    """A dot plot of power (log scale, W) for the five rows of :data:`POWER_ROWS`: one marker per row
    at its power, with the value printed beside it.

    Dots, not bars: on a log axis a bar's length depends on where the axis starts (from 10⁻³⁵ W a
    3×10⁻¹⁰ W bar would be drawn at 70 % of the length of a 244 kW one), so only positions are honest.
    Returns ``(dots, value_texts)`` for :func:`update_power_bars`.
    """
    low, high = POWER_AXIS_W
    positions = np.arange(len(POWER_ROWS))[::-1]
    dots = []
    for p, (_, colour, marker) in zip(positions, POWER_ROWS):
        ax.axhline(p, color="0.85", linewidth=0.8, zorder=0)
        (dot,) = ax.plot([np.nan], [p], linestyle="none", marker=marker, markersize=10, color=colour, markeredgecolor="black")
        dots.append(dot)
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    ax.set_ylim(-0.6, len(POWER_ROWS) - 0.4)
    _log_ticks(ax.xaxis, range(-30, 11, 10))
    ax.set_yticks(positions, [label for label, _, _ in POWER_ROWS])
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("average power (W, log scale; each step is ×10¹⁰)")
    ax.set_title("Power: what the homes need, what each route carries")
    ax.axvline(1.0, color="0.6", linewidth=0.8, linestyle=":")
    texts = [ax.text(low, p + 0.22, "", va="bottom", ha="center", fontsize=9) for p in positions]
    return dots, texts


def update_power_bars(dots, texts, powers_w: Sequence[float]) -> None:
    """Move each row's dot to its power in W; a power below the axis floor is drawn at the floor as a
    left-pointing triangle, with its value in the text ("off scale")."""
    low, high = POWER_AXIS_W
    for dot, text, power, (_, _, marker) in zip(dots, texts, powers_w, POWER_ROWS):
        below = float(power) < low
        shown = min(max(float(power), low), high)
        dot.set_xdata([shown])
        dot.set_marker("<" if below else marker)
        # the value sits above the dot, nudged right near the left edge and left near the right edge
        fraction = (np.log10(shown) - np.log10(low)) / (np.log10(high) - np.log10(low))
        text.set_position((shown, text.get_position()[1]))
        text.set_ha("left" if fraction < 0.15 else "right" if fraction > 0.85 else "center")
        text.set_text(_watts(power) + (" (◀ off scale)" if below else ""))


def _watts(power: float) -> str:
    power = float(power)
    if power == 0.0:
        return "0 W"
    for scale, unit in ((1e6, "MW"), (1e3, "kW")):
        if power >= scale:
            return f"{power / scale:.3g} {unit}"
    return f"{power:.2g} W"


def plot_delivered_fraction(ax, lengths_km, fiber_fraction, grid_fraction: float) -> dict:
    """Fraction of what is sent that arrives, against distance: the fibre (solid), the grid's
    system-wide average (dashed), the current distance on both (markers), and the distance where the
    fibre has lost as much as the grid (dotted vertical line). Returns the artists by name."""
    artists = {}
    (artists["fiber"],) = ax.plot(
        lengths_km, fiber_fraction, color=COLORS[0], linestyle=LINESTYLES[0], label="fibre: photons arriving, 10^(−αL/10)"
    )
    (artists["grid"],) = ax.plot(
        [lengths_km[0], lengths_km[-1]],
        [grid_fraction, grid_fraction],
        color=COLORS[1],
        linestyle=LINESTYLES[1],
        label="grid: 1 − loss fraction (system average)",
    )
    (artists["fiber_now"],) = ax.plot(
        [lengths_km[0]],
        [fiber_fraction[0]],
        linestyle="none",
        marker=MARKERS[0],
        color=COLORS[0],
        markersize=9,
        label="fibre at the chosen distance",
    )
    (artists["grid_now"],) = ax.plot(
        [lengths_km[0]],
        [grid_fraction],
        linestyle="none",
        marker=MARKERS[1],
        color=COLORS[1],
        markersize=8,
        fillstyle="none",
        label="grid at the chosen distance",
    )
    artists["equal"] = ax.axvline(
        lengths_km[0], color="0.3", linestyle=":", linewidth=1.3, label="fibre has lost as much as the grid"
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(float(lengths_km[0]), float(lengths_km[-1]))
    ax.set_ylim(1e-21, 3.0)
    _log_ticks(ax.yaxis, range(-20, 1, 5))
    ax.xaxis.set_ticks([1, 10, 100, 1000], ["1", "10", "100", "1000"])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel("distance (km, log scale)")
    ax.set_ylabel("fraction arriving (log scale)")
    ax.set_title("Share of what is sent that arrives")
    _fraction_legend(ax, artists, with_equal=True)
    return artists


def _fraction_legend(ax, artists: dict, *, with_equal: bool) -> None:
    """The legend of :func:`plot_delivered_fraction`, below the axes; the equal-loss entry only while
    that line is drawn."""
    handles = [(artists["fiber"], artists["fiber_now"]), (artists["grid"], artists["grid_now"])]
    labels = ["fibre: 10^(−αL/10); ● chosen distance", "grid: 1 − loss (system average); □ chosen distance"]
    if with_equal:
        handles.append(artists["equal"])
        labels.append("fibre has lost as much as the grid")
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    legend_outside(ax, "below", handles, labels, handler_map={tuple: HandlerTuple(ndivide=None)}, fontsize=8, ncols=1)
    artists["_legend_equal"] = with_equal


def update_delivered_fraction(
    artists: dict, fiber_fraction, grid_fraction: float, length_km: float, fiber_now: float, equal_loss_km: float | None
) -> None:
    """Move the curves and markers of :func:`plot_delivered_fraction` (``equal_loss_km`` None hides the line)."""
    artists["fiber"].set_ydata(fiber_fraction)
    artists["grid"].set_ydata([grid_fraction, grid_fraction])
    artists["fiber_now"].set_data([length_km], [max(fiber_now, 1e-300)])
    artists["grid_now"].set_data([length_km], [grid_fraction])
    visible = equal_loss_km is not None
    artists["equal"].set_visible(visible)
    if artists.get("_legend_equal") != visible:
        _fraction_legend(artists["equal"].axes, artists, with_equal=visible)
    if visible:
        artists["equal"].set_xdata([equal_loss_km, equal_loss_km])


def plot_output_over_input(ax, labels: Sequence[str], ratios: Sequence[float]) -> list:
    """Horizontal bars of energy out / energy in for several processes, with the line at 1 that
    energy conservation forbids crossing. Each bar is labelled with its value."""
    positions = np.arange(len(labels))[::-1]
    hatches = ("//", "..", "xx", "\\\\", "--", "++")
    bars = ax.barh(
        positions, ratios, height=0.6, color=[COLORS[i % len(COLORS)] for i in range(len(labels))], edgecolor="black", alpha=0.85
    )
    for i, bar in enumerate(bars):
        bar.set_hatch(hatches[i % len(hatches)])
    line = ax.axvline(1.0, color="black", linestyle="--", linewidth=1.5, label="energy out = energy in")
    for p, r in zip(positions, ratios):
        ax.text(min(float(r), 1.0) + 0.02, p, f"{float(r):.3f}", va="center", fontsize=9)
    ax.set_yticks(positions, labels)
    ax.set_xlim(0.0, 1.3)
    ax.set_xlabel("energy out / energy in")
    legend_outside(ax, "below")
    return list(bars) + [line]
