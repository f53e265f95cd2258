"""The data schema as code: the only contract for `data/countries/<code>.yml`.

The JSON Schema in `schema/country.schema.json` is generated from these models
(`make schema`); the build validates with them; CONTRIBUTING describes them.
Field descriptions here are what editors show on hover.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .cldr import CURRENCY_CODES, ISO_COUNTRY_CODES, country_name
from .links import NEVER, covers, host_and_path, is_public_suffix, parse_https_url, replayed_url
from .patterns import (
    CURRENCY,
    DIRECTION_MARKS,
    HAN,
    ID,
    LANGUAGE,
    NEVER_ENTRY,
    ONE_LINE_SCHEMA,
    PLACE_BRAND,
    describe_character,
    not_one_line,
)


def today() -> dt.date:
    return dt.date.today()


# --- scalar types -----------------------------------------------------------


def _https_url_in_context(value: str, info: ValidationInfo) -> str:
    return _https_url(value, info)


def _https_url(value: str, info: ValidationInfo | None = None) -> str:
    """The URL as a browser will read it, or an error. Only a strict subset of what browsers accept
    passes, so the host checked here is the host a reader's browser goes to (no backslashes, which
    browsers read as slashes; no percent-escapes or user names in the host; ASCII only)."""
    url = parse_https_url(value)
    hosts = (info.context or {}).get("hosts") if info else None
    if hosts is not None:
        problem = hosts.problem(url)
        if problem:
            raise ValueError(problem)
    return url


def _past_date(value: dt.date) -> dt.date:
    if value > today():
        raise ValueError(f"is in the future ({value.isoformat()}); use the date it was actually done")
    if value.year < 1990:
        raise ValueError(f"is implausibly old ({value.isoformat()})")
    return value


def _plain_number(value: object) -> object:
    """YAML gives a number as int or float; true, false or quoted text are not amounts."""
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    if isinstance(value, str):
        raise ValueError(f"{value!r} is not a plain number; write it like 100 or 2.5, without quotes")
    return value


def _known_currency(value: str) -> str:
    if value not in CURRENCY_CODES:
        raise ValueError(f"{value!r} is not an ISO 4217 currency code")
    return value


def _no_surrounding_space(value: str) -> str:
    if value != value.strip():
        raise ValueError("has leading or trailing spaces")
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=ID.regex, max_length=64),
    Field(description="Lowercase id: letters, digits and single hyphens, e.g. `ucell-tariffs`."),
]
HttpsUrl = Annotated[
    str,
    StringConstraints(max_length=2000),
    AfterValidator(_https_url_in_context),
    Field(
        description="A full https URL on a host listed in data/hosts.yml.",
        json_schema_extra={"format": "uri", "pattern": "^https://"},
    ),
]
Amount = Annotated[
    Decimal,
    BeforeValidator(_plain_number),
    Field(ge=0, le=10**9, decimal_places=3, description="An amount of money, at most three decimals."),
]
CurrencyCode = Annotated[str, StringConstraints(pattern=CURRENCY.regex), AfterValidator(_known_currency)]
PastDate = Annotated[
    dt.date,
    AfterValidator(_past_date),
    Field(description="A date written YYYY-MM-DD, not in the future."),
]


def _one_line(value: str) -> str:
    """A name, title, heading or label is one line: no line break of any kind, no other control
    character, nothing invisible. Reports print these values, and a line break would split a line."""
    why = not_one_line(value)
    if why:
        raise ValueError(f"{why}; this field is one line: delete it")
    return value


def _plain_name(value: str) -> str:
    _one_line(value)
    _no_surrounding_space(value)
    _no_direction_marks(value)
    return value


def _staff_line(value: str) -> str:
    _one_line(value)
    return _no_surrounding_space(value)


# For editors: the JSON Schema of a one-line field shows the characters it refuses.
ONE_LINE = Field(json_schema_extra={"pattern": ONE_LINE_SCHEMA})


def _no_direction_marks(value: str) -> str:
    found = DIRECTION_MARKS.search(value)
    if found:
        raise ValueError(f"contains the invisible direction mark {describe_character(found.group())}; delete it")
    return value


def _unique(value: list[str]) -> list[str]:
    repeated = sorted({v for v in value if value.count(v) > 1}) if len(set(value)) != len(value) else []
    if repeated:
        raise ValueError(f"lists {', '.join(repeated)} more than once")
    return value


Name = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200),
    AfterValidator(_plain_name),
    ONE_LINE,
]
# Text in a staff card's own language (Urdu may need direction marks there).
StaffLanguage = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE.regex),
    Field(description="A language code from data/staff_card.yml, e.g. `ru`, `ur`, `en`."),
]
StaffText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200),
    AfterValidator(_staff_line),
    ONE_LINE,
]
MAX_REFS = 20
MAX_ALIASES = 20  # other names of one brand
SourceRefs = Annotated[
    list[Id],
    AfterValidator(_unique),
    Field(
        max_length=MAX_REFS,
        description=(
            "Ids of entries in this file's `sources` that support this fact. "
            "Empty means the fact is shown as unverified (未核实)."
        ),
    ),
]
OperatorRefs = Annotated[
    list[Id],
    AfterValidator(_unique),
    Field(max_length=100, description="Ids of the operators this applies to; empty means every operator."),
]

Answer = Annotated[
    Literal["yes", "no", "unknown"],
    Field(description="`yes`, `no`, or `unknown` when no source settles it."),
]


class SourceIndex:
    """A data file with its own `sources` (a country, a service, the recycling facts): finds one by id."""

    if TYPE_CHECKING:
        sources: list[Source]

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


# --- text in two languages ----------------------------------------------------


class Text(Strict):
    """Reader-facing prose, always in both languages."""

    zh: str = Field(min_length=1, max_length=4000, description="Simplified Chinese, full-width punctuation.")
    en: str = Field(min_length=1, max_length=4000, description="English, plain short sentences.")

    @field_validator("zh")
    @classmethod
    def _zh_is_chinese(cls, value: str) -> str:
        _no_surrounding_space(value)
        _no_direction_marks(value)
        if not HAN.search(value):
            raise ValueError("has no Chinese characters: write the Chinese text here (names may stay in Latin script)")
        return value

    @field_validator("en")
    @classmethod
    def _en_is_not_chinese(cls, value: str) -> str:
        _no_surrounding_space(value)
        _no_direction_marks(value)
        if HAN.search(value):
            raise ValueError("contains Chinese characters: write the English text here")
        return value

    def __getitem__(self, lang: str) -> str:
        return str(getattr(self, lang))


class TextLine(Text):
    """A name, title, heading or one-line summary in both languages: each one line, with no line break."""

    zh: str = Field(
        min_length=1,
        max_length=1000,
        description="Simplified Chinese, one line.",
        json_schema_extra={"pattern": ONE_LINE_SCHEMA},
    )
    en: str = Field(
        min_length=1,
        max_length=1000,
        description="English, one line.",
        json_schema_extra={"pattern": ONE_LINE_SCHEMA},
    )

    @field_validator("zh", "en")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return _one_line(value)


Advice = Annotated[
    bool,
    Field(
        description=(
            "true for the guide's own advice (for example 'ask for written confirmation'), "
            "which states no fact about the operator and so needs no source; shown without an unverified mark."
        )
    ),
]


class Note(Strict):
    """A sentence of prose with the sources that support it."""

    text: Text
    sources: SourceRefs = []
    advice: Advice = False


# --- sources ------------------------------------------------------------------

Tier = Literal["official", "press", "community", "weak"]
TIERS: tuple[Tier, ...] = ("official", "press", "community", "weak")  # most trusted first

SourceKind = Annotated[
    Tier,
    Field(
        description=(
            "How far the page can be trusted, by who wrote it. "
            "`official`: the operator's or the service's own page, a regulator's, a government's or a law; "
            "`press`: edited news, or a report by a consumer body or a standards body; "
            "`community`: forum posts, Q&A and community answers (also on an operator's own forum, unless "
            "written by its staff), personal blogs, readers' own reports; "
            "`weak`: SEO, affiliate and comparison sites, copies of other pages, proxies. "
            "Only `official` and `press` make a fact certain; a fact resting on `community` or `weak` sources "
            "shows as unverified. The host's list in data/hosts.yml bounds the kind a source on it can have."
        )
    ),
]


class Source(Strict):
    id: Id
    url: HttpsUrl
    title: Name = Field(description="The page's own title, in its own language.")
    lang: str = Field(
        pattern=LANGUAGE.regex,
        description="Language of the page, as an ISO 639 code: en, ru, uz, kk, az, ur, zh.",
    )
    publisher: Name = Field(description="Who published the page, e.g. `Ucell` or `RBC`.")
    kind: SourceKind
    published: PastDate | None = Field(
        default=None, description="When the page was published, if it says so (old pages go stale)."
    )
    checked: PastDate = Field(description="The date someone last read the page and confirmed the fact.")
    unreadable_since: PastDate | None = Field(
        default=None,
        description=(
            "The date the page was first found moved, gone or unreadable (leave `checked` as it was): "
            "the page still shows the fact with the source as it was read, and `make stale` lists it."
        ),
    )

    @field_validator("unreadable_since")
    @classmethod
    def _unreadable_after_checked(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        checked = info.data.get("checked")
        if value is not None and isinstance(checked, dt.date) and value < checked:
            raise ValueError(
                f"is before `checked` ({checked.isoformat()}): someone read the page then, "
                "so it became unreadable later; keep `checked` and set the date it failed"
            )
        return value


# --- operators ------------------------------------------------------------------

ContactKind = Literal[
    "short-number",
    "phone",
    "email",
    "app",
    "whatsapp",
    "website",
    "ussd",
    "post",
    "fax",
]

_CONTACT_VALUE = {
    "short-number": (re.compile(r"^\*?[0-9]{2,6}#?$"), "a short number such as 8123 or *1111"),
    "phone": (re.compile(r"^\+[1-9][0-9 ]{6,18}[0-9]$"), "an international number such as +7 495 766 01 66"),
    "whatsapp": (re.compile(r"^\+[1-9][0-9 ]{6,18}[0-9]$"), "an international number such as +92 300 3008000"),
    "fax": (re.compile(r"^\+[1-9][0-9 ]{6,18}[0-9]$"), "an international number such as +7 727 258 89 14"),
    "email": (re.compile(r"^[A-Za-z0-9._+-]+@([a-z0-9-]+\.)+[a-z]{2,}$"), "an email address in plain letters"),
    "ussd": (re.compile(r"^\*[0-9*]+#$"), "a USSD code such as *919#"),
    "app": (re.compile(r"^\S.{0,60}$"), "the app's name"),
    "website": (re.compile(r"^https://\S+$"), "an https URL"),
    "post": (re.compile(r"^\S.{4,200}$"), "a postal address"),
}


class Contact(Strict):
    kind: ContactKind = Field(description="What sort of contact this is; decides how `value` is checked and shown.")
    value: Name = Field(description="The number, address, app name or URL, written once for both languages.")
    url: HttpsUrl | None = Field(default=None, description="Optional link (app page, web form).")
    from_abroad: Answer = Field(
        default="unknown", description="Can a reader outside the country reach it? `unknown` unless a source says."
    )
    note: Text | None = None
    sources: SourceRefs = []

    @model_validator(mode="after")
    def _value_matches_kind(self, info: ValidationInfo) -> Contact:
        pattern, expected = _CONTACT_VALUE[self.kind]
        if not pattern.match(self.value):
            raise ValueError(f"value {self.value!r} is not {expected} (kind: {self.kind})")
        if self.kind == "website":
            _https_url(self.value, info)
        return self


RiskKind = Annotated[
    Literal["roaming-cutoff", "price-rise", "closure", "network-switch-off", "registration"],
    Field(
        description=(
            "`roaming-cutoff`: the operator suspends or ends numbers used abroad for long (fair-use clauses "
            "included); `price-rise`: the cheapest way to keep the number costs more; `closure`: the brand "
            "closes or is folded into another; `network-switch-off`: a network (3G) is switched off; "
            "`registration`: a new identity or registration rule that can cut numbers off."
        )
    ),
]
RiskStatus = Annotated[
    Literal["clause", "reported", "announced", "enforced"],
    Field(
        description=(
            "`clause`: the terms allow it, nothing more is known; `reported`: holders report it happening "
            "(community sources); `announced`: the operator or a regulator announced it; `enforced`: an "
            "official or press source says it is being done."
        )
    ),
]


class Risk(Strict):
    """A dated risk to a kept number: a roaming cut-off, a price rise, a closure, a network switch-off, a
    new registration rule. Reported, announced or enforced risks of the last 24 months are shown first, at
    the top of the page and of the brand's section, and enter the feeds."""

    kind: RiskKind
    status: RiskStatus
    date: PastDate = Field(
        description="When it happened, took effect or was seen: the date of the first dated report, or of the clause."
    )
    precision: Literal["day", "month"] = Field(
        default="day",
        description="`month` when the source gives only the month (write the 1st as the day): "
        "the page says `June 2026`.",
    )
    headline: TextLine = Field(
        description="One short sentence: what happened and what to do; for a recent risk, shown at the top of the page "
        "and as the feed entry's title."
    )
    text: Text = Field(
        description="What it means for a holder, in a few sentences; write `readers report ...` when only "
        "community sources say it."
    )
    sources: SourceRefs = []


