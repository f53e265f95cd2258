"""Country files that passed every check, kept as validated models in build/, so that checking or
rendering 200 files re-reads only the ones that changed.

What a checkout supplies is never trusted. `build/` is ignored by git, but a pull request can
force-add files there and CI checks out what it is given, so the cache guarantees three things:

- **It runs no code from the checkout.** The file is signed with a key kept outside the project
  (`~/.cache/baohao/cache-key`, or under `$XDG_CACHE_HOME`, made on first use, readable only by its
  owner). The signature (HMAC-SHA256 over the whole file) is checked, in constant time, before a
  single byte is unpickled; a file that does not carry this machine's signature is ignored. Even a
  signed file is read by an unpickler that can build only this package's models, dates and decimals.
- **It never stands in for validation.** An entry is the model this code built from a file whose
  bytes hash to the entry's key, written only after the file passed every check; it is used only
  for a file with exactly those bytes.
- **A change in what counts as valid reaches every file.** The salt covers every module of this
  package (the rules, the models, the URL and host checks: any code that decides), the shared
  vocabularies and the library versions; any difference discards the whole cache.

A file with any problem is never cached, so every problem is always found again, with its location.
Without a writable key directory nothing is cached, and every file is checked every time.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import models
from ..models import Country
from ..project import Project

CACHE_FILE = Path("cache") / "countries.pickle"
_PACKAGE = Path(__file__).resolve().parents[1]
_MAC_SIZE = hashlib.sha256().digest_size


def file_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def key_file() -> Path:
    """Where the signing key lives: in the user's cache directory, never in the project."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "baohao" / "cache-key"


def _signing_key(create: bool) -> bytes | None:
    """This machine's key, made on first use (None when it cannot be read or made)."""
    path = key_file()
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    if not create:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(secrets.token_bytes(32))
        tmp.replace(path)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def _salt(vocabulary: list[bytes]) -> str:
    """What every cached result depends on besides the file itself."""
    digest = hashlib.sha256(sys.version.encode())
    for package in ("pydantic", "pydantic-core", "babel", "pyyaml", "publicsuffixlist"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for raw in vocabulary:
        digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


class _ModelsOnly(pickle.Unpickler):
    """Builds only this package's models, dates and decimals: nothing that can run code."""

    def find_class(self, module: str, name: str) -> Any:
        if module == models.__name__:
            found = getattr(models, name, None)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        if (module, name) == ("datetime", "date"):
            return dt.date
        if (module, name) == ("decimal", "Decimal"):
            return decimal.Decimal
        raise pickle.UnpicklingError(f"the cache may not build {module}.{name}")


class CountryCache:
    def __init__(self, project: Project, vocabulary: list[bytes]):
        """`vocabulary`: the bytes of the shared files the checks of a country file depend on."""
        self.path = project.build_dir / CACHE_FILE
        self.salt = _salt(vocabulary)
        self.key = _signing_key(create=True)
        self.entries: dict[str, Country] = {}
        self.changed = False
        self.used: set[str] = set()
        self.entries = self._read()

    def _read(self) -> dict[str, Country]:
        if self.key is None:
            return {}
        signed = _read_regular_file(self.path)
        if signed is None:
            return {}
        mac, payload = signed[:_MAC_SIZE], signed[_MAC_SIZE:]
        if not hmac.compare_digest(mac, hmac.digest(self.key, payload, "sha256")):
            return {}  # not written by this code on this machine: never unpickled
        try:
            salt, entries = _ModelsOnly(io.BytesIO(payload)).load()
        except Exception:
            return {}
        if salt != self.salt or not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, Country)}

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
        if self.key is None or not (self.changed or stale):
            return
        kept = {key: self.entries[key] for key in self.used}
        payload = pickle.dumps((self.salt, kept), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.unlink(missing_ok=True)  # a planted link is removed, never written through
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            with os.fdopen(fd, "wb") as stream:
                stream.write(hmac.digest(self.key, payload, "sha256") + payload)
            tmp.replace(self.path)
        except OSError:
            pass  # no cache is only a slower next run


_MAX_CACHE_BYTES = 512 * 1024 * 1024


def _read_regular_file(path: Path) -> bytes | None:
    """The bytes of a regular file of sane size, not through a link (None otherwise)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_CACHE_BYTES:
            return None
        return stream.read(_MAX_CACHE_BYTES + 1)
