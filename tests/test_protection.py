"""Tests of qedn_lessons.protection against analytic results, independent computations and Monte Carlo."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import comb

from qedn_lessons import coherence, networks
from qedn_lessons import protection as pr
from qedn_lessons.units import BOLTZMANN_J_PER_K, PLANCK_J_S

# --- cold ------------------------------------------------------------------------------------------


def test_temperature_for_occupation_worked_values():
    # n̄ = 1 means e^{hf/kT} = 2: T = hf/(k ln 2), computed here directly
    assert pr.temperature_for_occupation(50.0, 1.0) == pytest.approx(
        PLANCK_J_S * 50.0 / (BOLTZMANN_J_PER_K * math.log(2)), rel=1e-12
    )
    assert pr.temperature_for_occupation(50.0, 1.0) == pytest.approx(3.462e-9, rel=1e-3)
    # docs/PHYSICS.md §1 worked value, inverted: 5 GHz with n̄ = 6.156e-6 is a 20 mK bath
    assert pr.temperature_for_occupation(5e9, 6.156e-6) == pytest.approx(0.020, rel=1e-4)


@given(st.floats(1.0, 1e14), st.floats(1e-12, 1e6))
def test_temperature_for_occupation_inverts_bose_einstein(frequency_hz, n_bar):
    temperature = pr.temperature_for_occupation(frequency_hz, n_bar)
    assert coherence.thermal_occupation(frequency_hz, temperature) == pytest.approx(n_bar, rel=1e-8)


# --- echoes: exact Gaussian average ------------------------------------------------------------------


def test_cpmg_pulse_times():
    np.testing.assert_allclose(pr.cpmg_pulse_times(10.0, 1), [5.0])  # Hahn echo at T/2
    np.testing.assert_allclose(pr.cpmg_pulse_times(8.0, 4), [1.0, 3.0, 5.0, 7.0])
    assert pr.cpmg_pulse_times(3.0, 0).size == 0


def test_quasi_static_noise_free_decay_and_echo():
    # docs/PHYSICS.md §1: quasi-static Gaussian detuning → e^{−σ²t²/2}, T2* = √2/σ; an echo refocuses it exactly
    t = np.linspace(0.0, 10.0, 21)
    sigma, gamma = 0.7, 0.05
    np.testing.assert_allclose(pr.echo_coherence(t, sigma=sigma, n_pulses=0), np.exp(-(sigma**2) * t**2 / 2), rtol=1e-12)
    assert pr.echo_coherence(pr.t2_star(sigma), sigma=sigma, n_pulses=0) == pytest.approx(math.exp(-1.0))
    for n in (1, 2, 5, 32):
        np.testing.assert_allclose(
            pr.echo_coherence(t, sigma=sigma, n_pulses=n, white_dephasing_rate=gamma), np.exp(-gamma * t), rtol=1e-12
        )
    # white dephasing alone: no pulse sequence changes e^{−γT}
    for n in (0, 1, 7):
        np.testing.assert_allclose(pr.echo_coherence(t, sigma=0.0, n_pulses=n, white_dephasing_rate=gamma), np.exp(-gamma * t))


def test_ornstein_uhlenbeck_closed_forms():
    # Analytic results for ⟨δ(t)δ(t')⟩ = σ²e^{−|t−t'|/τ}, derived by hand from Var φ = ∫∫ y y C:
    # free decay  χ = σ²τ²(T/τ − 1 + e^{−T/τ}); Hahn echo χ = σ²τ²(T/τ − 3 + 4e^{−T/2τ} − e^{−T/τ}); coherence e^{−χ}
    sigma, tau = 1.3, 2.5
    t = np.linspace(0.0, 12.0, 25)
    fid = np.exp(-((sigma * tau) ** 2) * (t / tau - 1 + np.exp(-t / tau)))
    hahn = np.exp(-((sigma * tau) ** 2) * (t / tau - 3 + 4 * np.exp(-t / (2 * tau)) - np.exp(-t / tau)))
    np.testing.assert_allclose(pr.echo_coherence(t, sigma=sigma, n_pulses=0, correlation_time=tau), fid, rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(pr.echo_coherence(t, sigma=sigma, n_pulses=1, correlation_time=tau), hahn, rtol=1e-10, atol=1e-300)


@pytest.mark.parametrize("n_pulses", [2, 3, 6])
def test_phase_variance_against_direct_double_integral(n_pulses):
    # Independent computation: midpoint-rule double integral of y(t) y(t') σ² e^{−|t−t'|/τ} on a fine grid
    sigma, tau, total = 0.9, 1.7, 6.0
    m = 3000
    t = (np.arange(m) + 0.5) * total / m
    flips = pr.cpmg_pulse_times(total, n_pulses)
    y = (-1.0) ** np.searchsorted(flips, t)
    kernel = np.exp(-np.abs(t[:, None] - t[None, :]) / tau)
    direct = sigma**2 * (y @ kernel @ y) * (total / m) ** 2
    assert pr.phase_variance(total, sigma=sigma, n_pulses=n_pulses, correlation_time=tau) == pytest.approx(direct, rel=2e-4)


@pytest.mark.parametrize("n_pulses,total", [(0, 3.0), (1, 0.5), (1, 10.0), (4, 3.0)])
def test_phase_variance_against_filter_function_in_frequency(n_pulses, total):
    # Independent method: Var φ = ∫ S(ω) |Y(ω)|² dω/2π with the Lorentzian spectrum S(ω) = 2σ²τ/(1 + ω²τ²) of the
    # exponential correlation and Y(ω) = Σ_k s_k (e^{iωb_k} − e^{iωa_k})/(iω), the Fourier transform of y(t)
    from scipy import integrate

    sigma, tau = 0.9, 1.7
    edges = np.concatenate([[0.0], pr.cpmg_pulse_times(total, n_pulses), [total]])
    signs = (-1.0) ** np.arange(len(edges) - 1)

    def integrand(w):
        y = sum(s * (np.exp(1j * w * b) - np.exp(1j * w * a)) / (1j * w) for s, a, b in zip(signs, edges[:-1], edges[1:]))
        return 2 * sigma**2 * tau / (1 + (w * tau) ** 2) * abs(y) ** 2 / math.pi  # even in ω: 2 ∫_0^∞ dω/2π

    low, _ = integrate.quad(integrand, 1e-9, 200.0, limit=2000)
    high, _ = integrate.quad(integrand, 200.0, np.inf, limit=200)
    assert pr.phase_variance(total, sigma=sigma, n_pulses=n_pulses, correlation_time=tau) == pytest.approx(low + high, rel=1e-5)


def test_limits_of_the_correlation_time():
    t = np.array([0.5, 2.0, 5.0])
    # τ → ∞ approaches quasi-static noise
    for n in (0, 1, 4):
        np.testing.assert_allclose(
            pr.echo_coherence(t, sigma=0.8, n_pulses=n, correlation_time=1e7),
            pr.echo_coherence(t, sigma=0.8, n_pulses=n),
            rtol=1e-5,
        )
    # τ → 0 with σ²τ = γ fixed becomes white dephasing at rate γ, which no echo undoes
    gamma, tau = 0.3, 1e-6
    for n in (0, 1, 4):
        np.testing.assert_allclose(
            pr.echo_coherence(t, sigma=math.sqrt(gamma / tau), n_pulses=n, correlation_time=tau), np.exp(-gamma * t), rtol=1e-4
        )


def test_more_pulses_help_against_slow_noise():
    # dynamical decoupling: with noise memory τ longer than the pulse spacing, more pulses keep more coherence
    values = [pr.echo_coherence(4.0, sigma=1.0, n_pulses=n, correlation_time=5.0) for n in (0, 1, 2, 4, 8, 16)]
    assert all(b > a for a, b in itertools.pairwise(values))
    assert values[0] < 0.01 and values[-1] > 0.99


@settings(max_examples=60, deadline=None)
@given(
    sigma=st.floats(0.0, 5.0), tau=st.floats(0.01, 1e4), gamma=st.floats(0.0, 1.0), n=st.integers(0, 40), t=st.floats(0.0, 50.0)
)
def test_echo_coherence_is_a_probability_and_never_below_free_decay(sigma, tau, gamma, n, t):
    value = pr.echo_coherence(t, sigma=sigma, n_pulses=n, white_dephasing_rate=gamma, correlation_time=tau)
    free = pr.echo_coherence(t, sigma=sigma, n_pulses=0, white_dephasing_rate=gamma, correlation_time=tau)
    assert 0.0 <= value <= 1.0 and 0.0 <= free <= 1.0
    assert value >= free * (1 - 1e-9) - 1e-12
    assert value <= math.exp(-gamma * t) * (1 + 1e-12)  # white dephasing caps every sequence


# --- echoes: Monte Carlo simulation of the pulses ------------------------------------------------------


def test_simulated_echo_matches_the_gaussian_average_for_static_and_white_noise():
    rng = np.random.default_rng(7)
    t = np.array([0.0, 1.0, 2.0, 3.0])
    n_samples = 20000
    tolerance = 4.0 / math.sqrt(n_samples)
    for n in (0, 1, 4):
        simulated = pr.simulate_echo(t, sigma=1.0, n_pulses=n, white_dephasing_rate=0.2, n_samples=n_samples, rng=rng)
        exact = pr.echo_coherence(t, sigma=1.0, n_pulses=n, white_dephasing_rate=0.2)
        np.testing.assert_allclose(simulated, exact, atol=tolerance)
    # the echo recovers what free decay lost: at T = 3 (σT = 3) free decay keeps e^{-4.5}·e^{-0.6}
    assert simulated[-1] > 0.5 > 0.05 > pr.echo_coherence(3.0, sigma=1.0, n_pulses=0, white_dephasing_rate=0.2)


def test_simulated_echo_matches_ornstein_uhlenbeck_result():
    rng = np.random.default_rng(11)
    t = np.array([1.0, 3.0, 6.0])
    simulated = pr.simulate_echo(t, sigma=0.8, n_pulses=2, correlation_time=2.0, n_samples=20000, steps_per_pulse=32, rng=rng)
    exact = pr.echo_coherence(t, sigma=0.8, n_pulses=2, correlation_time=2.0)
    np.testing.assert_allclose(simulated, exact, atol=0.035)  # 4/√N statistics plus the step discretisation


def test_simulation_is_seeded():
    a = pr.simulate_echo([2.0], sigma=1.0, n_pulses=1, correlation_time=3.0, n_samples=500, rng=np.random.default_rng(3))
    b = pr.simulate_echo([2.0], sigma=1.0, n_pulses=1, correlation_time=3.0, n_samples=500, rng=np.random.default_rng(3))
    assert a[0] == b[0]


# --- repetition code --------------------------------------------------------------------------------


def test_repetition_code_closed_forms():
    for p in (0.0, 0.01, 0.2, 0.5, 0.8, 1.0):
        assert pr.repetition_logical_error(1, p) == pytest.approx(p, abs=1e-15)
        assert pr.repetition_logical_error(3, p) == pytest.approx(3 * p**2 - 2 * p**3, abs=1e-15)
    # d = 5, p = 0.1: Σ_{k≥3} C(5,k) p^k (1−p)^{5−k}, summed by hand here
    assert pr.repetition_logical_error(5, 0.1) == pytest.approx(
        sum(comb(5, k) * 0.1**k * 0.9 ** (5 - k) for k in (3, 4, 5)), rel=1e-12
    )
    assert pr.repetition_logical_error(101, 0.5) == pytest.approx(0.5)
    assert pr.repetition_phase_error(1, 0.1) == pytest.approx(0.1)
    assert pr.repetition_phase_error(3, 0.1) == pytest.approx(3 * 0.1 * 0.81 + 0.001)  # one or three Z flips


@given(p=st.floats(0.0, 1.0), t=st.integers(0, 30))
def test_threshold_at_one_half(p, t):
    d = 2 * t + 1
    small, big = pr.repetition_logical_error(d, p), pr.repetition_logical_error(d + 2, p)
    assert 0.0 <= small <= 1.0
    if p < 0.5:
        assert big <= small * (1 + 1e-12) + 1e-300  # a bigger code helps below threshold
        assert pr.repetition_phase_error(d + 2, p) >= pr.repetition_phase_error(d, p) - 1e-15  # but not against phase flips
    elif p > 0.5:
        assert big >= small * (1 - 1e-12)  # and hurts above it


@pytest.mark.parametrize("distance,p", [(1, 0.3), (3, 0.05), (5, 0.1), (9, 0.2), (15, 0.4), (7, 0.7)])
def test_monte_carlo_majority_vote_agrees_with_formula(distance, p):
    rng = np.random.default_rng(distance)
    n_trials = 200_000
    expected = pr.repetition_logical_error(distance, p)
    got = pr.simulate_repetition_code(distance, p, n_trials=n_trials, rng=rng)
    assert abs(got - expected) <= 5 * math.sqrt(expected * (1 - expected) / n_trials) + 1e-12


@pytest.mark.parametrize("distance", [1, 3, 5, 7])
def test_state_vector_simulation_matches_both_formulas(distance):
    for p in (0.02, 0.15, 0.45, 0.7):
        bit, phase = pr.bit_flip_code_logical_errors(distance, bit_flip_probability=p, phase_flip_probability=p)
        assert bit == pytest.approx(pr.repetition_logical_error(distance, p), rel=1e-9, abs=1e-15)
        assert phase == pytest.approx(pr.repetition_phase_error(distance, p), rel=1e-9, abs=1e-15)


def test_phase_flips_pass_through_the_bit_flip_code():
    # a single Z error is never corrected: logical phase error ≈ d·p for small p, worse than one bare qubit
    bit, phase = pr.bit_flip_code_logical_errors(5, bit_flip_probability=0.0, phase_flip_probability=0.01)
    assert bit < 1e-15 and phase > 0.01 and phase == pytest.approx(5 * 0.01, rel=0.05)
    bit, phase = pr.bit_flip_code_logical_errors(5, bit_flip_probability=0.01, phase_flip_probability=0.0)
    assert phase < 1e-15 and bit < 1e-5


# --- GHZ at macroscopic size ----------------------------------------------------------------------------


def test_ghz_log10_agrees_with_coherence_module():
    for n, gt, corr in [(1, 0.1, False), (14, 0.01, False), (14, 0.01, True), (1000, 0.001, False), (300, 1e-3, True)]:
        assert pr.ghz_log10_coherence(n, gt, correlated=corr) == pytest.approx(
            math.log10(coherence.ghz_coherence(n, gt, correlated=corr)), rel=1e-12
        )
    # beyond the coherence module's range: the same exponent, in log10
    assert pr.ghz_log10_coherence(1e23, 1e-3) == pytest.approx(-1e20 / math.log(10), rel=1e-12)
    assert pr.ghz_log10_coherence(1e6, 1e-3, correlated=True) == pytest.approx(-1e9 / math.log(10), rel=1e-12)
    assert pr.ghz_log10_coherence(5, 0.0) == 0.0


@given(st.floats(1.0, 1e30), st.floats(0.0, 1.0))
def test_ghz_correlated_never_better_than_independent(n, gamma_t):
    assert pr.ghz_log10_coherence(n, gamma_t, correlated=True) <= pr.ghz_log10_coherence(n, gamma_t) + 1e-12


# --- purification and free fall ------------------------------------------------------------------------


def test_purification_cost_reuses_bbpssw():
    # docs/PHYSICS.md §5: F = 0.8 → 0.838150 with success 0.768889 (Bennett et al., PRL 76, 722 (1996))
    fidelity, pairs = pr.purification_cost(0.8, 1)
    assert fidelity == pytest.approx(0.838150, abs=1e-6) and pairs == pytest.approx(2 / 0.768889, rel=1e-6)
    steps = networks.bbpssw_rounds(0.8, 3)
    fidelity, pairs = pr.purification_cost(0.8, 3)
    assert fidelity == steps[-1][0] and pairs == pytest.approx(8 / np.prod([s for _, s in steps]))
    assert pr.purification_cost(0.8, 0) == (0.8, 1.0)


def test_free_fall_time():
    assert pr.free_fall_time_s(1.0) == pytest.approx(0.451600755, rel=1e-8)  # √(2/9.80665)
    assert pr.free_fall_time_s(4.9, 9.8) == pytest.approx(1.0)


# --- bad input ------------------------------------------------------------------------------------------

NAN, INF = float("nan"), float("inf")
RNG = np.random.default_rng(0)


@pytest.mark.parametrize(
    "call,error,match",
    [
        (lambda: pr.temperature_for_occupation(0.0, 1.0), ValueError, "frequency_hz must be > 0"),
        (lambda: pr.temperature_for_occupation(5e9, 0.0), ValueError, "n_thermal"),
        (lambda: pr.temperature_for_occupation(5e9, NAN), ValueError, "n_thermal"),
        (lambda: pr.temperature_for_occupation("5e9", 1.0), TypeError, "frequency_hz must be a real number"),
        (lambda: pr.cpmg_pulse_times(-1.0, 2), ValueError, "total_time"),
        (lambda: pr.cpmg_pulse_times(1.0, -1), ValueError, "n_pulses"),
        (lambda: pr.cpmg_pulse_times(1.0, pr.MAX_PULSES + 1), ValueError, "n_pulses"),
        (lambda: pr.cpmg_pulse_times(1.0, 2.0), TypeError, "n_pulses must be a whole number"),
        (lambda: pr.echo_coherence([0, 1], sigma=-1.0, n_pulses=1), ValueError, "sigma"),
        (lambda: pr.echo_coherence([0, 1], sigma=INF, n_pulses=1), ValueError, "sigma"),
        (lambda: pr.echo_coherence([0, -1], sigma=1.0, n_pulses=1), ValueError, "times"),
        (lambda: pr.echo_coherence([0, NAN], sigma=1.0, n_pulses=1), ValueError, "times"),
        (lambda: pr.echo_coherence(None, sigma=1.0, n_pulses=1), TypeError, "times"),
        (lambda: pr.echo_coherence([0, 1], sigma=1.0, n_pulses=1, white_dephasing_rate=-0.1), ValueError, "white_dephasing_rate"),
        (lambda: pr.echo_coherence([0, 1], sigma=1.0, n_pulses=1, correlation_time=0.0), ValueError, "correlation_time"),
        (lambda: pr.echo_coherence(np.zeros(coherence.MAX_TIME_POINTS + 1), sigma=1.0, n_pulses=1), ValueError, "at most"),
        (lambda: pr.t2_star(0.0), ValueError, "sigma"),
        (lambda: pr.simulate_echo([1.0], sigma=1.0, n_pulses=1, n_samples=10, rng=1), TypeError, "rng"),
        (lambda: pr.simulate_echo([1.0], sigma=1.0, n_pulses=1, n_samples=0, rng=RNG), ValueError, "n_samples"),
        (lambda: pr.simulate_echo([1.0], sigma=1.0, n_pulses=1, n_samples=10**9, rng=RNG), ValueError, "n_samples must be ≤"),
        (
            lambda: pr.simulate_echo([1.0], sigma=1.0, n_pulses=1, n_samples=10, steps_per_pulse=0, rng=RNG),
            ValueError,
            "steps_per_pulse",
        ),
        (lambda: pr.repetition_logical_error(4, 0.1), ValueError, "distance must be an odd integer"),
        (lambda: pr.repetition_logical_error(0, 0.1), ValueError, "distance"),
        (lambda: pr.repetition_logical_error(pr.MAX_DISTANCE + 2, 0.1), ValueError, "distance must be ≤"),
        (lambda: pr.repetition_logical_error(3.0, 0.1), TypeError, "distance must be a whole number"),
        (lambda: pr.repetition_logical_error(3, 1.5), ValueError, "flip_probability must be in \\[0, 1\\]"),
        (lambda: pr.repetition_logical_error(3, NAN), ValueError, "flip_probability"),
        (lambda: pr.repetition_phase_error(3, -0.1), ValueError, "phase_flip_probability"),
        (lambda: pr.simulate_repetition_code(3, 0.1, n_trials=10**9, rng=RNG), ValueError, "n_trials must be ≤"),
        (lambda: pr.simulate_repetition_code(3, 0.1, n_trials=10, rng=None), TypeError, "rng"),
        (
            lambda: pr.bit_flip_code_logical_errors(11, bit_flip_probability=0.1, phase_flip_probability=0.1),
            ValueError,
            "distance must be ≤ 9",
        ),
        (
            lambda: pr.bit_flip_code_logical_errors(3, bit_flip_probability=2.0, phase_flip_probability=0.1),
            ValueError,
            "bit_flip_probability",
        ),
        (lambda: pr.ghz_log10_coherence(0.5, 0.1), ValueError, "n_qubits"),
        (lambda: pr.ghz_log10_coherence(1e50, 0.1), ValueError, "n_qubits"),
        (lambda: pr.ghz_log10_coherence(10, -0.1), ValueError, "gamma_t"),
        (lambda: pr.ghz_log10_coherence(10, 0.1, correlated=1), TypeError, "correlated"),
        (lambda: pr.purification_cost(0.8, -1), ValueError, "rounds"),
        (lambda: pr.purification_cost(1.5, 2), ValueError, "fidelity"),
        (lambda: pr.free_fall_time_s(-1.0), ValueError, "height_m"),
        (lambda: pr.free_fall_time_s(1.0, 0.0), ValueError, "gravity_m_per_s2"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- views and explorer ---------------------------------------------------------------------------------


def test_views_return_artists_that_update_in_place():
    from qedn_lessons.style import new_figure
    from qedn_lessons.views.protection import plot_coherence_curves, plot_ghz_scaling, plot_logical_errors

    fig, axes = new_figure(1, 3)
    t = np.linspace(0, 5, 11)
    curves = [pr.echo_coherence(t, sigma=1.0, n_pulses=n) for n in (0, 1)]
    art = plot_coherence_curves(axes[0], t, curves, ["free", "echo"], samples=[(t, curves[0], "Monte Carlo")])
    np.testing.assert_allclose(art["lines"][0].get_ydata(), curves[0])
    assert len(art["points"]) == 1
    p = np.linspace(0.01, 0.6, 5)
    art = plot_logical_errors(axes[1], p, [p], ["no code"], marker_p=0.1)
    assert art["marker"].get_xdata()[0] == 0.1
    n = np.array([1, 10, 100])
    art = plot_ghz_scaling(axes[2], n, np.exp(-n * 1e-3), np.exp(-(n**2) * 1e-3), gamma_t=1e-3)
    assert set(art) == {"independent", "correlated"}
    with pytest.raises(ValueError, match="labels"):
        plot_coherence_curves(axes[0], t, curves, ["one label"])


def test_explorer_caption_states_the_numbers():
    from qedn_lessons.widgets.protection import ProtectionExplorer

    explorer = ProtectionExplorer(sigma=1.0, n_pulses=0, distance=5, p=0.1)
    assert "T2* = 1.41 µs" in explorer.alt_text
    assert f"{pr.repetition_logical_error(5, 0.1):.3g}" in explorer.alt_text
    explorer.controls["n_pulses"].value = 4
    assert "with 4 π pulse(s)" in explorer.alt_text
