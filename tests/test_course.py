"""The course map is generated from notebook metadata and falls back to the planned titles."""

import json

import pytest

from qedn_lessons import claims, manifest
from qedn_lessons.course import NOT_WRITTEN, NOTEBOOK_DIR, PLANNED_TITLES, course_map, course_map_markdown, ledger_markdown


def _write(folder, name, meta):
    folder.joinpath(name).write_text(json.dumps({"cells": [], "metadata": {"qedn": meta}, "nbformat": 4, "nbformat_minor": 5}))


def test_one_entry_per_lesson_with_fallbacks(tmp_path):
    _write(
        tmp_path,
        "01_superposition_and_coherence.ipynb",
        {"lesson": 1, "title": "Qubits decohere", "minutes_teaching": 30, "minutes_exercises": 15, "questions": ["Why?"]},
    )
    tmp_path.joinpath("02_protecting_coherence.ipynb").write_text("not json")  # unreadable: fallback title
    entries = course_map(tmp_path)
    assert [e.number for e in entries] == manifest.lesson_numbers()
    assert [e.notebook for e in entries] == [claims.NOTEBOOKS[n] for n in manifest.lesson_numbers()]
    one, two, three = entries[1], entries[2], entries[3]
    assert one.exists and one.title == "Qubits decohere" and one.minutes == 45 and one.questions == ("Why?",)
    assert two.exists and two.title == PLANNED_TITLES[2] and two.minutes is None
    assert not three.exists and three.status == NOT_WRITTEN and three.title == PLANNED_TITLES[3]


def test_markdown_links_only_written_lessons(tmp_path):
    _write(
        tmp_path,
        "01_superposition_and_coherence.ipynb",
        {"lesson": 1, "title": "A | B", "minutes_teaching": 30, "minutes_exercises": 15},
    )
    text = course_map_markdown(tmp_path, link_prefix="notebooks/")
    lines = text.splitlines()
    assert len(lines) == 2 + len(manifest.LESSONS)
    assert "| 01 | [A \\| B](notebooks/01_superposition_and_coherence.ipynb) | 45 (30 + 15) | ready |" in lines
    assert f"| 03 | {PLANNED_TITLES[3]} | — | {NOT_WRITTEN} |" in lines


def test_repository_map_reads_the_real_notebooks():
    entries = course_map()
    assert entries[0].exists and entries[0].minutes is not None
    start = json.loads((NOTEBOOK_DIR / entries[0].notebook).read_text())
    assert start["metadata"]["qedn"]["lesson"] == 0


def test_ledger_markdown_has_every_claim():
    text = ledger_markdown()
    rows = text.splitlines()[2:]
    assert len(rows) == len(claims.CLAIMS)
    for row, claim in zip(rows, claims.CLAIMS):
        assert row.startswith(f"| {claim.summary}")
        assert any(word in row for word in claims.VERDICT_WORDS + (claims.NOT_YET,))


@pytest.mark.parametrize(
    "call", [lambda: course_map(3), lambda: course_map_markdown(link_prefix=1), lambda: ledger_markdown(link_prefix=None)]
)
def test_bad_arguments(call):
    with pytest.raises(TypeError):
        call()
