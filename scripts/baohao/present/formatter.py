"""Everything a page says in one language: interface strings, dates, numbers, periods, fees, marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from ..cldr import currency_name
from ..load import Prose, Strings
from ..load.prose import plain
from ..models import Country, Fee, Period, Text
from .escape import attr, html_text, md


class Formatter:
    """Language-bound helpers the templates call as `lang.…` (and `t(…)` for `lang.t`)."""

    def __init__(self, lang: str, strings: Strings, today: dt.date, prose: Prose | None = None):
        self.code = lang
        self.strings = strings
        self.today = today
        self._prose = prose or {}

    def prose(self, page: str, part: str) -> Markup:
        """A part of the editors' Markdown for a page (templates/prose/), as written."""
        return Markup(self._prose[page][self.code][part])

    def prose_plain(self, page: str, part: str) -> str:
        """The first paragraph of a prose part as plain text, for front matter."""
        return plain(self._prose[page][self.code][part])

    def t(self, key: str, **kwargs: Any) -> Markup:
        """An interface string for Markdown, with its placeholders filled by escaped values."""
        template = self.strings[key][self.code]
        escaped = {k: v if isinstance(v, Markup) else md(v) for k, v in kwargs.items()}
        return Markup(md(template).replace("\\{", "{").replace("\\}", "}").format(**escaped))

    def th(self, key: str, **kwargs: Any) -> Markup:
        """An interface string for raw HTML (no Markdown is processed there): HTML-escaped only."""
        template = html_text(self.strings[key][self.code])
        return Markup(template.format(**{k: html_text(v) for k, v in kwargs.items()}))

    def raw(self, key: str) -> str:
        """An interface string as plain text, for front matter (not Markdown)."""
        return self.strings[key][self.code]

    def plain(self, key: str, **kwargs: Any) -> str:
        """An interface string as plain text with its placeholders filled (for feeds and attributes,
        which escape it where it lands)."""
        return self.strings[key][self.code].format(**kwargs)

    def text(self, value: Text) -> str:
        return value[self.code]

    def date(self, value: dt.date) -> str:
        # British English, like the rest of the English text: 22 November 2026
        return format_date(value, "long", locale="en_GB" if self.code == "en" else self.code)

    def month(self, value: dt.date) -> str:
        """A month, for a date known only to the month: 2026年6月 / June 2026."""
        return format_date(
            value, "MMMM y" if self.code == "en" else "y年M月", locale="en_GB" if self.code == "en" else self.code
        )

    def country(self, country: Country) -> str:
        return country.display_name(self.code)

    def currency(self, code: str) -> str:
        return currency_name(code, self.code)

    def number(self, value: int | Decimal) -> str:
        return format_decimal(value, locale=self.code)

    def period(self, p: Period | None) -> Markup:
        if p is None:
            return self.unverified()
        unit = self.t(f"unit_{p.unit}")
        if p.min is not None and p.max is not None:
            if p.min == p.max:
                one = self.t(f"unit_one_{p.unit}") if p.min == 1 else unit  # 1 month, 2 months
                return self.t("period_exact", n=self.number(p.min), unit=one)
            return self.t("period_range", min=self.number(p.min), max=self.number(p.max), unit=unit)
        if p.min is not None:
            return self.t("period_min", n=self.number(p.min), unit=unit)
        assert p.max is not None
        return self.t("period_max", n=self.number(p.max), unit=unit)

    def fee(self, fee: Fee) -> Markup:
        currency = self.currency(fee.currency)
        if fee.amount == 0 and fee.max_amount is None:
            return self.t("fee_free")
        if fee.max_amount is not None:
            return self.t("fee_up_to", amount=self.number(fee.max_amount), currency=currency)
        if fee.amount is None:
            return self.unverified()
        return self.t("fee_amount", amount=self.number(fee.amount), currency=currency)

    def answer(self, value: str, kind: str = "answer") -> Markup:
        return Markup("**") + self.t(f"{kind}_{value}") + Markup("**")

    def paren(self, value: Any) -> Markup:
        return self.t("paren", x=value)

    def unverified(self, *, evidence: str | None = None) -> Markup:
        """The unverified mark: 未核实, or after community or weak sources, the mark that says which
        (readers' reports are evidence worth reading, not a verdict)."""
        title = attr(self.raw("unverified_title"))
        label = self.raw(f"unverified_{evidence}") if evidence in ("community", "weak") else self.raw("unverified")
        return Markup(f'<span class="unverified" title="{title}">{md(label)}</span>')

    def join(self, items: Iterable[Any]) -> Markup:
        return Markup(html_text(self.raw("list_sep"))).join(md(i) for i in items)
