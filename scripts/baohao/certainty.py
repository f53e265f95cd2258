"""What the guide may state as certain. Plain values, no markup: the views format them.

A fact is *backed* when an official page or edited press supports it (`CERTAIN_TIERS`): forum
posts, community answers, personal blogs, SEO and affiliate pages are evidence, shown with the
unverified (未核实) mark. Summaries (key facts, the comparison, the home page) state a yes or no, a
period or a refund rule as certain only when it is backed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from .models import DAYS_PER_UNIT, TIERS, Country, LapseTimeline, Period, RefundRule, Route, Source, Tier

AnswerValue = Literal["yes", "no", "unknown"]


class Sourced(Protocol):
    """A data file with its own sources: a country or a service."""

    def source(self, source_id: str) -> Source: ...


# The kinds of source that make a fact certain: the operator's, service's, regulator's own page or a
# law, and edited press. `community` and `weak` sources are shown, with the unverified mark.
CERTAIN_TIERS = frozenset({"official", "press"})


def backed(country: Sourced, source_ids: Sequence[str]) -> bool:
    """True when an official or press source supports the fact."""
    return any(country.source(s).kind in CERTAIN_TIERS for s in source_ids)


def best_tier(country: Sourced, source_ids: Sequence[str]) -> Tier | None:
    """The most trusted kind among the sources cited for a fact (None when it cites none)."""
    kinds = {country.source(s).kind for s in source_ids}
    return next((tier for tier in TIERS if tier in kinds), None)


def weak_only(country: Sourced, source_ids: Sequence[str]) -> bool:
    """Cited, but only by community or weak sources: shown with its sources and the unverified mark."""
    return bool(source_ids) and not backed(country, source_ids)


def answer_unverified(country: Sourced, value: str, source_ids: Sequence[str]) -> bool:
    """A yes or no that no reliable source backs (an `unknown` says nothing, so needs no mark)."""
    return value != "unknown" and not backed(country, source_ids)


# --- ways to cancel ---


def routes_for(country: Country, operator_id: str | None = None) -> list[Route]:
    """The ways that apply to an operator (those for every operator included); all, without one."""
    return [r for r in country.routes if operator_id is None or not r.operators or operator_id in r.operators]


def formal_routes(country: Country, operator_id: str | None = None) -> list[Route]:
    """Ways that end the contract, as opposed to letting the number lapse."""
    return [r for r in routes_for(country, operator_id) if r.kind != "lapse"]


def online_routes(country: Country) -> list[Route]:
    return [r for r in country.routes if r.kind == "online"]


def abroad_route(country: Country, operator_id: str | None = None) -> Route | None:
    """The first formal route that a reliable source says can be done from abroad, if any."""
    return next(
        (
            r
            for r in formal_routes(country, operator_id)
            if r.from_abroad.value == "yes" and backed(country, r.from_abroad.sources)
        ),
        None,
    )


def formal_from_abroad(country: Country, operator_id: str | None = None) -> AnswerValue:
    """Can the number be formally cancelled from abroad? `yes` with a backed route, `no` only when
    every formal route is a backed no, else `unknown`."""
    if abroad_route(country, operator_id):
        return "yes"
    routes = formal_routes(country, operator_id)
    if routes and all(r.from_abroad.value == "no" and backed(country, r.from_abroad.sources) for r in routes):
        return "no"
    return "unknown"


def in_person_documents(country: Country) -> list[str]:
    """The ids of the documents any in-store route asks for, in order of first mention."""
    seen: list[str] = []
    for route in country.routes:
        if route.kind == "in-store":
            seen += [d for d in route.documents if d not in seen]
    return seen


# --- the balance ---


def refund_not_ruled_out(country: Country) -> bool:
    """No rule is known, or not every rule says no: the staff card may ask for the balance back."""
    rules = country.rules.balance_refund
    return not rules or any(r.value != "no" for r in rules)


# --- one-line summaries of per-operator rules ---


@dataclass(frozen=True)
class Moment:
    """When a stage happens: `period` after the timeline's event, or after the stage `relative_to`.
    No period: the stage is sourced, but not when it happens."""

    period: Period | None
    counts_from: str
    relative_to: str | None = None


RuleValue = Moment | str | None  # when a stage happens, an answer word, or None for unknown


@dataclass(frozen=True)
class Clause:
    """One part of a summary such as `Ucell: 90–150 days; Beeline: unknown`."""

    value: RuleValue
    unverified: bool  # stated, but no reliable source backs it
    operators: tuple[str, ...]  # operator ids it covers; () when it covers every operator
    covers_all: bool  # a rule for every operator is part of it


def _clauses(country: Country, entries: Sequence[tuple[RuleValue, bool, Sequence[str], Sequence[str]]]) -> list[Clause]:
    """Group (value, stated, operators, sources) entries: operators that share a value are named together."""
    groups: dict[tuple[RuleValue, bool], list[str]] = {}
    for value, stated, operators, sources in entries:
        key = (value, stated and not backed(country, sources))
        groups.setdefault(key, []).extend(operators or [""])
    return [
        Clause(value, unverified, tuple(o for o in ops if o), "" in ops) for (value, unverified), ops in groups.items()
    ]


# --- the lapse timeline ---

CUT_OFF = ("suspended", "disconnected")  # the first of these is when the number stops working
GONE = ("disconnected",)  # the contract ends: the number is gone
HARMLESS = ("warned",)  # a number that has reached only these stages still works


def timeline_for(country: Country, operator_id: str) -> LapseTimeline | None:
    """The timeline that applies to an operator: its own, else one for every operator."""
    timelines = country.rules.lapse
    own = next((t for t in timelines if operator_id in t.operators), None)
    return own or next((t for t in timelines if not t.operators), None)


def operators_without_timeline(country: Country) -> list[str]:
    return [o.id for o in country.operators if timeline_for(country, o.id) is None]


TimelineValue = tuple[RuleValue, bool, Sequence[str]]  # (value, stated, sources) for one timeline


def _timeline_clauses(
    country: Country, value_of: Callable[[LapseTimeline], TimelineValue], operator_id: str | None = None
) -> list[Clause]:
    """One value per timeline, grouped into clauses. An operator no timeline covers is `unknown`.
    With an operator: that operator's timeline only."""
    if operator_id is not None:
        own = timeline_for(country, operator_id)
        if own is None:
            return [Clause(None, False, (operator_id,), False)]
        timelines = [own]
    else:
        timelines = list(country.rules.lapse)
    entries: list[tuple[RuleValue, bool, Sequence[str], Sequence[str]]] = []
    for timeline in timelines:
        value, stated, sources = value_of(timeline)
        entries.append((value, stated, timeline.operators, sources))
    missing = operators_without_timeline(country) if operator_id is None else []
    if missing and country.rules.lapse:
        entries.append((None, False, missing, []))
    return _clauses(country, entries)


