"""The lapse planner's date arithmetic (baohao.planner), on minimal timelines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from baohao import planner
from baohao.models import MAX_PERIOD, MAX_TIMELINE_YEARS, LapseTimeline, Period, Source

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


def test_move_by_is_the_margin_before_the_earliest_reassignment() -> None:
    tl = timeline(stage("suspended", min=60), stage("disconnected", min=90), stage("reassigned", min=180))
    p = planner.plan(Sources(), tl, D(2026, 1, 1))
    assert p.reaches_someone_else is not None and p.reaches_someone_else.state == "reassigned"
    assert p.move_by == D(2026, 6, 30) - dt.timedelta(days=planner.MOVE_MARGIN_DAYS)
    assert p.codes_may_stop == planner.Dates(D(2026, 3, 2), None)


def test_without_a_reassignment_date_the_disconnection_is_when_it_may_reach_someone_else() -> None:
    p = planner.plan(Sources(), timeline(stage("disconnected", min=90), stage("reassigned")), D(2026, 1, 1))
    assert p.reaches_someone_else is not None and p.reaches_someone_else.state == "disconnected"
    assert p.move_by == D(2026, 4, 1) - dt.timedelta(days=planner.MOVE_MARGIN_DAYS)


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
