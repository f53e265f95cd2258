"""Shared fixtures: small fixture projects built from tests/fixtures, and the CLI."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from baohao.models import Country
from baohao.project import Project

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_COUNTRY = FIXTURES / "countries" / "kg.yml"
# Fictional services (a payment app, a sign-in account, a chat app) for the accounts page.
FIXTURE_SERVICES = FIXTURES / "services"
# Hand-written pages only; generated ones are rendered again in each fixture project.
HAND_WRITTEN_DOCS = ["about.zh.md", "about.en.md", "disclaimer.zh.md", "disclaimer.en.md", "assets"]


def project_at(root: Path, today: dt.date | None = None) -> Project:
    """The project value for a folder, as the CLI resolves it but without git: built "today"."""
    return Project(root=root.resolve(), build_date=today or dt.date.today())


def make_project(target: Path, countries: dict[str, str] | None = None, services: dict[str, str] | None = None) -> Path:
    """A copy of the project's configuration, templates and vocabularies with the given
    country files (name -> YAML text); by default the fictional fixture country, and no services
    unless given (see `fixture_services`)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", target / "templates")
    (target / "scripts").symlink_to(ROOT / "scripts")
    (target / "data" / "countries").mkdir(parents=True)
    for vocab in (ROOT / "data").glob("*.yml"):
        shutil.copy(vocab, target / "data" / vocab.name)
    # the fictional fixture country links to example.com and example.org, its operators' own sites
    hosts = target / "data" / "hosts.yml"
    hosts.write_text(
        hosts.read_text(encoding="utf-8").replace("operators:\n", "operators:\n  - example.com\n  - example.org\n", 1)
    )
    (target / "docs").mkdir()
    for name in HAND_WRITTEN_DOCS:
        src = ROOT / "docs" / name
        if src.is_dir():
            shutil.copytree(src, target / "docs" / name)
        else:
            shutil.copy(src, target / "docs" / name)
    # the numbers readers keep most name real places: the fixture country's first operator stands in for them
    set_kept_most(target, ["kg/alpha"] if countries is None else [])
    if countries is None:
        countries = {"kg.yml": FIXTURE_COUNTRY.read_text(encoding="utf-8")}
    for name, text in countries.items():
        (target / "data" / "countries" / name).write_text(text, encoding="utf-8")
    if services:
        (target / "data" / "services").mkdir()
        for name, text in services.items():
            (target / "data" / "services" / name).write_text(text, encoding="utf-8")
    return target


def set_kept_most(root: Path, brands: list[str]) -> None:
    """Set the `brands` of a project copy's data/kept_most.yml (`place/operator` entries)."""
    path = root / "data" / "kept_most.yml"
    kept = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept["brands"] = brands
    path.write_text(yaml.safe_dump(kept, sort_keys=False), encoding="utf-8")


def fixture_services() -> dict[str, str]:
    """The fictional service files, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURE_SERVICES.glob("*.yml"))}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture
def fixture_text() -> str:
    return FIXTURE_COUNTRY.read_text(encoding="utf-8")


def run_cli(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "baohao", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once, exactly as `make site` builds it (the offline zip lands in ../dist)."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = run_cli(ROOT, "site", "--site-dir", str(out), "--dist-dir", str(out.parent / "dist"))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright. Skipped when missing, except in CI (CI=true), where it fails."""
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed: run `sudo apt-get install chromium` to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def serious_violations(page: Any) -> list[tuple[str, str, list[Any]]]:
    """axe-core's serious and critical findings on the page as it is now: (rule, impact, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


TEXT = {"zh": "文字", "en": "Text"}


def minimal_country(operators: list[dict[str, Any]], routes: list[dict[str, Any]], rules: dict[str, Any]) -> Country:
    """A country built in code for the rules that decide (no file, no rendering), with one source of
    each kind, whose id is its kind ("forum" for the community one)."""
    return Country.model_validate(
        {
            "code": "kg",
            "region": "central-asia",
            "currency": "KGS",
            "reviewed": dt.date(2026, 1, 1),
            "summary": TEXT,
            "operators": operators,
            "routes": routes,
            "rules": rules,
            "staff_card": {"languages": ["ru"]},
            "changes": [{"date": dt.date(2026, 1, 1), "summary": TEXT}],
            "sources": [
                {"id": s, "url": "https://example.com/", "title": "T", "lang": "en", "publisher": "P",
                 "kind": kind, "checked": dt.date(2026, 1, 1)}
                for s, kind in (("official", "official"), ("press", "press"), ("forum", "community"), ("weak", "weak"))
            ],
        }
    )  # fmt: skip


def reach_planner(page: Any) -> None:
    """Scroll to a brand page's planner, as a reader does, and wait for its script: the page loads the
    planner only when the reader comes near it (page-fixes.js)."""
    page.locator("#planner").scroll_into_view_if_needed()
    page.wait_for_function("() => { const p = document.querySelector('.lapse-planner'); return p && !p.hidden; }")
