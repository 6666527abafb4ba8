"""Tests of qedn_lessons.coherence against analytic results, cited values and qutip.mesolve."""

import math

import numpy as np
import pytest
import qutip
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import expit

from qedn_lessons import coherence as c
from qedn_lessons.units import BOLTZMANN_J_PER_K, PLANCK_J_S

# Independent operators for cross-checks, built from kets (not from the package's wrappers):
G, E = qutip.basis(2, 0), qutip.basis(2, 1)  # |0> ground, |1> excited
SM = G * E.dag()  # σ₋ = |0><1|
SP = E * G.dag()
P1 = E * E.dag()

positive_time = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


# --- t2_time -------------------------------------------------------------------------------------


def test_t2_worked_value():
    # docs/PHYSICS.md §1: T1 = 100 µs, Tφ = 200 µs → T2 = 100 µs
    assert c.t2_time(100.0, 200.0) == pytest.approx(100.0, rel=1e-12)


def test_t2_limits():
    assert c.t2_time(50.0, math.inf) == pytest.approx(100.0)  # T2 = 2T1 without dephasing
    assert c.t2_time(math.inf, 30.0) == pytest.approx(30.0)
    assert c.t2_time(math.inf, math.inf) == math.inf


@given(positive_time, positive_time)
def test_t2_never_exceeds_twice_t1_nor_t_phi(t1, t_phi):
    t2 = c.t2_time(t1, t_phi)
    assert t2 <= 2 * t1 * (1 + 1e-12)
    assert t2 <= t_phi * (1 + 1e-12)
    assert c.t_phi_from_t1_t2(t1, t2) == pytest.approx(t_phi, rel=1e-6)


# --- thermal occupation --------------------------------------------------------------------------


def test_thermal_occupation_worked_value():
    # docs/PHYSICS.md §1 (computed): 5 GHz, 20 mK → n̄ = 6.156e-6
    assert c.thermal_occupation(5e9, 0.020) == pytest.approx(6.156e-6, rel=1e-3)
    # independent: the naive formula with numpy
    x = PLANCK_J_S * 5e9 / (BOLTZMANN_J_PER_K * 0.020)
    assert c.thermal_occupation(5e9, 0.020) == pytest.approx(1 / (np.exp(x) - 1), rel=1e-12)


def test_thermal_occupation_limits():
    assert c.thermal_occupation(5e9, 0.0) == 0.0
    assert c.thermal_occupation(5e9, 1e-6) == 0.0 or c.thermal_occupation(5e9, 1e-6) < 1e-300
    # a subnormal temperature (k_B·T underflows to 0) gives 0, not ZeroDivisionError (found by hypothesis)
    assert c.thermal_occupation(5e9, 2.2250738585e-313) == 0.0
    assert c.bloch_trajectory([0.0, 1.0], t1=1.0, t_phi=1.0, temperature_k=5e-324).shape == (2, 3)
    # classical limit k_B T ≫ h f: n̄ ≈ k_B T/(h f) − 1/2
    t = 300.0
    classical = BOLTZMANN_J_PER_K * t / (PLANCK_J_S * 5e9) - 0.5
    assert c.thermal_occupation(5e9, t) == pytest.approx(classical, rel=1e-6)


@given(st.floats(1e6, 1e12), st.floats(1e-4, 1e3), st.floats(1.0001, 10.0))
def test_thermal_occupation_nonnegative_and_rising(f, t, factor):
    low, high = c.thermal_occupation(f, t), c.thermal_occupation(f, t * factor)
    assert low >= 0 and high >= low
    pop = c.thermal_excited_population(f, t)
    assert 0 <= pop < 0.5
    assert pop == pytest.approx(expit(-PLANCK_J_S * f / (BOLTZMANN_J_PER_K * t)), rel=1e-9, abs=1e-300)  # 1/(e^x + 1)


# --- Ramsey --------------------------------------------------------------------------------------


