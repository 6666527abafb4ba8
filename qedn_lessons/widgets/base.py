"""The thin base of every explorer: controls, one kept figure, a live caption and a legend.

Design (why it is fast and renders everywhere):

* the figure is created once; a control change recomputes the physics and updates the existing
  artists in place (``set_data``), never building a new figure;
* the figure is sent to the browser as PNG bytes in an ``ipywidgets.Image``, which JupyterLab, Voila
  and classic Notebook all render with no extra front-end extension;
* after the first draw the layout engine is switched off, so a redraw does not re-run the layout;
* a move redraws only what moved (:mod:`qedn_lessons.widgets.render`): the explorer names its
  dynamic artists in :meth:`Explorer.dynamic_artists`, the rest of the figure is a cached background,
  redrawn only when it changed; physics a control does not affect is cached (:func:`physics_cache`);
* sliders update on release (``continuous_update=False``), so a drag never queues dozens of redraws;
* the caption under the figure is rewritten on every update with the numbers it shows: it is the
  figure's alt text for screen readers, and it says in words what colour alone must not carry;
  setting ``alt_text`` also puts it on the figure's ``<img>`` (as its ``title``, the accessible name
  ipywidgets' ``tooltip`` gives an image), and every slider handle gets its description as
  accessible name (:mod:`qedn_lessons.widgets.a11y`) — WCAG 2.1 AA in JupyterLab and Voila;
* outside a live kernel (the static HTML site) the explorer falls back to a PNG of its default
  figure with that caption as alt text.

Subclasses define ``title``, ``legend``, :meth:`build_controls`, :meth:`build_figure`,
:meth:`update_figure` and (to be fast) :meth:`dynamic_artists`. They compute nothing themselves:
they call physics functions and views.
"""

from __future__ import annotations

import base64
import functools
import html
import time
from collections.abc import Sequence
from typing import Any, ClassVar

import ipywidgets as widgets
import numpy as np

from qedn_lessons._registry import import_submodules, register_unique
from qedn_lessons.widgets.a11y import FigureImage, aria_output
from qedn_lessons.widgets.render import FigureRenderer, full_redraw_forced

_STYLE = {"description_width": "initial"}
_LAYOUT = {"width": "340px"}


def float_slider(
    description: str, value: float, minimum: float, maximum: float, step: float, *, readout_format: str = ".3g"
) -> widgets.FloatSlider:
    """A bounded float slider in the course's style (updates on release)."""
    return widgets.FloatSlider(
        value=value,
        min=minimum,
        max=maximum,
        step=step,
        description=description,
        readout_format=readout_format,
        continuous_update=False,
        style=_STYLE,
        layout=_LAYOUT,
    )


def log_slider(
    description: str, value: float, minimum: float, maximum: float, *, steps_per_decade: int = 10, readout_format: str = ".3g"
) -> widgets.FloatLogSlider:
    """A bounded slider on a log scale from ``minimum`` to ``maximum`` (both > 0)."""
    low, high = np.log10(minimum), np.log10(maximum)
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=low,
        max=high,
        step=1.0 / steps_per_decade,
        description=description,
        readout_format=readout_format,
        continuous_update=False,
        style=_STYLE,
        layout=_LAYOUT,
    )


def int_slider(description: str, value: int, minimum: int, maximum: int, step: int = 1) -> widgets.IntSlider:
    """A bounded integer slider in the course's style (updates on release)."""
    return widgets.IntSlider(
        value=value,
        min=minimum,
        max=maximum,
        step=step,
        description=description,
        continuous_update=False,
        style=_STYLE,
        layout=_LAYOUT,
    )


def dropdown(description: str, options: Sequence, value: Any = None) -> widgets.Dropdown:
    """A dropdown of fixed ``options`` (a list of values or of (label, value) pairs)."""
    dd = widgets.Dropdown(options=options, description=description, style=_STYLE, layout=_LAYOUT)
    if value is not None:
        dd.value = value
    return dd


def toggle(description: str, value: bool = False) -> widgets.Checkbox:
    """An on/off checkbox in the course's style."""
    return widgets.Checkbox(value=value, description=description, indent=False, style=_STYLE, layout=_LAYOUT)


