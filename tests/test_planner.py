"""The lapse planner's date arithmetic (baohao.planner), on minimal timelines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from baohao import certainty, planner
from baohao.interface import literal_values
from baohao.load import load_all
from baohao.models import MAX_PERIOD, MAX_TIMELINE_YEARS, LapseEvent, LapseTimeline, Period, Source
from conftest import ROOT, project_at

D = dt.date


class Sources:
    """Two sources: `official` backs a fact, `weak` does not."""

    def source(self, source_id: str) -> Source:
        kind = "weak" if source_id == "weak" else "official"
        return Source.model_validate(
            {"id": source_id, "url": "https://example.com/", "title": "T", "lang": "en", "publisher": "P",
             "kind": kind, "checked": D(2026, 1, 1)}
        )  # fmt: skip


def timeline(*stages: dict[str, Any], every: dict[str, Any] | None = None, every_sources: Any = ()) -> LapseTimeline:
    qualifying = {"counts": {"zh": "通话", "en": "A call"}, "every": every, "sources": list(every_sources)}
    return LapseTimeline.model_validate(
        {"counts_from": "last-top-up", "stages": list(stages), "qualifying": qualifying if every else None}
    )


def stage(state: str, *, sources: tuple[str, ...] = ("official",), relative_to: str | None = None, **after: Any):
    return {"state": state, "after": after or None, "relative_to": relative_to, "sources": list(sources)}


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
    ],
)
def test_months_are_calendar_months_ending_at_the_month_end(start: dt.date, months: int, expected: dt.date) -> None:
    assert planner.add(start, months, "months") == expected


def test_days_cross_month_ends_and_leap_days() -> None:
    assert planner.add(D(2028, 2, 28), 1, "days") == D(2028, 2, 29)
    assert planner.add(D(2027, 2, 28), 1, "days") == D(2027, 3, 1)
    assert planner.add(D(2026, 12, 31), 90, "days") == D(2027, 3, 31)


def test_hours_give_a_range_over_the_unknown_time_of_day() -> None:
    assert planner.add(D(2026, 1, 1), 24, "hours") == D(2026, 1, 2)
    assert planner.add(D(2026, 1, 1), 24, "hours", latest=True) == D(2026, 1, 2)
    assert planner.add(D(2026, 1, 1), 1, "hours", latest=True) == D(2026, 1, 2)
    assert planner.add(D(2026, 1, 1), 1, "hours") == D(2026, 1, 1)


def test_a_range_stays_a_range_and_an_open_period_has_no_latest_date() -> None:
    p = planner.plan(
        Sources(), timeline(stage("suspended", min=90, max=150), stage("disconnected", min=180)), D(2026, 1, 1)
    )
    assert p.stages[0].dates == planner.Dates(D(2026, 4, 1), D(2026, 5, 31))
    assert p.stages[1].dates == planner.Dates(D(2026, 6, 30), None)


def test_a_period_with_only_a_maximum_may_come_at_once() -> None:
    p = planner.plan(Sources(), timeline(stage("warned", max=30)), D(2026, 1, 1))
    assert p.stages[0].dates == planner.Dates(D(2026, 1, 1), D(2026, 1, 31))


def test_a_stage_relative_to_another_counts_from_both_of_its_dates() -> None:
    tl = timeline(
        stage("disconnected", min=3, max=4, unit="months"), stage("reassigned", min=30, relative_to="disconnected")
    )
    p = planner.plan(Sources(), tl, D(2026, 1, 31))
    assert p.stages[0].dates == planner.Dates(D(2026, 4, 30), D(2026, 5, 31))
    assert p.stages[1].dates == planner.Dates(D(2026, 5, 30), None)


def test_a_stage_without_a_time_has_no_date_and_neither_do_stages_counted_from_it() -> None:
    tl = timeline(stage("disconnected"), stage("reassigned", min=30, relative_to="disconnected"))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert [s.dates for s in p.stages] == [None, None]
    assert p.move_by is None and p.codes_may_stop is None and p.keep_by is None


def test_move_by_is_the_day_before_codes_may_stop_when_that_comes_first() -> None:
    """Ultra's shape: blocked when the plan ends, deleted 30 days later, reassigned 45 to 90 days
    after that. Moving 14 days before the reassignment would be two months too late."""
    tl = timeline(
        stage("suspended", min=0, max=0),
        stage("disconnected", min=30, max=30),
        stage("reassigned", min=45, max=90, relative_to="disconnected"),
    )
    p = planner.plan(Sources(), tl, D(2026, 1, 15))
    assert p.codes_may_stop == planner.Dates(D(2026, 1, 15), D(2026, 1, 15))
    assert p.reaches_someone_else is not None and p.reaches_someone_else.dates
    assert p.reaches_someone_else.dates.earliest == D(2026, 3, 31)
    assert (p.move_by, p.move_reason) == (D(2026, 1, 14), "codes-stop")


def test_move_by_is_the_margin_before_the_earliest_reassignment_when_that_comes_first() -> None:
    tl = timeline(stage("suspended", min=60), stage("reassigned", min=70))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert p.reaches_someone_else is not None and p.reaches_someone_else.state == "reassigned"
    assert p.move_by == D(2026, 3, 12) - dt.timedelta(days=planner.MOVE_MARGIN_DAYS)
    assert p.move_reason == "someone-else"
    assert p.codes_may_stop == planner.Dates(D(2026, 3, 2), None)


def test_on_the_same_day_codes_stopping_is_the_reason_given() -> None:
    tl = timeline(stage("suspended", min=60), stage("reassigned", min=60 + planner.MOVE_MARGIN_DAYS - 1))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert (p.move_by, p.move_reason) == (D(2026, 3, 1), "codes-stop")


def test_with_only_a_cut_off_date_the_move_by_date_is_the_day_before_it() -> None:
    p = planner.plan(Sources(), timeline(stage("outgoing-blocked", min=10), stage("reassigned")), D(2026, 1, 1))
    assert p.reaches_someone_else is None
    assert (p.move_by, p.move_reason) == (D(2026, 1, 10), "codes-stop")


def test_without_a_reassignment_date_the_disconnection_is_when_it_may_reach_someone_else() -> None:
    p = planner.plan(Sources(), timeline(stage("disconnected", min=90), stage("reassigned")), D(2026, 1, 1))
    assert p.reaches_someone_else is not None and p.reaches_someone_else.state == "disconnected"
    # the disconnection also stops codes: the margin before it is the earlier day
    assert p.move_by == D(2026, 4, 1) - dt.timedelta(days=planner.MOVE_MARGIN_DAYS)
    assert p.move_reason == "someone-else"


def test_keep_by_is_the_day_before_the_first_harmful_stage_or_the_qualifying_period() -> None:
    tl = timeline(stage("warned", min=30), stage("outgoing-blocked", min=90))
    assert planner.plan(Sources(), tl, D(2026, 1, 1)).keep_by == D(2026, 3, 31)
    tl = timeline(
        stage("suspended", min=9, unit="months"),
        every={"min": 6, "max": 6, "unit": "months"},
        every_sources=["official"],
    )
    p = planner.plan(Sources(), tl, D(2026, 8, 31))
    assert p.keep_by == D(2027, 2, 27) and not p.keep_unverified


def test_keep_by_takes_the_earlier_of_the_qualifying_period_and_a_stated_harmful_stage() -> None:
    six_months = {"min": 6, "max": 6, "unit": "months"}
    # a plan that is suspended when it ends must be renewed before it ends, whatever the cycle length
    plan_end = timeline(stage("suspended", min=0, max=0), every={"min": 30, "max": 30}, every_sources=["official"])
    assert planner.plan(Sources(), plan_end, D(2026, 3, 1)).keep_by == D(2026, 2, 28)
    # a cut-off known only by its latest time does not bring the qualifying period forward
    latest_only = timeline(stage("disconnected", max=6, unit="months"), every=six_months, every_sources=["official"])
    assert planner.plan(Sources(), latest_only, D(2026, 1, 31)).keep_by == D(2026, 7, 30)


def test_unverified_times_mark_the_plan_and_pass_to_stages_counted_from_them() -> None:
    tl = timeline(
        stage("disconnected", min=90, sources=("weak",)), stage("reassigned", min=30, relative_to="disconnected")
    )
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert [s.unverified for s in p.stages] == [True, True]
    assert p.move_unverified and p.keep_unverified
    backed = planner.plan(Sources(), timeline(stage("disconnected", min=90)), D(2026, 1, 1))
    assert not backed.move_unverified and not backed.keep_unverified


# --- round 3: bounded periods, and dates a reader can type -----------------------------------------

UNITS = ("minutes", "hours", "days", "months")


@pytest.mark.parametrize("unit", UNITS)
def test_a_period_is_at_most_what_a_real_rule_can_be(unit: str) -> None:
    most = MAX_PERIOD[unit]
    assert Period.model_validate({"min": most, "max": most, "unit": unit}).max == most
    for field in ("min", "max"):
        with pytest.raises(ValidationError, match=f"{field} \\({most + 1}\\) is more than {most} {unit}"):
            Period.model_validate({field: most + 1, "unit": unit})
    with pytest.raises(ValidationError):
        Period.model_validate({"max": 100000, "unit": unit})


def test_the_bounds_are_about_ten_years_and_shorter_for_hours_and_minutes() -> None:
    assert MAX_PERIOD["months"] == 120
    assert 3650 <= MAX_PERIOD["days"] <= 3660
    assert MAX_PERIOD["hours"] <= 366 * 24 and MAX_PERIOD["minutes"] <= 31 * 1440


def test_a_timeline_whose_stages_add_up_past_the_limit_is_refused() -> None:
    """Stages counted from earlier stages add up: at most 20 years (7320 days, a month counted as 31)."""
    chain = [stage("suspended", min=3660, max=3660)]
    chain.append(stage("disconnected", min=3660, max=3660, relative_to="suspended"))
    assert timeline(*chain).stages  # the limit
    for extra in ({"min": 0, "max": 1}, {"min": 1}, {"max": 1, "unit": "minutes"}):
        longer = [*chain, stage("reassigned", relative_to="disconnected", **extra)]
        with pytest.raises(ValidationError, match=f"more than {MAX_TIMELINE_YEARS} years after"):
            timeline(*longer)
    months = [stage("suspended", min=120, unit="months"), stage("disconnected", min=117, unit="months")]
    months[1]["relative_to"] = "suspended"
    with pytest.raises(ValidationError, match=f"more than {MAX_TIMELINE_YEARS} years after"):
        timeline(*months)


def _worst_timelines() -> list[LapseTimeline]:
    """Timelines the schema accepts that reach furthest: each unit at its largest, alone and chained
    to the limit, with and without an upper bound."""
    out = []
    for unit in UNITS:
        most = MAX_PERIOD[unit]
        out.append(timeline(stage("disconnected", min=most, max=most, unit=unit), every={"min": most, "unit": unit}))
        out.append(timeline(stage("disconnected", max=most, unit=unit)))
        out.append(timeline(stage("disconnected", min=most, unit=unit)))
    for unit, first, second in (("months", 120, 116), ("days", 3660, 3660)):
        chain = [stage("suspended", min=first, max=first, unit=unit)]
        chain.append(stage("disconnected", min=second, max=second, unit=unit, relative_to="suspended"))
        out.append(timeline(*chain))
    return out


@pytest.mark.parametrize("start", [planner.FIRST_DATE, planner.LAST_DATE, D(2028, 2, 29), D(2099, 2, 28)])
def test_every_date_the_planner_gives_is_a_real_date_for_any_timeline_the_schema_accepts(start: dt.date) -> None:
    for tl in _worst_timelines():
        p = planner.plan(Sources(), tl, start)
        dates = [p.move_by, p.keep_by, *(d for s in p.stages if s.dates for d in (s.dates.earliest, s.dates.latest))]
        for date in (d for d in dates if d is not None):
            assert dt.date(1, 1, 1) <= date <= dt.date(9999, 12, 31)
            assert planner.FIRST_DATE - dt.timedelta(days=planner.MOVE_MARGIN_DAYS) <= date
            assert date.year <= planner.LAST_DATE.year + MAX_TIMELINE_YEARS + 1


def test_the_last_start_date_plus_the_longest_timeline_is_exact() -> None:
    chain = timeline(stage("suspended", min=3660, max=3660), stage("disconnected", min=3660, relative_to="suspended"))
    p = planner.plan(Sources(), chain, planner.LAST_DATE)
    assert p.stages[1].dates == planner.Dates(D(2120, 1, 16), None)
    assert planner.add(planner.LAST_DATE, MAX_PERIOD["minutes"], "minutes", latest=True) == D(2100, 1, 7)
    assert planner.add(planner.LAST_DATE, MAX_PERIOD["hours"], "hours", latest=True) == D(2101, 1, 1)


@pytest.mark.parametrize(
    "start", [D(1, 1, 1), D(26, 1, 1), D(1989, 12, 31), D(2100, 1, 1), D(9999, 12, 31)], ids=lambda d: d.isoformat()
)
def test_a_start_date_outside_the_planners_range_is_refused_in_words(start: dt.date) -> None:
    tl = timeline(stage("disconnected", min=90))
    with pytest.raises(planner.OutOfRange, match="between 1990-01-01 and 2099-12-31"):
        planner.plan(Sources(), tl, start)


def test_the_planners_range_holds_every_real_start() -> None:
    assert (D(1990, 1, 1), D(2099, 12, 31)) == (planner.FIRST_DATE, planner.LAST_DATE)
    assert planner.plan(Sources(), timeline(stage("disconnected", min=90)), planner.FIRST_DATE).stages[0].dates


# --- issue 22: the move-by rule on the real data, where a plan stands against today, the calendar ---

REAL = load_all(project_at(ROOT))
# a fixed "today" for the tests; the start dates give results in its past and in its future
TODAY = D(2026, 12, 7)
# month ends, a leap day, a start whose dates have all passed by TODAY, one whose dates are all ahead
REAL_STARTS = [D(2024, 2, 29), D(2025, 1, 31), D(2026, 1, 15), D(2026, 8, 31), D(2026, 11, 30), D(2027, 6, 15)]


def _real_timelines() -> list[tuple[str, str, LapseTimeline]]:
    out = []
    for country in REAL.countries:
        for operator in country.operators:
            tl = certainty.timeline_for(country, operator.id)
            if tl is not None and tl.counts_from != "unknown":
                out.append((country.code, operator.id, tl))
    return out


def test_the_move_by_rule_holds_for_every_operator_in_the_data_on_every_start_date() -> None:
    """move by <= the earliest reassignment minus the margin, and before codes may stop, whenever
    those dates exist; and it is the later of the two bounds it may be (never earlier than needed)."""
    checked = {"codes-stop": 0, "someone-else": 0, None: 0}
    past = future = 0
    for country in REAL.countries:
        for operator in country.operators:
            tl = certainty.timeline_for(country, operator.id)
            if tl is None or tl.counts_from == "unknown":
                continue
            for start in REAL_STARTS:
                p = planner.plan(country, tl, start)
                where = (country.code, operator.id, start)
                bounds = []
                if p.reaches_someone_else and p.reaches_someone_else.dates:
                    reach = p.reaches_someone_else.dates.earliest
                    assert p.move_by is not None and p.move_by <= reach - dt.timedelta(days=14), where
                    bounds.append(reach - dt.timedelta(days=planner.MOVE_MARGIN_DAYS))
                if p.codes_may_stop:
                    assert p.move_by is not None and p.move_by < p.codes_may_stop.earliest, where
                    bounds.append(p.codes_may_stop.earliest - dt.timedelta(days=1))
                assert p.move_by == (min(bounds) if bounds else None), where
                checked[p.move_reason] += 1
                if p.move_by is not None:
                    past += p.move_by < TODAY
                    future += p.move_by >= TODAY
                    if p.move_by < TODAY:
                        assert planner.standing(p, TODAY) != "in-time", where
                    assert all(d >= TODAY for d in planner.calendar_dates(p, TODAY)), where
    # the data exercises both reasons, and dates on both sides of today
    assert checked["codes-stop"] > 0 and checked["someone-else"] > 0, checked
    assert past > 0 and future > 0


def test_ultra_moves_before_codes_stop_not_before_reassignment() -> None:
    us = next(c for c in REAL.countries if c.code == "us")
    tl = certainty.timeline_for(us, "ultra")
    assert tl is not None
    p = planner.plan(us, tl, D(2026, 1, 15))
    assert (p.move_by, p.move_reason) == (D(2026, 1, 14), "codes-stop")
    assert p.keep_by == D(2026, 1, 14) and planner.KEEP_VERB[tl.counts_from] == "renew"
    assert planner.standing(p, TODAY) == "stopped"
    assert planner.standing(p, D(2026, 1, 1)) == "in-time"
    assert planner.calendar_dates(p, TODAY) == []  # every date has passed: no calendar file
    ahead = planner.calendar_dates(p, D(2026, 2, 1))
    assert ahead == [D(2026, 2, 14), D(2026, 3, 31)]  # only the stages still to come


def test_where_a_plan_stands_against_today() -> None:
    tl = timeline(stage("suspended", min=30, max=60), stage("reassigned", min=120))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))  # codes may stop 31 Jan to 2 Mar; move by 30 Jan
    assert p.move_by == D(2026, 1, 30)
    assert planner.standing(p, D(2026, 1, 30)) == "in-time"  # the last day is not late
    assert planner.standing(p, D(2026, 1, 31)) == "may-have-stopped"
    assert planner.standing(p, D(2026, 3, 1)) == "may-have-stopped"
    assert planner.standing(p, D(2026, 3, 2)) == "stopped"
    late = planner.plan(Sources(), timeline(stage("suspended", min=60), stage("reassigned", min=70)), D(2026, 1, 1))
    assert (late.move_by, late.move_reason) == (D(2026, 2, 26), "someone-else")
    assert planner.standing(late, D(2026, 2, 26)) == "in-time"
    assert planner.standing(late, D(2026, 3, 1)) == "late"  # codes may stop only from 2 March
    open_ended = planner.plan(Sources(), timeline(stage("disconnected", min=90)), D(2026, 1, 1))
    assert planner.standing(open_ended, D(2030, 1, 1)) == "may-have-stopped"  # "or later": never surely
    none = planner.plan(Sources(), timeline(stage("disconnected")), D(2026, 1, 1))
    assert planner.standing(none, D(2030, 1, 1)) == "unknown"


def test_keeping_stands_by_the_keep_by_date() -> None:
    tl = timeline(stage("warned", min=10), stage("suspended", min=30))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert p.keep_by == D(2026, 1, 30)
    assert planner.standing(p, D(2026, 1, 30), keep=True) == "in-time"
    assert planner.standing(p, D(2026, 1, 31), keep=True) == "may-have-stopped"


def test_the_calendar_never_holds_a_past_date() -> None:
    tl = timeline(stage("warned", min=10), stage("suspended", min=30), stage("reassigned", min=90))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert planner.calendar_dates(p, D(2025, 12, 1)) == [D(2026, 1, 11), D(2026, 1, 30), D(2026, 1, 31), D(2026, 4, 1)]
    assert planner.calendar_dates(p, D(2026, 1, 31)) == [D(2026, 1, 31), D(2026, 4, 1)]  # today is not past
    assert planner.calendar_dates(p, D(2026, 4, 2)) == []
    assert planner.calendar_dates(p, D(2026, 1, 30), keep=True) == [D(2026, 1, 30)]
    assert planner.calendar_dates(p, D(2026, 1, 31), keep=True) == []


def test_what_keeps_the_number_follows_what_the_rule_counts_from() -> None:
    assert set(planner.KEEP_VERB) == set(literal_values(LapseEvent))
    assert planner.KEEP_VERB["last-activity"] == "use"
    assert {planner.KEEP_VERB[e] for e in ("last-top-up", "zero-balance")} == {"top-up"}
    assert (planner.KEEP_VERB["plan-end"], planner.KEEP_VERB["missed-payment"]) == ("renew", "pay")
    # every event in the data has a verb that is not the catch-all, except where no source says
    for code, operator, tl in _real_timelines():
        if tl.counts_from != "activation":
            assert planner.KEEP_VERB[tl.counts_from] != "act", (code, operator)


# --- the planner's partial for one brand (brand pages include it with `planner_operators`) ---


def render_planner(code: str, operators: list[str] | None, lang: str = "zh") -> str:
    """templates/_planner.html.j2 for a place of the real data, for the given operators (None: the default)."""
    from baohao.present.escape import environment
    from baohao.present.formatter import Formatter
    from baohao.present.views import CountryView

    project = project_at(ROOT)
    country = next(c for c in REAL.countries if c.code == code)
    words = Formatter(lang, REAL.strings, TODAY, REAL.prose)
    view = CountryView(country, words, REAL.vocabulary, project.repository, REAL.rates)
    context: dict[str, Any] = {"lang": words, "t": words.t, "L": words.text, "v": view, "c": country}
    if operators is not None:
        context["planner_operators"] = [o for o in country.operators if o.id in operators]
    return environment(project.templates_dir).get_template("_planner.html.j2").render(**context)


def _planner_json(page: str) -> dict[str, Any]:
    import json
    import re

    found = re.search(r'<script type="application/json" id="planner-data">(.*?)</script>', page, re.S)
    assert found
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_with_one_brand_the_planner_shows_it_as_text_and_carries_only_its_data() -> None:
    page = render_planner("gb", ["giffgaff"])
    assert "<select" not in page
    assert '<input type="hidden" name="operator" value="giffgaff">' in page
    assert "<strong>giffgaff</strong>" in page
    data = _planner_json(page)
    assert [o["id"] for o in data["operators"]] == ["giffgaff"] and len(data["timelines"]) == 1
    assert data["operators"][0]["timeline"] == 0


def test_by_default_the_planner_offers_every_brand_of_the_place() -> None:
    page = render_planner("gb", None)
    gb = next(c for c in REAL.countries if c.code == "gb")
    assert '<select id="planner-operator" name="operator">' in page
    assert page.count("<option ") == len(gb.operators)
    data = _planner_json(page)
    assert [o["id"] for o in data["operators"]] == [o.id for o in gb.operators]
    # the data carries the rules the script repeats, from baohao.planner
    assert data["rules"]["keep_verb"] == planner.KEEP_VERB and data["rules"]["move_margin_days"] == 14
