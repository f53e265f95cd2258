"""A source cannot claim more trust than its host allows: data/hosts.yml files each host under a
category (operators, press, community, weak, ...), and the category bounds the source's `kind`. A forum
post tagged `official`, or an affiliate page tagged `press`, would make a guess look certain."""

from __future__ import annotations

from ...links import host_and_path, parse_https_url
from ...models import TIERS
from ..problems import Problem
from .base import SOURCED_KINDS, DataFile, FileRule, References


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if refs.hosts is None or not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return []
    problems = []
    for i, source in enumerate(data["sources"]):
        if not isinstance(source, dict) or source.get("kind") not in TIERS or not isinstance(source.get("url"), str):
            continue  # the schema reports a malformed source
        try:
            url = parse_https_url(source["url"])
        except ValueError:
            continue
        bound = refs.hosts.tier_bound(url)
        if bound is None or refs.hosts.problem(url) or TIERS.index(source["kind"]) >= TIERS.index(bound):
            continue
        host, _ = host_and_path(refs.hosts.judged(url))
        category = refs.hosts.category(url)
        lower = TIERS[TIERS.index(bound) :]
        allowed = ", ".join(lower[:-1]) + " or " + lower[-1]
        problems.append(
            file.problem(
                ("sources", i, "kind"),
                f"kind {source['kind']} is more than a page on {host} can be: data/hosts.yml lists it under "
                f"{category}, so a source there is {allowed}",
            )
        )
    return problems


RULE = FileRule("source-tiers", SOURCED_KINDS, check)
