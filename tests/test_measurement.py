"""Tests of qedn_lessons.measurement: worked values, independent computations, properties, bad input."""

import math

import numpy as np
import pytest
import qutip
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from qedn_lessons import measurement as m
from qedn_lessons import operators as ops
from qedn_lessons import transport

# --- Born rule and back-action ---------------------------------------------------------------------


def test_born_probabilities_match_qutip_expectation_of_projectors():
    psi = (0.6 * ops.ground() + 0.8j * ops.excited()).unit()
    outcomes, probabilities = m.born_probabilities(psi, ops.pauli_z())
    # qutip: σz eigenvalue −1 is |1⟩, +1 is |0⟩ (course convention).
    assert outcomes.tolist() == pytest.approx([-1.0, 1.0])
    assert probabilities == pytest.approx([qutip.expect(ops.excited_projector(), psi), 0.36])
    _, px = m.born_probabilities(psi, ops.pauli_x())
    plus_x = qutip.sigmax().eigenstates()[1][1]
    assert px[1] == pytest.approx(abs(plus_x.overlap(psi)) ** 2)


def test_sampling_reproduces_the_born_rule_within_statistics():
    rng = np.random.default_rng(7)
    psi = (0.6 * ops.ground() + 0.8 * ops.excited()).unit()
    shots = m.sample_outcomes(psi, ops.pauli_z(), 20_000, rng=rng)
    p_excited = np.mean(shots == -1.0)
    sigma = math.sqrt(0.64 * 0.36 / 20_000)
    assert abs(p_excited - 0.64) < 5 * sigma
    again = m.sample_outcomes(psi, ops.pauli_z(), 50, rng=np.random.default_rng(7))
    assert np.array_equal(again, shots[:50])  # seeded: reproducible


def test_selective_and_nonselective_post_measurement_states():
    psi = ops.plus()
    rho = m.post_measurement_state(psi, ops.pauli_z())
    assert np.allclose(rho, np.eye(2) / 2)  # the coherence is gone
    up = m.post_measurement_state(psi, ops.pauli_z(), outcome=1.0)
    assert np.allclose(up, (ops.ground() * ops.ground().dag()).full())
    with pytest.raises(ValueError, match="outcome must be an eigenvalue"):
        m.post_measurement_state(psi, ops.pauli_z(), outcome=0.5)
    with pytest.raises(ValueError, match="cannot occur"):
        m.post_measurement_state(ops.ground(), ops.pauli_z(), outcome=-1.0)


def test_degenerate_observable_uses_luders_rule():
    # Measuring Z_A on a Bell state: Lüders gives ½(|00⟩⟨00| + |11⟩⟨11|), and Bob's qubit is untouched.
    bell = (qutip.tensor(ops.ground(), ops.ground()) + qutip.tensor(ops.excited(), ops.excited())).unit()
    z_a = qutip.tensor(ops.pauli_z(), qutip.qeye(2))
    after = m.post_measurement_state(bell, z_a)
    expected = np.diag([0.5, 0, 0, 0.5])
    assert np.allclose(after, expected)
    # An observable ∝ identity (one eigenvalue) does nothing.
    assert np.allclose(m.post_measurement_state(bell, 3 * qutip.qeye([2, 2])), (bell * bell.dag()).full())


# --- who pays for a measurement (docs/PHYSICS.md §7) ------------------------------------------------------


@pytest.mark.parametrize("omega", [1.0, 2.5, 1e-3])
def test_sigma_x_measurement_of_the_ground_state_costs_half_omega(omega):
    hamiltonian = omega * ops.excited_projector()  # = ω(1 − σz)/2, ground state |0⟩
    assert m.measurement_energy_change(ops.ground(), hamiltonian, ops.pauli_x()) == pytest.approx(omega / 2)
    # the same with the text's form (ω/2)σz, whose ground state is qutip's basis(2, 1)
    assert m.measurement_energy_change(ops.excited(), omega / 2 * ops.pauli_z(), ops.pauli_x()) == pytest.approx(omega / 2)


