"""The static HTML course: the alt-text check, and a one-notebook build with a widget."""

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
build_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_site)


def test_alt_check_flags_missing_empty_and_placeholder_alt():
    page = (
        '<p><img src="a.png" alt="Bloch vector spiralling in"></p>'
        '<img src="data:image/png;base64,AAAA">'
        '<img src="c.png" alt="  ">'
        f'<img src="d.png" alt="{build_site.NBCONVERT_PLACEHOLDER}">'
    )
    found = build_site.missing_alt(page)
    assert len(found) == 3
    assert "image 2" in found[0] and "no alt text" in found[0]
    assert "placeholder" in found[2]
    assert build_site.missing_alt('<img src="x.png" alt="fine">') == []


def test_links_to_notebooks_point_at_pages():
    page = '<a href="01_superposition_and_coherence.ipynb#exercises">x</a> <a href="https://example.org/a.ipynb">y</a>'
    linked = build_site.link_pages(page)
    assert 'href="01_superposition_and_coherence.html#exercises"' in linked
    assert 'href="https://example.org/a.ipynb"' in linked


@pytest.mark.slow
def test_build_shows_the_widget_default_figure_with_alt_and_fails_without_alt(tmp_path):
    fixture = ROOT / "tests" / "browser" / "fixtures" / "widget_fixture.ipynb"
    assert build_site.build([fixture], tmp_path / "site", timeout_s=120) == []
    page = (tmp_path / "site" / "widget_fixture.html").read_text(encoding="utf-8")
    assert 'alt="cos with 3 cycles decaying at rate 0.50"' in page  # the explorer's caption
    assert build_site.WIDGET_MIME not in page  # the live view was replaced by its figure
    assert (tmp_path / "site" / "index.html").exists()

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import matplotlib.pyplot as plt\n"
                "from matplotlib.figure import Figure\n"
                "import io, IPython.display as d\n"
                "fig = Figure(); fig.subplots().plot([1, 2]); buf = io.BytesIO(); fig.savefig(buf, format='png')\n"
                "d.display(d.Image(buf.getvalue()))"
            )
        ]
    )
    bare = tmp_path / "bare.ipynb"
    nbformat.write(nb, bare)
    failures = build_site.build([bare], tmp_path / "site2", timeout_s=120)
    assert any("bare.html" in f and "alt" in f for f in failures), failures


# --- accessible and offline pages (the browser tests check them with axe-core and no network) -----


def test_pages_load_nothing_from_a_cdn_and_use_an_accessible_highlighting(tmp_path):
    import re

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("Decay $e^{-t/T_2}$ and [a link](https://doi.org/10.1/x)."),
            nbformat.v4.new_code_cell("x = 1  # a comment"),
        ]
    )
    body, _ = build_site.exporter().from_notebook_node(nb)
    sources = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', body)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources), sources
    assert build_site.MATHJAX_URL in body
    assert ".highlight { background: #fefefe" in body  # accessible-pygments' a11y-high-contrast-light
    assert "text-decoration: underline" in body and "--jp-cell-prompt-not-active-opacity: 1" in body
    mathjax = build_site.copy_mathjax(tmp_path)
    assert (mathjax / "MathJax.js").exists() and (mathjax / "config" / "TeX-AMS-MML_HTMLorMML-full.js").exists()
    assert any((mathjax / "fonts" / "HTML-CSS").rglob("*.woff")), "MathJax's web fonts were not copied"


def test_workshop_template_drops_the_cdn_and_preheats_kernels(tmp_path):
    spec = importlib.util.spec_from_file_location("serve_workshop", ROOT / "scripts" / "serve_workshop.py")
    workshop = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(workshop)
    args, env = workshop.voila_setup(ROOT / "notebooks", tmp_path)
    assert "--preheat_kernel=True" in args and "--pool_size=1" in args
    page = (tmp_path / "voila" / "templates" / "qedn" / "index.html.j2").read_text()
    assert all(link in page for link in workshop._CDN_STYLESHEETS)  # each one is filtered out of Voila's page
    assert page.count("filter replace(") == len(workshop._CDN_STYLESHEETS) and "text-decoration: underline" in page
    args, _ = workshop.voila_setup(ROOT / "notebooks", tmp_path, pool_size=0)
    assert not any("preheat" in a for a in args)
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError, match="pool_size"):
            workshop.voila_setup(ROOT / "notebooks", tmp_path, pool_size=bad)


def test_explorer_figure_carries_its_caption_as_accessible_name():
    from qedn_lessons.widgets.a11y import ARIA_SCRIPT, FigureImage, aria_output
    from qedn_lessons.widgets.base import all_explorers

    explorer = next(iter(all_explorers().values()))()
    assert isinstance(explorer.image, FigureImage)
    assert explorer.image.tooltip == f"Figure: {explorer.alt_text}"
    assert "description" in explorer.image.keys and explorer.image.description == ""  # ipywidgets' view needs it
    explorer.alt_text = "a new caption"
    assert explorer.image.tooltip == "Figure: a new caption"
    outputs = [child for child in explorer.widget.children if child.__class__.__name__ == "Output"]
    assert (
        outputs
        and outputs[0].outputs[0]["data"]["application/javascript"] == aria_output().outputs[0]["data"]["application/javascript"]
    )
    assert "aria-label" in ARIA_SCRIPT and "img.widget-image" in ARIA_SCRIPT
