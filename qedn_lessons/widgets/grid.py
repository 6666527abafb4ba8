"""Lesson 09 explorer: a neighbourhood supplied by the grid, next to a fibre of photons."""

from __future__ import annotations

import numpy as np

from qedn_lessons import grid
from qedn_lessons.networks import fiber_transmissivity
from qedn_lessons.style import new_figure
from qedn_lessons.views import grid as view
from qedn_lessons.widgets.base import Explorer, float_slider, int_slider, log_slider, physics_cache, register_explorer
from qedn_lessons.widgets.render import artists_in

#: Distances drawn on the delivered-fraction curve, km.
_LENGTHS_KM = np.logspace(0.0, 3.0, 121)


@physics_cache()
def _fibre_curve(attenuation_db_per_km: float) -> np.ndarray:
    """Fibre transmissivity over ``_LENGTHS_KM``: depends on the attenuation only."""
    return np.array([fiber_transmissivity(float(x), attenuation_db_per_km) for x in _LENGTHS_KM])


@register_explorer
class NeighbourhoodExplorer(Explorer):
    """A group of homes: the power the grid sends and loses, and what photons in a fibre could bring."""

    title = "A neighbourhood: the grid versus a fibre of photons"
    legend = (
        ("Homes", "number of homes supplied, 1–2000."),
        (
            "Demand per home",
            "each home's annual electricity use, 1000–30000 kWh/year; the default 10715 kWh is the "
            "US average residential customer in 2020 (EIA). The figure uses the average power, "
            "annual energy / 8766 h.",
        ),
        (
            "Distance",
            "from the source to the homes, 1–1000 km (log scale). It sets the fibre loss; the grid's loss "
            "fraction is a system-wide average and does not change with it here.",
        ),
        (
            "Grid loss",
            "share of the electricity sent that the grid loses on the way, 1–15 %; the default 5 % is "
            "the US transmission-and-distribution average for 2018–2022 (EIA).",
        ),
        (
            "Photon rate",
            "photons sent into the fibre per second, 10⁶–10¹⁹ (log scale). 2.5×10⁹ is one photon per pulse "
            "of the 2.5 GHz transmitter of a record QKD experiment (Boaron et al. 2018); above that the pulses "
            "hold more than one photon each, and towards 10¹⁹/s (1.3 W at 1550 nm) the stream is an "
            "ordinary laser beam, no longer a single-photon quantum channel. Every rate is attenuated "
            "just the same.",
        ),
        ("Fibre attenuation", "loss of the fibre at 1550 nm, 0.14–0.40 dB/km; 0.2 dB/km is typical telecom fibre."),
        (
            "Figure",
            "left: average power as dots on a log scale (each row its own marker: what the homes need ●, "
            "what the grid sends ■ and loses ✕, what the photons carry into the fibre ◆ and what arrives even "
            "if every photon's energy were harvested ▲; a ◀ at the left edge is below 10⁻³⁵ W, off scale); "
            "right: the share of what is sent that arrives against "
            "distance, for the fibre (solid line, filled circle at the chosen distance) and for the grid "
            "(dashed line, open square); the dotted vertical line marks where the fibre has lost as much as "
            "the grid.",
        ),
    )

    def build_controls(self):
        return {
            "n_homes": int_slider("Homes", 200, 1, 2000),
            "kwh_per_home": float_slider(
                "Demand per home (kWh/year)", grid.US_HOME_KWH_PER_YEAR, 1000.0, 30000.0, 5.0, readout_format=".0f"
            ),
            "length_km": log_slider("Distance (km)", 50.0, 1.0, 1000.0, steps_per_decade=20),
            "loss_percent": float_slider("Grid loss (%)", 100 * grid.US_TD_LOSS_FRACTION, 1.0, 15.0, 0.5, readout_format=".1f"),
            "photon_rate": log_slider(
                "Photon rate (photons/s)", grid.QKD_CLOCK_HZ, 1e6, 1e19, steps_per_decade=4, readout_format=".2g"
            ),
            "attenuation": float_slider("Fibre attenuation (dB/km)", 0.2, 0.14, 0.40, 0.01, readout_format=".2f"),
        }

    def build_figure(self):
        fig, (ax_bars, ax_fraction) = new_figure(1, 2, width_in=12.0, height_in=4.2, gridspec_kw={"width_ratios": [1.25, 1]})
        self.bars, self.bar_texts = view.draw_power_bars(ax_bars)
        ones = np.ones_like(_LENGTHS_KM)
        self.fraction_artists = view.plot_delivered_fraction(ax_fraction, _LENGTHS_KM, ones, 1.0)
        return fig

    presets = {
        "a single home, 1000 km away": {"n_homes": 1, "length_km": 1000.0},
        "a laser beam (10¹⁹ photons/s), 10 km": {"photon_rate": 1e19, "length_km": 10.0},
    }

    def dynamic_artists(self):
        lines = {k: v for k, v in self.fraction_artists.items() if not k.startswith("_")}  # "_legend_equal" is a flag
        return artists_in(self.bars, self.bar_texts, lines)

    def update_figure(self, *, n_homes, kwh_per_home, length_km, loss_percent, photon_rate, attenuation):
        loss = loss_percent / 100.0
        s = grid.neighbourhood_scenario(
            n_homes,
            kwh_per_home,
            length_km,
            grid_loss_fraction=loss,
            photon_rate_per_s=photon_rate,
            attenuation_db_per_km=attenuation,
        )
        view.update_power_bars(
            self.bars, self.bar_texts, [s.demand_w, s.grid_sent_w, s.grid_lost_w, s.photon_sent_w, s.photon_delivered_w]
        )
        curve = _fibre_curve(attenuation)
        equal_km = grid.fiber_length_for_loss_km(loss, attenuation)
        shown_equal = equal_km if _LENGTHS_KM[0] <= equal_km <= _LENGTHS_KM[-1] else None
        view.update_delivered_fraction(self.fraction_artists, curve, 1.0 - loss, length_km, s.fiber_transmissivity, shown_equal)
        where = f"after {equal_km:.2f} km" if shown_equal is not None else f"after {equal_km:.2f} km (left of the plotted range)"
        return (
            f"{n_homes} homes using {kwh_per_home:,.0f} kWh/year each draw {s.demand_w / 1e3:.3g} kW on average. "
            f"The grid, losing {loss_percent:.1f}%, sends {s.grid_sent_w / 1e3:.3g} kW and loses "
            f"{s.grid_lost_w / 1e3:.3g} kW on the way. A fibre carrying {photon_rate:.2g} photons/s at 1550 nm "
            f"carries {s.photon_sent_w:.2g} W; after {length_km:.3g} km at {attenuation:.2f} dB/km "
            f"({s.fiber_loss_db:.3g} dB, {100 * s.fiber_loss_fraction:.4g}% of the photons lost) at most "
            f"{s.photon_delivered_w:.2g} W arrives, {s.share_of_demand:.1e} of the demand: "
            f"{s.fibres_needed:.1e} such fibres would be needed. The fibre has lost as much as the grid {where}."
        )
