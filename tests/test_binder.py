"""Binder is reproducible: binder/requirements.txt pins exactly the tested lock (issue 11, item 6).

repo2docker's detection of binder/ (requirements, postBuild, start) is checked in
tests/classroom/test_binder_detection.py, with jupyter-repo2docker from the classroom environment.
"""

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _requirements(path: Path) -> dict[str, Requirement]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            name = canonicalize_name(requirement.name)
            assert name not in found, f"{path.name}: {name} listed twice"
            found[name] = requirement
    return found


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for name, requirement in _requirements(path).items():
        specs = list(requirement.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", f"{path.name}: {requirement} is not an exact pin"
        pins[name] = specs[0].version
    return pins


def test_binder_pins_exactly_the_lock():
    binder, lock = _pins(ROOT / "binder" / "requirements.txt"), _pins(ROOT / "requirements-lock.txt")
    assert binder == lock, (
        f"binder/requirements.txt differs from requirements-lock.txt: only in binder {sorted(set(binder) - set(lock))}, "
        f"only in the lock {sorted(set(lock) - set(binder))}, "
        f"other versions {sorted(n for n in set(binder) & set(lock) if binder[n] != lock[n])}"
    )


def test_the_lock_covers_the_runtime_requirements_and_python():
    lock, ranges = _pins(ROOT / "requirements-lock.txt"), _requirements(ROOT / "requirements.txt")
    for name, requirement in ranges.items():
        assert name in lock, f"{name} (requirements.txt) is not pinned in the lock"
        assert requirement.specifier.contains(lock[name]), f"the lock's {name}=={lock[name]} is outside {requirement}"
    tested = re.search(r"Python (\d+\.\d+)", (ROOT / "requirements-lock.txt").read_text())
    assert tested, "requirements-lock.txt must say which Python it was tested with"
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == f"python-{tested.group(1)}"


def test_requirements_txt_keeps_ranges_for_local_installs():
    for _name, requirement in _requirements(ROOT / "requirements.txt").items():
        operators = {spec.operator for spec in requirement.specifier}
        assert "==" not in operators and {">=", "<"} <= operators, f"requirements.txt: {requirement} should be a range (>=, <)"
