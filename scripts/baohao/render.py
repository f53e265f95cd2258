"""Validated data to Markdown pages, one per page kind and language, through Jinja templates.

Pages are written into docs/ only when their content changed, and generated pages
that no longer come from data are removed. Every value from data is escaped:
nothing a data file says is read as Markdown, HTML or template syntax.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from .load import DataError, Dataset, Problem, read_located
from .models import Contact, Country, Fee, Period, Route, Source, changes_newest_first
from .vocab import LANGS, currency_name, region_name

TEMPLATE_DIR = Path("templates")
STRINGS_FILE = TEMPLATE_DIR / "strings.yml"
DOCS_DIR = Path("docs")
# Paths under docs/ that the renderer owns; everything else there is hand-written.
GENERATED = ("index.{lang}.md", "compare.{lang}.md", "countries/")
STALE_AFTER_MONTHS = 12
RECENT_CHANGES = 10
OLD_SOURCE_YEARS = 3

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")
_HAN = re.compile(r"[\u3400-\u9fff]")


# --- escaping ---------------------------------------------------------------------


def md(value: Any) -> Markup:
    """Escape text from data for Markdown: it shows as written, never as markup."""
    if isinstance(value, Markup):
        return value
    text = re.sub(r"\s+", " ", str(value))
    text = html.escape(text, quote=False)
    # html.escape turned < > & into entities; escape Markdown's own characters.
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup(text)


def attr(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _finalize(value: Any) -> Any:
    # Every {{ expression }} in a template is escaped unless a helper already made Markup.
    if value is None:
        raise jinja2.UndefinedError("a template printed None")
    return md(value)


# --- interface strings --------------------------------------------------------------


def load_strings(root: Path) -> dict[str, dict[str, str]]:
    """Interface strings; a missing language or mismatched placeholder is a located error."""
    path = root / STRINGS_FILE
    located, problems = read_located(path, root)
    if located is None:
        raise DataError(problems)
    shown = str(STRINGS_FILE)
    data = located.data if isinstance(located.data, dict) else {}
    for key, entry in data.items():
        line, col = located.where((key,))
        if not isinstance(entry, dict) or set(entry) != set(LANGS):
            problems.append(Problem(shown, line, col, key, "needs exactly two entries, zh and en"))
            continue
        if any(not isinstance(v, str) or not v for v in entry.values()):
            problems.append(Problem(shown, line, col, key, "zh and en must both be non-empty text"))
            continue
        if _HAN.search(entry["en"]):
            problems.append(Problem(shown, *located.where((key, "en")), f"{key}.en", "contains Chinese characters"))
        fields = [sorted({f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}) for lang in LANGS]
        if fields[0] != fields[1]:
            problems.append(Problem(shown, line, col, key, f"zh uses placeholders {fields[0]} but en uses {fields[1]}"))
    if problems:
        raise DataError(problems)
    return data


# --- page context ---------------------------------------------------------------------


@dataclass
class Page:
    path: str  # relative to docs/
    content: str


class Lang:
    """Language-bound helpers the templates call: t(), date(), period(), refs()..."""

    def __init__(self, lang: str, strings: dict[str, dict[str, str]], today: dt.date):
        self.code = lang
        self.strings = strings
        self.today = today

    def t(self, key: str, **kwargs: Any) -> Markup:
        template = self.strings[key][self.code]
        escaped = {k: v if isinstance(v, Markup) else md(v) for k, v in kwargs.items()}
        return Markup(md(template).replace("\\{", "{").replace("\\}", "}").format(**escaped))

    def th(self, key: str, **kwargs: Any) -> Markup:
        """An interface string for raw HTML (no Markdown is processed there): HTML-escaped only."""
        template = html.escape(self.strings[key][self.code], quote=False)
        return Markup(template.format(**{k: html.escape(str(v), quote=False) for k, v in kwargs.items()}))

    def raw(self, key: str) -> str:
        """An interface string as plain text, for front matter (not Markdown)."""
        return self.strings[key][self.code]

    def text(self, value: Any) -> str:
        return value[self.code]

    def date(self, value: dt.date) -> str:
        # British English, like the rest of the English text: 22 November 2026
        return format_date(value, "long", locale="en_GB" if self.code == "en" else self.code)

    def country(self, country: Country) -> str:
        return country.display_name(self.code)

    def region(self, region: str) -> str:
        return region_name(region, self.code)

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
                return self.t("period_exact", n=self.number(p.min), unit=unit)
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

    def unverified(self) -> Markup:
        return Markup(
            f'<span class="unverified" title="{attr(self.strings["unverified_title"][self.code])}">'
            f"{md(self.strings['unverified'][self.code])}</span>"
        )

    def join(self, items: Iterable[Any], sep: str = "list_sep") -> Markup:
        return Markup(self.strings[sep][self.code]).join(md(i) for i in items)


@dataclass
class StaffCardView:
    """The staff card in one language: the sentences in the staff's language, and the documents."""

    language: Any
    sentences: list[Any]
    documents_sentence: Any
    document_ids: list[str]
    documents: dict[str, Any]

    def text(self, sentence: Any) -> Markup:
        return _foreign(sentence.text[self.language.id], self.language.id, self.language.dir)

    def document_list(self) -> Markup:
        """The documents sentence, then each document after a box the reader ticks on paper."""
        intro = _foreign(self.documents_sentence.text[self.language.id], self.language.id, self.language.dir)
        names = [
            Markup("☐ ") + _foreign(self.documents[d].staff[self.language.id], self.language.id, self.language.dir)
            for d in self.document_ids
        ]
        return intro + Markup("<br>") + Markup("<br>").join(names)


