"""Entanglement distribution: fibre loss, the repeaterless bound, swapping and purification.

Physics layer of lesson 05 (pure functions: no plotting, no printing). Fidelities are
dimensionless numbers in [0, 1]; lengths are in kilometres, attenuations in dB per km.

Bell-state order used by the Bell-diagonal routines (:data:`BELL_ORDER`) is the one of Deutsch et
al. (1996): weights ``(A, B, C, D)`` on ``(|Φ+⟩, |Ψ−⟩, |Ψ+⟩, |Φ−⟩)``, with the target state |Φ+⟩.
Bell states are written in the computational basis, |Φ±⟩ = (|00⟩ ± |11⟩)/√2,
|Ψ±⟩ = (|01⟩ ± |10⟩)/√2.

A Werner state of fidelity F is F on its singlet-like Bell state and (1 − F)/3 on each of the other
three. The course's Werner state (``entanglement.werner_state``) has |Ψ−⟩ as its large component;
one local Pauli (σy on Bob's qubit: (I ⊗ σy)|Ψ−⟩ = −i|Φ+⟩) maps it to |Φ+⟩ without changing the
fidelity or the other three weights, so the Werner weights in DEJMPS order are
``(F, (1−F)/3, (1−F)/3, (1−F)/3)`` (:func:`werner_bell_weights`).
"""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import units
from qedn_lessons.validate import check_finite_array, check_int, check_real

__all__ = [
    "BELL_ORDER",
    "MAX_ROUNDS",
    "bbpssw_rounds",
    "bbpssw_step",
    "dejmps_rounds",
    "dejmps_step",
    "fiber_transmissivity",
    "plob_bound",
    "swap_fidelity",
    "werner_bell_weights",
]

#: Order of the Bell-diagonal weights (A, B, C, D) in :func:`dejmps_step` (Deutsch et al. 1996).
BELL_ORDER: tuple[str, str, str, str] = ("phi+", "psi-", "psi+", "phi-")

#: Most purification rounds computed in one call. Each round consumes two pairs of the previous
#: one, so 64 rounds already need 2⁶⁴ raw pairs; more is never physical and only loops.
MAX_ROUNDS = 64


def fiber_transmissivity(length_km: float, attenuation_db_per_km: float = 0.2) -> float:
    """Transmissivity η = 10^(−α·L/10) of an optical fibre (fraction of photons that arrive).

    Parameters
    ----------
    length_km:
        Fibre length L in km, finite and ≥ 0.
    attenuation_db_per_km:
        Attenuation α in dB/km, finite and ≥ 0. Default 0.2 dB/km, typical of telecom fibre at
        1550 nm.

    Returns
    -------
    float
        η in [0, 1] (dimensionless). 1000 km at 0.2 dB/km gives η = 1e-20. Losses beyond about
        3000 dB underflow to 0.0 in double precision.

    Raises
    ------
    ValueError, TypeError
        If an argument is negative, NaN, infinite or not a real number.

    References
    ----------
    Pirandola, Laurenza, Ottaviani & Banchi, Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043
    (the fibre model η = 10^(−αL/10) used there).
    """
    length_km = check_real("length_km", length_km, minimum=0.0)
    attenuation_db_per_km = check_real("attenuation_db_per_km", attenuation_db_per_km, minimum=0.0)
    return units.db_to_transmissivity(attenuation_db_per_km * length_km)


def plob_bound(eta: float) -> float:
    """PLOB bound: most entanglement (or secret key) per use of a pure-loss channel, −log₂(1 − η).

    No protocol without quantum repeaters can distribute more than this many ebits per channel use
    over a channel of transmissivity η. Computed as ``-log1p(-eta)/log(2)`` so that it stays exact
    for tiny η (≈ η/ln 2 = 1.4427 η), where the naive ``-log2(1 - eta)`` rounds to 0.

    Parameters
    ----------
    eta:
        Channel transmissivity in [0, 1] (dimensionless).

    Returns
    -------
    float
        Ebits per channel use, ≥ 0; 0 at η = 0 and ``math.inf`` at η = 1 (a lossless channel has no
        bound). η = 1e-20 (1000 km of fibre) gives 1.4427e-20.

    Raises
    ------
    ValueError, TypeError
        If η is outside [0, 1], NaN or not a real number.

    References
    ----------
    Pirandola, Laurenza, Ottaviani & Banchi, "Fundamental limits of repeaterless quantum
    communications", Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043, arXiv:1510.08863.
    """
    eta = check_real("eta", eta, minimum=0.0, maximum=1.0)
    if eta == 1.0:
        return math.inf
    return -math.log1p(-eta) / math.log(2.0)


