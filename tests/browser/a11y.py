"""Shared by the accessibility and offline browser tests: the static site built once and served on a
loopback port, axe-core (bundled in the ``axe-playwright-python`` package: nothing is downloaded
when the tests run) and a browser context that cannot reach anything but loopback.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import threading
from pathlib import Path
from urllib.parse import urlparse

import servers

#: The WCAG 2.1 A and AA rules of axe-core (the standard universities must publish at).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: What fails the tests: axe's two highest impacts.
FAILING_IMPACTS = {"serious", "critical"}


def build_site_module():
    spec = importlib.util.spec_from_file_location("build_site", servers.ROOT / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StaticServer:
    """A directory served over HTTP on a free loopback port, in a thread of this process."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", servers.free_port()), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output clean
        pass


def axe_violations(page, context: dict | str | None = None) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations of ``serious`` or ``critical`` impact on the page (or in
    ``context``: axe's include/exclude selectors)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    return [v for v in results.response["violations"] if v.get("impact") in FAILING_IMPACTS]


def describe(violations: list[dict], limit: int = 4) -> str:
    """The violations for a human: rule, impact, how many elements, the first few with axe's summary."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} elements): {v['help']}")
        for node in v["nodes"][:limit]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")[:200]
            lines.append(f"    {' '.join(map(str, node['target']))[:120]}  {node['html'][:160]!r}  {summary}")
    return "\n".join(lines)


def is_loopback(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about", "chrome", "chrome-extension"}:
        return True
    return parsed.hostname in {"127.0.0.1", "localhost", "::1"}


def block_network(context) -> list[str]:
    """Abort every request that leaves the machine; return the (live) list of what was blocked."""
    blocked: list[str] = []

    def handle(route) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", handle)
    return blocked
