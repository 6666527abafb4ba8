"""Lesson 03 exercises: two-site exchange, perfect-state-transfer time, the Goldilocks dephasing,
and the verdict on long-distance coherent transport."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons.exercises.core import Exercise, as_real, choice, near, number, register


def _rabi_time_fs():
    from qedn_lessons.units import cm_to_rad_per_ps

    j = cm_to_rad_per_ps(100.0)  # coupling in rad/ps
    return math.pi / (2.0 * j) * 1e3  # P₂(t) = sin²(Jt) is first 1 at t = π/(2J); ps → fs


register(
    Exercise(
        key="03.rabi",
        title="Two coupled sites: when has the excitation fully moved?",
        solution=_rabi_time_fs,
        judge=number(notation="t (first full transfer)", unit="fs", rel=5e-3),
        hint="With equal site energies P₂(t) = sin²(Jt), J in rad/ps: convert 100 cm⁻¹ with cm_to_rad_per_ps, then ps → fs.",
        mistakes=(
            lambda a, e: "That is π/J: sin²(Jt) first reaches 1 at Jt = π/2." if near(a, 2 * e, rel=1e-2) else None,
            lambda a, e: (
                "Did you skip the cm⁻¹ → rad/ps conversion (factor 2πc = 0.188 rad/ps per cm⁻¹)?"
                if near(a, math.pi / 200.0 * 1e3, rel=1e-2) or near(a, math.pi / 100.0 * 1e3, rel=1e-2)
                else None
            ),
            lambda a, e: (
                "Your answer looks like picoseconds; the question asks for femtoseconds (× 1000)."
                if near(a, e / 1e3, rel=1e-2)
                else None
            ),
        ),
        wrong_examples=(2 * _rabi_time_fs(), 15.7, _rabi_time_fs() / 1e3),
    )
)


def _pst_time_ps():
    from qedn_lessons import transport
    from qedn_lessons.units import cm_to_rad_per_ps

    n = 50
    lam_cm = 100.0 / transport.pst_couplings(n, 1.0).max()  # scale λ so the largest coupling is 100 cm⁻¹
    return math.pi / cm_to_rad_per_ps(lam_cm)  # transfer time π/λ, λ in rad/ps


register(
    Exercise(
        key="03.pst_time",
        title="Perfect state transfer over 50 sites: how long does it take?",
        solution=_pst_time_ps,
        judge=number(notation="t = π/λ", unit="ps", rel=5e-3),
        hint="The largest PST coupling is in the middle: J_max = (λ/2)·√(25·25). Set it to 100 cm⁻¹, solve for λ, convert with cm_to_rad_per_ps.",
        mistakes=(
            lambda a, e: "Convert λ from cm⁻¹ to rad/ps before computing π/λ." if near(a, e * 0.188365, rel=2e-2) else None,
            lambda a, e: (
                "λ is not the largest coupling: J_max = (λ/2)·√(n(N−n)) at n = N/2."
                if near(a, math.pi / (100 * 0.188365), rel=2e-2)
                else None
            ),
        ),
        wrong_examples=(_pst_time_ps() * 0.188365, math.pi / (100 * 0.188365)),
    )
)


def _best_dephasing_per_ps():
    from qedn_lessons import transport

    gammas = np.logspace(-1, 3, 41)
    eta = transport.efficiency_curve(transport.fmo_hamiltonian(), gammas, trap_rate_per_ps=2.0, loss_rate_per_ns=1.0)
    return float(gammas[np.argmax(eta)])


register(
    Exercise(
        key="03.goldilocks",
        title="FMO: which dephasing rate delivers best?",
        solution=_best_dephasing_per_ps,
        judge=number(notation="γ_best", unit="ps⁻¹", rel=1e-2),
        hint="gammas = np.logspace(-1, 3, 41); eta = transport.efficiency_curve(H, gammas, trap_rate_per_ps=2.0, loss_rate_per_ns=1.0); "
        "then gammas[np.argmax(eta)].",
        mistakes=(
            lambda a, e: (
                "That is the efficiency η itself; the question asks for the dephasing rate γ where η is largest."
                if (as_real(a) or 0.0) > 0.9 and as_real(a) <= 1.0
                else None
            ),
            lambda a, e: (
                "That is an index into the array; use it to pick the rate: gammas[index]."
                if as_real(a) is not None and float(a).is_integer() and a < 41
                else None
            ),
        ),
        wrong_examples=(0.995, 24, 1000.0),
    )
)


def _computed_verdict():
    # the same computation as the lesson's claim check (qedn_lessons/verdicts/lesson03.py), not a fixed word
    from qedn_lessons.verdicts.lesson03 import coherent_transport_word, distance_numbers

    d = distance_numbers()
    return coherent_transport_word(d["km_survival"], float(d["noisy"][-1]))


register(
    Exercise(
        key="03.verdict",
        title="Verdict: coherent energy transport over vast distances without infrastructure",
        solution=_computed_verdict,
        judge=choice(
            notation="the verdict",
            options=("supported", "partly supported", "contradicted", "unsupported"),
            reasons={
                "supported": (
                    "Supported would need an excitation to cross a vast distance and still be there. Look at what "
                    "section 6 computes for 1 km: how long the fastest crossing takes, and how long an excitation lives."
                ),
                "partly supported": (
                    "Partly supported fits a real but much narrower effect. Is there a narrower version of "
                    "*this* claim that works, or does the survival over 1 km rule it out? (The narrower kernel, "
                    "noise-assisted transport over nanometres, is a separate claim.)"
                ),
                "contradicted": (
                    "Contradicted means a computation in the lesson conflicts with the claim. Which number of "
                    "section 6 would have to be very different for the claim to hold?"
                ),
                "unsupported": (
                    "Unsupported is for a factual claim with no evidence either way; this one is a physics claim, "
                    "and section 6 computes what coherent transport delivers with distance."
                ),
            },
        ),
        hint="Look at the arrival probability vs length with disorder, and at the crossing time for 1 km compared with the 1 ns lifetime.",
        wrong_examples=("supported", "partly supported"),
    )
)
