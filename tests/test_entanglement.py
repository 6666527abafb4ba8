"""Tests of qedn_lessons.entanglement against analytic results, published values and qutip.

References used for expected values:
- Wootters, PRL 80, 2245 (1998), doi:10.1103/PhysRevLett.80.2245 (concurrence).
- Vidal & Werner, PRA 65, 032314 (2002), doi:10.1103/PhysRevA.65.032314 (negativity, Bell state 1/2).
- R., P. & M. Horodecki, Phys. Lett. A 200, 340 (1995), doi:10.1016/0375-9601(95)00214-N (CHSH max).
- Werner, PRA 40, 4277 (1989), doi:10.1103/PhysRevA.40.4277 (Werner states).
- Yu & Eberly, PRL 93, 140404 (2004), doi:10.1103/PhysRevLett.93.140404 (sudden death), docs/PHYSICS.md §4.
"""

import math

import numpy as np
import pytest
import qutip
from hypothesis import given
from hypothesis import strategies as st

from qedn_lessons import entanglement as E
from qedn_lessons.operators import lowering

SQRT2 = math.sqrt(2.0)
seeds = st.integers(min_value=0, max_value=2**31 - 1)
angles = st.floats(min_value=-2 * math.pi, max_value=2 * math.pi, allow_nan=False)
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def rand_dm(seed: int) -> qutip.Qobj:
    return qutip.rand_dm([2, 2], seed=seed)


def rand_unitary(seed: int) -> np.ndarray:
    return qutip.rand_unitary(2, seed=seed).full()


# --- states and conventions -----------------------------------------------------------------------


def test_bell_states_are_orthonormal_and_match_definitions():
    kets = [E.bell_state(n).full().ravel() for n in E.BELL_NAMES]
    gram = np.array([[np.vdot(a, b) for b in kets] for a in kets])
    assert np.allclose(gram, np.eye(4))
    assert np.allclose(E.bell_state().full().ravel(), np.array([1, 0, 0, 1]) / SQRT2)
    assert np.allclose(E.bell_state("psi-").full().ravel(), np.array([0, 1, -1, 0]) / SQRT2)
    # qutip's own Bell states agree up to naming (qutip.bell_state("00") = Φ⁺, "11" = Ψ⁻)
    assert abs(qutip.bell_state("00").overlap(E.bell_state("phi+"))) == pytest.approx(1.0)
    assert abs(qutip.bell_state("11").overlap(E.bell_state("psi-"))) == pytest.approx(1.0)


def test_reduced_state_of_bell_pair_is_maximally_mixed_and_matches_qutip_ptrace():
    for n in E.BELL_NAMES:
        assert np.allclose(E.reduced_state(E.bell_state(n), keep="B"), np.eye(2) / 2)
    rho = rand_dm(7)
    assert np.allclose(E.reduced_state(rho, keep="A"), rho.ptrace(0).full())
    assert np.allclose(E.reduced_state(rho, keep="B"), rho.ptrace(1).full())


def test_local_energy_and_bloch_vector_conventions():
    ground_excited = E.product_state(0.0, math.pi)  # Alice |0⟩, Bob |1⟩
    assert E.local_energy(ground_excited, "A") == pytest.approx(0.0)
    assert E.local_energy(ground_excited, "B", level_spacing=2.5) == pytest.approx(2.5)
    assert np.allclose(E.bloch_vector(E.reduced_state(ground_excited, "A")), [0, 0, 1])  # ground at north pole
    assert np.allclose(E.bloch_vector(E.qubit_state(math.pi / 2, math.pi / 2)), [0, 1, 0])
    assert E.local_energy(E.bell_state(), "B") == pytest.approx(0.5)


def test_amplitude_damping_uses_the_course_lowering_operator():
    k0, k1 = E.amplitude_damping_kraus(0.3)
    assert np.allclose(k1, math.sqrt(0.3) * lowering().full())  # |0⟩⟨1|: decays towards ground
    out = E.apply_local(E.product_state(math.pi, math.pi), E.amplitude_damping_kraus(1.0), qubit="A")
    assert E.local_energy(out, "A") == pytest.approx(0.0)
    assert E.local_energy(out, "B") == pytest.approx(1.0)


