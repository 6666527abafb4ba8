"""The lesson manifest: the one place that says which lessons the course has, in which order.

Every lesson is a :class:`Lesson` in :data:`LESSONS` (number, slug, title, the proposal's claims it
tests). Everything else is derived from it: the notebook file names (``NN_slug.ipynb``), the course
map's order and planned titles (:mod:`qedn_lessons.course`), the claim ledger
(:data:`qedn_lessons.claims.CLAIMS`, :data:`qedn_lessons.claims.NOTEBOOKS`) and the capstone's
"earlier lessons" (:func:`earlier_lessons`).

Order is the order of :data:`LESSONS`, not the numbers: a number is a lesson's identifier (its
notebook's and modules' names, its exercise keys ``"NN.name"``), so inserting a lesson before the
capstone is one new entry placed before the capstone's (``scripts/new_lesson.py`` does it), and no
other lesson is renumbered.

Claims are paraphrased from the proposal, never quoted. Verdict words (nothing else): supported,
partly supported, contradicted, unsupported.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "LESSONS",
    "Claim",
    "Lesson",
    "all_claims",
    "capstone",
    "earlier_lessons",
    "get_lesson",
    "lesson_numbers",
    "lessons_label",
    "notebooks",
    "titles",
]


@dataclass(frozen=True)
class Claim:
    """One claim of the proposal, paraphrased, and the lesson that tests it."""

    id: str
    summary: str  # paraphrase of the proposal
    lesson: int
    kind: str = "physics"  # "physics" or "factual"


@dataclass(frozen=True)
class Lesson:
    """One lesson of the course: its number, slug (file names), title and the claims it tests."""

    number: int
    slug: str
    title: str
    claims: tuple[Claim, ...] = ()
    capstone: bool = False  # the closing lesson that gathers the verdicts of every earlier one

    @property
    def notebook(self) -> str:
        """The notebook's file name inside ``notebooks/``, e.g. ``"01_superposition_and_coherence.ipynb"``."""
        return f"{self.number:02d}_{self.slug}.ipynb"

    @property
    def module(self) -> str:
        """The per-lesson module name used by ``exercises/`` and ``verdicts/``, e.g. ``"lesson01"``."""
        return f"lesson{self.number:02d}"


# --- the course (edit here to add, insert or retitle a lesson) -------------------------------------

LESSONS: tuple[Lesson, ...] = (
    Lesson(0, "start_here", "Start here: how to use the kit, the proposal and the claim ledger"),
    Lesson(
        1,
        "superposition_and_coherence",
        "Superposition and coherence",
        (
            Claim(
                "nasa-1400s", "NASA's Cold Atom Lab has kept a quantum system coherent for 1400 seconds in orbit.", 1, "factual"
            ),
            Claim(
                "coherence-keeps-energy",
                "Coherence keeps energy intact: a quantum system does not degrade the way a classical wave does.",
                1,
            ),
        ),
    ),
    Lesson(
        2,
        "protecting_coherence",
        "Protecting coherence",
        (
            Claim(
                "coherence-maintenance",
                "Cold, microgravity, error correction and purification can keep macroscopic systems coherent.",
                2,
            ),
        ),
    ),
    Lesson(
        3,
        "energy_transport",
        "Energy transport",
        (
            Claim("coherent-transport", "Coherence carries energy over vast distances without any infrastructure.", 3),
            Claim(
                "assisted-transport",
                "Quantum coherence makes energy transfer more efficient (the real kernel: noise-assisted transport "
                "in light-harvesting complexes).",
                3,
            ),
        ),
    ),
    Lesson(
        4,
        "entanglement",
        "Entanglement: correlations, no-signalling, sudden death",
        (Claim("entangled-nodes", "Entangled storage nodes share energy and coherence across the network.", 4),),
    ),
    Lesson(
        5,
        "entanglement_networks",
        "Entanglement networks: loss, repeaters, purification, and what they carry",
        (Claim("entanglement-distribution", "Long-distance entanglement distribution can serve as energy infrastructure.", 5),),
    ),
    Lesson(
        6,
        "superposition_energy_and_batteries",
        "Energy in superposition and quantum batteries",
        (
            Claim(
                "superposition-distribution",
                "Energy held in superposition is distributed optimally according to demand.",
                6,
            ),
        ),
    ),
    Lesson(
        7,
        "measurement_and_redistribution",
        "Measurement and redistribution",
        (
            Claim(
                "measurement-redistribution",
                "Measuring at one node turns energy into a usable form and redistributes the rest.",
                7,
            ),
            Claim(
                "energy-teleportation",
                "Local measurement plus a message can move energy between distant nodes (quantum energy teleportation).",
                7,
            ),
        ),
    ),
    Lesson(
        8,
        "quantum_security",
        "Quantum security: what key distribution protects",
        (Claim("quantum-security", "Quantum channels secure the energy network against attack.", 8),),
    ),
    Lesson(
        9,
        "verdicts_grid_and_society",
        "Verdicts, the grid and society",
        (
            Claim("reduced-losses", "The network dramatically reduces transmission losses compared with the grid.", 9),
            Claim("unlimited-energy", "The network makes energy availability potentially unlimited.", 9),
        ),
        capstone=True,
    ),
)


