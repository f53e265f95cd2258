"""The whole data directory: read every file, validate it against the models, run the rules.

Every problem in every file is collected before anything is built; `load_all` returns the
validated data or raises DataError with all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..models import Country, DocumentList, HostList, SharedChecklists, StaffCardTemplate, Vocabulary
from ..project import Project
from .messages import validate
from .problems import DataError, Problem
from .rules import FILE_RULES, PROJECT_RULES, DataFile, Loaded, References
from .yaml_reader import Located, read_located

# The shared vocabularies: file name under data/ and the model each follows.
VOCABULARY_MODELS: dict[str, type[BaseModel]] = {
    "documents": DocumentList,
    "checklists": SharedChecklists,
    "hosts": HostList,
    "staff_card": StaffCardTemplate,
}

Strings = dict[str, dict[str, str]]


@dataclass
class Dataset:
    countries: list[Country]  # sorted by code
    vocabulary: Vocabulary
    strings: Strings  # interface text (templates/strings.yml), key -> language -> text
    files: dict[str, Path]  # country code -> its data file
    # country code -> the file as read, with the line and column of every value (for reports that point at a line)
    located: dict[str, Located] = field(default_factory=dict)


def country_files(project: Project) -> list[Path]:
    return sorted(project.country_dir.glob("*.y*ml"))


def _read(project: Project, kind: str, path: Path) -> tuple[DataFile | None, list[Problem]]:
    shown = project.shown(path)
    located, problems = read_located(path, shown)
    if located is None:
        return None, problems
    return DataFile(kind, path, shown, located), []


def _check_file(
    file: DataFile, model: type[BaseModel] | None, refs: References, context: dict[str, Any] | None = None
) -> list[Problem]:
    """Validate one file against its model and run the file rules; sets `file.model` when it is clean."""
    value, problems = validate(model, file.located, file.shown, context) if model else (None, [])
    overriding: list[Problem] = []
    for rule in FILE_RULES:
        if file.kind in rule.kinds:
            found = rule.check(file, refs)
            (overriding if rule.overrides_other_problems else problems).extend(found)
    flagged = {p.field for p in overriding}
    problems = [p for p in problems if p.field not in flagged] + overriding
    file.model = value if not problems else None
    return problems


def load_all(project: Project) -> Dataset:
    loaded = Loaded()
    problems: list[Problem] = []
    for kind, model in VOCABULARY_MODELS.items():
        file, found = _read(project, kind, project.data_dir / f"{kind}.yml")
        problems += found
        if file:
            problems += _check_file(file, model, References())
            loaded.vocabulary[kind] = file
    strings, found = _read(project, "strings", project.strings_file)
    problems += found
    if strings:
        problems += _check_file(strings, None, References())
    vocab = {kind: file.model for kind, file in loaded.vocabulary.items() if file.model is not None}
    refs = References(
        documents={d.id for d in vocab["documents"].documents} if "documents" in vocab else None,
        staff_languages={lang.id for lang in vocab["staff_card"].languages} if "staff_card" in vocab else None,
    )
    context = {"hosts": vocab.get("hosts")}
    paths = country_files(project)
    if not paths:
        problems.append(Problem(project.shown(project.country_dir), 1, 1, "", "no country files found"))
    for path in paths:
        file, found = _read(project, "country", path)
        problems += found
        if file is None:
            continue
        if not isinstance(file.located.data, dict):
            message = "must be a mapping of fields (code:, region:, ...), not a list or a value"
            problems.append(Problem(file.shown, 1, 1, "", message))
            continue
        problems += _check_file(file, Country, refs, context)
        loaded.countries.append(file)
    for rule in PROJECT_RULES:
        problems += rule.check(project, loaded)
    if problems:
        raise DataError(problems)
    assert strings is not None
    vocabulary = Vocabulary(
        documents=vocab["documents"].documents,
        checklists=vocab["checklists"],
        hosts=vocab["hosts"],
        staff_card=vocab["staff_card"],
    )
    countries = sorted((file.model for file in loaded.countries), key=lambda c: c.code)
    files = {file.model.code: file.path for file in loaded.countries}
    located = {file.model.code: file.located for file in loaded.countries}
    return Dataset(
        countries=countries, vocabulary=vocabulary, strings=strings.located.data, files=files, located=located
    )
