"""What the guide states as certain, decided without rendering: each rule on a minimal country."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from baohao import certainty
from baohao.models import Country, Period
from conftest import TEXT, minimal_country


def country(routes: list[dict[str, Any]] | None = None, **rules: list[dict[str, Any]]) -> Country:
    """A country with two operators, a source of each kind, and the given routes and rules."""
    operators = [{"id": "alpha", "brand": "Alpha"}, {"id": "beta", "brand": "Beta"}]
    return minimal_country(operators, routes or [route("office", "in-store", "no", ["official"])], rules)


def route(id: str, kind: str, abroad: str, sources: list[str], documents: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": id,
        "kind": kind,
        "title": TEXT,
        "from_abroad": {"value": abroad, "sources": sources},
        "documents": documents or [],
        "steps": [{"text": TEXT}],
    }


def test_only_official_pages_and_edited_press_back_a_fact() -> None:
    c = country()
    assert certainty.backed(c, ["official"]) and certainty.backed(c, ["weak", "official"])
    assert certainty.backed(c, ["press"]) and certainty.backed(c, ["forum", "press"])
    assert not certainty.backed(c, ["weak"]) and not certainty.backed(c, [])
    assert not certainty.backed(c, ["forum"]) and not certainty.backed(c, ["forum", "weak"])
    assert certainty.weak_only(c, ["weak"]) and certainty.weak_only(c, ["forum"]) and not certainty.weak_only(c, [])
    assert certainty.best_tier(c, ["weak", "forum"]) == "community" and certainty.best_tier(c, []) is None


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


def test_the_staff_card_asks_for_the_balance_unless_every_rule_says_no() -> None:
    no_rules = country()
    assert certainty.refund_not_ruled_out(no_rules)
    mixed = country(balance_refund=[rule("no", ["alpha"]), rule("unknown", ["beta"])])
    assert certainty.refund_not_ruled_out(mixed)
    assert certainty.refund_not_ruled_out(country(balance_refund=[rule("partial", [])]))
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


def timeline(operators: list[str], *stages: dict[str, Any], counts_from: str = "zero-balance") -> dict[str, Any]:
    return {"operators": operators, "counts_from": counts_from, "stages": list(stages)}


def stage(state: str, sources: list[str], **after: Any) -> dict[str, Any]:
    extra = {"relative_to": after.pop("relative_to")} if "relative_to" in after else {}
    return {"state": state, "sources": sources, **({"after": after} if after else {}), **extra}


def test_the_cut_off_is_the_first_suspension_or_disconnection_per_operator() -> None:
    c = country(
        lapse=[
            timeline(
                ["alpha"],
                stage("receive-only", ["official"], min=0, max=0),
                stage("suspended", ["official"], min=90, max=90),
                stage("disconnected", ["official"], min=180, max=180),
            ),
            timeline(["beta"], stage("disconnected", ["weak"], min=6, max=6, unit="months")),
        ]
    )
    moment = certainty.Moment(Period(min=90, max=90), "zero-balance")
    beta = certainty.Moment(Period(min=6, max=6, unit="months"), "zero-balance")
    assert certainty.cut_off_summary(c) == [
        certainty.Clause(moment, False, ("alpha",), False),
        certainty.Clause(beta, True, ("beta",), False),  # weak only: shown unverified
    ]


def test_keep_alive_is_the_qualifying_period_else_the_time_to_the_first_harm_and_gone_is_disconnection() -> None:
    every = {"counts": {"zh": "充值", "en": "A top-up"}, "every": {"min": 6, "max": 6, "unit": "months"}}
    alpha = timeline(["alpha"], stage("warned", ["official"], min=30), stage("suspended", ["official"], min=90, max=90))
    beta = {
        **timeline(["beta"], stage("disconnected", ["weak"], min=200)),
        "qualifying": {**every, "sources": ["weak"]},
    }
    c = country(lapse=[alpha, beta])
    assert certainty.keep_alive_summary(c) == [
        certainty.Clause(certainty.Moment(Period(min=90, max=90), "zero-balance"), False, ("alpha",), False),
        certainty.Clause(certainty.Moment(Period(min=6, max=6, unit="months"), "zero-balance"), True, ("beta",), False),
    ]
    assert certainty.keep_alive_summary(c, "beta")[0].unverified
    # alpha's timeline has no disconnection: when its number is gone is unknown
    assert certainty.gone_summary(c) == [
        certainty.Clause(None, False, ("alpha",), False),
        certainty.Clause(certainty.Moment(Period(min=200), "zero-balance"), True, ("beta",), False),
    ]
    no_timeline = country(lapse=[alpha])
    assert certainty.keep_alive_summary(no_timeline, "beta") == [certainty.Clause(None, False, ("beta",), False)]


def test_an_operator_no_timeline_covers_and_a_stage_without_a_time_are_unknown() -> None:
    c = country(lapse=[timeline(["alpha"], stage("disconnected", ["official"]), stage("reassigned", ["official"]))])
    assert certainty.cut_off_summary(c) == [certainty.Clause(None, False, ("alpha", "beta"), False)]
    # a reassignment stage without a time still says the number may go to someone else
    may = certainty.Moment(None, "zero-balance")
    assert certainty.reassigned_summary(c) == [
        certainty.Clause(may, False, ("alpha",), False),
        certainty.Clause(None, False, ("beta",), False),
    ]
    assert certainty.operators_without_timeline(c) == ["beta"]


def test_one_timeline_for_every_operator_applies_to_each() -> None:
    c = country(lapse=[timeline([], stage("disconnected", ["official"], min=90), counts_from="last-activity")])
    assert certainty.operators_without_timeline(c) == []
    [clause] = certainty.cut_off_summary(c)
    assert clause.covers_all and clause.value == certainty.Moment(Period(min=90), "last-activity")


def test_stages_must_be_in_order_counting_months_and_relative_stages() -> None:
    with pytest.raises(ValidationError, match=r"stages\[1\] \(disconnected\) comes before an earlier stage"):
        country(lapse=[timeline([], stage("suspended", [], min=3, unit="months"), stage("disconnected", [], min=60))])
    with pytest.raises(ValidationError, match="relative_to 'disconnected' names no earlier stage"):
        country(lapse=[timeline([], stage("reassigned", [], min=45, relative_to="disconnected"))])
    ok = [
        stage("suspended", [], min=2, unit="months"),
        stage("disconnected", [], min=90),
        stage("reassigned", [], min=45, relative_to="disconnected"),
    ]
    assert country(lapse=[timeline([], *ok)]).rules.lapse[0].stages[2].relative_to == "disconnected"


def test_per_brand_answers_use_the_routes_and_timeline_of_that_brand_and_those_for_all() -> None:
    app = {**route("app", "online", "yes", ["official"]), "operators": ["alpha"]}
    c = country(
        [route("office", "in-store", "no", ["official"]), app],
        lapse=[timeline(["alpha"], stage("disconnected", ["official"], min=90)), timeline([])],
        balance_refund=[rule("no", ["beta"]), rule("unknown", [])],
    )
    assert [r.id for r in certainty.routes_for(c, "alpha")] == ["office", "app"]
    assert [r.id for r in certainty.routes_for(c, "beta")] == ["office"]
    assert certainty.formal_from_abroad(c, "alpha") == "yes"
    assert certainty.formal_from_abroad(c, "beta") == "no"
    assert [cl.value for cl in certainty.cut_off_summary(c, "beta")] == [None]
    assert [cl.value for cl in certainty.refund_summary(c, "beta")] == ["no", "unknown"]
    assert [cl.value for cl in certainty.refund_summary(c, "alpha")] == ["unknown"]


def test_letting_it_lapse_counts_as_ending_it_from_mainland_china() -> None:
    """Reader first: 'can I end it from China' is yes when a backed lapse way works from abroad, even
    though no formal way does; a lapse only readers report is 'probably'; no lapse way is unknown."""
    backed = country([route("office", "in-store", "no", ["official"]), route("lapse", "lapse", "yes", ["official"])])
    verdict, way = certainty.end_from_china(backed, "alpha")
    assert verdict == "lapse" and way is not None and way.id == "lapse"
    assert certainty.formal_from_abroad(backed, "alpha") == "no"  # the formal answer stays separate
    reported = country([route("lapse", "lapse", "yes", ["forum"])])
    assert certainty.end_from_china(reported, "alpha")[0] == "lapse-unverified"
    assert certainty.end_from_china(country([route("lapse", "lapse", "unknown", ["official"])]), "alpha") == (
        "unknown",
        None,
    )
    assert certainty.end_from_china(country(), "alpha") == ("unknown", None)
    # a way for another brand says nothing of this one
    other = country([{**route("lapse", "lapse", "yes", ["official"]), "operators": ["beta"]}])
    assert (
        certainty.end_from_china(other, "alpha")[0] == "unknown"
        and certainty.end_from_china(other, "beta")[0] == "lapse"
    )


def test_formal_ways_from_abroad_that_only_readers_report_are_listed_apart() -> None:
    c = country([route("chat", "online", "yes", ["forum"]), route("app", "online", "yes", ["official"])])
    assert [r.id for r in certainty.unbacked_abroad_routes(c, "alpha")] == ["chat"]
