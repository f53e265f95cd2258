"""The lapse planner in Chromium: the same dates as baohao.planner, a valid calendar file, both
languages' date forms, without JavaScript, in print, on a phone, and with no request elsewhere."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import icalendar
import pytest

from baohao import certainty, planner
from baohao.load import load_all
from baohao.present.formatter import Formatter
from baohao.publish.bundle import OFFLINE_ZIP, SITE_SLUG
from conftest import FIXTURE_COUNTRY, ROOT, make_project, project_at, run_cli, serious_violations

pytestmark = pytest.mark.browser

DATA = load_all(project_at(ROOT))
# month ends, a leap day, the day before one, a year end, and an ordinary day
DATES = ["2024-02-29", "2025-01-31", "2026-02-28", "2026-08-31", "2026-12-31", "2027-06-15"]

# Runs the page's own form: for each start date, every stage's dates, `move by` and `codes stop`
# with "let it go", and `keep by` with "keep it", as the page shows them (ISO in data attributes).
READ_PLANS = """([operator, dates]) => {
  const form = document.querySelector(".lapse-planner form");
  const set = (name, value) => { form.elements[name].value = value; };
  const change = () => form.dispatchEvent(new Event("change"));
  const attr = (sel, name) => { const el = document.querySelector(sel); return el ? el.getAttribute(name) : null; };
  set("operator", operator);
  return dates.map(date => {
    set("date", date);
    form.querySelector("input[value=let-go]").checked = true; change();
    const stages = [...document.querySelectorAll(".lapse-planner__result li[data-state]")]
      .map(li => [li.dataset.state, li.dataset.earliest, li.dataset.latest]);
    const moveBy = attr("[data-move-by]", "data-move-by"), codes = attr("[data-codes-stop]", "data-codes-stop");
    form.querySelector("input[value=keep]").checked = true; change();
    return {stages, moveBy, codes, keepBy: attr("[data-keep-by]", "data-keep-by")};
  });
}"""


@pytest.fixture(scope="module")
def offline(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as a reader has it offline: the zip, unpacked, opened from file://."""
    unpacked = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(real_site.parent / "dist" / OFFLINE_ZIP) as bundle:
        bundle.extractall(unpacked)
    return unpacked / SITE_SLUG


