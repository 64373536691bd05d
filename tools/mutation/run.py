"""A small mutation harness: deliberate bugs in the code and the data, each run
against the tests that should catch it.

Code mutants are made on the AST of the decision, combination-rule (``_statements``),
plan, diagnosis, ICP and preflight modules: a comparison swapped (``==``/``!=``,
``<``/``<=``, ``>``/``>=``, ``in``/``not in``, ``is``/``is not``), ``and``/``or``
swapped, a ``not`` dropped, ``True``/``False`` swapped, a small int constant moved by
one. Data mutants edit ``data/provinces.toml``
one line at a time: a timing flipped, a fact's value flipped, a scope widened, a
source dropped from a list, a claim line removed; in a statement (province or national)
a change dropped or the changes widened to ``*``, the subject kinds dropped or swapped,
the deadline dropped, the statement made boilerplate, the page it is read from swapped
for another page of the province; a preflight check's number moved by one.

Each mutant runs in a scratch copy of the repository (``PYTHONPATH`` points at its
``src``), with ``pytest -x`` over the test files that cover the mutated module, and
counts as killed when a test fails, collection fails, or it times out.

    .venv/bin/python tools/mutation/run.py                 # every mutant (long)
    .venv/bin/python tools/mutation/run.py --quick 12      # a seeded sample of 12 per kind
    .venv/bin/python tools/mutation/run.py --kind data     # only the data mutants
    .venv/bin/python tools/mutation/run.py --jobs 2        # two mutants at a time

Survivors are printed with their diff; equivalent ones are argued in
``tools/mutation/equivalent.md``.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import itertools
import json
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]
PKG = "src/beian_policy"
DATA = "data/provinces.toml"

# The mutated module -> the tests that must catch a bug in it: every test file that
# covers the module and runs in seconds, the module's own first (``pytest -x`` stops at
# the first failure, so a killed mutant rarely runs the later files).
_PREFLIGHT_TESTS = (
    "tests/test_preflight.py",
    "tests/test_preflight_checks.py",
    "tests/test_preflight_properties.py",
)
CODE_TARGETS: dict[str, tuple[str, ...]] = {
    f"{PKG}/_decision.py": (
        "tests/test_truth_table.py",
        "tests/test_decisions.py",
        "tests/test_data.py",
        "tests/test_real_dates.py",
    ),
    f"{PKG}/_statements.py": (
        "tests/test_statements.py",
        "tests/test_truth_table.py",
        "tests/test_real_dates.py",
        "tests/test_decisions.py",
    ),
    f"{PKG}/_plan.py": ("tests/test_plan.py", "tests/test_truth_table.py", "tests/test_real_dates.py"),
    f"{PKG}/_diagnosis.py": ("tests/test_diagnosis.py", "tests/test_vocabulary.py"),
    f"{PKG}/_icp.py": (
        "tests/test_icp.py",
        "tests/test_icp_corpus.py",
        "tests/test_icp_zh_reasons.py",
        "tests/test_icp_wild.py",
    ),
    f"{PKG}/_preflight.py": _PREFLIGHT_TESTS,
    f"{PKG}/_preflight_run.py": _PREFLIGHT_TESTS,
    f"{PKG}/_preflight_people.py": _PREFLIGHT_TESTS,
    f"{PKG}/_preflight_sites.py": (*_PREFLIGHT_TESTS, "tests/test_footer.py"),
}
# The tests that pin data truth, the quickest killers first (``pytest -x`` stops at the
# first failure): the hand-written tables, then the per-provider and dated answers, the
# preflight checks, and the combination rule's tests on edits of the shipped document.
# The decisions.csv snapshot tests are left out: the snapshot is made from the data, so
# it would "kill" every moved decision without saying what is true.
DATA_TESTS = (
    "tests/test_truth_table.py",
    "tests/test_check_truth.py",
    "tests/test_alibaba_truth.py",
    "tests/test_data.py",
    "tests/test_decisions.py",
    "tests/test_providers_data.py",
    "tests/test_real_dates.py",
    "tests/test_preflight_checks.py",
    "tests/test_preflight.py",
    "tests/test_plan.py",
    "tests/test_diagnosis.py",
    "tests/test_statements.py",
)

# Run on the unmutated copy first: a copy that fails them would count every mutant killed.
SANITY_TESTS = ("tests/test_truth_table.py", "tests/test_decisions.py")

_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass(frozen=True)
class Mutant:
    kind: str  # "code" or "data"
    path: str
    index: int  # which candidate in the file
    description: str
    new_text: str
    tests: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.kind}:{Path(self.path).name}#{self.index}"


class _Mutator(ast.NodeTransformer):
    """Applies the *target*-th possible mutation (counting in walk order)."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.seen = 0
        self.description = ""

    def _hit(self, description: str) -> bool:
        hit = self.seen == self.target
        self.seen += 1
        if hit:
            self.description = description
        return hit

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        # Docstrings and type annotations are not behaviour: skip the annotations.
        node.body = [self.visit(stmt) for stmt in node.body]
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        return node

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            swap = _SWAPS.get(type(op))
            if swap is not None and self._hit(f"line {node.lineno}: {type(op).__name__} -> {swap.__name__}"):
                node.ops[i] = swap()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        if self._hit(f"line {node.lineno}: {type(node.op).__name__} -> {type(other).__name__}"):
            node.op = other
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._hit(f"line {node.lineno}: drop not"):
            return node.operand
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if node.value is True or node.value is False:
            if self._hit(f"line {node.lineno}: {node.value} -> {not node.value}"):
                return ast.copy_location(ast.Constant(not node.value), node)
        elif (
            type(node.value) is int
            and 0 <= node.value <= 100
            and self._hit(f"line {node.lineno}: {node.value} -> {node.value + 1}")
        ):
            return ast.copy_location(ast.Constant(node.value + 1), node)
        return node


