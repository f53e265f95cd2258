"""The lapse planner in Chromium: the same dates as baohao.planner (and the same move-by reason and
standing against a fixed today), a valid calendar file with no past date, both languages' date forms,
a brand whose rule has no start event, without JavaScript, in print, on a phone, and with no request
elsewhere. Pages with a planner are found through `planner_page` only."""

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
from baohao.present.planner_data import words_script
from baohao.publish.bundle import OFFLINE_ZIP, SITE_SLUG
from conftest import FIXTURE_COUNTRY, ROOT, make_project, project_at, reach_planner, run_cli, serious_violations

pytestmark = pytest.mark.browser

DATA = load_all(project_at(ROOT))
# month ends, a leap day, the day before one, a year end, and an ordinary day
DATES = ["2024-02-29", "2025-01-31", "2026-02-28", "2026-08-31", "2026-12-31", "2027-06-15"]
# The page's "today", fixed (Playwright's clock): the dates above give results before and after it.
TODAY = dt.date(2026, 12, 7)


def planner_page(site: Path, code: str, operator: str, lang: str = "zh") -> Path:
    """The page whose planner works out `operator`'s dates, in a built site: the brand's own page,
    in the offline bundle (`countries/gb/giffgaff.html`) or the online site (`countries/gb/giffgaff/index.html`)."""
    base = site if lang == "zh" else site / "en"
    for page in (base / "countries" / code / f"{operator}.html", base / "countries" / code / operator / "index.html"):
        if page.exists():
            return page
    raise AssertionError(f"no page with a planner for {code}/{operator} in {site}")


def open_planner(browser: Any, site: Path, code: str, operator: str, lang: str = "zh", **options: Any) -> Any:
    """A new page at `operator`'s planner, on TODAY, with that operator chosen."""
    page = browser.new_page(**options)
    page.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(12)))
    page.goto(planner_page(site, code, operator, lang).as_uri())
    choose(page, operator)
    return page


def choose(page: Any, operator: str) -> None:
    """Choose the operator as the site offers it: on a brand's page, its planner (another brand: that
    brand's page, beside it); a planner of several brands, its select."""
    reach_planner(page)
    current = page.eval_on_selector(".lapse-planner form", "f => f.elements.operator.value")
    if page.locator("select#planner-operator").count():
        page.select_option("#planner-operator", operator)
    elif current != operator:
        url = page.url.replace(f"/{current}.html", f"/{operator}.html")
        page.goto(url.replace(f"/{current}/index.html", f"/{operator}/index.html"))
        reach_planner(page)
    assert page.eval_on_selector(".lapse-planner form", "f => f.elements.operator.value") == operator


