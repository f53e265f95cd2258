"""The one order of places, and where a place or a brand is read.

Every list of places (the home page, the navigation, the comparison) follows
`places_in_order`: the regions in the order of data/regions.yml; within a region, the places of
data/kept_most.yml first, in its order, then the others by their English name. The link targets of
a place and of a brand are written once here (`place_page`, `brand_page`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from markupsafe import Markup

from .. import page_paths as paths
from ..models import Country, KeptMost, Region, RegionList
from .escape import ident

T = TypeVar("T")


def place_page(code: str) -> Markup:
    """A place's page, as a path from the docs root (the Markdown file MkDocs resolves)."""
    return Markup(paths.place_page(ident(code)))


def brand_page(code: str, operator_id: str) -> Markup:
    """A brand's own page, as a path from the docs root."""
    return Markup(paths.brand_page(ident(code), ident(operator_id)))


def _sort_key(country: Country, kept: KeptMost) -> tuple[int, str]:
    ranks = [i for i, (code, _) in enumerate(kept.ranked()) if code == country.code]
    return (ranks[0] if ranks else len(kept.brands), country.display_name("en").casefold())


def places_by_region(
    items: Sequence[T], regions: RegionList, kept: KeptMost, country: Callable[[T], Country]
) -> list[tuple[Region, list[T]]]:
    """The items (countries, or views of them: `country` gives each one's Country) grouped by region,
    in the one order; regions with no place are left out."""
    groups: dict[str, list[T]] = {r.id: [] for r in regions.regions}
    for item in sorted(items, key=lambda i: _sort_key(country(i), kept)):
        groups[country(item).region].append(item)  # the loader checked every region id
    return [(r, groups[r.id]) for r in regions.regions if groups[r.id]]


def places_in_order(
    items: Sequence[T], regions: RegionList, kept: KeptMost, country: Callable[[T], Country]
) -> list[T]:
    """The items in the one order, as one list."""
    return [item for _, group in places_by_region(items, regions, kept, country) for item in group]


class Places(Generic[T]):
    """The order and the link targets, as the templates call them: `places.by_region(countries)`.
    `country` gives an item's Country (for a CountryView, its `.c`)."""

    def __init__(self, regions: RegionList, kept: KeptMost, lang: str, country: Callable[[T], Country]):
        self.regions = regions
        self.kept = kept
        self.lang = lang
        self._country = country

    def by_region(self, items: Sequence[T]) -> list[tuple[Region, list[T]]]:
        return places_by_region(items, self.regions, self.kept, self._country)

    def in_order(self, items: Sequence[T]) -> list[T]:
        return places_in_order(items, self.regions, self.kept, self._country)

    def region_name(self, region: Region) -> str:
        return region.name[self.lang]

    def kept_most(self, items: Sequence[T]) -> list[tuple[T, str]]:
        """The numbers readers keep most, most kept first: (the place's item, the operator id)."""
        by_code = {self._country(i).code: i for i in items}
        return [(by_code[code], operator) for code, operator in self.kept.ranked()]

    @staticmethod
    def page(code: str) -> Markup:
        return place_page(code)

    @staticmethod
    def brand_page(code: str, operator_id: str) -> Markup:
        return brand_page(code, operator_id)
