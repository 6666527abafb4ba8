"""Lesson 04 explorers: no-signalling (Alice acts, Bob's state does not move) and sudden death."""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons import entanglement as ent
from qedn_lessons.style import freeze_layout, new_figure
from qedn_lessons.views import entanglement as view
from qedn_lessons.widgets.base import Explorer, dropdown, float_slider, log_slider, register_explorer, toggle
from qedn_lessons.widgets.render import artists_in

#: Shared states offered by :class:`NoSignallingExplorer` (label → builder taking the Werner p).
SHARED_STATES = {
    "Bell |Φ⁺⟩": lambda p: ent.bell_state("phi+"),
    "Werner state (p below)": lambda p: ent.werner_state(p),
    "partly entangled cos(π/8)|00⟩ + sin(π/8)|11⟩": lambda p: ent.partly_entangled_state(math.pi / 8),
    "product |+⟩ ⊗ (cos(π/6)|0⟩ + sin(π/6)|1⟩)": lambda p: ent.product_state(math.pi / 2, math.pi / 3),
}


def _vec(v) -> str:
    return "(" + ", ".join(f"{x:+.3f}" for x in v) + ")"


@register_explorer
class NoSignallingExplorer(Explorer):
    """Alice acts on her half of a shared state; Bob's reduced state and energy do not change."""

    title = "No-signalling: whatever Alice does, Bob's qubit stays the same"
    legend = (
        (
            "Shared state",
            "the two-qubit state Alice (first qubit) and Bob (second) share: a Bell pair, a Werner state, "
            "a partly entangled state or a product state.",
        ),
        ("Werner p", "singlet weight p of the Werner state, 0–1 (used only when the Werner state is chosen)."),
        (
            "Alice does",
            "her local operation: a rotation, a measurement (Bob does not know the outcome), dephasing, "
            "amplitude damping or depolarising noise.",
        ),
        ("Axis θ", "polar angle of the rotation or measurement axis on the Bloch sphere, 0–180° (0° = σz)."),
        ("Axis φ", "azimuth of that axis, 0–345° (0° = towards x)."),
        (
            "Amount",
            "0–1: for a rotation the fraction of a full turn (0.25 = 90°); for the noisy channels their strength; "
            "ignored by a measurement.",
        ),
        (
            "Message received: outcome known",
            "on: Alice has phoned Bob her measurement outcome, so Bob can use the conditional state "
            "for each outcome (only meaningful for a measurement).",
        ),
        (
            "Figure",
            "left: Bob's Bloch vector in the x–z plane before Alice acts (open circle, solid), after (cross, "
            "dashed), and, with the message, given outcome +1 (up triangle) or −1 (down triangle); right: Bob's "
            "mean energy ⟨H_B⟩ in units of ħω for the same states (bars with different hatching).",
        ),
    )

    def build_controls(self):
        return {
            "state": dropdown("Shared state", list(SHARED_STATES), "partly entangled cos(π/8)|00⟩ + sin(π/8)|11⟩"),
            "p": float_slider("Werner p", 0.8, 0.0, 1.0, 0.05),
            "operation": dropdown("Alice does", list(ent.LOCAL_OPERATIONS), "measurement"),
            "theta_deg": float_slider("Axis θ (deg)", 0.0, 0.0, 180.0, 5.0),
            "phi_deg": float_slider("Axis φ (deg)", 0.0, 0.0, 345.0, 15.0),
            "amount": float_slider("Amount", 0.25, 0.0, 1.0, 0.05),
            "message": toggle("Message received: outcome known", False),
        }

    def build_figure(self):
        fig, (ax_disc, ax_energy) = new_figure(1, 2, height_in=3.9, gridspec_kw={"width_ratios": [1.25, 1]})
        self.disc_lines = view.draw_bob_bloch_disc(ax_disc)
        self.bars, self.bar_texts = view.draw_bob_energy(ax_energy)
        # What Alice did, written over Bob's energy bars: every move of her controls shows in the figure,
        # while Bob's vector and energy stay put (no-signalling), so the figure never looks frozen.
        self.alice_text = ax_energy.text(
            0.02,
            0.98,
            "",
            transform=ax_energy.transAxes,
            ha="left",
            va="top",
            fontsize=8,
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "0.7"},
        )
        freeze_layout(fig)  # laid out with all four of Bob's states in the legend: room for the largest
        return fig

    presets = {
        "Bell pair, Alice measures, message": {"state": "Bell |Φ⁺⟩", "operation": "measurement", "message": True},
        "Alice rotates her half (Bob sees nothing)": {"operation": "rotation", "theta_deg": 90.0, "amount": 0.25},
    }

    def inactive_controls(self, *, state, operation, message, **_):
        off = {}
        if "Werner" not in state:
            off["p"] = "it sets only the Werner state; choose that state to use it"
        elif not (message and operation == "measurement"):
            off["p"] = (
                "Bob's half of a Werner state is maximally mixed for every p; p shows only in his states "
                "given Alice's outcome (a measurement, message received)"
            )
        if operation not in ("rotation", "measurement"):
            off["theta_deg"] = off["phi_deg"] = f"a {operation} channel has no axis"
        if operation == "measurement":
            off["amount"] = "a measurement has no amount (it is all or nothing)"
        else:
            off["message"] = f"a {operation} has no outcome to send; the message matters only for a measurement"
        return off

    def dynamic_artists(self):
        return artists_in(self.disc_lines, self.bars, self.bar_texts, self.alice_text)

    def update_figure(self, *, state, p, operation, theta_deg, phi_deg, amount, message):
        rho = SHARED_STATES[state](p)
        theta, phi = math.radians(theta_deg), math.radians(phi_deg)
        kraus = ent.local_operation(operation, theta_rad=theta, phi_rad=phi, amount=amount)
        after = ent.apply_local(rho, kraus, qubit="A")
        bob_before = ent.bloch_vector(ent.reduced_state(rho, "B"))
        bob_after = ent.bloch_vector(ent.reduced_state(after, "B"))
        e_before = ent.local_energy(rho, "B")
        e_after = ent.local_energy(after, "B")
        vectors = [bob_before, bob_after, None, None]
        energies = [e_before, e_after, None, None]
        extra = ""
        if message and operation == "measurement":
            plus, minus = ent.measure_local(rho, theta, phi, qubit="A")
            conditional = []
            for k, o in enumerate((plus, minus)):
                if o.probability > 1e-12:
                    b = ent.bloch_vector(o.partner_state)
                    vectors[2 + k] = b
                    energies[2 + k] = ent.local_energy(o.joint_state, "B")  # from the post-measurement joint state
                    conditional.append(
                        f"given {o.outcome:+d} (probability {o.probability:.2f}): Bloch {_vec(b)}, ⟨H_B⟩ = {energies[2 + k]:.3f}"
                    )
            extra = (
                " Message received: "
                + "; ".join(conditional)
                + ". Averaged over the outcomes these give back Bob's unchanged state."
            )
        elif message:
            extra = f" Message received, but a {operation} has no outcome to report: Bob learns nothing new."
        else:
            extra = " No message yet: Bob cannot tell that Alice did anything."
        view.update_bob_bloch_disc(self.disc_lines, vectors)
        axis = f"axis θ = {theta_deg:.0f}°, φ = {phi_deg:.0f}°"
        self.alice_text.set_text(
            "Alice: "
            + {
                "rotation": f"rotates {360 * amount:.0f}° about {axis}",
                "measurement": f"measures along {axis}" + (", tells Bob" if message else ""),
            }.get(operation, f"{operation}, strength {amount:.2f}")
        )
        view.update_bob_energy(self.bars, self.bar_texts, energies)
        change = abs(e_after - e_before)
        shown_change = "0 (below 1e-12)" if change < 1e-12 else f"{change:.2e}"
        return (
            f"Shared state {state}{f' with p = {p:.2f}' if 'Werner' in state else ''}; Alice: {operation} "
            f"(axis θ = {theta_deg:.0f}°, φ = {phi_deg:.0f}°, amount {amount:.2f}). Bob's Bloch vector before "
            f"{_vec(bob_before)}, after {_vec(bob_after)}; his energy ⟨H_B⟩ = {e_before:.3f} → {e_after:.3f} ħω, "
            f"change {shown_change}.{extra}"
        )


