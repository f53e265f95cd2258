"""Interface strings (templates/strings.yml): each key has non-empty zh and en text with the same placeholders."""

from __future__ import annotations

import string

from ...cldr import LANGS
from ...patterns import HAN
from ..problems import Problem
from .base import DataFile, FileRule, References


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict):
        return [Problem(file.shown, 1, 1, "", "must be a mapping of keys to {zh, en} texts")]
    problems = []
    for key, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGS):
            problems.append(file.problem((key,), "needs exactly two entries, zh and en"))
            continue
        if any(not isinstance(v, str) or not v for v in entry.values()):
            problems.append(file.problem((key,), "zh and en must both be non-empty text"))
            continue
        if HAN.search(entry["en"]):
            problems.append(file.problem((key, "en"), "contains Chinese characters"))
        fields = [sorted({f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}) for lang in LANGS]
        if fields[0] != fields[1]:
            problems.append(file.problem((key,), f"zh uses placeholders {fields[0]} but en uses {fields[1]}"))
    return problems


RULE = FileRule("interface-strings", frozenset({"strings"}), check)
