"""No silent corruption: systematic corruptions of the shipped data, each refused.

Every case edits the shipped file once (as a parsed tree, written back with the
package's TOML writer, or as raw text) and states by hand where the problem must be
reported: the record, the field and a fragment of the message. Each is checked
through ``validate_policy`` (nothing accepted, every problem listed, the record and
the field named) and a sample through ``beian-policy validate-data`` (exit 3, one
line on stderr, no traceback).

The province codes are written here by hand from the reference table
(``shared/reference/icp-numbers-and-process.md``: ISO 3166-2:CN, GB/T 2260), not
taken from the loader.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._data._loader import parse_document
from beian_policy._data._writer import dumps_document

# ISO 3166-2:CN -> GB/T 2260, from the reference table (rows 1-31), by hand.
ISO_TO_GB = {
    "CN-BJ": "110000", "CN-TJ": "120000", "CN-HE": "130000", "CN-SX": "140000", "CN-NM": "150000",
    "CN-LN": "210000", "CN-JL": "220000", "CN-HL": "230000", "CN-SH": "310000", "CN-JS": "320000",
    "CN-ZJ": "330000", "CN-AH": "340000", "CN-FJ": "350000", "CN-JX": "360000", "CN-SD": "370000",
    "CN-HA": "410000", "CN-HB": "420000", "CN-HN": "430000", "CN-GD": "440000", "CN-GX": "450000",
    "CN-HI": "460000", "CN-CQ": "500000", "CN-SC": "510000", "CN-GZ": "520000", "CN-YN": "530000",
    "CN-XZ": "540000", "CN-SN": "610000", "CN-GS": "620000", "CN-QH": "630000", "CN-NX": "640000",
    "CN-XJ": "650000",
}  # fmt: skip

BJ = "provinces[0] (CN-BJ)"
TJ = "provinces[1] (CN-TJ)"
LN = "provinces[5] (CN-LN)"
SOURCE0 = "sources[0] (tc-seed-faq)"
FAILURE0 = "failures[0] (subject_mismatch)"
HINTED = "failures[7] (wrong_filing_password)"
TOP = "(top level)"
FILE = "(file)"

Edit = Callable[[dict[str, Any]], None]
Where = tuple[str, str, str]  # record, field, a fragment of the message


def _shipped() -> dict[str, Any]:
    return parse_document(bp.default_data_text(), "shipped")


SHIPPED = _shipped()


def tree(edit: Edit) -> Callable[[str], str]:
    """A corruption made on the parsed tree and written back as TOML."""

    def apply(_: str) -> str:
        document = copy.deepcopy(SHIPPED)
        edit(document)
        return dumps_document(document)

    return apply


def text(old: str, new: str, *, first: bool = False) -> Callable[[str], str]:
    """A corruption made on the raw text; *old* must occur exactly once (or, with
    *first*, at least once: its first occurrence is edited)."""

    def apply(shipped: str) -> str:
        assert shipped.count(old) == 1 or (first and old in shipped), old
        return shipped.replace(old, new, 1)

    return apply


def drop(*path: str | int) -> Callable[[str], str]:
    def edit(document: dict[str, Any]) -> None:
        node: Any = document
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return tree(edit)


def put(value: object, *path: str | int) -> Callable[[str], str]:
    def edit(document: dict[str, Any]) -> None:
        node: Any = document
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return tree(edit)


def _province(code: str) -> int:
    return next(i for i, p in enumerate(SHIPPED["provinces"]) if p["code"] == code)


def _deadline_rule() -> tuple[int, int]:
    """(province, rule) of the first rule with a deadline, found by shape, not by value."""
    for i, province in enumerate(SHIPPED["provinces"]):
        for j, rule in enumerate(province["statements"]):
            if "deadline_working_days" in rule:
                return i, j
    raise AssertionError("the shipped data has no deadline")


def _dated_source() -> int:
    return next(i for i, s in enumerate(SHIPPED["sources"]) if "published" in s)


def _invented_province(document: dict[str, Any]) -> None:
    fake = copy.deepcopy(document["provinces"][1])
    fake.update(code="CN-ZZ", gb_code="990000", name="测试省", short_name="测试", name_en="Testland")
    fake.update(iso_name="Testland Sheng", icp_abbreviation="测", aliases=[])
    document["provinces"][1] = fake


def _duplicated_province(document: dict[str, Any]) -> None:
    document["provinces"].append(copy.deepcopy(document["provinces"][0]))


def _remove_province(document: dict[str, Any]) -> None:
    del document["provinces"][_province("CN-XJ")]


def _deep(depth: int) -> str:
    return "[" * depth + '"Peking"' + "]" * depth


def _swap_gb_codes(document: dict[str, Any]) -> None:
    bj, tj = document["provinces"][0], document["provinces"][1]
    bj["gb_code"], tj["gb_code"] = tj["gb_code"], bj["gb_code"]


def _hint(template: str) -> Callable[[str], str]:
    return put(template, "failures", 7, "remedies", _hinted_remedy(), "number_hint_zh")


def _hinted_remedy() -> int:
    remedies = SHIPPED["failures"][7]["remedies"]
    return next(i for i, r in enumerate(remedies) if r.get("number_hint_zh"))


HINT_FIELD = f"remedies[{_hinted_remedy()}].number_hint_zh"
DEADLINE = _deadline_rule()
DEADLINE_RECORD = f"provinces[{DEADLINE[0]}] ({SHIPPED['provinces'][DEADLINE[0]]['code']})"
DEADLINE_FIELD = f"statements[{DEADLINE[1]}].deadline_working_days"
DATED = _dated_source()
DATED_RECORD = f"sources ({SHIPPED['sources'][DATED]['id']})"
DATED_RECORD_LABEL = f"sources[{DATED}] ({SHIPPED['sources'][DATED]['id']})"
PROVIDER0 = f"providers[0] ({SHIPPED['providers'][0]['id']})"
PROVIDER0_RENAMED = "providers[0] (Tencent Cloud)"
LN_INDIVIDUAL_EXAMPLE = (
    'direct = false\nblocking = ["subject_name"]\nnote = { zh = "腾讯云页面的个人备案标签页没有接入规则'
)

CASES: dict[str, tuple[Callable[[str], str], list[Where]]] = {
    # -- each required key removed ---------------------------------------------------------
    "no schema_version": (drop("schema_version"), [(TOP, "schema_version", "required key missing")]),
    "no data_version": (drop("data_version"), [(TOP, "data_version", "required key missing")]),
    "no as_of": (drop("as_of"), [(TOP, "as_of", "required key missing")]),
    "no sources table": (drop("sources"), [(TOP, "sources", "[[sources]] is missing")]),
    "no changes table": (drop("changes"), [(TOP, "changes", "[[changes]] is missing")]),
    "no steps table": (drop("steps"), [(TOP, "steps", "[[steps]] is missing")]),
    "no national_rules table": (drop("national_rules"), [(TOP, "national_rules", "is missing")]),
    "no provinces table": (drop("provinces"), [(TOP, "provinces", "[[provinces]] is missing")]),
    "no failures table": (drop("failures"), [(TOP, "failures", "[[failures]] is missing")]),
    "source without id": (drop("sources", 0, "id"), [("sources[0]", "id", "required field missing")]),
    "source without provider": (drop("sources", 0, "provider"), [(SOURCE0, "provider", "missing")]),
    "source without title": (drop("sources", 0, "title"), [(SOURCE0, "title", "missing")]),
    "source without standing": (drop("sources", 0, "standing"), [(SOURCE0, "standing", "missing")]),
    "change without zh": (drop("changes", 0, "zh"), [("changes[0] (subject_name)", "zh", "missing")]),
    "step without order": (
        drop("steps", 0, "order"),
        [("steps[0] (change_domain_owner)", "order", "required field missing")],
    ),
    "national rule without sources": (
        drop("national_rules", 0, "sources"),
        [("national_rules[0] (transfer_adds_provider)", "sources", "no source given")],
    ),
    "region without gb_code": (
        drop("no_icp_regions", 0, "gb_code"),
        [("no_icp_regions[0] (CN-HK)", "gb_code", "required field missing")],
    ),
    **{
        f"province without {key}": (drop("provinces", 0, key), [(BJ, key, "required field missing")])
        for key in (
            "gb_code",
            "name",
            "short_name",
            "name_en",
            "iso_name",
            "icp_abbreviation",
            "filed_sites_reachable",
            "unfiled_sites_closed",
        )
    },
    "province without code": (drop("provinces", 0, "code"), [("provinces[0]", "code", "missing")]),
    "province without sources": (drop("provinces", 0, "sources"), [(BJ, "sources", "no source given")]),
    "province without examples": (drop("provinces", 0, "examples"), [(BJ, "examples", "worked example")]),
    "statement without timing": (
        drop("provinces", 0, "statements", 0, "timing"),
        [(BJ, "statements[0].timing", "required field missing")],
    ),
    "statement without source": (
        drop("provinces", 0, "statements", 0, "source"),
        [(BJ, "statements[0].source", "required field missing")],
    ),
    "no providers table": (drop("providers"), [(TOP, "providers", "[[providers]] is missing")]),
    "provider without name": (drop("providers", 0, "name"), [(PROVIDER0, "name", "required field missing")]),
    "example without direct": (
        drop("provinces", 0, "examples", 0, "direct"),
        [(BJ, "examples[0].direct", "required field missing")],
    ),
    "failure without causes": (
        drop("failures", 0, "causes"),
        [(FAILURE0, "causes", "required field missing")],
    ),
    "cause without text": (
        drop("failures", 0, "causes", 0, "zh"),
        [(FAILURE0, "causes[0].zh", "required field missing")],
    ),
    "remedy without steps": (
        drop("failures", 0, "remedies", 0, "steps"),
        [(FAILURE0, "remedies[0].steps", "required field missing")],
    ),
    # -- wrong types, string-for-array first ------------------------------------------------
    "aliases a string": (put("Peking", "provinces", 0, "aliases"), [(BJ, "aliases", "expected an array")]),
    "region aliases a string": (
        put("香港", "no_icp_regions", 0, "aliases"),
        [("no_icp_regions[0] (CN-HK)", "aliases", "expected an array")],
    ),
    "failure aliases a string": (
        put("主体不一致", "failures", 0, "aliases"),
        [(FAILURE0, "aliases", "expected an array")],
    ),
    "statement changes a string": (
        put("*", "provinces", 0, "statements", 0, "changes"),
        [(BJ, "statements[0].changes", "expected an array")],
    ),
    "note a number": (
        put(3, "provinces", 0, "statements", 0, "note"),
        [(BJ, "statements[0].note", 'expected { zh = "...", en = "..." }, got int 3')],
    ),
    "note a plain string": (
        put("Company tab: ...", "provinces", 0, "statements", 0, "note"),
        [(BJ, "statements[0].note", "give the text in both languages")],
    ),
    "source note a plain string": (
        put("Undated.", "sources", 0, "note"),
        [(f"sources[0] ({SHIPPED['sources'][0]['id']})", "note", "give the text in both languages")],
    ),
    "note without en": (
        put({"zh": "只有中文"}, "provinces", 0, "statements", 0, "note"),
        [(BJ, "statements[0].note.en", "required field missing")],
    ),
    "published a string": (
        put("2019-09-12", "sources", DATED, "published"),
        [(DATED_RECORD_LABEL, "published", "expected a date")],
    ),
    "in_force_from_by_province a list": (
        put(["CN-TJ"], "national_rules", 0, "in_force_from_by_province"),
        [("national_rules[0] (transfer_adds_provider)", "in_force_from_by_province", "")],
    ),
    "applies_to a string (optional array)": (
        text('applies_to = ["organisation"]', 'applies_to = "organisation"', first=True),
        [(BJ, "statements[0].applies_to", "expected an array")],
    ),
    "sources a string": (put("iso-codes", "provinces", 0, "sources"), [(BJ, "sources", "expected an array")]),
    "order a string": (
        put("100", "steps", 0, "order"),
        [("steps[0] (change_domain_owner)", "order", "expected an integer")],
    ),
    "direct a string": (
        put("yes", "provinces", 0, "examples", 0, "direct"),
        [(BJ, "examples[0].direct", "expected true or false")],
    ),
    "as_of a string": (put("2026-12-01", "as_of"), [(TOP, "as_of", "expected a date")]),
    "data_version an integer": (put(2026, "data_version"), [(TOP, "data_version", "expected a string")]),
    "site fact a string": (
        put("unknown", "provinces", 0, "filed_sites_reachable"),
        [(BJ, "filed_sites_reachable", "")],
    ),
    "timing not in the vocabulary": (
        put("maybe", "provinces", 0, "statements", 0, "timing"),
        [(BJ, "statements[0].timing", "'maybe' is not one of")],
    ),
    # -- duplicates --------------------------------------------------------------------------
    "duplicate source id": (
        put("tc-seed-faq", "sources", 1, "id"),
        [("sources", "id", "duplicate source id 'tc-seed-faq'")],
    ),
    "duplicate province": (
        tree(_duplicated_province),
        [("provinces", "", "expected 31 provinces, found 32"), ("provinces", "code", "duplicate")],
    ),
    "duplicate region code": (
        put("CN-HK", "no_icp_regions", 1, "code"),
        [("no_icp_regions", "code", "duplicate region code 'CN-HK'")],
    ),
    "duplicate alias in a record": (
        put(["Peking", "Peking"], "provinces", 0, "aliases"),
        [(BJ, "aliases", "duplicate alias 'Peking'")],
    ),
    "duplicate step order": (
        put(SHIPPED["steps"][1]["order"], "steps", 0, "order"),
        [("steps", "order", "duplicate step order")],
    ),
    "duplicate TOML key": (
        text('data_version = "', 'data_version = "x"\ndata_version = "'),
        [(FILE, "", "not valid TOML")],
    ),
    # -- unknown keys ------------------------------------------------------------------------
    "unknown top-level key": (put("other.toml", "include"), [(TOP, "include", "unknown key")]),
    "unknown province field": (put("red", "provinces", 0, "colour"), [(BJ, "", "unknown field(s): colour")]),
    "unknown statement field": (
        put("after", "provinces", 0, "statements", 0, "timming"),
        [(BJ, "statements[0]", "unknown field(s): timming")],
    ),
    "old transfer_rules key": (
        put([], "provinces", 0, "transfer_rules"),
        [(BJ, "", "unknown field(s): transfer_rules")],
    ),
    # -- dangling references -----------------------------------------------------------------
    "unknown source": (
        put(["iso-codes", "no-such-source"], "provinces", 0, "sources"),
        [(BJ, "sources", "unknown source id 'no-such-source'")],
    ),
    "unknown remedy step": (
        put(["no_such_step"], "failures", 0, "remedies", 0, "steps"),
        [(FAILURE0, "remedies[0].steps", "unknown step 'no_such_step'")],
    ),
    "unknown national rule": (
        put("no_such_rule", "failures", 0, "remedies", 0, "rule"),
        [(FAILURE0, "remedies[0].rule", "unknown national rule 'no_such_rule'")],
    ),
    "unknown related failure": (
        put(["no_such_failure"], "failures", 0, "related"),
        [(FAILURE0, "related", "'no_such_failure' is not another failure id")],
    ),
    "unknown fact": (
        put({"no_such_fact": True}, "failures", 0, "causes", 0, "when"),
        [(FAILURE0, "causes[0].when", "unknown fact 'no_such_fact'")],
    ),
    "unknown requirement step": (
        put("no_such_step", "provinces", 0, "requirements", 0, "step"),
        [(BJ, "requirements[0].step", "unknown step 'no_such_step'")],
    ),
    # -- codes that are not ISO 3166-2:CN / GB/T 2260 ------------------------------------------
    "invented code": (
        put("CN-ZZ", "provinces", 1, "code"),
        [
            ("provinces[1] (CN-ZZ)", "code", "not an ISO 3166-2:CN province code"),
            ("provinces", "code", "province CN-TJ (120000) has no record"),
        ],
    ),
    "old numeric ISO code": (put("CN-11", "provinces", 0, "code"), [("provinces[0] (CN-11)", "code", "")]),
    "lower-case code": (put("cn-bj", "provinces", 0, "code"), [("provinces[0] (cn-bj)", "code", "")]),
    "code with a trailing newline": (
        put("CN-BJ\n", "provinces", 0, "code"),
        [("provinces[0] (CN-BJ\n)", "code", "not an ISO 3166-2:CN")],
    ),
    "gb_code of no province": (
        put("990000", "provinces", 0, "gb_code"),
        [(BJ, "gb_code", "expected 110000")],
    ),
    "gb_code in Arabic-Indic digits": (
        put("١١0000", "provinces", 0, "gb_code"),
        [(BJ, "gb_code", "expected 110000 for CN-BJ")],
    ),
    "gb_code in full-width digits": (
        put("１１0000", "provinces", 0, "gb_code"),
        [(BJ, "gb_code", "expected 110000 for CN-BJ")],
    ),
    "gb_code with a trailing newline": (
        put("110000\n", "provinces", 0, "gb_code"),
        [(BJ, "gb_code", "expected 110000 for CN-BJ")],
    ),
    "gb_codes swapped": (
        tree(_swap_gb_codes),
        [(BJ, "gb_code", "expected 110000 for CN-BJ"), (TJ, "gb_code", "expected 120000 for CN-TJ")],
    ),
    "region code invented": (
        put("CN-XX", "no_icp_regions", 0, "code"),
        [("no_icp_regions[0] (CN-XX)", "code", "not a region without ICP filing")],
    ),
    "abbreviation a Latin letter": (
        put("A", "provinces", 0, "icp_abbreviation"),
        [(BJ, "icp_abbreviation", "one Chinese (Han) character")],
    ),
    "abbreviation a digit": (
        put("1", "provinces", 0, "icp_abbreviation"),
        [(BJ, "icp_abbreviation", "one Chinese (Han) character")],
    ),
    "abbreviation two characters": (
        put("京京", "provinces", 0, "icp_abbreviation"),
        [(BJ, "icp_abbreviation", "one Chinese (Han) character")],
    ),
    "alternative abbreviation never matchable": (
        put(["AB"], "provinces", 0, "alternative_abbreviations"),
        [(BJ, "alternative_abbreviations", "one Chinese (Han) character")],
    ),
    # -- empty texts and versions, control characters ------------------------------------------
    "empty change text": (
        put("", "changes", 0, "zh"),
        [("changes[0] (subject_name)", "zh/en", "needs both")],
    ),
    "blank step text": (
        put("  ", "steps", 0, "en"),
        [("steps[0] (change_domain_owner)", "zh/en", "needs both")],
    ),
    "empty national rule text": (
        put("", "national_rules", 0, "en"),
        [("national_rules[0] (transfer_adds_provider)", "zh/en", "needs both")],
    ),
    "empty failure title": (put("", "failures", 0, "zh"), [(FAILURE0, "zh/en", "needs both")]),
    "empty province name": (put("", "provinces", 0, "name"), [(BJ, "name", "empty")]),
    "empty source provider": (put("", "sources", 0, "provider"), [(SOURCE0, "provider", "empty")]),
    "empty data_version": (put("", "data_version"), [(TOP, "data_version", "expected a version such as")]),
    "full-width data_version": (
        put("２０２６.12.01", "data_version"),
        [(TOP, "data_version", "ASCII letters")],
    ),
    "data_version with a newline": (
        put("2026.12.01\n", "data_version"),
        [(TOP, "data_version", "ASCII letters")],
    ),
    "full-width schema_version": (put("１.0", "schema_version"), [(TOP, "schema_version", "MAJOR.MINOR")]),
    "alias with a bell": (
        put(["Peking", "\x07"], "provinces", 0, "aliases"),
        [(BJ, "aliases[1]", "control")],
    ),
    "name with a terminal escape": (
        put("北京市\x1b]0;owned\x07\x1b[2J", "provinces", 0, "name"),
        [(BJ, "name", "control character")],
    ),
    # -- absurd dates and deadlines ----------------------------------------------------------
    "as_of in year 1": (put(dt.date(1, 1, 1), "as_of"), [(TOP, "as_of", "plausible")]),
    "as_of in year 9999": (put(dt.date(9999, 12, 31), "as_of"), [(TOP, "as_of", "plausible")]),
    "source dated after as_of": (
        put(dt.date(2099, 1, 1), "sources", DATED, "published"),
        [(DATED_RECORD, "published", "2099-01-01 is after the data's as_of")],
    ),
    "source dated before 1994": (
        put(dt.date(1970, 1, 1), "sources", DATED, "published"),
        [(DATED_RECORD, "published", "before 1994-01-01")],
    ),
    "source seen after as_of": (
        put(dt.date(2099, 1, 1), "sources", DATED, "seen"),
        [(DATED_RECORD, "seen", "2099-01-01 is after the data's as_of")],
    ),
    "old date key on a source": (
        put(dt.date(2019, 1, 1), "sources", DATED, "date"),
        [(DATED_RECORD_LABEL, "", "unknown field(s): date")],
    ),
    "deadline of a million days": (
        put(1_000_000, "provinces", DEADLINE[0], "statements", DEADLINE[1], "deadline_working_days"),
        [(DEADLINE_RECORD, DEADLINE_FIELD, "expected 1 to")],
    ),
    "deadline of zero days": (
        put(0, "provinces", DEADLINE[0], "statements", DEADLINE[1], "deadline_working_days"),
        [(DEADLINE_RECORD, DEADLINE_FIELD, "expected 1 to")],
    ),
    # -- number-hint templates -------------------------------------------------------------
    "hint with a format spec": (_hint("填写 {subject_number:x}"), [(HINTED, HINT_FIELD, "no format spec")]),
    "hint padding 300 MB": (_hint("{subject_number:>300000000}"), [(HINTED, HINT_FIELD, "no format spec")]),
    "hint with a conversion": (_hint("填写 {subject_number!r}"), [(HINTED, HINT_FIELD, "no format spec")]),
    "hint with a lone brace": (_hint("填写 {subject_number"), [(HINTED, HINT_FIELD, "not a valid template")]),
    "hint with an unknown placeholder": (_hint("填写 {other}"), [(HINTED, HINT_FIELD, "found ['other']")]),
    "hint indexing the number": (_hint("{subject_number[0]}"), [(HINTED, HINT_FIELD, "placeholders")]),
    # -- urls ----------------------------------------------------------------------------------
    "javascript url": (
        put("javascript:alert(1)", "sources", 0, "url"),
        [(SOURCE0, "url", "http(s) address")],
    ),
    "url not a url": (put("not a url", "sources", 0, "url"), [(SOURCE0, "url", "http(s) address")]),
    "no url nor path": (
        tree(lambda d: [d["sources"][0].pop(k) for k in ("url", "path")]),
        [(SOURCE0, "url", "a source needs a url or a path")],
    ),
    # -- the file as a whole -------------------------------------------------------------------
    "deep nesting at the top": (
        text('data_version = "', f'x = {_deep(1000)}\ndata_version = "'),
        [(FILE, "", "nested too deeply")],
    ),
    "deep nesting in a record": (
        text('aliases = ["Peking"]', f"aliases = {_deep(600)}"),
        [(FILE, "", "nested too deeply")],
    ),
    "moderate nesting in a record": (
        text('aliases = ["Peking"]', f"aliases = [{_deep(50)}]"),
        [(BJ, "aliases[0]", "expected a string, got list")],
    ),
    "a byte order mark": (lambda t: "\ufeff" + t, [(FILE, "", "byte order mark")]),
    "broken TOML": (lambda t: t + "\n[[provinces]\n", [(FILE, "", "not valid TOML")]),
    "unclosed string": (
        text('data_version = "2026', 'data_version = "2026\n'),
        [(FILE, "", "TOML")],
    ),
    "empty file": (lambda _: "", [(TOP, "schema_version", "missing"), (TOP, "provinces", "missing")]),
    "only whitespace": (lambda _: " \n\t\n", [(TOP, "as_of", "missing"), (TOP, "failures", "missing")]),
    "truncated in half": (lambda t: t[: len(t) // 2], [(FILE, "", "")]),
    # -- a province removed or invented ----------------------------------------------------------
    "province removed": (
        tree(_remove_province),
        [
            ("provinces", "", "expected 31 provinces, found 30"),
            ("provinces", "code", "province CN-XJ (650000) has no record"),
        ],
    ),
    "province invented": (
        tree(_invented_province),
        [
            ("provinces[1] (CN-ZZ)", "code", "not an ISO 3166-2:CN"),
            ("provinces", "code", "province CN-TJ (120000) has no record"),
        ],
    ),
    # -- the catch-all rule and the examples' own consistency ------------------------------------
    # -- statements and sources that cannot hold --------------------------------------------------
    "'*' beside a change": (
        put(["*", "subject_name"], "provinces", 0, "statements", 0, "changes"),
        [(BJ, "statements[0].changes", "'*' stands alone")],
    ),
    "no changes": (
        put([], "provinces", 0, "statements", 0, "changes"),
        [(BJ, "statements[0].changes", "empty")],
    ),
    "deadline with timing before": (
        put("before", "provinces", DEADLINE[0], "statements", DEADLINE[1], "timing"),
        [(DEADLINE_RECORD, DEADLINE_FIELD, "a deadline needs timing = 'after'")],
    ),
    "statement citing an unknown source": (
        put("no-such-page", "provinces", 0, "statements", 0, "source"),
        [(BJ, "statements[0].source", "unknown source id 'no-such-page'")],
    ),
    "empty applies_to": (
        put([], "provinces", 0, "statements", 0, "applies_to"),
        [(BJ, "statements[0].applies_to", "empty")],
    ),
    "unknown provider": (
        put("tencent", "sources", 0, "provider"),
        [(SOURCE0, "provider", "unknown provider id 'tencent'")],
    ),
    "provider id with capitals": (
        put("Tencent Cloud", "providers", 0, "id"),
        [(PROVIDER0_RENAMED, "id", "expected a lower-case id")],
    ),
    "provider alias naming two providers": (
        put(["aliyun"], "providers", 0, "aliases"),
        [("providers (alibaba_cloud)", "aliases", "also names provider tencent_cloud")],
    ),
    "until before the start": (
        tree(lambda d: d["sources"][DATED].update(until=dt.date(1999, 1, 1))),
        [(DATED_RECORD_LABEL, "until", "is not after the source's start")],
    ),
    "superseded by an unknown source": (
        put("no-such-page", "sources", 0, "superseded_by"),
        [(SOURCE0, "superseded_by", "unknown source id 'no-such-page'")],
    ),
    "superseded by itself": (
        put(SHIPPED["sources"][0]["id"], "sources", 0, "superseded_by"),
        [(SOURCE0, "superseded_by", "supersession cycle")],
    ),
    "two sources superseding each other": (
        tree(
            lambda d: (
                d["sources"][0].update(superseded_by=d["sources"][1]["id"]),
                d["sources"][1].update(superseded_by=d["sources"][0]["id"]),
            )
        ),
        [(SOURCE0, "superseded_by", "supersession cycle")],
    ),
    "pilot in a province that does not exist": (
        put({"CN-ZZ": dt.date(2017, 12, 18)}, "national_rules", 0, "in_force_from_by_province"),
        [("national_rules[0] (transfer_adds_provider)", "in_force_from_by_province", "not a province code")],
    ),
    "pilot later than the national start": (
        tree(
            lambda d: d["national_rules"][0].update(
                in_force_from=dt.date(2018, 1, 1), in_force_from_by_province={"CN-TJ": dt.date(2019, 1, 1)}
            )
        ),
        [
            (
                "national_rules[0] (transfer_adds_provider)",
                "in_force_from_by_province",
                "after the national start",
            )
        ],
    ),
    "national statement as boilerplate": (
        tree(
            lambda d: d.update(
                national_statements=[
                    {"source": "tc-seed-faq", "changes": ["*"], "timing": "before", "boilerplate": True}
                ]
            )
        ),
        [("national_statements[0]", "boilerplate", "cannot be a province boilerplate line")],
    ),
    "event without sources": (
        tree(
            lambda d: d.update(
                events=[{"id": "e", "date": dt.date(2020, 1, 1), "text": {"zh": "事件", "en": "event"}}]
            )
        ),
        [("events[0] (e)", "sources", "no source given")],
    ),
    "event in an unknown province": (
        tree(
            lambda d: d.update(
                events=[
                    {
                        "id": "e",
                        "date": dt.date(2020, 1, 1),
                        "text": {"zh": "事件", "en": "event"},
                        "sources": ["tc-seed-faq"],
                        "provinces": ["CN-ZZ"],
                    }
                ]
            )
        ),
        [("events[0] (e)", "provinces", "not a province code")],
    ),
    "empty transfer note": (
        put({"text": {"zh": "", "en": ""}}, "provinces", 0, "transfer_note"),
        [(BJ, "transfer_note.text", "needs both")],
    ),
    "example leaving a change out": (
        put(["subject_name", "website_name"], "provinces", 0, "examples", 0, "changes"),
        [(BJ, "examples[0]", "must list exactly the changes")],
    ),
    "example both blocking and deferred": (
        put(["subject_name"], "provinces", 0, "examples", 0, "blocking"),
        [(BJ, "examples[0]", "cannot be both blocking and deferred")],
    ),
    # -- a worked example contradicting its rule ---------------------------------------------------
    "rule flipped, example kept": (
        text(
            'source = "j-cn-ln"\nchanges = ["*"]\ntiming = "before"\nboilerplate = true',
            'source = "q-cn-ln"\nchanges = ["*"]\ntiming = "after"',
        ),
        [(LN, "examples[2]", "says subject_name is blocking, but the statements make it deferred")],
    ),
    "example flipped, rule kept": (
        tree(
            lambda d: d["provinces"][0]["examples"][0].update(
                direct=False, blocking=["subject_name"], deferred=[]
            )
        ),
        [(BJ, "examples[0]", "says subject_name is blocking, but the statements make it deferred")],
    ),
    "example flipped the other way": (
        text(
            LN_INDIVIDUAL_EXAMPLE,
            'direct = true\ndeferred = ["subject_name"]\n'
            'note = { zh = "腾讯云页面的个人备案标签页没有接入规则',
        ),
        [(LN, "examples[2]", "says subject_name is deferred, but the statements make it blocking")],
    ),
}

# Enough that the corruption families above are not a token sample.
assert len(CASES) >= 100, len(CASES)


def _report(corrupted: str) -> bp.PolicyReport:
    return bp.validate_policy(text=corrupted, origin="corrupted.toml")


@pytest.mark.parametrize("name", list(CASES))
def test_corruption_is_refused_with_record_and_field(name: str, data_text: str) -> None:
    corrupt, expected = CASES[name]
    report = _report(corrupt(data_text))
    assert report.policy is None, f"{name}: loaded silently"
    assert not report.ok
    found = [(p.record, p.field, p.message) for p in report.problems]
    for record, field, fragment in expected:
        assert any(r == record and f == field and fragment in m for r, f, m in found), (
            f"{name}: no problem at {record} / {field!r} with {fragment!r}; found {found[:8]}"
        )


@pytest.mark.parametrize("name", ["aliases a string", "rule flipped, example kept", "a byte order mark"])
def test_loads_policy_raises_on_the_same_corruptions(name: str, data_text: str) -> None:
    corrupt, expected = CASES[name]
    with pytest.raises(bp.PolicyDataError) as info:
        bp.loads_policy(corrupt(data_text), origin="corrupted.toml")
    assert info.value.path == "corrupted.toml"
    assert expected[0][:2] in {(p.record, p.field) for p in info.value.problems}


def test_control_is_accepted(data_text: str) -> None:
    """The shipped text, through the same writer the cases use, still loads: what the
    cases reject is their edit, not the round trip."""
    report = _report(tree(lambda d: None)(data_text))
    assert (report.ok, report.problems) == (True, ())


def test_every_problem_is_listed_at_once(data_text: str) -> None:
    def five(document: dict[str, Any]) -> None:
        document["provinces"][0]["aliases"] = "Peking"
        document["provinces"][1]["gb_code"] = "990000"
        document["changes"][0]["zh"] = ""
        document["as_of"] = dt.date(9999, 12, 31)
        document["sources"][0]["url"] = "javascript:alert(1)"

    report = _report(tree(five)(data_text))
    where = {(p.record, p.field) for p in report.problems}
    assert {
        (BJ, "aliases"),
        (TJ, "gb_code"),
        ("changes[0] (subject_name)", "zh/en"),
        (TOP, "as_of"),
        (SOURCE0, "url"),
    } <= where


def test_provinces_come_out_in_gb_order_whatever_the_file_order(data_text: str) -> None:
    reversed_file = tree(lambda d: d["provinces"].reverse())(data_text)
    policy = bp.loads_policy(reversed_file)
    # ISO_TO_GB is written in GB/T 2260 order.
    assert [p.code for p in bp.provinces(policy=policy)] == list(ISO_TO_GB)


def test_a_statement_id_names_its_province_source_and_place(policy: bp.Policy) -> None:
    """Tencent's 山西 page gives the certificate rule on its company tab only."""
    (verdict,) = bp.assess_transfer(
        "山西", ["subject_certificate"], subject_kind="organisation", policy=policy
    ).verdicts
    assert verdict.rule == "CN-SX/tc-cn-sx/1"
    assert verdict.sources[0].id == "tc-cn-sx"


