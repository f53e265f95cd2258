"""The contract between the code and templates/strings.yml.

Templates and the present/ and publish/ code ask for interface strings by literal key through
`t`, `th`, `raw` and `plain` (a check reads those calls); the keys below are instead built from
data values, so each family lists the values it takes and the placeholders it is given.
"""

from __future__ import annotations

from typing import Any, get_args

from .models import Answer, ContactKind, LapseEvent, RefundRule, RegistrationKind, SourceKind, StageState, TimeUnit
from .service_model import Stakes

# The route finder's questions (templates/_finder.html.j2), each with the document id from
# data/documents.yml that a "no" rules out (route-finder.js reads it from the page), or None.
FINDER_QUESTIONS: dict[str, str | None] = {"in": None, "sim": "sim-card", "passport": "passport", "refund": None}


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The values of a Literal, also inside Annotated."""
    args = get_args(annotation)
    if args and isinstance(args[0], str):
        return tuple(args)
    return literal_values(args[0]) if args else ()


# prefix -> (the values that follow it, the placeholders it is given)
KEY_FAMILIES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "unit_": (literal_values(TimeUnit), frozenset()),
    "answer_": (literal_values(Answer), frozenset()),
    "event_": (literal_values(LapseEvent), frozenset()),
    "stage_": (literal_values(StageState), frozenset()),
    "since_": (literal_values(StageState), frozenset()),
    "refund_": (literal_values(RefundRule.model_fields["value"].annotation), frozenset()),
    "registration_": (literal_values(RegistrationKind), frozenset()),
    "contact_": (literal_values(ContactKind), frozenset()),
    "kind_": (literal_values(SourceKind), frozenset()),
    "finder_q_": (tuple(FINDER_QUESTIONS), frozenset({"country"})),
    "stakes_": (literal_values(Stakes), frozenset()),
    "oldcode_": (literal_values(Answer), frozenset()),
}
