"""Lesson 05 physics: fibre loss, PLOB bound, entanglement swapping, BBPSSW and DEJMPS purification.

Worked values from docs/PHYSICS.md §5; independent checks simulate the protocols on density
matrices (qutip for swapping, numpy for the DEJMPS circuit).
"""

import itertools
import math

import numpy as np
import pytest
import qutip
from hypothesis import given
from hypothesis import strategies as st

from qedn_lessons import networks
from qedn_lessons.networks import (
    BELL_ORDER,
    bbpssw_rounds,
    dejmps_rounds,
    dejmps_step,
    fiber_transmissivity,
    plob_bound,
    swap_fidelity,
    werner_bell_weights,
)

# ----------------------------------------------------------------------------------------------
# Bell states and helpers (computational basis; |Φ±⟩ = (|00⟩ ± |11⟩)/√2, |Ψ±⟩ = (|01⟩ ± |10⟩)/√2)

S = 1 / math.sqrt(2)
BELL = {
    "phi+": np.array([S, 0, 0, S], dtype=complex),
    "phi-": np.array([S, 0, 0, -S], dtype=complex),
    "psi+": np.array([0, S, S, 0], dtype=complex),
    "psi-": np.array([0, S, -S, 0], dtype=complex),
}
I2 = np.eye(2, dtype=complex)
X = np.array([[0, 1], [1, 0]], dtype=complex)
Y = np.array([[0, -1j], [1j, 0]], dtype=complex)
Z = np.diag([1.0, -1.0]).astype(complex)


def werner(fidelity, target="psi-"):
    """F on the target Bell state, (1−F)/3 on each of the others (p|β⟩⟨β| + (1−p)I/4, p = (4F−1)/3)."""
    p = (4 * fidelity - 1) / 3
    v = BELL[target]
    return p * np.outer(v, v.conj()) + (1 - p) * np.eye(4) / 4


def bell_diagonal(weights):
    return sum(w * np.outer(BELL[name], BELL[name].conj()) for w, name in zip(weights, BELL_ORDER))


def kron(*ops):
    out = np.eye(1, dtype=complex)
    for op in ops:
        out = np.kron(out, op)
    return out


# ----------------------------------------------------------------------------------------------
# Fibre and PLOB (Pirandola et al., Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043)


def test_fiber_1000_km_is_1e_minus_20():
    # docs/PHYSICS.md §5: 0.2 dB/km × 1000 km = 200 dB → η = 1e-20.
    assert fiber_transmissivity(1000.0) == pytest.approx(1e-20, rel=1e-12)
    assert fiber_transmissivity(1000.0, 0.2) == pytest.approx(10 ** (-200 / 10), rel=1e-12)
    assert fiber_transmissivity(0.0) == 1.0
    assert fiber_transmissivity(50.0, 0.0) == 1.0
    assert fiber_transmissivity(50.0) == pytest.approx(0.1, rel=1e-12)  # 10 dB


def test_plob_exact_for_tiny_eta_where_naive_formula_gives_zero():
    # Pirandola et al. (2017): −log2(1−η) ≈ η/ln 2 for small η. The naive form rounds 1 − 1e-20 to 1.
    eta = fiber_transmissivity(1000.0)
    assert -math.log2(1 - eta) == 0.0  # the pitfall this function avoids
    assert plob_bound(eta) == pytest.approx(1.4427e-20, rel=1e-4)
    assert plob_bound(eta) == pytest.approx(eta / math.log(2), rel=1e-12)
    assert plob_bound(1e-300) > 0.0


def test_plob_ordinary_values():
    assert plob_bound(0.0) == 0.0
    assert plob_bound(0.5) == pytest.approx(1.0, rel=1e-15)
    assert plob_bound(0.75) == pytest.approx(2.0, rel=1e-15)
    assert plob_bound(1.0) == math.inf


