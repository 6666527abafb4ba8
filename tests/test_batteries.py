"""Lesson 06 physics: ergotropy and passive states.

Source: Allahverdyan, Balian & Nieuwenhuizen, EPL 67, 565 (2004), doi:10.1209/epl/i2004-10101-2
(W = Tr(ρH) − Σ r_k↓ ε_k↑); worked values from docs/PHYSICS.md §6.
"""

import math

import numpy as np
import pytest
import qutip
import scipy.linalg
from hypothesis import given
from hypothesis import strategies as st

from qedn_lessons import operators
from qedn_lessons.batteries import ergotropy, passive_state

seeds = st.integers(0, 2**32 - 1)
dims = st.integers(2, 5)


def random_state(rng, d, rank=None):
    rank = d if rank is None else rank
    g = rng.normal(size=(d, rank)) + 1j * rng.normal(size=(d, rank))
    rho = g @ g.conj().T
    return rho / np.trace(rho).real


def random_hamiltonian(rng, d, degenerate=False):
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    h = (a + a.conj().T) / 2
    if degenerate:  # repeat an eigenvalue
        e, v = np.linalg.eigh(h)
        e[1] = e[0]
        h = (v * e) @ v.conj().T
    return h


def random_unitary(rng, d):
    return scipy.linalg.expm(-1j * random_hamiltonian(rng, d))


def bloch(rho):
    """(x, y, z) with ρ = (I + xσx + yσy + zσz)/2 and σz = |0⟩⟨0| − |1⟩⟨1| (ground state z = +1)."""
    return np.array([np.trace(rho @ p.full()).real for p in (operators.pauli_x(), operators.pauli_y(), operators.pauli_z())])


# ----------------------------------------------------------------------------------------------
# Worked values (docs/PHYSICS.md §6)


@pytest.mark.parametrize("omega", [1.0, 2.5, 1e-3])
def test_plus_state_has_half_omega(omega):
    # |+⟩ of H = ω|1⟩⟨1|: ⟨H⟩ = ω/2 and the passive state is |0⟩ (energy 0), so W = ω/2.
    h = omega * operators.excited_projector()
    assert ergotropy(operators.plus(), h) == pytest.approx(omega / 2, rel=1e-12)
    assert ergotropy(qutip.ket2dm(operators.plus()), h) == pytest.approx(omega / 2, rel=1e-12)
    assert passive_state(operators.plus(), h) == pytest.approx(np.diag([1.0, 0.0]), abs=1e-12)


def test_ground_and_excited_states():
    h = 3.0 * operators.excited_projector()
    assert ergotropy(operators.ground(), h) == 0.0
    assert ergotropy(operators.excited(), h) == pytest.approx(3.0, rel=1e-12)  # full inversion: all of ω


@pytest.mark.parametrize("beta", [0.1, 1.0, 10.0])
def test_thermal_states_have_zero_ergotropy(beta):
    rng = np.random.default_rng(7)
    h = random_hamiltonian(rng, 4)
    rho = scipy.linalg.expm(-beta * h)
    rho /= np.trace(rho).real
    assert ergotropy(rho, h) == pytest.approx(0.0, abs=1e-12)
    # qutip's own thermal state of a qubit (n̄ = 0.3) in the course convention, H = ω|1⟩⟨1|
    assert ergotropy(qutip.thermal_dm(2, 0.3), operators.excited_projector()) == pytest.approx(0.0, abs=1e-14)


def test_passive_diagonal_state_has_zero_ergotropy_and_inverted_one_does_not():
    h = np.diag([0.0, 1.0, 2.5])
    assert ergotropy(np.diag([0.6, 0.3, 0.1]), h) == pytest.approx(0.0, abs=1e-15)
    # inverted populations: W = (0.1·0 + 0.3·1 + 0.6·2.5) − (0.6·0 + 0.3·1 + 0.1·2.5) = 1.25
    assert ergotropy(np.diag([0.1, 0.3, 0.6]), h) == pytest.approx(1.25, rel=1e-12)


