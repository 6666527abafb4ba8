#!/usr/bin/env python3
"""The instructor guide (``docs/instructors/*.md``) as pages of the static site, in ``<site>/instructors/``.

    python scripts/instructor_guide_site.py [--out _site]

``scripts/build_site.py`` calls :func:`build_guide` after the lessons are built. Markdown is rendered
with mistune (installed with nbconvert); links are pointed at the built site: ``lesson_01.md`` →
``lesson_01.html``, ``README.md`` → ``index.html``, ``../../notebooks/NN_x.ipynb`` → ``../NN_x.html``,
``../../README.md`` → ``../index.html`` (the course map). A link to any other file of the repository
has no page on the site: the build reports it as a failure instead of publishing a dead link. (Whether
the guide's own links resolve in the repository is checked by ``tests/test_instructor_guide.py``.)
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "instructors"
SUBDIR = "instructors"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; color: #1a1a1a; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #999; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }}
code {{ background: #f2f2f2; padding: 0 0.2em; }}
a {{ color: #0b5394; }}
nav {{ border-bottom: 1px solid #999; margin-bottom: 1em; padding-bottom: 0.5em; }}
</style>
</head>
<body>
<nav><a href="index.html">Instructor guide</a> · <a href="../index.html">Course map</a></nav>
<main>
{body}
</main>
</body>
</html>
"""

_HREF = re.compile(r'href="([^"]*)"')


def site_href(href: str, base: Path = GUIDE) -> str | None:
    """Where a link of a page in ``base`` points on the built site; None if the target has no page there."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
        return href
    path, _, fragment = href.partition("#")
    anchor = f"#{fragment}" if fragment else ""
    if "/" not in path and path.endswith(".md"):
        return ("index.html" if path == "README.md" else path[:-3] + ".html") + anchor
    target = (base / path).resolve()
    if target.suffix == ".ipynb" and target.parent == ROOT / "notebooks":
        return f"../{target.stem}.html{anchor}"
    if target == ROOT / "README.md":
        return "../index.html"
    return None


def render(markdown_text: str, base: Path = GUIDE) -> tuple[str, list[str]]:
    """The HTML body of one guide page and the links that have no page on the site."""
    import mistune

    body = mistune.create_markdown(escape=False, plugins=["table"])(markdown_text)
    unmapped: list[str] = []

    def relink(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        new = site_href(href, base)
        if new is None:
            unmapped.append(href)
            return match.group(0)
        return f'href="{html.escape(new, quote=True)}"'

    return _HREF.sub(relink, body), unmapped


def build_guide(out: Path, guide: Path = GUIDE) -> list[str]:
    """Write every ``guide/*.md`` as ``out/instructors/*.html``; return the failures (dead links)."""
    target = out / SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    failures = []
    for page in sorted(guide.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        body, unmapped = render(text, guide)
        failures += [f"{SUBDIR}/{page.name}: link to {href} has no page on the site" for href in unmapped]
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page.stem)
        name = "index.html" if page.name == "README.md" else f"{page.stem}.html"
        (target / name).write_text(PAGE.format(title=html.escape(title), body=body), encoding="utf-8")
    if not any(guide.glob("*.md")):
        failures.append(f"no instructor guide pages in {guide}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_site")
    args = parser.parse_args(argv)
    failures = build_guide(args.out)
    if failures:
        print("The instructor guide is not fit to publish:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"instructor guide: {args.out / SUBDIR}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
