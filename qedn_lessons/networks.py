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
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln, xlog1py, xlogy

from qedn_lessons import units
from qedn_lessons.validate import check_choice, check_finite_array, check_int, check_real, check_size

__all__ = [
    "BELL_ORDER",
    "FIBER_GROUP_INDEX",
    "FIBRE_GROUP_INDEX",
    "MAX_LENGTHS",
    "MAX_ROUNDS",
    "MAX_SEGMENTS",
    "PROTOCOLS",
    "RepeaterChain",
    "bbpssw_rounds",
    "bbpssw_step",
    "chain_fidelity",
    "dejmps_rounds",
    "dejmps_step",
    "delivered_power_w",
    "fiber_loss_fraction",
    "fiber_transmissivity",
    "hashing_yield",
    "memory_decay_fidelity",
    "plob_bound",
    "purification_cost",
    "repeater_chain",
    "swap_fidelity",
    "waiting_attempts",
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


def fiber_loss_fraction(length_km: float, attenuation_db_per_km: float = 0.2) -> float:
    """Fraction 1 − η = 1 − 10^(−αL/10) of the photons sent into a fibre that never arrive.

    Computed as −expm1(−αL·ln10/10) (:func:`qedn_lessons.units.db_to_loss_fraction`), exact even for
    very short fibres. 10 km at 0.2 dB/km lose 0.369 (36.9 %); 100 km lose 0.99.

    Parameters
    ----------
    length_km:
        Fibre length L in km, ≥ 0 and finite.
    attenuation_db_per_km:
        Attenuation α in dB/km, ≥ 0 and finite; default 0.2 (telecom fibre at 1550 nm).

    Returns
    -------
    float
        Loss fraction in [0, 1].

    Raises
    ------
    ValueError, TypeError
        If an argument is negative, NaN, infinite or not a real number.

    References
    ----------
    The fibre model of :func:`fiber_transmissivity` (Pirandola et al., Nat. Commun. 8, 15043 (2017),
    doi:10.1038/ncomms15043).
    """
    length_km = check_real("length_km", length_km, minimum=0.0)
    attenuation_db_per_km = check_real("attenuation_db_per_km", attenuation_db_per_km, minimum=0.0)
    return units.db_to_loss_fraction(attenuation_db_per_km * length_km)


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


# ------------------------------------------------------------------------------------------------
# Repeater chains: synchronisation (waiting) cost, purification cost, memory decay, hashing yield.

#: Most segments a repeater chain may have here. The waiting-time recursion costs O(n²) small array
#: operations; 256 segments of 4 km already span 1000 km.
MAX_SEGMENTS = 256

#: Most distances one :func:`repeater_chain` call evaluates (refused before any allocation).
MAX_LENGTHS = 100_000

#: Group index of silica fibre, as a round value: light in glass travels at about c/1.5 ≈ 2×10⁵ km/s
#: (accurate to a few per cent; fibre data sheets give the exact figure).
FIBER_GROUP_INDEX = 1.5
#: The same constant under the British spelling (kept for code written against 0.1.0).
FIBRE_GROUP_INDEX = FIBER_GROUP_INDEX

#: Purification protocols :func:`purification_cost` knows.
PROTOCOLS: tuple[str, str] = ("bbpssw", "dejmps")


def _waiting_attempts(p: np.ndarray, n: int) -> np.ndarray:
    """E[max of n independent geometric(p) variables] for an array of p in (0, 1] (no checks).

    Recursion over the number m of segments still without a pair: in one slot k of them succeed
    with binomial probability, so E_m (1 − q^m) = 1 + Σ_{k=1}^{m} C(m,k) p^k q^(m−k) E_(m−k).
    Every term is positive, so it stays accurate for tiny p, where the textbook alternating sum
    Σ_k (−1)^(k+1) C(n,k)/(1 − q^k) cancels catastrophically.
    """
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):  # p = 1 gives log q = −inf, handled exactly below
        log_q = np.log1p(-p)
    e = np.zeros((n + 1,) + p.shape)
    for m in range(1, n + 1):
        k = np.arange(1, m + 1, dtype=float).reshape((m,) + (1,) * p.ndim)
        log_pmf = gammaln(m + 1.0) - gammaln(k + 1.0) - gammaln(m - k + 1.0) + xlogy(k, p) + xlog1py(m - k, -p)
        earlier = e[m - np.arange(1, m + 1)]  # E_(m−k) for k = 1..m
        numerator = 1.0 + np.sum(np.exp(log_pmf) * earlier, axis=0)
        e[m] = numerator / -np.expm1(m * log_q)
    return e[n]


