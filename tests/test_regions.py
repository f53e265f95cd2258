"""Places grouped as readers look for them (data/regions.yml), in one order everywhere, and the numbers
readers keep most (data/kept_most.yml) first on the home page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from baohao.load import DataError, load_all
from baohao.models import Country
from baohao.present.navigation import nav_translations, navigation
from baohao.present.pages import render_pages
from baohao.present.places import brand_page, places_by_region, places_in_order
from conftest import ROOT, line_of, make_project, project_at, set_kept_most

REAL = project_at(ROOT)
DATA = load_all(REAL)
PAGES = {page.path: page.content for page in render_pages(DATA, REAL)}


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_all(project_at(root))
    return [str(p) for p in caught.value.problems]


def edit(root: Path, name: str, old: str, new: str) -> str:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.replace(old, new, 1)


# --- the regions file -------------------------------------------------------------------


def test_a_place_in_an_unknown_region_is_located_with_every_known_id(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text.replace("region: central-asia", "region: nowhere")})
    [problem] = problems(root)
    known = ", ".join(r.id for r in DATA.vocabulary.regions.regions)
    assert problem == (
        f"data/countries/kg.yml:{line_of(fixture_text, 'region:')}:9: region: unknown region id 'nowhere', "
        f"not in data/regions.yml; known ids: {known}"
    )


def test_a_repeated_region_id_names_its_first_use(project: Path) -> None:
    text = edit(project, "regions.yml", "  - id: europe\n", "  - id: east-asia\n")
    [problem] = problems(project)
    first = line_of(text, "- id: east-asia")
    second = line_of(text, "- id: east-asia", 2)
    assert (
        problem == f"data/regions.yml:{second}:9: regions[3].id: duplicate id 'east-asia' (first used on line {first})"
    )


def test_a_region_without_its_english_name_is_located(project: Path) -> None:
    text = edit(project, "regions.yml", "{zh: 欧洲, en: Europe}", "{zh: 欧洲}")
    [problem] = problems(project)
    assert problem.startswith(f"data/regions.yml:{line_of(text, '{zh: 欧洲}')}:")
    assert problem.endswith("regions[3].name.en: the English (en) text is missing; every text needs both zh and en")


def test_two_regions_with_one_name_are_refused(project: Path) -> None:
    edit(project, "regions.yml", "{zh: 北美, en: North America}", "{zh: 欧洲, en: North America}")
    [problem] = problems(project)
    assert problem.startswith("data/regions.yml:") and "two regions are named '欧洲' in zh" in problem


def test_a_kept_brand_must_exist(project: Path) -> None:
    set_kept_most(project, ["kg/alpha", "kg/gamma", "gb/giffgaff"])
    assert problems(project) == [
        "data/kept_most.yml:4:3: brands[1]: unknown operator id 'gamma', not in data/countries/kg.yml; "
        "its operators: alpha, beta",
        "data/kept_most.yml:5:3: brands[2]: no file data/countries/gb.yml; places with a file: kg",
    ]


def test_the_fixture_country_still_loads_with_its_region_and_kept_brand(project: Path) -> None:
    data = load_all(project_at(project))
    assert [(c.code, c.region) for c in data.countries] == [("kg", "central-asia")]
    assert data.kept_most.ranked() == [("kg", "alpha")]


# --- one order --------------------------------------------------------------------------


def place(code: str, region: str) -> Country:
    """A place under another code (its name from CLDR) and region."""
    return DATA.countries[0].model_copy(update={"code": code, "region": region, "name": None})


def test_one_order_regions_first_then_kept_places_then_english_names() -> None:
    codes = ["ru", "de", "gb", "mo", "hk", "jp", "fr"]
    regions = {"ru": "europe", "de": "europe", "gb": "europe", "fr": "europe", "mo": "hk-mo-tw", "hk": "hk-mo-tw"}
    countries = [place(c, regions.get(c, "east-asia")) for c in codes]
    kept = DATA.kept_most.model_copy(update={"brands": ["gb/alpha", "hk/alpha"]})
    grouped = places_by_region(countries, DATA.vocabulary.regions, kept, lambda c: c)
    assert [(r.id, [c.code for c in group]) for r, group in grouped] == [
        ("hk-mo-tw", ["hk", "mo"]),  # the kept one first
        ("east-asia", ["jp"]),
        ("europe", ["gb", "fr", "de", "ru"]),  # kept first, then France, Germany, Russia
    ]  # regions with no place are left out
    assert [c.code for c in places_in_order(countries, DATA.vocabulary.regions, kept, lambda c: c)] == [
        "hk", "mo", "jp", "gb", "fr", "de", "ru"
    ]  # fmt: skip


def real_order() -> list[str]:
    return [c.code for c in places_in_order(DATA.countries, DATA.vocabulary.regions, DATA.kept_most, lambda c: c)]


def nav_places(nav: list[Any]) -> tuple[list[str], list[str]]:
    """The region titles and the place codes of the navigation's country section, in order."""
    [section] = [entry for entry in nav if isinstance(entry, dict)]
    [groups] = section.values()
    titles = [title for group in groups for title in group]
    # each place is a section of its own: its overview first, then its brands' pages
    sections = [section for group in groups for places in group.values() for section in places]
    overviews = [next(iter(section.values()))[0] for section in sections]
    codes = [page.removeprefix("countries/").removesuffix("/index.md") for page in overviews]
    return titles, codes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_the_nav_and_the_comparison_list_places_in_one_order(lang: str) -> None:
    titles, nav = nav_places(navigation(DATA, REAL))
    home = PAGES[f"index.{lang}.md"]
    listed = re.findall(r'\{ data-country="([a-z]{2})" \}', home)
    compare = re.findall(
        r'<th role="rowheader"[^>]*>\[[^]]+\]\(countries/([a-z]{2})/index\.md\)', PAGES[f"compare.{lang}.md"]
    )
    assert nav == listed == compare[: len(nav)] == real_order()
    # the UK under Europe and the US under North America, Hong Kong first, in the menu and on the page
    assert titles[:1] == ["港澳台"] and nav[0] == "hk" and "gb" in nav[: nav.index("us")]
    names = {r.name["zh"]: r.name[lang] for r in DATA.vocabulary.regions.regions}
    headings = re.findall(r"^### (.+)$", home.split("{ #countries }")[1], re.MULTILINE)
    assert headings == [names[t] for t in titles]
    if lang != "zh":
        translated = nav_translations(DATA, REAL, lang)
        assert [translated[t] for t in titles] == headings


def test_the_button_goes_to_the_list_of_places() -> None:
    home = PAGES["index.zh.md"]
    assert "[选择国家或地区](#countries)" in home
    assert home.index("{ #countries }") < home.index("### 港澳台")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_numbers_readers_keep_most_come_first_and_link_to_their_brand(lang: str) -> None:
    home = PAGES[f"index.{lang}.md"]
    block = home.split("{ #kept-most }")[1].split("\n## ")[0]
    assert home.index("{ #kept-most }") < home.index("{ #options }")  # near the top, before the long text
    links = re.findall(r"^- \[([^]]+)\]\(([^)]+)\)(.+)$", block, re.MULTILINE)
    by_code = {c.code: c for c in DATA.countries}
    assert len(links) == len(DATA.kept_most.brands) >= 5
    for (brand, target, where), (code, operator_id) in zip(links, DATA.kept_most.ranked(), strict=True):
        country = by_code[code]
        assert brand.replace("\\", "") == country.operator(operator_id).brand
        assert country.display_name(lang) in where
        assert target == brand_page(code, operator_id)
        # the link lands on the brand's own page
        assert target.replace(".md", f".{lang}.md") in PAGES
    assert links[0][0] == "giffgaff"
