"""What the guide states as certain, decided without rendering: each rule on a minimal country."""

from __future__ import annotations

import datetime as dt
from typing import Any

from baohao import certainty
from baohao.models import Country, Period

TEXT = {"zh": "文字", "en": "Text"}


def country(routes: list[dict[str, Any]] | None = None, **rules: list[dict[str, Any]]) -> Country:
    """A country with two operators, an official and a weak source, and the given routes and rules."""
    return Country.model_validate(
        {
            "code": "kg",
            "region": "central-asia",
            "currency": "KGS",
            "reviewed": dt.date(2026, 1, 1),
            "summary": TEXT,
            "operators": [{"id": "alpha", "brand": "Alpha"}, {"id": "beta", "brand": "Beta"}],
            "routes": routes or [route("office", "in-store", "no", ["official"])],
            "rules": rules,
            "staff_card": {"languages": ["ru"]},
            "changes": [{"date": dt.date(2026, 1, 1), "summary": TEXT}],
            "sources": [
                {"id": s, "url": "https://example.com/", "title": "T", "lang": "en", "publisher": "P",
                 "kind": kind, "checked": dt.date(2026, 1, 1)}
                for s, kind in (("official", "official"), ("weak", "weak"))
            ],
        }
    )  # fmt: skip


def route(id: str, kind: str, abroad: str, sources: list[str], documents: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": id,
        "kind": kind,
        "title": TEXT,
        "from_abroad": {"value": abroad, "sources": sources},
        "documents": documents or [],
        "steps": [{"text": TEXT}],
    }


def test_only_official_or_secondary_sources_back_a_fact() -> None:
    c = country()
    assert certainty.backed(c, ["official"]) and certainty.backed(c, ["weak", "official"])
    assert not certainty.backed(c, ["weak"]) and not certainty.backed(c, [])
    assert certainty.weak_only(c, ["weak"]) and not certainty.weak_only(c, [])


def test_a_yes_or_no_without_a_reliable_source_is_unverified_but_unknown_never_is() -> None:
    c = country()
    assert certainty.answer_unverified(c, "yes", ["weak"])
    assert certainty.answer_unverified(c, "no", [])
    assert not certainty.answer_unverified(c, "no", ["official"])
    assert not certainty.answer_unverified(c, "unknown", [])


def test_cancelling_from_abroad_needs_a_backed_formal_route() -> None:
    weak_yes = country([route("online", "online", "yes", ["weak"]), route("lapse", "lapse", "yes", ["official"])])
    assert certainty.abroad_route(weak_yes) is None
    assert certainty.formal_from_abroad(weak_yes) == "unknown"  # a lapse is not a way to cancel
    backed = country([route("office", "in-store", "no", ["official"]), route("app", "online", "yes", ["official"])])
    assert certainty.abroad_route(backed) is not None and certainty.abroad_route(backed).id == "app"  # type: ignore[union-attr]
    assert certainty.formal_from_abroad(backed) == "yes"


def test_no_from_abroad_only_when_every_formal_route_is_a_backed_no() -> None:
    assert certainty.formal_from_abroad(country([route("a", "in-store", "no", ["official"])])) == "no"
    one_weak = country([route("a", "in-store", "no", ["official"]), route("b", "remote", "no", ["weak"])])
    assert certainty.formal_from_abroad(one_weak) == "unknown"


def test_documents_for_a_visit_come_from_in_store_routes_in_order_without_repeats() -> None:
    c = country(
        [
            route("a", "in-store", "no", ["official"], ["passport", "sim-card"]),
            route("b", "remote", "yes", ["official"], ["power-of-attorney"]),
            route("c", "in-store", "no", ["official"], ["sim-card", "contract"]),
        ]
    )
    assert certainty.in_person_documents(c) == ["passport", "sim-card", "contract"]


def test_refund_confirmed_and_refund_not_ruled_out_are_different_questions() -> None:
    no_rules = country()
    assert not certainty.refund_confirmed(no_rules) and certainty.refund_not_ruled_out(no_rules)
    mixed = country(balance_refund=[rule("no", ["alpha"]), rule("unknown", ["beta"])])
    assert not certainty.refund_confirmed(mixed) and certainty.refund_not_ruled_out(mixed)
    partial = country(balance_refund=[rule("partial", [])])
    assert certainty.refund_confirmed(partial)
    never = country(balance_refund=[rule("no", ["alpha"]), rule("no", ["beta"])])
    assert not certainty.refund_not_ruled_out(never)


def rule(value: str, operators: list[str], sources: list[str] | None = None) -> dict[str, Any]:
    return {"value": value, "operators": operators, "note": TEXT, "sources": sources or ["official"]}


def test_operators_sharing_a_value_are_grouped_and_unbacked_values_marked() -> None:
    c = country(
        balance_refund=[
            rule("no", ["alpha"]),
            rule("no", ["beta"]),
            rule("yes", ["alpha"], ["weak"]),
            rule("unknown", [], ["weak"]),
        ]
    )
    assert certainty.refund_summary(c) == [
        certainty.Clause("no", False, ("alpha", "beta"), False),
        certainty.Clause("yes", True, ("alpha",), False),
        certainty.Clause("unknown", False, (), True),  # an unknown states nothing: no mark
    ]


def test_an_inactivity_period_for_every_operator_hides_notes_without_a_period() -> None:
    period = {"min": 90, "max": 150, "unit": "days"}
    c = country(
        inactivity=[
            {"period": period, "note": TEXT, "sources": ["official"]},
            {"operators": ["beta"], "note": TEXT, "sources": ["official"]},
        ]
    )
    assert certainty.inactivity_summary(c) == [certainty.Clause(Period(min=90, max=150), False, (), True)]
    only_notes = country(inactivity=[{"operators": ["beta"], "note": TEXT, "sources": ["weak"]}])
    assert certainty.inactivity_summary(only_notes) == [certainty.Clause(None, False, ("beta",), False)]
    weak_period = country(inactivity=[{"period": period, "note": TEXT, "sources": ["weak"]}])
    assert certainty.inactivity_summary(weak_period)[0].unverified
