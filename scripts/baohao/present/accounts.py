"""The accounts page as it sees a service, and its "why" section, in one language: numbered
sources per part of the page, marks, answers. What counts as backed is certainty.py's; the order
of the services is unbinding.py's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup

from .. import anchors
from ..models import Verdict
from ..service_model import Recycling, Service
from .escape import html_text, ident, md
from .formatter import Formatter
from .sources import SourcedPart


def kept_source_anchors(services: Sequence[Service], recycling: Recycling) -> frozenset[str]:
    """The accounts page's source anchors of the form before the double hyphen (`source-<part>-<source>`,
    see anchors.py) that still name one element only: no two parts' anchors of that form join to the
    same words, and no service's section (`#<id>`) has it. These are kept beside the new ones, so that
    readers' links to them still land."""
    parts = [("why", recycling.sources), *((s.id, s.sources) for s in services)]
    old = Counter(anchors.source_before_separator(source.id, part) for part, sources in parts for source in sources)
    taken = {s.id for s in services} | set(anchors.ACCOUNTS_PAGE_OWN)
    return frozenset(anchor for anchor, n in old.items() if n == 1 and anchor not in taken)


class ServiceView(SourcedPart):
    """One service in one language: its section and its line in the checklist."""

    def __init__(self, service: Service, lang: Formatter, kept_anchors: frozenset[str] = frozenset()):
        super().__init__(service, service.sources, lang, service.id, kept_anchors)
        self.s = service

    def anchor(self) -> Markup:
        """The service's section: `#<id>`, as published (the checklist links to it)."""
        return ident(self.s.id)

    def checkbox_id(self) -> Markup:
        """The id of its box in the checklist (accounts-checklist.js makes the box)."""
        return Markup(anchors.checkbox(ident(self.s.id)))

    def name(self) -> str:
        return self.s.name[self.lang.code]

    def name_html(self) -> Markup:
        """The name for raw HTML (the checklist), where no Markdown is processed."""
        return Markup(html_text(self.name()))

    def also_known_as(self) -> Markup:
        return self.lang.join(self.s.also_known_as)

    def verdict(self, verdict: Verdict, kind: str = "answer") -> Markup:
        """A yes/no/unknown with its note and sources. A yes or no without an official or secondary
        source carries the unverified mark (as a country page's answers do); `unknown` says so itself."""
        out = self.lang.answer(verdict.value, kind)
        if verdict.note:
            out += self.lang.t("colon") + md(self.lang.text(verdict.note))
        if verdict.sources or verdict.value != "unknown":
            out += self.refs(verdict.sources)
        return out

    def old_number_code(self) -> Markup:
        """Must the old number receive a code to make the change?"""
        return self.verdict(self.s.old_number_code, "oldcode")

    def foreign_number(self) -> Markup:
        """Can a number from outside the mainland be bound at all?"""
        return self.verdict(self.s.foreign_number)

    def not_found(self) -> tuple[str, ...]:
        """The section's facts on which no source says anything (an `unknown` without note or source, no
        waiting period): the page says so once, in one line, instead of on each line."""
        s = self.s
        empty = {
            "old_code": s.old_number_code.value == "unknown"
            and not s.old_number_code.note
            and not s.old_number_code.sources,
            "waiting": s.waiting is None,
            "foreign": s.foreign_number.value == "unknown"
            and not s.foreign_number.note
            and not s.foreign_number.sources,
        }
        return tuple(field for field, is_empty in empty.items() if is_empty)

    def not_found_line(self) -> Markup:
        """The facts no source gives, as one list: "whether the old number must get a code, a waiting period"."""
        return self.lang.join([self.lang.t(f"service_not_found_{field}") for field in self.not_found()])

    def waiting(self) -> Markup:
        """The waiting or review period; unverified when no source gives one."""
        timing = self.s.waiting
        if timing is None:
            return self.lang.unverified()
        period = self.lang.period(timing.period) if timing.period else self.lang.t("unknown_value")
        note = self.lang.paren(self.lang.text(timing.note)) if timing.note else Markup("")
        return period + note + self.refs(timing.sources)

    def menu(self) -> Markup:
        """The menu path with its sources, the app version and the date it was checked."""
        change = self.s.change
        # no single path in the sources (a group of banks, a path that differs by app): the steps say where
        out = (
            md(self.lang.text(change.menu)) + self.refs(change.sources)
            if change.menu
            else self.lang.t("service_menu_in_steps")
        )
        checked = self.lang.t("checked_on", date=self.lang.date(change.checked))
        if change.app_version:
            checked = self.lang.t("service_app_version", version=change.app_version) + self.lang.t("list_sep") + checked
        return out + self.lang.paren(checked)
