"""The open-data API: `api/v1/countries.json` (every country and region, every field, both languages, sources
included), `api/v1/countries/<code>.json`, `api/v1/services.json` (the accounts page's services),
`api/v1/keep.json` (each brand's yearly keep cost, as the comparison shows it), and the JSON Schemas they
follow."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import keeping
from ..load import Dataset
from ..models import Country, KeepAction, Period, Price, Text
from ..project import Project
from ..schema import schema_text
from ..service_model import Service
from ..unbinding import unbinding_order
from .links import brand_page, country_page

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
    brand_pages: dict[str, dict[str, str]] = Field(
        description="Each brand's own page (by operator id), in each language, relative to the site root."
    )
    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL


class PublishedIndex(BaseModel):
    """`api/v1/countries.json`: every country and region (Hong Kong and Macao are regions)."""

    model_config = ConfigDict(extra="forbid", title="PublishedCountries")

    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL
    schema_url: str = Field(description="The schema each entry of `countries` follows, relative to this file.")
    countries: list[PublishedCountry]


class PublishedKeepCost(BaseModel):
    """One brand's cheapest way to keep its number, and what it costs a year (computed by the guide)."""

    model_config = ConfigDict(extra="forbid", title="PublishedKeepCost")

    country: str = Field(description="The country's or region's code.")
    operator: str = Field(description="The operator's id in that country's file.")
    brand: str
    page: str = Field(description="The brand's page in the default language, relative to the site root.")
    action: KeepAction | None = Field(description="The cheapest way; null when no source gives one.")
    every: Period | None = Field(description="The longest gap allowed between two actions.")
    price: Price | None = Field(description="The price of one action, with the date it was seen and its sources.")
    per_year: Decimal | None = Field(description="Actions a year at the longest gap times the price; null: unknown.")
    currency: str | None
    per_year_cny: Decimal | None = Field(description="About how much in yuan, at the reference rates of `rates_date`.")
    certain: bool = Field(description="Both the gap and the price rest on an official or press source.")


class PublishedKeep(BaseModel):
    """`api/v1/keep.json`: what keeping each brand's number costs a year, as the comparison shows it."""

    model_config = ConfigDict(extra="forbid", title="PublishedKeep")

    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL
    rates_date: dt.date | None = Field(description="The day of the reference rates used for `per_year_cny`.")
    brands: list[PublishedKeepCost]


class PublishedServices(BaseModel):
    """`api/v1/services.json`: how to move each service off an old number, in the accounts page's order."""

    model_config = ConfigDict(extra="forbid", title="PublishedServices")

    licence: Literal["CC BY-SA 4.0"] = LICENCE
    licence_url: str = LICENCE_URL
    services: list[Service]


def keep_costs(data: Dataset, project: Project, directory_urls: bool = True) -> PublishedKeep:
    table = data.rates.table() if data.rates else {}
    brands = []
    for country in data.countries:
        for operator in country.operators:
            page = brand_page(project, country.code, operator.id, project.default_lang, directory_urls)
            cost = keeping.cheapest(country, operator)
            per_year = cost.per_year if cost else None
            price = cost.price if cost else None
            brands.append(
                PublishedKeepCost(
                    country=country.code,
                    operator=operator.id,
                    brand=operator.brand,
                    page=page,
                    action=cost.option.action if cost else None,
                    every=cost.every if cost else None,
                    price=price,
                    per_year=per_year,
                    currency=price.currency if price and per_year is not None else None,
                    per_year_cny=keeping.in_yuan(per_year, price.currency, table)
                    if price and per_year is not None
                    else None,
                    certain=bool(cost and cost.certain),
                )
            )
    return PublishedKeep(rates_date=data.rates.date if data.rates else None, brands=brands)


def published(country: Country, project: Project, directory_urls: bool = True) -> PublishedCountry:
    names = Text(**{lang: country.display_name(lang) for lang in project.langs})
    pages = {lang: country_page(project, country.code, lang, directory_urls) for lang in project.langs}
    brand_pages = {
        o.id: {lang: brand_page(project, country.code, o.id, lang, directory_urls) for lang in project.langs}
        for o in country.operators
    }
    return PublishedCountry(**dict(country), names=names, pages=pages, brand_pages=brand_pages)


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
        api / "keep.schema.json": schema_text(PublishedKeep, "serialization", indent=1),
        api / "keep.json": _json(keep_costs(data, project, directory_urls)),
    }
    for country in countries:
        written[api / "countries" / f"{country.code}.json"] = _json(country)
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
    return sorted(written)
