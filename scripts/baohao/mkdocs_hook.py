"""The only MkDocs-specific glue. Before each build: make sure the generated pages are current
(rendering again only if data, templates or settings changed, as under `make serve`) and set the
navigation and the build settings from the project. After a build that `make site` did not start
(`make serve`, a bare `mkdocs build`): publish the search indexes, feeds and API into it.

Kept thin on purpose (see README, "Moving off MkDocs"): all logic lives in the baohao package.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from baohao.build import SITE_STEP_VARIABLE
from baohao.load import DataError, load_all
from baohao.load.problems import printable
from baohao.present.render import Rendered, current_navigation, fingerprint, render
from baohao.project import Project
from baohao.publish import publish
from baohao.publish.search_index import add_segmenter_words, segmenter_words

log = logging.getLogger("mkdocs.hooks.baohao")
_state: dict[str, Any] = {"command": "build", "rendered": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: Any) -> Any:
    project = Project.resolve(Path(config.config_file_path).parent)
    serving = _state["command"] == "serve"
    cached: Rendered | None = _state["rendered"]
    if serving:  # the rendered data stay in memory for publishing after the build
        navigation = cached.navigation if cached and cached.fingerprint == fingerprint(project) else None
    else:
        navigation = current_navigation(project)
    if navigation is None:
        log.info("rendering the data: it changed since the last render")
        try:
            rendered: Rendered = render(project)
        except DataError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(str(exc)) from None
        if rendered.changed:
            log.info("generated pages updated: %s", printable(", ".join(rendered.changed)))
        _state["rendered"] = rendered
        navigation = rendered.navigation
    _state["project"] = project
    # brands' other names as whole words in the Chinese search index (publish/search_index.py)
    current: Rendered | None = _state["rendered"]
    data = current.data if current is not None and current.navigation is navigation else load_all(project)
    add_segmenter_words(segmenter_words(data))
    config.nav = navigation.nav
    config.extra["repository"] = project.repository
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if not (offline and offline.config.enabled):  # the worker shim is for search from file:// only
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    if project.site_url and not serving:
        config.site_url = project.site_url
    i18n = config.plugins.get("i18n")
    if i18n is not None:  # runs before static-i18n's own on_config, which reads these
        for language in i18n.config.languages:
            titles = navigation.translations.get(language.locale)
            if titles:
                language.nav_translations = {**(language.nav_translations or {}), **titles}
    return config


@event_priority(-200)  # after the search, i18n and offline plugins have written the merged index
def on_post_build(config: Any) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a per-language build inside static-i18n: the index is not merged yet
    if os.environ.get(SITE_STEP_VARIABLE) == "1":
        return  # `make site` publishes after the build
    rendered: Rendered | None = _state["rendered"]
    project: Project = _state["project"]
    if rendered is None:
        rendered = _state["rendered"] = render(project)
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    publish(Path(config.site_dir), rendered.data, project, offline=bool(offline and offline.config.enabled))
