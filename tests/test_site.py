"""The real site, built once from the real data: parity, language, hosts, links, content rules."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from baohao.load import load_all
from baohao.patterns import HAN
from conftest import ROOT, project_at

pytestmark = pytest.mark.build

# five or more Latin words in a row is English prose, not a name
QUOTED_LABEL = re.compile(r"“[^“”]{1,80}”")
ENGLISH_RUN = re.compile(r"\b[A-Za-z][A-Za-z'’]*(?:[ -]+[A-Za-z][A-Za-z'’]*){4,}\b")
FORBIDDEN_HOSTS = ("googleapis.com", "gstatic.com", "unpkg.com", "jsdelivr.net", "cdnjs", "google-analytics", "t.me")
WRONG_CLAIMS = ("UMobile", "Caspian Mobile")
PROMO = ("t.me/", "esim1088", "jx0703", "postimg.cc", "telegram.me")


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_text(soup: BeautifulSoup) -> str:
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    # text in another language is marked (lang=...); names of brands in the route finder's list are not prose
    for foreign in article.select("[lang], code, .headerlink, select"):
        foreign.decompose()
    return article.get_text(" ")


def test_every_page_exists_in_both_languages(site: Path) -> None:
    zh = {str(p.relative_to(site)) for p in html_pages(site) if not str(p.relative_to(site)).startswith("en/")}
    en = {str(p.relative_to(site))[3:] for p in html_pages(site) if str(p.relative_to(site)).startswith("en/")}
    assert zh == en
    codes = {c.code for c in load_all(project_at(ROOT)).countries}
    assert {f"countries/{c}/index.html" for c in codes} <= zh
    assert {"index.html", "compare/index.html", "about/index.html", "disclaimer/index.html"} <= zh


def proper_names() -> list[str]:
    """Names written once for both languages (brands, companies, publishers): not prose in either."""
    names = set()
    data = load_all(project_at(ROOT))
    for country in data.countries:
        names |= {o.brand for o in country.operators} | {o.company for o in country.operators if o.company}
        names |= {s.publisher for s in country.sources}
    # the accounts page: the publishers of its sources, and the services' other names (Apple ID)
    names |= {s.publisher for s in data.recycling.sources}
    for service in data.services:
        names |= {s.publisher for s in service.sources} | set(service.also_known_as)
    return sorted(names, key=len, reverse=True)


def test_pages_declare_their_language_and_carry_no_prose_of_the_other(site: Path) -> None:
    names = proper_names()
    for path in html_pages(site):
        rel = str(path.relative_to(site))
        soup = soup_of(path)
        lang = "en" if rel.startswith("en/") else "zh"
        assert soup.html["lang"] == lang, rel
        text = article_text(soup)
        for name in names:
            text = text.replace(name, " ")
        if lang == "en":
            assert not HAN.findall(text), f"{rel}: Chinese text on an English page: {HAN.findall(text)[:5]}"
        else:
            # a label an app shows only in English is quoted as it appears: “I don't have any of these”
            text = QUOTED_LABEL.sub(" ", text)
            assert not ENGLISH_RUN.findall(text), f"{rel}: English prose on a Chinese page: {ENGLISH_RUN.findall(text)}"


def test_language_switcher_points_to_the_same_page(site: Path) -> None:
    soup = soup_of(site / "countries/uz/index.html")
    links = {a["hreflang"]: a["href"] for a in soup.select(".md-select__link[hreflang]")}
    assert links["en"].rstrip("/").endswith("en/countries/uz")
    soup = soup_of(site / "en/countries/uz/index.html")
    links = {a["hreflang"]: a["href"] for a in soup.select(".md-select__link[hreflang]")}
    assert links["zh"].rstrip("/").endswith("countries/uz") and "/en/" not in links["zh"]


def test_no_resource_from_another_host(site: Path) -> None:
    for path in html_pages(site):
        soup = soup_of(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in soup.find_all(tag, attrs={attr: True}):
                url = urlsplit(el[attr])
                assert not url.scheme and not url.netloc, f"{path.relative_to(site)}: {tag} loads {el[attr]}"
        html = path.read_text(encoding="utf-8")
        for host in FORBIDDEN_HOSTS:
            assert host not in html, f"{path.relative_to(site)} mentions {host}"


def test_external_links_open_safely(site: Path) -> None:
    for path in html_pages(site):
        for a in soup_of(path).select("article a[href]"):
            if urlsplit(a["href"]).scheme in ("http", "https"):
                assert {"noopener", "noreferrer"} <= set(a.get("rel", [])), f"{path.relative_to(site)}: {a}"
                assert a["href"].startswith("https://"), a["href"]


def test_no_wrong_claims_or_promotional_links(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".xml", ".json"):
            continue
        text = path.read_text(encoding="utf-8")
        for promo in PROMO:
            assert promo not in text, f"{path.relative_to(site)} contains {promo}"
        if path.suffix == ".html" and "md-content__inner" in text:
            # the guide may name a wrong claim only in the same paragraph that says it is wrong
            for block in soup_of(path).select("article p, article li, article td"):
                content = block.get_text(" ")
                if any(claim in content for claim in WRONG_CLAIMS):
                    assert re.search(r"不存在|没有|紧急|not exist|no such|wrong|emergency|nowhere", content), content


def test_every_country_is_on_the_home_page_compare_table_and_sitemap(site: Path) -> None:
    countries = load_all(project_at(ROOT)).countries
    codes = {c.code for c in countries}
    for prefix in ("", "en/"):
        home = {a["href"] for a in soup_of(site / prefix / "index.html").select("article a[href]")}
        compare = soup_of(site / prefix / "compare/index.html")
        places, brands = compare.select("article table")
        assert len(places.select("tbody tr")) == len(codes)
        # the keep-cost table: one row per brand, unknown costs included
        assert len(brands.select("tbody tr")) == sum(len(c.operators) for c in countries)
        for code in codes:
            assert any(f"countries/{code}/" in href for href in home), (prefix, code)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for code in codes:
        assert f"countries/{code}/" in sitemap


def test_every_fact_link_resolves_to_a_listed_source(site: Path) -> None:
    for path in site.glob("**/countries/*/index.html"):
        soup = soup_of(path)
        ids = {el["id"] for el in soup.select("[id]")}
        refs = soup.select("a.src-ref")
        assert refs, path
        for ref in refs:
            assert ref["href"].removeprefix("#") in ids, f"{path.relative_to(site)}: {ref['href']}"


MARKDOWN_ESCAPE = re.compile(r"\\[.()\-*_!#\[\]{}|]")


def test_no_markup_leaks_into_what_the_reader_sees(site: Path) -> None:
    """Escaped Markdown (a backslash before a dot) or template syntax must never show as text."""
    for path in html_pages(site):
        article = soup_of(path).select_one("article.md-content__inner")
        text = article.get_text(" ") if article else ""
        leaks = MARKDOWN_ESCAPE.findall(text)
        assert not leaks, f"{path.relative_to(site)}: {leaks[:5]}"
        assert "{{" not in text and "{%" not in text, path.relative_to(site)


def test_sitemap_has_no_placeholder_addresses(site: Path) -> None:
    assert "None" not in (site / "sitemap.xml").read_text(encoding="utf-8")