def swap_fidelity(f1: float, f2: float) -> float:
    """Fidelity after entanglement swapping of two Werner links: 1/4 + (4F₁ − 1)(4F₂ − 1)/12.

    A Bell measurement on the two middle qubits followed by the Pauli correction of the measured
    outcome (the correction that is right for perfect links). For Werner links with
    p = (4F − 1)/3 the output is the Werner state with p₁·p₂, averaged over the four outcomes.

    Parameters
    ----------
    f1, f2:
        Fidelities of the two links with their target Bell state, each in [0, 1].

    Returns
    -------
    float
        Fidelity of the swapped link, in [0, 1]; F₁ = F₂ = 0.8 gives 0.653333.

    Raises
    ------
    ValueError, TypeError
        If a fidelity is outside [0, 1], NaN or not a real number.

    References
    ----------
    Żukowski, Zeilinger, Horne & Ekert, PRL 71, 4287 (1993), doi:10.1103/PhysRevLett.71.4287
    (entanglement swapping); Briegel, Dür, Cirac & Zoller, PRL 81, 5932 (1998),
    doi:10.1103/PhysRevLett.81.5932 (Werner links in a repeater chain).
    """
    f1 = check_real("f1", f1, minimum=0.0, maximum=1.0)
    f2 = check_real("f2", f2, minimum=0.0, maximum=1.0)
    return 0.25 + (4.0 * f1 - 1.0) * (4.0 * f2 - 1.0) / 12.0


def werner_bell_weights(fidelity: float) -> np.ndarray:
    """Bell-diagonal weights (A, B, C, D) on (|Φ+⟩, |Ψ−⟩, |Ψ+⟩, |Φ−⟩) of a Werner state of fidelity F.

    The target Bell state gets F and each of the other three (1 − F)/3; the course's Werner state
    (large component |Ψ−⟩) is first rotated by σy on Bob's qubit so that the target is |Φ+⟩, the
    state DEJMPS purifies (see the module docstring).

    Returns
    -------
    numpy.ndarray
        ``[F, (1−F)/3, (1−F)/3, (1−F)/3]``, dimensionless, summing to 1.

    Raises
    ------
    ValueError, TypeError
        If ``fidelity`` is outside [0, 1], NaN or not a real number.

    References
    ----------
    Werner, PRA 40, 4277 (1989), doi:10.1103/PhysRevA.40.4277; Deutsch et al., PRL 77, 2818 (1996),
    doi:10.1103/PhysRevLett.77.2818, arXiv:quant-ph/9604039.
    """
    fidelity = check_real("fidelity", fidelity, minimum=0.0, maximum=1.0)
    q = (1.0 - fidelity) / 3.0
    return np.array([fidelity, q, q, q])


def bbpssw_step(fidelity: float) -> tuple[float, float]:
    """One BBPSSW round on two Werner pairs of fidelity F: (F', success probability).

    With q = (1 − F)/3: F' = (F² + q²)/N and N = F² + 2Fq + 5q², where N is the probability that
    the two measured target qubits agree (the pair is kept). The kept pair is twirled back into a
    Werner state of fidelity F'. F = 1/4, 1/2 and 1 are fixed points; F' > F only for F in (1/2, 1).

    Returns
    -------
    tuple of float
        ``(F', N)``: the output fidelity in [0, 1] and the success probability in [1/2, 1].

    Raises
    ------
    ValueError, TypeError
        If ``fidelity`` is outside [0, 1], NaN or not a real number.

    References
    ----------
    Bennett, Brassard, Popescu, Schumacher, Smolin & Wootters, "Purification of noisy entanglement
    and faithful teleportation via noisy channels", PRL 76, 722 (1996),
    doi:10.1103/PhysRevLett.76.722, arXiv:quant-ph/9511027.
    """
    fidelity = check_real("fidelity", fidelity, minimum=0.0, maximum=1.0)
    return _bbpssw(fidelity)


def _bbpssw(f: float) -> tuple[float, float]:
    q = (1.0 - f) / 3.0
    success = f * f + 2.0 * f * q + 5.0 * q * q
    return min(1.0, max(0.0, (f * f + q * q) / success)), min(1.0, success)


def bbpssw_rounds(fidelity: float, rounds: int) -> list[tuple[float, float]]:
    """Repeated BBPSSW purification starting from Werner pairs of the given fidelity.

    Each round takes two pairs that came out of the previous round (a Werner state, thanks to the
    twirl), applies :func:`bbpssw_step` and keeps one pair on success.

    Parameters
    ----------
    fidelity:
        Input fidelity F in [0, 1] of the Werner pairs.
    rounds:
        Number of rounds, a whole number in [0, ``MAX_ROUNDS``].

    Returns
    -------
    list of (float, float)
        One ``(fidelity, success_probability)`` per round, in order: the fidelity after the round
        and the probability that this round succeeds (given that its two input pairs exist).
        Empty for ``rounds = 0``. F = 0.8 gives (0.838150, 0.768889) for the first round.

    Raises
    ------
    ValueError, TypeError
        If ``fidelity`` is outside [0, 1] or ``rounds`` is not a whole number in [0, MAX_ROUNDS].

    References
    ----------
    Bennett et al., PRL 76, 722 (1996), doi:10.1103/PhysRevLett.76.722, arXiv:quant-ph/9511027.
    """
    f = check_real("fidelity", fidelity, minimum=0.0, maximum=1.0)
    rounds = check_int("rounds", rounds, minimum=0, maximum=MAX_ROUNDS)
    out: list[tuple[float, float]] = []
    for _ in range(rounds):
        f, p = _bbpssw(f)
        out.append((f, p))
    return out


