#!/usr/bin/env python3
"""Build the static HTML course: every notebook executed, every figure with alt text, no kernel needed.

    python scripts/build_site.py [--out _site] [NOTEBOOK ...]     # build (default: every notebooks/*.ipynb)
    python scripts/build_site.py --check _site                     # only run the alt-text check

Steps, per notebook: execute a temporary copy (nbclient, kernel ``python3``; a cell that raises fails
the build), keep each widget's PNG fallback instead of the live widget view (so a widget cell shows
its default figure with the explorer's caption as alt text), export with nbconvert's ``lab`` template
extended to write each PNG's ``alt`` from the output metadata, and point links between notebooks at
the built pages. Then an ``index.html`` with the course map (:func:`qedn_lessons.course.course_map`).

Accessible (WCAG 2.1 AA) and offline: code is highlighted with an accessible Pygments style
(``accessible-pygments``' ``a11y-high-contrast-light``), prompts and links have enough contrast and
links in text are underlined; MathJax (2.7, with its fonts) is copied from the installed
``jupyter-server-mathjax`` package into ``mathjax/`` next to the pages, and nothing is loaded from a
CDN (no require.js, no mermaid), so the site reads the same in a classroom without internet.

Finally the alt check: every ``<img>`` of the site must have a non-empty ``alt`` that is not
nbconvert's placeholder; otherwise the build exits 1 and lists the offenders. Nothing is downloaded,
at build time or when a page is read.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
NBCONVERT_PLACEHOLDER = "No description has been provided for this image"
#: Accessible highlighting (accessible-pygments): every token colour ≥ 4.5:1 on its background.
PYGMENTS_STYLE = "a11y-high-contrast-light"
MATHJAX_DIR = "mathjax"  # MathJax's files, next to the pages
MATHJAX_URL = f"{MATHJAX_DIR}/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"

# nbconvert's lab template, with the PNG's alt text taken from the output's metadata
# (``{"image/png": {"alt": ...}}``, as written by ``style.show`` and the explorers' fallback).
TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{#- offline: no require.js (no live widgets on the site) and no mermaid from a CDN -#}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">
/* WCAG 2.1 AA: prompts at >= 4.5:1 on white (JupyterLab's are 2.2-4.4:1), links in text underlined
   (1.4.1: not told apart by colour alone) and dark enough. After JupyterLab's CSS, so it wins. */
:root {
  --jp-cell-inprompt-font-color: #1a5a96;
  --jp-cell-outprompt-font-color: #9c3a1c;
  --jp-cell-prompt-not-active-font-color: #4d4d4d;
  --jp-cell-prompt-not-active-opacity: 1;
  --jp-cell-prompt-opacity: 1;
  --jp-content-link-color: #0b4f9c;
}
body.jp-Notebook .jp-RenderedHTMLCommon a, body.jp-Notebook main a { text-decoration: underline; }
.qedn-caption { color: #1f1f1f; }
</style>
{%- endblock html_head_css -%}
{% block data_png scoped %}
{%- set alt = (output.metadata.get('image/png') or {}).get('alt') if output.metadata else none -%}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
{%- if alt %} alt="{{ alt | escape_html }}"{% endif %}>
{%- if alt and (output.metadata.get('image/png') or {}).get('qedn_widget') %}
<p class="qedn-caption" style="margin:0.2em 0"><i>Figure: {{ alt | escape_html }}</i><br>
<small>(An interactive widget in the live course: this is its figure at the default settings.)</small></p>
{%- endif %}
</div>
{%- endblock data_png %}
"""


# --- the alt check ---------------------------------------------------------------------------------


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append({**dict(attrs), "_line": self.getpos()[0]})


def missing_alt(page_html: str) -> list[str]:
    """Every ``<img>`` of a page without usable alt text, described for a human."""
    parser = _Images()
    parser.feed(page_html)
    found = []
    for number, image in enumerate(parser.images, 1):
        alt = (image.get("alt") or "").strip()
        if not alt or alt == NBCONVERT_PLACEHOLDER:
            src = (image.get("src") or "")[:60]
            found.append(
                f"image {number} (line {image['_line']}, src {src}…): "
                + ("no alt text" if not alt else "nbconvert's placeholder alt text")
            )
    return found


