"""Pydantic's validation errors as plain sentences a contributor can act on, each located."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..patterns import MESSAGES as PATTERN_MESSAGES
from .problems import Loc, Problem, format_loc
from .yaml_reader import Located

_LANG_NAMES = {"zh": "Chinese (zh)", "en": "English (en)"}
_TYPE_MESSAGES = {
    "string_type": 'must be text (put numbers and codes in quotes, e.g. "8123")',
    "list_type": "must be a list (lines starting with '- ')",
    "model_type": "must be a mapping of fields (key: value lines)",
    "model_attributes_type": "must be a mapping of fields (key: value lines)",
    "dict_type": "must be a mapping of fields (key: value lines)",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "decimal_type": "must be a number",
    "decimal_parsing": "must be a number",
    "date_type": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date written YYYY-MM-DD, without a time",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
}


def message(err: ErrorDetails, model: type[BaseModel], loc: Loc) -> str:
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    if kind == "missing":
        name = loc[-1] if loc else ""
        if name in _LANG_NAMES:
            return f"the {_LANG_NAMES[str(name)]} text is missing; every text needs both zh and en"
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        msg = "unknown field"
        if hint:
            msg += f"; did you mean {hint[0]!r}?"
        elif allowed:
            msg += f"; allowed here: {', '.join(allowed)}"
        return msg
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        return PATTERN_MESSAGES.get(pattern, f"has the wrong form (expected pattern {pattern})")
    if kind in ("string_too_long", "too_long"):
        return str(err["msg"]).replace("should have at most", "is too long: at most")
    if kind in ("literal_error", "greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return str(err["msg"]).replace("Input should be", "must be")
    return _TYPE_MESSAGES.get(kind, str(err["msg"]).replace("Input should be", "must be"))


def _allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names accepted at `loc`, found by walking the model annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate(
    model: type[BaseModel], located: Located, file: str, context: dict[str, Any] | None = None
) -> tuple[Any, list[Problem]]:
    """The model built from the located data, or every problem pydantic found, each located."""
    try:
        return model.model_validate(located.data, context=context), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            line, col = located.where(loc, key=err["type"] == "extra_forbidden")
            text = located.bad_dates.get(loc) or message(err, model, loc)
            problems.append(Problem(file, line, col, format_loc(loc), text))
        return None, problems
