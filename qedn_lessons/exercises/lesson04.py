"""Lesson 04 exercises: negativity convention, CHSH for Werner states, no-signalling, sudden death."""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, as_real, choice, function, number, register

# --- 04.negativity: the Bell-state negativity in the course convention ---------------------------


def _negativity_solution():
    from qedn_lessons.entanglement import bell_state, negativity

    return negativity(bell_state("phi+"))


def _doubled_convention(answer, expected):
    v = as_real(answer)
    if v is not None and math.isclose(v, 2 * expected, rel_tol=1e-3):
        return (
            "That is ‖ρ^{T_A}‖₁ − 1, the doubled convention some papers use. This course uses "
            "N = (‖ρ^{T_A}‖₁ − 1)/2, so divide by 2."
        )
    return None


def _trace_norm_itself(answer, expected):
    v = as_real(answer)
    if v is not None and math.isclose(v, 2 * expected + 1, rel_tol=1e-3):
        return "That is the trace norm ‖ρ^{T_A}‖₁ itself; subtract 1 and halve it."
    if v is not None and math.isclose(v, -expected, rel_tol=1e-3):
        return "That is the negative eigenvalue of ρ^{T_A}; the negativity is its absolute value."
    return None


register(
    Exercise(
        key="04.negativity",
        title="Negativity of the Bell state |Φ⁺⟩",
        solution=_negativity_solution,
        judge=number(notation="N(|Φ⁺⟩)", rel=1e-4),
        hint="Partially transpose ρ = |Φ⁺⟩⟨Φ⁺| on Alice's qubit, find its eigenvalues, add up the absolute values "
        "of the negative ones (or use negativity()).",
        mistakes=(_doubled_convention, _trace_norm_itself),
        wrong_examples=(1.0, 2.0, -0.5, 0.0),
    )
)


# --- 04.chsh_werner: the largest CHSH value of a Werner state as a function of p -------------------


def _chsh_werner_solution():
    def chsh_werner(p):
        return 2 * math.sqrt(2) * p

    return chsh_werner


def _above_tsirelson(answer, reference):
    if callable(answer):
        v = as_real(answer(1.0))
        if v is not None and v > 2 * math.sqrt(2) + 1e-9:
            return f"Your function gives {v:.4g} at p = 1, above Tsirelson's bound 2√2 ≈ 2.828: no quantum state can do that."
    return None


def _matches(answer, formula, points=(0.3, 0.9)) -> bool:
    """True if ``answer`` returns real numbers equal to ``formula`` at every p in ``points``."""
    values = [as_real(answer(p)) for p in points]
    return all(v is not None and math.isclose(v, formula(p), rel_tol=1e-6) for v, p in zip(values, points))


def _forgot_square_root(answer, reference):
    # two points: a single one (e.g. p = 0.5) cannot tell 4p² from 2p
    if callable(answer) and _matches(answer, lambda p: 4 * p * p):
        return "It looks like 2(m₁ + m₂): the Horodecki maximum is 2√(m₁ + m₂), with a square root."
    return None


def _only_one_eigenvalue(answer, reference):
    if callable(answer) and _matches(answer, lambda p: 2 * p):
        return "It looks like 2√m₁, with only the largest eigenvalue: the Horodecki maximum adds the two largest, m₁ + m₂ = 2p²."
    return None


register(
    Exercise(
        key="04.chsh_werner",
        title="Largest CHSH value of a Werner state",
        solution=_chsh_werner_solution,
        judge=function(notation="chsh_werner(p)", cases=[(0.0,), (0.25,), (0.5,), (1 / math.sqrt(2),), (0.9,), (1.0,)]),
        hint="For the Werner state T = −p·I (each correlation ⟨σ_i⊗σ_i⟩ = −p), so m₁ = m₂ = p². Plug into 2√(m₁ + m₂).",
        mistakes=(_forgot_square_root, _only_one_eigenvalue, _above_tsirelson),
        wrong_examples=(lambda p: 4 * p * p, lambda p: 2 * p, lambda p: 4 * p),
    )
)


# --- 04.bob_energy: does Alice's measurement change Bob's energy? ---------------------------------


def _bob_energy_solution():
    from qedn_lessons.entanglement import apply_local, bell_state, local_energy, measurement_kraus

    rho = bell_state("phi+")
    after = apply_local(rho, measurement_kraus(0.0), qubit="A")  # Alice measures σz, tells nobody
    return local_energy(after, "B") - local_energy(rho, "B")


