"""Our own scripts and stylesheets as the reader downloads them: without their comments.

The files in docs/assets/ are written to be read (each opens with what it does and why); a reader's
phone needs none of that. After each build, the copies in the built site lose their comments: block
comments that start a line, and whole-line `//` comments (a `//` after code or inside a string, as in
a calendar file's PRODID, stays). Vendored files are left exactly as shipped.
"""

from __future__ import annotations

import re
from pathlib import Path

VENDORED = frozenset({"iframe-worker-shim.js"})

_BLOCK_AT_LINE_START = re.compile(r"^[ \t]*/\*[\s\S]*?\*/[ \t]*\n?", re.MULTILINE)
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n?", re.MULTILINE)
_CSS_COMMENT = re.compile(r"/\*[\s\S]*?\*/")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def minify_js(text: str) -> str:
    text = _LINE_COMMENT.sub("", _BLOCK_AT_LINE_START.sub("", text))
    return _BLANK_LINES.sub("\n", text).strip() + "\n"


def minify_css(text: str) -> str:
    return _BLANK_LINES.sub("\n", _CSS_COMMENT.sub("", text)).strip() + "\n"


def minify_assets(site_dir: Path, docs_dir: Path) -> list[Path]:
    """Rewrite the built copies of docs/assets' own .js and .css files. Returns the files changed."""
    changed = []
    sources = docs_dir / "assets"
    for source in sorted([*sources.glob("javascripts/*.js"), *sources.glob("*.css")]):
        if source.name in VENDORED:
            continue
        built = site_dir / source.relative_to(docs_dir)
        if not built.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        small = minify_js(text) if source.suffix == ".js" else minify_css(text)
        if built.read_text(encoding="utf-8") != small:
            built.write_text(small, encoding="utf-8")
            changed.append(built)
    return changed
