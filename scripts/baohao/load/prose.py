"""Editorial prose in Markdown (templates/prose/<page>.<lang>.md), in named parts.

A part starts at a line `<!-- part: name -->` and runs to the next one. The text is trusted
Markdown, written by the guide's editors like the hand-written pages in docs/, not data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..patterns import FORBIDDEN_CHARACTERS, describe_character
from ..project import Project
from .problems import Problem
from .yaml_reader import read_bytes

PROSE_DIR = "prose"
PART = re.compile(r"^<!-- part: ([a-z0-9-]+) -->[ \t]*$", re.MULTILINE)
MAX_PROSE_BYTES = 64 * 1024


@dataclass
class ProseFile:
    page: str
    lang: str
    path: Path
    shown: str
    parts: dict[str, str] = field(default_factory=dict)  # name -> Markdown, in file order
    lines: dict[str, int] = field(default_factory=dict)  # name -> line of its marker


def prose_files(project: Project) -> list[Path]:
    return sorted((project.templates_dir / PROSE_DIR).glob("*.md"))


def read_prose(project: Project, path: Path) -> tuple[ProseFile | None, list[Problem]]:
    shown = project.shown(path)
    stem = path.name.removesuffix(".md")
    page, _, lang = stem.rpartition(".")
    if not page or lang not in project.langs:
        return None, [Problem(shown, 1, 1, "", "prose files are named <page>.<lang>.md, e.g. home.zh.md")]
    raw, problems = read_bytes(path, shown, MAX_PROSE_BYTES)
    if raw is None:
        return None, problems
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None, [Problem(shown, 1, 1, "", "is not valid UTF-8 text; save the file as UTF-8")]
    invisible = FORBIDDEN_CHARACTERS.search(text)
    if invisible:
        line = text.count("\n", 0, invisible.start()) + 1
        what = describe_character(invisible.group())
        return None, [Problem(shown, line, 1, "", f"contains the invisible character {what}; delete it")]
    found = ProseFile(page, lang, path, shown)
    markers = list(PART.finditer(text))
    for i, marker in enumerate(markers):
        name = marker.group(1)
        line = text.count("\n", 0, marker.start()) + 1
        if name in found.parts:
            return None, [Problem(shown, line, 1, name, f"part {name!r} appears twice")]
        end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        found.parts[name] = text[marker.end() : end].strip("\n")
        found.lines[name] = line
    return found, []


def plain(markdown: str) -> str:
    """The first paragraph of some Markdown as plain text, for a page description."""
    first = markdown.strip().split("\n\n")[0]
    first = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", first)
    return re.sub(r"[*_`]", "", " ".join(first.split()))
