#!/usr/bin/env python3
"""Workshop mode: serve every lesson as a Voila app, with an index page of the course map.

    python scripts/serve_workshop.py [--port 8866] [--no-browser] [--ip 127.0.0.1]
    make workshop                      # the same, after installing what is needed

Each lesson opens as an app: text, figures and live widgets, no code cells (Voila strips the
sources; each visitor gets a fresh kernel that runs the lesson once). The index page (``/``) lists
every lesson of the course map with its minutes, generated from the notebooks' metadata, so it
never drifts. Nothing is fetched from the internet. Stop with Ctrl-C.

How: a Voila template ``qedn`` (based on Voila's ``lab`` template) whose directory page is the
course map is written to a temporary Jupyter data directory put first on ``JUPYTER_PATH``. Its lesson
page is Voila's without the two stylesheets Voila's template asks a CDN for (Font Awesome, which
Voila's own bundle already carries): a classroom without internet gets the same pages.

Open time: Voila runs the notebook when a lesson is requested (~14 s on a 2-core machine). The
workshop starts Voila with preheated kernels (``--preheat_kernel=True``): at start, and again after
each visit, Voila keeps ``--pool-size`` kernels per lesson (default 1) that have already run the
lesson, so opening a lesson only connects to one (~1 s once the server has warmed up). Each kernel
holds its lesson's memory (about 150–250 MB); ``--pool-size 0`` turns preheating off.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = "qedn"
DEFAULT_POOL_SIZE = 1

# The lesson page: Voila's lab template, minus its two CDN stylesheets (Font Awesome 5, which Voila's
# own JavaScript bundle already ships and serves from the server), so nothing leaves the machine;
# plus underlined links in the text (WCAG 1.4.1), as the explorers do in JupyterLab (widgets.a11y).
try:
    from qedn_lessons.widgets.a11y import A11Y_CSS
except ImportError:  # the package is not installed: the same rule
    A11Y_CSS = ".jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited { text-decoration: underline; }"
_CDN_STYLESHEETS = (
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/all.min.css" type="text/css" />',
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/v4-shims.min.css" type="text/css" />',
)
_LESSON_PAGE = (
    "{%- extends 'voila/templates/lab/index.html.j2' -%}\n"
    "{%- block notebook_css -%}\n"
    + "".join(f"{{% filter replace({link!r}, '') %}}" for link in _CDN_STYLESHEETS)
    + "{{ super() }}"
    + "{% endfilter %}" * len(_CDN_STYLESHEETS)
    + "\n"
    f"<style>{A11Y_CSS}</style>\n"
    "{%- endblock notebook_css -%}\n"
)

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>QEDN Lessons: workshop</title>
<style>
 body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.5; }}
 h1 {{ font-size: 1.8em; margin-bottom: 0.2em; }}
 ol.lessons {{ list-style: none; padding: 0; border: 1px solid #ccc; border-radius: 4px; }}
 ol.lessons li {{ border-bottom: 1px solid #ddd; }}
 ol.lessons li:last-child {{ border-bottom: none; }}
 ol.lessons a, ol.lessons span.todo {{ display: block; padding: 0.7em 1em; font-size: 1.15em; text-decoration: none; }}
 ol.lessons a {{ color: #0058a3; }}
 ol.lessons a:hover, ol.lessons a:focus {{ background: #eef4fb; }}
 ol.lessons span.todo {{ color: #666; }}
 .num {{ display: inline-block; width: 2.5em; font-variant-numeric: tabular-nums; color: #333; }}
 .minutes {{ float: right; color: #555; font-size: 0.85em; }}
</style></head>
<body>
<h1>QEDN Lessons</h1>
<p>Testing the speculative proposal <i>Quantum Energy Distribution Networks</i> claim by claim, with
simulations of real physics. Each lesson opens as an app with live widgets: move a control and the
figure follows. Each lesson has a kernel kept ready that has already run it, so it opens in about a
second once the workshop has warmed up (a minute or two after start).</p>
<ol class="lessons">
{rows}
</ol>
<p><small>Workshop mode (Voila). The same lessons with their code: <code>make course</code>. A read-only copy: <code>make site</code>.</small></p>
</body></html>
"""


