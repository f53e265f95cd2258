"""Hand-written Markdown (the editorial prose in templates/prose/ and the pages in docs/) arrives in
the same pull requests as data, so it is checked like data: no raw HTML (it would run in a reader's
browser; the templates make the HTML pages need), attribute lists only with harmless attributes,
links only to the guide's own pages or https on data/hosts.yml, and no image from another host."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...links import parse_https_url
from ...models import HostList
from ...project import Project
from ..problems import Problem
from ..prose import MAX_PROSE_BYTES, prose_files
from ..yaml_reader import read_bytes
from .base import Loaded, ProjectRule

_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
_TAG = re.compile(r"</?[A-Za-z!?]")
_INLINE_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_REFERENCE_IMAGE = re.compile(r"!\[[^\]\n]*\]\[([^\]\n]*)\]")
_ATTRS = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
_ATTR = re.compile(r"""([.#][\w-]+)|([A-Za-z][\w-]*)=("[^"\n]*"|'[^'\n]*'|[^\s"'=]+)""")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_RAW_HTML = "raw HTML is not allowed in hand-written pages: write Markdown (the templates make the HTML a page needs)"
_ALLOWED_ATTRIBUTES = frozenset({"rel", "lang", "hreflang", "title"})


@dataclass
class _Page:
    path: Path
    shown: str
    text: str


def _blank(match: re.Match[str]) -> str:
    """The matched text as spaces, keeping its line breaks, so offsets and lines stay right."""
    return re.sub(r"[^\n]", " ", match.group())


def _pages(project: Project) -> Iterator[_Page | Problem]:
    generated = project.generated_page_paths()
    docs = sorted(project.docs_dir.rglob("*.md")) if project.docs_dir.is_dir() else []
    hand_written = [
        p
        for p in docs
        if not any(
            (g.endswith("/") and p.relative_to(project.docs_dir).as_posix().startswith(g))
            or p.relative_to(project.docs_dir).as_posix() == g
            for g in generated
        )
    ]
    for path in [*prose_files(project), *hand_written]:
        shown = project.shown(path)
        raw, problems = read_bytes(path, shown, MAX_PROSE_BYTES)
        if raw is None:
            yield from problems
            continue
        try:
            yield _Page(path, shown, raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n"))
        except UnicodeDecodeError:
            yield Problem(shown, 1, 1, "", "is not valid UTF-8 text; save the file as UTF-8")


def _where(page: _Page, offset: int, message: str) -> Problem:
    line = page.text.count("\n", 0, offset) + 1
    column = offset - (page.text.rfind("\n", 0, offset) + 1) + 1
    return Problem(page.shown, line, column, "", message)


def _link_problem(page: _Page, project: Project, hosts: HostList | None, url: str, image: bool) -> str | None:
    """Why this link target may not appear on a page, or None."""
    if _SCHEME.match(url) or url.startswith("//"):
        if image:
            return "loads an image from another host; a page requests nothing from other hosts (put it in docs/assets/)"
        if not url.lower().startswith("https:"):
            return f"links to {url!r}: only https links and links to the guide's own pages are allowed"
        try:
            parsed = parse_https_url(url)
        except ValueError as error:
            return f"link {url!r} {error}"
        problem = hosts.problem(parsed, for_pages=True) if hosts is not None else None
        return f"link {url!r}: {problem}" if problem else None
    if "\\" in url or "%" in url.split("#")[0]:
        return f"link {url!r}: write a plain relative path to a page of the guide"
    target = url.split("#")[0].split("?")[0]
    if target:
        # prose is placed in a page at the top of docs/; a hand-written page links from its own folder
        prose = page.path.is_relative_to(project.templates_dir)
        here = "docs" if prose else posixpath.dirname(page.path.relative_to(project.root).as_posix())
        if not posixpath.normpath(posixpath.join(here, target)).startswith("docs/"):
            return f"link {url!r} leads outside the site's pages"
    return None


def _check_page(page: _Page, project: Project, hosts: HostList | None) -> list[Problem]:
    text = _FENCE.sub(_blank, page.text)
    text = _CODE_SPAN.sub(_blank, text)
    problems: list[Problem] = []
    text = _COMMENT.sub(_blank, text)
    if "<!--" in text:
        unclosed = text.find("<!--")
        problems.append(_where(page, unclosed, "an HTML comment is not closed with -->"))
    for match in _AUTOLINK.finditer(text):
        message = _link_problem(page, project, hosts, match.group(1), image=False)
        if message:
            problems.append(_where(page, match.start(), message))
    text = _AUTOLINK.sub(_blank, text)
    tag_lines: set[int] = set()
    for match in _TAG.finditer(text):
        line = text.count("\n", 0, match.start())
        if line in tag_lines:
            continue  # one line per problem: the first tag on a line
        tag_lines.add(line)
        problems.append(_where(page, match.start(), _RAW_HTML))
    references = {m.group(1).lower() for m in _REFERENCE_IMAGE.finditer(text)}
    for match in _INLINE_LINK.finditer(text):
        message = _link_problem(page, project, hosts, match.group(2), image=bool(match.group(1)))
        if message:
            problems.append(_where(page, match.start(2), message))
    for match in _REFERENCE.finditer(text):
        label = match.group().split("]")[0].strip().lstrip("[").lower()
        message = _link_problem(page, project, hosts, match.group(1), image=label in references)
        if message:
            problems.append(_where(page, match.start(1), message))
    for match in _ATTRS.finditer(text):
        body = match.group(1)
        if not body or not (body[0] in ".#:" or "=" in body):
            continue  # braces in text, not an attribute list
        rest = _ATTR.sub("", body).strip()
        keys = [m.group(2) for m in _ATTR.finditer(body) if m.group(2)]
        bad = [k for k in keys if k.lower() not in _ALLOWED_ATTRIBUTES]
        if rest or bad:
            shown = ", ".join(bad) if bad else rest
            problems.append(
                _where(
                    page,
                    match.start(),
                    f"attribute list sets {shown!r}: only .class, #id, rel, lang, hreflang and title are allowed",
                )
            )
    return problems


def check(project: Project, loaded: Loaded) -> list[Problem]:
    hosts_file = loaded.vocabulary.get("hosts")
    hosts = hosts_file.model if hosts_file is not None else None
    problems: list[Problem] = []
    for page in _pages(project):
        problems += [page] if isinstance(page, Problem) else _check_page(page, project, hosts)
    return problems


RULE = ProjectRule("page-markup", check)
