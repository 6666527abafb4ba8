"""What the browser tests do on a page: open a notebook in JupyterLab or Voila, run it, find the
widgets, move a control and see the figure change. Shared by the tests and the latency benchmark.

An *explorer* on a page is a rendered widget output that holds a figure (``img.widget-image``):
the course's Explorer widgets, and any other widget that shows an image. Controls are found by the
ipywidgets 8 DOM: sliders (noUiSlider handles), dropdowns (``select``), checkboxes, text boxes.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
RENDER_TIMEOUT_MS = 90_000
FIGURE_TIMEOUT_MS = 20_000

# In-page probes --------------------------------------------------------------------------------

# Outputs in the DOM: each rendered widget output, broken widgets and spinners. Works in JupyterLab
# (scoped to the current notebook) and in Voila (the whole page).
_DOM_REPORT = r"""
(scope) => {
  const root = (scope === 'lab' && window.jupyterapp && window.jupyterapp.shell.currentWidget)
    ? window.jupyterapp.shell.currentWidget.node : document.body;
  const text = root.innerText || '';
  const outputs = Array.from(root.querySelectorAll('.jp-OutputArea-output'));
  const widgetOutputs = outputs.filter(o => o.classList.contains('jupyter-widgets') || o.querySelector(':scope > .jupyter-widgets, :scope > .lm-Widget.jupyter-widgets'));
  const rendered = widgetOutputs.filter(o => { const r = o.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  const figures = Array.from(root.querySelectorAll('img.widget-image'));
  return {
    widget_outputs: widgetOutputs.length,
    rendered_widget_outputs: rendered.length,
    figures: figures.length,
    figures_loaded: figures.filter(i => i.complete && i.naturalWidth > 0 && (i.src || '').startsWith('blob:')).length,
    error_displaying: (text.match(/Error displaying widget/g) || []).length,
    loading: (text.match(/Loading widget/g) || []).length,
    js_errors: Array.from(root.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]'))
      .map(e => e.innerText).filter(t => /Javascript Error|Error displaying/.test(t)),
    voila_error: /There was an error when executing cell/.test(text),
  };
}
"""

# The notebook model in JupyterLab: per code cell, its execution count and its outputs.
_LAB_MODEL = r"""
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = [];
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code') continue;
    cells.push({count: cell.model.executionCount, outputs: cell.model.outputs.toJSON()});
  }
  return cells;
}
"""

_LAB_KERNEL_IDLE = r"""
async () => {
  const app = window.jupyterapp;
  if (!app || !app.shell || !app.shell.currentWidget) return false;
  const panel = app.shell.currentWidget;
  if (!panel.sessionContext || !panel.content) return false;
  await panel.sessionContext.ready;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}
