"""`make bench`: how long contributors wait, and what readers download, at 5, 50 and 200 countries.

For each size a temporary copy of the project (benchmarks/synthetic.py) gets that many countries: by
default real-size ones, the real files of data/countries/ and copies of them under other countries'
codes; `--data synthetic` uses generated files instead. The copy gets its own scripts/, so one
version of the code is measured throughout. Then, each in fresh processes (benchmarks/waits.py):
`make check` (no cache, cache with nothing changed, one file edited), `make site` (from a clean
copy), `make serve` (first build, then a few edits of one country file, each timed until the served
zh and en pages show it), and the stages of a build in-process. The last site built is measured
(benchmarks/weights.py): country pages, search index, first-visit weight, offline zip. Lighthouse
scores the smallest site if npm and chromium are there (benchmarks/lighthouse.py).

Medians are compared with the figures recorded in issue 9 before the restructuring (200 real-size
countries: check 3.5 s, site 146 s, serve rebuild about 25 s, 4 s at 5 countries). Those were taken
on another day, perhaps another machine; `--baseline REV` measures a commit (e.g. 6279d10) on the same
sizes, on this machine, for a like-for-like ratio (each commit with its own data files). `--rev REV`
measures a commit instead of the working tree (both through `git archive`, which touches neither the
working tree nor the index). `--serve-dirty` also tries `mkdocs serve --dirty`. Prints a table;
writes build/bench.json. Options: `make bench BENCH_ARGS="--sizes 5,50 --no-lighthouse"`.

A missed target is reported, not raised: the command exits 0 (1 only if a measurement failed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn

from baohao.load.problems import printable

from . import lighthouse as lh
from . import synthetic, waits
from .weights import GZIP_LEVEL, KB, measure_site

ROOT = synthetic.ROOT
DEFAULT_SIZES = (5, 50, 200)
DEFAULT_OUT = ROOT / "build" / "bench.json"
HEADLINE_SIZE = 200
# Issue 9, "Speed where contributors wait": before the restructuring (6279d10), 200 real-size countries.
PREVIOUS: dict[str, dict[int, float]] = {
    "check": {200: 3.5},
    "site": {200: 146.0},
    "serve_rebuild": {200: 25.0, 5: 4.0},
}
SITE_TARGET_SHARE = 0.6  # make site at 200: at most this share of the previous time
# (label, key in time_s, key in PREVIOUS): the waits compared with the previous figures
WAITS = [
    ("make check, one file edited", "check_edited", "check"),
    ("make check, no cache", "check_cold", "check"),
    ("make site", "site", "site"),
    ("make serve, edit -> page shows it", "serve_rebuild", "serve_rebuild"),
    ("mkdocs serve --dirty, edit -> shown", "serve_dirty_rebuild", "serve_rebuild"),  # with --serve-dirty
]
NOTES = [
    "times in seconds, medians of the runs listed in time_s_runs; sizes in bytes, gzipped at level "
    f"{GZIP_LEVEL}; each command runs in a fresh process in the project copy, interpreter start-up included",
    "make check: check_cold with build/ removed before each run; check_unchanged with the cache and no "
    "change; check_edited after one text of one country file changed (the cache holds the other files)",
    "make site: python -m baohao site from a copy with no generated pages and no build/ (no cache)",
    "make serve: serve_rebuild is the time from writing the edited file until the dev server serves "
    "the country's zh and en pages with the new text; serve_settled until the server is idle again "
    "(the hook's rewrite of the generated page sets off a second build); builds_started per edit",
    "first visit: the largest country page (zh, and the same country in en) plus the CSS and JS it "
    "references; the search index and search worker load only when a search starts and are not counted",
]


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


# --- the project to measure -------------------------------------------------------------------------


def resolve_rev(rev: str) -> str:
    """The commit a name stands for now (HEAD moves while a long run goes on)."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    if not commit:
        raise SystemExit(f"no commit {rev!r} in {ROOT}")
    return commit