def test_ramsey_formula():
    assert c.ramsey_probability(0.0, t2=10.0, detuning=3.0) == 1.0
    assert c.ramsey_probability(math.pi, t2=math.inf, detuning=1.0) == pytest.approx(0.0, abs=1e-15)
    t = np.array([0.0, 5.0, 10.0])
    expected = 0.5 * (1 + np.exp(-t / 10.0) * np.cos(0.3 * t))
    np.testing.assert_allclose(c.ramsey_probability(t, t2=10.0, detuning=0.3), expected, rtol=1e-14)
    assert isinstance(c.ramsey_probability(1.0, t2=1.0, detuning=0.0), float)
    assert c.ramsey_probability([1.0], t2=1.0, detuning=0.0).shape == (1,)


def test_ramsey_equals_lindblad_x_projection():
    # Second method: the Lindblad trajectory from |+>, measured along x, must give the Ramsey fringe
    t = np.linspace(0, 400, 41)
    b = c.bloch_trajectory(t, t1=100.0, t_phi=200.0, detuning=0.05)
    np.testing.assert_allclose((1 + b[:, 0]) / 2, c.ramsey_probability(t, t2=c.t2_time(100.0, 200.0), detuning=0.05), atol=1e-12)


# --- GHZ -----------------------------------------------------------------------------------------


def test_ghz_scaling_formula():
    assert c.ghz_coherence(1, 0.1) == pytest.approx(math.exp(-0.1))
    assert c.ghz_coherence(14, 0.01) == pytest.approx(math.exp(-0.14))
    assert c.ghz_coherence(14, 0.01, correlated=True) == pytest.approx(math.exp(-1.96))
    assert c.ghz_coherence(3, math.inf) == 0.0


@pytest.mark.parametrize("correlated", [False, True])
def test_ghz_against_mesolve(correlated):
    # Independent computation: 3 qubits, dephasing Lindblad operators √(2γ)|1><1| on each qubit
    # (independent) or √(2γ)Σ_k|1><1|_k (collective). Monz et al., PRL 106, 130506 (2011),
    # arXiv:1009.6126, observed the N² scaling of the collective case with up to 14 ions.
    n, gamma, t = 3, 0.2, 1.5
    ops = [qutip.tensor([P1 if j == k else qutip.qeye(2) for j in range(n)]) for k in range(n)]
    c_ops = [math.sqrt(2 * gamma) * sum(ops)] if correlated else [math.sqrt(2 * gamma) * o for o in ops]
    zeros, ones = qutip.tensor([G] * n), qutip.tensor([E] * n)
    ghz = (zeros + ones).unit()
    result = qutip.mesolve(0 * ops[0], qutip.ket2dm(ghz), [0, t], c_ops=c_ops, options={"atol": 1e-12, "rtol": 1e-10})
    coherence = abs(result.states[-1].full()[0, -1]) / 0.5
    assert coherence == pytest.approx(c.ghz_coherence(n, gamma * t, correlated=correlated), rel=1e-6)


# --- Lindblad trajectory vs qutip.mesolve ----------------------------------------------------------


def _mesolve_bloch(times, t1, t_phi, n_th, detuning, ket):
    gamma = 1 / (t1 * (2 * n_th + 1))
    c_ops = [math.sqrt(gamma * (n_th + 1)) * SM, math.sqrt(gamma * n_th) * SP, math.sqrt(2 / t_phi) * P1]
    e_ops = [qutip.sigmax(), qutip.sigmay(), qutip.sigmaz()]
    res = qutip.mesolve(
        detuning * P1,
        qutip.ket2dm(ket),
        times,
        c_ops=c_ops,
        e_ops=e_ops,
        options={"atol": 1e-12, "rtol": 1e-10, "nsteps": 100000},
    )
    return np.column_stack([np.real(e) for e in res.expect])


