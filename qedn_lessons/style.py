"""One look for every figure: a colour-blind-safe palette, projector-sized fonts, and figures that
always carry alt text.

Colours come from the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which stays
distinguishable under the common colour-vision deficiencies. Colour never carries meaning alone:
each series also gets its own line style or marker and a label.

Figures are built with :func:`new_figure` (a plain ``matplotlib.figure.Figure`` with an Agg canvas,
no pyplot state, so nothing is displayed by accident) and shown with :func:`show`, which attaches alt
text to the image and prints a visible caption under it.

The style is applied in a scope: :func:`new_figure` builds the figure and its axes inside
``matplotlib.rc_context(RC_PARAMS)`` (size, fonts, grid, spines, colour and line-style cycle), and
leaves the learner's global ``matplotlib.rcParams`` untouched. Only
:func:`qedn_lessons.setup_notebook` (via :func:`apply_style`) sets the course's defaults globally,
once per notebook, so that artists added later (line widths, legends) match too.
"""

from __future__ import annotations

import html
import io
import itertools
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from cycler import cycler
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: Okabe–Ito colours by name.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: The order series take colours in (yellow last: weak contrast on white).
COLORS: tuple[str, ...] = tuple(PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "sky", "purple", "black", "yellow"))
#: Line styles paired with :data:`COLORS`, so series differ without colour too.
LINESTYLES: tuple = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), (0, (1, 1)), (0, (5, 5)))
#: Markers paired with :data:`COLORS` for scatter-like series.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")

RC_PARAMS: dict = {
    "axes.prop_cycle": cycler(color=list(COLORS)) + cycler(linestyle=list(LINESTYLES)),
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 11,
    "axes.titlesize": 12,
    # Titles sit at the top of the axes (no figure here has ticks or labels on top): a fixed title
    # position spares matplotlib a tight-bbox search of the whole axes on every draw (~5 ms a panel).
    "axes.titley": 1.0,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "image.cmap": "cividis",
}

#: Default figure width (inches): fits a projector and a laptop screen at 100 dpi.
FIGURE_WIDTH_IN = 9.0


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(exponent: int) -> str:
    """ "10⁻³⁵"-style label for 10**exponent, as plain text (no mathtext: fast to draw); one format
    for every log axis of the course."""
    return "10" + str(int(exponent)).translate(_SUPERSCRIPTS)


def apply_style() -> None:
    """Set the course's matplotlib defaults globally (idempotent).

    Called by :func:`qedn_lessons.setup_notebook` only; nothing else in the package changes the
    global ``matplotlib.rcParams`` (use :func:`style_context` for a scoped change).
    """
    matplotlib.rcParams.update(RC_PARAMS)


def style_context():
    """A context manager applying the course's style inside a ``with`` block only.

    ``with style_context(): ...`` restores the previous ``matplotlib.rcParams`` on exit.
    """
    return matplotlib.rc_context(RC_PARAMS)


def series_style(index: int) -> dict:
    """Colour, line style and marker of the ``index``-th series, for plot functions that draw many."""
    i = index % len(COLORS)
    return {"color": COLORS[i], "linestyle": LINESTYLES[i], "marker": MARKERS[i]}


def new_figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width_in: float = FIGURE_WIDTH_IN,
    height_in: float = 3.6,
    **subplot_kw,
) -> tuple[Figure, object]:
    """A ``(figure, axes)`` pair that is not registered with pyplot (never shown by accident).

    ``axes`` is a single Axes for 1×1, otherwise an array, as with ``plt.subplots``. The course's
    style is applied to this figure and its axes in a scope (:func:`style_context`); the global
    ``matplotlib.rcParams`` are not changed.
    """
    with style_context():
        fig = Figure(figsize=(width_in, height_in), layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes


def figure_png(fig: Figure, *, dpi: float | None = None) -> bytes:
    """Render ``fig`` to PNG bytes quickly (light compression: fast to encode, fine on loopback)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


#: Mantissas of :func:`nice_ceiling` (steps of at most 1.5×).
_NICE_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0)


#: Coarser mantissas (steps of at most 2.5×), for an axis that moves with several controls at once.
COARSE_STEPS = (1.0, 2.0, 5.0, 10.0)


def nice_ceiling(value: float, steps: tuple[float, ...] = _NICE_STEPS) -> float:
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 × 10ᵏ (or of ``steps`` × 10ᵏ, ascending from 1 to 10) that
    is ≥ ``value`` (> 0): an axis limit that follows the data in steps, so most moves of a control keep
    the axis (and its cached background) as it is."""
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"value must be a finite number > 0, got {value!r}")
    if not steps or steps[0] != 1.0 or steps[-1] != 10.0 or any(b <= a for a, b in itertools.pairwise(steps)):
        raise ValueError(f"steps must rise from 1 to 10, got {steps!r}")
    scale = 10.0 ** math.floor(math.log10(value))
    return next(step * scale for step in steps if step * scale >= value * (1 - 1e-12))


