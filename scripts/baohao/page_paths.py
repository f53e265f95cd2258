"""Where a place's and a brand's pages live: one definition for the renderer, the navigation, the
links between pages, the feeds and the API.

A place's overview is `countries/<code>/index.<lang>.md` (served at `countries/<code>/`), each brand's
page `countries/<code>/<operator id>.<lang>.md` (served at `countries/<code>/<operator id>/`). An
operator id cannot be `index` (load/rules/reserved_ids.py).
"""

from __future__ import annotations

PLACE_PAGE = "index"


def place_page(code: str) -> str:
    """The place's page as MkDocs knows it (the language suffix removed), from docs/."""
    return f"countries/{code}/{PLACE_PAGE}.md"


def brand_page(code: str, operator_id: str) -> str:
    return f"countries/{code}/{operator_id}.md"


def place_source(code: str, lang: str) -> str:
    """The generated file of a place's page in one language, relative to docs/."""
    return f"countries/{code}/{PLACE_PAGE}.{lang}.md"


def brand_source(code: str, operator_id: str, lang: str) -> str:
    return f"countries/{code}/{operator_id}.{lang}.md"


def place_url(code: str, directory_urls: bool = True) -> str:
    """The built page's path from the site root of its language."""
    return f"countries/{code}/" if directory_urls else f"countries/{code}/{PLACE_PAGE}.html"


def brand_url(code: str, operator_id: str, directory_urls: bool = True) -> str:
    return f"countries/{code}/{operator_id}/" if directory_urls else f"countries/{code}/{operator_id}.html"
