"""Lesson 07 explorers: quantum energy teleportation (QET) and measurement-frozen transport."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import measurement
from qedn_lessons.style import COARSE_STEPS, new_figure, nice_ceiling
from qedn_lessons.views.measurement import (
    mark_current,
    plot_efficiency_vs_rate,
    plot_qet_curves,
    plot_qet_ledger,
    update_qet_ledger,
)
from qedn_lessons.widgets.base import Explorer, float_slider, log_slider, physics_cache, register_explorer, toggle
from qedn_lessons.widgets.render import artists_in

#: Bob's angles drawn on the E_B(φ) curve, rad.
_ANGLES = np.linspace(-math.pi / 2, math.pi / 2, 241)


@physics_cache()
def _qet_curves(h: float, k: float):
    """The optimum and E_B(φ) with and without the message: independent of Bob's angle and the toggle."""
    return (
        measurement.qet_minimal(h, k),
        measurement.qet_extracted_energy(h, k, _ANGLES, message=True),
        measurement.qet_extracted_energy(h, k, _ANGLES, message=False),
    )


@register_explorer
class QETExplorer(Explorer):
    """Hotta's minimal QET model: Bob's extracted energy vs his angle, with and without the message,
    and the energy ledger of one run."""

    title = "Quantum energy teleportation: who supplies the energy Bob extracts?"
    legend = (
        ("h", "local field of each qubit, 0.2 to 3 (units of h·f, one 5 GHz quantum): H_A = hZ_A + h²/√(h²+k²), H_B likewise."),
        (
            "k",
            "coupling between the qubits, 0 to 3 (same unit): V = 2kX_AX_B + 2k²/√(h²+k²). With k = 0 there is nothing to teleport.",
        ),
        ("Bob's angle φ", "−1.5 to 1.5 rad: Bob applies cos φ·I − iμ sin φ·Y_B, with μ = ±1 Alice's measurement outcome."),
        (
            "message sent",
            "on: Alice tells Bob her outcome μ (a classical message) and he uses it; off: Bob does not know μ and applies the rotation for μ = +1 every time.",
        ),
        (
            "Figure",
            "left: energy Bob extracts against φ, with the message (solid) and without it (dashed), his chosen φ (black dot); "
            "right: the ledger of one run averaged over Alice's outcomes — what Alice's meter supplies (//), the change of each part of the energy "
            "(Alice's qubit, Bob's qubit (..), the coupling (xx)), what Bob's device receives (\\\\) and what stays in the chain (--). "
            "Energies in units of h·f = 3.3×10⁻²⁴ J (f = 5 GHz); the chain starts in its ground state, energy 0.",
        ),
    )

    def build_controls(self):
        return {
            "h": float_slider("h", 1.5, 0.2, 3.0, 0.1),
            "k": float_slider("k", 1.0, 0.0, 3.0, 0.1),
            # starts at the optimum for the default h, k (0.1696 rad), the angle the lesson's table uses
            "angle": float_slider(
                "Bob's angle φ (rad)",
                round(measurement.qet_minimal(1.5, 1.0).optimal_angle, 4),
                -1.5,
                1.5,
                0.01,
                readout_format=".4f",
            ),
            "message": toggle("message sent", True),
        }

    def build_figure(self):
        fig, (ax_curve, ax_ledger) = new_figure(1, 2, width_in=12.0, height_in=4.2)
        zeros = np.zeros_like(_ANGLES)
        self.curve_artists = plot_qet_curves(ax_curve, _ANGLES, zeros, zeros)
        self.ledger_artists = plot_qet_ledger(ax_ledger, np.zeros(6))
        self.ax_curve, self.ax_ledger = ax_curve, ax_ledger
        return fig

    presets = {
        "no coupling (k = 0): nothing to teleport": {"k": 0.0},
        "no message: Bob only adds energy": {"message": False},
    }

    def dynamic_artists(self):
        return artists_in(self.curve_artists, self.ledger_artists)

    def update_figure(self, *, h, k, angle, message):
        best, with_message, without_message = _qet_curves(h, k)
        run = measurement.qet_protocol(h, k, angle, message=message)
        c = self.curve_artists
        c["with"].set_ydata(with_message)
        c["without"].set_ydata(without_message)
        if best.max_extracted_energy > 1e-3:
            top = nice_ceiling(best.max_extracted_energy, COARSE_STEPS)  # in steps: most moves keep the axis
            self.ax_curve.set_ylim(-6 * top, 2.4 * top)  # the positive lobe large; headroom for the one-line readout
        else:  # nothing to extract (e.g. k = 0): show the whole curve, all at or below zero
            low = float(min(with_message.min(), without_message.min()))
            self.ax_curve.set_ylim(1.1 * low - 1e-3, 0.6 * abs(low) + 1e-3)
        mark_current(self.ax_curve, c["current"], angle, run.bob_extracted)
        # one line (each line of text costs ~1.5 ms a move); the best values are in the caption below
        c["text"].set_text(f"at φ = {angle:.4f}: E_B = {run.bob_extracted:+.4f}")
        values = run.entries
        update_qet_ledger(self.ax_ledger, self.ledger_artists, values)
        joules = measurement.model_energy_j(run.bob_extracted)
        how = "with Alice's message" if message else "without Alice's message"
        return (
            f"h = {h:.2f}, k = {k:.2f}, φ = {angle:.4f} rad, {how}. Alice's measurement injects {run.meter_supplied:.4f} h·f; "
            f"Bob {'extracts' if run.bob_extracted >= 0 else 'adds'} {abs(run.bob_extracted):.4f} h·f ({abs(joules):.3g} J at 5 GHz); "
            f"{run.left_in_chain:.4f} h·f stays in the chain. Changes: Alice's qubit {values[1]:+.4f}, Bob's qubit {values[2]:+.4f}, "
            f"coupling {values[3]:+.4f}. The best Bob can do is {best.max_extracted_energy:.4f} h·f with the message "
            f"({100 * best.fraction:.1f}% of the input) and {best.extracted_without_message:.4f} without it."
        )


