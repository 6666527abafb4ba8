"""The package's shared policies: one lesson manifest, scoped style, one rng policy, registries that
refuse duplicates, verdict numbers that follow their arguments."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest

import qedn_lessons
from qedn_lessons import claims, course, manifest, qkd, style
from qedn_lessons._registry import register_unique
from qedn_lessons.widgets.base import Explorer, all_explorers, register_explorer

ROOT = Path(__file__).resolve().parent.parent


# --- the lesson manifest ---------------------------------------------------------------------------


def test_manifest_is_the_source_of_lessons_claims_and_notebooks():
    assert claims.NOTEBOOKS == {lesson.number: lesson.notebook for lesson in manifest.LESSONS}
    assert claims.CLAIMS == tuple(c for lesson in manifest.LESSONS for c in lesson.claims)
    assert course.PLANNED_TITLES == {lesson.number: lesson.title for lesson in manifest.LESSONS}
    assert [e.number for e in course.course_map()] == manifest.lesson_numbers()
    assert manifest.capstone().capstone and manifest.capstone() is manifest.LESSONS[-1]


def test_every_notebook_agrees_with_its_manifest_entry():
    on_disk = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert on_disk == sorted(manifest.notebooks().values()), "a notebook is missing from the manifest, or vice versa"
    for lesson in manifest.LESSONS:
        meta = json.loads((ROOT / "notebooks" / lesson.notebook).read_text(encoding="utf-8"))["metadata"]["qedn"]
        assert meta["lesson"] == lesson.number, lesson.notebook
        assert meta["title"] == lesson.title, f"{lesson.notebook}: title differs from the manifest's"


def test_earlier_lessons_and_their_label():
    earlier = manifest.earlier_lessons(manifest.capstone().number)
    assert [lesson.number for lesson in earlier] == manifest.lesson_numbers()[1:-1]
    assert manifest.lessons_label(earlier) == "lessons 01–08"
    assert manifest.lessons_label([manifest.get_lesson(3)]) == "lesson 03"
    assert manifest.lessons_label([manifest.get_lesson(1), manifest.get_lesson(3)]) == "lessons 01, 03"
    with pytest.raises(ValueError, match="number must be one of"):
        manifest.get_lesson(42)
    with pytest.raises(TypeError, match="number must be an integer"):
        manifest.get_lesson("3")


@pytest.mark.parametrize(
    ("lessons", "message"),
    [
        ((manifest.Lesson(1, "a", "A"), manifest.Lesson(1, "b", "B")), "numbers must be unique"),
        ((manifest.Lesson(1, "a", "A"), manifest.Lesson(2, "a", "B")), "slugs must be unique"),
        ((manifest.Lesson(1, "a", "A", (manifest.Claim("x", "X", 2),)),), "is listed under lesson 1"),
        ((manifest.Lesson(1, "a", "A", capstone=True), manifest.Lesson(2, "b", "B")), "must be the last"),
        (
            (
                manifest.Lesson(1, "a", "A", (manifest.Claim("x", "X", 1),)),
                manifest.Lesson(2, "b", "B", (manifest.Claim("x", "Y", 2),)),
            ),
            "claim ids must be unique",
        ),
    ],
)
def test_a_broken_manifest_is_refused(lessons, message):
    with pytest.raises(ValueError, match=message):
        manifest._check(lessons)


# --- style is scoped -------------------------------------------------------------------------------


def test_new_figure_leaves_the_learners_rcparams_alone():
    with matplotlib.rc_context({"lines.linewidth": 0.7, "axes.grid": False, "font.size": 7.0}):
        before = dict(matplotlib.rcParams)
        fig, ax = style.new_figure()
        assert dict(matplotlib.rcParams) == before
        assert matplotlib.rcParams["axes.grid"] is False
        # …while the figure itself carries the course's style
        (line,) = ax.plot([0, 1], [0, 1])
        assert line.get_color().lower() == style.COLORS[0].lower()
        assert ax.xaxis.label.get_fontsize() == style.RC_PARAMS["axes.labelsize"]
        assert all(g.get_visible() for g in ax.xaxis.get_gridlines())
        assert not ax.spines["top"].get_visible()


def test_only_setup_notebook_sets_the_global_style():
    with matplotlib.rc_context():
        matplotlib.rcParams["lines.linewidth"] = 0.7
        qedn_lessons.setup_notebook()
        assert matplotlib.rcParams["lines.linewidth"] == style.RC_PARAMS["lines.linewidth"]
    package = ROOT / "qedn_lessons"
    mutators = [
        p.relative_to(ROOT).as_posix()
        for p in package.rglob("*.py")
        if re.search(r"rcParams(\.update|\[[^\]]+\]\s*=)|\bapply_style\(\)", p.read_text(encoding="utf-8"))
    ]
    assert mutators == ["qedn_lessons/notebook.py", "qedn_lessons/style.py"], mutators


# --- one rng policy --------------------------------------------------------------------------------


def test_no_function_draws_from_an_unseeded_generator():
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "qedn_lessons").rglob("*.py")
        if re.search(r"default_rng\(\s*\)|np\.random\.(rand|randn|random|choice|normal|seed)\(", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_simulate_bb84_refuses_to_run_without_an_rng_like_its_siblings():
    from qedn_lessons import measurement, protection

    with pytest.raises(TypeError, match=r"rng must be a numpy\.random\.Generator"):
        qkd.simulate_bb84(100)
    with pytest.raises(TypeError, match=r"rng must be a numpy\.random\.Generator"):
        measurement.sample_outcomes(np.eye(2) / 2, np.diag([1.0, -1.0]), 10, rng=None)
    with pytest.raises(TypeError, match=r"rng must be a numpy\.random\.Generator"):
        protection.simulate_repetition_code(3, 0.1, n_trials=10, rng=None)
    a = qkd.simulate_bb84(2000, eavesdrop_fraction=0.5, rng=np.random.default_rng(4))
    b = qkd.simulate_bb84(2000, eavesdrop_fraction=0.5, rng=np.random.default_rng(4))
    assert a == b


# --- registries refuse duplicates ------------------------------------------------------------------


def test_register_unique_refuses_a_second_object_but_not_the_same_one():
    registry: dict[str, object] = {}
    first, second = object(), object()
    assert register_unique(registry, "k", first, what="thing") is first
    assert register_unique(registry, "k", first, what="thing") is first
    with pytest.raises(ValueError, match="thing 'k' is registered twice"):
        register_unique(registry, "k", second, what="thing")
    assert registry == {"k": first}


def test_evidence_for_refuses_a_second_function_for_a_claim():
    claims.ledger()  # imports every verdict module
    original = claims._EVIDENCE["coherent-transport"]
    with pytest.raises(ValueError, match="registered twice"):
        claims.evidence_for("coherent-transport")(lambda: claims.Verdict("supported", ""))
    assert claims._EVIDENCE["coherent-transport"] is original


def test_explorers_are_keyed_by_module_and_name_and_refuse_duplicates():
    explorers = all_explorers()
    assert explorers and all(isinstance(cls, type) and issubclass(cls, Explorer) for cls in explorers.values())
    for key, cls in explorers.items():
        assert key == f"{cls.__module__}.{cls.__qualname__}"
    key, cls = next(iter(explorers.items()))
    impostor = type(cls.__name__, (cls,), {"__module__": cls.__module__, "__qualname__": cls.__qualname__})
    with pytest.raises(ValueError, match=r"explorer .* is registered twice"):
        register_explorer(impostor)
    assert all_explorers()[key] is cls


# --- verdict numbers follow their arguments --------------------------------------------------------


def test_verdict_numbers_take_parameters_and_cache_per_argument_set():
    from qedn_lessons.verdicts import lesson03, lesson07, lesson09

    default = lesson03.distance_numbers()
    assert lesson03.distance_numbers() is default  # cached
    assert lesson03.distance_numbers(spacing_nm=lesson03.SPACING_NM) is default  # same key as the defaults
    wider = lesson03.distance_numbers(spacing_nm=2 * lesson03.SPACING_NM)
    # a front at 2J sites per unit time crosses half as many sites of twice the spacing: half the time
    assert wider["km_time_ps"] == pytest.approx(default["km_time_ps"] / 2, rel=1e-12)
    assert lesson03.km_sites() == lesson03.KM_SITES
    with pytest.raises(ValueError, match="spacing_nm"):
        lesson03.distance_numbers(spacing_nm=-1.0)

    fmo = lesson03.fmo_numbers()
    assert fmo["eta0"] == pytest.approx(0.8226, abs=1e-4)  # docs/PHYSICS.md §3
    slower = lesson03.fmo_numbers(trap_rate_per_ps=0.5)
    assert slower["eta0"] != pytest.approx(fmo["eta0"], abs=1e-3)

    assert lesson07.zeno_chain_numbers() is lesson07.zeno_chain_numbers()
    gentle = lesson07.zeno_chain_numbers(watched_rate_per_ps=1e-3)
    assert gentle["watched"] == pytest.approx(gentle["unwatched"], abs=1e-2)

    lossy = lesson09.loss_numbers(attenuation_db_per_km=0.4)
    assert lossy["fiber_loss_ref"] == pytest.approx(1 - 10 ** (-0.4 * lesson09.REFERENCE_KM / 10), rel=1e-12)
    assert lossy["fiber_loss_ref"] > lesson09.loss_numbers()["fiber_loss_ref"]


# --- folded duplicates -----------------------------------------------------------------------------


def test_the_two_purification_costs_have_distinct_names_and_one_implementation():
    from qedn_lessons import networks, protection

    assert protection.purification_cost is protection.bbpssw_purification_cost  # the old name still works
    for fidelity, rounds in ((0.8, 0), (0.8, 1), (0.7, 3), (0.95, 5)):
        assert protection.bbpssw_purification_cost(fidelity, rounds) == networks.purification_cost(fidelity, rounds, "bbpssw")
    # docs/PHYSICS.md §5: one BBPSSW round from F = 0.8 gives 0.838150 at success 0.768889
    f, pairs = protection.bbpssw_purification_cost(0.8, 1)
    assert f == pytest.approx(0.838150, abs=1e-6) and pairs == pytest.approx(2 / 0.768889, rel=1e-6)
    # networks' default is DEJMPS, which differs after two rounds: hence the distinct names
    assert networks.purification_cost(0.8, 2)[0] != pytest.approx(protection.bbpssw_purification_cost(0.8, 2)[0], abs=1e-6)


def test_fibre_loss_has_one_formula():
    from qedn_lessons import grid, networks, units

    assert grid.fiber_loss_fraction is networks.fiber_loss_fraction
    for length_km, alpha in ((0.0, 0.2), (1e-9, 0.2), (10.0, 0.2), (100.0, 0.17), (1000.0, 0.2)):
        eta = networks.fiber_transmissivity(length_km, alpha)
        assert eta == 10 ** (-alpha * length_km / 10)
        assert networks.fiber_loss_fraction(length_km, alpha) == pytest.approx(1 - eta, abs=1e-15)  # 1 − η: digits lost
    # tiny losses keep their digits (1 − η would cancel): 1 m at 0.2 dB/km
    assert networks.fiber_loss_fraction(1e-3, 0.2) == pytest.approx(0.2e-3 * math.log(10) / 10, rel=1e-4)
    lengths = np.array([0.0, 50.0, 100.0])
    assert np.array_equal(units.db_to_transmissivity(0.2 * lengths), 10.0 ** (-0.2 * lengths / 10.0))
    assert np.allclose(units.db_to_loss_fraction(0.2 * lengths), 1 - 10.0 ** (-0.2 * lengths / 10.0))
    with pytest.raises(ValueError, match="loss_db must be ≥ 0"):
        units.db_to_transmissivity(np.array([1.0, -1.0]))
    scenario = grid.neighbourhood_scenario(10, 10_715.0, 50.0)
    assert scenario.fiber_loss_fraction == pytest.approx(networks.fiber_loss_fraction(50.0), rel=1e-12)
    assert scenario.fibres_needed == scenario.fibers_needed  # British spelling kept as an alias


def test_one_spelling_in_the_api():
    import inspect

    from qedn_lessons import batteries, coherence, entanglement, grid, measurement, networks, protection, qkd, transport

    modules = (batteries, coherence, entanglement, grid, measurement, networks, protection, qkd, transport)
    british = {f"{m.__name__}.{n}" for m in modules for n in getattr(m, "__all__", dir(m)) if "fibre" in n.lower()}
    assert british == {"qedn_lessons.networks.FIBRE_GROUP_INDEX"}, british
    assert networks.FIBRE_GROUP_INDEX == networks.FIBER_GROUP_INDEX
    assert not [n for m in modules for n, _ in inspect.getmembers(m, inspect.isfunction) if "fibre" in n]


# --- transport is a package with the same API --------------------------------------------------------

#: Every name the single module ``qedn_lessons/transport.py`` defined in release 0.1.0.
TRANSPORT_NAMES_0_1 = (
    "DEEP_ZENO_MAX_SITES",
    "DEEP_ZENO_RATIO",
    "FMO_SHIFT_CM",
    "MAX_SITES",
    "MAX_SITES_DYNAMICS",
    "MAX_TIMES",
    "MAX_WALK_SITES",
    "NETWORKS",
    "Spreading",
    "TransportCurves",
    "_FMO_CM",
    "_Model",
    "_Spectrum",
    "_check_dephasing",
    "_check_model",
    "_check_rng",
    "_check_times",
    "_check_walk",
    "_clip",
    "_deep_zeno",
    "_efficiency_liouvillian",
    "_efficiency_spectral",
    "_integrated_populations",
    "_liouvillian",
    "_onsite",
    "_populations_liouvillian",
    "_populations_pure",
    "_short",
    "_tridiagonal",
    "arrival_probability",
    "arrival_vs_length",
    "ballistic_crossing_time_ps",
    "best_arrival",
    "chain_hamiltonian",
    "classical_walk_probabilities",
    "efficiency_curve",
    "example_network",
    "exciton_energies_cm",
    "first_arrival",
    "fmo_hamiltonian",
    "localisation_length",
    "mean_square_displacement",
    "pst_couplings",
    "pst_hamiltonian",
    "quantum_walk_probabilities",
    "ring_hamiltonian",
    "site_populations",
    "transport_efficiency",
    "walk_spreading",
)


def test_transport_package_keeps_every_name_of_the_former_module():
    from qedn_lessons import transport
    from qedn_lessons.transport import builders, engine, walks

    missing = [name for name in TRANSPORT_NAMES_0_1 if not hasattr(transport, name)]
    assert missing == []
    for name in TRANSPORT_NAMES_0_1:  # the package re-exports the very objects the modules define
        owners = [m for m in (builders, engine, walks) if name in vars(m) and getattr(m, name) is getattr(transport, name)]
        assert owners, name
    assert sorted(transport.__all__) == sorted(
        set(builders.__all__ + engine.__all__ + walks.__all__) - {"DEEP_ZENO_MAX_SITES", "DEEP_ZENO_RATIO", "MAX_TIMES"}
    )
    # the three layers depend one way: builders ← engine, builders ← walks
    assert "engine" not in (ROOT / "qedn_lessons" / "transport" / "builders.py").read_text(encoding="utf-8").split('"""', 2)[2]
