"""A country file is named after its code (`uz.yml` holds `code: uz`), with the .yml suffix."""

from __future__ import annotations

from ..problems import Problem
from .base import DataFile, FileRule, References


def check(file: DataFile, refs: References) -> list[Problem]:
    problems = []
    if file.path.suffix != ".yml":
        problems.append(Problem(file.shown, 1, 1, "", "country files must end in .yml"))
    data = file.located.data
    code = data.get("code") if isinstance(data, dict) else None
    if isinstance(code, str) and code != file.path.stem:
        problems.append(
            file.problem(
                ("code",), f"is {code!r} but the file is named {file.path.name}; name it {code}.yml or fix the code"
            )
        )
    return problems


RULE = FileRule("country-file-name", frozenset({"country"}), check)
