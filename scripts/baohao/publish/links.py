"""Where the built site puts a country's page."""

from __future__ import annotations

from ..project import Project


def country_page(project: Project, code: str, lang: str, directory_urls: bool) -> str:
    """The page of a country in `lang`, relative to the site root."""
    page = f"countries/{code}/" if directory_urls else f"countries/{code}.html"
    return project.lang_prefix(lang) + page
