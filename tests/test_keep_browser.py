"""The comparison's keep-cost table in Chromium, from the offline bundle: the figures are the API's,
the button orders the brands by yearly cost (cheapest first, unknown last) and back, and without
JavaScript the table reads in the order of the places."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from baohao.publish.bundle import OFFLINE_ZIP, SITE_SLUG
from conftest import FIXTURE_COUNTRY, make_project, reach_planner, run_cli

pytestmark = pytest.mark.browser

KEEPING = {
    # alpha: a 3 USD plan every month; beta: one 0.30 GBP SMS every 6 months (forum price)
    "    website: https://alpha.example.com\n": (
        "    keeping:\n"
        "      options:\n"
        "        - action: plan-purchase\n"
        "          every: {max: 1, unit: months}\n"
        "          price: {amount: 3, currency: USD, seen: 2026-07-01, sources: [alpha-help]}\n"
        "          sources: [alpha-help]\n"
        "      esim: {offered: {value: 'yes', sources: [alpha-help]}}\n"
    ),
    "    website: https://beta.example.com\n": (
        "    keeping:\n"
        "      options:\n"
        "        - action: outgoing-sms\n"
        "          every: {max: 6, unit: months}\n"
        "          price: {amount: 0.30, currency: GBP, seen: 2024-05-29, sources: [blog]}\n"
        "          sources: [alpha-help]\n"
    ),
}
RATES = """\
date: 2026-12-01
rates:
  - {currency: USD, units: 100, cny: 710, sources: [rates]}
  - {currency: GBP, units: 1, cny: 9, sources: [rates]}
sources:
  - id: rates
    url: https://example.org/rates
    title: Central parity
    lang: zh
    publisher: Example
    kind: official
    checked: 2026-12-07
"""

READ_ROWS = """() => [...document.querySelectorAll("div.keep-sort ~ * table tbody tr")]
  .map(tr => {
    const key = tr.querySelector(".keep-cost[data-cny]");
    return [tr.cells[1].innerText.trim(), key ? key.dataset.cny : null, tr.cells[3].innerText.trim()];
  })"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = FIXTURE_COUNTRY.read_text(encoding="utf-8")
    for anchor, block in KEEPING.items():
        text = text.replace(anchor, anchor + block, 1)
    root = make_project(tmp_path_factory.mktemp("keep") / "p", {"kg.yml": text})
    (root / "data/rates.yml").write_text(RATES, encoding="utf-8")
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stdout + result.stderr
    unpacked = root / "unpacked"
    with zipfile.ZipFile(root / "dist" / OFFLINE_ZIP) as bundle:
        bundle.extractall(unpacked)
    return root


def _open(browser: Any, site: Path, lang: str, **options: Any) -> Any:
    page = browser.new_page(**options)
    prefix = "" if lang == "zh" else "en/"
    page.goto((site / "unpacked" / SITE_SLUG / prefix / "compare.html").as_uri())
    return page


def test_the_table_shows_the_apis_figures_and_sorts_by_cost(browser: Any, site: Path) -> None:
    api = json.loads((site / "site/api/v1/keep.json").read_text(encoding="utf-8"))
    cny = {b["brand"]: b["per_year_cny"] for b in api["brands"]}
    assert cny == {"Alpha Mobile": "255.60", "Beta Telecom": "5.40"}
    assert api["rates_date"] == "2026-12-01"
    page = _open(browser, site, "en")
    rows = page.evaluate(READ_ROWS)
    assert [r[0] for r in rows] == ["Alpha Mobile", "Beta Telecom"]  # the order of the data, by place
    assert {r[0]: r[1] for r in rows} == cny
    assert "US$36.00 ≈ CN¥255.60" in rows[0][2] and "£0.60 ≈ CN¥5.40" in rows[1][2]
    assert "unverified" in rows[1][2] and "unverified" not in rows[0][2]  # a forum price is not certain
    button = page.locator("div.keep-sort button")
    assert button.inner_text() == "Sort by cost a year (cheapest first)"
    button.click()
    assert [r[0] for r in page.evaluate(READ_ROWS)] == ["Beta Telecom", "Alpha Mobile"]
    assert button.inner_text() == "Sort by country or region"
    button.click()
    assert [r[0] for r in page.evaluate(READ_ROWS)] == ["Alpha Mobile", "Beta Telecom"]
    page.close()


