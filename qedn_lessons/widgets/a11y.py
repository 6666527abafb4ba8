"""Accessible names for the widgets' figures and controls where ipywidgets gives none (WCAG 2.1 AA).

Figures (1.1.1, non-text content): ``ipywidgets.Image`` has no ``alt``. Its ``tooltip`` becomes the
``<img>``'s ``title`` (an accessible name) — but ipywidgets 8's view reads the model's
``description`` to decide, which an Image does not have, and fails to render. :class:`FigureImage`
is an Image with an empty synced ``description``, so the tooltip (set by the explorer to its
caption) lands on the ``<img>``; :data:`ARIA_SCRIPT` copies it to ``alt`` as well.

Links (1.4.1, use of colour): JupyterLab's theme shows links in text by colour alone; the script
adds :data:`A11Y_CSS` (underlined links) to the page once.

Controls (4.1.2, name, role, value):

ipywidgets 8 draws a slider with noUiSlider: the handle the keyboard moves has ``role="slider"`` but
no accessible name (the description is a separate ``<label>`` that is not tied to the handle, and
ipywidgets does not pass noUiSlider's ``handleAttributes``), so a screen reader announces an unnamed
slider and axe-core reports ``aria-input-field-name`` (serious). :data:`ARIA_SCRIPT` gives each
slider handle the text of its widget's description as ``aria-label``, now and for every slider that
appears later (a MutationObserver, batched to one pass per animation frame). It is idempotent: it
installs itself once per page however many explorers display it.

:func:`aria_output` wraps the script in an ``ipywidgets.Output`` that an explorer puts in its own
widget box, so it runs wherever the widget renders — JupyterLab and Voila — with no front-end
extension; the static site (no live widgets) never needs it.
"""

from __future__ import annotations

import ipywidgets as widgets
from traitlets import Unicode

#: Links in rendered Markdown underlined (JupyterLab's theme tells them apart by colour alone, 1.86:1).
A11Y_CSS = ".jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited { text-decoration: underline; }"

ARIA_SCRIPT = r"""
(() => {
  if (window.__qednAria) return;
  window.__qednAria = true;
  // Links in the lesson's text: underlined, not told apart by colour alone (WCAG 1.4.1).
  const style = document.createElement('style');
  style.id = 'qedn-a11y';
  style.textContent = A11Y_CSS;
  document.head.appendChild(style);
  const name = (handle) => {
    const widget = handle.closest('.widget-slider, .widget-hslider, .widget-vslider');
    const label = widget && widget.querySelector('.widget-label');
    return ((label && label.textContent) || '').trim();
  };
  const label = () => {
    for (const img of document.querySelectorAll('img.widget-image[title]')) {
      if (img.getAttribute('alt') !== img.title) img.setAttribute('alt', img.title);
    }
    for (const handle of document.querySelectorAll('.noUi-handle[role="slider"]:not([aria-label])')) {
      handle.setAttribute('aria-label', name(handle) || 'value');
    }
  };
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; label(); });
  };
  const start = () => {
    label();
    new MutationObserver(schedule).observe(document.body, {childList: true, subtree: true, attributeFilter: ['title']});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
""".replace("A11Y_CSS", repr(A11Y_CSS))


class FigureImage(widgets.Image):
    """An ``ipywidgets.Image`` whose ``tooltip`` reaches the ``<img>`` as ``title`` (and ``alt``)."""

    description = Unicode("", help="always empty: lets ipywidgets' view put the tooltip on the <img>").tag(sync=True)


def aria_output() -> widgets.Output:
    """An (invisible) Output widget that runs :data:`ARIA_SCRIPT` where the widget is shown."""
    from IPython.display import Javascript

    out = widgets.Output(layout={"display": "none"})
    out.append_display_data(Javascript(ARIA_SCRIPT))
    return out