@given(
    st.floats(0.0, 1000.0),
    st.floats(0.0, 1000.0),
    st.floats(0.01, 1.0),
)
def test_transmissivity_in_unit_interval_and_decreasing(l1, l2, alpha):
    e1, e2 = fiber_transmissivity(l1, alpha), fiber_transmissivity(l2, alpha)
    assert 0.0 < e1 <= 1.0 and 0.0 < e2 <= 1.0
    short, long_ = (e1, e2) if l1 <= l2 else (e2, e1)
    assert short >= long_
    if abs(l1 - l2) * alpha > 1e-6:
        assert short > long_


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_plob_nonnegative_and_increasing(e1, e2):
    b1, b2 = plob_bound(e1), plob_bound(e2)
    assert b1 >= 0.0 and b2 >= 0.0
    if e1 < e2:
        assert b1 < b2
    # never below the naive (cancelling) value and never below η/ln2 (−ln(1−η) ≥ η)
    assert b1 >= e1 / math.log(2) * (1 - 1e-12)


# ----------------------------------------------------------------------------------------------
# Entanglement swapping (Żukowski et al., PRL 71, 4287 (1993); Briegel et al., PRL 81, 5932 (1998))


def test_swap_worked_value():
    # docs/PHYSICS.md §5: F1 = F2 = 0.8 → 1/4 + 2.2²/12 = 0.653333.
    assert swap_fidelity(0.8, 0.8) == pytest.approx(0.25 + 2.2 * 2.2 / 12, rel=1e-14)
    assert swap_fidelity(0.8, 0.8) == pytest.approx(0.653333, abs=5e-7)
    assert swap_fidelity(1.0, 1.0) == pytest.approx(1.0)
    assert swap_fidelity(1.0, 0.7) == pytest.approx(0.7)
    assert swap_fidelity(0.25, 0.9) == pytest.approx(0.25)


def _simulate_swap(f1, f2):
    """Two Werner pairs (A,B1), (B2,C) with target |Ψ−⟩; Bell measurement on B1,B2; Pauli correction
    on C chosen for perfect links; returns the outcome-averaged fidelity of (A,C) with |Ψ−⟩."""
    dims = [[2, 2], [2, 2]]
    rho = qutip.tensor(qutip.Qobj(werner(f1), dims=dims), qutip.Qobj(werner(f2), dims=dims))
    ideal = qutip.tensor(qutip.Qobj(werner(1.0), dims=dims), qutip.Qobj(werner(1.0), dims=dims))
    target = qutip.Qobj(BELL["psi-"].reshape(4, 1), dims=[[2, 2], [1, 1]])
    paulis = [qutip.Qobj(m) for m in (I2, X, Y, Z)]
    total, total_prob = 0.0, 0.0
    for _name, vec in BELL.items():
        beta = qutip.Qobj(vec.reshape(4, 1), dims=[[2, 2], [1, 1]])
        proj = qutip.tensor(qutip.qeye(2), beta * beta.dag(), qutip.qeye(2))
        sigma = (proj * rho * proj).ptrace([0, 3])  # unnormalised state of (A, C)
        sigma_ideal = (proj * ideal * proj).ptrace([0, 3])
        prob = sigma.tr().real
        # correction: the Pauli on C that makes the perfect-link outcome exactly |Ψ−⟩
        fids = []
        for u in paulis:
            uu = qutip.tensor(qutip.qeye(2), u)
            fids.append(qutip.expect(uu * sigma_ideal * uu.dag(), target) / sigma_ideal.tr().real)
        best = int(np.argmax(fids))
        assert fids[best] == pytest.approx(1.0, abs=1e-12)
        uu = qutip.tensor(qutip.qeye(2), paulis[best])
        total += qutip.expect(uu * sigma * uu.dag(), target)  # prob × conditional fidelity
        total_prob += prob
    assert total_prob == pytest.approx(1.0, abs=1e-12)
    return float(np.real(total))