# --- worked values (docs/PHYSICS.md §4) -----------------------------------------------------------------


@pytest.mark.parametrize("name", E.BELL_NAMES)
def test_bell_state_values(name):
    b = E.bell_state(name)
    assert E.concurrence(b) == pytest.approx(1.0)
    assert E.negativity(b) == pytest.approx(0.5)  # Vidal & Werner convention
    assert E.chsh_max(b) == pytest.approx(2 * SQRT2)  # Tsirelson bound reached


@pytest.mark.parametrize("p", [0.0, 0.1, 1 / 3, 0.4, 0.5, 0.7, 1 / SQRT2, 0.8, 0.95, 1.0])
def test_werner_concurrence_negativity_chsh(p):
    w = E.werner_state(p)
    assert E.concurrence(w) == pytest.approx(max(0.0, (3 * p - 1) / 2), abs=1e-9)
    assert E.negativity(w) == pytest.approx(max(0.0, (3 * p - 1) / 4), abs=1e-9)
    assert E.chsh_max(w) == pytest.approx(2 * SQRT2 * p, abs=1e-9)  # T = −p·I
    fidelity = float(np.real(qutip.expect(w, E.bell_state("psi-"))))
    assert fidelity == pytest.approx((1 + 3 * p) / 4)


def test_werner_thresholds_entangled_above_one_third_and_chsh_violating_above_inverse_sqrt2():
    eps = 1e-6
    assert E.concurrence(E.werner_state(1 / 3 - eps)) == 0.0
    assert E.concurrence(E.werner_state(1 / 3 + 1e-3)) > 0.0
    assert E.negativity(E.werner_state(1 / 3 + 1e-3)) > 0.0
    assert E.chsh_max(E.werner_state(1 / SQRT2 - 1e-3)) < 2.0 < E.chsh_max(E.werner_state(1 / SQRT2 + 1e-3))
    # entangled but no CHSH violation in between
    w = E.werner_state(0.5)
    assert E.concurrence(w) > 0 and E.chsh_max(w) < 2


def test_chsh_value_standard_settings_reach_the_horodecki_maximum():
    value = E.chsh_value(E.bell_state("phi+"), (0.0, math.pi / 2), (math.pi / 4, -math.pi / 4))
    assert value == pytest.approx(2 * SQRT2)
    # a product state never exceeds the local bound with the same settings
    assert abs(E.chsh_value(E.product_state(0.3, 1.2), (0.0, math.pi / 2), (math.pi / 4, -math.pi / 4))) <= 2 + 1e-12


def test_partly_entangled_state_concurrence_is_sin_2theta():
    for theta in np.linspace(0, math.pi / 2, 7):
        s = E.partly_entangled_state(theta)
        assert E.concurrence(s) == pytest.approx(abs(math.sin(2 * theta)), abs=1e-7)
        assert E.negativity(s) == pytest.approx(abs(math.sin(2 * theta)) / 2, abs=1e-7)
        assert np.allclose(E.bloch_vector(E.reduced_state(s, "B")), [0, 0, math.cos(2 * theta)])


def test_sudden_death_time_for_a_equal_one():
    assert E.sudden_death_time(1.0) == pytest.approx(0.534800, abs=5e-7)
    assert E.sudden_death_time(1.0) == pytest.approx(math.log((2 + SQRT2) / 2), rel=1e-12)
    assert E.sudden_death_concurrence(1.0, 0.534800 - 1e-3) > 0.0
    assert E.sudden_death_concurrence(1.0, 0.534800 + 1e-3) == 0.0
    # Yu & Eberly: finite-time death only for a > 1/3
    assert E.sudden_death_time(1 / 3) == math.inf and E.sudden_death_time(0.2) == math.inf
    assert math.isfinite(E.sudden_death_time(0.34))
    assert E.sudden_death_concurrence(0.2, 50.0) > 0.0


