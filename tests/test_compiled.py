"""The compiled policy: used only when it matches the TOML and the code, never when
damaged, made again from the TOML otherwise; and a new process loads only what its
question needs."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import attrs
import pytest

import beian_policy as bp
from beian_policy._data import _compiled, _loader
from beian_policy._data._location import PACKAGE, data_file
from beian_policy._model import Text

TOML = Path(data_file()).read_bytes()
ORIGIN = str(data_file())
HEADER = len(_compiled._MAGIC)


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A compiled file of the shipped policy, in a folder of its own."""
    path = tmp_path / "data" / _compiled.COMPILED_NAME
    monkeypatch.setattr(_compiled, "compiled_file", lambda: path)
    assert _compiled.save_compiled(bp.default_policy(), TOML)
    return path


def test_the_compiled_policy_is_the_policy_loaded_from_the_toml(compiled: Path) -> None:
    loaded = _compiled.load_compiled(TOML, ORIGIN)
    assert loaded is not None
    assert loaded == bp.loads_policy(TOML, origin=ORIGIN)
    assert loaded.origin == ORIGIN
    assert bp.can_transfer_directly("辽宁", ["subject_name"], policy=loaded) is False


def test_the_compiled_policy_has_the_indexes_the_toml_builds(compiled: Path) -> None:
    loaded = _compiled.load_compiled(TOML, ORIGIN)
    assert loaded is not None
    fresh = bp.loads_policy(TOML, origin=ORIGIN)
    assert loaded.index_state() == fresh.index_state()
    # Read-only views stay read-only; every spelling answers as from the TOML.
    with pytest.raises(TypeError):
        loaded._by_alias["x"] = loaded.provinces[0]  # type: ignore[index]
    for alias, province in fresh.alias_keys():
        assert loaded.province_by_alias(alias) == province
    assert bp.resolve_province("Guangdong", policy=loaded) is loaded.province_by_code("CN-GD")


def test_a_payload_without_every_index_is_not_used(compiled: Path) -> None:
    import hashlib
    import pickle

    modules, fields, indexes = pickle.loads(compiled.read_bytes()[HEADER + 96 :])
    for broken in ({k: v for k, v in indexes.items() if k != "_by_code"}, {**indexes, "_extra": {}}):
        payload = pickle.dumps((modules, fields, broken))
        blob = compiled.read_bytes()
        compiled.write_bytes(blob[: HEADER + 64] + hashlib.sha256(payload).digest() + payload)
        assert _compiled.load_compiled(TOML, ORIGIN) is None


def test_the_header_records_the_sha256_of_the_toml_and_of_the_payload(compiled: Path) -> None:
    import hashlib

    blob = compiled.read_bytes()
    assert blob[HEADER : HEADER + 32] == hashlib.sha256(TOML).digest()
    assert blob[HEADER + 64 : HEADER + 96] == hashlib.sha256(blob[HEADER + 96 :]).digest()


def _records_by_type(value: object) -> dict[str, Counter[object]]:
    """Every attrs record reachable from *value*, counted by class name."""
    found: dict[str, Counter[object]] = {}
    stack, seen = [value], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, (tuple, frozenset)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend([*item.keys(), *item.values()])
        elif attrs.has(type(item)):
            found.setdefault(type(item).__name__, Counter())[item] += 1
            stack.extend(getattr(item, a.name) for a in attrs.fields(type(item)))
    return found


# Every record class the shipped policy is made of (model.py's classes and NoIcpRegion).
RECORD_CLASSES = {
    "Cause", "CheckClaim", "Event", "FactClaim", "FailureInfo", "NationalRule", "NoIcpRegion",
    "Province", "ProvinceCheck", "ProvinceNote", "ProvinceRules", "Provider", "RemedyInfo",
    "Requirement", "SiteFact", "Source", "Statement", "StepInfo", "Term", "Text", "TransferNote",
    "WorkedExample",
}  # fmt: skip


def test_every_record_restored_from_the_compiled_form_equals_the_one_built_from_the_toml(
    compiled: Path,
) -> None:
    loaded = _compiled.load_compiled(TOML, ORIGIN)
    assert loaded is not None
    fresh = bp.loads_policy(TOML, origin=ORIGIN)
    restored = _records_by_type(_compiled._fields(loaded))
    built = _records_by_type(_compiled._fields(fresh))
    assert set(restored) == RECORD_CLASSES
    for name in RECORD_CLASSES:
        assert restored[name] == built[name], name
        record = next(iter(restored[name]))
        first = attrs.fields(type(record))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):  # still frozen
            setattr(record, first, None)


