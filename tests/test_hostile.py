"""Data files come from strangers: nothing they write may run in a reader's browser,
reach a bad host, or hang or crash the build."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from baohao.load import DataError, load_all
from conftest import line_of, make_project, project_at, run_cli

SCRIPTS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "[click](javascript:window.__pwned=3)",
    "![img](https://evil.example.net/x.png)",
    '<div markdown="1">**raw html block**</div>',
    '<a href="javascript:window.__pwned=4">link</a>',
    "{{ config.site_name }} {% include 'base.html' %} {# comment #}",
    "--8<-- 'etc/passwd'",
    "!!! danger 'admonition'",
    "| table | cell |",
    '"><svg onload="window.__pwned=5">',
]


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    return [str(p) for p in info.value.problems]


def hostile_country(fixture_text: str) -> str:
    """The fixture country with a hostile string in every kind of text field."""
    text = fixture_text
    fields = [
        "en: Summary of the test country.",
        "en: Take your passport to an office.",
        "en: Ask for written confirmation.",
        "en: Service fee.",
        "en: Only by letting it lapse.",
        "en: Can I do it from abroad?",
        "en: Terminated after being blocked.",
        "en: The number goes to someone else.",
        "en: Stop topping up and wait for the contract to end.",
        "en: From the day the balance reaches zero.",
        "en: Cancel at an office",
    ]
    for field, payload in zip(fields, SCRIPTS, strict=False):
        key = field.split(":")[0]
        text = text.replace(field, f"{key}: {json.dumps(payload)}", 1)
    return text.replace("title: Alpha help", "title: '<script>window.__pwned = 6</script>'").replace(
        "publisher: A blog", "publisher: '<b onmouseover=\"window.__pwned=7\">blog</b>'"
    )


def test_hostile_text_never_runs_in_the_browser(tmp_path: Path, fixture_text: str, browser: Any) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": hostile_country(fixture_text)})
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stderr
    for page_path in ("en/countries/kg/index.html", "countries/kg/index.html", "en/compare/index.html"):
        page = browser.new_page()
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        page.goto((root / "site" / page_path).as_uri())
        page.wait_for_load_state("load")
        for element in page.locator("article [onmouseover], article svg[onload]").all():
            element.hover()
        for link in page.locator("article a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert [u for u in requests if not u.startswith("file://")] == []
        text = page.locator("article").inner_text()
        page.close()
        if page_path.startswith("en/countries"):
            assert "<script>window.__pwned = 1</script>" in text
            assert "{{ config.site_name }} {% include 'base.html' %}" in text
            assert "[click](javascript:window.__pwned=3)" in text


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "must be an https URL"),
        ("data:text/html,<script>alert(1)</script>", "must be an https URL"),
        ("https://t.me/somechannel", "host not allowed: t.me (link shorteners"),
        ("https://bit.ly/abc", "host not allowed: bit.ly (link shorteners"),
        ("https://wa.me/123456", "host not allowed: wa.me"),
        ("https://evil.example.net/page", "host not allowed: evil.example.net is not in data/hosts.yml"),
        ("https://ucell.uz.evil.net/", "host not allowed: ucell.uz.evil.net"),
        ("https://user:pw@alpha.example.com/", "must not contain a user name"),
    ],
)
def test_links_must_be_https_on_an_allowed_host(tmp_path: Path, fixture_text: str, url: str, message: str) -> None:
    broken = fixture_text.replace("url: https://alpha.example.com/help", f"url: '{url}'")
    [problem] = problems(make_project(tmp_path / "p", {"kg.yml": broken}))
    line = line_of(broken, f"url: '{url}'")
    assert problem.startswith(f"data/countries/kg.yml:{line}:10: sources[0].url: {message}"), problem


def test_subdomains_of_allowed_hosts_are_allowed(tmp_path: Path, fixture_text: str) -> None:
    ok = fixture_text.replace("https://alpha.example.com/help", "https://m.help.alpha.example.com/help")
    assert load_all(project_at(make_project(tmp_path / "p", {"kg.yml": ok}))).countries


def test_never_list_wins_over_the_allowlist(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(
        tmp_path / "p", {"kg.yml": fixture_text.replace("https://alpha.example.com/help", "https://t.me/x")}
    )
    hosts = root / "data/hosts.yml"
    hosts.write_text(hosts.read_text(encoding="utf-8").replace("press:\n", "press:\n  - t.me\n", 1), encoding="utf-8")
    assert any("never accepted" in p for p in problems(root))


def timed_problems(root: Path) -> tuple[list[str], float]:
    start = time.perf_counter()
    found = problems(root)
    return found, time.perf_counter() - start


def test_alias_bomb_is_rejected_fast(tmp_path: Path, fixture_text: str) -> None:
    bomb = "\n".join(
        ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
        + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    )
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text + "\n" + bomb + "\n"})
    found, seconds = timed_problems(root)
    assert any("anchors and aliases" in p for p in found)
    assert seconds < 2


def test_deep_nesting_is_rejected_fast(tmp_path: Path, fixture_text: str) -> None:
    deep = "deep: " + "[" * 5000 + "]" * 5000 + "\n"
    found, seconds = timed_problems(make_project(tmp_path / "p", {"kg.yml": fixture_text + deep}))
    assert any("nested more than" in p for p in found), found
    assert seconds < 2


def test_huge_file_is_rejected_fast(tmp_path: Path, fixture_text: str) -> None:
    huge = fixture_text + "# " + "x" * (2 * 1024 * 1024) + "\n"
    found, seconds = timed_problems(make_project(tmp_path / "p", {"kg.yml": huge}))
    size = len(huge.encode("utf-8"))
    assert found == [f"data/countries/kg.yml:1:1: file is {size} bytes; the limit is 524288"]
    assert seconds < 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"code: kg\ncode: kz\n", "duplicate key 'code'"),
        (b"\xff\xfe\x00c\x00o", "is not valid UTF-8 text"),
        (b"", "file is empty"),
        (b"- just\n- a list\n", "must be a mapping of fields"),
        (b"code: !!python/object:os.system ['echo hi']\n", "YAML"),
        (b"\tcode: kg\n", "YAML syntax error"),
    ],
)
def test_careless_files_give_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    root = make_project(tmp_path / "p", {})
    (root / "data/countries/kg.yml").write_bytes(content)
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("data/countries/kg.yml:") and message in first, result.stderr