def waiting_attempts(success_probability: float, n_segments: int) -> float:
    """Mean number of attempt slots until every one of n segments holds an entangled pair.

    Model: in every slot each segment that has no pair yet makes one attempt, succeeding with
    probability p independently of the others; a segment that succeeded keeps its pair in a
    memory (no loss) and waits. The answer is the mean of the largest of n independent geometric
    waiting times. One segment needs 1/p slots; n segments need more, about H_n/p for small p
    (H_n = 1 + 1/2 + … + 1/n): this growth is the *synchronisation cost* of a repeater chain.

    Parameters
    ----------
    success_probability:
        p, the probability that one attempt on one segment succeeds, in (0, 1].
    n_segments:
        n, a whole number in [1, ``MAX_SEGMENTS``].

    Returns
    -------
    float
        Mean number of slots (dimensionless, ≥ 1). p = 0.1: n = 1 gives 10, n = 2 gives
        2/p − 1/(p(2 − p)) = 14.7368.

    Raises
    ------
    ValueError, TypeError
        If p is outside (0, 1] or not a real number, or n is not a whole number in [1, 256].

    References
    ----------
    E. Shchukin, F. Schmidt & P. van Loock, "On the waiting time in quantum repeaters with
    probabilistic entanglement swapping", arXiv:1710.06214 (exact waiting times of repeater chains;
    with deterministic swapping the mean is that of the largest of the segments' geometric times).
    """
    p = check_real("success_probability", success_probability, minimum=0.0, maximum=1.0, minimum_inclusive=False)
    n = _check_segments(n_segments)
    return float(_waiting_attempts(np.array(p), n))


def _check_segments(n_segments) -> int:
    return check_size("n_segments", n_segments, maximum=MAX_SEGMENTS, what="the waiting-time recursion grows as n²")


def _hashing(f: np.ndarray) -> np.ndarray:
    f = np.asarray(f, dtype=float)
    rest = 1.0 - f
    entropy = -(xlogy(f, f) + xlogy(rest, rest / 3.0)) / math.log(2.0)
    return np.clip(1.0 - entropy, 0.0, 1.0)


def hashing_yield(fidelity: float) -> float:
    """Ebits per pair that the hashing protocol distils from many Werner pairs of fidelity F.

    For a Bell-diagonal state with weights w the hashing protocol (one-way communication) yields
    1 − S(w) perfect pairs per input pair, S the Shannon entropy in bits; for a Werner state
    w = (F, (1−F)/3, (1−F)/3, (1−F)/3). Negative values mean hashing yields nothing and are
    returned as 0. It is a lower bound on the distillable entanglement; it turns a noisy pair into
    a number comparable with the PLOB bound (ebits).

    Parameters
    ----------
    fidelity:
        Werner fidelity F in [0, 1].

    Returns
    -------
    float
        Yield in [0, 1] (ebits per pair); 1 at F = 1, 0 for F below about 0.8107.

    Raises
    ------
    ValueError, TypeError
        If F is outside [0, 1], NaN or not a real number.

    References
    ----------
    C. H. Bennett, D. P. DiVincenzo, J. A. Smolin & W. K. Wootters, "Mixed-state entanglement and
    quantum error correction", PRA 54, 3824 (1996), doi:10.1103/PhysRevA.54.3824,
    arXiv:quant-ph/9604024.
    """
    f = check_real("fidelity", fidelity, minimum=0.0, maximum=1.0)
    return float(_hashing(np.array(f)))