def test_records_are_restored_by_their_class_not_by_setstate(compiled: Path) -> None:
    import pickletools

    # attrs' own pickling restores every record with BUILD (a __setstate__ call with a
    # dict of names), three times slower: the compiled form has none.
    opcodes = {op.name for op, _, _ in pickletools.genops(compiled.read_bytes()[HEADER + 96 :])}
    assert "REDUCE" in opcodes
    assert "BUILD" not in opcodes


@attrs.frozen
class TaggedText(Text):
    """A record subclass with a field of its own (at module level: pickle finds it by name)."""

    tag: str = ""


def test_a_record_pickles_as_its_class_and_field_values() -> None:
    import pickle

    from beian_policy._model import Province
    from beian_policy._record import pickled_as_fields

    text = Text("北京", "Beijing")
    assert text.__reduce__() == (Text, ("北京", "Beijing"))
    beijing = bp.resolve_province("北京")
    assert pickle.loads(pickle.dumps(beijing)) == beijing
    assert type(pickle.loads(pickle.dumps(beijing))) is Province

    tagged = TaggedText("北京", "Beijing", "capital")
    assert pickle.loads(pickle.dumps(tagged)) == tagged
    assert pickle.loads(pickle.dumps(tagged)).tag == "capital"

    @attrs.frozen
    class Computed:
        value: str
        length: int = attrs.field(init=False, default=0)

    with pytest.raises(TypeError, match="Computed: every field must be a positional __init__ parameter"):
        pickled_as_fields(Computed)


def test_it_lives_in_the_packages_own_data_folder() -> None:
    assert Path(_compiled.compiled_file()) == Path(PACKAGE) / "data" / "provinces.pickle"


def test_a_changed_toml_is_not_answered_from_the_old_compiled_form(compiled: Path) -> None:
    assert _compiled.load_compiled(TOML + b"\n# edited\n", ORIGIN) is None


@pytest.mark.parametrize(
    ("where", "what"),
    [
        (HEADER, "the recorded TOML hash"),
        (HEADER + 32, "the recorded hash of the model's source"),
        (HEADER + 64, "the recorded payload hash"),
        (-1, "the payload"),
        (0, "the magic line"),
    ],
)
def test_a_damaged_or_tampered_file_is_never_used(compiled: Path, where: int, what: str) -> None:
    blob = bytearray(compiled.read_bytes())
    blob[where] ^= 0xFF
    compiled.write_bytes(bytes(blob))
    assert _compiled.load_compiled(TOML, ORIGIN) is None, what


