"""The guard of the fast redraw (widgets/render.py) and of the physics caches (physics_cache).

For every explorer and a seeded series of random moves, the PNG of the fast update must equal, pixel
for pixel up to a small tolerance (antialiasing rounding: a few levels out of 255), the PNG of a fresh
explorer at the same settings drawn in full with ``savefig``, physics caches emptied. The fresh
explorer is built at the same *initial* settings as the moved one and then set to the new values in
one step: the layout is frozen after the first draw, so both must start from the same layout.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from PIL import Image

from qedn_lessons.style import new_figure
from qedn_lessons.widgets.base import (
    Explorer,
    all_explorers,
    clear_physics_caches,
    float_slider,
    physics_cache,
    random_value,
)
from qedn_lessons.widgets.render import FULL_REDRAW_ENV, FigureRenderer, artists_in, encode_png

EXPLORERS = all_explorers()
#: Largest difference of one channel of one pixel (of 255) and largest mean difference allowed.
MAX_LEVELS, MAX_MEAN = 6, 0.05


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(np.int16)


def assert_same_picture(fast: bytes, reference: bytes, what: str) -> None:
    a, b = pixels(fast), pixels(reference)
    assert a.shape == b.shape, f"{what}: size {a.shape} vs {b.shape}"
    diff = np.abs(a - b)
    worst, mean = int(diff.max()), float(diff.mean())
    assert worst <= MAX_LEVELS and mean <= MAX_MEAN, (
        f"{what}: fast update differs from a full draw (largest {worst}/255, mean {mean:.4f}, "
        f"{int((diff.max(axis=-1) > MAX_LEVELS).sum())} pixels beyond {MAX_LEVELS})"
    )


def fresh_like(cls, initial: dict, values: dict) -> Explorer:
    """A new explorer built at ``initial`` (the moved one's start), set to ``values`` in one step and
    drawn in full (``savefig``), with every physics cache emptied first."""
    clear_physics_caches()
    fresh = cls(**initial)
    fresh.renderer.full_redraw = True
    for control in fresh.controls.values():
        control.unobserve(fresh._on_change, names="value")
    for name, value in values.items():
        fresh.controls[name].value = value
    fresh.update()
    assert fresh.renderer.mode == "savefig"
    return fresh


def artist_state(artist) -> tuple:
    """What a dynamic artist shows: data of a line, text of a text, geometry of a patch (nothing for a
    hidden artist: it keeps whatever data it last had)."""
    if not artist.get_visible():
        return ("hidden", type(artist).__name__)
    if isinstance(artist, Line2D):
        return ("line", np.asarray(artist.get_xydata(), dtype=float).round(12).tobytes(), artist.get_visible())
    if isinstance(artist, Text):
        return ("text", artist.get_text(), tuple(np.round(artist.get_position(), 12)), artist.get_visible())
    if hasattr(artist, "get_bbox"):
        try:
            return ("patch", tuple(np.round(artist.get_bbox().bounds, 12)), artist.get_visible())
        except TypeError:
            pass
    return (type(artist).__name__, artist.get_visible())


def random_moves(explorer: Explorer, count: int, rng: np.random.Generator) -> list[tuple[str, object]]:
    values, names, out = explorer.values(), list(explorer.controls), []
    while len(out) < count:
        name = names[int(rng.integers(len(names)))]
        value = random_value(explorer.controls[name], rng)
        if value != values[name]:
            values[name] = value
            out.append((name, value))
    return out


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_fast_update_equals_a_full_draw_of_a_fresh_explorer(name):
    cls = EXPLORERS[name]
    explorer = cls()
    assert explorer.dynamic_artists(), f"{name} declares no dynamic artists: every move would redraw everything"
    initial = explorer.values()
    rng = np.random.default_rng(sum(map(ord, name)))
    modes = []
    for step, (control, value) in enumerate(random_moves(explorer, 6, rng)):
        explorer.controls[control].value = value
        modes.append(explorer.renderer.mode)
        fresh = fresh_like(cls, initial, explorer.values())
        what = f"{name} move {step} ({control} = {value!r}, drawn by {explorer.renderer.mode})"
        assert_same_picture(explorer.image.value, fresh.image.value, what)
        assert explorer.alt_text == fresh.alt_text, f"{what}: caption differs from a fresh explorer's"
    assert "full" not in modes[1:] or modes.count("full") < len(modes), f"{name}: every move was a full draw: {modes}"


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_control_move_matches_a_fresh_explorer_no_stale_cache(name):
    """Each control moved in turn (caches warm from the previous moves): caption, every dynamic
    artist's data and the picture equal those of a fresh explorer computed with empty caches."""
    cls = EXPLORERS[name]
    explorer = cls()
    initial = explorer.values()
    rng = np.random.default_rng(7)
    for control_name, control in explorer.controls.items():
        for _ in range(2):
            value = random_value(control, rng)
            if value == control.value:
                continue
            control.value = value
            fresh = fresh_like(cls, initial, explorer.values())
            what = f"{name}: {control_name} = {value!r} (settings {explorer.values()})"
            assert explorer.alt_text == fresh.alt_text, f"{what}: stale caption"
            mine = [artist_state(a) for a in explorer.dynamic_artists()]
            theirs = [artist_state(a) for a in fresh.dynamic_artists()]
            assert mine == theirs, f"{what}: a dynamic artist shows stale data"
            assert_same_picture(explorer.image.value, fresh.image.value, what)


# --- the mechanism on a small figure ------------------------------------------------------------


class _Toy(Explorer):
    """Two panels; ``scale`` changes the left panel's limits, ``phase`` only moves lines."""

    title = "toy"
    legend = (("Figure", "two sine waves"),)

    def build_controls(self):
        return {"phase": float_slider("phase", 0.0, 0.0, 3.0, 0.5), "scale": float_slider("scale", 1.0, 1.0, 3.0, 1.0)}

    def build_figure(self):
        fig, (self.ax_a, self.ax_b) = new_figure(1, 2, height_in=2.5)
        self.x = np.linspace(0, 6, 200)
        (self.line_a,) = self.ax_a.plot(self.x, self.x, label="a")
        (self.line_b,) = self.ax_b.plot(self.x, self.x, label="b")
        self.static = self.ax_b.axhline(0.5, color="0.4", label="static")
        self.ax_a.legend(loc="upper right")
        self.ax_b.set_ylim(-1.1, 1.1)
        return fig

    def dynamic_artists(self):
        return artists_in(self.line_a, self.line_b)

    def update_figure(self, phase, scale):
        self.line_a.set_ydata(scale * np.sin(self.x + phase))
        self.line_b.set_ydata(np.cos(self.x + phase))
        self.ax_a.set_ylim(-1.1 * scale, 1.1 * scale)
        return f"phase {phase}, scale {scale}"


def _reference(toy: _Toy) -> bytes:
    return fresh_like(_Toy, {}, toy.values()).image.value


def test_renderer_blits_when_only_dynamic_artists_move():
    toy = _Toy()
    assert toy.renderer.mode == "full"
    toy.controls["phase"].value = 1.0
    assert toy.renderer.mode == "blit"
    assert_same_picture(toy.image.value, _reference(toy), "toy phase move")


def test_renderer_redraws_a_panel_whose_limits_changed():
    toy = _Toy()
    toy.controls["scale"].value = 2.0
    assert toy.renderer.mode == "axes" and toy.renderer.redrawn_axes == 1
    assert_same_picture(toy.image.value, _reference(toy), "toy scale move")
    toy.controls["phase"].value = 0.5
    assert toy.renderer.mode == "blit"
    assert_same_picture(toy.image.value, _reference(toy), "toy phase move after a panel redraw")


def test_renderer_shows_an_earlier_view_from_its_kept_layer_and_forgets_it_when_content_changes():
    toy = _Toy()
    toy.controls["scale"].value = 2.0  # a new view of panel a: drawn
    assert toy.renderer.mode == "axes"
    toy.controls["scale"].value = 1.0  # back to the first view: its layer was kept
    assert toy.renderer.mode == "kept" and toy.renderer.redrawn_axes == 0
    assert_same_picture(toy.image.value, _reference(toy), "toy back at scale 1 from a kept layer")
    toy.controls["phase"].value = 0.7
    assert toy.renderer.mode == "blit"
    assert_same_picture(toy.image.value, _reference(toy), "toy phase move after a kept view")
    toy.ax_a.set_title("titled now")  # a static change: kept views of panel a are out of date
    toy.controls["scale"].value = 2.0
    assert toy.renderer.mode == "axes"
    fresh = fresh_like(_Toy, {}, {})
    fresh.ax_a.set_title("titled now")
    for name, value in toy.values().items():
        fresh.controls[name].value = value
    fresh.update()
    assert_same_picture(toy.image.value, fresh.image.value, "toy after a title change and a view seen before")


class _Bars(Explorer):
    """Horizontal bars under both axes (axis zorder 1.5 > bars 1: the axes are sprites over the data)."""

    title = "bars"
    legend = (("Figure", "three bars"),)

    def build_controls(self):
        return {"scale": float_slider("scale", 1.0, 1.0, 3.0, 1.0), "rows": float_slider("rows", 3.0, 3.0, 4.0, 1.0)}

    def build_figure(self):
        fig, self.ax = new_figure(height_in=2.5)
        self.bars = self.ax.barh([0, 1, 2], [0.2, 0.5, 0.9], hatch="//")
        self.ax.set_yticks([0, 1, 2], ["first row", "second row", "third row"])
        return fig

    def dynamic_artists(self):
        return artists_in(list(self.bars))

    def update_figure(self, scale, rows):
        for bar, width in zip(self.bars, (0.2, 0.5, 0.9)):
            bar.set_width(scale * width)
        self.ax.set_xlim(0, scale)
        self.ax.set_ylim(-0.5, rows - 0.5)
        return f"scale {scale}, rows {rows}"


def _axis_sprites(bars: _Bars) -> dict[str, object]:
    panel = bars.renderer._panels[id(bars.ax)]
    return {type(run[0]).__name__: sprite for run, sprite in zip(panel.runs, panel.sprites) if len(run) == 1}


def test_an_axis_drawn_over_the_data_is_reused_while_its_own_view_stays():
    bars = _Bars()
    before = _axis_sprites(bars)
    assert {"XAxis", "YAxis"} <= set(before)  # both axes are drawn over the bars
    bars.controls["scale"].value = 2.0  # the value axis rescales; the category axis is the same picture
    assert bars.renderer.mode == "axes"
    after = _axis_sprites(bars)
    assert after["YAxis"] is before["YAxis"] and after["XAxis"] is not before["XAxis"]
    assert_same_picture(bars.image.value, fresh_like(_Bars, {}, bars.values()).image.value, "bars rescaled")
    bars.controls["rows"].value = 4.0  # now the category axis's own limits change: drawn again
    assert _axis_sprites(bars)["YAxis"] is not after["YAxis"]
    assert_same_picture(bars.image.value, fresh_like(_Bars, {}, bars.values()).image.value, "bars, more rows")


def test_text_cache_replays_exactly_what_matplotlib_draws():
    """Glyph images replayed from the cache, at whole-pixel shifts and new sub-pixel offsets, in
    another colour and rotated: the same pixels as matplotlib's own text drawing."""
    from matplotlib.backends.backend_agg import RendererAgg

    from qedn_lessons.widgets.render import _cache_text

    def draw(cached: bool):
        fig = Figure(figsize=(4, 2), dpi=100)
        canvas = FigureCanvasAgg(fig)
        renderer = canvas.get_renderer()
        assert isinstance(renderer, RendererAgg)
        if cached:
            _cache_text(renderer)
        renderer.clear()
        for x, y, color, angle in [
            (0.1, 0.5, "k", 0),
            (0.3, 0.5, "k", 0),
            (0.1, 0.25, "tab:blue", 0),
            (0.1037, 0.7, "k", 0),
            (0.6, 0.3, "k", 30),
            (0.6, 0.3, "k", 30),
        ]:
            fig.text(x, y, "−0.125 E_B φ", color=color, rotation=angle).draw(renderer)
        return np.asarray(renderer.buffer_rgba()).copy(), renderer

    plain, _ = draw(False)
    cached, renderer = draw(True)
    # six draws, three keys: the first three differ by whole pixels and colour, the last two not at all
    assert len(renderer._qedn_text_cache) == 3
    assert np.array_equal(plain, cached)


def test_text_cache_is_bounded(monkeypatch):
    from qedn_lessons.widgets import render

    monkeypatch.setattr(render, "TEXT_CACHE_SIZE", 2)
    fig = Figure(figsize=(2, 1), dpi=100)
    renderer = FigureCanvasAgg(fig).get_renderer()
    render._cache_text(renderer)
    for text in ("a", "b", "a", "c"):  # "a" used again before "c" arrives: "b" is the least recent
        fig.text(0.1, 0.5, text).draw(renderer)
    assert [key[0] for key in renderer._qedn_text_cache] == ["a", "c"]


def test_encoded_png_reads_back_as_the_canvas_pixels():
    fig, ax = new_figure()
    ax.plot([0, 1], [0, 1])
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba()).astype(np.int16)
    assert np.array_equal(pixels(encode_png(fig.canvas)), rgba)


