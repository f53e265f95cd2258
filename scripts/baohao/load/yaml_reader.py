"""YAML bytes to plain data, with the line and column of every value and key, within safety limits.

libyaml's C composer builds the nodes (with their marks); only scalars are turned into values here.
Tags, anchors, aliases, merge keys, duplicate keys, deep nesting, huge files and non-UTF-8 text
are each refused with one located sentence.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..patterns import FORBIDDEN_CHARACTERS, PLAIN_DECIMAL, PLAIN_INTEGER, describe_character
from .problems import Loc, Problem, format_loc

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 24
MAX_LIST_ITEMS = 500  # per list; with the size limit, this bounds the work a file can cause

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# YAML 1.1 reads yes/no/on/off as booleans; in our data they are answers, kept as text.
_WORD_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


@dataclass
class Located:
    """A parsed YAML document and where each value (and each mapping key) starts."""

    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    bad_dates: dict[Loc, str] = field(default_factory=dict)
    # every value with its location (children before their parents), for the rules to scan once
    values: list[tuple[Loc, Any]] = field(default_factory=list)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        loc = tuple(loc)
        while loc and loc not in self.marks:
            loc = loc[:-1]
        return self.marks.get(loc, (1, 1))


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str, loc: Loc = ()):
        self.line, self.column, self.message, self.loc = line, column, message, loc
        super().__init__(message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(raw: bytes) -> Located:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(1, 1, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, 1, "is not valid UTF-8 text; save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = " ".join(x for x in (exc.context, exc.problem) if x)
            raise YamlProblem(line, col, f"YAML syntax error: {what}") from None
        except yaml.YAMLError as exc:
            raise YamlProblem(1, 1, f"YAML error: {exc}") from None
        located = Located(None)
        if root is None:
            raise YamlProblem(1, 1, "file is empty")
        located.data = _to_python(loader, root, (), located, set())
        return located
    finally:
        loader.dispose()


def _to_python(loader: Any, node: yaml.Node, loc: Loc, out: Located, seen: set[int]) -> Any:
    value = _value(loader, node, loc, out, seen)
    out.values.append((loc, value))
    return value


def _value(loader: Any, node: yaml.Node, loc: Loc, out: Located, seen: set[int]) -> Any:
    if node.tag not in _STANDARD_TAGS:
        raise YamlProblem(*_mark(node), f"YAML tags such as {node.tag!r} are not allowed; write plain values", loc)
    if id(node) in seen:
        raise YamlProblem(*_mark(node), "YAML anchors and aliases (&, *) are not allowed; write the value out", loc)
    seen.add(id(node))
    if len(loc) > MAX_DEPTH:
        raise YamlProblem(*_mark(node), f"nested more than {MAX_DEPTH} levels deep", loc)
    out.marks[loc] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlProblem(*_mark(key_node), "YAML merge keys (<<) are not allowed", loc)
                raise YamlProblem(*_mark(key_node), "keys must be plain words", loc)
            key = key_node.value
            _refuse_invisible(key_node, key, loc)
            if key in result:
                first = out.key_marks[(*loc, key)]
                raise YamlProblem(*_mark(key_node), f"duplicate key {key!r} (first on line {first[0]})", (*loc, key))
            out.key_marks[(*loc, key)] = _mark(key_node)
            result[key] = _to_python(loader, value_node, (*loc, key), out, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        if len(node.value) > MAX_LIST_ITEMS:
            raise YamlProblem(*_mark(node), f"lists {len(node.value)} items; the limit is {MAX_LIST_ITEMS}", loc)
        return [_to_python(loader, item, (*loc, i), out, seen) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        _refuse_invisible(node, node.value, loc)
        return node.value  # most values: no constructor needed
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() in _WORD_BOOLEANS:
        return node.value.lower()
    if node.tag == "tag:yaml.org,2002:int" and not PLAIN_INTEGER.fullmatch(node.value):
        raise YamlProblem(*_mark(node), f"{node.value!r} is not a plain number; {_NUMBERS}", loc)
    if node.tag == "tag:yaml.org,2002:float" and not PLAIN_DECIMAL.fullmatch(node.value):
        raise YamlProblem(*_mark(node), f"{node.value!r} is not a plain number; {_NUMBERS}", loc)
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        if node.tag == "tag:yaml.org,2002:timestamp":
            # kept as text: the schema then reports it with everything else in the file
            out.bad_dates[loc] = f"{node.value!r} is not a real date ({exc})"
            return node.value
        raise YamlProblem(*_mark(node), f"cannot read value: {exc}", loc) from None


_NUMBERS = "write whole numbers like 60 and decimals like 1.5 (no leading zero, 1:30, 1e3 or 1_000)"


def _refuse_invisible(node: yaml.Node, text: str, loc: Loc) -> None:
    found = FORBIDDEN_CHARACTERS.search(text)
    if found:
        what = describe_character(found.group())
        raise YamlProblem(*_mark(node), f"contains the invisible character {what}; delete it", loc)


def read_bytes(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, list[Problem]]:
    """A data file's bytes: only a regular file inside the project, and never more than the limit."""
    try:
        info = path.lstat()
        mode = info.st_mode
        if stat.S_ISLNK(mode):
            return None, [Problem(shown, 1, 1, "", "is a symbolic link; data files must be ordinary files")]
        if not stat.S_ISREG(mode):
            return None, [Problem(shown, 1, 1, "", "is not an ordinary file")]
        if info.st_size > limit:
            return None, [Problem(shown, 1, 1, "", f"file is {info.st_size} bytes; the limit is {limit}")]
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        return None, [Problem(shown, 1, 1, "", f"cannot read file: {exc.strerror}")]
    if len(raw) > limit:
        return None, [Problem(shown, 1, 1, "", f"file is more than {limit} bytes; the limit is {limit}")]
    return raw, []


def located(raw: bytes, shown: str) -> tuple[Located | None, list[Problem]]:
    """Parse one file's bytes; problems name it as `shown`."""
    try:
        return parse_yaml(raw), []
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.column, format_loc(exc.loc), exc.message)]