def test_a_truncated_or_empty_file_is_never_used(compiled: Path) -> None:
    blob = compiled.read_bytes()
    for cut in (0, 10, len(blob) // 2):
        compiled.write_bytes(blob[:cut])
        assert _compiled.load_compiled(TOML, ORIGIN) is None


def test_a_payload_with_a_matching_hash_but_not_a_policy_is_not_used(compiled: Path) -> None:
    import hashlib
    import pickle

    payload = pickle.dumps((("beian_policy._policy",), {"nonsense": 1}))
    blob = compiled.read_bytes()
    start = HEADER + 64
    compiled.write_bytes(blob[:start] + hashlib.sha256(payload).digest() + payload)
    assert _compiled.load_compiled(TOML, ORIGIN) is None


def test_a_symlink_is_never_followed(compiled: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.pickle"
    compiled.rename(elsewhere)
    compiled.symlink_to(elsewhere)
    assert _compiled.load_compiled(TOML, ORIGIN) is None


def test_a_stale_model_makes_it_stale(compiled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = _compiled._modules_digest
    monkeypatch.setattr(_compiled, "_modules_digest", lambda modules: real(modules)[::-1])
    assert _compiled.load_compiled(TOML, ORIGIN) is None


def test_the_shipped_policy_is_made_again_from_the_toml_when_the_compiled_one_is_bad(
    compiled: Path,
) -> None:
    compiled.write_bytes(b"garbage")
    policy = _loader._load_default()
    assert policy == bp.loads_policy(TOML, origin=ORIGIN)
    assert _compiled.load_compiled(TOML, ORIGIN) == policy  # written again, good this time


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder" / "provinces.pickle"
    (tmp_path / "not-a-folder").write_text("a file where the folder would be", encoding="utf-8")
    assert _compiled.save_compiled(bp.default_policy(), TOML, target) is False


# -- what a new process loads ------------------------------------------------------------------

HEAVY = ("cattrs", "tomllib", "difflib", "beian_policy._data._build", "beian_policy._json")


def loaded_by(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [line for line in result.stdout.splitlines() if line.startswith("[")]


def test_a_first_answer_loads_neither_the_toml_machinery_nor_the_views() -> None:
    bp.default_policy()  # the checkout's compiled policy exists from here on
    assert loaded_by("import beian_policy as bp; bp.can_transfer_directly('北京', ['subject_name'])") == [
        "[]"
    ]


# Modules a first answer (or one CLI check) does not need: each costs a new process
# time to import (pathlib brings urllib.parse and ipaddress; shutil the compression
# modules), or creates classes and enums it never uses.
NOT_ON_THE_FIRST_ANSWER = (
    "pathlib",
    "shutil",
    "urllib.parse",
    "ipaddress",
    "beian_policy._places",
    "beian_policy._plan",
    "beian_policy._diagnosis",
    "beian_policy._icp",
    "beian_policy._grid",
    "beian_policy._finding",
    "beian_policy._application",
    "beian_policy._output_schema",
    "beian_policy._preflight",
    "beian_policy.model",
    "beian_policy._ids",  # the step and finding ids
    "beian_policy._problem",  # DataProblem
    "beian_policy._data._report",  # PolicyReport
)


def _imported(code: str, modules: tuple[str, ...]) -> list[str]:
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [line for line in result.stdout.splitlines() if line.startswith("[")]


def test_a_first_answer_imports_only_what_it_needs() -> None:
    answer = "import beian_policy as bp; assert bp.can_transfer_directly('北京', ['subject_name']) is False"
    assert _imported(answer, NOT_ON_THE_FIRST_ANSWER) == ["[]"]
    # The probe sees them when they are imported.
    assert _imported(f"{answer}; import pathlib, beian_policy._places", NOT_ON_THE_FIRST_ANSWER) == [
        "['beian_policy._places', 'ipaddress', 'pathlib', 'urllib.parse']"
    ]


def test_one_cli_check_imports_only_what_it_needs() -> None:
    check = (
        "import contextlib, io\n"
        "from beian_policy._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['check', '北京', '-c', 'subject_name', '--lang', 'en']) == 0\n"
        "assert out.getvalue().startswith('Beijing (北京市, CN-BJ)')"
    )
    assert _imported(check, NOT_ON_THE_FIRST_ANSWER) == ["[]"]


def test_importing_the_package_loads_no_question_module() -> None:
    code = "import beian_policy, sys; print(sorted(m for m in sys.modules if m.startswith('beian_policy.')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['beian_policy._version']"


def test_every_public_name_is_there_on_first_use() -> None:
    namespace: dict[str, object] = {}
    exec("from beian_policy import *", namespace)
    assert sorted(k for k in namespace if not k.startswith("__") or k == "__version__") == sorted(bp.__all__)
    assert namespace["can_transfer_directly"] is bp.can_transfer_directly
    assert namespace["errors"] is bp.errors
    assert dir(bp) == sorted(bp.__all__)
    with pytest.raises(AttributeError, match="no_such_name"):
        bp.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_the_classes_made_on_first_use_are_where_they_were() -> None:
    import pickle

    from beian_policy.errors import DataProblem

    problem = DataProblem("CN-BJ", "name", "empty")
    assert str(problem) == "CN-BJ: name: empty"
    assert bp.errors.DataProblem is DataProblem is bp.model.DataProblem
    assert pickle.loads(pickle.dumps(problem)) == problem
    namespace: dict[str, object] = {}
    exec("from beian_policy.errors import *", namespace)
    assert namespace["DataProblem"] is DataProblem
    with pytest.raises(AttributeError, match="no_such_error"):
        bp.errors.no_such_error  # type: ignore[attr-defined]  # noqa: B018
    report = bp.validate_policy(text=b"not toml = = =")
    assert isinstance(report, bp.model.PolicyReport)
    assert report.ok is False
    assert report.problems[0].record == "(file)"
    assert bp.model.StepId.SUBMIT_TRANSFER == "submit_transfer"
    assert bp.model.FindingId.FOOTER_LINK_WRONG == "footer_link_wrong"
