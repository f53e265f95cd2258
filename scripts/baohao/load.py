"""YAML data files to validated models, with every problem located.

Each problem is one line: `data/countries/kz.yml:12:5: operators[0].website: must be an https URL`.
All files are read and every problem is collected before anything is built.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import Country, DocumentList, HostList, SharedChecklists, StaffCardTemplate, Vocabulary

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 24
COUNTRY_DIR = Path("data") / "countries"
VOCAB_FILES = {
    "documents": Path("data") / "documents.yml",
    "checklists": Path("data") / "checklists.yml",
    "hosts": Path("data") / "hosts.yml",
    "staff_card": Path("data") / "staff_card.yml",
}

Loc = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What `make new-country` writes where a contributor still has to fill something in.
PLACEHOLDER = "FILL IN"
# YAML 1.1 reads yes/no/on/off as booleans; in our data they are answers, kept as text.
_WORD_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found in the data."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        files = len({p.file for p in self.problems})
        super().__init__(f"{len(self.problems)} problem(s) in {files} data file(s)")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(str(self))
        return "\n".join(lines)


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --- YAML with positions ----------------------------------------------------------


@dataclass
class Located:
    """A parsed YAML document and where each value (and each mapping key) starts."""

    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    bad_dates: dict[Loc, str] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        loc = tuple(loc)
        while loc and loc not in self.marks:
            loc = loc[:-1]
        return self.marks.get(loc, (1, 1))


class _YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str, loc: Loc = ()):
        self.line, self.column, self.message, self.loc = line, column, message, loc
        super().__init__(message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(raw: bytes) -> Located:
    if len(raw) > MAX_FILE_BYTES:
        raise _YamlProblem(1, 1, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _YamlProblem(line, 1, "is not valid UTF-8 text; save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = " ".join(x for x in (exc.context, exc.problem) if x)
            raise _YamlProblem(line, col, f"YAML syntax error: {what}") from None
        except yaml.YAMLError as exc:
            raise _YamlProblem(1, 1, f"YAML error: {exc}") from None
        located = Located(None)
        if root is None:
            raise _YamlProblem(1, 1, "file is empty")
        located.data = _to_python(loader, root, (), located, set())
        return located
    finally:
        loader.dispose()


_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


def _to_python(loader: Any, node: yaml.Node, loc: Loc, out: Located, seen: set[int]) -> Any:
    if node.tag not in _STANDARD_TAGS:
        raise _YamlProblem(*_mark(node), f"YAML tags such as {node.tag!r} are not allowed; write plain values", loc)
    if id(node) in seen:
        raise _YamlProblem(*_mark(node), "YAML anchors and aliases (&, *) are not allowed; write the value out", loc)
    seen.add(id(node))
    if len(loc) > MAX_DEPTH:
        raise _YamlProblem(*_mark(node), f"nested more than {MAX_DEPTH} levels deep", loc)
    out.marks[loc] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _YamlProblem(*_mark(key_node), "YAML merge keys (<<) are not allowed", loc)
                raise _YamlProblem(*_mark(key_node), "keys must be plain words", loc)
            key = key_node.value
            if key in result:
                first = out.key_marks[(*loc, key)]
                raise _YamlProblem(*_mark(key_node), f"duplicate key {key!r} (first on line {first[0]})", (*loc, key))
            out.key_marks[(*loc, key)] = _mark(key_node)
            result[key] = _to_python(loader, value_node, (*loc, key), out, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(loader, item, (*loc, i), out, seen) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() in _WORD_BOOLEANS:
        return node.value.lower()
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        if node.tag == "tag:yaml.org,2002:timestamp":
            # kept as text: the schema then reports it with everything else in the file
            out.bad_dates[loc] = f"{node.value!r} is not a real date ({exc})"
            return node.value
        raise _YamlProblem(*_mark(node), f"cannot read value: {exc}", loc) from None


# --- pydantic errors to plain messages ------------------------------------------------

_LANG_NAMES = {"zh": "Chinese (zh)", "en": "English (en)"}
_TYPE_MESSAGES = {
    "string_type": 'must be text (put numbers and codes in quotes, e.g. "8123")',
    "list_type": "must be a list (lines starting with '- ')",
    "model_type": "must be a mapping of fields (key: value lines)",
    "model_attributes_type": "must be a mapping of fields (key: value lines)",
    "dict_type": "must be a mapping of fields (key: value lines)",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "decimal_type": "must be a number",
    "decimal_parsing": "must be a number",
    "date_type": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date written YYYY-MM-DD, without a time",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
}
_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


def _message(err: dict[str, Any], model: type[BaseModel], loc: Loc) -> str:
    kind = err["type"]
    if kind == "missing":
        name = loc[-1] if loc else ""
        if name in _LANG_NAMES:
            return f"the {_LANG_NAMES[str(name)]} text is missing; every text needs both zh and en"
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        msg = "unknown field"
        if hint:
            msg += f"; did you mean {hint[0]!r}?"
        elif allowed:
            msg += f"; allowed here: {', '.join(allowed)}"
        return msg
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        if err.get("ctx", {}).get("pattern") == _ID_PATTERN:
            return "must be an id: lowercase letters, digits and single hyphens, e.g. 'ucell-faq'"
        if loc and loc[-1] == "currency":
            return "must be a three-letter ISO 4217 code in capitals, e.g. UZS"
        if "[a-z]{2,}$" in str(err.get("ctx", {}).get("pattern")):
            return "must be a host name in lowercase, without https:// or a path, e.g. ucell.uz"
        return f"has the wrong form (expected pattern {err.get('ctx', {}).get('pattern')})"
    if kind in ("string_too_long", "too_long"):
        return str(err["msg"]).replace("should have at most", "is too long: at most")
    if kind == "literal_error":
        return str(err["msg"]).replace("Input should be", "must be")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return str(err["msg"]).replace("Input should be", "must be")
    return _TYPE_MESSAGES.get(kind, str(err["msg"]).replace("Input should be", "must be"))


def _allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names accepted at `loc`, found by walking the model annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate(
    model: type[BaseModel], located: Located, file: str, context: dict[str, Any] | None = None
) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(located.data, context=context), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            line, col = located.where(loc, key=err["type"] == "extra_forbidden")
            message = located.bad_dates.get(loc) or _message(err, model, loc)
            problems.append(Problem(file, line, col, format_loc(loc), message))
        return None, problems


# --- references between facts -----------------------------------------------------------


NOUNS = {"sources": "source", "operators": "operator", "documents": "document", "languages": "language"}


def reference_problems(
    located: Located, file: str, documents: set[str] | None, staff_languages: set[str] | None = None
) -> list[Problem]:
    """`documents` or `staff_languages` None: that vocabulary did not load; its ids are not checked."""
    """Unknown source/operator/document ids and duplicate ids, checked on the raw data
    so that they are reported together with every other problem."""
    data = located.data
    if not isinstance(data, dict):
        return []
    defined = {
        "sources": _ids(data.get("sources")),
        "operators": _ids(data.get("operators")),
        "documents": documents,
        "languages": staff_languages,
    }
    problems: list[Problem] = []
    cited = {
        ref
        for loc, value in _walk(data, ())
        if len(loc) > 1 and loc[-1] == "sources" and isinstance(value, list)
        for ref in value
        if isinstance(ref, str)
    }
    for i, source in enumerate(data.get("sources") or []):
        if isinstance(source, dict) and isinstance(source.get("id"), str) and source["id"] not in cited:
            line, col = located.where(("sources", i, "id"))
            problems.append(
                Problem(
                    file,
                    line,
                    col,
                    f"sources[{i}].id",
                    f"source {source['id']!r} is cited by no fact; cite it where it is used, or remove it",
                )
            )
    for loc, value in _walk(data, ()):
        if isinstance(value, str) and (PLACEHOLDER in value or "FILL.IN" in value):
            line, col = located.where(loc)
            problems.append(Problem(file, line, col, format_loc(loc), "still says FILL IN: write what the source says"))
            continue
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            first: dict[str, int] = {}
            for i, item in enumerate(value):
                item_id = item.get("id")
                if not isinstance(item_id, str):
                    continue
                if item_id in first:
                    first_line = located.where((*loc, first[item_id]))[0]
                    line, col = located.where((*loc, i, "id"))
                    problems.append(
                        Problem(
                            file,
                            line,
                            col,
                            format_loc((*loc, i, "id")),
                            f"duplicate id {item_id!r} (first used on line {first_line})",
                        )
                    )
                else:
                    first[item_id] = i
        key = loc[-1] if loc else None
        if len(loc) > 1 and key in defined and defined[key] is not None and isinstance(value, list):
            for i, ref in enumerate(value):
                if isinstance(ref, str) and ref not in defined[key]:
                    line, col = located.where((*loc, i))
                    noun = NOUNS[key]
                    where = {"documents": "data/documents.yml", "languages": "data/staff_card.yml"}.get(
                        key, f"this file's `{key}:` list"
                    )
                    hint = difflib.get_close_matches(ref, sorted(defined[key]), n=1)
                    known = f"did you mean {hint[0]!r}?" if hint else f"known ids: {_short_list(defined[key])}"
                    problems.append(
                        Problem(
                            file,
                            line,
                            col,
                            format_loc((*loc, i)),
                            f"unknown {noun} id {ref!r}, not in {where}; {known}",
                        )
                    )
    return problems


def _short_list(ids: set[str], limit: int = 8) -> str:
    items = sorted(ids)
    if not items:
        return "none"
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _ids(items: Any) -> set[str]:
    if not isinstance(items, list):
        return set()
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}


def _walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    yield loc, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, (*loc, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, (*loc, i))


# --- the whole data directory -------------------------------------------------------------


@dataclass
class Dataset:
    countries: list[Country]
    vocabulary: Vocabulary
    files: dict[str, Path]


def _display(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project root, as a contributor sees them in the repository."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def read_located(path: Path, root: Path) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file; problems name it relative to `root`."""
    shown = _display(path, root)
    try:
        return parse_yaml(path.read_bytes()), []
    except _YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.column, format_loc(exc.loc), exc.message)]
    except OSError as exc:
        return None, [Problem(shown, 1, 1, "", f"cannot read file: {exc.strerror}")]


