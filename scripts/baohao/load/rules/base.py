"""What a rule is, and what it is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...models import HostList
from ...project import Project
from ..problems import Loc, Problem, format_loc
from ..prose import ProseFile
from ..yaml_reader import Located

# Data files with their own `sources`, whose facts cite them: the rules about citations apply to these.
SOURCED_KINDS = frozenset({"country", "service", "recycling", "rates"})
# Every kind of data file with a model (the interface strings have none).
DATA_KINDS = SOURCED_KINDS | {"documents", "checklists", "hosts", "staff_card", "regions", "kept_most"}


@dataclass
class DataFile:
    """One YAML file as read: what it is (`country`, `documents`, `strings`, ...) and its located data."""

    kind: str
    path: Path
    shown: str  # as named in messages: relative to the project root
    located: Located
    model: Any = None  # the validated model, when the schema accepted the file
    raw: bytes = b""  # the file as read

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, col = self.located.where(loc, key=key)
        return Problem(self.shown, line, col, format_loc(loc), message)


@dataclass
class References:
    """Ids defined outside a country file; None where the file defining them did not load."""

    documents: set[str] | None = None
    staff_languages: set[str] | None = None
    hosts: HostList | None = None  # data/hosts.yml, which bounds the kind of each source
    regions: list[str] | None = None  # the region ids of data/regions.yml, in its order
    # every place with a file: its code -> its operator ids (None when the file did not load)
    places: dict[str, set[str] | None] | None = None


@dataclass(frozen=True)
class FileRule:
    """A check of one file's raw data, so its problems are reported together with the schema's.

    With `overrides_other_problems`, other problems on a field this rule flags are dropped
    (a field still saying FILL IN is reported once, as that, not also as malformed)."""

    name: str
    kinds: frozenset[str]
    check: Callable[[DataFile, References], list[Problem]]
    overrides_other_problems: bool = False


@dataclass
class Loaded:
    """The shared files read in a run, by kind, for the rules that look across files."""

    vocabulary: dict[str, DataFile] = field(default_factory=dict)
    strings: DataFile | None = None
    prose: list[ProseFile] = field(default_factory=list)

    def prose_by(self, page: str, lang: str) -> ProseFile | None:
        return next((f for f in self.prose if f.page == page and f.lang == lang), None)


@dataclass(frozen=True)
class ProjectRule:
    """A check across files, or of files that are not data (the hand-written pages)."""

    name: str
    check: Callable[[Project, Loaded], list[Problem]]


def walk(file: DataFile) -> list[tuple[Loc, Any]]:
    """Every value in the file with its location (as read, so no rule walks the tree again)."""
    return file.located.values


def ids(items: Any) -> set[str]:
    """The `id`s of a list of mappings, ignoring malformed entries (the schema reports those)."""
    if not isinstance(items, list):
        return set()
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}


def short_list(values: set[str], limit: int = 8) -> str:
    items = sorted(values)
    if not items:
        return "none"
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")
