"""Where the shipped data file is.

The file stays at the top of the repository (``data/provinces.toml``, the owners'
layout); the wheel carries a copy at ``beian_policy/data/provinces.toml`` (hatch's
``force-include``). This one function knows both places.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib.abc import Traversable

__all__ = ["DATA_NAME", "data_file"]

DATA_NAME = "provinces.toml"


def data_file() -> Traversable:
    """The shipped ``provinces.toml``: the installed wheel's copy when there is one,
    else the source checkout's ``data/provinces.toml`` (which may not exist, e.g. in a
    broken install; reading it then fails with the path in the message)."""
    packaged = resources.files("beian_policy").joinpath("data").joinpath(DATA_NAME)
    if packaged.is_file():
        return packaged
    # src/beian_policy/_data/_location.py: the checkout's root is three folders up.
    return Path(__file__).resolve().parents[3] / "data" / DATA_NAME
