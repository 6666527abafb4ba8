"""QEDN Lessons: the helper package behind the course notebooks.

The course examines the speculative proposal "Quantum Energy Distribution Networks" (QEDN) and lets
the learner test each of its claims with a simulation of the real physics.

Layers (data flows one way, never back):

* physics  -- ``coherence``, ``transport``, ``entanglement``, ``networks``, ``batteries``,
  ``measurement``, ``qkd``, ``grid``: pure functions (numpy, scipy, qutip), no plotting, no printing;
* views    -- ``qedn_lessons.views``: draw on a given matplotlib ``Axes`` and return the artists;
* widgets  -- ``qedn_lessons.widgets``: thin explorers that wire ipywidgets controls to physics and views;
* notebook -- ``notebooks/NN_slug.ipynb``: narrative, predictions, exercises; no physics defined there.

Shared helpers: ``units`` (constants, conversions), ``validate`` (argument checks, one message style),
``style`` (palette, figure defaults, figures with alt text), ``exercises`` (checkers), ``claims`` (the
claim ledger and its verdicts).
"""

import os as _os

# One BLAS thread unless the user chose otherwise: the course's matrices are small, and on a busy
# 2-core machine (a server, a browser and kernels sharing it) two OpenBLAS threads made one slider
# move of lesson 03 take 25 s in Voila instead of 63 ms (docs/DESIGN_NOTES.md, "One BLAS thread per
# process"). Set before NumPy loads, which is where OpenBLAS reads it; `make`, Binder and the hub set
# it too, this covers `jupyter lab` or `voila` started by hand.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")

from qedn_lessons._version import __version__  # noqa: E402
from qedn_lessons.notebook import setup_notebook, versions  # noqa: E402

__all__ = ["__version__", "setup_notebook", "versions"]
