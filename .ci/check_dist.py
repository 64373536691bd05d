"""What the sdist and the wheel hold: what must ship, and nothing stray.

Run by .ci/run on the archives ``python -m build`` made: ``python3 check_dist.py DIST_DIR``.
"""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from pathlib import Path

# Never in either archive: caches, compiled files, environments, VCS and editor litter.
STRAY = re.compile(
    r"(^|/)(__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.hypothesis|\.venv|\.git)(/|$)"
    r"|\.py[co]$|~$|\.swp$"
)


def wheel_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def sdist_names(path: Path) -> list[str]:
    with tarfile.open(path) as archive:
        # Drop the top folder (beian_policy-X.Y.Z/).
        return [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]


def check_wheel(names: list[str]) -> list[str]:
    problems = [f"stray file in the wheel: {n}" for n in names if STRAY.search(n)]
    for needed in (
        "beian_policy/__init__.py",
        "beian_policy/py.typed",
        "beian_policy/provinces.schema.json",
        "beian_policy/data/provinces.toml",
        "beian_policy/data/provinces.pickle",  # compiled by the build hook (hatch_build.py)
        "beian_policy/_data/_loader.py",
        "beian_policy/_cli/__init__.py",
    ):
        if needed not in names:
            problems.append(f"the wheel lacks {needed}")
    for name in names:
        top = name.split("/", 1)[0]
        if top != "beian_policy" and not top.endswith(".dist-info"):
            problems.append(f"the wheel installs outside the package: {name}")
    entry_points = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    if not entry_points:
        problems.append("the wheel declares no entry points (the beian-policy command)")
    return problems


def check_sdist(names: list[str]) -> list[str]:
    problems = [f"stray file in the sdist: {n}" for n in names if STRAY.search(n)]
    # The compiled policy is made by the wheel's build, never shipped as a source.
    problems += [f"compiled policy in the sdist: {n}" for n in names if n.endswith(".pickle")]
    for needed in (
        "pyproject.toml",
        "hatch_build.py",
        "README.md",
        "data/provinces.toml",
        "src/beian_policy/py.typed",
    ):
        if needed not in names:
            problems.append(f"the sdist lacks {needed}")
    return problems


def main(dist: Path) -> int:
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    problems = check_wheel(wheel_names(wheel)) + check_sdist(sdist_names(sdist))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{wheel.name}: {len(wheel_names(wheel))} files; {sdist.name}: {len(sdist_names(sdist))} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
