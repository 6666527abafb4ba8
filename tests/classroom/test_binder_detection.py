"""repo2docker (what Binder and the Kubernetes image build run) picks up binder/ (issue 11, item 6).

``jupyter-repo2docker --no-build`` needs no Docker daemon: it detects the buildpack and prints the
Dockerfile it would build, which must install binder/requirements.txt, run binder/postBuild and use
binder/start as the entrypoint, on the Python of binder/runtime.txt.
"""

import subprocess

from classroom_env import ROOT, hub_env


def test_repo2docker_detects_requirements_postbuild_and_start(hub_bin):
    done = subprocess.run(
        [str(hub_bin / "jupyter-repo2docker"), "--no-build", "--no-run", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        env=hub_env(),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    dockerfile = done.stdout + done.stderr
    python = (ROOT / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    print(f"\nrepo2docker: {next(line for line in dockerfile.splitlines() if 'environment for python' in line)}")
    assert f"python={python}" in dockerfile
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in dockerfile
    assert "./binder/postBuild" in dockerfile
    assert 'R2D_ENTRYPOINT="${REPO_DIR}/binder/start"' in dockerfile


def test_the_hub_image_recipe_appends_nbgitpuller(hub_bin):
    """The Kubernetes image of docs/instructors/running_a_class.md: binder/ plus nbgitpuller."""
    appendix = "RUN python -m pip install --no-cache-dir nbgitpuller==1.3.0"
    done = subprocess.run(
        [
            str(hub_bin / "jupyter-repo2docker"),
            "--no-build",
            "--no-run",
            "--debug",
            "--user-id",
            "1000",
            "--user-name",
            "jovyan",
            "--appendix",
            appendix,
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=hub_env(),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    dockerfile = done.stdout + done.stderr
    assert dockerfile.index("./binder/postBuild") < dockerfile.index(appendix)
    guide = (ROOT / "docs" / "instructors" / "running_a_class.md").read_text(encoding="utf-8")
    assert f"--appendix '{appendix}'" in guide, "the guide's image command must be the one tested here"
