"""Energetics of light and of the grid: what one photon carries, how many make a kilowatt-hour,
and what a fibre of photons delivers next to what a power grid delivers.

Physics layer of lesson 09 (pure functions: no plotting, no printing). Wavelengths are in
nanometres (vacuum wavelength), energies in joules or electronvolts. Constants h, c and e are the
exact SI (CODATA 2018) values from ``scipy.constants`` via :mod:`qedn_lessons.units`.

Worked values: a 1550 nm telecom photon carries hc/λ = 1.2816×10⁻¹⁹ J = 0.7999 eV, so 1 kWh
(3.6×10⁶ J) is 2.809×10²⁵ such photons.

Grid side (agency figures, see the constants): US transmission and distribution lose about 5 % of
the electricity they carry (:data:`US_TD_LOSS_FRACTION`); an average US home used 10,715 kWh in 2020
(:data:`US_HOME_KWH_PER_YEAR`), an average power of 1.22 kW. Fibre side: a fibre of attenuation α
(dB/km) transmits η = 10^(−αL/10) of the photons sent into it (:func:`qedn_lessons.networks.fiber_transmissivity`),
so at 0.2 dB/km it loses the grid's 5 % after only 1.114 km (:func:`fiber_length_for_loss_km`).
:func:`neighbourhood_scenario` puts both side by side for a group of homes.

Reference: E. Tiesinga, P. J. Mohr, D. B. Newell & B. N. Taylor, "CODATA recommended values of the
fundamental physical constants: 2018", Rev. Mod. Phys. 93, 025010 (2021),
doi:10.1103/RevModPhys.93.025010 (h, c, e exact since the 2019 SI redefinition).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from qedn_lessons import units
from qedn_lessons.networks import fiber_loss_fraction, fiber_transmissivity
from qedn_lessons.validate import check_finite_array, check_int, check_real

__all__ = [
    "HOURS_PER_YEAR",
    "MAX_HOMES",
    "QKD_CLOCK_HZ",
    "TELECOM_WAVELENGTH_NM",
    "US_HOME_KWH_PER_YEAR",
    "US_TD_LOSS_FRACTION",
    "NeighbourhoodScenario",
    "average_power_w",
    "fiber_delivered_power_w",
    "fiber_length_for_loss_km",
    "fiber_loss_fraction",
    "grid_sent_w",
    "neighbourhood_scenario",
    "photon_energy_ev",
    "photon_energy_j",
    "photon_power_w",
    "photon_rate_per_s",
    "photons_per_kwh",
    "years_to_deliver",
]

#: Hours in a year of 365.25 days (8766 h): turns an annual energy into an average power.
HOURS_PER_YEAR: float = 365.25 * 24.0

#: US electricity transmission and distribution (T&D) losses: "about 5%" of the electricity
#: transmitted and distributed, averaged over 2018–2022. U.S. Energy Information Administration,
#: FAQ "How much electricity is lost in electricity transmission and distribution in the United
#: States?", https://www.eia.gov/tools/faqs/faq.php?id=105&t=3 (updated 7 November 2023).
US_TD_LOSS_FRACTION: float = 0.05

#: Average annual electricity consumption of a US residential utility customer in 2020: 10,715 kWh
#: (about 893 kWh per month). U.S. Energy Information Administration, FAQ "How much electricity does
#: an American home use?", https://www.eia.gov/tools/faqs/faq.php?id=97&t=3 (updated 7 October 2021).
US_HOME_KWH_PER_YEAR: float = 10_715.0

#: Pulse rate of the transmitter in the 421 km quantum-key-distribution experiment of A. Boaron et al.,
#: "Secure quantum key distribution over 421 km of optical fiber", Phys. Rev. Lett. 121, 190502 (2018),
#: doi:10.1103/PhysRevLett.121.190502: 2.5 GHz. One photon per pulse is generous (QKD pulses are weaker).
QKD_CLOCK_HZ: float = 2.5e9

#: Telecom wavelength (nm) of lowest fibre loss, where 0.2 dB/km is typical.
TELECOM_WAVELENGTH_NM: float = 1550.0

#: Largest number of homes :func:`neighbourhood_scenario` accepts (a city, not a planet).
MAX_HOMES = 10**9


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


# --------------------------------------------------------------------------------------------------
# The grid and a fibre of photons, side by side (lesson 09)
# --------------------------------------------------------------------------------------------------


def average_power_w(energy_kwh_per_year: float) -> float:
    """Average power, in watts, of a consumer that uses ``energy_kwh_per_year`` kWh in a year.

    P = E / (8766 h) (a year of 365.25 days, :data:`HOURS_PER_YEAR`). The EIA's 10,715 kWh of an
    average US home in 2020 is 1222.3 W.

    Parameters
    ----------
    energy_kwh_per_year:
        Annual energy in kWh, ≥ 0 and finite.

    Returns
    -------
    float
        Average power in W.

    Raises
    ------
    ValueError, TypeError
        If the energy is negative, NaN, infinite or not a real number.
    """
    energy = check_real("energy_kwh_per_year", energy_kwh_per_year, minimum=0.0)
    return energy * 1000.0 / HOURS_PER_YEAR


def grid_sent_w(delivered_w: float, loss_fraction: float) -> float:
    """Power a grid must send so that ``delivered_w`` arrives when it loses ``loss_fraction`` on the way.

    The loss fraction is a share of what is sent (the EIA's definition: losses divided by the
    electricity transmitted and distributed), so delivered = sent·(1 − f) and sent = delivered/(1 − f),
    not delivered·(1 + f). Works for any unit of power or energy (the result has the unit of the input).

    Parameters
    ----------
    delivered_w:
        Power (or energy) that must arrive, ≥ 0 and finite.
    loss_fraction:
        Fraction of what is sent that is lost, in [0, 1).

    Returns
    -------
    float
        Power (or energy) that must be sent; the loss is the difference.

    Raises
    ------
    ValueError, TypeError
        If ``delivered_w`` is negative or ``loss_fraction`` outside [0, 1), NaN, infinite or not a number.
    """
    delivered = check_real("delivered_w", delivered_w, minimum=0.0)
    loss = check_real("loss_fraction", loss_fraction, minimum=0.0, maximum=1.0, maximum_inclusive=False)
    return delivered / (1.0 - loss)


def fiber_length_for_loss_km(loss_fraction: float, attenuation_db_per_km: float = 0.2) -> float:
    """Length of fibre, in km, after which a fraction ``loss_fraction`` of the photons is lost.

    Inverts :func:`fiber_loss_fraction`: L = −10·log₁₀(1 − f)/α. At 0.2 dB/km the US grid's 5 % is
    reached after 1.1139 km.

    Parameters
    ----------
    loss_fraction:
        Loss fraction f in [0, 1).
    attenuation_db_per_km:
        Attenuation α in dB/km, > 0 and finite; default 0.2.

    Returns
    -------
    float
        Length in km (0 for f = 0).

    Raises
    ------
    ValueError, TypeError
        If ``loss_fraction`` is outside [0, 1) or ``attenuation_db_per_km`` is not > 0, or either is
        NaN, infinite or not a real number.
    """
    loss = check_real("loss_fraction", loss_fraction, minimum=0.0, maximum=1.0, maximum_inclusive=False)
    alpha = check_real("attenuation_db_per_km", attenuation_db_per_km, minimum=0.0, minimum_inclusive=False)
    return -10.0 * math.log1p(-loss) / math.log(10.0) / alpha


def photon_power_w(photon_rate_per_s: float, wavelength_nm: float = TELECOM_WAVELENGTH_NM) -> float:
    """Power, in watts, carried by a stream of ``photon_rate_per_s`` photons per second: R·hc/λ.

    2.5×10⁹ photons/s at 1550 nm carry 3.204×10⁻¹⁰ W.

    Raises ValueError/TypeError if the rate is negative or either argument is NaN, infinite or not a
    real number (the wavelength must be > 0).
    """
    rate = check_real("photon_rate_per_s", photon_rate_per_s, minimum=0.0)
    return rate * photon_energy_j(check_real("wavelength_nm", wavelength_nm, minimum=0.0, minimum_inclusive=False))


def photon_rate_per_s(power_w: float, wavelength_nm: float = TELECOM_WAVELENGTH_NM) -> float:
    """Photons per second needed to carry ``power_w`` watts at ``wavelength_nm``: P·λ/(hc).

    One average US home (1222.3 W) at 1550 nm needs 9.537×10²¹ photons per second.

    Raises ValueError/TypeError if the power is negative or either argument is NaN, infinite or not a
    real number (the wavelength must be > 0).
    """
    power = check_real("power_w", power_w, minimum=0.0)
    return power / photon_energy_j(check_real("wavelength_nm", wavelength_nm, minimum=0.0, minimum_inclusive=False))


def fiber_delivered_power_w(
    photon_rate_per_s: float,
    length_km: float,
    *,
    wavelength_nm: float = TELECOM_WAVELENGTH_NM,
    attenuation_db_per_km: float = 0.2,
) -> float:
    """Upper bound on the power a fibre of photons delivers: every arriving photon's energy harvested.

    P = R·(hc/λ)·η(L) with η = 10^(−αL/10) (:func:`qedn_lessons.networks.fiber_transmissivity`). A
    real receiver converts only part of each photon's energy, so real deliveries are smaller.

    Parameters
    ----------
    photon_rate_per_s:
        Photons sent per second, ≥ 0 and finite.
    length_km:
        Fibre length in km, ≥ 0 and finite.
    wavelength_nm:
        Vacuum wavelength in nm, > 0 (default 1550).
    attenuation_db_per_km:
        Attenuation in dB/km, ≥ 0 (default 0.2).

    Returns
    -------
    float
        Power in W (2.5×10⁹ photons/s at 1550 nm over 50 km of 0.2 dB/km fibre: 3.204×10⁻¹¹ W).

    Raises
    ------
    ValueError, TypeError
        If an argument is out of range, NaN, infinite or not a real number.
    """
    sent = photon_power_w(photon_rate_per_s, wavelength_nm)
    return sent * fiber_transmissivity(length_km, attenuation_db_per_km)


def years_to_deliver(energy_kwh: float, power_w: float) -> float:
    """Years (of 365.25 days) a constant power ``power_w`` (> 0) needs to deliver ``energy_kwh`` (≥ 0).

    One average US home's annual 10,715 kWh at 3.204×10⁻¹⁰ W (2.5×10⁹ photons/s at 1550 nm) takes
    3.8×10¹² years. Raises ValueError/TypeError for negative, zero (power), NaN, infinite or
    non-numeric arguments.
    """
    energy = check_real("energy_kwh", energy_kwh, minimum=0.0)
    power = check_real("power_w", power_w, minimum=0.0, minimum_inclusive=False)
    return energy * units.JOULES_PER_KWH / power / (HOURS_PER_YEAR * 3600.0)


@dataclass(frozen=True)
class NeighbourhoodScenario:
    """A group of homes supplied by the grid, next to a fibre of photons over the same distance.

    Powers in W (averages over a year); fractions dimensionless. Built by :func:`neighbourhood_scenario`.
    """

    n_homes: int
    kwh_per_home_per_year: float
    length_km: float
    #: average power the homes draw
    demand_w: float
    grid_loss_fraction: float
    #: power the grid must send so that ``demand_w`` arrives
    grid_sent_w: float
    #: power lost on the way (sent − delivered)
    grid_lost_w: float
    photon_rate_per_s: float
    wavelength_nm: float
    attenuation_db_per_km: float
    #: power carried by the photons sent into the fibre
    photon_sent_w: float
    #: fraction of the photons that arrive, 10^(−αL/10)
    fiber_transmissivity: float
    #: loss of the fibre in dB, αL
    fiber_loss_db: float
    #: power arriving if every photon's energy were harvested (an upper bound)
    photon_delivered_w: float

    @property
    def fiber_loss_fraction(self) -> float:
        """Fraction of the photons lost in the fibre, 1 − η (computed without cancellation)."""
        return units.db_to_loss_fraction(self.fiber_loss_db)

    @property
    def share_of_demand(self) -> float:
        """photon_delivered_w / demand_w: the share of the homes' need the fibre could cover at best."""
        return self.photon_delivered_w / self.demand_w if self.demand_w > 0 else math.inf

    @property
    def fibers_needed(self) -> float:
        """How many such fibres would together deliver ``demand_w`` (∞ if one delivers nothing)."""
        if self.demand_w == 0:
            return 0.0
        return self.demand_w / self.photon_delivered_w if self.photon_delivered_w > 0 else math.inf

    #: The same number under the British spelling (kept for code written against 0.1.0).
    fibres_needed = fibers_needed


