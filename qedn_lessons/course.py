"""The course map, generated from the notebooks themselves.

Each lesson notebook carries its own title and minutes in its top-level metadata::

    "qedn": {"lesson": 1, "title": "...", "minutes_teaching": 30, "minutes_exercises": 15,
             "questions": ["..."]}

:func:`course_map` reads that metadata for every lesson of the lesson manifest
(:mod:`qedn_lessons.manifest`), in its order, falls back to the manifest's title when a notebook
does not exist yet (and says so), and :func:`course_map_markdown`
renders the map as a Markdown table with links relative to the ``notebooks/`` folder. The start page
and the README use it, so the map can never drift from the notebooks.

Where the notebooks are does not depend on where the package is installed (on a JupyterHub it is
installed with pip and the notebooks are pulled into each student's home by nbgitpuller).
:func:`find_notebook_dir` looks, in order, at an explicit argument, the ``QEDN_NOTEBOOKS``
environment variable, the current working directory (a kernel's is the notebook's own folder) and
its ``notebooks/`` subfolder, and finally the source checkout the package was imported from.
``NOTEBOOK_DIR`` is that folder, looked up each time it is read.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from qedn_lessons import manifest
from qedn_lessons.claims import NOTEBOOKS

#: Environment variable naming the folder that holds the course's notebooks.
NOTEBOOK_ENV = "QEDN_NOTEBOOKS"

#: The ``notebooks/`` folder of the source checkout (exists only for an editable install).
_CHECKOUT_DIR: Path = Path(__file__).resolve().parent.parent / "notebooks"


def _holds_course(folder: Path) -> bool:
    """True when ``folder`` holds at least one of the course's notebooks."""
    return folder.is_dir() and any((folder / name).is_file() for name in NOTEBOOKS.values())


def find_notebook_dir(notebook_dir: str | Path | None = None) -> Path | None:
    """The folder holding the course's notebooks, or ``None`` when none is found.

    Looked for in this order:

    1. ``notebook_dir`` when given (it must be an existing folder);
    2. the ``QEDN_NOTEBOOKS`` environment variable when set (it must name an existing folder);
    3. the current working directory, when it holds a lesson notebook (a Jupyter kernel's working
       directory is the folder of the notebook it runs), then its ``notebooks/`` subfolder;
    4. the ``notebooks/`` folder beside the package, when the package is imported from a source
       checkout (editable install).

    Raises
    ------
    TypeError
        If ``notebook_dir`` is not a path or string.
    ValueError
        If ``notebook_dir`` or ``QEDN_NOTEBOOKS`` names something that is not a folder.
    """
    if notebook_dir is not None:
        if not isinstance(notebook_dir, str | Path):
            raise TypeError(f"notebook_dir must be a path or string, got {type(notebook_dir).__name__}")
        folder = Path(notebook_dir).expanduser()
        if not folder.is_dir():
            raise ValueError(f"notebook_dir must be an existing folder, got {str(folder)!r}")
        return folder
    from_env = os.environ.get(NOTEBOOK_ENV, "").strip()
    if from_env:
        folder = Path(from_env).expanduser()
        if not folder.is_dir():
            raise ValueError(f"{NOTEBOOK_ENV} must name an existing folder, got {from_env!r}")
        return folder
    try:
        cwd = Path.cwd()
    except OSError:  # the working directory was deleted
        cwd = None
    if cwd is not None:
        for folder in (cwd, cwd / "notebooks"):
            if _holds_course(folder):
                return folder
    if _holds_course(_CHECKOUT_DIR):
        return _CHECKOUT_DIR
    return None


def __getattr__(name: str):
    # ``NOTEBOOK_DIR`` is looked up when read, so it follows the kernel's working directory and
    # QEDN_NOTEBOOKS instead of the package's install location.
    if name == "NOTEBOOK_DIR":
        return find_notebook_dir() or _CHECKOUT_DIR
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Text shown for a lesson whose notebook has not been written yet.
NOT_WRITTEN = "not yet written"

#: Titles from the lesson manifest (:mod:`qedn_lessons.manifest`), used when a notebook does not
#: state its own (a test checks that every notebook's metadata title equals its manifest title).
PLANNED_TITLES: dict[int, str] = manifest.titles()


@dataclass(frozen=True)
class LessonEntry:
    """One row of the course map."""

    number: int
    title: str
    notebook: str  # file name inside the notebooks folder
    exists: bool
    minutes_teaching: int | None = None
    minutes_exercises: int | None = None
    questions: tuple[str, ...] = field(default=())

    @property
    def minutes(self) -> int | None:
        """Teaching plus exercise minutes, or ``None`` when the notebook does not say."""
        if self.minutes_teaching is None and self.minutes_exercises is None:
            return None
        return (self.minutes_teaching or 0) + (self.minutes_exercises or 0)

    @property
    def status(self) -> str:
        return "ready" if self.exists else NOT_WRITTEN


