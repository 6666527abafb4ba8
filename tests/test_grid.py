"""Lesson 09 physics: photon energy and photons per kWh.

Worked values from docs/PHYSICS.md §9 (E = hc/λ with the exact SI constants, CODATA 2018,
Rev. Mod. Phys. 93, 025010 (2021), doi:10.1103/RevModPhys.93.025010).
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import constants

from qedn_lessons import units
from qedn_lessons.grid import photon_energy_ev, photon_energy_j, photons_per_kwh


def test_1550_nm_photon():
    # docs/PHYSICS.md §9: 1.2816×10⁻¹⁹ J (0.7999 eV); 1 kWh = 2.809×10²⁵ photons.
    assert photon_energy_j(1550) == pytest.approx(1.2816e-19, rel=5e-5)
    assert photon_energy_ev(1550.0) == pytest.approx(0.7999, abs=5e-5)
    assert photons_per_kwh(1550.0) == pytest.approx(2.809e25, rel=5e-4)
    # independent: h c / λ straight from scipy.constants, and the eV route via 1239.84 eV·nm
    assert photon_energy_j(1550.0) == pytest.approx(constants.h * constants.c / 1550e-9, rel=1e-15)
    hc_ev_nm = constants.h * constants.c / constants.e * 1e9  # 1239.84198 eV·nm
    assert photon_energy_ev(1550.0) == pytest.approx(hc_ev_nm / 1550.0, rel=1e-14)
    assert photons_per_kwh(1550.0) == pytest.approx(3.6e6 / (constants.h * constants.c / 1550e-9), rel=1e-14)


def test_consistent_with_frequency_route():
    # a 5 GHz microwave quantum: 3.313×10⁻²⁴ J (docs/PHYSICS.md §9) — same E = hf = hc/λ
    wavelength_nm = constants.c / 5e9 * 1e9
    assert photon_energy_j(wavelength_nm) == pytest.approx(units.quantum_energy_j(5e9), rel=1e-14)
    assert photon_energy_j(wavelength_nm) == pytest.approx(3.313e-24, rel=5e-4)


def test_arrays_elementwise():
    wl = np.array([400.0, 1550.0, 10_000.0])
    e = photon_energy_j(wl)
    assert isinstance(e, np.ndarray) and e.shape == (3,)
    assert e == pytest.approx([photon_energy_j(float(x)) for x in wl], rel=1e-15)
    assert photons_per_kwh([1550.0, 775.0]) == pytest.approx([2.809e25, 2.809e25 / 2], rel=5e-4)
    assert isinstance(photon_energy_j(1550), float)


@given(st.floats(1e-3, 1e12), st.floats(1e-3, 1e12))
def test_energy_falls_as_wavelength_grows(l1, l2):
    e1, e2 = photon_energy_j(l1), photon_energy_j(l2)
    assert e1 > 0 and e2 > 0
    assert e1 * l1 == pytest.approx(e2 * l2, rel=1e-12)  # E·λ = hc is constant
    if l1 < l2:
        assert e1 >= e2
    assert photons_per_kwh(l1) * e1 == pytest.approx(units.JOULES_PER_KWH, rel=1e-12)


@pytest.mark.parametrize("bad", [0.0, -1550.0, math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("func", [photon_energy_j, photons_per_kwh, photon_energy_ev])
def test_bad_wavelength_value(func, bad):
    with pytest.raises(ValueError, match="wavelength_nm must be > 0 and finite"):
        func(bad)


def test_bad_wavelength_arrays_and_types():
    with pytest.raises(ValueError, match=r"wavelength_nm must be > 0 and finite, got a smallest value of -1.0"):
        photon_energy_j([1550.0, -1.0])
    with pytest.raises(ValueError, match="wavelength_nm must contain only finite"):
        photons_per_kwh(np.array([1550.0, np.nan]))
    with pytest.raises(TypeError, match="wavelength_nm must be a real number"):
        photon_energy_j("1550")
    with pytest.raises(TypeError, match="wavelength_nm must be a real number"):
        photon_energy_j(None)
    with pytest.raises(TypeError, match="wavelength_nm must be a real number"):
        photon_energy_j(True)
    with pytest.raises(TypeError, match="wavelength_nm must"):
        photon_energy_j(1550 + 1j)
