"""A country or service file is named after its id (`uz.yml` holds `code: uz`, `wechat.yml` holds
`id: wechat`), with the .yml suffix."""

from __future__ import annotations

from ..problems import Problem
from .base import DataFile, FileRule, References

ID_FIELD = {"country": "code", "service": "id"}


def check(file: DataFile, refs: References) -> list[Problem]:
    problems = []
    if file.path.suffix != ".yml":
        problems.append(Problem(file.shown, 1, 1, "", f"{file.kind} files must end in .yml"))
    field = ID_FIELD[file.kind]
    data = file.located.data
    value = data.get(field) if isinstance(data, dict) else None
    if isinstance(value, str) and value != file.path.stem:
        problems.append(
            file.problem(
                (field,), f"is {value!r} but the file is named {file.path.name}; name it {value}.yml or fix the {field}"
            )
        )
    return problems


RULE = FileRule("file-name", frozenset(ID_FIELD), check)
