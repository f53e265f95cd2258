"""Everything the site needs from data before MkDocs runs: validated data, the
rendered pages, the navigation, and the check that every page exists in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .load import DataError, Dataset, Problem, load_all
from .render import DOCS_DIR, GENERATED, render_pages, write_pages
from .vocab import LANGS, region_name


def language_parity_problems(docs: Path) -> list[Problem]:
    """Every hand-written page needs a .zh.md and an .en.md file."""
    problems = []
    pages: dict[str, set[str]] = {}
    for path in docs.rglob("*.md"):
        rel = path.relative_to(docs)
        parts = rel.name.split(".")
        if len(parts) < 3 or parts[-2] not in LANGS:
            problems.append(Problem(str(DOCS_DIR / rel), 1, 1, "", "page names must end in .zh.md or .en.md"))
            continue
        stem = str(rel.with_name(".".join(parts[:-2])))
        pages.setdefault(stem, set()).add(parts[-2])
    for stem, langs in sorted(pages.items()):
        for missing in sorted(set(LANGS) - langs):
            problems.append(
                Problem(
                    f"{DOCS_DIR / stem}.{missing}.md",
                    1,
                    1,
                    "",
                    f"missing: every page needs both languages ({stem}.zh.md and {stem}.en.md)",
                )
            )
    return problems


def prepare(root: Path) -> tuple[Dataset, list[str]]:
    """Validate data, render the generated pages into docs/ (only those that changed),
    and check language parity. Raises DataError with every problem found."""
    data = load_all(root)
    changed = write_pages(render_pages(data, root), root / DOCS_DIR)
    problems = language_parity_problems(root / DOCS_DIR)
    if problems:
        raise DataError(problems)
    return data, changed


COUNTRIES_SECTION = {"zh": "国家", "en": "Countries"}


def hand_written_pages(docs: Path) -> list[str]:
    """The pages in docs/ that are not generated from data, by the name MkDocs knows them by."""
    generated = {pattern.split(".")[0] for pattern in GENERATED if not pattern.endswith("/")}
    stems = {p.name.split(".")[0] for p in docs.glob(f"*.{LANGS[0]}.md")}
    return [f"{stem}.md" for stem in sorted(stems - generated)]


def navigation(data: Dataset, hand_written: list[str]) -> list[Any]:
    """Home, compare, countries grouped by region (so that with navigation.prune a page
    carries only its own region's countries), then the hand-written pages. Section titles
    are in the default language; `nav_translations` gives the others."""
    default = LANGS[0]
    regions: dict[str, list[str]] = {}
    for country in sorted(data.countries, key=lambda c: (region_name(c.region, default), c.display_name(default))):
        regions.setdefault(region_name(country.region, default), []).append(f"countries/{country.code}.md")
    countries = [{title: pages} for title, pages in regions.items()]
    return ["index.md", "compare.md", {COUNTRIES_SECTION[default]: countries}, *hand_written]


def nav_translations(data: Dataset, lang: str) -> dict[str, str]:
    """Section titles of the nav in `lang`, keyed by their default-language titles."""
    default = LANGS[0]
    titles = {COUNTRIES_SECTION[default]: COUNTRIES_SECTION[lang]}
    for country in data.countries:
        titles[region_name(country.region, default)] = region_name(country.region, lang)
    return titles
