"""The lapse planner in Chromium: the same dates as baohao.planner, a valid calendar file, both
languages' date forms, without JavaScript, in print, on a phone, and with no request elsewhere."""

from __future__ import annotations

import datetime as dt
import re
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


# --- round 3: the dates a reader can type, and the longest timelines the schema accepts -----------------

# Dates outside the planner's range, as a reader can type them in the date field (Chromium takes years
# up to 275760): years 0-99 must never be read as 1900-1999, nor a date past 9999 reach the calendar.
OUT_OF_RANGE = ["0026-01-01", "0001-01-01", "0099-12-31", "1989-12-31", "2100-01-01", "9999-12-31", "275760-09-13"]
AT_THE_BOUNDS = ["1990-01-01", "2000-02-29", "2099-02-28", "2099-12-31"]


def longest_project(tmp_path: Path) -> Path:
    """The fixture country with the longest timelines the schema accepts: each unit at its largest,
    stages counted from stages up to the timeline limit, the longest qualifying period."""
    from baohao.models import MAX_PERIOD

    days, months, hours, minutes = (MAX_PERIOD[u] for u in ("days", "months", "hours", "minutes"))
    text = FIXTURE_COUNTRY.read_text(encoding="utf-8")
    text = text.replace(
        "every: {min: 90, max: 90, unit: days}", f"every: {{min: {months}, max: {months}, unit: months}}"
    )
    text = text.replace("after: {min: 90, max: 180}", f"after: {{min: {days}, max: {days}}}")
    text = text.replace("after: {min: 45, max: 90}", f"after: {{min: {days}}}")
    text = text.replace(
        "    - operators: [beta]\n      counts_from: unknown\n",
        "    - operators: [beta]\n      counts_from: last-top-up\n      stages:\n"
        f"        - state: warned\n          after: {{max: {minutes}, unit: minutes}}\n"
        "          sources: [alpha-help]\n"
        f"        - state: suspended\n          after: {{min: {hours}, max: {hours}, unit: hours}}\n"
        "          sources: [alpha-help]\n"
        f"        - state: disconnected\n          after: {{min: {months}, max: {months}, unit: months}}\n"
        "          sources: [alpha-help]\n"
        "        - state: reassigned\n          relative_to: disconnected\n"
        f"          after: {{min: 116, max: 116, unit: months}}\n          sources: [alpha-help]\n",
    )
    return make_project(tmp_path / "p", {"kg.yml": text})


@pytest.fixture(scope="module")
def longest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The longest-timelines project, built, and its offline bundle unpacked: (project, bundle)."""
    root = longest_project(tmp_path_factory.mktemp("longest"))
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stdout + result.stderr
    unpacked = root / "unpacked"
    with zipfile.ZipFile(root / "dist" / OFFLINE_ZIP) as bundle:
        bundle.extractall(unpacked)
    return root, unpacked / SITE_SLUG


def _type_date(page: Any, value: str) -> None:
    """Set the date field as typing does: its value, then the events the browser fires."""
    page.eval_on_selector(
        "#planner-date",
        """(el, v) => { el.value = v; el.dispatchEvent(new Event("input", {bubbles: true}));
                      el.dispatchEvent(new Event("change", {bubbles: true})); }""",
        value,
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_date_outside_the_planners_range_is_refused_in_the_pages_language(
    browser: Any, longest: tuple[Path, Path], lang: str
) -> None:
    root, bundle = longest
    data = load_all(project_at(root))
    words = Formatter(lang, data.strings, dt.date.today())
    first, last = words.date(planner.FIRST_DATE), words.date(planner.LAST_DATE)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((bundle / ("" if lang == "zh" else "en/") / "countries/kg.html").as_uri())
    field = page.locator("#planner-date")
    assert (field.get_attribute("min"), field.get_attribute("max")) == ("1990-01-01", "2099-12-31")
    for operator in ("alpha", "beta"):
        page.select_option("#planner-operator", operator)
        for value in OUT_OF_RANGE:
            _type_date(page, value)
            assert page.input_value("#planner-date") == value  # the field took it as typed
            result = page.locator(".lapse-planner__result")
            shown = result.inner_text()
            assert page.locator("[data-out-of-range]").count() == 1, (operator, value, shown)
            assert first in shown and last in shown, shown
            assert page.locator("[data-move-by], [data-keep-by], li[data-state]").count() == 0, (value, shown)
            assert page.locator("[data-planner-download]").is_disabled()
            assert not re.search(r"19[0-9]{2}|[0-9]{5}", shown.replace("1990", "")), (value, shown)
    assert errors == []
    page.close()


def test_at_the_bounds_the_browser_agrees_with_python_and_the_calendar_holds_real_dates(
    browser: Any, longest: tuple[Path, Path]
) -> None:
    root, bundle = longest
    country = load_all(project_at(root)).countries[0]
    page = browser.new_page(accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((bundle / "en/countries/kg.html").as_uri())
    for operator in ("alpha", "beta"):
        timeline = certainty.timeline_for(country, operator)
        assert timeline is not None
        for date in AT_THE_BOUNDS:
            [got] = page.evaluate(READ_PLANS, [operator, [date]])
            plan = planner.plan(country, timeline, dt.date.fromisoformat(date))
            assert got == expected(plan), (operator, date)
            for intent in ("let-go", "keep"):
                page.check(f"input[value={intent}]")
                with page.expect_download() as download:
                    page.click("[data-planner-download]")
                calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
                starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
                assert starts, (operator, date, intent)
                assert all(dt.date(1, 1, 1) <= s <= dt.date(9999, 12, 31) for s in starts)
                stages = [s.dates.earliest for s in plan.stages if s.dates]
                wanted = [plan.keep_by] if intent == "keep" else [plan.move_by, *stages]
                assert sorted(set(starts)) == sorted({d for d in wanted if d}), (operator, date, intent)
    assert errors == []
    page.close()
