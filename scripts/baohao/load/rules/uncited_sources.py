"""A source that no fact cites is an error: cite it where it is used, or remove it."""

from __future__ import annotations

from ..problems import Problem
from .base import SOURCED_KINDS, DataFile, FileRule, References, walk


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict):
        return []
    cited = {
        ref
        for loc, value in walk(file)
        if len(loc) > 1 and loc[-1] == "sources" and isinstance(value, list)
        for ref in value
        if isinstance(ref, str)
    }
    sources = data.get("sources")
    return [
        file.problem(
            ("sources", i, "id"), f"source {source['id']!r} is cited by no fact; cite it where it is used, or remove it"
        )
        for i, source in enumerate(sources if isinstance(sources, list) else [])
        if isinstance(source, dict) and isinstance(source.get("id"), str) and source["id"] not in cited
    ]


RULE = FileRule("uncited-sources", SOURCED_KINDS, check)
