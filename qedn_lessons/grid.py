"""Energetics of light: what one photon carries, and how many make a kilowatt-hour.

Physics layer of lesson 09 (pure functions: no plotting, no printing). Wavelengths are in
nanometres (vacuum wavelength), energies in joules or electronvolts. Constants h, c and e are the
exact SI (CODATA 2018) values from ``scipy.constants`` via :mod:`qedn_lessons.units`.

Worked values: a 1550 nm telecom photon carries hc/λ = 1.2816×10⁻¹⁹ J = 0.7999 eV, so 1 kWh
(3.6×10⁶ J) is 2.809×10²⁵ such photons.

Reference: E. Tiesinga, P. J. Mohr, D. B. Newell & B. N. Taylor, "CODATA recommended values of the
fundamental physical constants: 2018", Rev. Mod. Phys. 93, 025010 (2021),
doi:10.1103/RevModPhys.93.025010 (h, c, e exact since the 2019 SI redefinition).
"""

from __future__ import annotations

import numpy as np

from qedn_lessons import units
from qedn_lessons.validate import check_finite_array, check_real

__all__ = ["photon_energy_ev", "photon_energy_j", "photons_per_kwh"]


def _wavelength_m(wavelength_nm):
    """Wavelength in metres from nanometres: a float for a scalar, a float array for an array."""
    if np.ndim(wavelength_nm) == 0 and not hasattr(wavelength_nm, "full"):
        return check_real("wavelength_nm", wavelength_nm, minimum=0.0, minimum_inclusive=False) * 1e-9
    array = check_finite_array("wavelength_nm", wavelength_nm)
    if np.iscomplexobj(array):
        raise TypeError("wavelength_nm must hold real numbers, got complex values")
    array = array.astype(float)
    if np.any(array <= 0):
        raise ValueError(f"wavelength_nm must be > 0 and finite, got a smallest value of {float(array.min())!r}")
    return array * 1e-9


def photon_energy_j(wavelength_nm):
    """Energy E = hc/λ of one photon of vacuum wavelength ``wavelength_nm``, in joules.

    Parameters
    ----------
    wavelength_nm:
        Wavelength in nm, > 0 and finite; a number or an array (elementwise).

    Returns
    -------
    float or numpy.ndarray
        Energy in J; 1550 nm gives 1.2816e-19 J.

    Raises
    ------
    ValueError, TypeError
        If a wavelength is ≤ 0, NaN, infinite or not a real number.

    References
    ----------
    CODATA 2018, Rev. Mod. Phys. 93, 025010 (2021), doi:10.1103/RevModPhys.93.025010.
    """
    return units.PLANCK_J_S * units.SPEED_OF_LIGHT_M_PER_S / _wavelength_m(wavelength_nm)


def photon_energy_ev(wavelength_nm):
    """Energy hc/λ of one photon, in electronvolts (1550 nm → 0.7999 eV). Same rules as
    :func:`photon_energy_j`; reference CODATA 2018, doi:10.1103/RevModPhys.93.025010."""
    return photon_energy_j(wavelength_nm) / units.ELEMENTARY_CHARGE_C


def photons_per_kwh(wavelength_nm):
    """Number of photons of wavelength ``wavelength_nm`` that carry one kilowatt-hour (3.6×10⁶ J).

    Parameters
    ----------
    wavelength_nm:
        Wavelength in nm, > 0 and finite; a number or an array (elementwise).

    Returns
    -------
    float or numpy.ndarray
        Photons per kWh (dimensionless count, not rounded); 1550 nm gives 2.809e25.

    Raises
    ------
    ValueError, TypeError
        If a wavelength is ≤ 0, NaN, infinite or not a real number.

    References
    ----------
    CODATA 2018, Rev. Mod. Phys. 93, 025010 (2021), doi:10.1103/RevModPhys.93.025010;
    1 kWh = 3.6×10⁶ J (BIPM, The International System of Units, 9th ed. (2019), table 8).
    """
    return units.JOULES_PER_KWH / photon_energy_j(wavelength_nm)
