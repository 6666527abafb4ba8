"""The README promises what the project delivers: its course map is generated and current."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_course_map_is_current():
    update_readme = _load("update_readme")
    text = update_readme.README.read_text(encoding="utf-8")
    assert update_readme.rendered(text) == text, "README course map is stale: run `make readme`"


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make course" in text and "make test" in text
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "mybinder.org" in text and "nbgitpuller" in text
