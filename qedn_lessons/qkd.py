"""BB84 quantum key distribution: intercept-resend errors, key fraction, a Monte Carlo run, and a
simple model of the key rate over a lossy, noisy fibre compared with the PLOB bound.

Physics layer of lesson 08 (pure functions: no plotting, no printing). Rates and fractions are
dimensionless (per pulse or per sifted bit), lengths in km. :func:`simulate_bb84` uses an ideal
channel (no loss, no noise) so that every error comes from the eavesdropper; :func:`bb84_link`
adds fibre loss, detector dark counts and optical misalignment (see its docstring for the model and
its assumptions). Randomness comes only from the ``rng`` argument.

References: C. H. Bennett & G. Brassard, Proc. IEEE Int. Conf. Computers, Systems and Signal
Processing (Bangalore, 1984), p. 175, reprinted in Theor. Comput. Sci. 560, 7 (2014),
doi:10.1016/j.tcs.2014.05.025 (BB84); P. W. Shor & J. Preskill, PRL 85, 441 (2000),
doi:10.1103/PhysRevLett.85.441, arXiv:quant-ph/0003004 (key fraction 1 − 2h(Q)); S. Pirandola,
R. Laurenza, C. Ottaviani & L. Banchi, Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043
(PLOB bound); N. Gisin, G. Ribordy, W. Tittel & H. Zbinden, Rev. Mod. Phys. 74, 145 (2002),
doi:10.1103/RevModPhys.74.145 (dark counts set the maximum distance).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from qedn_lessons import networks
from qedn_lessons.validate import check_finite_array, check_real, check_rng, check_size

__all__ = [
    "DARK_COUNT_PROBABILITY",
    "DETECTOR_EFFICIENCY",
    "MAX_CURVE_POINTS",
    "MAX_PULSES",
    "MISALIGNMENT_ERROR",
    "SHOR_PRESKILL_THRESHOLD",
    "SIFTING_FACTOR",
    "BB84Result",
    "LinkCurve",
    "LinkPerformance",
    "bb84_link",
    "binary_entropy",
    "combine_bit_flips",
    "detection_probability",
    "eavesdrop_fraction_threshold",
    "intercept_resend_qber",
    "key_rate_curve",
    "link_qber",
    "max_key_distance_km",
    "secret_key_fraction",
    "signal_error_rate",
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
        ``numpy.random.Generator`` (seed it for a reproducible run). Required, like every function
        of the package that draws random numbers: without one the call raises ``TypeError``.

    Returns
    -------
    BB84Result
        With ``qber`` and ``sifted_fraction`` (dimensionless) and the counts behind them.

    Raises
    ------
    ValueError, TypeError
        If ``n_pulses`` is not a whole number in [1, 10⁷], ``eavesdrop_fraction`` is outside
        [0, 1] or NaN, or ``rng`` is missing or not a Generator.

    References
    ----------
    Bennett & Brassard (1984), Theor. Comput. Sci. 560, 7 (2014), doi:10.1016/j.tcs.2014.05.025.
    """
    n_pulses = check_size("n_pulses", n_pulses, maximum=MAX_PULSES, what="10⁷ pulses already pin the QBER to ±0.0003")
    f = check_real("eavesdrop_fraction", eavesdrop_fraction, minimum=0.0, maximum=1.0)
    gen = check_rng("rng", rng)
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


# --- a lossy, noisy link: key rate against distance --------------------------------------------------

#: Fraction of pulses kept by sifting in BB84 with both bases chosen with probability ½.
SIFTING_FACTOR = 0.5
#: Illustrative default of Bob's total detection efficiency (optics × single-photon detector), of
#: the order of InGaAs avalanche-photodiode receivers; not the value of one particular experiment.
DETECTOR_EFFICIENCY = 0.1
#: Illustrative default probability that Bob's detectors click in a pulse slot without a photon
#: (dark counts, stray light), per pulse; not the value of one particular experiment.
DARK_COUNT_PROBABILITY = 1e-6
#: Illustrative default probability that optics flip the bit of a detected photon (misalignment).
MISALIGNMENT_ERROR = 0.01
#: Most distances :func:`key_rate_curve` evaluates in one call (checked before any work).
MAX_CURVE_POINTS = 10_000