@pytest.mark.parametrize("initial,ket", [("plus", (G + E).unit()), ("excited", E), ("plus_i", (G + 1j * E).unit())])
def test_bloch_trajectory_matches_mesolve(initial, ket):
    times = np.linspace(0, 300, 61)
    temperature = 0.15
    n_th = c.thermal_occupation(5e9, temperature)
    mine = c.bloch_trajectory(times, t1=80.0, t_phi=120.0, temperature_k=temperature, detuning=0.07, initial=initial)
    ref = _mesolve_bloch(times, 80.0, 120.0, n_th, 0.07, ket)
    np.testing.assert_allclose(mine, ref, atol=1e-6)


def test_bloch_trajectory_analytic_and_thermal_end_point():
    t1, t_phi, delta = 100.0, 200.0, 0.1
    times = np.linspace(0, 500, 51)
    b = c.bloch_trajectory(times, t1=t1, t_phi=t_phi, detuning=delta)
    t2 = c.t2_time(t1, t_phi)
    np.testing.assert_allclose(b[:, 0], np.exp(-times / t2) * np.cos(delta * times), atol=1e-12)
    np.testing.assert_allclose(b[:, 1], -np.exp(-times / t2) * np.sin(delta * times), atol=1e-12)
    np.testing.assert_allclose(b[:, 2], 1 - np.exp(-times / t1), atol=1e-12)
    np.testing.assert_allclose(c.coherence_magnitude(b), 0.5 * np.exp(-times / t2), atol=1e-12)
    # hot bath: relaxes to z = 1/(2n̄+1), the Boltzmann state, not to the ground state
    n_th = c.thermal_occupation(5e9, 1.0)
    end = c.bloch_trajectory([1e5], t1=t1, t_phi=t_phi, temperature_k=1.0, initial="excited")[0]
    assert end[2] == pytest.approx(1 / (2 * n_th + 1), rel=1e-9)
    assert (1 - end[2]) / 2 == pytest.approx(c.thermal_excited_population(5e9, 1.0), rel=1e-9)


def test_hot_bath_keeps_the_measured_t1_and_t2():
    # Analytic check, independent of how the code splits 1/T1 into up and down rates: with a hot bath
    # (5 GHz at 1 K, n̄ ≈ 3.7) the coherence still decays as e^{-t/T2}, 1/T2 = 1/(2T1) + 1/Tφ, and
    # the population relaxes at 1/T1 to the Boltzmann value 1/(e^{hf/kT} + 1).
    t1, t_phi, temperature = 80.0, 150.0, 1.0
    times = np.linspace(0, 400, 41)
    t2 = 1 / (1 / (2 * t1) + 1 / t_phi)
    plus = c.bloch_trajectory(times, t1=t1, t_phi=t_phi, temperature_k=temperature, detuning=0.2)
    np.testing.assert_allclose(c.coherence_magnitude(plus), 0.5 * np.exp(-times / t2), atol=1e-12)
    p_thermal = expit(-PLANCK_J_S * 5e9 / (BOLTZMANN_J_PER_K * temperature))
    excited = c.bloch_trajectory(times, t1=t1, t_phi=t_phi, temperature_k=temperature, initial="excited")
    np.testing.assert_allclose((1 - excited[:, 2]) / 2, p_thermal + (1 - p_thermal) * np.exp(-times / t1), atol=1e-12)


@given(
    t1=st.floats(0.1, 1e4),
    t_phi=st.floats(0.1, 1e4),
    temperature=st.floats(0.0, 10.0),
    detuning=st.floats(-5.0, 5.0),
    initial=st.sampled_from(c.INITIAL_STATES),
    t=st.floats(0.0, 1e5),
)
def test_lindblad_evolution_is_physical(t1, t_phi, temperature, detuning, initial, t):
    rho = c.density_matrices([0.0, t], t1=t1, t_phi=t_phi, temperature_k=temperature, detuning=detuning, initial=initial)[-1]
    assert np.trace(rho) == pytest.approx(1.0, abs=1e-9)
    np.testing.assert_allclose(rho, rho.conj().T, atol=1e-9)
    assert np.linalg.eigvalsh(rho).min() >= -1e-9
    b = c.bloch_trajectory([t], t1=t1, t_phi=t_phi, temperature_k=temperature, detuning=detuning, initial=initial)[0]
    assert np.linalg.norm(b) <= 1 + 1e-9
    # |ρ01| never exceeds its T2 envelope from the start value
    start = c.coherence_magnitude(c.bloch_trajectory([0.0], t1=t1, t_phi=t_phi, initial=initial)[0])
    assert c.coherence_magnitude(b) <= start * math.exp(-t / c.t2_time(t1, t_phi)) + 1e-9