def test_commuting_measurement_costs_nothing():
    hamiltonian = ops.excited_projector()
    for state in (ops.ground(), ops.plus(), 0.3 * ops.ground() * ops.ground().dag() + 0.7 * ops.excited_projector()):
        assert m.measurement_energy_change(state, hamiltonian, ops.pauli_z()) == pytest.approx(0.0, abs=1e-12)


def _random_hermitian(rng, dim):
    a = rng.normal(size=(dim, dim)) + 1j * rng.normal(size=(dim, dim))
    return (a + a.conj().T) / 2


@given(seed=st.integers(0, 2**32 - 1), dim=st.integers(2, 5))
def test_measurement_never_lowers_the_energy_of_a_ground_state(seed, dim):
    rng = np.random.default_rng(seed)
    hamiltonian = _random_hermitian(rng, dim)
    observable = _random_hermitian(rng, dim)
    ground = np.linalg.eigh(hamiltonian)[1][:, 0]
    assert m.measurement_energy_change(ground, hamiltonian, observable) >= -1e-9
    # measuring any function of H itself costs nothing
    assert m.measurement_energy_change(ground, hamiltonian, hamiltonian @ hamiltonian) == pytest.approx(0.0, abs=1e-9)


@given(seed=st.integers(0, 2**32 - 1), dim=st.integers(2, 5))
def test_energy_change_agrees_with_an_independent_qutip_computation(seed, dim):
    rng = np.random.default_rng(seed)
    hamiltonian = qutip.Qobj(_random_hermitian(rng, dim))
    observable = qutip.Qobj(_random_hermitian(rng, dim))
    rho = qutip.rand_dm(dim, seed=int(seed % 2**31))
    _, vectors = observable.eigenstates()  # generic random observable: non-degenerate
    after = sum(v * v.dag() * rho * v * v.dag() for v in vectors)
    expected = qutip.expect(hamiltonian, after) - qutip.expect(hamiltonian, rho)
    assert m.measurement_energy_change(rho, hamiltonian, observable) == pytest.approx(expected, abs=1e-9)


# --- quantum Zeno effect (Itano et al., PRA 41, 2295 (1990), doi:10.1103/PhysRevA.41.2295) ---------


def test_zeno_worked_values():
    assert m.zeno_transition_probability(1) == pytest.approx(1.0)
    assert m.zeno_transition_probability(4) == pytest.approx(0.375)
    assert m.zeno_survival_probability(4) == pytest.approx(0.5308, abs=5e-5)
    assert m.zeno_transition_probability(2) == pytest.approx(0.5)  # cos(π/2) = 0
    # large N: cos^N(π/N) ≈ 1 − π²/(2N) + O(N⁻²), so P ≈ π²/(4N) (relative correction ~ π²/4N)
    assert m.zeno_transition_probability(1000) == pytest.approx(math.pi**2 / 4000, rel=5e-3)


@pytest.mark.parametrize("n", range(1, 51))
def test_zeno_closed_forms_agree_with_direct_simulation(n):
    simulated = m.zeno_simulation(n)
    assert simulated.transition_probability == pytest.approx(m.zeno_transition_probability(n), abs=1e-12)
    assert simulated.survival_probability == pytest.approx(m.zeno_survival_probability(n), abs=1e-12)


def test_zeno_quantities_differ_and_both_freeze_the_atom():
    for n in (3, 4, 10, 50):
        assert m.zeno_survival_probability(n) < 1 - m.zeno_transition_probability(n)
    assert m.zeno_transition_probability(10_000) < 1e-3
    assert m.zeno_survival_probability(10_000) > 0.999


