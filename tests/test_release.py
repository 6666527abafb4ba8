"""One version, written once; the citation, the changelog and the package metadata agree with it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import qedn_lessons

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_written_once():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "qedn_lessons._version.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", qedn_lessons.__version__)
    written = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "qedn_lessons").rglob("*.py")
        if re.search(r"__version__\s*=", p.read_text(encoding="utf-8"))
    ]
    assert written == ["qedn_lessons/_version.py"]


def test_citation_and_readme_cite_the_same_version_and_title():
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = re.search(r"^version: (\S+)$", cff, flags=re.M).group(1)
    title = re.search(r'^title: "(.+)"$', cff, flags=re.M).group(1)
    assert version == qedn_lessons.__version__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quote = " ".join(line.lstrip("> ").strip() for line in readme.splitlines() if line.startswith("> "))
    assert title in quote and f"version {qedn_lessons.__version__}" in quote
    assert re.search(r"^cff-version: 1\.2\.0$", cff, flags=re.M) and "authors:" in cff


def test_changelog_has_this_release_and_an_unreleased_section():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    assert re.search(rf"^## \[{re.escape(qedn_lessons.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, flags=re.M)


def test_metadata_declares_licence_extras_and_typing():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    assert {"test", "docs"} <= set(project["optional-dependencies"])
    assert project["authors"] and project["urls"] and "Typing :: Typed" in project["classifiers"]
    assert (ROOT / "qedn_lessons" / "py.typed").exists()
    # the test extra is what requirements-test.txt installs
    pinned = {
        re.split(r"[<>=]", line)[0]
        for line in (ROOT / "requirements-test.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert pinned == {re.split(r"[<>=]", spec)[0] for spec in project["optional-dependencies"]["test"]}
