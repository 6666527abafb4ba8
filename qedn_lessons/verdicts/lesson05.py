"""Lesson 05 verdict: can long-distance entanglement distribution serve as energy infrastructure?

Computed from the lesson's physics: entanglement moves no energy (the no-signalling check of lesson
04, reused), the repeaterless PLOB bound and a repeater chain at 1000 km, and the optical power a
fibre delivers over 100 and 1000 km compared with a household's average demand (EIA).
"""

from __future__ import annotations

from qedn_lessons import entanglement as ent
from qedn_lessons import grid, networks
from qedn_lessons.claims import Verdict, evidence_for
from qedn_lessons.units import JOULES_PER_KWH

#: Average annual electricity use of a US residential customer in 2020: 10,715 kWh (EIA, "How much
#: electricity does an American home use?", https://www.eia.gov/tools/faqs/faq.php?id=97&t=3).
HOUSEHOLD_KWH_PER_YEAR = 10_715.0
#: Hours in an average (Julian) year, 365.25 × 24.
HOURS_PER_YEAR = 8766.0
#: Telecom wavelength (nm) and fibre loss (dB/km) of the lesson.
WAVELENGTH_NM = 1550.0
ATTENUATION_DB_PER_KM = 0.2
#: Largest change of Bob's ⟨H_B⟩ (units of ħω) still read as rounding error, i.e. as zero.
NO_SIGNALLING_TOLERANCE = 1e-12
#: Below this fraction of the launched power arriving, a link is no power line at all.
NEGLIGIBLE_FRACTION = 1e-6


def household_power_w() -> float:
    """Average power of the EIA 2020 household, in W (10,715 kWh over a year of 8766 h)."""
    return HOUSEHOLD_KWH_PER_YEAR * JOULES_PER_KWH / (HOURS_PER_YEAR * 3600.0)


def energy_per_ebit_change() -> tuple[float, int]:
    """Largest change of Bob's local energy (ħω) over Alice's local operations, and the number of
    (state, operation) pairs tried: the no-signalling computation of lesson 04."""
    from qedn_lessons.verdicts.lesson04 import shared_states

    states, operations = shared_states(), ent.operation_grid(4)
    return ent.max_partner_energy_change(states, operations), len(states) * len(operations)


@evidence_for("entanglement-distribution")
def entanglement_distribution() -> Verdict:
    worst, tried = energy_per_ebit_change()
    if worst > NO_SIGNALLING_TOLERANCE:
        raise RuntimeError(f"no-signalling check failed: Bob's energy changed by {worst:.3g} ħω")
    eta_1000 = networks.fiber_transmissivity(1000.0, ATTENUATION_DB_PER_KM)
    plob_1000 = networks.plob_bound(eta_1000)
    chain = networks.repeater_chain(1000.0, 10, attenuation_db_per_km=ATTENUATION_DB_PER_KM)
    segment_bound = networks.plob_bound(chain.segment_transmissivity)
    demand = household_power_w()
    at_100 = networks.delivered_power_w(demand, 100.0, ATTENUATION_DB_PER_KM)
    at_1000 = networks.delivered_power_w(demand, 1000.0, ATTENUATION_DB_PER_KM)
    photon_j = grid.photon_energy_j(WAVELENGTH_NM)
    fraction = at_1000 / demand
    shown = "less than 1e-15" if worst < 1e-15 else f"{worst:.0e}"
    word = "contradicted" if fraction < NEGLIGIBLE_FRACTION else "partly supported"
    return Verdict(
        word,
        f"Entanglement carries no energy (with a classical message it can at most unlock energy already at the far "
        f"end: daemonic ergotropy, quantum energy teleportation, lesson 07): over {tried} pairs of a shared state "
        f"and a local operation, Alice changed Bob's mean energy by {shown} ħω. The photons that distribute it carry {photon_j:.3g} J each at "
        f"{WAVELENGTH_NM:.0f} nm, but 1000 km of {ATTENUATION_DB_PER_KM} dB/km fibre passes a fraction "
        f"{eta_1000:.0e} of them: a household's average demand ({demand / 1e3:.2f} kW, EIA 2020) launched as "
        f"light would arrive as {at_1000:.1e} W ({at_100:.1f} W after 100 km). Without repeaters the PLOB bound "
        f"allows {plob_1000:.3g} ebits per channel use at 1000 km; ten segments with perfect memories would "
        f"give {chain.pairs_per_use:.2g} pairs per use, below the repeater-assisted bound −log₂(1 − η_seg) = "
        f"{segment_bound:.3g} for {chain.segment_km:.0f} km segments (Pirandola, Commun. Phys. 2, 51 (2019)). "
        f"The real kernel is communication, not energy: "
        f"entanglement shared over 1203 km by satellite (Yin et al., Science 356, 1140 (2017)) serves keys, "
        f"teleportation and linked sensors.",
    )