def export_rev(commit: str, dest: Path) -> Path:
    """The files of `commit` in dest (git archive: the working tree and index are not touched)."""
    proc = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit], capture_output=True, check=False)
    if proc.returncode:
        raise SystemExit(f"git archive {commit} failed: {proc.stderr.decode(errors='replace').strip()}")
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def pinned_settings() -> dict[str, str]:
    """The real project's build date and repository, for the copies (which have no git history)."""
    from baohao.project import Project

    settings = Project.resolve(ROOT)
    pinned = {"BAOHAO_REPOSITORY": settings.repository}
    if settings.epoch is not None:
        pinned["SOURCE_DATE_EPOCH"] = str(settings.epoch)
    return pinned


# --- one size ----------------------------------------------------------------------------------------


def _runs(timed: list[waits.Timed]) -> list[float]:
    return [t.wall for t in timed]


def bench_size(
    size: int, args: argparse.Namespace, work: Path, source: Path, pinned: dict[str, str], *, stages: bool
) -> dict[str, Any]:
    base = work / str(size)
    real = args.data == "real"
    project = synthetic.make_project(
        base / "project", size, args.seed, source, real=real, real_files=args.real_files, copy_scripts=True
    )
    env = waits.child_env(project, pinned)
    files = sorted((project / "data" / "countries").glob("*.yml"))
    sizes = [path.stat().st_size for path in files]
    edited = files[0]
    load_before = os.getloadavg()
    runs: dict[str, list[float]] = {}
    rss: dict[str, float | None] = {}

    _progress(f"{size} countries: make check x{args.check_runs} in each state of the cache")
    for name, timed in waits.time_checks(project, env, edited, args.check_runs).items():
        runs[name] = _runs(timed)
    stage_times = waits.time_stages(project, env) if stages else {}

    _progress(f"{size} countries: make site x{args.site_runs}")
    sites = waits.time_site(project, env, base / "out", args.site_runs)
    runs["site"] = _runs(sites)
    rss["site"] = _median([t.peak_rss_mb for t in sites])
    _progress(f"{size} countries: make site {', '.join(f'{t:.1f}' for t in runs['site'])} s")

    serve = _time_serves(project, env, edited, args, runs, rss) if args.edits else {}

    times: dict[str, float | None] = {name: _median(values) for name, values in runs.items()}
    times.update(stage_times)
    site = base / "out" / "site"
    zips = sorted((base / "out" / "dist").glob("*.zip"))
    return {
        "countries": size,
        "data": args.data,
        "data_bytes": sum(sizes),
        "data_file_bytes": {"median": statistics.median(sizes), "max": max(sizes)},
        "time_s": times,
        "time_s_runs": runs,
        "serve": serve,
        "peak_rss_mb": rss,
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "offline_zip": zips[0].stat().st_size if zips else None,
        **measure_site(site),
        "site": str(site),
    }


def _time_serves(
    project: Path,
    env: dict[str, str],
    edited: Path,
    args: argparse.Namespace,
    runs: dict[str, list[float]],
    rss: dict[str, float | None],
) -> dict[str, Any]:
    """`make serve` (and with --serve-dirty `mkdocs serve --dirty`): times into runs and rss, the rest returned."""
    serve: dict[str, Any] = {}
    size = len(list(edited.parent.glob("*.yml")))
    for variant in ("serve", "serve_dirty") if args.serve_dirty else ("serve",):
        flag = " --dirty" if variant == "serve_dirty" else ""
        _progress(f"{size} countries: make serve{flag}, {args.edits} edit(s) of {edited.name}")
        # --dirty is an experiment: give up once an edit takes 3 times the plain server's first build
        # (mkdocs-static-i18n 1.3.1 can spend many minutes deduplicating the search index of a dirty build)
        limit = max(60.0, 3 * runs["serve_first_build"][0]) if flag else waits.TIMEOUT
        try:
            found = waits.time_serve(project, env, edited, args.edits, dirty=bool(flag), rebuild_timeout=limit)
        except waits.BenchError as exc:
            if not flag:
                raise
            serve[variant] = {"error": str(exc)}  # an extra: the size's other figures stand
            _progress(f"{size} countries: make serve{flag} FAILED: {exc}")
            continue
        runs[f"{variant}_rebuild"], runs[f"{variant}_settled"] = found.pop("rebuild"), found.pop("settled")
        runs[f"{variant}_first_build"] = [found.pop("first_build")]
        rss[variant] = found.pop("peak_rss_mb")
        found["phases_s"] = _median_phases(found.pop("phases"))
        serve[variant] = found
        _progress(f"{size} countries: rebuilds {', '.join(f'{t:.1f}' for t in runs[f'{variant}_rebuild'])} s")
    return serve


