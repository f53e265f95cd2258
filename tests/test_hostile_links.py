"""Hostile input, round 3: links that change meaning in the browser, hosts allowed for one use,
archives that replay other hosts, source tiers above what their host can carry, and sellers.
Each URL goes through the real loader as a source of the fixture country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baohao.load import DataError, load_all
from conftest import line_of, make_project, project_at

HOSTS = {
    "press": ["whatsapp.example.com", "news.example.net"],
    "community": ["forum.example.net"],
    "weak": ["codehost.example/owner/crawl/blob/0557fe7d", "affiliate.example.net"],
    "archives": ["archive.example.net"],
    "sellers": ["simshop.example.net"],
    "never": ["whatsapp.example.com/channel"],
}


def _project(
    tmp_path: Path, fixture_text: str, url: str, kind: str = "weak", extra_hosts: str = ""
) -> tuple[Path, str]:
    text = fixture_text.replace("url: https://alpha.example.com/help", f"url: {json.dumps(url)}", 1)
    text = text.replace("kind: official", f"kind: {kind}", 1)
    root = make_project(tmp_path / "p", {"kg.yml": text})
    hosts = root / "data/hosts.yml"
    body = hosts.read_text(encoding="utf-8")
    for category, entries in HOSTS.items():
        block = "".join(f"  - {e}\n" for e in entries)
        body = body.replace(f"\n{category}:\n", f"\n{category}:\n{block}", 1)
    hosts.write_text(body + extra_hosts, encoding="utf-8")
    return root, text


def _problems(root: Path) -> list[str]:
    try:
        load_all(project_at(root))
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def _url_problem(tmp_path: Path, fixture_text: str, url: str, kind: str = "weak") -> str:
    root, text = _project(tmp_path, fixture_text, url, kind)
    [problem] = _problems(root)
    line = line_of(text, "url: " + json.dumps(url))
    assert problem.startswith(f"data/countries/kg.yml:{line}:10: sources[0].url: "), problem
    return problem


# What a browser or server reads as another path than the one written: dot segments (also
# escaped), empty segments, escaped letters and slashes. Each here would reach the never-listed
# whatsapp.example.com/channel, or an unlisted repository, if judged as written.
@pytest.mark.parametrize(
    "url",
    [
        "https://whatsapp.example.com/x/../channel/abc",
        "https://whatsapp.example.com/x/%2e%2e/channel/abc",
        "https://whatsapp.example.com/x/%2E%2E/channel/abc",
        "https://whatsapp.example.com/x/.%2e/channel/abc",
        "https://whatsapp.example.com/x/%2e./channel/abc",
        "https://whatsapp.example.com/./channel/abc",
        "https://whatsapp.example.com/%2e/channel/abc",
        "https://whatsapp.example.com/x/..",
        "https://whatsapp.example.com/x/..?a=b",
        "https://whatsapp.example.com/x/..#frag",
        "https://whatsapp.example.com//channel/abc",
        "https://whatsapp.example.com/x//../channel",
        "https://whatsapp.example.com/%63hannel/abc",
        "https://whatsapp.example.com/%43HANNEL/abc",
        "https://whatsapp.example.com/chan%6eel/abc",
        "https://whatsapp.example.com/x%2F..%2Fchannel/abc",
        "https://whatsapp.example.com/x/..%2fchannel",
        "https://whatsapp.example.com/x/..%5Cchannel",
        "https://whatsapp.example.com/ch%61nnel",
        "https://codehost.example/owner/crawl/blob/0557fe7d/../../../other/evil/raw/x.sh",
        "https://codehost.example/owner/crawl/blob/0557fe7d/%2e%2e/%2e%2e/other",
    ],
)
def test_a_path_that_changes_meaning_in_the_browser_is_refused(tmp_path: Path, fixture_text: str, url: str) -> None:
    problem = _url_problem(tmp_path, fixture_text, url)
    assert "segment" in problem or "percent-escape" in problem, problem


def test_escapes_a_url_needs_are_kept(tmp_path: Path, fixture_text: str) -> None:
    for url in (
        "https://news.example.net/%E6%96%87%E7%AB%A0?q=%2F..%2F",  # non-Latin letters, and a query may hold anything
        "https://news.example.net/a%20b/c.html",
        "https://news.example.net/dir/",
        "https://news.example.net/",
        "https://news.example.net/.well-known/x",
        "https://news.example.net/file..name",
    ):
        root, _ = _project(tmp_path / url.replace("/", "_"), fixture_text, url)
        assert _problems(root) == [], url


@pytest.mark.parametrize(
    "url",
    [
        "https://codehost.example/other/repo",  # another account
        "https://codehost.example/owner/crawl-evil/blob/0557fe7d/x",  # a look-alike repository
        "https://codehost.example/owner/crawl/releases/download/v1/x.exe",  # a release download
        "https://codehost.example/owner/crawl/raw/main/x",  # a raw file at another commit
        "https://codehost.example/owner/crawl/blob/main/x",  # the same file, unpinned
        "https://codehost.example/",
        "https://raw.codehost.example/owner/crawl/blob/0557fe7d/x",  # a subdomain is not the path
    ],
)
def test_a_host_allowed_for_one_path_allows_nothing_else(tmp_path: Path, fixture_text: str, url: str) -> None:
    assert "is not in data/hosts.yml" in _url_problem(tmp_path, fixture_text, url)


def test_the_one_path_allowed_passes(tmp_path: Path, fixture_text: str) -> None:
    url = "https://codehost.example/owner/crawl/blob/0557fe7d/data/faq.html"
    root, _ = _project(tmp_path, fixture_text, url)
    assert _problems(root) == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://archive.example.net/web/2020/https://t.me/joinchat/x", "archived page: host not allowed: t.me"),
        ("https://archive.example.net/web/2020/https://whatsapp.example.com/channel/x", "archived page: host not"),
        ("https://archive.example.net/web/2020id_/https://unlisted.example/x", "archived page: host not allowed"),
        ("https://archive.example.net/web/2020/http://simshop.example.net/faq", "seller"),
        ("https://archive.example.net/web/2020/https://whatsapp.example.com/x/../channel", "archived copy of an"),
        ("https://archive.example.net/web/2020/https://archive.example.net/web/2019/https://news.example.net/",
         "archived copy of an archive"),
        ("https://archive.example.net/save/https://news.example.net/", "empty segment"),
        ("https://archive.example.net/save/news.example.net/x", "must be a snapshot address"),
        ("https://archive.example.net/", "must be a snapshot address"),
        ("https://archive.example.net/web/*/https://news.example.net/*", "empty segment"),
        ("https://archive.example.net/web/2020/news.example.net/x", "must be a snapshot address"),
    ],
)  # fmt: skip
def test_an_archive_is_judged_by_the_page_it_replays(tmp_path: Path, fixture_text: str, url: str, message: str) -> None:
    assert message in _url_problem(tmp_path, fixture_text, url)


def test_an_archived_page_of_an_allowed_host_passes_with_its_hosts_tier(tmp_path: Path, fixture_text: str) -> None:
    url = "https://archive.example.net/web/20180918010221/http://news.example.net/story"
    root, _ = _project(tmp_path / "a", fixture_text, url, kind="press")
    assert _problems(root) == []
    forum = "https://archive.example.net/web/20180918010221/https://forum.example.net/t/1"
    root, text = _project(tmp_path / "b", fixture_text, forum, kind="press")
    assert _problems(root) == [
        f"data/countries/kg.yml:{line_of(text, 'kind: press')}:11: sources[0].kind: kind press is more than a page "
        "on forum.example.net can be: data/hosts.yml lists it under community, so a source there is community or weak"
    ]


@pytest.mark.parametrize(
    ("url", "kind", "category"),
    [
        ("https://forum.example.net/t/1", "official", "community"),
        ("https://forum.example.net/t/1", "press", "community"),
        ("https://affiliate.example.net/best", "press", "weak"),
        ("https://affiliate.example.net/best", "community", "weak"),
        ("https://codehost.example/owner/crawl/blob/0557fe7d/x", "official", "weak"),
        ("https://news.example.net/story", "official", "press"),
    ],
)
def test_a_source_above_its_hosts_tier_is_a_located_error(
    tmp_path: Path, fixture_text: str, url: str, kind: str, category: str
) -> None:
    root, text = _project(tmp_path, fixture_text, url, kind=kind)
    [problem] = _problems(root)
    assert problem.startswith(f"data/countries/kg.yml:{line_of(text, f'kind: {kind}')}:11: sources[0].kind: "), problem
    assert f"lists it under {category}" in problem


def test_a_seller_is_never_a_source_nor_a_listed_host(tmp_path: Path, fixture_text: str) -> None:
    assert "is a seller's or dealer's site" in _url_problem(
        tmp_path, fixture_text, "https://shop.simshop.example.net/x"
    )
    root, _ = _project(tmp_path / "b", fixture_text, "https://news.example.net/")
    hosts = root / "data/hosts.yml"
    body = hosts.read_text(encoding="utf-8").replace("\nweak:\n", "\nweak:\n  - simshop.example.net\n", 1)
    hosts.write_text(body, encoding="utf-8")
    [problem] = _problems(root)
    line = line_of(body, "  - simshop.example.net")
    assert problem.startswith(f"data/hosts.yml:{line}:5: weak[0]: simshop.example.net is listed under sellers"), problem