def _damp_both(rho: np.ndarray, gamma_t: float) -> np.ndarray:
    """Independent computation: qutip superoperators of the amplitude-damping Kraus maps on each qubit."""
    g = 1.0 - math.exp(-gamma_t)
    kraus = [qutip.Qobj(k) for k in E.amplitude_damping_kraus(g)]
    ops = [qutip.tensor(ka, kb) for ka in kraus for kb in kraus]
    superop = qutip.kraus_to_super(ops)
    state = qutip.Qobj(rho, dims=[[2, 2], [2, 2]])
    return qutip.vector_to_operator(superop * qutip.operator_to_vector(state)).full()


@pytest.mark.parametrize("a", [0.0, 0.2, 1 / 3, 0.5, 0.8, 1.0])
@pytest.mark.parametrize("gamma_t", [0.0, 0.1, 0.3, 0.5348, 0.8, 2.0])
def test_sudden_death_closed_form_matches_kraus_evolution_and_qutip_concurrence(a, gamma_t):
    damped = _damp_both(E.yu_eberly_state(a).full(), gamma_t)
    closed = E.sudden_death_concurrence(a, gamma_t)
    assert E.concurrence(damped) == pytest.approx(closed, abs=1e-8)
    assert qutip.concurrence(qutip.Qobj(damped, dims=[[2, 2], [2, 2]])) == pytest.approx(closed, abs=1e-7)


def test_sudden_death_terms_and_arrays():
    gt = np.linspace(0, 3, 31)
    c = E.sudden_death_concurrence(1.0, gt)
    coh, pop = E.sudden_death_terms(1.0, gt)
    assert isinstance(c, np.ndarray) and c.shape == gt.shape
    assert np.allclose(coh, (2 / 3) * np.exp(-gt)) and np.all(coh > 0)  # coherence never reaches zero
    assert np.allclose(c, np.maximum(0, coh - pop))
    assert E.sudden_death_concurrence(1.0, math.inf) == 0.0
    assert isinstance(E.sudden_death_concurrence(0.5, 0.1), float)


# --- cross-checks with qutip --------------------------------------------------------------------


@given(seeds)
def test_concurrence_matches_qutip(seed):
    rho = rand_dm(seed)
    assert E.concurrence(rho) == pytest.approx(qutip.concurrence(rho), abs=1e-7)


@given(seeds)
def test_negativity_matches_qutip_partial_transpose(seed):
    rho = rand_dm(seed)
    pt = qutip.partial_transpose(rho, [1, 0])
    assert np.allclose(E.partial_transpose(rho, "A"), pt.full())
    trace_norm = float(np.sum(np.abs(np.linalg.eigvalsh(pt.full()))))
    assert E.negativity(rho) == pytest.approx((trace_norm - 1) / 2, abs=1e-10)
    assert np.allclose(E.partial_transpose(rho, "B"), qutip.partial_transpose(rho, [0, 1]).full())


@given(seeds)
def test_chsh_max_is_maximum_over_settings_and_at_most_tsirelson(seed):
    rho = rand_dm(seed)
    best = E.chsh_max(rho)
    assert best <= 2 * SQRT2 + 1e-12
    # no x–z-plane setting beats the Horodecki maximum (a second, brute-force method)
    rng = np.random.default_rng(seed)
    for _ in range(20):
        a, b = rng.uniform(0, 2 * math.pi, 2), rng.uniform(0, 2 * math.pi, 2)
        assert abs(E.chsh_value(rho, a, b)) <= best + 1e-9


