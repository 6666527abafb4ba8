"""Plots for lesson 09 (the grid, a fibre of photons, energy ledgers). Each function draws on a given
Axes and returns its artists; the ``update_*`` helpers move them in place. No physics here: the
numbers come in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matplotlib.legend_handler import HandlerTuple
from matplotlib.ticker import NullLocator

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE

#: Rows of :func:`draw_power_bars`: (label, colour, hatch). Hatching and the row label carry the
#: meaning as well as colour.
POWER_ROWS = (
    ("homes' demand", PALETTE["black"], ""),
    ("grid: sent", PALETTE["blue"], "//"),
    ("grid: lost on the way", PALETTE["vermillion"], "xx"),
    ("fibre: photons sent", PALETTE["sky"], ".."),
    ("fibre: arriving (all harvested)", PALETTE["green"], "\\\\"),
)

#: Smallest and largest power (W) the bar axis shows; smaller values are drawn at the left edge.
POWER_AXIS_W = (1e-35, 1e10)


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(exponent: int) -> str:
    """"10⁻³⁵"-style label for 10**exponent, as plain text (no mathtext: fast to draw)."""
    return "10" + str(int(exponent)).translate(_SUPERSCRIPTS)


def _log_ticks(axis, exponents) -> None:
    """Major ticks at the given powers of ten with plain-text labels, no minor ticks."""
    exponents = list(exponents)
    axis.set_ticks([10.0**k for k in exponents], [power_of_ten(k) for k in exponents])
    axis.set_minor_locator(NullLocator())


def draw_power_bars(ax) -> tuple:
    """Horizontal bars of power (log scale, W) for the five rows of :data:`POWER_ROWS`.

    Returns ``(bars, value_texts)`` for :func:`update_power_bars`.
    """
    low, high = POWER_AXIS_W
    positions = np.arange(len(POWER_ROWS))[::-1]
    bars = ax.barh(positions, np.zeros(len(POWER_ROWS)), left=low, height=0.6,
                   color=[c for _, c, _ in POWER_ROWS], edgecolor="black", alpha=0.85)
    for bar, (_, _, hatch) in zip(bars, POWER_ROWS):
        bar.set_hatch(hatch)
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    _log_ticks(ax.xaxis, range(-30, 11, 10))
    ax.set_yticks(positions, [label for label, _, _ in POWER_ROWS])
    ax.set_xlabel("average power (W, log scale)")
    ax.set_title("Power: what the homes need, what each route carries")
    ax.axvline(1.0, color="0.6", linewidth=0.8, linestyle=":")
    texts = [ax.text(low, p, "", va="center", ha="left", fontsize=9) for p in positions]
    return bars, texts


def update_power_bars(bars, texts, powers_w: Sequence[float]) -> None:
    """Set each bar to its power in W (values below the axis floor are drawn at the floor)."""
    low, high = POWER_AXIS_W
    for bar, text, power in zip(bars, texts, powers_w):
        shown = min(max(float(power), low), high)
        bar.set_width(shown - low)
        text.set_position((max(shown, low) * 3.0, bar.get_y() + bar.get_height() / 2))
        text.set_text(_watts(power))


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
    (artists["fiber"],) = ax.plot(lengths_km, fiber_fraction, color=COLORS[0], linestyle=LINESTYLES[0],
                                  label="fibre: photons arriving, 10^(−αL/10)")
    (artists["grid"],) = ax.plot([lengths_km[0], lengths_km[-1]], [grid_fraction, grid_fraction], color=COLORS[1],
                                 linestyle=LINESTYLES[1], label="grid: 1 − loss fraction (system average)")
    (artists["fiber_now"],) = ax.plot([lengths_km[0]], [fiber_fraction[0]], linestyle="none", marker=MARKERS[0],
                                      color=COLORS[0], markersize=9, label="fibre at the chosen distance")
    (artists["grid_now"],) = ax.plot([lengths_km[0]], [grid_fraction], linestyle="none", marker=MARKERS[1],
                                     color=COLORS[1], markersize=8, fillstyle="none", label="grid at the chosen distance")
    artists["equal"] = ax.axvline(lengths_km[0], color="0.3", linestyle=":", linewidth=1.3,
                                  label="fibre has lost as much as the grid")
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
    ax.legend([(artists["fiber"], artists["fiber_now"]), (artists["grid"], artists["grid_now"]), artists["equal"]],
              ["fibre: 10^(−αL/10); ● chosen distance", "grid: 1 − loss (system average); □ chosen distance",
               "fibre has lost as much as the grid"],
              handler_map={tuple: HandlerTuple(ndivide=None)}, loc="lower left", fontsize=8)
    return artists


def update_delivered_fraction(artists: dict, fiber_fraction, grid_fraction: float, length_km: float,
                              fiber_now: float, equal_loss_km: float | None) -> None:
    """Move the curves and markers of :func:`plot_delivered_fraction` (``equal_loss_km`` None hides the line)."""
    artists["fiber"].set_ydata(fiber_fraction)
    artists["grid"].set_ydata([grid_fraction, grid_fraction])
    artists["fiber_now"].set_data([length_km], [max(fiber_now, 1e-300)])
    artists["grid_now"].set_data([length_km], [grid_fraction])
    visible = equal_loss_km is not None
    artists["equal"].set_visible(visible)
    if visible:
        artists["equal"].set_xdata([equal_loss_km, equal_loss_km])


def plot_output_over_input(ax, labels: Sequence[str], ratios: Sequence[float]) -> list:
    """Horizontal bars of energy out / energy in for several processes, with the line at 1 that
    energy conservation forbids crossing. Each bar is labelled with its value."""
    positions = np.arange(len(labels))[::-1]
    hatches = ("//", "..", "xx", "\\\\", "--", "++")
    bars = ax.barh(positions, ratios, height=0.6, color=[COLORS[i % len(COLORS)] for i in range(len(labels))],
                   edgecolor="black", alpha=0.85)
    for i, bar in enumerate(bars):
        bar.set_hatch(hatches[i % len(hatches)])
    line = ax.axvline(1.0, color="black", linestyle="--", linewidth=1.5, label="energy out = energy in")
    for p, r in zip(positions, ratios):
        ax.text(min(float(r), 1.0) + 0.02, p, f"{float(r):.3f}", va="center", fontsize=9)
    ax.set_yticks(positions, labels)
    ax.set_xlim(0.0, 1.3)
    ax.set_xlabel("energy out / energy in")
    ax.legend(loc="lower right")
    return list(bars) + [line]
