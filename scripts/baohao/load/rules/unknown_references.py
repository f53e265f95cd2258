"""A fact names a source, operator, document or staff-card language that is not defined."""

from __future__ import annotations

import difflib

from ..problems import Problem
from .base import SOURCED_KINDS, DataFile, FileRule, References, ids, short_list, walk

NOUNS = {"sources": "source", "operators": "operator", "documents": "document", "languages": "language"}
DEFINED_IN = {"documents": "data/documents.yml", "languages": "data/staff_card.yml"}


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict):
        return []
    defined: dict[str, set[str] | None] = {
        "sources": ids(data.get("sources")),
        "operators": ids(data.get("operators")),
        "documents": refs.documents,
        "languages": refs.staff_languages,
    }
    problems = []
    for loc, value in walk(file):
        key = loc[-1] if loc else None
        if len(loc) < 2 or not isinstance(key, str) or not isinstance(value, list):
            continue
        known = defined.get(key)
        if known is None:
            continue
        for i, ref in enumerate(value):
            if isinstance(ref, str) and ref not in known:
                where = DEFINED_IN.get(key, f"this file's `{key}:` list")
                hint = difflib.get_close_matches(ref, sorted(known), n=1)
                suggestion = f"did you mean {hint[0]!r}?" if hint else f"known ids: {short_list(known)}"
                problems.append(
                    file.problem((*loc, i), f"unknown {NOUNS[key]} id {ref!r}, not in {where}; {suggestion}")
                )
    return problems


RULE = FileRule("unknown-references", SOURCED_KINDS, check)
