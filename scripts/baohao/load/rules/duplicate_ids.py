"""Two entries of one list with the same `id`: every reference to it would be ambiguous."""

from __future__ import annotations

from ..problems import Problem
from .base import DATA_KINDS, DataFile, FileRule, References, walk


def check(file: DataFile, refs: References) -> list[Problem]:
    problems = []
    for loc, value in walk(file):
        if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            continue
        first: dict[str, int] = {}
        for i, item in enumerate(value):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in first:
                first_line = file.located.where((*loc, first[item_id]))[0]
                problems.append(
                    file.problem((*loc, i, "id"), f"duplicate id {item_id!r} (first used on line {first_line})")
                )
            else:
                first[item_id] = i
    return problems


RULE = FileRule(
    "duplicate-ids",
    DATA_KINDS,
    check,
)
