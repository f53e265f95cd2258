"""The sitemap without a known site address."""

from __future__ import annotations

import gzip
from pathlib import Path


def relative_sitemap(site_dir: Path, epoch: int | None) -> None:
    """Without a known site address MkDocs writes "None" before every URL; write relative ones instead
    (set BAOHAO_SITE_URL for absolute ones). `epoch`: the gzip header's time, for reproducible output."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8").replace(">None", ">").replace('"None', '"')
    sitemap.write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=epoch or 0))
