"""The search's other names, without a build: a brand's aliases in data (checked where they are
written), the entries of the index they go on, and the words jieba learns from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from baohao.load import DataError, load_all
from baohao.publish.search_index import (
    FIELD,
    FoundBy,
    add_names,
    add_segmenter_words,
    found_by,
    segmenter_words,
    split_search_index,
)
from conftest import ROOT, line_of, make_project, project_at

REAL = load_all(project_at(ROOT))


def with_aliases(fixture_text: str, line: str) -> str:
    return fixture_text.replace("    brand: Alpha Mobile\n", f"    brand: Alpha Mobile\n{line}", 1)


def problems(tmp_path: Path, text: str) -> list[str]:
    root = make_project(tmp_path / f"p{len(list(tmp_path.iterdir()))}", {"kg.yml": text})
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    ("line", "where", "message"),
    [
        ("    aliases: [阿尔法, alpha, ALPHA]\n", "operators[0].aliases", "lists 'ALPHA' more than once (as 'alpha')"),
        ("    aliases: [阿尔法, alpha mobile]\n", "operators[0].aliases", "'alpha mobile' is the brand itself"),
        ('    aliases: ["阿尔法\\n"]\n', "operators[0].aliases[0]", "contains a line break"),
        ("    aliases: [' Alpha']\n", "operators[0].aliases[0]", "has leading or trailing spaces"),
        ("    aliases: [1010]\n", "operators[0].aliases[0]", "must be text"),
    ],
)
def test_a_wrong_alias_is_one_located_line(
    tmp_path: Path, fixture_text: str, line: str, where: str, message: str
) -> None:
    text = with_aliases(fixture_text, line)
    [problem] = problems(tmp_path, text)
    assert problem.startswith(f"data/countries/kg.yml:{line_of(text, 'aliases:')}:"), problem
    assert f": {where}: " in problem and message in problem, problem


def test_aliases_are_optional_and_kept_in_order(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": with_aliases(fixture_text, "    aliases: [阿尔法, ALM]\n")})
    [country] = load_all(project_at(root)).countries
    assert [o.aliases for o in country.operators] == [["阿尔法", "ALM"], []]


def test_the_real_aliases_name_what_readers_type() -> None:
    """Issue 22: 和记 / 和記 / 3香港 reach 3HK, 中国移动香港 / CMHK reach CMHK, 数码通 reaches SmarTone."""
    aliases = {(c.code, o.id): o.aliases for c in REAL.countries for o in c.operators}
    assert {"和记", "和記", "3香港", "Hutchison"} <= set(aliases["hk", "three-hk"])
    assert {"中国移动香港", "中國移動香港", "CMHK"} <= set(aliases["hk", "cmhk"])
    assert {"数码通", "數碼通"} <= set(aliases["hk", "smartone"])


def entry(location: str, **fields: Any) -> dict[str, Any]:
    return {"location": location, "title": "t", "text": "", **fields}


THREE = FoundBy("brand 3HK (hk)", (("countries/hk/three-hk", ""), ("countries/hk", "brand-three-hk")), ("和记", "3 HK"))


@pytest.mark.parametrize(
    ("locations", "named"),
    [
        # today: the brand's section of the place's page, online and in the offline bundle
        (["countries/hk/", "countries/hk/#brand-three-hk", "countries/hk/#brand-csl"], "countries/hk/#brand-three-hk"),
        (["countries/hk.html", "countries/hk.html#brand-three-hk"], "countries/hk.html#brand-three-hk"),
        # a page per brand: the brand's page itself, even where its place's page keeps a section
        (["countries/hk/", "countries/hk/#brand-three-hk", "countries/hk/three-hk/"], "countries/hk/three-hk/"),
        (
            ["countries/hk/index.html", "countries/hk/three-hk.html", "countries/hk/three-hk.html#keep"],
            "countries/hk/three-hk.html",
        ),
    ],
)
def test_other_names_go_on_the_brands_own_entry(locations: list[str], named: str) -> None:
    entries = [entry(location) for location in locations]
    add_names(entries, [THREE], "zh", "zh")
    assert {e["location"]: e[FIELD] for e in entries if FIELD in e} == {named: ["和记", "3 HK"]}


def test_english_pages_get_only_the_names_their_index_can_hold() -> None:
    entries = [entry("countries/hk/#brand-three-hk")]
    add_names(entries, [THREE], "en", "zh")
    assert entries[0][FIELD] == ["3 HK"]


def test_a_brand_its_page_lost_is_an_error_not_a_silent_miss() -> None:
    with pytest.raises(
        ValueError, match=r"brand 3HK \(hk\): none of countries/hk/three-hk, countries/hk#brand-three-hk"
    ):
        add_names([entry("countries/hk/"), entry("countries/hk/#brand-csl")], [THREE], "zh", "zh")


def test_every_real_brand_with_aliases_and_every_service_has_names() -> None:
    found = {item.what: item.names for item in found_by(REAL)}
    assert found["brand 3HK (hk)"][:2] == ("和记", "和記")
    assert found["service wechat"][:2] == ("微信", "WeChat")
    brands = sum(1 for c in REAL.countries for o in c.operators if o.aliases)
    assert len(found) == brands + len(REAL.services)


def test_split_indexes_carry_the_names_and_their_boost(tmp_path: Path) -> None:
    merged = {
        "config": {
            "lang": ["zh", "en"],
            "separator": "[\\s]+",
            "pipeline": ["trimmer"],
            "fields": {"title": {"boost": 1000.0}},
        },
        "docs": [entry("countries/hk/#brand-three-hk"), entry("en/countries/hk/#brand-three-hk")],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(merged), encoding="utf-8")
    assert split_search_index(tmp_path, "zh", ["en"], [THREE]) == {"zh": 1, "en": 1}
    for folder, names in (("", ["和记", "3 HK"]), ("en", ["3 HK"])):
        index = json.loads((tmp_path / folder / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["fields"][FIELD] == {"boost": 1000.0}
        assert index["docs"][0][FIELD] == names


def test_jieba_learns_the_names_it_would_cut_into_characters_only() -> None:
    import jieba  # type: ignore[import-untyped]

    words = segmenter_words(REAL)
    assert {"和记", "和記", "数码通", "中国移动香港"} <= set(words)
    added = add_segmenter_words(words)
    # 和记 was 和 | 记 (a search for it found every 和); 中国移动香港 is already 中国移动 | 香港
    assert {"和记", "和記"} <= set(added) and "中国移动香港" not in added
    assert jieba.lcut("和记电话有限公司")[0].startswith("和记")
    # the text around a new word is cut as before: 和记录 is "and records", 和记者 "with reporters"
    assert jieba.lcut("保存截图和记录") == ["保存", "截图", "和", "记录"]
    assert jieba.lcut("我们和记者谈过") == ["我们", "和", "记者", "谈过"]
