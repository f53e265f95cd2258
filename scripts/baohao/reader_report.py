"""A maintainer's command: turn the body of a "What happened to my number" issue (the form in
.github/ISSUE_TEMPLATE/number-report.yml) into the dated `risks` record and the `community` source to
review, translate and paste into the place's data file. A body it cannot read gives one located line
per problem (`issue body:LINE: field: message`), never a traceback.

    python -m baohao reader-report issue.md     (or - for standard input)
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .links import parse_https_url
from .load.problems import Problem, printable
from .models import HostList
from .patterns import HAN

SHOWN = "issue body"
MAX_BODY = 64 * 1024
# The form's labels (the English half is enough to find a field) and the kinds its dropdown offers.
FIELDS = {
    "Country or region": "place",
    "Brand": "brand",
    "What happened": "kind",
    "Date it happened": "date",
    "What you saw": "details",
    "What the operator sent": "message",
    "Link to where you or others reported it": "evidence",
}
REQUIRED = ("place", "brand", "kind", "date", "details")
KINDS = {
    "Cut off for roaming abroad": "roaming-cutoff",
    "Price rise": "price-rise",
    "Brand closed": "closure",
    "Network switched off": "network-switch-off",
    "New registration rule": "registration",
}
FILL_IN = "FILL IN"
_HEADING = re.compile(r"^### (.+?)\s*$", re.MULTILINE)
_NO_RESPONSE = "_No response_"


@dataclass
class Report:
    place: str
    brand: str
    kind: str
    date: dt.date
    details: str
    message: str
    evidence: str


def _fields(body: str) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """Each answered field of the form, with the line its value starts on."""
    found: dict[str, tuple[str, int]] = {}
    problems = []
    headings = list(_HEADING.finditer(body))
    for i, heading in enumerate(headings):
        english = heading.group(1).split(" / ")[0].strip()
        name = FIELDS.get(english)
        if name is None:
            continue
        end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
        value = body[heading.end() : end].strip("\n")
        line = body.count("\n", 0, heading.end()) + 2
        value = re.sub(r"^```\w*\n(.*?)\n```$", r"\1", value.strip(), flags=re.DOTALL).strip()
        if name in found:
            problems.append(Problem(SHOWN, line - 1, 1, name, "appears twice; keep one"))
        elif value and value != _NO_RESPONSE:
            found[name] = (value, line)
    return found, problems


def read_report(body: str, hosts: HostList | None, today: dt.date) -> tuple[Report | None, list[Problem]]:
    """The report in an issue's body, or the problems that stop it being read (all of them)."""
    body = body.replace("\r\n", "\n")
    fields, problems = _fields(body)

    def problem(name: str, message: str) -> None:
        line = fields[name][1] if name in fields else 1
        problems.append(Problem(SHOWN, line, 1, name, message))

    for name in REQUIRED:
        if name not in fields:
            problem(name, "is missing: the form's heading or its answer was not found")
    place = fields.get("place", ("", 0))[0].strip().lower()
    if "place" in fields and not re.fullmatch(r"[a-z]{2}", place):
        problem("place", f"{printable(place)!r} is not a two-letter code such as gb or hk")
    brand = fields.get("brand", ("", 0))[0].strip()
    if "brand" in fields and ("\n" in brand or len(brand) > 60):
        problem("brand", "must be one short line: the brand's name")
    kind = KINDS.get(fields.get("kind", ("", 0))[0].split(" / ")[0].strip(), "")
    if "kind" in fields and not kind:
        problem("kind", f"{printable(fields['kind'][0])!r} is not one of the form's choices")
    date = None
    if "date" in fields:
        try:
            date = dt.date.fromisoformat(fields["date"][0].strip())
        except ValueError:
            problem("date", f"{printable(fields['date'][0])!r} is not a date written YYYY-MM-DD")
        else:
            if date > today or date.year < 1990:
                problem("date", f"{date.isoformat()} is in the future or implausibly old")
    evidence = fields.get("evidence", ("", 0))[0].strip()
    if evidence:
        try:
            evidence = parse_https_url(evidence)
        except ValueError as error:
            problem("evidence", f"link {error}")
        else:
            refused = hosts.problem(evidence) if hosts is not None else None
            if refused:
                problem("evidence", refused)
    if problems or date is None:
        return None, sorted(problems)
    message = fields.get("message", ("", 0))[0]
    return Report(place, brand, kind, date, fields["details"][0], message, evidence), []


def record(report: Report, today: dt.date) -> str:
    """The YAML to review: a `reported` risk with the reader's words in their language and FILL IN in
    the other (make check refuses FILL IN, so nothing lands untranslated), and its community source."""
    lang = "zh" if HAN.search(report.details) else "en"
    other = "en" if lang == "zh" else "zh"
    source_id = f"reader-report-{report.date.isoformat()}"
    said = report.details.strip()
    if report.message.strip():
        said += "\n\n" + report.message.strip()
    headline = {lang: "据网友反映，" + FILL_IN if lang == "zh" else "Readers report that " + FILL_IN, other: FILL_IN}
    risk = {
        "kind": report.kind,
        "status": "reported",
        "date": report.date,
        "headline": dict(sorted(headline.items(), key=lambda kv: kv[0] != "zh")),
        "text": dict(sorted({lang: said, other: FILL_IN}.items(), key=lambda kv: kv[0] != "zh")),
        "sources": [source_id] if report.evidence else [],
    }
    out = [
        f"# data/countries/{report.place}.yml, under the operator whose brand is {printable(report.brand)!r}: risks",
        "# Review it: write the headline, translate FILL IN, and say 'readers report' (据网友反映) in both languages.",
        yaml.safe_dump([risk], allow_unicode=True, sort_keys=False, width=100).rstrip(),
    ]
    if report.evidence:
        source = {
            "id": source_id,
            "url": report.evidence,
            "title": FILL_IN,
            "lang": FILL_IN,
            "publisher": FILL_IN,
            "kind": "community",
            "published": report.date,
            "checked": today,
        }
        out += ["# and under sources:", yaml.safe_dump([source], allow_unicode=True, sort_keys=False).rstrip()]
    else:
        out.append("# No link was given: find a dated report to cite, or leave sources: [] (shown as unverified).")
    return "\n".join(out) + "\n"


def reader_report_command(hosts: HostList | None, path: str, today: dt.date) -> int:
    try:
        raw = sys.stdin.buffer.read(MAX_BODY + 1) if path == "-" else Path(path).read_bytes()[: MAX_BODY + 1]
    except OSError as error:
        print(f"{printable(path)}: cannot read it ({printable(error.strerror or str(error))})", file=sys.stderr)
        return 2
    if len(raw) > MAX_BODY:
        print(f"{SHOWN}:1:1: is longer than {MAX_BODY // 1024} KB; paste only the issue's body", file=sys.stderr)
        return 1
    body = raw.decode("utf-8", errors="replace")
    report, problems = read_report(body, hosts, today)
    if report is None:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    sys.stdout.write(record(report, today))
    return 0