def check_site(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.glob("*.html")):
        problems += [f"{page.name}: {p}" for p in missing_alt(page.read_text(encoding="utf-8"))]
    return problems


# --- building ----------------------------------------------------------------------------------------


def execute(path: Path, workdir: Path, timeout_s: int):
    """Execute a copy of the notebook in ``workdir`` (a copy of notebooks/) and return it."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=timeout_s, kernel_name="python3", allow_errors=False, resources={"metadata": {"path": str(workdir)}}
    ).execute()
    return nb


def static_outputs(nb) -> int:
    """Replace live widget views by their PNG fallback; drop widget state. Returns how many.
    A figure shown with ``style.show`` keeps only its PNG (with alt) for the site's template."""
    nb.metadata.pop("widgets", None)
    replaced = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and "image/png" in data and ((output.get("metadata") or {}).get("image/png") or {}).get("alt"):
                data.pop("text/html", None)  # style.show's <img alt> for live frontends: the PNG block writes it here
            if data and WIDGET_MIME in data:
                del data[WIDGET_MIME]
                if "image/png" in data:
                    output.setdefault("metadata", {}).setdefault("image/png", {})["qedn_widget"] = True
                replaced += 1
    return replaced


def exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.CSSHTMLHeaderPreprocessor.style = PYGMENTS_STYLE
    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"qedn_site.html.j2": TEMPLATE})],
        template_file="qedn_site.html.j2",
        mathjax_url=MATHJAX_URL,
        config=config,
    )


def mathjax_source() -> Path:
    """MathJax 2.7 as installed by the ``jupyter-server-mathjax`` package (with its web fonts)."""
    try:
        import jupyter_server_mathjax
    except ImportError as exc:
        raise RuntimeError(
            "the static site needs MathJax from the jupyter-server-mathjax package: pip install -r requirements.txt"
        ) from exc
    return Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


def copy_mathjax(out: Path) -> Path:
    """Copy MathJax next to the pages (English messages only; the other locales are never loaded)."""
    source, target = mathjax_source(), out / MATHJAX_DIR

    def skip(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if Path(folder).name == "localization" and n != "en"]

    shutil.copytree(source, target, ignore=skip, dirs_exist_ok=True)
    return target


_LOCAL_NOTEBOOK_LINK = re.compile(r'href="(?!https?:|//|#)([^"#?]+?)\.ipynb(#[^"]*)?"')


def link_pages(page_html: str) -> str:
    """Links to other notebooks of the course point at their built pages."""
    return _LOCAL_NOTEBOOK_LINK.sub(lambda m: f'href="{Path(m.group(1)).name}.html{m.group(2) or ""}"', page_html)