def test_renderer_notices_an_undeclared_change_of_a_static_artist():
    toy = _Toy()
    toy.static.set_ydata([-0.5, -0.5])  # not declared dynamic (drawn over line b: its sprite is made again)
    toy.controls["phase"].value = 1.5
    assert toy.renderer.mode == "sprites"
    reference = _reference(toy)  # the fresh toy's static line is at 0.5: move it too
    fresh = fresh_like(_Toy, {}, toy.values())
    fresh.static.set_ydata([-0.5, -0.5])
    fresh.update()
    assert_same_picture(toy.image.value, fresh.image.value, "toy after a static change")
    assert np.abs(pixels(toy.image.value) - pixels(reference)).max() > 50  # and the change is visible


def test_renderer_notices_a_legend_and_a_title_change():
    toy = _Toy()
    toy.ax_b.set_title("now titled")  # drawn over the dynamic line: only its sprite is made again
    toy.controls["phase"].value = 2.0
    assert toy.renderer.mode == "sprites" and toy.renderer.redrawn_axes == 0
    toy.ax_a.legend(loc="lower left")  # a new legend, also over the data
    toy.controls["phase"].value = 2.5
    assert toy.renderer.mode == "sprites"
    fresh = fresh_like(_Toy, {}, {})
    fresh.ax_b.set_title("now titled")
    fresh.ax_a.legend(loc="lower left")
    for name, value in toy.values().items():
        fresh.controls[name].value = value
    fresh.update()
    assert_same_picture(toy.image.value, fresh.image.value, "toy after title and legend changes")