@pytest.mark.parametrize("f1,f2", [(0.8, 0.8), (0.95, 0.6), (1.0, 0.3), (0.1, 0.7), (0.0, 0.0), (0.5, 0.5)])
def test_swap_matches_density_matrix_simulation(f1, f2):
    assert swap_fidelity(f1, f2) == pytest.approx(_simulate_swap(f1, f2), abs=1e-12)


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_swap_properties(f1, f2):
    f = swap_fidelity(f1, f2)
    assert 0.0 <= f <= 1.0
    assert f == pytest.approx(swap_fidelity(f2, f1), abs=1e-15)
    if f1 >= 0.25 and f2 >= 0.25:  # swapping never improves a link
        assert f <= min(f1, f2) + 1e-12


# ----------------------------------------------------------------------------------------------
# BBPSSW (Bennett et al., PRL 76, 722 (1996), doi:10.1103/PhysRevLett.76.722)


def test_bbpssw_worked_value():
    # docs/PHYSICS.md §5: F = 0.8 → F' = 0.838150, p = 0.768889.
    [(f, p)] = bbpssw_rounds(0.8, 1)
    assert f == pytest.approx(0.838150, abs=5e-7)
    assert p == pytest.approx(0.768889, abs=5e-7)
    q = 0.2 / 3
    assert p == pytest.approx(0.64 + 2 * 0.8 * q + 5 * q * q, rel=1e-14)


def test_bbpssw_fixed_points_and_rounds():
    for fixed in (0.25, 0.5, 1.0):
        for f, _ in bbpssw_rounds(fixed, 5):
            assert f == pytest.approx(fixed, abs=1e-14)
    assert bbpssw_rounds(0.8, 0) == []
    history = bbpssw_rounds(0.8, 3)
    assert len(history) == 3
    assert history[1][0] == pytest.approx(bbpssw_rounds(history[0][0], 1)[0][0], rel=1e-15)
    assert all(isinstance(f, float) and isinstance(p, float) for f, p in history)


@given(st.floats(0.5 + 1e-6, 1.0 - 1e-6))
def test_bbpssw_improves_fidelity_above_one_half(f):
    [(f1, p)] = bbpssw_rounds(f, 1)
    assert f1 > f
    assert 0.5 <= p <= 1.0


@given(st.floats(0.0, 1.0), st.integers(0, 8))
def test_purification_outputs_are_probabilities(f, rounds):
    for protocol in (bbpssw_rounds, dejmps_rounds):
        history = protocol(f, rounds)
        assert len(history) == rounds
        for fid, p in history:
            assert 0.0 <= fid <= 1.0
            assert 0.0 <= p <= 1.0


# ----------------------------------------------------------------------------------------------
# DEJMPS (Deutsch et al., PRL 77, 2818 (1996), doi:10.1103/PhysRevLett.77.2818)


def _rx(theta):
    return math.cos(theta / 2) * I2 - 1j * math.sin(theta / 2) * X


def _cnot():
    return np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=complex)


def _dejmps_circuit(rho_pair):
    """One DEJMPS round on two copies of a two-qubit state, simulated on a 16×16 density matrix.

    Qubit order (A1, B1, A2, B2): pair 1 = (A1, B1) is kept, pair 2 = (A2, B2) is measured. Alice
    rotates A1, A2 by Rx(π/2), Bob rotates B1, B2 by Rx(−π/2); CNOT A1→A2 and B1→B2; measure A2, B2 in
    the computational basis; keep pair 1 when the outcomes agree. Returns (kept state, probability).
    """
    rho = np.kron(rho_pair, rho_pair)  # (A1, B1) ⊗ (A2, B2)
    rot = kron(_rx(math.pi / 2), _rx(-math.pi / 2), _rx(math.pi / 2), _rx(-math.pi / 2))
    # CNOT A1→A2 on order (A1, A2, B1, B2) then permute to (A1, B1, A2, B2)
    perm = np.zeros((16, 16))
    for a1, b1, a2, b2 in itertools.product((0, 1), repeat=4):
        perm[a1 * 8 + b1 * 4 + a2 * 2 + b2, a1 * 8 + a2 * 4 + b1 * 2 + b2] = 1
    bilateral = perm @ np.kron(_cnot(), _cnot()) @ perm.T
    u = bilateral @ rot
    rho = u @ rho @ u.conj().T
    kept = np.zeros((4, 4), dtype=complex)
    r = rho.reshape(2, 2, 2, 2, 2, 2, 2, 2)  # row A1 B1 A2 B2, column A1 B1 A2 B2
    for m in (0, 1):  # coincidences: A2 = B2 = m
        kept += r[:, :, m, m, :, :, m, m].reshape(4, 4)
    prob = float(np.trace(kept).real)
    return kept / prob, prob


