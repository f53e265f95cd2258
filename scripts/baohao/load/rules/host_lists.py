"""data/hosts.yml: each host in one list, and no seller's or never-linked host in a list that allows
it (a seller's site is never a source; a host in two lists would have two tiers)."""

from __future__ import annotations

from ...links import NEVER, covers
from ...models import HOST_CATEGORY_TIER
from ..problems import Problem
from .base import DataFile, FileRule, References

_ALLOWING = (*HOST_CATEGORY_TIER, "archives", "pages")


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict):
        return []

    def entries(category: str) -> list[str]:
        value = data.get(category)
        return [e for e in value if isinstance(e, str)] if isinstance(value, list) else []

    refused = {"sellers": entries("sellers"), "never": [*NEVER, *entries("never")]}
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for category in _ALLOWING:
        value = data.get(category)
        for i, entry in enumerate(value if isinstance(value, list) else []):
            if not isinstance(entry, str):
                continue
            url = f"https://{entry}"
            if covers(refused["sellers"], url):
                message = (
                    f"{entry} is listed under sellers: a seller's or dealer's site is never a source; remove it here"
                )
            elif covers(refused["never"], url):
                message = f"{entry} is never linked (data/hosts.yml never, or the build's own list); remove it here"
            elif entry in first:
                message = f"{entry} is already listed under {first[entry]}; a host belongs to one list"
            else:
                first[entry] = category
                continue
            problems.append(file.problem((category, i), message))
    return problems


RULE = FileRule("host-lists", frozenset({"hosts"}), check)
