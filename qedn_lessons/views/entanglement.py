"""Plots for lesson 04 (entanglement). Each function draws on a given Axes and returns its artists;
the ``update_*`` helpers move those artists in place (no physics here: the numbers come in).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from qedn_lessons.style import COLORS, LINESTYLES, MARKERS, PALETTE, legend_outside, refresh_legend

#: How each of Bob's states is drawn: (label, colour, marker, line style). Shape and style carry the
#: meaning as well as colour.
BOB_STATES = (
    ("before Alice acts", PALETTE["black"], "o", "-"),
    ("after (outcome unknown)", PALETTE["blue"], "X", "--"),
    ("given outcome +1", PALETTE["green"], "^", "-."),
    ("given outcome −1", PALETTE["vermillion"], "v", ":"),
)
_HATCHES = ("", "//", "..", "xx")


def draw_bob_bloch_disc(ax) -> list:
    """Bob's Bloch vector projected on the x–z plane: unit circle, poles labelled, one arrow per state.

    Returns four Line2D artists (before, after, given +1, given −1) to move with
    :func:`update_bob_bloch_disc`.
    """
    t = np.linspace(0, 2 * math.pi, 121)
    ax.plot(np.cos(t), np.sin(t), color="0.6", linewidth=1.0, linestyle="-")
    ax.axhline(0, color="0.8", linewidth=0.8)
    ax.axvline(0, color="0.8", linewidth=0.8)
    ax.text(0, 1.08, "|0⟩ ground", ha="center", va="bottom", fontsize=9)
    ax.text(0, -1.08, "|1⟩ excited", ha="center", va="top", fontsize=9)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.set_anchor("W")  # keep the y label inside the figure when the equal aspect narrows the box
    ax.set_xlabel("Bloch x")
    ax.set_ylabel("Bloch z")
    ax.set_title("Bob's Bloch vector (x–z plane)")
    lines = []
    for i, (label, color, marker, style) in enumerate(BOB_STATES):
        (line,) = ax.plot(
            [0, 0],
            [0, 0],
            color=color,
            marker=marker,
            linestyle=style,
            markevery=[1],
            markersize=11 if i == 0 else 9,
            fillstyle="none" if i == 0 else "full",
            label=label,
            zorder=3 + i,
        )
        lines.append(line)
    legend_outside(ax, "below", fontsize=8)
    return lines


def update_bob_bloch_disc(lines: Sequence, vectors: Sequence) -> None:
    """Point each line to its Bloch vector (x, y, z); ``None`` hides the line."""
    for line, vector in zip(lines, vectors):
        if vector is None:
            line.set_visible(False)
            continue
        line.set_visible(True)
        line.set_data([0.0, float(vector[0])], [0.0, float(vector[2])])
    refresh_legend(lines[0].axes, side="below", fontsize=8)  # only the states drawn


def draw_bob_energy(ax, *, level_spacing: float = 1.0) -> tuple:
    """Bars of Bob's mean energy ⟨H_B⟩ for the four states of :data:`BOB_STATES` (hatched differently).

    Returns ``(bars, value_texts)`` for :func:`update_bob_energy`.
    """
    positions = np.arange(len(BOB_STATES))
    bars = ax.bar(positions, np.zeros(len(BOB_STATES)), color=[c for _, c, _, _ in BOB_STATES], edgecolor="black", alpha=0.85)
    for bar, hatch in zip(bars, _HATCHES):
        bar.set_hatch(hatch)
    ax.set_xticks(positions, ["before", "after\n(unknown)", "given\n+1", "given\n−1"])
    ax.set_ylim(0, 1.2 * level_spacing)
    ax.set_ylabel("Bob's ⟨H_B⟩ (units of ħω)")
    ax.set_title("Bob's local energy")
    texts = [ax.text(p, 0.0, "", ha="center", va="bottom", fontsize=9) for p in positions]
    return bars, texts


def update_bob_energy(bars, texts, energies: Sequence) -> None:
    """Set bar heights and value labels; ``None`` hides a bar (e.g. no message received)."""
    for bar, text, energy in zip(bars, texts, energies):
        if energy is None:
            bar.set_height(0.0)
            bar.set_visible(False)
            text.set_text("")
            continue
        bar.set_visible(True)
        bar.set_height(float(energy))
        text.set_position((bar.get_x() + bar.get_width() / 2, float(energy) + 0.02))
        text.set_text(f"{energy:.3f}")


def plot_entanglement_measures(ax, p, concurrence, negativity, *, threshold: float | None = 1 / 3) -> list:
    """Concurrence and negativity against a state parameter ``p`` (e.g. the Werner weight)."""
    lines = ax.plot(p, concurrence, color=COLORS[0], linestyle=LINESTYLES[0], label="concurrence C")
    lines += ax.plot(p, negativity, color=COLORS[1], linestyle=LINESTYLES[1], label="negativity N (Bell state: 0.5)")
    if threshold is not None:
        lines.append(ax.axvline(threshold, color="0.3", linestyle=":", linewidth=1.2, label=f"p = {threshold:.3f}"))
    ax.set_xlabel("Werner weight p")
    ax.set_ylabel("entanglement")
    ax.set_ylim(-0.02, 1.02)
    legend_outside(ax, "below", ncols=1)  # the threshold line would run through a legend inside
    return lines


def plot_chsh(ax, p, chsh, *, threshold: float | None = 1 / math.sqrt(2)) -> list:
    """Largest CHSH value against ``p`` with the local bound 2 and Tsirelson's bound 2√2 drawn."""
    lines = ax.plot(p, chsh, color=COLORS[2], linestyle=LINESTYLES[2], label="max CHSH value 2√(m₁+m₂)")
    lines.append(ax.axhline(2.0, color=COLORS[3], linestyle="--", linewidth=1.2, label="local bound 2"))
    lines.append(ax.axhline(2 * math.sqrt(2), color=COLORS[4], linestyle=":", linewidth=1.5, label="Tsirelson 2√2"))
    if threshold is not None:
        lines.append(ax.axvline(threshold, color="0.3", linestyle="-.", linewidth=1.0, label=f"p = {threshold:.3f}"))
    ax.set_xlabel("Werner weight p")
    ax.set_ylabel("CHSH value")
    ax.set_ylim(0, 3.0)
    legend_outside(ax, "below")
    return lines


