"""Lesson 05 exercises: the PLOB bound at 1000 km, chained swaps, the synchronisation cost, and the
optical power that survives 1000 km of fibre."""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, as_real, near, number, register

# --- 05.plob_1000: the repeaterless bound over 1000 km ---------------------------------------------


def _plob_solution():
    from qedn_lessons.networks import fiber_transmissivity, plob_bound

    return plob_bound(fiber_transmissivity(1000.0, 0.2))


def _plob_rounding(answer, expected):
    v = as_real(answer)
    if v == 0.0:
        return (
            "0 is what −log₂(1 − η) gives in floating point: 1 − 1e-20 rounds to exactly 1. "
            "Use −log1p(−η)/ln 2 (or plob_bound), which keeps the tiny value."
        )
    if near(answer, expected * math.log(2)):
        return "That is η itself. The bound is −log₂(1 − η) ≈ η/ln 2 for small η: divide by ln 2."
    return None


register(
    Exercise(
        key="05.plob_1000",
        title="PLOB bound for 1000 km of 0.2 dB/km fibre",
        solution=_plob_solution,
        judge=number(notation="−log₂(1 − η) at 1000 km", unit="ebits per use", rel=1e-3, abs_tol=0.0),
        hint="200 dB of loss: η = 10^(−200/10). Then −log₂(1 − η), computed without rounding 1 − η to 1.",
        mistakes=(_plob_rounding,),
        wrong_examples=(0.0, 1e-20, 1e-10),
    )
)


# --- 05.chain_fidelity: four links, three swaps ----------------------------------------------------


def _chain_solution():
    from qedn_lessons.networks import chain_fidelity

    return chain_fidelity(0.9, 4)


def _multiplied_fidelities(answer, expected):
    if near(answer, 0.9**4):
        return (
            "0.9⁴ multiplies the fidelities. Swapping multiplies the Werner weights p = (4F − 1)/3, "
            "and the white-noise part leaves 1/4: F = 1/4 + (3/4)p⁴."
        )
    if near(answer, 0.25 + 0.75 * ((4 * 0.9 - 1) / 3) ** 3):
        return "That is three links (two swaps). Four links need three swaps: p⁴, not p³."
    return None


register(
    Exercise(
        key="05.chain_fidelity",
        title="Fidelity of four Werner links of F = 0.9 joined by three swaps",
        solution=_chain_solution,
        judge=number(notation="F_end", rel=1e-3),
        hint="Apply swap_fidelity three times: swap the first two links, then swap the result with the third, "
        "then with the fourth. Or use p = (4F − 1)/3 and F_end = 1/4 + (3/4)p⁴.",
        mistakes=(_multiplied_fidelities,),
        wrong_examples=(0.9**4, 0.9, 0.25),
    )
)


# --- 05.waiting: two segments, p = 0.1 ------------------------------------------------------------


def _waiting_solution():
    from qedn_lessons.networks import waiting_attempts

    return waiting_attempts(0.1, 2)


def _waiting_mistakes(answer, expected):
    if near(answer, 10.0):
        return "10 = 1/p is one segment alone. With two you wait for the *slower* of the two."
    if near(answer, 20.0):
        return (
            "20 = 2/p would be right if the segments took turns. They try in parallel, and a finished "
            "segment keeps its pair, so the wait is the larger of two geometric times, less than 20."
        )
    if near(answer, 100.0):
        return (
            "100 = 1/p² is the wait if both must succeed in the *same* slot: that is what happens without "
            "memories. With memories it is much shorter."
        )
    return None


register(
    Exercise(
        key="05.waiting",
        title="Mean number of attempts until both of two segments hold a pair (p = 0.1, with memories)",
        solution=_waiting_solution,
        judge=number(notation="E[max(T₁, T₂)]", unit="attempts", rel=1e-3),
        hint="E[max] = E[T₁] + E[T₂] − E[min(T₁, T₂)]. Each Tᵢ has mean 1/p; min(T₁, T₂) is geometric with "
        "success probability 1 − (1 − p)².",
        mistakes=(_waiting_mistakes,),
        wrong_examples=(10.0, 20.0, 100.0),
    )
)


# --- 05.power_1000: launch 1 kW of light into 1000 km of fibre -------------------------------------


def _power_solution():
    from qedn_lessons.networks import delivered_power_w

    return delivered_power_w(1000.0, 1000.0, 0.2)


def _power_mistakes(answer, expected):
    if near(answer, expected / 1000.0):
        return (
            "That is η, the fraction of the light that arrives (or the answer in kW): multiply by the "
            "launched power, 1 kW = 1000 W."
        )
    if near(answer, 1000.0 * 10 ** (-0.2 * 1000)):
        return "The loss is 0.2 dB per km: η = 10^(−0.2·1000/10), the decibels are divided by 10."
    return None


register(
    Exercise(
        key="05.power_1000",
        title="Optical power left after 1000 km when 1 kW of 1550 nm light is launched",
        solution=_power_solution,
        judge=number(notation="P_out", unit="W", rel=1e-3, abs_tol=0.0),
        hint="P_out = P_in · η with η = 10^(−αL/10), α = 0.2 dB/km and L = 1000 km.",
        mistakes=(_power_mistakes,),
        wrong_examples=(1e-20, 10.0, 0.0),
    )
)
