"""The README's examples are executed, and its quick start is the one CI runs."""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def test_readme_examples() -> None:
    result = doctest.testfile(
        str(README),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 20
    assert result.failed == 0


def test_quick_start_has_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert "beian-policy check" in commands[0]
    assert "pytest" in commands[1]
    # CI runs the README's test command.
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in ci


def _console_examples() -> list[tuple[str, str]]:
    """(command line, expected output) pairs from the README's ``console`` blocks."""
    text = README.read_text(encoding="utf-8")
    pairs: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    pairs.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            pairs.append((command, "\n".join(output)))
    return pairs


CONSOLE_EXAMPLES = _console_examples()


def test_readme_has_console_examples() -> None:
    assert len(CONSOLE_EXAMPLES) >= 5


@pytest.mark.parametrize(("command", "expected"), CONSOLE_EXAMPLES, ids=[c for c, _ in CONSOLE_EXAMPLES])
def test_readme_console_example(command: str, expected: str) -> None:
    script = shutil.which("beian-policy", path=str(Path(sys.executable).parent))
    assert script is not None, "the beian-policy console script is not installed"
    env = {**os.environ, "PATH": f"{Path(script).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("LC_ALL", None)
    env["LANG"] = "C.UTF-8"
    result = subprocess.run(
        ["bash", "-c", "exec 2>&1; " + command],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.stdout.rstrip("\n") == expected.rstrip("\n")


def test_readme_downstream_example_passes(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    (tmp_path / "test_downstream.py").write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
