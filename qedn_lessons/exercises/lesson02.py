"""Exercises of lesson 02 (protecting coherence).

Mistake detectors for misconceptions seen in class: T2* = 1/σ (forgetting the √2 of a Gaussian),
keeping only the leading term of the repetition-code sum or counting "≥ t" instead of "> t" flips,
N instead of N² for correlated noise, and hf/k_B taken for the temperature where n̄ is small.
"""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, choice, near, number, register

# --- 02.t2_star -----------------------------------------------------------------------------------


def _t2_star_solution():
    sigma_rad_per_us = 0.2
    # free decay e^{−σ²t²/2} falls to 1/e when σ²t²/2 = 1, i.e. t = √2/σ
    return math.sqrt(2.0) / sigma_rad_per_us


def _t2_star_mistakes(answer, expected):
    if near(answer, 1.0 / 0.2):
        return "1/σ is where σ²t²/2 = ½, not 1: the Gaussian falls to 1/e at σt = √2."
    if near(answer, 2.0 / 0.2):
        return "Solve σ²t²/2 = 1 for t: t = √2/σ, not 2/σ."
    if near(answer, 0.2 / math.sqrt(2.0)):
        return "That has σ upside down: a larger spread must give a *shorter* T2*."
    return None


register(
    Exercise(
        key="02.t2_star",
        title="T2* of quasi-static noise",
        solution=_t2_star_solution,
        judge=number(notation="T2*", unit="µs", rel=2e-3),
        hint="Free decay is e^(−σ²t²/2); find t where the exponent is −1.",
        mistakes=(_t2_star_mistakes,),
        wrong_examples=(5.0, 10.0, 0.1414),
    )
)


# --- 02.logical ------------------------------------------------------------------------------------


def _logical_solution():
    d, p = 5, 0.1
    t = (d - 1) // 2  # the code corrects t = 2 flips; it fails with 3, 4 or 5
    return sum(math.comb(d, k) * p**k * (1 - p) ** (d - k) for k in range(t + 1, d + 1))


def _logical_mistakes(answer, expected):
    d, p = 5, 0.1
    if near(answer, math.comb(d, 3) * p**3 * (1 - p) ** 2):
        return "You kept only k = 3; add the cases with 4 and 5 flips too (they are small but not zero)."
    if near(answer, sum(math.comb(d, k) * p**k * (1 - p) ** (d - k) for k in range(2, d + 1))):
        return "You started at k = 2; a distance-5 code corrects 2 flips, so it fails only for k ≥ 3."
    if near(answer, p**3):
        return "p³ is one particular set of three flips; there are C(5, 3) = 10 such sets, each also needing the other two qubits intact."
    return None


register(
    Exercise(
        key="02.logical",
        title="Logical error of a distance-5 repetition code",
        solution=_logical_solution,
        judge=number(notation="P_L", rel=2e-3),
        hint="P_L = Σ_{k=3}^{5} C(5, k) p^k (1 − p)^(5−k) with p = 0.1; `math.comb(n, k)` is C(n, k).",
        mistakes=(_logical_mistakes,),
        wrong_examples=(0.0081, 0.08146, 0.001),
    )
)


# --- 02.ghz ------------------------------------------------------------------------------------------


def _ghz_solution():
    n_qubits, gamma_t = 20, 0.001
    # correlated (collective) phase noise: the GHZ coherence decays as e^{−N² γt}
    return math.exp(-(n_qubits**2) * gamma_t)


def _ghz_mistakes(answer, expected):
    if near(answer, math.exp(-20 * 0.001)):
        return "That is e^(−Nγt), the independent-noise result; with correlated noise the exponent is N²γt."
    if near(answer, math.exp(-0.001) ** 2):
        return "Square N, not the single-qubit coherence."
    if near(answer, 20**2 * 0.001):
        return "That is the exponent N²γt; the coherence is e to minus that."
    return None


register(
    Exercise(
        key="02.ghz",
        title="A 20-qubit GHZ state under correlated noise",
        solution=_ghz_solution,
        judge=number(notation="GHZ coherence", rel=2e-3),
        hint="Correlated Gaussian phase noise: coherence = e^(−N² γt) with N = 20, γt = 0.001.",
        mistakes=(_ghz_mistakes,),
        wrong_examples=(0.980199, 0.4, 0.99800),
    )
)


# --- 02.cold -----------------------------------------------------------------------------------------


def _cold_solution():
    from scipy.constants import h, k

    frequency_hz, n_target = 5e9, 0.01
    # invert n̄ = 1/(e^{hf/kT} − 1):  e^{hf/kT} = 1 + 1/n̄  →  T = hf / (k ln(1 + 1/n̄))
    return h * frequency_hz / (k * math.log1p(1.0 / n_target))


def _cold_mistakes(answer, expected):
    from scipy.constants import h, k

    if near(answer, h * 5e9 / k):
        return (
            "hf/k_B is the temperature scale of the qubit, not the answer: n̄ = 0.01 needs a logarithm, T = hf/(k_B ln(1 + 1/n̄))."
        )
    if near(answer, h * 5e9 / (k * math.log(1.0 / 0.01))):
        return "Close: that inverts the Boltzmann factor e^(−hf/kT) = n̄; Bose–Einstein gives ln(1 + 1/n̄) = ln 101."
    if near(answer, 1000 * expected):
        return "That is the answer in millikelvin; the question asks for kelvin."
    return None


register(
    Exercise(
        key="02.cold",
        title="How cold for n̄ = 0.01 at 5 GHz?",
        solution=_cold_solution,
        judge=number(notation="T", unit="K", rel=5e-4),
        hint="Solve 0.01 = 1/(e^(hf/k_BT) − 1) for T: e^(hf/k_BT) = 101.",
        mistakes=(_cold_mistakes,),
        wrong_examples=(0.23996, 0.052107, 51.99),
    )
)


# --- 02.echo_white -------------------------------------------------------------------------------------

register(
    Exercise(
        key="02.echo_white",
        title="Does an echo help against white (memoryless) dephasing?",
        solution=lambda: "no",
        judge=choice(
            notation="the answer",
            options=("yes", "no"),
            reasons={
                "yes": (
                    "An echo reverses a phase only if the noise imprints it the same way before and after the π pulse. "
                    "White noise has no memory: the kicks after the pulse are new ones, so nothing cancels. Compare the "
                    "two white-noise curves of section 2."
                ),
                "no": (
                    "An echo does help when the noise is slow: a constant detuning's phase cancels exactly. Reread the "
                    "question: here the only noise is white."
                ),
            },
        ),
        hint="An echo cancels phase that is gathered *the same way* before and after the π pulse. Does memoryless noise repeat itself?",
        wrong_examples=("yes",),
    )
)
