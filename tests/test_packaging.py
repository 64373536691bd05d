"""The wheel carries what an installed package needs: the data, the markers, the
entry points. (CI also installs the wheel in a fresh environment outside the repo.)"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    builders = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("dist")
    (path,) = list(builders.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))
    return zipfile.ZipFile(path)


def test_wheel_ships_the_data_file_unchanged(wheel: zipfile.ZipFile) -> None:
    shipped = wheel.read("beian_policy/data/provinces.toml")
    assert shipped == (ROOT / "data" / "provinces.toml").read_bytes()


def test_wheel_ships_the_policy_compiled_for_its_data_and_code(
    wheel: zipfile.ZipFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from beian_policy._data import _compiled

    compiled = tmp_path / "provinces.pickle"
    compiled.write_bytes(wheel.read("beian_policy/data/provinces.pickle"))
    monkeypatch.setattr(_compiled, "compiled_file", lambda: compiled)
    toml = wheel.read("beian_policy/data/provinces.toml")
    policy = _compiled.load_compiled(toml, "wheel")
    assert policy is not None
    assert policy.data_version == tomllib.loads(toml.decode())["data_version"]
    # The wheel's own file, not the one a checkout writes on first use.
    names = wheel.namelist()
    assert names.count("beian_policy/data/provinces.pickle") == 1


def test_wheel_is_typed_and_has_no_tests(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    assert "beian_policy/py.typed" in names
    assert "beian_policy/provinces.schema.json" in names
    assert not any(name.startswith("tests/") for name in names)


def test_wheel_declares_the_console_script_and_hypothesis_hook(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "beian-policy = beian_policy._cli:main" in text
    assert "[hypothesis]" in text


def test_runtime_dependencies_are_the_design_card() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = sorted(dep.split(">")[0].split(";")[0].strip() for dep in project["dependencies"])
    assert names == ["attrs", "cattrs", "tomli"]
    assert "python_version < '3.11'" in next(d for d in project["dependencies"] if d.startswith("tomli"))