def _strip_docstrings(tree: ast.Module) -> None:
    """Docstrings are not behaviour: dropped (a ``pass`` where the body would be empty),
    so that no mutant is spent on them. The module's goes too, so that ``from
    __future__`` stays first."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list) or not body:
            continue
        first = body[0]
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            if len(body) > 1:
                del body[0]
            else:
                body[0] = ast.Pass()


def code_mutants() -> Iterator[Mutant]:
    for path, tests in CODE_TARGETS.items():
        source = (ROOT / path).read_text(encoding="utf-8")
        index = 0
        while True:
            tree = ast.parse(source)
            _strip_docstrings(tree)
            mutator = _Mutator(index)
            mutated = mutator.visit(tree)
            if mutator.seen <= index:
                break
            text = ast.unparse(mutated)
            compile(text, path, "exec")  # a mutant that does not compile is a harness bug
            yield Mutant("code", path, index, mutator.description, text, tests)
            index += 1


_DATA_EDITS: list[tuple[str, re.Pattern[str], str]] = [
    ("timing before -> after", re.compile(r'^timing = "before"$'), 'timing = "after"'),
    ("timing after -> before", re.compile(r'^timing = "after"$'), 'timing = "before"'),
    ("timing with_transfer -> before", re.compile(r'^timing = "with_transfer"$'), 'timing = "before"'),
    ("boilerplate true -> false", re.compile(r"^boilerplate = true$"), "boilerplate = false"),
    ("value true -> false", re.compile(r"^value = true$"), "value = false"),
    ("value false -> true", re.compile(r"^value = false$"), "value = true"),
    ("scope -> all", re.compile(r'^scope = "(?!all")[a-z_]+"$'), 'scope = "all"'),
    ("status stated -> unknown", re.compile(r'^status = "stated"$'), 'status = "unknown"'),
    ("deadline 10 -> 30", re.compile(r"^deadline_working_days = 10$"), "deadline_working_days = 30"),
    ("deadline dropped", re.compile(r"^deadline_working_days = \d+$"), ""),
    ("applies_to dropped", re.compile(r"^applies_to = \[.*\]$"), ""),
    (
        "applies_to organisation -> individual",
        re.compile(r'^applies_to = \["organisation"\]$'),
        'applies_to = ["individual"]',
    ),
    (
        "applies_to individual -> organisation",
        re.compile(r'^applies_to = \["individual"\]$'),
        'applies_to = ["organisation"]',
    ),
    ("claims dropped", re.compile(r"^claims = \[\{.*\}\]$"), ""),
    ("trigger always -> never", re.compile(r'^trigger = "always"$'), 'trigger = "never"'),
]
_SOURCES = re.compile(r'^sources = \[("[^"]+"(?:, "[^"]+")+)\]$')


# The records whose values decide answers; the source catalogue, the provinces' names
# and codes, the free-text notes, the worked examples (checked against the rules by the
# loader) and the vocabulary texts are not mutated here (tests/test_corruption.py
# covers their shape).
DECIDING = (
    "[[provinces.statements]]",
    "[[national_statements]]",
    "[provinces.filed_sites_reachable]",
    "[provinces.unfiled_sites_closed]",
    "[[provinces.requirements]]",
    "[[provinces.checks]]",
    "[[failures]]",
    "[[failures.causes]]",
    "[[failures.remedies]]",
    "[[national_rules]]",
)


_STATEMENTS = ("[[provinces.statements]]", "[[national_statements]]")
_CHANGES = re.compile(r'^changes = \[("[^"]+"(?:, "[^"]+")*)\]$')
_CHECK_VALUE = re.compile(r"^value = (\d+)$")
_CITED = re.compile(r'^source = "([^"]+)"$')


def _records(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, end line) of every table, so that an edit can see its record's keys."""
    starts = [n for n, line in enumerate(lines) if line.startswith("[")] + [len(lines)]
    return list(itertools.pairwise(starts))