@pytest.mark.parametrize("n", [1, 4, 20])
def test_sampled_runs_estimate_both_zeno_quantities(n):
    sample = m.sample_zeno_runs(n, 40_000, rng=np.random.default_rng(n))
    for got, want in (
        (sample.ended_excited, m.zeno_transition_probability(n)),
        (sample.always_ground, m.zeno_survival_probability(n)),
    ):
        sigma = math.sqrt(max(want * (1 - want), 1e-4) / 40_000)
        assert abs(got - want) < 5 * sigma


# --- measurement rate ↔ dephasing (independent check with qutip) -------------------------------------


def test_measurement_rate_maps_to_site_dephasing():
    """Poisson-timed site measurements (generator r(ΣPρP − ρ)) == Lindblad √(2γ)|k⟩⟨k| with γ = r/2."""
    rate = 3.0
    hamiltonian = qutip.Qobj(np.array([[0.0, 1.0, 0.0], [1.0, 0.5, 0.7], [0.0, 0.7, -0.3]]))
    projectors = [qutip.basis(3, j) * qutip.basis(3, j).dag() for j in range(3)]
    measure = rate * (sum(qutip.sprepost(p, p) for p in projectors) - qutip.spre(qutip.qeye(3)))
    liouvillian_measured = qutip.liouvillian(hamiltonian) + measure
    gamma = m.dephasing_for_measurement_rate(rate)
    liouvillian_dephased = qutip.liouvillian(hamiltonian, [math.sqrt(2 * gamma) * p for p in projectors])
    rho0 = qutip.basis(3, 0) * qutip.basis(3, 0).dag()
    times = np.linspace(0, 4, 9)
    a = qutip.mesolve(liouvillian_measured, rho0, times).states
    b = qutip.mesolve(liouvillian_dephased, rho0, times).states
    for x, y in zip(a, b):
        assert np.allclose(x.full(), y.full(), atol=1e-6)


# --- quantum energy teleportation (Hotta arXiv:1002.0200; Ikeda arXiv:2301.02666) --------------------


def test_qet_worked_values():
    result = m.qet_minimal(1.5, 1.0)
    assert result.injected_energy == pytest.approx(1.248075, abs=1e-6)
    assert result.max_extracted_energy == pytest.approx(0.142524, abs=1e-6)
    assert result.extracted_without_message == 0.0
    assert result.fraction == pytest.approx(0.142524 / 1.248075, rel=1e-5)


@given(h=st.floats(0.05, 20.0), k=st.floats(0.0, 20.0))
def test_qet_ground_energy_is_zero_and_closed_forms_match_explicit_operators(h, k):
    operators = m.qet_operators(h, k)
    scale = h + k
    assert min(operators["H"].eigenenergies()) == pytest.approx(0.0, abs=1e-9 * (1 + scale))
    result = m.qet_minimal(h, k)
    ledger = m.qet_protocol(h, k, result.optimal_angle)
    assert ledger.total[0] == pytest.approx(0.0, abs=1e-9 * (1 + scale))
    assert ledger.meter_supplied == pytest.approx(result.injected_energy, rel=1e-8, abs=1e-9)
    assert ledger.bob_extracted == pytest.approx(result.max_extracted_energy, rel=1e-7, abs=1e-9)


def test_qet_optimal_angle_and_sign_from_numerical_maximisation():
    for h, k in [(1.5, 1.0), (1.0, 1.0), (0.3, 2.0), (4.0, 0.5)]:
        found = minimize_scalar(
            lambda phi: -m.qet_protocol(h, k, phi).bob_extracted,
            bounds=(-math.pi / 2, math.pi / 2),
            method="bounded",
            options={"xatol": 1e-9},
        )
        result = m.qet_minimal(h, k)
        assert found.x == pytest.approx(result.optimal_angle, abs=1e-5)
        assert -found.fun == pytest.approx(result.max_extracted_energy, rel=1e-7)
        # the other sign of φ adds energy instead of extracting it
        assert m.qet_protocol(h, k, -result.optimal_angle).bob_extracted < 0


