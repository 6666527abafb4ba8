"""Lesson 09 exercises: photons for a home, where fibre matches the grid's loss, what a lossy grid
must send, and how much of its input quantum energy teleportation returns."""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, as_real, function, near, number, register

# --- 09.home_photons: photons per year for one average US home ------------------------------------


def _home_photons_solution():
    from qedn_lessons.grid import US_HOME_KWH_PER_YEAR, photons_per_kwh

    return US_HOME_KWH_PER_YEAR * photons_per_kwh(1550.0)


def _electronvolts_for_joules(answer, expected):
    from scipy import constants

    if near(answer, expected * constants.e):
        return (
            "That is the count you get with the photon energy in electronvolts: 1 kWh = 3.6×10⁶ J, so divide by "
            "the photon energy in joules (hc/λ ≈ 1.28×10⁻¹⁹ J), not in eV."
        )
    return None


def _kwh_as_joules(answer, expected):
    if near(answer, expected / 3.6e6):
        return "It looks like you used 1 kWh = 1 J. One kilowatt-hour is 1000 W × 3600 s = 3.6×10⁶ J."
    if near(answer, expected / 1000.0):
        return "Off by 1000: 1 kWh is 1000 W for one hour, 3.6×10⁶ J (not 3600 J)."
    return None


def _one_kwh_only(answer, expected):
    from qedn_lessons.grid import US_HOME_KWH_PER_YEAR

    if near(answer, expected / US_HOME_KWH_PER_YEAR):
        return "That is the number of photons in one kWh; the home uses 10,715 kWh a year."
    return None


register(
    Exercise(
        key="09.home_photons",
        title="1550 nm photons carrying one average US home's annual electricity",
        solution=_home_photons_solution,
        judge=number(notation="N_photons per year", rel=2e-3),
        hint="N = E/(hc/λ) with E = 10,715 kWh × 3.6×10⁶ J/kWh and λ = 1550×10⁻⁹ m; or use photons_per_kwh(1550).",
        mistakes=(_electronvolts_for_joules, _kwh_as_joules, _one_kwh_only),
        wrong_examples=(2.809e25, 3.011e29 / 3.6e6, 10_715 * 3.6e6 / 0.79990),
    )
)


# --- 09.equal_loss_km: fibre length that loses the grid's 5 % -------------------------------------


def _equal_loss_solution():
    from qedn_lessons.grid import US_TD_LOSS_FRACTION, fiber_length_for_loss_km

    return fiber_length_for_loss_km(US_TD_LOSS_FRACTION, 0.2)


def _natural_log(answer, expected):
    if near(answer, -10.0 * math.log(0.95) / 0.2):
        return "You used the natural logarithm. Decibels are defined with log₁₀: η = 10^(−αL/10), so L = −10·log₁₀(η)/α."
    return None


def _arrived_instead_of_lost(answer, expected):
    if near(answer, -10.0 * math.log10(0.05) / 0.2):
        return "That is the length after which only 5% arrive (95% lost). The grid loses 5%, so set η = 1 − 0.05 = 0.95."
    return None


def _linear_guess(answer, expected):
    if near(answer, 0.25):
        return (
            "0.05/0.2 treats 0.2 dB/km as 0.2 per km of fraction lost. A decibel is logarithmic: "
            "0.2 dB/km means η = 10^(−0.02) per km."
        )
    return None


register(
    Exercise(
        key="09.equal_loss_km",
        title="How far can photons travel in fibre before losing as much as the grid?",
        solution=_equal_loss_solution,
        judge=number(notation="L (km)", unit="km", rel=1e-3),
        hint="Solve 10^(−0.2·L/10) = 1 − 0.05 for L: take log₁₀ of both sides.",
        mistakes=(_natural_log, _arrived_instead_of_lost, _linear_guess),
        wrong_examples=(-10.0 * math.log(0.95) / 0.2, -10.0 * math.log10(0.05) / 0.2, 0.25),
    )
)


# --- 09.grid_sent: what a grid with losses must send ----------------------------------------------


def _grid_sent_solution():
    def grid_sent(delivered_kwh, loss_fraction):
        return delivered_kwh / (1 - loss_fraction)

    return grid_sent


def _added_the_loss(answer, reference):
    if callable(answer):
        try:
            got = as_real(answer(100.0, 0.5))
        except Exception:
            return None
        if got is not None and math.isclose(got, 150.0, rel_tol=1e-6):
            return (
                "It looks like delivered × (1 + f). The loss is a share of what is *sent*: "
                "delivered = sent × (1 − f), so sent = delivered / (1 − f)."
            )
        if got is not None and math.isclose(got, 50.0, rel_tol=1e-6):
            return "That is what arrives when 100 kWh are sent; the question asks what must be sent so that 100 kWh arrive."
    return None


register(
    Exercise(
        key="09.grid_sent",
        title="Energy a grid with losses must send",
        solution=_grid_sent_solution,
        judge=function(
            notation="grid_sent(delivered_kwh, loss_fraction)",
            cases=[(100.0, 0.05), (100.0, 0.5), (10715.0, 0.05), (1.0, 0.0), (0.0, 0.3)],
        ),
        hint="If a share f of what is sent is lost, then delivered = sent × (1 − f). Solve for sent.",
        mistakes=(_added_the_loss,),
        wrong_examples=(lambda d, f: d * (1 + f), lambda d, f: d * (1 - f), lambda d, f: d),
    )
)


# --- 09.qet_share: the share of Alice's energy Bob can extract -------------------------------------


def _qet_share_solution():
    from qedn_lessons.measurement import qet_minimal

    result = qet_minimal(1.5, 1.0)
    return result.max_extracted_energy / result.injected_energy


def _energy_not_share(answer, expected):
    from qedn_lessons.measurement import qet_minimal

    result = qet_minimal(1.5, 1.0)
    if near(answer, result.max_extracted_energy):
        return "That is Bob's extracted energy itself; divide it by the energy Alice's measurement injected."
    if near(answer, result.injected_energy / result.max_extracted_energy):
        return "That ratio is upside down: energy out (Bob) divided by energy in (Alice)."
    if near(answer, 100 * expected):
        return "That is a percentage; give the share as a fraction between 0 and 1."
    return None


register(
    Exercise(
        key="09.qet_share",
        title="Share of the injected energy Bob extracts in quantum energy teleportation, (h, k) = (1.5, 1)",
        solution=_qet_share_solution,
        judge=number(notation="E_B,max / E_A", rel=1e-3),
        hint="measurement.qet_minimal(1.5, 1.0) gives injected_energy and max_extracted_energy (lesson 07).",
        mistakes=(_energy_not_share,),
        wrong_examples=(0.142524, 1.248075 / 0.142524, 11.42, 1.0),
    )
)
