#!/usr/bin/env python3
"""Start a local JupyterHub for a demo class and print the nbgitpuller link (``make hub``).

The hub uses scripts/jupyterhub_config.py: one shared password (any user name), each student's
server a local process with its own home under ``.hub/homes/<name>``, the course environment
``.hub/venv`` (with nbgitpuller), and configurable-http-proxy from ``.hub/node_modules``. The link
pulls this repository (by default the local clone, as a ``file://`` URL, on its current branch) into
the student's home as ``qedn-lessons/`` and opens the start notebook; a later click merges the
teacher's updates without overwriting the student's edits.

    python scripts/run_hub.py [--port 8000] [--password ...] [--repo URL] [--branch main]

Stop it with Ctrl-C (the hub stops every student's server it started).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
HUB_DIR = ROOT / ".hub"
CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
TARGET = "qedn-lessons"  # the folder the course is pulled into, in each student's home
START_NOTEBOOK = "notebooks/00_start_here.ipynb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nbgitpuller_link(hub_url: str, repo: str, branch: str, *, target: str = TARGET, open_path: str = START_NOTEBOOK) -> str:
    """The link a student clicks: log in, start the server, pull ``repo`` into ``~/target``, open a notebook.

    Raises
    ------
    ValueError
        If ``hub_url`` is not an http(s) URL, or ``repo``, ``branch`` or ``target`` is empty.
    """
    if not isinstance(hub_url, str) or not hub_url.startswith(("http://", "https://")):
        raise ValueError(f"hub_url must be an http:// or https:// URL, got {hub_url!r}")
    for name, value in (("repo", repo), ("branch", branch), ("target", target)):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    query = urlencode(
        {"repo": repo, "branch": branch, "targetpath": target, "urlpath": f"lab/tree/{target}/{open_path}"}, quote_via=quote
    )
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def current_branch(repo: Path) -> str:
    branch = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--abbrev-ref", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if branch == "HEAD":
        raise SystemExit(f"{repo} is on a detached HEAD: pass --branch NAME")
    return branch


def hub_environment(*, port: int, ip: str, state: Path, homes: Path, password: str, expose_app: bool = False) -> dict[str, str]:
    """The environment scripts/jupyterhub_config.py reads."""
    if not isinstance(password, str) or len(password) < 8:
        raise ValueError("password must be a string of at least 8 characters (SharedPasswordAuthenticator's minimum)")
    bin_dir = HUB_DIR / "venv" / "bin"
    proxy = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    for needed in (bin_dir / "jupyterhub", bin_dir / "jupyterhub-singleuser", proxy):
        if not needed.exists():
            raise SystemExit(f"{needed} is missing: run `make hub-deps`")
    env = dict(os.environ)
    env.pop("VIRTUAL_ENV", None)
    env.update(
        QEDN_HUB_STATE=str(state),
        QEDN_HUB_HOMES=str(homes),
        QEDN_HUB_BIN=str(bin_dir),
        QEDN_HUB_PROXY=str(proxy),
        QEDN_HUB_PORT=str(port),
        QEDN_HUB_IP=ip,
        QEDN_HUB_API_PORT=str(free_port()),
        QEDN_PROXY_API_PORT=str(free_port()),
        QEDN_HUB_PASSWORD=password,
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
    )
    if expose_app:
        env["QEDN_HUB_EXPOSE_APP"] = "1"
    return env


#: JupyterLab defaults for every student of the demo hub: no news pop-up, no update check (nothing
#: leaves the machine). Written to the hub environment's lab settings overrides.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def write_lab_overrides(prefix: Path) -> Path:
    """Write ``share/jupyter/lab/settings/overrides.json`` of the environment at ``prefix``; return its path."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    current.update(LAB_OVERRIDES)
    path.write_text(json.dumps(current, indent=2), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="public port (0: a free one)")
    parser.add_argument("--ip", default="127.0.0.1", help="public address (127.0.0.1: this machine only)")
    parser.add_argument(
        "--password", default=os.environ.get("HUB_PASSWORD") or None, help="the class's shared password (default: generated)"
    )
    parser.add_argument("--repo", default=None, help="repository the link pulls (default: this clone, file://)")
    parser.add_argument("--branch", default=None, help="its branch (default: this clone's current branch)")
    parser.add_argument("--state", type=Path, default=HUB_DIR / "state", help="hub database and cookie secret")
    parser.add_argument("--homes", type=Path, default=HUB_DIR / "homes", help="the students' home folders")
    parser.add_argument("--expose-app", action="store_true", help=argparse.SUPPRESS)  # for the tests
    args = parser.parse_args(argv)

    port = args.port or free_port()
    password = args.password or f"qedn-{secrets.token_hex(4)}"
    repo = args.repo or ROOT.as_uri()
    branch = args.branch or current_branch(ROOT if args.repo is None else Path(args.repo.removeprefix("file://")))
    for folder in (args.state, args.homes):
        folder.mkdir(parents=True, exist_ok=True)
    env = hub_environment(
        port=port,
        ip=args.ip,
        state=args.state.resolve(),
        homes=args.homes.resolve(),
        password=password,
        expose_app=args.expose_app,
    )
    write_lab_overrides(HUB_DIR / "venv")
    hub_url = f"http://{args.ip}:{port}"
    print(f"QEDN demo class: {hub_url}  (any user name; shared password: {password})", flush=True)
    print(f"nbgitpuller link (pulls {repo} @ {branch} into ~/{TARGET}, opens the start notebook):", flush=True)
    print(nbgitpuller_link(hub_url, repo, branch), flush=True)
    print("Students' homes:", args.homes.resolve(), "· Stop with Ctrl-C.", flush=True)
    hub = subprocess.Popen([str(HUB_DIR / "venv" / "bin" / "jupyterhub"), "-f", str(CONFIG)], cwd=args.state, env=env)

    def stop(signum, frame):  # the hub stops the students' servers itself (cleanup_servers)
        hub.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return hub.wait()


if __name__ == "__main__":
    sys.exit(main())
