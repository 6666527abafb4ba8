"""One look for every figure: a colour-blind-safe palette, projector-sized fonts, and figures that
always carry alt text.

Colours come from the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which stays
distinguishable under the common colour-vision deficiencies. Colour never carries meaning alone:
each series also gets its own line style or marker and a label.

Figures are built with :func:`new_figure` (a plain ``matplotlib.figure.Figure`` with an Agg canvas,
no pyplot state, so nothing is displayed by accident) and shown with :func:`show`, which attaches alt
text to the image and prints a visible caption under it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

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


def apply_style() -> None:
    """Set the course's matplotlib defaults (idempotent)."""
    matplotlib.rcParams.update(RC_PARAMS)


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

    ``axes`` is a single Axes for 1×1, otherwise an array, as with ``plt.subplots``.
    """
    apply_style()
    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes


def figure_png(fig: Figure, *, dpi: float | None = None) -> bytes:
    """Render ``fig`` to PNG bytes quickly (light compression: fast to encode, fine on loopback)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def show(fig: Figure, alt: str, *, caption: str | None = None) -> None:
    """Display ``fig`` as a PNG with alt text, followed by a visible caption.

    ``alt`` says what the figure shows (what a screen reader reads and the static site's ``alt``).
    ``caption`` defaults to ``alt``. Refuses an empty description: every figure must have one.
    The figure also goes out as ``<img alt=...>`` HTML: JupyterLab and Voila draw a PNG output as
    an ``<img>`` without ``alt`` (they ignore the metadata), the HTML one keeps it (WCAG 1.1.1).
    """
    import base64
    import html

    from IPython.display import Markdown, display

    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of what the figure shows")
    data = figure_png(fig)
    img = f'<img src="data:image/png;base64,{base64.b64encode(data).decode("ascii")}" alt="{html.escape(alt)}">'
    display(
        {"image/png": data, "text/html": img, "text/plain": f"<Figure: {alt}>"},
        raw=True,
        metadata={"image/png": {"alt": alt}},
    )
    display(Markdown(f"*Figure: {caption or alt}*"))


def label_lines(ax, labels: Sequence[str]) -> None:
    """Attach ``labels`` to the lines of ``ax`` in order and draw the legend."""
    for line, label in zip(ax.get_lines(), labels):
        line.set_label(label)
    ax.legend()
