"""An error as the caller asked for it: one line in the chosen language on stderr,
or, with ``--json``, one JSON object on stdout (``{"error": {...}}``) that other
systems can branch on by ``code``. The exit code is the same either way."""

from __future__ import annotations

from typing import Any

from .._enums import Change, Lang
from ..errors import AmbiguousNameError, BeianPolicyError, PolicyDataError, UnknownNameError, shown
from ._format import Formatter

__all__ = ["error_object", "localised_message"]


def localised_message(exc: BeianPolicyError, lang: Lang, words: Formatter | None = None) -> str:
    """The error's message in *lang* (Chinese: ``exc.zh``; English: ``str(exc)``). With
    *words*, an ambiguous failure or change lists its choices in words, ids in brackets."""
    if words is not None and isinstance(exc, AmbiguousNameError) and exc.vocabulary in ("failure", "change"):
        if exc.vocabulary == "failure":
            named = [words.failure(choice) for choice in exc.choices]
        else:
            named = [f"{words.change(Change(choice))} [{choice}]" for choice in exc.choices]
        if lang is Lang.ZH:
            return f"“{exc.query}”有多种可能：{'；'.join(named)}。请指定其中一个（写名称或括号里的代码）"
        return (
            f"{shown(exc.query)} may mean: {'; '.join(named)}. "
            "Give one of them (its name or the id in brackets)"
        )
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


def json_line(value: object) -> str:
    """*value* as one line of JSON, keys sorted; Chinese as is, unless the text holds
    lone surrogates (bytes of a non-UTF-8 argument), which are then escaped."""
    import json  # only for --json and errors: a text answer never needs it

    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text


def error_json(exc: BaseException) -> str:
    """:func:`error_object` as one line of JSON, keys sorted."""
    return json_line(error_object(exc))


def usage_error_json(message: str) -> str:
    """A bad command line (exit 2) as an error object; argparse's words are English."""
    body = {"code": "usage", "message": {"zh": f"命令行用法错误：{message}", "en": message}}
    return json_line({"error": body})


__all__ += ["error_json", "json_line", "usage_error_json"]
