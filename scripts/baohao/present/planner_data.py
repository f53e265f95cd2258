"""What the lapse planner on a country page computes from: every timeline as plain numbers, the
planner's constants and the words it shows, in one language, as a JSON block in the page.

The browser (docs/assets/javascripts/lapse-planner.js) repeats baohao.planner's arithmetic on this
data; the constants come from baohao.planner so that the two cannot drift apart.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import certainty, planner
from ..interface import SCRIPT_STRINGS, literal_values
from ..models import LapseEvent, LapseTimeline, Operator, Period, StageState
from .formatter import Formatter

if TYPE_CHECKING:
    from .views import CountryView


def _period(p: Period | None) -> dict[str, Any] | None:
    return None if p is None else {"min": p.min, "max": p.max, "unit": p.unit}


def _refs(view: CountryView, source_ids: Sequence[str]) -> list[dict[str, Any]]:
    sources = [view.c.source(s) for s in source_ids]
    return [{"id": s.id, "n": view.numbers[s.id], "title": s.title, "url": s.url} for s in sources]


def _timeline(view: CountryView, timeline: LapseTimeline) -> dict[str, Any]:
    c, text = view.c, view.lang.text
    qualifying = timeline.qualifying
    return {
        "anchor": str(view.timeline_anchor(timeline)),
        "counts_from": timeline.counts_from,
        "stages": [
            {
                "state": s.state,
                "after": _period(s.after),
                "relative_to": s.relative_to,
                "backed": certainty.backed(c, s.sources),
                "note": text(s.note) if s.note else None,
                "sources": _refs(view, s.sources),
            }
            for s in timeline.stages
        ],
        "keep_options": [
            {**(_period(p) or {}), "backed": certainty.backed(c, sources)}
            for p, sources in certainty.keep_alive_options(timeline)
        ],
        "counts": text(qualifying.counts) if qualifying else None,
        "not_counted": text(qualifying.not_counted) if qualifying and qualifying.not_counted else None,
        "keep": [
            {"text": text(n.text), "unverified": not n.advice and not certainty.backed(c, n.sources)}
            for n in timeline.keep
        ],
    }


def _own_expiry(view: CountryView, operator: Operator) -> dict[str, Any]:
    """Where a reader may look up the card's own expiry date, from the brand's contacts in data: its
    apps by name, and its USSD codes with what the data says they do (a code without a note is left
    out: dialling an unknown code can change the service)."""
    return {
        "apps": [k.value for k in operator.contacts if k.kind == "app"],
        "ussd": [
            {"code": k.value, "note": view.lang.text(k.note)} for k in operator.contacts if k.kind == "ussd" and k.note
        ],
    }


def _keep_cost(view: CountryView, operator: Operator) -> dict[str, object] | None:
    """The brand section's keep cost as plain text (the script writes it as text, not markup)."""
    cost = view.keeping.plain_cost(operator)
    if cost is not None:
        cost = {**cost, "text": html.unescape(str(cost["text"]))}
    return cost


def planner_data(view: CountryView, operators: Sequence[Operator] | None = None) -> dict[str, Any]:
    """The planner's data for the given operators (by default every operator of the country): only
    their timelines travel with the page."""
    c, lang = view.c, view.lang
    chosen = list(c.operators if operators is None else operators)
    timelines: list[LapseTimeline] = []
    entries = []
    for o in chosen:
        timeline = certainty.timeline_for(c, o.id)
        if timeline is not None and timeline not in timelines:
            timelines.append(timeline)
        entries.append(
            {
                "id": o.id,
                "brand": o.brand,
                "timeline": timelines.index(timeline) if timeline else None,
                "keep_cost": _keep_cost(view, o),  # the same figures as the brand's section
                "own_expiry": _own_expiry(view, o),
            }
        )
    return {
        "lang": lang.code,
        "code": c.code,
        "country": lang.country(c),
        "rules": {
            "move_margin_days": planner.MOVE_MARGIN_DAYS,
            "first_date": planner.FIRST_DATE.isoformat(),
            "last_date": planner.LAST_DATE.isoformat(),
            "codes_stop": list(planner.CODES_STOP),
            "reaches_someone_else": list(planner.REACHES_SOMEONE_ELSE),
            "keep_verb": dict(planner.KEEP_VERB),
        },
        "operators": entries,
        "timelines": [_timeline(view, t) for t in timelines],
    }


def planner_words(lang: Formatter) -> dict[str, str]:
    """The words the planner shows, in one language: the same on every page, so they travel in a
    script of their own (`words_script`) that the browser caches, not in each page."""
    words = {key: lang.raw(key) for key in SCRIPT_STRINGS}
    words |= {f"stage_{s}": lang.raw(f"stage_{s}") for s in literal_values(StageState)}
    words |= {f"event_{e}": lang.raw(f"event_{e}") for e in literal_values(LapseEvent)}
    words |= {key: lang.raw(key) for key in ("unverified", "unverified_title", "colon", "clause_sep")}
    return words


WORDS_SCRIPT = "assets/javascripts/planner-words-{lang}.js"


def words_script(lang: Formatter) -> str:
    """`planner-words-<lang>.js`: the words as `window.BaohaoPlannerWords[<lang>]` (lapse-planner.js
    reads them there); escaped as the page's JSON blocks are."""
    text = json.dumps(planner_words(lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("<", "\\u003c")
    key = json.dumps(lang.code)
    return (
        f"window.BaohaoPlannerWords = window.BaohaoPlannerWords || {{}};\nwindow.BaohaoPlannerWords[{key}] = {text};\n"
    )


def json_script(element_id: str, data: Any) -> Markup:
    """Data for a script, as a JSON block in the page: nothing in it can end the block or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(f'<script type="application/json" id="{element_id}">{text}</script>')
