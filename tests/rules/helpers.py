"""A data file from YAML text, as the loader hands it to the rules."""

from __future__ import annotations

import textwrap
from pathlib import Path

from baohao.load.rules import DataFile
from baohao.load.yaml_reader import parse_yaml


def data_file(text: str, kind: str = "country", path: str = "data/countries/kg.yml") -> DataFile:
    located = parse_yaml(textwrap.dedent(text).encode("utf-8"))
    return DataFile(kind, Path(path), path, located)


def lines(problems: list[object]) -> list[str]:
    return sorted(str(p) for p in problems)
