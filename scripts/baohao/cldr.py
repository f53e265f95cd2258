"""Standard code lists from CLDR (via Babel): countries and currencies.

Nothing here is hand-maintained per country: names come from CLDR, so adding a
country needs no code change. The groups places are filed under are the guide's own
(data/regions.yml), not CLDR's.
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


def country_name(code: str, lang: str) -> str:
    return str(Locale(lang).territories[code.upper()])


def currency_name(code: str, lang: str) -> str:
    return str(Locale(lang).currencies.get(code, code))
