"""A place's `region:` names a group that data/regions.yml does not define."""

from __future__ import annotations

import difflib

from ..problems import Problem
from .base import DataFile, FileRule, References


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if refs.regions is None or not isinstance(data, dict):
        return []
    region = data.get("region")
    if not isinstance(region, str) or region in refs.regions:
        return []  # the schema reports a region that is not text
    hint = difflib.get_close_matches(region, refs.regions, n=1)
    suggestion = f"did you mean {hint[0]!r}? " if hint else ""
    return [
        file.problem(
            ("region",),
            f"unknown region id {region!r}, not in data/regions.yml; {suggestion}known ids: {', '.join(refs.regions)}",
        )
    ]


RULE = FileRule("region-ids", frozenset({"country"}), check)