def _stage_clauses(country: Country, states: Sequence[str], operator_id: str | None = None) -> list[Clause]:
    """Per timeline, the first stage in `states`: when, and whether a reliable source backs it."""

    def value_of(timeline: LapseTimeline) -> TimelineValue:
        stage = next((s for s in timeline.stages if s.state in states), None)
        if stage is None or (stage.after is None and "reassigned" not in states):
            # a cut-off with no time says nothing about when: the same as no source
            return None, False, []
        return Moment(stage.after, timeline.counts_from, stage.relative_to), True, stage.sources

    return _timeline_clauses(country, value_of, operator_id)


def cut_off_summary(country: Country, operator_id: str | None = None) -> list[Clause]:
    """When an unused number stops working (suspended or disconnected), per operator."""
    return _stage_clauses(country, CUT_OFF, operator_id)


def reassigned_summary(country: Country, operator_id: str | None = None) -> list[Clause]:
    """From when the number may go to someone else, per operator."""
    return _stage_clauses(country, ("reassigned",), operator_id)


def refund_summary(country: Country, operator_id: str | None = None) -> list[Clause]:
    rules: list[RefundRule] = [
        r for r in country.rules.balance_refund if operator_id is None or not r.operators or operator_id in r.operators
    ]
    return _clauses(country, [(r.value, r.value != "unknown", r.operators, r.sources) for r in rules])


def gone_summary(country: Country, operator_id: str | None = None) -> list[Clause]:
    """When the contract ends and the number is gone, per operator."""
    return _stage_clauses(country, GONE, operator_id)


def keep_alive_options(timeline: LapseTimeline) -> list[tuple[Period, Sequence[str]]]:
    """What limits how long the number may go unused, counted from the timeline's event, with the
    sources for each: the qualifying period, where the rule gives one, and the first harmful stage
    whose earliest time is stated. The number is safe until the earlier of them."""
    options: list[tuple[Period, Sequence[str]]] = []
    qualifying = timeline.qualifying
    if qualifying and qualifying.every and qualifying.every.min is not None:
        options.append((qualifying.every, qualifying.sources))
    harmful = (s for s in timeline.stages if s.state not in HARMLESS and not s.relative_to)
    stage = next((s for s in harmful if s.after and s.after.min is not None), None)
    if stage and stage.after:
        options.append((stage.after, stage.sources))
    return options


def keep_alive(timeline: LapseTimeline) -> tuple[Moment, Sequence[str]] | None:
    """The shorter of the keep-alive options (months counted as 30 days to compare; the qualifying
    period on a tie), for the comparison; the planner compares the options' exact dates."""
    options = keep_alive_options(timeline)
    if not options:
        return None
    period, sources = min(options, key=lambda o: (o[0].min or 0) * DAYS_PER_UNIT[o[0].unit])
    return Moment(period, timeline.counts_from), sources


def keep_alive_summary(country: Country, operator_id: str | None = None) -> list[Clause]:
    """How long an unused number keeps working, per operator (the comparison's keep-alive column)."""

    def value_of(timeline: LapseTimeline) -> TimelineValue:
        found = keep_alive(timeline)
        return (found[0], True, found[1]) if found else (None, False, [])

    return _timeline_clauses(country, value_of, operator_id)


# --- the brand page's first answer: can the reader end the number from mainland China? ---

EndVerdict = Literal["lapse", "lapse-unverified", "unknown"]


def lapse_routes(country: Country, operator_id: str) -> list[Route]:
    """The "stop using it and let it lapse" ways that apply to an operator."""
    return [r for r in routes_for(country, operator_id) if r.kind == "lapse"]


def end_from_china(country: Country, operator_id: str) -> tuple[EndVerdict, Route | None]:
    """Can the holder be rid of the number without going there? Letting it lapse counts: `lapse` when
    a lapse way that works from abroad is backed by an official or press source, `lapse-unverified`
    when only community or weak sources say it works, else `unknown` (the formal ways are a separate
    answer: `formal_from_abroad`)."""
    ways = [r for r in lapse_routes(country, operator_id) if r.from_abroad.value == "yes"]
    backed_way = next((r for r in ways if backed(country, r.from_abroad.sources)), None)
    if backed_way:
        return "lapse", backed_way
    if ways:
        return "lapse-unverified", ways[0]
    return "unknown", None


def unbacked_abroad_routes(country: Country, operator_id: str) -> list[Route]:
    """Formal ways said to work from abroad by community or weak sources only (shown as unverified)."""
    return [
        r
        for r in formal_routes(country, operator_id)
        if r.from_abroad.value == "yes" and not backed(country, r.from_abroad.sources)
    ]
