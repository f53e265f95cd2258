"""The open-data API: `api/v1/countries.json` (every country and region, every field, both languages, sources
included), `api/v1/countries/<code>.json`, `api/v1/services.json` (the accounts page's services), and the
JSON Schemas they follow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..load import Dataset
from ..models import Country, Text
from ..project import Project
from ..schema import schema_text
from ..service_model import Service
from ..unbinding import unbinding_order
from .links import country_page

LICENCE: Literal["CC BY-SA 4.0"] = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
API_DIR = Path("api") / "v1"


class PublishedCountry(Country):
    """A country or region as published in the API: the data file's fields, plus its names, pages and licence."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="PublishedCountry")

    names: Text = Field(
        description="The country's or region's name in each language (the guide's short name where the data sets one)."
    )
    pages: dict[str, str] = Field(description="Its page in each language, relative to the site root.")
    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL


class PublishedIndex(BaseModel):
    """`api/v1/countries.json`: every country and region (Hong Kong and Macao are regions)."""

    model_config = ConfigDict(extra="forbid", title="PublishedCountries")

    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL
    schema_url: str = Field(description="The schema each entry of `countries` follows, relative to this file.")
    countries: list[PublishedCountry]


class PublishedServices(BaseModel):
    """`api/v1/services.json`: how to move each service off an old number, in the accounts page's order."""

    model_config = ConfigDict(extra="forbid", title="PublishedServices")

    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL
    services: list[Service]


def published(country: Country, project: Project, directory_urls: bool = True) -> PublishedCountry:
    names = Text(**{lang: country.display_name(lang) for lang in project.langs})
    pages = {lang: country_page(project, country.code, lang, directory_urls) for lang in project.langs}
    return PublishedCountry(**dict(country), names=names, pages=pages)


def _json(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_api(site_dir: Path, data: Dataset, project: Project, directory_urls: bool = True) -> list[Path]:
    api = site_dir / API_DIR
    (api / "countries").mkdir(parents=True, exist_ok=True)
    countries = [published(c, project, directory_urls) for c in data.countries]
    written = {
        api / "country.schema.json": schema_text(PublishedCountry, "serialization", indent=1),
        api / "countries.schema.json": schema_text(PublishedIndex, "serialization", indent=1),
        api / "countries.json": _json(PublishedIndex(schema_url="country.schema.json", countries=countries)),
        api / "services.schema.json": schema_text(PublishedServices, "serialization", indent=1),
        api / "services.json": _json(PublishedServices(services=unbinding_order(data.services))),
    }
    for country in countries:
        written[api / "countries" / f"{country.code}.json"] = _json(country)
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
    return sorted(written)
