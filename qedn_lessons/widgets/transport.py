"""Lesson 03 explorers: transport on a network (populations and the efficiency-vs-dephasing curve),
and quantum vs classical spreading with disorder. Thin: physics from ``transport``, drawing from
``views.transport``; every update changes the kept artists in place."""

from __future__ import annotations

import numpy as np

from qedn_lessons import transport
from qedn_lessons.style import freeze_layout, new_figure, nice_ceiling, refresh_legend
from qedn_lessons.views.transport import (
    plot_distribution,
    plot_efficiency_curve,
    plot_populations,
    plot_spreading,
)
from qedn_lessons.widgets.base import (
    Explorer,
    dropdown,
    float_slider,
    int_slider,
    log_slider,
    physics_cache,
    register_explorer,
)

_TIMES_PS = np.linspace(0.0, 3.0, 121)
_CURVE_GAMMAS = np.logspace(-3, 4, 22)
_MAX_SITES = 12


@physics_cache()
def _efficiency_curve(network: str, n_sites: int, disorder: float, trap: float, loss: float) -> np.ndarray:
    """η over ``_CURVE_GAMMAS`` for one network: independent of the current dephasing, so a γ move reuses it."""
    h, start, sink = transport.example_network(network, n_sites, disorder_cm=disorder, seed=3)
    return transport.efficiency_curve(
        h, _CURVE_GAMMAS, initial_site=start, sink_site=sink, trap_rate_per_ps=trap, loss_rate_per_ns=loss
    )


def _population_legend_kw(n_sites: int) -> dict:
    """The population legend, right of the panel: two columns beyond 7 sites."""
    return {
        "loc": "upper left",
        "bbox_to_anchor": (1.01, 1.0),
        "ncols": 2 if n_sites > 7 else 1,
        "fontsize": 7,
        "borderaxespad": 0.0,
    }


