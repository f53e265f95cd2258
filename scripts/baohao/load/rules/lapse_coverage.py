"""Every operator has a lapse timeline: its own, or one for every operator (empty `operators`).
Where no source says anything, the timeline says so (`counts_from: unknown`, no stages)."""

from __future__ import annotations

from ..problems import Problem
from .base import DataFile, FileRule, References


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict) or not isinstance(data.get("operators"), list):
        return []  # the schema reports a file without operators
    operators: list[object] = data["operators"]
    rules = data.get("rules")
    timelines = rules.get("lapse") if isinstance(rules, dict) else None
    if not isinstance(timelines, list):
        timelines = []
    covered: set[str] = set()
    for timeline in timelines:
        if not isinstance(timeline, dict):
            continue
        named = timeline.get("operators") or []
        if not named:
            return []  # one timeline covers every operator
        covered |= {o for o in named if isinstance(o, str)}
    return [
        file.problem(
            ("operators", i, "id"),
            f"operator {operator['id']!r} has no lapse timeline: add one to rules.lapse "
            "(with `counts_from: unknown` and no stages if no source says what happens)",
        )
        for i, operator in enumerate(operators)
        if isinstance(operator, dict) and isinstance(operator.get("id"), str) and operator["id"] not in covered
    ]


RULE = FileRule("lapse-coverage", frozenset({"country"}), check)
