"""What keeping a number costs a year, and which risks are shown first: the rules of baohao.keeping,
each on a minimal country."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from baohao import keeping
from baohao.models import Country, Period, Risk
from conftest import TEXT, minimal_country


def country(options: list[dict[str, Any]], qualifying: dict[str, Any] | None = None) -> Country:
    """Brand alpha with these ways to keep its number, and a timeline with this qualifying period."""
    lapse = [{"operators": ["alpha"], "counts_from": "last-activity", "qualifying": qualifying}] if qualifying else []
    route = {"id": "r", "kind": "lapse", "title": TEXT, "from_abroad": {"value": "yes"}, "steps": [{"text": TEXT}]}
    return minimal_country(
        [{"id": "alpha", "brand": "Alpha", "keeping": {"options": options}}], [route], {"lapse": lapse}
    )


def option(
    every: dict[str, Any] | None, amount: str | None, price_sources: list[str], sources: list[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {"action": "outgoing-sms", "sources": sources}
    if every:
        out["every"] = every
    if amount is not None:
        out["price"] = {
            "amount": Decimal(amount),
            "currency": "GBP",
            "seen": dt.date(2024, 5, 29),
            "sources": price_sources,
        }
    return out


def costs(c: Country) -> list[keeping.KeepCost]:
    return keeping.keep_costs(c, c.operators[0])


@pytest.mark.parametrize(
    ("period", "actions"),
    [
        (Period(max=6, unit="months"), Decimal(2)),  # a year is 12 calendar months, as the planner counts them
        (Period(min=6, max=6, unit="months"), Decimal(2)),
        (Period(max=1, unit="months"), Decimal(12)),
        (Period(max=12, unit="months"), Decimal(1)),
        (Period(max=365, unit="days"), Decimal(1)),
        (Period(max=90, unit="days"), Decimal(365) / Decimal(90)),
        (Period(max=720, unit="hours"), Decimal(8760) / Decimal(720)),
        (Period(min=180, unit="days"), None),  # no longest gap: no cadence, so no cost
        (Period(max=0, unit="days"), None),
    ],
)
def test_actions_a_year_at_the_longest_gap(period: Period, actions: Decimal | None) -> None:
    assert keeping.actions_per_year(period) == actions


def test_a_yearly_cost_is_actions_times_price_to_the_penny() -> None:
    six_months = option({"max": 6, "unit": "months"}, "0.30", ["official"], ["official"])
    assert costs(country([six_months]))[0].per_year == Decimal("0.60")
    days = option({"max": 180, "unit": "days"}, "0.30", ["official"], ["official"])
    assert costs(country([days]))[0].per_year == Decimal("0.61")  # 365 / 180 × 0.30 = 0.608…
    monthly = option({"max": 30, "unit": "days"}, "3", ["official"], ["official"])
    assert costs(country([monthly]))[0].per_year == Decimal("36.50")
    free = option({"max": 3, "unit": "months"}, "0", ["official"], ["official"])
    assert costs(country([free]))[0].per_year == Decimal("0.00")


def test_without_a_price_or_a_longest_gap_the_cost_is_unknown_never_a_guess() -> None:
    assert costs(country([option({"max": 6, "unit": "months"}, None, [], ["official"])]))[0].per_year is None
    assert (
        costs(country([option({"min": 6, "unit": "months"}, "0.30", ["official"], ["official"])]))[0].per_year is None
    )
    assert costs(country([option(None, "0.30", ["official"], [])]))[0].per_year is None  # no gap anywhere


def test_the_gap_defaults_to_the_timelines_qualifying_period_with_its_sources() -> None:
    c = country(
        [option(None, "0.30", ["official"], [])],
        {"counts": TEXT, "every": {"max": 6, "unit": "months"}, "sources": ["official"]},
    )
    [cost] = costs(c)
    assert cost.per_year == Decimal("0.60") and cost.every_sources == ("official",) and cost.certain


@pytest.mark.parametrize(
    ("gap_sources", "price_sources", "certain"),
    [
        (["official"], ["official"], True),
        (["official"], ["press"], True),
        (["press"], ["official"], True),
        (["official"], ["forum"], False),  # a forum price
        (["forum"], ["official"], False),  # a forum rule
        (["official"], ["weak"], False),
        (["official"], [], False),  # an unsourced price
        ([], ["official"], False),
    ],
)
def test_a_cost_is_certain_only_when_both_gap_and_price_are_backed(
    gap_sources: list[str], price_sources: list[str], certain: bool
) -> None:
    [cost] = costs(country([option({"max": 6, "unit": "months"}, "0.30", price_sources, gap_sources)]))
    assert cost.certain is certain


def test_cheapest_known_cost_first_then_unknown_in_order() -> None:
    dear = option({"max": 1, "unit": "months"}, "3", ["official"], ["official"])
    unknown = option({"max": 6, "unit": "months"}, None, [], ["official"])
    cheap = option({"max": 6, "unit": "months"}, "0.30", ["forum"], ["official"])
    ordered = costs(country([dear, unknown, cheap]))
    assert [c.per_year for c in ordered] == [Decimal("0.60"), Decimal("36.00"), None]
    c = country([unknown, dear])
    assert keeping.cheapest(c, c.operators[0]).per_year == Decimal("36.00")  # type: ignore[union-attr]


def test_yuan_at_the_reference_rate_to_the_fen() -> None:
    rates = {"GBP": Decimal("9.1234"), "HKD": Decimal("0.9")}
    assert keeping.in_yuan(Decimal("0.60"), "GBP", rates) == Decimal("5.47")  # 5.47404
    assert keeping.in_yuan(Decimal("15"), "HKD", rates) == Decimal("13.50")
    assert keeping.in_yuan(Decimal("1"), "MOP", rates) is None  # no rate: no yuan amount
    assert keeping.in_yuan(Decimal("1.005"), "CNY", rates) == Decimal("1.01")


def risk(status: str, date: dt.date) -> Risk:
    return Risk.model_validate(
        {"kind": "roaming-cutoff", "status": status, "date": date, "headline": TEXT, "text": TEXT, "sources": []}
    )


def test_reported_announced_or_enforced_risks_of_the_last_24_months_are_shown_first() -> None:
    today = dt.date(2026, 12, 7)
    assert keeping.is_recent(risk("reported", dt.date(2026, 7, 28)), today)
    assert keeping.is_recent(risk("announced", dt.date(2025, 1, 10)), today)
    assert keeping.is_recent(risk("enforced", dt.date(2024, 12, 20)), today)  # 23.5 months
    assert not keeping.is_recent(risk("enforced", dt.date(2024, 11, 1)), today)  # over 24 months
    assert not keeping.is_recent(risk("clause", dt.date(2026, 11, 1)), today)  # a clause is not an event


def test_reference_rates_are_read_as_their_source_quotes_them() -> None:
    from baohao.models import ReferenceRates

    rates = ReferenceRates.model_validate(
        {
            "date": dt.date(2026, 1, 27),
            "rates": [
                {"currency": "USD", "units": Decimal("100"), "cny": Decimal("698.58"), "sources": ["x"]},
                {"currency": "MOP", "units": Decimal("115.02"), "cny": Decimal("100"), "sources": ["x"]},
            ],
            "sources": [
                {"id": "x", "url": "https://example.com/", "title": "T", "lang": "en", "publisher": "P",
                 "kind": "press", "checked": dt.date(2026, 12, 7)}
            ],
        }
    )  # fmt: skip
    table = rates.table()
    assert keeping.in_yuan(Decimal("36"), "USD", table) == Decimal("251.49")  # 36 × 6.9858
    assert keeping.in_yuan(Decimal("100"), "MOP", table) == Decimal("86.94")  # 100 × 100 / 115.02