@pytest.mark.parametrize("message", [True, False])
def test_qet_extraction_curve_matches_explicit_protocol(message):
    angles = np.linspace(-math.pi, math.pi, 37)
    closed = m.qet_extracted_energy(1.5, 1.0, angles, message=message)
    explicit = [m.qet_protocol(1.5, 1.0, phi, message=message).bob_extracted for phi in angles]
    assert np.allclose(closed, explicit, atol=1e-10)
    scalar = m.qet_extracted_energy(1.5, 1.0, 0.3, message=message)
    assert isinstance(scalar, float)
    assert scalar == pytest.approx(m.qet_protocol(1.5, 1.0, 0.3, message=message).bob_extracted, abs=1e-10)


@given(h=st.floats(0.05, 10.0), k=st.floats(0.0, 10.0), phi=st.floats(-math.pi, math.pi))
def test_qet_energy_books_balance(h, k, phi):
    for message in (True, False):
        ledger = m.qet_protocol(h, k, phi, message=message)
        tol = 1e-9 * (1 + h + k) ** 2
        # total = sum of the parts at every stage
        assert np.allclose(ledger.total, ledger.alice + ledger.bob + ledger.coupling, atol=tol)
        # Alice's measurement: energy injected = change of ⟨H⟩, all of it in H_A (X_A commutes with V, H_B)
        assert ledger.meter_supplied == pytest.approx(ledger.alice[1] - ledger.alice[0], abs=tol)
        assert ledger.bob[1] == pytest.approx(ledger.bob[0], abs=tol)
        assert ledger.coupling[1] == pytest.approx(ledger.coupling[0], abs=tol)
        # Bob's extraction = decrease of ⟨H⟩ after his rotation, taken from H_B + V (H_A untouched)
        assert ledger.alice[2] == pytest.approx(ledger.alice[1], abs=tol)
        assert ledger.bob_extracted == pytest.approx(
            -(ledger.bob[2] - ledger.bob[1]) - (ledger.coupling[2] - ledger.coupling[1]), abs=tol
        )
        # books: meter = Bob + what stays in the chain, and the chain can't go below its ground energy
        assert ledger.meter_supplied == pytest.approx(ledger.bob_extracted + ledger.left_in_chain, abs=tol)
        assert ledger.left_in_chain >= -tol
        assert ledger.bob_extracted <= ledger.meter_supplied + tol
        if not message:
            assert ledger.bob_extracted <= tol  # no message, no energy


@given(seed=st.integers(0, 2**32 - 1), h=st.floats(0.1, 5.0), k=st.floats(0.0, 5.0))
def test_without_the_message_no_unitary_of_bob_extracts_energy(seed, h, k):
    """No-signalling, stronger than the φ family: any unitary on B applied to both branches."""
    operators = m.qet_operators(h, k)
    rho0 = operators["ground"] * operators["ground"].dag()
    rho1 = sum(p * rho0 * p for p in (operators["P_plus"], operators["P_minus"]))
    unitary = qutip.tensor(qutip.qeye(2), qutip.rand_unitary(2, seed=int(seed % 2**31)))
    extracted = qutip.expect(operators["H"], rho1) - qutip.expect(operators["H"], unitary * rho1 * unitary.dag())
    assert extracted <= 1e-9 * (1 + h + k) ** 2
    # and Bob's reduced state is not changed by Alice's measurement
    assert np.allclose(rho1.ptrace(1).full(), rho0.ptrace(1).full(), atol=1e-10)


def test_qet_ledger_entries_in_order():
    run = m.qet_protocol(1.5, 1.0, 0.3)
    assert run.entries[0] == run.meter_supplied and run.entries[4] == run.bob_extracted
    assert run.entries[5] == run.left_in_chain
    assert run.entries[1] + run.entries[2] + run.entries[3] == pytest.approx(run.left_in_chain, abs=1e-12)


