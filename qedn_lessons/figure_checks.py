"""Generic checks of what a figure shows, for every explorer and every static figure of the course.

A figure can be painted, change on every move, and still show nothing: lines that start as NaN
leave matplotlib's empty-axes limits (−0.055…0.055) in place, so the data sit outside the view.
These checks look at the artists after a draw and return a list of problems in words (empty: fine):

* :func:`series_in_view` — each labelled series has a substantial share of its finite points inside
  the axes' view (a curve deliberately clipped must say so in the figure with "off scale");
  a legend lists only series that are drawn;
* :func:`texts_inside_figure` — every axis label, title, legend and annotation lies inside the figure;
* :func:`legends_clear_of_data` — a legend covers at most a small share of any series' points (lines
  are sampled along their segments, so a threshold line through a legend counts);
* :func:`legends_clear_of_other_panels` — a legend outside its axes does not reach into another panel;
* :func:`legend_styles_distinct` — series in one legend differ by line style, marker or hatch, not by
  colour alone;
* :func:`texts_do_not_overlap` — no two text boxes (titles, labels, annotations, legends) overlap.

:func:`check_figure` runs them all. The explorers' "a control that cannot change the figure is
disabled" check needs the widget, so it lives in the tests (``tests/test_figures.py``).
"""

from __future__ import annotations

import itertools
import re

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

#: Least share of a labelled series' finite points that must lie inside the axes' view.
MIN_SHARE_IN_VIEW = 0.5
#: Largest share of any series' (sampled) points a legend may cover.
MAX_SHARE_UNDER_LEGEND = 0.04
#: Pixels a text box may stick out of the figure or into another box (anti-aliasing, rounding).
TOLERANCE_PX = 1.5
#: Words that mark a series as deliberately clipped (then it may leave the view).
CLIPPED_NOTE = "off scale"


_DRAWN: set[int] = set()


def _renderer(fig: Figure):
    """Draw ``fig`` (once per :func:`check_figure` call) and return its renderer."""
    if id(fig) not in _DRAWN:
        fig.canvas.draw()
    return fig.canvas.get_renderer()


def _label(artist) -> str:
    label = artist.get_label()
    return label if isinstance(label, str) else str(label)


def _is_labelled(artist) -> bool:
    label = _label(artist)
    return bool(label) and not label.startswith("_")


def _display_points(artist) -> np.ndarray:
    """The artist's data points in display pixels (rows of finite x, y), or an empty array."""
    if isinstance(artist, Line2D):
        xy = np.asarray(artist.get_xydata(), dtype=float)
        transform = artist.get_transform()
    elif isinstance(artist, PathCollection):
        xy = np.asarray(artist.get_offsets(), dtype=float)
        transform = artist.get_offset_transform()
    else:
        return np.empty((0, 2))
    if xy.size == 0:
        return np.empty((0, 2))
    xy = xy.reshape(-1, 2)
    finite = np.all(np.isfinite(xy), axis=1)
    if not finite.any():
        return np.empty((0, 2))
    with np.errstate(all="ignore"):
        pts = transform.transform(xy[finite])
    return pts[np.all(np.isfinite(pts), axis=1)]


def _sampled(points: np.ndarray, per_segment: int = 40) -> np.ndarray:
    """Points along a polyline's segments (so a two-point threshold line is sampled along its length)."""
    if len(points) < 2:
        return points
    t = np.linspace(0.0, 1.0, per_segment, endpoint=False)[:, None]
    parts = [a + t * (b - a) for a, b in itertools.pairwise(points)]
    return np.vstack(parts + [points[-1:]])


def _series(ax: Axes) -> list:
    return [a for a in list(ax.lines) + list(ax.collections) if a.get_visible() and isinstance(a, Line2D | PathCollection)]


def _inside(points: np.ndarray, bbox, tol: float = TOLERANCE_PX) -> np.ndarray:
    return (
        (points[:, 0] >= bbox.x0 - tol)
        & (points[:, 0] <= bbox.x1 + tol)
        & (points[:, 1] >= bbox.y0 - tol)
        & (points[:, 1] <= bbox.y1 + tol)
    )


def _name(ax: Axes) -> str:
    title = ax.get_title() or ax.get_ylabel() or "axes"
    return f"[{title[:40]}]"


def _all_text(fig: Figure) -> str:
    return " ".join(t.get_text() for t in fig.findobj(Text) if t.get_visible())


