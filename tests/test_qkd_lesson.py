"""Lesson 08: the lossy-link key-rate model added to qedn_lessons.qkd, its views, explorer, exercises
and verdict.

Checks against analytic limits (lossless and noiseless link: 1 − 2h(0) = 1 secret bit per sifted
bit; no dark counts: QBER = misalignment ⊕ f/4 at every length; R ∝ 10^(−αL/10) far away), against
an independent root finder for the maximum distance, against the PLOB bound (Pirandola, Laurenza,
Ottaviani & Banchi, Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043, arXiv:1510.08863),
against the Shor–Preskill threshold 0.110028 (PRL 85, 441 (2000), doi:10.1103/PhysRevLett.85.441),
against ``simulate_bb84`` statistics, and against an independent seeded Monte Carlo of the whole
link written here photon by photon (bases, Eve, loss, dark counts, misalignment, sifting).
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from qedn_lessons import networks, qkd
from qedn_lessons.qkd import (
    MAX_CURVE_POINTS,
    SHOR_PRESKILL_THRESHOLD,
    bb84_link,
    combine_bit_flips,
    detection_probability,
    eavesdrop_fraction_threshold,
    key_rate_curve,
    link_qber,
    max_key_distance_km,
    secret_key_fraction,
    signal_error_rate,
    simulate_bb84,
)

IDEAL = dict(detector_efficiency=1.0, dark_count_probability=0.0, misalignment_error=0.0)


# --- limits ------------------------------------------------------------------------------------------


def test_lossless_noiseless_link_gives_one_secret_bit_per_sifted_bit():
    link = bb84_link(0.0, **IDEAL)
    assert link.channel_transmissivity == 1.0 and link.detection_probability == 1.0
    assert link.qber == 0.0
    assert link.key_fraction == 1.0 == 1.0 - 2.0 * qkd.binary_entropy(0.0)
    assert link.key_rate_per_pulse == 0.5  # sifting keeps half: one secret bit per sifted bit
    assert link.plob_bound == math.inf and not link.aborted


def test_without_dark_counts_the_qber_is_the_signal_error_at_every_length():
    for e, f in ((0.0, 0.0), (0.02, 0.0), (0.0, 0.3), (0.03, 0.2)):
        e_sig = e + f / 4 - 2 * e * f / 4
        for length in (0.0, 10.0, 137.0, 800.0):
            link = bb84_link(
                length, detector_efficiency=0.2, dark_count_probability=0.0, misalignment_error=e, eavesdrop_fraction=f
            )
            assert link.qber == pytest.approx(e_sig, abs=1e-15)
            eta = 0.2 * 10 ** (-0.2 * length / 10)
            assert link.key_rate_per_pulse == pytest.approx(0.5 * eta * max(0.0, 1 - 2 * qkd.binary_entropy(e_sig)), rel=1e-12)
    assert max_key_distance_km(dark_count_probability=0.0) == math.inf


def test_rate_falls_exponentially_with_length_at_the_fibre_attenuation():
    # far from the dark-count wall R ≈ ½ η_d η_ch (1 − 2h(e)): slope of log10 R is −α/10 per km
    curve = key_rate_curve(np.array([60.0, 100.0]), attenuation_db_per_km=0.2, dark_count_probability=1e-9)
    slope = np.diff(np.log10(curve.key_rate_per_pulse))[0] / 40.0
    assert slope == pytest.approx(-0.02, rel=2e-3)
    # 100 km of 0.2 dB/km fibre: 20 dB, η_ch = 0.01 (docs/PHYSICS.md §5)
    assert curve.channel_transmissivity[1] == pytest.approx(0.01, rel=1e-12)


def test_dark_counts_set_a_maximum_distance_matching_an_independent_root():
    params = dict(detector_efficiency=0.1, dark_count_probability=1e-6, misalignment_error=0.01)
    l_max = max_key_distance_km(**params)
    # independent: find where the QBER crosses the Shor–Preskill threshold with brentq
    root = brentq(lambda length: bb84_link(length, **params).qber - SHOR_PRESKILL_THRESHOLD, 1.0, 1000.0, xtol=1e-10)
    assert l_max == pytest.approx(root, rel=1e-9)
    assert bb84_link(l_max * (1 - 1e-6), **params).key_rate_per_pulse > 0
    assert bb84_link(l_max * (1 + 1e-6), **params).key_rate_per_pulse == 0.0
    assert bb84_link(l_max * (1 + 1e-6), **params).aborted
    # ten times more dark counts: 10 dB less reach, i.e. 50 km less at 0.2 dB/km (η* ∝ p_dark when p_dark ≪ 1)
    shorter = max_key_distance_km(detector_efficiency=0.1, dark_count_probability=1e-5, misalignment_error=0.01)
    assert l_max - shorter == pytest.approx(50.0, abs=0.05)


def test_no_key_at_any_distance_when_the_signal_error_is_above_threshold():
    assert max_key_distance_km(misalignment_error=0.12) == 0.0
    assert max_key_distance_km(eavesdrop_fraction=1.0) == 0.0
    assert bb84_link(0.0, eavesdrop_fraction=1.0).key_rate_per_pulse == 0.0
    # a detector so poor that dark counts dominate already at 0 km
    assert max_key_distance_km(detector_efficiency=1e-6, dark_count_probability=1e-5) == 0.0
    assert max_key_distance_km(attenuation_db_per_km=0.0) == math.inf


def test_eavesdrop_threshold():
    assert eavesdrop_fraction_threshold(0.0) == pytest.approx(4 * 0.110028, abs=2e-6)
    for e in (0.0, 0.01, 0.05):
        f_star = eavesdrop_fraction_threshold(e)
        assert signal_error_rate(e, f_star) == pytest.approx(SHOR_PRESKILL_THRESHOLD, abs=1e-12)
        assert secret_key_fraction(signal_error_rate(e, f_star)) == pytest.approx(0.0, abs=1e-9)
    assert eavesdrop_fraction_threshold(0.2) == 0.0


def test_combine_bit_flips_by_enumeration():
    for p, q in ((0.0, 0.0), (0.1, 0.25), (0.5, 0.3), (1.0, 0.2)):
        wrong = sum(pa * pb for a, pa in ((1, p), (0, 1 - p)) for b, pb in ((1, q), (0, 1 - q)) if a ^ b)
        assert combine_bit_flips(p, q) == pytest.approx(wrong, abs=1e-15)
        assert combine_bit_flips(p, q) == combine_bit_flips(q, p)
    assert combine_bit_flips(0.5, 0.123) == 0.5


# --- against the PLOB bound and the Monte Carlo ------------------------------------------------------


def test_key_rate_stays_below_the_plob_bound_and_uses_networks():
    curve = key_rate_curve(np.linspace(0.0, 300.0, 61))
    for length, eta, plob in zip(curve.lengths_km, curve.channel_transmissivity, curve.plob_bound):
        assert eta == networks.fiber_transmissivity(length)
        assert plob == networks.plob_bound(eta)
    assert np.all(curve.key_rate_per_pulse <= curve.plob_bound)
    at_100 = bb84_link(100.0)
    # 100 km: PLOB = −log2(0.99) = 0.0145; the model stays a factor > 30 below it
    assert at_100.plob_bound == pytest.approx(-math.log2(0.99), rel=1e-12)
    assert at_100.plob_bound / at_100.key_rate_per_pulse > 30


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0.0, 600.0),
    st.floats(0.01, 1.0),
    st.floats(0.0, 1e-3),
    st.floats(0.0, 0.5),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.5),
)
def test_link_invariants(length, eta_d, dark, e_mis, f, alpha):
    kw = dict(
        attenuation_db_per_km=alpha,
        detector_efficiency=eta_d,
        dark_count_probability=dark,
        misalignment_error=e_mis,
        eavesdrop_fraction=f,
    )
    link = bb84_link(length, **kw)
    assert 0.0 <= link.qber <= 0.5
    assert 0.0 <= link.key_rate_per_pulse <= 0.5
    assert link.key_rate_per_pulse <= link.plob_bound  # no repeaterless protocol beats PLOB
    assert link.aborted == (link.key_rate_per_pulse == 0.0)
    farther = bb84_link(length + 10.0, **kw)
    assert farther.key_rate_per_pulse <= link.key_rate_per_pulse + 1e-18
    assert farther.qber >= link.qber - 1e-12
    assert bb84_link(length, **{**kw, "eavesdrop_fraction": min(1.0, f + 0.1)}).qber >= link.qber - 1e-12


@pytest.mark.parametrize("f", [0.0, 0.3, 0.6])
def test_ideal_link_qber_agrees_with_simulate_bb84(f):
    sim = simulate_bb84(200_000, eavesdrop_fraction=f, rng=np.random.default_rng(808))
    model = link_qber(1.0, dark_count_probability=0.0, misalignment_error=0.0, eavesdrop_fraction=f)
    sigma = math.sqrt(max(model * (1 - model), 1e-12) / sim.n_sifted)
    assert abs(sim.qber - model) <= 5 * sigma
    # the attack is seen or not, as the threshold says: 0.3 < f* = 0.44 < 0.6
    expected_side = f > eavesdrop_fraction_threshold(0.0)
    assert (sim.qber - 5 * sim.qber_standard_error > SHOR_PRESKILL_THRESHOLD) == expected_side


def _monte_carlo_link(n, *, eta, dark, e_mis, f, rng):
    """Photon-by-photon BB84 over a lossy, noisy link, written independently of qkd.py."""
    alice_bit = rng.integers(0, 2, n)
    alice_basis = rng.integers(0, 2, n)
    attacked = rng.random(n) < f
    eve_basis = rng.integers(0, 2, n)
    eve_bit = np.where(eve_basis == alice_basis, alice_bit, rng.integers(0, 2, n))
    basis_sent = np.where(attacked, eve_basis, alice_basis)
    bit_sent = np.where(attacked, eve_bit, alice_bit)
    bob_basis = rng.integers(0, 2, n)
    measured = np.where(bob_basis == basis_sent, bit_sent, rng.integers(0, 2, n))
    measured ^= (rng.random(n) < e_mis).astype(measured.dtype)  # optics flip
    arrived = rng.random(n) < eta
    dark_click = (~arrived) & (rng.random(n) < dark)
    bob_bit = np.where(arrived, measured, rng.integers(0, 2, n))  # a dark count gives a random bit
    click = arrived | dark_click
    sifted = click & (alice_basis == bob_basis)
    errors = sifted & (bob_bit != alice_bit)
    return sifted.sum() / n, errors.sum() / max(sifted.sum(), 1), int(sifted.sum())


@pytest.mark.parametrize("eta,dark,e_mis,f", [(0.02, 0.01, 0.03, 0.0), (0.005, 0.004, 0.0, 0.4), (0.3, 0.0, 0.05, 0.2)])
def test_link_model_agrees_with_an_independent_monte_carlo(eta, dark, e_mis, f):
    n = 400_000
    sifted_rate, qber, n_sifted = _monte_carlo_link(n, eta=eta, dark=dark, e_mis=e_mis, f=f, rng=np.random.default_rng(8))
    y = detection_probability(eta, dark)
    q = link_qber(eta, dark_count_probability=dark, misalignment_error=e_mis, eavesdrop_fraction=f)
    p_sift = qkd.SIFTING_FACTOR * y
    assert abs(sifted_rate - p_sift) <= 5 * math.sqrt(p_sift * (1 - p_sift) / n)
    assert abs(qber - q) <= 5 * math.sqrt(q * (1 - q) / n_sifted)


def test_key_rate_curve_matches_pointwise_links():
    lengths = [0.0, 25.0, 180.0, 230.0]
    curve = key_rate_curve(lengths, misalignment_error=0.02, eavesdrop_fraction=0.1)
    for i, length in enumerate(lengths):
        link = bb84_link(length, misalignment_error=0.02, eavesdrop_fraction=0.1)
        assert curve.qber[i] == link.qber and curve.key_rate_per_pulse[i] == link.key_rate_per_pulse
        assert curve.plob_bound[i] == link.plob_bound


def test_nothing_detectable_reports_an_uncorrelated_qber_not_nan():
    assert link_qber(0.0, dark_count_probability=0.0) == 0.5
    link = bb84_link(20_000.0, dark_count_probability=0.0)  # 4000 dB: η underflows to 0
    assert link.qber == 0.5 and link.key_rate_per_pulse == 0.0 and link.plob_bound == 0.0


# --- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call,exc,match",
    [
        (lambda: bb84_link(-1.0), ValueError, r"length_km must be ≥ 0 and finite, got -1.0"),
        (lambda: bb84_link(math.inf), ValueError, "length_km"),
        (lambda: bb84_link("far"), TypeError, "length_km must be a real number"),
        (lambda: bb84_link(10.0, detector_efficiency=0.0), ValueError, r"detector_efficiency must be > 0 and ≤ 1"),
        (lambda: bb84_link(10.0, dark_count_probability=1.0), ValueError, r"dark_count_probability must be ≥ 0 and < 1"),
        (lambda: bb84_link(10.0, misalignment_error=0.6), ValueError, r"misalignment_error must be in \[0, 0.5\]"),
        (lambda: bb84_link(10.0, eavesdrop_fraction=-0.1), ValueError, r"fraction must be in \[0, 1\]"),
        (lambda: bb84_link(10.0, attenuation_db_per_km=math.nan), ValueError, "attenuation_db_per_km"),
        (lambda: key_rate_curve([]), ValueError, "at least one length"),
        (lambda: key_rate_curve([[1.0, 2.0]]), ValueError, "lengths_km must have 1 dimension"),
        (lambda: key_rate_curve([1.0, -2.0]), ValueError, "lengths_km must be ≥ 0"),
        (lambda: key_rate_curve([1.0, math.nan]), ValueError, "finite"),
        (lambda: key_rate_curve(["a"]), TypeError, "lengths_km must hold numbers"),
        (lambda: key_rate_curve(range(10**12)), ValueError, f"at most {MAX_CURVE_POINTS}"),  # refused at once
        (lambda: link_qber(1.5), ValueError, r"eta must be in \[0, 1\]"),
        (lambda: detection_probability(0.5, -1e-3), ValueError, "dark_count_probability"),
        (lambda: combine_bit_flips(0.2, 2.0), ValueError, r"q must be in \[0, 1\]"),
        (lambda: eavesdrop_fraction_threshold(-0.01), ValueError, "misalignment_error"),
        (lambda: max_key_distance_km(detector_efficiency=2.0), ValueError, "detector_efficiency"),
    ],
)
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- views, explorer, exercises, verdict -----------------------------------------------------------------


def test_views_return_artists_that_update_in_place():
    from qedn_lessons.style import new_figure
    from qedn_lessons.views import qkd as view

    fig, (ax1, ax2) = new_figure(1, 2)
    curve = key_rate_curve(np.linspace(0.0, 300.0, 31))
    q = view.plot_qber_vs_distance(
        ax1, curve.lengths_km, curve.qber, threshold=SHOR_PRESKILL_THRESHOLD, current_km=100.0, current_qber=0.01
    )
    r = view.plot_key_rate_vs_distance(
        ax2, curve.lengths_km, curve.key_rate_per_pulse, curve.plob_bound, current_km=100.0, current_rate=1e-4, max_km=None
    )
    assert not r["max_line"].get_visible()
    assert "maximum distance" in [t.get_text() for t in ax2.get_legend().get_texts()]
    view.update_vertical(r["max_line"], 220.0)
    assert r["max_line"].get_visible() and r["max_line"].get_xdata()[0] == 220.0
    view.update_vertical(r["max_line"], math.inf)
    assert not r["max_line"].get_visible()
    view.update_marker(r["current"], 250.0, 0.0)  # no key: nothing to draw on a log axis
    assert math.isnan(r["current"].get_ydata()[0])
    view.update_marker(q["current"], 250.0, 0.3)
    assert q["current"].get_ydata()[0] == 0.3
    # zero rates are not drawn (NaN), positive ones are kept
    drawn = r["rate"].get_ydata()
    assert np.all(np.isnan(drawn[curve.key_rate_per_pulse == 0])) and np.all(drawn[curve.key_rate_per_pulse > 0] > 0)
    fig2, (a, b) = new_figure(1, 2)
    e = view.plot_qber_vs_eavesdropping(
        a,
        [0, 1],
        [0, 0.25],
        simulated_fractions=[0.5],
        simulated_qber=[0.12],
        simulated_error=[0.01],
        threshold=SHOR_PRESKILL_THRESHOLD,
    )
    k = view.plot_key_fraction(b, np.linspace(0, 0.5, 11), np.linspace(1, -1, 11), threshold=SHOR_PRESKILL_THRESHOLD)
    assert e["simulated"] is not None and k["fraction"].get_xdata()[-1] == 0.5


def test_explorer_caption_states_the_numbers_and_the_abort():
    import matplotlib

    matplotlib.use("Agg")
    from qedn_lessons.widgets.qkd import QKDLinkExplorer

    explorer = QKDLinkExplorer()
    link = bb84_link(100.0)
    assert f"QBER = {link.qber:.4f}" in explorer.alt_text
    assert f"{link.key_rate_per_pulse:.3g} secret bits per pulse" in explorer.alt_text
    assert f"Maximum distance {max_key_distance_km():.0f} km" in explorer.alt_text
    before = explorer.image.value
    explorer.controls["eavesdrop_fraction"].value = 0.6
    assert "reveal the attack" in explorer.alt_text and "No key at any length" in explorer.alt_text
    assert explorer.image.value != before
    explorer.controls["eavesdrop_fraction"].value = 0.0
    explorer.controls["dark_count_probability"].value = 1e-9
    explorer.controls["length_km"].value = 400.0
    assert "L = 400 km" in explorer.alt_text and "Maximum distance 370 km" in explorer.alt_text
    # optics alone above the threshold: the abort is not blamed on a small attack
    explorer.controls["misalignment_error"].value = 0.12
    explorer.controls["eavesdrop_fraction"].value = 0.05
    assert "Too many errors" in explorer.alt_text and "reveal the attack" not in explorer.alt_text


def test_lesson_exercises_judge_solutions_and_mistakes():
    from qedn_lessons.exercises import evaluate

    assert evaluate("08.eve_threshold", 0.440111).passed
    assert "f/4" in evaluate("08.eve_threshold", 0.110028).message
    assert evaluate("08.key_fraction", 1 - 2 * qkd.binary_entropy(0.05)).passed
    assert "privacy amplification" in evaluate("08.key_fraction", 1 - qkd.binary_entropy(0.05)).message.lower()
    t = 256 / (bb84_link(200.0).key_rate_per_pulse * 1e9)
    assert evaluate("08.key_time", t).passed and "pulses" in evaluate("08.key_time", t * 1e9).message
    assert evaluate("08.dark_counts", 50.0).passed
    assert evaluate("08.protects", "The control messages").passed
    assert not evaluate("08.protects", "the power flow").passed


def test_verdict_is_computed_from_the_numbers(monkeypatch):
    from qedn_lessons import claims
    from qedn_lessons.verdicts import lesson08

    row = claims.ledger(8)[0]
    assert row.id == "quantum-security" and row.verdict == "partly supported"
    run = lesson08.full_attack_run()
    assert f"QBER is {run.qber:.4f}" in row.evidence
    assert f"stops at {max_key_distance_km():.0f} km" in row.evidence
    assert lesson08.photon_stream_power_w() == pytest.approx(1.2816e-10, rel=1e-4)  # docs/PHYSICS.md §9: 1.2816e-19 J × 1e9/s
    # the word follows the numbers: an unseen attack contradicts the claim ...
    monkeypatch.setattr(
        lesson08, "full_attack_run", lambda: simulate_bb84(200_000, eavesdrop_fraction=0.2, rng=np.random.default_rng(1))
    )
    assert lesson08.quantum_security().word == "contradicted"
    # ... and a key that reached across a continent carrying real power would support it
    monkeypatch.undo()
    monkeypatch.setattr(lesson08.qkd, "max_key_distance_km", lambda **kw: math.inf)
    monkeypatch.setattr(lesson08, "photon_stream_power_w", lambda: 5.0)
    assert lesson08.quantum_security().word == "supported"
