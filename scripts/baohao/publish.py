"""What the build publishes besides the pages: the open-data API and the Atom feeds.

- `api/v1/countries.json` (every country, every field, both languages, sources included),
  `api/v1/countries/<code>.json`, and the JSON Schemas they follow.
- `feed.xml` (zh) and `<lang>/feed.xml` for every other language, built from each
  country's `changes`.
"""

from __future__ import annotations

import gzip
import json
import os
import uuid
from pathlib import Path
from typing import Literal

import jinja2
from pydantic import BaseModel, ConfigDict, Field

from .load import Dataset
from .models import Country, Text, changes_newest_first
from .render import TEMPLATE_DIR, load_strings
from .vocab import LANGS

LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
API_DIR = Path("api") / "v1"
FEED_NAMESPACE = uuid.UUID("5b0e8a4e-7f2c-4d0e-9a53-2f1e3c6b9d11")


class PublishedCountry(Country):
    """A country as published in the API: the data file's fields, plus its names, pages and licence."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="PublishedCountry")

    names: Text = Field(description="The country's name in each language (CLDR's, unless the data overrides it).")
    pages: dict[str, str] = Field(description="The country page in each language, relative to the site root.")
    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL


class PublishedIndex(BaseModel):
    """`api/v1/countries.json`: every country."""

    model_config = ConfigDict(extra="forbid", title="PublishedCountries")

    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL
    schema_url: str = Field(description="The schema each entry of `countries` follows, relative to this file.")
    countries: list[PublishedCountry]


def _page(code: str, lang: str, directory_urls: bool) -> str:
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return f"{prefix}countries/{code}/" if directory_urls else f"{prefix}countries/{code}.html"


def published(country: Country, directory_urls: bool = True) -> PublishedCountry:
    names = Text(**{lang: country.display_name(lang) for lang in LANGS})
    pages = {lang: _page(country.code, lang, directory_urls) for lang in LANGS}
    return PublishedCountry(**dict(country), names=names, pages=pages)


def _json(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _schema(model: type[BaseModel]) -> str:
    generated = model.model_json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **generated}
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_api(site_dir: Path, data: Dataset, directory_urls: bool = True) -> list[Path]:
    api = site_dir / API_DIR
    (api / "countries").mkdir(parents=True, exist_ok=True)
    countries = [published(c, directory_urls) for c in sorted(data.countries, key=lambda c: c.code)]
    written = {
        api / "country.schema.json": _schema(PublishedCountry),
        api / "countries.schema.json": _schema(PublishedIndex),
        api / "countries.json": _json(PublishedIndex(schema_url="country.schema.json", countries=countries)),
    }
    for country in countries:
        written[api / "countries" / f"{country.code}.json"] = _json(country)
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
    return sorted(written)


def write_feeds(site_dir: Path, data: Dataset, root: Path, directory_urls: bool = True) -> list[Path]:
    strings = load_strings(root)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("feed.xml.j2")
    entries = changes_newest_first(data.countries)
    written = []
    for lang in LANGS:
        items = []
        for change, country in entries:
            index = country.changes.index(change)
            summary = change.summary[lang]
            items.append(
                {
                    "id": uuid.uuid5(FEED_NAMESPACE, f"{country.code}/{change.date.isoformat()}/{index}").urn,
                    "title": strings["feed_entry"][lang].format(country=country.display_name(lang), summary=summary),
                    "link": _page(country.code, LANGS[0], directory_urls),
                    "updated": f"{change.date.isoformat()}T00:00:00Z",
                }
            )
        updated = items[0]["updated"] if items else "1970-01-01T00:00:00Z"
        text = template.render(
            lang=lang,
            title=strings["feed_title"][lang],
            feed_id=uuid.uuid5(FEED_NAMESPACE, f"feed/{lang}").urn,
            updated=updated,
            entries=items,
            licence=LICENCE,
        )
        path = site_dir / ("" if lang == LANGS[0] else lang) / "feed.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def relative_sitemap(site_dir: Path) -> None:
    """Without a known site address MkDocs writes "None" before every URL; write relative ones instead
    (set BAOHAO_SITE_URL for absolute ones)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8").replace(">None", ">").replace('"None', '"')
    sitemap.write_text(text, encoding="utf-8")
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=mtime))
