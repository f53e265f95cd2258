"""The project as one value: where everything is, which languages, and the settings of a build.

Resolved once (from the command line, or by the MkDocs hook under `make serve`) and passed
down, so `make serve` and `make site` produce the same links and dates. Settings come from
the environment or from git; nothing here writes the environment.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .cldr import LANGS

DEFAULT_LANG = LANGS[0]
# Paths under docs/ that the renderer owns; everything else there is hand-written.
GENERATED_PAGES = ("index.{lang}.md", "compare.{lang}.md", "accounts.{lang}.md", "countries/")
STALE_AFTER_MONTHS = 12  # a page whose review is older says it may be out of date; `make stale` uses it too
# Operators and regulators revise tariff, top-up and lapse tables about once a year (Azercell's table
# of 1 July 2024 was replaced from 1 July 2025), so a page published more than two years ago has
# probably been revised since: the pages mark such a source as old, whatever its kind, and
# `make stale` lists every rule whose newest dated source is that old.
RULE_SOURCE_MAX_AGE_MONTHS = 24
DAYS_PER_MONTH = 30.5
_GITHUB_REMOTE = r"(?:https://github\.com/|git@github\.com:)([\w.-]+/[\w.-]+?)(?:\.git)?/?"


@dataclass(frozen=True)
class Project:
    root: Path
    build_date: dt.date
    # The GitHub repository (https://github.com/owner/name) for edit and report links; "" if unknown.
    repository: str = ""
    # The published address (ends in /), for absolute sitemap and canonical links; None if unknown.
    site_url: str | None = None
    # The epoch the build date came from, for reproducible timestamps (zip entries, gzip headers).
    epoch: int | None = None

    langs: tuple[str, ...] = LANGS
    default_lang: str = DEFAULT_LANG

    # --- where things are ---

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def country_dir(self) -> Path:
        return self.data_dir / "countries"

    @property
    def service_dir(self) -> Path:
        return self.data_dir / "services"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def strings_file(self) -> Path:
        return self.templates_dir / "strings.yml"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def build_dir(self) -> Path:
        """Intermediate output (the rendered navigation, benchmark reports); never committed."""
        return self.root / "build"

    def shown(self, path: Path) -> str:
        """A path as a contributor sees it in the repository (relative to the root)."""
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return str(path)

    def generated_page_paths(self) -> list[str]:
        """The generated pages' paths (or folders, ending in /) relative to docs/, in every language."""
        return sorted({pattern.format(lang=lang) for pattern in GENERATED_PAGES for lang in self.langs})

    def lang_prefix(self, lang: str) -> str:
        """Where a language's pages live relative to the site root: "" for the default, "en/" otherwise."""
        return "" if lang == self.default_lang else f"{lang}/"

    # --- resolving the settings ---

    @classmethod
    def resolve(cls, root: Path, env: Mapping[str, str] | None = None) -> Project:
        """The settings of a build: SOURCE_DATE_EPOCH (default: the last commit's time, else today),
        BAOHAO_REPOSITORY (default: a GitHub origin remote) and BAOHAO_SITE_URL (default: that
        repository's GitHub Pages address)."""
        env = os.environ if env is None else env
        root = root.resolve()
        epoch_text = env.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct")
        epoch = int(epoch_text) if epoch_text.isdigit() else None
        build_date = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date() if epoch is not None else dt.date.today()
        repository = env.get("BAOHAO_REPOSITORY")
        site_url = env.get("BAOHAO_SITE_URL") or None
        if repository is None:
            match = re.fullmatch(_GITHUB_REMOTE, _git(root, "remote", "get-url", "origin"))
            repository = f"https://github.com/{match.group(1)}" if match else ""
            if match and site_url is None:
                site_url = github_pages_url(match.group(1))
        if site_url and not site_url.endswith("/"):
            site_url += "/"
        return cls(root=root, build_date=build_date, repository=repository.rstrip("/"), site_url=site_url, epoch=epoch)


def older_than_months(day: dt.date, today: dt.date, months: int) -> bool:
    """More than `months` months before `today` (a month counted as 30.5 days): how the pages
    and `make stale` decide alike what is out of date."""
    return (today - day).days > months * DAYS_PER_MONTH


def github_pages_url(repository: str) -> str:
    """Where GitHub Pages publishes owner/name."""
    owner, name = repository.split("/")
    pages = f"https://{owner.lower()}.github.io/"
    return pages if name.lower() == f"{owner.lower()}.github.io" else f"{pages}{name}/"


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
