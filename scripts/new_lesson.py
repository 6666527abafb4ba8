#!/usr/bin/env python3
"""Scaffold a new lesson and register it in the lesson manifest.

    python scripts/new_lesson.py NN slug [--title "Title"] [--after-capstone] [--root DIR]

Writes, for lesson NN with file-name slug ``slug`` (lower-case letters, digits and underscores):

* ``notebooks/NN_slug.ipynb`` -- front matter (questions, objectives, prerequisites, minutes), the
  setup cell, an idea → Predict → computation → widget section, three exercises, the claim check
 , key points, further reading and a self-test cell;
* ``qedn_lessons/slug.py`` (physics), ``qedn_lessons/views/slug.py`` (a plot on a given Axes),
  ``qedn_lessons/widgets/slug.py`` (a registered explorer), ``qedn_lessons/exercises/lessonNN.py``
  (three registered exercises), ``qedn_lessons/verdicts/lessonNN.py`` (the evidence function);
* ``tests/test_slug.py`` -- tests of the physics against its analytic result;
* a new :class:`~qedn_lessons.manifest.Lesson` entry (with one claim) in ``qedn_lessons/manifest.py``,
  placed before the capstone (the last lesson) unless ``--after-capstone``.

The generated lesson runs and passes the generic tests as it is; its physics (a decaying excitation)
is a worked placeholder that the author replaces, and every text to rewrite is marked ``TODO``. Then
``make nb-refresh NB=notebooks/NN_slug.ipynb`` stores the claim check's output. The scaffolder
refuses to overwrite anything: an existing file, lesson number, slug or claim id stops it before it
writes. See docs/CONTRIBUTING.md, "Adding a lesson".
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


def _cell_id(slug: str, index: int) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"qedn-lessons/{slug}/{index}").hex[:8]


def _notebook(nn: str, number: int, slug: str, title: str, claim_id: str) -> dict:
    module = slug
    cells: list[tuple[str, str]] = [
        (
            "markdown",
            f"""# Lesson {nn} — {title}

TODO: a one-paragraph hook: which claim of the QEDN proposal this lesson tests (paraphrased, never
quoted) and what the learner will do to test it.

| | |
|---|---|
| **Questions** | TODO: the questions this lesson answers. |
| **Objectives** | TODO: what the learner can do afterwards. |
| **Prerequisites** | TODO: earlier lessons and mathematics needed. |
| **Time** | 30 min teaching, 20 min exercises |""",
        ),
        (
            "code",
            f"""from qedn_lessons import setup_notebook
rng = setup_notebook()

import math

import numpy as np

from qedn_lessons import claims, {module}
from qedn_lessons.exercises import check, show_solution
from qedn_lessons.style import new_figure, show
from qedn_lessons.views.{module} import plot_surviving_fraction
from qedn_lessons.widgets.{module} import {_class_name(slug)}""",
        ),
        (
            "markdown",
            """## 1. The idea

TODO: the physics in words, with its source (paper with DOI or arXiv id).

**Predict.** TODO: a question the learner answers before the reveal (e.g. after one lifetime, is
more or less than half of the excitation left?).""",
        ),
        (
            "code",
            f"""times_ns = np.linspace(0.0, 5.0, 201)
fig, ax = new_figure()
plot_surviving_fraction(ax, times_ns, {module}.surviving_fraction(times_ns, decay_rate_per_ns=1.0))
show(fig, alt="The surviving fraction falls exponentially from 1 at t = 0 to e^(-5) = 0.007 after five lifetimes.")""",
        ),
        ("markdown", "TODO: what the figure shows. Now drive it yourself:"),
        ("code", f"{_class_name(slug)}()"),
        (
            "markdown",
            """## Exercises

**Exercise 1 (one lifetime).** What fraction of the excitation survives one lifetime 1/Γ?

<details><summary>Hint</summary>

Evaluate e^(−Γt) at t = 1/Γ.
</details>""",
        ),
        (
            "code",
            f"""answer = ...
check("{nn}.one_lifetime", answer)""",
        ),
        (
            "markdown",
            f"""Stuck? `show_solution("{nn}.one_lifetime")`

**Exercise 2 (half-life).** With Γ = 2 ns⁻¹, after how many nanoseconds is half of it left?

<details><summary>Hint</summary>

Solve e^(−Γt) = 1/2 for t.
</details>""",
        ),
        (
            "code",
            f"""answer = ...
check("{nn}.half_life", answer)""",
        ),
        (
            "markdown",
            f"""Stuck? `show_solution("{nn}.half_life")`

**Exercise 3 (a function).** Write `fraction(t_ns, rate_per_ns)` returning the surviving fraction.

<details><summary>Hint</summary>

`math.exp(-rate_per_ns * t_ns)`.
</details>""",
        ),
        (
            "code",
            f"""def fraction(t_ns, rate_per_ns):
    return ...

