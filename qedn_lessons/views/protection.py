"""Plots for lesson 02 (protecting coherence): each draws on a given Axes and returns its artists.

No physics here: callers pass arrays computed by :mod:`qedn_lessons.protection`. Every series has its
own colour *and* line style or marker, and a label, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside


def plot_coherence_curves(
    ax,
    times: np.ndarray,
    curves: Sequence[np.ndarray],
    labels: Sequence[str],
    *,
    samples: Sequence[tuple[np.ndarray, np.ndarray, str]] = (),
    time_unit: str = "µs",
    title: str = "Coherence under dephasing noise",
) -> dict:
    """Coherence versus total time, one line per curve, plus optional Monte Carlo points.

    ``curves`` are arrays over ``times``; ``samples`` are (times, values, label) triples drawn as
    markers without lines. Returns ``{"lines": [...], "points": [...]}`` (Line2D artists, update with
    ``set_data``).
    """
    if len(curves) != len(labels):
        raise ValueError(f"labels must have one entry per curve ({len(curves)}), got {len(labels)}")
    lines = []
    for index, (values, label) in enumerate(zip(curves, labels)):
        (line,) = ax.plot(
            times, values, color=COLORS[index % len(COLORS)], linestyle=LINESTYLES[index % len(LINESTYLES)], label=label
        )
        lines.append(line)
    points = []
    for index, (t, values, label) in enumerate(samples):
        (pts,) = ax.plot(
            t,
            values,
            linestyle="none",
            marker=MARKERS[(index + 1) % len(MARKERS)],
            markersize=6,
            markerfacecolor="white",
            color=PALETTE["black"],
            label=label,
        )
        points.append(pts)
    ax.set_xlim(float(times[0]), float(times[-1]))
    ax.set_ylim(-0.02, 1.05)
    ax.set_xlabel(f"total time T ({time_unit})")
    ax.set_ylabel("coherence |⟨ρ₀₁⟩| / |ρ₀₁(0)|")
    ax.set_title(title)
    legend_outside(ax, "below", fontsize=8)  # the curves reach every corner as the noise memory changes
    return {"lines": lines, "points": points}


def plot_logical_errors(
    ax,
    probabilities: np.ndarray,
    curves: Sequence[np.ndarray],
    labels: Sequence[str],
    *,
    samples: Sequence[tuple[np.ndarray, np.ndarray, str]] = (),
    marker_p: float | None = None,
    title: str = "Repetition code: logical error",
) -> dict:
    """Logical error probability versus the physical error probability p (log y axis).

    One line per curve; ``samples`` (p, values, label) are drawn as open markers (Monte Carlo);
    ``marker_p`` draws a dotted vertical line at the chosen p. The diagonal P_L = p (no code) is
    worth passing as one of the curves. Returns ``{"lines", "points", "marker"}``.
    """
    if len(curves) != len(labels):
        raise ValueError(f"labels must have one entry per curve ({len(curves)}), got {len(labels)}")
    lines = []
    for index, (values, label) in enumerate(zip(curves, labels)):
        (line,) = ax.semilogy(
            probabilities,
            np.maximum(values, 1e-300),
            color=COLORS[index % len(COLORS)],
            linestyle=LINESTYLES[index % len(LINESTYLES)],
            label=label,
        )
        lines.append(line)
    points = []
    for index, (p, values, label) in enumerate(samples):
        (pts,) = ax.semilogy(
            p,
            np.maximum(values, 1e-300),
            linestyle="none",
            marker=MARKERS[(index + 1) % len(MARKERS)],
            markersize=6,
            markerfacecolor="white",
            color=PALETTE["black"],
            label=label,
        )
        points.append(pts)
    if probabilities[0] < 0.5 < probabilities[-1]:
        # on the log axis the crossing sits squeezed at the top: mark it and say what it means
        ax.plot([0.5], [0.5], linestyle="none", marker="o", markersize=7, markerfacecolor="none", color=PALETTE["black"])
        ax.annotate(
            "all cross at p = ½:\nabove it a code adds errors",
            (0.5, 0.5),
            xytext=(-8, -38),
            textcoords="offset points",
            ha="right",
            va="top",
            fontsize=8,
            arrowprops={"arrowstyle": "->", "color": "0.3"},
        )
    marker = None
    if marker_p is not None:
        marker = ax.axvline(marker_p, color="0.35", linestyle=":", linewidth=1.2, label="chosen p")
    ax.set_xlim(float(probabilities[0]), float(probabilities[-1]))
    ax.set_ylim(1e-8, 1.5)
    # plain-text labels at every second decade: mathtext and nine decades of minor ticks cost drawing time
    ax.set_yticks([1e-8, 1e-6, 1e-4, 1e-2, 1.0], ["10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²", "1"])
    ax.minorticks_off()
    ax.set_xlabel("physical error probability p per qubit")
    ax.set_ylabel("logical error probability")
    ax.set_title(title)
    legend_outside(ax, "below", fontsize=8)
    return {"lines": lines, "points": points, "marker": marker}


def plot_ghz_scaling(
    ax,
    n_qubits: np.ndarray,
    independent: np.ndarray,
    correlated: np.ndarray,
    *,
    gamma_t: float,
    measured: Sequence[tuple[int, float]] = (),
) -> dict:
    """GHZ coherence versus register size N on a log–log plot, independent (e^{−Nγt}) and correlated
    (e^{−N²γt}) noise, for the single-qubit ``gamma_t`` named in the legend. Returns ``{"independent",
    "correlated"}``."""
    (ind,) = ax.loglog(
        n_qubits,
        np.maximum(independent, 1e-300),
        color=COLORS[0],
        linestyle=LINESTYLES[0],
        label=f"independent noise, e^(−Nγt), γt = {gamma_t:g}",
    )
    (cor,) = ax.loglog(
        n_qubits,
        np.maximum(correlated, 1e-300),
        color=COLORS[1],
        linestyle=LINESTYLES[1],
        label=f"correlated noise, e^(−N²γt), γt = {gamma_t:g} (off scale below 10⁻⁶)",
    )
    ax.set_ylim(1e-6, 1.5)
    ax.set_xlabel("number of qubits N in the GHZ state")
    ax.set_ylabel("coherence left")
    ax.set_title("Bigger GHZ states lose coherence faster")
    ax.legend(loc="lower left", fontsize=8)
    return {"independent": ind, "correlated": cor}


__all__ = ["plot_coherence_curves", "plot_ghz_scaling", "plot_logical_errors"]
