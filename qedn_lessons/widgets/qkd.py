"""Lesson 08 explorer: a BB84 link with an eavesdropper, fibre loss, optical noise and dark counts."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import qkd
from qedn_lessons.style import new_figure, refresh_legend
from qedn_lessons.views import qkd as view
from qedn_lessons.widgets.base import Explorer, float_slider, log_slider, physics_cache, register_explorer
from qedn_lessons.widgets.render import artists_in

#: Fibre lengths drawn (km).
LENGTHS_KM = np.linspace(0.0, 400.0, 161)
#: Pulse rate used only to turn bits per pulse into bits per second in the caption (illustrative:
#: gigahertz-clocked QKD transmitters exist, but this is not the rate of one particular system).
PULSE_RATE_HZ = 1e9
#: Fibre attenuation of the explorer (dB/km), standard telecom fibre at 1550 nm.
ATTENUATION_DB_PER_KM = 0.2


@physics_cache()
def _link_curve(eavesdrop_fraction: float, misalignment_error: float, dark_count_probability: float):
    """QBER and key rate over ``LENGTHS_KM`` and the maximum distance: independent of the chosen length."""
    params = dict(
        attenuation_db_per_km=ATTENUATION_DB_PER_KM,
        dark_count_probability=dark_count_probability,
        misalignment_error=misalignment_error,
        eavesdrop_fraction=eavesdrop_fraction,
    )
    return qkd.key_rate_curve(LENGTHS_KM, **params), qkd.max_key_distance_km(**params)


@register_explorer
class QKDLinkExplorer(Explorer):
    """BB84 over a fibre: Eve's intercept-resend, loss and noise → QBER and secret-key rate vs PLOB."""

    title = "BB84 key distribution over a fibre: eavesdropping, loss and noise"
    legend = (
        (
            "Eve intercepts f",
            "0–1: fraction of the pulses Eve measures in a random basis and resends "
            "(intercept-resend attack); it adds f/4 to the error rate.",
        ),
        ("Fibre length L", "0–400 km of standard fibre at 0.2 dB/km: the transmissivity is η = 10^(−0.02·L)."),
        ("Optical noise e_mis", "0–0.15: probability that imperfect optics flip the bit of a photon Bob detects."),
        (
            "Dark counts p_dark",
            "10⁻⁹–10⁻³ per pulse, log scale: probability that Bob's detectors click without a "
            "photon; such a click carries a random bit. Bob's detection efficiency is fixed at an illustrative 10 %.",
        ),
        (
            "Figure",
            "left: the quantum bit error rate (QBER, solid) against fibre length, with the Shor–Preskill "
            "threshold 0.110 (dotted) above which no key can be made, and the chosen length (open circle); "
            "right: secret bits per pulse on a log scale for this link (solid; it stops where the key "
            "rate is zero), the PLOB bound, the most any protocol without repeaters can reach (dashed), the "
            "chosen length (open circle) and the maximum distance (dash-dot vertical line).",
        ),
    )

    def build_controls(self):
        return {
            "eavesdrop_fraction": float_slider("Eve intercepts f", 0.0, 0.0, 1.0, 0.05),
            "length_km": float_slider("Fibre length L (km)", 100.0, 0.0, 400.0, 5.0),
            "misalignment_error": float_slider("Optical noise e_mis", 0.01, 0.0, 0.15, 0.005),
            # ".0e": one readout format that fits every value ("1e-06"), not ".3g" that turns into "1e-06" or "0.0001"
            "dark_count_probability": log_slider(
                "Dark counts p_dark", 1e-6, 1e-9, 1e-3, steps_per_decade=4, readout_format=".1e"
            ),
        }

    def build_figure(self):
        fig, (ax_qber, ax_rate) = new_figure(1, 2, width_in=10.0, height_in=3.6)
        self.ax_rate = ax_rate
        zeros = np.zeros_like(LENGTHS_KM)
        self.qber_artists = view.plot_qber_vs_distance(
            ax_qber, LENGTHS_KM, zeros, threshold=qkd.SHOR_PRESKILL_THRESHOLD, current_km=0.0, current_qber=0.0
        )
        self.rate_artists = view.plot_key_rate_vs_distance(ax_rate, LENGTHS_KM, zeros, zeros, current_km=0.0, current_rate=0.0)
        return fig

    presets = {
        "Eve intercepts everything": {"eavesdrop_fraction": 1.0},
        "noisy detectors (no key past ~100 km)": {"dark_count_probability": 1e-4, "misalignment_error": 0.05},
    }

    def dynamic_artists(self):
        return artists_in(self.qber_artists, self.rate_artists)

    def update_figure(self, *, eavesdrop_fraction, length_km, misalignment_error, dark_count_probability):
        params = dict(
            attenuation_db_per_km=ATTENUATION_DB_PER_KM,
            dark_count_probability=dark_count_probability,
            misalignment_error=misalignment_error,
            eavesdrop_fraction=eavesdrop_fraction,
        )
        curve, max_km = _link_curve(eavesdrop_fraction, misalignment_error, dark_count_probability)
        link = qkd.bb84_link(length_km, **params)

        q = self.qber_artists
        q["qber"].set_ydata(curve.qber)
        view.update_marker(q["current"], length_km, link.qber)
        r = self.rate_artists
        r["rate"].set_ydata(view.positive_or_nan(curve.key_rate_per_pulse))
        r["plob"].set_ydata(view.positive_or_nan(curve.plob_bound))
        view.update_marker(r["current"], length_km, link.key_rate_per_pulse)
        view.update_vertical(r["max_line"], max_km if 0.0 < max_km else None)
        refresh_legend(self.ax_rate, side="below", fontsize=8)  # lists only the curves still drawn

        eve_qber = qkd.intercept_resend_qber(eavesdrop_fraction)
        head = (
            f"L = {length_km:.0f} km: the fibre passes η = {link.channel_transmissivity:.3g} of the photons and Bob "
            f"clicks on {link.detection_probability:.3g} of the pulses. QBER = {link.qber:.4f} "
            f"(Eve adds {eve_qber:.4f}, optics {misalignment_error:.3f}); threshold {qkd.SHOR_PRESKILL_THRESHOLD:.3f}. "
        )
        if link.aborted:
            e_sig = qkd.signal_error_rate(misalignment_error, eavesdrop_fraction)
            if eve_qber > 0 and misalignment_error < qkd.SHOR_PRESKILL_THRESHOLD <= e_sig:  # Eve tips it over
                why = "The errors reveal the attack: Alice and Bob abort, so Eve learns no key (but none is made either)."
            else:
                why = "Too many errors: no secret key can be distilled at this length."
            body = f"Key fraction 1 − 2h(Q) = {link.key_fraction:.3f} ≤ 0. {why} "
        else:
            body = (
                f"Key fraction {link.key_fraction:.3f} per sifted bit, so {link.key_rate_per_pulse:.3g} secret bits "
                f"per pulse = {link.key_rate_per_pulse * PULSE_RATE_HZ:.3g} bit/s at an illustrative 1 GHz pulse rate; "
                f"PLOB allows {link.plob_bound:.3g} per use, {link.plob_bound / link.key_rate_per_pulse:.3g} times more. "
            )
        if max_km == 0.0:
            tail = "No key at any length with these settings."
        elif math.isinf(max_km):
            tail = "Without dark counts the error rate never grows with length, but the rate still falls tenfold every 50 km."
        else:
            tail = f"Maximum distance {max_km:.0f} km, where dark counts push the QBER to the threshold."
        return head + body + tail
