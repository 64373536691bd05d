"""The shipped policy in compiled form, so a new process need not parse and check
200 KB of TOML (Babel ships its CLDR data pickled for the same reason).

The compiled file is ``beian_policy/data/provinces.pickle``, inside the package and
nowhere else. It holds the policy's fields and the look-up indexes built from them
(every alias folded once, when it is made, not in every process). Its records pickle
as their class and field values and load through the class itself
(:func:`~beian_policy._record.pickled_as_fields`: format 3), three times faster than
through attrs' ``__setstate__``. It is made from whatever the model is when it is
made: by the wheel's build hook (``hatch_build.py``), or on first use into the
package's own folder when that folder is writable (a source checkout, an editable
install). It is never committed.
It is used only when all of these hold, and otherwise ignored and made again from
the TOML:

* its recorded SHA-256 of the TOML equals that of the shipped ``provinces.toml``;
* its recorded SHA-256 of the source of every package module its objects come from
  equals that of those modules now (a changed model makes it stale);
* the SHA-256 of its payload equals the one recorded (a damaged or tampered file);
* it is a regular file in the package's ``data`` folder, of bounded size.

Anyone who can write into the package folder can change its code too, so the hashes
guard against staleness and damage, not against the package's own owner.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from hashlib import sha256 as _new_sha256
    from pickle import loads as _unpickle
else:
    # The C modules themselves: importing hashlib (which loads OpenSSL) and pickle
    # costs a new process more time and memory than the rest of the load.
    try:
        from _pickle import loads as _unpickle
    except ImportError:  # pragma: no cover - a Python without the C pickle
        from pickle import loads as _unpickle
    try:
        from _sha256 import sha256 as _new_sha256  # CPython 3.10, 3.11
    except ImportError:  # pragma: no cover - exercised on other versions
        try:
            from _sha2 import sha256 as _new_sha256  # CPython 3.12+
        except ImportError:
            from hashlib import sha256 as _new_sha256

from .._policy import Policy
from ._location import PACKAGE

__all__ = ["COMPILED_NAME", "compile_policy", "compiled_file", "load_compiled", "save_compiled"]

COMPILED_NAME = "provinces.pickle"
# 2: the look-up indexes ship with it; 3: records pickle as their field values.
_MAGIC = b"beian-policy compiled policy 3\n"
_DIGEST = 32
_MAX_BYTES = 64 * 1024 * 1024


def compiled_file() -> str:
    """Where the compiled policy lives: the package's own ``data`` folder."""
    return os.path.join(PACKAGE, "data", COMPILED_NAME)


def _sha256(data: bytes) -> bytes:
    return _new_sha256(data).digest()


def _modules_digest(modules: tuple[str, ...]) -> bytes:
    """The SHA-256 of the source of *modules* (package modules, dotted names)."""
    digest = _new_sha256()
    for module in modules:
        parts = module.split(".")
        if parts[0] != "beian_policy" or not all(p.isidentifier() for p in parts):
            raise ValueError(module)
        path = os.path.join(PACKAGE, *parts[1:])
        source = os.path.join(path, "__init__.py") if os.path.isdir(path) else path + ".py"
        with open(source, "rb") as handle:
            digest.update(module.encode() + b"\0" + handle.read() + b"\0")
    return digest.digest()


def _classes_modules(value: object) -> tuple[str, ...]:
    """The package modules whose classes appear in *value* (walked through tuples,
    frozensets, dicts and attrs/enum objects)."""
    found: set[str] = set()
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        module = type(item).__module__
        if module.startswith("beian_policy"):
            found.add(module)
        if isinstance(item, (tuple, list, frozenset, set)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif attrs.has(type(item)):
            stack.extend(getattr(item, a.name) for a in attrs.fields(type(item)))  # type: ignore[arg-type]
    return tuple(sorted(found | {Policy.__module__}))


def _fields(policy: Policy) -> dict[str, Any]:
    """The policy's init fields but its origin (which names where it was loaded)."""
    return {a.name: getattr(policy, a.name) for a in attrs.fields(Policy) if a.init and a.name != "origin"}


def compile_policy(policy: Policy, toml: bytes) -> bytes:
    """The compiled form of *policy*, which was loaded from the TOML bytes *toml*."""
    import pickle  # only when compiling, which most processes never do

    fields = _fields(policy)
    indexes = policy.index_state()
    modules = _classes_modules((fields, indexes))
    payload = pickle.dumps((modules, fields, indexes), protocol=pickle.HIGHEST_PROTOCOL)
    header = _sha256(toml) + _modules_digest(modules) + _sha256(payload)
    return _MAGIC + header + payload


def load_compiled(toml: bytes, origin: str) -> Policy | None:
    """The policy compiled from *toml*, read from :func:`compiled_file`, or None when
    there is none or it is not to be trusted (see the module's doc)."""
    path = compiled_file()
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size > _MAX_BYTES:
            return None
        with open(path, "rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    start = len(_MAGIC) + 3 * _DIGEST
    if not blob.startswith(_MAGIC) or len(blob) < start:
        return None
    toml_digest, modules_digest, payload_digest = (
        blob[len(_MAGIC) + i * _DIGEST : len(_MAGIC) + (i + 1) * _DIGEST] for i in range(3)
    )
    payload = blob[start:]
    if toml_digest != _sha256(toml) or payload_digest != _sha256(payload):
        return None
    try:
        modules, fields, indexes = _unpickle(payload)
        if _modules_digest(modules) != modules_digest:
            return None
        # The indexes as built when it was compiled: nothing is refolded or rechecked.
        return Policy.restored({**fields, "origin": origin}, indexes)
    except Exception:  # noqa: BLE001 - a file that does not load is made again, not fatal
        return None


def save_compiled(policy: Policy, toml: bytes, path: str | os.PathLike[str] | None = None) -> bool:
    """Write the compiled form of *policy* to *path* (default :func:`compiled_file`;
    the build hook gives the wheel's) if its folder is writable; atomically, so a
    reader never sees half a file. Returns whether it was written; never raises for
    an unwritable place."""
    import pickle
    import tempfile  # only when writing, which most processes never do

    path = compiled_file() if path is None else path
    try:
        blob = compile_policy(policy, toml)
        folder = os.path.dirname(os.fspath(path))
        try:
            os.mkdir(folder)
        except FileExistsError:
            if not os.path.isdir(folder):
                raise
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".provinces-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(blob)
            os.chmod(temporary, 0o644)  # mkstemp makes it private; the TOML beside it is not
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError):
        return False
    return True
