"""An entry of data/kept_most.yml names a place with no file, or an operator its file does not have."""

from __future__ import annotations

import difflib

from ..problems import Problem
from .base import DataFile, FileRule, References, short_list


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    brands = data.get("brands") if isinstance(data, dict) else None
    if refs.places is None or not isinstance(brands, list):
        return []
    problems = []
    for i, entry in enumerate(brands):
        if not isinstance(entry, str) or entry.count("/") != 1:
            continue  # the schema reports the form
        code, operator = entry.split("/")
        if code not in refs.places:
            where = f"no file data/countries/{code}.yml"
            problems.append(file.problem(("brands", i), f"{where}; places with a file: {short_list(set(refs.places))}"))
            continue
        operators = refs.places[code]
        if operators is None or operator in operators:
            continue  # a place file that did not load reports its own problems
        hint = difflib.get_close_matches(operator, sorted(operators), n=1)
        suggestion = f"did you mean {code}/{hint[0]}?" if hint else f"its operators: {short_list(operators)}"
        message = f"unknown operator id {operator!r}, not in data/countries/{code}.yml; {suggestion}"
        problems.append(file.problem(("brands", i), message))
    return problems


RULE = FileRule("kept-brands", frozenset({"kept_most"}), check)
