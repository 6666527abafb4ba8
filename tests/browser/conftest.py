"""Fixtures of the browser tests: one working copy of the notebooks, one JupyterLab server, one
Voila server and one Chromium for the whole session; a fresh page per test.

Without Chromium (or Playwright, or a server that starts) the tests skip locally with the reason,
and FAIL when the ``CI`` environment variable is set: CI must never pass by skipping them.
Screenshots of failing pages go to ``test-artifacts/browser/``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import servers

ARTIFACTS = servers.ROOT / "test-artifacts" / "browser"
IN_CI = bool(os.environ.get("CI"))


# The fixture notebooks are driven by these tests, not collected by nbval (one is broken on purpose).
collect_ignore = ["fixtures"]


@pytest.hookimpl(tryfirst=True)  # before -m deselects: `-m "not browser"` must see the marker
def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def unavailable(reason: str):
    """Fail under CI, skip otherwise."""
    if IN_CI:
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def work_dir(tmp_path_factory) -> Path:
    """A temporary copy of notebooks/ and the fixtures: JupyterLab may save into it freely."""
    return servers.working_copy(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="session")
def browser():
    problem = servers.chromium_problem()
    if problem:
        unavailable(problem)
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    try:
        chromium = servers.launch_chromium(manager)
    except Exception as exc:
        manager.stop()
        unavailable(f"Chromium did not start: {exc}")
    yield chromium
    chromium.close()
    manager.stop()


def _server(kind: str, root: Path, **kw):
    try:
        return servers.Server(kind, root, **kw)
    except servers.ServerError as exc:
        unavailable(str(exc))


@pytest.fixture(scope="session")
def lab_server(work_dir):
    server = _server("lab", work_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def voila_server(work_dir, tmp_path_factory):
    """Voila exactly as the workshop command runs it (its template and index page), serving the
    working copy of notebooks/ (the fixtures are in its _fixtures folder)."""
    args, env = servers.workshop_setup(work_dir / "notebooks", tmp_path_factory.mktemp("workshop-data"))
    server = _server("voila", work_dir / "notebooks", extra_args=args, extra_env=env)
    yield server
    server.stop()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page(request, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    page.console_errors = console
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid.split("::")[-1])
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception:
            pass
        (ARTIFACTS / f"{name}.console.txt").write_text("\n".join(console))
        (ARTIFACTS / f"{name}.failure.txt").write_text(failed.longreprtext)
    context.close()


@pytest.fixture(scope="session")
def static_site(tmp_path_factory):
    """The static HTML course (``scripts/build_site.py``, every notebook executed) served on a
    loopback port. ``QEDN_SITE_DIR=_site`` reuses a site already built by ``make site``."""
    import a11y

    existing = os.environ.get("QEDN_SITE_DIR")
    if existing:
        root = Path(existing).resolve()
        if not (root / "index.html").exists():
            pytest.fail(f"QEDN_SITE_DIR={existing} holds no built site (run make site)", pytrace=False)
    else:
        root = tmp_path_factory.mktemp("site")
        failures = a11y.build_site_module().build(servers.lesson_notebooks(), root, timeout_s=600)
        if failures:
            pytest.fail("the static site did not build:\n  " + "\n  ".join(failures), pytrace=False)
    server = a11y.StaticServer(root)
    server.root = root
    yield server
    server.stop()