def combine_bit_flips(p: float, q: float) -> float:
    """Error rate after two independent bit-flip channels with flip probabilities p and q: p + q − 2pq.

    A bit is wrong at the end if exactly one of the two flipped it. Symmetric in p and q; flipping
    with probability ½ in either channel gives ½ (no information left).

    Raises ValueError/TypeError if ``p`` or ``q`` is not a real number in [0, 1].
    """
    p = check_real("p", p, minimum=0.0, maximum=1.0)
    q = check_real("q", q, minimum=0.0, maximum=1.0)
    return p + q - 2.0 * p * q


def signal_error_rate(misalignment_error: float = MISALIGNMENT_ERROR, eavesdrop_fraction: float = 0.0) -> float:
    """Error rate of sifted bits carried by a photon that reached Bob: misalignment ⊕ intercept-resend.

    Eve's intercept-resend attack on a fraction f of pulses flips a sifted bit with probability f/4
    (:func:`intercept_resend_qber`); the optics then flip it independently with probability
    ``misalignment_error`` (:func:`combine_bit_flips`).

    Parameters
    ----------
    misalignment_error:
        Probability e_mis in [0, 0.5] that the optics flip a detected photon's bit.
    eavesdrop_fraction:
        Fraction f in [0, 1] of pulses Eve intercepts and resends.

    Returns
    -------
    float
        e_sig = e_mis + f/4 − 2·e_mis·f/4, in [0, 0.5].

    Raises
    ------
    ValueError, TypeError
        If an argument is outside its range, NaN or not a real number.
    """
    e = check_real("misalignment_error", misalignment_error, minimum=0.0, maximum=0.5)
    return combine_bit_flips(e, intercept_resend_qber(eavesdrop_fraction))


def detection_probability(eta: float, dark_count_probability: float = DARK_COUNT_PROBABILITY) -> float:
    """Probability Y that Bob registers a click in a pulse slot: η + (1 − η)·p_dark.

    The photon arrives and is detected with probability η (fibre × detector); when it is lost a dark
    count still gives a click with probability p_dark.

    Parameters
    ----------
    eta:
        Overall transmissivity η in [0, 1] (fibre transmissivity × Bob's detection efficiency).
    dark_count_probability:
        Probability p_dark in [0, 1) of a click without a photon, per pulse.

    Returns
    -------
    float
        Y in [0, 1], clicks per pulse sent.

    Raises
    ------
    ValueError, TypeError
        If an argument is outside its range, NaN or not a real number.
    """
    eta = check_real("eta", eta, minimum=0.0, maximum=1.0)
    p = check_real("dark_count_probability", dark_count_probability, minimum=0.0, maximum=1.0, maximum_inclusive=False)
    return eta + (1.0 - eta) * p


def link_qber(
    eta: float,
    *,
    dark_count_probability: float = DARK_COUNT_PROBABILITY,
    misalignment_error: float = MISALIGNMENT_ERROR,
    eavesdrop_fraction: float = 0.0,
) -> float:
    """QBER of the sifted key on a link of overall transmissivity η: [η·e_sig + ½(1 − η)p_dark] / Y.

    Clicks from photons carry the error rate e_sig of :func:`signal_error_rate`; dark counts (only
    when the photon was lost) carry a random bit, wrong half the time. Y is
    :func:`detection_probability`. When nothing can click (η = p_dark = 0) the QBER is reported as ½
    (Bob's bits are uncorrelated with Alice's), never NaN.

    Parameters
    ----------
    eta:
        Overall transmissivity η in [0, 1].
    dark_count_probability:
        p_dark in [0, 1), per pulse.
    misalignment_error:
        e_mis in [0, 0.5].
    eavesdrop_fraction:
        Fraction f in [0, 1] of pulses Eve intercepts and resends.

    Returns
    -------
    float
        QBER in [0, 0.5] (dimensionless). With p_dark = 0 it is e_sig at every distance; with
        p_dark > 0 it climbs towards ½ as η → 0.

    Raises
    ------
    ValueError, TypeError
        If an argument is outside its range, NaN or not a real number.

    References
    ----------
    Gisin, Ribordy, Tittel & Zbinden, Rev. Mod. Phys. 74, 145 (2002), doi:10.1103/RevModPhys.74.145
    (QBER from optics and dark counts).
    """
    y = detection_probability(eta, dark_count_probability)
    e_sig = signal_error_rate(misalignment_error, eavesdrop_fraction)
    return _qber(float(eta), float(dark_count_probability), e_sig, y)


