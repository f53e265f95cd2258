"""The site navigation, from data: home, the accounts page, comparison, countries grouped by region
(data/regions.yml, in the one order of `places`), then the hand-written pages.

Grouping by region keeps pages small with `navigation.prune` (a page carries only its own region's
countries). Section titles are in the default language; `nav_translations` gives them in the others.
"""

from __future__ import annotations

from typing import Any

from .. import page_paths as paths
from ..load import Dataset
from ..models import Country
from ..project import Project
from .formatter import Formatter
from .places import places_by_region
from .sync import is_generated


def hand_written_pages(project: Project) -> list[str]:
    """The top-level pages in docs/ that are not generated from data, by the name MkDocs knows them by."""
    default = project.default_lang
    stems = {
        p.name.split(".")[0] for p in project.docs_dir.glob(f"*.{default}.md") if not is_generated(project, p.name)
    }
    return [f"{stem}.md" for stem in sorted(stems)]


def place_section(country: Country, lang: str) -> dict[str, list[Any]]:
    """A place in the nav: its overview (the section's own page, `navigation.indexes`), then its brands."""
    brands: list[Any] = [{o.brand: paths.brand_page(country.code, o.id)} for o in country.operators]
    return {country.display_name(lang): [paths.place_page(country.code), *brands]}


def navigation(data: Dataset, project: Project) -> list[Any]:
    default = project.default_lang
    groups = places_by_region(data.countries, data.vocabulary.regions, data.kept_most, lambda c: c)
    countries = [{region.name[default]: [place_section(c, default) for c in group]} for region, group in groups]
    section = Formatter(default, data.strings, project.build_date).raw("nav_countries")
    return ["index.md", "accounts.md", "compare.md", {section: countries}, *hand_written_pages(project)]


def nav_translations(data: Dataset, project: Project, lang: str) -> dict[str, str]:
    """Section titles of the nav in `lang`, keyed by their default-language titles."""
    default = project.default_lang
    titles = {
        Formatter(default, data.strings, project.build_date).raw("nav_countries"): Formatter(
            lang, data.strings, project.build_date
        ).raw("nav_countries")
    }
    for region in data.vocabulary.regions.regions:
        titles[region.name[default]] = region.name[lang]
    for country in data.countries:
        titles[country.display_name(default)] = country.display_name(lang)
    return titles
