"""Lesson 05: repeater-chain model (waiting time, purification cost, memory decay, hashing yield),
its views, explorer, exercises and verdict.

Independent checks: the alternating-sum formula and a seeded Monte Carlo for the waiting time, the
small-p asymptote H_n/λ + 1/2, qutip's von Neumann entropy for the hashing yield, the closed form
of n − 1 Werner swaps, and the single-segment PLOB inequality.
"""

import math

import numpy as np
import pytest
import qutip
from hypothesis import given, settings
from hypothesis import strategies as st

from qedn_lessons import claims, networks
from qedn_lessons.exercises import all_exercises, evaluate
from qedn_lessons.networks import (
    bbpssw_rounds,
    chain_fidelity,
    delivered_power_w,
    hashing_yield,
    memory_decay_fidelity,
    plob_bound,
    purification_cost,
    repeater_chain,
    swap_fidelity,
    waiting_attempts,
)

# ----------------------------------------------------------------------------------------------
# Waiting time: mean of the largest of n geometric times (Shchukin, Schmidt & van Loock,
# arXiv:1710.06214; with deterministic swapping the chain waits for its slowest segment)


def _alternating(p, n):
    """Textbook inclusion–exclusion: E[max] = Σ_k (−1)^(k+1) C(n,k) / (1 − q^k) (fine for small n)."""
    q = 1 - p
    return sum((-1) ** (k + 1) * math.comb(n, k) / (1 - q**k) for k in range(1, n + 1))


def test_waiting_worked_values():
    assert waiting_attempts(0.1, 1) == pytest.approx(10.0, rel=1e-14)
    # two segments: E = 2/p − 1/(p(2 − p))
    assert waiting_attempts(0.1, 2) == pytest.approx(2 / 0.1 - 1 / (0.1 * 1.9), rel=1e-13)
    assert waiting_attempts(0.1, 2) == pytest.approx(14.736842, abs=1e-6)
    assert waiting_attempts(1.0, 7) == pytest.approx(1.0, rel=1e-14)


@pytest.mark.parametrize("p", [0.9, 0.5, 0.1, 0.01, 1e-3])
@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_waiting_matches_inclusion_exclusion(p, n):
    assert waiting_attempts(p, n) == pytest.approx(_alternating(p, n), rel=1e-9)


def test_waiting_matches_monte_carlo():
    rng = np.random.default_rng(5)
    p, n, trials = 0.05, 6, 200_000
    samples = rng.geometric(p, size=(trials, n)).max(axis=1)
    mean, err = samples.mean(), samples.std() / math.sqrt(trials)
    assert abs(waiting_attempts(p, n) - mean) < 4 * err


@pytest.mark.parametrize("n", [1, 4, 16, 256])
def test_waiting_small_p_asymptote_where_the_alternating_sum_fails(n):
    # E ≈ H_n/λ + 1/2 (Euler–Maclaurin of Σ_t [1 − (1 − e^(−λt))^n]), λ = −ln(1 − p).
    p = 1e-12
    lam = -math.log1p(-p)
    harmonic = sum(1 / k for k in range(1, n + 1))
    assert waiting_attempts(p, n) == pytest.approx(harmonic / lam + 0.5, rel=1e-9)
    if n == 16:  # the cancelling textbook sum is far off here: this is why we use the recursion
        assert abs(_alternating(p, n) - harmonic / p) / (harmonic / p) > 1e-6


@settings(max_examples=40, deadline=None)
@given(st.floats(1e-6, 1.0), st.integers(1, 40))
def test_waiting_grows_with_segments_and_stays_between_bounds(p, n):
    e_n = waiting_attempts(p, n)
    assert e_n >= waiting_attempts(p, max(n - 1, 1)) * (1 - 1e-12)
    # the slowest of n is at least one geometric time and at most the sum of n of them
    assert 1 / p * (1 - 1e-9) <= e_n <= n / p * (1 + 1e-9)


# ----------------------------------------------------------------------------------------------
# Hashing yield (Bennett, DiVincenzo, Smolin & Wootters, PRA 54, 3824 (1996), arXiv:quant-ph/9604024)


