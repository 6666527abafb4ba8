"""Fast redraws of an explorer's kept figure: restore a cached background, draw only what moved.

An explorer names the artists a move changes (:meth:`Explorer.dynamic_artists`); everything else is
*background*. :class:`FigureRenderer` renders one frame as follows:

* **full draw** (first frame, or when the figure itself changed: size, dpi, layout, figure-level
  artists): the figure is drawn once with the dynamic artists left out; that picture is cached
  (``canvas.copy_from_bbox``). Static artists that matplotlib draws *above* a dynamic one (spines,
  titles, legends: higher ``zorder``) are rendered alone into transparent layers ("sprites") so the
  stacking order of a normal draw is kept; then the dynamic artists and the sprites are drawn on top.
* **axes redraw**: when the background of one panel changed (axis limits, scale, ticks, tick labels,
  axis labels, a legend entry, a static artist restyled, an artist added or removed), only that
  panel is redrawn, alone, into a transparent layer; the cached background becomes the figure patch
  with every panel's layer composited over it, in drawing order (panels may share pixels: a tick
  label reaching into the neighbour's margin). A full draw is made instead when the figure itself
  or a figure-level artist changed.
* **blit** (most moves): ``canvas.restore_region`` of the cached background, ``draw`` of each
  dynamic artist, compositing of the cached sprites.

"Changed" is decided by the renderer, not by the explorer: a signature of each panel (position,
limits, scales, the list of its artists) is compared per move, and every static artist is checked
for matplotlib's ``stale`` flag, which any setter raises (after each frame the flags are cleared).
The frame is encoded from the Agg RGBA buffer by :func:`encode_png` (no row filters, zlib level 1).

``QEDN_FULL_REDRAW=1`` in the environment (or ``full_redraw=True``) forces the previous path, a full
``savefig`` per move: the reference for tests and benchmarks.
"""

from __future__ import annotations

import math
import os
import struct
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from operator import attrgetter

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.spines import Spine
from matplotlib.text import Text

from qedn_lessons.style import figure_png

#: Environment variable that forces a full ``savefig`` per update (the previous behaviour).
FULL_REDRAW_ENV = "QEDN_FULL_REDRAW"
#: zlib level of the PNG sent to the browser: 1 is the fastest level that still compresses (the
#: white space of a plot shrinks ~20×); level 0 sends ~1.5 MB per frame for no time saved.
PNG_COMPRESS_LEVEL = 1
#: Views (signatures) kept per panel: each keeps the panel's layer, RGBA: ~0.4 MB per 100 000 pixels.
KEPT_VIEWS_PER_PANEL = 8


def artists_in(*objects) -> list[Artist]:
    """Every matplotlib artist in ``objects`` (artists, and dicts, lists, tuples and containers of
    them, nested), in order, without repeats: for :meth:`Explorer.dynamic_artists`."""
    out: list[Artist] = []
    seen: set[int] = set()
    stack = list(reversed(objects))
    while stack:
        item = stack.pop()
        if isinstance(item, Artist):
            if id(item) not in seen:
                seen.add(id(item))
                out.append(item)
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list | tuple):
            stack.extend(reversed(item))
        elif item is not None:
            raise TypeError(f"expected artists or dicts/lists/tuples of artists, got {type(item).__name__}")
    return out


def full_redraw_forced() -> bool:
    """Whether ``QEDN_FULL_REDRAW`` asks for a full redraw on every update."""
    return os.environ.get(FULL_REDRAW_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(canvas) -> bytes:
    """PNG bytes (8-bit RGBA) of the Agg canvas's current buffer.

    The rows go to zlib as they are (PNG filter type 0, "None") behind the one filter byte each row
    needs: one contiguous copy of the buffer. Pillow's encoder tries every row filter and took twice
    as long for a file ~10 % smaller; dropping the alpha channel costs a strided copy (2.3 ms for a
    1100 × 380 figure) that the smaller input does not repay (compressing the opaque alpha takes
    0.6 ms). Measured on the course's figures: 3.7 ms against 10.5 ms with Pillow. The format is the
    PNG specification's (W3C, "PNG Second Edition", §11: IHDR, IDAT, IEND); ``tests/test_fast_render.py``
    reads it back with Pillow."""
    buffer = np.asarray(canvas.buffer_rgba())
    height, width = buffer.shape[:2]
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0  # each row's filter byte
    rows[:, 1:] = buffer.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESS_LEVEL)),
            _png_chunk(b"IEND", b""),
        )
    )