def _read_metadata(path: Path) -> dict:
    """The ``qedn`` block of a notebook's metadata ({} when absent or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    meta = data.get("metadata", {}).get("qedn", {})
    return meta if isinstance(meta, dict) else {}


def _as_minutes(value) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0 else None


def course_map(notebook_dir: str | Path | None = None) -> list[LessonEntry]:
    """One :class:`LessonEntry` per lesson of the manifest, in course order.

    Parameters
    ----------
    notebook_dir:
        Folder holding the notebooks; by default found by :func:`find_notebook_dir` (explicit
        argument, ``QEDN_NOTEBOOKS``, the working directory, the source checkout).

    Titles, minutes and questions come from each notebook's ``metadata["qedn"]`` when the notebook
    exists; otherwise the planned title is used and ``exists`` is False.

    Raises
    ------
    TypeError
        If ``notebook_dir`` is not a path or string.
    FileNotFoundError
        If no folder is given and none holding the course's notebooks is found (rather than
        listing every lesson as not written).
    """
    if notebook_dir is None:
        folder = find_notebook_dir()
        if folder is None:
            raise FileNotFoundError(
                "the course's notebooks were not found: run from the notebooks' folder, set "
                f"{NOTEBOOK_ENV}=/path/to/notebooks, or pass notebook_dir"
            )
    elif isinstance(notebook_dir, str | Path):
        folder = Path(notebook_dir)
    else:
        raise TypeError(f"notebook_dir must be a path or string, got {type(notebook_dir).__name__}")
    entries = []
    for number, name in NOTEBOOKS.items():  # manifest order
        path = folder / name
        exists = path.is_file()
        meta = _read_metadata(path) if exists else {}
        title = meta.get("title") if isinstance(meta.get("title"), str) and meta.get("title").strip() else PLANNED_TITLES[number]
        questions = meta.get("questions", ())
        entries.append(
            LessonEntry(
                number=number,
                title=title,
                notebook=name,
                exists=exists,
                minutes_teaching=_as_minutes(meta.get("minutes_teaching")),
                minutes_exercises=_as_minutes(meta.get("minutes_exercises")),
                questions=tuple(q for q in questions if isinstance(q, str)) if isinstance(questions, list | tuple) else (),
            )
        )
    return entries


def course_map_markdown(notebook_dir: str | Path | None = None, *, link_prefix: str = "") -> str:
    """The course map as a Markdown table: lesson, title (linked when written), minutes, status.

    Links are relative to the notebooks folder; ``link_prefix`` (e.g. ``"notebooks/"`` for the
    README) is put in front of each file name.
    """
    if not isinstance(link_prefix, str):
        raise TypeError(f"link_prefix must be a string, got {type(link_prefix).__name__}")
    lines = ["| # | lesson | minutes (teaching + exercises) | status |", "|---|---|---|---|"]
    for entry in course_map(notebook_dir):
        title = entry.title.replace("|", "\\|")
        cell = f"[{title}]({link_prefix}{entry.notebook})" if entry.exists else title
        if entry.minutes is None:
            minutes = "—"
        else:
            minutes = f"{entry.minutes} ({entry.minutes_teaching or 0} + {entry.minutes_exercises or 0})"
        lines.append(f"| {entry.number:02d} | {cell} | {minutes} | {entry.status} |")
    return "\n".join(lines)


#: Set to 1 (or true/yes) to show every verdict on the start page, examined or not: for teachers and
#: for the static site, whose pages cannot run a lesson's claim check.
SHOW_ALL_VERDICTS_ENV = "QEDN_SHOW_ALL_VERDICTS"


def show_all_verdicts() -> bool:
    """True when ``$QEDN_SHOW_ALL_VERDICTS`` is 1/true/yes (the teacher's switch)."""
    return os.environ.get(SHOW_ALL_VERDICTS_ENV, "").strip().lower() in {"1", "true", "yes"}


def ledger_markdown(*, link_prefix: str = "", show_all: bool | None = None) -> str:
    """The claim ledger (:func:`qedn_lessons.claims.ledger`) as a Markdown table.

    One row per claim: the paraphrased claim, the lesson that tests it (linked when written) and the
    verdict. A verdict is shown only once the learner has run that lesson's claim check (recorded in
    the progress file, :mod:`qedn_lessons.progress`); until then the row says "not yet examined".
    ``show_all=True``, or the environment variable ``QEDN_SHOW_ALL_VERDICTS=1`` when ``show_all`` is
    None, shows every verdict (a teacher's overview, the static site).
    """
    from qedn_lessons import progress
    from qedn_lessons.claims import CLAIMS, NOT_YET, ledger

    if not isinstance(link_prefix, str):
        raise TypeError(f"link_prefix must be a string, got {type(link_prefix).__name__}")
    if show_all is not None and not isinstance(show_all, bool):
        raise TypeError(f"show_all must be True, False or None, got {show_all!r}")
    reveal_all = show_all_verdicts() if show_all is None else show_all
    examined = progress.examined_claims()
    shown = {c.lesson for c in CLAIMS if reveal_all or c.id in examined}
    verdicts = {row.id: row for lesson in sorted(shown) for row in ledger(lesson)}
    written = {entry.number for entry in course_map() if entry.exists}
    lines = ["| claim (paraphrased) | tested in | verdict |", "|---|---|---|"]
    for claim in CLAIMS:
        summary = claim.summary.replace("|", "\\|")
        notebook = NOTEBOOKS[claim.lesson]
        lesson = (
            f"[lesson {claim.lesson:02d}]({link_prefix}{notebook})" if claim.lesson in written else f"lesson {claim.lesson:02d}"
        )
        row = verdicts.get(claim.id) if (reveal_all or claim.id in examined) else None
        if row is None or row.verdict == NOT_YET:
            verdict = f"*{NOT_YET}*" + ("" if row is not None else f" (run lesson {claim.lesson:02d}'s claim check)")
        else:
            verdict = f"**{row.verdict}**"
        lines.append(f"| {summary} | {lesson} | {verdict} |")
    return "\n".join(lines)
