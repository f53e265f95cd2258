"""Where the built site puts a place's and a brand's page."""

from __future__ import annotations

from .. import page_paths as paths
from ..project import Project


def country_page(project: Project, code: str, lang: str, directory_urls: bool) -> str:
    """The page of a country in `lang`, relative to the site root."""
    return project.lang_prefix(lang) + paths.place_url(code, directory_urls)


def brand_page(project: Project, code: str, operator_id: str, lang: str, directory_urls: bool) -> str:
    """The page of a brand in `lang`, relative to the site root."""
    return project.lang_prefix(lang) + paths.brand_url(code, operator_id, directory_urls)