"""

# Latency probe: arm before a move; resolves with ms from the user's release (mouseup / keyup /
# change) to the new figure decoded and painted (next animation frame after img.decode()).
_ARM = r"""
(index) => {
  const img = document.querySelectorAll('img.widget-image')[index];
  const state = window.__qedn = {t0: null, src: img.src};
  const mark = () => { state.t0 = performance.now(); };
  for (const type of ['mouseup', 'keyup', 'change']) document.addEventListener(type, mark, {capture: true, once: true});
  state.done = new Promise((resolve) => {
    const observer = new MutationObserver(async () => {
      if (img.src === state.src) return;
      // a figure that arrives before this move's release belongs to an earlier move: not this one's
      if (state.t0 === null) { state.src = img.src; state.early = (state.early || 0) + 1; return; }
      observer.disconnect();
      try { await img.decode(); } catch (e) {}
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - state.t0)));
    });
    observer.observe(img, {attributes: true, attributeFilter: ['src']});
  });
  return true;
}
"""


@dataclass
class RunReport:
    """What a notebook run left on the page."""

    code_cells: int = 0
    executed_cells: int = 0
    errors: list[str] = field(default_factory=list)
    widget_outputs_expected: int = 0
    dom: dict = field(default_factory=dict)

    def problems(self) -> list[str]:
        found = list(self.errors)
        if self.executed_cells < self.code_cells:
            found.append(f"only {self.executed_cells} of {self.code_cells} code cells ran")
        dom = self.dom
        if dom.get("error_displaying"):
            found.append(f"{dom['error_displaying']} 'Error displaying widget' on the page")
        if dom.get("loading"):
            found.append(f"{dom['loading']} 'Loading widget…' left on the page")
        for text in dom.get("js_errors", []):
            found.append(f"front-end error: {text[:300]}")
        if dom.get("voila_error"):
            found.append("Voila reports an error while executing a cell")
        if dom.get("rendered_widget_outputs", 0) < self.widget_outputs_expected:
            found.append(
                f"{self.widget_outputs_expected} widgets displayed by the kernel but only "
                f"{dom.get('rendered_widget_outputs', 0)} rendered on the page"
            )
        if dom.get("figures_loaded", 0) < dom.get("figures", 0):
            found.append(f"{dom['figures'] - dom['figures_loaded']} widget figures did not load")
        return found


def _error_text(output: dict) -> str:
    return f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"


# JupyterLab ------------------------------------------------------------------------------------


def open_in_lab(page, server, relpath: str, *, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Open a notebook in JupyterLab and wait until its kernel is connected and idle."""
    page.goto(server.url(f"lab/tree/{relpath}", reset=""), wait_until="domcontentloaded")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell && window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.sessionContext",
        timeout=timeout_ms,
        polling=200,
    )
    deadline = time.monotonic() + timeout_ms / 1000
    while True:  # a notebook without a usable kernelspec asks for a kernel: take the default
        dialog = page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count():
            dialog.first.click()
        try:
            page.wait_for_function(_LAB_KERNEL_IDLE, timeout=2_000, polling=200)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"the kernel of {relpath} never became connected and idle within {timeout_ms / 1000:.0f} s"
                ) from None


def run_all_in_lab(page, *, timeout_ms: int = 300_000) -> RunReport:
    """Run all cells (the command's promise resolves when the last cell has run) and report."""
    page.set_default_timeout(timeout_ms)
    page.evaluate("async () => await window.jupyterapp.commands.execute('notebook:run-all-cells')")
    cells = page.evaluate(_LAB_MODEL)
    report = RunReport(code_cells=len(cells), executed_cells=sum(1 for c in cells if isinstance(c["count"], int)))
    for cell in cells:
        for output in cell["outputs"]:
            if output.get("output_type") == "error":
                report.errors.append(f"error output: {_error_text(output)}")
            if WIDGET_MIME in (output.get("data") or {}):
                report.widget_outputs_expected += 1
    report.dom = wait_for_widgets(page, "lab", report.widget_outputs_expected)
    return report


def wait_for_widgets(page, scope: str, expected: int, *, timeout_ms: int = RENDER_TIMEOUT_MS) -> dict:
    """Wait until every expected widget output has rendered, no spinner is left and every
    figure has loaded (or the timeout passes); return the last DOM report."""
    deadline = time.monotonic() + timeout_ms / 1000
    stable, last = 0, None
    while time.monotonic() < deadline:
        dom = page.evaluate(_DOM_REPORT, scope)
        settled = dom["rendered_widget_outputs"] >= expected and not dom["loading"] and dom["figures_loaded"] == dom["figures"]
        stable = stable + 1 if settled and dom == last else 0
        if stable >= 2 or dom["error_displaying"]:
            return dom
        last = dom
        time.sleep(0.25)
    return page.evaluate(_DOM_REPORT, scope)


# Voila -----------------------------------------------------------------------------------------

_VOILA_OUTPUT = re.compile(r'<script type="application/vnd\.voila\.cell-output\+json">(.*?)</script>', re.S)


