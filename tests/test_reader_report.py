"""The maintainer's command that turns a "What happened to my number" issue into a risk record: a
body as GitHub writes it becomes YAML to review; a body it cannot read gives located lines."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from baohao.load import load_all
from baohao.models import Risk
from baohao.reader_report import FILL_IN, read_report, record
from conftest import ROOT, project_at

HOSTS = load_all(project_at(ROOT)).vocabulary.hosts
TODAY = dt.date(2026, 12, 7)

# As GitHub writes an issue form's answers: a heading per field, "_No response_" for an empty one.
BODY = """### Country or region / 国家或地区

gb

### Brand / 品牌

giffgaff

### What happened / 发生了什么

Cut off for roaming abroad / 因长期在境外漫游被停

### Date it happened / 发生日期

2026-07-28

### What you saw / 具体情况

收到邮件后马上就发不出短信了，还能收短信。我申请了 PAC 码，转到了 VOXI。

### What the operator sent / 运营商发来的通知

```text
As your usage pattern suggests extended or permanent use outside the UK, your service will be disconnected shortly.
```

### Link to where you or others reported it / 你或别人报告这件事的链接

https://github.com/hanssen0/blog/blob/main/post.md
"""


def test_a_report_becomes_a_reported_risk_with_the_readers_words_and_a_community_source() -> None:
    report, problems = read_report(BODY, HOSTS, TODAY)
    assert problems == [] and report is not None
    text = record(report, TODAY)
    assert text.startswith("# data/countries/gb.yml, under the operator whose brand is 'giffgaff': risks")
    documents = [d for d in text.split("# and under sources:")]
    [risk] = yaml.safe_load(documents[0])
    assert risk["kind"] == "roaming-cutoff" and risk["status"] == "reported" and risk["date"] == dt.date(2026, 7, 28)
    assert risk["text"]["zh"].startswith("收到邮件后") and "extended or permanent use" in risk["text"]["zh"]
    assert risk["text"]["en"] == FILL_IN and risk["headline"]["zh"].startswith("据网友反映")
    [source] = yaml.safe_load(documents[1])
    assert source["kind"] == "community" and source["url"] == "https://github.com/hanssen0/blog/blob/main/post.md"
    assert source["checked"] == TODAY and source["id"] == risk["sources"][0]
    # once translated, it is a valid record
    risk["headline"] = {"zh": "据网友反映，号码被停。", "en": "Readers report the number was cut off."}
    risk["text"]["en"] = "Readers report that texts stopped at once."
    assert Risk.model_validate(risk).status == "reported"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("2026-07-28", "28/07/2026", "issue body:15:1: date: '28/07/2026' is not a date written YYYY-MM-DD"),
        ("2026-07-28", "2099-01-01", "issue body:15:1: date: 2099-01-01 is in the future or implausibly old"),
        ("\ngb\n", "\nUnited Kingdom\n", "issue body:3:1: place: 'united kingdom' is not a two-letter code"),
        (
            "Cut off for roaming abroad / 因长期在境外漫游被停",
            "Something else",
            "issue body:11:1: kind: 'Something else'",
        ),
        ("https://github.com/hanssen0/blog/blob/main/post.md", "https://t.me/giffgaffcn", "host not allowed: t.me"),
        (
            "https://github.com/hanssen0/blog/blob/main/post.md",
            "javascript:alert(1)",
            "evidence: link must be an https",
        ),
        ("https://github.com/hanssen0/blog/blob/main/post.md", "https://x.example/a/../b", "segment"),
        ("### Date it happened / 发生日期\n\n2026-07-28\n", "", "date: is missing"),
        ("### Brand / 品牌\n\ngiffgaff\n", "### Brand / 品牌\n\n_No response_\n", "brand: is missing"),
    ],
)
def test_a_body_it_cannot_read_gives_located_lines(old: str, new: str, expected: str) -> None:
    report, problems = read_report(BODY.replace(old, new, 1), HOSTS, TODAY)
    assert report is None and any(expected in str(p) for p in problems), [str(p) for p in problems]


@pytest.mark.parametrize(
    "details",
    [
        "line one\nkind: closure\nstatus: enforced\n- kind: price-rise",  # YAML that would add fields
        "{status: enforced} # a comment",
        "!!python/object/apply:os.system ['touch /tmp/pwned']",
        "::error file=data/countries/gb.yml::forged",
    ],
)
def test_whatever_the_reader_writes_stays_one_text_value(details: str) -> None:
    report, _ = read_report(
        BODY.replace("收到邮件后马上就发不出短信了，还能收短信。我申请了 PAC 码，转到了 VOXI。", details), HOSTS, TODAY
    )
    assert report is not None
    [risk] = yaml.safe_load(record(report, TODAY).split("# and under sources:")[0])
    assert risk["status"] == "reported" and risk["kind"] == "roaming-cutoff"
    assert risk["text"]["en"].startswith(details.strip().split("\n")[0][:10])


def test_the_command_prints_yaml_or_the_problems_and_never_a_traceback(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(BODY, encoding="utf-8")
    bad.write_text(BODY.replace("2026-07-28", "last July"), encoding="utf-8")
    command = [sys.executable, "-m", "baohao", "--root", str(ROOT), "reader-report"]
    env = {"PYTHONPATH": f"{ROOT / 'scripts'}", "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}
    ok = subprocess.run([*command, str(good)], capture_output=True, text=True, env=env, check=False)
    assert ok.returncode == 0 and "status: reported" in ok.stdout, ok.stderr
    failed = subprocess.run([*command, str(bad)], capture_output=True, text=True, env=env, check=False)
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.strip() == "issue body:15:1: date: 'last July' is not a date written YYYY-MM-DD"
    piped = subprocess.run([*command, "-"], input=BODY, capture_output=True, text=True, env=env, check=False)
    assert piped.returncode == 0 and piped.stdout == ok.stdout


def test_the_issue_form_and_the_command_name_the_same_fields_and_kinds() -> None:
    from baohao.interface import literal_values
    from baohao.models import RiskKind
    from baohao.reader_report import FIELDS, KINDS

    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/number-report.yml").read_text(encoding="utf-8"))
    fields = {f["id"]: f for f in form["body"] if "id" in f}
    assert {f["attributes"]["label"].split(" / ")[0]: i for i, f in fields.items()} == FIELDS
    options = [o.split(" / ")[0] for o in fields["kind"]["attributes"]["options"]]
    assert options == list(KINDS) and sorted(KINDS.values()) == sorted(literal_values(RiskKind))