class Explorer:
    """Base class of the course's widgets. Display an instance (last line of a cell) to use it."""

    #: Heading shown above the controls.
    title: ClassVar[str] = ""
    #: (control, explanation with range and units) pairs; add ("Figure", "what the panels show").
    legend: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: Named telling settings (name -> {control: value}), shown in the gallery and checked by the tests.
    presets: ClassVar[dict[str, dict[str, Any]]] = {}

    def __init__(self, **initial: Any) -> None:
        self.controls: dict[str, widgets.ValueWidget] = self.build_controls()
        for name, value in initial.items():
            if name not in self.controls:
                raise ValueError(f"{name} is not a control of {type(self).__name__}; controls: {sorted(self.controls)}")
            self.controls[name].value = value
        self.fig = self.build_figure()
        self.renderer = FigureRenderer(self.fig)  # QEDN_FULL_REDRAW=1: a full savefig per move instead
        self.image = FigureImage(format="png", layout={"max_width": "100%", "height": "auto"})
        self.caption = widgets.HTML()
        self.last_update_ms = float("nan")
        self._frozen = False
        self.update()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h4 style='margin:0.2em 0'>{html.escape(self.title)}</h4>"),
                widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"}),
                self.image,
                self.caption,
                widgets.HTML(self.legend_html()),
                aria_output(),
            ],
            layout={"border": "1px solid #ccc", "padding": "6px"},
        )

    # --- to be defined by subclasses ------------------------------------------------------------
    def build_controls(self) -> dict[str, widgets.ValueWidget]:
        raise NotImplementedError

    def build_figure(self):
        """Create and return the figure (``style.new_figure``) and keep its artists on ``self``."""
        raise NotImplementedError

    def update_figure(self, **values: Any) -> str:
        """Recompute with the control ``values``, update the artists in place, return the caption."""
        raise NotImplementedError

    def dynamic_artists(self) -> Sequence:
        """The artists :meth:`update_figure` changes (lines, markers, texts, a title that shows a number);
        each must be a direct child of an Axes. The renderer keeps the rest of the figure as a cached
        background and finds by itself when that changed (limits, ticks, labels, legends). Default:
        none, so every move draws the whole figure."""
        return ()

    # --- machinery ---------------------------------------------------------------------------------
    @property
    def alt_text(self) -> str:
        """What the figure shows now (the caption): the figure's accessible name in the browser."""
        return self._alt_text

    @alt_text.setter
    def alt_text(self, text: str) -> None:
        self._alt_text = text
        self.image.tooltip = f"Figure: {text}"  # the <img>'s title and alt (widgets.a11y): its accessible name

    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, change: dict) -> None:
        self.update()

    def update(self) -> None:
        """Recompute, redraw the kept figure and refresh the caption (timed in ``last_update_ms``)."""
        start = time.perf_counter()
        try:
            caption = self.update_figure(**self.values())
        except Exception as exc:  # never a silent dead widget: say what failed, in the caption
            self.caption.value = f"<p role='alert'><b>Could not update:</b> {html.escape(str(exc))}</p>"
            raise
        png = self.renderer.render(self.dynamic_artists())
        if not self._frozen:  # lay out once, then keep the positions: redraws skip the layout engine
            self.fig.set_layout_engine(None)  # None, not "none": a placeholder engine would draw twice
            self._frozen = True
        self.image.value = png
        self.caption.value = f"<p aria-live='polite' style='margin:0.2em 0'><i>Figure: {html.escape(caption)}</i></p>"
        self.alt_text = caption
        self.apply_inactive_controls()
        self.last_update_ms = (time.perf_counter() - start) * 1e3

    # --- controls that cannot change the figure (kept apart from the rendering path) -------------
    def inactive_controls(self, **values: Any) -> dict[str, str]:
        """Controls that cannot change the figure at these ``values``: {control name: reason}.

        Subclasses override it; the base disables those controls after each update and says why in
        their tooltip (and under the caption)."""
        return {}

    def apply_inactive_controls(self) -> dict[str, str]:
        """Disable the controls :meth:`inactive_controls` names, with the reason as tooltip; re-enable the rest."""
        inactive = self.inactive_controls(**self.values())
        unknown = set(inactive) - set(self.controls)
        if unknown:
            raise ValueError(f"inactive_controls names unknown controls {sorted(unknown)}; controls: {sorted(self.controls)}")
        for name, control in self.controls.items():
            reason = inactive.get(name)
            control.disabled = reason is not None
            control.tooltip = f"Disabled: {reason}" if reason else None
        if inactive:
            notes = "; ".join(
                f"{html.escape(self.controls[n].description)} is off: {html.escape(r)}" for n, r in inactive.items()
            )
            self.caption.value += f"<p style='margin:0.2em 0;font-size:90%'>({notes}.)</p>"
        self.inactive = inactive
        return inactive

    def apply_preset(self, name: str) -> None:
        """Set the controls to the named preset of :attr:`presets` (one update per changed control)."""
        if name not in self.presets:
            raise ValueError(f"preset must be one of {sorted(self.presets)}, got {name!r}")
        for control, value in self.presets[name].items():
            self.controls[control].value = value

    def legend_html(self) -> str:
        items = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in self.legend)
        return (
            f"<details open><summary><b>Legend</b> (the controls and what the figure shows)</summary><ul>{items}</ul></details>"
        )

    def _repr_mimebundle_(self, **kwargs: Any):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data = dict(data)
        data["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        data["text/plain"] = f"{self.title}. Figure: {self.alt_text}"
        return data, {"image/png": {"alt": self.alt_text}}


EXPLORERS: dict[str, type[Explorer]] = {}


def register_explorer(cls: type[Explorer]) -> type[Explorer]:
    """Class decorator: add an explorer to the registry used by tests and benchmarks."""
    register_unique(EXPLORERS, f"{cls.__module__}.{cls.__qualname__}", cls, what="explorer")
    return cls


def all_explorers() -> dict[str, type[Explorer]]:
    """Every registered explorer class by name (imports every widgets submodule)."""
    import_submodules("qedn_lessons.widgets")
    return dict(sorted(EXPLORERS.items()))


_PHYSICS_CACHES: list = []


def physics_cache(maxsize: int = 64):
    """Decorator: a bounded ``functools.lru_cache`` for a widget's physics helper, so a move of one
    control does not recompute what only other controls affect (key it on exactly the arguments the
    result depends on). Returned NumPy arrays are made read-only, so a cached value cannot be changed
    by a caller. :func:`clear_physics_caches` empties every such cache (tests compare with fresh runs).
    With ``QEDN_FULL_REDRAW=1`` in the environment nothing is cached (the previous behaviour)."""
    if not isinstance(maxsize, int) or isinstance(maxsize, bool) or maxsize < 1:
        raise ValueError(f"maxsize must be a positive integer, got {maxsize!r}")

    def decorate(function):
        @functools.lru_cache(maxsize=maxsize)
        @functools.wraps(function)
        def cached(*args, **kwargs):
            result = function(*args, **kwargs)
            for value in result if isinstance(result, tuple) else (result,):
                if isinstance(value, np.ndarray):
                    value.setflags(write=False)
            return result

        _PHYSICS_CACHES.append(cached)

        @functools.wraps(function)
        def call(*args, **kwargs):
            return function(*args, **kwargs) if full_redraw_forced() else cached(*args, **kwargs)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call

    return decorate


def clear_physics_caches() -> None:
    """Empty every :func:`physics_cache` (the next move recomputes from scratch)."""
    for cache in _PHYSICS_CACHES:
        cache.cache_clear()


def random_value(control: widgets.ValueWidget, rng: np.random.Generator) -> Any:
    """A random value the control can reach (for tests and the latency benchmark)."""
    if isinstance(control, widgets.FloatLogSlider):
        exponent = rng.uniform(control.min, control.max)
        return float(control.base ** (np.round((exponent - control.min) / control.step) * control.step + control.min))
    if isinstance(control, widgets.IntSlider | widgets.BoundedIntText):
        return int(rng.integers(control.min, control.max + 1))
    if isinstance(control, widgets.FloatSlider | widgets.BoundedFloatText):
        steps = round((control.max - control.min) / control.step)
        return float(control.min + control.step * rng.integers(0, steps + 1))
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return bool(rng.integers(0, 2))
    if hasattr(control, "options"):
        options = list(control.options)
        pick = options[int(rng.integers(0, len(options)))]
        return pick[1] if isinstance(pick, tuple) else pick
    raise TypeError(f"control must be a slider, checkbox or selection widget, got {type(control).__name__}")
