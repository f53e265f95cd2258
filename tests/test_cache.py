"""Checked country files are kept in build/cache, and every change that could matter is seen again."""

from __future__ import annotations

from pathlib import Path

import pytest

from baohao.load import DataError, load_all
from baohao.load.cache import CACHE_FILE
from conftest import make_project, project_at


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_all(project_at(root))
    return [str(p) for p in caught.value.problems]


def test_a_clean_run_caches_and_an_edited_file_is_checked_again(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    first = load_all(project_at(root))
    assert (root / "build" / CACHE_FILE).exists()
    assert load_all(project_at(root)).countries == first.countries  # from the cache, the same models
    (root / "data/countries/kg.yml").write_text(fixture_text.replace("region: central-asia", "region: nowhere"))
    assert any("region: unknown region 'nowhere'" in p for p in _problems(root))


def test_a_changed_vocabulary_invalidates_every_cached_file(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    load_all(project_at(root))
    documents = root / "data/documents.yml"
    text = documents.read_text(encoding="utf-8")
    documents.write_text(text.replace("- id: sim-card", "- id: sim-card-renamed"), encoding="utf-8")
    assert any("unknown document id 'sim-card'" in p for p in _problems(root))


def test_a_cached_file_renamed_to_another_code_is_an_error(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    load_all(project_at(root))
    (root / "data/countries/kg.yml").rename(root / "data/countries/tj.yml")
    assert any("is 'kg' but the file is named tj.yml" in p for p in _problems(root))


def test_an_unreadable_cache_is_ignored(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    (root / "build" / CACHE_FILE).parent.mkdir(parents=True)
    (root / "build" / CACHE_FILE).write_bytes(b"not a pickle")
    assert [c.code for c in load_all(project_at(root)).countries] == ["kg"]