def country_files(root: Path) -> list[Path]:
    return sorted((root / COUNTRY_DIR).glob("*.y*ml"))


def _load_model(path: Path, root: Path, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    shown = _display(path, root)
    located, problems = read_located(path, root)
    if located is None:
        return None, problems
    value, problems = validate(model, located, shown)
    problems += reference_problems(located, shown, set(), set())
    return (None if problems else value), problems


def load_vocabulary(root: Path) -> tuple[Vocabulary | None, list[Problem]]:
    documents, problems = _load_model(root / VOCAB_FILES["documents"], root, DocumentList)
    checklists, more = _load_model(root / VOCAB_FILES["checklists"], root, SharedChecklists)
    problems += more
    hosts, more = _load_model(root / VOCAB_FILES["hosts"], root, HostList)
    problems += more
    staff_card, more = _load_model(root / VOCAB_FILES["staff_card"], root, StaffCardTemplate)
    problems += more
    if documents and staff_card:
        # every document can be listed on every staff card
        languages = [lang.id for lang in staff_card.languages]
        for document in documents.documents:
            missing = [lang for lang in languages if lang not in document.staff]
            if missing:
                problems.append(
                    Problem(
                        str(VOCAB_FILES["documents"]),
                        1,
                        1,
                        f"documents[{document.id}].staff",
                        f"no name in staff-card language(s) {', '.join(missing)} (see data/staff_card.yml)",
                    )
                )
    if problems:
        return None, problems
    return Vocabulary(documents=documents.documents, checklists=checklists, hosts=hosts, staff_card=staff_card), []


def load_country(
    path: Path,
    root: Path,
    documents: set[str] | None,
    hosts: HostList | None = None,
    staff_languages: set[str] | None = None,
) -> tuple[Country | None, list[Problem]]:
    shown = _display(path, root)
    located, problems = read_located(path, root)
    if located is None:
        return None, problems
    if not isinstance(located.data, dict):
        return None, [
            Problem(shown, 1, 1, "", "must be a mapping of fields (code:, region:, ...), not a list or a value")
        ]
    country, problems = validate(Country, located, shown, {"hosts": hosts})
    problems += reference_problems(located, shown, documents, staff_languages)
    # a field still saying FILL IN is reported once, as that, not also as malformed
    unfilled = {p.field for p in problems if "still says FILL IN" in p.message}
    problems = [p for p in problems if p.field not in unfilled or "still says FILL IN" in p.message]
    code = located.data.get("code")
    if path.suffix != ".yml":
        problems.append(Problem(shown, 1, 1, "", "country files must end in .yml"))
    if isinstance(code, str) and code != path.stem:
        line, col = located.where(("code",))
        problems.append(
            Problem(
                shown,
                line,
                col,
                "code",
                f"is {code!r} but the file is named {path.name}; name it {code}.yml or fix the code",
            )
        )
    return (None if problems else country), problems


def load_all(root: Path) -> Dataset:
    vocabulary, problems = load_vocabulary(root)
    documents = {d.id for d in vocabulary.documents} if vocabulary else None
    countries: list[Country] = []
    files: dict[str, Path] = {}
    paths = country_files(root)
    if not paths:
        problems.append(Problem(_display(root / COUNTRY_DIR, root), 1, 1, "", "no country files found"))
    for path in paths:
        staff_languages = {lang.id for lang in vocabulary.staff_card.languages} if vocabulary else None
        country, found = load_country(path, root, documents, vocabulary.hosts if vocabulary else None, staff_languages)
        problems += found
        if country is not None:
            countries.append(country)
            files[country.code] = path
    if problems:
        raise DataError(problems)
    assert vocabulary is not None
    return Dataset(countries=countries, vocabulary=vocabulary, files=files)
