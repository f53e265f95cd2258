"""Rendering fixture countries into Markdown: what the reader will see, before MkDocs."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from baohao.load import load_all
from baohao.present.escape import md
from baohao.present.pages import render_pages
from baohao.present.render import render
from baohao.present.sync import write_pages
from conftest import ROOT, make_project, project_at, set_kept_most

TODAY = dt.date(2026, 11, 22)


def pages_of(root: Path) -> dict[str, str]:
    return {p.path: p.content for p in render_pages(load_all(project_at(root)), project_at(root, TODAY))}


def place(pages: dict[str, str], lang: str, code: str = "kg") -> str:
    """A place's overview page."""
    return pages[f"countries/{code}/index.{lang}.md"]


def brand(pages: dict[str, str], operator: str, lang: str, code: str = "kg") -> str:
    return pages[f"countries/{code}/{operator}.{lang}.md"]


def compare_row(page: str, place: str) -> str:
    """The comparison's row (one card on a phone) for a place, as written in the Markdown page."""
    return next(row for row in page.split("<tr ") if f"[{place}](" in row.split("\n", 2)[1])


def test_every_page_in_both_languages(project: Path) -> None:
    assert sorted(pages_of(project)) == [
        "accounts.en.md",
        "accounts.zh.md",
        "compare.en.md",
        "compare.zh.md",
        "countries/kg/alpha.en.md",
        "countries/kg/alpha.zh.md",
        "countries/kg/beta.en.md",
        "countries/kg/beta.zh.md",
        "countries/kg/index.en.md",
        "countries/kg/index.zh.md",
        "index.en.md",
        "index.zh.md",
    ]


def test_place_and_brand_page_sections_and_language_neutral_values(project: Path) -> None:
    pages = pages_of(project)
    zh, en = place(pages, "zh"), place(pages, "en")
    assert zh.startswith("---\n") and "# 吉尔吉斯斯坦：注销保号卡" in zh
    assert "# Kyrgyzstan: cancelling a prepaid SIM" in en
    for anchor in ("#brands", 'id="brand-alpha"', "(alpha.md)", "(beta.md)", "#before", "#after", "#faq", "#sources"):
        assert anchor in zh and anchor in en
    zh, en = brand(pages, "alpha", "zh"), brand(pages, "alpha", "en")
    assert "# Alpha Mobile（吉尔吉斯斯坦）：保号还是销号 {" in zh
    assert "# Alpha Mobile \\(Kyrgyzstan\\): keep it or end it {" in en
    for anchor in ("#details", "#routes", 'id="route-lapse"', "#lapse", "#planner", "#contacts", "#sources"):
        assert anchor in zh and anchor in en
    zh, en = zh + place(pages, "zh"), en + place(pages, "en")
    # numbers, periods and fees are written once and shown in both languages
    assert "90–180 天" in zh and "90–180 days" in en
    assert "100 吉尔吉斯斯坦索姆" in zh and "Kyrgystani Som 100" in en
    assert "care@alpha\\.example\\.com" in zh and "care@alpha\\.example\\.com" in en


def test_facts_link_to_sources_and_unsourced_facts_say_unverified(project: Path) -> None:
    pages = pages_of(project)
    zh, en = brand(pages, "alpha", "zh"), brand(pages, "alpha", "en")
    # a sourced step links to its numbered source, which has an anchor in the list
    assert '<a class="src-ref" href="#source-alpha-help"' in zh
    assert '<span id="source-alpha-help"></span>' in zh
    step_without_source = next(line for line in en.splitlines() if "Stop topping up and wait" in line)
    assert 'class="unverified"' in step_without_source
    # advice needs no source and carries no mark
    advice = next(line for line in en.splitlines() if "Ask for written confirmation" in line)
    assert "unverified" not in advice and "src-ref" not in advice
    # a fact backed only by a weak source is still unverified, with the source shown
    fee = next(line for line in zh.splitlines() if "手续费" in line)
    assert "未核实（仅有弱来源）" in fee and "#source-blog" in fee
    # the source list shows kind, checked date, and warns about old pages
    blog = next(line for line in zh.splitlines() if 'id="source-blog"' in line)
    assert "弱" in blog and "核对于 2026年1月10日" in blog and "页面较旧" in blog
    assert 'hreflang="ru"' in blog


def test_missing_values_are_unverified_not_invented(project: Path) -> None:
    en = brand(pages_of(project), "beta", "en")
    # the in-store route has no time in the data: it says unverified instead of a guess
    office = en.split('id="route-office"')[1].split("</details>")[0]
    time_line = next(line for line in office.splitlines() if line.startswith("- **How long it takes**"))
    assert 'class="unverified"' in time_line
    # an operator with no known website
    assert "Beta Telecom" in en


