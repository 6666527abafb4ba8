"""The one setup call at the top of every notebook."""

from __future__ import annotations

import importlib
import platform

import numpy as np

from qedn_lessons.style import apply_style

#: The seed every notebook uses unless it says otherwise, so runs are reproducible.
DEFAULT_SEED = 2026

_PACKAGES = ("qedn_lessons", "numpy", "scipy", "qutip", "matplotlib", "ipywidgets")


def versions() -> dict[str, str]:
    """Versions of Python and the packages the course depends on."""
    found = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            found[name] = importlib.import_module(name).__version__
        except ImportError:
            found[name] = "not installed"
    return found


def setup_notebook(seed: int = DEFAULT_SEED, *, show_versions: bool = False) -> np.random.Generator:
    """Set the figure style, return a seeded random generator, print versions only when asked.

    Safe to run twice. Use the returned ``rng`` wherever a lesson needs randomness.
    """
    apply_style()
    if show_versions:
        for name, version in versions().items():
            print(f"{name:>13}  {version}")
    return np.random.default_rng(seed)
