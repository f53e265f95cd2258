"""`make bench`: how the build and the pages scale with the number of countries.

For each size (default 5, 50 and 200 countries) a temporary project copy gets synthetic but valid
data (baohao.synthetic), is validated, then built the way `make site` builds: load+validate, render,
the online MkDocs build, the offline MkDocs build and its zip. Each build runs in a fresh child
process, several times (median reported). Then the output is measured: country page HTML, search
index and first-visit weight (gzipped), the offline zip, and `python -m baohao check` time.
Optionally Lighthouse scores the smallest site. Prints a table; writes build/bench.json.

A target that is missed is reported, not raised: the command still exits 0 (1 only if a build fails).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from . import synthetic

ROOT = synthetic.ROOT
DEFAULT_SIZES = (5, 50, 200)
DEFAULT_OUT = ROOT / "build" / "bench.json"
GZIP_LEVEL = 6  # a typical web server setting
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
KB = 1024
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
HOOK_NOTE = (
    "The MkDocs stages include the hook (baohao.mkdocs_hook) re-running load+validate+render "
    "inside each of the two MkDocs builds; 'own stages' counts only the direct load and render stages."
)


class BenchError(Exception):
    """A build that did not finish: the figures for that size are missing."""


# --- one build, in a fresh child process -----------------------------------------------------


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def _max_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / KB  # kilobytes on Linux


def build_once(root: Path, out: Path) -> dict[str, Any]:
    """What `make site` does, stage by stage, into out/site, out/offline and out/<zip>."""
    from baohao.build import run_mkdocs
    from baohao.load import load_all
    from baohao.present.render import render
    from baohao.project import Project
    from baohao.publish import publish
    from baohao.publish.bundle import OFFLINE_ZIP, write_bundle

    project = Project.resolve(root)
    _, t_load = _timed(lambda: load_all(project))
    rendered, t_render = _timed(lambda: render(project))

    def online() -> int:
        code = run_mkdocs(project, out / "site", offline=False).wait()
        publish(out / "site", rendered.data, project, offline=False)
        return code

    code, t_online = _timed(online)
    rss_online = _max_rss_mb(resource.RUSAGE_CHILDREN)
    if code:
        raise BenchError(f"mkdocs build failed (exit {code})")

    def offline() -> int:
        if run_mkdocs(project, out / "offline", offline=True).wait():
            raise BenchError("offline mkdocs build failed")
        publish(out / "offline", rendered.data, project, offline=True)
        return write_bundle(out / "offline", out / OFFLINE_ZIP, project.epoch)

    zip_size, t_offline = _timed(offline)
    return {
        "time_s": {"load": t_load, "render": t_render, "mkdocs_online": t_online, "offline_bundle": t_offline},
        "peak_rss_mb": {
            "mkdocs_online": rss_online,
            "mkdocs": _max_rss_mb(resource.RUSAGE_CHILDREN),
            "parent": _max_rss_mb(resource.RUSAGE_SELF),
        },
        "offline_zip": zip_size,
    }


def _worker(root: Path, out: Path) -> int:
    try:
        result = build_once(root, out)
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 1
    (out / "result.json").write_text(json.dumps(result), encoding="utf-8")
    return 0


def _env() -> dict[str, str]:
    """The children build as `make site` does: dates from the last commit, edit links if there is a
    GitHub remote (the synthetic copies have no git history of their own)."""
    from baohao.project import Project

    settings = Project.resolve(ROOT)
    pinned = {"BAOHAO_REPOSITORY": settings.repository}
    if settings.epoch is not None:
        pinned["SOURCE_DATE_EPOCH"] = str(settings.epoch)
    return {**pinned, **os.environ, "PYTHONPATH": f"{ROOT / 'scripts'}{os.pathsep}{ROOT}", "NO_MKDOCS_2_WARNING": "1"}


def run_build(root: Path, out: Path) -> dict[str, Any]:
    """One whole build in a child process; `build` is its wall time, `startup` what the stages leave."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cmd = [sys.executable, "-m", "benchmarks.bench", "--worker", str(root), str(out)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, env=_env(), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise BenchError(f"build of {root} failed:\n{tail}")
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    result["time_s"]["build"] = wall
    result["time_s"]["startup"] = wall - sum(v for k, v in result["time_s"].items() if k != "build")
    return result


