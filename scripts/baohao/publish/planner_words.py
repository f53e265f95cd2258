"""The lapse planner's words, one script per language (`assets/javascripts/planner-words-<lang>.js`):
the same on every brand's page, so the browser fetches them once, with the planner, when the reader
comes near it (present/planner_data.py writes them; lapse-planner.js reads them)."""

from __future__ import annotations

from pathlib import Path

from ..load import Dataset
from ..present.formatter import Formatter
from ..present.planner_data import WORDS_SCRIPT, words_script
from ..project import Project


def write_planner_words(site_dir: Path, data: Dataset, project: Project) -> list[Path]:
    written = []
    for lang in project.langs:
        path = site_dir / WORDS_SCRIPT.format(lang=lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = words_script(Formatter(lang, data.strings, project.build_date))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
