"""A problem in the data, located as `file:line:col: field: message`, and the error that carries them all."""

from __future__ import annotations

from dataclasses import dataclass

Loc = tuple[str | int, ...]


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