def _median_phases(edits: list[dict[str, float]]) -> dict[str, float | None]:
    """Per step of the first build after an edit, the median time since the edit."""
    steps = dict.fromkeys(step for edit in edits for step in edit)
    return {step: _median([edit[step] for edit in edits if step in edit]) for step in steps}


def bench_all(
    args: argparse.Namespace, work: Path, source: Path, pinned: dict[str, str], *, stages: bool
) -> dict[int, Any]:
    results: dict[int, Any] = {}
    for size in args.sizes:
        try:
            results[size] = bench_size(size, args, work, source, pinned, stages=stages)
        except (waits.BenchError, ValueError) as exc:
            results[size] = {"countries": size, "error": str(exc)}
            _progress(f"{size} countries: FAILED: {exc}")
    return results


# --- comparisons and targets -------------------------------------------------------------------------


def _get(results: dict[int, Any], size: int, *keys: str) -> Any:
    value: Any = results.get(size)
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def comparison(results: dict[int, Any], baseline: dict[int, Any] | None = None) -> list[dict[str, Any]]:
    """Each wait at each size: its median, and its ratio to the previous figure and the baseline's."""
    rows = []
    for label, key, previous_key in WAITS:
        for size in sorted(results):
            median = _get(results, size, "time_s", key)
            previous = PREVIOUS[previous_key].get(size)
            base = _get(baseline, size, "time_s", key) if baseline else None
            rows.append(
                {
                    "wait": label,
                    "key": key,
                    "countries": size,
                    "median_s": median,
                    "previous_s": previous,
                    "ratio_to_previous": _ratio(median, previous),
                    "baseline_s": base,
                    "ratio_to_baseline": _ratio(median, base),
                }
            )
    return rows


def ratios(results: dict[int, Any]) -> dict[str, float | None]:
    load, render = _get(results, 200, "time_s", "load_cold"), _get(results, 200, "time_s", "render")
    site = _get(results, 200, "time_s", "site")
    return {
        "site_200_over_50": _ratio(site, _get(results, 50, "time_s", "site")),
        "load_cold_share_of_site_200": _ratio(load, site),
        "render_share_of_site_200": _ratio(render, site),
        "page_gz_200_over_5": _ratio(
            _get(results, 200, "country_page_gz", "all", "median"), _get(results, 5, "country_page_gz", "all", "median")
        ),
    }


def _target(name: str, measured: float | None, limit: float, unit: str, strict: bool = False) -> dict[str, Any]:
    passed = None if measured is None else (measured < limit if strict else measured <= limit)
    return {"target": name, "measured": measured, "limit": limit, "unit": unit, "pass": passed}


def targets(
    results: dict[int, Any], r: dict[str, float | None], baseline: dict[int, Any] | None = None
) -> list[dict[str, Any]]:
    at = HEADLINE_SIZE
    base_site = _get(baseline, at, "time_s", "site") if baseline else None
    site_ref, ref_name = (base_site, "the baseline") if base_site else (PREVIOUS["site"][at], "the previous")
    visit = _get(results, at, "first_visit_max_gz")
    return [
        _target(
            f"make check at {at}, one file edited, < 1 s", _get(results, at, "time_s", "check_edited"), 1.0, "s", True
        ),
        _target(f"make check at {at}, no cache, < 1 s", _get(results, at, "time_s", "check_cold"), 1.0, "s", True),
        _target(
            f"make site at {at} <= {SITE_TARGET_SHARE} x {ref_name} {site_ref:.0f} s",
            _get(results, at, "time_s", "site"),
            round(SITE_TARGET_SHARE * site_ref, 1),
            "s",
        ),
        _target(f"make serve rebuild at {at} < 5 s", _get(results, at, "time_s", "serve_rebuild"), 5.0, "s", True),
        _target(f"make site at {at} <= 4.5 x at 50", r["site_200_over_50"], 4.5, "x"),
        _target(f"median country page gz at {at} <= 1.3 x at 5", r["page_gz_200_over_5"], 1.3, "x"),
        _target(f"first visit (HTML+CSS+JS gz) <= 80 KB at {at}", visit / KB if visit is not None else None, 80, "KB"),
    ]


# --- report ------------------------------------------------------------------------------------------


