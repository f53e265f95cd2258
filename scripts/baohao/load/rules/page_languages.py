"""Every hand-written page in docs/ exists in every language: `about.zh.md` and `about.en.md`."""

from __future__ import annotations

from ...project import Project
from ..problems import Problem
from .base import Loaded, ProjectRule


def check(project: Project, loaded: Loaded) -> list[Problem]:
    docs = project.docs_dir
    problems = []
    pages: dict[str, set[str]] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs)
        parts = rel.name.split(".")
        if len(parts) < 3 or parts[-2] not in project.langs:
            problems.append(Problem(project.shown(path), 1, 1, "", "page names must end in .zh.md or .en.md"))
            continue
        stem = str(rel.with_name(".".join(parts[:-2])))
        pages.setdefault(stem, set()).add(parts[-2])
    for stem, langs in sorted(pages.items()):
        for missing in sorted(set(project.langs) - langs):
            both = " and ".join(f"{stem}.{lang}.md" for lang in project.langs)
            problems.append(
                Problem(
                    project.shown(docs / f"{stem}.{missing}.md"),
                    1,
                    1,
                    "",
                    f"missing: every page needs both languages ({both})",
                )
            )
    return problems


RULE = ProjectRule("page-languages", check)
