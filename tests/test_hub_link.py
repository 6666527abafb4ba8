"""The nbgitpuller link `make hub` prints (scripts/run_hub.py): encoded, complete, arguments checked."""

import importlib.util
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_hub():
    spec = importlib.util.spec_from_file_location("run_hub", ROOT / "scripts" / "run_hub.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_link_pulls_the_repository_and_opens_the_start_notebook():
    run_hub = _run_hub()
    link = run_hub.nbgitpuller_link("https://hub.example.org/", "https://github.com/x/qedn-lessons", "main")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {
        "repo": "https://github.com/x/qedn-lessons",
        "branch": "main",
        "targetpath": "qedn-lessons",
        "urlpath": "lab/tree/qedn-lessons/notebooks/00_start_here.ipynb",
    }
    assert "%2F" in parts.query and " " not in link  # the repository URL is encoded
    assert (ROOT / run_hub.START_NOTEBOOK).is_file()


@pytest.mark.parametrize("args", [("hub.example.org", "r", "main"), ("https://h", "", "main"), ("https://h", "r", " ")])
def test_link_rejects_bad_arguments(args):
    with pytest.raises(ValueError):
        _run_hub().nbgitpuller_link(*args)


def test_lab_overrides_are_merged_not_clobbered(tmp_path):
    run_hub = _run_hub()
    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}')
    run_hub.write_lab_overrides(tmp_path)
    import json

    written = json.loads(path.read_text())
    assert written["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert written["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
