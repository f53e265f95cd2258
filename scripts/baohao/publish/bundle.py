"""The offline bundle: the offline build zipped under one folder, without the files it never loads,
with sorted entries and fixed timestamps (two builds of one commit give the same bytes)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

SITE_SLUG = "baohao-guide"
OFFLINE_ZIP = f"{SITE_SLUG}-offline.zip"
ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can carry
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


def zip_timestamp(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    t = time.gmtime(max(epoch or ZIP_EPOCH, ZIP_EPOCH))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def write_bundle(site: Path, target: Path, epoch: int | None) -> int:
    """Zip an offline build. Returns its size in bytes."""
    stamp = zip_timestamp(epoch)
    files = sorted(p for p in site.rglob("*") if p.is_file() and not _unused_offline(p.relative_to(site)))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            info = zipfile.ZipInfo(f"{SITE_SLUG}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes(), compresslevel=9)
    return target.stat().st_size