def test_energies_in_joules_and_runs_per_kwh():
    assert m.model_energy_j(1.0) == pytest.approx(3.313e-24, rel=1e-3)  # docs/PHYSICS.md §9: one 5 GHz quantum
    e_out = m.model_energy_j(m.qet_minimal(1.5, 1.0).max_extracted_energy)
    assert e_out == pytest.approx(0.142524 * 6.62607015e-34 * 5e9, rel=1e-5)
    assert m.runs_per_kwh(e_out) == pytest.approx(3.6e6 / e_out)
    assert np.allclose(m.model_energy_j(np.array([1.0, 2.0]), frequency_hz=1e9), [6.62607015e-25, 1.32521403e-24])


# --- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [m.zeno_transition_probability, m.zeno_survival_probability, m.zeno_simulation])
def test_zeno_bad_input(fn):
    with pytest.raises(ValueError, match="n_measurements"):
        fn(0)
    with pytest.raises(ValueError, match="n_measurements"):
        fn(-3)
    with pytest.raises(ValueError, match="n_measurements must be ≤"):
        fn(10**9)
    for bad in (2.5, "4", None, True, float("nan")):
        with pytest.raises(TypeError, match="n_measurements"):
            fn(bad)


def test_sampling_bad_input():
    with pytest.raises(TypeError, match="rng"):
        m.sample_zeno_runs(4, 10, rng=42)
    with pytest.raises(ValueError, match="n_runs × n_measurements"):
        m.sample_zeno_runs(1000, 100_000, rng=np.random.default_rng())
    with pytest.raises(ValueError, match="n_shots"):
        m.sample_outcomes(ops.ground(), ops.pauli_z(), 0, rng=np.random.default_rng())


def test_measurement_bad_input():
    h = ops.excited_projector()
    with pytest.raises(ValueError, match="state must have trace 1"):
        m.measurement_energy_change(np.diag([0.7, 0.7]), h, ops.pauli_x())
    with pytest.raises(ValueError, match="positive semidefinite"):
        m.measurement_energy_change(np.diag([1.5, -0.5]), h, ops.pauli_x())
    with pytest.raises(ValueError, match="normalised"):
        m.measurement_energy_change(np.array([1.0, 1.0]), h, ops.pauli_x())
    with pytest.raises(ValueError, match="state must have dimension 2"):
        m.measurement_energy_change(np.array([1.0, 0, 0]), h, ops.pauli_x())
    with pytest.raises(ValueError, match="hamiltonian must have"):
        m.measurement_energy_change(ops.ground(), np.eye(3), ops.pauli_x())
    with pytest.raises(ValueError, match="observable must be Hermitian"):
        m.measurement_energy_change(ops.ground(), h, np.array([[0, 1j], [1j, 0]]))
    with pytest.raises(ValueError, match="finite"):
        m.measurement_energy_change(ops.ground(), np.array([[np.nan, 0], [0, 1]]), ops.pauli_x())
    with pytest.raises(TypeError, match="observable"):
        m.measurement_energy_change(ops.ground(), h, None)
    with pytest.raises(ValueError, match="observable must be at most 256"):
        m.born_probabilities(ops.ground(), np.zeros((300, 300)))


def test_qet_bad_input():
    for bad_h in (0.0, -1.0, float("inf"), float("nan"), 1e7):
        with pytest.raises(ValueError, match="h must be"):
            m.qet_minimal(bad_h, 1.0)
    with pytest.raises(ValueError, match="k must be"):
        m.qet_minimal(1.0, -0.1)
    with pytest.raises(TypeError, match="h must be a real number"):
        m.qet_minimal("1.5", 1.0)
    with pytest.raises(ValueError, match="angle"):
        m.qet_protocol(1.5, 1.0, float("nan"))
    with pytest.raises(ValueError, match="angle"):
        m.qet_extracted_energy(1.5, 1.0, np.array([0.0, np.inf]))
    with pytest.raises(TypeError, match="message"):
        m.qet_protocol(1.5, 1.0, 0.1, message="yes")
    with pytest.raises(ValueError, match="energy_per_run_j"):
        m.runs_per_kwh(0.0)
    with pytest.raises(ValueError, match="measurement_rate_per_ps"):
        m.dephasing_for_measurement_rate(-1.0)


