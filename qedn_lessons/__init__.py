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

from qedn_lessons._version import __version__
from qedn_lessons.notebook import setup_notebook, versions

__all__ = ["__version__", "setup_notebook", "versions"]
