"""The claim ledger: every claim of the QEDN proposal the course tests, its lesson and its verdict.

Claims are paraphrased from the proposal, never quoted; they are listed, lesson by lesson, in the
lesson manifest (:mod:`qedn_lessons.manifest`). A verdict is computed by an *evidence function* from
the lesson's own simulation; a claim without one shows "not yet examined". Evidence functions live in ``qedn_lessons/verdicts/lessonNN.py`` and register
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

from qedn_lessons import manifest
from qedn_lessons._registry import import_submodules, register_unique
from qedn_lessons.manifest import Claim

VERDICT_WORDS = ("supported", "partly supported", "contradicted", "unsupported")
NOT_YET = "not yet examined"


@dataclass(frozen=True)
class Verdict:
    word: str
    evidence: str  # one or two sentences with the computed (or cited) numbers

    def __post_init__(self) -> None:
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


#: Lesson number → notebook file, derived from the lesson manifest (:mod:`qedn_lessons.manifest`).
NOTEBOOKS: dict[int, str] = manifest.notebooks()

#: The proposal's claims, paraphrased, in the order the course meets them (from the manifest).
CLAIMS: tuple[Claim, ...] = manifest.all_claims()

_EVIDENCE: dict[str, Callable[[], Verdict]] = {}


def evidence_for(claim_id: str) -> Callable[[Callable[[], Verdict]], Callable[[], Verdict]]:
    """Register the decorated function as the evidence that decides claim ``claim_id``.

    Raises ``ValueError`` for an unknown claim id, or when another function already decides it.
    """
    ids = {c.id for c in CLAIMS}
    if claim_id not in ids:
        raise ValueError(f"claim_id must be one of {sorted(ids)}, got {claim_id!r}")

    def register(function: Callable[[], Verdict]) -> Callable[[], Verdict]:
        return register_unique(_EVIDENCE, claim_id, function, what="evidence for claim")

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
