"""Lesson 08 physics: BB84, intercept-resend errors, Shor–Preskill key fraction, Monte Carlo run.

Worked values from docs/PHYSICS.md §8: intercept-resend on a fraction f gives QBER = f/4
(Bennett & Brassard 1984, Theor. Comput. Sci. 560, 7 (2014), doi:10.1016/j.tcs.2014.05.025); the
key fraction 1 − 2h(Q) vanishes at Q = 0.110028 (Shor & Preskill, PRL 85, 441 (2000),
doi:10.1103/PhysRevLett.85.441).
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import brentq
from scipy.stats import entropy

from qedn_lessons import qkd
from qedn_lessons.qkd import (
    MAX_PULSES,
    SHOR_PRESKILL_THRESHOLD,
    binary_entropy,
    intercept_resend_qber,
    secret_key_fraction,
    simulate_bb84,
)


def test_intercept_resend_worked_values():
    assert intercept_resend_qber(1.0) == 0.25
    assert intercept_resend_qber(0.0) == 0.0
    assert intercept_resend_qber(0.4) == pytest.approx(0.1)


def test_intercept_resend_by_enumeration():
    # Independent count: Eve's basis is wrong with probability 1/2; then Bob (in Alice's basis,
    # since only sifted pulses count) gets a fair coin, wrong with probability 1/2.
    p_error = sum(0.5 * (0.0 if eve_right else 0.5) for eve_right in (True, False))
    for f in (0.0, 0.3, 1.0):
        assert intercept_resend_qber(f) == pytest.approx(f * p_error)


def test_key_fraction_zero_at_shor_preskill_threshold():
    assert SHOR_PRESKILL_THRESHOLD == pytest.approx(0.110028, abs=5e-7)
    assert secret_key_fraction(0.110028) == pytest.approx(0.0, abs=1e-5)
    root = brentq(secret_key_fraction, 0.01, 0.4, xtol=1e-15)
    assert root == pytest.approx(0.110028, abs=5e-7)
    assert secret_key_fraction(0.0) == 1.0
    assert secret_key_fraction(0.1) > 0.0
    assert secret_key_fraction(0.12) < 0.0
    assert secret_key_fraction(0.25) < 0.0  # full intercept-resend: no key
    assert secret_key_fraction(0.5) == pytest.approx(-1.0)


def test_binary_entropy_against_scipy():
    for p in (0.01, 0.11, 0.25, 0.5, 0.9):
        assert binary_entropy(p) == pytest.approx(entropy([p, 1 - p], base=2), rel=1e-12)
    assert binary_entropy(0.0) == 0.0 and binary_entropy(1.0) == 0.0


@given(st.floats(0.0, 0.5), st.floats(0.0, 0.5))
def test_key_fraction_decreases_with_qber(q1, q2):
    k1, k2 = secret_key_fraction(q1), secret_key_fraction(q2)
    assert -1.0 <= k1 <= 1.0
    if q1 < q2:
        assert k1 >= k2
    assert (k1 > 0) == (q1 < SHOR_PRESKILL_THRESHOLD) or abs(q1 - SHOR_PRESKILL_THRESHOLD) < 1e-12


@pytest.mark.parametrize("f", [0.0, 0.2, 0.5, 1.0])
def test_simulation_matches_theory_within_statistical_error(f):
    n = 200_000
    result = simulate_bb84(n, eavesdrop_fraction=f, rng=np.random.default_rng(2024))
    assert result.n_pulses == n
    # sifted fraction: binomial(n, 1/2), standard deviation √(1/4n); allow 5σ
    assert abs(result.sifted_fraction - 0.5) < 5 * math.sqrt(0.25 / n)
    # QBER: binomial(n_sifted, f/4); allow 5σ (exactly 0 without Eve on an ideal channel)
    expected = intercept_resend_qber(f)
    sigma = math.sqrt(expected * (1 - expected) / result.n_sifted)
    if f == 0.0:
        assert result.qber == 0.0 and result.n_errors == 0
    else:
        assert abs(result.qber - expected) < 5 * sigma
    assert result.qber == result.n_errors / result.n_sifted
    assert result.sifted_fraction == result.n_sifted / n


def test_simulation_is_reproducible_with_a_seed_and_varies_without():
    a = simulate_bb84(50_000, eavesdrop_fraction=0.7, rng=np.random.default_rng(5))
    b = simulate_bb84(50_000, eavesdrop_fraction=0.7, rng=np.random.default_rng(5))
    c = simulate_bb84(50_000, eavesdrop_fraction=0.7, rng=np.random.default_rng(6))
    assert a == b
    assert (a.n_sifted, a.n_errors) != (c.n_sifted, c.n_errors)


def test_simulation_across_blocks_and_tiny_runs():
    # more than one block of 2²⁰ pulses (checks the block loop), full attack
    n = (1 << 20) + 12345
    r = simulate_bb84(n, eavesdrop_fraction=1.0, rng=np.random.default_rng(11))
    assert r.n_pulses == n
    assert abs(r.qber - 0.25) < 5 * math.sqrt(0.25 * 0.75 / r.n_sifted)
    assert abs(r.qber_standard_error - math.sqrt(r.qber * (1 - r.qber) / r.n_sifted)) < 1e-15
    # one pulse: sifted or not; the QBER is NaN when nothing is sifted
    for seed in range(20):
        one = simulate_bb84(1, eavesdrop_fraction=1.0, rng=np.random.default_rng(seed))
        assert one.n_sifted in (0, 1)
        assert math.isnan(one.qber) if one.n_sifted == 0 else one.qber in (0.0, 1.0)


@given(st.integers(1, 2000), st.floats(0.0, 1.0), st.integers(0, 2**32 - 1))
def test_simulation_outputs_are_fractions(n, f, seed):
    r = simulate_bb84(n, eavesdrop_fraction=f, rng=np.random.default_rng(seed))
    assert 0 <= r.n_errors <= r.n_sifted <= n
    assert 0.0 <= r.sifted_fraction <= 1.0
    assert math.isnan(r.qber) or 0.0 <= r.qber <= 1.0
    if f == 0.0:
        assert r.n_errors == 0


def test_refuses_too_many_pulses_before_allocating():
    with pytest.raises(ValueError, match=r"n_pulses must be ≤ 10000000 .*got 10000001"):
        simulate_bb84(MAX_PULSES + 1, rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"n_pulses must be ≤ 10000000"):
        simulate_bb84(10**15)  # would need petabytes: refused at once


@pytest.mark.parametrize(
    "call,exc,match",
    [
        (lambda: intercept_resend_qber(1.5), ValueError, r"fraction must be in \[0, 1\] and finite, got 1.5"),
        (lambda: intercept_resend_qber(math.nan), ValueError, "fraction"),
        (lambda: intercept_resend_qber("all"), TypeError, "fraction must be a real number"),
        (lambda: secret_key_fraction(-0.1), ValueError, r"qber must be in \[0, 1\]"),
        (lambda: secret_key_fraction(math.inf), ValueError, "qber"),
        (lambda: simulate_bb84(0), ValueError, r"n_pulses must be an integer ≥ 1, got 0"),
        (lambda: simulate_bb84(-5), ValueError, "n_pulses"),
        (lambda: simulate_bb84(10.0), TypeError, "n_pulses must be a whole number"),
        (lambda: simulate_bb84(10, eavesdrop_fraction=2.0), ValueError, r"eavesdrop_fraction must be in \[0, 1\]"),
        (lambda: simulate_bb84(10, eavesdrop_fraction=math.nan), ValueError, "eavesdrop_fraction"),
        (lambda: simulate_bb84(10, rng=42), TypeError, "rng must be a numpy.random.Generator"),
        (lambda: simulate_bb84(10), TypeError, "rng must be a numpy.random.Generator"),  # one policy: no unseeded runs
    ],
)
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_result_has_contract_fields():
    r = simulate_bb84(100, rng=np.random.default_rng(1))
    assert isinstance(r, qkd.BB84Result)
    assert isinstance(r.qber, float) and isinstance(r.sifted_fraction, float)