def index_notebook(built: list[Path]):
    from nbformat.v4 import new_markdown_cell, new_notebook

    built_names = {p.name for p in built}
    try:
        from qedn_lessons.course import course_map

        rows = ["| # | lesson | minutes (teaching + exercises) |", "|---|---|---|"]
        for entry in course_map(NOTEBOOKS):
            title = entry.title.replace("|", "\\|")
            cell = f"[{title}]({entry.notebook})" if entry.notebook in built_names else f"{title} *(not yet written)*"
            minutes = (
                "—"
                if entry.minutes is None
                else f"{entry.minutes} ({entry.minutes_teaching or 0} + {entry.minutes_exercises or 0})"
            )
            rows.append(f"| {entry.number:02d} | {cell} | {minutes} |")
        listed = {entry.notebook for entry in course_map(NOTEBOOKS)}
        rows += [f"| — | [{p.stem}]({p.name}) | — |" for p in built if p.name not in listed]
        table = "\n".join(rows)
    except ImportError:  # the package is not importable: list the pages
        table = "\n".join(f"- [{p.stem}]({p.name})" for p in built)
    text = (
        "# QEDN Lessons: the course map\n\n"
        "A course that takes the speculative proposal *Quantum Energy Distribution Networks* claim by claim "
        "and tests each one with a simulation of real physics.\n\n"
        "This is the **read-only** version of the course: every lesson was executed when the site was built, "
        "and each interactive widget shows its figure at the default settings. To move the controls, run the "
        "course live (on Binder, with `make course`, or as a workshop with `make workshop`; see the README).\n\n"
        f"{table}\n\n"
        "Also: the [glossary](glossary.html) of the course's terms, and, for teachers, the "
        "[instructor guide](instructors/index.html) (lesson plans, the answer to every Predict question, "
        "the misconceptions the checkers detect).\n\n"
        f"*Built {time.strftime('%Y-%m-%d')} from the notebooks in the repository.*"
    )
    return new_notebook(
        cells=[new_markdown_cell(text)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )


def build(paths: list[Path], out: Path, timeout_s: int) -> list[str]:
    """Build the site into ``out``; return the failures (a notebook that raised, a missing alt)."""
    out.mkdir(parents=True, exist_ok=True)
    # The site is the reference copy: the start page's ledger shows every verdict (in a learner's own
    # kernel it shows a verdict only after that lesson's claim check ran; qedn_lessons.progress).
    previous = os.environ.get("QEDN_SHOW_ALL_VERDICTS")
    os.environ["QEDN_SHOW_ALL_VERDICTS"] = "1"
    try:
        return _build(paths, out, timeout_s)
    finally:  # the build may run inside another process (tests): leave its environment as it was
        if previous is None:
            os.environ.pop("QEDN_SHOW_ALL_VERDICTS", None)
        else:
            os.environ["QEDN_SHOW_ALL_VERDICTS"] = previous


def _build(paths: list[Path], out: Path, timeout_s: int) -> list[str]:
    copy_mathjax(out)
    export, failures, built = exporter(), [], []
    with tempfile.TemporaryDirectory(prefix="qedn-site-") as tmp:
        workdir = Path(tmp) / "notebooks"
        shutil.copytree(NOTEBOOKS, workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        for path in paths:
            start = time.perf_counter()
            try:
                nb = execute(path, workdir, timeout_s)
            except Exception as exc:
                failures.append(
                    f"{path.name}: execution failed: {str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__}"
                )
                continue
            widgets = static_outputs(nb)
            body, _ = export.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
            (out / f"{path.stem}.html").write_text(_link_glossary(link_pages(body)), encoding="utf-8")
            built.append(path)
            print(f"built {path.stem}.html ({widgets} widget figures, {time.perf_counter() - start:.1f} s)")
    body, _ = export.from_notebook_node(index_notebook(built), resources={"metadata": {"name": "QEDN Lessons"}})
    (out / "index.html").write_text(_link_glossary(link_pages(body)), encoding="utf-8")
    from qedn_lessons import glossary

    body, _ = export.from_notebook_node(glossary.glossary_notebook(), resources={"metadata": {"name": "Glossary"}})
    (out / "glossary.html").write_text(_link_glossary(link_pages(body)), encoding="utf-8")
    failures += _instructor_guide(out)
    failures += check_site(out)
    return failures


def _link_glossary(page_html: str) -> str:
    """Links to the notebooks' ``glossary.md`` point at the built ``glossary.html``."""
    from qedn_lessons.glossary import link_glossary

    return link_glossary(page_html)


def _instructor_guide(out: Path) -> list[str]:
    """The instructor guide, docs/instructors/*.md → ``out/instructors/`` (scripts/instructor_guide_site.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("instructor_guide_site", Path(__file__).with_name("instructor_guide_site.py"))
    guide = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guide)
    return guide.build_guide(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to build (default: every notebooks/*.ipynb)")
    parser.add_argument("--out", type=Path, default=ROOT / "_site")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    parser.add_argument("--check", type=Path, metavar="SITE", help="only check the alt text of an existing site")
    args = parser.parse_args(argv)
    if args.check:
        failures = check_site(args.check)
    else:
        paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("*.ipynb"))
        if args.out.exists():
            shutil.rmtree(args.out)
        failures = build(paths, args.out, args.timeout)
    if failures:
        print("The static site is not fit to publish:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    if not args.check:
        print(f"site: {args.out}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