@pytest.mark.parametrize("f", [0.82, 0.9, 0.95, 0.99, 1.0])
def test_hashing_yield_equals_one_minus_von_neumann_entropy(f):
    # the Werner state is Bell-diagonal: its eigenvalues are the Bell weights, so 1 − S(ρ) in bits
    from qedn_lessons import entanglement

    rho = entanglement.werner_state((4 * f - 1) / 3)
    assert hashing_yield(f) == pytest.approx(1 - qutip.entropy_vn(rho, base=2), abs=1e-10)


def test_hashing_threshold_near_0_8107():
    assert hashing_yield(0.8107) == 0.0
    assert hashing_yield(0.8115) > 0.0
    assert hashing_yield(0.5) == 0.0 and hashing_yield(0.0) == 0.0


# ----------------------------------------------------------------------------------------------
# Purification cost, memory decay, chained swaps, delivered power


def test_purification_cost_worked_values():
    f, pairs = purification_cost(0.8, 1, "bbpssw")
    assert f == pytest.approx(0.838150, abs=5e-7)
    assert pairs == pytest.approx(2 / 0.768889, rel=1e-6)
    assert purification_cost(0.8, 0) == (0.8, 1.0)
    history = bbpssw_rounds(0.8, 3)
    expected = 8 / (history[0][1] * history[1][1] * history[2][1]) * 1.0
    # R_3 = 2(2(2/p1)/p2)/p3
    assert purification_cost(0.8, 3, "bbpssw")[1] == pytest.approx(expected, rel=1e-12)
    assert purification_cost(0.8, 3, "dejmps")[0] > purification_cost(0.8, 3, "bbpssw")[0]


@given(st.floats(0.5, 1.0), st.integers(0, 6))
def test_purification_costs_at_least_two_pairs_per_round(f, rounds):
    f_out, pairs = purification_cost(f, rounds)
    assert pairs >= 2**rounds * (1 - 1e-12)
    assert pairs <= 4**rounds * (1 + 1e-12)  # every round succeeds with probability ≥ 1/2
    assert f_out >= f - 1e-12


def test_memory_decay():
    assert memory_decay_fidelity(0.9, 0.0, 1.0) == pytest.approx(0.9)
    assert memory_decay_fidelity(0.9, 1.0, 1.0) == pytest.approx(0.25 + 0.65 / math.e, rel=1e-14)
    assert memory_decay_fidelity(0.9, 1e6, math.inf) == pytest.approx(0.9)
    out = memory_decay_fidelity(1.0, np.array([0.0, 1e9]), 1.0)
    assert out == pytest.approx([1.0, 0.25])


@pytest.mark.parametrize("f,n", [(0.9, 4), (0.95, 1), (0.8, 10), (0.6, 3), (1.0, 50)])
def test_chain_fidelity_matches_closed_form(f, n):
    p = (4 * f - 1) / 3
    assert chain_fidelity(f, n) == pytest.approx(0.25 + 0.75 * p**n, abs=1e-12)
    if n == 4 and f == 0.9:
        assert chain_fidelity(f, n) == pytest.approx(0.673126, abs=1e-6)
        assert chain_fidelity(f, 2) == pytest.approx(swap_fidelity(0.9, 0.9))


def test_delivered_power():
    assert delivered_power_w(1000.0, 1000.0) == pytest.approx(1e-17, rel=1e-12)
    assert delivered_power_w(1000.0, 100.0) == pytest.approx(10.0, rel=1e-12)
    assert delivered_power_w(np.array([1.0, 2.0]), 50.0) == pytest.approx([0.1, 0.2])


# ----------------------------------------------------------------------------------------------
# The repeater chain


def test_chain_worked_value_1000_km_ten_segments():
    c = repeater_chain(1000.0, 10)
    assert c.segment_transmissivity == pytest.approx(0.01, rel=1e-12)
    harmonic = sum(1 / k for k in range(1, 11))
    assert c.attempts == pytest.approx(harmonic / -math.log1p(-0.01) + 0.5, rel=1e-4)
    assert c.attempts == pytest.approx(_alternating(0.01, 10), rel=1e-9)
    assert c.pairs_per_use == pytest.approx(1 / c.attempts)
    assert c.direct_plob == pytest.approx(1.4427e-20, rel=1e-4)
    assert c.fidelity == 1.0 and c.ebits_per_use == pytest.approx(c.pairs_per_use)
    assert c.idle_attempts == pytest.approx(c.attempts - 100.0)
    # a slot is the time light needs to cross 100 km at c/1.5
    assert c.slot_time_s == pytest.approx(100e3 * 1.5 / 299_792_458, rel=1e-12)