KeepAction = Annotated[
    Literal["outgoing-sms", "outgoing-call", "data-session", "top-up", "plan-purchase", "chargeable-use"],
    Field(
        description=(
            "What the holder does: send an SMS, make a call, open a data session, top up (at least `price`), "
            "buy a plan or pack, or any chargeable use."
        )
    ),
]


class Price(Strict):
    """A price as seen on a given day."""

    amount: Amount
    currency: CurrencyCode
    seen: PastDate = Field(description="The date the price was seen on its source (prices move fast).")
    note: Text | None = None
    sources: SourceRefs = []


class KeepOption(Strict):
    """One way to keep the number alive: an action, how often, and what it costs."""

    action: KeepAction
    every: Period | None = Field(
        default=None,
        description="The longest gap allowed between two actions; leave out to use the qualifying period of the "
        "brand's lapse timeline (`rules.lapse[].qualifying.every`), whose sources then back it.",
    )
    price: Price | None = Field(default=None, description="The cheapest price of one action; leave out when unknown.")
    note: Text | None = None
    sources: SourceRefs = Field(default=[], description="Sources for `every` and for the action counting as use.")


class FromChina(Strict):
    """What counts as use, and what it costs, while the SIM is in mainland China."""

    receiving_counts: Verdict | None = Field(default=None, description="Does receiving a call or SMS count as use?")
    sms_to_china_counts: Verdict | None = Field(
        default=None, description="Does an SMS to a +86 number count (and can it be blocked or flagged)?"
    )
    wifi_calling_counts: Verdict | None = Field(
        default=None, description="Does a call or SMS over Wi-Fi Calling count?"
    )
    data_roaming_counts: Verdict | None = Field(default=None, description="Does a data session while roaming count?")
    roaming_on_by_default: Verdict | None = Field(default=None, description="Is roaming on without asking for it?")
    receiving_sms_free: Verdict | None = Field(default=None, description="Is receiving an SMS in China free?")
    sms_price: Price | None = Field(default=None, description="One SMS sent while roaming in China.")
    minute_price: Price | None = Field(default=None, description="One minute of a call made while roaming in China.")


