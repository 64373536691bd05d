"""An error as the caller asked for it: one line in the chosen language on stderr,
or, with ``--json``, one JSON object on stdout (``{"error": {...}}``) that other
systems can branch on by ``code``. The exit code is the same either way."""

from __future__ import annotations

import json
from typing import Any

from .._enums import Lang
from ..errors import AmbiguousNameError, BeianPolicyError, PolicyDataError, UnknownNameError

__all__ = ["error_object", "localised_message"]


def localised_message(exc: BeianPolicyError, lang: Lang) -> str:
    """The error's message in *lang* (Chinese: ``exc.zh``; English: ``str(exc)``)."""
    return exc.zh if lang is Lang.ZH else str(exc)


def error_object(exc: BaseException) -> dict[str, Any]:
    """``{"error": {"code", "message": {"zh", "en"}, ...}}``: the details a caller can
    use without parsing the message (what was given, the valid names, suggestions,
    the choices of an ambiguous name, a data file's problems)."""
    if isinstance(exc, BeianPolicyError):
        body: dict[str, Any] = {"code": exc.code, "message": {"zh": exc.zh, "en": str(exc)}}
    else:  # an OSError reading a file
        body = {"code": "cannot_read", "message": {"zh": str(exc), "en": str(exc)}}
    if isinstance(exc, UnknownNameError):
        body.update(input=str(exc.query), valid=list(exc.valid), suggestions=list(exc.suggestions))
    if isinstance(exc, AmbiguousNameError):
        body.update(input=str(exc.query), choices=list(exc.choices))
    if isinstance(exc, PolicyDataError):
        body.update(path=exc.path, problems=[str(problem) for problem in exc.problems])
    return {"error": body}


def error_json(exc: BaseException) -> str:
    """:func:`error_object` as one line of JSON, keys sorted."""
    return json.dumps(error_object(exc), ensure_ascii=False, sort_keys=True)


__all__ += ["error_json"]
