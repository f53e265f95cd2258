"""Our JavaScript and the templates that carry it: scripts that parse, templates that read like the page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from baohao.publish.minify import VENDORED as MINIFY_VENDORED
from baohao.publish.minify import minify_css, minify_js
from conftest import ROOT

JAVASCRIPTS = ROOT / "docs" / "assets" / "javascripts"
# Minified third-party code, vendored as published (its header says so); not ours to check.
VENDORED = MINIFY_VENDORED
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
def test_our_scripts_parse_as_written_and_as_shipped(name: str, tmp_path: Path) -> None:
    """The source, and the copy the site ships without comments (publish/minify.py), both parse."""
    source = JAVASCRIPTS / name
    shipped = tmp_path / name
    shipped.write_text(minify_js(source.read_text(encoding="utf-8")), encoding="utf-8")
    for path in (source, shipped):
        result = subprocess.run(
            [_node(), "--check", str(path)], capture_output=True, text=True, check=False, timeout=60
        )
        assert result.returncode == 0, (path, result.stderr)
    assert len(shipped.read_bytes()) < len(source.read_bytes())


def test_shipping_drops_comments_and_keeps_code_that_looks_like_one() -> None:
    js = "/* what it does\n   over lines: file:// */\n(function () {\n  // a note\n"
    js += '  var id = "PRODID:-//x//y"; // kept\n})();\n'
    assert minify_js(js) == '(function () {\n  var id = "PRODID:-//x//y"; // kept\n})();\n'
    assert (
        minify_css("/* colours */\na { color: red; } /* why */\n\n\nb { x: 1; }\n")
        == "a { color: red; } \nb { x: 1; }\n"
    )


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
