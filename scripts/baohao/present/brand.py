"""One brand's page in one language: the answer card of its first phone screen, then its own ways,
timeline, contacts and sources. What is certain is decided in certainty.py and keeping.py; this
module only words it.

The card answers, in the order readers ask (issue "Reader first"): can I be rid of it from mainland
China (letting it lapse counts), and can I cancel it formally from there; what keeping it costs and
needs; when it stops working and when it may go to someone else; any current risk.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .. import certainty, keeping, planner
from ..models import Country, LapseTimeline, Operator, ReferenceRates, Risk, Route, Vocabulary
from .escape import html_text, ident, md
from .formatter import Formatter
from .views import CountryView

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class BrandView(CountryView):
    """One operator's page: the country's data seen through one brand, its sources numbered as cited."""

    def __init__(
        self,
        country: Country,
        operator: Operator,
        lang: Formatter,
        vocabulary: Vocabulary,
        repository: str = "",
        rates: ReferenceRates | None = None,
        *,
        marks_only: bool = False,
    ):
        super().__init__(country, lang, vocabulary, repository, rates, as_cited=not marks_only, marks_only=marks_only)
        self.o = operator

    # --- what applies to this brand ---

    def routes(self) -> list[Route]:
        """The ways that apply to this brand: its own first (lapse, then the others), then those for all."""
        own = [r for r in self.c.routes if self.o.id in r.operators]
        common = [r for r in self.c.routes if not r.operators]
        return sorted(own, key=lambda r: r.kind != "lapse") + common

    def route_number(self, route: Route) -> int:
        return self.routes().index(route) + 1

    def timeline(self) -> LapseTimeline | None:
        return certainty.timeline_for(self.c, self.o.id)

    def in_store(self) -> bool:
        """A way to cancel at a counter applies: the page carries the staff card."""
        return any(r.kind == "in-store" for r in self.routes())

    def recent_risks(self) -> list[tuple[Operator, Risk]]:
        return [(o, r) for o, r in super().recent_risks() if o.id == self.o.id]

    def older_risks(self) -> list[Risk]:
        return [r for r in self.o.risks if not self.risk_is_recent(r)]

    def stop_doing(self) -> str:
        """What the reader stops doing to let it lapse: the opposite of what keeps it (planner.KEEP_VERB)."""
        timeline = self.timeline()
        return planner.KEEP_VERB[timeline.counts_from if timeline else "unknown"]

    # --- the answer card ---

    def _when(self, states: tuple[str, ...]) -> tuple[Markup | None, bool]:
        """When the first of `states` comes for this brand, as the card says it (`6 months after the
        last use`), and whether a reliable source backs it; None when no source says when."""
        timeline = self.timeline()
        stage = next((s for s in timeline.stages if s.state in states), None) if timeline else None
        if timeline is None or stage is None or stage.after is None:
            return None, False
        moment = certainty.Moment(stage.after, timeline.counts_from, stage.relative_to)
        return self.moment(moment, card=True), certainty.backed(self.c, stage.sources)

    def end_answer(self, *, link: bool = True) -> Markup:
        """Can I be rid of it from mainland China? Letting it lapse counts, and says how long it takes.
        `link`: end with a link to the way (not in the page's description)."""
        t = self.lang.t
        verdict, route = certainty.end_from_china(self.c, self.o.id)
        if verdict == "unknown" or route is None:
            return t("card_end_unknown")
        action = t(f"card_stop_{self.stop_doing()}")
        when, when_backed = self._when(certainty.CUT_OFF)
        if when is None:
            out = t("card_end_lapse_no_time", action=action)
        else:
            out = t("card_end_lapse", action=action, when=when)
            if not when_backed:
                out += Markup(" ") + self.lang.unverified()
        if verdict == "lapse-unverified":
            out = t("card_maybe") + out + self.refs(route.from_abroad.sources)
        else:
            out = t("card_yes") + out
        return out + Markup(f" [{t('card_how')}](#route-{ident(route.id)})") if link else out

    def end_route_id(self) -> str:
        """The way the card's first answer points to (shown unfolded), if any."""
        _, route = certainty.end_from_china(self.c, self.o.id)
        return route.id if route else ""

    def formal_answer(self) -> Markup:
        """Can I cancel it formally from there? Found (the way), only in person, or not found."""
        t = self.lang.t
        route = certainty.abroad_route(self.c, self.o.id)
        if route:
            return t("card_formal_yes") + self._route_link(route)
        formal = certainty.formal_routes(self.c, self.o.id)
        if not formal:
            return t("card_formal_none")
        if certainty.formal_from_abroad(self.c, self.o.id) == "no":
            return t("card_formal_no")
        maybe = certainty.unbacked_abroad_routes(self.c, self.o.id)
        if maybe:
            links = [self._route_link(r) + self.refs(r.from_abroad.sources) for r in maybe]
            return t("card_formal_maybe") + Markup(t("clause_sep")).join(links)
        return t("card_formal_not_found")

    def _route_link(self, route: Route) -> Markup:
        return Markup("[") + md(self.lang.text(route.title)) + Markup(f"](#route-{ident(route.id)})")

    def keep_answer(self) -> Markup:
        """What keeping it needs and costs a year: the cheapest way (keeping.py), or the timeline's
        keep-alive period when no price is known."""
        t = self.lang.t
        cost = keeping.cheapest(self.c, self.o)
        if cost is not None:
            return self.keeping.card(cost)
        timeline = self.timeline()
        found = certainty.keep_alive(timeline) if timeline else None
        if found is None:
            return t("card_keep_unknown")
        moment, sources = found
        out = t("card_keep_period", when=self.moment(moment, card=True))
        if not certainty.backed(self.c, sources):
            out += Markup(" ") + self.lang.unverified()
        return out

    def stops_answer(self) -> Markup:
        when, when_backed = self._when(certainty.CUT_OFF)
        if when is None:
            return self.lang.t("card_unknown_when")
        return when + (Markup(" ") + self.lang.unverified() if not when_backed else Markup(""))

    def reassigned_answer(self) -> Markup:
        timeline = self.timeline()
        stage = next((s for s in timeline.stages if s.state == "reassigned"), None) if timeline else None
        if stage is None:
            return self.lang.t("card_reassigned_unknown")
        when, when_backed = self._when(("reassigned",))
        if when is None:
            return self.lang.t("card_reassigned_unknown_when")
        return when + (Markup(" ") + self.lang.unverified() if not when_backed else Markup(""))

    def risk_answer(self) -> Markup:
        """The current risk in one line: a recent report or announcement, else the terms, else none."""
        t = self.lang.t
        recent = self.recent_risks()
        if recent:
            _, risk = recent[0]
            # the headline says when; the dated heading and the whole story are in the details below
            return md(self.lang.text(risk.headline)) + self.refs(risk.sources)
        clause = next((r for r in self.o.risks if r.kind == "roaming-cutoff"), None)
        if clause:
            kind, status = t(f"risk_kind_{clause.kind}"), t(f"risk_status_{clause.status}")
            return t("card_risk_kind", kind=kind, status=status) + self.refs(clause.sources)
        return t("none_found")

    def aliases(self) -> Markup:
        """The brand's other names, for raw HTML (the line under the title; search indexes them too).
        An English page leaves out the names in Chinese characters, which its readers do not type."""
        names = [a for a in self.o.aliases if self.lang.code == "zh" or not _HAN.search(a)]
        return Markup(html_text(self.lang.raw("list_sep"))).join(Markup(html_text(a)) for a in names)