# Runs the page's own form: for each start date, every stage's dates, `move by`, its reason, `codes
# stop`, where the plan stands and whether a calendar is offered with "let it go", and `keep by`, its
# standing and calendar with "keep it", as the page shows them (ISO in data attributes).
READ_PLANS = """([operator, dates]) => {
  const form = document.querySelector(".lapse-planner form");
  const set = (name, value) => { form.elements[name].value = value; };
  const change = () => form.dispatchEvent(new Event("change"));
  const attr = (sel, name) => { const el = document.querySelector(sel); return el ? el.getAttribute(name) : null; };
  const standing = () => document.querySelector(".lapse-planner__result").getAttribute("data-standing");
  const calendar = () => !document.querySelector(".lapse-planner__calendar").hidden;
  set("operator", operator);
  return dates.map(date => {
    set("date", date);
    form.querySelector("input[value=let-go]").checked = true; change();
    const stages = [...document.querySelectorAll(".lapse-planner__result li[data-state]")]
      .map(li => [li.dataset.state, li.dataset.earliest, li.dataset.latest]);
    const moveBy = attr("[data-move-by]", "data-move-by"), reason = attr("[data-move-by]", "data-move-reason");
    const codes = attr("[data-move-by]", "data-codes-stop");
    const letGo = {standing: standing(), calendar: calendar()};
    form.querySelector("input[value=keep]").checked = true; change();
    return {stages, moveBy, reason, codes, letGo, keepBy: attr("[data-keep-by]", "data-keep-by"),
            keep: {standing: standing(), calendar: calendar()}};
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


def expected(plan: planner.Plan, today: dt.date = TODAY) -> dict[str, Any]:
    return {
        "stages": [
            [s.state, iso(s.dates.earliest if s.dates else None), iso(s.dates.latest if s.dates else None)]
            for s in plan.stages
        ],
        "moveBy": iso(plan.move_by),
        "reason": plan.move_reason,
        "codes": (iso(plan.codes_may_stop.earliest) if plan.codes_may_stop else "") if plan.move_by else None,
        "letGo": {"standing": planner.standing(plan, today), "calendar": bool(planner.calendar_dates(plan, today))},
        "keepBy": iso(plan.keep_by),
        "keep": {
            "standing": planner.standing(plan, today, keep=True),
            "calendar": bool(planner.calendar_dates(plan, today, keep=True)),
        },
    }


def calendar_starts(page: Any) -> list[dt.date]:
    """Download the calendar file the page offers; the dates of its events, in order."""
    with page.expect_download() as download:
        page.click("[data-planner-download]")
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    return sorted({e.decoded("DTSTART") for e in calendar.walk("VEVENT")})


def test_the_browser_gives_the_same_dates_as_python_for_every_operator(browser: Any, offline: Path) -> None:
    """Every stage, the move-by date and why, where it stands on TODAY and whether a calendar is
    offered, for every operator on every start date; and the calendar file for the start that
    straddles TODAY holds exactly the dates still to come."""
    page = browser.new_page(accept_downloads=True)
    page.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(12)))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    compared, expected_count, downloads = 0, 0, 0
    standings: set[str] = set()
    current = None
    for country in DATA.countries:
        for operator in country.operators:
            timeline = certainty.timeline_for(country, operator.id)
            if timeline is None or timeline.counts_from == "unknown":
                continue
            url = planner_page(offline, country.code, operator.id).as_uri()
            if url != current:
                page.goto(url)
                reach_planner(page)
                current = url
            expected_count += len(DATES)
            shown = page.evaluate(READ_PLANS, [operator.id, DATES])
            for date, got in zip(DATES, shown, strict=True):
                plan = planner.plan(country, timeline, dt.date.fromisoformat(date))
                assert got == expected(plan), (country.code, operator.id, date)
                standings.add(got["letGo"]["standing"])
                compared += 1
            # past dates never reach the calendar file: the start of 31 August 2026 has dates on both sides
            plan = planner.plan(country, timeline, dt.date(2026, 8, 31))
            wanted = planner.calendar_dates(plan, TODAY)
            if wanted:
                page.eval_on_selector("#planner-date", "(el) => { el.value = '2026-08-31'; }")
                page.check("input[value=let-go]")
                assert calendar_starts(page) == wanted, (country.code, operator.id)
                downloads += 1
    assert errors == []
    assert compared == expected_count > 0
    assert downloads > 0
    assert {"in-time", "stopped"} <= standings, standings
    page.close()


def test_ultra_moves_before_codes_stop_in_both_languages(browser: Any, offline: Path) -> None:
    """The reader's case: plan end 15 January 2026. The bold line says 14 January and why; on 7
    December 2026 the page says the number has most likely stopped, how to check, and links to what
    to do without codes; no calendar is offered."""
    for lang, move, why, stopped in (
        ("zh", "2026年1月14日", "从 2026年1月15日起，发到这个号码的验证码可能就收不到了", "很可能已经停用"),
        ("en", "14 January 2026", "from 15 January 2026, codes sent to it may no longer arrive", "most likely stopped"),
    ):
        page = open_planner(browser, offline, "us", "ultra", lang)
        page.fill("#planner-date", "2026-01-15")
        headline = page.locator("[data-move-by]")
        assert headline.get_attribute("data-move-by") == "2026-01-14"
        assert move in headline.inner_text() and why in headline.inner_text()
        assert stopped in page.locator("[data-stopped]").inner_text()
        no_codes = page.locator("a[data-no-codes]")
        assert no_codes.get_attribute("href") == "../../accounts.html"
        assert not page.locator(".lapse-planner__calendar").is_visible()
        assert page.locator("[data-planner-download]").count() == 1  # there, but hidden with its block
        page.check("input[value=keep]")
        keep = page.locator("[data-keep-by]").inner_text()
        assert ("续费" in keep) if lang == "zh" else ("renew" in keep), keep
        page.close()


def test_a_brand_whose_rule_has_no_start_event_says_how_to_find_the_cards_expiry(browser: Any, offline: Path) -> None:
    for lang in ("zh", "en"):
        page = open_planner(browser, offline, "hk", "three-hk", lang, viewport={"width": 390, "height": 844})
        result = page.locator(".lapse-planner__result")
        assert page.locator("[data-own-expiry]").is_visible()
        assert not page.locator("#planner-date").is_visible()  # no form that cannot compute
        assert not page.locator(".lapse-planner__calendar").is_visible()
        text = result.inner_text()
        assert ("到期日" in text) if lang == "zh" else ("expiry date" in text), text
        assert ("没有来源说明 3HK" in text) if lang == "zh" else ("No source says what happens to a 3HK" in text)
        page.close()


def hostile_project(tmp_path: Path) -> Path:
    """The fixture country, with a brand name and a stage note full of iCalendar's special characters,
    and for Beta (whose rule has no start event) an app and a USSD code that says what it does."""
    text = FIXTURE_COUNTRY.read_text(encoding="utf-8")
    text = text.replace("brand: Alpha Mobile", 'brand: "Alpha, Mobile; \\\\Co"')
    text = text.replace("en: Terminated after being blocked.", 'en: "Ends, then; it goes.\\nSecond line: a\\\\b"')
    text = text.replace(
        "    website: https://beta.example.com\n",
        "    website: https://beta.example.com\n    contacts:\n"
        "      - {kind: app, value: Beta Self-care}\n"
        "      - kind: ussd\n        value: '*100#'\n"
        "        note: {zh: 查询余额和有效期。, en: Shows the balance and the expiry date.}\n"
        "      - {kind: ussd, value: '*999#'}\n",
    )
    return make_project(tmp_path / "p", {"kg.yml": text})


def test_the_calendar_file_is_valid_with_the_right_dates_alarms_and_escaped_text(tmp_path: Path, browser: Any) -> None:
    root = hostile_project(tmp_path)
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stdout + result.stderr
    requests: list[str] = []
    page = open_planner(browser, root / "site", "kg", "alpha", "en", accept_downloads=True)
    page.on("request", lambda r: requests.append(r.url))
    page.fill("#planner-date", "2028-01-31")
    page.fill("#planner-alarm", "3")
    assert page.locator("[data-planner-download]").inner_text() == "Add to my phone's calendar"
    assert "WeChat" in page.locator(".lapse-planner__wechat").inner_text()
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
    assert plan.move_by is not None
    stage_dates = sorted({s.dates.earliest for s in plan.stages if s.dates})
    assert sorted(e.decoded("DTSTART") for e in events) == sorted([plan.move_by, *stage_dates])
    for event in events:
        assert event["SUMMARY"].startswith("Alpha, Mobile; \\Co number: ")
        assert len({event["UID"] for event in events}) == len(events)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)
    disconnected = next(e for e in events if "Disconnected" in e["SUMMARY"])
    assert "Ends, then; it goes.\nSecond line: a\\b" in str(disconnected["DESCRIPTION"])
    # the calendar and the page say the same thing of the move-by day: the last day to do it
    move = next(e for e in events if e.decoded("DTSTART") == plan.move_by and "move" in e["SUMMARY"])
    assert str(move["SUMMARY"]).endswith("last day to move your accounts off it")
    by = f"by {Formatter('en', data.strings, TODAY).date(plan.move_by)} at the latest"
    assert by in page.locator("[data-move-by]").inner_text() and by in str(move["DESCRIPTION"])
    # Beta's rule has no start event: how to find the card's own expiry, with the app and the USSD
    # code the data describes (a code with no note is left out); no date field, no calendar
    choose(page, "beta")
    own = page.locator(".lapse-planner__result").inner_text()
    assert "Beta Self-care" in own and "dial *100#: Shows the balance and the expiry date." in own, own
    assert "*999#" not in own
    assert not page.locator("#planner-date").is_visible() and not page.locator(".lapse-planner__calendar").is_visible()
    assert [u for u in requests if not u.startswith(("file:", "blob:", "data:"))] == []
    page.close()


def test_dates_are_written_in_each_languages_usual_form(browser: Any, offline: Path) -> None:
    country, operator = next(c for c in DATA.countries if c.code == "gb"), "giffgaff"
    timeline = certainty.timeline_for(country, operator)
    assert timeline is not None
    plan = planner.plan(country, timeline, dt.date(2026, 7, 1))
    assert plan.move_by is not None
    for lang in ("zh", "en"):
        page = open_planner(browser, offline, country.code, operator, lang)
        page.fill("#planner-date", "2026-07-01")
        shown = page.locator("[data-move-by]").inner_text()
        assert Formatter(lang, DATA.strings, TODAY).date(plan.move_by) in shown
        # what to move, and how: the accounts page, from the result itself
        link = page.locator(".lapse-planner__result a.planner-accounts")
        assert link.count() == 1 and link.get_attribute("href") == "../../accounts.html"
        page.close()


def test_the_cards_button_leads_to_the_brands_own_planner_and_the_result_is_announced(
    browser: Any, offline: Path
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(planner_page(offline, "gb", "giffgaff", "en").as_uri())
    page.wait_for_load_state("load")
    assert not [u for u in requests if u.endswith("lapse-planner.js")], "the first screen loads no planner"
    button = page.locator(".answer-card a[href='#planner']")
    assert button.is_visible() and button.bounding_box()["y"] < 844, "on the first screen"
    button.click()
    page.wait_for_function("() => !document.querySelector('.lapse-planner').hidden")  # loaded once near
    assert [u for u in requests if u.endswith("lapse-planner.js")]
    assert page.locator("#planner").bounding_box()["y"] < 200
    # one brand per page: no choice to make, the brand is said and carried by the form
    assert page.locator("select#planner-operator").count() == 0
    assert page.input_value(".lapse-planner input[name=operator]") == "giffgaff"
    assert "giffgaff" in page.locator(".lapse-planner__brand").inner_text()
    assert page.locator(".lapse-planner__result").get_attribute("aria-live") == "polite"
    assert page.locator("label[for=planner-date]").inner_text().startswith("Date of ")
    page.close()


def test_without_javascript_the_timelines_show_and_the_planner_does_not(browser: Any, offline: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(planner_page(offline, "gb", "giffgaff").as_uri())
    assert not page.locator(".lapse-planner").is_visible()
    assert page.locator(".lapse-planner__nojs").is_visible()
    assert page.locator("#lapse ~ table").count() >= 1
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_planner_on_a_phone_in_print_and_for_axe(browser: Any, offline: Path, lang: str) -> None:
    page = open_planner(browser, offline, "gb", "giffgaff", lang, viewport={"width": 390, "height": 844})
    page.emulate_media(media="print")
    assert not page.locator("#planner").is_visible(), "a planner with no dates does not print"
    page.emulate_media(media="screen")
    page.fill("#planner-date", "2026-03-31")  # has stopped by TODAY: the warning, how to check, the link
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert serious_violations(page) == []
    assert page.locator("[data-stopped]").is_visible() and page.locator("a[data-no-codes]").is_visible()
    page.fill("#planner-date", "2026-11-30")  # all ahead: the calendar is offered
    assert page.locator("[data-planner-download]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.emulate_media(media="print")
    assert page.locator("[data-move-by]").is_visible() and not page.locator(".lapse-planner form").is_visible()
    assert not page.locator("[data-planner-download]").is_visible()
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
    page.goto(planner_page(bundle, "kg", "alpha", lang).as_uri())
    reach_planner(page)
    field = page.locator("#planner-date")
    assert (field.get_attribute("min"), field.get_attribute("max")) == ("1990-01-01", "2099-12-31")
    for operator in ("alpha", "beta"):
        choose(page, operator)
        for value in OUT_OF_RANGE:
            _type_date(page, value)
            assert page.input_value("#planner-date") == value  # the field took it as typed
            result = page.locator(".lapse-planner__result")
            shown = result.inner_text()
            assert page.locator("[data-out-of-range]").count() == 1, (operator, value, shown)
            assert first in shown and last in shown, shown
            assert page.locator("[data-move-by], [data-keep-by], li[data-state]").count() == 0, (value, shown)
            assert not page.locator("[data-planner-download]").is_visible()
            assert not re.search(r"19[0-9]{2}|[0-9]{5}", shown.replace("1990", "")), (value, shown)
    assert errors == []
    page.close()


def test_at_the_bounds_the_browser_agrees_with_python_and_the_calendar_holds_real_dates(
    browser: Any, longest: tuple[Path, Path]
) -> None:
    root, bundle = longest
    country = load_all(project_at(root)).countries[0]
    page = browser.new_page(accept_downloads=True)
    # a today before every start date, so that every date is still to come and enters the calendar
    before_all = dt.date(1989, 6, 1)
    page.clock.set_fixed_time(dt.datetime.combine(before_all, dt.time(12)))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for operator in ("alpha", "beta"):
        page.goto(planner_page(bundle, "kg", operator, "en").as_uri())
        reach_planner(page)
        timeline = certainty.timeline_for(country, operator)
        assert timeline is not None
        for date in AT_THE_BOUNDS:
            [got] = page.evaluate(READ_PLANS, [operator, [date]])
            plan = planner.plan(country, timeline, dt.date.fromisoformat(date))
            assert got == expected(plan, before_all), (operator, date)
            for intent in ("let-go", "keep"):
                page.check(f"input[value={intent}]")
                starts = calendar_starts(page)
                assert starts, (operator, date, intent)
                assert all(dt.date(1, 1, 1) <= s <= dt.date(9999, 12, 31) for s in starts)
                stages = [s.dates.earliest for s in plan.stages if s.dates]
                wanted = [plan.keep_by] if intent == "keep" else [plan.move_by, *stages]
                assert starts == sorted({d for d in wanted if d}), (operator, date, intent)
                assert starts == planner.calendar_dates(plan, before_all, keep=intent == "keep")
    assert errors == []
    page.close()


def test_on_a_page_for_one_brand_the_planner_works_with_no_select(browser: Any, tmp_path: Path) -> None:
    """The partial as a brand's page will include it (`planner_operators` with one operator), in a
    bare page with the script: the brand is text, the form still computes, and a brand link or the
    page's #brand- address choosing that brand keeps it."""
    from test_planner import render_planner

    us = next(c for c in DATA.countries if c.code == "us")
    timeline = certainty.timeline_for(us, "ultra")
    assert timeline is not None
    script = ROOT / "docs/assets/javascripts/lapse-planner.js"
    words = tmp_path / "planner-words-en.js"  # what the build writes beside the site's scripts
    words.write_text(words_script(Formatter("en", DATA.strings, TODAY)), encoding="utf-8")
    html = tmp_path / "ultra.html"
    html.write_text(
        '<!doctype html><html lang="en"><meta charset="utf-8"><body><h3 id="planner">Planner</h3>'
        f'{render_planner("us", ["ultra"], "en")}<a href="#planner" data-planner-operator="ultra">Ultra</a>'
        f'<script src="{words.as_uri()}"></script><script src="{script.as_uri()}"></script></body></html>',
        encoding="utf-8",
    )
    page = browser.new_page()
    page.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(12)))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.as_uri() + "#brand-ultra")
    assert page.locator("select").count() == 0
    assert "Ultra Mobile" in page.locator(".lapse-planner__brand").inner_text()
    page.click("a[data-planner-operator=ultra]")
    [got] = page.evaluate(READ_PLANS, ["ultra", ["2027-03-31"]])
    assert got == expected(planner.plan(us, timeline, dt.date(2027, 3, 31)))
    assert page.locator("label[for=planner-date]").inner_text() == "Date of the end of the plan"
    assert errors == []
    page.close()