#: Texts whose glyph images :func:`_cache_text` keeps per renderer (least recently used dropped):
#: ~2.7 kB each (QET explorer, 300 random moves), so at most ~3 MB per explorer. Strings that recur
#: (tick labels, titles) are drawn on every panel redraw and stay among the recent ones.
TEXT_CACHE_SIZE = 1024


def _cache_text(renderer) -> None:
    """Keep the glyph images of every plain text the Agg ``renderer`` draws, and replay them when the
    same text is drawn again at the same sub-pixel offset.

    matplotlib 3.11 shapes a string and renders each glyph with FreeType on every draw (~1.5 ms for a
    short tick label, ~45 µs a glyph); a redraw shows mostly the same strings (tick labels, titles,
    values that did not change). The glyph images depend on the string, the font, the angle, the
    hinting, the antialiasing and the position's fractional part (FreeType places glyphs to 1/64
    pixel); a whole-pixel shift moves them as they are. The colour is applied when the images are
    drawn, so it is not part of the key. Mathtext and TeX take matplotlib's own path. Installed on the
    renderer instance only: other figures are untouched.
    """
    if getattr(renderer, "_qedn_text_cache", None) is not None:
        return
    cache: OrderedDict = OrderedDict()
    original = renderer.draw_text
    agg = renderer._renderer

    class _Recorder:  # stands in for the C++ renderer while a text is drawn, to note its glyphs
        def __init__(self) -> None:
            self.glyphs: list[tuple[np.ndarray, int, int]] = []

        def draw_text_image(self, image, x, y, angle, gc) -> None:
            self.glyphs.append((np.array(image, copy=True), int(x), int(y)))
            agg.draw_text_image(image, x, y, angle, gc)

    def draw_text(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return original(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        up = renderer.height - y  # FreeType's y is upwards
        whole_x, whole_up = math.floor(x), math.floor(up)
        key = (
            s,
            tuple(prop.__dict__.values()),
            float(angle),
            x - whole_x,
            up - whole_up,
            renderer.dpi,
            get_hinting_flag(),
            bool(gc.get_antialiased()),
            mtext.get_fontfeatures() if mtext is not None else None,
            mtext.get_language() if mtext is not None else None,
        )
        glyphs = cache.get(key)
        if glyphs is None:
            recorder = _Recorder()
            renderer._renderer = recorder
            try:
                original(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            finally:
                renderer._renderer = agg
            cache[key] = [(image, gx - whole_x, gy + whole_up) for image, gx, gy in recorder.glyphs]
            if len(cache) > TEXT_CACHE_SIZE:
                cache.popitem(last=False)
            return None
        cache.move_to_end(key)
        for image, gx, gy in glyphs:
            agg.draw_text_image(image, gx + whole_x, gy - whole_up, 0, gc)
        return None

    renderer.draw_text = draw_text
    renderer._qedn_text_cache = cache


@contextmanager
def _animated(artists: Iterable[Artist]):
    """Leave ``artists`` out of ``canvas.draw``/``Axes.draw`` for the block (matplotlib skips animated
    artists unless saving), then restore their flags."""
    changed = [a for a in artists if not a.get_animated()]
    for a in changed:
        a._animated = True  # the setter would fire property callbacks; nothing else depends on it
    try:
        yield
    finally:
        for a in changed:
            a._animated = False


def _draw_order(ax: Axes) -> list[Artist]:
    """The artists ``Axes.draw`` draws after the axes patch, in its order (a mirror of matplotlib's)."""
    artists = ax.get_children()
    artists.remove(ax.patch)
    if not (ax.axison and ax.get_frame_on()):
        for spine in ax.spines.values():
            artists.remove(spine)
    if not ax.axison:
        for axis in ax._axis_map.values():
            artists.remove(axis)
    return sorted(artists, key=attrgetter("zorder"))


def _subtree(roots: Iterable[Artist], skip: set[int]) -> list[Artist]:
    """Every artist under ``roots`` (included), not descending into the ids in ``skip``."""
    out: list[Artist] = []
    stack = list(roots)
    while stack:
        a = stack.pop()
        if id(a) in skip:
            continue
        out.append(a)
        if isinstance(a, Axis):  # Axis.get_children recomputes the tick locations: read the lists
            stack.extend((a.label, a.offsetText, *a.majorTicks, *a.minorTicks))
        else:
            stack.extend(a.get_children())
    return out


def _clear_stale(artists: Iterable[Artist]) -> None:
    for a in artists:
        a._stale = False  # what ``a.stale = False`` does, without the callback lookup


def _inert(artists: Iterable[Artist]) -> frozenset[int]:
    """Ids of the artists that paint nothing: hidden ones, and empty texts (an unused axes title)."""
    return frozenset(id(a) for a in artists if not a.get_visible() or (isinstance(a, Text) and not a.get_text()))


def _paints(a: Artist) -> bool:
    return a.get_visible() and not (isinstance(a, Text) and not a.get_text())


def _changed(a: Artist, inert: frozenset[int]) -> bool:
    """Whether a setter changed ``a`` since its stale flag was cleared (see :func:`_any_stale`)."""
    return a._stale and not isinstance(a, Axes | Axis) and not (id(a) in inert and not _paints(a))


def _any_stale(artists: Iterable[Artist], inert: frozenset[int] = frozenset()) -> bool:
    """Whether a setter changed one of ``artists`` since the flags were cleared.

    An Axes is stale whenever a child is, and an Axis after any ``set_xlim`` even to the same limits:
    both are judged by the panel's signature instead. An artist that painted nothing and still paints
    nothing does not count (``Axes.set_title`` re-sets the transform of all three titles; a draw
    leaves hidden artists stale)."""
    return any(_changed(a, inert) for a in artists)


class _Sprite:
    """A run of static artists rendered alone on a transparent canvas, cropped to what they paint."""

    __slots__ = ("col", "image", "row")

    def __init__(self, rgba: np.ndarray) -> None:
        painted = rgba[..., 3] > 0
        rows, cols = np.flatnonzero(painted.any(axis=1)), np.flatnonzero(painted.any(axis=0))
        if rows.size == 0:
            self.row = self.col = 0
            self.image = None
            return
        self.row, self.col = int(rows[0]), int(cols[0])
        # RGBA, bottom row first: the layout Agg's draw_image takes (matplotlib's image origin "lower")
        self.image = rgba[rows[-1] : None if rows[0] == 0 else rows[0] - 1 : -1, cols[0] : cols[-1] + 1].copy()

    def composite(self, renderer) -> None:
        """Draw the layer over the Agg ``renderer``'s canvas with Agg's own "over" blend (in C: ~6×
        faster than the same blend in numpy)."""
        if self.image is None:
            return
        gc = renderer.new_gc()
        renderer.draw_image(gc, self.col, int(renderer.height) - self.row - self.image.shape[0], self.image)
        gc.restore()


def _place(a: Artist, renderer) -> tuple:
    """What decides where ``a`` paints: its window extent; for an axis (whose extent matplotlib does
    not give), the panel's position and everything its ticks, tick labels and grid lines follow —
    its own limits, scale, tick locations and formatters (grid lines span the panel in axes
    coordinates, so the other axis's limits do not move them)."""
    if isinstance(a, Axis):
        return (
            tuple(a.axes.get_position().bounds),
            tuple(a.get_view_interval()),
            a.get_scale(),
            tuple(a.get_majorticklocs()),
            tuple(a.get_minorticklocs()),
            id(a.major.formatter),
            id(a.minor.formatter),
        )
    return tuple(np.round(a.get_window_extent(renderer).bounds, 3))


def _run_key(run: list[Artist], renderer) -> tuple:
    """The artists of a sprite and where they sit on the canvas."""
    return (tuple(map(id, run)), tuple(_place(a, renderer) for a in run))


def _reusable_run(run: list[Artist], inert: frozenset[int]) -> bool:
    """Whether a sprite of ``run`` may serve again after its panel's view changed: only spines,
    legends, texts and axes, whose pixels depend on where they sit (:func:`_place`, compared by
    :func:`_run_key`), not on the other data limits (a legend at ``loc="best"`` moves with the data:
    its window extent says so; an axis drawn over the data is the same picture while its own limits
    and ticks are, e.g. the category axis of a bar chart whose value axis rescaled), and none of them,
    nor anything inside them, changed by a setter."""
    return all(isinstance(a, Spine | Legend | Text | Axis) for a in run) and not _any_stale(_subtree(run, set()), inert)


def _reusable_sprites(panel: _Panel) -> dict:
    """The panel's sprites that may serve its next drawing, by their artists' ids: ``{ids: (sprite, key)}``
    (:meth:`FigureRenderer._make_sprites` takes one whose key still matches)."""
    return {
        key[0]: (sprite, key)
        for run, sprite, key in zip(panel.runs, panel.sprites, panel.sprite_keys)
        if _reusable_run(run, panel.inert)
    }


class _Panel:
    """What the renderer keeps about one Axes: its draw order split into dynamic artists and static
    sprites, the static artists to watch, its signature and (after a panel redraw) its layer."""

    def __init__(self, ax: Axes, dynamic_ids: set[int]) -> None:
        self.ax = ax
        order = _draw_order(ax)
        first = next((i for i, a in enumerate(order) if id(a) in dynamic_ids), len(order))
        self.overlay = order[first:]  # drawn on top of the cached background, in this order
        self.background_ids = tuple(map(id, order[:first]))  # what the cached background holds
        self.runs: list[list[Artist]] = []  # static artists of the overlay, one per sprite
        self.items: list[Artist | int] = []  # a dynamic artist, or the index of a sprite
        for a in self.overlay:
            if id(a) in dynamic_ids:
                self.items.append(a)
            elif _paints(a):  # one sprite per static artist: each is cropped to what it paints
                self.items.append(len(self.runs))
                self.runs.append([a])
        self.sprites: list[_Sprite] = []
        self.sprite_keys: list[tuple] = []
        self.dynamic_ids = frozenset(id(a) for a in order if id(a) in dynamic_ids)
        self.statics: list[Artist] = []
        self.overlay_ids: frozenset[int] = frozenset()  # the static overlay artists and their parts
        self.inert: frozenset[int] = frozenset()
        self.signature: tuple = ()
        self.layer: _Sprite | None = None  # the panel's background alone, once a panel redraw needed it

    def settle(self, dynamic_ids: set[int]) -> None:
        """After the panel was drawn: note its static artists (clearing their stale flags) and its
        signature."""
        self.statics = _subtree([a for a in self.ax.get_children() if id(a) not in dynamic_ids], dynamic_ids)
        _clear_stale(self.statics)
        self.inert = _inert(self.statics)
        self.overlay_ids = frozenset(map(id, _subtree([a for a in self.overlay if id(a) not in dynamic_ids], dynamic_ids)))
        self.signature = self.current_signature()

    def current_signature(self) -> tuple:
        ax = self.ax
        children = ax.get_children()
        axes = tuple(
            (
                axis.get_visible(),
                id(axis.major.locator),
                id(axis.major.formatter),
                id(axis.minor.locator),
                id(axis.minor.formatter),
                tuple(axis.get_majorticklocs()),
            )
            for axis in ax._axis_map.values()
        )
        return (
            ax.get_visible(),
            ax.axison,
            ax.get_frame_on(),
            tuple(ax.get_position().bounds),
            tuple(ax.get_xlim()),
            tuple(ax.get_ylim()),
            ax.get_xscale(),
            ax.get_yscale(),
            axes,
            tuple(map(id, children)),
            tuple(a.zorder for a in children),
        )

    def change(self, dynamic_ids: set[int]) -> str | None:
        """What changed since the panel was drawn: None (nothing); ``"sprites"`` (only static artists
        drawn over the dynamic ones, e.g. a legend swapped or retitled: their sprites are made again,
        the background stays); ``"view"`` (only the signature: limits, ticks, scale; a kept layer of
        that signature may serve); ``"content"`` (a static artist of the background changed, or the
        dynamic artists are others: the panel is drawn again and no kept layer is valid)."""
        ax = self.ax
        ax_dynamic = frozenset(i for i in map(id, ax.get_children()) if i in dynamic_ids)
        if ax_dynamic != self.dynamic_ids:
            return "content"
        stale = [a for a in self.statics if _changed(a, self.inert)]
        signature = self.current_signature()
        if not stale and signature == self.signature:
            return None
        if signature[:-2] == self.signature[:-2] and all(id(a) in self.overlay_ids for a in stale):
            order = _draw_order(ax)
            first = next((i for i, a in enumerate(order) if id(a) in dynamic_ids), len(order))
            if tuple(map(id, order[:first])) == self.background_ids:
                return "sprites"
        return "content" if stale else "view"


class FigureRenderer:
    """Renders a kept figure to PNG bytes, redrawing only what changed since the last frame.

    ``mode`` tells what the last :meth:`render` did: ``"full"``, ``"axes"`` (some panels redrawn),
    ``"kept"`` (panels shown at an earlier view again, from their kept layers), ``"sprites"``
    (static artists over the data made again, e.g. a new legend), ``"blit"`` or
    ``"savefig"`` (the forced full-redraw path).
    """

    def __init__(self, fig: Figure, *, full_redraw: bool | None = None) -> None:
        if not isinstance(fig, Figure):
            raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
        self.fig = fig
        self.full_redraw = full_redraw_forced() if full_redraw is None else bool(full_redraw)
        self.mode = ""
        self.redrawn_axes = 0
        self._dynamic: list[Artist] = []
        self._panels: dict[int, _Panel] = {}
        self._fig_signature: tuple | None = None
        self._fig_statics: list[Artist] = []
        self._fig_statics_visible = False
        self._background = None
        self._base: np.ndarray | None = None
        #: per Axes, panels drawn at earlier signatures (limits, ticks), most recent last: moving back to
        #: a view shown before composites its kept layer instead of drawing the panel again
        self._kept: dict[int, dict[tuple, _Panel]] = {}

    # --- public ------------------------------------------------------------------------------------
    def render(self, dynamic: Sequence[Artist] = ()) -> bytes:
        """Draw the figure's current state and return it as PNG bytes."""
        if self.full_redraw or not dynamic:
            self.mode = "savefig" if self.full_redraw else "full"
            self._background = None
            if self.full_redraw:
                return figure_png(self.fig)
            _cache_text(self.fig.canvas.get_renderer())
            self.fig.canvas.draw()
            return encode_png(self.fig.canvas)
        dynamic = self._check_dynamic(dynamic)
        dynamic_ids = {id(a) for a in dynamic}
        _cache_text(self.fig.canvas.get_renderer())
        # a layout engine moves the panels on every draw: nothing can be kept until it is switched off
        changed = None if self.fig.get_layout_engine() is not None else self._changed_panels(dynamic, dynamic_ids)
        if changed is None:
            self._draw_full(dynamic, dynamic_ids)
            self.mode = "full"
        else:
            drawn = 0
            sprites_only = [panel for panel, kind in changed if kind == "sprites"]
            for panel in sprites_only:
                self._remake_sprites(panel, dynamic_ids)
            redraw = [panel for panel, kind in changed if kind != "sprites"]
            if redraw:
                drawn = self._redraw_panels(redraw, dynamic_ids)
                self.mode = "axes" if drawn else "kept"
            else:
                self.fig.canvas.restore_region(self._background)
                self.mode = "sprites" if sprites_only else "blit"
                self._draw_overlays()
            self._dynamic = dynamic
        self.redrawn_axes = len(self._panels) if self.mode == "full" else drawn if self.mode == "axes" else 0
        return encode_png(self.fig.canvas)

    # --- planning ----------------------------------------------------------------------------------
    def _check_dynamic(self, dynamic: Sequence[Artist]) -> list[Artist]:
        axes = set(map(id, self.fig.axes))
        out = []
        for a in dynamic:
            if not isinstance(a, Artist):
                raise TypeError(f"dynamic artists must be matplotlib artists, got {type(a).__name__}")
            if a.axes is None or id(a.axes) not in axes or a not in a.axes.get_children():
                raise ValueError(f"dynamic artist {a!r} must be a direct child of one of the figure's Axes")
            out.append(a)
        return out

    def _figure_signature(self) -> tuple:
        fig, canvas = self.fig, self.fig.canvas
        renderer = canvas.get_renderer()
        children = fig.get_children()
        return (
            id(canvas),
            id(renderer),
            int(renderer.width),
            int(renderer.height),
            fig.dpi,
            tuple(fig.get_size_inches()),
            tuple(map(id, children)),
            tuple(a.zorder for a in children),
        )

    def _keep(self, panel: _Panel) -> None:
        kept = self._kept.setdefault(id(panel.ax), {})
        kept.pop(panel.signature, None)
        kept[panel.signature] = panel
        while len(kept) > KEPT_VIEWS_PER_PANEL:
            del kept[next(iter(kept))]

    def _changed_panels(self, dynamic: list[Artist], dynamic_ids: set[int]) -> list[tuple[_Panel, str]] | None:
        """The panels that changed and how (:meth:`_Panel.change`), or None when the whole figure must be drawn."""
        if self._background is None or self._figure_signature() != self._fig_signature:
            return None
        if _any_stale(self._fig_statics):
            return None
        if set(map(id, self.fig.axes)) != set(self._panels):
            return None
        changed = [(p, kind) for p in self._panels.values() if (kind := p.change(dynamic_ids)) is not None]
        if any(kind != "sprites" for _, kind in changed) and self._fig_statics_visible:
            return None  # figure-level artists are drawn over the panels
        return changed

    # --- drawing -----------------------------------------------------------------------------------
    def _buffer(self) -> np.ndarray:
        return np.asarray(self.fig.canvas.buffer_rgba())

    def _draw_full(self, dynamic: list[Artist], dynamic_ids: set[int]) -> None:
        fig, canvas = self.fig, self.fig.canvas
        panels = {id(ax): _Panel(ax, dynamic_ids) for ax in fig.axes}
        with _animated(a for p in panels.values() for a in p.overlay):
            canvas.draw()  # runs the layout engine if one is still set
        # the layout may have moved the panels: take their signatures after the draw
        self._background = canvas.copy_from_bbox(fig.bbox)
        for panel in panels.values():  # each panel's background alone too: a later view change can
            self._draw_layer(panel)  # come back to this view from its kept layer
        renderer = canvas.get_renderer()
        renderer.clear()
        fig.patch.draw(renderer)
        self._base = self._buffer().copy()
        self._panels = panels
        self._kept = {}  # the whole figure is drawn anew: no earlier layer is known to be valid
        self._dynamic = dynamic
        for panel in panels.values():
            self._make_sprites(panel)
        canvas.restore_region(self._background)
        self._draw_overlays()
        for panel in panels.values():
            panel.settle(dynamic_ids)
            self._keep(panel)
        fig_children = [a for a in fig.get_children() if not isinstance(a, Axes)]
        self._fig_statics = _subtree(fig_children, set())
        self._fig_statics_visible = any(a.get_visible() for a in fig_children if a is not fig.patch)
        _clear_stale(self._fig_statics)
        self._fig_signature = self._figure_signature()

    def _make_sprites(self, panel: _Panel, reusable: dict | None = None) -> None:
        """Render each static artist of the overlay into a sprite, or reuse the previous frame's sprite
        of the same artists when they are unchanged and sit where they were (``reusable``)."""
        renderer = self.fig.canvas.get_renderer()
        panel.sprites, panel.sprite_keys = [], []
        for run in panel.runs:
            key = _run_key(run, renderer)
            previous = (reusable or {}).get(key[0])
            if previous is not None and previous[1] == key:
                panel.sprites.append(previous[0])
            else:
                renderer.clear()
                for a in run:
                    a.draw(renderer)
                panel.sprites.append(_Sprite(self._buffer()))
            panel.sprite_keys.append(key)

    def _remake_sprites(self, old: _Panel, dynamic_ids: set[int]) -> None:
        """Only static artists over the dynamic ones changed: make their sprites again (reusing the
        unchanged ones), keep the panel's layer and the cached background."""
        if any(_changed(a, old.inert) for a in old.statics):
            self._kept.pop(id(old.ax), None)  # an artist changed in place: kept views show it as it was
        else:  # artists swapped (a legend for another): a kept panel may show just these
            earlier = self._kept.get(id(old.ax), {}).get(old.current_signature())
            if earlier is not None and earlier.layer is old.layer:
                self._panels[id(old.ax)] = earlier
                _clear_stale(earlier.statics)
                return
        fresh = _Panel(old.ax, dynamic_ids)
        fresh.layer = old.layer
        self._make_sprites(fresh, _reusable_sprites(old))
        self._panels[id(old.ax)] = fresh
        fresh.settle(dynamic_ids)
        self._keep(fresh)

    def _draw_layer(self, panel: _Panel) -> None:
        """Render the panel's background alone on a transparent canvas and keep it as its layer."""
        renderer = self.fig.canvas.get_renderer()
        renderer.clear()
        with _animated(panel.overlay):
            panel.ax.draw(renderer)
        panel.layer = _Sprite(self._buffer())

    def _redraw_panels(self, changed: list[_Panel], dynamic_ids: set[int]) -> int:
        """Redraw the changed panels' backgrounds; the new background is the figure patch with every
        panel's layer composited over it in drawing order (unchanged panels are rendered into a
        layer once, the first time a neighbour changes)."""
        restored: dict[int, _Panel] = {}
        for old in changed:
            if old.change(dynamic_ids) == "content":
                self._kept.pop(id(old.ax), None)  # a static artist changed: every kept view is out of date
                continue
            earlier = self._kept.get(id(old.ax), {}).get(old.current_signature())
            if earlier is not None and earlier is not old:
                restored[id(old.ax)] = earlier
        changed = [old for old in changed if id(old.ax) not in restored]
        fresh = {id(old.ax): _Panel(old.ax, dynamic_ids) for old in changed}
        reusable = {id(old.ax): _reusable_sprites(old) for old in changed}
        for key, panel in self._panels.items():
            if key not in fresh and key not in restored and panel.layer is None:
                self._draw_layer(panel)
                panel.settle(dynamic_ids)
        for key, panel in fresh.items():
            self._draw_layer(panel)
            self._make_sprites(panel, reusable[key])
        self._panels.update(fresh)  # same keys: the drawing order is kept
        self._panels.update(restored)
        self._buffer()[...] = self._base
        renderer = self.fig.canvas.get_renderer()
        for panel in self._panels.values():
            panel.layer.composite(renderer)
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        self._draw_overlays()
        for panel in fresh.values():
            panel.settle(dynamic_ids)
            self._keep(panel)
        for panel in restored.values():  # its artists were last drawn at another view: not changes
            _clear_stale(panel.statics)
        return len(fresh)

    def _draw_overlays(self) -> None:
        renderer = self.fig.canvas.get_renderer()
        for panel in self._panels.values():
            for item in panel.items:
                if isinstance(item, int):
                    panel.sprites[item].composite(renderer)
                else:
                    item.draw(renderer)