def test_on_a_phone_each_brand_is_a_card_and_the_button_still_sorts(browser: Any, site: Path) -> None:
    """At 390 px a brand's card starts with the brand (its place beside it), its cost is a labelled
    line inside the screen, nothing scrolls sideways, and the button orders the cards by cost."""
    page = _open(browser, site, "zh", viewport={"width": 390, "height": 844})
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    card = page.locator(".compare--keep tbody tr").first
    brand, place, cost = card.locator("th"), card.locator("td").nth(0), card.locator("td").nth(2)
    box = {name: e.bounding_box() for name, e in (("brand", brand), ("place", place), ("cost", cost))}
    assert box["brand"]["x"] < box["place"]["x"] and box["brand"]["y"] < box["cost"]["y"], box
    assert box["cost"]["x"] >= 0 and box["cost"]["x"] + box["cost"]["width"] <= 390, box
    assert cost.evaluate("td => getComputedStyle(td, '::before').content") == '"每年约"'
    assert "≈ ¥255.60" in cost.inner_text()
    page.locator("div.keep-sort button").click()
    assert [r[0] for r in page.evaluate(READ_ROWS)] == ["Beta Telecom", "Alpha Mobile"]
    first = page.locator(".compare--keep tbody tr").first.locator("th")
    assert first.inner_text() == "Beta Telecom" and first.is_visible()
    page.close()


def test_the_brand_page_says_the_cost_in_both_languages(browser: Any, site: Path) -> None:
    for lang, expected in (
        ("zh", "1 个月内至少买一次套餐；每年约 US$36.00（2026年7月1日的价格；约合 ¥255.60，按 2026年12月1日汇率）"),
        ("en", "buy a plan or pack at least every 1 month; about US$36.00 a year (price seen 1 July 2026; "
               "about CN¥255.60 at the rate of 1 December 2026)"),
    ):  # fmt: skip
        page = browser.new_page()
        prefix = "" if lang == "zh" else "en/"
        page.goto((site / "unpacked" / SITE_SLUG / prefix / "countries/kg/alpha.html").as_uri())
        section = page.locator("#details ~ ul").first.inner_text()
        assert expected in section, section
        page.close()


def test_without_javascript_the_table_reads_by_place_and_has_no_button(browser: Any, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "unpacked" / SITE_SLUG / "en/compare.html").as_uri())
    assert page.locator("div.keep-sort button").count() == 0
    assert not page.locator("div.keep-sort").is_visible()
    rows = page.locator("#keep ~ table tbody tr, #keep ~ * table tbody tr")
    assert rows.count() == 2
    context.close()


def test_the_planners_keep_it_result_gives_the_same_cost_as_the_page(browser: Any, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "unpacked" / SITE_SLUG / "en/countries/kg/alpha.html").as_uri())
    reach_planner(page)
    form = page.locator(".lapse-planner form")
    form.locator("input[name=date]").fill("2026-11-01")
    form.locator("input[value=keep]").check()
    page.evaluate('document.querySelector(".lapse-planner form").dispatchEvent(new Event("change"))')
    line = page.locator("[data-keep-cost]").inner_text()
    assert line == (
        "What keeping it costs a year: buy a plan or pack at least every 1 month; about US$36.00 a year "
        "(price seen 1 July 2026; about CN¥255.60 at the rate of 1 December 2026)"
    )
    page.goto((site / "unpacked" / SITE_SLUG / "en/countries/kg/beta.html").as_uri())
    reach_planner(page)
    # beta: no timeline, so no date to enter, no result and no cost line
    assert not page.locator(".lapse-planner form input[name=date]").is_visible()
    assert page.locator("[data-keep-cost]").count() == 0
    page.close()
