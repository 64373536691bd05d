"""The JSON Schema of the data file, shipped in the wheel for editors and validators."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["json_schema"]

_SCHEMA_NAME = "provinces.schema.json"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("beian_policy").joinpath(_SCHEMA_NAME).read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the policy data file (``data/provinces.toml``).

    TOML dates appear as ISO ``YYYY-MM-DD`` strings: convert a parsed document to
    JSON-compatible form before validating it. The schema covers the shape of the
    file; the loader (and ``beian-policy validate-data``) also checks what a schema
    cannot, such as source ids that must exist and aliases that must name one province.
    A fresh copy is returned on each call, so callers may modify it.
    """
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
