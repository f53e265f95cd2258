"""The lapse planner's arithmetic: from the date a timeline counts from to the dates that matter.

This module is the one definition. The page's planner (docs/assets/javascripts/lapse-planner.js)
repeats it in the browser, on the same data (`planner_data`), and a browser test checks that both
give the same dates for every operator on awkward dates (month ends, 29 February).

The rules:
- Dates are calendar dates, with no time of day or time zone: the reader's own date.
- `days` are added as days. `months` are calendar months: the same day of the month, or the
  month's last day when it has fewer days (31 January + 1 month = 28 or 29 February).
- `hours` and `minutes` are counted from some time on the start date: the earliest date assumes
  the event at 00:00, the latest at 23:59.
- A period from `min` to `max` gives a range of dates. Without `min` the stage may come at once
  (earliest: the start); without `max` there is no latest date ("or later").
- A stage `relative_to` an earlier stage counts from that stage's earliest and latest dates.
- A stage with no `after` has no date: the page says unknown, never a guess.
- Move the accounts by the earlier of two days: MOVE_MARGIN_DAYS before the earliest date the
  number may go to someone else, and the day before codes may stop arriving (the earliest date of
  the first CODES_STOP stage). Either alone when only one is known; none when neither is.
- To keep the number, act by the day before the earliest of `certainty.keep_alive_options`
  (the qualifying period, the first harmful stage with a stated earliest time). What to do
  follows what the rule counts from (KEEP_VERB): use it, top it up, renew or pay.
- Against today (`standing`): the number may have stopped once the first CODES_STOP stage's
  earliest date has come, and has probably stopped once its latest has; otherwise a key date
  (move by, keep by) before today is late. The calendar file holds no date before today
  (`calendar_dates`).
- The start date is between FIRST_DATE and LAST_DATE (the page's date field says so, and refuses
  any other date in words). With the schema's bounds on periods (models.MAX_PERIOD) and on a
  timeline's length (models.MAX_TIMELINE_YEARS), every date the planner gives is then a real date
  between 1989 and 2121, never past year 9999, and its calendar file holds only valid dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .certainty import Sourced, backed, keep_alive_options
from .models import LapseEvent, LapseTimeline, Period

# The dates a reader may start from: mobile numbers as these rules know them (the data's own dates
# start in 1990), up to the end of the century. A year typed as 0026 is refused, never read as 1926.
FIRST_DATE = dt.date(1990, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)


class OutOfRange(ValueError):
    """A start date the planner does not count from."""


# The page says this margin: "move your accounts by" is at the latest this many days before the
# earliest date the number may reach someone else.
MOVE_MARGIN_DAYS = 14
# Stages from which codes sent to the number may no longer arrive.
CODES_STOP = ("outgoing-blocked", "suspended", "disconnected", "reassigned")
# Stages after which the number may be given to someone else, in order of preference: the
# reassignment itself, else the disconnection (a number is not reassigned while it still works).
REACHES_SOMEONE_ELSE = ("reassigned", "disconnected")

# Why the move-by date is what it is: the day before codes may stop arriving, or the margin before
# the number may go to someone else (on the same day, codes stopping is the reason given).
MoveReason = Literal["codes-stop", "someone-else"]
# What keeps the number, by what its rule counts from: the page says "use it", "top it up", "renew
# the plan", "pay", "extend its validity", or, where the event says nothing of it, "do what keeps it".
KeepVerb = Literal["use", "top-up", "renew", "pay", "extend", "act"]
KEEP_VERB: dict[LapseEvent, KeepVerb] = {
    "last-activity": "use",
    "last-top-up": "top-up",
    "zero-balance": "top-up",
    "plan-end": "renew",
    "missed-payment": "pay",
    "validity-end": "extend",
    "activation": "act",
    "unknown": "act",
}
# Where a plan stands against today: `in-time` (the key date is today or later), `late` (the key
# date has passed, codes may still arrive), `may-have-stopped` (codes may have stopped: the first
# CODES_STOP stage's earliest date has come), `stopped` (its latest date has come too: by the rule
# the number has probably stopped), `unknown` (no key date and no cut-off date).
Standing = Literal["in-time", "late", "may-have-stopped", "stopped", "unknown"]


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months: the same day, or the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add(start: dt.date, amount: int, unit: str, *, latest: bool = False) -> dt.date:
    """The date `amount` `unit`s after `start`. For hours and minutes, `latest` assumes the event
    happened at the end of the start date rather than at its beginning."""
    if unit == "days":
        return start + dt.timedelta(days=amount)
    if unit == "months":
        return add_months(start, amount)
    minutes = amount * (60 if unit == "hours" else 1)
    return start + dt.timedelta(days=(minutes + (1439 if latest else 0)) // 1440)


@dataclass(frozen=True)
class Dates:
    """When a stage happens: from `earliest` to `latest`; `latest` None means "or later"."""

    earliest: dt.date
    latest: dt.date | None

    def after(self, period: Period) -> Dates:
        earliest = add(self.earliest, period.min or 0, period.unit)
        if period.max is None or self.latest is None:
            return Dates(earliest, None)
        return Dates(earliest, add(self.latest, period.max, period.unit, latest=True))


@dataclass(frozen=True)
class PlannedStage:
    state: str
    dates: Dates | None  # None: no source says when
    unverified: bool  # dated, but no official or secondary source backs the time


@dataclass(frozen=True)
class Plan:
    start: dt.date
    stages: tuple[PlannedStage, ...]
    codes_may_stop: Dates | None  # when the first stage after which codes may no longer arrive comes
    codes_stage: PlannedStage | None  # that stage
    reaches_someone_else: PlannedStage | None  # the stage from which the number may go to someone else
    move_by: dt.date | None  # the last day to move the accounts: the earlier of the two below
    move_reason: MoveReason | None  # `codes-stop`: the day before codes_may_stop; `someone-else`: the margin
    keep_by: dt.date | None  # the last safe day for the next qualifying use
    keep_unverified: bool  # `keep_by` rests on a period no reliable source backs
    move_unverified: bool  # `codes_may_stop` or `move_by` rests on a stage no reliable source backs


def _stages(source: Sourced, timeline: LapseTimeline, start: dt.date) -> tuple[PlannedStage, ...]:
    planned: list[PlannedStage] = []
    by_state: dict[str, PlannedStage] = {}
    for stage in timeline.stages:
        base = by_state.get(stage.relative_to) if stage.relative_to else None
        if stage.after is None:
            dates = None
        elif stage.relative_to is None:
            dates = Dates(start, start).after(stage.after)
        else:
            dates = base.dates.after(stage.after) if base and base.dates else None
        # A date counted from an unverified stage is no surer than that stage.
        unverified = dates is not None and (not backed(source, stage.sources) or bool(base and base.unverified))
        planned.append(PlannedStage(stage.state, dates, unverified))
        by_state.setdefault(stage.state, planned[-1])
    return tuple(planned)


def _first(stages: tuple[PlannedStage, ...], states: tuple[str, ...]) -> PlannedStage | None:
    dated = [s for s in stages if s.state in states and s.dates is not None]
    return min(dated, key=lambda s: s.dates.earliest if s.dates else dt.date.max, default=None)


def plan(source: Sourced, timeline: LapseTimeline, start: dt.date) -> Plan:
    """The dates for a number whose timeline's event (last use, last top-up, ...) was on `start`."""
    if not FIRST_DATE <= start <= LAST_DATE:
        raise OutOfRange(
            f"the start date {start.isoformat()} is not between {FIRST_DATE.isoformat()} and {LAST_DATE.isoformat()}"
        )
    stages = _stages(source, timeline, start)
    codes = _first(stages, CODES_STOP)
    someone_else = next((s for state in REACHES_SOMEONE_ELSE if (s := _first(stages, (state,)))), None)
    # the earlier of the two; on the same day, codes stopping is the reason (min keeps the first)
    candidates: list[tuple[dt.date, MoveReason]] = []
    if codes and codes.dates:
        candidates.append((codes.dates.earliest - dt.timedelta(days=1), "codes-stop"))
    if someone_else and someone_else.dates:
        candidates.append((someone_else.dates.earliest - dt.timedelta(days=MOVE_MARGIN_DAYS), "someone-else"))
    move_by, move_reason = min(candidates, key=lambda c: c[0]) if candidates else (None, None)
    # the keep-alive option that comes first (min is stable: on the same date, the first option)
    options = [(add(start, p.min or 0, p.unit), sources) for p, sources in keep_alive_options(timeline)]
    keep = min(options, key=lambda option: option[0], default=None)
    keep_by = keep[0] - dt.timedelta(days=1) if keep else None
    keep_unverified = keep is not None and not backed(source, keep[1])
    return Plan(
        start=start,
        stages=stages,
        codes_may_stop=codes.dates if codes else None,
        codes_stage=codes,
        reaches_someone_else=someone_else,
        move_by=move_by,
        move_reason=move_reason,
        keep_by=keep_by,
        keep_unverified=keep_unverified,
        move_unverified=any(s.unverified for s in (codes, someone_else) if s is not None),
    )


def standing(plan: Plan, today: dt.date, *, keep: bool = False) -> Standing:
    """Where the plan stands on `today`, for "let it go" (the move-by date) or "keep it" (keep by)."""
    codes = plan.codes_may_stop
    if codes and codes.latest is not None and codes.latest <= today:
        return "stopped"
    if codes and codes.earliest <= today:
        return "may-have-stopped"
    key = plan.keep_by if keep else plan.move_by
    if key is None:
        return "unknown"
    return "late" if key < today else "in-time"


def calendar_dates(plan: Plan, today: dt.date, *, keep: bool = False) -> list[dt.date]:
    """The dates the calendar file holds, in order, each once: the key date and, to let it go, each
    stage's earliest date; never one before today."""
    dates = [plan.keep_by] if keep else [plan.move_by, *(s.dates.earliest for s in plan.stages if s.dates)]
    return sorted({d for d in dates if d is not None and d >= today})