def _other_page(cited: str, code: str, known: set[str]) -> str | None:
    """Another provider's page (or the current version) for the province, as cited."""
    for prefix in ("tc", "a", "q", "j"):
        candidate = f"{prefix}-cn-{code}"
        if candidate != cited and candidate in known:
            return candidate
    return None


def _statement_edits(
    line: str, keys: set[str], code: str, known: set[str], national: list[str]
) -> list[tuple[str, str]]:
    """Edits of a statement's deciding keys: the changes it covers, whether it is
    boilerplate, and the source (so the provider, date and standing) it is read from."""
    edits: list[tuple[str, str]] = []
    changes = _CHANGES.match(line)
    if changes:
        ids = [c.strip() for c in changes.group(1).split(",")]
        if len(ids) > 1:
            edits.append(("first change dropped", f"changes = [{', '.join(ids[1:])}]"))
        elif ids != ['"*"']:
            edits.append(("changes widened to *", 'changes = ["*"]'))
    if line.startswith("timing = ") and "boilerplate" not in keys and not national:
        edits.append(("made boilerplate", f"{line}\nboilerplate = true"))
    cited = _CITED.match(line)
    if cited:
        if national:  # a national statement: another national statement's source
            others = [n for n in national if n != cited.group(1)]
            other = others[0] if others else None
        else:
            other = _other_page(cited.group(1), code, known)
        if other is not None:
            edits.append(("statement source swapped", f'source = "{other}"'))
    return edits


def data_mutants() -> Iterator[Mutant]:
    lines = (ROOT / DATA).read_text(encoding="utf-8").split("\n")
    known = {m.group(1) for line in lines if (m := re.match(r'^id = "([^"]+)"$', line))}
    national = [
        lines[n + 1 + i].split('"')[1]
        for n, line in enumerate(lines)
        if line == "[[national_statements]]"
        for i in range(3)
        if lines[n + 1 + i].startswith("source = ")
    ]
    keys_of: dict[int, set[str]] = {}
    for first, end in _records(lines):
        keys = {line.split(" = ")[0] for line in lines[first:end] if " = " in line}
        for n in range(first, end):
            keys_of[n] = keys
    index = 0
    section = ""
    code = ""
    for number, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip()
        province = re.match(r'^code = "CN-([A-Z]{2})"$', line)
        if province and section == "[[provinces]]":
            code = province.group(1).lower()
        if section not in DECIDING:
            continue
        edits: list[tuple[str, str]] = []
        for label, pattern, replacement in _DATA_EDITS:
            if pattern.match(line):
                edits.append((label, replacement))
        multi = _SOURCES.match(line)
        if multi:  # a list of several sources: drop the first, or keep only the first
            ids = [s.strip() for s in multi.group(1).split(",")]
            edits.append(("first source dropped", f"sources = [{', '.join(ids[1:])}]"))
            edits.append(("later sources dropped", f"sources = [{ids[0]}]"))
        single = re.match(r'^sources = \["(tc|q|j)-cn-([a-z]{2})"\]$', line)
        if single:  # the deciding source swapped for another provider's page
            other = {"tc": "q", "q": "tc", "j": "tc"}[single.group(1)]
            edits.append(("source swapped", f'sources = ["{other}-cn-{single.group(2)}"]'))
        if section in _STATEMENTS:
            is_national = section == "[[national_statements]]"
            edits += _statement_edits(line, keys_of[number], code, known, national if is_national else [])
        value = _CHECK_VALUE.match(line)
        if value and section == "[[provinces.checks]]":  # a check's number moved by one
            edits.append((f"check value {value.group(1)} -> +1", f"value = {int(value.group(1)) + 1}"))
        for label, replacement in edits:
            new = [*lines[:number], replacement, *lines[number + 1 :]]
            yield Mutant("data", DATA, index, f"line {number + 1}: {label}", "\n".join(new), DATA_TESTS)
            index += 1


