"""The learner's progress: attempts, solved exercises, predictions and examined claims, kept in a file.

Everything is stored in one small JSON file in the learner's workspace, so that Binder's *File →
Download*, a hub's home directory or a laptop keep it with the notebooks:

* by default ``qedn_progress.json`` in the current working directory (in Jupyter, the notebook's
  folder);
* the environment variable ``QEDN_PROGRESS_FILE`` names another file (the tests and nbval runs point
  it at a temporary file, so the repository is never written).

Writes are atomic (a temporary file in the same folder, then :func:`os.replace`) and made under an
exclusive lock on ``<file>.lock``, read-modify-write, so two kernels writing at once lose nothing. A
file that cannot be read as progress is renamed ``<file>.corrupt-<time>`` with a message and a fresh
one is started. If the folder cannot be written at all, progress is kept in memory for the session
and a single message says so.

In a notebook::

    from qedn_lessons.progress import progress
    progress()              # per lesson: exercises solved / total, claims examined, predictions
    progress(reset=True)    # start again (the old file is kept as a backup; nothing is asked)
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ENV_FILE = "QEDN_PROGRESS_FILE"
DEFAULT_FILE_NAME = "qedn_progress.json"
SCHEMA_VERSION = 1

_SECTIONS = ("exercises", "predictions", "claims")
_memory: dict[str, Any] | None = None  # used only when the file cannot be written
_warned_memory = False


def progress_path() -> Path:
    """The progress file in use: ``$QEDN_PROGRESS_FILE`` if set, else ``qedn_progress.json`` in the cwd."""
    named = os.environ.get(ENV_FILE, "").strip()
    return Path(named).expanduser() if named else Path.cwd() / DEFAULT_FILE_NAME


def _fresh() -> dict[str, Any]:
    return {"version": SCHEMA_VERSION, "exercises": {}, "predictions": {}, "claims": {}}


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 1_000_000}"


def _valid(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and data.get("version") == SCHEMA_VERSION
        and all(isinstance(data.get(section), dict) for section in _SECTIONS)
    )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (fcntl on POSIX, msvcrt on Windows)."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    time.sleep(0.05)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _read_unlocked(path: Path) -> dict[str, Any]:
    """Read the file; a corrupt one is set aside with a message and a fresh record returned."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _fresh()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if _valid(data):
        return data
    aside = path.with_name(f"{path.name}.corrupt-{_stamp()}")
    os.replace(path, aside)
    print(f"Your progress file {path} could not be read; it was kept as {aside.name} and a fresh one started.")
    return _fresh()


def _write_unlocked(path: Path, data: dict[str, Any]) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _update(change: Callable[[dict[str, Any]], Any]) -> Any:
    """Apply ``change`` to the stored record under the lock and write it back atomically."""
    global _memory, _warned_memory
    path = progress_path()
    if _memory is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(path):
                data = _read_unlocked(path)
                result = change(data)
                _write_unlocked(path, data)
                return result
        except OSError as exc:
            if not _warned_memory:
                print(
                    f"Progress cannot be saved in {path.parent} ({exc.strerror or exc}); it is kept for this "
                    f"session only. Set {ENV_FILE} to a writable file to keep it."
                )
                _warned_memory = True
            _memory = _fresh()
    return change(_memory)


def load() -> dict[str, Any]:
    """A copy of the stored progress (a fresh, empty record if there is none yet)."""
    if _memory is not None:
        return copy.deepcopy(_memory)
    path = progress_path()
    if not path.exists():
        return _fresh()
    try:
        with _locked(path):
            return _read_unlocked(path)
    except OSError:
        return _fresh()


# --- recording ------------------------------------------------------------------------------------


