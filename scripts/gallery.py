"""Render every figure of the course into one HTML page to look at: test-artifacts/gallery/index.html.

* every registered explorer at its defaults and at each of its presets (named telling settings); the
  figures tests/test_figures.py saved are used when there is one for each (else they are rendered);
* every static figure the lessons show with ``show()``. Those are saved while the notebooks run
  under the tests (``QEDN_FIGURE_DIR``, set by the root ``conftest.py``); when none were saved (or with
  ``--execute``) this script executes the notebooks itself to collect them.

Each figure is shown with its caption and the problems :mod:`qedn_lessons.figure_checks` finds (none
expected). Exit status 1 if a figure fails to render; ``--strict`` also fails on a check problem.

    python scripts/gallery.py [--out test-artifacts/gallery] [--execute] [--strict] [--only NAME]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def _lesson_of(explorer_cls) -> str:
    """The lesson number whose notebook displays this explorer (by class name), else 'other'."""
    name = explorer_cls.__name__
    for nb in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        if name in nb.read_text(encoding="utf-8"):
            return nb.stem
    return "other"


def saved_explorers(saved: Path, out: Path) -> list[dict] | None:
    """The explorer figures tests/test_figures.py saved, if there is one for every explorer and preset."""
    from qedn_lessons.figure_checks import figure_slug
    from qedn_lessons.widgets.base import all_explorers

    records = []
    for name, cls in all_explorers().items():
        for setting in ["defaults", *cls.presets]:
            slug = figure_slug(name, setting)
            meta, png = saved / f"{slug}.json", saved / f"{slug}.png"
            if not (meta.exists() and png.exists()):
                return None
            r = json.loads(meta.read_text(encoding="utf-8"))
            (out / png.name).write_bytes(png.read_bytes())
            records.append(
                {
                    "kind": "explorer",
                    "lesson": _lesson_of(cls),
                    "name": f"{name}: {setting}",
                    "png": png.name,
                    "caption": r["caption"],
                    "problems": r["problems"],
                    "error": None,
                    "disabled": r["disabled"],
                }
            )
    return records


def render_explorers(out: Path, only: str | None = None) -> list[dict]:
    from qedn_lessons.figure_checks import check_figure, figure_slug
    from qedn_lessons.widgets.base import all_explorers

    records = []
    for key, cls in all_explorers().items():
        name = cls.__name__  # the registry key is module.Class; the class name is unique and reads better
        if only and only not in (name, key):
            continue
        settings = [("defaults", {})] + list(cls.presets.items())
        for setting, values in settings:
            start = time.perf_counter()
            record = {
                "kind": "explorer",
                "lesson": _lesson_of(cls),
                "name": f"{name}: {setting}",
                "png": None,
                "caption": "",
                "problems": [],
                "error": None,
            }
            try:
                explorer = cls(**values)
                slug = figure_slug(name, setting)
                (out / f"{slug}.png").write_bytes(explorer.image.value)
                record["png"] = f"{slug}.png"
                record["caption"] = explorer.alt_text
                record["problems"] = check_figure(explorer.fig)
                record["disabled"] = dict(getattr(explorer, "inactive", {}))
            except Exception as exc:  # reported on the page and in the exit status
                record["error"] = f"{type(exc).__name__}: {exc}"
            record["seconds"] = round(time.perf_counter() - start, 2)
            records.append(record)
            print(
                f"{record['name']}: {record['seconds']} s, {len(record['problems'])} problem(s)"
                + (f", ERROR {record['error']}" if record["error"] else ""),
                file=sys.stderr,
            )
    return records


def execute_notebooks(static_dir: Path) -> None:
    """Run every lesson notebook with nbclient, saving each ``show()`` figure to ``static_dir``."""
    import nbformat
    from nbclient import NotebookClient

    static_dir.mkdir(parents=True, exist_ok=True)
    for nb_path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        os.environ["QEDN_FIGURE_DIR"] = str(static_dir)
        os.environ["QEDN_NOTEBOOK"] = nb_path.stem
        nb = nbformat.read(nb_path, as_version=4)
        NotebookClient(
            nb, timeout=600, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
        print(f"executed {nb_path.name}", file=sys.stderr)


def static_records(static_dir: Path, out: Path) -> list[dict]:
    records = []
    for line_file in sorted(static_dir.glob("*.jsonl")):
        for line in line_file.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            src = static_dir / r["png"]
            if not src.exists():
                continue
            target = f"static--{r['png']}"
            (out / target).write_bytes(src.read_bytes())
            records.append(
                {
                    "kind": "static",
                    "lesson": r["notebook"],
                    "name": f"figure {r['index']}",
                    "png": target,
                    "caption": r["caption"],
                    "problems": r["problems"],
                    "error": None,
                }
            )
    return records


def write_page(out: Path, records: list[dict]) -> Path:
    lessons = sorted({r["lesson"] for r in records})
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>QEDN Lessons: figure gallery</title>",
        "<style>body{font-family:sans-serif;max-width:1300px;margin:auto;padding:1em}figure{margin:1.5em 0;"
        "border-top:1px solid #ccc;padding-top:.5em}img{max-width:100%}.bad{color:#a00}</style></head><body>",
        "<h1>Figure gallery</h1><p>Every explorer at its defaults and presets, and every static figure of every "
        f"lesson, with its caption and the figure checks' findings. {len(records)} figures, "
        f"{sum(bool(r['problems']) or bool(r['error']) for r in records)} with a finding.</p><ul>",
    ]
    parts += [f"<li><a href='#{html.escape(le)}'>{html.escape(le)}</a></li>" for le in lessons]
    parts.append("</ul>")
    for lesson in lessons:
        parts.append(f"<h2 id='{html.escape(lesson)}'>{html.escape(lesson)}</h2>")
        for r in (r for r in records if r["lesson"] == lesson):
            parts.append(f"<figure><h3>{html.escape(r['kind'])}: {html.escape(r['name'])}</h3>")
            if r["png"]:
                parts.append(f"<img src='{html.escape(r['png'])}' alt='{html.escape(r['caption'])}'>")
            parts.append(f"<figcaption>{html.escape(r['caption'])}</figcaption>")
            if r.get("disabled"):
                parts.append(
                    "<p>Disabled controls: " + html.escape("; ".join(f"{k}: {v}" for k, v in r["disabled"].items())) + "</p>"
                )
            if r["error"]:
                parts.append(f"<p class='bad'><b>Error:</b> {html.escape(r['error'])}</p>")
            if r["problems"]:
                parts.append("<ul class='bad'>" + "".join(f"<li>{html.escape(p)}</li>" for p in r["problems"]) + "</ul>")
            parts.append("</figure>")
    parts.append("</body></html>")
    page = out / "index.html"
    page.write_text("\n".join(parts), encoding="utf-8")
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "gallery")
    parser.add_argument(
        "--static", type=Path, default=None, help="where show() saved the static figures (default: <out>/../static-figures)"
    )
    parser.add_argument("--execute", action="store_true", help="execute the notebooks to collect static figures")
    parser.add_argument("--render", action="store_true", help="render the explorers even if the tests saved them")
    parser.add_argument("--strict", action="store_true", help="fail on any figure-check problem too")
    parser.add_argument("--only", default=None, help="render only this explorer (no static figures)")
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    static_dir = args.static or out.parent / "static-figures"
    saved = None if (args.only or args.render) else saved_explorers(out.parent / "explorer-figures", out)
    records = saved if saved is not None else render_explorers(out, args.only)
    if not args.only:
        if args.execute or not any(static_dir.glob("*.jsonl")):
            for old in static_dir.glob("*"):
                old.unlink()
            execute_notebooks(static_dir)
        records += static_records(static_dir, out)
    page = write_page(out, records)
    errors = [r for r in records if r["error"]]
    flagged = [r for r in records if r["problems"]]
    print(f"gallery: {page} ({len(records)} figures, {len(errors)} error(s), {len(flagged)} with check problems)")
    for r in errors + (flagged if args.strict else []):
        print(f"  {r['lesson']} {r['name']}: {r['error'] or '; '.join(r['problems'])}", file=sys.stderr)
    return 1 if errors or (args.strict and flagged) else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
