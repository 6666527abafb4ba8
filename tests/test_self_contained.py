"""The project stands alone: no tracked file cites a document that is not in the repository.

Sources are cited as papers (DOI, arXiv id) or as files inside the repository (``docs/PHYSICS.md §n``,
``docs/DESIGN_NOTES.md``). A design or physics document kept outside the repository, or a path on a
developer's machine, cannot be followed by a reader of the repository, so it must not appear.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Built from pieces so that this file does not match its own patterns.
_OUTSIDE = [
    re.compile(r"\.\./" + "shared"),
    re.compile(r"/work/" + r"(shared|wt|main)\b"),
    re.compile(r"\bshared/" + "seed"),
    re.compile(r"\bDESIGN" + r"(\.md\b|\s*§)"),
    re.compile(r"\bSTYLE" + r"\.md\b"),
    re.compile(r"\bPHYSICS" + r"\s*§"),
]
#: ``PHYSICS.md`` is fine as ``docs/PHYSICS.md`` anywhere, or as a relative link inside docs/.
_PHYSICS = re.compile(r"(?<![\w/])PHYSICS" + r"\.md")
_TEXT_SUFFIXES = {".py", ".md", ".ipynb", ".toml", ".txt", ".cfg", ".yaml", ".yml", ".cff", ".sh", ".html", ""}


def tracked_files() -> list[Path]:
    """Every file git tracks (the repository as a clone sees it)."""
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:  # pragma: no cover - no git, no checkout
        pytest.fail(f"git ls-files failed in {ROOT}: {error}")
    return [ROOT / name for name in out.decode().split("\0") if name]


def outside_references(path: Path, text: str) -> list[str]:
    """The lines of ``text`` that cite a document outside the repository."""
    found = []
    in_docs = path.parent == ROOT / "docs"
    for number, line in enumerate(text.splitlines(), 1):
        if any(p.search(line) for p in _OUTSIDE):
            found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:120]}")
        elif _PHYSICS.search(line) and not (in_docs and "(PHYSICS.md" in line):
            found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:120]}")
    return found


def test_no_tracked_file_cites_a_document_outside_the_repository():
    # This file spells the patterns out (in pieces and in the self-check below), so it is left out.
    files = [p for p in tracked_files() if p.suffix in _TEXT_SUFFIXES and p.is_file() and p != Path(__file__).resolve()]
    assert len(files) > 50, "too few tracked files found: is this a checkout?"
    bad = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        bad += outside_references(path, text)
    assert bad == [], "cite a paper or a file inside the repository instead:\n" + "\n".join(bad)


def test_the_detector_finds_what_it_must():
    fake = ROOT / "qedn_lessons" / "x.py"
    for line in (
        "see ../" + "shared/PHYSICS.md",
        "(DESIGN" + " §4)",
        "PHYSICS" + " §3",
        "# PHYSICS" + ".md §1",
        "from /work/" + "shared/seed",
    ):
        assert outside_references(fake, line), line
    for line in ("docs/PHYSICS.md §3", "docs/DESIGN_NOTES.md", "doi:10.1103/PhysRevLett.76.722"):
        assert not outside_references(fake, line), line
    assert not outside_references(ROOT / "docs" / "x.md", "[PHYSICS.md](PHYSICS.md)")


_LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_relative_links_in_docs_point_to_files_that_exist():
    broken = []
    for path in [p for p in tracked_files() if p.suffix == ".md"]:
        for target in _LINK.findall(path.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            if not (path.parent / target.split("#")[0]).exists():
                broken.append(f"{path.relative_to(ROOT)} → {target}")
    assert broken == []


def test_physics_sections_cited_exist():
    text = (ROOT / "docs" / "PHYSICS.md").read_text(encoding="utf-8")
    sections = {int(n) for n in re.findall(r"^## (\d+)\.", text, flags=re.M)}
    cited = set()
    for path in tracked_files():
        if path.suffix in {".py", ".md", ".ipynb"} and path.is_file():
            cited |= {int(n) for n in re.findall(r"docs/PHYSICS\.md §(\d+)", path.read_text(encoding="utf-8"))}
    assert cited, "nothing cites docs/PHYSICS.md"
    assert cited <= sections, f"cited sections missing from docs/PHYSICS.md: {sorted(cited - sections)}"