def test_full_redraw_environment_variable_forces_savefig(monkeypatch):
    monkeypatch.setenv(FULL_REDRAW_ENV, "1")
    toy = _Toy()
    toy.controls["phase"].value = 1.0
    assert toy.renderer.mode == "savefig"
    monkeypatch.setenv(FULL_REDRAW_ENV, "0")
    assert _Toy().renderer.full_redraw is False


def test_renderer_rejects_bad_arguments():
    with pytest.raises(TypeError, match="fig must be a matplotlib Figure"):
        FigureRenderer("not a figure")
    fig, ax = new_figure()
    (line,) = ax.plot([0, 1], [0, 1])
    other, other_ax = new_figure()
    (stranger,) = other_ax.plot([0, 1], [1, 0])
    renderer = FigureRenderer(fig)
    with pytest.raises(ValueError, match="direct child of one of the figure's Axes"):
        renderer.render([stranger])
    with pytest.raises(TypeError, match="dynamic artists must be matplotlib artists"):
        renderer.render([line, "line"])
    with pytest.raises(TypeError, match="expected artists"):
        artists_in({"a": line, "b": 3})


def test_physics_cache_is_bounded_read_only_and_clearable():
    calls = []

    @physics_cache(maxsize=2)
    def curve(a: float) -> np.ndarray:
        calls.append(a)
        return np.full(3, a)

    first = curve(1.0)
    assert curve(1.0) is first and calls == [1.0]
    with pytest.raises(ValueError):
        first[0] = 5.0  # a cached array cannot be changed by a caller
    curve(2.0), curve(3.0), curve(1.0)  # maxsize 2: 1.0 was evicted
    assert calls == [1.0, 2.0, 3.0, 1.0]
    clear_physics_caches()
    curve(1.0)
    assert calls[-1] == 1.0 and len(calls) == 5
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="maxsize must be a positive integer"):
            physics_cache(maxsize=bad)


def test_nice_ceiling_steps_and_bad_input():
    from qedn_lessons.style import COARSE_STEPS, nice_ceiling

    assert [nice_ceiling(v) for v in (0.011, 0.15, 1.0, 1.01, 2.9, 4.0, 7.6)] == pytest.approx(
        [0.015, 0.15, 1.0, 1.5, 3.0, 5.0, 10.0]
    )
    assert [nice_ceiling(v, COARSE_STEPS) for v in (0.011, 0.15, 1.01, 2.9, 7.6)] == pytest.approx([0.02, 0.2, 2.0, 5.0, 10.0])
    for v in (0.0013, 0.7, 42.0, 3e5):  # never below the value, never more than a step above it
        assert v <= nice_ceiling(v) <= 1.5 * v and v <= nice_ceiling(v, COARSE_STEPS) <= 2.5 * v
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="value must be a finite number > 0"):
            nice_ceiling(bad)
    with pytest.raises(ValueError, match="steps must rise from 1 to 10"):
        nice_ceiling(1.0, (1.0, 5.0, 2.0, 10.0))