# --- frequent measurement freezes transport (the transport engine, docs/PHYSICS.md §3) --------------------


def _qutip_measured_model(hamiltonian_cm, rate, *, sink, trap, loss_per_ps):
    """Independent model built with qutip: sites + a sink level + a ground level. Projective site
    measurements at Poisson rate r are the Lindblad operators √r|k⟩⟨k| (not the engine's γ = r/2);
    trapping √κ|sink⟩⟨s|, loss √Γ|ground⟩⟨k|. Returns (Liouvillian, site kets, sink ket)."""
    n = hamiltonian_cm.shape[0]
    dim = n + 2
    site = [qutip.basis(dim, j) for j in range(n)]
    sink_level, ground_level = qutip.basis(dim, n), qutip.basis(dim, n + 1)
    cm_to_rad_per_ps = 2 * math.pi * 2.99792458e10 * 1e-12  # 2πc, c in cm/s, times in ps
    h = sum(hamiltonian_cm[i, j] * cm_to_rad_per_ps * site[i] * site[j].dag() for i in range(n) for j in range(n))
    h = h + 0 * sink_level * sink_level.dag()
    c_ops = [math.sqrt(trap) * sink_level * site[sink - 1].dag()]
    c_ops += [math.sqrt(loss_per_ps) * ground_level * s.dag() for s in site]
    c_ops += [math.sqrt(rate) * s * s.dag() for s in site] if rate > 0 else []
    return qutip.liouvillian(h, c_ops), site, sink_level


def _qutip_efficiency_by_integration(hamiltonian_cm, rate, *, initial, sink, trap, loss_per_ps, t_end):
    """Sink population at t_end from qutip's ODE solver (t_end ≫ 1/loss: the t → ∞ value to ~e^{-40})."""
    liouvillian, site, sink_level = _qutip_measured_model(hamiltonian_cm, rate, sink=sink, trap=trap, loss_per_ps=loss_per_ps)
    result = qutip.mesolve(
        liouvillian,
        site[initial - 1] * site[initial - 1].dag(),
        [0.0, t_end],
        e_ops=[sink_level * sink_level.dag()],
        options={"method": "bdf", "nsteps": 200000, "atol": 1e-10, "rtol": 1e-8},
    )
    return result.expect[0][-1]


def _qutip_efficiency_by_solve(hamiltonian_cm, rate, *, initial, sink, trap, loss_per_ps):
    """η = κ∫₀^∞ρ_ss dt from the qutip Liouvillian restricted to the site block (which nothing feeds
    back into), one dense solve L_sites X = −ρ₀. Column-stacked vec: ρ_ij ↔ index j·dim + i."""
    liouvillian, _, _ = _qutip_measured_model(hamiltonian_cm, rate, sink=sink, trap=trap, loss_per_ps=loss_per_ps)
    n = hamiltonian_cm.shape[0]
    dim = n + 2
    block = [j * dim + i for j in range(n) for i in range(n)]
    matrix = liouvillian.full()[np.ix_(block, block)]
    rho0 = np.zeros(n * n, complex)
    rho0[block.index((initial - 1) * dim + (initial - 1))] = 1.0
    integrated = np.linalg.solve(matrix, -rho0)
    return trap * integrated[block.index((sink - 1) * dim + (sink - 1))].real


def _test_chain():
    """Three sites, J = 20 cm⁻¹, all site energies different (no accidental symmetry)."""
    return transport.chain_hamiltonian(3, 20.0) + np.diag([0.0, 60.0, 10.0])