# --- derived views ---------------------------------------------------------------------------------


def _check(lessons: tuple[Lesson, ...]) -> None:
    """Refuse a manifest that would break the course (duplicates, claims filed under another lesson)."""
    numbers = [lesson.number for lesson in lessons]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"lesson numbers must be unique, got {numbers}")
    if any(not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 99 for n in numbers):
        raise ValueError(f"lesson numbers must be integers in [0, 99], got {numbers}")
    slugs = [lesson.slug for lesson in lessons]
    if len(set(slugs)) != len(slugs):
        raise ValueError(f"lesson slugs must be unique, got {slugs}")
    ids = [claim.id for lesson in lessons for claim in lesson.claims]
    if len(set(ids)) != len(ids):
        raise ValueError(f"claim ids must be unique, got {ids}")
    for lesson in lessons:
        for claim in lesson.claims:
            if claim.lesson != lesson.number:
                raise ValueError(f"claim {claim.id!r} is listed under lesson {lesson.number} but says lesson {claim.lesson}")
    capstones = [lesson.number for lesson in lessons if lesson.capstone]
    if capstones and (len(capstones) > 1 or not lessons[-1].capstone):
        raise ValueError(f"at most one capstone, and it must be the last lesson; got capstones {capstones}")


_check(LESSONS)


def lesson_numbers() -> list[int]:
    """Lesson numbers in course order."""
    return [lesson.number for lesson in LESSONS]


def get_lesson(number: int) -> Lesson:
    """The :class:`Lesson` numbered ``number``.

    Raises
    ------
    TypeError
        If ``number`` is not an integer.
    ValueError
        If no lesson has that number.
    """
    if not isinstance(number, int) or isinstance(number, bool):
        raise TypeError(f"number must be an integer lesson number, got {number!r}")
    for lesson in LESSONS:
        if lesson.number == number:
            return lesson
    raise ValueError(f"number must be one of {lesson_numbers()}, got {number}")


def notebooks() -> dict[int, str]:
    """Lesson number → notebook file name, in course order."""
    return {lesson.number: lesson.notebook for lesson in LESSONS}


def titles() -> dict[int, str]:
    """Lesson number → title, in course order."""
    return {lesson.number: lesson.title for lesson in LESSONS}


def all_claims() -> tuple[Claim, ...]:
    """Every claim of every lesson, in course order."""
    return tuple(claim for lesson in LESSONS for claim in lesson.claims)


def capstone() -> Lesson:
    """The closing lesson (the last one of the manifest)."""
    return LESSONS[-1]


def earlier_lessons(number: int) -> list[Lesson]:
    """The lessons that come before lesson ``number`` in course order (the start page excluded).

    Raises ValueError for an unknown lesson number (see :func:`get_lesson`).
    """
    target = get_lesson(number)
    before = LESSONS[: LESSONS.index(target)]
    return [lesson for lesson in before if lesson.number != LESSONS[0].number]


def lessons_label(lessons: list[Lesson]) -> str:
    """How the text names a set of lessons: ``"lessons 01–08"`` for a run, else a list.

    ``lessons_label(earlier_lessons(9))`` is the capstone's "lessons 01–08" for the current course.
    """
    numbers = [lesson.number for lesson in lessons]
    if not numbers:
        return "no lessons"
    if len(numbers) == 1:
        return f"lesson {numbers[0]:02d}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"lessons {numbers[0]:02d}–{numbers[-1]:02d}"
    return "lessons " + ", ".join(f"{n:02d}" for n in numbers)
