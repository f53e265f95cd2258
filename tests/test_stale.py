"""`make stale` (the facts to read again) and `python -m baohao urls`, on a small fixture project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from baohao.load import load_all
from baohao.project import STALE_AFTER_MONTHS, older_than_months
from baohao.stale import PRIORITY, RULE_SOURCE_MAX_AGE_MONTHS, facts, findings, report, url_uses, urls
from conftest import line_of, make_project, project_at, run_cli

TODAY = dt.date(2026, 6, 1)
OLD_CHECK = "2025-04-01"  # 14 months before TODAY
FRESH_CHECK = "2026-05-20"


def stale_fixture(fixture_text: str) -> str:
    """The fixture country with the FAQ moved to the top of the file (so that file order and the
    report's order differ), and sources of every age:
    - `old-check`: read 14 months ago, cited by the disconnection stage of the lapse timeline, a contact and the FAQ;
    - `gone`: read recently, since unreadable, cited by the other contact;
    - `alpha-help`: read recently, cited by everything else (fresh);
    - `blog`: read recently but published in 2015, cited by the fee and the reassignment stage
      (rules that change) and by the operator (not a rule)."""
    faq_start = fixture_text.index("faq:\n")
    faq_end = fixture_text.index("staff_card:\n")
    faq = fixture_text[faq_start:faq_end]
    text = fixture_text[:faq_start] + fixture_text[faq_end:]
    text = text.replace("operators:\n", faq + "operators:\n", 1)
    text = text.replace("checked: 2026-01-10", f"checked: {FRESH_CHECK}")
    text = text.replace("    sources: [alpha-help]\n  - id: beta", "    sources: [alpha-help, blog]\n  - id: beta")
    # the FAQ and the disconnection stage rest on the old check only
    text = text.replace(
        "      en: Only by letting it lapse.\n    sources: [alpha-help]", "      en: x\n    sources: [old-check]"
    )
    text = text.replace(
        "en: Terminated after being blocked.\n          sources: [alpha-help]",
        "en: Cut off.\n          sources: [old-check]",
    )
    text = text.replace(
        'value: "1234"\n        from_abroad: "no"\n        sources: [alpha-help]',
        'value: "1234"\n        from_abroad: "no"\n        sources: [old-check]',
    )
    text = text.replace(
        'from_abroad: "yes"\n        sources: [alpha-help]\n    sources',
        'from_abroad: "yes"\n        sources: [gone]\n    sources',
    )
    text += (
        "  - id: old-check\n"
        "    url: https://alpha.example.com/tariffs\n"
        "    title: Alpha tariffs\n"
        "    lang: en\n"
        "    publisher: Alpha Mobile\n"
        "    kind: official\n"
        f"    checked: {OLD_CHECK}\n"
        "  - id: gone\n"
        "    url: https://alpha.example.com/contact\n"
        "    title: Alpha contact\n"
        "    lang: en\n"
        "    publisher: Alpha Mobile\n"
        "    kind: official\n"
        f"    checked: {FRESH_CHECK}\n"
        "    unreadable_since: 2026-05-25\n"
    )
    return text


@pytest.fixture
def stale_root(tmp_path: Path, fixture_text: str) -> Path:
    return make_project(tmp_path / "project", {"kg.yml": stale_fixture(fixture_text)})


def report_lines(root: Path) -> list[str]:
    return report(project_at(root, TODAY), load_all(project_at(root, TODAY))).splitlines()


def line_for(lines: list[str], path: str) -> str:
    [line] = [line for line in lines if f": {path}: " in line]
    return line


def test_the_fixture_is_what_the_tests_think(stale_root: Path) -> None:
    assert older_than_months(dt.date.fromisoformat(OLD_CHECK), TODAY, STALE_AFTER_MONTHS)
    assert not older_than_months(dt.date.fromisoformat(FRESH_CHECK), TODAY, STALE_AFTER_MONTHS)
    assert not older_than_months(dt.date(2024, 7, 1), TODAY, RULE_SOURCE_MAX_AGE_MONTHS)
    text = (stale_root / "data" / "countries" / "kg.yml").read_text(encoding="utf-8")
    assert text.index("faq:") < text.index("rules:")
    for source in ("old-check", "gone"):
        assert text.count(f"[{source}]") >= 1


def test_a_fact_with_an_old_check_is_listed_with_file_line_path_and_source_dates(stale_root: Path) -> None:
    text = (stale_root / "data" / "countries" / "kg.yml").read_text(encoding="utf-8")
    line = line_for(report_lines(stale_root), "rules.lapse[0].stages[1]")
    assert line.startswith(
        f"data/countries/kg.yml:{line_of(text, '- state: disconnected')}: rules.lapse[0].stages[1]: "
    )
    assert "state=disconnected · 90–180 days" in line and '"Cut off."' in line
    assert f"last checked {OLD_CHECK}, over {STALE_AFTER_MONTHS} months ago: old-check checked {OLD_CHECK}" in line


def test_a_lapse_period_comes_before_contacts_and_the_faq_whatever_the_file_order(stale_root: Path) -> None:
    lines = report_lines(stale_root)
    order = [
        lines.index(line_for(lines, path))
        for path in ("rules.lapse[0].stages[1]", "operators[0].contacts[0]", "faq[0]")
    ]
    assert order == sorted(order)
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## lapse timelines (2)", "## contacts and routes (3)", "## FAQ (1)"]
    assert [title for title, _ in PRIORITY][:5] == [
        "lapse timelines",
        "contacts and routes",
        "balance refunds",
        "registration",
        "FAQ",
    ]


def test_a_fact_citing_an_unreadable_source_is_listed(stale_root: Path) -> None:
    line = line_for(report_lines(stale_root), "operators[0].contacts[1]")
    assert "Alpha Mobile · email · care@alpha.example.com · from_abroad=yes" in line
    assert f"could not be re-read: gone since 2026-05-25 (checked {FRESH_CHECK})" in line


def test_an_old_page_is_listed_only_for_a_rule_that_changes(stale_root: Path) -> None:
    lines = report_lines(stale_root)
    fee = line_for(lines, "routes[0].fees[0]")
    assert f"a rule that changes, newest source published 2015-03-01, over {RULE_SOURCE_MAX_AGE_MONTHS} months" in fee
    assert "blog published 2015-03-01" in fee
    assert "rules.lapse[0].stages[2]" in "\n".join(lines)
    # the operator cites the same 2015 page, but who runs a network is not a rule that changes
    assert not [line for line in lines if ": operators[0]: " in line]


def test_fresh_facts_are_not_listed(stale_root: Path) -> None:
    root = stale_root
    data = load_all(project_at(root, TODAY))
    listed = {f.fact.path for f in findings(project_at(root, TODAY), data)}
    assert listed == {
        "rules.lapse[0].stages[1]",
        "operators[0].contacts[0]",
        "operators[0].contacts[1]",
        "routes[0].fees[0]",
        "rules.lapse[0].stages[2]",
        "faq[0]",
    }
    every_fact = {f.path for f in facts(project_at(root, TODAY), data)}
    assert {"routes[0].steps[0]", "routes[1].time", "routes[0].from_abroad", "operators[0]"} <= every_fact - listed
    sourced = len([f for f in facts(project_at(root, TODAY), data) if f.sources])
    assert report_lines(root)[-1] == f"6 of {sourced} sourced facts to read again."


def test_every_object_with_sources_is_a_fact(project: Path) -> None:
    paths = {f.path for f in facts(project_at(project), load_all(project_at(project)))}
    assert paths == {
        "operators[0].contacts[0]",
        "operators[0].contacts[1]",
        "operators[0]",
        "operators[1]",
        "routes[0].from_abroad",
        "routes[0].steps[0]",
        "routes[0].steps[1]",
        "routes[0].fees[0]",
        "routes[0]",
        "routes[1].from_abroad",
        "routes[1].steps[0]",
        "routes[1].time",
        "routes[1]",
        "rules.lapse[0]",
        "rules.lapse[0].qualifying",
        "rules.lapse[0].stages[0]",
        "rules.lapse[0].stages[1]",
        "rules.lapse[0].stages[2]",
        "rules.lapse[1]",
        "rules.balance_refund[0]",
        "faq[0]",
    }


def test_make_stale_is_a_report_that_fails_only_when_the_data_does_not_load(stale_root: Path) -> None:
    epoch = str(int(dt.datetime(2026, 6, 1, tzinfo=dt.UTC).timestamp()))
    result = run_cli(stale_root, "stale", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Facts to read again, as of 2026-06-01 (the build date)")
    assert "data/countries/kg.yml:" in result.stdout
    kg = stale_root / "data" / "countries" / "kg.yml"
    kg.write_text(kg.read_text(encoding="utf-8").replace("currency: KGS\n", "", 1), encoding="utf-8")
    broken = run_cli(stale_root, "stale", env={"SOURCE_DATE_EPOCH": epoch})
    assert broken.returncode == 1
    assert "currency: required field is missing" in broken.stderr


# --- the URL list for the link check ------------------------------------------------------------


def test_urls_lists_sources_operator_sites_and_contact_links_but_not_prose(tmp_path: Path, fixture_text: str) -> None:
    text = fixture_text.replace(
        "  - id: beta\n    brand: Beta Telecom\n",
        "  - id: beta\n    brand: Beta Telecom\n    contacts:\n"
        "      - kind: website\n        value: https://beta.example.com/support\n"
        "      - kind: app\n        value: Beta App\n        url: https://beta.example.com/app\n"
        "        note:\n          zh: 见 https://beta.example.com/prose 。\n          en: See https://beta.example.com/prose.\n",
    )
    root = make_project(tmp_path / "p", {"kg.yml": text})
    project = project_at(root)
    data = load_all(project)
    assert urls(project, data) == [
        "https://alpha.example.com",
        "https://alpha.example.com/help",
        "https://beta.example.com",
        "https://beta.example.com/app",
        "https://beta.example.com/support",
        "https://blog.example.org/post",
    ]
    uses = {(u.url, u.path, u.owner, u.line) for u in url_uses(project, data)}
    assert ("https://blog.example.org/post", "sources[1].url", "blog", line_of(text, "blog.example.org/post")) in uses
    assert ("https://beta.example.com/app", "operators[1].contacts[1].url", "beta", line_of(text, "/app")) in uses
    result = run_cli(root, "urls")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == urls(project, data)
