"""BB84 quantum key distribution: intercept-resend errors, key fraction and a Monte Carlo run.

Physics layer of lesson 08 (pure functions: no plotting, no printing). Rates and fractions are
dimensionless. The channel is ideal (no loss, no noise) so that every error comes from the
eavesdropper; randomness comes only from the ``rng`` argument.

References: C. H. Bennett & G. Brassard, Proc. IEEE Int. Conf. Computers, Systems and Signal
Processing (Bangalore, 1984), p. 175, reprinted in Theor. Comput. Sci. 560, 7 (2014),
doi:10.1016/j.tcs.2014.05.025 (BB84); P. W. Shor & J. Preskill, PRL 85, 441 (2000),
doi:10.1103/PhysRevLett.85.441, arXiv:quant-ph/0003004 (key fraction 1 − 2h(Q)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from qedn_lessons.validate import check_real, check_size

__all__ = [
    "BB84Result",
    "MAX_PULSES",
    "SHOR_PRESKILL_THRESHOLD",
    "binary_entropy",
    "intercept_resend_qber",
    "secret_key_fraction",
    "simulate_bb84",
]

#: Largest ``n_pulses`` :func:`simulate_bb84` accepts (10⁷ pulses take about a second and, processed
#: in blocks, a few tens of MB).
MAX_PULSES = 10_000_000

#: QBER at which 1 − 2h(Q) = 0 (Shor & Preskill 2000), computed by root finding: 0.110028.
SHOR_PRESKILL_THRESHOLD = 0.11002786443835957

_BLOCK = 1 << 20  # pulses simulated per block (bounded memory)


def binary_entropy(p: float) -> float:
    """Binary entropy h(p) = −p log₂ p − (1 − p) log₂(1 − p) in bits, with h(0) = h(1) = 0.

    Raises ValueError/TypeError if ``p`` is not a real number in [0, 1].
    """
    p = check_real("p", p, minimum=0.0, maximum=1.0)
    if p in (0.0, 1.0):
        return 0.0
    return -(p * math.log2(p) + (1.0 - p) * math.log2(1.0 - p))


def intercept_resend_qber(fraction: float) -> float:
    """Quantum bit error rate that an intercept-resend attack on a fraction f of pulses causes: f/4.

    Eve measures each attacked pulse in a random basis and resends what she found. She picks the
    wrong basis half the time, and then Bob's sifted bit is wrong half the time: f·½·½ = f/4.

    Parameters
    ----------
    fraction:
        Fraction f of the pulses Eve intercepts, in [0, 1].

    Returns
    -------
    float
        QBER in [0, 0.25] (dimensionless); 0.25 when every pulse is attacked.

    Raises
    ------
    ValueError, TypeError
        If ``fraction`` is outside [0, 1], NaN or not a real number.

    References
    ----------
    Bennett & Brassard (1984), Theor. Comput. Sci. 560, 7 (2014), doi:10.1016/j.tcs.2014.05.025.
    """
    fraction = check_real("fraction", fraction, minimum=0.0, maximum=1.0)
    return fraction / 4.0


def secret_key_fraction(qber: float) -> float:
    """Asymptotic secret-key fraction of BB84 per sifted bit, 1 − 2h(Q) (Shor–Preskill).

    Parameters
    ----------
    qber:
        Quantum bit error rate Q in [0, 1]. The formula is symmetric about Q = 1/2 (a QBER above
        1/2 means anti-correlated bits, which Bob could flip); the physically relevant range is
        Q ≤ 1/2.

    Returns
    -------
    float
        Secret bits per sifted bit (dimensionless, ≤ 1): 1 at Q = 0, zero at
        Q = 0.110028 (:data:`SHOR_PRESKILL_THRESHOLD`); negative means no key can be distilled.

    Raises
    ------
    ValueError, TypeError
        If ``qber`` is outside [0, 1], NaN or not a real number.

    References
    ----------
    Shor & Preskill, "Simple proof of security of the BB84 quantum key distribution protocol",
    PRL 85, 441 (2000), doi:10.1103/PhysRevLett.85.441, arXiv:quant-ph/0003004.
    """
    qber = check_real("qber", qber, minimum=0.0, maximum=1.0)
    return 1.0 - 2.0 * binary_entropy(qber)


@dataclass(frozen=True)
class BB84Result:
    """Outcome of :func:`simulate_bb84` (all counts are numbers of pulses).

    ``qber`` is ``n_errors / n_sifted`` (NaN when no pulse was sifted), ``sifted_fraction`` is
    ``n_sifted / n_pulses`` (≈ 1/2: Alice's and Bob's bases agree half the time), and
    ``qber_standard_error`` the binomial standard error √(Q(1 − Q)/n_sifted) of the QBER estimate.
    """

    n_pulses: int
    n_sifted: int
    n_errors: int
    eavesdrop_fraction: float
    qber: float
    sifted_fraction: float
    qber_standard_error: float


def _as_generator(rng) -> np.random.Generator:
    if rng is None:
        return np.random.default_rng()
    if isinstance(rng, np.random.Generator):
        return rng
    raise TypeError(f"rng must be a numpy.random.Generator or None, got {type(rng).__name__}")


def simulate_bb84(n_pulses: int, *, eavesdrop_fraction: float = 0.0, rng=None) -> BB84Result:
    """Monte Carlo run of BB84 over an ideal channel with an intercept-resend eavesdropper.

    For each pulse Alice picks a random bit and basis (Z or X); with probability
    ``eavesdrop_fraction`` Eve measures in a random basis and resends the state she found; Bob
    measures in a random basis. A measurement in the basis the state was prepared in returns its
    bit, in the other basis a fair coin. Pulses where Alice's and Bob's bases agree are sifted; an
    error is a sifted pulse where Bob's bit differs from Alice's. Vectorised with numpy, in blocks
    of 2²⁰ pulses (no Python loop per pulse); the expected QBER is ``eavesdrop_fraction``/4.

    Parameters
    ----------
    n_pulses:
        Number of pulses, a whole number in [1, ``MAX_PULSES`` = 10⁷] (checked before allocating).
    eavesdrop_fraction:
        Probability f in [0, 1] that Eve attacks a pulse.
    rng:
        ``numpy.random.Generator`` (seed it for a reproducible run); ``None`` draws a fresh,
        unseeded generator.

    Returns
    -------
    BB84Result
        With ``qber`` and ``sifted_fraction`` (dimensionless) and the counts behind them.

    Raises
    ------
    ValueError, TypeError
        If ``n_pulses`` is not a whole number in [1, 10⁷], ``eavesdrop_fraction`` is outside
        [0, 1] or NaN, or ``rng`` is not a Generator.

    References
    ----------
    Bennett & Brassard (1984), Theor. Comput. Sci. 560, 7 (2014), doi:10.1016/j.tcs.2014.05.025.
    """
    n_pulses = check_size(
        "n_pulses", n_pulses, maximum=MAX_PULSES, what="10⁷ pulses already pin the QBER to ±0.0003"
    )
    f = check_real("eavesdrop_fraction", eavesdrop_fraction, minimum=0.0, maximum=1.0)
    gen = _as_generator(rng)
    n_sifted = 0
    n_errors = 0
    done = 0
    while done < n_pulses:
        m = min(_BLOCK, n_pulses - done)
        done += m
        coins = gen.integers(0, 64, size=m, dtype=np.uint8)  # six fair bits per pulse
        alice_bit = coins & 1
        alice_basis = (coins >> 1) & 1
        bob_basis = (coins >> 2) & 1
        eve_basis = (coins >> 3) & 1
        eve_coin = (coins >> 4) & 1
        bob_coin = (coins >> 5) & 1
        attacked = gen.random(m) < f
        eve_bit = np.where(eve_basis == alice_basis, alice_bit, eve_coin)
        sent_basis = np.where(attacked, eve_basis, alice_basis)
        sent_bit = np.where(attacked, eve_bit, alice_bit)
        bob_bit = np.where(bob_basis == sent_basis, sent_bit, bob_coin)
        sifted = alice_basis == bob_basis
        n_sifted += int(np.count_nonzero(sifted))
        n_errors += int(np.count_nonzero(sifted & (bob_bit != alice_bit)))
    if n_sifted:
        qber = n_errors / n_sifted
        std = math.sqrt(qber * (1.0 - qber) / n_sifted)
    else:
        qber = std = math.nan
    return BB84Result(
        n_pulses=n_pulses,
        n_sifted=n_sifted,
        n_errors=n_errors,
        eavesdrop_fraction=f,
        qber=qber,
        sifted_fraction=n_sifted / n_pulses,
        qber_standard_error=std,
    )
