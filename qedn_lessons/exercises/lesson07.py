"""Exercises of lesson 07 (measurement and redistribution).

Each exercise has one reference solution (printed by ``show_solution``) and mistake detectors for the
misconceptions this lesson targets: "measurement releases energy" (a negative ΔE), the two Zeno
quantities of Itano et al. swapped for each other, the QET input and output confused, "Bob can
extract energy without the message" (which would be faster-than-light signalling), and the factor 2
between a measurement rate and the transport engine's per-site dephasing rate.
"""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, as_real, near, number, register

# --- 07.energy_cost --------------------------------------------------------------------------------


def _energy_cost_solution():
    from qedn_lessons import measurement, operators

    omega = 2.0  # qubit H = ω|1⟩⟨1|, ground state |0⟩, energy unit arbitrary
    hamiltonian = omega * operators.excited_projector()
    return measurement.measurement_energy_change(operators.ground(), hamiltonian, operators.pauli_x())


def _energy_cost_mistakes(answer, expected):
    value = as_real(answer)
    if value is not None and value < 0:
        return (
            "A measurement cannot lower the energy of a ground state: nothing is below it. "
            "The meter *supplies* energy when it measures something that does not commute with H."
        )
    if near(answer, 0.0, abs_tol=1e-6):
        return "σx does not commute with H = ω|1⟩⟨1|, so the measurement disturbs the state and changes ⟨H⟩."
    if near(answer, 2 * expected):
        return (
            "That is a full excitation ω. After the non-selective σx measurement the qubit is |+⟩ or |−⟩ "
            "with probability ½ each, and both have P(|1⟩) = ½."
        )
    return None


register(
    Exercise(
        key="07.energy_cost",
        title="Who pays for a measurement?",
        solution=_energy_cost_solution,
        judge=number(notation="ΔE = ⟨H⟩_after − ⟨H⟩_before", rel=1e-3),
        hint="Use measurement.measurement_energy_change(state, hamiltonian, observable) with the ground state |0⟩, "
        "H = 2·|1⟩⟨1| and the observable σx (operators.pauli_x()).",
        mistakes=(_energy_cost_mistakes,),
        wrong_examples=(-1.0, 0.0, 2.0),
    )
)


# --- 07.zeno_transition ----------------------------------------------------------------------------

ZENO_N = 10


def _zeno_transition_solution():
    n = ZENO_N
    return (1.0 - math.cos(math.pi / n) ** n) / 2.0


def _zeno_transition_mistakes(answer, expected):
    survival = math.cos(math.pi / (2 * ZENO_N)) ** (2 * ZENO_N)
    if near(answer, survival):
        return "That is the survival probability (every outcome |0⟩), a different quantity."
    if near(answer, 1 - survival):
        return (
            "That is 1 − survival: it also counts runs that jumped to |1⟩ and came back to |0⟩. "
            "The transition probability asks only where the atom is at the end."
        )
    if near(answer, 1.0):
        return "Without measurements the π pulse would give 1; the measurements are the point (Zeno)."
    return None


register(
    Exercise(
        key="07.zeno_transition",
        title="Zeno: transition probability with N = 10 measurements",
        solution=_zeno_transition_solution,
        judge=number(notation="P₁(N = 10)", rel=1e-3),
        hint="Each measurement shrinks the Bloch vector's z to z·cos(π/N): P₁ = [1 − cosᴺ(π/N)]/2. "
        "measurement.zeno_transition_probability checks you.",
        mistakes=(_zeno_transition_mistakes,),
        wrong_examples=(math.cos(math.pi / 20) ** 20, 1 - math.cos(math.pi / 20) ** 20, 1.0),
    )
)


# --- 07.zeno_survival ------------------------------------------------------------------------------


def _zeno_survival_solution():
    n = ZENO_N
    return math.cos(math.pi / (2 * n)) ** (2 * n)


def _zeno_survival_mistakes(answer, expected):
    transition = (1.0 - math.cos(math.pi / ZENO_N) ** ZENO_N) / 2.0
    if near(answer, 1 - transition):
        return (
            "That is 1 − transition probability: it includes runs that jumped to |1⟩ and back. "
            "Survival needs *every* outcome to be |0⟩: multiply N factors cos²(π/2N)."
        )
    if near(answer, transition):
        return "That is the transition probability, the other quantity of Itano et al."
    if near(answer, math.cos(math.pi / (2 * ZENO_N)) ** 2):
        return "That is one step; all N outcomes must find |0⟩, so raise it to the power N."
    return None


