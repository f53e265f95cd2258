"""Every interface string the templates and the code ask for exists in templates/strings.yml, and
uses only the placeholders it is given there (so a deleted key or a new placeholder is found by
`make check`, not by a crash in `make site`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ...interface import KEY_FAMILIES, SCRIPT_STRINGS
from ...project import Project
from ..problems import Problem
from .base import Loaded, ProjectRule
from .interface_strings import PlaceholderError, placeholders

_PACKAGE = Path(__file__).resolve().parents[2]
_CODE = ("present", "publish")  # the package folders that ask for interface strings
# t("key", name=value, ...), th(...), raw(...), plain(...): a literal key, not a prefix (`"unit_" ~ x`)
_CALL = re.compile(r"\b(?:t|th|raw|plain)\(\s*([\"'])([a-z0-9_-]+)\1(?!\s*[~+])")
_KEYWORD = re.compile(r"\b([a-z_][a-z0-9_]*)\s*=(?!=)")


def _arguments(text: str, start: int) -> str:
    """The rest of a call's arguments, up to its closing parenthesis (nested calls included)."""
    depth = 1
    for i in range(start, min(len(text), start + 2000)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i]
    return text[start : start + 2000]


def _top_level(arguments: str) -> str:
    """The arguments with nested parentheses removed, so only this call's keywords remain."""
    out, depth = [], 0
    for char in arguments:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def uses(project: Project) -> Iterator[tuple[str, int, str, frozenset[str]]]:
    """(file as shown, line, key, the placeholders given) for every literal use."""
    files = sorted(project.templates_dir.rglob("*.j2"))
    files += [p for folder in _CODE for p in sorted((_PACKAGE / folder).glob("*.py"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        shown = project.shown(path) if path.is_relative_to(project.root) else f"scripts/baohao/{path.name}"
        for match in _CALL.finditer(text):
            given = frozenset(_KEYWORD.findall(_top_level(_arguments(text, match.end()))))
            yield shown, text.count("\n", 0, match.start()) + 1, match.group(2), given


def check(project: Project, loaded: Loaded) -> list[Problem]:
    strings = loaded.strings
    if strings is None or not isinstance(strings.located.data, dict):
        return []
    data = strings.located.data
    problems = []

    def names(key: str) -> set[str]:
        entry = data.get(key)
        if not isinstance(entry, dict):
            return set()
        try:
            return set().union(*(placeholders(v) for v in entry.values() if isinstance(v, str)))
        except PlaceholderError:
            return set()  # reported by the interface-strings rule

    for shown, line, key, given in uses(project):
        if key not in data:
            problems.append(Problem(shown, line, 1, key, f"no such key in {strings.shown}; add it there"))
        elif extra := names(key) - given:
            message = f"uses placeholder(s) {', '.join(sorted(extra))}, but {shown}:{line} gives only {sorted(given)}"
            problems.append(strings.problem((key,), message))
    families = [(prefix + value, given) for prefix, (values, given) in KEY_FAMILIES.items() for value in values]
    for key, given in families + list(SCRIPT_STRINGS.items()):
        if key not in data:
            problems.append(Problem(strings.shown, 1, 1, key, "missing: the pages need it (one per value)"))
        elif extra := names(key) - given:
            message = f"uses placeholder(s) {', '.join(sorted(extra))}; it is given only {sorted(given)}"
            problems.append(strings.problem((key,), message))
    return problems


RULE = ProjectRule("strings-used", check)