check("{nn}.fraction_function", fraction)""",
        ),
        (
            "markdown",
            f"""Stuck? `show_solution("{nn}.fraction_function")`

## Claim check
The verdict below is computed by `qedn_lessons/verdicts/lesson{nn}.py` from the same functions.""",
        ),
        (
            "code",
            f"""
print(claims.report({number}))""",
        ),
        (
            "markdown",
            """## Key points
* TODO: what the learner should remember.

## Further reading
* TODO: primary sources with DOI or arXiv id.""",
        ),
        (
            "code",
            f"""# Self-test: the physics this lesson relies on (quiet when it holds).
assert abs({module}.surviving_fraction(1.0, decay_rate_per_ns=1.0) - math.exp(-1.0)) < 1e-12
assert abs({module}.half_life_ns(2.0) - math.log(2.0) / 2.0) < 1e-12""",
        ),
    ]
    return {
        "cells": [
            {
                "cell_type": kind,
                "id": _cell_id(slug, i),
                "metadata": {},
                "source": text.splitlines(keepends=True),
                **({"execution_count": None, "outputs": []} if kind == "code" else {}),
            }
            for i, (kind, text) in enumerate(cells)
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "qedn": {
                "lesson": number,
                "title": title,
                "minutes_teaching": 30,
                "minutes_exercises": 20,
                "questions": ["TODO: the first question of the lesson"],
            },
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _class_name(slug: str) -> str:
    return "".join(part.capitalize() for part in slug.split("_")) + "Explorer"


def _physics(slug: str, title: str) -> str:
    return f'''"""Physics of the lesson "{title}" (pure functions: numpy only, no plotting, no printing).

TODO: replace the placeholder physics (an excitation decaying at rate Γ) by the lesson's own, with
its source. Units are in the names: times in ns, rates per ns.
"""

from __future__ import annotations

import math

import numpy as np

from qedn_lessons.validate import check_real, check_times

__all__ = ["half_life_ns", "surviving_fraction"]


def surviving_fraction(time_ns, *, decay_rate_per_ns: float):
    """Fraction e^(−Γt) of an excitation left after ``time_ns`` at decay rate Γ = ``decay_rate_per_ns``.

    ``time_ns`` is a number or an array of times ≥ 0 (ns); Γ ≥ 0 (per ns). Returns a float for a
    number, an array for an array. Raises ValueError/TypeError for a negative, NaN or non-real input.
    """
    rate = check_real("decay_rate_per_ns", decay_rate_per_ns, minimum=0.0)
    times = check_times("time_ns", time_ns)
    result = np.exp(-rate * times)
    return float(result[0]) if np.ndim(time_ns) == 0 else result


def half_life_ns(decay_rate_per_ns: float) -> float:
    """Time ln 2 / Γ (ns) after which half is left, for a decay rate Γ > 0 (per ns)."""
    rate = check_real("decay_rate_per_ns", decay_rate_per_ns, minimum=0.0, minimum_inclusive=False)
    return math.log(2.0) / rate
'''


def _view(slug: str) -> str:
    return f'''"""Plots for the lesson module :mod:`qedn_lessons.{slug}`: draw on a given Axes, return the artists."""

from __future__ import annotations

from qedn_lessons.style import series_style


def plot_surviving_fraction(ax, times_ns, fractions, *, label: str = "surviving fraction"):
    """Draw ``fractions`` against ``times_ns`` (ns) on ``ax`` and return the line."""
    (line,) = ax.plot(times_ns, fractions, label=label, **{{**series_style(0), "marker": None}})
    ax.set_xlabel("time (ns)")
    ax.set_ylabel("fraction left")
    ax.set_ylim(0.0, 1.05)
    ax.legend()
    return line
'''


def _widget(slug: str, title: str) -> str:
    cls = _class_name(slug)
    return f'''"""Explorer of the lesson "{title}": the decay rate, and what is left."""

from __future__ import annotations

import numpy as np

from qedn_lessons import {slug}
from qedn_lessons.style import new_figure
from qedn_lessons.views.{slug} import plot_surviving_fraction
from qedn_lessons.widgets.base import Explorer, float_slider, register_explorer

_TIMES_NS = np.linspace(0.0, 5.0, 201)


@register_explorer
class {cls}(Explorer):
    """TODO: what the learner explores."""

    title = "TODO: the explorer's title"
    legend = (
        ("Decay rate", "Γ, 0.1–5 per ns."),
        ("Figure", "the fraction left against time (solid line); it falls to 1/e after one lifetime 1/Γ."),
    )

    def build_controls(self):
        return {{"rate": float_slider("Decay rate (1/ns)", 1.0, 0.1, 5.0, 0.1)}}

    def build_figure(self):
        fig, ax = new_figure()
        self.line = plot_surviving_fraction(ax, _TIMES_NS, np.ones_like(_TIMES_NS))
        return fig

    def update_figure(self, *, rate):
        self.line.set_ydata({slug}.surviving_fraction(_TIMES_NS, decay_rate_per_ns=rate))
        left = {slug}.surviving_fraction(1.0, decay_rate_per_ns=rate)
        return f"At Γ = {{rate:.1f}} per ns, {{100 * left:.1f}}% is left after 1 ns; half is gone after {{{slug}.half_life_ns(rate):.2f}} ns."
'''


def _exercises(nn: str, slug: str, title: str) -> str:
    return f'''"""Lesson {nn} exercises ({title}). TODO: replace by the lesson's own exercises."""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, function, number, register


