"""Plots for lesson 01 (coherence): each draws on a given Axes and returns its artists.

No physics here: callers pass arrays computed by :mod:`qedn_lessons.coherence`. Every series has its
own colour *and* line style or marker, and a label, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qedn_lessons.style import COLORS, LINESTYLES, PALETTE, legend_outside, power_of_ten, series_style

_CIRCLE = np.linspace(0.0, 2.0 * np.pi, 181)


def plot_bloch_plane(ax, bloch: np.ndarray, *, plane: str = "xy") -> dict:
    """Bloch-vector trajectory projected on a plane ("xy" or "xz") inside the unit circle.

    ``bloch`` has shape (n, 3). Returns ``{"circle", "path", "start", "end"}`` (Line2D artists);
    update them in place with ``set_data``.
    """
    if plane not in ("xy", "xz"):
        raise ValueError(f"plane must be one of 'xy', 'xz'; got {plane!r}")
    i, j = (0, 1) if plane == "xy" else (0, 2)
    names = "xyz"
    (circle,) = ax.plot(
        np.cos(_CIRCLE),
        np.sin(_CIRCLE),
        color=PALETTE["black"],
        linewidth=0.8,
        linestyle=":",
        label="|Bloch vector| = 1 (pure states)",
    )
    (path,) = ax.plot(bloch[:, i], bloch[:, j], color=COLORS[0], linestyle=LINESTYLES[0], linewidth=1.5, label="trajectory")
    (start,) = ax.plot(bloch[:1, i], bloch[:1, j], linestyle="none", marker="o", markersize=8, color=COLORS[2], label="start")
    (end,) = ax.plot(bloch[-1:, i], bloch[-1:, j], linestyle="none", marker="s", markersize=8, color=COLORS[3], label="end")
    ax.set_xlim(-1.1, 1.1)
    ax.set_ylim(-1.1, 1.1)
    ax.set_aspect("equal")
    ax.axhline(0, color="0.6", linewidth=0.6)
    ax.axvline(0, color="0.6", linewidth=0.6)
    ax.set_xlabel(f"{names[i]} = ⟨σ{names[i]}⟩")
    ax.set_ylabel(f"{names[j]} = ⟨σ{names[j]}⟩")
    ax.set_title(f"Bloch vector ({plane[0]}–{plane[1]} plane)")
    # below the panel, not on the circle the vector moves in
    legend_outside(ax, "below", fontsize=8)
    return {"circle": circle, "path": path, "start": start, "end": end}


def plot_ramsey(ax, times: np.ndarray, probability: np.ndarray, envelope: np.ndarray, *, time_unit: str = "µs") -> dict:
    """Ramsey fringe P(t) with its decay envelope ½(1 ± e^{−t/T2}).

    ``envelope`` is e^{−t/T2} at ``times``. Returns ``{"fringe", "upper", "lower"}``.
    """
    (fringe,) = ax.plot(times, probability, color=COLORS[0], linestyle=LINESTYLES[0], linewidth=1.5, label="P(return to |+⟩)")
    (upper,) = ax.plot(
        times, 0.5 * (1 + envelope), color=COLORS[1], linestyle=LINESTYLES[1], linewidth=1.2, label="½(1 ± e^(−t/T2))"
    )
    (lower,) = ax.plot(times, 0.5 * (1 - envelope), color=COLORS[1], linestyle=LINESTYLES[1], linewidth=1.2)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlim(times[0], times[-1])
    ax.set_xlabel(f"free evolution time t ({time_unit})")
    ax.set_ylabel("probability")
    ax.set_title("Ramsey fringe")
    ax.legend(loc="upper right", fontsize=8)
    return {"fringe": fringe, "upper": upper, "lower": lower}


def plot_decay(
    ax,
    times: np.ndarray,
    coherence: np.ndarray,
    excited: np.ndarray,
    *,
    t2: float,
    thermal_population: float,
    time_unit: str = "µs",
) -> dict:
    """|ρ₀₁|(t) and the excited population P₁(t), with T2 and the thermal population marked.

    Returns ``{"coherence", "excited", "t2_line", "thermal_line"}``.
    """
    (coh,) = ax.plot(times, coherence, color=COLORS[0], linestyle=LINESTYLES[0], label="coherence |ρ₀₁|")
    (exc,) = ax.plot(times, excited, color=COLORS[2], linestyle=LINESTYLES[2], label="excited population P₁")
    t2_line = ax.axvline(t2, color=COLORS[3], linestyle=LINESTYLES[3], linewidth=1.2, label="T2")
    thermal_line = ax.axhline(
        thermal_population, color=COLORS[4], linestyle=LINESTYLES[1], linewidth=1.2, label="thermal P₁ = n̄/(2n̄+1)"
    )
    ax.set_xlim(times[0], times[-1])
    ax.set_ylim(-0.01, 0.52)
    ax.set_xlabel(f"time t ({time_unit})")
    ax.set_ylabel("|ρ₀₁|, P₁")
    ax.set_title("Coherence and population")
    legend_outside(ax, "below", fontsize=8)
    return {"coherence": coh, "excited": exc, "t2_line": t2_line, "thermal_line": thermal_line}


def plot_occupation_vs_temperature(
    ax,
    temperatures_k: np.ndarray,
    occupations: Sequence[np.ndarray],
    labels: Sequence[str],
    *,
    marks: Sequence[tuple[float, str]] = (),
    ylim: tuple[float, float] | None = None,
) -> list:
    """n̄ versus temperature on log–log axes, one series per frequency, with optional vertical marks.

    ``marks`` are (temperature_k, label) pairs drawn as labelled vertical lines. ``ylim`` sets the
    n̄ range; a series mostly below it says so in its label ("off scale"). Returns the lines.
    """
    if len(occupations) != len(labels):
        raise ValueError(f"labels must have one entry per series ({len(occupations)}), got {len(labels)}")
    artists = []
    for index, (occupation, label) in enumerate(zip(occupations, labels)):
        style = series_style(index)
        if ylim is not None and np.mean(np.asarray(occupation) < ylim[0]) > 0.5:
            label = f"{label}; off scale (n̄ < {power_of_ten(round(np.log10(ylim[0])))}) at the lower temperatures"
        (line,) = ax.loglog(temperatures_k, occupation, color=style["color"], linestyle=style["linestyle"], label=label)
        artists.append(line)
    for index, (temperature, label) in enumerate(marks):
        line = ax.axvline(temperature, color="0.35", linestyle=LINESTYLES[(index + 3) % len(LINESTYLES)], linewidth=1.0)
        ax.annotate(
            label, (temperature, 0.02), xycoords=("data", "axes fraction"), rotation=90, ha="right", va="bottom", fontsize=8
        )
        artists.append(line)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel("bath temperature T (K)")
    ax.set_ylabel("mean thermal occupation n̄")
    ax.set_title("Thermal photons at the qubit frequency")
    legend_outside(ax, "below")  # off the curves and the marks
    return artists


def plot_coherence_records(ax, names: Sequence[str], seconds: Sequence[float], *, highlight: Sequence[bool] = ()) -> list:
    """Horizontal bars of coherence times (log scale, seconds); ``highlight`` marks unsourced claims
    with a hatched bar and the word "claimed" in its label."""
    highlight = list(highlight) or [False] * len(names)
    if not (len(names) == len(seconds) == len(highlight)):
        raise ValueError("names, seconds and highlight must have the same length")
    y = np.arange(len(names))
    bars = ax.barh(
        y, seconds, color=[COLORS[3] if h else COLORS[0] for h in highlight], hatch=None, edgecolor="black", linewidth=0.6
    )
    for bar, flagged in zip(bars, highlight):
        if flagged:
            bar.set_hatch("//")
            bar.set_facecolor("white")
            bar.set_edgecolor(COLORS[3])
    ax.set_yticks(y, names)
    ax.set_xscale("log")
    ax.set_xlabel("coherence (or observation) time in s, log scale")
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    return list(bars)


__all__ = ["plot_bloch_plane", "plot_coherence_records", "plot_decay", "plot_occupation_vs_temperature", "plot_ramsey"]