def test_measured_transport_reproduces_the_fmo_worked_value_without_measurement():
    # docs/PHYSICS.md §3 (computed, Plenio & Huelga NJP 10, 113019 (2008) model): trap 2 ps⁻¹ from site 3,
    # loss 1 ns⁻¹, no dephasing, t → ∞: η = 0.8226.
    eta = m.measured_transport_efficiency(transport.fmo_hamiltonian(), 0.0, sink_site=3, trap_rate_per_ps=2.0)
    assert eta == pytest.approx(0.8226, abs=5e-5)


def test_measured_transport_is_the_engine_with_half_the_rate_as_dephasing():
    fmo = transport.fmo_hamiltonian()
    for rate in (0.0, 7.0, 300.0):
        assert m.measured_transport_efficiency(fmo, rate, trap_rate_per_ps=2.0) == transport.transport_efficiency(
            fmo, trap_rate_per_ps=2.0, dephasing_per_ps=rate / 2
        )
    rates = np.array([0.0, 1.0, 50.0, 2e3])
    curve = m.measured_efficiency_curve(_test_chain(), rates, sink_site=3, time_ps=5.0)
    pointwise = [m.measured_transport_efficiency(_test_chain(), r, sink_site=3, time_ps=5.0) for r in rates]
    assert np.allclose(curve, pointwise, atol=1e-12)


def test_frequent_measurement_first_helps_then_freezes_fmo_transport():
    rates = [0.0, 10.0, 1e3, 1e4, 1e5, 1e6]
    eta = m.measured_efficiency_curve(transport.fmo_hamiltonian(), rates, sink_site=3, trap_rate_per_ps=2.0)
    assert eta[1] > eta[0]  # moderate dephasing assists (Plenio & Huelga 2008)
    assert eta[2] > eta[3] > eta[4] > eta[5]  # Zeno: the more often you look, the less it moves
    assert eta[5] < 0.1


@pytest.mark.parametrize("rate", [0.0, 3.0, 300.0])
def test_measured_transport_agrees_with_qutip_time_integration(rate):
    eta = m.measured_transport_efficiency(_test_chain(), rate, sink_site=3, trap_rate_per_ps=1.0, loss_rate_per_ns=100.0)
    reference = _qutip_efficiency_by_integration(_test_chain(), rate, initial=1, sink=3, trap=1.0, loss_per_ps=0.1, t_end=400.0)
    assert eta == pytest.approx(reference, abs=1e-5)


@pytest.mark.parametrize("rate", [0.0, 10.0, 1e3, 1e4])
def test_measured_fmo_transport_agrees_with_a_qutip_liouvillian_solve(rate):
    fmo = transport.fmo_hamiltonian()
    eta = m.measured_transport_efficiency(fmo, rate, initial_site=1, sink_site=3, trap_rate_per_ps=2.0, loss_rate_per_ns=1.0)
    reference = _qutip_efficiency_by_solve(fmo, rate, initial=1, sink=3, trap=2.0, loss_per_ps=1e-3)
    assert eta == pytest.approx(reference, abs=1e-5)


@pytest.mark.parametrize("rate", [1e5, 1e6])
def test_measured_transport_stays_accurate_deep_in_the_zeno_regime(rate):
    chain = m.three_site_chain_cm(20.0, 100.0)
    eta = m.measured_transport_efficiency(chain, rate, sink_site=3)
    reference = _qutip_efficiency_by_solve(chain, rate, initial=1, sink=3, trap=1.0, loss_per_ps=1e-3)
    assert eta == pytest.approx(reference, abs=1e-5, rel=1e-3)


