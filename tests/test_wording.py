"""The guide covers countries and regions (Hong Kong, Macao): site-wide text says so.

In Chinese, 国外 would call Hong Kong or Macao foreign, so text that speaks of the places the guide
covers says 境外 (outside the mainland) or 不在当地 (not in the place). In English, "countries"
alone leaves the regions out: "countries and regions".
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT

COUNTRIES_ALONE = re.compile(r"\bcountries\b(?! and regions)", re.IGNORECASE)


def site_wide_texts() -> list[tuple[str, str, str]]:
    """(where, language, text) for every text that speaks of the guide's places in general."""
    texts: list[tuple[str, str, str]] = []
    strings = yaml.safe_load((ROOT / "templates/strings.yml").read_text(encoding="utf-8"))
    for key, entry in strings.items():
        texts += [(f"templates/strings.yml: {key}", lang, text) for lang, text in entry.items()]
    for path in sorted((ROOT / "templates/prose").glob("*.md")) + sorted((ROOT / "docs").glob("*.md")):
        lang = path.name.split(".")[-2]
        if path.name.startswith(("index.", "compare.")):
            continue  # generated from the texts above
        texts.append((str(path.relative_to(ROOT)), lang, path.read_text(encoding="utf-8")))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    texts += [("mkdocs.yml", "zh" if re.search(r"[\u4e00-\u9fff]", line) else "en", line)
              for line in config.splitlines() if "site_description:" in line]  # fmt: skip
    for line in (ROOT / "templates/theme/404.html").read_text(encoding="utf-8").splitlines():
        texts.append(("templates/theme/404.html", "zh" if "<p>" in line else "en", line))
    return texts


def wrong_wording(lang: str, text: str) -> str | None:
    if lang == "zh":
        return "国外: say 境外 (outside the mainland) or 不在当地 (not in the place)" if "国外" in text else None
    prose = re.sub(r"`[^`]*`|data/countries/\S*", "", text)  # paths are not prose
    return "'countries' alone: say 'countries and regions'" if COUNTRIES_ALONE.search(prose) else None


def test_site_wide_text_speaks_of_countries_and_regions() -> None:
    found = [
        f"{where} ({lang}): {problem}"
        for where, lang, text in site_wide_texts()
        if (problem := wrong_wording(lang, text))
    ]
    assert found == []


def test_the_check_catches_both_words() -> None:
    assert wrong_wording("en", "Compare all countries") and not wrong_wording("en", "all countries and regions")
    assert wrong_wording("zh", "在国外办的卡") and not wrong_wording("zh", "在境外办的卡")


def test_the_texts_are_found() -> None:
    wheres = {where.split(":")[0] for where, _, _ in site_wide_texts()}
    assert {"templates/strings.yml", "mkdocs.yml", "templates/theme/404.html"} <= wheres
    assert any(w.startswith("templates/prose/") for w in wheres) and any(w.startswith("docs/") for w in wheres)
    assert Path(ROOT / "templates/prose/home.zh.md").exists()
