"""Checked country files are kept in build/cache, and every change that could matter is seen again."""

from __future__ import annotations

import os
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
    assert any("region: unknown region id 'nowhere'" in p for p in _problems(root))


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


# --- a cache planted in the checkout (build/ is ignored by git, but a pull request can force-add it)


class _RunsCode:
    """Unpickling this runs a command: what a planted pickle would try."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _broken(fixture_text: str) -> str:
    return fixture_text.replace("region: central-asia", "region: nowhere")


def _plant(root: Path, payload: bytes) -> Path:
    path = root / "build" / CACHE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)
    return path


@pytest.fixture(autouse=True)
def _own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_a_planted_pickle_runs_nothing_signed_or_not(tmp_path: Path, fixture_text: str) -> None:
    import hmac
    import pickle

    from baohao.load.cache import key_file

    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    load_all(project_at(root))  # makes this machine's key and a real cache
    marker = tmp_path / "ran"
    evil = pickle.dumps(("salt", {"x": _RunsCode(marker)}))
    for payload in (
        evil,  # unsigned
        hmac.digest(b"k" * 32, evil, "sha256") + evil,  # signed with another key
        hmac.digest(key_file().read_bytes(), evil, "sha256") + evil,  # even with this machine's key
    ):
        _plant(root, payload)
        assert [c.code for c in load_all(project_at(root)).countries] == ["kg"]
        assert not marker.exists()


def test_a_planted_entry_cannot_pass_a_file_it_was_not_made_from(tmp_path: Path, fixture_text: str) -> None:
    import hashlib
    import hmac
    import pickle

    from baohao.load.cache import _salt

    good = make_project(tmp_path / "good", {"kg.yml": fixture_text})
    model = load_all(project_at(good)).countries[0]
    root = make_project(tmp_path / "p", {"kg.yml": _broken(fixture_text)})
    key = hashlib.sha256((root / "data/countries/kg.yml").read_bytes()).hexdigest()
    vocabulary = [
        (root / "data" / f"{k}.yml").read_bytes() for k in ("documents", "checklists", "hosts", "staff_card", "regions")
    ]
    payload = pickle.dumps((_salt(vocabulary), {key: model}))  # the right salt and key, the wrong model
    for planted in (payload, hmac.digest(b"k" * 32, payload, "sha256") + payload):
        _plant(root, planted)
        assert any("region: unknown region id 'nowhere'" in p for p in _problems(root))


def test_a_planted_link_is_neither_read_nor_written_through(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    outside = tmp_path / "outside"
    outside.write_bytes(b"precious")
    cache = root / "build" / CACHE_FILE
    cache.parent.mkdir(parents=True)
    cache.symlink_to(outside)
    for name in (f".{cache.name}.tmp", f".{cache.name}.{os.getpid()}.tmp"):
        (cache.parent / name).symlink_to(outside)
    assert [c.code for c in load_all(project_at(root)).countries] == ["kg"]
    assert outside.read_bytes() == b"precious"
    assert not cache.is_symlink()  # replaced by a real file


def test_the_salt_covers_every_module_that_decides_what_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from baohao.load import cache

    copy = tmp_path / "baohao"
    shutil.copytree(cache._PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", copy)
    before = cache._salt([])
    for module in ("links.py", "certainty.py", "load/rules/source_tiers.py", "service_model.py"):
        path = copy / module
        original = path.read_bytes()
        path.write_bytes(original + b"\n# tightened\n")
        assert cache._salt([]) != before, module
        path.write_bytes(original)
    assert cache._salt([]) == before