#: Measurement rates of the η(r) curve, ps⁻¹ (log-spaced).
_RATES_PER_PS = np.logspace(-2, 6, 41)


@physics_cache()
def _zeno_curve(coupling_cm: float, offset_cm: float) -> np.ndarray:
    """η over ``_RATES_PER_PS``: independent of the chosen rate, so a rate move reuses it."""
    return measurement.measured_efficiency_curve(
        measurement.three_site_chain_cm(coupling_cm, offset_cm), _RATES_PER_PS, sink_site=3
    )


@register_explorer
class ZenoTransportExplorer(Explorer):
    """Three-site chain, excitation from site 1 to a trap at site 3, every site's occupation measured
    at a chosen rate: transport efficiency against the measurement rate (quantum Zeno effect).
    Physics: the transport engine via :func:`qedn_lessons.measurement.measured_efficiency_curve`."""

    title = "Watched excitations don't hop: transport efficiency vs measurement rate"
    legend = (
        (
            "measurement rate r",
            "0.01 to 10⁶ ps⁻¹ (log scale): how often, on average, each site's occupation is measured (at random times). "
            "On average each measurement erases the coherences between sites; measuring at rate r is the same as a "
            "site dephasing γ = r/2 (every coherence then decays at rate r).",
        ),
        (
            "coupling J",
            "5 to 100 cm⁻¹: hopping between neighbouring sites (FMO couplings are tens of cm⁻¹; 1 cm⁻¹ = 0.188 rad/ps).",
        ),
        ("middle-site offset Δ", "0 to 300 cm⁻¹: energy of site 2 above sites 1 and 3; a mismatch that slows coherent hopping."),
        (
            "Figure",
            "transport efficiency η (share of the excitation caught by the trap on site 3, t → ∞) against the measurement rate, "
            "log axis (solid line); the dot marks the chosen rate. Trap 1 ps⁻¹ from site 3, loss 1 ns⁻¹ from every site.",
        ),
    )

    def build_controls(self):
        return {
            "rate_per_ps": log_slider("measurement rate r (ps⁻¹)", 10.0, 0.01, 1e6, steps_per_decade=4),
            "coupling_cm": float_slider("coupling J (cm⁻¹)", 20.0, 5.0, 100.0, 5.0),
            "offset_cm": float_slider("middle-site offset Δ (cm⁻¹)", 100.0, 0.0, 300.0, 10.0),
        }

    def build_figure(self):
        fig, ax = new_figure(width_in=7.5, height_in=3.8)
        self.artists = plot_efficiency_vs_rate(ax, _RATES_PER_PS, np.zeros_like(_RATES_PER_PS))
        ax.set_xlim(_RATES_PER_PS[0], _RATES_PER_PS[-1])
        return fig

    presets = {
        "deep Zeno (r = 10⁵ ps⁻¹)": {"rate_per_ps": 1e5},
        "resonant chain, no offset": {"offset_cm": 0.0, "rate_per_ps": 1.0},
    }

    def dynamic_artists(self):
        return artists_in(self.artists)

    def update_figure(self, *, rate_per_ps, coupling_cm, offset_cm):
        hamiltonian = measurement.three_site_chain_cm(coupling_cm, offset_cm)
        curve = _zeno_curve(coupling_cm, offset_cm)
        here = measurement.measured_transport_efficiency(hamiltonian, rate_per_ps, sink_site=3)
        a = self.artists
        a["curve"].set_ydata(curve)
        a["current"].set_data([rate_per_ps], [here])
        best = int(np.argmax(curve))
        a["text"].set_text(
            f"η = {here:.3f} at r = {rate_per_ps:.3g} ps⁻¹\nhighest on the curve: {curve[best]:.3f} at r = {_RATES_PER_PS[best]:.3g} ps⁻¹"
        )
        return (
            f"Three-site chain, J = {coupling_cm:.0f} cm⁻¹, site 2 offset {offset_cm:.0f} cm⁻¹. Measuring every site at r = {rate_per_ps:.3g} ps⁻¹ "
            f"(a site dephasing of {measurement.dephasing_for_measurement_rate(rate_per_ps):.3g} ps⁻¹) gives transport efficiency η = {here:.3f}. "
            f"Over the curve η ranges from {curve.min():.3f} to {curve.max():.3f} (highest at r = {_RATES_PER_PS[best]:.3g} ps⁻¹) "
            f"and is {curve[-1]:.3f} at r = 10⁶ ps⁻¹: frequent measurement freezes the excitation."
        )