def dejmps_step(weights) -> tuple[np.ndarray, float]:
    """One DEJMPS round on two copies of a Bell-diagonal state: (new weights, success probability).

    Weights ``(A, B, C, D)`` on (|Φ+⟩, |Ψ−⟩, |Ψ+⟩, |Φ−⟩) (:data:`BELL_ORDER`). The circuit: Alice
    applies Rx(π/2) = exp(−iπσx/4) to both her qubits, Bob Rx(−π/2) to both of his, each side applies
    a CNOT from the pair kept (control) to the pair sacrificed (target), both target qubits are
    measured in the computational basis and the kept pair survives when the outcomes agree::

        N = (A + B)² + (C + D)²
        A' = (A² + B²)/N,  B' = 2CD/N,  C' = (C² + D²)/N,  D' = 2AB/N

    (The rotations swap the weights of |Φ−⟩ and |Ψ−⟩; the bilateral CNOT then keeps coincidences.)

    Parameters
    ----------
    weights:
        Four non-negative numbers summing to 1 (within 1e-9), in the order above.

    Returns
    -------
    tuple
        ``(numpy array of the four new weights, success probability N in [1/2, 1])``.

    Raises
    ------
    ValueError, TypeError
        If ``weights`` does not hold four finite non-negative numbers summing to 1.

    References
    ----------
    Deutsch, Ekert, Jozsa, Macchiavello, Popescu & Sanpera, "Quantum privacy amplification and the
    security of quantum cryptography over noisy channels", PRL 77, 2818 (1996),
    doi:10.1103/PhysRevLett.77.2818, arXiv:quant-ph/9604039.
    """
    w = check_finite_array("weights", weights, shape=(4,))
    if np.iscomplexobj(w):
        if np.any(w.imag != 0):
            raise ValueError("weights must be real numbers, got complex values")
        w = w.real
    w = w.astype(float)
    if np.any(w < 0):
        raise ValueError(f"weights must each be ≥ 0, got {w.tolist()}")
    if abs(float(w.sum()) - 1.0) > 1e-9:
        raise ValueError(f"weights must sum to 1, got sum {float(w.sum())!r}")
    return _dejmps(w)


def _dejmps(w: np.ndarray) -> tuple[np.ndarray, float]:
    a, b, c, d = (float(x) for x in w)
    success = (a + b) ** 2 + (c + d) ** 2
    new = np.array([a * a + b * b, 2.0 * c * d, c * c + d * d, 2.0 * a * b]) / success
    new = np.clip(new, 0.0, None)
    return new / new.sum(), min(1.0, success)


def dejmps_rounds(fidelity: float, rounds: int) -> list[tuple[float, float]]:
    """Repeated DEJMPS purification starting from Werner pairs of the given fidelity.

    The input is mapped to Bell-diagonal weights with :func:`werner_bell_weights`
    (``(F, q, q, q)``, q = (1 − F)/3, target |Φ+⟩); each round applies :func:`dejmps_step` to two
    copies of the previous round's output (no twirl: the state stays Bell-diagonal but not Werner).
    The first round coincides with BBPSSW; later rounds converge faster.

    Parameters
    ----------
    fidelity:
        Input fidelity F in [0, 1] of the Werner pairs.
    rounds:
        Number of rounds, a whole number in [0, ``MAX_ROUNDS``].

    Returns
    -------
    list of (float, float)
        One ``(fidelity, success_probability)`` per round: the weight A of the target |Φ+⟩ after
        the round and the round's success probability N. Empty for ``rounds = 0``.

    Raises
    ------
    ValueError, TypeError
        If ``fidelity`` is outside [0, 1] or ``rounds`` is not a whole number in [0, MAX_ROUNDS].

    References
    ----------
    Deutsch et al., PRL 77, 2818 (1996), doi:10.1103/PhysRevLett.77.2818, arXiv:quant-ph/9604039.
    """
    w = werner_bell_weights(fidelity)
    rounds = check_int("rounds", rounds, minimum=0, maximum=MAX_ROUNDS)
    out: list[tuple[float, float]] = []
    for _ in range(rounds):
        w, p = _dejmps(w)
        out.append((float(w[0]), p))
    return out
