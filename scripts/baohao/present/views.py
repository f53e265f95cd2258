"""A country as a page sees it, in one language: numbered sources, marks, and the summaries
that certainty.py decides, formatted. One method per cell of the comparison table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from .. import certainty, keeping, planner
from .. import page_paths as paths
from ..links import mailto, tel
from ..models import (
    Contact,
    Country,
    Document,
    LapseTimeline,
    Message,
    Operator,
    ReferenceRates,
    Risk,
    Route,
    StaffCardLanguage,
    StaffSentence,
    Stage,
    Vocabulary,
)
from ..project import STALE_AFTER_MONTHS, older_than_months
from . import planner_data
from .escape import attr, host, html_text, ident, md
from .formatter import Formatter
from .keeping import KeepingView
from .sources import SourcedPart

RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def foreign(text: str, lang: str, direction: str) -> Markup:
    """Text in a language other than the page's, marked so that screen readers and fonts follow."""
    return Markup(f'<span lang="{attr(lang)}" dir="{attr(direction)}">{md(text)}</span>')


@dataclass
class StaffCardView:
    """The staff card in one language: the sentences in the staff's language, and the documents."""

    language: StaffCardLanguage
    sentences: list[StaffSentence]
    documents_sentence: StaffSentence
    document_ids: list[str]
    documents: dict[str, Document]

    def text(self, sentence: StaffSentence) -> Markup:
        return foreign(sentence.text[self.language.id], self.language.id, self.language.dir)

    def document_list(self) -> Markup:
        """The documents sentence, then each document after a box the reader ticks on paper."""
        lang, direction = self.language.id, self.language.dir
        intro = foreign(self.documents_sentence.text[lang], lang, direction)
        names = [Markup("☐ ") + foreign(self.documents[d].staff[lang], lang, direction) for d in self.document_ids]
        return intro + Markup("<br>") + Markup("<br>").join(names)


