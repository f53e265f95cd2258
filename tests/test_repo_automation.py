"""The repository automation in .github/ and the editor and pre-commit configurations.

Workflows, issue forms and the Dependabot configuration are validated against the schemas
that ship inside check-jsonschema, and the workflows are audited by zizmor, both without
the network: every child process gets a proxy that refuses connections, so a tool that tried
to download something would fail instead of quietly going online. Pins, permissions and
the other conventions are checked in plain Python.

check-jsonschema and zizmor are test dependencies: without them these checks are skipped
with a message, and with CI=true a missing tool is a failure (like a missing browser).
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_TEMPLATES = GITHUB / "ISSUE_TEMPLATE"
ISSUE_FORMS = sorted(p for p in ISSUE_TEMPLATES.glob("*.yml") if p.name != "config.yml")
CODES = sorted(p.stem for p in (ROOT / "data" / "countries").glob("*.yml"))

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+# (?P<version>v\d+\.\d+\.\d+)$")
# The only write permissions in the repository, each on the one job that needs it.
WRITE_SCOPES = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},
    ("deploy.yml", "release"): {"contents"},
    ("links.yml", "report"): {"issues"},
}
# Nothing listens on the discard port: any download attempt fails at once.
OFFLINE_PROXY = "http://127.0.0.1:9"


def tool(name: str) -> str:
    """The path of a test tool installed next to this Python (in .venv/bin), else on PATH."""
    candidate = Path(sysconfig.get_path("scripts")) / name
    found = str(candidate) if candidate.is_file() else shutil.which(name)
    if found is None:
        message = f"{name} is not installed: it is a test dependency in requirements-dev.lock (`make test` installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def run_offline(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}}
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        env[var] = OFFLINE_PROXY
    env["NO_PROXY"] = env["no_proxy"] = ""
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.relative_to(ROOT)} is not a YAML mapping"
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else dict(on)


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def check_schema(schema: str, *files: Path) -> None:
    result = run_offline(tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr


def test_there_is_something_to_check() -> None:
    assert {p.name for p in WORKFLOWS} >= {"pr.yml", "deploy.yml", "links.yml"}
    assert [p.name for p in ISSUE_FORMS] == ["number-report.yml", "wrong-information.yml"]
    assert CODES


# --- schemas and zizmor --------------------------------------------------------------


def test_workflows_match_the_github_workflow_schema() -> None:
    check_schema("vendor.github-workflows", *WORKFLOWS)


def test_issue_forms_match_the_github_issue_form_schema() -> None:
    check_schema("vendor.github-issue-forms", *ISSUE_FORMS)
    check_schema("vendor.github-issue-config", ISSUE_TEMPLATES / "config.yml")


def test_dependabot_config_matches_its_schema() -> None:
    check_schema("vendor.dependabot", GITHUB / "dependabot.yml")


def test_schema_checks_cannot_reach_the_network(tmp_path: Path) -> None:
    """The guard the checks above run under: a schema that must be downloaded fails."""
    instance = tmp_path / "instance.json"
    instance.write_text("{}", encoding="utf-8")
    result = run_offline(
        tool("check-jsonschema"), "--no-cache", "--schemafile", "https://example.com/schema.json", str(instance)
    )
    assert result.returncode != 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    """Every audit, pedantic ones included; the ignores in .github/zizmor.yml say why."""
    result = run_offline(
        tool("zizmor"), "--offline", "--pedantic", "--config", str(GITHUB / "zizmor.yml"), "--no-progress", ".github"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout + result.stderr


# --- pins, permissions, credentials, scripts ------------------------------------------


def test_every_action_is_pinned_to_a_commit_sha() -> None:
    for path in WORKFLOWS:
        workflow = load(path)
        refs = [step["uses"] for _, step in steps(workflow) if "uses" in step]
        refs += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
        assert refs, f"{path.name} uses no action"
        for ref in refs:
            if ref.startswith("./"):
                continue  # an action or reusable workflow in this repository
            assert SHA_PIN.match(ref), f"{path.name}: {ref} is not pinned to a full 40-character commit SHA"


def test_every_pin_names_its_release_in_a_comment() -> None:
    """`uses: owner/repo@<sha> # vX.Y.Z`, and one SHA and one release per action everywhere."""
    seen: dict[str, tuple[str, str]] = {}
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES_LINE.match(line)
            if not match or match["ref"].startswith("./"):
                continue
            where = f"{path.name}:{number}"
            comment = VERSION_COMMENT.match(match["rest"])
            assert comment, f"{where}: the pin has no `# vX.Y.Z` comment naming its release"
            action, sha = match["ref"].split("@")
            pin = (sha, comment["version"])
            assert seen.setdefault(action, pin) == pin, f"{where}: {action} is pinned differently elsewhere"


def test_top_level_permissions_are_empty_or_read_only() -> None:
    for path in WORKFLOWS:
        workflow = load(path)
        assert "permissions" in workflow, f"{path.name}: no top-level permissions"
        top = workflow["permissions"]
        assert top in ({}, "read-all") or (isinstance(top, dict) and set(top.values()) <= {"read", "none"}), (
            f"{path.name}: top-level permissions {top!r} grant more than read"
        )


def test_write_permissions_only_on_the_jobs_that_need_them() -> None:
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            permissions = job.get("permissions")
            assert isinstance(permissions, dict), f"{path.name}: job {name} does not list its permissions"
            writes = {scope for scope, level in permissions.items() if level == "write"}
            assert writes == WRITE_SCOPES.get((path.name, name), set()), f"{path.name}: job {name} writes {writes}"
            assert set(permissions.values()) <= {"read", "write", "none"}


def test_checkout_never_persists_credentials() -> None:
    for path in WORKFLOWS:
        for job, step in steps(load(path)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: job {job}"


def test_no_expressions_in_run_scripts() -> None:
    """Values reach scripts through `env:`, never by pasting `${{ }}` into the shell."""
    for path in WORKFLOWS:
        for job, step in steps(load(path)):
            assert "${{" not in step.get("run", ""), f"{path.name}: job {job}: step {step.get('name', step['run'])!r}"


def test_concurrency_per_workflow_and_ref() -> None:
    for path in WORKFLOWS:
        concurrency = load(path).get("concurrency")
        assert isinstance(concurrency, dict), f"{path.name}: no concurrency group"
        assert "github.workflow" in concurrency["group"], path.name
        assert "github.ref" in concurrency["group"], path.name
    assert load(GITHUB / "workflows" / "pr.yml")["concurrency"]["cancel-in-progress"] == (
        "${{ github.event_name == 'pull_request' }}"
    )
    assert load(GITHUB / "workflows" / "deploy.yml")["concurrency"]["cancel-in-progress"] is False


# --- what the workflows do ------------------------------------------------------------


def _debian_job(job: dict[str, Any], packages: set[str]) -> list[str]:
    container = job["container"]
    image = container["image"] if isinstance(container, dict) else container
    assert image == "debian:12"
    install = next(s["run"] for s in job["steps"] if "apt-get install" in s.get("run", ""))
    assert packages <= set(install.split()), f"missing from apt-get install: {packages - set(install.split())}"
    return [s.get("run", "").strip() for s in job["steps"]]


def test_pull_request_check_runs_make_test_with_chromium() -> None:
    workflow = load(GITHUB / "workflows" / "pr.yml")
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    job = workflow["jobs"]["test"]
    runs = _debian_job(job, {"chromium", "make", "python3", "python3-venv", "git"})
    assert "make test" in runs
    assert job["env"]["CI"] == "true"
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()"
    assert upload["with"]["path"].rstrip("/") == "test-results"


def test_deploy_publishes_pages_on_main_and_the_bundle_on_tags() -> None:
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"], "tags": ["v*"]}
    assert "workflow_dispatch" in on
    jobs = workflow["jobs"]

    assert "make site" in _debian_job(jobs["build"], {"make", "python3", "python3-venv", "git"})
    uploads = {s["uses"].split("@")[0]: s["with"].get("path") for s in jobs["build"]["steps"] if "with" in s}
    assert uploads["actions/upload-pages-artifact"].rstrip("/") == "site"
    assert uploads["actions/upload-artifact"] == "dist/baohao-guide-offline.zip"

    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]

    release = jobs["release"]
    assert release["needs"] == "build"
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    script = next(s for s in release["steps"] if "run" in s)
    assert script["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "gh release" in script["run"]
    assert "dist/baohao-guide-offline.zip" in script["run"]


def test_link_check_runs_weekly_the_same_command_as_the_tests_and_files_one_issue() -> None:
    workflow = load(GITHUB / "workflows" / "links.yml")
    on = triggers(workflow)
    assert set(on) == {"schedule", "workflow_dispatch"}
    [schedule] = on["schedule"]
    _, _, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "not weekly"
    jobs = workflow["jobs"]

    # the check: `make links`, which runs `python -m baohao links`, the command tests/test_links.py runs
    assert "make links" in _debian_job(jobs["check"], {"make", "python3", "python3-venv", "git"})
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^links: \$\(VENV\)/\.dev ## .+\n\t\$\(PY\) -m baohao links$", makefile, re.MULTILINE)
    upload = next(s for s in jobs["check"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].split() == ["build/links/report.md", "build/links/problems"]

    # one issue, by label: edited when it exists, closed when every link answers
    report = jobs["report"]
    assert report["needs"] == "check"
    assert "container" not in report, "gh is on the runner, not in debian:12"
    script = next(s for s in report["steps"] if "run" in s)
    assert script["env"]["GH_TOKEN"] == "${{ github.token }}"
    for command in ("gh issue list --label", "gh issue edit", "gh issue create", "gh issue close", "links/problems"):
        assert command in script["run"], command
    assert script["run"].count("--body-file links/report.md") == 2


# --- issue form, pull request template ------------------------------------------------


def test_issue_form_needs_no_edit_when_a_country_is_added() -> None:
    form = load(ISSUE_TEMPLATES / "wrong-information.yml")
    assert form["name"] == "Report outdated or wrong information / 报告过时或错误的信息"
    assert form["labels"] == ["data"]
    fields = {field["id"]: field for field in form["body"] if "id" in field}
    # a free input prefilled by the page's report link, not a list that must follow data/countries
    assert fields["country"]["type"] == "input"
    assert fields["country"]["validations"]["required"] is True


def test_issue_form_asks_for_what_is_wrong_and_an_official_source() -> None:
    form = load(ISSUE_TEMPLATES / "wrong-information.yml")
    fields = {field["id"]: field for field in form["body"] if "id" in field}
    assert {"country", "page-url", "what-is-wrong", "source", "checked"} <= fields.keys()
    assert fields["page-url"]["type"] == fields["source"]["type"] == fields["checked"]["type"] == "input"
    assert fields["what-is-wrong"]["type"] == "textarea"
    for required in ("what-is-wrong", "source"):
        assert fields[required]["validations"]["required"] is True
    assert "official" in fields["source"]["attributes"]["description"]
    for field in fields.values():
        assert re.search(r"[\u4e00-\u9fff]", field["attributes"]["label"]), f"{field['id']}: no Chinese label"
        assert re.search(r"[A-Za-z]", field["attributes"]["label"]), f"{field['id']}: no English label"
    assert load(ISSUE_TEMPLATES / "config.yml")["blank_issues_enabled"] is True


def test_pull_request_template_is_a_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 6
    for needle in ("One data file", "`checked`", "`zh` and `en`", "`make check`", "Telegram", "allowlist"):
        assert any(needle in item for item in items), needle


# --- pre-commit, editorconfig ---------------------------------------------------------


def test_pre_commit_runs_ruff_and_make_check_from_the_project_venv() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    for hook_id, command in (("ruff-check", "ruff check"), ("ruff-format", "ruff format")):
        hook = hooks[hook_id]
        assert hook["entry"].startswith(f".venv/bin/{command}"), hook_id
        assert hook["language"] == "system"
    make_check = hooks["make-check"]
    assert make_check["entry"] == "make check"
    assert make_check["pass_filenames"] is False
    assert re.search(make_check["files"], "data/countries/uz.yml")
    assert not re.search(make_check["files"], "scripts/baohao/load.py")
    for hook in hooks.values():
        if hook["language"] == "system" and hook["entry"].startswith(".venv/bin/"):
            name = hook["entry"].split()[0].removeprefix(".venv/bin/")
            assert re.fullmatch(r"ruff|check-jsonschema|zizmor", name), f"{hook['id']}: {name} is not a test tool"


def test_editorconfig() -> None:
    parser = configparser.ConfigParser()
    parser.read_string("[root]\n" + (ROOT / ".editorconfig").read_text(encoding="utf-8"))
    everything = parser["*"]
    assert everything["charset"] == "utf-8"
    assert everything["end_of_line"] == "lf"
    assert everything["insert_final_newline"] == "true"
    assert everything["trim_trailing_whitespace"] == "true"
    assert parser["*.{yml,yaml,json,md}"]["indent_size"] == "2"
    assert parser["*.py"]["indent_size"] == "4"
    assert parser["*.md"]["trim_trailing_whitespace"] == "false"
    assert parser["Makefile"]["indent_style"] == "tab"
