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
    print(f"installed beian-policy {bp.__version__} (data {bp.DATA_VERSION}) works from {package}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
