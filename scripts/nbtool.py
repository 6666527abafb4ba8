#!/usr/bin/env python3
"""Notebook hygiene: notebooks are committed without any output, execution count or widget state.

A learner meets every result, and every verdict, only by running the lesson (issue 10: reveals are
earned). The claim-check regression that stored outputs used to guard lives in tests/test_verdicts.py.

    python scripts/nbtool.py check   [NOTEBOOK ...]   # exit 1 and list problems
    python scripts/nbtool.py refresh [NOTEBOOK ...]   # execute (fails if a cell raises), then strip
    python scripts/nbtool.py strip   [NOTEBOOK ...]   # drop every output and execution count

With no NOTEBOOK, every ``notebooks/*.ipynb``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
#: The marker that once kept a claim-check cell's printed output; it must not come back.
RETIRED_MARK = "# NBVAL_CHECK_OUTPUT"


def notebook_paths(args: list[str]) -> list[Path]:
    return [Path(a) for a in args] if args else sorted(NOTEBOOKS.glob("*.ipynb"))


def problems(path: Path) -> list[str]:
    """Everything that breaks the hygiene rules in one notebook."""
    nb = nbformat.read(path, as_version=4)
    found = []
    if "widgets" in nb.metadata:
        found.append(f"{path.name}: notebook metadata holds widget state")
    for index, cell in enumerate(nb.cells):
        where = f"{path.name} cell {index}"
        if cell.cell_type != "code":
            continue
        if cell.get("execution_count") is not None:
            found.append(f"{where}: has an execution count")
        if cell.outputs:
            found.append(f"{where}: has outputs (notebooks are committed without any)")
        if RETIRED_MARK in cell.source:
            found.append(f"{where}: carries {RETIRED_MARK} (retired: verdicts are regression-tested in tests/test_verdicts.py)")
    return found


def strip(nb) -> None:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        cell.metadata.pop("execution", None)
        cell.outputs = []


def refresh(path: Path) -> None:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    strip(nb)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"check", "refresh", "strip"}:
        print(__doc__)
        return 2
    command, paths = argv[0], notebook_paths(argv[1:])
    if command == "check":
        found = [p for path in paths for p in problems(path)]
        print("\n".join(found) if found else f"{len(paths)} notebooks clean")
        return 1 if found else 0
    for path in paths:
        if command == "refresh":
            refresh(path)
        else:
            nb = nbformat.read(path, as_version=4)
            strip(nb)
            nbformat.write(nb, path)
        print(f"{command}: {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