def _foreign(text: str, lang: str, direction: str) -> Markup:
    return Markup(f'<span lang="{attr(lang)}" dir="{attr(direction)}">{md(text)}</span>')


class CountryView:
    """One country as a page sees it: numbered sources and verification status of facts."""

    def __init__(self, country: Country, lang: Lang, vocabulary: Any):
        self.c = country
        self.lang = lang
        self.numbers = {s.id: i for i, s in enumerate(country.sources, start=1)}
        self.vocabulary = vocabulary
        self.documents = {d.id: d.name for d in vocabulary.documents}
        self.checklists = vocabulary.checklists

    def refs(self, source_ids: list[str], *, advice: bool = False) -> Markup:
        """Source marks after a fact: [1][2], or an unverified mark when nothing official or secondary backs it."""
        if advice and not source_ids:
            return Markup("")
        marks = [self._ref(self.c.source(sid)) for sid in source_ids]
        kinds = {self.c.source(sid).kind for sid in source_ids}
        if not source_ids:
            return Markup(" ") + self.lang.unverified()
        out = Markup("").join(marks)
        if kinds == {"weak"}:
            out += Markup(
                f' <span class="unverified" title="{attr(self.lang.strings["unverified_title"][self.lang.code])}">'
                f"{md(self.lang.strings['weak_only'][self.lang.code])}</span>"
            )
        return Markup(" ") + out

    def _ref(self, source: Source) -> Markup:
        title = self.lang.strings["source_ref_title"][self.lang.code].format(
            publisher=source.publisher,
            kind=self.lang.strings[f"kind_{source.kind}"][self.lang.code],
            checked=self.lang.date(source.checked),
        )
        n = self.numbers[source.id]
        return Markup(f'<a class="src-ref" href="#source-{source.id}" title="{attr(title)}">[{n}]</a>')

    def facts(self, entries: list[Any], kind: str) -> Markup:
        """A one-line summary of per-operator rules: `Ucell: 90–150 days; Beeline: unverified`."""
        t = self.lang.t
        if kind == "inactivity" and any(e.period and not e.operators for e in entries):
            # a rule for every operator with a period says it; per-operator notes without one add nothing
            entries = [e for e in entries if e.period]
        if not entries:
            return t("unknown_value")
        values: dict[str, list[str]] = {}  # operators that share a value are named together
        for e in entries:
            if kind == "inactivity":
                value = self.lang.period(e.period) if e.period else t("unknown_value")
            else:
                value = t(f"{kind}_{e.value}")
            stated = bool(e.period) if kind == "inactivity" else e.value != "unknown"
            if stated and not self.backed(e.sources):
                value += Markup(" ") + self.lang.unverified()  # a summary never states an unbacked fact
            values.setdefault(value, []).extend(e.operators or [""])
        if len(values) == 1:
            return next(iter(values))
        parts = []
        for value, operators in values.items():
            named = [o for o in operators if o]
            label = self.operators_of(named) if named and "" not in operators else t("all_operators")
            parts.append(label + t("colon") + value)
        return Markup(t("clause_sep")).join(parts)

    def document(self, doc_id: str) -> str:
        return self.documents[doc_id][self.lang.code]

    def document_ids(self, route: Route) -> Markup:
        """The route's document ids, space-separated, for the route finder."""
        return Markup(" ").join(_ident(d) for d in route.documents)

    def operator_ids(self, route: Route) -> Markup:
        """The operators a route applies to, space-separated, for the route finder (empty: all)."""
        return Markup(" ").join(_ident(o) for o in route.operators)

    def refunds(self) -> bool:
        return any(r.value in ("yes", "partial") for r in self.c.rules.balance_refund)

    def staff_cards(self) -> list[StaffCardView]:
        """One card per staff language. The refund request is left out only where every operator
        is known not to refund (it asks 'if your rules allow it')."""
        template = self.vocabulary.staff_card
        languages = {lang.id: lang for lang in template.languages}
        rules = self.c.rules.balance_refund
        refunds = not rules or any(r.value != "no" for r in rules)
        rows = [s for s in template.sentences if s.id != "documents" and (s.id != "refund" or refunds)]
        documents_sentence = next(s for s in template.sentences if s.id == "documents")
        document_ids: list[str] = []
        for route in self.c.routes:
            if route.kind == "in-store":
                document_ids += [d for d in route.documents if d not in document_ids]
        by_id = {d.id: d for d in self.vocabulary.documents}
        return [
            StaffCardView(languages[code], rows, documents_sentence, document_ids, by_id)
            for code in self.c.staff_card.languages
        ]

    def documents_of(self, ids: list[str]) -> Markup:
        return self.lang.join(self.document(d) for d in ids)

    def contact(self, contact: Contact) -> Markup:
        value = contact.value
        if contact.kind == "email":
            out = Markup(f'<a href="mailto:{attr(value)}">{md(value)}</a>')
        elif contact.kind == "website":
            out = self.link(value, _host(value))
        elif contact.kind == "phone":
            out = Markup(f'<a href="tel:{attr(value.replace(" ", ""))}">{md(value)}</a>')
        else:
            out = md(value)
        if contact.url and contact.kind != "website":
            out += Markup(" ") + self.link(contact.url, _host(contact.url))
        return out

    def operators_of(self, ids: list[str]) -> Markup:
        if not ids:
            return self.lang.t("all_operators")
        return self.lang.join(self.c.operator(i).brand for i in ids)

    def link(self, url: str, text: str, hreflang: str | None = None) -> Markup:
        extra = f' hreflang="{attr(hreflang)}" lang="{attr(hreflang)}"' if hreflang else ""
        return Markup(f'<a href="{attr(url)}" rel="noopener noreferrer"{extra}>{md(text)}</a>')

    def source_is_old(self, source: Source) -> bool:
        return source.published is not None and (self.lang.today - source.published).days > OLD_SOURCE_YEARS * 365

    def stale(self) -> bool:
        return (self.lang.today - self.c.reviewed).days > STALE_AFTER_MONTHS * 30.5

    # --- summaries used by the summary box and the comparison table ---

    def backed(self, source_ids: list[str]) -> bool:
        """True when an official or secondary source supports the fact."""
        return any(self.c.source(s).kind != "weak" for s in source_ids)

    def answer(self, value: str, sources: list[str]) -> Markup:
        """A yes/no/unknown answer; a yes or no that no reliable source backs carries the unverified mark."""
        out = self.lang.answer(value)
        if value != "unknown" and not self.backed(sources):
            out += Markup(" ") + self.lang.unverified()
        return out

    def abroad_summary(self) -> Markup:
        """Can the number be formally cancelled from abroad? With the route, when one is confirmed."""
        route = self.abroad_route()
        answer = self.lang.t(f"answer_{self.formal_from_abroad()}")
        return answer + self.lang.t("paren", x=self.lang.text(route.title)) if route else answer

    def formal_routes(self) -> list[Route]:
        return [r for r in self.c.routes if r.kind != "lapse"]

    def lapse_routes(self) -> list[Route]:
        return [r for r in self.c.routes if r.kind == "lapse"]

    def abroad_route(self) -> Route | None:
        """The first formal route that a reliable source says can be done from abroad, if any."""
        return next(
            (r for r in self.formal_routes() if r.from_abroad.value == "yes" and self.backed(r.from_abroad.sources)),
            None,
        )

    def formal_from_abroad(self) -> str:
        if self.abroad_route():
            return "yes"
        values = {r.from_abroad.value for r in self.formal_routes()}
        return (
            "no"
            if values == {"no"} and all(self.backed(r.from_abroad.sources) for r in self.formal_routes())
            else "unknown"
        )

    def in_person_documents(self) -> list[str]:
        seen: list[str] = []
        for r in self.c.routes:
            if r.kind == "in-store":
                seen += [d for d in r.documents if d not in seen]
        return [self.document(d) for d in seen]

    def online_routes(self) -> list[Route]:
        return [r for r in self.c.routes if r.kind == "online"]