def _bell_weights(rho):
    return np.array([np.real(BELL[n].conj() @ rho @ BELL[n]) for n in BELL_ORDER])


def _bell_offdiagonal(rho):
    basis = np.array([BELL[n] for n in BELL_ORDER]).T
    in_bell = basis.conj().T @ rho @ basis
    return float(np.max(np.abs(in_bell - np.diag(np.diag(in_bell)))))


def test_werner_weights_mapping():
    """The course's Werner state has |Ψ−⟩ as its large component; σy on Bob maps it onto |Φ+⟩, the
    DEJMPS target, leaving (1−F)/3 on each of |Ψ−⟩, |Ψ+⟩, |Φ−⟩."""
    f = 0.73
    rho = werner(f, "psi-")
    u = kron(I2, Y)
    rotated = u @ rho @ u.conj().T
    assert _bell_weights(rotated) == pytest.approx(werner_bell_weights(f), abs=1e-14)
    assert werner_bell_weights(f) == pytest.approx([f, 0.09, 0.09, 0.09], abs=1e-14)
    assert _bell_offdiagonal(rotated) < 1e-14


@pytest.mark.parametrize("f", [0.8, 0.6, 0.95, 0.51, 0.3])
def test_dejmps_one_and_two_rounds_match_circuit_from_werner_state(f):
    u = kron(I2, Y)
    rho = u @ werner(f, "psi-") @ u.conj().T  # target now |Φ+⟩
    history = dejmps_rounds(f, 2)
    for fid, p in history:
        rho, prob = _dejmps_circuit(rho)
        assert fid == pytest.approx(np.real(BELL["phi+"].conj() @ rho @ BELL["phi+"]), abs=1e-10)
        assert p == pytest.approx(prob, abs=1e-10)
        assert _bell_offdiagonal(rho) < 1e-12  # stays Bell-diagonal


def test_dejmps_first_round_equals_bbpssw_worked_value():
    # For a Werner input one DEJMPS round gives the BBPSSW numbers (docs/PHYSICS.md §5).
    [(f, p)] = dejmps_rounds(0.8, 1)
    assert f == pytest.approx(0.838150, abs=5e-7)
    assert p == pytest.approx(0.768889, abs=5e-7)
    # later rounds differ: DEJMPS converges faster than BBPSSW
    assert dejmps_rounds(0.8, 3)[-1][0] > bbpssw_rounds(0.8, 3)[-1][0]


def test_dejmps_swapped_mapping_would_fail():
    """Guard against the common slip of putting the weights in the wrong Bell order: the circuit
    singles out |Ψ−⟩ as B (A' = (A² + B²)/N), so a state with weight on |Φ−⟩ instead differs."""
    w = np.array([0.7, 0.2, 0.06, 0.04])
    new, p = dejmps_step(w)
    kept, prob = _dejmps_circuit(bell_diagonal(w))
    assert new == pytest.approx(_bell_weights(kept), abs=1e-10)
    wrong, _ = dejmps_step(w[[0, 3, 2, 1]])  # Ψ− and Φ− exchanged
    assert abs(wrong[0] - new[0]) > 1e-3


@given(st.lists(st.floats(0.0, 1.0), min_size=4, max_size=4).filter(lambda v: sum(v) > 1e-3))
def test_dejmps_step_matches_circuit_on_random_bell_diagonal_states(raw):
    w = np.array(raw) / sum(raw)
    new, p = dejmps_step(w)
    kept, prob = _dejmps_circuit(bell_diagonal(w))
    assert p == pytest.approx(prob, abs=1e-10)
    assert new == pytest.approx(_bell_weights(kept), abs=1e-10)
    assert 0.5 - 1e-12 <= p <= 1.0
    assert new.sum() == pytest.approx(1.0, abs=1e-12)