def _qber(eta: float, dark: float, e_sig: float, y: float) -> float:
    if y <= 0.0:
        return 0.5
    return min(0.5, (eta * e_sig + 0.5 * (1.0 - eta) * dark) / y)


@dataclass(frozen=True)
class LinkPerformance:
    """One BB84 link at one length (see :func:`bb84_link`); all rates per pulse Alice sends.

    ``channel_transmissivity`` is the fibre's η_ch; ``detection_probability`` Bob's clicks per pulse
    Y; ``qber`` the error rate of the sifted key; ``key_fraction`` = 1 − 2h(QBER) secret bits per
    sifted bit (negative: no key); ``key_rate_per_pulse`` = ½·Y·max(0, key_fraction) secret bits per
    pulse; ``plob_bound`` = −log₂(1 − η_ch), the most secret bits per use of the fibre any protocol
    without repeaters can reach; ``aborted`` is True when no key can be distilled (QBER ≥ 0.110028).
    """

    length_km: float
    channel_transmissivity: float
    detection_probability: float
    qber: float
    key_fraction: float
    key_rate_per_pulse: float
    plob_bound: float
    aborted: bool


def _check_link(attenuation_db_per_km, detector_efficiency, dark_count_probability, misalignment_error, eavesdrop_fraction):
    return (
        check_real("attenuation_db_per_km", attenuation_db_per_km, minimum=0.0),
        check_real("detector_efficiency", detector_efficiency, minimum=0.0, maximum=1.0, minimum_inclusive=False),
        check_real("dark_count_probability", dark_count_probability, minimum=0.0, maximum=1.0, maximum_inclusive=False),
        signal_error_rate(misalignment_error, eavesdrop_fraction),
    )


def _link(length_km: float, alpha: float, eta_d: float, dark: float, e_sig: float) -> LinkPerformance:
    eta_ch = networks.fiber_transmissivity(length_km, alpha)
    eta = eta_ch * eta_d
    y = eta + (1.0 - eta) * dark
    q = _qber(eta, dark, e_sig, y)
    fraction = secret_key_fraction(q)
    return LinkPerformance(
        length_km=float(length_km),
        channel_transmissivity=eta_ch,
        detection_probability=y,
        qber=q,
        key_fraction=fraction,
        key_rate_per_pulse=SIFTING_FACTOR * y * max(0.0, fraction),
        plob_bound=networks.plob_bound(eta_ch),
        aborted=fraction <= 0.0,
    )


