"""Hand-written pages and editorial prose: no raw HTML, harmless attribute lists, links only to the
guide's own pages or to allowed https hosts, no image from another host."""

from __future__ import annotations

from pathlib import Path

import pytest

from baohao.load import DataError, load_all
from conftest import make_project, project_at

PAGES = ["docs/about.en.md", "templates/prose/home.en.md"]


def _problems(tmp_path: Path, fixture_text: str, page: str, line: str) -> list[str]:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    path = root / page
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n", encoding="utf-8")
    try:
        load_all(project_at(root))
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def _last_line(root_text: str) -> int:
    return len(root_text.rstrip("\n").splitlines())


HOSTILE = [
    ("<script>window.__pwned = 1</script>", "raw HTML"),
    ('<img src=x onerror="window.__pwned = 2">', "raw HTML"),
    ("x < script>alert(1)</script>", "raw HTML"),
    ('<a href="https://creativecommons.org/">licence</a>', "raw HTML"),
    ('<div markdown="1">**block**</div>', "raw HTML"),
    ("<svg/onload=alert(1)>", "raw HTML"),
    ("<!-- a comment --><iframe src=https://evil.example>", "raw HTML"),
    ("<!-- never closed <script>alert(1)</script>", "not closed"),
    ("<?php echo 1; ?>", "raw HTML"),
    ("<!DOCTYPE html>", "raw HTML"),
    ('Text { onclick="alert(1)" }', "attribute list sets 'onclick'"),
    ('[x](https://creativecommons.org/){: style="position:fixed" }', "attribute list sets 'style'"),
    ("[x](https://creativecommons.org/){ .md-button onmouseover=alert(1) }", "attribute list sets 'onmouseover'"),
    ('[x](https://creativecommons.org/){ href="javascript:alert(1)" }', "attribute list sets 'href'"),
    ("[x](javascript:alert(1))", "only https links"),
    ("[x](JavaScript:alert(1))", "only https links"),
    ("[x](data:text/html,<b>x</b>)", "only https links"),
    ("[x](http://creativecommons.org/)", "only https links"),
    ("[x](//evil.example/)", "only https links"),
    ("[x](mailto:a@b.example?cc=victim@evil.example)", "only https links"),
    ("[x](https://t.me/channel)", "host not allowed: t.me"),
    ("[x](https://unlisted.example/)", "is not in data/hosts.yml"),
    ("[x](https://creativecommons.org/a/../../t.me)", "segment"),
    ("[x](<javascript:alert(1)>)", "only https links"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "only https links"),
    ("<https://t.me/channel>", "host not allowed: t.me"),
    ("<javascript:alert(1)>", "only https links"),
    ("![i](https://evil.example/pixel.png)", "loads an image from another host"),
    ("![i][pic]\n\n[pic]: https://creativecommons.org/pixel.png", "loads an image from another host"),
    ("[x](../../../../etc/passwd)", "leads outside the site's pages"),
    ("[x](..\\..\\secret)", "plain relative path"),
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("line", "message"), HOSTILE)
def test_hostile_markup_in_a_hand_written_page_is_a_located_error(
    tmp_path: Path, fixture_text: str, page: str, line: str, message: str
) -> None:
    found = _problems(tmp_path, fixture_text, page, line)
    assert any(message in p for p in found), found
    assert all(p.startswith(f"{page}:") for p in found), found


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "line",
    [
        "Inline code may show `<script>` and `{ onclick=x }` as text.",
        "```\n<div>a fenced example</div>\n```",
        '[the licence](https://creativecommons.org/licenses/by-sa/4.0/){ rel="noopener noreferrer" }',
        "[accounts](accounts.md) and [top](#top)",
        "## A heading { #a-heading .wide }",
        "<!-- an editor's note -->",
        "Braces in prose {like this} are text.",
        "Less than: 3 < 5, and a < b, and < script> is text.",
    ],
)
def test_plain_markdown_passes(tmp_path: Path, fixture_text: str, page: str, line: str) -> None:
    assert _problems(tmp_path, fixture_text, page, line) == []


def test_the_problem_names_line_and_column(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    path = root / "docs/about.en.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\nSee [this](javascript:alert(1)).\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_all(project_at(root))
    [problem] = [str(p) for p in error.value.problems]
    line = len(text.rstrip("\n").splitlines())
    assert problem.startswith(f"docs/about.en.md:{line}:12: links to 'javascript:alert(1'"), problem
