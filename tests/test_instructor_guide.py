"""The instructor guide (docs/instructors/) keeps up with the lessons.

For every lesson notebook in ``notebooks/`` (discovered, so a new lesson needs a page):

* ``docs/instructors/lesson_NN.md`` exists and the index links it;
* every **Predict.** question of the notebook has an answer entry in the page: the k-th Predict of
  the notebook is answered under the anchor ``<a id="predict-k"></a>``, numbered 1…n with no gap, so a
  Predict added to (or removed from) a notebook fails here until the guide follows;
* every exercise key of the lesson (the registry and the notebook's ``check("NN.key", …)`` calls) is
  mentioned, and the answer the page gives passes the lesson's own checker;
* the plan by the minute adds up to the notebook's stated teaching and exercise minutes;
* the verdict words the lesson's claim check computes today are the ones the page explains;

and the guide builds into the static site with every link pointed at a built page.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
GUIDE = ROOT / "docs" / "instructors"

#: A Predict question in a lesson: "**Predict.**" or a variant such as "**Predict (a).**".
#: (Lesson 00's "**Predict** questions come before …" explains the format and is not a question.)
PREDICT = re.compile(r"\*\*Predict\b[^*\n]*?\.\*\*")
ANCHOR = re.compile(r'<a id="predict-(\d+)"></a>')
CHECK_CALL = re.compile(r"""check\(\s*["'](\d{2}\.[A-Za-z0-9_]+)["']""")
PLAN_ROW = re.compile(r"^\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|\s*(teaching|exercises)\s*\|", re.MULTILINE)
LINK = re.compile(r"\]\(([^)\s]+)\)")
#: Written by the classroom part of the course kit; the index links it, another change adds it.
WRITTEN_ELSEWHERE: set[str] = set()


def _lessons() -> list[tuple[int, Path, dict]]:
    found = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        meta = nb.get("metadata", {}).get("qedn", {})
        if "lesson" in meta:
            found.append((int(meta["lesson"]), path, nb))
    return found


LESSONS = _lessons()
IDS = [f"lesson{number:02d}" for number, _, _ in LESSONS]


def _page(number: int) -> str:
    path = GUIDE / f"lesson_{number:02d}.md"
    assert path.exists(), f"no instructor guide page for lesson {number:02d}: write {path.relative_to(ROOT)}"
    return path.read_text(encoding="utf-8")


def _predict_questions(nb: dict) -> list[str]:
    """The Predict questions of a notebook, in order (the first line of each)."""
    questions = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"])
            questions += [source[m.start() :].splitlines()[0][:100] for m in PREDICT.finditer(source)]
    return questions


def test_the_course_has_lessons_to_check():
    assert [number for number, _, _ in LESSONS] == list(range(len(LESSONS))) and len(LESSONS) >= 10


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_every_lesson_has_a_page_linked_from_the_index(number, path, nb):
    page = _page(number)
    assert path.name in page, f"lesson_{number:02d}.md does not link its notebook {path.name}"
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    assert f"(lesson_{number:02d}.md)" in index, f"docs/instructors/README.md does not link lesson_{number:02d}.md"


def test_index_links_the_course_level_guide():
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    assert "(running_a_class.md)" in index


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_every_predict_question_has_an_answer(number, path, nb):
    questions = _predict_questions(nb)
    page = _page(number)
    anchors = [int(m.group(1)) for m in ANCHOR.finditer(page)]
    listing = "\n".join(f"  {k}. {q}" for k, q in enumerate(questions, 1))
    assert anchors == list(range(1, len(questions) + 1)), (
        f"{path.name} asks {len(questions)} Predict question(s); lesson_{number:02d}.md answers anchors {anchors}. "
        f'Answer each, in order, under <a id="predict-k"></a>:\n{listing}'
    )
    # each answer says what happens and how it was obtained (a computation or a source)
    bodies = ANCHOR.split(page)[2::2]
    for k, body in enumerate(bodies, 1):
        body = body.split("\n## ")[0]
        assert len(body.strip()) > 150, f"lesson_{number:02d}.md: the answer to Predict {k} is too short to be one"
        assert "How computed:" in body or "Source:" in body, (
            f"lesson_{number:02d}.md: the answer to Predict {k} does not say how it was obtained "
            "(a '*How computed:*' or '*Source:*' line)"
        )


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_every_exercise_key_is_covered(number, path, nb):
    from qedn_lessons.exercises.core import all_exercises

    registered = {e.key for e in all_exercises() if e.lesson == number}
    in_notebook = {
        m.group(1) for cell in nb["cells"] if cell["cell_type"] == "code" for m in CHECK_CALL.finditer("".join(cell["source"]))
    }
    page = _page(number)
    missing = sorted(key for key in registered | in_notebook if f"`{key}`" not in page)
    assert not missing, f"lesson_{number:02d}.md does not mention exercise(s) {missing}"


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_plan_by_the_minute_matches_the_stated_minutes(number, path, nb):
    meta = nb["metadata"]["qedn"]
    page = _page(number)
    assert "## Plan by the minute" in page
    plan = page.split("## Plan by the minute", 1)[1].split("\n## ", 1)[0]
    rows = [(int(a), int(b), part) for a, b, part in PLAN_ROW.findall(plan)]
    assert rows, f"lesson_{number:02d}.md: no rows like '| 0–5 | teaching | … |' in the plan"
    assert rows[0][0] == 0 and all(prev[1] == nxt[0] for prev, nxt in itertools.pairwise(rows)), (
        f"lesson_{number:02d}.md: the plan's time slots must start at 0 and follow each other: {rows}"
    )
    assert all(b > a for a, b, _ in rows)
    minutes = {part: sum(b - a for a, b, p in rows if p == part) for part in ("teaching", "exercises")}
    stated = {"teaching": int(meta.get("minutes_teaching", 0)), "exercises": int(meta.get("minutes_exercises", 0))}
    assert minutes == stated, f"lesson_{number:02d}.md plans {minutes} minutes; the notebook states {stated}"


@pytest.fixture(scope="module")
def ledger():
    from qedn_lessons import claims

    return claims.ledger()


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_the_page_explains_the_verdicts_the_lesson_computes(number, path, nb, ledger):
    page = " ".join(_page(number).split())  # a verdict may wrap across lines
    for row in (r for r in ledger if r.lesson == number):
        assert f"Verdict: {row.verdict.upper()}" in page, (
            f"lesson_{number:02d}.md does not give today's verdict {row.verdict!r} on: {row.summary}"
        )


def _guide_pages() -> list[Path]:
    return sorted(GUIDE.glob("*.md"))


@pytest.mark.parametrize("page", _guide_pages(), ids=lambda p: p.name)
def test_links_stay_inside_the_repository_and_resolve(page):
    text = page.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        relative = target.split("#", 1)[0]
        if relative in WRITTEN_ELSEWHERE:
            continue
        resolved = (page.parent / relative).resolve()
        assert resolved.is_relative_to(ROOT), f"{page.name} links outside the repository: {target}"
        assert resolved.exists(), f"{page.name} links to {target}, which does not exist"


def _site_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("instructor_guide_site", ROOT / "scripts" / "instructor_guide_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_guide_is_built_for_the_static_site(tmp_path):
    site = _site_builder()
    assert site.build_guide(tmp_path) == []
    pages = {p.name for p in (tmp_path / "instructors").glob("*.html")}
    assert {"index.html"} | {f"lesson_{n:02d}.html" for n, _, _ in LESSONS} <= pages
    index = (tmp_path / "instructors" / "index.html").read_text(encoding="utf-8")
    assert 'href="lesson_01.html"' in index and 'href="running_a_class.html"' in index
    lesson = (tmp_path / "instructors" / "lesson_01.html").read_text(encoding="utf-8")
    assert 'href="../01_superposition_and_coherence.html"' in lesson  # the built lesson page
    assert 'id="predict-1"' in lesson and "<table>" in lesson
    assert not re.search(r'href="[^":]*\.(md|ipynb)', index + lesson), "a link still points at a source file"


def test_the_site_build_refuses_a_link_with_no_page(tmp_path):
    site = _site_builder()
    guide = tmp_path / "guide"
    guide.mkdir()
    (guide / "README.md").write_text("# Guide\n\nSee [the design](../../docs/DESIGN_NOTES.md) and [lesson 1](lesson_01.md).\n")
    failures = site.build_guide(tmp_path / "site", guide)
    assert len(failures) == 1 and "DESIGN_NOTES.md" in failures[0]
    assert 'href="lesson_01.html"' in (tmp_path / "site" / "instructors" / "index.html").read_text(encoding="utf-8")


_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_NUMBER = re.compile(r"([+-]?\d+(?:\.\d+)?)(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?")


def _guide_answer(exercise, page: str):
    """The answer the page gives for ``exercise``: the first bold text of its row in the answer table,
    as the learner would type it (a number, a quoted word, or a function built from the code shown)."""
    import inspect
    import math

    row = next((line for line in page.splitlines() if line.startswith(f"| `{exercise.key}` |")), None)
    assert row is not None, f"no answer-table row for {exercise.key}"
    bold = re.search(r"\*\*(.+?)\*\*", row)
    assert bold, f"the row of {exercise.key} gives no answer in bold"
    text = bold.group(1)
    if text.startswith("`") and text.endswith("`"):  # a function exercise: the body of the function
        params = ", ".join(inspect.signature(exercise.expected()).parameters)
        return eval(f"lambda {params}: {text.strip('`')}", {"math": math})
    if text.startswith('"'):
        return text.split('"')[1]
    number = _NUMBER.search(text)
    assert number, f"the answer of {exercise.key} ({text}) is not a number"
    mantissa, exponent = number.groups()
    return float(mantissa) * (10.0 ** int(exponent.translate(_SUPERSCRIPT)) if exponent else 1.0)


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_the_answers_given_pass_the_lessons_own_checkers(number, path, nb):
    """The guide's answer to every exercise is judged correct by the checker the learners meet."""
    from qedn_lessons.exercises.core import all_exercises

    page = _page(number)
    for exercise in (e for e in all_exercises() if e.lesson == number):
        answer = _guide_answer(exercise, page)
        feedback = exercise.evaluate(answer)
        assert feedback.passed, f"lesson_{number:02d}.md answers {exercise.key} with {answer!r}: {feedback}"


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_the_index_row_of_each_lesson_is_current(number, path, nb, ledger):
    meta = nb["metadata"]["qedn"]
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    row = next((line for line in index.splitlines() if line.startswith(f"| {number:02d} |")), None)
    assert row is not None, f"docs/instructors/README.md has no row for lesson {number:02d}"
    teaching, exercises = int(meta.get("minutes_teaching", 0)), int(meta.get("minutes_exercises", 0))
    assert f"| {teaching + exercises} ({teaching} + {exercises}) |" in row, row
    words = [r.verdict for r in ledger if r.lesson == number]
    if words:
        assert f"| {'; '.join(words)} |" in row, f"lesson {number:02d}: the index gives {row!r}, the ledger {words}"


SECTIONS = (
    "## Learning objectives",
    "## Plan by the minute",
    "## Predict questions and their answers",
    "## Exercises",
    "## Discussion questions",
    "## Workshop mode",
    "## Claim check",
)
EXPLORER_CALL = re.compile(r"^([A-Z][A-Za-z]*Explorer)\(", re.MULTILINE)


@pytest.mark.parametrize(("number", "path", "nb"), LESSONS, ids=IDS)
def test_each_page_has_every_part_and_names_the_lessons_explorers(number, path, nb):
    page = _page(number)
    positions = [page.find(heading) for heading in SECTIONS]
    assert -1 not in positions, f"lesson_{number:02d}.md lacks {[h for h, p in zip(SECTIONS, positions) if p < 0]}"
    assert positions == sorted(positions), f"lesson_{number:02d}.md: the parts are out of order"
    workshop = page.split("## Workshop mode", 1)[1].split("\n## ", 1)[0]
    explorers = {
        m.group(1) for cell in nb["cells"] if cell["cell_type"] == "code" for m in EXPLORER_CALL.finditer("".join(cell["source"]))
    }
    missing = sorted(e for e in explorers if f"`{e}`" not in workshop)
    assert not missing, f"lesson_{number:02d}.md's workshop section does not say how to demonstrate {missing}"