def iso(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def expected(plan: planner.Plan) -> dict[str, Any]:
    return {
        "stages": [
            [s.state, iso(s.dates.earliest if s.dates else None), iso(s.dates.latest if s.dates else None)]
            for s in plan.stages
        ],
        "moveBy": iso(plan.move_by),
        "codes": iso(plan.codes_may_stop.earliest) if plan.codes_may_stop else None,
        "keepBy": iso(plan.keep_by),
    }


def test_the_browser_gives_the_same_dates_as_python_for_every_operator(browser: Any, offline: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    compared, expected_count = 0, 0
    for country in DATA.countries:
        page.goto((offline / "countries" / f"{country.code}.html").as_uri())
        for operator in country.operators:
            timeline = certainty.timeline_for(country, operator.id)
            if timeline is None or timeline.counts_from == "unknown":
                continue
            expected_count += len(DATES)
            shown = page.evaluate(READ_PLANS, [operator.id, DATES])
            for date, got in zip(DATES, shown, strict=True):
                want = expected(planner.plan(country, timeline, dt.date.fromisoformat(date)))
                assert got == want, (country.code, operator.id, date)
                compared += 1
    assert errors == []
    assert compared == expected_count > 0
    page.close()


def hostile_project(tmp_path: Path) -> Path:
    """The fixture country, with a brand name and a stage note full of iCalendar's special characters."""
    text = FIXTURE_COUNTRY.read_text(encoding="utf-8")
    text = text.replace("brand: Alpha Mobile", 'brand: "Alpha, Mobile; \\\\Co"')
    text = text.replace("en: Terminated after being blocked.", 'en: "Ends, then; it goes.\\nSecond line: a\\\\b"')
    return make_project(tmp_path / "p", {"kg.yml": text})


def test_the_calendar_file_is_valid_with_the_right_dates_alarms_and_escaped_text(tmp_path: Path, browser: Any) -> None:
    root = hostile_project(tmp_path)
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = browser.new_page(accept_downloads=True)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((root / "site/en/countries/kg/index.html").as_uri())
    page.select_option("#planner-operator", "alpha")
    page.fill("#planner-date", "2028-01-31")
    page.fill("#planner-alarm", "3")
    with page.expect_download() as download:
        page.click("[data-planner-download]")
    assert download.value.suggested_filename == "baohao-kg-alpha-2028-01-31.ics"
    raw = Path(download.value.path()).read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    events = list(calendar.walk("VEVENT"))
    data = load_all(project_at(root))
    country = data.countries[0]
    plan = planner.plan(country, certainty.timeline_for(country, "alpha"), dt.date(2028, 1, 31))
    stage_dates = sorted({s.dates.earliest for s in plan.stages if s.dates})
    assert sorted(e.decoded("DTSTART") for e in events) == sorted([plan.move_by, *stage_dates])
    for event in events:
        assert event["SUMMARY"].startswith("Alpha, Mobile; \\Co number: ")
        assert len({event["UID"] for event in events}) == len(events)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)
    disconnected = next(e for e in events if "Disconnected" in e["SUMMARY"])
    assert "Ends, then; it goes.\nSecond line: a\\b" in str(disconnected["DESCRIPTION"])
    assert [u for u in requests if not u.startswith(("file:", "blob:", "data:"))] == []
    page.close()


def test_dates_are_written_in_each_languages_usual_form(browser: Any, offline: Path) -> None:
    country, operator = next(c for c in DATA.countries if c.code == "gb"), "giffgaff"
    timeline = certainty.timeline_for(country, operator)
    assert timeline is not None
    plan = planner.plan(country, timeline, dt.date(2026, 7, 1))
    assert plan.move_by is not None
    page = browser.new_page()
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page.goto((offline / f"{prefix}countries/{country.code}.html").as_uri())
        page.select_option("#planner-operator", operator)
        page.fill("#planner-date", "2026-07-01")
        shown = page.locator("[data-move-by]").inner_text()
        assert Formatter(lang, DATA.strings, dt.date.today()).date(plan.move_by) in shown
        # what to move, and how: the accounts page, from the result itself
        link = page.locator(".lapse-planner__result a.planner-accounts")
        assert link.get_attribute("href") == "../accounts.html"
    page.close()


def test_a_brands_link_chooses_that_brand_and_the_result_is_announced(browser: Any, offline: Path) -> None:
    page = browser.new_page()
    page.goto((offline / "en/countries/gb.html").as_uri() + "#brand-giffgaff")
    assert page.input_value("#planner-operator") == "giffgaff"
    page.click("a[data-planner-operator=ee]")
    assert page.input_value("#planner-operator") == "ee"
    assert page.locator(".lapse-planner__result").get_attribute("aria-live") == "polite"
    assert page.locator("label[for=planner-date]").inner_text().startswith("Date of ")
    page.close()


def test_without_javascript_the_timelines_show_and_the_planner_does_not(browser: Any, offline: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((offline / "countries/gb.html").as_uri())
    assert not page.locator(".lapse-planner").is_visible()
    assert page.locator(".lapse-planner__nojs").is_visible()
    assert page.locator("#lapse ~ table").count() >= 1
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_planner_on_a_phone_in_print_and_for_axe(browser: Any, offline: Path, lang: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    prefix = "" if lang == "zh" else "en/"
    page.goto((offline / f"{prefix}countries/gb.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator("#planner").is_visible(), "a planner with no dates does not print"
    page.emulate_media(media="screen")
    page.select_option("#planner-operator", "giffgaff")
    page.fill("#planner-date", "2026-03-31")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert serious_violations(page) == []
    page.emulate_media(media="print")
    assert page.locator("[data-move-by]").is_visible() and not page.locator(".lapse-planner form").is_visible()
    page.close()