def series_in_view(fig: Figure, *, min_share: float = MIN_SHARE_IN_VIEW) -> list[str]:
    """Each labelled, visible series has ≥ ``min_share`` of its finite points inside its axes' view,
    and every legend entry is a series with points (legends list only what is drawn)."""
    _renderer(fig)
    problems = []
    noted = CLIPPED_NOTE in _all_text(fig)
    for ax in fig.axes:
        for artist in list(ax.lines) + list(ax.collections):
            if not _is_labelled(artist):
                continue
            if not artist.get_visible():
                if _in_legend(ax, artist):
                    problems.append(f"{_name(ax)} legend lists '{_label(artist)}' but it is hidden")
                continue
            pts = _display_points(artist)
            if len(pts) == 0:
                if _in_legend(ax, artist):
                    problems.append(f"{_name(ax)} legend lists '{_label(artist)}' but it has no finite point to draw")
                continue
            share = float(_inside(pts, ax.bbox).mean())
            if share < min_share and not noted:
                problems.append(
                    f"{_name(ax)} series '{_label(artist)}': only {share:.0%} of its finite points are inside the view "
                    f"(x {ax.get_xlim()}, y {ax.get_ylim()})"
                )
    return problems


def _legends(fig: Figure) -> list[Legend]:
    found = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    return [leg for leg in found if leg is not None and leg.get_visible()]


def _in_legend(ax: Axes, artist) -> bool:
    legend = ax.get_legend()
    if legend is None or not legend.get_visible():
        return False
    handles = getattr(legend, "legend_handles", None) or getattr(legend, "legendHandles", [])
    labels = [t.get_text() for t in legend.get_texts()]
    return _label(artist) in labels and len(handles) > 0


def _visible_texts(fig: Figure) -> list[tuple[str, object]]:
    """(description, artist) of every title, axis label, annotation, figure text and legend."""
    out = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for loc in ("left", "center", "right"):
            title = ax.get_title(loc)
            if title:
                out.append((f"{_name(ax)} title", {"left": ax._left_title, "center": ax.title, "right": ax._right_title}[loc]))
        for axis, what in ((ax.xaxis, "x label"), (ax.yaxis, "y label")):
            if axis.label.get_text() and axis.label.get_visible() and axis.get_visible():
                out.append((f"{_name(ax)} {what}", axis.label))
        for text in ax.texts:
            if text.get_visible() and text.get_text().strip():
                out.append((f"{_name(ax)} text '{text.get_text()[:30]}'", text))
    for text in fig.texts:
        if text.get_visible() and text.get_text().strip():
            out.append((f"figure text '{text.get_text()[:30]}'", text))
    if fig._suptitle is not None and fig._suptitle.get_text():
        out.append(("suptitle", fig._suptitle))
    for legend in _legends(fig):
        out.append(("legend", legend))
    return out


def texts_inside_figure(fig: Figure) -> list[str]:
    """Every title, axis label, annotation and legend lies inside the figure."""
    renderer = _renderer(fig)
    box = fig.bbox
    problems = []
    for what, artist in _visible_texts(fig):
        extent = artist.get_window_extent(renderer)
        if (
            extent.x0 < box.x0 - TOLERANCE_PX
            or extent.y0 < box.y0 - TOLERANCE_PX
            or extent.x1 > box.x1 + TOLERANCE_PX
            or extent.y1 > box.y1 + TOLERANCE_PX
        ):
            problems.append(f"{what} sticks out of the figure (box {extent.bounds}, figure {box.bounds})")
    return problems


def _legend_extents(fig: Figure, renderer):
    """(axes, window extent of its legend) for every axes with a visible legend."""
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            yield ax, legend.get_window_extent(renderer)


def legends_clear_of_data(fig: Figure, *, max_share: float = MAX_SHARE_UNDER_LEGEND) -> list[str]:
    """No legend covers more than ``max_share`` of the (sampled, in-view) points of any series of its axes."""
    renderer = _renderer(fig)
    problems = []
    for ax, extent in _legend_extents(fig, renderer):
        for artist in _series(ax):
            pts = _display_points(artist)
            if isinstance(artist, Line2D) and artist.get_linestyle() not in ("None", "none", " ", ""):
                pts = _sampled(pts)
            if len(pts) == 0:
                continue
            pts = pts[_inside(pts, ax.bbox, tol=0.0)]
            if len(pts) == 0:
                continue
            share = float(_inside(pts, extent, tol=0.0).mean())
            if share > max_share:
                name = _label(artist) if _is_labelled(artist) else "an unlabelled line"
                problems.append(f"{_name(ax)} legend covers {share:.0%} of '{name}'")
    return problems