def _scratch() -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="beian-mutation-"))
    for part in ("src", "tests", "data", "README.md", "pyproject.toml", "docs", "examples"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, scratch / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, scratch / part)
    return scratch


def run(mutant: Mutant, scratch: Path, timeout: float) -> tuple[str, str]:
    target = scratch / mutant.path
    original = target.read_text(encoding="utf-8")
    target.write_text(mutant.new_text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(scratch / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CI", None)
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header"]
    command += mutant.tests
    try:
        done = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True, timeout=timeout)
        lines = done.stdout.splitlines()
        failed = next(
            (ln for ln in lines if ln.startswith(("FAILED", "ERROR", "E  "))), f"exit {done.returncode}"
        )
        result = ("killed", failed) if done.returncode != 0 else ("survived", "")
    except subprocess.TimeoutExpired:
        result = ("killed", "timeout")
    finally:
        target.write_text(original, encoding="utf-8")
    return result


def _diff(mutant: Mutant) -> str:
    old = (ROOT / mutant.path).read_text(encoding="utf-8")
    if mutant.kind == "code":
        tree = ast.parse(old)
        _strip_docstrings(tree)
        old = ast.unparse(tree)
    lines = difflib.unified_diff(old.splitlines(), mutant.new_text.splitlines(), lineterm="", n=1)
    return "\n".join(list(lines)[2:12])


def _report(mutant: Mutant, status: str, killer: str, seconds: float, log: IO[str] | None) -> None:
    print(f"{status:8} {mutant.name:40} {mutant.description} ({seconds:.0f}s)", flush=True)
    if status == "survived":
        print("    " + _diff(mutant).replace("\n", "\n    "), flush=True)
    if log is not None:
        record = {"mutant": mutant.name, "description": mutant.description, "status": status}
        log.write(json.dumps({**record, "killed_by": killer}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", type=int, metavar="N", help="a seeded sample of N mutants per kind")
    parser.add_argument("--kind", choices=["code", "data", "both"], default="both")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at a time, each in its own copy")
    parser.add_argument("--json", metavar="FILE", help="write one JSON line per mutant to FILE")
    parser.add_argument("--min-code", type=float, default=0.0, help="fail below this share killed")
    parser.add_argument("--min-data", type=float, default=0.0, help="fail below this share killed")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {args.jobs}")
    kinds = ["code", "data"] if args.kind == "both" else [args.kind]
    scratches = [_scratch() for _ in range(args.jobs)]
    sanity = Mutant("none", DATA, -1, "unmutated", (ROOT / DATA).read_text(encoding="utf-8"), SANITY_TESTS)
    if run(sanity, scratches[0], args.timeout)[0] != "survived":  # the unmutated copy must pass
        print("the unmutated copy fails its tests: the harness is broken", file=sys.stderr)
        for scratch in scratches:
            shutil.rmtree(scratch, ignore_errors=True)
        return 2
    idle: queue.SimpleQueue[Path] = queue.SimpleQueue()
    for scratch in scratches:
        idle.put(scratch)

    def run_in_a_free_copy(mutant: Mutant) -> tuple[str, str, float]:
        scratch = idle.get()
        try:
            t0 = time.monotonic()
            status, killer = run(mutant, scratch, args.timeout)
            return status, killer, time.monotonic() - t0
        finally:
            idle.put(scratch)

    scores: dict[str, tuple[int, int]] = {}
    log = open(args.json, "w", encoding="utf-8") if args.json else None  # noqa: SIM115
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for kind in kinds:
                mutants = list(code_mutants() if kind == "code" else data_mutants())
                if args.quick:
                    mutants = random.Random(args.seed).sample(mutants, min(args.quick, len(mutants)))
                killed = 0
                # Results are reported in the sample's order, whatever order they finish in.
                results = pool.map(run_in_a_free_copy, mutants)
                for mutant, (status, killer, seconds) in zip(mutants, results, strict=True):
                    killed += status == "killed"
                    _report(mutant, status, killer, seconds, log)
                scores[kind] = (killed, len(mutants))
    finally:
        for scratch in scratches:
            shutil.rmtree(scratch, ignore_errors=True)
        if log is not None:
            log.close()
    failing = False
    for kind, (killed, total) in scores.items():
        share = killed / total if total else 1.0
        print(f"{kind} mutants: {killed}/{total} killed ({share:.0%})")
        minimum = args.min_code if kind == "code" else args.min_data
        failing |= share < minimum
    print(f"time: {time.monotonic() - started:.0f}s")
    return 1 if failing else 0


if __name__ == "__main__":
    raise SystemExit(main())
