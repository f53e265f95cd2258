"""`make new-country CODE=kg`: start a country file from the annotated template."""

from __future__ import annotations

import datetime as dt
import re
import sys

from babel.numbers import get_territory_currencies

from .cldr import ISO_COUNTRY_CODES, country_name
from .load.problems import printable
from .load.rules.placeholders import PLACEHOLDER
from .load.yaml_reader import located, read_bytes
from .present.escape import environment
from .project import Project

TEMPLATE = "new-country.yml.j2"
USAGE = "usage: make new-country CODE=kg (or python -m baohao new-country kg)"
# Exactly two ASCII letters: the value names a file, so nothing else (spaces, line breaks, slashes,
# shell syntax) may pass, however the caller quoted it.
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")


def region_ids(project: Project) -> list[str]:
    """The ids of data/regions.yml, in its order, for the starter file's comment (none if it does not read)."""
    path = project.data_dir / "regions.yml"
    raw, _ = read_bytes(path, project.shown(path))
    data = located(raw, project.shown(path))[0] if raw is not None else None
    regions = data.data.get("regions") if data is not None and isinstance(data.data, dict) else None
    if not isinstance(regions, list):
        return []
    return [r["id"] for r in regions if isinstance(r, dict) and isinstance(r.get("id"), str)]


def new_country(project: Project, code: str) -> int:
    if code == "":
        print(USAGE, file=sys.stderr)
        return 2
    if not _TWO_LETTERS.fullmatch(code) or code.upper() not in ISO_COUNTRY_CODES:
        shown = printable(code)
        print(
            f"'{shown}' is not an ISO 3166-1 alpha-2 country code: two letters, for example kg, tj, ge", file=sys.stderr
        )
        return 2
    code = code.lower()
    target = project.country_dir / f"{code}.yml"
    if target.exists():
        print(f"{project.shown(target)} already exists; edit it instead", file=sys.stderr)
        return 1
    currencies = get_territory_currencies(code.upper(), start_date=dt.date.today(), tender=True)
    text = (
        environment(project.templates_dir, "yaml")
        .get_template(TEMPLATE)
        .render(
            code=code,
            name_en=country_name(code, "en"),
            name_zh=country_name(code, "zh"),
            currency=currencies[0] if currencies else PLACEHOLDER,
            regions=", ".join(region_ids(project)) or "see data/regions.yml",
            today=dt.date.today().isoformat(),
        )
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {project.shown(target)}: replace every FILL IN, then run `make check`")
    return 0
