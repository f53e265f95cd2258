"""Every document in data/documents.yml has a name in every staff-card language, so any card can list it."""

from __future__ import annotations

from ...project import Project
from ..problems import Problem
from .base import Loaded, ProjectRule


def check(project: Project, loaded: Loaded) -> list[Problem]:
    documents, staff_card = loaded.vocabulary.get("documents"), loaded.vocabulary.get("staff_card")
    if not (documents and staff_card and documents.model and staff_card.model):
        return []
    languages = [lang.id for lang in staff_card.model.languages]
    problems = []
    for i, document in enumerate(documents.model.documents):
        missing = [lang for lang in languages if lang not in document.staff]
        if missing:
            message = f"no name in staff-card language(s) {', '.join(missing)} (see data/staff_card.yml)"
            problems.append(documents.problem(("documents", i, "staff"), message))
    return problems


RULE = ProjectRule("staff-card-documents", check)