def _kb(value: float | None) -> str:
    return "-" if value is None else f"{value / KB:.1f}"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _n(value: Any) -> str:
    return "-" if not value else "/".join(map(str, value))


ROWS: list[tuple[str, tuple[str, ...], Callable[[Any], str]]] = [
    ("data files, total (KB)", ("data_bytes",), _kb),
    ("data file, median (KB)", ("data_file_bytes", "median"), _kb),
    ("make check, one file edited (s)", ("time_s", "check_edited"), _s),
    ("make check, no cache (s)", ("time_s", "check_cold"), _s),
    ("make check, nothing changed (s)", ("time_s", "check_unchanged"), _s),
    ("make site (s)", ("time_s", "site"), _s),
    ("  load+validate, no cache, in-process (s)", ("time_s", "load_cold"), _s),
    ("  load+validate, cache, in-process (s)", ("time_s", "load_warm"), _s),
    ("  render step (load, pages, nav) (s)", ("time_s", "render"), _s),
    ("make serve, first build (s)", ("time_s", "serve_first_build"), _s),
    ("make serve, edit -> page shows it (s)", ("time_s", "serve_rebuild"), _s),
    ("make serve, edit -> server idle (s)", ("time_s", "serve_settled"), _s),
    ("  builds started per edit", ("serve", "serve", "builds_started"), _n),
    ("  edit -> watcher starts a build (s)", ("serve", "serve", "phases_s", "started"), _s),
    ("  -> zh pages start (config, hook) (s)", ("serve", "serve", "phases_s", "zh"), _s),
    ("  -> en pages start (s)", ("serve", "serve", "phases_s", "en"), _s),
    ("  -> build done (s)", ("serve", "serve", "phases_s", "built"), _s),
    ("make serve --dirty, edit -> page shows it (s)", ("time_s", "serve_dirty_rebuild"), _s),
    ("make serve --dirty, edit -> server idle (s)", ("time_s", "serve_dirty_settled"), _s),
    ("peak RSS, make site (MB)", ("peak_rss_mb", "site"), _mb),
    ("peak RSS, make serve (MB)", ("peak_rss_mb", "serve"), _mb),
    ("country page gz, median (KB)", ("country_page_gz", "all", "median"), _kb),
    ("country page gz, largest (KB)", ("country_page_gz", "all", "max"), _kb),
    ("search index zh gz (KB)", ("search_index", "zh", "gz"), _kb),
    ("search index en gz (KB)", ("search_index", "en", "gz"), _kb),
    ("offline zip (KB)", ("offline_zip",), _kb),
    ("first visit zh, HTML+CSS+JS gz (KB)", ("first_visit", "zh", "total_gz"), _kb),
    ("first visit en, HTML+CSS+JS gz (KB)", ("first_visit", "en", "total_gz"), _kb),
    ("  of which page HTML (KB)", ("first_visit", "zh", "html_gz"), _kb),
    ("search worker script gz, not counted (KB)", ("first_visit", "zh", "search_worker_gz"), _kb),
    (
        "load average before / after",
        ("load_average",),
        lambda v: "-" if not v else f"{v['before'][0]:.1f}/{v['after'][0]:.1f}",
    ),
]


def _table(results: dict[int, Any]) -> list[str]:
    sizes = sorted(results)
    lines = [f"{'countries':44}" + "".join(f"{s:>10}" for s in sizes)]
    for label, keys, fmt in ROWS:
        cells = [fmt(_get(results, s, *keys)) for s in sizes]
        if any(c != "-" for c in cells):
            lines.append(f"{label:44}" + "".join(f"{c:>10}" for c in cells))
    lines += [f"{s} countries: FAILED: {results[s]['error']}" for s in sizes if "error" in results[s]]
    return lines


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _comparison_lines(rows: list[dict[str, Any]], with_baseline: bool) -> list[str]:
    head = f"{'':36}{'countries':>10}{'median s':>10}{'previous':>10}{'ratio':>8}"
    if with_baseline:
        head += f"{'baseline':>10}{'ratio':>8}"
    lines = [head]
    for row in rows:
        if row["median_s"] is None and row["baseline_s"] is None:
            continue  # not measured (the --dirty serve without --serve-dirty)
        if row["previous_s"] is None and row["baseline_s"] is None:
            continue
        line = (
            f"{row['wait']:36}{row['countries']:>10}{_s(row['median_s']):>10}{_s(row['previous_s']):>10}"
            f"{_x(row['ratio_to_previous']):>8}"
        )
        if with_baseline:
            line += f"{_s(row['baseline_s']):>10}{_x(row['ratio_to_baseline']):>8}"
        lines.append(line)
    return lines