def purification_cost(fidelity: float, rounds: int, protocol: str = "dejmps") -> tuple[float, float]:
    """Fidelity after ``rounds`` of recurrence purification and the raw pairs it costs on average.

    Round j takes two pairs from round j − 1 and succeeds with probability p_j (both pairs are
    lost on failure), so one pair out of round k costs R_k = 2 R_(k−1) / p_j raw pairs on average,
    R_0 = 1. Uses :func:`bbpssw_rounds` or :func:`dejmps_rounds`.

    Parameters
    ----------
    fidelity:
        Werner fidelity F in [0, 1] of the raw pairs.
    rounds:
        Number of rounds, a whole number in [0, ``MAX_ROUNDS``].
    protocol:
        ``"bbpssw"`` or ``"dejmps"``.

    Returns
    -------
    tuple of float
        ``(F_out, raw_pairs_per_output)``. F = 0.8, one round: (0.838150, 2/0.768889 = 2.6012).

    Raises
    ------
    ValueError, TypeError
        For a fidelity outside [0, 1], a bad number of rounds or an unknown protocol.

    References
    ----------
    Bennett et al., PRL 76, 722 (1996), doi:10.1103/PhysRevLett.76.722; Deutsch et al., PRL 77,
    2818 (1996), doi:10.1103/PhysRevLett.77.2818; Dür, Briegel, Cirac & Zoller, PRA 59, 169 (1999),
    doi:10.1103/PhysRevA.59.169 (resources of purification in a repeater).
    """
    check_choice("protocol", protocol, PROTOCOLS)
    history = (bbpssw_rounds if protocol == "bbpssw" else dejmps_rounds)(fidelity, rounds)
    f_out = check_real("fidelity", fidelity, minimum=0.0, maximum=1.0)
    pairs = 1.0
    for f_out, p in history:  # noqa: B007  (the last round's fidelity is the result)
        pairs = 2.0 * pairs / p
    return float(f_out), float(pairs)


