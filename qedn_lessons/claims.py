"""The claim ledger: every claim of the QEDN proposal the course tests, its lesson and its verdict.

Claims are paraphrased from the proposal (``shared/seed``), never quoted. A verdict is computed by an
*evidence function* from the lesson's own simulation; lessons not yet written show
"not yet examined". Evidence functions live in ``qedn_lessons/verdicts/lessonNN.py`` and register
with :func:`evidence_for`::

    @evidence_for("coherent-transport")
    def _():
        eta = transport_efficiency(...)
        return Verdict("contradicted", f"η = {eta:.3f} after 1 µm ...")

Verdict words (nothing else): supported, partly supported, contradicted, unsupported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qedn_lessons._registry import import_submodules

VERDICT_WORDS = ("supported", "partly supported", "contradicted", "unsupported")
NOT_YET = "not yet examined"


@dataclass(frozen=True)
class Claim:
    id: str
    summary: str  # paraphrase of the proposal
    lesson: int
    kind: str = "physics"  # "physics" or "factual"


@dataclass(frozen=True)
class Verdict:
    word: str
    evidence: str  # one or two sentences with the computed (or cited) numbers

    def __post_init__(self):
        if self.word not in VERDICT_WORDS:
            raise ValueError(f"word must be one of {VERDICT_WORDS}, got {self.word!r}")


@dataclass(frozen=True)
class LedgerRow:
    id: str
    summary: str
    lesson: int
    notebook: str
    verdict: str
    evidence: str


#: Lesson number → notebook file (DESIGN course map).
NOTEBOOKS: dict[int, str] = {
    0: "00_start_here.ipynb",
    1: "01_superposition_and_coherence.ipynb",
    2: "02_protecting_coherence.ipynb",
    3: "03_energy_transport.ipynb",
    4: "04_entanglement.ipynb",
    5: "05_entanglement_networks.ipynb",
    6: "06_superposition_energy_and_batteries.ipynb",
    7: "07_measurement_and_redistribution.ipynb",
    8: "08_quantum_security.ipynb",
    9: "09_verdicts_grid_and_society.ipynb",
}

#: The proposal's claims, paraphrased, in the order the course meets them.
CLAIMS: tuple[Claim, ...] = (
    Claim("nasa-1400s", "NASA's Cold Atom Lab has kept a quantum system coherent for 1400 seconds in orbit.", 1, "factual"),
    Claim("coherence-keeps-energy", "Coherence keeps energy intact: a quantum system does not degrade the way a classical wave does.", 1),
    Claim("coherence-maintenance", "Cold, microgravity, error correction and purification can keep macroscopic systems coherent.", 2),
    Claim("coherent-transport", "Coherence carries energy over vast distances without any infrastructure.", 3),
    Claim("assisted-transport", "Quantum coherence makes energy transfer more efficient (the real kernel: noise-assisted transport in light-harvesting complexes).", 3),
    Claim("entangled-nodes", "Entangled storage nodes share energy and coherence across the network.", 4),
    Claim("entanglement-distribution", "Long-distance entanglement distribution can serve as energy infrastructure.", 5),
    Claim("superposition-distribution", "Energy held in superposition is distributed optimally according to demand.", 6),
    Claim("measurement-redistribution", "Measuring at one node turns energy into a usable form and redistributes the rest.", 7),
    Claim("energy-teleportation", "Local measurement plus a message can move energy between distant nodes (quantum energy teleportation).", 7),
    Claim("quantum-security", "Quantum channels secure the energy network against attack.", 8),
    Claim("reduced-losses", "The network dramatically reduces transmission losses compared with the grid.", 9),
    Claim("unlimited-energy", "The network makes energy availability potentially unlimited.", 9),
)

_EVIDENCE: dict[str, Callable[[], Verdict]] = {}


def evidence_for(claim_id: str) -> Callable[[Callable[[], Verdict]], Callable[[], Verdict]]:
    """Register the decorated function as the evidence that decides claim ``claim_id``."""
    ids = {c.id for c in CLAIMS}
    if claim_id not in ids:
        raise ValueError(f"claim_id must be one of {sorted(ids)}, got {claim_id!r}")

    def register(function: Callable[[], Verdict]) -> Callable[[], Verdict]:
        _EVIDENCE[claim_id] = function
        return function

    return register


def ledger(lesson: int | None = None) -> list[LedgerRow]:
    """The claim ledger, each verdict computed now by its evidence function.

    ``lesson`` keeps only that lesson's claims. Claims whose lesson is not written yet show
    ``"not yet examined"``.
    """
    import_submodules("qedn_lessons.verdicts")
    rows = []
    for claim in CLAIMS:
        if lesson is not None and claim.lesson != lesson:
            continue
        function = _EVIDENCE.get(claim.id)
        verdict = function() if function else None
        rows.append(
            LedgerRow(
                id=claim.id,
                summary=claim.summary,
                lesson=claim.lesson,
                notebook=NOTEBOOKS[claim.lesson],
                verdict=verdict.word if verdict else NOT_YET,
                evidence=verdict.evidence if verdict else "",
            )
        )
    return rows


def report(lesson: int) -> str:
    """Plain-text claim check of one lesson (deterministic: nbval compares it).

    Running it is the learner's claim check: the lesson's claims are recorded as examined in the
    progress file (:mod:`qedn_lessons.progress`), which unlocks their verdicts on the start page.
    """
    rows = ledger(lesson)
    from qedn_lessons import progress

    progress.record_claims_examined(lesson, [row.id for row in rows])
    lines = []
    for row in rows:
        lines.append(f"Claim: {row.summary}")
        lines.append(f"Verdict: {row.verdict.upper()}")
        if row.evidence:
            lines.append(f"Evidence: {row.evidence}")
        lines.append("")
    return "\n".join(lines).rstrip()