def _one_lifetime_solution():
    from qedn_lessons.{slug} import surviving_fraction

    return surviving_fraction(1.0, decay_rate_per_ns=1.0)


register(Exercise(
    key="{nn}.one_lifetime",
    title="Fraction left after one lifetime",
    solution=_one_lifetime_solution,
    judge=number(notation="e^(−1)"),
    hint="Evaluate e^(−Γt) at t = 1/Γ.",
    wrong_examples=(0.5, 1.0 - math.exp(-1.0)),
))


def _half_life_solution():
    from qedn_lessons.{slug} import half_life_ns

    return half_life_ns(2.0)


register(Exercise(
    key="{nn}.half_life",
    title="Half-life at Γ = 2 per ns",
    solution=_half_life_solution,
    judge=number(notation="ln 2 / Γ", unit="ns"),
    hint="Solve e^(−Γt) = 1/2 for t.",
    wrong_examples=(0.5, math.log(2.0)),
))


def _fraction_solution():
    from qedn_lessons.{slug} import surviving_fraction

    return lambda t_ns, rate_per_ns: surviving_fraction(t_ns, decay_rate_per_ns=rate_per_ns)


register(Exercise(
    key="{nn}.fraction_function",
    title="The surviving fraction as a function",
    solution=_fraction_solution,
    judge=function(notation="e^(−Γt)", cases=[(0.0, 1.0), (1.0, 1.0), (2.0, 0.5), (0.3, 4.0)]),
    hint="math.exp(-rate_per_ns * t_ns)",
    wrong_examples=(lambda t_ns, rate_per_ns: math.exp(-t_ns / rate_per_ns),),
))
'''


def _verdicts(nn: str, slug: str, title: str, claim_id: str) -> str:
    return f'''"""Lesson {nn} verdict ({title}): computed from :mod:`qedn_lessons.{slug}`, the word chosen by
:func:`claim_word` from the numbers. TODO: replace by the lesson's own evidence and rule."""

from __future__ import annotations

from qedn_lessons import {slug}
from qedn_lessons.claims import Verdict, evidence_for

#: The lesson's parameters (TODO): decay rate per ns and the time that counts as "kept", ns.
DECAY_RATE_PER_NS = 1.0
KEPT_AFTER_NS = 5.0


def claim_word(fraction_left: float) -> str:
    """Supported if at least half is left, partly supported if at least 1%, contradicted otherwise."""
    if fraction_left >= 0.5:
        return "supported"
    if fraction_left >= 0.01:
        return "partly supported"
    return "contradicted"


@evidence_for("{claim_id}")
def _evidence() -> Verdict:
    left = {slug}.surviving_fraction(KEPT_AFTER_NS, decay_rate_per_ns=DECAY_RATE_PER_NS)
    return Verdict(
        claim_word(left),
        f"At Γ = {{DECAY_RATE_PER_NS:g}} per ns, {{100 * left:.2f}}% is left after {{KEPT_AFTER_NS:g}} ns.",
    )
'''


def _test(nn: str, slug: str) -> str:
    return f'''"""Lesson {nn} physics against its analytic results (TODO: extend with the lesson's own checks)."""

import math

import numpy as np
import pytest

from qedn_lessons import {slug}
from qedn_lessons.verdicts import lesson{nn}


def test_surviving_fraction_is_the_exponential():
    times = np.linspace(0.0, 3.0, 7)
    assert np.allclose({slug}.surviving_fraction(times, decay_rate_per_ns=0.7), np.exp(-0.7 * times), rtol=1e-12)
    assert {slug}.surviving_fraction({slug}.half_life_ns(0.7), decay_rate_per_ns=0.7) == pytest.approx(0.5, rel=1e-12)


def test_verdict_word_follows_the_numbers():
    assert lesson{nn}.claim_word(0.6) == "supported"
    assert lesson{nn}.claim_word(0.05) == "partly supported"
    assert lesson{nn}.claim_word(math.exp(-5.0)) == "contradicted"