@register_explorer
class TransportExplorer(Explorer):
    """Where does the excitation go? Populations vs time and η vs dephasing on a chosen network."""

    title = "Energy transport on a network: populations and efficiency"
    legend = (
        (
            "Network",
            "FMO (7 sites, start at site 1, sink at site 3); chain or ring with equal couplings of 100 cm⁻¹, or "
            "PST chain (couplings tuned for perfect transfer, the largest 100 cm⁻¹); start at site 1, sink at "
            "the far end (chains) or the opposite site (ring).",
        ),
        ("Sites", "number of sites N of the chain, PST chain or ring, 3–12 (ignored for FMO)."),
        (
            "Dephasing γ (ps⁻¹)",
            "dephasing rate of every site, 0.001–10 000 ps⁻¹, log scale (1 ps⁻¹ ≈ 5.3 cm⁻¹): "
            "each site's phase is randomised at γ, so a coherence between two sites decays at 2γ.",
        ),
        ("Disorder W (cm⁻¹)", "width of the random site-energy spread (fixed seed), 0–400 cm⁻¹."),
        ("Trap κ (ps⁻¹)", "population rate from the sink site into the sink, 0.1–100 ps⁻¹."),
        ("Loss Γ (ns⁻¹)", "population rate from every site to the ground state (recombination), 0.1–1000 ns⁻¹."),
        (
            "Figure",
            "left: population of each site (thin styled lines, labelled) and of the sink (thick black) for 0–3 ps; "
            "right: efficiency η at t → ∞ versus dephasing for this network, the current setting as a large diamond.",
        ),
    )

    def build_controls(self):
        return {
            "network": dropdown("Network", list(transport.NETWORKS), "FMO"),
            "n_sites": int_slider("Sites", 8, 3, _MAX_SITES),
            "dephasing": log_slider("Dephasing γ (ps⁻¹)", 1.0, 1e-3, 1e4, steps_per_decade=4),
            "disorder": float_slider("Disorder W (cm⁻¹)", 0.0, 0.0, 400.0, 20.0),
            "trap": log_slider("Trap κ (ps⁻¹)", 2.0, 0.1, 100.0, steps_per_decade=4),
            "loss": log_slider("Loss Γ (ns⁻¹)", 1.0, 0.1, 1000.0, steps_per_decade=4),
        }

    def build_figure(self):
        fig, (self.ax_pop, self.ax_eta) = new_figure(1, 2, width_in=11.0, height_in=3.8)
        nan_sites = np.full((len(_TIMES_PS), _MAX_SITES), np.nan)
        self.site_lines, self.sink_line = plot_populations(self.ax_pop, _TIMES_PS, nan_sites, np.full(len(_TIMES_PS), np.nan))
        # The legend sits outside the panel, right of it. The first layout reserves room for the widest
        # legend (12 sites, two columns), so the frozen layout holds every later one.
        for k, line in enumerate(self.site_lines):
            line.set_label(f"site {k + 1} (sink site)")
        self.ax_pop.legend(**_population_legend_kw(_MAX_SITES))
        self.curve, self.marker = plot_efficiency_curve(self.ax_eta, _CURVE_GAMMAS, np.full(len(_CURVE_GAMMAS), np.nan))
        self.ax_eta.set_xlim(_CURVE_GAMMAS[0] / 1.5, _CURVE_GAMMAS[-1] * 1.5)
        # Lay out now, around that widest legend, and keep it: the first update would otherwise lay out
        # around FMO's one-column legend, and a later two-column one would reach into the η panel.
        self.ax_pop.set_title("PST chain, N = 12: start site 1, sink at site 12", fontsize=10)  # titles as
        self.ax_eta.set_title("η = 0.000 now; best 0.000 at γ ≈ 0.001 ps⁻¹", fontsize=10)  # tall as the real ones
        freeze_layout(fig)
        return fig

    presets = {
        "FMO, ENAQT optimum": {"network": "FMO", "dephasing": 10.0},
        # η = 0.59 without dephasing, 0.77 with γ = 10 ps⁻¹ (12-site chain, W = 400 cm⁻¹, loss 30 ns⁻¹)
        "strong disorder, fast loss": {"network": "chain", "n_sites": 12, "disorder": 400.0, "loss": 30.0, "dephasing": 0.001},
        "strong disorder, dephasing helps": {
            "network": "chain",
            "n_sites": 12,
            "disorder": 400.0,
            "loss": 30.0,
            "dephasing": 10.0,
        },
    }

    def inactive_controls(self, *, network, **_):
        if network == "FMO":
            return {"n_sites": "the FMO complex has 7 sites; Sites sets only the chain, PST chain and ring"}
        return {}

    def dynamic_artists(self):
        return [*self.site_lines, self.sink_line, self.curve, self.marker, self.ax_pop.title, self.ax_eta.title]

    def update_figure(self, network, n_sites, dephasing, disorder, trap, loss):
        h, start, sink = transport.example_network(network, n_sites, disorder_cm=disorder, seed=3)
        common = dict(initial_site=start, sink_site=sink, trap_rate_per_ps=trap, loss_rate_per_ns=loss)
        curves = transport.site_populations(h, _TIMES_PS, dephasing_per_ps=dephasing, **common)
        eta = _efficiency_curve(network, n_sites, disorder, trap, loss)
        eta_now = transport.transport_efficiency(h, dephasing_per_ps=dephasing, **common)
        n = h.shape[0]
        for k, line in enumerate(self.site_lines):
            line.set_ydata(curves.sites[:, k] if k < n else np.full(len(_TIMES_PS), np.nan))
            line.set_label(
                f"site {k + 1}" + (" (start)" if k + 1 == start else " (sink site)" if k + 1 == sink else "") if k < n else "_"
            )
        self.sink_line.set_ydata(curves.sink)
        refresh_legend(self.ax_pop, **_population_legend_kw(n))  # one legend per network shape, kept and re-attached
        self.curve.set_ydata(eta)
        self.marker.set_data([dephasing], [eta_now])
        self.ax_pop.set_title(f"{network}, N = {n}: start site {start}, sink at site {sink}", fontsize=10)
        best = int(np.argmax(eta))
        self.ax_eta.set_title(f"η = {eta_now:.3f} now; best {eta[best]:.3f} at γ ≈ {_CURVE_GAMMAS[best]:.3g} ps⁻¹", fontsize=10)
        return (
            f"{network} with {n} sites, dephasing {dephasing:.3g} ps⁻¹, disorder {disorder:.0f} cm⁻¹, trap {trap:.3g} ps⁻¹, "
            f"loss {loss:.3g} ns⁻¹: after 3 ps the sink holds {curves.sink[-1]:.3f}; at t → ∞ η = {eta_now:.3f}. "
            f"Over dephasing from 0.001 to 10⁴ ps⁻¹, η ranges from {eta.min():.3f} to {eta.max():.3f}, "
            f"highest at γ ≈ {_CURVE_GAMMAS[best]:.3g} ps⁻¹."
        )