register(
    Exercise(
        key="07.zeno_survival",
        title="Zeno: probability that every one of N = 10 measurements finds |0⟩",
        solution=_zeno_survival_solution,
        judge=number(notation="P_survive(N = 10)", rel=1e-3),
        hint="One step rotates by π/N; the next measurement finds |0⟩ with probability cos²(π/2N). All N steps: the product.",
        mistakes=(_zeno_survival_mistakes,),
        wrong_examples=(1 - (1.0 - math.cos(math.pi / 10) ** 10) / 2.0, math.cos(math.pi / 20) ** 2),
    )
)


# --- 07.qet_fraction -------------------------------------------------------------------------------


def _qet_fraction_solution():
    from qedn_lessons import measurement

    result = measurement.qet_minimal(1.0, 1.0)
    return result.max_extracted_energy / result.injected_energy


def _qet_fraction_mistakes(answer, expected):
    from qedn_lessons import measurement

    result = measurement.qet_minimal(1.0, 1.0)
    if near(answer, result.max_extracted_energy):
        return "That is Bob's energy itself; the question asks for the fraction of Alice's input (divide by E_A)."
    if near(answer, result.injected_energy):
        return "That is what Alice's measurement injects, not what Bob gets."
    if near(answer, 1.0) or (as_real(answer) or 0) > 1:
        return "Bob can never get more than Alice put in: the chain cannot go below its ground energy."
    if near(answer, 100 * expected):
        return "Give a fraction between 0 and 1, not a percentage."
    return None


register(
    Exercise(
        key="07.qet_fraction",
        title="QET: what share of Alice's energy can Bob extract? (h = k = 1)",
        solution=_qet_fraction_solution,
        judge=number(notation="E_B,max / E_A", rel=1e-3),
        hint="measurement.qet_minimal(h, k) returns injected_energy and max_extracted_energy.",
        mistakes=(_qet_fraction_mistakes,),
        wrong_examples=(1.0, 0.5),
    )
)


# --- 07.no_message ---------------------------------------------------------------------------------


def _no_message_solution():
    import numpy as np

    from qedn_lessons import measurement

    angles = np.linspace(-np.pi, np.pi, 721)
    return float(np.max(measurement.qet_extracted_energy(1.5, 1.0, angles, message=False)))


def _no_message_mistakes(answer, expected):
    value = as_real(answer)
    if value is not None and value > 1e-6:
        return (
            "Positive extraction without the message would let Alice signal to Bob instantly by choosing "
            "whether to measure: no-signalling forbids it. Bob's reduced state is the same either way."
        )
    if value is not None and value < -1e-6:
        return "Bob can always choose φ = 0 (do nothing): the best he can do is not worse than that."
    return None


register(
    Exercise(
        key="07.no_message",
        title="QET: Bob's best extraction without Alice's message (h = 1.5, k = 1)",
        solution=_no_message_solution,
        judge=number(notation="max over φ of E_B without the message", rel=1e-3, abs_tol=1e-6),
        hint="Evaluate measurement.qet_extracted_energy(1.5, 1.0, angles, message=False) on many angles and take the maximum.",
        mistakes=(_no_message_mistakes,),
        wrong_examples=(0.142524, -0.1),
    )
)


# --- 07.measurement_dephasing ----------------------------------------------------------------------

MEASUREMENT_RATE_PER_PS = 10.0


def _measurement_dephasing_solution():
    # Measuring at Poisson rate r makes each coherence ρ_ij decay at r; the engine's site dephasing γ
    # (Lindblad √(2γ)|k⟩⟨k| on every site) makes it decay at γ_i + γ_j = 2γ. So γ = r/2.
    return MEASUREMENT_RATE_PER_PS / 2.0


def _measurement_dephasing_mistakes(answer, expected):
    r = MEASUREMENT_RATE_PER_PS
    if near(answer, r):
        return (
            "That is the decay rate of a coherence ρ_ij, not the per-site rate: both sites i and j dephase, "
            "so ρ_ij decays at γ_i + γ_j = 2γ."
        )
    if near(answer, 2 * r):
        return "The Lindblad operator is √(2γ)|k⟩⟨k|; its rate 2γ is shared by the two sites of a coherence, not doubled again."
    if near(answer, r / 4):
        return "Too small by a factor 2: ρ_ij decays at γ_i + γ_j = 2γ, and that must equal the measurement rate r."
    return None


register(
    Exercise(
        key="07.measurement_dephasing",
        title="Zeno on transport: which site dephasing is a measurement rate of 10 ps⁻¹?",
        solution=_measurement_dephasing_solution,
        judge=number(notation="γ (ps⁻¹)", rel=1e-3),
        hint="Measuring at random times at rate r makes every coherence ρ_ij (i ≠ j) decay at rate r. In the transport "
        "engine a site dephasing γ makes ρ_ij decay at γ_i + γ_j. measurement.dephasing_for_measurement_rate checks you.",
        mistakes=(_measurement_dephasing_mistakes,),
        wrong_examples=(10.0, 20.0, 2.5),
    )
)
