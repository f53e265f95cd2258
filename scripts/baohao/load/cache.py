"""Country files that passed every check, kept as validated models in build/, so that checking or
rendering 200 files re-reads only the ones that changed.

An entry is used only if the file's bytes are the same, and the whole cache only if the code that
validates (this package's load/, models and patterns), the shared vocabularies and the library
versions are the same as when it was written. A file with any problem is never cached, so every
problem is always found again, with its location.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from importlib import metadata
from pathlib import Path

from ..models import Country
from ..project import Project

CACHE_FILE = Path("cache") / "countries.pickle"
_PACKAGE = Path(__file__).resolve().parents[1]
_VALIDATING_CODE = ("load", "models.py", "patterns.py", "cldr.py")


def file_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _salt(vocabulary: list[bytes]) -> str:
    """What every cached result depends on besides the file itself."""
    digest = hashlib.sha256(sys.version.encode())
    for package in ("pydantic", "pydantic-core", "babel", "pyyaml"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    code = [p for name in _VALIDATING_CODE for p in sorted((_PACKAGE / name).rglob("*.py"))]
    code += [_PACKAGE / name for name in _VALIDATING_CODE if name.endswith(".py")]
    for path in sorted(set(code)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for raw in vocabulary:
        digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


class CountryCache:
    def __init__(self, project: Project, vocabulary: list[bytes]):
        """`vocabulary`: the bytes of the shared files the checks of a country file depend on."""
        self.path = project.build_dir / CACHE_FILE
        self.salt = _salt(vocabulary)
        self.entries: dict[str, Country] = {}
        self.changed = False
        try:
            with self.path.open("rb") as stream:
                salt, entries = pickle.load(stream)
            if salt == self.salt and isinstance(entries, dict):
                self.entries = entries
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            self.entries = {}
        self.used: set[str] = set()

    def get(self, key: str) -> Country | None:
        model = self.entries.get(key)
        if model is not None:
            self.used.add(key)
        return model

    def put(self, key: str, model: Country) -> None:
        self.entries[key] = model
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Keep the entries of this run's files only; write only if something changed."""
        stale = set(self.entries) - self.used
        if not (self.changed or stale):
            return
        kept = {key: self.entries[key] for key in self.used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        with tmp.open("wb") as stream:
            pickle.dump((self.salt, kept), stream, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)