def _conditional_instead_of_average(answer, expected):
    v = as_real(answer)
    if v is not None and math.isclose(abs(v), 0.5, rel_tol=1e-3):
        return (
            "±0.5 ħω is the change of Bob's *conditional* energy given one outcome. Bob does not know the outcome: "
            "average over both (probability 1/2 each) and the change vanishes."
        )
    return None


register(
    Exercise(
        key="04.bob_energy",
        title="Change of Bob's ⟨H_B⟩ when Alice measures her half of |Φ⁺⟩",
        solution=_bob_energy_solution,
        judge=number(notation="Δ⟨H_B⟩ (units of ħω)", abs_tol=1e-9),
        hint="Apply Alice's non-selective measurement (measurement_kraus) with apply_local, then compare "
        "local_energy(…, 'B') before and after.",
        mistakes=(_conditional_instead_of_average,),
        wrong_examples=(0.5, -0.5, 1.0),
    )
)


# --- 04.sudden_death: when does the Yu–Eberly state (a = 0.8) lose its entanglement? ---------------
# (a = 0.8, not a = 1: the notebook prints the a = 1 death time, 0.534800, in section 5)


def _sudden_death_solution():
    from qedn_lessons.entanglement import sudden_death_time

    return sudden_death_time(0.8)


def _half_life(answer, expected):
    v = as_real(answer)
    if v is not None and math.isclose(v, math.log(2), rel_tol=1e-3):
        return "ln 2 is the half-life of one excited population, not the time the concurrence reaches zero."
    if v is not None and math.isinf(v):
        return (
            "The coherences decay only asymptotically, but the concurrence is their difference with a "
            "population term and hits zero at a finite time."
        )
    return None


def _other_a_or_omega(answer, expected):
    from qedn_lessons.entanglement import sudden_death_time

    v = as_real(answer)
    if v is not None and math.isclose(v, sudden_death_time(1.0), rel_tol=1e-3):
        return (
            "0.5348 is the death time for a = 1, printed in section 5. This exercise uses a = 0.8: "
            "put a = 0.8 into the bracket and solve again."
        )
    omega = 1.0 - math.exp(-expected)
    if v is not None and math.isclose(v, omega, rel_tol=1e-3):
        return "That is ω = 1 − e^{−Γt}, not Γt itself: convert with Γt = −ln(1 − ω)."
    return None


register(
    Exercise(
        key="04.sudden_death",
        title="Entanglement sudden-death time Γt for a = 0.8",
        solution=_sudden_death_solution,
        judge=number(notation="Γt_death", rel=1e-4),
        hint="Set 1 − √(a(1 − a + 2ω + aω²)) = 0 with a = 0.8: 0.8(0.2 + 2ω + 0.8ω²) = 1, i.e. "
        "16ω² + 40ω − 21 = 0; take the root in [0, 1], then Γt = −ln(1 − ω).",
        mistakes=(_half_life, _other_a_or_omega),
        wrong_examples=(math.log(2), math.inf, 1.0, 0.534800, 0.445582),
    )
)


# --- 04.werner_window: entangled but CHSH-local ----------------------------------------------------


def _window_solution():
    return "entangled, no CHSH violation"


register(
    Exercise(
        key="04.werner_window",
        title="What is a Werner state with p = 0.5?",
        solution=_window_solution,
        judge=choice(
            notation="the Werner state with p = 0.5",
            options=("separable", "entangled, no CHSH violation", "entangled and CHSH-violating"),
            reasons={
                "separable": (
                    "Separable needs enough white noise to wash out the singlet: compute the concurrence "
                    "(or negativity) of ent.werner_state(0.5), or compare p with the entanglement threshold."
                ),
                "entangled, no CHSH violation": (
                    "Entangled, yes; but check the CHSH score: compute ent.chsh_max(ent.werner_state(0.5)) and compare it with 2."
                ),
                "entangled and CHSH-violating": (
                    "Entangled, yes, but a CHSH violation needs a score above 2. With S_max = 2√2·p, what does p = 0.5 give?"
                ),
            },
        ),
        hint="Compare p = 0.5 with the two thresholds: entangled for p > 1/3, CHSH-violating for p > 1/√2 ≈ 0.707.",
        wrong_examples=("separable", "entangled and CHSH-violating"),
    )
)
