"""`make stale`: the facts a maintainer should read again, ordered by what they would cost a reader.

A report, not a check: it exits 0 whenever the data loads. The data is walked generically: every
object in a country file with a `sources` list of ids is a fact, so a new kind of fact is covered
without a change here. A fact is listed when

- its newest cited source was checked more than STALE_AFTER_MONTHS before the build date (the
  setting after which a page says it may be out of date: one setting, not two);
- it states a rule that changes (RULES_THAT_CHANGE) and its newest dated source was published
  more than RULE_SOURCE_MAX_AGE_MONTHS before the build date;
- it cites a source that could not be re-read (`unreadable_since`: the page moved or vanished).

The same walk gives every URL in the data (`python -m baohao urls`) for the weekly link check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from .load import Dataset
from .load.problems import Loc, format_loc, printable
from .load.yaml_reader import Located, located, read_bytes
from .models import Country, Operator, Period, Route, Source, Text
from .project import RULE_SOURCE_MAX_AGE_MONTHS, STALE_AFTER_MONTHS, Project, older_than_months

# The facts that state a rule that changes, as field paths without list indexes: every rule, and
# what a route costs and how long it takes.
RULES_THAT_CHANGE: tuple[tuple[str, ...], ...] = (("rules",), ("routes", "fees"), ("routes", "time"))

_TEXT_LIMIT = 90
_BARE = frozenset({"kind", "value", "brand"})  # shown without their field name when describing a fact


# --- walking the data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A value in a country's model tree, where it is, and the models it sits in (outermost first)."""

    loc: Loc
    value: object
    parents: tuple[BaseModel, ...]


def walk(model: BaseModel) -> Iterator[Node]:
    """Every value under a model, parents first; list items by index, fields by name (as in the YAML)."""
    yield from _walk(model, (), ())


def _walk(value: object, loc: Loc, parents: tuple[BaseModel, ...]) -> Iterator[Node]:
    yield Node(loc, value, parents)
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*loc, name), (*parents, value))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i), parents)


def _is_fact(node: Node) -> bool:
    sources = getattr(node.value, "sources", None)
    return (
        bool(node.loc)
        and isinstance(node.value, BaseModel)
        and isinstance(sources, list)
        and all(isinstance(s, str) for s in sources)
    )


@dataclass(frozen=True)
class Fact:
    """An object that names its sources by id, located in its data file."""

    country: Country
    file: str
    line: int
    loc: Loc
    model: BaseModel
    parents: tuple[BaseModel, ...]

    @property
    def path(self) -> str:
        return format_loc(self.loc)

    @property
    def keys(self) -> tuple[str, ...]:
        """The field path without list indexes, e.g. ("operators", "contacts")."""
        return tuple(part for part in self.loc if isinstance(part, str))

    def under(self, *keys: str) -> bool:
        return self.keys[: len(keys)] == keys

    @property
    def sources(self) -> list[Source]:
        return [self.country.source(s) for s in getattr(self.model, "sources", [])]

    def nearest(self, kind: type[BaseModel]) -> BaseModel | None:
        """The fact itself or the closest model around it of this kind."""
        return next((m for m in reversed((*self.parents, self.model)) if isinstance(m, kind)), None)

    def route_kind(self) -> str | None:
        route = self.nearest(Route)
        return route.kind if isinstance(route, Route) else None

    def states_a_rule_that_changes(self) -> bool:
        return any(self.under(*prefix) for prefix in RULES_THAT_CHANGE)


def _located(project: Project, data: Dataset) -> dict[str, Located]:
    """Each country file as read, with the line of every value (the report points at lines)."""
    found = {}
    for code, path in data.files.items():
        raw, _ = read_bytes(path, project.shown(path))
        parsed, _ = located(raw, project.shown(path)) if raw is not None else (None, [])
        if parsed is not None:
            found[code] = parsed
    return found


def _nodes(project: Project, data: Dataset) -> Iterator[tuple[Country, str, int, Node]]:
    """Every node of every country with its file (as shown) and line."""
    lines = _located(project, data)
    for country in data.countries:
        located = lines.get(country.code)
        shown = project.shown(data.files[country.code])
        for node in walk(country):
            yield country, shown, located.where(node.loc)[0] if located else 1, node


def facts(project: Project, data: Dataset) -> list[Fact]:
    found = []
    for country, shown, line, node in _nodes(project, data):
        if _is_fact(node):
            assert isinstance(node.value, BaseModel)
            found.append(Fact(country, shown, line, node.loc, node.value, node.parents))
    return found


@dataclass(frozen=True)
class UrlUse:
    """A URL in the data, where it is, and what it belongs to (a source id, an operator id)."""

    url: str
    file: str
    line: int
    path: str
    owner: str


def url_uses(project: Project, data: Dataset) -> list[UrlUse]:
    """Every https URL in the country files (sources, operator sites, contacts), by file and line.
    Prose is left out: a URL inside a text is not a link on the page."""
    uses = []
    for _, shown, line, node in _nodes(project, data):
        value = node.value
        if not isinstance(value, str) or not value.startswith("https://"):
            continue
        if any(isinstance(p, Text) for p in node.parents):
            continue
        ids = (getattr(p, "id", None) for p in reversed(node.parents))
        owner = next((i for i in ids if isinstance(i, str)), "")
        uses.append(UrlUse(value, shown, line, format_loc(node.loc), owner))
    return uses


def urls(project: Project, data: Dataset) -> list[str]:
    """Every distinct URL in the data, sorted."""
    return sorted({use.url for use in url_uses(project, data)})


def url_list(project: Project, data: Dataset) -> str:
    """`python -m baohao urls`: one URL a line, each printed as the problems print values."""
    return "\n".join(printable(url) for url in urls(project, data))