def _check_key(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{name} must be a non-empty string, got {value!r}")
    return value


def record_attempt(key: str, correct: bool, *, count_wrong: bool = True) -> dict[str, Any]:
    """Count one checked answer to exercise ``key``; return its record (attempts, wrong, solved).

    ``count_wrong=False`` for an answer of the wrong form (text for a number ...): an attempt, but
    not a wrong value, so it does not bring the offer of the solution closer.
    """
    _check_key("key", key)

    def change(data: dict[str, Any]) -> dict[str, Any]:
        entry = data["exercises"].setdefault(key, {"attempts": 0, "wrong": 0, "solved": False})
        entry["attempts"] = int(entry.get("attempts", 0)) + 1
        if correct:
            entry["solved"] = True
            entry.setdefault("solved_at", _now())
        elif count_wrong:
            entry["wrong"] = int(entry.get("wrong", 0)) + 1
        return dict(entry)

    return _update(change)


def record_solution_shown(key: str) -> None:
    """Note that the learner asked for the reference solution of ``key``."""
    _check_key("key", key)

    def change(data: dict[str, Any]) -> None:
        entry = data["exercises"].setdefault(key, {"attempts": 0, "wrong": 0, "solved": False})
        entry["solution_shown"] = True

    _update(change)


def record_prediction(key: str, guess: Any) -> None:
    """Store the learner's prediction ``guess`` (text or number) for prediction ``key``."""
    _check_key("key", key)

    def change(data: dict[str, Any]) -> None:
        data["predictions"][key] = {"guess": guess, "at": _now()}

    _update(change)


def record_claims_examined(lesson: int, claim_ids: list[str]) -> None:
    """Mark the claims ``claim_ids`` of ``lesson`` as examined (their claim check was run)."""
    if isinstance(lesson, bool) or not isinstance(lesson, int):
        raise TypeError(f"lesson must be an int, got {lesson!r}")

    def change(data: dict[str, Any]) -> None:
        for claim_id in claim_ids:
            data["claims"].setdefault(claim_id, {"lesson": lesson, "at": _now()})

    _update(change)


def examined_claims() -> set[str]:
    """Ids of the claims whose lesson's claim check the learner has run."""
    return set(load()["claims"])


def prediction(key: str) -> Any:
    """The stored prediction for ``key``, or None."""
    entry = load()["predictions"].get(key)
    return entry.get("guess") if isinstance(entry, dict) else None


# --- the view -------------------------------------------------------------------------------------


def summary() -> list[dict[str, Any]]:
    """One row per lesson: exercises solved / total, claims examined / total, predictions made."""
    from qedn_lessons.claims import CLAIMS
    from qedn_lessons.exercises.core import all_exercises

    data = load()
    exercises = all_exercises()
    lessons = sorted({e.lesson for e in exercises} | {c.lesson for c in CLAIMS})
    rows = []
    for lesson in lessons:
        keys = [e.key for e in exercises if e.lesson == lesson]
        claim_ids = [c.id for c in CLAIMS if c.lesson == lesson]
        rows.append(
            {
                "lesson": lesson,
                "solved": sum(1 for k in keys if data["exercises"].get(k, {}).get("solved")),
                "exercises": len(keys),
                "attempts": sum(int(data["exercises"].get(k, {}).get("attempts", 0)) for k in keys),
                "claims_examined": sum(1 for c in claim_ids if c in data["claims"]),
                "claims": len(claim_ids),
                "predictions": sum(1 for p in data["predictions"] if p.split(".")[0] == f"{lesson:02d}"),
            }
        )
    return rows


class ProgressView:
    """What :func:`progress` displays: a table in Jupyter and Voila, plain text elsewhere."""

    def __init__(self, rows: list[dict[str, Any]], path: Path, note: str = ""):
        self.rows, self.path, self.note = rows, path, note

    def _cells(self, row: dict[str, Any]) -> tuple[str, str, str, str]:
        claims = f"{row['claims_examined']} / {row['claims']}" if row["claims"] else "–"
        return (f"{row['lesson']:02d}", f"{row['solved']} / {row['exercises']}", claims, str(row["predictions"]))

    def __str__(self) -> str:
        lines = [self.note] if self.note else []
        lines.append("lesson  exercises solved  claims examined  predictions")
        for row in self.rows:
            lesson, solved, claims, predictions = self._cells(row)
            lines.append(f"{lesson:>6}  {solved:>16}  {claims:>15}  {predictions:>11}")
        total_solved = sum(r["solved"] for r in self.rows)
        total = sum(r["exercises"] for r in self.rows)
        lines.append(f"Total: {total_solved} of {total} exercises solved. Saved in {self.path}.")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        from html import escape

        head = "".join(f"<th>{h}</th>" for h in ("lesson", "exercises solved", "claims examined", "predictions"))
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in self._cells(r)) + "</tr>" for r in self.rows)
        total_solved = sum(r["solved"] for r in self.rows)
        total = sum(r["exercises"] for r in self.rows)
        note = f"<p>{escape(self.note)}</p>" if self.note else ""
        return (
            f'{note}<table class="qedn-progress"><caption>Your progress: exercises solved, claims whose '
            f"check you have run, predictions recorded, per lesson</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table><p>Total: {total_solved} of {total} exercises solved. "
            f"Saved in <code>{escape(str(self.path))}</code>.</p>"
        )


def progress(reset: bool = False) -> ProgressView:
    """Your progress per lesson; ``reset=True`` starts again, keeping the old file as a backup.

    Returns a view that Jupyter shows as a table (``print()`` it for plain text).
    """
    if not isinstance(reset, bool):
        raise TypeError(f"reset must be True or False, got {reset!r}")
    global _memory
    note = ""
    path = progress_path()
    if reset:
        if _memory is not None:
            _memory = _fresh()
            note = "Progress reset (it was kept in memory only)."
        else:
            backup = path.with_name(f"{path.name}.backup-{_stamp()}")

            def change(data: dict[str, Any]) -> None:
                if path.exists():
                    _write_unlocked(backup, data)
                data.clear()
                data.update(_fresh())

            _update(change)
            note = f"Progress reset; the previous record is kept in {backup.name}." if backup.exists() else "Progress reset."
    return ProgressView(summary(), path, note)