def test_dejmps_converges_towards_one():
    assert dejmps_rounds(0.7, 10)[-1][0] > 0.999


# ----------------------------------------------------------------------------------------------
# Argument checks: parameter, value and allowed range in the message


@pytest.mark.parametrize(
    "call,match",
    [
        (lambda: fiber_transmissivity(-1.0), r"length_km must be ≥ 0 and finite, got -1.0"),
        (lambda: fiber_transmissivity(math.nan), r"length_km"),
        (lambda: fiber_transmissivity(math.inf), r"length_km"),
        (lambda: fiber_transmissivity(10.0, -0.2), r"attenuation_db_per_km must be ≥ 0"),
        (lambda: plob_bound(1.5), r"eta must be in \[0, 1\] and finite, got 1.5"),
        (lambda: plob_bound(-1e-3), r"eta"),
        (lambda: plob_bound(math.nan), r"eta"),
        (lambda: swap_fidelity(1.2, 0.5), r"f1 must be in \[0, 1\]"),
        (lambda: swap_fidelity(0.5, -0.1), r"f2 must be in \[0, 1\]"),
        (lambda: bbpssw_rounds(1.01, 1), r"fidelity must be in \[0, 1\]"),
        (lambda: dejmps_rounds(math.nan, 1), r"fidelity"),
        (lambda: bbpssw_rounds(0.8, -1), r"rounds must be an integer in \[0, 64\], got -1"),
        (lambda: dejmps_rounds(0.8, 10_000), r"rounds must be an integer in \[0, 64\]"),
        (lambda: dejmps_step([0.5, 0.5, 0.5]), r"weights must have shape \(4,\)"),
        (lambda: dejmps_step([0.5, 0.5, 0.5, 0.5]), r"weights must sum to 1"),
        (lambda: dejmps_step([1.2, -0.2, 0, 0]), r"weights must each be ≥ 0"),
        (lambda: dejmps_step([1.0, np.nan, 0, 0]), r"weights must contain only finite"),
    ],
)
def test_bad_values_are_value_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call,match",
    [
        (lambda: fiber_transmissivity("10"), "length_km must be a real number"),
        (lambda: plob_bound(None), "eta must be a real number"),
        (lambda: bbpssw_rounds(0.8, 2.0), "rounds must be a whole number"),
        (lambda: dejmps_rounds(0.8, 1.5), "rounds must be a whole number"),
        (lambda: swap_fidelity(True, 0.5), "f1 must be a real number"),
    ],
)
def test_wrong_types_are_type_errors(call, match):
    with pytest.raises(TypeError, match=match):
        call()


def test_public_names():
    for name in ("fiber_transmissivity", "plob_bound", "swap_fidelity", "bbpssw_rounds", "dejmps_rounds"):
        assert callable(getattr(networks, name))
        assert "References" in getattr(networks, name).__doc__


@pytest.mark.parametrize("p", [0.0, 0.4, 0.7333, 1.0])
def test_course_werner_state_maps_onto_dejmps_weights(p):
    # The course's entanglement.werner_state (p|Ψ−⟩⟨Ψ−| + (1−p)I/4, F = (1+3p)/4), turned by σy on Bob,
    # is Bell-diagonal with the weights werner_bell_weights(F) in BELL_ORDER, and its first DEJMPS
    # round by the circuit reproduces dejmps_rounds(F, 1).
    from qedn_lessons import entanglement

    f = (1 + 3 * p) / 4
    u = kron(I2, Y)
    rho = u @ entanglement.werner_state(p).full() @ u.conj().T
    assert _bell_weights(rho) == pytest.approx(werner_bell_weights(f), abs=1e-14)
    kept, prob = _dejmps_circuit(rho)
    [(fid, success)] = dejmps_rounds(f, 1)
    assert fid == pytest.approx(_bell_weights(kept)[0], abs=1e-10)
    assert success == pytest.approx(prob, abs=1e-10)
