"""Interactive explorers: ipywidgets controls wired to physics functions and views.

Every explorer subclasses :class:`~qedn_lessons.widgets.base.Explorer` and registers itself with
:func:`~qedn_lessons.widgets.base.register_explorer`; :func:`all_explorers` finds them all (the
latency benchmark and the tests use it, so a new widget is measured and tested without edits).
"""

from qedn_lessons.widgets.base import Explorer, all_explorers, register_explorer

__all__ = ["Explorer", "all_explorers", "register_explorer"]
