"""Command line: `python -m baohao check|schema|render|site|new-country|clean|stale|urls|links|reader-report`."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

from .load import DataError, Dataset, load_all
from .load.problems import printable
from .present.sync import generated_files
from .project import Project
from .schema import write_schemas


def _load(project: Project) -> Dataset | None:
    """The validated data, or None after printing every problem, one per line."""
    try:
        return load_all(project)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def _check(project: Project) -> int:
    data = _load(project)
    if data is None:
        return 1
    countries = f"{len(data.countries)} countries ({', '.join(sorted(data.files))})"
    print(printable(f"data OK: {countries}, {len(data.services)} services"))
    return 0


def _stale(project: Project, urls_only: bool) -> int:
    """`stale`: the facts to read again (a report: it fails only if the data does not load); `urls`: every URL."""
    from .stale import report, url_list

    data = _load(project)
    if data is None:
        return 1
    print(url_list(project, data) if urls_only else report(project, data))
    return 0


def _schema(root: Path, check: bool) -> int:
    stale = write_schemas(root, check=check)
    if check and stale:
        print(printable(f"out of date: {', '.join(stale)}; run `make schema`"), file=sys.stderr)
        return 1
    if not check:
        print(printable("schemas written: " + (", ".join(stale) if stale else "none changed")))
    return 0


def _clean(project: Project) -> int:
    for name in ("site", "dist", "build"):
        shutil.rmtree(project.root / name, ignore_errors=True)
    for rel in generated_files(project):
        (project.docs_dir / rel).unlink()
    for folder in project.generated_page_paths():
        if folder.endswith("/"):
            shutil.rmtree(project.docs_dir / folder, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="baohao", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path(), help="project root (default: current directory)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every data file and print every problem")
    schema = sub.add_parser("schema", help="write schema/*.schema.json from the models")
    schema.add_argument("--check", action="store_true", help="fail if the committed schemas are out of date")
    sub.add_parser("render", help="render data to Markdown pages in docs/")
    new = sub.add_parser("new-country", help="write data/countries/<code>.yml from the annotated template")
    new.add_argument("code", help="ISO 3166-1 alpha-2 code, e.g. kg")
    site = sub.add_parser("site", help="validate, render and build site/ atomically")
    site.add_argument("--site-dir", type=Path, default=Path("site"))
    site.add_argument("--dist-dir", type=Path, default=Path("dist"), help="where the offline zip goes")
    sub.add_parser("clean", help="remove site/, dist/, build/ and the generated pages in docs/")
    sub.add_parser("stale", help="list the facts to read again, most costly to a reader first (a report)")
    sub.add_parser("urls", help="print every URL in data/, one per line")
    links = sub.add_parser("links", help="check every URL in data/ with lychee; write a report of dead or moved links")
    links.add_argument("--urls", type=Path, help="check the URLs in this file (one per line) instead of data/'s")
    links.add_argument("--out", type=Path, default=Path("build/links"), help="where the report goes")
    report = sub.add_parser("reader-report", help="turn a 'What happened to my number' issue's body into a risk record")
    report.add_argument("body", help="a file holding the issue's body, or - for standard input")
    args = parser.parse_args(argv)
    project = Project.resolve(args.root)
    if args.command == "check":
        return _check(project)
    if args.command == "schema":
        return _schema(project.root, args.check)
    if args.command == "clean":
        return _clean(project)
    if args.command in ("stale", "urls"):
        return _stale(project, urls_only=args.command == "urls")
    if args.command == "links":
        from .linkcheck import links_command

        return links_command(project, args.urls, args.out)
    if args.command == "reader-report":
        from .reader_report import reader_report_command

        data = _load(project)
        return reader_report_command(data.vocabulary.hosts, args.body, dt.date.today()) if data else 1
    if args.command == "new-country":
        from .new_country import new_country

        return new_country(project, args.code)
    from . import build

    if args.command == "render":
        return 0 if build.render_step(project) else 1
    return build.site_command(project, args.site_dir, args.dist_dir)