def test_chsh_max_brute_force_for_a_state_with_xz_correlations():
    # for |Φ⁺⟩ mixed with noise, T is diagonal; the x–z optimum equals the Horodecki formula
    rho = 0.8 * qutip.ket2dm(E.bell_state()) + 0.2 * qutip.qeye([2, 2]) / 4
    grid = np.linspace(0, 2 * math.pi, 73)
    best = max(E.chsh_value(rho, (0.0, math.pi / 2), (b, b - math.pi / 2)) for b in grid)
    assert best == pytest.approx(E.chsh_max(rho), rel=1e-3)


# --- property tests ----------------------------------------------------------------------------


@given(seeds)
def test_concurrence_and_negativity_in_range(seed):
    rho = rand_dm(seed)
    c, n = E.concurrence(rho), E.negativity(rho)
    assert 0.0 <= c <= 1.0 and 0.0 <= n <= 0.5
    assert (c > 1e-9) == (n > 1e-9)  # for two qubits both detect the same states (PPT criterion)


@given(angles, angles, angles, angles)
def test_product_states_have_no_entanglement(t1, t2, p1, p2):
    s = E.product_state(t1, t2, p1, p2)
    assert E.concurrence(s) == pytest.approx(0.0, abs=1e-7)
    assert E.negativity(s) == pytest.approx(0.0, abs=1e-9)
    assert E.chsh_max(s) <= 2.0 + 1e-9


@given(seeds, seeds, seeds)
def test_entanglement_invariant_under_local_unitaries(seed, ua, ub):
    rho = rand_dm(seed).full()
    u = np.kron(rand_unitary(ua), rand_unitary(ub))
    rotated = u @ rho @ u.conj().T
    assert E.concurrence(rotated) == pytest.approx(E.concurrence(rho), abs=1e-7)
    assert E.negativity(rotated) == pytest.approx(E.negativity(rho), abs=1e-9)
    assert E.chsh_max(rotated) == pytest.approx(E.chsh_max(rho), abs=1e-9)


def _alice_operations(draw_angle, axis, strength):
    return [
        E.rotation_kraus(draw_angle, axis),
        E.measurement_kraus(draw_angle, 2 * draw_angle),
        E.dephasing_kraus(strength),
        E.amplitude_damping_kraus(strength),
        E.depolarizing_kraus(strength),
    ]


@given(seeds, angles, st.lists(st.floats(-1, 1), min_size=3, max_size=3).filter(lambda v: np.linalg.norm(v) > 1e-3), unit)
def test_no_signalling_bob_state_and_energy_unchanged(seed, angle, axis, strength):
    rho = rand_dm(seed)
    before = E.reduced_state(rho, "B")
    energy = E.local_energy(rho, "B")
    for op in _alice_operations(angle, axis, strength) + [rand_unitary(seed)]:
        after = E.apply_local(rho, op, qubit="A")
        assert np.allclose(E.reduced_state(after, "B"), before, atol=1e-12)
        assert abs(E.local_energy(after, "B") - energy) < 1e-12


@given(seeds, angles, angles)
def test_measurement_outcomes_average_to_bobs_state(seed, theta, phi):
    rho = rand_dm(seed)
    plus, minus = E.measure_local(rho, theta, phi, qubit="A")
    assert plus.probability + minus.probability == pytest.approx(1.0)
    average = plus.probability * plus.partner_state + minus.probability * minus.partner_state
    assert np.allclose(average, E.reduced_state(rho, "B"), atol=1e-10)
    # the non-selective measurement (Kraus channel) gives the same average joint state
    mixed = plus.probability * plus.joint_state + minus.probability * minus.joint_state
    assert np.allclose(mixed, E.apply_local(rho, E.measurement_kraus(theta, phi)), atol=1e-10)


def test_bob_conditional_states_differ_for_a_bell_pair():
    plus, minus = E.measure_local(E.bell_state(), math.pi / 2, 0.0)  # Alice measures σx
    assert plus.probability == pytest.approx(0.5)
    assert np.allclose(E.bloch_vector(plus.partner_state), [1, 0, 0])
    assert np.allclose(E.bloch_vector(minus.partner_state), [-1, 0, 0])
    # measuring σz: conditional energies 0 and 1, average 1/2
    up, down = E.measure_local(E.bell_state(), 0.0)
    assert E.local_energy(np.kron(np.eye(2) / 2, up.partner_state)) == pytest.approx(0.0)
    assert E.local_energy(np.kron(np.eye(2) / 2, down.partner_state)) == pytest.approx(1.0)