@pytest.mark.parametrize("rate", [1e3, 1e4])
def test_zeno_limit_is_incoherent_hopping_at_rate_2J2r_over_r2_plus_gap2(rate):
    """For r ≫ J the coherences follow the populations adiabatically: site i → j hops classically at
    k_ij = 2J²Γ/(Γ² + Δ²), Γ the decay rate of ρ_ij (r plus the trap's and loss's share), Δ the gap."""
    chain = m.three_site_chain_cm(20.0, 100.0)
    kappa, loss = 1.0, 1e-3
    h = chain * (2 * math.pi * 2.99792458e10 * 1e-12)
    damping = np.full(3, loss / 2)
    damping[2] += kappa / 2
    rates = np.zeros((3, 3))
    for i, j in [(0, 1), (1, 2)]:
        width = rate + damping[i] + damping[j]
        rates[i, j] = rates[j, i] = 2 * h[i, j] ** 2 * width / (width**2 + (h[i, i] - h[j, j]) ** 2)
    generator = rates - np.diag(rates.sum(axis=0)) - np.diag(2 * damping)  # populations: hop, trap, lose
    integrated = np.linalg.solve(generator, -np.array([1.0, 0.0, 0.0]))
    classical = kappa * integrated[2]
    assert m.measured_transport_efficiency(chain, rate, sink_site=3) == pytest.approx(classical, rel=2e-3)


def test_three_site_chain_is_the_engine_chain_with_a_raised_middle_site():
    chain = m.three_site_chain_cm(35.0, 120.0)
    assert np.array_equal(chain, transport.chain_hamiltonian(3, 35.0) + np.diag([0.0, 120.0, 0.0]))


def test_measured_transport_bad_input():
    good = m.three_site_chain_cm()
    with pytest.raises(ValueError, match="measurement_rate_per_ps"):
        m.measured_transport_efficiency(good, -1.0)
    with pytest.raises(ValueError, match="measurement_rate_per_ps"):
        m.measured_transport_efficiency(good, float("inf"))
    with pytest.raises(TypeError, match="measurement_rate_per_ps"):
        m.measured_transport_efficiency(good, "fast")
    with pytest.raises(ValueError, match="sink_site"):
        m.measured_transport_efficiency(good, 1.0, sink_site=4)
    with pytest.raises(ValueError, match="initial_site"):
        m.measured_transport_efficiency(good, 1.0, initial_site=0)
    with pytest.raises(ValueError, match="trap_rate_per_ps"):
        m.measured_transport_efficiency(good, 1.0, trap_rate_per_ps=float("nan"))
    with pytest.raises(ValueError, match="symmetric"):
        m.measured_transport_efficiency(np.array([[0.0, 1.0], [2.0, 0.0]]), 1.0, sink_site=2)
    with pytest.raises(TypeError, match="dephasing_per_ps"):
        m.measured_transport_efficiency(good, 1.0, dephasing_per_ps=2.0)
    with pytest.raises(TypeError, match="dephasing_per_ps"):
        m.measured_efficiency_curve(good, [1.0], dephasing_per_ps=2.0)
    with pytest.raises(ValueError, match="measurement_rates_per_ps"):
        m.measured_efficiency_curve(good, [1.0, -2.0])
    with pytest.raises(ValueError, match="middle_offset_cm"):
        m.three_site_chain_cm(20.0, float("nan"))


# --- verdicts of lesson 07 are computed, not typed ------------------------------------------------------


def test_lesson07_verdicts_follow_from_the_computed_numbers():
    from qedn_lessons import claims
    from qedn_lessons.verdicts import lesson07 as v

    assert v.best_extraction_without_message() == 0.0  # explicit 4×4 protocol, scanned over φ
    assert v.bob_state_change_from_alice_measurement() < 1e-12
    zeno = v.zeno_chain_numbers()
    assert zeno["unwatched"] > 0.99 and zeno["watched"] < 0.1
    rows = {r.id: r for r in claims.ledger()}
    assert rows["measurement-redistribution"].verdict == "contradicted"
    assert rows["energy-teleportation"].verdict == "partly supported"
    assert f"{zeno['unwatched']:.3f}" in rows["measurement-redistribution"].evidence