def show(fig: Figure, alt: str, *, caption: str | None = None) -> None:
    """Display ``fig`` as a PNG with alt text, followed by a visible caption.

    ``alt`` says what the figure shows (what a screen reader reads and the static site's ``alt``).
    ``caption`` defaults to ``alt``. Refuses an empty description: every figure must have one.
    The figure also goes out as ``<img alt=...>`` HTML: JupyterLab and Voila draw a PNG output as
    an ``<img>`` without ``alt`` (they ignore the metadata), the HTML one keeps it (WCAG 1.1.1).
    """
    import base64

    from IPython.display import display

    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of what the figure shows")
    data = figure_png(fig)
    img = f'<img src="data:image/png;base64,{base64.b64encode(data).decode("ascii")}" alt="{html.escape(alt)}">'
    display(
        {"image/png": data, "text/html": img, "text/plain": f"<Figure: {alt}>"},
        raw=True,
        metadata={"image/png": {"alt": alt}},
    )
    text = caption or alt
    # HTML with the text escaped, not Markdown: a caption renders literally ("T2*" stays T2*).
    display({"text/html": f"<p><i>Figure: {html.escape(text)}</i></p>", "text/plain": f"Figure: {text}"}, raw=True)
    _collect(fig, data, text)


#: Set by the tests (root conftest.py) and scripts/gallery.py: a directory where :func:`show` saves
#: each figure and the figure checks' findings; ``QEDN_FIGURE_CHECKS=strict`` makes a finding an error.
FIGURE_DIR_ENV = "QEDN_FIGURE_DIR"


def _collect(fig: Figure, png: bytes, caption: str) -> None:
    """Save ``fig`` with its caption and check findings when :data:`FIGURE_DIR_ENV` is set."""
    folder = os.environ.get(FIGURE_DIR_ENV)
    if not folder:
        return
    from qedn_lessons.figure_checks import check_figure

    notebook = os.environ.get("QEDN_NOTEBOOK", "notebook")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    index = _SHOWN.setdefault(notebook, 0) + 1
    _SHOWN[notebook] = index
    name = f"{notebook}--{index:02d}.png"
    (out / name).write_bytes(png)
    problems = check_figure(fig)
    with open(out / f"{notebook}.jsonl", "a", encoding="utf-8") as f:
        f.write(
            json.dumps(
                {"notebook": notebook, "index": index, "png": name, "caption": caption, "problems": problems}, ensure_ascii=False
            )
            + "\n"
        )
    if problems and os.environ.get("QEDN_FIGURE_CHECKS") == "strict":
        raise AssertionError(f"figure {index} of {notebook} fails the figure checks:\n  " + "\n  ".join(problems))


_SHOWN: dict[str, int] = {}


def legend_outside(ax, side: str = "below", *handles_labels, **legend_kw):
    """A legend outside ``ax`` so it never sits on data: ``side="below"`` (under the x label, centred,
    ``ncols`` 2 unless given) or ``"right"`` (beside the axes, top-aligned). The first layout reserves
    room for it. Extra positional arguments are passed on (handles, labels)."""
    from matplotlib.transforms import offset_copy

    if side == "below":
        legend_kw.setdefault("ncols", 2)
        # 0.5 in below the axes: under the tick labels and the x label
        transform = offset_copy(ax.transAxes, fig=ax.figure, y=-0.5, units="inches")
        return ax.legend(*handles_labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=transform, **legend_kw)
    if side == "right":
        return ax.legend(*handles_labels, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, **legend_kw)
    raise ValueError(f"side must be 'below' or 'right', got {side!r}")


def freeze_layout(fig: Figure) -> None:
    """Lay ``fig`` out now and keep those positions: for an explorer whose legends shrink later, lay
    out while every entry is present so the kept layout has room for the largest."""
    fig.canvas.draw()
    fig.set_layout_engine(None)


def refresh_legend(ax, *, side: str | None = None, **legend_kw) -> None:
    """Redraw ``ax``'s legend with only the labelled series that are drawn (visible, with a finite
    point), so a legend never lists a curve that is gone. Rebuilt only when that list changes."""
    import numpy as np

    handles, labels = [], []
    for handle, label in zip(*ax.get_legend_handles_labels()):
        data = handle.get_xydata() if hasattr(handle, "get_xydata") else None
        drawn = handle.get_visible() and (data is None or bool(np.isfinite(np.asarray(data, dtype=float)).all(axis=1).any()))
        if drawn:
            handles.append(handle)
            labels.append(label)
    key = (tuple(map(id, handles)), tuple(labels), side, tuple(sorted(legend_kw.items(), key=str)))
    if getattr(ax, "_qedn_legend_key", None) == key and (ax.get_legend() is not None or not handles):
        return
    # Each legend built here is kept on the Axes by its entries: switching back to a list shown before
    # re-attaches the same Legend (same artist, so an explorer's renderer can reuse what it drew).
    kept = ax.__dict__.setdefault("_qedn_legends", {})
    ax.legend_ = None  # detached, not removed: it stays whole for a later switch back
    if handles:
        if key in kept:
            ax.legend_ = kept[key]
        elif side is None:
            kept[key] = ax.legend(handles, labels, **legend_kw)
        else:
            kept[key] = legend_outside(ax, side, handles, labels, **legend_kw)
    ax.stale = True
    ax._qedn_legend_key = key


def label_lines(ax, labels: Sequence[str]) -> None:
    """Attach ``labels`` to the lines of ``ax`` in order and draw the legend."""
    for line, label in zip(ax.get_lines(), labels):
        line.set_label(label)
    ax.legend()
