"""Publish: what the site carries besides MkDocs' pages, written into a built site folder.

Run by `make site` after each MkDocs build (and by the hook under `make serve` or a bare
`mkdocs build`): the per-language search indexes, a relative sitemap when the address is
unknown, the Atom feeds, the lapse planner's words, our scripts and styles without their
comments, and (online only) the open-data API.
"""

from __future__ import annotations

from pathlib import Path

from ..load import Dataset
from ..project import Project
from .api import write_api
from .feeds import write_feeds
from .minify import minify_assets
from .planner_words import write_planner_words
from .search_index import found_by, split_search_index
from .sitemap import relative_sitemap


def publish(site_dir: Path, data: Dataset, project: Project, *, offline: bool) -> None:
    """`offline`: the bundle's build (page links end in .html; no API, which is for programs)."""
    directory_urls = not offline
    others = [lang for lang in project.langs if lang != project.default_lang]
    split_search_index(site_dir, project.default_lang, others, found_by(data))
    if not project.site_url:
        relative_sitemap(site_dir, project.epoch)
    write_feeds(site_dir, data, project, directory_urls)
    write_planner_words(site_dir, data, project)
    minify_assets(site_dir, project.docs_dir)
    if not offline:
        write_api(site_dir, data, project, directory_urls)
