"""The only MkDocs-specific glue: render data into docs/ before each build, set the nav.

Kept thin on purpose (see README, "Moving off MkDocs"): all logic lives in the baohao package.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from baohao.load import DataError
from baohao.pages import hand_written_pages, nav_translations, navigation, prepare
from baohao.publish import relative_sitemap, write_api, write_feeds
from baohao.search_index import split_search_index

log = logging.getLogger("mkdocs.hooks.baohao")
_built: dict[str, object] = {}  # the data of the current build, from on_config to on_post_build


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        data, changed = prepare(root)
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise PluginError(str(exc)) from None
    if changed:
        log.info("generated pages updated: %s", ", ".join(changed))
    _built["data"], _built["root"] = data, root
    config.nav = navigation(data, hand_written_pages(Path(config.docs_dir)))
    i18n = config.plugins.get("i18n")
    if i18n is not None:  # runs before static-i18n's own on_config, which reads these
        for language in i18n.config.languages:
            if not language.default:
                titles = nav_translations(data, language.locale)
                language.nav_translations = {**(language.nav_translations or {}), **titles}
    return config


@event_priority(-200)  # after the search, i18n and offline plugins have written the merged index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a per-language build inside static-i18n: the index is not merged yet
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    others = [lang.locale for lang in i18n.config.languages if not lang.default]
    site = Path(config.site_dir)
    split_search_index(site, default, others)
    if not config.site_url:
        relative_sitemap(site)
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    write_feeds(site, _built["data"], _built["root"], config.use_directory_urls)
    if not (offline and offline.config.enabled):  # the API is for programs, not for the offline reader
        write_api(site, _built["data"], config.use_directory_urls)
