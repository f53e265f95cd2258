"""One search index per language.

Material writes a single index for both languages; a reader on a zh page would get
en results too (mkdocs-static-i18n issue 271). After the build, the merged index is
split: `search/search_index.json` keeps the default language, `<lang>/search/search_index.json`
holds each other language with locations relative to `<lang>/`. Pages of that language
use `<lang>/` as their search base (see templates/theme/main.html), so each page
downloads only its own language's index. The offline bundle gets the same split as
`search_index.js` files, which Material loads on file://.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"
INDEX_JS = Path("search") / "search_index.js"


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def split_search_index(site_dir: Path, default_language: str, other_languages: list[str]) -> dict[str, int]:
    """Split site_dir's merged index in place. Returns the number of entries per language.

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
        config = {**merged["config"], "lang": [lang or default_language]}
        text = _dump({"config": config, "docs": entries})
        base = site_dir / lang if lang else site_dir
        (base / INDEX).parent.mkdir(parents=True, exist_ok=True)
        (base / INDEX).write_text(text, encoding="utf-8")
        if offline:
            (base / INDEX_JS).write_text(f"var __index = {text}", encoding="utf-8")
        counts[lang or default_language] = len(entries)
    return counts