def test_stale_review_warning(project: Path) -> None:
    data = load_all(project_at(project))
    old = render_pages(data, project_at(project, dt.date(2028, 1, 1)))
    fresh = render_pages(data, project_at(project, TODAY))
    for path in ("countries/kg/index.en.md", "countries/kg/alpha.en.md"):
        assert "has not been reviewed for over 12 months" in next(p.content for p in old if p.path == path)
        assert "has not been reviewed" not in next(p.content for p in fresh if p.path == path)


def test_compare_and_home_list_every_country(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(
        tmp_path / "p", {"kg.yml": fixture_text, "tj.yml": fixture_text.replace("code: kg", "code: tj")}
    )
    pages = pages_of(root)
    for lang in ("zh", "en"):
        assert "(countries/kg/index.md)" in pages[f"compare.{lang}.md"]
        assert "(countries/tj/index.md)" in pages[f"compare.{lang}.md"]
        assert "(countries/kg/index.md)" in pages[f"index.{lang}.md"]
        assert "(countries/tj/alpha.md)" in pages[f"index.{lang}.md"]
    row = compare_row(pages["compare.en.md"], "Tajikistan")
    assert "Alpha Mobile: 90–180 days" in row and "(countries/tj/index.md)" in row


def test_every_comparison_cell_carries_its_columns_name(project: Path) -> None:
    """On a phone each row is a card whose lines are labelled from data-label: every cell has the name
    of its column, in the page's language, and each row has one header (the place, or the brand)."""
    for lang, first in (("zh", "人在内地，能不要这个号吗"), ("en", "Can I end it from mainland China?")):
        soup = BeautifulSoup(pages_of(project)[f"compare.{lang}.md"], "html.parser")
        tables = soup.select("div.compare table")
        assert len(tables) == 2
        for table in tables:
            headers = [th.get_text() for th in table.select("thead th")]
            rows = table.select("tbody tr")
            assert rows
            for row in rows:
                cells = row.find_all(["th", "td"], recursive=False)
                assert [c.get("scope") for c in cells if c.name == "th"] == ["row"]
                pairs = zip(cells, headers, strict=True)
                labels = [(c.get("data-label"), header) for c, header in pairs if c.name == "td"]
                assert all(label == header for label, header in labels), labels
        assert tables[0].select_one("td")["data-label"] == first


def test_text_from_data_is_never_markup(tmp_path: Path, fixture_text: str) -> None:
    hostile = fixture_text.replace(
        "en: Summary of the test country.",
        'en: "<script>alert(1)</script> **bold** [x](javascript:alert(1)) {{ 7*7 }} {% raw %} | pipe"',
    )
    root = make_project(tmp_path / "p", {"kg.yml": hostile})
    front_matter, en = place(pages_of(root), "en").split("---\n", 2)[1:]
    # the description in the front matter is a quoted YAML string; the theme escapes it (see test_build)
    assert 'description: "<script>' in front_matter
    assert "<script>" not in en
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in en
    assert "\\*\\*bold\\*\\*" in en and "\\[x\\]\\(javascript:alert\\(1\\)\\)" in en
    assert "\\{\\{ 7\\*7 \\}\\}" in en and "\\{% raw %\\}" in en
    assert md("a|b") == "a\\|b"


def test_pages_are_written_only_when_changed_and_stale_ones_removed(project: Path, fixture_text: str) -> None:
    docs = project / "docs"
    first = render(project_at(project)).changed
    assert "countries/kg/index.zh.md" in first and "countries/kg/alpha.zh.md" in first
    stamp = (docs / "countries/kg/alpha.zh.md").stat().st_mtime_ns
    second = render(project_at(project)).changed
    assert second == []
    assert (docs / "countries/kg/alpha.zh.md").stat().st_mtime_ns == stamp
    # a new country appears, a removed one disappears (and leaves the numbers readers keep most)
    (project / "data/countries/tj.yml").write_text(fixture_text.replace("code: kg", "code: tj"), encoding="utf-8")
    (project / "data/countries/kg.yml").unlink()
    set_kept_most(project, ["tj/alpha"])
    third = render(project_at(project)).changed
    assert (docs / "countries/tj/alpha.en.md").exists()
    assert not (docs / "countries/kg/alpha.en.md").exists() and not (docs / "countries/kg/index.en.md").exists()
    assert "countries/kg/alpha.en.md" in third
    # hand-written pages are never touched
    assert (docs / "about.zh.md").exists()


def test_write_pages_reports_nothing_for_identical_content(project: Path) -> None:
    pages = render_pages(load_all(project_at(project)), project_at(project, TODAY))
    write_pages(pages, project_at(project))
    assert write_pages(pages, project_at(project)) == []


def test_hand_written_page_missing_a_language_is_an_error(project: Path) -> None:
    (project / "docs/about.en.md").unlink()
    import pytest

    from baohao.load import DataError

    with pytest.raises(DataError) as info:
        render(project_at(project))
    assert [str(p) for p in info.value.problems] == [
        "docs/about.en.md:1:1: missing: every page needs both languages (about.zh.md and about.en.md)"
    ]


def test_editing_one_country_rewrites_only_its_pages(tmp_path: Path, fixture_text: str) -> None:
    """Under `make serve`, a change to one data file rewrites that country's pages and the pages
    that show the changed fact, not every page."""
    root = make_project(
        tmp_path / "p", {"kg.yml": fixture_text, "tj.yml": fixture_text.replace("code: kg", "code: tj")}
    )
    render(project_at(root))
    country = root / "data/countries/tj.yml"
    country.write_text(country.read_text(encoding="utf-8").replace("Take your passport", "Take your ID"), "utf-8")
    changed = render(project_at(root)).changed
    # the office is a way for every brand: on the place's page and on each brand's
    assert sorted(changed) == ["countries/tj/alpha.en.md", "countries/tj/beta.en.md", "countries/tj/index.en.md"]
    country.write_text(
        country.read_text(encoding="utf-8").replace("after: {min: 90, max: 180}", "after: {min: 60}"), "utf-8"
    )
    changed = render(project_at(root)).changed
    # when the number stops working is also in the comparison table, in both languages
    assert sorted(changed) == [
        "compare.en.md",
        "compare.zh.md",
        "countries/tj/alpha.en.md",
        "countries/tj/alpha.zh.md",
        "countries/tj/index.en.md",
        "countries/tj/index.zh.md",
    ]


def test_summaries_mark_facts_no_reliable_source_backs(tmp_path: Path, fixture_text: str) -> None:
    """The fixture's reassignment stage rests only on a weak source: the key facts and the
    comparison show it with the unverified mark, not as certain."""
    pages = pages_of(make_project(tmp_path / "p", {"kg.yml": fixture_text}))
    alpha, beta = brand(pages, "alpha", "en"), brand(pages, "beta", "en")
    card = next(line for line in alpha.splitlines() if "When it may go to someone else" in line)
    assert "45–90 days after disconnection" in card and 'class="unverified"' in card
    stops = next(line for line in alpha.splitlines() if "Unused, it stops working" in line)
    assert "90–180 days after the day the balance reaches zero" in stops
    stops = next(line for line in beta.splitlines() if "Unused, it stops working" in line)
    assert "not known" in stops
    assert compare_row(pages["compare.en.md"], "Kyrgyzstan").count('class="unverified"') >= 1


def test_generated_pages_and_build_output_are_ignored_by_git() -> None:
    """The list of generated pages lives in the Project; .gitignore must cover each of them."""
    project = project_at(ROOT)
    paths = [f"docs/{p}" + ("x.zh.md" if p.endswith("/") else "") for p in project.generated_page_paths()]
    paths += ["site/index.html", "dist/x.zip", "build/nav.json"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert sorted(result.stdout.split()) == sorted(paths)


def test_a_source_that_could_not_be_reread_still_backs_its_fact_with_a_small_mark(
    tmp_path: Path, fixture_text: str
) -> None:
    text = fixture_text.replace(
        "    checked: 2026-01-10\n  - id: blog",
        "    checked: 2026-01-10\n    unreadable_since: 2026-03-02\n  - id: blog",
    )
    pages = pages_of(make_project(tmp_path / "p", {"kg.yml": text}))
    zh, en = brand(pages, "beta", "zh"), brand(pages, "beta", "en")
    source_zh = next(line for line in zh.splitlines() if '<span id="source-alpha-help">' in line)
    source_en = next(line for line in en.splitlines() if '<span id="source-alpha-help">' in line)
    assert source_zh.endswith("核对于 2026年1月10日、自 2026年3月2日 起页面无法打开")
    assert source_en.endswith("checked 10 January 2026, page unavailable since 2 March 2026")
    # the fact is shown as before: linked to its source, no unverified mark
    step = next(line for line in en.splitlines() if "Take your passport" in line)
    assert "#source-alpha-help" in step and "unverified" not in step


def test_a_message_route_shows_the_message_as_text_with_its_lines_and_meaning(
    tmp_path: Path, fixture_text: str
) -> None:
    message = (
        "    message:\n"
        "      language: en\n"
        "      subject: Close <b>my</b> account\n"
        "      body: |-\n"
        "        Hello. My number is ____.\n"
        "        <script>alert(1)</script> **not bold**\n"
        "      meaning:\n"
        "        zh: 你好。我的号码是 ____。\n"
        "        en: Asks to close the account.\n"
    )
    text = fixture_text.replace("    fees:\n", message + "    fees:\n", 1)
    pages = pages_of(make_project(tmp_path / "p", {"kg.yml": text}))
    zh, en = brand(pages, "beta", "zh"), brand(pages, "beta", "en")
    block = (
        '<div class="message-text" lang="en" dir="ltr">\n'
        "Subject: Close &lt;b&gt;my&lt;/b&gt; account<br>\n"
        "Hello. My number is ____.<br>\n"
        "&lt;script&gt;alert(1)&lt;/script&gt; **not bold**\n"
        "</div>"
    )
    assert block in en and block.replace("Subject", "主题") in zh
    assert "中文意思：你好。我的号码是 \\_\\_\\_\\_。" in zh
    assert "No native speaker of English has reviewed this message yet" in en


def test_a_recent_risk_comes_first_on_the_place_page_and_in_its_brands_card_with_its_date_and_mark(
    tmp_path: Path, fixture_text: str
) -> None:
    """An event that changes the page's promises (a roaming cut-off) is the first thing a reader of
    the page and of the brand sees; resting on a forum post, it says 'readers report'."""
    text = fixture_text.replace(
        "    website: https://alpha.example.com\n",
        "    website: https://alpha.example.com\n"
        "    risks:\n"
        "      - kind: roaming-cutoff\n"
        "        status: reported\n"
        "        date: 2026-07-28\n"
        "        headline: {zh: 据网友反映，Alpha 停号。, en: Readers report that Alpha cut numbers off.}\n"
        "        text:\n"
        "          zh: 据网友反映，Alpha 停掉了长期在境外漫游的号码。<b>x</b>\n"
        "          en: Readers report that Alpha cut off numbers roaming abroad for long. <b>x</b>\n"
        "        sources: [forum-post]\n",
        1,
    ).replace(
        "sources:\n  - id: alpha-help\n",
        "sources:\n  - id: forum-post\n    url: https://forum.example.com/t/1\n    title: Cut off\n    lang: en\n"
        "    publisher: A reader\n    kind: community\n    published: 2026-08-01\n    checked: 2026-12-01\n"
        "  - id: alpha-help\n",
        1,
    )
    root = make_project(tmp_path / "p", {"kg.yml": text})
    hosts = root / "data/hosts.yml"
    hosts.write_text(
        hosts.read_text(encoding="utf-8").replace("\ncommunity:\n", "\ncommunity:\n  - forum.example.com\n", 1)
    )
    pages = pages_of(root)
    for lang, heading, mark in (
        ("zh", "Alpha Mobile：2026年7月28日起的新情况（长期漫游被停）", "未核实（网友反映）"),
        ("en", "Alpha Mobile: cut\\-off for long roaming, 28 July 2026", "unverified: readers report"),
    ):
        page = place(pages, lang)
        first = page.index(heading)
        assert first < page.index("{ #brands }"), "the alert comes before the brands"
        top = page[first:].split("\n\n")[0]
        assert mark in top and "#source-forum-post" in top and "(alpha.md)" in top
        assert ("停号" if lang == "zh" else "cut numbers off") in top and "<b>" not in top
        page = brand(pages, "alpha", lang)
        card = page.split('<div class="answer-card"', 1)[1].split("</div>", 1)[0]
        risk = next(line for line in card.splitlines() if ("当前风险" if lang == "zh" else "Current risk") in line)
        assert mark in risk and ("停号" if lang == "zh" else "cut numbers off") in risk, "the card says it"
        details = page.split("{ #details }", 1)[1]
        assert details.lstrip().startswith(f'??? danger "{heading}"'), "and the details tell it first"
        full = details.lstrip().split("\n\n")[0]
        assert mark in full and "&lt;b&gt;" in full and "<b>" not in full


def test_a_source_published_more_than_24_months_ago_is_marked_old_whatever_its_kind(
    tmp_path: Path, fixture_text: str
) -> None:
    """The same age after which `make stale` lists a rule (RULE_SOURCE_MAX_AGE_MONTHS) marks its source old."""
    for published, old in (("2024-10-01", True), ("2025-01-01", False)):  # TODAY is 2026-11-22
        text = fixture_text.replace(
            "    kind: official\n    checked: 2026-01-10\n",
            f"    kind: official\n    published: {published}\n    checked: 2026-01-10\n",
            1,
        )
        pages = pages_of(make_project(tmp_path / published, {"kg.yml": text}))
        line = next(li for li in brand(pages, "beta", "en").splitlines() if 'id="source-alpha-help"' in li)
        assert ("old page, may be out of date" in line) is old, line
