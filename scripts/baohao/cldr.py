"""Standard code lists from CLDR (via Babel): countries, currencies, regions.

Nothing here is hand-maintained per country: names come from CLDR, so adding a
country needs no code change.
"""

from __future__ import annotations

from babel import Locale
from babel.numbers import list_currencies

LANGS = ("zh", "en")

# CLDR also lists groupings and private-use codes; these are not ISO 3166-1 countries.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}
ISO_COUNTRY_CODES = frozenset(
    code
    for code in Locale("en").territories
    if isinstance(code, str) and len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
)
CURRENCY_CODES = frozenset(list_currencies())

# UN M49 sub-regions: data files name them by these slugs; names come from CLDR.
REGIONS: dict[str, str] = {
    "northern-africa": "015",
    "eastern-africa": "014",
    "middle-africa": "017",
    "southern-africa": "018",
    "western-africa": "011",
    "caribbean": "029",
    "central-america": "013",
    "south-america": "005",
    "northern-america": "021",
    "central-asia": "143",
    "eastern-asia": "030",
    "south-eastern-asia": "035",
    "southern-asia": "034",
    "western-asia": "145",
    "eastern-europe": "151",
    "northern-europe": "154",
    "southern-europe": "039",
    "western-europe": "155",
    "australia-new-zealand": "053",
    "melanesia": "054",
    "micronesia": "057",
    "polynesia": "061",
}


def country_name(code: str, lang: str) -> str:
    return str(Locale(lang).territories[code.upper()])


def region_name(region: str, lang: str) -> str:
    return str(Locale(lang).territories[REGIONS[region]])


def currency_name(code: str, lang: str) -> str:
    return str(Locale(lang).currencies.get(code, code))
