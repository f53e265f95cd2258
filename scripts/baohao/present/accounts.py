"""The accounts page as it sees a service, and its "why" section, in one language: numbered
sources per part of the page, marks, answers. What counts as backed is certainty.py's; the order
of the services is unbinding.py's."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .. import certainty
from ..models import Source, Verdict
from ..service_model import Recycling, Service
from .escape import attr, html_text, ident, md
from .formatter import Formatter
from .views import OLD_SOURCE_YEARS


class SourcedPart:
    """A part of the page with its own sources (a service, the "why" section): its sources are
    numbered from 1 and anchored as `source-<part>-<source id>`, so parts never share an anchor."""

    def __init__(self, owner: Service | Recycling, part: str, lang: Formatter):
        self.owner = owner
        self.part = part
        self.lang = lang
        self.sources: list[Source] = list(owner.sources)
        self.numbers = {s.id: i for i, s in enumerate(self.sources, start=1)}

    def source_anchor(self, source: Source) -> Markup:
        return Markup("source-") + ident(self.part) + Markup("-") + ident(source.id)

    def refs(self, source_ids: Sequence[str], *, advice: bool = False) -> Markup:
        """Source marks after a fact: [1][2], or the unverified mark when nothing official or secondary backs it."""
        if advice and not source_ids:
            return Markup("")
        if not source_ids:
            return Markup(" ") + self.lang.unverified()
        out = Markup("").join(self._ref(self.owner.source(sid)) for sid in source_ids)
        if certainty.weak_only(self.owner, source_ids):
            out += Markup(" ") + self.lang.unverified(weak_only=True)
        return Markup(" ") + out

    def _ref(self, source: Source) -> Markup:
        title = self.lang.plain(
            "source_ref_title",
            publisher=source.publisher,
            kind=self.lang.raw(f"kind_{source.kind}"),
            checked=self.lang.date(source.checked),
        )
        n = self.numbers[source.id]
        return Markup(f'<a class="src-ref" href="#{self.source_anchor(source)}" title="{attr(title)}">[{n}]</a>')

    def link(self, url: str, text: str, hreflang: str | None = None) -> Markup:
        extra = f' hreflang="{attr(hreflang)}" lang="{attr(hreflang)}"' if hreflang else ""
        return Markup(f'<a href="{attr(url)}" rel="noopener noreferrer"{extra}>{md(text)}</a>')

    def source_is_old(self, source: Source) -> bool:
        return source.published is not None and (self.lang.today - source.published).days > OLD_SOURCE_YEARS * 365

    def unreadable_note(self, source: Source) -> Markup:
        if source.unreadable_since is None:
            return Markup("")
        return self.lang.t("list_sep") + self.lang.t("unreadable_since", date=self.lang.date(source.unreadable_since))


class ServiceView(SourcedPart):
    """One service in one language: its section and its line in the checklist."""

    def __init__(self, service: Service, lang: Formatter):
        super().__init__(service, service.id, lang)
        self.s = service

    def anchor(self) -> Markup:
        return ident(self.s.id)

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
        out = md(self.lang.text(change.menu)) + self.refs(change.sources) if change.menu else self.lang.unverified()
        checked = self.lang.t("checked_on", date=self.lang.date(change.checked))
        if change.app_version:
            checked = self.lang.t("service_app_version", version=change.app_version) + self.lang.t("list_sep") + checked
        return out + self.lang.paren(checked)
