"""What a reader downloads: country page HTML, search index and first-visit weight, gzipped."""

from __future__ import annotations

import gzip
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6  # a typical web server setting
KB = 1024


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _Assets(HTMLParser):
    """Stylesheets and scripts a page loads on its own: <link rel=stylesheet href>, <script src>."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").lower().split() and a.get("href"):
            self.css.append(a["href"] or "")
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"] or "")


SEARCH_WORKER = re.compile(r'"search":\s*"([^"]*workers/search[^"]*)"')


def _only_when_searching(path: str) -> bool:
    return "search_index" in path or "/workers/search" in path


def _resolve(site: Path, page: Path, ref: str) -> Path | None:
    """A page's reference as a file in site/, or None for another host."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    base = site if path.startswith("/") else page.parent
    return (base / path.lstrip("/")).resolve()


def first_visit(site: Path, page: Path) -> dict[str, Any]:
    """The page HTML plus every stylesheet and script it references, each gzipped on its own."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    files: list[dict[str, Any]] = []
    external: list[str] = []
    for kind, refs in (("css", parser.css), ("js", parser.js)):
        for ref in dict.fromkeys(refs):
            target = _resolve(site, page, ref)
            if target is None:
                external.append(ref)
            elif not _only_when_searching(target.as_posix()) and target.is_file():
                files.append(
                    {
                        "kind": kind,
                        "path": target.relative_to(site.resolve()).as_posix(),
                        "gz": gz_size(target.read_bytes()),
                    }
                )
    html_gz = gz_size(html)
    return {
        "page": page.parent.relative_to(site).as_posix() + "/",
        "html_gz": html_gz,
        "css_gz": sum(f["gz"] for f in files if f["kind"] == "css"),
        "js_gz": sum(f["gz"] for f in files if f["kind"] == "js"),
        "total_gz": html_gz + sum(f["gz"] for f in files),
        "files": files,
        "external": external,
        "search_worker_gz": _search_worker_gz(site, page, html.decode("utf-8")),
    }


def _search_worker_gz(site: Path, page: Path, html: str) -> int | None:
    """Material's search worker script, named in the page's config: not in the first-visit total,
    since the site starts the worker only when a search starts (templates/theme/main.html)."""
    match = SEARCH_WORKER.search(html)
    target = _resolve(site, page, match.group(1)) if match else None
    return gz_size(target.read_bytes()) if target is not None and target.is_file() else None


def country_pages(site: Path) -> dict[str, list[Path]]:
    """Every place's and every brand's page (`countries/<code>/`, `countries/<code>/<operator>/`)."""
    return {
        lang: sorted([*site.glob(f"{prefix}countries/*/index.html"), *site.glob(f"{prefix}countries/*/*/index.html")])
        for lang, prefix in (("zh", ""), ("en", "en/"))
    }


def page_sizes(site: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    everything: list[int] = []
    for lang, pages in country_pages(site).items():
        sizes = {page: gz_size(page.read_bytes()) for page in pages}
        largest = max(sizes, key=sizes.__getitem__)
        out[lang] = {
            "pages": len(pages),
            "median": statistics.median(sizes.values()),
            "max": sizes[largest],
            "largest": largest.parent.relative_to(site).as_posix() + "/",
        }
        everything += sizes.values()
    out["all"] = {"median": statistics.median(everything), "max": max(everything)}
    return out


def search_index_sizes(site: Path) -> dict[str, Any]:
    out = {}
    for lang, path in (
        ("zh", site / "search" / "search_index.json"),
        ("en", site / "en" / "search" / "search_index.json"),
    ):
        data = path.read_bytes() if path.is_file() else b""
        out[lang] = {"bytes": len(data), "gz": gz_size(data) if data else 0}
    return out


def measure_site(site: Path) -> dict[str, Any]:
    pages = page_sizes(site)
    largest_zh = site / pages["zh"]["largest"] / "index.html"
    largest_en = site / "en" / pages["zh"]["largest"] / "index.html"
    visits = {"zh": first_visit(site, largest_zh)}
    if largest_en.is_file():
        visits["en"] = first_visit(site, largest_en)
    return {
        "html_pages": len(list(site.rglob("*.html"))),
        "country_page_gz": pages,
        "search_index": search_index_sizes(site),
        "first_visit": visits,
        "first_visit_max_gz": max(v["total_gz"] for v in visits.values()),
    }