@pytest.mark.parametrize("call", [lambda: {slug}.half_life_ns(0.0), lambda: {slug}.surviving_fraction(-1.0, decay_rate_per_ns=1.0)])
def test_bad_input_is_refused(call):
    with pytest.raises(ValueError):
        call()
'''


def _manifest_entry(number: int, slug: str, title: str, claim_id: str) -> str:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a valid Python string literal too

    summary = quoted("TODO: the proposal's claim this lesson tests, paraphrased.")
    return (
        f"    Lesson(\n"
        f"        {number},\n"
        f"        {quoted(slug)},\n"
        f"        {quoted(title)},\n"
        f"        (Claim({quoted(claim_id)}, {summary}, {number}),),\n"
        f"    ),\n"
    )


def register_in_manifest(
    manifest_path: Path, number: int, slug: str, title: str, claim_id: str, *, after_capstone: bool = False
) -> None:
    """Insert the lesson's entry into ``LESSONS`` in ``manifest_path``: before the capstone entry
    (the one with ``capstone=True``), or at the end with ``after_capstone`` or without a capstone."""
    text = manifest_path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    lessons = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.AnnAssign | ast.Assign)
        and any(getattr(t, "id", None) == "LESSONS" for t in (node.targets if isinstance(node, ast.Assign) else [node.target]))
    )
    if not isinstance(lessons, ast.Tuple) or not lessons.elts:
        raise SystemExit(f"{manifest_path}: LESSONS is not a non-empty tuple literal")
    capstones = [e for e in lessons.elts if any(k.arg == "capstone" for k in getattr(e, "keywords", []))]
    lines = text.splitlines(keepends=True)
    entry = _manifest_entry(number, slug, title, claim_id)
    if capstones and not after_capstone:
        at = capstones[0].lineno - 1
        lines.insert(at, entry)
    else:
        last = lessons.elts[-1]
        at = last.end_lineno  # the line after the last element (its trailing comma is on end_lineno)
        lines.insert(at, entry)
    manifest_path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("number", type=int, help="lesson number NN, 1–99 (its identifier: file names, exercise keys)")
    parser.add_argument("slug", help="file-name slug: lower-case letters, digits, underscores (e.g. heat_engines)")
    parser.add_argument("--title", help="the lesson's title (default: from the slug)")
    parser.add_argument("--after-capstone", action="store_true", help="append after the capstone instead of before it")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to write into (default: this one)")
    args = parser.parse_args(argv)

    number, slug, root = args.number, args.slug, args.root.resolve()
    if not 1 <= number <= 99:
        parser.error(f"number must be in [1, 99], got {number}")
    if not SLUG.match(slug):
        parser.error(f"slug must match {SLUG.pattern}, got {slug!r}")
    nn = f"{number:02d}"
    title = args.title or slug.replace("_", " ").capitalize()
    claim_id = slug.replace("_", "-")

    manifest_path = root / "qedn_lessons" / "manifest.py"
    manifest_text = manifest_path.read_text(encoding="utf-8")
    for pattern, what in (
        (rf"\bLesson\(\s*{number}\s*,", f"lesson number {number}"),
        (rf"[\"']{slug}[\"']", f"slug {slug!r}"),
        (rf"Claim\(\s*[\"']{claim_id}[\"']", f"claim id {claim_id!r}"),
    ):
        if re.search(pattern, manifest_text):
            parser.error(f"{what} is already in {manifest_path.relative_to(root)}")
    files = {
        root / "notebooks" / f"{nn}_{slug}.ipynb": json.dumps(
            _notebook(nn, number, slug, title, claim_id), indent=1, ensure_ascii=False
        )
        + "\n",
        root / "qedn_lessons" / f"{slug}.py": _physics(slug, title),
        root / "qedn_lessons" / "views" / f"{slug}.py": _view(slug),
        root / "qedn_lessons" / "widgets" / f"{slug}.py": _widget(slug, title),
        root / "qedn_lessons" / "exercises" / f"lesson{nn}.py": _exercises(nn, slug, title),
        root / "qedn_lessons" / "verdicts" / f"lesson{nn}.py": _verdicts(nn, slug, title, claim_id),
        root / "tests" / f"test_{slug}.py": _test(nn, slug),
    }
    taken = [str(path.relative_to(root)) for path in files if path.exists()]
    if taken:
        parser.error(f"refusing to overwrite: {', '.join(taken)}")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    register_in_manifest(manifest_path, number, slug, title, claim_id, after_capstone=args.after_capstone)
    print(f"Lesson {nn} ({slug}) scaffolded in {root}:")
    for path in files:
        print(f"  {path.relative_to(root)}")
    print("  qedn_lessons/manifest.py (entry added)")
    print(f"Next: replace every TODO, then `make nb-refresh NB=notebooks/{nn}_{slug}.ipynb` and `make test-fast`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