def _verdict(passed: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "n/a "}[passed]


def _measured(t: dict[str, Any]) -> str:
    m = t["measured"]
    if m is None:
        return "not measured"
    return f"{m:.2f} {t['unit']} (limit {t['limit']} {t['unit']})"


def format_report(report: dict[str, Any]) -> str:
    m = report["machine"]
    runs = report["runs"]
    lines = [
        f"baohao benchmark on {report['data']} data"
        + (f" (copies of {', '.join(report['real_files'])})" if isinstance(report.get("real_files"), list) else "")
        + f" ({report['measured']}); {m['cpus']} CPUs; medians of "
        f"{runs['check']} check run(s) per cache state, {runs['site']} site build(s), {runs['edits']} serve edit(s)",
        "",
        *_table(report["results"]),
    ]
    baseline = report.get("baseline")
    if baseline:
        lines += ["", f"baseline {baseline['rev']}:", *_table(baseline["results"])]
    lines += [
        "",
        "compared with the figures before the restructuring (issue 9: previous)"
        + (f" and with {baseline['rev']} measured now (baseline)" if baseline else ""),
        *_comparison_lines(report["comparison"], bool(baseline)),
        "",
        "ratios:",
        *(f"  {name:40} {'-' if v is None else f'{v:.3f}'}" for name, v in report["ratios"].items()),
        "",
        "targets:",
        *(f"  {_verdict(t['pass'])}  {t['target']}: {_measured(t)}" for t in report["targets"]),
        "",
        *(f"- {note}" for note in NOTES),
    ]
    if report.get("lighthouse"):
        lines += ["", *lh.report_lines(report["lighthouse"])]
    return "\n".join(lines)


# --- command line ------------------------------------------------------------------------------------


def _git(*args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return proc.stdout.strip()


def _machine() -> dict[str, Any]:
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")}
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "commit": _git("rev-parse", "HEAD") or None,
        "uncommitted_changes": bool(_git("status", "--porcelain")),  # with the working tree measured
        **versions,
    }


def _count(value: str) -> int:
    if not re.fullmatch(r"[0-9]+", value):
        raise argparse.ArgumentTypeError(f"'{printable(value)}' is not a whole number of 0 or more")
    return int(value)


def _sizes(value: str) -> list[int]:
    parts = [part.strip() for part in value.split(",")]
    if not all(re.fullmatch(r"[0-9]+", part) and int(part) > 0 for part in parts):
        raise argparse.ArgumentTypeError(f"'{printable(value)}' is not a list of country counts, e.g. 5,50,200")
    return sorted({int(part) for part in parts})


def _codes(value: str) -> list[str]:
    codes = [part.strip() for part in value.split(",") if part.strip()]
    if not codes or not all(re.fullmatch(r"[a-z]{2}", code) for code in codes):
        raise argparse.ArgumentTypeError(f"'{printable(value)}' is not a list of country codes, e.g. az,kz")
    return codes


# A commit as git names one (a hash, a tag, a branch, HEAD~3, main^2); never an option to git.
_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]*")


def _rev(value: str) -> str:
    if not _REV.fullmatch(value) or ".." in value:
        raise argparse.ArgumentTypeError(
            f"'{printable(value)}' is not a commit name (a hash, tag or branch, e.g. 6279d10 or main~3)"
        )
    return value


# `make bench BENCH_ARGS="..."` hands its options over in this variable, never on a shell line.
ARGS_VARIABLE = "BAOHAO_BENCH_ARGS"
FROM_ENVIRONMENT = "--args-from-environment"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """Every message on one line, whatever the arguments held."""
        super().error(printable(message))