def test_zero_probability_outcome_is_well_defined():
    plus, minus = E.measure_local(E.product_state(0.0, 0.0), 0.0)
    assert plus.probability == pytest.approx(1.0) and minus.probability == 0.0
    assert np.all(np.isfinite(minus.partner_state))


def test_local_channels_are_trace_preserving_and_act_as_documented():
    rho = E.product_state(math.pi / 2, 0.0)  # Alice |+⟩
    deph = E.apply_local(rho, E.dephasing_kraus(0.4))
    assert E.bloch_vector(E.reduced_state(deph, "A"))[0] == pytest.approx(0.6)
    depol = E.apply_local(rho, E.depolarizing_kraus(0.25))
    assert E.bloch_vector(E.reduced_state(depol, "A"))[0] == pytest.approx(0.75)
    rot = E.apply_local(rho, E.rotation_kraus(math.pi / 2, "y"))  # a quarter turn about y takes +x to −z
    assert np.allclose(E.bloch_vector(E.reduced_state(rot, "A")), [0, 0, -1], atol=1e-12)
    # rotation about z is qutip's own rz up to a phase
    assert abs(
        np.vdot(E.rotation_kraus(0.7, "z")[0].ravel(), (-1j * 0.35 * qutip.sigmaz()).expm().full().ravel())
    ) == pytest.approx(2.0)


def test_yu_eberly_state_matches_physics_reference():
    rho = E.yu_eberly_state(0.6).full()
    assert np.isclose(rho[3, 3], 0.2) and np.isclose(rho[0, 0], 0.4 / 3)
    assert np.isclose(rho[1, 2], 1 / 3)
    assert E.concurrence(rho) == pytest.approx(E.sudden_death_concurrence(0.6, 0.0))


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        np.eye(4),  # trace 4
        np.diag([1.5, -0.5, 0, 0]),  # negative eigenvalue
        np.array([[0.5, 0.3, 0, 0], [0.1, 0.5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]),  # not Hermitian
        np.eye(2) / 2,  # wrong dimension
        np.eye(8) / 8,
        np.full((4, 4), np.nan),
        np.array([1, 1, 0, 0]),  # unnormalised ket
    ],
)
@pytest.mark.parametrize("func", [E.concurrence, E.negativity, E.chsh_max, E.reduced_state, E.correlation_matrix])
def test_nonphysical_states_are_refused(func, bad):
    with pytest.raises(ValueError, match="rho"):
        func(bad)


@pytest.mark.parametrize("func", [E.concurrence, E.negativity, E.chsh_max])
@pytest.mark.parametrize("bad", [None, ..., "phi+", [[1, 2], [3]]])
def test_wrong_types_are_type_errors(func, bad):
    with pytest.raises(TypeError, match="rho"):
        func(bad)


@pytest.mark.parametrize("p", [-0.1, 1.1, math.nan, math.inf])
def test_werner_p_out_of_range(p):
    with pytest.raises(ValueError, match=r"p must be in \[0, 1\]"):
        E.werner_state(p)


