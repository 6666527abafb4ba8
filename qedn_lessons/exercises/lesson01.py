"""Exercises of lesson 01 (superposition and coherence).

Each exercise has one reference solution (printed by ``show_solution``) and mistake detectors for
misconceptions seen in class: adding times instead of rates, forgetting the factor 2 in 1/(2T1),
temperatures in millikelvin fed in as kelvin, ω = 2πf used where f belongs, ħ for h.
"""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, near, number, register

# --- 01.t2 ---------------------------------------------------------------------------------------


def _t2_solution():
    t1_us, t_phi_us = 60.0, 90.0
    # rates add, and relaxation destroys coherence at half its population rate: 1/T2 = 1/(2T1) + 1/Tφ
    return 1.0 / (1.0 / (2.0 * t1_us) + 1.0 / t_phi_us)


def _t2_mistakes(answer, expected):
    if near(answer, 60.0 + 90.0):
        return "You added the times; decay *rates* add, so add 1/(2T1) and 1/Tφ, then invert."
    if near(answer, 1.0 / (1.0 / 60.0 + 1.0 / 90.0)):
        return "Close: you forgot the factor 2. Energy relaxation destroys coherence at 1/(2T1), half the population decay rate."
    if near(answer, 2 * 60.0):
        return "2T1 is the upper limit, reached only without pure dephasing (Tφ = ∞)."
    if near(answer, 1.0 / expected):
        return "That is 1/T2 (a rate in 1/µs); the question asks for the time."
    return None


register(
    Exercise(
        key="01.t2",
        title="T2 from T1 and Tφ",
        solution=_t2_solution,
        judge=number(notation="T2", unit="µs", rel=2e-3),
        hint="Rates add: 1/T2 = 1/(2 T1) + 1/Tφ.",
        mistakes=(_t2_mistakes,),
        wrong_examples=(150.0, 36.0, 120.0),
    )
)


# --- 01.nbar -------------------------------------------------------------------------------------


def _nbar_solution():
    from scipy.constants import h, k

    frequency_hz, temperature_k = 5e9, 0.100  # 100 mK = 0.100 K
    x = h * frequency_hz / (k * temperature_k)
    return 1.0 / math.expm1(x)  # Bose–Einstein: 1/(e^x − 1)


def _nbar_mistakes(answer, expected):
    from scipy.constants import h, k

    if near(answer, 1.0 / math.expm1(h * 5e9 / (k * 100.0))):
        return "That is n̄ at 100 K: the temperature is 100 mK = 0.100 K."
    if near(answer, 1.0 / math.expm1(2 * math.pi * h * 5e9 / (k * 0.1))):
        return "You used ω = 2πf with h; the energy of a quantum is h·f (or ħ·ω), not h·ω."
    if near(answer, math.exp(-h * 5e9 / (k * 0.1))):
        return "That is the Boltzmann factor e^(−hf/k_BT); the Bose–Einstein occupation is 1/(e^(hf/k_BT) − 1)."
    if near(answer, k * 0.1 / (h * 5e9)):
        return "k_BT/hf is the classical (hot) limit; here hf > k_BT, so use the full formula."
    return None


register(
    Exercise(
        key="01.nbar",
        title="Thermal occupation of a 5 GHz qubit at 100 mK",
        solution=_nbar_solution,
        judge=number(notation="n̄", rel=2e-3),
        hint="n̄ = 1/(e^(hf/k_BT) − 1) with f in Hz and T in K; scipy.constants has h and k.",
        mistakes=(_nbar_mistakes,),
        wrong_examples=(416.23, 0.0907546, 0.2084),
    )
)


# --- 01.ramsey_t2 --------------------------------------------------------------------------------


def _ramsey_solution():
    contrast, time_us = 0.25, 30.0
    # fringe contrast decays as e^(−t/T2): 0.25 = e^(−30/T2)  →  T2 = 30 / ln 4
    return time_us / math.log(1.0 / contrast)


def _ramsey_mistakes(answer, expected):
    if near(answer, 30.0 / math.log10(4.0)):
        return "You used log10; the exponential decay needs the natural log (math.log)."
    if near(answer, 15.0):
        return "Contrast 0.25 is two halvings, but e^(−t/T2) falls by e, not 2, per T2."
    if near(answer, 30.0 / math.log(2.0)):
        return "Contrast 0.25 means e^(−30/T2) = 0.25, so ln(1/0.25) = ln 4, not ln 2."
    return None


register(
    Exercise(
        key="01.ramsey_t2",
        title="T2 from the decay of Ramsey fringes",
        solution=_ramsey_solution,
        judge=number(notation="T2", unit="µs", rel=2e-3),
        hint="The fringe amplitude is e^(−t/T2): solve 0.25 = e^(−30 µs/T2).",
        mistakes=(_ramsey_mistakes,),
        wrong_examples=(49.83, 15.0, 43.28),
    )
)


# --- 01.kwh --------------------------------------------------------------------------------------


def _kwh_solution():
    from scipy.constants import h

    energy_per_qubit_j = h * 5e9  # one excited 5 GHz qubit holds one quantum h·f
    return 3.6e6 / energy_per_qubit_j  # 1 kWh = 3.6e6 J


def _kwh_mistakes(answer, expected):
    from scipy.constants import h, hbar

    if near(answer, 3.6e6 / (hbar * 5e9)):
        return "You used ħ·f; the quantum is h·f (or ħ·ω with ω = 2πf)."
    if near(answer, 1000.0 / (h * 5e9)):
        return "1 kWh is 1000 W × 3600 s = 3.6×10⁶ J, not 1000 J."
    if near(answer, 3.6e6 * h * 5e9) or near(answer, h * 5e9 / 3.6e6):
        return "Divide the energy you need by the energy of one quantum."
    return None


register(
    Exercise(
        key="01.kwh",
        title="How many excited qubits hold one kilowatt-hour?",
        solution=_kwh_solution,
        judge=number(notation="N", rel=5e-3),
        hint="One excited qubit holds one quantum, h·f joules; 1 kWh = 3.6×10⁶ J.",
        mistakes=(_kwh_mistakes,),
        wrong_examples=(6.83e30, 3.02e26),
    )
)