def plot_sudden_death(
    ax, time, concurrence, coherence_term, population_term, qubit_coherence, *, time_label: str = "time (µs)"
) -> dict:
    """Concurrence and the coherences that feed it against time; returns the artists by name.

    ``coherence_term`` = 2|ρ₀₁,₁₀|, ``population_term`` = 2√(ρ₀₀ρ₁₁), ``qubit_coherence`` that of one
    qubit prepared in |+⟩ under the same damping. A vertical marker shows the death time
    (:func:`update_sudden_death` moves it).
    """
    artists = {}
    (artists["concurrence"],) = ax.plot(
        time, concurrence, color=COLORS[0], linestyle="-", linewidth=2.5, label="concurrence C(t)"
    )
    (artists["coherence"],) = ax.plot(
        time, coherence_term, color=COLORS[1], linestyle="--", label="two-qubit coherence 2|ρ₀₁,₁₀|"
    )
    (artists["population"],) = ax.plot(time, population_term, color=COLORS[3], linestyle=":", label="population term 2√(ρ₀₀ρ₁₁)")
    (artists["qubit"],) = ax.plot(
        time, qubit_coherence, color=COLORS[2], linestyle="-.", label="one qubit's coherence 2|ρ₀₁|, from |+⟩"
    )
    artists["death"] = ax.axvline(0.0, color="0.2", linestyle=(0, (1, 1)), linewidth=1.5)
    (artists["death_marker"],) = ax.plot(
        [0.0], [0.0], linestyle="none", marker=MARKERS[3], color="0.2", markersize=9, label="entanglement sudden death"
    )
    ax.set_xlabel(time_label)
    ax.set_ylabel("value")
    ax.set_xlim(float(np.min(time)), float(np.max(time)))
    ax.set_ylim(-0.02, 1.02)
    legend_outside(ax, "right", fontsize=8)
    return artists


def update_sudden_death(
    artists: dict, concurrence, coherence_term, population_term, qubit_coherence, death_time: float | None
) -> None:
    """Move the curves of :func:`plot_sudden_death`; ``death_time`` None hides the marker."""
    artists["concurrence"].set_ydata(concurrence)
    artists["coherence"].set_ydata(coherence_term)
    artists["population"].set_ydata(population_term)
    artists["qubit"].set_ydata(qubit_coherence)
    visible = death_time is not None
    artists["death"].set_visible(visible)
    artists["death_marker"].set_visible(visible)
    if visible:
        artists["death"].set_xdata([death_time, death_time])
        artists["death_marker"].set_data([death_time], [0.0])
    refresh_legend(artists["death"].axes, side="right", fontsize=8)
