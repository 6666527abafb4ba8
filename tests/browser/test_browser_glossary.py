"""The glossary in JupyterLab (issue 10, item 5): a lesson's term link opens the course glossary
rendered (the course's setting in binder/overrides.json, installed by `make course`) and scrolled to
the term's entry. No kernel is needed: the links are in the markdown."""

from __future__ import annotations


def test_term_link_opens_the_rendered_glossary_at_its_entry(page, lab_server):
    page.goto(lab_server.url("lab/tree/notebooks/01_superposition_and_coherence.ipynb", reset=""), wait_until="domcontentloaded")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell && window.jupyterapp.shell.currentWidget", timeout=120_000
    )
    # JupyterLab resolves the relative href to /files/notebooks/glossary.md?...#coherence
    link = page.locator('.jp-RenderedMarkdown a[href*="glossary.md"][href$="#coherence"]').first
    link.wait_for(state="attached", timeout=60_000)
    link.scroll_into_view_if_needed()
    link.click()
    viewer = page.locator(".jp-MarkdownViewer").last
    viewer.wait_for(timeout=60_000)  # rendered (Markdown Preview), not opened in the text editor
    entry = viewer.locator('[data-jupyter-id="coherence"]')  # JupyterLab keeps the anchor as data-jupyter-id
    entry.wait_for(state="attached", timeout=30_000)
    page.wait_for_function(
        "(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }",
        arg=entry.element_handle(),
        timeout=30_000,
    )
    text = viewer.inner_text()
    assert "coherence — The off-diagonal element" in text
    assert "Introduced in lesson 01" in text
