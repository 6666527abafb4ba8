"""What every figure shows: the generic checks of qedn_lessons.figure_checks on every registered
explorer (defaults, presets, seeded random moves) and proof that the checks catch the bugs they are
for. Static figures are checked where the notebooks run: ``show()`` runs the same checks under nbval
(root conftest.py sets QEDN_FIGURE_CHECKS=strict), so a bad static figure fails its cell."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qedn_lessons import figure_checks as fc
from qedn_lessons.style import new_figure, show
from qedn_lessons.widgets.base import all_explorers, random_value

EXPLORERS = all_explorers()
BY_NAME = {cls.__name__: cls for cls in EXPLORERS.values()}
#: Where the explorers' figures at defaults and presets are saved for ``scripts/gallery.py`` (so
#: ``make test`` builds the gallery without rendering them twice).
SAVED = Path(__file__).resolve().parents[1] / "test-artifacts" / "explorer-figures"


def _save(name: str, setting: str, explorer, problems: list[str]) -> None:
    SAVED.mkdir(parents=True, exist_ok=True)
    slug = fc.figure_slug(name, setting)
    (SAVED / f"{slug}.png").write_bytes(explorer.image.value)
    record = {
        "explorer": name,
        "setting": setting,
        "png": f"{slug}.png",
        "caption": explorer.alt_text,
        "problems": problems,
        "disabled": dict(explorer.inactive),
    }
    (SAVED / f"{slug}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _report(where: str, problems: list[str]) -> str:
    return f"{where}:\n  " + "\n  ".join(problems)


def _move(explorer, name: str, rng: np.random.Generator) -> bool:
    """Set control ``name`` to a random different value; False when it has only one value."""
    control = explorer.controls[name]
    for _ in range(20):
        value = random_value(control, rng)
        if value != control.value:
            control.value = value
            return True
    return False


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_explorer_figures_pass_the_checks(name):
    """Defaults, every preset and after a seeded random move of each control: every figure passes every
    check, and every move of a control left enabled changes the figure."""
    cls = EXPLORERS[name]
    failures = []
    explorer = cls()
    problems = fc.check_figure(explorer.fig)
    _save(name, "defaults", explorer, problems)
    if problems:
        failures.append(_report(f"{name} at defaults", problems))
    for preset, values in cls.presets.items():
        assert set(values) <= set(explorer.controls), f"{name} preset {preset!r} names unknown controls"
        at_preset = cls(**values)
        problems = fc.check_figure(at_preset.fig)
        _save(name, preset, at_preset, problems)
        if problems:
            failures.append(_report(f"{name} preset {preset!r}", problems))
    rng = np.random.default_rng(8)
    for control in explorer.controls:
        disabled = explorer.controls[control].disabled
        before, settings = explorer.image.value, dict(explorer.values())
        if not _move(explorer, control, rng):
            continue
        if not disabled and explorer.image.value == before:
            failures.append(
                f"{name}: moving '{control}' to {explorer.controls[control].value!r} from {settings} left the "
                "figure pixel-identical, but the control is enabled (disable it and say why)"
            )
    # one full check after the moves (a check costs a full draw; the pixels were compared at every move)
    if problems := fc.check_figure(explorer.fig):
        failures.append(_report(f"{name} after seeded random moves (settings {explorer.values()})", problems))
    assert not failures, "\n".join(failures)


def test_every_explorer_has_presets_that_exist():
    for name, cls in EXPLORERS.items():
        assert 1 <= len(cls.presets) <= 3, f"{name} should name 1–3 telling settings in presets"


def test_inactive_control_is_disabled_with_its_reason_and_enabled_again():
    explorer = BY_NAME["TransportExplorer"](network="FMO")
    sites = explorer.controls["n_sites"]
    assert sites.disabled and "7 sites" in sites.tooltip
    assert "Sites is off" in explorer.caption.value
    explorer.controls["network"].value = "chain"
    assert not sites.disabled and not sites.tooltip


def test_apply_preset_sets_the_controls_and_refuses_an_unknown_name():
    explorer = BY_NAME["SuddenDeathExplorer"]()
    name, values = next(iter(type(explorer).presets.items()))
    explorer.apply_preset(name)
    assert explorer.values() | values == explorer.values()
    with pytest.raises(ValueError, match="preset"):
        explorer.apply_preset("no such preset")


# --- the checks catch what they are for -------------------------------------------------------------


def _frozen_axes_figure():
    """The lesson-03 bug: lines created all-NaN, filled later, limits never set."""
    fig, ax = new_figure()
    times = np.linspace(0.0, 3.0, 121)
    (line,) = ax.plot(times, np.full_like(times, np.nan), label="population")
    ax.legend(loc="upper right")
    fig.canvas.draw()
    line.set_ydata(np.exp(-times))
    return fig


def test_checks_catch_a_frozen_axes_figure():
    problems = fc.series_in_view(_frozen_axes_figure())
    assert problems and "only" in problems[0] and "population" in problems[0]
    assert fc.check_figure(_frozen_axes_figure())


def test_checks_pass_a_good_figure_and_accept_a_noted_clip():
    fig, ax = new_figure()
    x = np.linspace(0, 1, 50)
    ax.plot(x, x, label="rising", linestyle="-")
    ax.plot(x, 1 - x, label="falling", linestyle="--")
    ax.set(xlabel="x", ylabel="y", title="good", ylim=(-0.1, 1.6))
    ax.legend(loc="upper center", ncols=2)
    assert fc.check_figure(fig) == []
    ax.plot(x, x + 10, label="far away", linestyle=":")
    assert any("far away" in p for p in fc.series_in_view(fig))
    ax.text(0.5, 0.5, "▼ off scale", transform=ax.transAxes)
    assert not fc.series_in_view(fig)


@pytest.mark.filterwarnings("ignore:constrained_layout not applied")
def test_checks_catch_legend_on_data_colour_only_legend_overlaps_and_text_outside():
    fig, ax = new_figure()
    x = np.linspace(0, 1, 50)
    ax.plot(x, np.full_like(x, 0.9), color="C0", linestyle="-", label="a")
    ax.plot(x, np.full_like(x, 0.1), color="C1", linestyle="-", label="b")
    ax.axhline(0.5, color="k", linestyle=":", label="threshold")
    ax.set_ylim(0, 1)
    ax.legend(loc="center")
    assert any("threshold" in p for p in fc.legends_clear_of_data(fig))
    assert any("'a' and 'b'" in p and "colour alone" in p for p in fc.legend_styles_distinct(fig))
    ax.text(0.5, 0.52, "a long annotation right on the legend", transform=ax.transAxes, ha="center")
    assert any("legend" in p and "overlaps" in p for p in fc.texts_do_not_overlap(fig))
    ax.set_ylabel("y", labelpad=2000)
    assert any("y label" in p for p in fc.texts_inside_figure(fig))
    with pytest.raises(TypeError, match="fig"):
        fc.check_figure("not a figure")


def test_checks_flag_a_legend_entry_with_nothing_drawn():
    fig, ax = new_figure()
    ax.plot([0, 1], [0, 1], label="drawn")
    ax.plot([0, 1], [np.nan, np.nan], linestyle="--", label="not drawn")
    ax.legend()
    assert any("not drawn" in p for p in fc.series_in_view(fig))


# --- show(): literal captions, collected and checked figures ---------------------------------------


def test_show_caption_renders_literally_and_collects_the_figure(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    monkeypatch.setenv("QEDN_FIGURE_DIR", str(tmp_path))
    monkeypatch.setenv("QEDN_NOTEBOOK", "99_test")
    monkeypatch.delenv("QEDN_FIGURE_CHECKS", raising=False)
    fig, ax = new_figure()
    ax.plot([0, 1], [0, 1], label="line")
    ax.legend(loc="lower right")
    show(fig, alt="T2* = 2.83 µs and a <tag> with *stars* and _under_")
    html_caption = shown[-1]["text/html"]
    assert "T2* = 2.83 µs" in html_caption and "&lt;tag&gt;" in html_caption and "<em>" not in html_caption
    records = [json.loads(line) for line in (tmp_path / "99_test.jsonl").read_text().splitlines()]
    assert records[-1]["caption"].startswith("T2*") and (tmp_path / records[-1]["png"]).stat().st_size > 1000
    monkeypatch.setenv("QEDN_FIGURE_CHECKS", "strict")
    with pytest.raises(AssertionError, match="figure checks"):
        show(_frozen_axes_figure(), alt="a frozen-axes figure")


def test_gallery_page_shows_an_explorer_with_its_caption(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("gallery", Path(__file__).resolve().parents[1] / "scripts" / "gallery.py")
    gallery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gallery)
    assert gallery.main(["--only", "SuddenDeathExplorer", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    cls = BY_NAME["SuddenDeathExplorer"]
    assert page.count("<img ") == 1 + len(cls.presets) and "04_entanglement" in page
    assert "concurrence starts at" in page and "with a finding" in page
    assert all((tmp_path / name).stat().st_size > 1000 for name in (p.name for p in tmp_path.glob("*.png")))
