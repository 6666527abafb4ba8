"""Lesson 09: the grid next to a fibre of photons, the conservation checks and the two verdicts.

Reference values are computed independently here (scipy.constants, closed forms) or come from the
agency sources quoted in ``qedn_lessons.grid``: EIA FAQ id=105 (US T&D losses about 5 %, 2018–2022)
and EIA FAQ id=97 (10,715 kWh per US residential customer in 2020).
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import constants

from qedn_lessons import claims, grid, networks
from qedn_lessons.exercises.core import evaluate

SECONDS_PER_YEAR = 365.25 * 86400.0
PHOTON_1550_J = constants.h * constants.c / 1550e-9


# --- the grid side ---------------------------------------------------------------------------------


def test_agency_figures_are_the_cited_ones():
    assert grid.US_TD_LOSS_FRACTION == 0.05  # EIA FAQ id=105: "about 5%", 2018–2022
    assert grid.US_HOME_KWH_PER_YEAR == 10_715.0  # EIA FAQ id=97: 10,715 kWh in 2020
    assert grid.QKD_CLOCK_HZ == 2.5e9  # Boaron et al., PRL 121, 190502 (2018)


def test_average_power_of_an_average_home():
    # independent: joules per year over seconds per year
    expected = 10_715 * 3.6e6 / SECONDS_PER_YEAR
    assert grid.average_power_w(10_715) == pytest.approx(expected, rel=1e-14)
    assert grid.average_power_w(10_715) == pytest.approx(1222.336, abs=1e-3)
    # the EIA's own monthly figure, "about 893 kWh per month", is the same power
    assert grid.average_power_w(893 * 12) == pytest.approx(expected, rel=2e-4)
    assert grid.average_power_w(0.0) == 0.0


@given(st.floats(0.0, 1e9), st.floats(0.0, 0.999))
def test_grid_sent_returns_what_arrives_after_the_loss(delivered, loss):
    sent = grid.grid_sent_w(delivered, loss)
    assert sent * (1.0 - loss) == pytest.approx(delivered, rel=1e-12, abs=1e-300)
    assert sent - delivered == pytest.approx(loss * sent, rel=1e-9, abs=1e-6)
    assert sent >= delivered


def test_grid_sent_worked_values():
    assert grid.grid_sent_w(100.0, 0.05) == pytest.approx(100 / 0.95, rel=1e-15)
    assert grid.grid_sent_w(100.0, 0.5) == 200.0  # not 150: the loss is a share of what is sent
    assert grid.grid_sent_w(42.0, 0.0) == 42.0


# --- the fibre side --------------------------------------------------------------------------------


@pytest.mark.parametrize("length_km, alpha", [(0.0, 0.2), (1.0, 0.2), (10.0, 0.2), (100.0, 0.2), (421.0, 0.17), (50.0, 0.0)])
def test_fiber_loss_is_one_minus_transmissivity(length_km, alpha):
    assert grid.fiber_loss_fraction(length_km, alpha) == pytest.approx(
        1.0 - networks.fiber_transmissivity(length_km, alpha), rel=1e-12, abs=1e-15
    )


def test_fiber_loss_worked_values_and_short_fibres():
    assert grid.fiber_loss_fraction(10.0) == pytest.approx(1 - 10**-0.2, rel=1e-14)  # 2 dB: 36.9 %
    assert grid.fiber_loss_fraction(100.0) == pytest.approx(0.99, rel=1e-14)  # 20 dB
    # first order for a tiny length: αL·ln10/10, where 1 − η would cancel catastrophically
    assert grid.fiber_loss_fraction(1e-12) == pytest.approx(0.2e-12 * math.log(10) / 10, rel=1e-9)


def test_length_where_fibre_loses_the_grids_five_percent():
    # closed form −10·log10(0.95)/0.2 = 1.113820 km
    assert grid.fiber_length_for_loss_km(0.05) == pytest.approx(1.1138197, rel=1e-7)
    assert grid.fiber_length_for_loss_km(0.05, 0.16) == pytest.approx(1.1138197 * 0.2 / 0.16, rel=1e-7)
    assert grid.fiber_length_for_loss_km(0.0) == 0.0


@given(st.floats(0.0, 0.999999), st.floats(0.01, 5.0))
def test_length_for_loss_inverts_the_loss(loss, alpha):
    length = grid.fiber_length_for_loss_km(loss, alpha)
    assert grid.fiber_loss_fraction(length, alpha) == pytest.approx(loss, rel=1e-9, abs=1e-15)


def test_photon_power_and_rate():
    assert grid.photon_power_w(2.5e9) == pytest.approx(2.5e9 * PHOTON_1550_J, rel=1e-14)
    assert grid.photon_power_w(2.5e9) == pytest.approx(3.2039e-10, rel=1e-4)
    home_w = 10_715 * 3.6e6 / SECONDS_PER_YEAR
    assert grid.photon_rate_per_s(home_w) == pytest.approx(home_w / PHOTON_1550_J, rel=1e-14)
    assert grid.photon_rate_per_s(home_w) == pytest.approx(9.5377e21, rel=1e-4)
    # 775 nm photons carry twice the energy: half as many for the same power
    assert grid.photon_rate_per_s(1.0, 775.0) == pytest.approx(grid.photon_rate_per_s(1.0) / 2, rel=1e-14)
    # 1 kWh in one hour is 1 kW: the rate must match photons_per_kwh / 3600 s
    assert grid.photon_rate_per_s(1000.0) == pytest.approx(grid.photons_per_kwh(1550.0) / 3600.0, rel=1e-14)


def test_fibre_delivery_bound():
    # 50 km × 0.2 dB/km = 10 dB exactly: one photon in ten arrives
    assert grid.fiber_delivered_power_w(2.5e9, 50.0) == pytest.approx(0.1 * 2.5e9 * PHOTON_1550_J, rel=1e-13)
    assert grid.fiber_delivered_power_w(1e6, 0.0) == pytest.approx(grid.photon_power_w(1e6), rel=1e-15)
    assert grid.fiber_delivered_power_w(2.5e9, 1000.0, attenuation_db_per_km=0.2) == pytest.approx(
        2.5e9 * PHOTON_1550_J * 1e-20, rel=1e-12
    )


def test_years_to_deliver_a_homes_year_through_a_qkd_channel():
    power = 2.5e9 * PHOTON_1550_J
    expected = 10_715 * 3.6e6 / power / SECONDS_PER_YEAR
    assert grid.years_to_deliver(10_715, power) == pytest.approx(expected, rel=1e-13)
    assert grid.years_to_deliver(10_715, power) == pytest.approx(3.815e12, rel=1e-3)
    # a home delivers its own year at its own average power in exactly one year
    assert grid.years_to_deliver(10_715, grid.average_power_w(10_715)) == pytest.approx(1.0, rel=1e-14)


# --- the scenario ----------------------------------------------------------------------------------


def test_neighbourhood_scenario_is_consistent():
    s = grid.neighbourhood_scenario(200, 10_715, 50.0)
    assert s.demand_w == pytest.approx(200 * 10_715 * 3.6e6 / SECONDS_PER_YEAR, rel=1e-13)
    assert s.grid_sent_w == pytest.approx(s.demand_w / 0.95, rel=1e-14)
    assert s.grid_lost_w == pytest.approx(0.05 * s.grid_sent_w, rel=1e-12)
    assert s.fiber_transmissivity == pytest.approx(0.1, rel=1e-14) and s.fiber_loss_db == pytest.approx(10.0)
    assert s.fiber_loss_fraction == pytest.approx(0.9, rel=1e-14)
    assert s.photon_delivered_w == pytest.approx(0.1 * 2.5e9 * PHOTON_1550_J, rel=1e-13)
    assert s.share_of_demand * s.fibres_needed == pytest.approx(1.0, rel=1e-12)
    assert s.fibres_needed == pytest.approx(7.630e15, rel=1e-3)


@given(st.integers(1, 5000), st.floats(100.0, 50_000.0), st.floats(0.0, 2000.0), st.floats(0.0, 0.5))
def test_grid_side_does_not_depend_on_distance_and_fibre_side_falls_with_it(n, kwh, length, loss):
    near = grid.neighbourhood_scenario(n, kwh, 0.0, grid_loss_fraction=loss)
    far = grid.neighbourhood_scenario(n, kwh, length, grid_loss_fraction=loss)
    assert far.grid_sent_w == near.grid_sent_w and far.demand_w == near.demand_w
    assert far.photon_delivered_w <= near.photon_delivered_w == pytest.approx(near.photon_sent_w)
    assert far.photon_delivered_w <= far.photon_sent_w


def test_scenario_edge_cases():
    zero = grid.neighbourhood_scenario(3, 0.0, 10.0)
    assert zero.demand_w == 0.0 and zero.fibres_needed == 0.0 and zero.share_of_demand == math.inf
    dark = grid.neighbourhood_scenario(3, 10_715, 100_000.0, attenuation_db_per_km=0.4)  # 40 000 dB
    assert dark.photon_delivered_w == 0.0 and dark.fibres_needed == math.inf
    assert dark.fiber_loss_fraction == 1.0


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: grid.average_power_w(-1.0), "energy_kwh_per_year must be ≥ 0"),
        (lambda: grid.grid_sent_w(10.0, 1.0), "loss_fraction must be ≥ 0 and < 1"),
        (lambda: grid.grid_sent_w(-1.0, 0.1), "delivered_w must be ≥ 0"),
        (lambda: grid.fiber_loss_fraction(math.nan), "length_km must be ≥ 0 and finite"),
        (lambda: grid.fiber_length_for_loss_km(0.1, 0.0), "attenuation_db_per_km must be > 0"),
        (lambda: grid.fiber_length_for_loss_km(1.0), "loss_fraction must be ≥ 0 and < 1"),
        (lambda: grid.photon_power_w(-5.0), "photon_rate_per_s must be ≥ 0"),
        (lambda: grid.photon_rate_per_s(1.0, 0.0), "wavelength_nm must be > 0"),
        (lambda: grid.years_to_deliver(1.0, 0.0), "power_w must be > 0"),
        (lambda: grid.neighbourhood_scenario(0, 10_000, 1.0), "n_homes must be an integer in \\[1, 1e\\+09\\], got 0"),
        (lambda: grid.neighbourhood_scenario(10, 10_000, math.inf), "length_km must be ≥ 0 and finite"),
        (lambda: grid.neighbourhood_scenario(10, 10_000, 1.0, grid_loss_fraction=-0.1), "loss_fraction must be"),
    ],
)
def test_bad_values_are_refused_with_the_parameter_named(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: grid.average_power_w("10715"),
        lambda: grid.neighbourhood_scenario(10.5, 10_000, 1.0),
        lambda: grid.neighbourhood_scenario(True, 10_000, 1.0),
        lambda: grid.fiber_delivered_power_w(None, 10.0),
    ],
)
def test_wrong_types_are_type_errors(call):
    with pytest.raises(TypeError):
        call()


# --- conservation checks and verdicts ----------------------------------------------------------------


def test_qet_share_never_reaches_a_quarter():
    """Closed form (Hotta's minimal model): E_B/E_A = √((1+2r²)² + r²) − (1+2r²) with r = k/h, which rises
    towards 1/4 as r → ∞ (expand the square root). Checked against measurement.qet_minimal."""
    from qedn_lessons import measurement
    from qedn_lessons.verdicts import lesson09

    r = np.array([0.1, 0.5, 1.0, 3.0, 10.0, 100.0])
    closed = np.sqrt((1 + 2 * r**2) ** 2 + r**2) - (1 + 2 * r**2)
    shares = [measurement.qet_minimal(1.0, float(x)).fraction for x in r]
    assert shares == pytest.approx(closed, rel=1e-9)
    assert np.all(np.diff(closed) > 0) and closed[-1] == pytest.approx(0.25, abs=1e-4) and np.all(closed < 0.25)
    check = lesson09.qet_check()
    assert check.ratio == pytest.approx(np.sqrt((1 + 2 * 15**2) ** 2 + 15**2) - (1 + 2 * 15**2), rel=1e-9)  # k/h = 3/0.2
    assert check.ratio >= measurement.qet_minimal(1.5, 1.0).fraction


def test_battery_returns_at_most_what_the_charger_supplied():
    from qedn_lessons import batteries
    from qedn_lessons.verdicts import lesson09

    check = lesson09.battery_check()
    assert check.ratio <= 1.0 + 1e-12
    # a pure charged state gives back everything (W = E − E_ground, Allahverdyan et al. 2004) …
    assert check.ratio == pytest.approx(1.0, abs=1e-9)
    # … a dephased one less: |+⟩ of one cell fully dephased is a 50/50 mixture, passive, W = 0
    mixed = np.diag([0.5, 0.5])
    assert batteries.ergotropy(mixed, np.diag([0.0, 1.0])) == 0.0


def test_fmo_and_fibre_checks_match_direct_computations():
    from qedn_lessons import transport
    from qedn_lessons.verdicts import lesson09

    fmo = lesson09.fmo_check()
    assert 0.9 < fmo.ratio < 1.0
    direct = max(
        transport.transport_efficiency(
            transport.fmo_hamiltonian(), trap_rate_per_ps=2.0, loss_rate_per_ns=1.0, dephasing_per_ps=float(g)
        )
        for g in np.logspace(-2, 3, 21)
    )
    assert fmo.ratio == pytest.approx(direct, rel=1e-9)
    # the ratio counts excitations; the note must say the trap site (3) lies below the entry site (1)
    h = transport.fmo_hamiltonian()
    assert h[0, 0] > h[2, 2] and f"{h[0, 0] - h[2, 2]:.0f} cm⁻¹" in fmo.note and "excitations" in fmo.note
    assert lesson09.fiber_check().ratio == pytest.approx(0.1, rel=1e-14)


def test_verdict_words_follow_the_numbers():
    from qedn_lessons.verdicts import lesson09

    assert lesson09.losses_word(0.369, 0.05) == "contradicted"
    assert lesson09.losses_word(0.04, 0.05) == "partly supported"
    assert lesson09.losses_word(0.02, 0.05) == "supported"
    assert lesson09.unlimited_word(0.9) == "contradicted"
    assert lesson09.unlimited_word(1.0 + 1e-12) == "contradicted"
    assert lesson09.unlimited_word(1.01) == "supported"


def test_lesson09_ledger_rows():
    rows = {row.id: row for row in claims.ledger(9)}
    assert set(rows) == {"reduced-losses", "unlimited-energy"}
    losses, unlimited = rows["reduced-losses"], rows["unlimited-energy"]
    assert losses.verdict == "contradicted"
    assert "36.9%" in losses.evidence and "1.11 km" in losses.evidence and "1222 W" in losses.evidence
    assert unlimited.verdict == "contradicted"
    assert "0.249" in unlimited.evidence and "largest ratio is 1.000" in unlimited.evidence


def test_verdicts_are_computed_not_asserted(monkeypatch):
    from qedn_lessons.verdicts import lesson09

    fake = dict(lesson09.loss_numbers(), fiber_loss_ref=0.01)  # a fibre that lost only 1 % over 10 km
    monkeypatch.setattr(lesson09, "loss_numbers", lambda: fake)
    assert claims.ledger(9)[0].verdict == "supported"
    fake["fiber_loss_ref"] = 0.04
    assert claims.ledger(9)[0].verdict == "partly supported"


def test_unlimited_verdict_flips_if_a_process_created_energy(monkeypatch):
    from qedn_lessons.verdicts import lesson09

    real = lesson09.conservation_checks()
    inflated = (lesson09.ConservationCheck(real[0].process, 7, 1.0, 1.2, "model units", "cheat"),) + real[1:]
    monkeypatch.setattr(lesson09, "conservation_checks", lambda: inflated)
    row = claims.ledger(9)[1]
    assert row.verdict == "supported" and "returned more than it was given" in row.evidence


def test_qet_ledger_imbalance_is_refused(monkeypatch):
    from qedn_lessons import measurement
    from qedn_lessons.verdicts import lesson09

    honest = measurement.qet_protocol

    def leaky(*args, **kwargs):
        run = honest(*args, **kwargs)
        return type(run)(**{**run.__dict__, "left_in_chain": run.left_in_chain + 0.1})

    monkeypatch.setattr(lesson09.measurement, "qet_protocol", leaky)
    with pytest.raises(RuntimeError, match="does not balance"):
        lesson09.qet_check()


# --- exercises and the explorer ----------------------------------------------------------------------


def test_exercise_mistakes_are_recognised():
    wrong_log = evaluate("09.equal_loss_km", -10 * math.log(0.95) / 0.2).message
    assert "natural logarithm" in wrong_log
    assert "only 5% arrive" in evaluate("09.equal_loss_km", -10 * math.log10(0.05) / 0.2).message
    assert "(1 + f)" in evaluate("09.grid_sent", lambda d, f: d * (1 + f)).message
    assert "electronvolts" in evaluate("09.home_photons", 10_715 * 3.6e6 / 0.79990).message
    assert "photons in one kWh" in evaluate("09.home_photons", 2.809e25).message
    assert "divide it by the energy" in evaluate("09.qet_share", 0.142524).message
    assert evaluate("09.qet_share", 0.1142).passed


def test_neighbourhood_explorer_caption_and_bars():
    from qedn_lessons.views.grid import POWER_AXIS_W
    from qedn_lessons.widgets.grid import NeighbourhoodExplorer

    ex = NeighbourhoodExplorer()
    assert "244 kW" in ex.alt_text and "1.11 km" in ex.alt_text and "90% of the photons lost" in ex.alt_text
    low = POWER_AXIS_W[0]
    widths = [dot.get_xdata()[0] for dot in ex.bars]
    s = grid.neighbourhood_scenario(200, grid.US_HOME_KWH_PER_YEAR, 50.0)
    assert widths == pytest.approx([s.demand_w, s.grid_sent_w, s.grid_lost_w, s.photon_sent_w, s.photon_delivered_w], rel=1e-9)
    ex.controls["length_km"].value = 1000.0
    ex.controls["attenuation"].value = 0.4
    assert (
        ex.bars[4].get_xdata()[0] == low and ex.bars[4].get_marker() == "<"
    )  # 3.2e-50 W is below the axis: at the floor, value in the text
    assert "3.2e-50 W" in ex.bar_texts[4].get_text() and "400 dB" in ex.alt_text
    ex.controls["loss_percent"].value = 10.0  # −10·log10(0.9)/0.4 = 1.144 km: inside the plotted 1–1000 km
    assert "losing 10.0%" in ex.alt_text and ex.fraction_artists["equal"].get_visible()
    assert ex.fraction_artists["equal"].get_xdata()[0] == pytest.approx(1.1439, rel=1e-4)
    ex.controls["loss_percent"].value = 1.0  # 0.109 km: left of the plot, the line is hidden and the caption says so
    assert not ex.fraction_artists["equal"].get_visible() and "left of the plotted range" in ex.alt_text


def test_output_over_input_view_draws_one_bar_per_process_and_the_conservation_line():
    from qedn_lessons.style import new_figure
    from qedn_lessons.views.grid import plot_output_over_input, power_of_ten

    fig, ax = new_figure()
    artists = plot_output_over_input(ax, ["a", "b", "c"], [0.25, 1.0, 0.1])
    bars, line = artists[:-1], artists[-1]
    assert [bar.get_width() for bar in bars] == [0.25, 1.0, 0.1]
    assert len({bar.get_hatch() for bar in bars}) == 3  # told apart without colour
    assert list(line.get_xdata()) == [1.0, 1.0]
    assert [t.get_text() for t in ax.texts] == ["0.250", "1.000", "0.100"]
    assert power_of_ten(-35) == "10⁻³⁵" and power_of_ten(10) == "10¹⁰"