def test_chain_with_purification_and_memory_matches_a_hand_computation():
    # every step recomputed from closed forms, not from the package: one BBPSSW round (Werner input),
    # success per slot η_seg·N/2, the waiting time from inclusion–exclusion, decay over the mean idle
    # time, three swaps of Werner links and the hashing yield 1 − H(F, q, q, q)
    f0, memory, n = 0.97, 5.0, 4
    q = (1 - f0) / 3
    success = f0**2 + 2 * f0 * q + 5 * q**2
    f1 = (f0**2 + q**2) / success
    p = 10 ** (-0.2 * 100 / 10) * success / 2  # 400 km in four 100 km segments
    attempts = _alternating(p, n)
    idle_s = (attempts - 1 / p) * 100e3 * 1.5 / 299_792_458
    f_link = 0.25 + (f1 - 0.25) * math.exp(-idle_s / memory)
    f_end = 0.25 + 0.75 * ((4 * f_link - 1) / 3) ** n
    rest = 1 - f_end
    yield_ = max(0.0, 1 + f_end * math.log2(f_end) + rest * math.log2(rest / 3))
    for protocol in ("bbpssw", "dejmps"):  # the first round of the two protocols coincides
        c = repeater_chain(400.0, n, link_fidelity=f0, purification_rounds=1, protocol=protocol, memory_time_s=memory)
        assert c.raw_pairs_per_link == pytest.approx(2 / success, rel=1e-12)
        assert c.attempts == pytest.approx(attempts, rel=1e-9)
        assert c.idle_time_s == pytest.approx(idle_s, rel=1e-9)
        assert c.link_fidelity == pytest.approx(f_link, rel=1e-9)
        assert c.fidelity == pytest.approx(f_end, rel=1e-9)
        assert yield_ > 0 and c.ebits_per_use == pytest.approx(yield_ / attempts, rel=1e-8)
        assert c.pairs_per_second == pytest.approx(1 / attempts / (100e3 * 1.5 / 299_792_458), rel=1e-9)


def test_single_segment_is_direct_transmission():
    c = repeater_chain(200.0, 1, link_fidelity=0.97)
    assert c.pairs_per_use == pytest.approx(c.direct_transmissivity, rel=1e-12)
    assert c.idle_attempts == pytest.approx(0.0, abs=1e-6)
    assert c.fidelity == pytest.approx(0.97)


@settings(max_examples=40, deadline=None)
@given(st.floats(1.0, 1500.0), st.floats(0.15, 0.4), st.floats(0.7, 1.0), st.integers(0, 3))
def test_without_repeaters_no_model_beats_plob(length, alpha, f, rounds):
    c = repeater_chain(length, 1, attenuation_db_per_km=alpha, link_fidelity=f, purification_rounds=rounds)
    assert c.ebits_per_use <= plob_bound(c.direct_transmissivity) * (1 + 1e-12)
    assert c.pairs_per_use <= c.direct_transmissivity * (1 + 1e-12)


def test_repeaters_beat_plob_at_long_distance_only_with_good_memories():
    perfect = repeater_chain(1000.0, 10, link_fidelity=0.99)
    assert perfect.ebits_per_use > 1e15 * perfect.direct_plob
    poor = repeater_chain(1000.0, 10, link_fidelity=0.99, memory_time_s=1e-3)
    assert poor.fidelity < 0.3 and poor.ebits_per_use == 0.0


