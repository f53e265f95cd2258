"""The committed JSON Schemas are generated from the models and must be current."""

from __future__ import annotations

from conftest import ROOT, run_cli


def test_committed_schemas_are_current() -> None:
    result = run_cli(ROOT, "schema", "--check")
    assert result.returncode == 0, result.stderr


def test_data_files_point_editors_at_the_schema() -> None:
    for path in sorted((ROOT / "data/countries").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/country.schema.json", path.name