def open_in_voila(page, server, relpath: str, *, timeout_ms: int = 300_000) -> RunReport:
    """Render a notebook with Voila (the server executes it), wait for the widgets, report."""
    response = page.goto(server.url(f"voila/render/{relpath}"), wait_until="domcontentloaded", timeout=timeout_ms)
    html = response.text() if response else ""
    report = RunReport()
    if response is None or response.status != 200:
        report.errors.append(f"Voila answered HTTP {response.status if response else 'nothing'}")
        return report
    for payload in _VOILA_OUTPUT.findall(html):
        try:
            output = json.loads(payload)
        except ValueError:
            continue
        if output.get("output_type") == "error":
            report.errors.append(f"error output: {_error_text(output)}")
        if WIDGET_MIME in (output.get("data") or {}):
            report.widget_outputs_expected += 1
    report.dom = wait_for_widgets(page, "voila", report.widget_outputs_expected)
    return report


# Controls and figures --------------------------------------------------------------------------


def explorers(page, scope: str = "lab"):
    """Locators of the rendered widget outputs that hold a figure, in page order."""
    root = ".jp-NotebookPanel:not(.lm-mod-hidden) " if scope == "lab" else ""
    return page.locator(f"{root}.jp-OutputArea-output").filter(has=page.locator("img.widget-image")).all()


def figure_index(page, explorer) -> int:
    """Index of an explorer's figure among all ``img.widget-image`` on the page."""
    return explorer.locator("img.widget-image").first.evaluate(
        "img => Array.from(document.querySelectorAll('img.widget-image')).indexOf(img)"
    )


def figure_src(explorer) -> str:
    return explorer.locator("img.widget-image").first.get_attribute("src") or ""


def wait_for_new_figure(page, explorer, before: str, *, timeout_ms: int = FIGURE_TIMEOUT_MS) -> bool:
    handle = explorer.locator("img.widget-image").first.element_handle()
    try:
        page.wait_for_function(
            "([img, before]) => img.src !== before && img.complete && img.naturalWidth > 0",
            arg=[handle, before],
            timeout=timeout_ms,
            polling=50,
        )
        return True
    except Exception:
        return False


def drag_slider(page, slider, fraction: float) -> None:
    """Drag a slider's handle with the mouse to ``fraction`` (0–1) of its track, and release."""
    handle = slider.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    track = slider.locator(".noUi-target").first.bounding_box()
    box = handle.bounding_box()
    x0, y0 = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(track["x"] + fraction * track["width"], y0, steps=5)
    page.mouse.up()


def handle_fraction(slider) -> float:
    """Where the slider's handle is now, as a fraction of its track."""
    track = slider.locator(".noUi-target").first.bounding_box()
    box = slider.locator(".noUi-handle").first.bounding_box()
    return (box["x"] + box["width"] / 2 - track["x"]) / max(track["width"], 1.0)


def controls(explorer) -> dict:
    """The explorer's controls by kind."""
    return {
        "slider": explorer.locator(".widget-slider:has(.noUi-handle)").all(),
        "dropdown": explorer.locator(".widget-dropdown select").all(),
        "checkbox": explorer.locator(".widget-checkbox input[type=checkbox]").all(),
        "text": explorer.locator(".widget-text input[type=number], .widget-text input[type=text]").all(),
        "buttons": explorer.locator(
            ".widget-toggle-buttons button:not(.mod-active), .widget-radio-box input:not(:checked)"
        ).all(),
    }


