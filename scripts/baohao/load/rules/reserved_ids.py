"""A data id must not take an anchor a page uses for itself (see baohao/anchors.py): a service's
section is `#<id>` on the accounts page, which has `#why` and `#checklist`; an operator's lapse
timeline is `#lapse-<id>` on its country page, which has `#lapse-all` and `#lapse-unknown`. And a
file name: a brand's page is `countries/<code>/<operator id>.md` beside the place's own `index.md`."""

from __future__ import annotations

from ...anchors import ACCOUNTS_PAGE_OWN, LAPSE_OWN
from ...page_paths import PLACE_PAGE
from ..problems import Problem
from .base import DataFile, FileRule, References


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict):
        return []
    problems = []
    if file.kind == "service":
        service_id = data.get("id")
        if isinstance(service_id, str) and service_id in ACCOUNTS_PAGE_OWN:
            problems.append(
                file.problem(
                    ("id",),
                    f"'{service_id}' is an anchor the accounts page uses for {ACCOUNTS_PAGE_OWN[service_id]} "
                    f"(#{service_id}); a service's section is #<its id>, so choose another id",
                )
            )
    operators = data.get("operators") if file.kind == "country" else None
    for i, operator in enumerate(operators if isinstance(operators, list) else []):
        operator_id = operator.get("id") if isinstance(operator, dict) else None
        if operator_id == PLACE_PAGE:
            problems.append(
                file.problem(
                    ("operators", i, "id"),
                    f"'{operator_id}' would give the brand's page the file name of the place's own page "
                    f"(countries/<code>/{PLACE_PAGE}.md); choose another id",
                )
            )
        if isinstance(operator_id, str) and operator_id in LAPSE_OWN:
            problems.append(
                file.problem(
                    ("operators", i, "id"),
                    f"'{operator_id}' would give the anchor #lapse-{operator_id}, which the page uses for "
                    f"{LAPSE_OWN[operator_id]}; choose another id",
                )
            )
    return problems


RULE = FileRule("reserved-ids", frozenset({"country", "service"}), check)
