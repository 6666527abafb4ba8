"""A class on the demo JupyterHub, in Chromium (issue 11, items 2 and 3).

``scripts/run_hub.py`` (what ``make hub`` runs) starts the hub on a free port, with a temporary clone
of this repository as the teacher's source. Five students log in at once: each clicks the
nbgitpuller link, logs in, gets the course pulled into their own home, opens lesson 01, runs it and
drags a slider of its explorer until the figure changes. Then one student edits and saves an
exercise cell of lesson 01, the teacher commits a fix to the text of the same lesson, the student
clicks the link again, and both the student's edit and the teacher's fix must be in the student's
notebook (nbgitpuller's merge). Printed: the hub's start time, link click to start notebook ready,
and memory (RSS and USS, via psutil) per student server with its kernels.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import secrets
import signal
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import servers
from classroom_env import HUB_BIN, PROXY, ROOT, unavailable

from qedn_lessons.course import course_map

STUDENTS = [f"student{n}" for n in range(1, 6)]
LESSON = "01_superposition_and_coherence.ipynb"
START = "00_start_here.ipynb"
BRANCH = "class"
STUDENT_EDIT = "answer = 51.43  # my own answer: the merge must keep it"
TEACHER_FIX = "[Corrected by the teacher] "
TIMEOUT_MS = 240_000
TITLES = [entry.title for entry in course_map(ROOT / "notebooks")]  # what the start page must list
MIB = 1024 * 1024

# JupyterLab settings a hub admin would give the class: no news pop-up, every cell in the DOM.
LAB_SETTINGS = dict(servers.LAB_SETTINGS)  # (run_hub.py also turns the news off for every student)
LAB_SETTINGS.pop("@jupyterlab/docmanager-extension/plugin.jupyterlab-settings")  # keep autosave as a class has it

_OPEN = """(path) => {
  const w = window.jupyterapp && window.jupyterapp.shell && window.jupyterapp.shell.currentWidget;
  if (!w || !w.context || !w.context.path.endsWith(path) || !w.sessionContext) return false;
  const s = w.sessionContext.session, k = s && s.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""

_ERRORS = """() => {
  const panel = window.jupyterapp.shell.currentWidget, errors = [];
  let ran = 0, code = 0;
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code') continue;
    code += 1;
    if (typeof cell.model.executionCount === 'number') ran += 1;
    for (const o of cell.model.outputs.toJSON()) if (o.output_type === 'error') errors.push(o.ename + ': ' + o.evalue);
  }
  return {code, ran, errors};
}"""

_EDIT = """([prefix, text]) => {
  const panel = window.jupyterapp.shell.currentWidget;
  for (const cell of panel.content.widgets) {
    const src = cell.model.sharedModel.getSource();
    const at = src.indexOf(prefix);  // exercise cells import their helpers first, then `answer = ...`
    if (cell.model.type === 'code' && at >= 0) {
      cell.model.sharedModel.setSource(src.slice(0, at) + text + src.slice(at + prefix.length));
      return true;
    }
  }
  return false;
}"""


def _load_run_hub():
    spec = importlib.util.spec_from_file_location("run_hub", ROOT / "scripts" / "run_hub.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, timeout=120).stdout


def _wait_for_hub(url: str, process: subprocess.Popen, log: Path, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the hub exited with code {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/hub/api/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise AssertionError(f"the hub did not answer within {timeout_s:.0f} s:\n{log.read_text()[-3000:]}")


def _teacher_fix(notebook: Path) -> str:
    """Prefix a line in the middle of a long text cell (well away from any code cell); return the new line."""
    text = notebook.read_text(encoding="utf-8")
    cells = json.loads(text)["cells"]
    for cell in cells:
        lines = cell["source"] if isinstance(cell["source"], list) else cell["source"].splitlines(True)
        if cell["cell_type"] == "markdown" and len(lines) >= 8:
            line = next(x for x in lines[len(lines) // 2 :] if x.strip())
            raw = json.dumps(line, ensure_ascii=False)
            if text.count(raw) == 1:
                fixed = TEACHER_FIX + line
                notebook.write_text(text.replace(raw, json.dumps(fixed, ensure_ascii=False)), encoding="utf-8")
                return fixed.rstrip("\n")
    raise AssertionError(f"{notebook.name}: no long text cell with a unique middle line to fix")


def _memory(root_pid: int) -> dict[str, dict[str, float]]:
    """Per student: RSS and USS (MiB) of the single-user server plus every process it started (kernels)."""
    import psutil

    found = {}
    for proc in psutil.Process(root_pid).children(recursive=True):
        try:
            if not any("jupyterhub-singleuser" in part for part in proc.cmdline()):
                continue
            user = proc.environ().get("JUPYTERHUB_USER", str(proc.pid))
            tree = [proc, *proc.children(recursive=True)]
            info = [p.memory_full_info() for p in tree]
            found[user] = {
                "rss": sum(i.rss for i in info) / MIB,
                "uss": sum(i.uss for i in info) / MIB,
                "processes": len(tree),
                "server_rss": info[0].rss / MIB,
                "kernels_rss": [i.rss / MIB for i in info[1:]],
            }
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


async def _drag_until_changed(page) -> str:
    """Drag the first slider of lesson 01's explorer (two directions if needed); return what changed."""
    explorer = (
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
        .filter(has=page.locator("img.widget-image"))
        .first
    )
    image = explorer.locator("img.widget-image").first
    await image.wait_for(state="attached", timeout=TIMEOUT_MS)
    slider = explorer.locator(".widget-slider:has(.noUi-handle)").first
    handle, track = slider.locator(".noUi-handle").first, slider.locator(".noUi-target").first
    for fraction in (0.2, 0.8):
        await handle.scroll_into_view_if_needed()
        before = await image.get_attribute("src")
        box, bar = await handle.bounding_box(), await track.bounding_box()
        y = box["y"] + box["height"] / 2
        await page.mouse.move(box["x"] + box["width"] / 2, y)
        await page.mouse.down()
        await page.mouse.move(bar["x"] + fraction * bar["width"], y, steps=5)
        await page.mouse.up()
        try:
            await page.wait_for_function(
                "([img, before]) => img.src !== before && img.complete && img.naturalWidth > 0",
                arg=[await image.element_handle(), before],
                timeout=60_000,
                polling=100,
            )
            return f"slider dragged to {fraction:.0%}: figure changed"
        except Exception:
            continue
    raise AssertionError("dragging lesson 01's slider did not change its figure")


async def _student(browser, name: str, link: str, password: str, hub_url: str) -> dict:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    t0 = time.monotonic()
    await page.goto(link)  # not logged in yet: the hub asks for the login, then spawns, then pulls
    await page.fill("#username_input", name)
    await page.fill("#password_input", password)
    await page.click("#login_submit")
    await page.wait_for_function(_OPEN, arg=START, timeout=TIMEOUT_MS, polling=250)
    ready_s = time.monotonic() - t0
    # The start page works from the pulled copy: every lesson listed as written, its self-test quiet.
    await page.evaluate("async () => await window.jupyterapp.commands.execute('notebook:run-all-cells')")
    start = await page.evaluate(_ERRORS)
    assert not start["errors"] and start["ran"] == start["code"], f"{name}: the start page in the hub: {start}"
    shown = await page.evaluate("() => window.jupyterapp.shell.currentWidget.content.node.innerText")
    missing = [title for title in TITLES if title not in shown]
    assert "not yet written" not in shown and not missing, f"{name}: the start page's course map lacks {missing}"
    await page.goto(f"{hub_url}/user/{name}/lab/tree/qedn-lessons/notebooks/{LESSON}")
    await page.wait_for_function(_OPEN, arg=LESSON, timeout=TIMEOUT_MS, polling=250)
    t1 = time.monotonic()
    await page.evaluate("async () => await window.jupyterapp.commands.execute('notebook:run-all-cells')")
    run = await page.evaluate(_ERRORS)
    run_s = time.monotonic() - t1
    assert not run["errors"] and run["ran"] == run["code"], f"{name}: lesson 01 in the hub: {run}"
    moved = await _drag_until_changed(page)
    return {"name": name, "page": page, "context": context, "ready_s": ready_s, "run_s": run_s, "moved": moved}


async def _class(link: str, password: str, hub_url: str, hub_pid: int, homes: Path, source: Path) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(servers.CHROMIUM), headless=True, args=servers.CHROMIUM_ARGS
        )
        try:
            results = await asyncio.gather(*(_student(browser, n, link, password, hub_url) for n in STUDENTS))
            memory = _memory(hub_pid)
            for student in results:  # the course was pulled into each student's own home
                assert (homes / student["name"] / "qedn-lessons" / "notebooks" / LESSON).is_file()

            # One student edits an exercise cell of lesson 01 and saves it (outputs and all).
            editor = results[0]
            page, mine = editor["page"], homes / editor["name"] / "qedn-lessons" / "notebooks" / LESSON
            assert await page.evaluate(_EDIT, ["answer = ...", STUDENT_EDIT])
            await page.evaluate("async () => await window.jupyterapp.commands.execute('docmanager:save')")
            deadline = time.monotonic() + 60
            while STUDENT_EDIT not in mine.read_text(encoding="utf-8") and time.monotonic() < deadline:
                await asyncio.sleep(0.25)
            assert STUDENT_EDIT in mine.read_text(encoding="utf-8"), "the student's save did not reach the disk"

            # The teacher commits a fix to the text of the same lesson.
            fixed_line = _teacher_fix(source / "notebooks" / LESSON)
            _git("commit", "-qam", "Lesson 01: a correction in the text", cwd=source)

            # The student clicks the link again: nbgitpuller merges; both must survive.
            t0 = time.monotonic()
            await page.goto(link)
            await page.wait_for_function(_OPEN, arg=START, timeout=TIMEOUT_MS, polling=250)
            again_s = time.monotonic() - t0
        finally:
            await browser.close()
    merged = nbformat.read(mine, as_version=4)  # still a valid notebook
    nbformat.validate(merged)
    sources = "\n".join(cell.source for cell in merged.cells)
    return {
        "results": results,
        "memory": memory,
        "again_s": again_s,
        "merged_sources": sources,
        "fixed_line": fixed_line,
        "log": _git("log", "--oneline", "-5", cwd=mine.parents[1]),
    }


def test_a_class_of_five_on_the_hub(hub_bin, tmp_path):
    problem = servers.chromium_problem()
    if problem:
        unavailable(problem)
    if not PROXY.exists():
        unavailable(f"{PROXY} is missing: run `make hub-deps` (installs configurable-http-proxy from npm into .hub/)")
    run_hub = _load_run_hub()

    source = tmp_path / "source"  # the teacher's repository: a clone of this one, on its own branch
    _git("clone", "-q", str(ROOT), str(source), cwd=tmp_path)
    _git("checkout", "-q", "-b", BRANCH, cwd=source)
    _git("config", "user.email", "teacher@example.org", cwd=source)
    _git("config", "user.name", "Teacher", cwd=source)
    homes, state, log = tmp_path / "homes", tmp_path / "state", tmp_path / "hub.log"
    for name in STUDENTS:  # what a hub admin would preset for a class (see LAB_SETTINGS)
        for setting, value in LAB_SETTINGS.items():
            path = homes / name / ".jupyter" / "lab" / "user-settings" / setting
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))

    port, password = servers.free_port(), f"class-{secrets.token_hex(6)}"
    hub_url = f"http://127.0.0.1:{port}"
    link = run_hub.nbgitpuller_link(hub_url, source.as_uri(), BRANCH)
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    t0 = time.monotonic()
    with open(log, "wb") as out:
        hub = subprocess.Popen(
            [
                str(HUB_BIN / "python"),
                str(ROOT / "scripts" / "run_hub.py"),
                f"--port={port}",
                f"--password={password}",
                f"--repo={source.as_uri()}",
                f"--branch={BRANCH}",
                f"--state={state}",
                f"--homes={homes}",
                "--expose-app",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started: set[int] = set()
    try:
        _wait_for_hub(hub_url, hub, log)
        hub_start_s = time.monotonic() - t0
        printed = log.read_text()
        assert link in printed, f"run_hub.py must print the nbgitpuller link:\n{printed[:2000]}"
        import psutil

        session = None
        try:
            session = asyncio.run(_class(link, password, hub_url, hub.pid, homes, source))
        finally:
            started = {p.pid for p in psutil.Process(hub.pid).children(recursive=True)} if hub.poll() is None else set()
    finally:
        _stop(hub, started)

    results, memory = session["results"], session["memory"]
    ready = [r["ready_s"] for r in results]
    print(f"\nclassroom: hub started in {hub_start_s:.1f} s")
    print(
        f"classroom: link click (login, spawn, pull, JupyterLab) to start notebook ready, {len(results)} students at once: "
        f"median {statistics.median(ready):.1f} s, max {max(ready):.1f} s ({', '.join(f'{s:.1f}' for s in ready)})"
    )
    print(f"classroom: lesson 01 run-all in the hub, 5 at once: median {statistics.median(r['run_s'] for r in results):.1f} s")
    print(f"classroom: second click (running server, merge): {session['again_s']:.1f} s")
    for user, m in sorted(memory.items()):
        kernels = ", ".join(f"{k:.0f}" for k in m["kernels_rss"])
        print(
            f"classroom: {user}: server + kernels RSS {m['rss']:.0f} MiB, USS {m['uss']:.0f} MiB "
            f"(server {m['server_rss']:.0f} MiB; kernels {kernels} MiB: the start page's and lesson 01's, both run)"
        )
    rss = [m["rss"] for m in memory.values()]
    uss = [m["uss"] for m in memory.values()]
    print(
        f"classroom: per student (server + two kernels): RSS mean {statistics.mean(rss):.0f} MiB, max {max(rss):.0f} MiB; "
        f"USS mean {statistics.mean(uss):.0f} MiB"
    )

    assert len(memory) == len(STUDENTS), f"expected {len(STUDENTS)} student servers, found {sorted(memory)}"
    assert all(m["processes"] >= 2 for m in memory.values()), "each student server should run at least one kernel"
    assert all("figure changed" in r["moved"] for r in results)
    assert STUDENT_EDIT in session["merged_sources"], "the student's edit was lost in the merge"
    assert session["fixed_line"] in session["merged_sources"], f"the teacher's fix did not arrive:\n{session['log']}"


def _stop(hub: subprocess.Popen, started: set[int]) -> None:
    """Stop the hub (it stops the students' servers), then anything of ours still running."""
    import psutil

    if hub.poll() is None:
        try:
            os.killpg(hub.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait(timeout=10)
    procs = []
    for pid in started:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue
    _, alive = psutil.wait_procs(procs, timeout=15)
    for proc in alive:  # only processes this test's hub started
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
