"""What a page says about keeping a brand's number: the cheapest way and its yearly cost (with the
amount in yuan at the dated reference rate), what counts as use from mainland China, eSIM, and the
brand's risks. The arithmetic and what is certain are decided in baohao.keeping."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from babel.numbers import format_currency
from markupsafe import Markup

from .. import certainty, keeping
from ..models import Operator, Period, Price, ReferenceRates, Risk, Verdict

if TYPE_CHECKING:
    from .views import CountryView

# The questions about use from mainland China, in the order a reader asks them.
FROM_CHINA_VERDICTS = (
    "receiving_counts",
    "sms_to_china_counts",
    "wifi_calling_counts",
    "data_roaming_counts",
    "roaming_on_by_default",
    "receiving_sms_free",
)


_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def _unique(ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ids))


class KeepingView:
    """The keeping lines of one country's page in one language."""

    def __init__(self, view: CountryView, rates: ReferenceRates | None):
        self.v = view
        self.lang = view.lang
        self.rates = rates
        self.table = rates.table() if rates else {}

    def money(self, amount: Decimal, currency: str) -> str:
        locale = "en_GB" if self.lang.code == "en" else self.lang.code
        return format_currency(amount, currency, locale=locale)

    def _marks(self, cost: keeping.KeepCost) -> Markup:
        """The marks of a cost: its gap's and price's sources, and the unverified mark when it is not
        certain even though some of them are official (a sourced gap with a forum price)."""
        price_sources = cost.price.sources if cost.price else []
        ids = _unique([*cost.every_sources, *price_sources])
        out = self.v.refs(ids)
        if not cost.certain and ids and not certainty.weak_only(self.v.c, ids):
            weakest = price_sources if certainty.backed(self.v.c, list(cost.every_sources)) else cost.every_sources
            out += Markup(" ") + self.lang.unverified(evidence=certainty.best_tier(self.v.c, list(weakest)))
        return out

    def _yuan(self, cost: keeping.KeepCost) -> Decimal | None:
        if cost.per_year is None or cost.price is None or cost.price.currency == "CNY":
            return None
        return keeping.in_yuan(cost.per_year, cost.price.currency, self.table)

    def _how(self, cost: keeping.KeepCost) -> Markup:
        """`send one SMS at least once every 6 months`."""
        what = self.lang.t(f"keep_action_{cost.option.action}")
        if cost.every is not None and cost.every.max is not None:
            gap = Period(min=cost.every.max, max=cost.every.max, unit=cost.every.unit)
            what = self.lang.t("keep_every", period=self.lang.period(gap), action=what)
        return what

    def _cost(self, cost: keeping.KeepCost) -> Markup:
        """`about £0.60 a year (price seen 29 May 2024; about ¥5.46 at the rate of 1 December 2026)`, and
        what the source says of the price; or that the cost is not known."""
        t = self.lang.t
        if cost.per_year is None or cost.price is None:
            return t("keep_cost_unknown")
        notes = [t("price_seen", date=self.lang.date(cost.price.seen))]
        yuan = self._yuan(cost)
        if yuan is not None and self.rates is not None:
            notes.append(t("keep_in_yuan", amount=self.money(yuan, "CNY"), date=self.lang.date(self.rates.date)))
        out = t("keep_per_year", amount=self.money(cost.per_year, cost.price.currency))
        out += self.lang.paren(Markup(t("clause_sep")).join(notes))
        if cost.price.note:  # e.g. "the smallest top-up the page names": the price may not be the lowest
            out += t("colon") + self.lang.text(cost.price.note)
        return out

    def how(self, operator: Operator) -> Markup:
        """The comparison's cell: the cheapest way, without its cost."""
        cost = keeping.cheapest(self.v.c, operator)
        return self._how(cost) if cost else self.lang.t("unknown_short")

    def summary(self, operator: Operator) -> Markup:
        """The brand section's line: the cheapest way, what it costs a year, its marks and notes."""
        t = self.lang.t
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None:
            return t("keep_unknown")
        out = self._how(cost) + t("clause_sep") + self._cost(cost) + self._marks(cost)
        if cost.option.note:
            out += t("colon") + self.lang.text(cost.option.note)
        return out

    def card(self, cost: keeping.KeepCost) -> Markup:
        """The answer card's line: `send 1 SMS at least every 6 months; about £0.60 a year (about ¥5.72)`,
        with its marks; the dates and notes are in the brand's details below."""
        t = self.lang.t
        out = self._how(cost)
        if cost.per_year is not None and cost.price is not None:
            amount = self.money(cost.per_year, cost.price.currency)
            yuan = self._yuan(cost)
            if yuan is not None:
                amount += t("approx", amount=self.money(yuan, "CNY"))
            out += t("clause_sep") + t("card_per_year", amount=amount)
        else:
            out += t("clause_sep") + t("keep_cost_unknown")
        return out + self._marks(cost)

    def plain_cost(self, operator: Operator) -> dict[str, object] | None:
        """The cheapest way and its yearly cost as plain text, for the lapse planner's "keep it" result:
        the same words and figures as the brand's section, and whether they are certain."""
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None:
            return None
        text = str(self._how(cost) + self.lang.t("clause_sep") + self._cost(cost))
        return {"text": _MARKDOWN_ESCAPE.sub(r"\1", text), "unverified": not cost.certain}

    def cost_cell(self, operator: Operator) -> Markup:
        """The comparison's cost cell: `£0.60 ≈ ¥5.47` with its marks, and the sort key for the browser
        (the yearly cost in yuan; none when unknown)."""
        t = self.lang.t
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None or cost.per_year is None or cost.price is None:
            return Markup('<span class="keep-cost"></span>') + t("unknown_short")
        yuan = self._yuan(cost)
        sort_key = cost.per_year if cost.price.currency == "CNY" else yuan
        key = Markup(f'<span class="keep-cost" data-cny="{sort_key}"></span>') if sort_key is not None else Markup("")
        out = key + self.money(cost.per_year, cost.price.currency)
        if yuan is not None:
            out += t("approx", amount=self.money(yuan, "CNY"))
        return out + self._marks(cost)

    def esim_cell(self, operator: Operator) -> Markup:
        esim = operator.keeping.esim if operator.keeping else None
        return self._answer(esim.offered, "offered") if esim else self.lang.t("unknown_short")

    def _answer(self, verdict: Verdict, words: str = "answer") -> Markup:
        """Yes, no or not known, with its note and its marks (an unknown without sources needs none)."""
        out = self.lang.answer(verdict.value, words)
        if verdict.note:
            out += self.lang.t("colon") + self.lang.text(verdict.note)
        if verdict.sources or verdict.value != "unknown":
            out += self.v.refs(verdict.sources)
        return out

    def _verdict(self, name: str, verdict: Verdict) -> Markup:
        t = self.lang.t
        return t(f"china_{name}") + t("colon") + self._answer(verdict)

    def _price(self, name: str, price: Price) -> Markup:
        t = self.lang.t
        out = t(f"china_{name}") + t("colon") + self.money(price.amount, price.currency)
        out += self.lang.paren(t("price_seen", date=self.lang.date(price.seen)))
        if price.note:
            out += t("colon") + self.lang.text(price.note)
        return out + self.v.refs(price.sources)

    def from_china(self, operator: Operator) -> Markup:
        """What counts as use, and what it costs, with the SIM in mainland China: only what a source says."""
        china = operator.keeping.from_china if operator.keeping else None
        if china is None:
            return Markup("")
        lines = [self._verdict(n, getattr(china, n)) for n in FROM_CHINA_VERDICTS if getattr(china, n) is not None]
        lines += [self._price(n, getattr(china, n)) for n in ("sms_price", "minute_price") if getattr(china, n)]
        return Markup(self.lang.t("clause_sep")).join(lines)

    def esim(self, operator: Operator) -> Markup:
        t = self.lang.t
        esim = operator.keeping.esim if operator.keeping else None
        if esim is None:
            return t("keep_unknown")
        out = self._answer(esim.offered, "offered")
        if esim.from_abroad is not None:
            out += t("clause_sep") + t("esim_from_abroad") + t("colon") + self._answer(esim.from_abroad)
        if esim.price is not None:
            out += t("clause_sep") + self._price("esim_price", esim.price)
        return out

    def risk_label(self, risk: Risk) -> Markup:
        t = self.lang.t
        return t("risk_label", kind=t(f"risk_kind_{risk.kind}"), status=t(f"risk_status_{risk.status}"))

    def roaming_risk(self, operator: Operator) -> Markup:
        """The furthest-gone roaming cut-off risk, with its date (the brand's line and the comparison)."""
        order = ("enforced", "announced", "reported", "clause")
        risks = [r for r in operator.risks if r.kind == "roaming-cutoff"]
        if not risks:
            return self.lang.t("none_found")
        risk = min(risks, key=lambda r: (order.index(r.status), -r.date.toordinal()))
        date = self.v.risk_date(risk)
        return self.lang.t(f"risk_status_{risk.status}") + self.lang.paren(date) + self.v.refs(risk.sources)
