"""`make site`: validate, render, build the online site and the offline bundle with MkDocs
into a temporary directory, then swap them into place.

A failed build leaves the previous site/ and dist/ exactly as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from .load import DataError
from .pages import prepare


def render_command(root: Path) -> int:
    try:
        data, changed = prepare(root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"rendered {len(data.countries)} countries; {len(changed)} file(s) changed")
    return 0


SITE_SLUG = "baohao-guide"
OFFLINE_ZIP = f"{SITE_SLUG}-offline.zip"
# Files the offline pages never use: source maps, search languages other than ours,
# the sitemaps (for crawlers), the 404 page (for servers), Material's default favicon
# (ours is an SVG), and the JSON index (on file:// Material loads search_index.js instead).
# Each index declares one language, so lunr.multi is never loaded either.
LUNR_KEEP = {"lunr.stemmer.support.min.js", "lunr.zh.min.js"}
UNUSED_OFFLINE = {"sitemap.xml", "sitemap.xml.gz", "404.html", "search_index.json", "favicon.png"}


def _unused_offline(rel: Path) -> bool:
    name = rel.name
    if name.endswith(".map") or name in UNUSED_OFFLINE:
        return True
    if rel.parent.name == "min" and rel.parent.parent.name == "lunr":
        return name not in LUNR_KEEP
    return rel.parent.name == "lunr" and name in {"tinyseg.js", "wordcut.js"}


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # default: 1980-01-01, the zip epoch
    t = time.gmtime(max(epoch, 315532800))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def write_bundle(site: Path, target: Path) -> int:
    """Zip an offline build: sorted entries under one top folder, fixed timestamps. Returns its size."""
    stamp = zip_timestamp()
    files = sorted(p for p in site.rglob("*") if p.is_file() and not _unused_offline(p.relative_to(site)))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            info = zipfile.ZipInfo(f"{SITE_SLUG}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes(), compresslevel=9)
    return target.stat().st_size


def mkdocs_build(root: Path, out: Path, *, offline: bool = False) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BAOHAO_OFFLINE": "true" if offline else "false"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    return subprocess.run(cmd, cwd=root, env=env, check=False).returncode


def pin_build_date(root: Path) -> None:
    """Reproducible output: dates in the build (sitemap, zip entries, "stale" checks) come from
    SOURCE_DATE_EPOCH, by default the time of the last commit."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False)
    if result.returncode == 0 and result.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()


def pin_repository(root: Path) -> None:
    """BAOHAO_REPOSITORY for the edit and report links, and BAOHAO_SITE_URL for the sitemap:
    as given, or from a GitHub origin remote (and its GitHub Pages address)."""
    if os.environ.get("BAOHAO_REPOSITORY"):
        return
    result = subprocess.run(
        ["git", "remote", "get-url", "origin"], cwd=root, capture_output=True, text=True, check=False
    )
    github = r"(?:https://github\.com/|git@github\.com:)([\w.-]+/[\w.-]+?)(?:\.git)?/?"
    match = re.fullmatch(github, result.stdout.strip())
    if result.returncode == 0 and match:
        os.environ["BAOHAO_REPOSITORY"] = f"https://github.com/{match.group(1)}"
        if not os.environ.get("BAOHAO_SITE_URL"):  # where GitHub Pages publishes this repository
            owner, name = match.group(1).split("/")
            pages = f"https://{owner.lower()}.github.io/"
            os.environ["BAOHAO_SITE_URL"] = pages if name.lower() == f"{owner.lower()}.github.io" else f"{pages}{name}/"


def site_command(root: Path, site_dir: Path, dist_dir: Path = Path("dist")) -> int:
    pin_build_date(root)
    pin_repository(root)
    if render_command(root):
        print("site not built; the previous site/ is unchanged", file=sys.stderr)
        return 1
    site = (root / site_dir).resolve()
    dist = (root / dist_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    try:
        if mkdocs_build(root, tmp / "out") or mkdocs_build(root, tmp / "offline", offline=True):
            print("mkdocs build failed; the previous site/ is unchanged", file=sys.stderr)
            return 1
        size = write_bundle(tmp / "offline", tmp / OFFLINE_ZIP)
        if site.exists():
            site.rename(tmp / "old")
        (tmp / "out").rename(site)
        dist.mkdir(parents=True, exist_ok=True)
        (tmp / OFFLINE_ZIP).replace(dist / OFFLINE_ZIP)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"site built in {os.path.relpath(site, Path.cwd())}/")
    print(f"offline bundle: {os.path.relpath(dist / OFFLINE_ZIP, Path.cwd())} ({size / 1024:.0f} KB)")
    return 0