def memory_decay_fidelity(fidelity, storage_time_s, memory_time_s: float):
    """Werner fidelity after storage in a depolarising memory: 1/4 + (F − 1/4)·e^(−t/T).

    The Werner weight p = (4F − 1)/3 decays as e^(−t/T), with T the pair's memory time (both
    memories together). Works elementwise on arrays of ``storage_time_s``.

    Parameters
    ----------
    fidelity:
        Initial Werner fidelity in [0, 1].
    storage_time_s:
        Storage time t in s, ≥ 0 (a number or an array).
    memory_time_s:
        T in s, > 0; ``math.inf`` for a perfect memory.

    Returns
    -------
    float or numpy.ndarray
        The stored pair's fidelity, between 1/4 and F (for F ≥ 1/4).

    Raises
    ------
    ValueError, TypeError
        For a fidelity outside [0, 1], a negative or NaN time, or T ≤ 0.

    References
    ----------
    Werner, PRA 40, 4277 (1989), doi:10.1103/PhysRevA.40.4277 (the state). The depolarising memory
    (Werner weight decaying as e^(−t/T)) is a simple model chosen for this course; Shchukin, Schmidt &
    van Loock, arXiv:1710.06214, also study the effect of finite memory times on repeaters.
    """
    f = check_real("fidelity", fidelity, minimum=0.0, maximum=1.0)
    memory = check_real("memory_time_s", memory_time_s, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    if np.ndim(storage_time_s) == 0:
        t = np.array(check_real("storage_time_s", storage_time_s, minimum=0.0))
    else:
        t = check_finite_array("storage_time_s", storage_time_s).astype(float)
        if np.any(t < 0):
            raise ValueError(f"storage_time_s must be ≥ 0 and finite, got a smallest value of {float(t.min())!r}")
    out = 0.25 + (f - 0.25) * np.exp(-t / memory)
    return float(out) if out.ndim == 0 else out


def chain_fidelity(link_fidelity: float, n_segments: int) -> float:
    """End-to-end fidelity of n equal Werner links joined by n − 1 swaps (:func:`swap_fidelity`).

    Parameters
    ----------
    link_fidelity:
        Werner fidelity of each link, in [0, 1].
    n_segments:
        Number of links n, a whole number in [1, ``MAX_SEGMENTS``].

    Returns
    -------
    float
        Fidelity in [0, 1]; equal to 1/4 + (3/4)·((4F − 1)/3)^n. Four links of F = 0.9 give 0.6732.

    Raises
    ------
    ValueError, TypeError
        For a fidelity outside [0, 1] or a bad number of segments.

    References
    ----------
    Briegel, Dür, Cirac & Zoller, PRL 81, 5932 (1998), doi:10.1103/PhysRevLett.81.5932.
    """
    f_link = check_real("link_fidelity", link_fidelity, minimum=0.0, maximum=1.0)
    n = _check_segments(n_segments)
    f = f_link
    for _ in range(n - 1):
        f = swap_fidelity(f, f_link)
    return f


def delivered_power_w(launched_power_w, length_km: float, attenuation_db_per_km: float = 0.2):
    """Optical power that leaves a fibre of length L when ``launched_power_w`` enters it: P·η.

    Parameters
    ----------
    launched_power_w:
        Power entering the fibre in W, ≥ 0 (a number or an array).
    length_km, attenuation_db_per_km:
        As in :func:`fiber_transmissivity`.

    Returns
    -------
    float or numpy.ndarray
        Power in W. 1 kW over 1000 km at 0.2 dB/km: 1e-17 W.

    Raises
    ------
    ValueError, TypeError
        For a negative, NaN or non-numeric power or a bad length or attenuation.

    References
    ----------
    Pirandola et al., Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043 (fibre model).
    """
    eta = fiber_transmissivity(length_km, attenuation_db_per_km)
    if np.ndim(launched_power_w) == 0:
        return check_real("launched_power_w", launched_power_w, minimum=0.0) * eta
    power = check_finite_array("launched_power_w", launched_power_w).astype(float)
    if np.any(power < 0):
        raise ValueError(f"launched_power_w must be ≥ 0 and finite, got a smallest value of {float(power.min())!r}")
    return power * eta


@dataclass(frozen=True)
class RepeaterChain:
    """Figures of merit of a repeater chain (see :func:`repeater_chain`); arrays for array input.

    Attributes (units in names; "per use" means per attempt slot of every segment)
    ----------
    length_km, segment_km, n_segments:
        Total length, length of one segment, number of segments (repeaters + 1).
    segment_transmissivity:
        η of one segment.
    raw_pairs_per_link:
        Raw pairs one purified link costs on average (1 without purification).
    link_success_probability:
        Probability per slot that a segment completes its (purified) link: η_seg / raw pairs.
    attempts:
        Mean number of slots until all segments hold a link (:func:`waiting_attempts`).
    idle_attempts:
        Mean number of slots a finished link waits in memory for the others: attempts − 1/p.
    slot_time_s, idle_time_s:
        Duration of one slot (light crossing one segment, the heralding time) and the mean idle
        time in s.
    link_fidelity:
        Werner fidelity of one link after purification and storage for the mean idle time.
    fidelity:
        End-to-end fidelity after the n − 1 swaps.
    pairs_per_use, ebits_per_use:
        End-to-end pairs per slot (1/attempts) and distillable ebits per slot
        (pairs × :func:`hashing_yield` of the end-to-end fidelity).
    pairs_per_second:
        pairs_per_use / slot_time_s.
    direct_transmissivity, direct_plob:
        η of the whole fibre and the PLOB bound for it (ebits per use without repeaters).
    """

    length_km: object
    n_segments: int
    segment_km: object
    segment_transmissivity: object
    raw_pairs_per_link: float
    link_success_probability: object
    attempts: object
    idle_attempts: object
    slot_time_s: object
    idle_time_s: object
    link_fidelity: object
    fidelity: object
    pairs_per_use: object
    ebits_per_use: object
    pairs_per_second: object
    direct_transmissivity: object
    direct_plob: object


def repeater_chain(
    length_km,
    n_segments: int,
    *,
    attenuation_db_per_km: float = 0.2,
    link_fidelity: float = 1.0,
    purification_rounds: int = 0,
    protocol: str = "dejmps",
    memory_time_s: float = math.inf,
    group_index: float = FIBER_GROUP_INDEX,
) -> RepeaterChain:
    """A simple, honest model of a quantum-repeater chain over ``length_km`` of fibre.

    Assumptions (optimistic unless said):

    1. The fibre is cut into n equal segments; one attempt on a segment succeeds (heralded pair)
       with probability η_seg = 10^(−α L/(10 n)): loss is the only failure, detectors are perfect.
    2. New pairs have Werner fidelity ``link_fidelity``. With k purification rounds each link is
       first purified (:func:`purification_cost`): its fidelity rises and it costs R_k raw pairs;
       its success per slot is then taken as η_seg / R_k (exact on average for one segment by
       Wald's identity, an approximation of the waiting-time distribution for several).
    3. Every segment retries in every slot until it holds a link, which its memories store; the
       swaps are deterministic, instantaneous and perfect and happen once all links exist. The
       mean waiting time is :func:`waiting_attempts` (the synchronisation cost).
    4. A slot lasts the time light needs to cross one segment, L/(n v), v = c/``group_index``.
       A stored link decoheres in a depolarising memory (:func:`memory_decay_fidelity`) for the
       *mean* idle time attempts − 1/p (a conservative use of the mean: e^(−⟨t⟩/T) ≤ ⟨e^(−t/T)⟩).
       Not charged to the memories (optimistic): the heralding slot itself, the storage of pairs
       waiting for a purification partner, and the classical messages of the swaps (up to L/v).
    5. End-to-end fidelity: the n links joined by n − 1 swaps (:func:`swap_fidelity`); purified
       DEJMPS links are twirled back to Werner form, which keeps their fidelity.
    6. Rates are per slot ("channel use": one attempt on every segment): pairs per use =
       1/attempts; ebits per use multiply by the hashing yield. Compare with the PLOB bound for the
       whole fibre without repeaters, which is also per use. Per second the comparison is harsher
       on the chain: its slot is a heralding time (0.5 ms for 100 km segments), while a direct link
       can be used at the source's clock rate (e.g. 1e9 uses per second).

    Parameters
    ----------
    length_km:
        Total length in km, ≥ 0 and finite; a number or a 1-D array (at most ``MAX_LENGTHS``).
    n_segments:
        Number of segments (repeaters + 1), whole number in [1, ``MAX_SEGMENTS``].
    attenuation_db_per_km:
        Fibre loss in dB/km, ≥ 0 (default 0.2, telecom fibre at 1550 nm).
    link_fidelity:
        Werner fidelity of each raw link, in [0, 1].
    purification_rounds:
        Rounds of purification per link, whole number in [0, ``MAX_ROUNDS``].
    protocol:
        ``"dejmps"`` or ``"bbpssw"``.
    memory_time_s:
        Memory time T in s, > 0, ``math.inf`` (default) for perfect memories.
    group_index:
        Group index of the fibre, ≥ 1 (default :data:`FIBER_GROUP_INDEX`).

    Returns
    -------
    RepeaterChain
        Floats for a scalar length, arrays of the same shape for an array. Example: 1000 km, 10
        segments, perfect links: η_seg = 0.01, attempts = 291.93 (≈ H_10/λ + 1/2 with λ = −ln(1 − η_seg)),
        3.43e-3 pairs per use against the PLOB bound 1.44e-20 of direct transmission.

    Raises
    ------
    ValueError, TypeError
        For any argument outside the ranges above.

    References
    ----------
    Briegel, Dür, Cirac & Zoller, PRL 81, 5932 (1998), doi:10.1103/PhysRevLett.81.5932 (repeaters);
    Pirandola et al., Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043 (PLOB bound);
    Shchukin, Schmidt & van Loock, arXiv:1710.06214 (waiting times).
    """
    n = _check_segments(n_segments)
    alpha = check_real("attenuation_db_per_km", attenuation_db_per_km, minimum=0.0)
    memory = check_real("memory_time_s", memory_time_s, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    index = check_real("group_index", group_index, minimum=1.0)
    scalar = np.ndim(length_km) == 0
    if scalar:
        lengths = np.array(check_real("length_km", length_km, minimum=0.0))
    else:
        shape = np.shape(length_km)
        if len(shape) != 1 or shape[0] > MAX_LENGTHS or shape[0] == 0:
            raise ValueError(f"length_km must be a number or a 1-D array of 1 to {MAX_LENGTHS} lengths, got shape {shape}")
        lengths = check_finite_array("length_km", length_km, ndim=1).astype(float)
        if np.any(lengths < 0):
            raise ValueError(f"length_km must be ≥ 0 and finite, got a smallest value of {float(lengths.min())!r}")
    f_purified, raw_pairs = purification_cost(link_fidelity, purification_rounds, protocol)

    segment_km = lengths / n
    eta_seg = units.db_to_transmissivity(alpha * segment_km)
    eta_total = units.db_to_transmissivity(alpha * lengths)
    p_link = eta_seg / raw_pairs
    if np.any(p_link <= 0.0):
        raise ValueError(
            "length_km × attenuation_db_per_km per segment is so large that a segment's success "
            "probability underflows to 0; use more segments or a shorter fibre"
        )
    attempts = _waiting_attempts(p_link, n)
    idle_attempts = np.maximum(attempts - 1.0 / p_link, 0.0)
    speed_km_per_s = units.SPEED_OF_LIGHT_M_PER_S / index / 1e3
    slot_s = segment_km / speed_km_per_s
    idle_s = idle_attempts * slot_s
    f_link = np.atleast_1d(memory_decay_fidelity(f_purified, idle_s, memory))
    f_end = np.array([chain_fidelity(float(f), n) for f in f_link]).reshape(lengths.shape)
    f_link = f_link.reshape(lengths.shape)
    pairs = 1.0 / attempts
    ebits = pairs * _hashing(f_end)
    with np.errstate(divide="ignore"):
        per_second = np.where(slot_s > 0, pairs / np.where(slot_s > 0, slot_s, 1.0), np.inf)
    plob = np.array([plob_bound(float(e)) for e in np.atleast_1d(eta_total)]).reshape(lengths.shape)

    def out(x):
        return float(x) if scalar else np.asarray(x, dtype=float)

    return RepeaterChain(
        length_km=out(lengths),
        n_segments=n,
        segment_km=out(segment_km),
        segment_transmissivity=out(eta_seg),
        raw_pairs_per_link=float(raw_pairs),
        link_success_probability=out(p_link),
        attempts=out(attempts),
        idle_attempts=out(idle_attempts),
        slot_time_s=out(slot_s),
        idle_time_s=out(idle_s),
        link_fidelity=out(f_link),
        fidelity=out(f_end),
        pairs_per_use=out(pairs),
        ebits_per_use=out(ebits),
        pairs_per_second=out(per_second),
        direct_transmissivity=out(eta_total),
        direct_plob=out(plob),
    )