# --- rendering -------------------------------------------------------------------------


def _host(url: str) -> str:
    return (urlsplit(url).hostname or url).removeprefix("www.")


def _ident(value: str) -> Markup:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError(f"not an id: {value!r}")
    return Markup(value)


def _yaml_string(value: str) -> Markup:
    return Markup(json.dumps(" ".join(value.split()), ensure_ascii=False))


def environment(root: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md
    env.filters["attr"] = attr
    env.filters["host"] = _host
    env.filters["ident"] = _ident
    env.filters["yaml"] = _yaml_string
    return env


def repository_url() -> str:
    """The GitHub repository (https://github.com/owner/name) for edit and report links, if known."""
    return os.environ.get("BAOHAO_REPOSITORY", "").rstrip("/")


def report_url(repository: str, country: Country) -> Markup:
    """A new issue with the wrong-information form, the country already filled in."""
    fields = {"template": "wrong-information.yml", "country": country.code, "title": f"[data] {country.code}: "}
    query = urlencode(fields)
    return Markup(f"{repository}/issues/new?{query}")


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def render_pages(data: Dataset, root: Path, today: dt.date | None = None) -> list[Page]:
    strings = load_strings(root)
    env = environment(root)
    today = today or build_date()
    countries = sorted(data.countries, key=lambda c: c.code)
    pages: list[Page] = []
    for code in LANGS:
        lang = Lang(code, strings, today)
        views = [CountryView(c, lang, data.vocabulary) for c in countries]
        repository = repository_url()
        by_code = {v.c.code: v for v in views}
        recent = [(change, by_code[country.code]) for change, country in changes_newest_first(countries)]
        recent = recent[:RECENT_CHANGES]
        common = {
            "recent_changes": recent,
            "lang": lang,
            "t": lang.t,
            "L": lang.text,
            "countries": views,
            "repository": repository,
            "report_url": lambda c, repo=repository: report_url(repo, c),
        }
        for view in views:
            pages.append(
                Page(
                    f"countries/{view.c.code}.{code}.md",
                    env.get_template("country.md.j2").render(**common, v=view, c=view.c),
                )
            )
        pages.append(Page(f"compare.{code}.md", env.get_template("compare.md.j2").render(**common)))
        pages.append(Page(f"index.{code}.md", env.get_template("home.md.j2").render(**common)))
    return pages


def write_pages(pages: list[Page], docs: Path) -> list[str]:
    """Write pages whose content changed; delete generated pages that no longer exist. Returns changed paths."""
    changed = []
    wanted = {p.path for p in pages}
    for page in pages:
        target = docs / page.path
        if target.exists() and target.read_text(encoding="utf-8") == page.content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(page.content, encoding="utf-8")
        tmp.replace(target)
        changed.append(page.path)
    for existing in _generated_files(docs):
        if existing not in wanted:
            (docs / existing).unlink()
            changed.append(existing)
    return changed


def _generated_files(docs: Path) -> list[str]:
    found = []
    for pattern in GENERATED:
        if pattern.endswith("/"):
            base = docs / pattern
            if base.exists():
                found += [str(p.relative_to(docs)) for p in base.rglob("*") if p.is_file()]
        else:
            found += [pattern.format(lang=lang) for lang in LANGS if (docs / pattern.format(lang=lang)).exists()]
    return found