class CountryView(SourcedPart):
    """One country in one language: what its page, the home page and the comparison show of it."""

    stale_after_months = STALE_AFTER_MONTHS

    def __init__(
        self,
        country: Country,
        lang: Formatter,
        vocabulary: Vocabulary,
        repository: str = "",
        rates: ReferenceRates | None = None,
        *,
        as_cited: bool = False,
        marks_only: bool = False,
    ):
        super().__init__(country, country.sources, lang, as_cited=as_cited)
        self.marks_only = marks_only
        self.c = country
        self.keeping = KeepingView(self, rates)
        self.vocabulary = vocabulary
        self.repository = repository
        self.documents = {d.id: d for d in vocabulary.documents}
        self.checklists = vocabulary.checklists

    # --- sources and marks ---

    def refs(self, source_ids: Sequence[str], *, advice: bool = False) -> Markup:
        """On a page that lists no sources (the home page, the comparison), a fact keeps only its
        unverified mark; its sources are on the brand's or place's own page, one tap away."""
        if not self.marks_only:
            return super().refs(source_ids, advice=advice)
        if advice and not source_ids:
            return Markup("")
        if not source_ids or certainty.weak_only(self.c, source_ids):
            evidence = certainty.best_tier(self.c, source_ids) if source_ids else None
            return Markup(" ") + self.lang.unverified(evidence=evidence)
        return Markup("")

    def answer(self, value: str, sources: Sequence[str]) -> Markup:
        """A yes/no/unknown answer; a yes or no that no reliable source backs carries the unverified mark."""
        out = self.lang.answer(value)
        if certainty.answer_unverified(self.c, value, sources):
            out += Markup(" ") + self.lang.unverified()
        return out

    def stale(self) -> bool:
        return older_than_months(self.c.reviewed, self.lang.today, STALE_AFTER_MONTHS)

    # --- keeping the number ---

    def recent_risks(self) -> list[tuple[Operator, Risk]]:
        return keeping.recent_risks(self.c.operators, self.lang.today)

    def risk_is_recent(self, risk: Risk) -> bool:
        return keeping.is_recent(risk, self.lang.today)

    def risk_date(self, risk: Risk) -> str:
        return self.lang.month(risk.date) if risk.precision == "month" else self.lang.date(risk.date)

    # --- names and links ---

    def document(self, doc_id: str) -> str:
        return self.documents[doc_id].name[self.lang.code]

    def documents_of(self, ids: Sequence[str]) -> Markup:
        return self.lang.join(self.document(d) for d in ids)

    def operators_of(self, ids: Sequence[str]) -> Markup:
        if not ids:
            return self.lang.t("all_operators")
        return self.lang.join(self.c.operator(i).brand for i in ids)

    def contact(self, contact: Contact) -> Markup:
        value = contact.value
        if contact.kind == "email":
            out = Markup(f'<a href="{attr(mailto(value))}">{md(value)}</a>')
        elif contact.kind == "website":
            out = self.link(value, host(value))
        elif contact.kind == "phone":
            out = Markup(f'<a href="{attr(tel(value))}">{md(value)}</a>')
        else:
            out = md(value)
        if contact.url and contact.kind != "website":
            out += Markup(" ") + self.link(contact.url, host(contact.url))
        return out

    def report_url(self) -> Markup:
        """A new issue with the wrong-information form, the country already filled in."""
        fields = {"template": "wrong-information.yml", "country": self.c.code, "title": f"[data] {self.c.code}: "}
        return Markup(f"{self.repository}/issues/new?{urlencode(fields)}")

    # --- a way to cancel ---

    def fold_title(self, route: Route, n: int | None = None) -> Markup:
        """A folded way's title, in raw HTML (no Markdown is processed in <summary>): `Way 2 — title
        (from abroad: Yes)`."""
        lang = self.lang
        title = lang.text(route.title)
        head = lang.th("route_heading", n=n, title=title) if n is not None else Markup(html_text(title))
        answer = lang.raw("from_abroad") + lang.raw("colon") + lang.raw(f"answer_{route.from_abroad.value}")
        return head + lang.th("paren", x=answer)

    def common_routes(self) -> list[Route]:
        """The ways that apply to every brand (porting out, a shop of any operator): the place's page."""
        return [r for r in self.c.routes if not r.operators]

    def route_time(self, route: Route) -> Markup:
        """How long the route takes, with its note and sources; unverified when no source says."""
        if route.time is None:
            return self.lang.unverified()
        period = self.lang.period(route.time.period) if route.time.period else self.lang.t("unknown_value")
        note = self.lang.paren(self.lang.text(route.time.note)) if route.time.note else Markup("")
        return period + note + self.refs(route.time.sources)

    def route_fees(self, route: Route) -> Markup:
        """Each fee with its note and sources; unverified when no fee is known."""
        parts = [
            self.lang.fee(f) + self.lang.t("colon") + md(self.lang.text(f.note)) + self.refs(f.sources)
            for f in route.fees
        ]
        if parts:
            return Markup(self.lang.t("clause_sep")).join(parts)
        # doing nothing costs nothing more (what is left of the balance is the refund rule's matter)
        return self.lang.t("fees_lapse") if route.kind == "lapse" else self.lang.unverified()

    def language_name(self, code: str) -> str:
        """A staff or message language by name (data/staff_card.yml), or its code if it has none there."""
        language = next((lang for lang in self.vocabulary.staff_card.languages if lang.id == code), None)
        return self.lang.text(language.name) if language else code

    def message_text(self, message: Message) -> Markup:
        """The message as a block the reader copies: its own language, line breaks kept, every line escaped."""
        lines = [html_text(line) for line in message.body.splitlines()]
        if message.subject:
            lines.insert(0, f"{html_text(self.lang.raw('message_subject'))}: {html_text(message.subject)}")
        direction = "rtl" if message.language in RTL_LANGUAGES else "ltr"
        body = "<br>\n".join(lines)
        return Markup(f'<div class="message-text" lang="{attr(message.language)}" dir="{direction}">\n{body}\n</div>')

    # --- the staff card ---

    def staff_cards(self) -> list[StaffCardView]:
        """One card per staff language. The refund request is left out only where every operator
        is known not to refund (it asks 'if your rules allow it')."""
        template = self.vocabulary.staff_card
        languages = {lang.id: lang for lang in template.languages}
        asks_refund = certainty.refund_not_ruled_out(self.c)
        rows = [s for s in template.sentences if s.id != "documents" and (s.id != "refund" or asks_refund)]
        documents_sentence = next(s for s in template.sentences if s.id == "documents")
        document_ids = certainty.in_person_documents(self.c)
        return [
            StaffCardView(languages[code], rows, documents_sentence, document_ids, self.documents)
            for code in self.c.staff_card.languages
        ]

    # --- summaries: key facts, home page, comparison ---

    def end_summary(self) -> Markup:
        """Can the holder be rid of it from mainland China, brand by brand, grouped: letting it lapse
        counts (`Yes, by not using it: giffgaff, EE; not known: Club SIM`). Never a bare 未核实."""
        groups: dict[str, list[str]] = {}
        for o in self.c.operators:
            verdict, _ = certainty.end_from_china(self.c, o.id)
            groups.setdefault(verdict, []).append(o.brand)
        t = self.lang.t
        if len(groups) == 1:
            return t(f"end_summary_{next(iter(groups))}")
        parts = [t(f"end_summary_{v}") + t("colon") + self.lang.join(brands) for v, brands in groups.items()]
        return Markup(t("clause_sep")).join(parts)

    def abroad_summary(self, operator_id: str | None = None) -> Markup:
        """Can the number be formally cancelled from abroad? With the route, when one is confirmed."""
        route = certainty.abroad_route(self.c, operator_id)
        value = certainty.formal_from_abroad(self.c, operator_id)
        answer = self.lang.t("formal_not_found" if value == "unknown" else f"answer_{value}")
        return answer + self.lang.paren(self.lang.text(route.title)) if route else answer

    # --- one brand ---

    def brand_routes(self, operator_id: str) -> Markup:
        """Links to the ways that apply to this brand, each with whether it can be done from abroad."""
        numbers = {r.id: i for i, r in enumerate(self.c.routes, start=1)}
        t = self.lang.t
        links = [
            Markup("[")
            + t("route_heading", n=numbers[r.id], title=self.lang.text(r.title))
            + Markup(f"](#route-{ident(r.id)})")
            + t("colon")
            + self.answer(r.from_abroad.value, r.from_abroad.sources)
            for r in certainty.routes_for(self.c, operator_id)
        ]
        return Markup(t("clause_sep")).join(links)

    def place_link(self) -> Markup:
        """The place's page, as a link from a top-level page (home, comparison)."""
        return Markup(paths.place_page(ident(self.c.code)))

    def brand_link(self, operator: Operator) -> Markup:
        """A brand's page, as a link from a top-level page."""
        return Markup(paths.brand_page(ident(self.c.code), ident(operator.id)))

    def brand_links(self) -> Markup:
        """Every brand, each linking to its own page, from a top-level page."""
        links = [Markup("[") + md(o.brand) + Markup(f"]({self.brand_link(o)})") for o in self.c.operators]
        return Markup(self.lang.raw("list_sep")).join(links)

    def cut_off(self, operator_id: str | None = None) -> Markup:
        return self._summary(certainty.cut_off_summary(self.c, operator_id), None, operator_id)

    def keep_alive(self, operator_id: str | None = None) -> Markup:
        return self._summary(certainty.keep_alive_summary(self.c, operator_id), None, operator_id)

    def gone(self, operator_id: str | None = None) -> Markup:
        return self._summary(certainty.gone_summary(self.c, operator_id), None, operator_id)

    def reassigned(self, operator_id: str | None = None) -> Markup:
        return self._summary(certainty.reassigned_summary(self.c, operator_id), "reassigned", operator_id)

    def refund(self, operator_id: str | None = None) -> Markup:
        return self._summary(certainty.refund_summary(self.c, operator_id), "refund", operator_id)

    def _summary(self, clauses: list[certainty.Clause], words: str | None, operator_id: str | None = None) -> Markup:
        """`Ucell: 90–150 days; Beeline: unknown`; one value for all is said without names (and for one
        operator, the values that apply to it are all said without names)."""
        t = self.lang.t
        if not clauses:
            return t("unknown_value")
        values = []
        for clause in clauses:
            if clause.value is None:
                value = t("unknown_value")
            elif isinstance(clause.value, certainty.Moment):
                value = self.moment(clause.value, unknown_when="reassigned_unknown_when" if words else "unknown_value")
            else:
                value = t(f"{words}_{clause.value}")
            if clause.unverified:
                value += Markup(" ") + self.lang.unverified()  # a summary never states an unbacked fact
            values.append((clause, value))
        if len(values) == 1 or operator_id is not None:
            return Markup(t("clause_sep")).join(value for _, value in values)
        parts = []
        for clause, value in values:
            label = self.operators_of(clause.operators) if clause.operators and not clause.covers_all else None
            parts.append((label or t("all_operators")) + t("colon") + value)
        return Markup(t("clause_sep")).join(parts)

    # --- the lapse timeline ---

    def moment(self, moment: certainty.Moment, unknown_when: str = "unknown_value", *, card: bool = False) -> Markup:
        """`90–150 days after the balance reaches zero`, `45–90 days after disconnection`; on a brand's
        answer card (`card`), the event first as a reader says it: `最后一次使用后 6 个月`."""
        t = self.lang.t
        if moment.period is None:
            return t(unknown_when)
        period = self.lang.period(moment.period)
        at_once = moment.period.max == 0
        if moment.relative_to:
            stage = t(f"since_{moment.relative_to}")
            if at_once:
                return t("at_stage", stage=stage)
            return t("card_after", period=period, event=stage) if card else t("after_stage", period=period, stage=stage)
        if moment.counts_from == "unknown":
            return t("after_unknown_event", period=period)
        event = t(f"event_{moment.counts_from}")
        if at_once:
            return t("at_event", event=event)
        return t("card_after" if card else "after_event", period=period, event=event)

    def stage_when(self, timeline: LapseTimeline, stage: Stage) -> Markup:
        return self.moment(certainty.Moment(stage.after, timeline.counts_from, stage.relative_to))

    def planner_first_date(self) -> Markup:
        """The earliest start date the planner counts from, for the date field's `min` (YYYY-MM-DD)."""
        return Markup(planner.FIRST_DATE.isoformat())

    def planner_last_date(self) -> Markup:
        """The latest start date the planner counts from, for the date field's `max` (YYYY-MM-DD)."""
        return Markup(planner.LAST_DATE.isoformat())

    def planner_json(self, operators: Sequence[Operator] | None = None) -> Markup:
        """The lapse planner's data block (present/planner_data.py), for the given operators (all by default)."""
        return planner_data.json_script("planner-data", planner_data.planner_data(self, operators))

    def timeline_anchor(self, timeline: LapseTimeline) -> Markup:
        """The timeline's anchor: its first operator's, or `all` for a timeline of every operator."""
        return Markup("lapse-") + ident(timeline.operators[0] if timeline.operators else "all")

    def in_person_cell(self) -> Markup:
        """Whether a visit is needed: not if a backed route works from abroad, else the documents to bring."""
        t = self.lang.t
        route = certainty.abroad_route(self.c)
        if route:
            return t("in_person_optional", route=self.lang.text(route.title))
        documents = certainty.in_person_documents(self.c)
        return t("in_person_needed", docs=self.documents_of(documents) if documents else t("unknown_value"))

    def online_cell(self) -> Markup:
        """Each online route and whether it works from abroad."""
        t = self.lang.t
        parts = [
            md(self.lang.text(r.title)) + t("colon") + self.answer(r.from_abroad.value, r.from_abroad.sources)
            for r in certainty.online_routes(self.c)
        ]
        return Markup(t("clause_sep")).join(parts) if parts else t("online_none")