#: Time axis of :class:`SuddenDeathExplorer` (µs) and its resolution.
_TIME_US = np.linspace(0.0, 300.0, 301)


@register_explorer
class SuddenDeathExplorer(Explorer):
    """Concurrence of the Yu–Eberly state dies at a finite time; its coherences only fade."""

    title = "Entanglement sudden death under amplitude damping (Yu & Eberly 2004)"
    legend = (
        (
            "a",
            "weight of |11⟩ (both excited) in the Yu–Eberly state ρ(0) = (1/3)[a|11⟩⟨11| + 2|Ψ⁺⟩⟨Ψ⁺| + "
            "(1 − a)|00⟩⟨00|], 0–1; a > 1/3 gives sudden death.",
        ),
        (
            "Memory T1",
            "energy-relaxation time of each qubit memory, 10–1000 µs (log scale); both qubits decay "
            "independently with rate Γ = 1/T1.",
        ),
        (
            "Figure",
            "concurrence C(t) (solid), the two-qubit coherence 2|ρ₀₁,₁₀| (dashed) and the population term "
            "2√(ρ₀₀ρ₁₁) (dotted) whose difference is C; one qubit's own coherence from |+⟩ (dash-dot); the "
            "diamond and vertical line mark the time C reaches zero.",
        ),
    )

    def build_controls(self):
        return {
            "a": float_slider("a", 1.0, 0.0, 1.0, 0.05),
            "t1_us": log_slider("Memory T1 (µs)", 100.0, 10.0, 1000.0),
        }

    def build_figure(self):
        fig, ax = new_figure(height_in=3.8)
        zeros = np.zeros_like(_TIME_US)
        self.artists = view.plot_sudden_death(ax, _TIME_US, zeros, zeros, zeros, zeros)
        return fig

    presets = {
        "no sudden death (a = 0.2)": {"a": 0.2},
        "slow memory (a = 0.4, T1 = 1000 µs)": {"a": 0.4, "t1_us": 1000.0},
    }

    def dynamic_artists(self):
        return artists_in(self.artists)

    def update_figure(self, *, a, t1_us):
        gamma_t = _TIME_US / t1_us
        concurrence = ent.sudden_death_concurrence(a, gamma_t)
        coherence, population = ent.sudden_death_terms(a, gamma_t)
        qubit = ent.damped_qubit_coherence(gamma_t)
        death_gt = ent.sudden_death_time(a)
        death_us = death_gt * t1_us
        shown = death_us if death_us <= _TIME_US[-1] else None
        view.update_sudden_death(self.artists, concurrence, coherence, population, qubit, shown)
        start = f"a = {a:.2f}, T1 = {t1_us:.3g} µs: concurrence starts at {float(concurrence[0]):.3f}"
        if math.isinf(death_gt):
            end = ent.sudden_death_concurrence(a, _TIME_US[-1] / t1_us)
            return f"{start} and decays only asymptotically (a ≤ 1/3): C = {end:.2e} at {_TIME_US[-1]:.0f} µs."
        left = ent.sudden_death_terms(a, death_gt)[0]
        where = "" if shown is not None else f" (beyond the {_TIME_US[-1]:.0f} µs shown)"
        return (
            f"{start} and reaches exactly zero at t = {death_us:.3g} µs{where} (Γt = {death_gt:.4f}), while the "
            f"two-qubit coherence is still {left:.3f} and one qubit's coherence {ent.damped_qubit_coherence(death_gt):.3f}."
        )