def time_check(root: Path) -> float:
    """`make check` in the copy: `python -m baohao check`, interpreter start-up included."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "baohao", "check"], cwd=root, env=_env(), capture_output=True, text=True, check=False
    )
    if proc.returncode:
        raise BenchError(f"check failed in {root}:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start


# --- measuring the output ----------------------------------------------------------------------


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
    return {"zh": sorted(site.glob("countries/*/index.html")), "en": sorted(site.glob("en/countries/*/index.html"))}


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


# --- one size ----------------------------------------------------------------------------------


def _median_of(results: list[dict[str, Any]], key: str) -> dict[str, float]:
    return {name: statistics.median(r[key][name] for r in results) for name in results[0][key]}


def bench_size(size: int, runs: int, seed: int, work: Path) -> dict[str, Any]:
    from baohao.load import load_all
    from baohao.project import Project

    base = work / str(size)
    project = synthetic.make_project(base / "project", size, seed)
    pristine = base / "docs-pristine"
    shutil.copytree(project / "docs", pristine)
    load_all(Project.resolve(project))  # raises DataError if the synthetic data were invalid
    builds = []
    for run in range(1, runs + 1):
        shutil.rmtree(project / "docs")
        shutil.copytree(pristine, project / "docs")  # a cold build: no generated pages yet
        builds.append(run_build(project, base / "out"))
        _progress(f"{size} countries: build {run}/{runs}: {builds[-1]['time_s']['build']:.1f} s")
    checks = [time_check(project) for _ in range(runs)]
    times = _median_of(builds, "time_s")
    times["check"] = statistics.median(checks)
    data_bytes = sum(p.stat().st_size for p in (project / "data" / "countries").glob("*.yml"))
    return {
        "countries": size,
        "data_bytes": data_bytes,
        "time_s": times,
        "time_s_runs": {
            **{k: [r["time_s"][k] for r in builds] for k in builds[0]["time_s"]},
            "check": checks,
        },
        "peak_rss_mb": _median_of(builds, "peak_rss_mb"),
        "offline_zip": builds[-1]["offline_zip"],
        **measure_site(base / "out" / "site"),
        "site": str(base / "out" / "site"),
    }


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- ratios and targets --------------------------------------------------------------------------


def _get(results: dict[int, Any], size: int, *keys: str) -> float | None:
    value: Any = results.get(size)
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def ratios(results: dict[int, Any]) -> dict[str, float | None]:
    load, render = _get(results, 200, "time_s", "load"), _get(results, 200, "time_s", "render")
    own = load + render if load is not None and render is not None else None
    build200 = _get(results, 200, "time_s", "build")
    return {
        "build_200_over_50": _ratio(build200, _get(results, 50, "time_s", "build")),
        "own_stages_share_200": _ratio(own, build200),
        # the hook repeats load+render in each of the two MkDocs builds
        "own_code_share_200_incl_hook_estimate": _ratio(3 * own if own is not None else None, build200),
        "page_gz_200_over_5": _ratio(
            _get(results, 200, "country_page_gz", "all", "median"), _get(results, 5, "country_page_gz", "all", "median")
        ),
    }


def _target(name: str, measured: float | None, limit: float, unit: str, strict: bool = False) -> dict[str, Any]:
    passed = None if measured is None else (measured < limit if strict else measured <= limit)
    return {"target": name, "measured": measured, "limit": limit, "unit": unit, "pass": passed}


def targets(results: dict[int, Any], r: dict[str, float | None]) -> list[dict[str, Any]]:
    visit = _get(results, 200, "first_visit_max_gz")
    return [
        _target("200-country build <= 4.5 x 50-country build", r["build_200_over_50"], 4.5, "x"),
        _target(
            "own stages (load, validate, render) < 10% of the build at 200",
            r["own_stages_share_200"],
            0.10,
            "share",
            strict=True,
        ),
        _target("check on 200 countries < 2 s", _get(results, 200, "time_s", "check"), 2.0, "s", strict=True),
        _target("median country page gz at 200 <= 1.3 x at 5", r["page_gz_200_over_5"], 1.3, "x"),
        _target("first visit (HTML+CSS+JS gz) <= 80 KB at 200", visit / KB if visit is not None else None, 80, "KB"),
    ]


# --- Lighthouse -----------------------------------------------------------------------------------


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
            raise BenchError(f"npm install lighthouse failed: {proc.stderr[-1000:]}")
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


def lighthouse(site: Path, label: str, reports: Path) -> dict[str, Any]:
    missing = lighthouse_missing()
    if missing:
        return {"skipped": f"Lighthouse skipped: {missing}"}
    try:
        binary = install_lighthouse(ROOT / "build")
    except (BenchError, subprocess.TimeoutExpired) as exc:
        return {"skipped": f"Lighthouse skipped: {exc}"}
    reports.mkdir(parents=True, exist_ok=True)
    country = sorted(site.glob("countries/*/index.html"))[0].parent.name
    pages: dict[str, Any] = {}
    with serve(site) as base:
        for name, path in (("home", "/"), ("country", f"/countries/{country}/")):
            _progress(f"lighthouse: {base}{path}")
            pages[name] = run_lighthouse(binary, base + path, reports / f"lighthouse-{name}.json")
    return {"version": LIGHTHOUSE_VERSION, "site": label, "form_factor": "mobile", "pages": pages}


# --- report ------------------------------------------------------------------------------------------


def _kb(value: float | None) -> str:
    return "-" if value is None else f"{value / KB:.1f}"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


ROWS: list[tuple[str, tuple[str, ...], Callable[[Any], str]]] = [
    ("build, whole (s)", ("time_s", "build"), _s),
    ("  load + validate (s)", ("time_s", "load"), _s),
    ("  render + write pages (s)", ("time_s", "render"), _s),
    ("  MkDocs online build (s) *", ("time_s", "mkdocs_online"), _s),
    ("  offline build + zip (s) *", ("time_s", "offline_bundle"), _s),
    ("  start-up, imports (s)", ("time_s", "startup"), _s),
    ("check (s)", ("time_s", "check"), _s),
    ("peak RSS MkDocs (MB)", ("peak_rss_mb", "mkdocs"), _mb),
    ("peak RSS parent (MB)", ("peak_rss_mb", "parent"), _mb),
    ("data files (KB)", ("data_bytes",), _kb),
    ("country page gz, median (KB)", ("country_page_gz", "all", "median"), _kb),
    ("country page gz, largest (KB)", ("country_page_gz", "all", "max"), _kb),
    ("search index zh gz (KB)", ("search_index", "zh", "gz"), _kb),
    ("search index en gz (KB)", ("search_index", "en", "gz"), _kb),
    ("offline zip (KB)", ("offline_zip",), _kb),
    ("first visit zh, HTML+CSS+JS gz (KB)", ("first_visit", "zh", "total_gz"), _kb),
    ("first visit en, HTML+CSS+JS gz (KB)", ("first_visit", "en", "total_gz"), _kb),
    ("  of which page HTML (KB)", ("first_visit", "zh", "html_gz"), _kb),
    ("search worker script gz, not counted (KB)", ("first_visit", "zh", "search_worker_gz"), _kb),
]


def _table(report: dict[str, Any]) -> list[str]:
    sizes = [int(s) for s in report["results"]]
    lines = [f"{'countries':44}" + "".join(f"{s:>10}" for s in sizes)]
    for label, keys, fmt in ROWS:
        cells = [fmt(_get(report["results"], s, *keys)) for s in sizes]
        lines.append(f"{label:44}" + "".join(f"{c:>10}" for c in cells))
    for size in sizes:
        if "error" in report["results"][size]:
            lines.append(f"{size} countries: FAILED: {report['results'][size]['error']}")
    return lines


def _verdict(passed: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "n/a "}[passed]


def _measured(t: dict[str, Any]) -> str:
    m = t["measured"]
    if m is None:
        return "not measured (needs the sizes 5, 50 and 200)"
    if t["unit"] == "share":
        return f"{m:.1%} (limit {t['limit']:.0%})"
    return f"{m:.2f} {t['unit']} (limit {t['limit']} {t['unit']})"


def _lighthouse_lines(lh: dict[str, Any]) -> list[str]:
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


def format_report(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        f"baohao benchmark: medians of {report['runs']} run(s) per size; {m['cpus']} CPUs; "
        f"sizes gzipped at level {GZIP_LEVEL}, 1 KB = 1024 bytes",
        "",
        *_table(report),
        "",
        f"* {HOOK_NOTE}",
        "  first visit: the largest country page (zh, and the same country in en) plus the CSS and JS it references;",
        "  not counted: the search index (fetched when a search starts) and the search worker script",
        "  (both load only when the reader starts a search; see 'search worker script gz').",
        "",
        "ratios:",
    ]
    for name, value in report["ratios"].items():
        lines.append(f"  {name:40} {'-' if value is None else f'{value:.3f}'}")
    lines += ["", "targets:"]
    lines += [f"  {_verdict(t['pass'])}  {t['target']}: {_measured(t)}" for t in report["targets"]]
    if report.get("lighthouse"):
        lines += ["", *_lighthouse_lines(report["lighthouse"])]
    return "\n".join(lines)


# --- command line --------------------------------------------------------------------------------


def _machine() -> dict[str, Any]:
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False)
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")}
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "commit": commit.stdout.strip() or None,
        "uncommitted_changes": bool(status.stdout.strip()),  # the working tree was measured, not the commit
        **versions,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="country counts (default 5,50,200)")
    parser.add_argument(
        "--runs",
        type=int,
        default=int(os.environ.get("BENCH_RUNS", "3")),
        help="builds per size (default 3, or BENCH_RUNS)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic data")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the JSON goes (default build/bench.json)")
    parser.add_argument(
        "--lighthouse",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="score the smallest site with Lighthouse (default on)",
    )
    parser.add_argument("--worker", nargs=2, type=Path, metavar=("ROOT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1:
        parser.error("--sizes needs positive numbers and --runs at least 1")
    return args


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from baohao.load import DataError

    results: dict[int, Any] = {}
    for size in args.sizes:
        try:
            results[size] = bench_size(size, args.runs, args.seed, work)
        except (BenchError, DataError) as exc:
            message = exc.report() if isinstance(exc, DataError) else str(exc)
            results[size] = {"countries": size, "error": message}
            _progress(f"{size} countries: FAILED: {message}")
    r = ratios(results)
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "runs": args.runs,
        "seed": args.seed,
        "sizes": args.sizes,
        "notes": [HOOK_NOTE, f"gzip level {GZIP_LEVEL}; sizes in bytes; times in seconds (medians)"],
        "results": results,
        "ratios": r,
        "targets": targets(results, r),
    }
    if args.lighthouse:
        report["lighthouse"] = _lighthouse_smallest(results, args.out.parent)
    return report


def _lighthouse_smallest(results: dict[int, Any], reports: Path) -> dict[str, Any]:
    built = [size for size, result in sorted(results.items()) if "site" in result]
    if not built:
        return {"skipped": "Lighthouse skipped: no site was built"}
    return lighthouse(Path(results[built[0]]["site"]), f"{built[0]}-country", reports)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return _worker(*args.worker)
    with tempfile.TemporaryDirectory(prefix="baohao-bench-") as tmp:
        report = run(args, Path(tmp))
    for result in report["results"].values():
        result.pop("site", None)  # a temporary directory, gone now
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(format_report(report))
    print(f"\nwritten: {args.out}")
    return 1 if any("error" in r for r in report["results"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