def neighbourhood_scenario(
    n_homes: int,
    kwh_per_home_per_year: float,
    length_km: float,
    *,
    grid_loss_fraction: float = US_TD_LOSS_FRACTION,
    photon_rate_per_s: float = QKD_CLOCK_HZ,
    wavelength_nm: float = TELECOM_WAVELENGTH_NM,
    attenuation_db_per_km: float = 0.2,
) -> NeighbourhoodScenario:
    """Energy delivered to ``n_homes`` by the grid versus what a fibre of photons could deliver.

    Grid: the homes draw demand = n·E/(8766 h) on average; with a loss fraction f the grid sends
    demand/(1 − f) (:func:`grid_sent_w`). The loss fraction is the whole system's (the EIA figure
    covers transmission and distribution from plant to meter); it does not depend on ``length_km``
    in this model. Fibre: a source sends ``photon_rate_per_s`` photons of ``wavelength_nm`` into
    ``length_km`` of fibre of ``attenuation_db_per_km``; what arrives is bounded by harvesting every
    photon's energy (:func:`fiber_delivered_power_w`).

    Parameters
    ----------
    n_homes:
        Number of homes, a whole number in [1, :data:`MAX_HOMES`].
    kwh_per_home_per_year:
        Annual consumption of each home in kWh, ≥ 0 and finite (EIA 2020 US average: 10,715).
    length_km:
        Distance in km, ≥ 0 and finite.
    grid_loss_fraction:
        Grid loss fraction in [0, 1) (default: EIA's US average, 0.05).
    photon_rate_per_s:
        Photons sent per second, ≥ 0 (default 2.5×10⁹, one photon per pulse of a 2.5 GHz QKD transmitter).
    wavelength_nm, attenuation_db_per_km:
        Photon wavelength (default 1550 nm) and fibre attenuation (default 0.2 dB/km).

    Returns
    -------
    NeighbourhoodScenario

    Raises
    ------
    ValueError, TypeError
        If an argument is out of range, NaN, infinite or of the wrong type.
    """
    n_homes = check_int("n_homes", n_homes, minimum=1, maximum=MAX_HOMES)
    kwh = check_real("kwh_per_home_per_year", kwh_per_home_per_year, minimum=0.0)
    length_km = check_real("length_km", length_km, minimum=0.0)
    attenuation = check_real("attenuation_db_per_km", attenuation_db_per_km, minimum=0.0)
    demand = n_homes * average_power_w(kwh)
    sent = grid_sent_w(demand, grid_loss_fraction)
    photon_sent = photon_power_w(photon_rate_per_s, wavelength_nm)
    eta = fiber_transmissivity(length_km, attenuation)
    return NeighbourhoodScenario(
        n_homes=n_homes,
        kwh_per_home_per_year=kwh,
        length_km=length_km,
        demand_w=demand,
        grid_loss_fraction=float(grid_loss_fraction),
        grid_sent_w=sent,
        grid_lost_w=sent - demand,
        photon_rate_per_s=float(photon_rate_per_s),
        wavelength_nm=float(wavelength_nm),
        attenuation_db_per_km=attenuation,
        photon_sent_w=photon_sent,
        fiber_transmissivity=eta,
        fiber_loss_db=attenuation * length_km,
        photon_delivered_w=photon_sent * eta,
    )