def bb84_link(
    length_km: float,
    *,
    attenuation_db_per_km: float = 0.2,
    detector_efficiency: float = DETECTOR_EFFICIENCY,
    dark_count_probability: float = DARK_COUNT_PROBABILITY,
    misalignment_error: float = MISALIGNMENT_ERROR,
    eavesdrop_fraction: float = 0.0,
) -> LinkPerformance:
    """Asymptotic secret-key rate of BB84 with a single-photon source over a lossy, noisy fibre.

    The model, its assumptions stated:

    * Alice sends one photon per pulse (an ideal single-photon source) in one of the four BB84
      states; Bob picks his basis at random, so a fraction ½ of the clicks survives sifting.
    * The fibre transmits the photon with η_ch = 10^(−αL/10) (:func:`networks.fiber_transmissivity`);
      Bob detects an arriving photon with ``detector_efficiency`` η_d, so η = η_ch·η_d.
    * A detected photon's bit is flipped by the optics with ``misalignment_error`` and, on a fraction
      f of pulses, by Eve's intercept-resend attack (made next to Alice) with probability f/4,
      independently (:func:`signal_error_rate`).
    * When the photon is lost, a dark count clicks with probability p_dark and gives a random bit.
      After-pulsing, dead time and double clicks are ignored.
    * The key is distilled with the asymptotic Shor–Preskill fraction 1 − 2h(Q) per sifted bit
      (perfect error correction, infinitely long keys: finite-size effects ignored).

    So Y = η + (1 − η)p_dark, Q = [η·e_sig + ½(1 − η)p_dark]/Y (:func:`link_qber`) and the key rate
    is R = ½·Y·max(0, 1 − 2h(Q)) secret bits per pulse. Lossless and noiseless (η = 1, p_dark = 0,
    e_mis = 0, f = 0) this is R = ½: one secret bit per sifted bit. Far away R ∝ η_ch, falling
    exponentially with L, until dark counts push Q past 0.110028 and R drops to 0 at
    :func:`max_key_distance_km`. R never exceeds the PLOB bound −log₂(1 − η_ch) ≥ 1.44 η_ch.

    Real systems use attenuated laser pulses with decoy states (Hwang 2003; Lo, Ma & Chen 2005),
    whose asymptotic rate also scales as η; this single-photon model keeps the algebra short.

    Parameters
    ----------
    length_km:
        Fibre length L in km, finite and ≥ 0.
    attenuation_db_per_km:
        Fibre attenuation α in dB/km, finite and ≥ 0 (default 0.2, telecom fibre at 1550 nm).
    detector_efficiency:
        Bob's total detection efficiency η_d in (0, 1] (default :data:`DETECTOR_EFFICIENCY`,
        illustrative).
    dark_count_probability:
        p_dark in [0, 1), clicks without a photon per pulse (default :data:`DARK_COUNT_PROBABILITY`,
        illustrative).
    misalignment_error:
        e_mis in [0, 0.5] (default :data:`MISALIGNMENT_ERROR`, illustrative).
    eavesdrop_fraction:
        Fraction f in [0, 1] of pulses Eve intercepts and resends.

    Returns
    -------
    LinkPerformance
        Transmissivity, clicks, QBER, key fraction, key rate and PLOB bound per pulse (floats).

    Raises
    ------
    ValueError, TypeError
        If an argument is outside its range, NaN, infinite or not a real number.

    References
    ----------
    Bennett & Brassard (1984), doi:10.1016/j.tcs.2014.05.025; Shor & Preskill, PRL 85, 441 (2000),
    doi:10.1103/PhysRevLett.85.441; Gisin et al., Rev. Mod. Phys. 74, 145 (2002),
    doi:10.1103/RevModPhys.74.145; Pirandola et al., Nat. Commun. 8, 15043 (2017),
    doi:10.1038/ncomms15043 (PLOB).
    """
    length_km = check_real("length_km", length_km, minimum=0.0)
    alpha, eta_d, dark, e_sig = _check_link(
        attenuation_db_per_km, detector_efficiency, dark_count_probability, misalignment_error, eavesdrop_fraction
    )
    return _link(length_km, alpha, eta_d, dark, e_sig)


@dataclass(frozen=True)
class LinkCurve:
    """:func:`bb84_link` evaluated at many lengths: each field is a float array, one entry per length."""

    lengths_km: np.ndarray
    channel_transmissivity: np.ndarray
    qber: np.ndarray
    key_rate_per_pulse: np.ndarray
    plob_bound: np.ndarray


def key_rate_curve(
    lengths_km,
    *,
    attenuation_db_per_km: float = 0.2,
    detector_efficiency: float = DETECTOR_EFFICIENCY,
    dark_count_probability: float = DARK_COUNT_PROBABILITY,
    misalignment_error: float = MISALIGNMENT_ERROR,
    eavesdrop_fraction: float = 0.0,
) -> LinkCurve:
    """QBER, key rate and PLOB bound of :func:`bb84_link` at each of ``lengths_km``.

    Parameters
    ----------
    lengths_km:
        One-dimensional sequence of fibre lengths in km, each finite and ≥ 0, at most
        :data:`MAX_CURVE_POINTS` = 10 000 of them (checked before any work).
    attenuation_db_per_km, detector_efficiency, dark_count_probability, misalignment_error, eavesdrop_fraction:
        As in :func:`bb84_link`.

    Returns
    -------
    LinkCurve
        Arrays of the same length as ``lengths_km`` (key rates in secret bits per pulse).

    Raises
    ------
    ValueError, TypeError
        If ``lengths_km`` is not a 1-D array of finite numbers ≥ 0, is empty or too long, or another
        argument is out of range.

    References
    ----------
    As :func:`bb84_link`.
    """
    size = (
        np.size(lengths_km) if isinstance(lengths_km, np.ndarray) else len(lengths_km) if hasattr(lengths_km, "__len__") else None
    )
    if size is not None and size > MAX_CURVE_POINTS:
        raise ValueError(f"lengths_km must hold at most {MAX_CURVE_POINTS} lengths, got {size}")
    lengths = check_finite_array("lengths_km", lengths_km, ndim=1)
    if np.iscomplexobj(lengths):
        raise TypeError("lengths_km must hold real numbers, got complex values")
    if lengths.size == 0:
        raise ValueError("lengths_km must hold at least one length, got an empty array")
    if np.any(lengths < 0):
        raise ValueError(f"lengths_km must be ≥ 0 and finite, got a smallest value of {float(lengths.min())!r}")
    alpha, eta_d, dark, e_sig = _check_link(
        attenuation_db_per_km, detector_efficiency, dark_count_probability, misalignment_error, eavesdrop_fraction
    )
    links = [_link(float(length), alpha, eta_d, dark, e_sig) for length in lengths]
    return LinkCurve(
        lengths_km=lengths.astype(float),
        channel_transmissivity=np.array([k.channel_transmissivity for k in links]),
        qber=np.array([k.qber for k in links]),
        key_rate_per_pulse=np.array([k.key_rate_per_pulse for k in links]),
        plob_bound=np.array([k.plob_bound for k in links]),
    )


