"""Province resolution: forgiving inputs, canonical outputs, helpful errors."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._policy import province_alias_texts


@pytest.mark.parametrize(
    "text",
    ["CN-GD", "cn-gd", "GD", "gd", "440000", "44", "广东", "广东省", "粤", "Guangdong", "GUANGDONG",
     " 广东 ", "ＣＮ－ＧＤ", "４４００００", "Guangdong Sheng", "\u200b粤\ufeff"],
)  # fmt: skip
def test_spellings_of_guangdong(text: str) -> None:
    province = bp.resolve_province(text)
    assert province.code == "CN-GD"
    assert province.gb_code == "440000"
    assert province.name == "广东省"


@pytest.mark.parametrize(
    ("text", "code"),
    [("蜀", "CN-SC"), ("川", "CN-SC"), ("黔", "CN-GZ"), ("贵", "CN-GZ"), ("滇", "CN-YN"), ("云", "CN-YN"),
     ("陕", "CN-SN"), ("秦", "CN-SN"), ("陇", "CN-GS"), ("甘", "CN-GS"), ("Shanxi", "CN-SX"),
     ("Shaanxi", "CN-SN"), ("晋", "CN-SX"), ("蒙", "CN-NM"), ("内蒙古", "CN-NM"), ("Inner Mongolia", "CN-NM"),
     ("广西", "CN-GX"), ("广西壮族自治区", "CN-GX"), ("Tibet", "CN-XZ"), ("54", "CN-XZ"), ("沪", "CN-SH"),
     ("cn-xj", "CN-XJ")],
)  # fmt: skip
def test_resolution_table(text: str, code: str) -> None:
    assert bp.resolve_province(text).code == code


def test_province_passes_through(policy: bp.Policy) -> None:
    province = policy.provinces[5]
    assert bp.resolve_province(province) is province
    assert bp.get_province(province) is province


def test_shanxi_and_shaanxi_differ() -> None:
    assert bp.resolve_province("Shanxi") != bp.resolve_province("Shaanxi")


@pytest.mark.parametrize("text", ["香港", "Hong Kong", "CN-HK", "澳门", "Macau", "台湾", "臺灣", "港"])
def test_regions_without_icp_say_so(text: str) -> None:
    with pytest.raises(bp.UnknownProvinceError, match="no ICP filing") as info:
        bp.resolve_province(text)
    assert info.value.no_icp_region is not None
    assert bp.get_province(text) is None


def test_unknown_province_suggests_close_matches() -> None:
    with pytest.raises(bp.UnknownProvinceError) as info:
        bp.resolve_province("Guangdon")
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, bp.BeianPolicyError)
    assert error.query == "Guangdon"
    assert any("CN-GD" in s for s in error.suggestions)
    assert "Did you mean" in str(error)


@pytest.mark.parametrize("value", ["", "   ", "CN-ZZ", "99", "火星", 42, None, 4.4, ["粤"]])
def test_junk_raises_the_package_error(value: object) -> None:
    with pytest.raises(bp.UnknownProvinceError):
        bp.resolve_province(value)  # type: ignore[arg-type]
    assert bp.get_province(value, "fallback") == "fallback"


def test_errors_survive_pickling() -> None:
    with pytest.raises(bp.UnknownProvinceError) as info:
        bp.resolve_province("Guangdon")
    exc = info.value
    clone = pickle.loads(pickle.dumps(exc))
    assert (clone.query, clone.suggestions, str(clone)) == (exc.query, exc.suggestions, str(exc))
    with pytest.raises(bp.UnknownProvinceError) as info:
        bp.resolve_province("香港")
    assert pickle.loads(pickle.dumps(info.value)).no_icp_region == info.value.no_icp_region


def test_provinces_listing(policy: bp.Policy) -> None:
    listed = bp.provinces()
    assert listed == policy.provinces
    assert listed[0].name == "北京市"
    assert listed[-1].name == "新疆维吾尔自治区"


def test_search_is_ranked_and_deterministic() -> None:
    assert bp.search_provinces("粤") == (bp.resolve_province("CN-GD"),)
    first = bp.search_provinces("shan")
    assert first == bp.search_provinces("shan")
    assert {p.code for p in first} >= {"CN-SX", "CN-SN", "CN-SD"}
    assert bp.search_provinces("zzzzzz") == ()
    assert len(bp.search_provinces("an", limit=2)) <= 2


def test_province_is_hashable_and_picklable(policy: bp.Policy) -> None:
    provinces = set(policy.provinces)
    assert len(provinces) == 31
    for province in policy.provinces:
        assert pickle.loads(pickle.dumps(province)) == province
    assert str(bp.resolve_province("粤")) == "广东省 (CN-GD)"
    assert bp.resolve_province("粤").display_name.get("en") == "Guangdong"


_ALL_ALIASES = [
    (text, province.code)
    for province in bp.default_policy().provinces
    for text in province_alias_texts(province)
]


def _mangle(text: str, data: st.DataObject) -> str:
    """Render *text* the way people paste it: case, full width, spaces, zero-width chars."""
    if data.draw(st.booleans()):
        text = text.upper() if data.draw(st.booleans()) else text.lower()
    if data.draw(st.booleans()):
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    pad = data.draw(st.sampled_from(["", " ", "\t", "\u3000", "\u200b"]))
    return f"{pad}{text}{pad[::-1]}"


@given(st.sampled_from(_ALL_ALIASES), st.data())
def test_every_alias_resolves_back_however_it_is_typed(alias: tuple[str, str], data: st.DataObject) -> None:
    text, code = alias
    assert bp.resolve_province(_mangle(text, data)).code == code


@given(st.text(max_size=12))
def test_resolution_never_leaks_internal_errors(text: str) -> None:
    try:
        province = bp.resolve_province(text)
    except bp.UnknownProvinceError:
        assert bp.get_province(text) is None
    else:
        assert bp.get_province(text) == province