def _style_key(handle) -> tuple:
    if isinstance(handle, tuple):
        return tuple(_style_key(h) for h in handle)
    if isinstance(handle, Line2D):
        ls = handle.get_linestyle()
        dashes = tuple(np.round(handle._dash_pattern[1], 1)) if handle._dash_pattern[1] is not None else ()
        return (
            "line",
            ls if ls in ("None", "none", " ", "") else dashes or ls,
            handle.get_marker(),
            handle.get_fillstyle(),
            round(float(handle.get_linewidth()) / 1.5),
        )
    if isinstance(handle, Patch):
        return ("patch", handle.get_hatch(), handle.get_linestyle(), handle.get_fill())
    if isinstance(handle, PathCollection):
        paths = handle.get_paths()
        return ("markers", len(paths[0].vertices) if paths else 0)
    return (type(handle).__name__,)


def legend_styles_distinct(fig: Figure) -> list[str]:
    """Entries of one legend differ by line style, marker, fill, width class or hatch, not by colour alone."""
    problems = []
    for legend in _legends(fig):
        handles = getattr(legend, "legend_handles", None) or getattr(legend, "legendHandles", [])
        labels = [t.get_text() for t in legend.get_texts()]
        keys = [_style_key(h) for h in handles]
        for (i, a), (j, b) in itertools.combinations(enumerate(keys), 2):
            if a == b:
                problems.append(
                    f"legend entries '{labels[i]}' and '{labels[j]}' have the same style and marker "
                    "(told apart by colour alone, if at all)"
                )
    return problems


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return min(w, h) if w > 0 and h > 0 else 0.0


def texts_do_not_overlap(fig: Figure) -> list[str]:
    """No two text boxes (titles, axis labels, annotations, figure texts, legends) overlap."""
    renderer = _renderer(fig)
    boxes = [(what, artist.get_window_extent(renderer)) for what, artist in _visible_texts(fig)]
    problems = []
    for (wa, a), (wb, b) in itertools.combinations(boxes, 2):
        if _overlap(a, b) > TOLERANCE_PX:
            problems.append(f"{wa} overlaps {wb}")
    return problems


def legends_clear_of_other_panels(fig: Figure) -> list[str]:
    """A legend placed outside its axes does not reach into another panel (its frame, ticks, tick
    labels or axis labels): the panel drawn later would cover part of the legend, or the legend the panel."""
    renderer = _renderer(fig)
    problems = []
    for ax, extent in _legend_extents(fig, renderer):
        for other in fig.axes:
            if other is ax or not other.get_visible():
                continue
            panel = other.get_tightbbox(renderer, bbox_extra_artists=[])  # the panel without legends
            if panel is not None and _overlap(extent, panel) > TOLERANCE_PX:
                problems.append(f"{_name(ax)} legend reaches into {_name(other)}")
    return problems


def figure_slug(*parts: str) -> str:
    """A file-name-safe name for a figure (ASCII letters, digits, ``_``, ``-``, ``.``)."""
    return re.sub(r"[^A-Za-z0-9.-]+", "_", "--".join(parts)).strip("_")


CHECKS = (
    series_in_view,
    texts_inside_figure,
    legends_clear_of_data,
    legends_clear_of_other_panels,
    legend_styles_distinct,
    texts_do_not_overlap,
)


def check_figure(fig: Figure) -> list[str]:
    """Every check of this module on ``fig``; a list of problems in words (empty: the figure is fine)."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    problems = []
    fig.canvas.draw()
    _DRAWN.add(id(fig))
    try:
        for check in CHECKS:
            problems.extend(f"{check.__name__}: {p}" for p in check(fig))
    finally:
        _DRAWN.discard(id(fig))
    return problems


__all__ = [
    "CHECKS",
    "check_figure",
    "figure_slug",
    "legend_styles_distinct",
    "legends_clear_of_data",
    "legends_clear_of_other_panels",
    "series_in_view",
    "texts_do_not_overlap",
    "texts_inside_figure",
]
