"""`FILL IN`, which `make new-country` writes where a contributor still has to write something, is an error."""

from __future__ import annotations

from ..problems import Problem
from .base import DATA_KINDS, DataFile, FileRule, References, walk

PLACEHOLDER = "FILL IN"


def check(file: DataFile, refs: References) -> list[Problem]:
    return [
        file.problem(loc, "still says FILL IN: write what the source says")
        for loc, value in walk(file)
        if isinstance(value, str) and (PLACEHOLDER in value or "FILL.IN" in value)
    ]


RULE = FileRule(
    "placeholders",
    DATA_KINDS,
    check,
    True,
)