def _environment_arguments(parser: argparse.ArgumentParser) -> list[str]:
    """The options in BENCH_ARGS, split as a shell splits words (quotes group, nothing runs)."""
    text = os.environ.get(ARGS_VARIABLE, "")
    try:
        return shlex.split(text)
    except ValueError as exc:
        parser.error(f"BENCH_ARGS: {exc}: {text}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="country counts (default 5,50,200)")
    add("--data", choices=("real", "synthetic"), default="real", help="real-size copies (default) or synthetic")
    add(
        "--real-files",
        type=_codes,
        help="copy only these real files, e.g. az,kz,pk,ru,uz (the five of issue 9's figures); default all",
    )
    add("--check-runs", type=_count, default=5, help="make check runs per cache state (default 5)")
    add(
        "--site-runs",
        type=_count,
        default=os.environ.get("BENCH_RUNS", "1"),
        help="make site runs per size (default 1, or BENCH_RUNS)",
    )
    add("--edits", type=_count, default=2, help="edits timed under make serve per size (default 2; 0: no serve)")
    add("--serve-dirty", action="store_true", help="also time the edits under `mkdocs serve --dirty`")
    add("--seed", type=int, default=0, help="seed of the country codes and synthetic data")
    add("--rev", type=_rev, help="measure this commit instead of the working tree")
    add("--baseline", type=_rev, metavar="REV", help="also measure this commit on the same sizes (e.g. 6279d10)")
    add("--out", type=Path, default=DEFAULT_OUT, help="where the JSON goes (default build/bench.json)")
    add(
        "--lighthouse",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="score the smallest site with Lighthouse if npm and chromium are there (default on)",
    )
    add(FROM_ENVIRONMENT, action="store_true", help=f"add the options in {ARGS_VARIABLE} (what `make bench` does)")
    argv = sys.argv[1:] if argv is None else list(argv)
    if FROM_ENVIRONMENT in argv:
        argv += _environment_arguments(parser)
    args = parser.parse_args(argv)
    if args.check_runs < 1 or args.site_runs < 1:
        parser.error("--check-runs and --site-runs need at least 1")
    return args


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    machine = _machine()  # before the run: the commit and the state of the working tree measured
    commit = resolve_rev(args.rev) if args.rev else None
    base_commit = resolve_rev(args.baseline) if args.baseline else None
    source = export_rev(commit, work / "source") if commit else ROOT
    pinned = pinned_settings()  # the same build date and links for the baseline
    results = bench_all(args, work / "current", source, pinned, stages=True)
    baseline = None
    if base_commit:
        _progress(f"baseline {args.baseline}")
        old = export_rev(base_commit, work / "baseline-source")
        baseline = bench_all(args, work / "baseline", old, pinned, stages=False)
    r = ratios(results)
    report: dict[str, Any] = {
        "date": started,
        "machine": machine,
        "measured": f"commit {commit[:12]}" if commit else "working tree",
        "data": args.data,
        "real_files": args.real_files or "all",
        "seed": args.seed,
        "sizes": args.sizes,
        "runs": {"check": args.check_runs, "site": args.site_runs, "edits": args.edits},
        "notes": NOTES,
        "results": results,
        "previous": {"source": "issue 9, before the restructuring (6279d10)", "time_s": PREVIOUS},
        "comparison": comparison(results, baseline),
        "ratios": r,
        "targets": targets(results, r, baseline),
    }
    if baseline is not None:
        report["baseline"] = {"rev": args.baseline, "commit": base_commit, "results": baseline}
    if args.lighthouse:
        report["lighthouse"] = _lighthouse_smallest(results, args.out.parent)
    return report


def _lighthouse_smallest(results: dict[int, Any], reports: Path) -> dict[str, Any]:
    built = [size for size, result in sorted(results.items()) if "site" in result]
    if not built:
        return {"skipped": "Lighthouse skipped: no site was built"}
    return lh.lighthouse(Path(results[built[0]]["site"]), f"{built[0]}-country", reports, ROOT / "build")


def _drop_paths(results: dict[int, Any]) -> None:
    for result in results.values():
        result.pop("site", None)  # a temporary directory, gone now


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="baohao-bench-") as tmp:
        report = run(args, Path(tmp))
    _drop_paths(report["results"])
    if "baseline" in report:
        _drop_paths(report["baseline"]["results"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(format_report(report))
    print(f"\nwritten: {args.out}")
    failed = [r for part in (report["results"], report.get("baseline", {}).get("results", {})) for r in part.values()]
    return 1 if any("error" in r for r in failed) else 0


if __name__ == "__main__":
    sys.exit(main())
