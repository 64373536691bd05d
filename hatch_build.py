"""Hatch build hook: the wheel ships the policy compiled (``beian_policy/data/provinces.pickle``).

The compiled form is made here, at build time, from the data file and the model code
being packaged (in a child process that imports the package from ``src/``), and is
never committed. ``beian_policy/_data/_compiled.py`` says what it holds and when it
is trusted; a wheel built without it still works, loading the TOML.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_COMPILE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from beian_policy._data._compiled import save_compiled
from beian_policy._data._loader import loads_policy
raw = Path(sys.argv[2]).read_bytes()
if not save_compiled(loads_policy(raw, origin=sys.argv[2]), raw, Path(sys.argv[3])):
    sys.exit("could not write the compiled policy to " + sys.argv[3])
"""


class CompiledPolicyHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "compiled-policy"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        self._folder = Path(tempfile.mkdtemp(prefix="beian-policy-build-"))
        compiled = self._folder / "provinces.pickle"
        subprocess.run(
            [
                sys.executable,
                "-c",
                _COMPILE,
                str(root / "src"),
                str(root / "data" / "provinces.toml"),
                str(compiled),
            ],
            check=True,
            # Sets and frozensets pickle in hash order: a fixed seed makes the wheel reproducible.
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        build_data["force_include"][str(compiled)] = "beian_policy/data/provinces.pickle"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