def test_array_input_matches_scalar_calls():
    lengths = np.array([50.0, 400.0, 900.0])
    kw = dict(link_fidelity=0.95, purification_rounds=1, memory_time_s=0.5)
    arr = repeater_chain(lengths, 4, **kw)
    for i, length in enumerate(lengths):
        one = repeater_chain(float(length), 4, **kw)
        for field in ("attempts", "fidelity", "ebits_per_use", "pairs_per_second", "direct_plob"):
            assert getattr(arr, field)[i] == pytest.approx(getattr(one, field), rel=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.floats(10.0, 2000.0), st.integers(1, 16), st.floats(0.7, 1.0), st.integers(0, 4), st.floats(1e-3, 100.0))
def test_chain_outputs_are_physical(length, n, f, rounds, memory):
    c = repeater_chain(length, n, link_fidelity=f, purification_rounds=rounds, memory_time_s=memory)
    assert 0.25 - 1e-12 <= c.fidelity <= 1.0
    assert 0.0 <= c.ebits_per_use <= c.pairs_per_use <= 1.0
    assert c.attempts >= 1.0 and c.idle_attempts >= 0.0


# ----------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    "call,error,match",
    [
        (lambda: waiting_attempts(0.0, 2), ValueError, r"success_probability must be > 0 and ≤ 1"),
        (lambda: waiting_attempts(1.5, 2), ValueError, r"success_probability"),
        (lambda: waiting_attempts(0.5, 0), ValueError, r"n_segments must be an integer ≥ 1, got 0"),
        (lambda: waiting_attempts(0.5, 10**9), ValueError, r"n_segments must be ≤ 256"),
        (lambda: waiting_attempts(0.5, 2.0), TypeError, r"n_segments must be a whole number"),
        (lambda: hashing_yield(1.1), ValueError, r"fidelity must be in \[0, 1\]"),
        (lambda: purification_cost(0.8, 1, "magic"), ValueError, r"protocol must be one of"),
        (lambda: purification_cost(0.8, -1), ValueError, r"rounds must be an integer"),
        (lambda: memory_decay_fidelity(0.9, -1.0, 1.0), ValueError, r"storage_time_s must be ≥ 0"),
        (lambda: memory_decay_fidelity(0.9, 1.0, 0.0), ValueError, r"memory_time_s must be > 0"),
        (lambda: memory_decay_fidelity(0.9, np.array([1.0, np.nan]), 1.0), ValueError, r"storage_time_s"),
        (lambda: chain_fidelity(0.9, 300), ValueError, r"n_segments must be ≤ 256"),
        (lambda: delivered_power_w(-1.0, 10.0), ValueError, r"launched_power_w must be ≥ 0"),
        (lambda: repeater_chain(-5.0, 2), ValueError, r"length_km must be ≥ 0"),
        (lambda: repeater_chain(np.zeros((2, 2)), 2), ValueError, r"1-D array"),
        (lambda: repeater_chain(np.zeros(200_000), 2), ValueError, r"1-D array of 1 to 100000"),
        (lambda: repeater_chain(100.0, 2, link_fidelity=2.0), ValueError, r"fidelity must be in \[0, 1\]"),
        (lambda: repeater_chain(100.0, 2, group_index=0.5), ValueError, r"group_index must be ≥ 1"),
        (lambda: repeater_chain(100.0, 2, memory_time_s=math.nan), ValueError, r"memory_time_s"),
        (lambda: repeater_chain(1e5, 1, attenuation_db_per_km=1.0), ValueError, r"underflows"),
        (lambda: repeater_chain("100", 2), TypeError, r"length_km must be a real number"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_public_names_documented():
    for name in (
        "waiting_attempts",
        "hashing_yield",
        "purification_cost",
        "memory_decay_fidelity",
        "chain_fidelity",
        "delivered_power_w",
        "repeater_chain",
    ):
        assert name in networks.__all__
        assert "References" in getattr(networks, name).__doc__


# ----------------------------------------------------------------------------------------------
# Views and explorer


def test_views_return_artists_that_update_in_place():
    from qedn_lessons.style import new_figure
    from qedn_lessons.views import networks as view

    lengths = np.linspace(10, 2000, 50)
    c = repeater_chain(lengths, 4, link_fidelity=0.95, memory_time_s=0.1)
    fig, (ax1, ax2) = new_figure(1, 2)
    rates = view.plot_rates_vs_distance(ax1, lengths)
    fids = view.plot_fidelity_vs_distance(ax2, lengths)
    view.update_rates_vs_distance(
        rates, c.pairs_per_use, c.ebits_per_use, c.direct_plob, selected_km=500.0, selected_pairs=1e-3, selected_plob=1e-10
    )
    view.update_fidelity_vs_distance(fids, c.link_fidelity, c.fidelity, selected_km=500.0, selected_fidelity=0.7)
    assert np.allclose(rates["pairs"].get_ydata(), c.pairs_per_use)
    # zero rates become gaps on the log axis, never a crash or a fake tiny value
    ebits = rates["ebits"].get_ydata()
    assert np.all(np.isnan(ebits[c.ebits_per_use == 0])) and np.any(c.ebits_per_use == 0)
    assert list(fids["marker"].get_xdata()) == [500.0]
    lines = view.plot_waiting_cost(ax1, [1, 2, 3], {"p = 0.1": [1, 1.5, 1.8]})
    assert len(lines) == 1 and lines[0].get_label() == "p = 0.1"
    bars = view.plot_power_ladder(ax2, ["a", "b", "c"], [1e3, 1e-17, 0.0])
    assert len(bars) == 3


def test_explorer_caption_reports_the_numbers_it_shows():
    from qedn_lessons.widgets.networks import RepeaterChainExplorer

    e = RepeaterChainExplorer()
    here = repeater_chain(1000.0, 10, link_fidelity=0.99, memory_time_s=10.0)
    assert f"{here.fidelity:.3f}" in e.alt_text and f"{here.pairs_per_use:.3g}" in e.alt_text
    assert "1.44e-20" in e.alt_text
    e.controls["repeaters"].value = 0
    assert "= 1 segment(s)" in e.alt_text and "1e-20 pairs per use" in e.alt_text  # direct: η = 1e-20
    # the extreme corner the sliders can reach still works
    for name, value in (
        ("length_km", 2000.0),
        ("attenuation_db_per_km", 0.4),
        ("memory_time_s", 1e-3),
        ("rounds", 4),
        ("link_fidelity", 0.7),
    ):
        e.controls[name].value = value
    assert "Could not update" not in e.caption.value


# ----------------------------------------------------------------------------------------------
# Exercises and verdict


def test_lesson05_has_at_least_three_exercises_with_helpful_mistakes():
    keys = [e.key for e in all_exercises() if e.key.startswith("05.")]
    assert len(keys) >= 3
    assert "ln 2" in evaluate("05.plob_1000", 1e-20).message
    assert "rounds to exactly 1" in evaluate("05.plob_1000", 0.0).message
    assert "slower" in evaluate("05.waiting", 10.0).message
    assert "p⁴" in evaluate("05.chain_fidelity", 0.9**4).message
    assert evaluate("05.power_1000", 1e-17).passed
    assert "multiply by the launched power" in evaluate("05.power_1000", 1e-20).message


def test_verdict_is_computed_from_the_numbers():
    from qedn_lessons.verdicts import lesson05

    [row] = claims.ledger(5)
    assert row.id == "entanglement-distribution" and row.verdict == "contradicted"
    assert "1.44e-20" in row.evidence and "1.2e-17 W" in row.evidence and "1.22 kW" in row.evidence
    assert lesson05.household_power_w() == pytest.approx(10_715 * 3.6e6 / (8766 * 3600), rel=1e-12)


def test_verdict_word_follows_its_condition(monkeypatch):
    # a (fictitious) lossless fibre would deliver the launched power: the condition then gives a
    # different word, so the verdict is not a fixed string
    from qedn_lessons.verdicts import lesson05

    monkeypatch.setattr(lesson05, "ATTENUATION_DB_PER_KM", 0.0)
    assert lesson05.entanglement_distribution().word == "partly supported"


def test_verdict_refuses_to_conclude_if_no_signalling_fails(monkeypatch):
    from qedn_lessons.verdicts import lesson05

    monkeypatch.setattr(lesson05, "energy_per_ebit_change", lambda: (0.1, 1))
    with pytest.raises(RuntimeError, match="no-signalling check failed"):
        lesson05.entanglement_distribution()
