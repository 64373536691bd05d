"""Where the shipped data file is.

The file stays at the top of the repository (``data/provinces.toml``, the owners'
layout); the wheel carries a copy at ``beian_policy/data/provinces.toml`` (hatch's
``force-include``). This one function knows both places.

Paths here are strings joined with :mod:`os.path`: importing :mod:`pathlib` (which
brings ``urllib.parse`` and ``ipaddress``) would cost a new process more than the
rest of finding and reading the file.
"""

from __future__ import annotations

import os

__all__ = ["DATA_NAME", "PACKAGE", "data_file"]

DATA_NAME = "provinces.toml"
#: The installed package's folder (``.../beian_policy``).
PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def data_file() -> str:
    """The shipped ``provinces.toml``: the installed wheel's copy when there is one,
    else the source checkout's ``data/provinces.toml`` (which may not exist, e.g. in a
    broken install; reading it then fails with the path in the message).

    Found from this file's own path (the package is installed as files: importing
    ``importlib.resources`` would cost a new process more than the rest of the look-up).
    """
    packaged = os.path.join(PACKAGE, "data", DATA_NAME)
    if os.path.isfile(packaged):
        return packaged
    # src/beian_policy/_data/_location.py: the checkout's root is two folders above the package.
    return os.path.join(os.path.dirname(os.path.dirname(PACKAGE)), "data", DATA_NAME)