# --- what to read again --------------------------------------------------------------------------

# What a stale fact would cost a reader, most first: the report's order. The first group that
# matches a fact holds it. A wrong lapse period loses the number or the money; a dead contact or
# route sends the reader the wrong way; refunds decide what is lost; registration
# rules what is asked for; the FAQ repeats facts stated elsewhere.
PRIORITY: tuple[tuple[str, Callable[[Fact], bool]], ...] = (
    ("lapse timelines", lambda f: f.under("rules", "lapse") or f.route_kind() == "lapse"),
    ("contacts and routes", lambda f: "contacts" in f.keys or f.under("routes")),
    ("balance refunds", lambda f: f.under("rules", "balance_refund")),
    ("registration", lambda f: f.under("rules", "registration")),
    ("FAQ", lambda f: f.under("faq")),
    ("everything else", lambda f: True),
)


@dataclass(frozen=True)
class Finding:
    fact: Fact
    group: int  # index into PRIORITY
    reasons: tuple[str, ...]

    def line(self) -> str:
        """One line, whatever the data held: line breaks and invisible characters in any value are
        written as escapes, as the problems write them, so no value can start a line of its own."""
        f = self.fact
        return printable(f"{f.file}:{f.line}: {f.path}: {describe(f)} — {'; '.join(self.reasons)}")


def group_of(fact: Fact) -> int:
    return next(i for i, (_, matches) in enumerate(PRIORITY) if matches(fact))


def why_stale(fact: Fact, build_date: dt.date) -> tuple[str, ...]:
    """Why the fact should be read again, each reason with the source ids and dates; () if it need not be."""
    sources = fact.sources
    if not sources:
        return ()  # already shown as unverified: nothing was read that could have gone stale
    found = []
    unreadable = [s for s in sources if s.unreadable_since]
    if unreadable:
        found.append(
            "could not be re-read: "
            + ", ".join(f"{s.id} since {s.unreadable_since} (checked {s.checked})" for s in unreadable)
        )
    newest = max(s.checked for s in sources)
    if older_than_months(newest, build_date, STALE_AFTER_MONTHS):
        found.append(
            f"last checked {newest}, over {STALE_AFTER_MONTHS} months ago: "
            + ", ".join(f"{s.id} checked {s.checked}" for s in sources)
        )
    dated = [s for s in sources if s.published]
    if fact.states_a_rule_that_changes() and dated:
        newest_published = max(s.published for s in dated if s.published)
        if older_than_months(newest_published, build_date, RULE_SOURCE_MAX_AGE_MONTHS):
            undated = [s.id for s in sources if not s.published]
            found.append(
                f"a rule that changes, newest source published {newest_published}, "
                f"over {RULE_SOURCE_MAX_AGE_MONTHS} months ago: "
                + ", ".join(f"{s.id} published {s.published}" for s in dated)
                + (f" (undated: {', '.join(undated)})" if undated else "")
            )
    return tuple(found)


def findings(project: Project, data: Dataset) -> list[Finding]:
    """The facts to read again, in the report's order: by what they would cost a reader, then by file and line."""
    out = []
    for fact in facts(project, data):
        why = why_stale(fact, project.build_date)
        if why:
            out.append(Finding(fact, group_of(fact), why))
    return sorted(out, key=lambda f: (f.group, f.fact.file, f.fact.line, f.fact.path))


# --- describing a fact in one line --------------------------------------------------------------


def period_text(period: Period) -> str:
    low, high, unit = period.min, period.max, period.unit
    if low is not None and high is not None:
        return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"
    return f"at least {low} {unit}" if low is not None else f"at most {high} {unit}"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TEXT_LIMIT else text[: _TEXT_LIMIT - 1].rstrip() + "…"


def _label(model: BaseModel) -> str:
    if isinstance(model, Operator):
        return model.brand
    if isinstance(model, Route):
        return _shorten(model.title.en)
    return ""


def describe(fact: Fact) -> str:
    """What the fact says, in a few words: where it belongs, its values, and the start of its English text.
    Generic over the models: scalar fields, periods, lists of ids and the first text."""
    bits: list[str] = []
    context = next((m for m in reversed(fact.parents) if isinstance(m, Operator | Route)), None)
    if context is not None:
        bits.append(_label(context))
    text = ""
    for name in type(fact.model).model_fields:
        value = getattr(fact.model, name)
        if name in ("id", "sources", "advice") or value is None or isinstance(value, bool):
            continue
        if isinstance(value, Period):
            bits.append(period_text(value))
        elif isinstance(value, Text):
            text = text or value.en
        elif isinstance(value, str | int | Decimal):
            bits.append(str(value) if name in _BARE else f"{name}={value}")
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            bits.append(f"{name}={'/'.join(value)}")
    if text:
        bits.append(f'"{_shorten(text)}"')
    return " · ".join(b for b in bits if b) or fact.path


# --- the report ---------------------------------------------------------------------------------


def report(project: Project, data: Dataset) -> str:
    found = findings(project, data)
    total = len([f for f in facts(project, data) if f.sources])
    lines = [
        f"Facts to read again, as of {project.build_date} (the build date), most costly to a reader first:",
        f"  - the newest source was checked more than {STALE_AFTER_MONTHS} months ago"
        " (the pages' 'may be out of date' setting);",
        f"  - a rule that changes, whose newest dated source was published more than {RULE_SOURCE_MAX_AGE_MONTHS}"
        " months ago;",
        "  - a source could not be re-read (unreadable_since).",
    ]
    for index, (title, _) in enumerate(PRIORITY):
        group = [f for f in found if f.group == index]
        if group:
            lines += ["", f"## {title} ({len(group)})", *(f.line() for f in group)]
    lines += ["", f"{len(found)} of {total} sourced facts to read again."]
    return "\n".join(lines)
