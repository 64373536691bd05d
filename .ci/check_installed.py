"""The installed package, checked outside the repository (run by .ci/run with the
fresh environment's python, from an empty folder): answers come from the packaged
data, the types and the schema ship, and the console script works.

``python check_installed.py VENV_DIR``
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path


def main(venv: Path) -> int:
    import beian_policy as bp
    from beian_policy._data._location import data_file

    package = Path(bp.__file__).resolve().parent
    assert venv.resolve() in package.parents, f"imported from {package}, not from {venv}"
    data = Path(str(data_file())).resolve()
    assert data == package / "data" / "provinces.toml", f"data read from {data}"
    # 辽宁 wants a company's name change filed before a transfer (Tencent's 辽宁 page).
    assert bp.can_transfer_directly("辽宁", ["subject_name"], subject_kind="organisation") is False
    assert bp.resolve_province("Guangdong").code == "CN-GD"
    assert bp.parse_icp_number("京ICP备10046444号-9").province.code == "CN-BJ"
    assert bp.validate_policy(data).ok
    assert (package / "py.typed").is_file(), "py.typed is missing"
    schema = json.loads((package / "provinces.schema.json").read_text(encoding="utf-8"))
    assert schema == bp.json_schema(), "the shipped schema differs from json_schema()"
    files = [str(f) for f in metadata.files("beian-policy") or ()]
    stray = [f for f in files if f.startswith("tests") or "/tests/" in f]
    assert not stray, f"tests installed: {stray[:5]}"
    command = venv / ("Scripts" if sys.platform == "win32" else "bin") / "beian-policy"
    result = subprocess.run(
        [str(command), "check", "辽宁", "-c", "subject_name", "--subject-kind", "organisation", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["direct"] is False
    version = subprocess.run([str(command), "version"], capture_output=True, text=True, check=True)
    assert bp.DATA_VERSION in version.stdout, version.stdout
    check_compiled_policy(package)
    print(f"installed beian-policy {bp.__version__} (data {bp.DATA_VERSION}) works from {package}")
    return 0


FIRST_ANSWER = """
import sys
import beian_policy as bp
assert bp.can_transfer_directly("辽宁", ["subject_name"], subject_kind="organisation") is False
print(sorted(m for m in sys.modules if m in ("cattrs", "tomllib", "beian_policy._data._build")))
"""


def first_answer_loads() -> str:
    """What a new process loaded to give its first answer (the TOML machinery or not)."""
    result = subprocess.run([sys.executable, "-I", "-c", FIRST_ANSWER], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def check_compiled_policy(package: Path) -> None:
    """The wheel ships the policy compiled, a new process uses it (neither the TOML
    parser nor the builder nor cattrs loads), and a damaged compiled file is not
    used: the answer comes from the TOML, which is compiled again."""
    from beian_policy._data import _compiled

    compiled = package / "data" / "provinces.pickle"
    assert compiled.is_file(), "the wheel has no compiled policy"
    assert first_answer_loads() == "[]", "the compiled policy was not used"
    good = compiled.read_bytes()
    compiled.write_bytes(good[:-100] + bytes(100))  # damaged: its payload hash no longer matches
    assert _compiled.load_compiled((package / "data" / "provinces.toml").read_bytes(), "x") is None
    assert first_answer_loads() != "[]", "a damaged compiled policy was used"
    toml = (package / "data" / "provinces.toml").read_bytes()
    assert _compiled.load_compiled(toml, "x") is not None, "the compiled policy was not made again"
    assert first_answer_loads() == "[]"


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
