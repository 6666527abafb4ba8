import math

import numpy as np
import pytest
import qutip

from qedn_lessons import units
from qedn_lessons.validate import (
    check_choice,
    check_density_matrix,
    check_hermitian,
    check_int,
    check_real,
    check_size,
)


def test_message_names_parameter_value_and_range():
    with pytest.raises(ValueError, match=r"dephasing_per_ps must be ≥ 0 and finite, got -1.0"):
        check_real("dephasing_per_ps", -1.0, minimum=0.0)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_refused(bad):
    with pytest.raises(ValueError, match="rate"):
        check_real("rate", bad, minimum=0.0)


def test_infinity_allowed_only_when_asked():
    assert check_real("time_ps", math.inf, minimum=0.0, allow_inf=True) == math.inf
    with pytest.raises(ValueError, match="time_ps"):
        check_real("time_ps", math.nan, minimum=0.0, allow_inf=True)


@pytest.mark.parametrize("bad", ["1", None, True, [1.0], 1 + 2j])
def test_wrong_types_are_type_errors(bad):
    with pytest.raises(TypeError, match="x must be a real number"):
        check_real("x", bad)


def test_numpy_scalars_accepted():
    assert check_real("x", np.float32(0.5), minimum=0, maximum=1) == 0.5
    assert check_real("x", np.array(0.25)) == 0.25
    assert check_int("n", np.int64(3), minimum=1) == 3


def test_open_interval():
    with pytest.raises(ValueError, match=r"eta must be > 0 and ≤ 1"):
        check_real("eta", 0.0, minimum=0.0, maximum=1.0, minimum_inclusive=False)


def test_int_and_choice_and_size():
    with pytest.raises(TypeError, match="n_sites must be a whole number"):
        check_int("n_sites", 2.5)
    with pytest.raises(ValueError, match=r"name must be one of 'a', 'b'"):
        check_choice("name", "c", ("a", "b"))
    with pytest.raises(ValueError, match=r"n_sites must be ≤ 400 \(memory\), got 10000"):
        check_size("n_sites", 10_000, maximum=400, what="memory")


def test_hermitian_and_density_matrix():
    with pytest.raises(ValueError, match="must be symmetric"):
        check_hermitian("hamiltonian_cm", [[0, 1], [2, 0]])
    with pytest.raises(ValueError, match="square"):
        check_hermitian("hamiltonian_cm", np.zeros((2, 3)))
    with pytest.raises(ValueError, match="finite"):
        check_hermitian("hamiltonian_cm", [[0, np.nan], [np.nan, 0]])
    with pytest.raises(ValueError, match="trace 1"):
        check_density_matrix("rho", np.eye(2))
    with pytest.raises(ValueError, match="positive semidefinite"):
        check_density_matrix("rho", np.diag([1.5, -0.5]))
    with pytest.raises(ValueError, match="4×4"):
        check_density_matrix("rho", np.eye(2) / 2, dimension=4)
    with pytest.raises(ValueError, match="normalised"):
        check_density_matrix("rho", [1.0, 1.0])
    rho = check_density_matrix("rho", qutip.ket2dm(qutip.basis(2, 0)))
    assert np.allclose(rho, [[1, 0], [0, 0]])
    with pytest.raises(TypeError, match="rho must be an array"):
        check_density_matrix("rho", None)


def test_refuses_huge_matrix_before_copying():
    class Huge:
        shape = (10**6, 10**6)

    with pytest.raises(ValueError, match="at most 2048"):
        check_hermitian("hamiltonian_cm", Huge())


def test_units_against_published_constants():
    # 2πc in rad/ps per cm⁻¹: c = 299792458 m/s (exact, SI) → 0.188365 (docs/PHYSICS.md §3).
    assert units.cm_to_rad_per_ps(1.0) == pytest.approx(0.188365157, rel=1e-8)
    assert units.rad_per_ps_to_cm(units.cm_to_rad_per_ps(217.5)) == pytest.approx(217.5)
    assert np.allclose(units.cm_to_rad_per_ps(np.array([1.0, 2.0])), [0.188365157, 0.376730313])
    # 0.2 dB/km × 100 km = 20 dB → η = 0.01; and back.
    assert units.db_to_transmissivity(20.0) == pytest.approx(0.01)
    assert units.transmissivity_to_db(1e-20) == pytest.approx(200.0)
    # One 1550 nm photon is 0.7999 eV (docs/PHYSICS.md §9): E = hc/λ.
    assert units.joule_to_ev(units.PLANCK_J_S * units.SPEED_OF_LIGHT_M_PER_S / 1550e-9) == pytest.approx(0.79990, rel=1e-4)
    assert units.ev_to_joule(1.0) == pytest.approx(1.602176634e-19)
    # One 5 GHz microwave quantum: 3.313e-24 J (docs/PHYSICS.md §9).
    assert units.quantum_energy_j(5e9) == pytest.approx(3.313e-24, rel=1e-3)
    with pytest.raises(ValueError, match="loss_db"):
        units.db_to_transmissivity(-1)


def test_operator_convention():
    from qedn_lessons import operators as op

    # σ₋ lowers: σ₋|1⟩ = |0⟩ and σ₋|0⟩ = 0 (docs/PHYSICS.md §0), unlike qutip.sigmam() in this picture.
    assert (op.lowering() * op.excited() - op.ground()).norm() < 1e-12
    assert (op.lowering() * op.ground()).norm() < 1e-12
    assert (op.raising() * op.ground() - op.excited()).norm() < 1e-12
    assert qutip.expect(op.pauli_z(), op.ground()) == pytest.approx(1.0)
    assert qutip.expect(op.excited_projector(), op.excited()) == pytest.approx(1.0)
    assert qutip.expect(op.pauli_x(), op.plus()) == pytest.approx(1.0)


def test_check_times():
    from qedn_lessons.validate import check_times

    assert check_times("t", 2.0).tolist() == [2.0]
    assert check_times("t", [0, 1.5]).tolist() == [0.0, 1.5]
    with pytest.raises(ValueError, match="t must be a 1-D array of times"):
        check_times("t", 2.0, allow_scalar=False)
    with pytest.raises(ValueError, match="t must be ≥ 0"):
        check_times("t", [-1.0])
    with pytest.raises(ValueError, match="at least one time"):
        check_times("t", [])
    with pytest.raises(TypeError, match="t must be a number or a 1-D array"):
        check_times("t", "1")
    with pytest.raises(TypeError, match="real"):
        check_times("t", [1j])
    with pytest.raises(ValueError, match="finite"):
        check_times("t", [np.inf])

    class Huge:
        size = 10**9

    with pytest.raises(ValueError, match="at most 10 time points"):
        check_times("t", Huge(), maximum=10)
