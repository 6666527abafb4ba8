"""A classroom without internet gets the same pages: with every request that leaves the machine
aborted (a Playwright route; loopback, data: and blob: URLs pass), an equation renders as math
(MathJax's output in the page, not raw TeX) on a static page and in Voila, and the course's pages
ask nothing of the network.

The equation comes from ``fixtures/offline/equation.ipynb`` (inline and display math in Markdown,
and math in a Markdown output), so the check does not depend on a lesson's wording.
"""

from __future__ import annotations

import a11y
import pytest
import servers

EQUATION = servers.FIXTURES / "offline" / "equation.ipynb"
# MathJax 2 (the static site) writes .MathJax / .MathJax_Display elements; MathJax 3 (Voila, through
# JupyterLab's renderer) writes <mjx-container>. Raw TeX left on the page means it did not render.
MATH_RENDERED = "() => document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_SVG, mjx-container').length"
RAW_TEX = r"\rho_{01}"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked = a11y.block_network(context)
    page = context.new_page()
    page.blocked = blocked
    yield page
    context.close()


@pytest.fixture(scope="module")
def equation_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline-site")
    failures = a11y.build_site_module().build([EQUATION], root, timeout_s=120)
    assert not failures, failures
    server = a11y.StaticServer(root)
    yield server
    server.stop()


def _visible_text(page) -> str:
    # MathJax keeps the TeX source in <script type="math/tex"> (not rendered); read what is shown.
    return page.evaluate("() => document.body.innerText")


def test_static_page_renders_math_offline(offline_page, equation_site):
    page = offline_page
    page.goto(equation_site.url("equation.html"), wait_until="load")
    page.wait_for_function(f"() => ({MATH_RENDERED})() >= 3", timeout=60_000, polling=200)
    assert RAW_TEX not in _visible_text(page), "raw TeX is visible: MathJax did not typeset every equation"
    assert not page.blocked, f"the static page asked the network for: {page.blocked}"


def test_voila_renders_math_offline(offline_page, voila_server):
    page = offline_page
    page.goto(
        voila_server.url(f"voila/render/{servers.FIXTURE_DIR}/offline/equation.ipynb"),
        wait_until="domcontentloaded",
        timeout=300_000,
    )
    page.wait_for_function(f"() => ({MATH_RENDERED})() >= 3", timeout=120_000, polling=200)
    assert RAW_TEX not in _visible_text(page), "raw TeX is visible: MathJax did not typeset every equation"
    assert not page.blocked, f"the Voila page asked the network for: {page.blocked}"


def test_static_lesson_pages_ask_nothing_of_the_network(offline_page, static_site):
    page = offline_page
    for name in ["index.html"] + [f"{p.stem}.html" for p in servers.lesson_notebooks()]:
        response = page.goto(static_site.url(name), wait_until="load")
        assert response is not None and response.status == 200, name
        page.wait_for_function(
            "() => document.querySelectorAll('img').length === 0 || Array.from(document.images).every(i => i.complete)",
            timeout=30_000,
        )
    assert not page.blocked, f"static pages asked the network for: {sorted(set(page.blocked))}"


def test_the_route_blocks_what_leaves_the_machine(offline_page):
    """Self-test: a request to a CDN is aborted and recorded (so 'nothing blocked' means something)."""
    page = offline_page
    page.set_content("<html><body><img src='https://cdn.jsdelivr.net/npm/x@1/y.png' alt='x'></body></html>")
    page.wait_for_timeout(300)
    assert any("cdn.jsdelivr.net" in url for url in page.blocked), page.blocked