def interactions(page, explorer):
    """Ways to move this explorer's controls, as (name, action) pairs: drag each slider with the
    mouse, pick another option of the first dropdown, click the first checkbox, then press an
    arrow key on the first slider and type a value into its readout."""
    found = controls(explorer)
    actions = []

    def drag(slider):
        drag_slider(page, slider, 0.25 if handle_fraction(slider) > 0.5 else 0.75)

    def keyboard(slider):
        handle = slider.locator(".noUi-handle").first
        handle.focus()
        handle.press("ArrowLeft" if handle_fraction(slider) > 0.5 else "ArrowRight")

    def type_readout(slider):
        handle = slider.locator(".noUi-handle").first
        low, high, now = (float(handle.get_attribute(a) or "nan") for a in ("aria-valuemin", "aria-valuemax", "aria-valuenow"))
        target = low + 0.3 * (high - low) if now > (low + high) / 2 else low + 0.7 * (high - low)
        slider.locator(".widget-readout").first.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(f"{target:.6g}")
        page.keyboard.press("Enter")

    def choose(select):
        current = select.input_value()
        other = next((v for v in (o.get_attribute("value") for o in select.locator("option").all()) if v != current), None)
        if other is not None:
            select.select_option(other)

    for number, slider in enumerate(found["slider"], 1):
        actions.append((f"drag slider {number}", lambda s=slider: drag(s)))
    for select in found["dropdown"][:1]:
        actions.append(("choose dropdown option", lambda s=select: choose(s)))
    for box in found["checkbox"][:1]:
        actions.append(("click checkbox", lambda b=box: b.click()))
    for button in found["buttons"][:1]:
        actions.append(("pick another toggle/radio option", lambda b=button: b.click()))
    for text in found["text"][:1]:

        def step_text(box=text):
            box.click()
            box.press("ArrowUp")
            box.press("Enter")

        actions.append(("step a number box (arrow key, Enter)", step_text))
    for slider in found["slider"][:1]:
        actions.append(("arrow key on slider 1", lambda s=slider: keyboard(s)))
        actions.append(("type into slider 1 readout", lambda s=slider: type_readout(s)))
    return actions


# Counts the kernel's returns to idle, so a move whose answer does not change the figure is seen as
# answered (iopub messages are ordered: the figure update comes before the kernel's idle status).
_IDLE_COUNTER = r"""
() => {
  const app = window.jupyterapp;
  let kernel = null;
  if (app && app.shell && app.shell.currentWidget && app.shell.currentWidget.sessionContext) {
    const session = app.shell.currentWidget.sessionContext.session;
    kernel = session && session.kernel;
  } else if (app && app.widgetManager) {
    kernel = app.widgetManager.kernel;
  }
  if (!kernel) return -1;
  if (window.__qednIdleKernel !== kernel) {
    window.__qednIdleKernel = kernel;
    window.__qednIdle = 0;
    kernel.statusChanged.connect((_, status) => { if (status === 'idle') window.__qednIdle += 1; });
  }
  return window.__qednIdle;
}
"""


def idle_count(page) -> int:
    """How many times the page's kernel went idle since we started counting (-1: no kernel found)."""
    return int(page.evaluate(_IDLE_COUNTER))


def wait_for_response(page, explorer, before_src: str, idle_before: int, *, timeout_ms: int = FIGURE_TIMEOUT_MS) -> bool:
    """Wait for the kernel's answer to a move: True when the figure changed, False when the kernel
    answered (went idle again) without changing this figure, or nothing came back in time."""
    deadline = time.monotonic() + timeout_ms / 1000
    answered_at = None
    while time.monotonic() < deadline:
        if wait_for_new_figure(page, explorer, before_src, timeout_ms=150):
            return True
        if answered_at is None and idle_before >= 0 and idle_count(page) > idle_before:
            answered_at = time.monotonic()
        if answered_at is not None and time.monotonic() - answered_at > 0.75:
            return False
    return False


def move_and_check(page, explorer) -> tuple[str, list[str]]:
    """Try the explorer's interactions until one changes the figure. Returns (the interaction that
    changed it or '', the log of what was tried)."""
    log = []
    for name, action in interactions(page, explorer):
        before, idle = figure_src(explorer), idle_count(page)
        action()
        if wait_for_response(page, explorer, before, idle):
            log.append(f"{name}: figure changed")
            return name, log
        log.append(f"{name}: figure unchanged")
    return "", log


def arm_latency(page, index: int) -> None:
    page.evaluate(_ARM, index)


def read_latency(page, *, timeout_ms: int = FIGURE_TIMEOUT_MS) -> float:
    return float(
        page.evaluate(
            "async (t) => await Promise.race([window.__qedn.done, new Promise(r => setTimeout(() => r(NaN), t))])", timeout_ms
        )
    )