def test_loader_knows_exactly_the_reference_codes(policy: bp.Policy) -> None:
    """The shipped provinces carry the 31 code pairs of the reference table."""
    assert {p.code: p.gb_code for p in bp.provinces(policy=policy)} == ISO_TO_GB


# -- special files: bounded, never blocking ---------------------------------------------------


def _validate_in_time(path: Path | str, seconds: float = 20) -> bp.PolicyReport:
    result: list[bp.PolicyReport] = []
    worker = threading.Thread(target=lambda: result.append(bp.validate_policy(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"validate_policy({path}) did not return within {seconds} s"
    return result[0]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_refused_without_reading_it() -> None:
    report = _validate_in_time("/dev/zero")
    (problem,) = report.problems
    assert (problem.record, problem.field) == (FILE, "")
    assert "not a regular file" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "data.toml"
    os.mkfifo(fifo)
    report = _validate_in_time(fifo)
    (problem,) = report.problems
    assert "not a regular file" in problem.message


def test_huge_file_is_refused_by_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:  # sparse: 65 MB that takes no disk
        handle.truncate(65 * 1024 * 1024)
    report = _validate_in_time(huge)
    (problem,) = report.problems
    assert "larger than 64 MB" in problem.message


# -- the command line: exit 3, the problems on stdout, one line on stderr, no traceback -------

CLI_SAMPLE = [
    "aliases a string",
    "duplicate province",
    "gb_code in Arabic-Indic digits",
    "deep nesting at the top",
    "a byte order mark",
    "empty file",
    "hint padding 300 MB",
    "rule flipped, example kept",
    "deadline of a million days",
    "name with a terminal escape",
]


@pytest.mark.parametrize("name", CLI_SAMPLE)
def test_validate_data_reports_without_a_traceback(
    name: str, data_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt, expected = CASES[name]
    path = tmp_path / "corrupted.toml"
    path.write_bytes(corrupt(data_text).encode("utf-8", "surrogatepass"))
    assert main(["validate-data", str(path), "--json"]) == 3
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.count("\n") == 1
    problems = json.loads(out)["problems"]
    for record, field, fragment in expected:
        assert any(
            p["record"] == record and p["field"] == field and fragment in p["message"] for p in problems
        ), (name, problems[:5])


@pytest.mark.skipif(sys.platform == "win32", reason="device files")
def test_validate_data_on_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate-data", "/dev/zero", "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert "not a regular file" in out
    assert "Traceback" not in err
