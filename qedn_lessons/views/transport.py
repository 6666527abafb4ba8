"""Plots for lesson 03 (transport). Each draws on a given Axes and returns its artists; no physics."""

from __future__ import annotations

import numpy as np

from qedn_lessons.style import COLORS, PALETTE, series_style


def plot_populations(ax, times_ps, sites, sink, *, max_sites: int = 12, sink_label: str = "sink (delivered)"):
    """Site populations (one styled line per site, labelled "site k") and the sink population (thick
    black). Returns ``(site_lines, sink_line)``; lines beyond the number of sites are left empty so a
    widget can reuse them when the network grows."""
    site_lines = []
    n = sites.shape[1]
    for k in range(max_sites):
        style = series_style(k)
        data = sites[:, k] if k < n else np.full(len(times_ps), np.nan)
        # beyond the eight colour/line-style pairs, sites also get markers: no two entries look alike
        marks = {"marker": style["marker"], "markersize": 4, "markevery": (k % 12, 12)} if k >= len(COLORS) else {}
        (line,) = ax.plot(
            times_ps,
            data,
            color=style["color"],
            linestyle=style["linestyle"],
            lw=1.4,
            label=f"site {k + 1}" if k < n else "_",
            **marks,
        )
        site_lines.append(line)
    (sink_line,) = ax.plot(times_ps, sink, color=PALETTE["black"], lw=3.0, label=sink_label)
    # Explicit limits from the data's own ranges: lines that start as NaN must not leave matplotlib's
    # empty-axes limits (−0.055…0.055) in place.
    ax.set(xlabel="time (ps)", ylabel="population", xlim=(float(times_ps[0]), float(times_ps[-1])), ylim=(-0.02, 1.02))
    return site_lines, sink_line


def plot_efficiency_curve(ax, dephasing_per_ps, efficiency, *, current=None):
    """η vs dephasing rate on a log axis, and (optionally) the current point as a large marker.
    Returns ``(curve_line, marker)``."""
    (curve,) = ax.semilogx(dephasing_per_ps, efficiency, color=COLORS[0], marker="o", ms=3, label="η(t → ∞)")
    gx, gy = current if current is not None else (np.nan, np.nan)
    (marker,) = ax.plot([gx], [gy], linestyle="none", marker="D", ms=10, color=COLORS[3], label="current setting")
    ax.set(xlabel="dephasing rate γ (ps⁻¹)", ylabel="efficiency η", ylim=(-0.02, 1.02))
    ax.legend(loc="lower left")
    return curve, marker


def plot_spreading(ax, times, msd_quantum, msd_classical, *, ballistic=None, diffusive=None):
    """⟨x²⟩ vs time on log–log axes: quantum (solid, circles), classical (dashed, squares) and the
    analytic guides 2J²t² and 2Jt (thin dotted). Returns the list of lines."""
    lines = [
        ax.loglog(times, msd_quantum, color=COLORS[0], linestyle="-", marker="o", ms=3, label="quantum walk")[0],
        ax.loglog(times, msd_classical, color=COLORS[1], linestyle="--", marker="s", ms=3, label="classical random walk")[0],
    ]
    # The guides are grey with styles of their own (dotted; dash-dot with open triangles), so they can be
    # told apart; the diffusive one is drawn over the classical walk it coincides with, not hidden under it.
    if ballistic is not None:
        lines.append(
            ax.loglog(times, ballistic, color="0.45", linestyle=":", lw=1.6, zorder=1.5, label="2J²t² (ballistic guide)")[0]
        )
    if diffusive is not None:
        lines.append(
            ax.loglog(
                times,
                diffusive,
                color="0.45",
                linestyle="-.",
                lw=1.0,
                marker="^",
                ms=4,
                markevery=3,
                fillstyle="none",
                zorder=3,
                label="2Jt (diffusive guide)",
            )[0]
        )
    ax.set(xlabel="time (1/J)", ylabel="⟨x²⟩ (sites²)", xlim=(float(times[0]) / 1.2, float(times[-1]) * 1.2))
    ax.legend(loc="upper left")
    return lines


def plot_distribution(ax, positions, p_quantum, p_classical):
    """Probability vs site at one time: quantum (solid) and classical (dashed). Returns the lines."""
    lq = ax.plot(positions, p_quantum, color=COLORS[0], linestyle="-", label="quantum")[0]
    lc = ax.plot(positions, p_classical, color=COLORS[1], linestyle="--", label="classical")[0]
    ax.set(xlabel="site (relative to start)", ylabel="probability", xlim=(float(positions[0]), float(positions[-1])))
    ax.legend(loc="upper center", ncols=2)  # callers leave headroom above the data for it
    return [lq, lc]


def plot_versus_length(ax, lengths, series: dict, *, ylabel: str, logy: bool = True):
    """One styled line per entry of ``series`` (label → values vs ``lengths``). Returns the lines."""
    lines = []
    for i, (label, values) in enumerate(series.items()):
        style = series_style(i)
        lines.append(ax.plot(lengths, values, label=label, **style)[0])
    if logy:
        ax.set_yscale("log")
    ax.set(xlabel="chain length N (sites)", ylabel=ylabel)
    ax.legend()
    return lines
