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

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import matplotlib.pyplot as plt\n"
        "from matplotlib.figure import Figure\n"
        "import io, IPython.display as d\n"
        "fig = Figure(); fig.subplots().plot([1, 2]); buf = io.BytesIO(); fig.savefig(buf, format='png')\n"
        "d.display(d.Image(buf.getvalue()))")])
    bare = tmp_path / "bare.ipynb"
    nbformat.write(nb, bare)
    failures = build_site.build([bare], tmp_path / "site2", timeout_s=120)
    assert any("bare.html" in f and "alt" in f for f in failures), failures
