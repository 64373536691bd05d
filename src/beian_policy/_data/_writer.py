"""Writing a parsed data document back to TOML text.

The strategies edit the shipped data as a parsed tree (never as lines of text) and
need text again for ``loads_policy`` and the JSON Schema; ``tomllib`` only reads.
The output is plain TOML 1.0: tables and arrays of tables under headers, everything
else inline. Reading it back gives the same tree (a test checks this on the shipped
file).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["dumps_document"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def dumps_document(document: Mapping[str, Any]) -> str:
    """*document* (as ``tomllib`` returns it) as TOML text."""
    lines: list[str] = []
    _write_table(lines, (), document)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _is_header_table(value: object) -> bool:
    """A table written under its own header: one that holds tables itself. (Flat
    tables such as ``when = { fact = true }`` stay inline, as in the shipped file.)"""
    return isinstance(value, Mapping) and any(
        isinstance(v, Mapping) or _is_table_array(v) for v in value.values()
    )


def _write_table(lines: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    # A table's own keys come before its sub-tables: a key after a header belongs to it.
    nested = []
    for key, value in table.items():
        if _is_table_array(value) or _is_header_table(value):
            nested.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in nested:
        where = (*path, key)
        header = ".".join(_key(part) for part in where)
        if isinstance(value, Mapping):
            lines.extend(("", f"[{header}]"))
            _write_table(lines, where, value)
            continue
        for item in value:
            lines.extend(("", f"[[{header}]]"))
            _write_table(lines, where, item)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # JSON's string escapes are valid TOML basic-string escapes; TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return (
            "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }" if value else "{}"
        )
    if isinstance(value, Sequence):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")
