"""Verdict of lesson 02: can cold, microgravity, error correction and purification keep *macroscopic*
systems coherent?

Every number is computed here with :mod:`qedn_lessons.protection` (rounded, so the printed text is
deterministic): what an echo buys against slow and against white noise, what a repetition code buys
below threshold and what it costs in qubits, what purification costs in raw pairs, and how much
coherence a GHZ state of one mole of qubits keeps. The word is chosen by a condition on those
numbers, not fixed.
"""

from __future__ import annotations

from scipy.constants import Avogadro

from qedn_lessons import protection
from qedn_lessons.claims import Verdict, evidence_for

#: Slow (quasi-static) detuning spread and white dephasing rate of the lesson's model qubit (per µs).
SIGMA_RAD_PER_US, WHITE_RATE_PER_US = 0.5, 0.01
#: Physical error probability per qubit and code distances compared.
FLIP_PROBABILITY, DISTANCES = 0.01, (1, 3, 5)
#: Single-qubit dephasing γt used for the GHZ register: held for a thousandth of one qubit's T2.
GAMMA_T = 1e-3
#: "Macroscopic": one mole of qubits (Avogadro constant, exact in the SI).
MACROSCOPIC_N = Avogadro
#: Coherence below this is treated as gone (no experiment could see it).
NEGLIGIBLE_LOG10 = -3.0


def echo_numbers() -> dict:
    """Coherence at T = 2 T2* without and with a Hahn echo, for slow noise and for white noise alone."""
    t = 2.0 * protection.t2_star(SIGMA_RAD_PER_US)
    slow = {
        n: protection.echo_coherence(t, sigma=SIGMA_RAD_PER_US, n_pulses=n, white_dephasing_rate=WHITE_RATE_PER_US)
        for n in (0, 1)
    }
    white_rate = 1.0 / t  # white noise strong enough to matter on the same time scale
    white = {n: protection.echo_coherence(t, sigma=0.0, n_pulses=n, white_dephasing_rate=white_rate) for n in (0, 1)}
    return {"time_us": t, "slow": slow, "white": white, "gain_slow": slow[1] / slow[0], "gain_white": white[1] / white[0]}


def code_numbers() -> dict:
    """Logical bit-flip and phase-flip errors for each distance at the lesson's p."""
    return {
        d: (protection.repetition_logical_error(d, FLIP_PROBABILITY), protection.repetition_phase_error(d, FLIP_PROBABILITY))
        for d in DISTANCES
    }


@evidence_for("coherence-maintenance")
def coherence_maintenance() -> Verdict:
    echo = echo_numbers()
    code = code_numbers()
    fidelity, pairs = protection.bbpssw_purification_cost(0.8, 3)
    ghz_small = 10.0 ** protection.ghz_log10_coherence(14, GAMMA_T)
    ghz_macro = protection.ghz_log10_coherence(MACROSCOPIC_N, GAMMA_T)
    ghz_macro_correlated = protection.ghz_log10_coherence(MACROSCOPIC_N, GAMMA_T, correlated=True)
    tools_work = echo["gain_slow"] > 10 and code[5][0] < FLIP_PROBABILITY / 10
    if ghz_macro < NEGLIGIBLE_LOG10:
        word = "contradicted"
    else:
        word = "supported" if tools_work else "partly supported"
    d_big = DISTANCES[-1]
    return Verdict(
        word,
        f"The tools are real for small systems: at T = {echo['time_us']:.2f} µs a Hahn echo raises the coherence under slow "
        f"noise from {echo['slow'][0]:.3f} to {echo['slow'][1]:.3f} but leaves white noise at {echo['white'][1]:.3f} "
        f"(gain {echo['gain_white']:.2f}); a {d_big}-qubit repetition code cuts bit flips from p = {FLIP_PROBABILITY} to "
        f"{code[d_big][0]:.1e} while phase flips rise to {code[d_big][1]:.3f}; 3 rounds of purification lift F = 0.8 to "
        f"{fidelity:.3f} at {pairs:.0f} raw pairs per output pair. None of it scales to a macroscopic body: a GHZ state of "
        f"one mole of qubits, held for a thousandth of one qubit's T2 (γt = {GAMMA_T:g}), keeps coherence 10^({ghz_macro:.2e}) "
        f"with independent noise and 10^({ghz_macro_correlated:.2e}) with correlated (Markovian) noise, against "
        f"{ghz_small:.3f} for 14 qubits. Cooling removes thermal photons and microgravity lengthens free fall; neither "
        f"changes this scaling. Cooling does create another kind of macroscopic coherence, many particles in one shared "
        f"state (a Bose–Einstein condensate, the Cold Atom Lab's subject, Aveline et al., Nature 582, 193 (2020); a "
        f"superconductor), but a network of distant nodes would need a GHZ-type superposition, and that is what decays.",
    )
