"""The course's own JupyterLab settings (issue 10, item 6): no Jupyter news prompt, no update check,
Markdown (the glossary) opens rendered. ``make course`` and Binder's postBuild install the same file
where JupyterLab reads its overrides ({sys.prefix}/share/jupyter/lab/settings/overrides.json)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "binder" / "overrides.json"


def test_overrides_turn_off_news_and_open_markdown_rendered():
    settings = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    notification = settings["@jupyterlab/apputils-extension:notification"]
    # JupyterLab 4's schema: fetchNews is the *string* "true" / "false" / "none" ("none" asks the user)
    assert notification["fetchNews"] == "false"
    assert notification["checkForUpdates"] is False
    assert settings["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"] == {"markdown": "Markdown Preview"}


def test_make_course_and_binder_install_the_overrides():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = makefile[makefile.index("$(VENV)/.stamp-course:") : makefile.index("$(VENV)/.stamp-test:")]
    assert "binder/overrides.json" in rule.splitlines()[0], "the stamp must depend on the settings file"
    assert "cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json" in rule
    post_build = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "share/jupyter/lab/settings" in post_build and "cp binder/overrides.json" in post_build


def test_settings_match_the_installed_jupyterlab_schema():
    """The keys exist in the JupyterLab that requirements.txt installs (a renamed setting would be ignored)."""
    import sys

    schemas = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas" / "@jupyterlab"
    notification = json.loads((schemas / "apputils-extension" / "notification.json").read_text(encoding="utf-8"))
    assert {"fetchNews", "checkForUpdates"} <= set(notification["properties"])
    assert "false" in {o["const"] for o in notification["properties"]["fetchNews"]["oneOf"]}
    docmanager = json.loads((schemas / "docmanager-extension" / "plugin.json").read_text(encoding="utf-8"))
    assert "defaultViewers" in docmanager["properties"]
