"""Our JavaScript and the templates that carry it: scripts that parse, templates that read like the page,
and the route finder reading from the page what it used to hard-code."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

JAVASCRIPTS = ROOT / "docs" / "assets" / "javascripts"
# Minified third-party code, vendored as published (its header says so); not ours to check.
VENDORED = {"iframe-worker-shim.js"}
TEMPLATES = ROOT / "templates"
MAX_LINE = 200
# Templates (not templates/strings.yml, which is interface text, nor the search dictionary).
TEMPLATE_SUFFIXES = {".j2", ".html"}


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        message = "node is not installed: run `sudo apt-get install nodejs` to check the site's JavaScript"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return node


def test_vendored_scripts_say_where_they_come_from() -> None:
    for name in VENDORED:
        header = (JAVASCRIPTS / name).read_text(encoding="utf-8")[:300]
        assert header.startswith("/*!") and "License" in header and "Vendored" in header, name


@pytest.mark.parametrize("name", sorted(p.name for p in JAVASCRIPTS.glob("*.js") if p.name not in VENDORED))
def test_our_scripts_parse(name: str) -> None:
    result = subprocess.run(
        [_node(), "--check", str(JAVASCRIPTS / name)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, id=str(p.relative_to(TEMPLATES)))
        for p in sorted(TEMPLATES.rglob("*"))
        if p.is_file() and p.suffix in TEMPLATE_SUFFIXES
    ],
)
def test_no_template_line_is_longer_than_200_characters(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    long = [f"{path.relative_to(ROOT)}:{n}: {len(line)}" for n, line in enumerate(lines, 1) if len(line) > MAX_LINE]
    assert long == []


def test_templates_hold_no_inline_script() -> None:
    """Scripts live in docs/assets/javascripts/, where they are readable and checked."""
    for path in TEMPLATES.rglob("*"):
        if path.is_file():
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", path.read_text(encoding="utf-8")), path


# --- the route finder reads which documents a question asks about from the page ----------------

FIELDSET = re.compile(r'<fieldset data-documents="([^"]*)">')


def _document_ids() -> set[str]:
    documents = yaml.safe_load((ROOT / "data" / "documents.yml").read_text(encoding="utf-8"))["documents"]
    return {d["id"] for d in documents}


@pytest.mark.build
def test_finder_questions_name_documents_from_the_data(real_site: Path) -> None:
    pages = sorted(real_site.glob("**/countries/*/index.html"))
    assert pages
    known = _document_ids()
    for page in pages:
        asked = FIELDSET.findall(page.read_text(encoding="utf-8"))
        assert asked, f"{page}: no question asks about documents"
        assert {d for ids in asked for d in ids.split()} <= known, page


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(real_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(real_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("code", sorted(p.stem for p in (ROOT / "data" / "countries").glob("*.yml")))
def test_a_no_to_a_document_question_hides_the_ways_that_need_it(browser: Any, served: str, code: str) -> None:
    routes = yaml.safe_load((ROOT / "data" / "countries" / f"{code}.yml").read_text(encoding="utf-8"))["routes"]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served}en/countries/{code}/")
    questions = page.eval_on_selector_all(
        "fieldset[data-documents]",
        "els => els.map(e => [e.querySelector('input').name, e.dataset.documents.split(' ')])",
    )
    assert questions
    for name, documents in questions:
        page.click("form.route-finder button[type=reset]")
        page.check(f"input[name={name}][value=no]")
        visible = page.eval_on_selector_all(
            "article h3[data-kind]", "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.id)"
        )
        expected = [f"route-{r['id']}" for r in routes if not set(r.get("documents") or []) & set(documents)]
        assert visible == expected, (name, documents)
    assert errors == []
    page.close()
