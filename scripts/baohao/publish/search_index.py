"""One search index per language, and the other names a brand or a service is found by.

Material writes a single index for both languages; a reader on a zh page would get
en results too (mkdocs-static-i18n issue 271). After the build, the merged index is
split: `search/search_index.json` keeps the default language, `<lang>/search/search_index.json`
holds each other language with locations relative to `<lang>/`. Pages of that language
use `<lang>/` as their search base (see templates/theme/main.html), so each page
downloads only its own language's index. The offline bundle gets the same split as
`search_index.js` files, which Material loads on file://.

**Other names.** A reader types the name they know: 和记 or 和記 for 3HK, 微信 for WeChat. The
entry a name should find gets an extra field, `names` (FIELD), which Material's search worker
indexes like any field in the index's `config.fields` (with that field's boost) but never shows:

- a brand's `aliases` go on its own page (`countries/<code>/<id>/`), or where there is none, on
  its section of the country page (`#brand-<id>`);
- a service's names (`name` in both languages and `also_known_as`) go on its section of the
  accounts page (`accounts/#<id>`), so that 微信 or WeChat finds that page before a country
  page's WeChat contact.

Why a field and not the page's `search.boost`: a boost lifts a page for every query (the accounts
page would then come first for 注销 too), a field only for the names it holds. Its boost is a
title's: an other name is a title the brand is known by. Names are kept whole (3香港 is one word):
Material cuts a Chinese query into words the index holds, longest first, and matches each as a word
beginning, so a whole name is found from any beginning a reader types (和 of 和记, 中国移动 of
中国移动香港). The English index holds only names without Chinese characters: its pipeline's
trimmer drops every Chinese character from words and queries.

**Word list.** Material cuts Chinese page text into words with jieba at build time. The Chinese
parts of the aliases that jieba would cut into single characters are added to its words
(`add_segmenter_words`, called by the MkDocs hook), so that 和记 in a page is one word, not 和 | 记
(which a search for 和记 would find in every 和), and is highlighted whole. Each gets the smallest
weight that lets jieba cut it out, so ordinary text around it (和记录, "and records") is cut as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import Dataset
from ..patterns import HAN

INDEX = Path("search") / "search_index.json"
INDEX_JS = Path("search") / "search_index.js"

FIELD = "names"
FIELD_BOOST = 1000.0  # a title's (Material's default for `title`)

_HAN_RUN = re.compile(rf"{HAN.pattern}+")


@dataclass(frozen=True)
class FoundBy:
    """Names an entry of the index is also found by. `places` are where that entry may be, as
    (page path, anchor), best first; the first one the index holds gets the names."""

    what: str  # for messages
    places: tuple[tuple[str, str], ...]
    names: tuple[str, ...]


def found_by(data: Dataset) -> list[FoundBy]:
    """Every brand with aliases and every service, with the names it is found by."""
    found: list[FoundBy] = []
    for country in data.countries:
        for operator in country.operators:
            if operator.aliases:
                places = (
                    (f"countries/{country.code}/{operator.id}", ""),
                    (f"countries/{country.code}", f"brand-{operator.id}"),
                )
                found.append(FoundBy(f"brand {operator.brand} ({country.code})", places, tuple(operator.aliases)))
    for service in data.services:
        names = dict.fromkeys([service.name.zh, service.name.en, *service.also_known_as])
        found.append(FoundBy(f"service {service.id}", (("accounts", service.id),), tuple(names)))
    return found


def _place(location: str) -> tuple[str, str]:
    """An index location as (page path, anchor), the same online and offline: `countries/hk/`,
    `countries/hk.html` and `countries/hk/index.html` are all `countries/hk`."""
    path, _, anchor = location.partition("#")
    return path.removesuffix("index.html").removesuffix(".html").removesuffix("/"), anchor


def _names_for(names: Iterable[str], lang: str, default_language: str) -> list[str]:
    return [name for name in names if lang == default_language or not HAN.search(name)]


def add_names(entries: list[dict[str, Any]], found: Sequence[FoundBy], lang: str, default_language: str) -> None:
    """Give each entry its other names (FIELD). Raises ValueError naming what has no entry: a page
    that no longer has the anchor would silently lose its names."""
    where = {_place(entry["location"]): entry for entry in entries}
    missing = []
    for item in found:
        entry = next((where[place] for place in item.places if place in where), None)
        if entry is None:
            missing.append(f"{item.what}: none of {', '.join(p + ('#' + a if a else '') for p, a in item.places)}")
            continue
        names = _names_for(item.names, lang, default_language)
        if names:
            entry[FIELD] = [*entry.get(FIELD, []), *names]
    if missing:
        raise ValueError(f"search index ({lang}): no entry to give other names to: " + "; ".join(missing))


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def split_search_index(
    site_dir: Path, default_language: str, other_languages: list[str], found: Sequence[FoundBy] = ()
) -> dict[str, int]:
    """Split site_dir's merged index in place, giving the entries of `found` their other names.
    Returns the number of entries per language.

    Each index declares only its own language: with both, lunr's combined pipeline
    stems queries and documents differently and names such as "Uzmobile" are not found."""
    merged_path = site_dir / INDEX
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in ["", *other_languages]}
    for doc in merged["docs"]:
        lang = next((lang for lang in other_languages if doc["location"].startswith(f"{lang}/")), "")
        if lang:
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
        docs[lang].append(doc)
    offline = (site_dir / INDEX_JS).exists()
    counts = {}
    for lang, entries in docs.items():
        add_names(entries, found, lang or default_language, default_language)
        fields = {**merged["config"]["fields"], FIELD: {"boost": FIELD_BOOST}}
        config = {**merged["config"], "lang": [lang or default_language], "fields": fields}
        text = _dump({"config": config, "docs": entries})
        base = site_dir / lang if lang else site_dir
        (base / INDEX).parent.mkdir(parents=True, exist_ok=True)
        (base / INDEX).write_text(text, encoding="utf-8")
        if offline:
            (base / INDEX_JS).write_text(f"var __index = {text}", encoding="utf-8")
        counts[lang or default_language] = len(entries)
    return counts


def segmenter_words(data: Dataset) -> list[str]:
    """The Chinese words of every brand's aliases (和记电话 of 和记电话, 澳门 of 中国电信（澳门）)."""
    words = {word for c in data.countries for o in c.operators for a in o.aliases for word in _HAN_RUN.findall(a)}
    return sorted(word for word in words if len(word) > 1)


def add_segmenter_words(words: Iterable[str]) -> list[str]:
    """Teach jieba (Material's Chinese word cutter at build time) those of these words it would cut
    into single characters (和记: 和 | 记; 數碼通: 數碼 | 通), each with the smallest weight that lets
    it cut the word out (jieba's suggested frequency). A name it already cuts into words (中国移动 |
    香港) stays as it is, found by each of them. Returns the words added."""
    import jieba  # type: ignore[import-untyped]  # Material's dependency, loaded only for a build

    added = [word for word in words if any(len(piece) == 1 for piece in jieba.lcut(word, HMM=False))]
    for word in added:
        jieba.add_word(word)
    return added