def test_bad_arguments_name_the_parameter():
    with pytest.raises(TypeError, match="p must be a real number"):
        E.werner_state("0.5")
    with pytest.raises(ValueError, match="name must be one of"):
        E.bell_state("phi")
    with pytest.raises(ValueError, match="gamma_t must be ≥ 0"):
        E.sudden_death_concurrence(1.0, -0.1)
    with pytest.raises(ValueError, match="gamma_t must be ≥ 0"):
        E.sudden_death_concurrence(1.0, np.array([0.1, -1.0]))
    with pytest.raises(ValueError, match="gamma_t"):
        E.sudden_death_concurrence(1.0, math.nan)
    with pytest.raises(ValueError, match=r"a must be in \[0, 1\]"):
        E.sudden_death_concurrence(1.5, 0.1)
    with pytest.raises(ValueError, match="gamma must be in"):
        E.amplitude_damping_kraus(-0.2)
    with pytest.raises(ValueError, match="strength must be in"):
        E.dephasing_kraus(2.0)
    with pytest.raises(ValueError, match="keep must be one of"):
        E.reduced_state(E.bell_state(), keep="C")
    with pytest.raises(ValueError, match="level_spacing must be > 0"):
        E.local_energy(E.bell_state(), level_spacing=-1.0)
    with pytest.raises(ValueError, match="axis must be a non-zero"):
        E.rotation_kraus(1.0, [0, 0, 0])
    with pytest.raises(ValueError, match="theta_rad must be"):
        E.measure_local(E.bell_state(), math.inf)


def test_non_trace_preserving_operation_is_refused():
    with pytest.raises(ValueError, match="operation must be trace preserving"):
        E.apply_local(E.bell_state(), [np.array([[1, 0], [0, 0]])])
    with pytest.raises(ValueError, match=r"operation\[0\] must have shape \(2, 2\)"):
        E.apply_local(E.bell_state(), [np.eye(4)])
    with pytest.raises(TypeError, match="operation must be"):
        E.apply_local(E.bell_state(), "rotate")
    with pytest.raises(ValueError, match="at least one"):
        E.apply_local(E.bell_state(), [])


@pytest.mark.parametrize("gamma_t", [0.0, 0.3, 1.0, 5.0])
def test_damped_qubit_coherence_matches_kraus_map(gamma_t):
    plus = E.product_state(math.pi / 2, 0.0)
    damped = E.apply_local(plus, E.amplitude_damping_kraus(1 - math.exp(-gamma_t)), qubit="A")
    rho_a = E.reduced_state(damped, "A")
    assert 2 * abs(rho_a[0, 1]) == pytest.approx(E.damped_qubit_coherence(gamma_t))
    assert E.damped_qubit_coherence(gamma_t) > 0


@given(seeds, st.sampled_from(E.LOCAL_OPERATIONS), angles, angles, unit)
def test_no_signalling_for_every_local_operation_kind(seed, kind, theta, phi, amount):
    rho = rand_dm(seed)
    after = E.apply_local(rho, E.local_operation(kind, theta_rad=theta, phi_rad=phi, amount=amount))
    assert np.allclose(E.reduced_state(after, "B"), E.reduced_state(rho, "B"), atol=1e-12)
    assert np.trace(after).real == pytest.approx(1.0)


def test_local_operation_kinds():
    assert np.allclose(E.local_operation("rotation", theta_rad=0.0, amount=0.25)[0], E.rotation_kraus(math.pi / 2, "z")[0])
    assert np.allclose(E.local_operation("dephasing", amount=0.3)[1], E.dephasing_kraus(0.3)[1])
    with pytest.raises(ValueError, match="kind must be one of"):
        E.local_operation("teleport")
    with pytest.raises(ValueError, match="amount must be in"):
        E.local_operation("rotation", amount=1.5)


