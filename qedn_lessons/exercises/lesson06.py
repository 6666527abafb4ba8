"""Exercises of lesson 06 (energy in superposition, quantum batteries).

Each exercise has one reference solution (printed by ``show_solution``) and mistake detectors for
misconceptions seen in class: "a superposition holds half a quantum" whatever its angle, confusing
θ with θ/2, taking the stored energy for the extractable work, believing a measurement can deliver
the energy one asks for, and forgetting the 2π between g/2π in MHz and g in rad/ns.
"""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, near, number, register

# --- 06.mean_energy ------------------------------------------------------------------------------


def _mean_energy_solution():
    theta = math.radians(60.0)
    # |ψ⟩ = cos(θ/2)|0⟩ + sin(θ/2)|1⟩: a measurement finds 1 quantum with probability sin²(θ/2)
    return math.sin(theta / 2) ** 2


def _mean_energy_mistakes(answer, expected):
    # at θ = 60° two pairs of slips give the same number: sin(θ/2) = ½ and sin²θ = cos²(θ/2) = ¾
    if near(answer, 0.5):
        return (
            "Not every superposition holds half a quantum: only θ = 90° does. (½ is also the amplitude "
            "sin(θ/2) = sin 30°; the Born probability is its square.) The weight of |1⟩ is sin²(θ/2)."
        )
    if near(answer, 0.75):
        return (
            "0.75 is sin²θ (the half angle left out) or cos²(θ/2), the probability of the empty state |0⟩, "
            "which carries no energy. The weight of |1⟩ is sin²(θ/2)."
        )
    if near(answer, math.sin(math.radians(60.0))):
        return "That is sin θ; the amplitude of |1⟩ is sin(θ/2), and the Born probability is its square."
    return None


register(
    Exercise(
        key="06.mean_energy",
        title="Mean energy of a superposed cell",
        solution=_mean_energy_solution,
        judge=number(notation="⟨H⟩", unit="quanta", rel=2e-3),
        hint="⟨H⟩ = 0 · P(0) + 1 · P(1), with P(1) = sin²(θ/2).",
        mistakes=(_mean_energy_mistakes,),
        wrong_examples=(0.5, 0.75, 0.8660254),
    )
)


# --- 06.ergotropy --------------------------------------------------------------------------------
# r = 0.8, θ = 120°: W = 0.6 quanta (section 2 prints the equator case r = 0.6, W = 0.30)


def _ergotropy_solution():
    r, theta = 0.8, math.radians(120.0)
    z = r * math.cos(theta)
    return (r - z) / 2  # W = ω(r − z)/2 in quanta ω


def _ergotropy_mistakes(answer, expected):
    r, theta = 0.8, math.radians(120.0)
    z = r * math.cos(theta)  # −0.4: below the equator, towards full
    if near(answer, (1 - z) / 2):
        return "0.7 quanta is the stored energy ⟨H⟩ = (1 − z)/2; the ergotropy is smaller for a mixed state: W = (r − z)/2."
    if near(answer, r - z):
        return "Close: W = (r − z)/2, so divide by 2."
    if near(answer, (r + z) / 2):
        return "Check the sign of z: θ = 120° is past the equator, so z = r cos θ = −0.4 is negative and −z adds to r."
    if near(answer, r / 2):
        return (
            "r/2 is the ergotropy of a cell on the equator (z = 0), as printed in section 2; this cell is at "
            "θ = 120°, so include z = r cos θ."
        )
    if near(answer, 0.3):
        return (
            "0.30 is the cell printed in section 2 (θ = 90°, r = 0.6); this one has r = 0.8 and θ = 120°. "
            "Use W = (r − z)/2 with z = r cos θ."
        )
    if near(answer, (1 - math.cos(theta)) / 2):
        return "That is the ergotropy of a pure state (r = 1); this cell is mixed, with r = 0.8."
    if near(answer, (r - r * math.cos(120.0)) / 2):
        return "math.cos expects radians: convert 120° with math.radians(120) first."
    if near(answer, 0.0, abs_tol=1e-6):
        return "A mixed state with r > 0 still has coherence and population inversion, which a rotation can turn into work."
    return None


register(
    Exercise(
        key="06.ergotropy",
        title="Ergotropy of a mixed cell",
        solution=_ergotropy_solution,
        judge=number(notation="W", unit="quanta", rel=2e-3),
        hint="For H = ω|1⟩⟨1| the ergotropy is W = ω(r − z)/2, with r the Bloch length and z = r cos θ (cos 120° = −½).",
        mistakes=(_ergotropy_mistakes,),
        wrong_examples=(0.7, 1.2, 0.2, 0.4, 0.3, 0.75, 0.0),
    )
)


# --- 06.demand -----------------------------------------------------------------------------------


def _demand_solution():
    n_cells, demand = 6, 3
    # each cell in |+⟩ gives 0 or 1 quantum with probability ½, independently: binomial(6, ½)
    return math.comb(n_cells, demand) / 2**n_cells


def _demand_mistakes(answer, expected):
    if near(answer, 1.0):
        return "The state does not know the demand: the Born rule gives 3 quanta only with probability C(6,3)/2⁶."
    if near(answer, 0.5):
        return "½ is the probability for one cell; for the total of six cells count the ways to have exactly three excited."
    if near(answer, 1 / 7):
        return "The seven outcomes 0…6 are not equally likely: weight them by C(6, k)/2⁶."
    if near(answer, 0.5**6):
        return "That is one particular pattern of three excited cells; there are C(6,3) = 20 such patterns."
    return None


register(
    Exercise(
        key="06.demand",
        title="Probability that a measurement delivers the demanded energy",
        solution=_demand_solution,
        judge=number(notation="P(k = 3)", rel=2e-3),
        hint="P(k) = C(N, k) p^k (1 − p)^(N−k) with p = ½ (math.comb gives C(N, k)).",
        mistakes=(_demand_mistakes,),
        wrong_examples=(1.0, 0.5, 1 / 7, 1 / 64),
    )
)


# --- 06.global_time ------------------------------------------------------------------------------


def _global_time_solution():
    n_cells, coupling_mhz = 10, 10.0
    g = 2 * math.pi * coupling_mhz * 1e-3  # g/2π = 10 MHz → g in rad/ns
    return math.pi / (2 * n_cells * g)  # global drive: E = N sin²(Ngt), full at Ngt = π/2


def _global_time_mistakes(answer, expected):
    g = 2 * math.pi * 10.0 * 1e-3
    if near(answer, math.pi / (2 * g)):
        return "That is the parallel charging time π/(2g); the global drive is N = 10 times faster."
    if near(answer, math.pi / (2 * 10 * 10.0 * 1e-3)):
        return "g/2π = 10 MHz means g = 2π × 0.01 rad/ns: you left out the 2π."
    if near(answer, math.pi / (2 * math.sqrt(10) * g)):
        return "√N is the shared-cavity (Dicke) scaling; the ideal global drive reaches the full factor N."
    if near(answer, expected * 1e-9, abs_tol=0.0) or near(answer, expected * 1e3):
        return "Give the time in nanoseconds."
    return None


register(
    Exercise(
        key="06.global_time",
        title="Charging time with a global drive",
        solution=_global_time_solution,
        judge=number(notation="τ_global", unit="ns", rel=2e-3),
        hint="Global drive: E(t) = N sin²(N g t), full when N g t = π/2. Convert g/2π = 10 MHz to g = 2π × 0.010 rad/ns.",
        mistakes=(_global_time_mistakes,),
        wrong_examples=(25.0, 15.70796, 7.90569),
    )
)
