"""The whole data directory: read every file, validate it against the models, run the rules.

Every problem in every file is collected before anything is built; `load_all` returns the
validated data or raises DataError with all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..models import (
    Country,
    DocumentList,
    HostList,
    KeptMost,
    ReferenceRates,
    RegionList,
    SharedChecklists,
    StaffCardTemplate,
    Vocabulary,
)
from ..project import Project
from ..service_model import Recycling, Service
from .cache import CountryCache, file_key
from .messages import validate
from .problems import DataError, Problem
from .prose import prose_files, read_prose
from .rules import FILE_RULES, PROJECT_RULES, DataFile, Loaded, References
from .yaml_reader import located, read_bytes

# The shared vocabularies: file name under data/ and the model each follows.
VOCABULARY_MODELS: dict[str, type[BaseModel]] = {
    "documents": DocumentList,
    "checklists": SharedChecklists,
    "hosts": HostList,
    "staff_card": StaffCardTemplate,
    "regions": RegionList,
}

Strings = dict[str, dict[str, str]]
Prose = dict[str, dict[str, dict[str, str]]]  # page -> language -> part -> Markdown


@dataclass
class Dataset:
    countries: list[Country]  # sorted by code
    vocabulary: Vocabulary
    strings: Strings  # interface text (templates/strings.yml), key -> language -> text
    prose: Prose  # editorial text (templates/prose/)
    files: dict[str, Path]  # country code -> its data file
    services: list[Service]  # data/services/, in file-name order
    recycling: Recycling  # data/recycling.yml: why accounts must be moved off a number first
    kept_most: KeptMost  # data/kept_most.yml: the numbers readers keep most, most kept first
    rates: ReferenceRates | None = None  # data/rates.yml: reference rates for yearly keep costs in yuan


def service_files(project: Project) -> list[Path]:
    return sorted(project.service_dir.glob("*.y*ml"))


def country_files(project: Project) -> list[Path]:
    return sorted(project.country_dir.glob("*.y*ml"))


def _read(project: Project, kind: str, path: Path, raw: bytes | None = None) -> tuple[DataFile | None, list[Problem]]:
    shown = project.shown(path)
    if raw is None:
        raw, problems = read_bytes(path, shown)
        if raw is None:
            return None, problems
    data, problems = located(raw, shown)
    if data is None:
        return None, problems
    return DataFile(kind, path, shown, data, raw=raw), []


# The first fields of each kind of data file with a model of its own, for the message when a file is not a mapping.
FIRST_FIELDS = {
    "country": "code:, region:",
    "service": "id:, name:",
    "recycling": "facts:, sources:",
    "rates": "date:, rates:, sources:",
    "kept_most": "counted:, brands:",
}


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


def _load_model(
    project: Project,
    kind: str,
    path: Path,
    model: type[BaseModel],
    refs: References,
    context: dict[str, Any],
    raw: bytes | None = None,
) -> tuple[Any, list[Problem]]:
    """Read, validate and check one data file: its model (None when it has problems) and its problems."""
    file, problems = _read(project, kind, path, raw)
    if file is None:
        return None, problems
    if not isinstance(file.located.data, dict):
        message = f"must be a mapping of fields ({FIRST_FIELDS[kind]}, ...), not a list or a value"
        return None, [*problems, Problem(file.shown, 1, 1, "", message)]
    problems += _check_file(file, model, refs, context)
    return file.model, problems


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
        loaded.strings = strings
    vocab = {kind: file.model for kind, file in loaded.vocabulary.items() if file.model is not None}
    refs = References(
        documents={d.id for d in vocab["documents"].documents} if "documents" in vocab else None,
        staff_languages={lang.id for lang in vocab["staff_card"].languages} if "staff_card" in vocab else None,
        hosts=vocab.get("hosts"),
        regions=vocab["regions"].ids() if "regions" in vocab else None,
    )
    context = {"hosts": vocab.get("hosts")}
    paths = country_files(project)
    if not paths:
        problems.append(Problem(project.shown(project.country_dir), 1, 1, "", "no country files found"))
    cache = CountryCache(project, [file.raw for file in loaded.vocabulary.values()])
    models: dict[Path, Country] = {}
    for path in paths:
        raw, found = read_bytes(path, project.shown(path))
        problems += found
        if raw is None:
            continue
        key = file_key(raw)
        cached = cache.get(key)
        if cached is not None and cached.code == path.stem and path.suffix == ".yml":
            models[path] = cached
            continue
        country, found = _load_model(project, "country", path, Country, refs, context, raw)
        problems += found
        if country is not None:
            models[path] = country
            cache.put(key, country)
    refs.places = {path.stem: ({o.id for o in models[path].operators} if path in models else None) for path in paths}
    kept_most, found = _load_model(project, "kept_most", project.data_dir / "kept_most.yml", KeptMost, refs, context)
    problems += found
    services: list[Service] = []
    for path in service_files(project):
        service, found = _load_model(project, "service", path, Service, refs, context)
        problems += found
        services += [service] if service is not None else []
    recycling_file = project.data_dir / "recycling.yml"
    recycling, found = _load_model(project, "recycling", recycling_file, Recycling, refs, context)
    problems += found
    rates: ReferenceRates | None = None
    rates_file = project.data_dir / "rates.yml"
    if rates_file.exists() or rates_file.is_symlink():
        rates, found = _load_model(project, "rates", rates_file, ReferenceRates, refs, context)
        problems += found
    for path in prose_files(project):
        prose_file, found = read_prose(project, path)
        problems += found
        if prose_file:
            loaded.prose.append(prose_file)
    for rule in PROJECT_RULES:
        problems += rule.check(project, loaded)
    if problems:
        raise DataError(problems)
    assert strings is not None and recycling is not None and kept_most is not None
    vocabulary = Vocabulary(
        documents=vocab["documents"].documents,
        checklists=vocab["checklists"],
        hosts=vocab["hosts"],
        staff_card=vocab["staff_card"],
        regions=vocab["regions"],
    )
    cache.save()
    countries = sorted(models.values(), key=lambda c: c.code)
    files = {model.code: path for path, model in models.items()}
    prose: Prose = {}
    for prose_file in loaded.prose:
        prose.setdefault(prose_file.page, {})[prose_file.lang] = prose_file.parts
    return Dataset(countries, vocabulary, strings.located.data, prose, files, services, recycling, kept_most, rates)
