"""The contract between the code and templates/strings.yml.

Templates and the present/ and publish/ code ask for interface strings by literal key through
`t`, `th`, `raw` and `plain` (a check reads those calls); the keys below are instead built from
data values, so each family lists the values it takes and the placeholders it is given.
"""

from __future__ import annotations

from typing import Any, get_args

from .models import (
    Answer,
    ContactKind,
    KeepAction,
    LapseEvent,
    RefundRule,
    RegistrationKind,
    RiskKind,
    RiskStatus,
    SourceKind,
    StageState,
    TimeUnit,
)
from .planner import KeepVerb
from .service_model import Stakes


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The values of a Literal, also inside Annotated."""
    args = get_args(annotation)
    if args and isinstance(args[0], str):
        return tuple(args)
    return literal_values(args[0]) if args else ()


# prefix -> (the values that follow it, the placeholders it is given)
KEY_FAMILIES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "unit_": (literal_values(TimeUnit), frozenset()),
    "unit_one_": (literal_values(TimeUnit), frozenset()),
    "answer_": (literal_values(Answer), frozenset()),
    "event_": (literal_values(LapseEvent), frozenset()),
    "stage_": (literal_values(StageState), frozenset()),
    "since_": (literal_values(StageState), frozenset()),
    "refund_": (literal_values(RefundRule.model_fields["value"].annotation), frozenset()),
    "registration_": (literal_values(RegistrationKind), frozenset()),
    "contact_": (literal_values(ContactKind), frozenset()),
    "kind_": (literal_values(SourceKind), frozenset()),
    "stakes_": (literal_values(Stakes), frozenset()),
    "oldcode_": (literal_values(Answer), frozenset()),
    "offered_": (literal_values(Answer), frozenset()),
    "risk_kind_": (literal_values(RiskKind), frozenset()),
    "risk_status_": (literal_values(RiskStatus), frozenset()),
    "keep_action_": (literal_values(KeepAction), frozenset()),
}

# Strings a script fills in the browser (the lapse planner), each with the placeholders it fills;
# the page carries them in the planner's data (present/planner_data.py).
SCRIPT_STRINGS: dict[str, frozenset[str]] = {
    "planner_date": frozenset({"event"}),
    "planner_date_unknown": frozenset(),
    "planner_range": frozenset({"start", "end"}),
    "planner_or_later": frozenset({"date"}),
    "planner_no_date": frozenset(),
    "planner_past": frozenset(),
    "planner_move_by_codes": frozenset({"date", "codes"}),
    "planner_move_by_someone_else": frozenset({"date", "margin", "someone_else"}),
    "planner_someone_else": frozenset({"date"}),
    "planner_move_unknown": frozenset(),
    "planner_codes_stop": frozenset({"date"}),
    "planner_stopped": frozenset({"date"}),
    "planner_may_have_stopped": frozenset({"date"}),
    "planner_late": frozenset(),
    "planner_keep_late": frozenset({"act"}),
    "planner_keep_revive": frozenset(),
    "planner_check": frozenset(),
    "planner_no_codes": frozenset(),
    "planner_stages": frozenset(),
    "planner_keep_by": frozenset({"date", "act"}),
    **{f"planner_act_{action}": frozenset() for action in literal_values(KeepVerb)},
    "planner_keep_unknown": frozenset(),
    "planner_counts": frozenset({"x"}),
    "planner_not_counted": frozenset({"x"}),
    "planner_cheapest": frozenset({"x"}),
    "planner_keep_cost": frozenset({"x"}),
    "planner_rests_unverified": frozenset(),
    "planner_no_timeline": frozenset(),
    "planner_counts_from_unknown": frozenset({"brand"}),
    "planner_expiry_app": frozenset({"apps"}),
    "planner_expiry_account": frozenset(),
    "planner_expiry_sms": frozenset(),
    "planner_expiry_ussd": frozenset({"code", "note"}),
    "planner_expiry_ask": frozenset(),
    "planner_expiry_dated": frozenset(),
    "planner_expiry_none": frozenset({"brand"}),
    "planner_expiry_advice": frozenset(),
    "planner_need_date": frozenset(),
    "planner_date_range": frozenset({"first", "last"}),
    "planner_ics_stage": frozenset({"brand", "stage"}),
    "planner_ics_move": frozenset({"brand"}),
    "planner_ics_keep": frozenset({"brand", "act"}),
    "planner_ics_range": frozenset({"start", "end"}),
    "planner_ics_unverified": frozenset(),
    "planner_ics_source": frozenset(),
}
