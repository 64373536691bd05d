"""Reading the files the commands take: an application (TOML or JSON, or ``-`` for
stdin) and a page of HTML. A file that cannot be parsed is an
:class:`~beian_policy.errors.InvalidApplicationError`, with the parser's message."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..errors import InvalidApplicationError, shown

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["read_application_file", "read_text"]


def read_text(path: str) -> str:
    """The text of *path*, or of stdin for ``-`` (UTF-8)."""
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def _parse(path: str, text: str) -> Any:
    suffix = Path(path).suffix.lower()
    if suffix == ".json" or (path == "-" and text.lstrip().startswith("{")):
        try:
            return json.loads(text)
        except ValueError as exc:
            raise InvalidApplicationError([("(file)", f"not valid JSON: {exc}")]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidApplicationError([("(file)", f"not valid TOML: {exc}")]) from None


def read_application_file(path: str) -> tuple[str | None, dict[str, Any]]:
    """The province the file names (its ``province`` key, if any) and the rest of it."""
    data = _parse(path, read_text(path))
    if not isinstance(data, dict):
        raise InvalidApplicationError([("(file)", "expected a table (TOML) or an object (JSON) at the top")])
    province = data.pop("province", None)
    if province is not None and not isinstance(province, str):
        raise InvalidApplicationError([("province", f"expected a province name, got {shown(province)}")])
    return province, data
