"""Plots for lesson 08 (quantum key distribution): each draws on a given Axes and returns its artists.

No physics here: callers pass numbers computed by :mod:`qedn_lessons.qkd`. Every series has its own
colour *and* line style or marker, and a label, so nothing is told by colour alone. Key rates are
drawn on a log axis; a rate of exactly zero (no key) cannot be drawn there and is left out of the
line (it is stated in the caption instead).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside

#: Vertical range of the key-rate panels (secret bits per pulse, log scale).
RATE_LIMITS = (1e-10, 2.0)


def positive_or_nan(values) -> np.ndarray:
    """``values`` as a float array with zeros and negatives replaced by NaN (not drawn on a log axis)."""
    array = np.array(values, dtype=float)
    array[~(array > 0)] = np.nan
    return array


def plot_qber_vs_eavesdropping(
    ax,
    fractions: Sequence[float],
    model_qber: Sequence[float],
    *,
    simulated_fractions: Sequence[float] = (),
    simulated_qber: Sequence[float] = (),
    simulated_error: Sequence[float] = (),
    threshold: float,
) -> dict:
    """QBER against the fraction of pulses Eve intercepts: model line, Monte Carlo points with error bars,
    and the threshold above which no key can be distilled (dotted, shaded above).

    Returns ``{"model", "simulated", "threshold"}``.
    """
    (model,) = ax.plot(fractions, model_qber, color=COLORS[0], linestyle=LINESTYLES[0], label="model: QBER = f/4")
    simulated = None
    if len(simulated_fractions):
        simulated = ax.errorbar(
            simulated_fractions,
            simulated_qber,
            yerr=np.asarray(simulated_error) * 2,
            linestyle="none",
            marker=MARKERS[1],
            markersize=6,
            color=COLORS[1],
            capsize=3,
            label="Monte Carlo (± 2 standard errors)",
        )
    threshold_line = ax.axhline(threshold, color=COLORS[3], linestyle=LINESTYLES[3], label=f"no key above QBER = {threshold:.3f}")
    ax.axhspan(threshold, 0.3, color=COLORS[3], alpha=0.08, hatch="//", linewidth=0)
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 0.3)
    ax.set_xlabel("fraction f of pulses Eve intercepts and resends")
    ax.set_ylabel("quantum bit error rate (QBER)")
    ax.set_title("Eavesdropping leaves errors")
    ax.legend(loc="upper left", fontsize=8)
    return {"model": model, "simulated": simulated, "threshold": threshold_line}


def plot_key_fraction(ax, qber: Sequence[float], fraction: Sequence[float], *, threshold: float) -> dict:
    """Secret bits per sifted bit, 1 − 2h(Q), against the QBER, with its zero at the threshold marked.

    Returns ``{"fraction", "zero", "threshold"}``.
    """
    (line,) = ax.plot(qber, fraction, color=COLORS[2], linestyle=LINESTYLES[2], label="1 − 2h(Q) (Shor–Preskill)")
    zero = ax.axhline(0.0, color=PALETTE["black"], linewidth=0.8)
    threshold_line = ax.axvline(threshold, color=COLORS[3], linestyle=LINESTYLES[3], label=f"Q = {threshold:.3f}: key fraction 0")
    ax.set_xlim(float(np.min(qber)), float(np.max(qber)))
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("QBER Q")
    ax.set_ylabel("secret bits per sifted bit")
    ax.set_title("What the errors cost")
    ax.legend(loc="upper right", fontsize=8)
    return {"fraction": line, "zero": zero, "threshold": threshold_line}


def plot_qber_vs_distance(
    ax, lengths_km: Sequence[float], qber: Sequence[float], *, threshold: float, current_km: float, current_qber: float
) -> dict:
    """QBER against fibre length (up to ½: dark counts alone give random bits) with the threshold
    (dotted) and the chosen length (circle marker).

    Returns ``{"qber", "threshold", "current"}``; update with ``set_data``.
    """
    (line,) = ax.plot(lengths_km, qber, color=COLORS[0], linestyle=LINESTYLES[0], label="QBER of the sifted key")
    threshold_line = ax.axhline(
        threshold, color=COLORS[3], linestyle=LINESTYLES[3], label=f"threshold {threshold:.3f}: abort above"
    )
    (current,) = ax.plot(
        [current_km],
        [current_qber],
        linestyle="none",
        marker="o",
        markersize=9,
        color=PALETTE["black"],
        markerfacecolor="none",
        label="chosen length",
    )
    ax.set_xlim(float(lengths_km[0]), float(lengths_km[-1]))
    ax.set_ylim(0.0, 0.52)
    ax.set_xlabel("fibre length L (km)")
    ax.set_ylabel("QBER")
    ax.set_title("Errors rise where dark counts win")
    legend_outside(ax, "below", fontsize=8)
    return {"qber": line, "threshold": threshold_line, "current": current}


def plot_key_rate_vs_distance(
    ax,
    lengths_km: Sequence[float],
    key_rate: Sequence[float],
    plob: Sequence[float],
    *,
    current_km: float,
    current_rate: float,
    max_km: float | None = None,
    extra: Sequence[tuple[Sequence[float], str]] = (),
) -> dict:
    """Secret bits per pulse against fibre length (log y): the BB84 link, the PLOB bound, the chosen
    length and the maximum distance (vertical dashed line; hidden when ``max_km`` is None).

    ``extra`` adds further key-rate curves as (rates, label) pairs, each with its own style.
    Returns ``{"rate", "plob", "current", "max_line", "extra"}``.
    """
    (rate,) = ax.plot(
        lengths_km, positive_or_nan(key_rate), color=COLORS[0], linestyle=LINESTYLES[0], label="BB84 key rate (model)"
    )
    (bound,) = ax.plot(
        lengths_km, positive_or_nan(plob), color=PALETTE["black"], linestyle=LINESTYLES[1], label="PLOB bound −log₂(1 − η)"
    )
    extras = []
    for index, (values, label) in enumerate(extra):
        (line,) = ax.plot(
            lengths_km, positive_or_nan(values), color=COLORS[2 + index], linestyle=LINESTYLES[2 + index], label=label
        )
        extras.append(line)
    (current,) = ax.plot(
        [current_km],
        positive_or_nan([current_rate]),
        linestyle="none",
        marker="o",
        markersize=9,
        color=PALETTE["black"],
        markerfacecolor="none",
        label="chosen length",
    )
    max_line = ax.axvline(
        max_km if max_km is not None else 0.0, color=COLORS[5], linestyle=LINESTYLES[2], linewidth=1.5, label="maximum distance"
    )
    ax.set_yscale("log")
    ax.minorticks_off()  # decades are enough to read, and minor log ticks cost a third of the redraw time
    ax.set_xlim(float(lengths_km[0]), float(lengths_km[-1]))
    ax.set_ylim(*RATE_LIMITS)
    ax.set_xlabel("fibre length L (km)")
    ax.set_ylabel("secret bits per pulse")
    ax.set_title("Key rate falls exponentially")
    ax.legend(loc="upper right", fontsize=8)  # before hiding the line, so its legend sample stays drawn
    max_line.set_visible(max_km is not None)
    return {"rate": rate, "plob": bound, "current": current, "max_line": max_line, "extra": extras}


def update_marker(marker, x: float, y: float) -> None:
    """Move a one-point marker to (x, y); a y of zero or less hides it (log axes cannot show it)."""
    value = float(positive_or_nan([y])[0]) if marker.axes.get_yscale() == "log" else float(y)
    marker.set_data([x], [value])


def update_vertical(line, x: float | None) -> None:
    """Move a vertical line to x, or hide it when x is None or infinite."""
    if x is None or not np.isfinite(x):
        line.set_visible(False)
        return
    line.set_visible(True)
    line.set_xdata([x, x])


__all__ = [
    "RATE_LIMITS",
    "plot_key_fraction",
    "plot_key_rate_vs_distance",
    "plot_qber_vs_distance",
    "plot_qber_vs_eavesdropping",
    "positive_or_nan",
    "update_marker",
    "update_vertical",
]