def test_max_partner_energy_change_is_rounding_level_and_detects_a_nonlocal_cheat(monkeypatch):
    states = [E.bell_state(n) for n in E.BELL_NAMES] + [E.werner_state(0.9), E.yu_eberly_state(1.0)]
    ops = E.operation_grid(6)
    assert len(ops) == 6 * 4 + 36 + 18
    assert E.max_partner_energy_change(states, ops) < 1e-14
    # a local π rotation of Alice leaves Bob's energy alone, for either choice of acting qubit ...
    flip = E.rotation_kraus(math.pi, "x")
    assert E.max_partner_energy_change([E.product_state(0.0, 0.0)], [flip], qubit="A") == 0.0
    assert E.max_partner_energy_change([E.product_state(0.0, 0.0)], [flip], qubit="B") == 0.0
    # ... while the same rotation applied to Bob's own qubit does change his energy
    flipped = E.apply_local(E.product_state(0.0, 0.0), flip, qubit="B")
    assert E.local_energy(flipped, "B") == pytest.approx(1.0)
    # the check can fail: in a world where Alice's operation leaked onto Bob's qubit (a "cheat"
    # apply_local), the function reports the full quantum of energy Bob gains
    honest = E.apply_local
    monkeypatch.setattr(E, "apply_local", lambda rho, op, qubit="A": honest(rho, op, qubit="B" if qubit == "A" else "A"))
    assert E.max_partner_energy_change([E.product_state(0.0, 0.0)], [flip]) == pytest.approx(1.0)
    assert E.max_partner_energy_change(states, ops) > 0.4
    with pytest.raises(ValueError, match="n_angles must be"):
        E.operation_grid(0)
    with pytest.raises(ValueError, match="at least one"):
        E.max_partner_energy_change([], ops)


def test_lesson04_verdict_numbers():
    from qedn_lessons.verdicts import lesson04

    # |Ψ⁺⟩ under independent amplitude damping: C(t) = e^{−t/T1} (analytic, X-state formula)
    for t in (0.0, 0.1, 1.0):
        assert lesson04.bell_pair_concurrence_after(t, 0.3) == pytest.approx(math.exp(-t / 0.3), abs=1e-9)
    verdict = lesson04.entangled_nodes()
    assert verdict.word == "contradicted"
    assert "less than 1e-15" in verdict.evidence and "160 µs" in verdict.evidence


def test_lesson04_verdict_is_computed_not_asserted(monkeypatch):
    """If the no-signalling computation ever found energy moving, no verdict would be drawn."""
    from qedn_lessons.verdicts import lesson04

    monkeypatch.setattr(lesson04.ent, "max_partner_energy_change", lambda *args, **kwargs: 0.5)
    with pytest.raises(RuntimeError, match="no-signalling check failed"):
        lesson04.entangled_nodes()


def test_chsh_exercise_tells_apart_the_two_common_mistakes():
    from qedn_lessons.exercises.core import evaluate

    squared = evaluate("04.chsh_werner", lambda p: 4 * p * p).message
    one_eigenvalue = evaluate("04.chsh_werner", lambda p: 2 * p).message
    assert "with a square root" in squared and "only the largest eigenvalue" not in squared
    assert "only the largest eigenvalue" in one_eigenvalue and "with a square root" not in one_eigenvalue
    assert evaluate("04.chsh_werner", lambda p: 2 * math.sqrt(2) * p).passed


def test_no_signalling_explorer_shows_unchanged_bob_and_conditional_states_only_with_message():
    from qedn_lessons.widgets.entanglement import NoSignallingExplorer, SuddenDeathExplorer

    ex = NoSignallingExplorer(state="Bell |Φ⁺⟩", operation="measurement", theta_deg=0.0, message=False)
    assert "change 0 (below 1e-12)" in ex.alt_text
    assert not ex.disc_lines[2].get_visible() and not ex.bars[3].get_visible()
    ex.controls["message"].value = True
    assert ex.disc_lines[2].get_visible() and ex.disc_lines[3].get_visible()
    assert ex.bars[2].get_height() == pytest.approx(0.0) and ex.bars[3].get_height() == pytest.approx(1.0)
    assert ex.bars[1].get_height() == pytest.approx(ex.bars[0].get_height())
    for op in E.LOCAL_OPERATIONS:
        ex.controls["operation"].value = op
        assert "change 0 (below 1e-12)" in ex.alt_text
    sd = SuddenDeathExplorer(a=1.0, t1_us=100.0)
    assert "53.5 µs" in sd.alt_text and sd.artists["death"].get_visible()
    sd.controls["a"].value = 0.2
    assert "asymptotically" in sd.alt_text and not sd.artists["death"].get_visible()