def max_key_distance_km(
    *,
    attenuation_db_per_km: float = 0.2,
    detector_efficiency: float = DETECTOR_EFFICIENCY,
    dark_count_probability: float = DARK_COUNT_PROBABILITY,
    misalignment_error: float = MISALIGNMENT_ERROR,
    eavesdrop_fraction: float = 0.0,
) -> float:
    """Longest fibre over which the link of :func:`bb84_link` still yields a key (closed form).

    The QBER rises as η falls; it reaches the Shor–Preskill threshold Q* = 0.110028 at
    η* = p_dark(½ − Q*) / [(Q* − e_sig) + p_dark(½ − Q*)], so L_max = 10·log₁₀(η_d/η*)/α.

    Parameters
    ----------
    attenuation_db_per_km, detector_efficiency, dark_count_probability, misalignment_error, eavesdrop_fraction:
        As in :func:`bb84_link`.

    Returns
    -------
    float
        L_max in km. ``math.inf`` without dark counts (or without attenuation) when e_sig < Q*; 0.0
        when no key is possible even at zero length (e_sig ≥ Q*, or η_d ≤ η*).

    Raises
    ------
    ValueError, TypeError
        If an argument is outside its range, NaN, infinite or not a real number.

    References
    ----------
    Gisin et al., Rev. Mod. Phys. 74, 145 (2002), doi:10.1103/RevModPhys.74.145 (dark counts limit
    the distance); Shor & Preskill (2000), doi:10.1103/PhysRevLett.85.441 (threshold).
    """
    alpha, eta_d, dark, e_sig = _check_link(
        attenuation_db_per_km, detector_efficiency, dark_count_probability, misalignment_error, eavesdrop_fraction
    )
    q = SHOR_PRESKILL_THRESHOLD
    if e_sig >= q:
        return 0.0
    if dark == 0.0:
        return math.inf
    eta_star = dark * (0.5 - q) / ((q - e_sig) + dark * (0.5 - q))
    if eta_d <= eta_star:
        return 0.0
    if alpha == 0.0:
        return math.inf
    return 10.0 * math.log10(eta_d / eta_star) / alpha


def eavesdrop_fraction_threshold(misalignment_error: float = 0.0) -> float:
    """Smallest intercept-resend fraction f that pushes the signal error to the threshold 0.110028.

    Solves e_mis ⊕ f/4 = Q*: f* = 4(Q* − e_mis)/(1 − 2e_mis). Above f* (on a link without dark
    counts) Alice and Bob abort: the attack is detected. Below it they still distil a key, shorter by
    privacy amplification, about which Eve knows essentially nothing.

    Parameters
    ----------
    misalignment_error:
        e_mis in [0, 0.5].

    Returns
    -------
    float
        f* in [0, 0.440111]: 4·0.110028 = 0.440111 on a perfect link (f* falls as e_mis grows); 0.0 if e_mis ≥ Q* (no key at all).

    Raises
    ------
    ValueError, TypeError
        If ``misalignment_error`` is outside [0, 0.5], NaN or not a real number.

    References
    ----------
    Shor & Preskill (2000), doi:10.1103/PhysRevLett.85.441.
    """
    e = check_real("misalignment_error", misalignment_error, minimum=0.0, maximum=0.5)
    q = SHOR_PRESKILL_THRESHOLD
    if e >= q:
        return 0.0
    return 4.0 * (q - e) / (1.0 - 2.0 * e)
