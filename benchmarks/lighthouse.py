"""Lighthouse scores of a built site (optional: needs npm and Debian's chromium)."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .weights import GZIP_LEVEL

LIGHTHOUSE_VERSION = "13.5.0"  # `npm view lighthouse version`, November 2026
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_GOOD = 95
LIGHTHOUSE_METRICS = (  # recorded with the scores (milliseconds; layout shift unitless)
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
CHROMIUM = Path("/usr/bin/chromium")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class LighthouseError(Exception):
    """Lighthouse could not be installed."""


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def lighthouse_missing() -> str | None:
    if not shutil.which("npm"):
        return "npm is not installed (sudo apt-get install npm)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (sudo apt-get install chromium)"
    return None


def install_lighthouse(prefix: Path) -> Path:
    """npm lighthouse@LIGHTHOUSE_VERSION in build/node_modules, installed once."""
    package = prefix / "node_modules" / "lighthouse" / "package.json"
    if not package.is_file() or json.loads(package.read_text(encoding="utf-8")).get("version") != LIGHTHOUSE_VERSION:
        _progress(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {prefix}/node_modules")
        prefix.mkdir(parents=True, exist_ok=True)
        cmd = ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
        if proc.returncode:
            raise LighthouseError(f"npm install lighthouse failed: {proc.stderr[-1000:]}")
    return prefix / "node_modules" / ".bin" / "lighthouse"


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files gzipped when the browser asks, as a real web host serves them (Lighthouse scores
    transfer sizes); quiet."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """site/ over http on 127.0.0.1 (gzip as on a real host), in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run_lighthouse(binary: Path, url: str, report: Path) -> dict[str, Any]:
    cmd = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--disable-full-page-screenshot",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=300)
    if proc.returncode or not report.is_file():
        return {"url": url, "error": (proc.stderr or proc.stdout)[-1000:]}
    result = json.loads(report.read_text(encoding="utf-8"))
    categories, audits = result["categories"], result["audits"]
    scores = {
        c: round(categories[c]["score"] * 100) if categories.get(c, {}).get("score") is not None else None
        for c in LIGHTHOUSE_CATEGORIES
    }
    return {
        "url": url,
        "report": str(report),
        "scores": scores,
        "pass": {c: s is not None and s >= LIGHTHOUSE_GOOD for c, s in scores.items()},
        "metrics": {m: audits[m].get("numericValue") for m in LIGHTHOUSE_METRICS if m in audits},
    }


def lighthouse(site: Path, label: str, reports: Path, prefix: Path) -> dict[str, Any]:
    """Scores of the home page and the first country page; Lighthouse is installed under prefix/node_modules."""
    missing = lighthouse_missing()
    if missing:
        return {"skipped": f"Lighthouse skipped: {missing}"}
    try:
        binary = install_lighthouse(prefix)
    except (LighthouseError, subprocess.TimeoutExpired) as exc:
        return {"skipped": f"Lighthouse skipped: {exc}"}
    reports.mkdir(parents=True, exist_ok=True)
    country = sorted(site.glob("countries/*/index.html"))[0].parent.name
    pages: dict[str, Any] = {}
    with serve(site) as base:
        for name, path in (("home", "/"), ("country", f"/countries/{country}/")):
            _progress(f"lighthouse: {base}{path}")
            pages[name] = run_lighthouse(binary, base + path, reports / f"lighthouse-{name}.json")
    return {"version": LIGHTHOUSE_VERSION, "site": label, "form_factor": "mobile", "pages": pages}


def report_lines(lh: dict[str, Any]) -> list[str]:
    if "skipped" in lh:
        return [lh["skipped"]]
    lines = [f"Lighthouse {lh['version']} on the {lh['site']} site, {lh['form_factor']} (good: >= {LIGHTHOUSE_GOOD})"]
    lines.append(f"{'page':10}" + "".join(f"{c:>16}" for c in LIGHTHOUSE_CATEGORIES))
    for name, page in lh["pages"].items():
        if "error" in page:
            last = (page["error"].strip().splitlines() or ["no output"])[-1]
            lines.append(f"{name:10}failed: {last}")
            continue
        cells = [
            f"{s if s is not None else '-'}{'' if ok else ' (<95)'}"
            for s, ok in zip(page["scores"].values(), page["pass"].values(), strict=True)
        ]
        lines.append(f"{name:10}" + "".join(f"{c:>16}" for c in cells))
    return lines
