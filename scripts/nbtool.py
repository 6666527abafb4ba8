#!/usr/bin/env python3
"""Notebook hygiene: notebooks are committed without outputs, except the text outputs of cells
marked ``# NBVAL_CHECK_OUTPUT`` (claim checks, key numbers), which nbval compares. Those cells keep
an execution count of 1 (nbval treats a reference cell without one as unrun); no other cell has one.

    python scripts/nbtool.py check   [NOTEBOOK ...]   # exit 1 and list problems
    python scripts/nbtool.py refresh [NOTEBOOK ...]   # execute, keep only checked text outputs
    python scripts/nbtool.py strip   [NOTEBOOK ...]   # drop every output but the checked ones

With no NOTEBOOK, every ``notebooks/*.ipynb``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
MARK = "# NBVAL_CHECK_OUTPUT"
TEXT_OUTPUTS = {"stream"}


def notebook_paths(args: list[str]) -> list[Path]:
    return [Path(a) for a in args] if args else sorted(NOTEBOOKS.glob("*.ipynb"))


def is_checked(cell) -> bool:
    return cell.cell_type == "code" and MARK in cell.source


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
        if not is_checked(cell) and cell.get("execution_count") is not None:
            found.append(f"{where}: has an execution count")
        if not is_checked(cell) and cell.outputs:
            found.append(f"{where}: has outputs but is not marked {MARK}")
        if is_checked(cell):
            if not cell.outputs:
                found.append(f"{where}: is marked {MARK} but has no stored output (run refresh)")
            for output in cell.outputs:
                if output.output_type not in TEXT_OUTPUTS:
                    found.append(f"{where}: checked output must be printed text, got {output.output_type}")
                elif output.get("name") != "stdout":
                    found.append(f"{where}: checked output is on {output.get('name')}, not stdout")
    return found


def strip(nb) -> None:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        # nbval refuses a reference cell with outputs but no execution count ("unrun"), so checked
        # cells keep a constant count of 1; every other cell has none.
        cell.execution_count = 1 if is_checked(cell) else None
        cell.metadata.pop("execution", None)
        if is_checked(cell):
            cell.outputs = [o for o in cell.outputs if o.output_type in TEXT_OUTPUTS and o.get("name") == "stdout"]
            for output in cell.outputs:
                output.pop("execution_count", None)
        else:
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