def lesson_rows(notebook_dir: Path) -> list[tuple[str, str, str | None, str]]:
    """(number, title, file name or None when not written, minutes text) per lesson, in order."""
    rows, listed = [], set()
    try:
        from qedn_lessons.course import course_map

        for entry in course_map(notebook_dir):
            listed.add(entry.notebook)
            minutes = "" if entry.minutes is None else f"{entry.minutes} min"
            rows.append((f"{entry.number:02d}", entry.title, entry.notebook if entry.exists else None, minutes))
    except ImportError:
        pass
    for path in sorted(notebook_dir.glob("*.ipynb")):  # notebooks outside the course map, if any
        if path.name not in listed:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("qedn", {})
            rows.append(("", meta.get("title") or path.stem.replace("_", " "), path.name, ""))
    return rows


def index_html(notebook_dir: Path) -> str:
    items = []
    for number, title, name, minutes in lesson_rows(notebook_dir):
        label = f'<span class="num">{html.escape(number)}</span>{html.escape(title)}'
        if name:
            extra = f'<span class="minutes">{html.escape(minutes)}</span>' if minutes else ""
            # `base_url` is filled in by Voila when it renders the page (a Jinja template).
            items.append(f'<li><a href="{{{{ base_url }}}}voila/render/{html.escape(name)}">{extra}{label}</a></li>')
        else:
            items.append(f'<li><span class="todo">{label} (not yet written)</span></li>')
    return _PAGE.format(rows="\n".join(items))


def write_template(data_dir: Path, notebook_dir: Path) -> Path:
    """Write the ``qedn`` Voila template (lab, with the course map as directory page)."""
    folder = data_dir / "voila" / "templates" / TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.json").write_text(json.dumps({"base_template": "lab"}))
    page = index_html(notebook_dir)
    for name in ("tree-lab.html", "tree.html"):  # Voila 0.5 uses tree-lab.html, classic tree.html
        (folder / name).write_text(page, encoding="utf-8")
    (folder / "index.html.j2").write_text(_LESSON_PAGE, encoding="utf-8")
    return folder


def voila_setup(notebook_dir: Path, data_dir: Path, *, pool_size: int = DEFAULT_POOL_SIZE) -> tuple[list[str], dict[str, str]]:
    """Extra Voila arguments and environment for the workshop template (``pool_size`` preheated
    kernels per lesson; 0 turns preheating off)."""
    if isinstance(pool_size, bool) or not isinstance(pool_size, int) or pool_size < 0:
        raise ValueError(f"pool_size must be an integer >= 0 (kernels kept ready per lesson), got {pool_size!r}")
    write_template(data_dir, notebook_dir)
    env = {"JUPYTER_PATH": os.pathsep.join(p for p in (str(data_dir), os.environ.get("JUPYTER_PATH", "")) if p)}
    args = [f"--template={TEMPLATE}", "--strip_sources=True"]
    if pool_size:
        args += ["--preheat_kernel=True", f"--pool_size={pool_size}"]
    return args, env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--ip", default="127.0.0.1", help="address to listen on (0.0.0.0 to share on a local network)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    parser.add_argument(
        "--pool-size",
        type=int,
        default=DEFAULT_POOL_SIZE,
        help="preheated kernels kept ready per lesson (default %(default)s; 0: run each lesson on request)",
    )
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="qedn-workshop-"))
    extra, env = voila_setup(args.notebooks, data_dir, pool_size=args.pool_size)
    command = [
        str(Path(sys.executable).parent / "voila"),
        str(args.notebooks),
        f"--port={args.port}",
        f"--Voila.ip={args.ip}",
        *extra,
        *(["--no-browser"] if args.no_browser else []),
    ]
    if os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    print(f"Workshop: http://{args.ip}:{args.port}/  (Ctrl-C to stop)", flush=True)
    os.environ.update(env)
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.execv(command[0], command)  # Voila replaces this process: Ctrl-C stops it cleanly


if __name__ == "__main__":
    sys.exit(main())