class Esim(Strict):
    offered: Verdict = Field(description="Does the brand offer an eSIM?")
    from_abroad: Verdict | None = Field(
        default=None, description="Can an eSIM be obtained, or moved to a new phone, from abroad?"
    )
    price: Price | None = Field(default=None, description="What an eSIM or an eSIM swap costs.")


class Keeping(Strict):
    """Keeping the number rather than letting it go: the ways, what counts from China, eSIM."""

    options: list[KeepOption] = Field(default=[], description="Ways to keep the number, cheapest first if known.")
    from_china: FromChina | None = None
    esim: Esim | None = None


class Operator(Strict):
    id: Id
    brand: Name = Field(description="The name on the SIM card and in the shops, e.g. `Ucell`.")
    company: Name | None = Field(default=None, description="The legal company, e.g. `Coscom LLC`.")
    aliases: list[Name] = Field(
        default=[],
        max_length=MAX_ALIASES,
        description="Other names readers type for this brand, each a name the brand or its company really goes "
        "by (in this file or its sources, or in readers' posts): other scripts and languages (`和记`, `和記`), "
        "short forms (`CMHK`), former names (`Tele2`). Shown under the brand's name and found by the site search.",
    )
    website: HttpsUrl | None = Field(
        default=None, description="The operator's own site; leave out when no source gives it (shown as unverified)."
    )
    status: list[Note] = Field(
        default=[], description="Rebrands, mergers, sales, shutdowns: what a reader should know about the operator."
    )
    keeping: Keeping | None = Field(
        default=None, description="What keeping the number takes and costs: the ways, from China, eSIM."
    )
    risks: list[Risk] = Field(
        default=[],
        description="Dated risks to a kept number (roaming cut-offs, price rises, closures, switch-offs, new rules).",
    )
    contacts: list[Contact] = []
    sources: SourceRefs = Field(default=[], description="Sources for the operator's existence, owner and website.")

    @field_validator("aliases")
    @classmethod
    def _other_names(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Each alias once (case aside: search ignores case) and none the brand itself."""
        seen: dict[str, str] = {}
        for alias in value:
            if alias.casefold() in seen:
                raise ValueError(f"lists {alias!r} more than once (as {seen[alias.casefold()]!r}); keep one")
            seen[alias.casefold()] = alias
        brand = info.data.get("brand")
        if isinstance(brand, str) and brand.casefold() in seen:
            raise ValueError(f"{seen[brand.casefold()]!r} is the brand itself; list only other names")
        return value


# --- ways to cancel -------------------------------------------------------------

RouteKind = Annotated[
    Literal["in-store", "online", "remote", "lapse"],
    Field(
        description=(
            "`in-store`: at the operator's office; `online`: app or personal account; "
            "`remote`: written application by email or post, or a representative with a power of attorney; "
            "`lapse`: stop topping up and let the operator end the contract."
        )
    ),
]

TimeUnit = Literal["minutes", "hours", "days", "months"]

# The longest period a rule can state, per unit. No lapse, waiting or processing rule found runs
# longer than about 10 years (the longest in the data: 360 days, 9 months), so a longer figure is a
# typo or the wrong unit. A source that counts in hours or minutes states a short time: up to a year
# in hours, a week in minutes (a longer one is written in days). With the planner's last start date
# (baohao.planner.LAST_DATE) and MAX_TIMELINE_YEARS below, no date the planner gives passes 2121.
MAX_PERIOD: dict[str, int] = {"minutes": 7 * 1440, "hours": 366 * 24, "days": 3660, "months": 120}
_PERIOD_BOUNDS = "at most 120 months or 3660 days (10 years), 8784 hours (a year) or 10080 minutes (a week)"


class Period(Strict):
    """A duration as numbers: `min` and/or `max` in `unit`. Both equal for an exact value."""

    min: int | None = Field(
        default=None,
        ge=0,
        strict=True,
        json_schema_extra={"maximum": max(MAX_PERIOD.values())},  # per unit: checked below
        description=f"The shortest it can be; leave out if only a maximum is known. {_PERIOD_BOUNDS}.",
    )
    max: int | None = Field(
        default=None,
        ge=0,
        strict=True,
        json_schema_extra={"maximum": max(MAX_PERIOD.values())},  # per unit: checked below
        description=f"The longest it can be; leave out if only a minimum is known. {_PERIOD_BOUNDS}.",
    )
    unit: TimeUnit = Field(
        default="days",
        description="minutes, hours, days or months; months are calendar months (31 January + 1 month = the "
        "last day of February), so write a period in the unit its source uses.",
    )

    @model_validator(mode="after")
    def _has_bound(self) -> Period:
        if self.min is None and self.max is None:
            raise ValueError("needs `min`, `max` or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        most = MAX_PERIOD[self.unit]
        for name, value in (("min", self.min), ("max", self.max)):
            if value is not None and value > most:
                raise ValueError(
                    f"{name} ({value}) is more than {most} {self.unit}: no lapse, waiting or processing rule is "
                    f"that long ({_PERIOD_BOUNDS}); check the number and the unit"
                )
        return self

    def longest_days(self) -> float:
        """An upper bound of the period in days (a month counted as 31 days; hours and minutes as a
        part of a day, plus the day they may run into)."""
        most = self.max if self.max is not None else self.min or 0
        if self.unit == "months":
            return most * 31
        if self.unit == "days":
            return most
        return most * DAYS_PER_UNIT[self.unit] + 1


class Verdict(Strict):
    value: Answer
    note: Text | None = None
    sources: SourceRefs = []


class Timing(Strict):
    period: Period | None = Field(default=None, description="Leave out when no source gives a figure.")
    note: Text | None = None
    sources: SourceRefs = []


class Fee(Strict):
    amount: Amount | None = Field(default=None, description="Leave out when the amount is unknown; 0 = free.")
    max_amount: Amount | None = Field(default=None, description="For 'up to' fees: the most it can cost.")
    currency: CurrencyCode = Field(description="ISO 4217 code, e.g. UZS.")
    note: Text
    sources: SourceRefs = []


class Step(Strict):
    text: Text
    sources: SourceRefs = []
    advice: Advice = False


class Message(Strict):
    """A ready-to-send message for a route that is a message (web chat, email, letter), in the language
    the operator's staff read, with what it says for the reader."""

    language: StaffLanguage = Field(description="The message's language, e.g. `en`, `ru`.")
    subject: StaffText | None = Field(default=None, description="For an email: the subject line.")
    body: str = Field(
        min_length=1,
        max_length=2000,
        description="The message; ____ marks what the reader fills in (number, name). Line breaks are kept.",
    )
    meaning: Text = Field(description="What the message says: in full in Chinese; in English, in one line.")
    native_review: bool = Field(
        default=False,
        description="true only once a native speaker of the message's language has read it; while false, "
        "the page says so.",
    )

    @field_validator("body")
    @classmethod
    def _plain_body(cls, value: str) -> str:
        _no_surrounding_space(value)
        return value


class Route(Strict):
    id: Id
    kind: RouteKind
    operators: OperatorRefs = []
    title: TextLine
    summary: Text | None = None
    from_abroad: Verdict = Field(description="Can a reader who is not in the country use this route?")
    documents: list[Id] = Field(default=[], description="Ids from `data/documents.yml`: what to bring or send.")
    steps: list[Step] = Field(min_length=1)
    time: Timing | None = Field(default=None, description="How long it takes; leave out if unknown.")
    fees: list[Fee] = []
    caveats: list[Note] = []
    message: Message | None = Field(default=None, description="For a chat, email or letter: the message to send.")
    sources: SourceRefs = []


# --- country rules ----------------------------------------------------------------


LapseEvent = Annotated[
    Literal[
        "last-activity",
        "last-top-up",
        "validity-end",
        "plan-end",
        "missed-payment",
        "zero-balance",
        "activation",
        "unknown",
    ],
    Field(
        description=(
            "What the operator's rule counts from: `last-activity` (the last call, SMS, data use or other "
            "qualifying use), `last-top-up`, `validity-end` (a prepaid card's validity period ran out), "
            "`plan-end` (the plan or bundle expired and was not renewed), "
            "`missed-payment` (a bill or renewal payment was missed or declined), "
            "`zero-balance`, `activation`, or `unknown` when no source says."
        )
    ),
]
StageState = Annotated[
    Literal[
        "warned",
        "outgoing-blocked",
        "receive-only",
        "suspended",
        "credit-removed",
        "disconnected",
        "reinstatable-until",
        "reassigned",
    ],
    Field(
        description=(
            "What changes for the holder: `warned` (the operator sends a warning); `outgoing-blocked` (nothing "
            "can be sent or called; the source does not say whether calls and SMS still arrive); `receive-only` "
            "(calls and SMS can still be received, nothing sent); `suspended` (nothing works); "
            "`credit-removed`; `disconnected` (the contract ends and the number stops working); "
            "`reinstatable-until` (the last moment the number can be got back); `reassigned` (from here the "
            "number may be given to someone else)."
        )
    ),
]
DAYS_PER_UNIT = {"minutes": 1 / 1440, "hours": 1 / 24, "days": 1, "months": 30}
# How far after the event a stage may come, adding up the stages it counts from (`relative_to`):
# twice the longest period.
MAX_TIMELINE_YEARS = 20


class Stage(Strict):
    """One step of a lapse timeline: when it happens, counted from the timeline's event (or from an
    earlier stage), and what changes."""

    state: StageState
    after: Period | None = Field(
        default=None, description="How long after the event (or `relative_to`); leave out when no source says."
    )
    relative_to: StageState | None = Field(
        default=None,
        description="Count `after` from this earlier stage instead of the event (e.g. `disconnected`).",
    )
    note: Text | None = None
    sources: SourceRefs = []


class Qualifying(Strict):
    """What keeps the number alive, as the operator's rule says."""

    counts: Text = Field(description="What counts, e.g. a call, SMS or MMS to another number, data, or a top-up.")
    not_counted: Text | None = Field(default=None, description="What does not count, e.g. emergency calls.")
    every: Period | None = Field(default=None, description="How often at least, e.g. {min: 6, max: 6, unit: months}.")
    sources: SourceRefs = []


class LapseTimeline(Strict):
    """What happens to an unused number, step by step, for one operator or brand (or all of them)."""

    operators: OperatorRefs = []
    counts_from: LapseEvent
    counts_from_note: Text | None = Field(default=None, description="The event in the source's own words.")
    stages: list[Stage] = Field(
        default=[], description="In order of time. A state no source gives a time for has no `after`."
    )
    qualifying: Qualifying | None = None
    keep: list[Note] = Field(default=[], description="The cheapest way to keep the number, where a source says.")
    note: Text | None = None
    sources: SourceRefs = Field(default=[], description="Sources for the event the timeline counts from.")

    @model_validator(mode="after")
    def _stages_in_order(self) -> LapseTimeline:
        seen: dict[str, float] = {}  # state -> earliest day
        latest = 0.0
        furthest: dict[str, float] = {}  # state -> an upper bound of its latest day
        for i, stage in enumerate(self.stages):
            if stage.after is not None:
                base = furthest.get(stage.relative_to, 0.0) if stage.relative_to else 0.0
                reach = base + stage.after.longest_days()
                if reach > MAX_TIMELINE_YEARS * 366:
                    raise ValueError(
                        f"stages[{i}] ({stage.state}) comes more than {MAX_TIMELINE_YEARS} years after the event "
                        "the timeline counts from (adding up the stages it counts from, a month as 31 days); "
                        "no lapse rule is that long: check the numbers and units"
                    )
                furthest.setdefault(stage.state, reach)
            if stage.relative_to is not None and stage.relative_to not in {s.state for s in self.stages[:i]}:
                raise ValueError(f"stages[{i}]: relative_to {stage.relative_to!r} names no earlier stage")
            start = seen.get(stage.relative_to, math.nan) if stage.relative_to else 0.0
            if stage.after is None or math.isnan(start):
                continue
            earliest = start + (stage.after.min if stage.after.min is not None else 0) * DAYS_PER_UNIT[stage.after.unit]
            if earliest < latest:
                raise ValueError(f"stages[{i}] ({stage.state}) comes before an earlier stage; list the stages in order")
            latest = earliest
            seen.setdefault(stage.state, earliest)
        return self


class RefundRule(Strict):
    operators: OperatorRefs = []
    value: Literal["yes", "no", "partial", "unknown"] = Field(
        description="`yes`: the balance is paid back; `partial`: only some of it (e.g. not bonuses); `no`; `unknown`."
    )
    note: Text
    sources: SourceRefs = []


RegistrationKind = Literal["biometrics", "imei", "limit", "identity", "other"]


class RegistrationRule(Strict):
    kind: RegistrationKind = Field(
        description="`biometrics`; `imei` (phone registration); `limit` (numbers per person); "
        "`identity` (documents needed); `other`."
    )
    text: Text
    sources: SourceRefs = []


class Rules(Strict):
    lapse: list[LapseTimeline] = Field(
        default=[], description="What happens to an unused number, per operator (empty `operators`: every operator)."
    )
    balance_refund: list[RefundRule] = []
    registration: list[RegistrationRule] = []


class Checklists(Strict):
    before: list[Note] = Field(
        default=[], description="Country items added after the shared list in data/checklists.yml."
    )
    after: list[Note] = []


class Faq(Strict):
    id: Id
    q: TextLine
    a: Text
    sources: SourceRefs = []


class Change(Strict):
    """One change that matters to readers: a route opened or closed, a fee or period changed, a rename."""

    date: PastDate
    summary: TextLine = Field(description="One line in each language, e.g. 'Ucell: lapse period is now 60-150 days'.")


class StaffCard(Strict):
    """The printable card to show the operator's staff, in the languages they read."""

    languages: list[StaffLanguage] = Field(
        min_length=1, description="Languages of the card, ids from data/staff_card.yml; the first is the main one."
    )


class Country(SourceIndex, Strict):
    """One country's guide: `data/countries/<code>.yml`."""

    code: str = Field(description="ISO 3166-1 alpha-2 code, lowercase; the file is named after it.")
    name: TextLine | None = Field(
        default=None, description="Only when the guide needs a name other than CLDR's standard one."
    )
    region: Id = Field(
        description="The group readers look for the place under: an id from data/regions.yml, e.g. `europe`."
    )
    currency: CurrencyCode = Field(description="ISO 4217 code of the local currency.")
    reviewed: PastDate = Field(description="When the whole file was last reviewed against its sources.")
    summary: Text = Field(description="Two or three sentences: the situation in this country.")
    operators: list[Operator] = Field(min_length=1)
    routes: list[Route] = Field(min_length=1)
    rules: Rules
    checklists: Checklists = Checklists()
    faq: list[Faq] = []
    staff_card: StaffCard = Field(description="Which languages the card for the operator's staff is shown in.")
    changes: list[Change] = Field(
        min_length=1,
        description="Changes that matter to readers, newest first; feeds and the home page are built from them.",
    )
    sources: list[Source] = Field(min_length=1)

    @field_validator("changes")
    @classmethod
    def _newest_first(cls, value: list[Change]) -> list[Change]:
        dates = [c.date for c in value]
        if dates != sorted(dates, reverse=True):
            raise ValueError("list the newest change first")
        return value

    @field_validator("name")
    @classmethod
    def _plain_title(cls, value: TextLine | None) -> TextLine | None:
        """The name is the page's title and a navigation label, which the theme prints as HTML."""
        for lang in ("zh", "en"):
            if value is not None and any(ch in value[lang] for ch in '<>&"'):
                raise ValueError(f"{lang}: a country's name must not contain < > & or \"")
        return value

    @field_validator("code")
    @classmethod
    def _iso_code(cls, value: str) -> str:
        if value != value.lower() or value.upper() not in ISO_COUNTRY_CODES:
            raise ValueError(f"{value!r} is not a lowercase ISO 3166-1 alpha-2 country code")
        return value

    def display_name(self, lang: str) -> str:
        """The name the guide uses: the file's `name` if it sets one, else CLDR's."""
        return self.name[lang] if self.name else country_name(self.code, lang)

    @cached_property
    def _operators_by_id(self) -> dict[str, Operator]:
        return {o.id: o for o in self.operators}

    def operator(self, operator_id: str) -> Operator:
        return self._operators_by_id[operator_id]


# --- shared vocabularies (data/*.yml) ------------------------------------------------


class Document(Strict):
    id: Id
    name: TextLine
    staff: dict[StaffLanguage, StaffText] = Field(
        default={}, description="The document's name in each staff-card language (see data/staff_card.yml)."
    )


class ChecklistItem(Strict):
    id: Id
    text: Text


class SharedChecklists(Strict):
    """`data/checklists.yml`: items shown on every country page, before the country's own."""

    before: list[ChecklistItem] = Field(min_length=1)
    after: list[ChecklistItem] = Field(min_length=1)


class DocumentList(Strict):
    """`data/documents.yml`: the documents a route can ask for, named once in both languages."""

    documents: list[Document] = Field(min_length=1)


class Region(Strict):
    """A group of places as a reader in mainland China looks for them (港澳台, 欧洲, 北美 ...)."""

    id: Id = Field(description="What a place's file writes in `region:`, e.g. `europe`.")
    name: TextLine = Field(description="The group's heading on the home page, and in the navigation.")

    @field_validator("name")
    @classmethod
    def _plain_heading(cls, value: TextLine) -> TextLine:
        """The name is a navigation label and a heading, which the theme prints as HTML."""
        for lang in ("zh", "en"):
            if any(ch in value[lang] for ch in '<>&"'):
                raise ValueError(f"{lang}: a region's name must not contain < > & or \"")
        return value


class RegionList(Strict):
    """`data/regions.yml`: the groups places are filed under, in the order every list of places follows."""

    regions: list[Region] = Field(
        min_length=1,
        description="In the order of the home page, the navigation and the comparison.",
    )

    @field_validator("regions")
    @classmethod
    def _names_unique(cls, value: list[Region]) -> list[Region]:
        """Two groups with one name would be one heading to a reader (and one section in the navigation)."""
        for lang in ("zh", "en"):
            names = [r.name[lang] for r in value]
            repeated = sorted({n for n in names if names.count(n) > 1})
            if repeated:
                raise ValueError(f"two regions are named {repeated[0]!r} in {lang}: give each its own name")
        return value

    def ids(self) -> list[str]:
        return [r.id for r in self.regions]


PlaceBrand = Annotated[
    str,
    StringConstraints(pattern=PLACE_BRAND.regex, max_length=70),
    Field(description="A place's code and one of its operators' ids: `gb/giffgaff`."),
]


class KeptMost(Strict):
    """`data/kept_most.yml`: the numbers readers keep most, most kept first; the home page lists them,
    and within a region the places they belong to come first."""

    counted: PastDate = Field(
        description="The month the list was counted (write the 1st as the day); the home page shows the month."
    )
    brands: Annotated[list[PlaceBrand], AfterValidator(_unique)] = Field(
        max_length=12,
        description="`place/operator` entries, most kept first, e.g. `gb/giffgaff`; empty hides the home page's list.",
    )

    def ranked(self) -> list[tuple[str, str]]:
        """The entries as (place code, operator id), most kept first."""
        return [(entry.split("/")[0], entry.split("/")[1]) for entry in self.brands]


def _not_a_public_suffix(host: str) -> str:
    if is_public_suffix(host):
        raise ValueError(
            f"{host} is a public suffix: anyone can have a site under it; list the exact host instead "
            f"(for example owner.{host})"
        )
    return host


def _entry_not_a_public_suffix(entry: str) -> str:
    _not_a_public_suffix(entry.partition("/")[0])
    return entry


AllowedHost = Annotated[
    str,
    StringConstraints(pattern=NEVER_ENTRY.regex, max_length=253),
    AfterValidator(_entry_not_a_public_suffix),
    Field(
        description=(
            "A host (`ucell.uz`, also covering its subdomains), or a host and a path "
            "(`github.com/marshalx/telegram-crawler`) where only that one use is meant: that path and below."
        )
    ),
]
NeverEntry = Annotated[
    str,
    StringConstraints(pattern=NEVER_ENTRY.regex, max_length=253),
    Field(description="A host, or a host and a path (`whatsapp.com/channel`) for that path and below."),
]

# Each list of data/hosts.yml and the most trusted kind a source on its hosts can have.
HOST_CATEGORY_TIER: dict[str, Tier] = {
    "operators": "official",
    "services": "official",
    "government": "official",
    "press": "press",
    "community": "community",
    "weak": "weak",
}


class HostList(Strict):
    """`data/hosts.yml`: the hosts links in data may point to (each also covers its subdomains), by
    category; the category bounds the kind of a source on that host."""

    operators: list[AllowedHost] = Field(min_length=1, description="Operators' own sites (sources: any kind).")
    services: list[AllowedHost] = Field(
        default=[],
        description="Online services' own help pages (data/services/), e.g. support.apple.com (sources: any kind).",
    )
    government: list[AllowedHost] = Field(
        default=[], description="Regulators, governments and official gazettes (sources: any kind)."
    )
    press: list[AllowedHost] = Field(
        default=[],
        description="Edited news and magazines, consumer bodies, standards bodies (sources: up to press).",
    )
    community: list[AllowedHost] = Field(
        default=[],
        description=(
            "Forums, Q&A and community sites, personal blogs and notes, code hosts' user pages "
            "(sources: community or weak, shown as unverified)."
        ),
    )
    weak: list[AllowedHost] = Field(
        default=[],
        description="SEO, affiliate and comparison sites, copies of other pages (sources: weak only).",
    )
    archives: list[AllowedHost] = Field(
        default=[],
        description=(
            "Web archives (web.archive.org): a link must be a snapshot address (/web/<time>/<address>), and "
            "the archived address is judged by this file's rules; a source there is bounded by the archived host."
        ),
    )
    sellers: list[NeverEntry] = Field(
        default=[],
        description=(
            "Sellers' and dealers' sites (SIM shops, activation services, paid cancellation services): never "
            "linked and never a source, and never listed in another list."
        ),
    )
    pages: list[AllowedHost] = Field(
        default=[],
        description=(
            "Hosts only the hand-written pages (docs/, templates/prose/) may link to, such as the licence's; "
            "never a source, never linked from data."
        ),
    )
    never: list[NeverEntry] = Field(
        default=[],
        description=(
            "Never accepted, even if listed above, in addition to the shorteners, messaging channels "
            "and file hosts the build always refuses (scripts/baohao/links.py)."
        ),
    )

    def _allowed(self) -> tuple[str, ...]:
        return tuple(e for category in HOST_CATEGORY_TIER for e in getattr(self, category))

    def problem(self, url: str, *, for_pages: bool = False) -> str | None:
        """Why a link to this (already parsed) URL may not appear in the guide, or None; `for_pages`
        for a link in a hand-written page, which may also go to the hosts listed under `pages`."""
        host, _ = host_and_path(url)
        if covers((*NEVER, *self.never), url):
            return (
                f"host not allowed: {host} (link shorteners, messaging channels, file hosts and image hosts "
                "are never accepted)"
            )
        if covers(self.sellers, url):
            return f"host not allowed: {host} is a seller's or dealer's site (data/hosts.yml, sellers); never link one"
        if covers(self.archives, url):
            replayed = replayed_url(url)
            if replayed is None:
                return f"must be a snapshot address on {host}, such as https://{host}/web/20180918010221/https://..."
            if covers(self.archives, replayed):
                return "is an archived copy of an archive; link the snapshot itself"
            inner = self.problem(replayed, for_pages=for_pages)
            return f"archived page: {inner}" if inner else None
        allowed = (*self._allowed(), *self.pages) if for_pages else self._allowed()
        if not covers(allowed, url, paths_on_exact_host=True):
            return (
                f"host not allowed: {host} is not in data/hosts.yml"
                " (add it there if it is an operator, an online service, a regulator or an accepted source)"
            )
        return None

    def judged(self, url: str) -> str:
        """The URL whose host decides: the archived address of a snapshot, else the URL itself."""
        return (replayed_url(url) or url) if covers(self.archives, url) else url

    def category(self, url: str) -> str | None:
        """The list of data/hosts.yml that allows this (already parsed) URL, judged by the archived
        address for a snapshot; the most specific entry wins (`github.com/owner/repo` over `github.com`)."""
        url = self.judged(url)
        if covers(self.archives, url):
            return None  # not a snapshot, or an archive of an archive: `problem` says so
        best: tuple[int, str] | None = None
        for category in HOST_CATEGORY_TIER:
            for entry in getattr(self, category):
                if covers((entry,), url, paths_on_exact_host=True) and (best is None or len(entry) > best[0]):
                    best = (len(entry), category)
        return best[1] if best else None

    def tier_bound(self, url: str) -> Tier | None:
        """The most trusted kind a source at this URL can have, or None when the URL is not allowed."""
        category = self.category(url)
        return HOST_CATEGORY_TIER[category] if category else None


class StaffCardLanguage(Strict):
    id: StaffLanguage
    name: TextLine = Field(description="The language's name, e.g. {zh: 俄语, en: Russian}.")
    dir: Literal["ltr", "rtl"] = "ltr"
    native_review: bool = Field(
        description="true only once a native speaker has reviewed every sentence in this language; "
        "while false, the card says the translation is unreviewed."
    )


class StaffSentence(Strict):
    id: Literal["greeting", "terminate", "refund", "confirmation", "documents"]
    text: dict[StaffLanguage, StaffText] = Field(
        description="The sentence in each staff language; ____ marks the number."
    )
    meaning: Text = Field(description="What the sentence says, for the reader.")


class StaffCardTemplate(Strict):
    """`data/staff_card.yml`: the sentences of the card shown to operator staff, in their languages."""

    languages: list[StaffCardLanguage] = Field(min_length=1)
    sentences: list[StaffSentence] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_sentence_in_every_language(self) -> StaffCardTemplate:
        ids = [lang.id for lang in self.languages]
        for sentence in self.sentences:
            missing = [i for i in ids if i not in sentence.text]
            if missing:
                raise ValueError(f"sentence {sentence.id!r} has no text in: {', '.join(missing)}")
        return self


class Vocabulary(Strict):
    """Shared vocabularies, read from `data/documents.yml`, `data/checklists.yml`, `data/hosts.yml`,
    `data/staff_card.yml` and `data/regions.yml`."""

    documents: list[Document]
    checklists: SharedChecklists
    hosts: HostList
    staff_card: StaffCardTemplate
    regions: RegionList


RateAmount = Annotated[
    Decimal,
    BeforeValidator(_plain_number),
    Field(gt=0, le=10**7, decimal_places=6, description="A positive number, at most six decimals."),
]


class ReferenceRate(Strict):
    """One rate as its source quotes it: `units` of the currency are worth `cny` yuan (100 US dollars =
    698.58 yuan; or, for a currency quoted the other way round, 115.02 patacas = 100 yuan)."""

    currency: CurrencyCode
    units: RateAmount = Field(description="How many units of the currency the source quotes.")
    cny: RateAmount = Field(description="What they are worth in yuan, as the source gives it.")
    sources: SourceRefs = Field(min_length=1)


class ReferenceRates(SourceIndex, Strict):
    """`data/rates.yml`: one dated set of reference exchange rates, for the approximate yearly keep cost
    in yuan. The page names the date; the amounts are approximate."""

    date: PastDate = Field(description="The day the rates are for.")
    rates: list[ReferenceRate] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_rate_per_currency(self) -> ReferenceRates:
        seen = [r.currency for r in self.rates]
        twice = sorted({c for c in seen if seen.count(c) > 1})
        if twice:
            raise ValueError(f"currency listed twice: {', '.join(twice)}")
        return self

    def table(self) -> dict[str, Decimal]:
        """Yuan for one unit of each currency."""
        return {r.currency: r.cny / r.units for r in self.rates}


def changes_newest_first(countries: list[Country]) -> list[tuple[Change, Country]]:
    """Every change of every country, newest first, then by country code (for feeds and the home page)."""
    entries = [(change, country) for country in countries for change in country.changes]
    return sorted(entries, key=lambda e: (-e[0].date.toordinal(), e[1].code))
