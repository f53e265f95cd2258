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

    def _marks(self, ids: Sequence[str], certain: bool, weakest: Sequence[str]) -> Markup:
        """Source marks; and the unverified mark when the statement is not certain even though some
        of its sources are official (a sourced period with a forum price)."""
        ids = _unique(ids)
        out = self.v.refs(ids)
        if not certain and ids and not certainty.weak_only(self.v.c, ids):
            out += Markup(" ") + self.lang.unverified(evidence=certainty.best_tier(self.v.c, list(weakest)))
        return out

    def cost(self, cost: keeping.KeepCost) -> Markup:
        """`about £0.60 a year (price seen 29 May 2024; about ¥5.46 at the rate of 1 December 2026)`,
        or that it is not known."""
        t = self.lang.t
        if cost.per_year is None or cost.price is None:
            return t("keep_cost_unknown")
        notes = [t("price_seen", date=self.lang.date(cost.price.seen))]
        yuan = keeping.in_yuan(cost.per_year, cost.price.currency, self.table)
        if yuan is not None and self.rates is not None and cost.price.currency != "CNY":
            notes.append(t("keep_in_yuan", amount=self.money(yuan, "CNY"), date=self.lang.date(self.rates.date)))
        per_year = t("keep_per_year", amount=self.money(cost.per_year, cost.price.currency))
        return per_year + self.lang.paren(Markup(t("clause_sep")).join(notes))

    def how(self, operator: Operator) -> Markup:
        """The cheapest way, without its cost: `send one SMS at least once every 6 months`."""
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None:
            return self.lang.t("keep_unknown")
        what = self.lang.t(f"keep_action_{cost.option.action}")
        if cost.every is not None and cost.every.max is not None:
            gap = Period(min=cost.every.max, max=cost.every.max, unit=cost.every.unit)
            what = self.lang.t("keep_every", period=self.lang.period(gap), action=what)
        return what

    def plain_cost(self, operator: Operator) -> dict[str, object] | None:
        """The cheapest way and its yearly cost as plain text, for the lapse planner's "keep it" result:
        the same words and figures as the brand's section, and whether they are certain."""
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None:
            return None
        text = str(self.how(operator) + self.lang.t("clause_sep") + self.cost(cost))
        return {"text": _MARKDOWN_ESCAPE.sub(r"\1", text), "unverified": not cost.certain}

    def yuan(self, operator: Operator) -> Decimal | None:
        """The cheapest yearly cost in yuan (the comparison's sort key), when it is known."""
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None or cost.per_year is None or cost.price is None:
            return None
        return keeping.in_yuan(cost.per_year, cost.price.currency, self.table)

    def cost_cell(self, operator: Operator) -> Markup:
        """The comparison's cost cell: `£0.60 ≈ ¥5.47` with its marks, and a sort key for the browser."""
        t = self.lang.t
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None or cost.per_year is None or cost.price is None:
            return Markup('<span class="keep-cost"></span>') + t("unknown_short")
        yuan = self.yuan(operator)
        key = Markup(f'<span class="keep-cost" data-cny="{yuan}"></span>') if yuan is not None else Markup("")
        out = key + self.money(cost.per_year, cost.price.currency)
        if yuan is not None and cost.price.currency != "CNY":
            out += t("approx", amount=self.money(yuan, "CNY"))
        price_sources = cost.price.sources
        weakest = price_sources if certainty.backed(self.v.c, list(cost.every_sources)) else cost.every_sources
        return out + self._marks([*cost.every_sources, *price_sources], cost.certain, weakest)

    def esim_cell(self, operator: Operator) -> Markup:
        esim = operator.keeping.esim if operator.keeping else None
        return self._answer(esim.offered) if esim else self.lang.t("unknown_short")

    def summary(self, operator: Operator) -> Markup:
        """The cheapest way to keep the number and what it costs a year, with its marks."""
        t = self.lang.t
        cost = keeping.cheapest(self.v.c, operator)
        if cost is None:
            return t("keep_unknown")
        what = t(f"keep_action_{cost.option.action}")
        if cost.every is not None and cost.every.max is not None:
            gap = Period(min=cost.every.max, max=cost.every.max, unit=cost.every.unit)
            what = t("keep_every", period=self.lang.period(gap), action=what)
        price_sources = cost.price.sources if cost.price else []
        weakest = price_sources if certainty.backed(self.v.c, list(cost.every_sources)) else cost.every_sources
        out = what + t("clause_sep") + self.cost(cost)
        out += self._marks([*cost.every_sources, *price_sources], cost.certain, weakest)
        if cost.option.note:
            out += t("colon") + self.lang.text(cost.option.note)
        return out

    def _answer(self, verdict: Verdict) -> Markup:
        """Yes, no or not known, with its note and its marks (an unknown without sources needs none)."""
        out = self.lang.answer(verdict.value)
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
        out = self._answer(esim.offered)
        if esim.from_abroad is not None:
            out += t("clause_sep") + t("esim_from_abroad") + t("colon") + self._answer(esim.from_abroad)
        if esim.price is not None:
            out += t("clause_sep") + self._price("esim_price", esim.price)
        return out

    def risk_label(self, risk: Risk) -> Markup:
        t = self.lang.t
        return t("risk_label", kind=t(f"risk_kind_{risk.kind}"), status=t(f"risk_status_{risk.status}"))

    def roaming_risk(self, operator: Operator) -> Markup:
        """The comparison's roaming-risk cell: the furthest-gone roaming cut-off risk, with its date."""
        order = ("enforced", "announced", "reported", "clause")
        risks = sorted(
            (r for r in operator.risks if r.kind == "roaming-cutoff"),
            key=lambda r: (order.index(r.status), -r.date.toordinal()),
        )
        if not risks:
            return self.lang.t("none_found")
        risk = risks[0]
        return (
            self.lang.t("risk_status_" + risk.status)
            + self.lang.paren(self.lang.date(risk.date))
            + self.v.refs(risk.sources)
        )