@given(seeds, st.floats(0.1, 10.0), st.floats(0.0, 1.0))
def test_qubit_formula_omega_r_minus_z_over_two(seed, omega, radius):
    # docs/PHYSICS.md §6: W = ω(r − z)/2 for H = ω|1⟩⟨1|, with r the Bloch-vector length and z its
    # component along σz = |0⟩⟨0| − |1⟩⟨1| (z = +1 on the ground state). Random states in the ball.
    rng = np.random.default_rng(seed)
    direction = rng.normal(size=3)
    x, y, z = radius * direction / np.linalg.norm(direction)
    rho = 0.5 * (np.eye(2) + x * qutip.sigmax().full() + y * qutip.sigmay().full() + z * qutip.sigmaz().full())
    assert bloch(rho) == pytest.approx([x, y, z], abs=1e-12)
    r = math.sqrt(x * x + y * y + z * z)
    assert ergotropy(rho, omega * operators.excited_projector()) == pytest.approx(omega * (r - z) / 2, abs=1e-12)


# ----------------------------------------------------------------------------------------------
# Properties on random states and Hamiltonians


@given(seeds, dims, st.booleans())
def test_bounds_and_pure_states(seed, d, degenerate):
    rng = np.random.default_rng(seed)
    h = random_hamiltonian(rng, d, degenerate)
    rho = random_state(rng, d)
    energy = np.trace(rho @ h).real
    e_min = np.linalg.eigvalsh(h)[0]
    w = ergotropy(rho, h)
    assert isinstance(w, float)
    assert -1e-12 <= w <= energy - e_min + 1e-12
    pure = random_state(rng, d, rank=1)
    assert ergotropy(pure, h) == pytest.approx(np.trace(pure @ h).real - e_min, abs=1e-10)


@given(seeds, dims, st.booleans())
def test_passive_state_properties(seed, d, degenerate):
    rng = np.random.default_rng(seed)
    h = random_hamiltonian(rng, d, degenerate)
    rho = random_state(rng, d, rank=int(rng.integers(1, d + 1)))
    sigma = passive_state(rho, h)
    assert isinstance(sigma, np.ndarray) and sigma.shape == (d, d)
    # same spectrum
    assert np.sort(np.linalg.eigvalsh(sigma)) == pytest.approx(np.sort(np.linalg.eigvalsh(rho)), abs=1e-12)
    # commutes with H; for a non-degenerate H: diagonal in the energy basis, populations
    # non-increasing with energy (a degenerate level has no unique basis to be diagonal in)
    assert np.max(np.abs(sigma @ h - h @ sigma)) < 1e-10
    if not degenerate:
        energies, v = np.linalg.eigh(h)
        in_energy = v.conj().T @ sigma @ v
        assert np.max(np.abs(in_energy - np.diag(np.diag(in_energy)))) < 1e-10
        pops = np.diag(in_energy).real
        assert np.all(np.diff(pops) <= 1e-12)
    # no work left, and its energy is what the ergotropy leaves behind
    assert ergotropy(sigma, h) == pytest.approx(0.0, abs=1e-12)
    assert np.trace(sigma @ h).real == pytest.approx(np.trace(rho @ h).real - ergotropy(rho, h), abs=1e-10)


@given(seeds, dims)
def test_no_unitary_extracts_more_than_the_ergotropy(seed, d):
    # Independent check of the maximum: random unitaries never beat W, and the unitary that maps the
    # eigenvectors of ρ (decreasing) onto those of H (increasing) attains it.
    rng = np.random.default_rng(seed)
    h = random_hamiltonian(rng, d)
    rho = random_state(rng, d)
    w = ergotropy(rho, h)
    energy = np.trace(rho @ h).real
    for _ in range(20):
        u = random_unitary(rng, d)
        assert energy - np.trace(u @ rho @ u.conj().T @ h).real <= w + 1e-10
    r, vr = np.linalg.eigh(rho)
    _, vh = np.linalg.eigh(h)
    best = vh @ vr[:, ::-1].conj().T
    assert energy - np.trace(best @ rho @ best.conj().T @ h).real == pytest.approx(w, abs=1e-10)


