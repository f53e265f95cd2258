"""Interface strings (templates/strings.yml): each key has non-empty zh and en text, plain text on one
line with placeholders written as names in braces ({country}), the same ones in both languages."""

from __future__ import annotations

import re
import string

from ...cldr import LANGS
from ...patterns import HAN, not_one_line
from ..problems import Loc, Problem
from .base import DataFile, FileRule, References

_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_KEY = re.compile(r"[a-z_][a-z0-9_-]*")


class PlaceholderError(ValueError):
    pass


def placeholders(text: str) -> set[str]:
    """The placeholder names in an interface string; PlaceholderError if one is not a plain {name}."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise PlaceholderError("has an unmatched { or }; write {{ or }} for a brace itself") from None
    names = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not _NAME.fullmatch(name) or spec or conversion:
            raise PlaceholderError(
                f"placeholder {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}} "
                "is not a name in braces such as {country}"
            )
        names.add(name)
    return names


def check(file: DataFile, refs: References) -> list[Problem]:
    data = file.located.data
    if not isinstance(data, dict):
        return [Problem(file.shown, 1, 1, "", "must be a mapping of keys to {zh, en} texts")]
    problems = []
    for key, entry in data.items():
        if not _KEY.fullmatch(key):
            problems.append(file.problem((key,), "keys are lowercase words joined by _ or -", key=True))
            continue
        if not isinstance(entry, dict) or set(entry) != set(LANGS):
            problems.append(file.problem((key,), "needs exactly two entries, zh and en"))
            continue
        if any(not isinstance(v, str) or not v for v in entry.values()):
            problems.append(file.problem((key,), "zh and en must both be non-empty text"))
            continue
        if HAN.search(entry["en"]):
            problems.append(file.problem((key, "en"), "contains Chinese characters"))
        found: list[list[str]] = []
        for lang in LANGS:
            loc: Loc = (key, lang)
            if "<" in entry[lang] or ">" in entry[lang]:
                problems.append(file.problem(loc, "must not contain < or >: interface text is plain text"))
            why = not_one_line(entry[lang])
            if why:
                problems.append(file.problem(loc, f"{why}; interface text is one line: delete it"))
            try:
                found.append(sorted(placeholders(entry[lang])))
            except PlaceholderError as exc:
                problems.append(file.problem(loc, str(exc)))
        if len(found) == 2 and found[0] != found[1]:
            problems.append(file.problem((key,), f"zh uses placeholders {found[0]} but en uses {found[1]}"))
    return problems


RULE = FileRule("interface-strings", frozenset({"strings"}), check)
