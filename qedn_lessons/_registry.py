"""Discover the submodules of a sub-package, so a new lesson plugs in without editing a shared list."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import TypeVar

T = TypeVar("T")


def import_submodules(package_name: str) -> list[ModuleType]:
    """Import every direct submodule of ``package_name`` (sorted by name) and return them."""
    package = importlib.import_module(package_name)
    modules = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        modules.append(importlib.import_module(f"{package_name}.{info.name}"))
    return modules


def register_unique(registry: dict[str, T], key: str, value: T, *, what: str) -> T:
    """Add ``value`` to ``registry`` under ``key`` and return it; refuse a second, different value.

    Registering the very same object again is allowed (importing a module twice is harmless);
    another object under a key already taken raises ``ValueError`` naming the key, so two lessons
    can never silently replace each other's exercise, evidence or explorer.
    """
    existing = registry.get(key)
    if existing is not None and existing is not value:
        raise ValueError(f"{what} {key!r} is registered twice ({existing!r} and {value!r}); keys must be unique")
    registry[key] = value
    return value