@given(seeds, dims, st.floats(-50.0, 50.0), st.floats(0.01, 100.0))
def test_true_invariances(seed, d, shift, scale):
    rng = np.random.default_rng(seed)
    h = random_hamiltonian(rng, d)
    rho = random_state(rng, d)
    w = ergotropy(rho, h)
    u = random_unitary(rng, d)
    # the same unitary on state and Hamiltonian (a change of basis)
    assert ergotropy(u @ rho @ u.conj().T, u @ h @ u.conj().T) == pytest.approx(w, abs=1e-9)
    # energy-conserving unitaries (commuting with H), e.g. free evolution e^{−iHt}
    t = float(rng.uniform(0, 10))
    ev = scipy.linalg.expm(-1j * h * t)
    assert ergotropy(ev @ rho @ ev.conj().T, h) == pytest.approx(w, abs=1e-9)
    # a constant added to H changes no energy difference; rescaling H rescales W
    assert ergotropy(rho, h + shift * np.eye(d)) == pytest.approx(w, abs=1e-9)
    assert ergotropy(rho, scale * h) == pytest.approx(scale * w, rel=1e-9, abs=1e-9)


def test_a_general_unitary_on_the_state_alone_changes_ergotropy():
    # not an invariant: rotating |0⟩ to |+⟩ creates ergotropy ω/2
    h = operators.excited_projector()
    hadamard = np.array([[1, 1], [1, -1]]) / math.sqrt(2)
    ground = np.diag([1.0, 0.0])
    assert ergotropy(ground, h) == 0.0
    assert ergotropy(hadamard @ ground @ hadamard, h) == pytest.approx(0.5)


def test_qobj_and_array_inputs_agree():
    rho = qutip.rand_dm(3, seed=1)
    h = qutip.rand_herm(3, seed=2)
    assert ergotropy(rho, h) == pytest.approx(ergotropy(rho.full(), h.full()), abs=1e-14)
    assert passive_state(rho, h) == pytest.approx(passive_state(rho.full(), h.full()), abs=1e-14)


# ----------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize("func", [ergotropy, passive_state])
def test_bad_input(func):
    h = np.diag([0.0, 1.0])
    with pytest.raises(ValueError, match="rho must have trace 1"):
        func(np.eye(2), h)
    with pytest.raises(ValueError, match="rho must be positive semidefinite"):
        func(np.diag([1.5, -0.5]), h)
    with pytest.raises(ValueError, match=r"rho must be Hermitian|rho must be symmetric"):
        func(np.array([[0.5, 0.3], [0.0, 0.5]]), h)
    with pytest.raises(ValueError, match="hamiltonian must be symmetric"):
        func(np.eye(2) / 2, [[0.0, 1.0], [2.0, 0.0]])
    with pytest.raises(ValueError, match="hamiltonian must contain only finite"):
        func(np.eye(2) / 2, [[0.0, np.nan], [np.nan, 1.0]])
    with pytest.raises(ValueError, match="rho must contain only finite"):
        func(np.array([[np.nan, 0], [0, 0.5]]), h)
    with pytest.raises(ValueError, match=r"rho must have the dimension of hamiltonian \(2×2\), got shape \(3, 3\)"):
        func(np.eye(3) / 3, h)
    with pytest.raises(ValueError, match="hamiltonian must be a square matrix"):
        func(np.eye(2) / 2, np.zeros((2, 3)))
    with pytest.raises(ValueError, match="rho must be a normalised state vector"):
        func([1.0, 1.0], h)
    with pytest.raises(TypeError, match="rho must be an array"):
        func(None, h)
    with pytest.raises(TypeError, match="hamiltonian must"):
        func(np.eye(2) / 2, "H")


def test_passive_state_worked_example_with_unsorted_energies():
    # H = diag(2, 0, 1): the largest eigenvalue of ρ goes on energy 0, the smallest on energy 2.
    h = np.diag([2.0, 0.0, 1.0])
    rho = np.diag([0.5, 0.3, 0.2])
    assert passive_state(rho, h) == pytest.approx(np.diag([0.2, 0.5, 0.3]), abs=1e-14)
    # W = (0.5·2 + 0 + 0.2·1) − (0.2·2 + 0 + 0.3·1) = 1.2 − 0.7 = 0.5
    assert ergotropy(rho, h) == pytest.approx(0.5, rel=1e-12)
