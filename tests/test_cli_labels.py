"""The label table and the code that uses it agree, read from the source.

A label is looked up by a literal key given to one of the formatter's lookups
(``t``, ``colon``, ``label``, ``row``), or through a table of label keys named
``*_LABELS``. A key is never computed, so these two places list every key in use.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import beian_policy._cli as cli
from beian_policy._cli._labels import LABELS

CLI = Path(cli.__file__).parent
LOOKUPS = frozenset({"t", "colon", "label", "row"})


def _trees() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(CLI.glob("*.py")):
        if path.name != "_labels.py":
            yield path.name, ast.parse(path.read_text(encoding="utf-8"))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _lookups(tree: ast.Module) -> Iterator[ast.expr]:
    """The key argument of every call to a lookup, except inside the lookups
    themselves (which pass their parameter on)."""
    inside = {
        id(n)
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef) and f.name in LOOKUPS
        for n in ast.walk(f)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _name(node.func) in LOOKUPS
            and node.args
            and id(node) not in inside
        ):
            yield node.args[0]


def _table_items(tree: ast.Module) -> set[str]:
    """Names bound by looping over a ``*_LABELS`` table (``for key in X_LABELS``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.For | ast.comprehension) and (_name(node.iter) or "").endswith("_LABELS"):
            names |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
    return names


def _label_tables(tree: ast.Module) -> Iterator[ast.expr]:
    """The values of module-level ``*_LABELS`` tables."""
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id.endswith("_LABELS") for t in targets):
                yield node.value


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def keys_used() -> dict[str, set[str]]:
    """Each module's label keys: literal lookups and the contents of its tables."""
    used: dict[str, set[str]] = {}
    for name, tree in _trees():
        keys: set[str] = set()
        for arg in _lookups(tree):
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.add(arg.value)
        for table in _label_tables(tree):
            keys |= _strings(table)
        used[name] = keys
    return used


def test_every_key_the_code_uses_is_in_the_table() -> None:
    missing = {name: sorted(keys - set(LABELS)) for name, keys in keys_used().items() if keys - set(LABELS)}
    assert missing == {}


def test_every_key_in_the_table_is_used() -> None:
    used = set().union(*keys_used().values())
    assert sorted(set(LABELS) - used) == []


def test_no_key_is_computed() -> None:
    """A lookup's key is a literal, or an item of a ``*_LABELS`` table, never built
    from pieces (``"basis_" + basis``, ``f"legend_{column}"``)."""
    computed = []
    for name, tree in _trees():
        items = _table_items(tree)
        for arg in _lookups(tree):
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            from_table = (
                isinstance(arg, ast.Subscript) and (_name(arg.value) or "").endswith("_LABELS")
            ) or (isinstance(arg, ast.Name) and arg.id in items)
            if not (literal or from_table):
                computed.append(f"{name}:{arg.lineno}: {ast.unparse(arg)}")
    assert computed == []


def test_the_check_would_see_a_dead_or_a_missing_key() -> None:
    """The reader finds keys in both places it looks (so the tests above can fail)."""
    used = keys_used()
    assert "not_direct_refile" in used["_render.py"]  # a literal lookup
    assert "basis_national_default" in used["_render.py"]  # in a *_LABELS table
    assert "legend_unfiled_off" in used["_render.py"]  # in a tuple table
    for dead in ("plan_for", "direct_short", "not_direct_short", "std_abbr", "warning"):
        assert dead not in LABELS


def test_labels_have_both_languages() -> None:
    empty = [key for key, text in LABELS.items() if not (text.zh.strip() and text.en.strip())]
    assert empty == []
