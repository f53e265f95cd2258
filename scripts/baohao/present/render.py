"""The render step, run once per build: data → pages in docs/ and the navigation in build/nav.json.

`make site` runs it before MkDocs; the MkDocs hook then only reads the navigation, unless the data,
templates, hand-written pages, code or build settings changed since (as they do under `make serve`),
in which case it renders again. The inputs' fingerprint, a hash of their content, is stored with the
navigation to tell.
"""

from __future__ import annotations

import hashlib
import json
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import Dataset, load_all
from ..project import Project
from .navigation import nav_translations, navigation
from .pages import render_pages
from .sync import is_generated, write_pages

NAV_FILE = "nav.json"


@dataclass
class Navigation:
    nav: list[Any]
    translations: dict[str, dict[str, str]]  # language -> default-language title -> title


@dataclass
class Rendered:
    data: Dataset
    changed: list[str]  # generated pages written or removed, relative to docs/
    navigation: Navigation
    fingerprint: str


def render(project: Project) -> Rendered:
    """Validate, render the pages into docs/ (only those that changed), write the navigation.
    Raises DataError with every problem found."""
    fingerprint_before = fingerprint(project)
    data = load_all(project)
    changed = write_pages(render_pages(data, project), project)
    nav = Navigation(
        navigation(data, project),
        {lang: nav_translations(data, project, lang) for lang in project.langs if lang != project.default_lang},
    )
    state = {"fingerprint": fingerprint_before, "nav": nav.nav, "translations": nav.translations}
    path = project.build_dir / NAV_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return Rendered(data, changed, nav, fingerprint_before)


def current_navigation(project: Project) -> Navigation | None:
    """The navigation of the last render, if nothing it was made from has changed since."""
    path = project.build_dir / NAV_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("fingerprint") != fingerprint(project):
        return None
    return Navigation(state["nav"], state["translations"])


# The package's own code: the pages depend on it as much as on the data and templates.
_PACKAGE = Path(__file__).resolve().parents[1]


def fingerprint(project: Project) -> str:
    """What a render depends on: the settings, and the name and content (a hash of the bytes) of every
    input file: the data, the templates, the hand-written pages and the package's code. By content,
    not size and time: an edit that keeps both (a same-length change, a restored time, a checkout)
    still renders again. Hashing 200 countries' 10 MB takes a few hundredths of a second.

    Only ordinary files are read; a symbolic link counts by where it points (the loader refuses it)."""
    digest = hashlib.sha256(repr((project.build_date, project.repository, project.langs)).encode())
    docs = project.docs_dir
    inputs: list[Path] = [*project.data_dir.rglob("*"), *project.templates_dir.rglob("*")]
    inputs += [p for p in docs.glob("*.md") if not is_generated(project, p.name)]
    named = [(project.shown(path), path) for path in inputs]
    named += [(f"<code>/{path.relative_to(_PACKAGE).as_posix()}", path) for path in _PACKAGE.rglob("*.py")]
    for name, path in sorted(named):
        try:
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                content = str(path.readlink()).encode("utf-8", "surrogateescape")
            elif stat.S_ISREG(info.st_mode):
                content = path.read_bytes()
            else:
                continue
        except OSError:
            content = b"\0unreadable"
        digest.update(f"{name}\0{len(content)}\0".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()