@given(n=st.floats(0.0, 50.0), initial=st.sampled_from(c.INITIAL_STATES))
def test_thermal_relaxation_steady_state_is_boltzmann(n, initial):
    p = c.thermal_relaxation([1e4], gamma=1.0, n_thermal=n, initial=initial)
    assert p[0] == pytest.approx(n / (2 * n + 1), abs=1e-9)


def test_thermal_relaxation_matches_mesolve_and_analytic():
    times = np.linspace(0, 5, 51)
    gamma, n = 0.7, 0.4
    mine = c.thermal_relaxation(times, gamma=gamma, n_thermal=n)
    c_ops = [math.sqrt(gamma * (n + 1)) * SM, math.sqrt(gamma * n) * SP]
    res = qutip.mesolve(0 * P1, qutip.ket2dm(E), times, c_ops=c_ops, e_ops=[P1], options={"atol": 1e-12, "rtol": 1e-10})
    np.testing.assert_allclose(mine, np.real(res.expect[0]), atol=1e-6)
    steady = n / (2 * n + 1)
    np.testing.assert_allclose(mine, steady + (1 - steady) * np.exp(-gamma * (2 * n + 1) * times), atol=1e-12)


def test_energy_helpers():
    # docs/PHYSICS.md §9: one 5 GHz quantum is 3.313e-24 J
    assert c.excited_energy_j(5e9, 1.0) == pytest.approx(3.313e-24, rel=1e-3)
    assert c.quanta_per_kwh(5e9) == pytest.approx(3.6e6 / 3.313e-24, rel=1e-3)
    np.testing.assert_allclose(c.excited_energy_j(5e9, np.array([0.0, 0.5])), [0.0, 0.5 * PLANCK_J_S * 5e9])


# --- bad input -----------------------------------------------------------------------------------

NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize(
    "call,error,match",
    [
        (lambda: c.t2_time(NAN, 1.0), ValueError, "t1"),
        (lambda: c.t2_time(-1.0, 1.0), ValueError, "t1 must be > 0"),
        (lambda: c.t2_time(1.0, 0.0), ValueError, "t_phi"),
        (lambda: c.t2_time("100", 1.0), TypeError, "t1 must be a real number"),
        (lambda: c.t_phi_from_t1_t2(10.0, 30.0), ValueError, "t2"),
        (lambda: c.thermal_occupation(5e9, -0.01), ValueError, "temperature_k"),
        (lambda: c.thermal_occupation(5e9, INF), ValueError, "temperature_k"),
        (lambda: c.thermal_occupation(0.0, 1.0), ValueError, "frequency_hz"),
        (lambda: c.thermal_occupation(NAN, 1.0), ValueError, "frequency_hz"),
        (lambda: c.thermal_occupation(None, 1.0), TypeError, "frequency_hz"),
        (lambda: c.ramsey_probability(-1.0, t2=1.0, detuning=0.0), ValueError, "t must be ≥ 0"),
        (lambda: c.ramsey_probability(NAN, t2=1.0, detuning=0.0), ValueError, "t must contain only finite"),
        (lambda: c.ramsey_probability(1.0, t2=-1.0, detuning=0.0), ValueError, "t2"),
        (lambda: c.ramsey_probability(1.0, t2=1.0, detuning=INF), ValueError, "detuning"),
        (lambda: c.ramsey_probability("1", t2=1.0, detuning=0.0), TypeError, "t must be"),
        (lambda: c.ramsey_probability(np.ones((2, 2)), t2=1.0, detuning=0.0), ValueError, "1-D"),
        (lambda: c.ghz_coherence(0, 0.1), ValueError, "n_qubits"),
        (lambda: c.ghz_coherence(c.MAX_GHZ_QUBITS + 1, 0.1), ValueError, "n_qubits must be ≤"),
        (lambda: c.ghz_coherence(2.5, 0.1), TypeError, "n_qubits"),
        (lambda: c.ghz_coherence(3, -0.1), ValueError, "gamma_t"),
        (lambda: c.ghz_coherence(3, NAN), ValueError, "gamma_t"),
        (lambda: c.ghz_coherence(3, 0.1, correlated="yes"), TypeError, "correlated"),
        (lambda: c.thermal_relaxation([0, 1], gamma=-1.0, n_thermal=0.0), ValueError, "gamma"),
        (lambda: c.thermal_relaxation([0, 1], gamma=1.0, n_thermal=NAN), ValueError, "n_thermal"),
        (lambda: c.thermal_relaxation([0, -1], gamma=1.0, n_thermal=0.0), ValueError, "times"),
        (lambda: c.thermal_relaxation([0, 1], gamma=1.0, n_thermal=0.0, initial="up"), ValueError, "initial must be one of"),
        (lambda: c.bloch_trajectory([0, 1], t1=0.0, t_phi=1.0), ValueError, "t1"),
        (lambda: c.bloch_trajectory([0, 1], t1=1.0, t_phi=NAN), ValueError, "t_phi"),
        (lambda: c.bloch_trajectory([0, 1], t1=1.0, t_phi=1.0, temperature_k=-1.0), ValueError, "temperature_k"),
        (lambda: c.bloch_trajectory([0, 1], t1=1.0, t_phi=1.0, detuning=NAN), ValueError, "detuning"),
        (lambda: c.bloch_trajectory([0, 1], t1=1.0, t_phi=1.0, initial="minus"), ValueError, "initial"),
        (lambda: c.bloch_trajectory([0, INF], t1=1.0, t_phi=1.0), ValueError, "times"),
        (lambda: c.bloch_trajectory(np.zeros(c.MAX_TIME_POINTS + 1), t1=1.0, t_phi=1.0), ValueError, "at most"),
        (lambda: c.bloch_trajectory(None, t1=1.0, t_phi=1.0), TypeError, "times"),
        (lambda: c.bloch_trajectory([0, 1], t1=1.0, t_phi=1.0, frequency_hz=-5e9), ValueError, "frequency_hz"),
        (lambda: c.excited_energy_j(5e9, 1.5), ValueError, "excited_population"),
        (lambda: c.coherence_magnitude([1, 2]), ValueError, "bloch"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- views (drawing only; the physics is tested above) -----------------------------------------------


def test_views_return_artists_that_update_in_place():
    from qedn_lessons.style import new_figure
    from qedn_lessons.views.coherence import plot_bloch_plane, plot_coherence_records, plot_decay, plot_ramsey

    fig, axes = new_figure(1, 4)
    t = np.linspace(0, 10, 5)
    b = c.bloch_trajectory(t, t1=5.0, t_phi=5.0, detuning=0.3)
    artists = plot_bloch_plane(axes[0], b)
    np.testing.assert_allclose(artists["path"].get_xdata(), b[:, 0])
    assert set(plot_ramsey(axes[1], t, c.ramsey_probability(t, t2=5.0, detuning=0.3), np.exp(-t / 5))) == {
        "fringe",
        "upper",
        "lower",
    }
    decay = plot_decay(axes[2], t, c.coherence_magnitude(b), (1 - b[:, 2]) / 2, t2=c.t2_time(5.0, 5.0), thermal_population=0.0)
    assert decay["t2_line"].get_xdata()[0] == pytest.approx(c.t2_time(5.0, 5.0))
    assert len(plot_coherence_records(axes[3], ["a", "b"], [1.0, 2.0], highlight=[False, True])) == 2
    with pytest.raises(ValueError, match="plane"):
        plot_bloch_plane(axes[0], b, plane="yz")
