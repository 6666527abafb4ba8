#!/usr/bin/env python3
"""Memory of one kernel running each lesson (for sizing a class's server, docs/instructors/running_a_class.md).

Executes each notebook in a fresh kernel (nbclient, a temporary copy of ``notebooks/``) and, at the
end, reads the kernel's own resident memory now (``rss_mib``) and its peak (``peak_rss_mib``, from
``getrusage``: the most the lesson ever held), and the wall time of the run. Prints JSON
``{notebook: {"rss_mib", "peak_rss_mib", "seconds"}}``. Not a test: on a shared machine the times
are noisy; the memory figures are not.

    python benchmarks/kernel_memory.py [NOTEBOOK ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json as _json, resource as _resource, psutil as _psutil
print("QEDN_MEMORY", _json.dumps({"rss_mib": _psutil.Process().memory_info().rss / 2**20,
                                 "peak_rss_mib": _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: Path, workdir: Path) -> dict:
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    start = time.perf_counter()
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    line = next(line for line in text.splitlines() if line.startswith("QEDN_MEMORY"))
    result = json.loads(line.split(" ", 1)[1])
    return {k: round(v, 1) for k, v in result.items()} | {"seconds": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson")
    args = parser.parse_args(argv)
    chosen = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="qedn-memory-") as tmp:
        work = Path(tmp) / "notebooks"
        shutil.copytree(ROOT / "notebooks", work)
        results = {p.name: measure(work / p.name, work) for p in chosen}
    json.dump(results, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
