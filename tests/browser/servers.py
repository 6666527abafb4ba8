"""Start and stop the servers and the browser the browser tests (and the latency benchmark) drive.

Everything here is plain Python so that ``benchmarks/browser_latency.py`` reuses it without pytest.

* :class:`Server` starts one JupyterLab or Voila process on a free loopback port, in a process group
  of its own, with temporary Jupyter config/runtime/settings directories (the user's ``~/.jupyter``
  is never read or written), and stops exactly that process group.
* :func:`launch_chromium` launches Debian's Chromium (``/usr/bin/chromium``) through Playwright with
  the flags this project requires; Playwright never downloads a browser.
* :func:`working_copy` copies the notebooks to a temporary directory, so running them in JupyterLab
  (which autosaves) never writes outputs into the repository.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN = Path(sys.executable).parent
CHROMIUM = Path(os.environ.get("QEDN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# JupyterLab user settings for the tests: no news or update checks (no outgoing requests, no
# pop-ups over the notebook), every cell attached to the DOM (the default windowing mode skips
# off-screen cells, which would hide widgets from the checks), no autosave.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def lesson_notebooks() -> list[Path]:
    """Every notebook of the course, discovered (a new lesson is covered without editing tests)."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def fixture_notebooks() -> list[Path]:
    return sorted(FIXTURES.glob("*.ipynb"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FIXTURE_DIR = "_fixtures"  # where the fixtures go inside the working copy of notebooks/


def working_copy(destination: Path) -> Path:
    """Copy ``notebooks/`` to ``destination/notebooks`` and the browser-test fixtures to
    ``destination/notebooks/_fixtures``; return ``destination``."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints")
    shutil.copytree(NOTEBOOKS, destination / "notebooks", ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(FIXTURES, destination / "notebooks" / FIXTURE_DIR, ignore=ignore, dirs_exist_ok=True)
    return destination


def workshop_setup(notebook_dir: Path, data_dir: Path, **options) -> tuple[list[str], dict[str, str]]:
    """The Voila arguments and environment of the workshop command (scripts/serve_workshop.py);
    ``options`` go to its ``voila_setup`` (e.g. ``pool_size=0``: no preheated kernels)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_workshop", ROOT / "scripts" / "serve_workshop.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.voila_setup(notebook_dir, data_dir, **options)


class ServerError(RuntimeError):
    pass


class Server:
    """One JupyterLab or Voila server process (and its kernels), started and stopped by us."""

    def __init__(
        self,
        kind: str,
        root: Path,
        *,
        notebook: str | None = None,
        startup_timeout_s: float = 120.0,
        extra_args: list[str] | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        if kind not in {"lab", "voila"}:
            raise ValueError(f"kind must be 'lab' or 'voila', got {kind!r}")
        self.kind, self.root = kind, Path(root)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.home = Path(tempfile.mkdtemp(prefix=f"qedn-{kind}-"))
        self.log_path = self.home / "server.log"
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.home / "config"),
            JUPYTER_RUNTIME_DIR=str(self.home / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(self.home / "lab-settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(self.home / "lab-workspaces"),
            IPYTHONDIR=str(self.home / "ipython"),
            MPLBACKEND="Agg",
            PYTHONUNBUFFERED="1",
        )
        env.update(extra_env or {})
        for name, value in LAB_SETTINGS.items():
            path = self.home / "lab-settings" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))
        if kind == "lab":
            self.base = f"http://127.0.0.1:{self.port}"
            command = [
                str(BIN / "jupyter"),
                "lab",
                "--no-browser",
                f"--port={self.port}",
                "--ServerApp.ip=127.0.0.1",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                "--LabApp.expose_app_in_browser=True",
                f"--ServerApp.root_dir={self.root}",
                "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                "--ServerApp.terminals_enabled=False",
                "--LabApp.extension_manager=readonly",
            ]
        else:
            self.base = f"http://127.0.0.1:{self.port}"
            target = [notebook] if notebook else []
            command = [
                str(BIN / "voila"),
                *target,
                "--no-browser",
                f"--port={self.port}",
                "--Voila.ip=127.0.0.1",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                "--Voila.show_tracebacks=True",
            ]
        command += extra_args or []
        if os.geteuid() == 0:  # containers and CI run as root
            command.append("--allow-root" if kind == "lab" else "--ServerApp.allow_root=True")
        self.command = command
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            command, cwd=self.root, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            self._wait_until_up(startup_timeout_s)
        except BaseException:
            self.stop()
            raise

    def url(self, path: str = "", **query: str) -> str:
        params = "&".join([*(f"{k}={v}" if v != "" else k for k, v in query.items()), f"token={self.token}"])
        return f"{self.base}/{path.lstrip('/')}?{params}"

    def _wait_until_up(self, timeout_s: float) -> None:
        probe = self.url("api/status") if self.kind == "lab" else self.url("")
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"{self.kind} exited with code {self.process.returncode} during start-up:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(probe, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise ServerError(f"{self.kind} did not answer on port {self.port} within {timeout_s:.0f} s:\n{self.log_tail()}")

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every session and kernel this (lab) server runs (between notebooks)."""
        if self.kind != "lab" or self.process.poll() is not None:
            return
        for session in self.api("GET", "api/sessions") or []:
            self.api("DELETE", f"api/sessions/{session['id']}")
        for kernel in self.api("GET", "api/kernels") or []:
            self.api("DELETE", f"api/kernels/{kernel['id']}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server's process group (the server and the kernels it started), nothing else."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        else:  # the server is gone; its kernels may not be
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self._log.close()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def chromium_problem() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (install Debian's chromium: sudo apt-get install chromium, or run scripts/ensure_chromium.sh as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing (pip install -r requirements-test.txt)"
    return None


def launch_chromium(playwright):
    """Debian's Chromium via Playwright, headless, with the project's flags (never a download)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
