"""Discover the submodules of a sub-package, so a new lesson plugs in without editing a shared list."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def import_submodules(package_name: str) -> list[ModuleType]:
    """Import every direct submodule of ``package_name`` (sorted by name) and return them."""
    package = importlib.import_module(package_name)
    modules = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        modules.append(importlib.import_module(f"{package_name}.{info.name}"))
    return modules
