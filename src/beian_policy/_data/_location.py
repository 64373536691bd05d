"""Where the shipped data file is.

The file stays at the top of the repository (``data/provinces.toml``, the owners'
layout); the wheel carries a copy at ``beian_policy/data/provinces.toml`` (hatch's
``force-include``). This one function knows both places.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA_NAME", "PACKAGE", "data_file"]

DATA_NAME = "provinces.toml"
#: The installed package's folder (``.../beian_policy``).
PACKAGE = Path(__file__).resolve().parents[1]


def data_file() -> Path:
    """The shipped ``provinces.toml``: the installed wheel's copy when there is one,
    else the source checkout's ``data/provinces.toml`` (which may not exist, e.g. in a
    broken install; reading it then fails with the path in the message).

    Found from this file's own path (the package is installed as files: importing
    ``importlib.resources`` would cost a new process more than the rest of the look-up).
    """
    packaged = PACKAGE / "data" / DATA_NAME
    if packaged.is_file():
        return packaged
    # src/beian_policy/_data/_location.py: the checkout's root is three folders up.
    return PACKAGE.parents[1] / "data" / DATA_NAME
