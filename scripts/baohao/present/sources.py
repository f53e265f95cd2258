"""A part of a page with its own numbered sources (a country page, a service's section, the accounts
page's "why" section): the marks after its facts, its links, and how each source is listed."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .. import anchors, certainty
from ..certainty import Sourced
from ..models import Source
from ..project import RULE_SOURCE_MAX_AGE_MONTHS, older_than_months
from .escape import attr, ident, md
from .formatter import Formatter


class CitationNumbers(dict[str, int]):
    """Source numbers given in the order the page first cites them: a page that shows part of a
    data file (a brand's page, a place's overview) lists and numbers only the sources it cites."""

    def __missing__(self, source_id: str) -> int:
        self[source_id] = len(self) + 1
        return self[source_id]


class SourcedPart:
    """A part of a page with its own sources, numbered from 1. A country page's sources are anchored
    as `source-<source id>`; where one page has several parts (the accounts page), as
    `source-<part>--<source id>` (anchors.source), so that parts never share an anchor and no data
    id can take one. `kept_anchors`: the anchors of the form before the double hyphen
    (`source-<part>-<source id>`) that no other element on the page has, kept for readers' links."""

    def __init__(
        self,
        owner: Sourced,
        sources: Sequence[Source],
        lang: Formatter,
        part: str | None = None,
        kept_anchors: frozenset[str] = frozenset(),
        *,
        as_cited: bool = False,
    ):
        self.owner = owner
        self.part = part
        self.lang = lang
        self.all_sources: list[Source] = list(sources)
        self.as_cited = as_cited
        self.numbers: dict[str, int] = (
            CitationNumbers() if as_cited else {s.id: i for i, s in enumerate(self.all_sources, start=1)}
        )
        self.kept_anchors = kept_anchors

    @property
    def sources(self) -> list[Source]:
        """The sources the part lists, by number: all of them, or (`as_cited`) those cited so far,
        so that a page's list, rendered after its text, holds exactly what the page cites."""
        if not self.as_cited:
            return self.all_sources
        by_id = {s.id: s for s in self.all_sources}
        return [by_id[i] for i, _ in sorted(self.numbers.items(), key=lambda item: item[1])]

    def source_anchor(self, source: Source) -> Markup:
        return Markup(anchors.source(ident(source.id), ident(self.part) if self.part else None))

    def old_anchor(self, source: Source) -> Markup | None:
        """The source's anchor as it was before the double hyphen, where it is kept; else None."""
        if not self.part:
            return None
        old = anchors.source_before_separator(ident(source.id), ident(self.part))
        return Markup(old) if old in self.kept_anchors else None

    def refs(self, source_ids: Sequence[str], *, advice: bool = False) -> Markup:
        """Source marks after a fact: [1][2], and the unverified mark when no official or press source backs it."""
        if advice and not source_ids:
            return Markup("")
        if not source_ids:
            return Markup(" ") + self.lang.unverified()
        out = Markup("").join(self._ref(self.owner.source(sid)) for sid in source_ids)
        if certainty.weak_only(self.owner, source_ids):
            out += Markup(" ") + self.lang.unverified(evidence=certainty.best_tier(self.owner, source_ids))
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
        """Published long enough ago that its rules have probably been revised (the same age after
        which `make stale` lists a rule)."""
        return source.published is not None and older_than_months(
            source.published, self.lang.today, RULE_SOURCE_MAX_AGE_MONTHS
        )

    def unreadable_note(self, source: Source) -> Markup:
        if source.unreadable_since is None:
            return Markup("")
        return self.lang.t("list_sep") + self.lang.t("unreadable_since", date=self.lang.date(source.unreadable_since))
