"""Lesson 08 verdict: do quantum channels secure the energy network against attack?

The evidence is computed from the lesson's own physics (:mod:`qedn_lessons.qkd`, reusing
:mod:`qedn_lessons.networks` and :mod:`qedn_lessons.grid`):

* a seeded BB84 Monte Carlo with a full intercept-resend attack: is the attack seen, i.e. is the
  measured QBER above the Shor–Preskill threshold by more than five standard errors?
* the lesson's key-rate model: how far a key reaches, and how it compares with the PLOB bound;
* the power a stream of single photons carries, against a 1 W reference: can the channel carry or
  shield energy at all?

The word follows from these numbers: *contradicted* if the attack goes unseen; *supported* only if
the attack is seen, the key reaches at least :data:`NETWORK_SCALE_KM` and the channel carries at
least :data:`USEFUL_POWER_W`; otherwise *partly supported*.
"""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import grid, qkd
from qedn_lessons.claims import Verdict, evidence_for

#: Pulses in the verdict's Monte Carlo and its seed (deterministic evidence text).
N_PULSES, SEED = 200_000, 8
#: A continental grid spans thousands of km; a key that reaches less than this does not secure it
#: end to end without trusted relay stations.
NETWORK_SCALE_KM = 1000.0
#: Telecom wavelength of the photons (nm) and the illustrative pulse rate (Hz), one photon per pulse.
WAVELENGTH_NM, PULSE_RATE_HZ = 1550.0, 1e9
#: Reference power (W): a channel carrying less than one watt moves no energy that matters to a grid.
USEFUL_POWER_W = 1.0
#: Where the key rate is compared with the PLOB bound (km).
COMPARE_KM = 100.0


def full_attack_run() -> qkd.BB84Result:
    """The seeded BB84 run with Eve intercepting every pulse (the verdict's Monte Carlo)."""
    return qkd.simulate_bb84(N_PULSES, eavesdrop_fraction=1.0, rng=np.random.default_rng(SEED))


def photon_stream_power_w() -> float:
    """Optical power (W) of one 1550 nm photon per pulse at the illustrative 1 GHz pulse rate."""
    return float(grid.photon_energy_j(WAVELENGTH_NM)) * PULSE_RATE_HZ


@evidence_for("quantum-security")
def quantum_security() -> Verdict:
    run = full_attack_run()
    margin = (run.qber - qkd.SHOR_PRESKILL_THRESHOLD) / run.qber_standard_error
    detected = margin > 5.0
    f_star = qkd.eavesdrop_fraction_threshold(qkd.MISALIGNMENT_ERROR)
    max_km = qkd.max_key_distance_km()
    link = qkd.bb84_link(COMPARE_KM)
    far = qkd.bb84_link(NETWORK_SCALE_KM)
    power_w = photon_stream_power_w()
    if not detected:
        word = "contradicted"
    elif max_km >= NETWORK_SCALE_KM and power_w >= USEFUL_POWER_W:
        word = "supported"
    else:
        word = "partly supported"
    reach = "unlimited" if math.isinf(max_km) else f"{max_km:.0f} km"
    return Verdict(
        word,
        f"Real for messages: with Eve intercepting all {N_PULSES} pulses (seeded BB84 Monte Carlo) the QBER is "
        f"{run.qber:.4f}, {margin:.0f} standard errors above the no-key threshold "
        f"{qkd.SHOR_PRESKILL_THRESHOLD:.3f} of one-way post-processing (two-way post-processing tolerates up to 0.189, "
        f"Gottesman & Lo, IEEE Trans. Inf. Theory 49, 457 (2003); a full attack gives 0.25), so the attack is seen; on a short link with 1% optical errors an attack on more "
        f"than {f_star:.2f} of the pulses stops the key, and a smaller one only shortens it (privacy amplification "
        f"removes what Eve learnt). Limited in reach: in the lesson's model (illustrative detector) the key "
        f"rate is {link.key_rate_per_pulse:.2e} bits per pulse at {COMPARE_KM:.0f} km (PLOB bound "
        f"{link.plob_bound:.2e}) and stops at {reach}; at {NETWORK_SCALE_KM:.0f} km even PLOB allows only "
        f"{far.plob_bound:.1e} for a direct link (twin-field QKD beats that bound with an untrusted middle station: "
        f"Lucamarini et al., Nature 557, 400 (2018); 1002 km at about 1e-11 bits per pulse, Liu et al., PRL 130, 210801 "
        f"(2023)). No help for energy: the photons carry {power_w:.1e} W and the power flow itself is "
        f"untouched. Real systems also depend on their hardware (detector blinding, Lydersen et al., Nat. Photon. 4, "
        f"686 (2010)) and long networks at useful rates on trusted relays (Chen et al., Nature 589, 214 (2021)).",
    )
