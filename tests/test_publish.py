"""What the build publishes besides pages: the open-data API, the Atom feeds, the staff card, print."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup

from baohao import keeping
from baohao.load import load_all
from baohao.project import Project
from conftest import ROOT, project_at

pytestmark = pytest.mark.build
DATA = load_all(project_at(ROOT))
CODES = sorted(c.code for c in DATA.countries)


def validator(path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_api_files_follow_the_published_schema(real_site: Path) -> None:
    api = real_site / "api/v1"
    country_schema = validator(api / "country.schema.json")
    index_schema = validator(api / "countries.schema.json")
    index = json.loads((api / "countries.json").read_text(encoding="utf-8"))
    index_schema.validate(index)
    assert [c["code"] for c in index["countries"]] == CODES
    for entry in index["countries"]:
        country_schema.validate(entry)
    for code in CODES:
        document = json.loads((api / f"countries/{code}.json").read_text(encoding="utf-8"))
        country_schema.validate(document)
        assert document == next(c for c in index["countries"] if c["code"] == code)
        # every field, both languages, sources included, and the licence
        assert document["licence"] == "CC BY-SA 4.0"
        assert set(document["summary"]) == {"zh", "en"} and document["names"]["zh"] and document["names"]["en"]
        assert document["sources"] and all(s["checked"] for s in document["sources"])
        assert (real_site / document["pages"]["zh"] / "index.html").exists()
        assert (real_site / document["pages"]["en"] / "index.html").exists()
    assert index["licence"] == "CC BY-SA 4.0"


def test_a_schema_violation_is_caught_by_the_independent_validator(real_site: Path) -> None:
    api = real_site / "api/v1"
    document = json.loads((api / f"countries/{CODES[0]}.json").read_text(encoding="utf-8"))
    document["routes"][0]["from_abroad"]["value"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validator(api / "country.schema.json").validate(document)


@pytest.mark.parametrize(("lang", "path"), [("zh", "feed.xml"), ("en", "en/feed.xml")])
def test_atom_feeds_parse_and_list_every_change(real_site: Path, lang: str, path: str) -> None:
    feed = feedparser.parse((real_site / path).read_text(encoding="utf-8"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    build_date = Project.resolve(ROOT).build_date
    risks = [r for c in DATA.countries for _, r in keeping.recent_risks(c.operators, build_date)]
    changes = sum(len(c.changes) for c in DATA.countries) + len(risks)
    assert len(feed.entries) == changes
    dates = [e.updated_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len({e.id for e in feed.entries}) == changes
    titles = "\n".join(e.title for e in feed.entries)
    assert all(r.headline[lang] in titles for r in risks)  # a recent risk reaches the feed's readers
    for entry in feed.entries:
        assert entry.link.startswith("countries/")


def test_every_page_links_its_language_feed_in_the_head(real_site: Path) -> None:
    for page in sorted(real_site.rglob("*.html")):
        rel = page.relative_to(real_site).as_posix()
        if rel == "404.html":
            continue
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
            "link", attrs={"type": "application/atom+xml"}
        )
        assert link is not None, rel
        target = (page.parent / link["href"]).resolve()
        expected = real_site / ("en/feed.xml" if rel.startswith("en/") else "feed.xml")
        assert target == expected.resolve(), rel


def test_home_page_shows_recent_changes(real_site: Path) -> None:
    for prefix in ("", "en/"):
        soup = BeautifulSoup((real_site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
        section = soup.find(id="changes")
        assert section is not None
        items = section.find_next("ul").find_all("li")
        assert items and all(li.find("a")["href"].endswith("#changes") for li in items)


def staff_card(real_site: Path, prefix: str, code: str) -> list[Any]:
    """The staff card of the place's first brand page that has one (a brand with a way at a shop)."""
    for page in sorted((real_site / prefix / "countries" / code).glob("*/index.html")):
        cards = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(".staff-card")
        if cards:
            return cards
    return []


def shop_places() -> list[Any]:
    return [c for c in DATA.countries if any(r.kind == "in-store" for r in c.routes)]


def test_a_staff_card_only_where_a_way_needs_a_shop(real_site: Path) -> None:
    for country in DATA.countries:
        shop = any(r.kind == "in-store" for r in country.routes)
        assert bool(staff_card(real_site, "", country.code)) == shop, country.code


@pytest.mark.parametrize(("code", "languages"), [(c.code, c.staff_card.languages) for c in shop_places()])
def test_staff_card_in_the_staff_language_with_its_meaning(real_site: Path, code: str, languages: list[str]) -> None:
    for prefix in ("", "en/"):
        cards = staff_card(real_site, prefix, code)
        assert len(cards) == len(languages)
        for card, lang in zip(cards, languages, strict=True):
            rows = card.select("tbody tr")
            assert len(rows) >= 4
            for row in rows:
                staff, meaning = row.find_all("td")
                assert staff.find(attrs={"lang": lang}) is not None
                assert meaning.get_text().strip()
            assert "____" in card.get_text()
            # the flag that no native speaker has reviewed the text stays visible
            assert ("母语者" if not prefix else "native speaker") in card.get_text()


def test_refund_request_left_out_only_where_no_operator_refunds(real_site: Path) -> None:
    for country in shop_places():
        rules = country.rules.balance_refund
        refunds = not rules or any(r.value != "no" for r in rules)
        text = staff_card(real_site, "en/", country.code)[0].get_text()
        assert ("refund the remaining balance" in text) == refunds, country.code
