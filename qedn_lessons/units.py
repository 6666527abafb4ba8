"""Physical constants (from ``scipy.constants``) and unit conversions.

Units live in names: ``energy_cm`` is a wavenumber in cm⁻¹, ``rate_per_ps`` a rate in ps⁻¹,
``frequency_hz`` an ordinary frequency, ``temperature_k`` kelvin.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import constants as _c

from qedn_lessons.validate import check_finite_array, check_real

PLANCK_J_S: float = _c.h
HBAR_J_S: float = _c.hbar
BOLTZMANN_J_PER_K: float = _c.k
SPEED_OF_LIGHT_M_PER_S: float = _c.c
ELEMENTARY_CHARGE_C: float = _c.e
JOULES_PER_KWH: float = 3.6e6

#: A float for a number, a float array for an array (the unit conversions work elementwise).
FloatOrArray = float | NDArray[np.float64]

#: 1 cm⁻¹ of energy expressed as an angular frequency in rad/ps: 2πc with c in cm/ps (= 0.188365).
RAD_PER_PS_PER_CM: float = 2.0 * math.pi * _c.c * 100.0 * 1e-12


def cm_to_rad_per_ps(energy_cm: ArrayLike) -> FloatOrArray:
    """Convert an energy in wavenumbers (cm⁻¹) to an angular frequency in rad/ps (ħ = 1).

    Works elementwise on arrays. ``cm_to_rad_per_ps(1.0)`` is 0.188365…
    """
    return _scale(energy_cm, RAD_PER_PS_PER_CM)


def rad_per_ps_to_cm(omega_rad_per_ps: ArrayLike) -> FloatOrArray:
    """Inverse of :func:`cm_to_rad_per_ps`."""
    return _scale(omega_rad_per_ps, 1.0 / RAD_PER_PS_PER_CM)


def _scale(value: ArrayLike, factor: float) -> FloatOrArray:
    """``value × factor`` as a float for scalars and a float array for arrays."""
    result = np.multiply(np.asarray(value, dtype=float), factor)
    return float(result) if result.ndim == 0 else result


def _loss_db(loss_db: ArrayLike) -> FloatOrArray:
    """``loss_db`` checked (≥ 0; +∞ allowed for a number) as a float or a float array."""
    if np.ndim(loss_db) == 0:
        return check_real("loss_db", loss_db, minimum=0.0, allow_inf=True)
    loss = check_finite_array("loss_db", loss_db).astype(float)
    if np.any(loss < 0.0):
        raise ValueError(f"loss_db must be ≥ 0, got a smallest value of {float(loss.min())!r}")
    return loss


def db_to_transmissivity(loss_db: ArrayLike) -> FloatOrArray:
    """Transmissivity η = 10^(−loss/10) of a channel that loses ``loss_db`` decibels (≥ 0).

    The one place the package turns decibels into a transmitted fraction (fibre loss:
    :func:`qedn_lessons.networks.fiber_transmissivity`). A number gives a float, an array an array.
    """
    loss = _loss_db(loss_db)
    if isinstance(loss, float):
        return float(10.0 ** (-loss / 10.0))
    return np.power(10.0, -loss / 10.0)


def db_to_loss_fraction(loss_db: ArrayLike) -> FloatOrArray:
    """Fraction lost, 1 − 10^(−loss/10), of a channel that loses ``loss_db`` decibels (≥ 0).

    Computed as −expm1(−loss·ln10/10), exact even for a tiny loss (where 1 − η would cancel).
    A number gives a float, an array an array.
    """
    loss = _loss_db(loss_db)
    if isinstance(loss, float):
        return -math.expm1(-loss * math.log(10.0) / 10.0)
    return -np.expm1(-loss * math.log(10.0) / 10.0)


def transmissivity_to_db(eta: float) -> float:
    """Loss in dB of a channel with transmissivity ``eta`` in (0, 1]."""
    eta = check_real("eta", eta, minimum=0.0, maximum=1.0, minimum_inclusive=False)
    return -10.0 * math.log10(eta)


def joule_to_ev(energy_j: float) -> float:
    """Energy in electronvolts of ``energy_j`` joules."""
    return check_real("energy_j", energy_j) / ELEMENTARY_CHARGE_C


def ev_to_joule(energy_ev: float) -> float:
    """Energy in joules of ``energy_ev`` electronvolts."""
    return check_real("energy_ev", energy_ev) * ELEMENTARY_CHARGE_C


def quantum_energy_j(frequency_hz: float) -> float:
    """Energy h·f of one quantum at ``frequency_hz`` (> 0), in joules."""
    frequency_hz = check_real("frequency_hz", frequency_hz, minimum=0.0, minimum_inclusive=False)
    return PLANCK_J_S * frequency_hz
