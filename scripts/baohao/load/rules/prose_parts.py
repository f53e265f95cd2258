"""Editorial prose exists in every language, with the same parts in the same order, none empty,
and each language's text in that language."""

from __future__ import annotations

from ...patterns import HAN
from ...project import Project
from ..problems import Problem
from .base import Loaded, ProjectRule


def check(project: Project, loaded: Loaded) -> list[Problem]:
    problems = []
    for file in loaded.prose:
        if not file.parts:
            problems.append(Problem(file.shown, 1, 1, "", "has no parts: start each with <!-- part: name -->"))
        for name, text in file.parts.items():
            line = file.lines[name]
            if not text.strip():
                problems.append(Problem(file.shown, line, 1, name, "is empty"))
            elif file.lang == "en" and HAN.search(text):
                problems.append(Problem(file.shown, line, 1, name, "contains Chinese characters"))
            elif file.lang == "zh" and not HAN.search(text):
                problems.append(Problem(file.shown, line, 1, name, "has no Chinese characters"))
    for page in sorted({f.page for f in loaded.prose}):
        default = loaded.prose_by(page, project.default_lang)
        for lang in project.langs:
            other = loaded.prose_by(page, lang)
            if other is None:
                shown = project.shown(project.templates_dir / "prose" / f"{page}.{lang}.md")
                problems.append(Problem(shown, 1, 1, "", f"missing: every prose page needs every language ({lang})"))
            elif default is not None and list(other.parts) != list(default.parts):
                message = f"parts {list(other.parts)} differ from {default.shown}'s {list(default.parts)}"
                problems.append(Problem(other.shown, 1, 1, "", message))
    return problems


RULE = ProjectRule("prose-parts", check)
