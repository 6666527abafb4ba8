"""The glossary: one place that defines every term the lessons use (issue 10, item 5).

* notebooks/glossary.md is exactly what ``qedn_lessons.glossary`` generates;
* every **bold** phrase in the lessons' markdown is a glossary term (name or alias), or is one of the
  documented non-terms (``glossary.NOT_TERMS``, numbers/formulas, exercise titles, paragraph labels);
* every entry has a one-line definition, a lesson that really uses it, and a source;
* each term is linked from the lesson that introduces it, and every glossary link has a target.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qedn_lessons import glossary
from qedn_lessons.claims import NOTEBOOKS

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LINK = re.compile(r"\]\(glossary\.md#([a-z0-9-]+)\)")
REQUIRED = (
    "T1",
    "T2",
    "T2*",
    "Tφ",
    "ergotropy",
    "PLOB bound",
    "ebit",
    "CHSH",
    "negativity",
    "concurrence",
    "Lindblad equation",
    "cm⁻¹",
)


def markdown_of(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def bold_phrases(text: str) -> list[str]:
    return [" ".join(m.group(1).split()) for m in re.finditer(r"\*\*(.+?)\*\*", text, re.S)]


def test_docs_glossary_is_generated_from_the_module():
    on_disk = (ROOT / glossary.GLOSSARY_PATH).read_text(encoding="utf-8")
    assert on_disk == glossary.glossary_markdown(), "notebooks/glossary.md is stale: run python -m qedn_lessons.glossary --write"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name[:2])
def test_every_bold_term_is_defined(path):
    undefined = sorted(
        {p for p in bold_phrases(markdown_of(path)) if not glossary.is_not_a_term(p) and glossary.lookup(p) is None}
    )
    assert not undefined, (
        f"{path.name}: bold phrases with no glossary entry {undefined}; add a Term (or an alias) to "
        f"qedn_lessons/glossary.py, or, if the phrase is not a term, to glossary.NOT_TERMS"
    )


@pytest.mark.parametrize("name", REQUIRED)
def test_required_terms_are_defined(name):
    assert glossary.lookup(name) is not None, name


def test_entries_are_complete_and_unique():
    anchors = [t.anchor for t in glossary.TERMS]
    assert len(anchors) == len(set(anchors))
    names: dict[str, str] = {}
    for entry in glossary.TERMS:
        assert re.fullmatch(r"[a-z0-9-]+", entry.anchor), entry.anchor
        assert "\n" not in entry.definition and entry.definition.endswith("."), entry.term
        assert 20 <= len(entry.definition) <= 200, (entry.term, len(entry.definition))
        assert entry.lesson in NOTEBOOKS, entry.term
        # a paper (DOI/arXiv), a textbook (publisher), a standard (BIPM/CODATA) or the course's own ledger
        assert re.search(r"doi:|arXiv:|CUP|OUP|Saunders|BIPM|CODATA|claims\.py", entry.source), entry.term
        for name in (entry.term, *entry.aliases):
            key = " ".join(name.replace("\\", "").split()).casefold()
            assert names.setdefault(key, entry.anchor) == entry.anchor, f"{name!r} names two entries"


@pytest.mark.parametrize("entry", glossary.TERMS, ids=lambda t: t.anchor)
def test_introducing_lesson_uses_and_links_the_term(entry):
    text = markdown_of(ROOT / "notebooks" / NOTEBOOKS[entry.lesson])
    plain = text.replace("\\", "").casefold()
    assert any(n.replace("\\", "").casefold() in plain for n in (entry.term, *entry.aliases)), (
        f"lesson {entry.lesson:02d} never uses {entry.term!r}"
    )
    if entry.lesson > 0:
        assert entry.anchor in LINK.findall(text), f"lesson {entry.lesson:02d} does not link {entry.term!r} to the glossary"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name[:2])
def test_glossary_links_have_targets_and_each_term_is_linked_once(path):
    targets = LINK.findall(markdown_of(path))
    anchors = {t.anchor for t in glossary.TERMS}
    assert set(targets) <= anchors, sorted(set(targets) - anchors)
    # the *first* use links; later uses of the same term in the same lesson stay plain text
    assert len(targets) == len(set(targets)), sorted({t for t in targets if targets.count(t) > 1})


def test_glossary_markdown_renders_every_entry_with_its_anchor_lesson_and_source():
    text = glossary.glossary_markdown(notebook_prefix="")
    for entry in glossary.TERMS:
        line = next(line for line in text.splitlines() if f'id="{entry.anchor}"' in line)
        assert f"({NOTEBOOKS[entry.lesson]})" in line and entry.source in line and entry.definition in line
    assert "](glossary.md" not in text and "(../" not in text


def test_lookup_and_exclusions():
    assert glossary.lookup("T2\\*").anchor == "t2-star"
    assert glossary.lookup("  Quantum   key distribution ").anchor == "qkd"
    assert glossary.lookup("tea time") is None
    assert glossary.is_not_a_term("Predict.") and glossary.is_not_a_term("Exercise 2 (logical error).")
    assert glossary.is_not_a_term("e^(−Nγt)") and glossary.is_not_a_term("1203 km")
    assert not glossary.is_not_a_term("ergotropy")
    with pytest.raises(TypeError, match="phrase"):
        glossary.lookup(3)
    with pytest.raises(ValueError, match="phrase must be a glossary term"):
        glossary.term_link("tea time")
    assert glossary.term_link("Ergotropy") == "glossary.md#ergotropy"


def test_site_links_and_page():
    html = '<a href="glossary.md#ebit">ebit</a> <a href="glossary.md">all</a> <a href="https://x.org/glossary.md">x</a>'
    linked = glossary.link_glossary(html)
    assert 'href="glossary.html#ebit"' in linked and 'href="glossary.html"' in linked
    assert 'href="https://x.org/glossary.md"' in linked
    nb = glossary.glossary_notebook()
    assert nb.cells[0].source == glossary.glossary_markdown(notebook_prefix="")
