"""Keeping a number instead of letting it go: what it costs a year, and which risks a holder must see
first. Plain values, no markup: the views format them.

The yearly cost of a way to keep the number is the number of actions a year takes at the longest
gap the rule allows, times the price of one action: a year is 12 calendar months (so a rule of
"every 6 months" takes 2 actions, as the planner counts months), or 365 days, 8,760 hours. A cost is
certain only when both the gap and the price are backed by an official or press source; otherwise
the page shows it with the unverified mark. A rule with no longest gap, or no price, has no cost:
it is unknown, never a guess. The amount in yuan uses one dated reference rate (data/rates.yml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .certainty import backed
from .models import Country, KeepOption, Operator, Period, Price, Risk
from .project import older_than_months

# A reported, announced or enforced risk is shown first for this long after its date.
RECENT_RISK_MONTHS = 24
SHOWN_FIRST = frozenset({"reported", "announced", "enforced"})

_PER_YEAR = {"months": Decimal(12), "days": Decimal(365), "hours": Decimal(8760), "minutes": Decimal(525600)}
CENT = Decimal("0.01")


def actions_per_year(every: Period) -> Decimal | None:
    """How many actions a year takes when each comes at the longest gap allowed (None: no longest gap)."""
    if every.max is None or every.max <= 0:
        return None
    return _PER_YEAR[every.unit] / Decimal(every.max)


@dataclass(frozen=True)
class KeepCost:
    """One way to keep a number, with its yearly cost where both the gap and the price are known."""

    option: KeepOption
    every: Period | None  # the option's own gap, else the timeline's qualifying period
    every_sources: tuple[str, ...]
    per_year: Decimal | None  # in price.currency; None when unknown
    certain: bool  # both the gap and the price backed

    @property
    def price(self) -> Price | None:
        return self.option.price


def _qualifying(country: Country, operator_id: str) -> tuple[Period | None, tuple[str, ...]]:
    """The brand's lapse timeline's qualifying period and its sources (the default gap of an option)."""
    for timeline in country.rules.lapse:
        if (not timeline.operators or operator_id in timeline.operators) and timeline.qualifying:
            return timeline.qualifying.every, tuple(timeline.qualifying.sources)
    return None, ()


def keep_costs(country: Country, operator: Operator) -> list[KeepCost]:
    """Each way to keep this brand's number, with its yearly cost, cheapest known first (then as listed)."""
    if operator.keeping is None:
        return []
    default_every, default_sources = _qualifying(country, operator.id)
    costs = []
    for option in operator.keeping.options:
        every, every_sources = (
            (option.every, tuple(option.sources)) if option.every else (default_every, default_sources)
        )
        actions = actions_per_year(every) if every else None
        per_year = (actions * option.price.amount).quantize(CENT, ROUND_HALF_UP) if actions and option.price else None
        certain = (
            per_year is not None
            and backed(country, list(every_sources))
            and backed(country, option.price.sources if option.price else [])
        )
        costs.append(KeepCost(option, every, every_sources, per_year, certain))
    known = sorted((c for c in costs if c.per_year is not None), key=lambda c: c.per_year or Decimal(0))
    return known + [c for c in costs if c.per_year is None]


def cheapest(country: Country, operator: Operator) -> KeepCost | None:
    """The cheapest way with a known yearly cost, else the first way listed, else None."""
    costs = keep_costs(country, operator)
    return costs[0] if costs else None


def in_yuan(amount: Decimal, currency: str, rates: dict[str, Decimal]) -> Decimal | None:
    """An approximate amount in yuan at the reference rate (None when the currency has no rate)."""
    if currency == "CNY":
        return amount.quantize(CENT, ROUND_HALF_UP)
    rate = rates.get(currency)
    return (amount * rate).quantize(CENT, ROUND_HALF_UP) if rate is not None else None


def is_recent(risk: Risk, today: dt.date) -> bool:
    """A reported, announced or enforced risk of the last 24 months: shown first and in the feeds."""
    return risk.status in SHOWN_FIRST and not older_than_months(risk.date, today, RECENT_RISK_MONTHS)


def recent_risks(operators: Sequence[Operator], today: dt.date) -> list[tuple[Operator, Risk]]:
    """The risks to show at the top of a page, newest first (then in the order of the brands)."""
    found = [(o, r) for o in operators for r in o.risks if is_recent(r, today)]
    return sorted(found, key=lambda pair: -pair[1].date.toordinal())
