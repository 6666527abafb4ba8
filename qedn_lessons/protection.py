"""Protecting coherence (lesson 02): cold, echoes, repetition codes, and why big GHZ states are fragile.

Physics only: numpy and scipy; no plotting, no printing.

**Dephasing noise and echoes.** A qubit prepared in |+⟩ has its frequency shifted by a random
detuning δ(t) (rad per time unit), a stationary Gaussian process of spread σ and correlation time
τc, ⟨δ(t)δ(t′)⟩ = σ² e^{−|t−t′|/τc}; τc = ∞ is *quasi-static* noise (δ is constant during one run
but differs from run to run), τc → 0 with σ²τc = γ is *white* (Markovian) dephasing at rate γ.
On top of it a white dephasing rate γ_w can be added. An echo sequence applies n instantaneous π
pulses at the Carr–Purcell–Meiboom–Gill (CPMG) times t_k = T(k − ½)/n, k = 1…n, within a total time
T. Each π pulse swaps |0⟩ and |1⟩, so afterwards the noise adds phase with the opposite sign: the
accumulated phase is φ = ∫₀ᵀ y(t) δ(t) dt with the switching function y(t) = ±1. For Gaussian noise
the ensemble coherence is |⟨e^{iφ}⟩| = e^{−Var φ/2}, hence

* free decay (n = 0), quasi-static: e^{−σ²T²/2}, T2* = √2/σ;
* any CPMG echo (n ≥ 1), quasi-static: exactly 1 — the echo refocuses a static detuning;
* white dephasing at rate γ_w: e^{−γ_w T}, whatever the pulses (nothing to refocus);
* finite τc: in between, and more pulses help more (dynamical decoupling).

:func:`echo_coherence` evaluates Var φ exactly for the exponential correlation (a double integral
over the segments of y); :func:`simulate_echo` is an independent Monte Carlo simulation that samples
noise histories (Ornstein–Uhlenbeck, exact update) and white phase kicks and applies the π pulses
to each run's coherence. Times are in one unit of your choice (the lesson uses µs), rates and σ per
that unit.

**Repetition code.** A bit-flip code of distance d = 2t + 1 stores |0⟩ → |0…0⟩, |1⟩ → |1…1⟩ and
corrects any t bit flips by majority vote. With independent flips of probability p the logical
error is Σ_{k>t} C(d, k) p^k (1−p)^{d−k}; it falls with d for p < ½ and rises for p > ½. A phase
flip (Z) on any one qubit is a logical phase flip: the code does not see it, and with independent
phase flips of probability p the logical phase error is [1 − (1 − 2p)^d]/2, which *grows* with d.
:func:`bit_flip_code_logical_errors` simulates the code on state vectors over every error pattern.

**GHZ fragility.** Reuses :func:`qedn_lessons.coherence.ghz_coherence`; :func:`ghz_log10_coherence`
gives its base-10 logarithm for registers of macroscopic size, where the coherence itself underflows.

References: E. L. Hahn, "Spin echoes", Phys. Rev. 80, 580 (1950), doi:10.1103/PhysRev.80.580;
S. Meiboom & D. Gill, Rev. Sci. Instrum. 29, 688 (1958), doi:10.1063/1.1716296; M. A. Nielsen &
I. L. Chuang, *Quantum Computation and Quantum Information* (CUP 2010), §10.1; T. Monz et al.,
PRL 106, 130506 (2011), arXiv:1009.6126.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
from scipy import stats

from qedn_lessons import coherence, networks
from qedn_lessons.units import BOLTZMANN_J_PER_K, PLANCK_J_S
from qedn_lessons.validate import check_int, check_real, check_rng, check_size, check_times

#: Most π pulses an echo sequence may have (the exact variance costs (n+1)² per time point).
MAX_PULSES = 256
#: Largest code distance of the closed-form logical error.
MAX_DISTANCE = 10_001
#: Largest code distance of the state-vector simulation (2^d amplitudes for each of 2^d error patterns).
MAX_SIMULATED_DISTANCE = 9
#: Largest number of random numbers a Monte Carlo function draws (samples × steps or trials × d).
MAX_RANDOM_DRAWS = 20_000_000
#: Largest register :func:`ghz_log10_coherence` accepts (10⁴⁰: beyond any macroscopic body).
MAX_MACROSCOPIC_QUBITS = 1e40
#: Standard gravity, m/s² (CGPM 1901, the conventional value).
STANDARD_GRAVITY_M_PER_S2 = 9.80665


# --- cold -----------------------------------------------------------------------------------------


def temperature_for_occupation(frequency_hz: float, n_thermal: float) -> float:
    """Bath temperature (kelvin) at which a mode of ``frequency_hz`` holds ``n_thermal`` quanta.

    Inverts the Bose–Einstein occupation n̄ = 1/(e^{hf/k_BT} − 1): T = hf / (k_B ln(1 + 1/n̄)).

    Parameters
    ----------
    frequency_hz:
        Mode frequency in hertz, > 0 and finite.
    n_thermal:
        Target mean occupation n̄ > 0 and finite.

    Returns
    -------
    float
        Temperature in kelvin; ``coherence.thermal_occupation(frequency_hz, T)`` gives back n̄.

    Raises
    ------
    TypeError, ValueError
        Non-numbers, NaN, infinities, non-positive values.

    Example: a 50 Hz mode (the grid frequency) reaches n̄ = 1 only below about 3.5 nK.
    """
    frequency_hz = check_real("frequency_hz", frequency_hz, minimum=0.0, minimum_inclusive=False)
    n_thermal = check_real("n_thermal", n_thermal, minimum=0.0, minimum_inclusive=False)
    return PLANCK_J_S * frequency_hz / (BOLTZMANN_J_PER_K * math.log1p(1.0 / n_thermal))


# --- echoes and dynamical decoupling ---------------------------------------------------------------


def cpmg_pulse_times(total_time: float, n_pulses: int) -> np.ndarray:
    """CPMG π-pulse times t_k = T(k − ½)/n, k = 1…n, within a total time T (empty for n = 0).

    ``total_time`` ≥ 0 and finite; ``n_pulses`` an integer in [0, MAX_PULSES]. n = 1 is the Hahn echo
    (one π pulse at T/2).
    """
    total_time = check_real("total_time", total_time, minimum=0.0)
    n = _check_pulses(n_pulses)
    return total_time * (np.arange(1, n + 1) - 0.5) / max(n, 1)


def _check_pulses(n_pulses: Any) -> int:
    return check_int("n_pulses", n_pulses, minimum=0, maximum=MAX_PULSES)


def _segment_fractions(n_pulses: int) -> tuple[np.ndarray, np.ndarray]:
    """Lengths (fractions of T) and signs of the n + 1 segments of the CPMG switching function."""
    if n_pulses == 0:
        return np.ones(1), np.ones(1)
    lengths = np.full(n_pulses + 1, 1.0 / n_pulses)
    lengths[0] = lengths[-1] = 0.5 / n_pulses
    signs = np.where(np.arange(n_pulses + 1) % 2 == 0, 1.0, -1.0)
    return lengths, signs


def _times_array(name: str, times: Any) -> tuple[np.ndarray, bool]:
    """Times ≥ 0 as a 1-D float array (scalar → one element) and whether the input was scalar."""
    scalar = np.ndim(times) == 0 and not isinstance(times, list | tuple)
    return check_times(name, times, maximum=coherence.MAX_TIME_POINTS), scalar


def phase_variance(times: Any, *, sigma: float, n_pulses: int, correlation_time: float = math.inf) -> np.ndarray:
    """Variance of the accumulated phase φ = ∫₀ᵀ y(t) δ(t) dt under a CPMG sequence, for each T.

    δ(t) is stationary Gaussian noise with ⟨δ(t)δ(t′)⟩ = σ² e^{−|t−t′|/τc}; y(t) = ±1 flips sign at
    each π pulse. Computed exactly: for segments i, j of y (lengths L, signs s),
    Var φ = σ² Σ_ij s_i s_j ∫_i∫_j e^{−|t−t′|/τc} dt dt′ with closed-form segment integrals; for
    τc = ∞ it is σ²(Σ s_i L_i)², i.e. σ²T² without pulses and 0 with any CPMG sequence.

    Parameters
    ----------
    times:
        Total evolution times T ≥ 0 (scalar or 1-D array), any one time unit.
    sigma:
        σ, spread of the detuning in rad per time unit, ≥ 0 and finite.
    n_pulses:
        Number of π pulses n, an integer in [0, MAX_PULSES].
    correlation_time:
        τc > 0 in the time unit; ``math.inf`` (default) is quasi-static noise.

    Returns
    -------
    numpy.ndarray
        Var φ in rad², same length as ``times`` (a float for a scalar ``times``).
    """
    t, scalar = _times_array("times", times)
    sigma = check_real("sigma", sigma, minimum=0.0)
    n = _check_pulses(n_pulses)
    tau = check_real("correlation_time", correlation_time, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    fractions, signs = _segment_fractions(n)
    if math.isinf(tau):
        variance = sigma**2 * (t * float(np.dot(signs, fractions))) ** 2
    else:
        x = t[:, None] * fractions[None, :] / tau  # segment lengths in units of τc, shape (times, segments)
        rise = -np.expm1(-x)  # 1 − e^{−x}
        # diagonal: 2τc²(x − 1 + e^{−x}), with a series where x is small (cancellation)
        small = x < 1e-4
        diag = np.where(small, x**2 / 2 - x**3 / 6 + x**4 / 24, x - rise)
        total = 2.0 * np.einsum("ti,i->t", diag, signs**2)
        # off-diagonal, segment i after j: τc² (1−e^{−x_i})(1−e^{−x_j}) e^{−gap_ij/τc}
        starts = np.concatenate([[0.0], np.cumsum(fractions)[:-1]])
        ends = np.cumsum(fractions)
        gaps = starts[:, None] - ends[None, :]  # start of i minus end of j (≥ 0 for i > j)
        lower = np.tril(np.ones((len(fractions), len(fractions)), dtype=bool), k=-1)
        decay = np.exp(-np.where(lower, gaps, 0.0)[None, :, :] * t[:, None, None] / tau) * lower
        pair = np.einsum("ti,tj,tij,i,j->t", rise, rise, decay, signs, signs)
        variance = sigma**2 * tau**2 * (total + 2.0 * pair)
        variance = np.maximum(variance, 0.0)
    return float(variance[0]) if scalar else variance


def echo_coherence(
    times: Any,
    *,
    sigma: float,
    n_pulses: int,
    white_dephasing_rate: float = 0.0,
    correlation_time: float = math.inf,
) -> Any:
    """Ensemble coherence |⟨ρ₀₁⟩|/|ρ₀₁(0)| after a CPMG sequence of total time T (exact Gaussian average).

    C(T) = e^{−Var φ/2} · e^{−γ_w T}, with Var φ from :func:`phase_variance`.

    Parameters
    ----------
    times:
        Total times T ≥ 0 (scalar or 1-D array), any one time unit.
    sigma:
        Spread σ of the slow detuning noise, rad per time unit, ≥ 0.
    n_pulses:
        π pulses n in [0, MAX_PULSES]; 0 is free decay (a Ramsey experiment on resonance), 1 the Hahn echo.
    white_dephasing_rate:
        γ_w ≥ 0 per time unit: Markovian dephasing (coherence decay rate), which no echo refocuses.
    correlation_time:
        τc > 0 of the slow noise; ``math.inf`` (default) is quasi-static.

    Returns
    -------
    float or numpy.ndarray
        Coherence in [0, 1]. Quasi-static noise: e^{−σ²T²/2 − γ_w T} without pulses, e^{−γ_w T} with
        any n ≥ 1.

    Raises
    ------
    TypeError, ValueError
        Bad types, negative or non-finite values, too many pulses or time points.
    """
    gamma = check_real("white_dephasing_rate", white_dephasing_rate, minimum=0.0)
    variance = phase_variance(times, sigma=sigma, n_pulses=n_pulses, correlation_time=correlation_time)
    t, _ = _times_array("times", times)
    value = np.exp(-np.asarray(variance) / 2.0 - gamma * t)
    return float(value[0]) if np.ndim(variance) == 0 else value


def t2_star(sigma: float) -> float:
    """Free-decay time T2* = √2/σ of quasi-static Gaussian noise of spread ``sigma`` (> 0, rad per unit)."""
    sigma = check_real("sigma", sigma, minimum=0.0, minimum_inclusive=False)
    return math.sqrt(2.0) / sigma


def simulate_echo(
    times: Any,
    *,
    sigma: float,
    n_pulses: int,
    white_dephasing_rate: float = 0.0,
    correlation_time: float = math.inf,
    n_samples: int = 2000,
    steps_per_pulse: int = 16,
    rng: np.random.Generator,
) -> np.ndarray:
    """Monte Carlo simulation of a CPMG sequence: average the coherence over random noise histories.

    For each run, δ(t) is an Ornstein–Uhlenbeck path of spread σ and correlation time τc (exact
    update δ ← δe^{−Δt/τc} + σ√(1 − e^{−2Δt/τc}) ξ; constant for τc = ∞), and white dephasing adds
    independent phase kicks of variance 2γ_w Δt. Between pulses each run's coherence ρ₀₁ turns by
    the phase gathered; each π pulse (about x) maps ρ₀₁ → ρ₁₀ = ρ₀₁*. The result is |mean ρ₀₁| over
    the runs, normalised to 1 at T = 0. Time steps are T/(steps_per_pulse · 2 max(n, 1)), so the
    pulses fall on step boundaries; the noise is held constant during a step.

    Parameters
    ----------
    times:
        Total times T ≥ 0 (scalar or 1-D array).
    sigma, n_pulses, white_dephasing_rate, correlation_time:
        As in :func:`echo_coherence`.
    n_samples:
        Number of noise histories (runs), ≥ 1; samples × steps × len(times) ≤ MAX_RANDOM_DRAWS.
    steps_per_pulse:
        Time steps per half-interval between pulses, in [1, 1000].
    rng:
        A ``numpy.random.Generator`` (the only source of randomness).

    Returns
    -------
    numpy.ndarray
        Coherence estimates, one per time; the statistical error is about 1/√n_samples.
    """
    t, _ = _times_array("times", times)
    sigma = check_real("sigma", sigma, minimum=0.0)
    n = _check_pulses(n_pulses)
    gamma = check_real("white_dephasing_rate", white_dephasing_rate, minimum=0.0)
    tau = check_real("correlation_time", correlation_time, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    steps_per_pulse = check_int("steps_per_pulse", steps_per_pulse, minimum=1, maximum=1000)
    half_intervals = 2 * max(n, 1)
    n_steps = steps_per_pulse * half_intervals
    n_samples = check_size(
        "n_samples",
        n_samples,
        maximum=MAX_RANDOM_DRAWS // max(1, n_steps * len(t)),
        what=f"at most {MAX_RANDOM_DRAWS} random draws in all",
    )
    check_rng("rng", rng)
    # π pulse after these step indices (step k covers [kΔt, (k+1)Δt)); pulse k at T(2k − 1)/(2n)
    pulse_after = {steps_per_pulse * (2 * k - 1) - 1 for k in range(1, n + 1)}
    results = np.empty(len(t))
    for index, total in enumerate(t):
        dt = total / n_steps
        keep = 1.0 if math.isinf(tau) else math.exp(-dt / tau)
        kick = sigma * math.sqrt(max(0.0, 1.0 - keep * keep))
        delta = sigma * rng.standard_normal(n_samples)
        rho01 = np.full(n_samples, 0.5 + 0j)
        for step in range(n_steps):
            phase = delta * dt
            if gamma > 0:
                phase = phase + math.sqrt(2.0 * gamma * dt) * rng.standard_normal(n_samples)
            rho01 *= np.exp(1j * phase)
            if step in pulse_after:
                rho01 = rho01.conj()
            if kick > 0:
                delta = keep * delta + kick * rng.standard_normal(n_samples)
        results[index] = abs(rho01.mean()) / 0.5
    return results


# --- repetition code ------------------------------------------------------------------------------


def _check_distance(distance: Any, maximum: int = MAX_DISTANCE) -> int:
    d = check_size("distance", distance, maximum=maximum, what="larger codes are refused before allocation")
    if d % 2 == 0:
        raise ValueError(f"distance must be an odd integer (d = 2t + 1) in [1, {maximum}], got {d}")
    return d


def _check_probability(name: str, p: Any) -> float:
    return check_real(name, p, minimum=0.0, maximum=1.0)


def repetition_logical_error(distance: int, flip_probability: float) -> float:
    """Logical error of a distance-d repetition code with majority-vote decoding.

    P_L = Σ_{k>t} C(d, k) p^k (1−p)^{d−k}, d = 2t + 1: more than t of the d copies flipped.

    Parameters
    ----------
    distance:
        d, an odd integer in [1, MAX_DISTANCE]; d = 1 is an unprotected qubit (P_L = p).
    flip_probability:
        p in [0, 1], the independent flip probability of each physical qubit (of the error type the
        code protects against).

    Returns
    -------
    float
        P_L in [0, 1]. Below p = ½ it falls with d (threshold ½), above ½ it rises; at p = ½ it is ½.
    """
    d = _check_distance(distance)
    p = _check_probability("flip_probability", flip_probability)
    return float(stats.binom.sf(d // 2, d, p))


def repetition_phase_error(distance: int, phase_flip_probability: float) -> float:
    """Logical phase-flip probability of a bit-flip repetition code: [1 − (1 − 2p)^d]/2.

    A bit-flip code cannot see phase flips: an odd number of Z errors among the d qubits is a
    logical Z. ``distance`` odd in [1, MAX_DISTANCE]; ``phase_flip_probability`` p in [0, 1]. The
    result grows with d for 0 < p < ½: the bigger code is *worse* against this error.
    """
    d = _check_distance(distance)
    p = _check_probability("phase_flip_probability", phase_flip_probability)
    return float(-np.expm1(d * np.log1p(-2.0 * p)) / 2.0) if p < 0.5 else float((1.0 - (1.0 - 2.0 * p) ** d) / 2.0)


def simulate_repetition_code(distance: int, flip_probability: float, *, n_trials: int, rng: np.random.Generator) -> float:
    """Monte Carlo estimate of the repetition code's logical error: flip each copy with probability p,
    decode by majority vote, count failures.

    ``distance`` odd; ``flip_probability`` in [0, 1]; ``n_trials`` ≥ 1 with n_trials × d ≤
    MAX_RANDOM_DRAWS; ``rng`` a numpy Generator. Returns the failure fraction (standard error
    √(P_L(1−P_L)/n_trials)).
    """
    d = _check_distance(distance)
    p = _check_probability("flip_probability", flip_probability)
    n_trials = check_size(
        "n_trials", n_trials, maximum=MAX_RANDOM_DRAWS // d, what=f"at most {MAX_RANDOM_DRAWS} random draws in all"
    )
    check_rng("rng", rng)
    flips = rng.random((n_trials, d)) < p
    return float(np.mean(flips.sum(axis=1) > d // 2))


def _apply_x(state: np.ndarray, qubit: int) -> np.ndarray:
    return np.flip(state, axis=qubit)


def _apply_z(state: np.ndarray, qubit: int) -> np.ndarray:
    out = state.copy()
    index = [slice(None)] * state.ndim
    index[qubit] = 1
    out[tuple(index)] *= -1.0
    return out


def _zz_expectation(state: np.ndarray, a: int, b: int) -> float:
    """⟨Z_a Z_b⟩ (±1 for a Pauli-errored codeword): the parity a syndrome measurement reports."""
    return float(np.vdot(state, _apply_z(_apply_z(state, a), b)).real)


def bit_flip_code_logical_errors(
    distance: int, *, bit_flip_probability: float, phase_flip_probability: float
) -> tuple[float, float]:
    """Simulate the bit-flip repetition code on state vectors: logical bit- and phase-flip probabilities.

    For each of the 2^d X-error patterns (and separately each of the 2^d Z-error patterns), weighted
    by its probability: encode the logical state (|0_L⟩ = |0…0⟩ to detect logical X, |+_L⟩ to detect
    logical Z), apply the errors, measure the d − 1 parities Z_iZ_{i+1}, apply the minimum-weight
    correction consistent with them, and compare with the encoded state.

    Parameters
    ----------
    distance:
        d, odd, in [1, MAX_SIMULATED_DISTANCE] (2^d × 2^d work).
    bit_flip_probability, phase_flip_probability:
        Independent per-qubit probabilities of an X and of a Z error, in [0, 1].

    Returns
    -------
    (float, float)
        (logical bit-flip probability, logical phase-flip probability). They match
        :func:`repetition_logical_error` and :func:`repetition_phase_error`.
    """
    d = _check_distance(distance, MAX_SIMULATED_DISTANCE)
    px = _check_probability("bit_flip_probability", bit_flip_probability)
    pz = _check_probability("phase_flip_probability", phase_flip_probability)
    shape = (2,) * d
    zero_l = np.zeros(shape, dtype=complex)
    zero_l[(0,) * d] = 1.0
    plus_l = zero_l.copy()
    plus_l[(1,) * d] = 1.0
    plus_l /= np.linalg.norm(plus_l)
    patterns = list(itertools.product((0, 1), repeat=d))

    # decoder: for each syndrome, the lowest-weight X pattern producing it (lookup table)
    def syndrome_of(pattern):
        return tuple(pattern[i] ^ pattern[i + 1] for i in range(d - 1))

    table: dict = {}
    for pattern in sorted(patterns, key=sum):
        table.setdefault(syndrome_of(pattern), pattern)

    def run(encoded: np.ndarray, error: str, probability: float) -> float:
        failure = 0.0
        for pattern in patterns:
            weight = sum(pattern)
            prob = probability**weight * (1.0 - probability) ** (d - weight)
            if prob == 0.0:
                continue
            state = encoded
            for qubit, hit in enumerate(pattern):
                if hit:
                    state = _apply_x(state, qubit) if error == "x" else _apply_z(state, qubit)
            measured = tuple(int(_zz_expectation(state, i, i + 1) < 0) for i in range(d - 1))
            for qubit, hit in enumerate(table[measured]):
                if hit:
                    state = _apply_x(state, qubit)
            fidelity = abs(np.vdot(encoded, state)) ** 2
            failure += prob * (1.0 - fidelity)
        return float(min(max(failure, 0.0), 1.0))

    return run(zero_l, "x", px), run(plus_l, "z", pz)


# --- GHZ registers of macroscopic size -------------------------------------------------------------


def ghz_log10_coherence(n_qubits: float, gamma_t: float, *, correlated: bool = False) -> float:
    """Base-10 logarithm of the GHZ coherence e^{−Nγt} (independent) or e^{−N²γt} (correlated noise).

    Same physics as :func:`qedn_lessons.coherence.ghz_coherence` (which it calls for N ≤
    ``coherence.MAX_GHZ_QUBITS`` when the result does not underflow), for registers up to
    MAX_MACROSCOPIC_QUBITS, where the coherence itself is far below the smallest float.

    Parameters
    ----------
    n_qubits:
        N ≥ 1, a real number (a macroscopic count such as 6.022e23 need not be an exact integer).
    gamma_t:
        Single-qubit dephasing rate × time, ≥ 0 and finite.
    correlated:
        False for independent dephasing, True for correlated (collective) Gaussian phase noise.

    Returns
    -------
    float
        log10 of the remaining coherence (≤ 0); −N γt/ln 10 or −N² γt/ln 10.
    """
    n = check_real("n_qubits", n_qubits, minimum=1.0, maximum=MAX_MACROSCOPIC_QUBITS)
    gamma_t = check_real("gamma_t", gamma_t, minimum=0.0)
    if not isinstance(correlated, bool | np.bool_):
        raise TypeError(f"correlated must be True or False, got {correlated!r}")
    if n == int(n) and n <= coherence.MAX_GHZ_QUBITS:
        value = coherence.ghz_coherence(int(n), gamma_t, correlated=bool(correlated))
        if value > 1e-300:
            return math.log10(value)
    exponent = (n * n if correlated else n) * gamma_t
    return -exponent / math.log(10.0)


# --- purification and microgravity -----------------------------------------------------------------


def bbpssw_purification_cost(fidelity: float, rounds: int) -> tuple[float, float]:
    """Fidelity after ``rounds`` of BBPSSW purification and the raw Werner pairs consumed per output pair.

    Each round turns two pairs into one, succeeding with probability p_k, so an output pair costs on
    average Π_k 2/p_k raw pairs. The same computation as
    ``networks.purification_cost(fidelity, rounds, "bbpssw")`` (Bennett et al., PRL 76, 722 (1996)),
    whose default protocol is DEJMPS; this name says which protocol lesson 02 uses.

    Returns
    -------
    (float, float)
        (final fidelity, expected raw pairs per purified pair). 0 rounds: (fidelity, 1.0).

    Raises
    ------
    ValueError, TypeError
        For a fidelity outside [0, 1] or a number of rounds outside [0, ``networks.MAX_ROUNDS``].
    """
    return networks.purification_cost(fidelity, rounds, "bbpssw")


#: Former name of :func:`bbpssw_purification_cost` (kept: lesson 02 and older notebooks call it).
#: Not to be confused with :func:`qedn_lessons.networks.purification_cost`, whose default is DEJMPS.
purification_cost = bbpssw_purification_cost


def free_fall_time_s(height_m: float, gravity_m_per_s2: float = STANDARD_GRAVITY_M_PER_S2) -> float:
    """Time (s) to fall ``height_m`` from rest: √(2h/g). The free-fall time an Earth-bound drop allows.

    ``height_m`` ≥ 0 and finite; ``gravity_m_per_s2`` > 0 (default standard gravity 9.80665 m/s²).
    """
    height_m = check_real("height_m", height_m, minimum=0.0)
    gravity = check_real("gravity_m_per_s2", gravity_m_per_s2, minimum=0.0, minimum_inclusive=False)
    return math.sqrt(2.0 * height_m / gravity)


__all__ = [
    "MAX_DISTANCE",
    "MAX_MACROSCOPIC_QUBITS",
    "MAX_PULSES",
    "MAX_RANDOM_DRAWS",
    "MAX_SIMULATED_DISTANCE",
    "bbpssw_purification_cost",
    "bit_flip_code_logical_errors",
    "cpmg_pulse_times",
    "echo_coherence",
    "free_fall_time_s",
    "ghz_log10_coherence",
    "phase_variance",
    "purification_cost",
    "repetition_logical_error",
    "repetition_phase_error",
    "simulate_echo",
    "simulate_repetition_code",
    "t2_star",
    "temperature_for_occupation",
]
