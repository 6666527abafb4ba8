#!/usr/bin/env python3
"""Rewrite the course map in README.md from the notebooks' metadata (``make readme``).

``--check`` exits 1 if the README's map is stale (the test suite runs the same comparison).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qedn_lessons.course import course_map_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- course-map:start -->\n)(.*?)(<!-- course-map:end -->)", re.S)


def rendered(text: str) -> str:
    """README text with the course map block replaced by the current map."""
    table = course_map_markdown(link_prefix="notebooks/")
    new, count = BLOCK.subn(lambda m: f"{m.group(1)}{table}\n{m.group(3)}", text)
    if count != 1:
        raise SystemExit("README.md must contain exactly one course-map block")
    return new


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = rendered(text)
    if "--check" in argv:
        if new != text:
            print("README.md course map is stale: run `make readme`")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    print("README.md course map updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
