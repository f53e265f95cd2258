"""The only code that makes Markup or a Jinja environment: everything from data is text.

Every `{{ expression }}` in a page template is escaped for Markdown and HTML unless a helper
already produced Markup; printing None is an error.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from ..patterns import ID

_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")


def md(value: Any) -> Markup:
    """Escape text from data for Markdown: it shows as written, never as markup."""
    if isinstance(value, Markup):
        return value
    text = re.sub(r"\s+", " ", str(value))
    text = html.escape(text, quote=False)
    # html.escape turned < > & into entities; escape Markdown's own characters.
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # `?` cannot be backslash-escaped in Python-Markdown; at the start of a block `???` would
    # open a collapsible box (pymdownx.details), so a leading one is written as an entity.
    if text.startswith("?"):
        text = "&#63;" + text[1:]
    return Markup(text)


def attr(value: Any) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(str(value), quote=True)


def html_text(value: Any) -> str:
    """Text for raw HTML, where no Markdown is processed: HTML-escaped only."""
    return html.escape(str(value), quote=False)


def ident(value: str) -> Markup:
    """An id from data, for an attribute or an anchor; anything that is not an id is refused."""
    if not ID.fullmatch(value):
        raise ValueError(f"not an id: {value!r}")
    return Markup(value)


def yaml_string(value: str) -> Markup:
    """Text for a front-matter value: one line, quoted. Characters YAML would read as a line end
    (NEL, LS, PS) or refuse (DEL, C1 controls) are written as escapes, so none can break the front matter."""
    quoted = json.dumps(" ".join(value.split()), ensure_ascii=False)
    return Markup(_YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted))


def host(url: str) -> str:
    """The host a link goes to, as a reader knows it (without www.)."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def _finalize(value: Any) -> Any:
    if value is None:
        raise jinja2.UndefinedError("a template printed None")
    return md(value)


TemplateKind = Literal["markdown", "xml", "yaml"]


def environment(templates: Path, kind: TemplateKind = "markdown") -> jinja2.Environment:
    """The Jinja environment for our templates.

    - `markdown`: the pages; every expression is escaped for Markdown and HTML (see `md`);
    - `xml`: the feeds; Jinja's own XML escaping;
    - `yaml`: the annotated starter file of `make new-country`; values are written as given."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=kind == "xml",
        finalize=_finalize if kind == "markdown" else None,
        keep_trailing_newline=True,
        trim_blocks=kind != "yaml",
        lstrip_blocks=kind != "yaml",
    )
    env.filters["md"] = md
    env.filters["attr"] = attr
    env.filters["host"] = host
    env.filters["ident"] = ident
    env.filters["yaml"] = yaml_string
    return env