_WALK_TIMES = np.geomspace(0.2, 35.0, 30)


@register_explorer
class SpreadingExplorer(Explorer):
    """Quantum walk vs classical random walk on a line, with Anderson disorder."""

    title = "Quantum vs classical spreading on a line"
    legend = (
        ("Disorder W (J)", "width of the random site energies in units of the coupling J, 0–6 (0: a perfect crystal)."),
        ("Realisations", "number of random disorder draws averaged (seeded), 1–4."),
        (
            "Figure",
            "left: mean square displacement ⟨x²⟩ vs time (log–log) for the quantum walk (solid, circles) and the "
            "classical random walk (dashed, squares), with the guides 2J²t² and 2Jt (dotted); right: probability "
            "of each site at t = 35/J.",
        ),
    )

    def build_controls(self):
        return {
            "disorder": float_slider("Disorder W (J)", 0.0, 0.0, 6.0, 0.5),
            "realisations": int_slider("Realisations", 3, 1, 4),
        }

    def build_figure(self):
        fig, (self.ax_msd, self.ax_p) = new_figure(1, 2, height_in=3.6)
        nan = np.full(len(_WALK_TIMES), np.nan)
        self.msd_lines = plot_spreading(
            self.ax_msd, _WALK_TIMES, nan, nan, ballistic=2 * _WALK_TIMES**2, diffusive=2 * _WALK_TIMES
        )
        self.ax_msd.set_ylim(1e-2, 2 * 2 * _WALK_TIMES[-1] ** 2)
        self.n_sites = 161
        positions = np.arange(self.n_sites) - self.n_sites // 2
        self.p_lines = plot_distribution(self.ax_p, positions, np.full(self.n_sites, np.nan), np.full(self.n_sites, np.nan))
        self.ax_p.set_ylim(0, 0.3)
        self.ax_p.set_xlim(positions[0], positions[-1])
        return fig

    presets = {
        "perfect crystal (ballistic)": {"disorder": 0.0, "realisations": 1},
        "strong disorder (Anderson localised)": {"disorder": 6.0, "realisations": 4},
    }

    def inactive_controls(self, *, disorder, realisations):
        if disorder == 0:
            return {"realisations": "with no disorder every realisation is the same perfect crystal"}
        return {}

    def dynamic_artists(self):
        return [*self.msd_lines[:2], *self.p_lines]

    def update_figure(self, disorder, realisations):
        r = transport.walk_spreading(_WALK_TIMES, disorder=disorder, n_sites=self.n_sites, realisations=realisations, seed=7)
        self.msd_lines[0].set_ydata(r.msd_quantum)
        self.msd_lines[1].set_ydata(r.msd_classical)
        self.p_lines[0].set_ydata(r.p_quantum)
        self.p_lines[1].set_ydata(r.p_classical)
        # headroom above the highest point for the legend (upper centre)
        self.ax_p.set_ylim(0, max(0.05, nice_ceiling(1.5 * float(max(r.p_quantum.max(), r.p_classical.max())))))  # in steps
        t = _WALK_TIMES[-1]
        return (
            f"Disorder W = {disorder:g} J, {realisations} realisation(s): at t = {t:g}/J the quantum walk has "
            f"⟨x²⟩ = {r.msd_quantum[-1]:.0f} sites² (ballistic 2J²t² = {2 * t * t:.0f}), the classical walk "
            f"{r.msd_classical[-1]:.0f} sites² (2Jt = {2 * t:.0f})."
        )
