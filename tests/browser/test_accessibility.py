"""WCAG 2.1 AA, checked with axe-core (the engine of the browsers' accessibility checkers) in
Chromium: every page of the static site, every lesson in Voila as the workshop serves it, and one
lesson in JupyterLab's notebook area. Any ``serious`` or ``critical`` violation in the course's own
content fails the test, with axe's description of each offending element.

axe-core comes inside the ``axe-playwright-python`` package (requirements-test.txt): nothing is
downloaded when the tests run. The servers are the session's (one static server, the Voila server of
the other browser tests, the JupyterLab server), so this adds one axe pass per page.
"""

from __future__ import annotations

import pytest
import servers
from a11y import axe_violations, describe
from pages import open_in_lab, open_in_voila, run_all_in_lab

LESSONS = [p.name for p in servers.lesson_notebooks()]
SITE_PAGES = ["index.html"] + [f"{p.stem}.html" for p in servers.lesson_notebooks()]

# JupyterLab: the lesson with the most explorers and sliders (transport: two explorers, seven sliders).
LAB_LESSON = next((n for n in LESSONS if n.startswith("03_")), LESSONS[-1] if LESSONS else "")

# In JupyterLab only the notebook's content is the course's: the rendered Markdown and the outputs
# (figures, captions, widgets). Excluded, with the reason: JupyterLab's own chrome (menus, toolbars,
# side panels, status bar, tab bar) and its code editors and prompts are JupyterLab's interface,
# which the course cannot change (an upstream matter, audited by the JupyterLab project), not
# content the course publishes. The code itself is audited on the static site, where the course
# chooses the highlighting.
LAB_CONTEXT = {
    "include": [
        [".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput"],
        [".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"],
    ],
}


@pytest.mark.parametrize("name", SITE_PAGES)
def test_static_site_page_meets_wcag_21_aa(page, static_site, name):
    response = page.goto(static_site.url(name), wait_until="load")
    assert response is not None and response.status == 200, f"{name}: HTTP {response.status if response else 'nothing'}"
    # Audit the page as it is read: after MathJax has typeset the equations (its output is in the page).
    page.wait_for_function(
        "() => !window.MathJax || !window.MathJax.Hub || window.MathJax.Hub.queue.pending === 0 && window.MathJax.Hub.queue.running === 0",
        timeout=60_000,
        polling=200,
    )
    found = axe_violations(page)
    assert not found, f"static site, {name}: WCAG 2.1 AA violations (serious/critical)\n{describe(found)}"


@pytest.mark.parametrize("relpath", LESSONS)
def test_voila_lesson_meets_wcag_21_aa(page, voila_server, relpath):
    report = open_in_voila(page, voila_server, relpath)
    assert not report.problems(), f"{relpath} in Voila did not render: {report.problems()}"
    page.wait_for_timeout(300)  # one animation frame for the slider labels (widgets.a11y)
    found = axe_violations(page)
    assert not found, f"Voila, {relpath}: WCAG 2.1 AA violations (serious/critical)\n{describe(found)}"


def test_jupyterlab_notebook_area_meets_wcag_21_aa(page, lab_server):
    assert LAB_LESSON, "no lesson notebook found"
    try:
        open_in_lab(page, lab_server, f"notebooks/{LAB_LESSON}")
        report = run_all_in_lab(page)
        assert not report.problems(), f"{LAB_LESSON} in JupyterLab: {report.problems()}"
        page.wait_for_timeout(300)
        assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) img.widget-image").count() > 0, "no explorer figure to audit"
        found = axe_violations(page, LAB_CONTEXT)
        assert not found, (
            f"JupyterLab, {LAB_LESSON} (notebook content): WCAG 2.1 AA violations (serious/critical)\n{describe(found)}"
        )
    finally:
        lab_server.shutdown_kernels()


def test_axe_reports_the_violations_the_course_fixed(page):
    """The audit can fail: a page with what the issue found (an image without alt, an unnamed
    slider, a link told apart by colour alone, grey prompts) is reported, by rule."""
    page.set_content(
        "<html lang='en'><head><title>t</title></head><body><main>"
        "<p style='color:#000'>Read <a href='#x' style='color:#5a5a5a;text-decoration:none'>this</a> first.</p>"
        "<img src='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg=='>"
        "<div role='slider' tabindex='0' aria-valuenow='1' aria-valuemin='0' aria-valuemax='2'></div>"
        "<span style='color:#b0b0b0;background:#fff'>In [1]:</span>"
        "</main></body></html>"
    )
    rules = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "aria-input-field-name", "color-contrast"} <= rules, rules
