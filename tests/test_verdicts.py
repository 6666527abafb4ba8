"""Regression test of the claim ledger: every claim's verdict word and its key numbers.

Until issue 10 the notebooks were committed with the printed output of their claim-check cell
(``print(claims.report(N))``, marked ``# NBVAL_CHECK_OUTPUT``) and nbval compared it on every run.
Notebooks are now committed without any output (a verdict must be earned by running the lesson, not
read before it), so the regression those outputs guarded lives here.

Where the expected values come from: every number below was copied from the stored output of lesson
N's claim-check cell in the notebooks at commit f786d7d (the last commit that stored them), i.e.
from the text ``claims.report(N)`` printed then. They are computed values (rounded as the evidence
function prints them), not chosen by hand: a change of a physics module, a parameter or a rounding
that moves one of them fails here and must be explained in the commit that updates it.

The evidence *wording* may change (review fixes edit it); the verdict word and the numbers may not,
without a reason. Each number is looked for as a whole token of the evidence text (``0.945`` does
not match ``0.9451`` or ``10.945``).
"""

from __future__ import annotations

import re

import pytest

from qedn_lessons import claims

# claim id → (lesson, verdict word, key numbers as printed in the evidence at f786d7d)
EXPECTED: dict[str, tuple[int, str, tuple[str, ...]]] = {
    # lesson 01 (notebooks/01_superposition_and_coherence.ipynb, cell edba8fb1)
    "nasa-1400s": (1, "unsupported", ("100 nK", "1.118 s", "150 ms", "5500 s", "8.38e-24 J")),
    "coherence-keeps-energy": (1, "contradicted", ("0.67%", "0.50", "0.0034", "6.2e-06", "0.4998", "3.31e-24 J", "1.09e+30")),
    # lesson 02 (notebooks/02_protecting_coherence.ipynb, cell 74f1cc8b)
    "coherence-maintenance": (
        2,
        "contradicted",
        (
            "5.66 µs",
            "0.017",
            "0.945",
            "0.368",
            "gain 1.00",
            "9.9e-06",
            "0.048",
            "0.905",
            "15 raw pairs",
            "10^(-2.62e+20)",
            "10^(-1.58e+44)",
            "0.986",
        ),
    ),
    # lesson 03 (notebooks/03_energy_transport.ipynb, cell 4b0a3053)
    "coherent-transport": (
        3,
        "contradicted",
        ("100 cm⁻¹", "1.5 nm", "0.80", "0.19", "0.007", "10 ps⁻¹", "η = 0.56", "17.7 ms", "1.8e+07", "e^(-1.8e+07)"),
    ),
    "assisted-transport": (
        3,
        "partly supported",
        ("η = 0.823", "0.995", "71 cm⁻¹", "13.3 ps⁻¹", "0.640", "1e+04 ps⁻¹", "90%", "12.0 ps"),
    ),
    # lesson 04 (notebooks/04_entanglement.ipynb, cell 06c663e6)
    "entangled-nodes": (
        4,
        "contradicted",
        ("624 combinations", "1e-15", "T1 = 0.3 ms", "160 µs", "Γt = 0.5348", "concurrence 0.036"),
    ),
    # lesson 05 (notebooks/05_entanglement_networks.ipynb, cell 0bc03ff9)
    "entanglement-distribution": (
        5,
        "contradicted",
        ("352 pairs", "1e-15", "1.28e-19 J", "1e-20", "1.22 kW", "1.2e-17 W", "12.2 W", "1.44e-20", "0.0034", "1203 km"),
    ),
    # lesson 06 (notebooks/06_superposition_energy_and_batteries.ipynb, cell aab76ad5)
    "superposition-distribution": (
        6,
        "contradicted",
        (
            "8 cells",
            "(4)",
            "0.273",
            "0.109",
            "10000",
            "0.495",
            "r = 0.6",
            "0.50 quanta",
            "0.30",
            "1e-12",
            "1.99×",
            "8×",
            "1.09e+30",
            "2.81e+25",
        ),
    ),
    # lesson 07 (notebooks/07_measurement_and_redistribution.ipynb, cell 8b01c8e7)
    "measurement-redistribution": (7, "contradicted", ("+0.500", "1.248", "1e-12", "0.000", "0.997", "0.04")),
    "energy-teleportation": (7, "partly supported", ("0.1425", "1.2481", "11.4%", "4.72e-25 J", "7.6e+30")),
    # lesson 08 (notebooks/08_quantum_security.ipynb, cell 36dbdecc)
    "quantum-security": (
        8,
        "partly supported",
        ("200000", "0.2488", "101", "0.110", "0.41", "4.16e-04", "1.45e-02", "220 km", "1.4e-20", "1.3e-10 W"),
    ),
    # lesson 09 (notebooks/09_verdicts_grid_and_society.ipynb, cell 4cce0672)
    "reduced-losses": (9, "contradicted", ("36.9%", "99%", "5%", "1.11 km", "3.2e-11 W", "3e-14", "1222 W")),
    "unlimited-energy": (9, "contradicted", ("0.249", "225 settings", "1.000", "0.995", "0.10", "1e-09")),
}


@pytest.fixture(scope="module")
def rows() -> dict[str, claims.LedgerRow]:
    return {row.id: row for row in claims.ledger()}


def contains_number(text: str, number: str) -> bool:
    """``number`` occurs in ``text`` as a whole token (no digit or decimal point glued to either end)."""
    return re.search(r"(?<![\d.])" + re.escape(number) + r"(?![\d])", text) is not None


def test_every_claim_is_covered(rows):
    assert set(rows) == set(EXPECTED) == {c.id for c in claims.CLAIMS}
    assert all(row.verdict != claims.NOT_YET for row in rows.values())


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_verdict_word_and_lesson(rows, claim_id):
    lesson, word, _ = EXPECTED[claim_id]
    assert rows[claim_id].lesson == lesson
    assert rows[claim_id].verdict == word


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_key_numbers(rows, claim_id):
    evidence = rows[claim_id].evidence
    missing = [n for n in EXPECTED[claim_id][2] if not contains_number(evidence, n)]
    assert not missing, f"{claim_id}: numbers {missing} no longer in the evidence: {evidence}"


@pytest.mark.parametrize("lesson", sorted({v[0] for v in EXPECTED.values()}))
def test_report_prints_each_claim_with_its_verdict(lesson):
    """``claims.report(N)`` (what the notebook's claim-check cell prints) names each claim and its word."""
    text = claims.report(lesson)
    expected = [(cid, word) for cid, (n, word, _) in EXPECTED.items() if n == lesson]
    verdict_lines = [line for line in text.splitlines() if line.startswith("Verdict: ")]
    assert verdict_lines == [f"Verdict: {word.upper()}" for _, word in expected]
    summaries = {c.id: c.summary for c in claims.CLAIMS}
    for cid, _ in expected:
        assert f"Claim: {summaries[cid]}" in text
    assert text == claims.report(lesson), "the report must be deterministic"


def test_contains_number_is_strict():
    # the matcher itself: a whole token matches, a longer number does not
    assert contains_number("raises 0.017 to 0.945 but", "0.945")
    assert not contains_number("value 0.9451", "0.945")
    assert not contains_number("value 10.945", "0.945")
    assert contains_number("loses 36.9% of", "36.9%")
