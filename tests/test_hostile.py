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
    english = ""
    pages = ("en/countries/kg/index.html", "en/countries/kg/alpha/index.html", "en/countries/kg/beta/index.html")
    for page_path in (*pages, "countries/kg/index.html", "countries/kg/alpha/index.html", "en/compare/index.html"):
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
        text = page.locator("article").text_content() or ""  # folded ways included
        page.close()
        if page_path.startswith("en/countries"):
            english += text
    # the hostile strings are shown as text, across the place's and the brands' pages
    assert "<script>window.__pwned = 1</script>" in english
    assert "{{ config.site_name }} {% include 'base.html' %}" in english
    assert "[click](javascript:window.__pwned=3)" in english


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
    text = hosts.read_text(encoding="utf-8").replace("press:\n", "press:\n  - t.me\n", 1)
    hosts.write_text(text, encoding="utf-8")
    assert f"data/hosts.yml:{line_of(text, '  - t.me')}:5: press[0]: t.me is never linked" in "\n".join(problems(root))


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


# --- round 2: each class found by the second hostile-input review ---------------------------


def _one_line_each(text: str) -> list[str]:
    """The problem lines of a failed run; none may imitate another tool's output."""
    lines = text.strip().splitlines()
    assert all(line.startswith(("data/", "templates/", "docs/")) for line in lines[:-1]), lines
    return lines[:-1]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://evil.example\\.alpha.example.com/", "must not contain a backslash"),
        ("https://evil.example%2F.alpha.example.com/", "must be an https URL with a full host name"),
        ("https://alpha.example.com/a b", "must be written in plain URL characters"),
        ("https://alpha.example.com/путь", "must be written in plain URL characters"),
        ("https://alpha.example.com/%zz", "has characters a URL cannot hold"),
        ("https://alpha.example.com:8443/", "must not contain a user name, password or port"),
        ("https://whatsapp.example.com/channel/abc", "host not allowed: whatsapp.example.com (link shorteners"),
        ("https://cloud.mail.ru/public/x", "host not allowed: cloud.mail.ru (link shorteners"),
    ],
)
def test_links_are_read_as_a_browser_reads_them(tmp_path: Path, fixture_text: str, url: str, message: str) -> None:
    broken = fixture_text.replace("url: https://alpha.example.com/help", f"url: {json.dumps(url)}")
    root = make_project(tmp_path / "p", {"kg.yml": broken})
    hosts = root / "data/hosts.yml"
    text = hosts.read_text(encoding="utf-8").replace("press:\n", "press:\n  - whatsapp.example.com\n", 1)
    hosts.write_text(text.replace("never:\n", "never:\n  - whatsapp.example.com/channel\n", 1), encoding="utf-8")
    [problem] = problems(root)
    assert problem.startswith(
        f"data/countries/kg.yml:{line_of(broken, 'url: ' + json.dumps(url))}:10: sources[0].url: "
    ), problem
    assert message in problem


def test_a_link_is_published_as_the_browser_reads_it(tmp_path: Path, fixture_text: str) -> None:
    text = fixture_text.replace("url: https://alpha.example.com/help", "url: https://ALPHA.Example.com/Help")
    data = load_all(project_at(make_project(tmp_path / "p", {"kg.yml": text})))
    assert data.countries[0].sources[0].url == "https://alpha.example.com/Help"


@pytest.mark.parametrize("entry", ["github.io", "co.uk", "pages.dev", "blogspot.com"])
def test_a_public_suffix_cannot_be_allowed(tmp_path: Path, fixture_text: str, entry: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    hosts = root / "data/hosts.yml"
    text = hosts.read_text(encoding="utf-8").replace("press:\n", f"press:\n  - {entry}\n", 1)
    hosts.write_text(text, encoding="utf-8")
    [problem] = problems(root)
    assert problem.startswith(f"data/hosts.yml:{line_of(text, '  - ' + entry)}:5: press[0]: {entry} is a public suffix")


def test_the_never_floor_cannot_be_edited_away(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(
        tmp_path / "p", {"kg.yml": fixture_text.replace("https://alpha.example.com/help", "https://t.me/x")}
    )
    hosts = root / "data/hosts.yml"
    text = hosts.read_text(encoding="utf-8")
    text = text.split("\nnever:")[0].replace("press:\n", "press:\n  - t.me\n", 1) + "\n"
    hosts.write_text(text, encoding="utf-8")
    assert f"data/hosts.yml:{line_of(text, '  - t.me')}:5: press[0]: t.me is never linked" in "\n".join(problems(root))


@pytest.mark.parametrize(
    "value",
    ["a%0abcc%3Avictim@evil.example", "a@b.example?cc=victim@evil.example", 'a"@b.example', "a@b.example\\n"],
)
def test_an_email_contact_cannot_carry_headers(tmp_path: Path, fixture_text: str, value: str) -> None:
    broken = fixture_text.replace("value: care@alpha.example.com", f"value: {json.dumps(value)}")
    [problem] = problems(make_project(tmp_path / "p", {"kg.yml": broken}))
    assert "operators[0].contacts[1]" in problem and "is not an email address" in problem


def test_contact_links_are_built_by_one_function() -> None:
    from baohao.links import mailto, tel

    assert mailto("care+uz@alpha.example.com") == "mailto:care+uz@alpha.example.com"
    assert mailto("a\nBcc: b@c.example") == "mailto:a%0ABcc%3A%20b@c.example"
    assert tel("+7 495 766-01-66") == "tel:+74957660166"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("period: {min: 90, max: 180, unit: days}", "period: {min: 060, max: 180, unit: days}", "'060' is not a plain"),
        ("period: {min: 90, max: 180, unit: days}", "period: {min: '1:30', max: 180, unit: days}", "must be a whole"),
        (
            "period: {min: 90, max: 180, unit: days}",
            "period: {min: 1:30, max: 180, unit: days}",
            "'1:30' is not a plain",
        ),
        ("period: {min: 90, max: 180, unit: days}", "period: {min: true, max: 180, unit: days}", "must be a whole"),
        ("- amount: 100", "- amount: 1.5e+25", "'1.5e+25' is not a plain number"),
        ("- amount: 100", "- amount: 1e25", "'1e25' is not a plain number"),
        ("- amount: 100", "- amount: '100'", "'100' is not a plain number"),
        ("- amount: 100", "- amount: 10000000000", "less than or equal to 1000000000"),
        ("- amount: 100", "- amount: 0.0001", "3 decimal places"),
        ("- amount: 100", "- amount: false", "must be a number, not true or false"),
    ],
)
def test_numbers_are_plain_decimals(tmp_path: Path, fixture_text: str, old: str, new: str, expected: str) -> None:
    broken = fixture_text.replace(old, new, 1)
    found = problems(make_project(tmp_path / "p", {"kg.yml": broken}))
    assert len(found) == 1 and expected in found[0], found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("en: Summary of the test country.", 'en: "Summary\\x7f of it."', "U+007F"),
        ("en: Summary of the test country.", 'en: "Summary\\x85 of it."', "U+0085"),
        ("en: Summary of the test country.", 'en: "Call \\u202e+7 123 456"', "U+202E (right-to-left override)"),
        ("en: Summary of the test country.", 'en: "Zero\\u200bwidth"', "U+200B (zero width space)"),
        ("brand: Alpha Mobile", 'brand: "Alpha\\u200f Mobile"', "U+200F (right-to-left mark)"),
    ],
)
def test_invisible_characters_are_refused(tmp_path: Path, fixture_text: str, old: str, new: str, expected: str) -> None:
    found = problems(make_project(tmp_path / "p", {"kg.yml": fixture_text.replace(old, new, 1)}))
    assert len(found) == 1 and expected in found[0], found


def test_a_country_name_cannot_carry_markup_into_titles(tmp_path: Path, fixture_text: str) -> None:
    named = fixture_text.replace("code: kg\n", 'code: kg\nname: {zh: 测试, en: "<img src=x onerror=alert(1)>"}\n', 1)
    [problem] = problems(make_project(tmp_path / "p", {"kg.yml": named}))
    line = line_of(named, "name: {zh")
    assert problem.startswith(f"data/countries/kg.yml:{line}:7: name: en: a country's name must not contain"), problem


def test_every_problem_is_one_line_that_cannot_imitate_a_ci_annotation(tmp_path: Path, fixture_text: str) -> None:
    forged = fixture_text.replace("code: kg\n", 'code: kg\n"x\\n::error file=a::pwned": 1\n', 1)
    result = run_cli(make_project(tmp_path / "p", {"kg.yml": forged}), "check")
    assert result.returncode == 1
    [line] = _one_line_each(result.stderr)
    assert "x\\n::error file=a::pwned: unknown field" in line


def test_a_fact_citing_one_source_many_times_fails_fast(tmp_path: Path, fixture_text: str) -> None:
    refs = ", ".join(["alpha-help"] * 40000)
    broken = fixture_text.replace("sources: [alpha-help]", f"sources: [{refs}]", 1)
    found, seconds = timed_problems(make_project(tmp_path / "p", {"kg.yml": broken}))
    assert seconds < 5
    assert any("lists 40000 items; the limit is 500" in p for p in found), found[:3]
    few = fixture_text.replace("sources: [alpha-help]", "sources: [alpha-help, alpha-help]", 1)
    [problem] = problems(make_project(tmp_path / "q", {"kg.yml": few}))
    assert "lists alpha-help more than once" in problem


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("feed_entry", '"{country}: {nope}"', "feed_entry: uses placeholder(s) nope, but scripts/baohao/feeds.py"),
        ("home_nav", '"{0}"', "placeholder {0} is not a name in braces"),
        ("home_nav", '"{}"', "placeholder {} is not a name in braces"),
        ("home_nav", '"Home {"', "has an unmatched { or }"),
        ("home_nav", '"{% raw %}"', "is not a name in braces"),
        ("paren", '" ({x:99999999})"', "placeholder {x:99999999} is not a name in braces"),
        ("home_nav", '"<img src=x onerror=alert(1)>"', "must not contain < or >"),
    ],
)
def test_broken_interface_strings_are_located_errors_not_tracebacks(
    tmp_path: Path, fixture_text: str, key: str, text: str, expected: str
) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    strings = root / "templates/strings.yml"
    lines = strings.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"{key}:") + 2  # the en line
    lines[at] = f"  en: {text}"
    strings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in ("check", "site"):
        result = run_cli(root, command)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        found = _one_line_each(result.stderr.replace("site not built; the previous site/ is unchanged\n", ""))
        assert any(expected in line for line in found), found


def test_a_missing_interface_string_is_named_where_it_is_used(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    strings = root / "templates/strings.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("place_brands:\n", "place_brands_renamed:\n", 1), encoding="utf-8")
    found = problems(root)
    assert any(p.startswith("templates/country.md.j2:") and "place_brands: no such key" in p for p in found), found


def test_data_files_must_be_ordinary_files_inside_the_project(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    (root / "data/countries/tj.yml").symlink_to("/dev/zero")
    (root / "data/countries/uz.yml").mkdir()
    found, seconds = timed_problems(root)
    assert seconds < 5
    assert "data/countries/tj.yml:1:1: is a symbolic link; data files must be ordinary files" in found
    assert "data/countries/uz.yml:1:1: is not an ordinary file" in found


def test_text_cannot_open_a_block_or_run_on_hover(tmp_path: Path, fixture_text: str, browser: Any) -> None:
    """A summary that starts like a collapsible box stays text; a long heading with markup in it
    stays text in the table of contents and the navigation, also when a reader hovers it."""
    payload = "<img src=x onerror=window.__pwned=9>" + " a long question that overflows the table of contents" * 3
    text = fixture_text.replace("en: Summary of the test country.", 'en: "??? danger \\"boom\\""', 1)
    text = text.replace("en: Can I do it from abroad?", f"en: {json.dumps(payload)}", 1)
    root = make_project(tmp_path / "p", {"kg.yml": text})
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto((root / "site/en/countries/kg/index.html").as_uri())
    page.wait_for_load_state("load")
    # the page's own folded parts (sources, ways for every brand) only: none from the data
    assert page.locator("article details:not(.sources):not(.route)").count() == 0
    assert '??? danger "boom"' in page.locator("article").inner_text()
    for link in page.locator(".md-nav a").all():
        for event in ("mouseenter", "mouseover"):  # what a tooltip listens for
            link.dispatch_event(event)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    page.close()


# --- round 3: one-line fields, and reports that print data values ------------------------------

# Every kind of line break, other control characters, and invisible characters that reorder or
# hide text: none belongs in a name, title or label.
LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x85", "\u2028", "\u2029"]
NOT_IN_A_LINE = [*LINE_BREAKS, "\t", "\x00", "\x1b", "\x7f", "\x9b", "\u202e", "\u200b", "\u2066", "\ufeff", "\u200f"]
# What a value would print if it could start a line of its own: a GitHub workflow command, a forged
# problem line, and text reordered by a right-to-left override.
FORGERIES = [
    "\n::error file=data/countries/kg.yml,line=1::forged",
    "\r\n::warning::forged",
    "\ndata/countries/xx.yml:1:1: code: forged problem",
    "\u2028data/countries/xx.yml:1:1: forged",
    "\u202e::error::gfl",
    "\u200b::error::hidden",
]

# (data file, text in it, the field as it is named in messages): one of each single-line field.
# {v} is where the hostile character goes (as a YAML double-quoted escape).
ONE_LINE_FIELDS: list[tuple[str, str, str, str]] = [
    ("countries/kg.yml", "brand: Alpha Mobile", 'brand: "Alpha{v}Mobile"', "operators[0].brand"),
    ("countries/kg.yml", "company: Alpha LLC", 'company: "Alpha{v}LLC"', "operators[0].company"),
    ("countries/kg.yml", "title: Alpha help", 'title: "Alpha{v}help"', "sources[0].title"),
    ("countries/kg.yml", "publisher: A blog", 'publisher: "A{v}blog"', "sources[1].publisher"),
    ("countries/kg.yml", "en: Cancel at an office", 'en: "Cancel at{v}an office"', "routes[0].title.en"),
    ("countries/kg.yml", "zh: 去营业厅办理", 'zh: "去营业厅{v}办理"', "routes[0].title.zh"),
    ("countries/kg.yml", "en: Can I do it from abroad?", 'en: "Can I{v}do it?"', "faq[0].q.en"),
    ("countries/kg.yml", "en: Test country page updated.", 'en: "Test{v}updated."', "changes[0].summary.en"),
    ("countries/kg.yml", "code: kg\n", 'code: kg\nname: {zh: 测试国, en: "Test{v}land"}\n', "name.en"),
    ("countries/kg.yml", 'value: "1234"', 'value: "12{v}34"', "operators[0].contacts[0].value"),
    ("services/chatter.yml", "en: Chatter\n", 'en: "Chat{v}ter"\n', "name.en"),
    ("services/chatter.yml", "stakes:", 'also_known_as: ["Chat{v}App"]\nstakes:', "also_known_as[0]"),
    (
        "services/chatter.yml",
        "  checked: 2026-11-01",
        '  app_version: "8{v}0"\n  checked: 2026-11-01',
        "change.app_version",
    ),
    ("services/chatter.yml", "en: Settings > Account > Change number", 'en: "Settings{v}> Account"', "change.menu.en"),
    ("documents.yml", "en: The original passport the", 'en: "The original{v}passport the', "documents[0].name.en"),
    ("documents.yml", "ru: паспорт (оригинал),", 'ru: "паспорт{v}(оригинал),', "documents[0].staff.ru"),
    ("staff_card.yml", "en: Russian}", 'en: "Rus{v}sian"}', "languages[0].name.en"),
]


def _yaml_escape(char: str) -> str:
    return json.dumps(char)[1:-1]


def _hostile_project(tmp_path: Path, file: str, old: str, new: str) -> tuple[Path, str]:
    from conftest import fixture_services

    root = make_project(tmp_path / "p", services=fixture_services())
    path = root / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    if new.count('"') % 2:  # the value runs to the end of its line: close the quotes there
        at = text.index(old)
        end = text.index("\n", at)
        text = text[:at] + new + text[at + len(old) : end].replace('"', '\\"') + '"' + text[end:]
    else:
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return root, text


# in data files: what YAML lets through to the models, and one the YAML reader refuses first
@pytest.mark.parametrize("char", ["\n", "\r", "\t", "\u2028"], ids=lambda c: f"U+{ord(c[0]):04X}")
@pytest.mark.parametrize(("file", "old", "new", "field"), ONE_LINE_FIELDS, ids=lambda v: v)
def test_a_one_line_field_refuses_line_breaks_and_control_characters(
    tmp_path: Path, file: str, old: str, new: str, field: str, char: str
) -> None:
    root, text = _hostile_project(tmp_path, file, old, new.replace("{v}", _yaml_escape(char)))
    found = problems(root)
    assert len(found) == 1, found
    line = line_of(text, new.split("{v}")[0].strip().split("\n")[-1])
    assert found[0].startswith(f"data/{file}:{line}:"), found
    assert f": {field}: " in found[0], found
    assert f"U+{ord(char[0]):04X}" in found[0], found
    assert "\n" not in found[0] and "\r" not in found[0]


@pytest.mark.parametrize("char", NOT_IN_A_LINE, ids=lambda c: f"U+{ord(c[0]):04X}")
def test_the_one_line_types_refuse_them_whoever_builds_the_model(char: str) -> None:
    """The models are the contract: a value built in code (an API round trip, a test) gets the same
    check as one read from YAML, which already refuses some of these characters itself."""
    from pydantic import TypeAdapter, ValidationError

    from baohao.models import Name, StaffText, TextLine

    # (text in a staff card's own language may hold direction marks: Urdu needs them)
    for kind, value in ((Name, f"Alpha{char}Mobile"), (StaffText, f"паспорт{char}x")):
        if kind is StaffText and char == "\u200f":
            continue
        with pytest.raises(ValidationError, match=f"U\\+{ord(char[0]):04X}"):
            TypeAdapter(kind).validate_python(value)
    with pytest.raises(ValidationError, match=f"U\\+{ord(char[0]):04X}"):
        TextLine.model_validate({"zh": f"名称{char}二", "en": "Name"})
    with pytest.raises(ValidationError, match=f"U\\+{ord(char[0]):04X}"):
        TextLine.model_validate({"zh": "名称", "en": f"Name{char}two"})


def test_a_message_body_keeps_its_line_breaks() -> None:
    """The one field whose line breaks are meant: a letter or chat message."""
    from baohao.models import Message

    body = "Здравствуйте!\nПрошу расторгнуть договор.\n\nС уважением, ____"
    message = Message.model_validate({"language": "ru", "body": body, "meaning": {"zh": "请注销。", "en": "Cancel."}})
    assert message.body == body


@pytest.mark.parametrize("forgery", FORGERIES)
def test_no_command_prints_a_value_that_starts_a_line_of_its_own(tmp_path: Path, forgery: str) -> None:
    """check, stale and urls on a file whose brand, source title and publisher try to start a CI
    annotation or a problem line: every line printed is the command's own."""
    text = (Path(__file__).parent / "fixtures/countries/kg.yml").read_text(encoding="utf-8")
    for old, new in (
        ("brand: Alpha Mobile", f"brand: {json.dumps('Alpha' + forgery)}"),
        ("title: Alpha help", f"title: {json.dumps('Alpha help' + forgery)}"),
        ("publisher: A blog", f"publisher: {json.dumps('A blog' + forgery)}"),
    ):
        text = text.replace(old, new, 1)
    root = make_project(tmp_path / "p", {"kg.yml": text})
    later = {"SOURCE_DATE_EPOCH": "1893456000"}  # 2030: every source is old, every fact listed
    for command in ("check", "stale", "urls"):
        result = run_cli(root, command, env=later)
        assert "Traceback" not in result.stderr
        for line in (result.stdout + result.stderr).splitlines():
            assert not line.lstrip().startswith(("::", "data/countries/xx.yml")), (command, line)
            assert not set(line) & {"\u202e", "\u200b", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"}


def _poisoned(model: Any, forgery: str) -> Any:
    """The model with the forgery appended to every name, title, text and URL in it, skipping the
    checks (as if a value had got past them): what a report prints must stay one line anyway."""
    from pydantic import BaseModel

    if isinstance(model, list):
        return [_poisoned(item, forgery) for item in model]
    if not isinstance(model, BaseModel):
        return model
    update: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, str) and name in ("brand", "company", "title", "publisher", "en", "value", "url"):
            update[name] = value + forgery
        elif isinstance(value, BaseModel | list):
            update[name] = _poisoned(value, forgery)
    return model.model_copy(update=update)


@pytest.mark.parametrize("forgery", FORGERIES)
def test_reports_print_every_data_value_escaped(tmp_path: Path, fixture_text: str, forgery: str) -> None:
    """make stale, the URL list and the link report, on values that got past the checks."""
    import dataclasses
    import datetime as dt

    from baohao import linkcheck, stale
    from baohao.load.problems import printable

    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    project = project_at(root, dt.date(2030, 1, 1))
    data = load_all(project)
    data = dataclasses.replace(data, countries=[_poisoned(c, forgery) for c in data.countries])
    uses = stale.url_uses(project, data)
    results = linkcheck.Results(checked=2)
    url = uses[0].url
    results.dead.append(linkcheck.Link(url, "Network error: reset" + forgery))
    results.moved.append(linkcheck.Link(url, "301" + forgery, "https://alpha.example.com/new" + forgery))
    outputs = {
        "stale": stale.report(project, data),
        "urls": stale.url_list(project, data),
        "links": linkcheck.report_markdown(results, uses, "lychee 0.24" + forgery),
    }
    for name, output in outputs.items():
        assert printable(forgery) in output, name
        for line in output.splitlines():
            assert not line.lstrip().startswith(("::", "data/countries/xx.yml")), (name, line)
            assert printable(line) == line, (name, line)
    assert len(outputs["urls"].splitlines()) == len(stale.urls(project, data))


# --- round 3: data ids against the ids the pages use for themselves ---------------------------------


def _service(service_id: str, name: str, source_id: str = "chatter-faq") -> str:
    """A fixture service under another id, name and source id."""
    from conftest import FIXTURE_SERVICES

    text = (FIXTURE_SERVICES / "chatter.yml").read_text(encoding="utf-8")
    text = text.replace("id: chatter\n", f"id: {service_id}\n", 1).replace("chatter-faq", source_id)
    return text.replace("zh: 聊聊", f"zh: 聊聊{name}").replace("en: Chatter\n", f"en: Chatter {name}\n")


# Service ids made to meet the ids the accounts page makes for itself: the checkbox of `paymo`
# (done-paymo), a source anchor of another service and of the "why" section (source-<part>-<source>),
# the page title's own anchor, and two services whose part and source ids join to the same words.
HOSTILE_SERVICES = {
    "done-paymo": _service("done-paymo", "A"),
    "source-why-which": _service("source-why-which", "B"),
    "paymo-paymo": _service("paymo-paymo", "C", source_id="help"),
    "move-your-accounts-off-the-old-number-first": _service("move-your-accounts-off-the-old-number-first", "D"),
    "source-paymo-paymo-help": _service("source-paymo-paymo-help", "E"),
}
# Operator, route, FAQ and source ids named like a country page's own anchors and the theme's.
HOSTILE_COUNTRY_IDS = [
    ("- id: alpha\n", "- id: planner\n", "[alpha]", "[planner]"),
    ("- id: beta\n", "- id: sources\n", "[beta]", "[sources]"),
    ("- id: office\n", "- id: planner-data\n", None, None),
    ("- id: lapse\n    kind: lapse", "- id: brands\n    kind: lapse", None, None),
    ("- id: abroad\n", "- id: planner-date\n", None, None),
    ("- id: blog\n", "- id: alpha-help-x\n", "[blog]", "[alpha-help-x]"),
]


def hostile_ids_project(tmp_path: Path, fixture_text: str) -> Path:
    from conftest import fixture_services

    text = fixture_text
    for old, new, ref_old, ref_new in HOSTILE_COUNTRY_IDS:
        assert old in text, old
        text = text.replace(old, new)
        if ref_old:
            text = text.replace(ref_old, ref_new)
    services = {**fixture_services(), **{f"{sid}.yml": body for sid, body in HOSTILE_SERVICES.items()}}
    return make_project(tmp_path / "p", {"kg.yml": text}, services=services)


ALL_IDS = "() => [...document.querySelectorAll('[id]')].map(e => e.id)"


def test_no_data_id_makes_two_elements_share_an_id(tmp_path: Path, fixture_text: str, browser: Any) -> None:
    """Every page of a site whose ids are named like the pages' own anchors, with the scripts run:
    every id once, each checklist link and source mark leading to its own service and source, the old
    source anchors still there where no other element claims them."""
    import zipfile

    from baohao.anchors import ACCOUNTS_PAGE_OWN, LAPSE_OWN
    from baohao.publish.bundle import OFFLINE_ZIP, SITE_SLUG

    root = hostile_ids_project(tmp_path, fixture_text)
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(root / "dist" / OFFLINE_ZIP) as bundle:
        bundle.extractall(root / "offline")
    site = root / "offline" / SITE_SLUG  # as a reader has it: the offline bundle from file://
    data = load_all(project_at(root))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for prefix in ("", "en/"):
        page.goto((site / prefix / "accounts.html").as_uri())
        page.wait_for_selector("ul.accounts-checklist[data-ready]", state="attached")
        ids = page.evaluate(ALL_IDS)
        assert sorted(i for i in set(ids) if ids.count(i) > 1) == [], prefix
        # the page's own ids beside the services' #<id>: only the reserved words (anchors.py), or ids
        # no data id can be (Material's __..., a double hyphen), or the title's and the sources' anchors
        title = page.evaluate("document.querySelector('article h1').id")
        services = {s.id for s in data.services}
        own = {i for i in ids if not i.startswith("__") and "--" not in i and not i.startswith("source-")}
        assert own - services - {title} == set(ACCOUNTS_PAGE_OWN), prefix
        for item in page.locator("ul.accounts-checklist li").all():
            service = item.get_attribute("data-service")
            link = item.locator("a").get_attribute("href")
            assert link == f"#{service}"
            target = page.evaluate(
                "id => { const e = document.getElementById(id); return [e.tagName, e.textContent]; }", service
            )
            assert target[0] == "H2" and item.locator("a").inner_text() in target[1], (service, target)
            box = item.locator("input[type=checkbox]").get_attribute("id")
            assert box and box != service and "--" in box
        for mark in page.locator("article a.src-ref").all():
            anchor = (mark.get_attribute("href") or "")[1:]
            assert page.evaluate("id => document.getElementById(id)?.tagName", anchor) == "SPAN", anchor
        # readers' links to the old anchors still land, where only one source had that anchor
        for old in ("source-chatter-chatter-faq", "source-why-which", "source-why-fcc-aging"):
            if old in HOSTILE_SERVICES:
                continue
            assert page.evaluate("id => document.getElementById(id)?.tagName", old) == "SPAN", old
        country = data.countries[0]
        for name in ("index", *(o.id for o in country.operators)):
            page.goto((site / prefix / f"countries/kg/{name}.html").as_uri())
            ids = page.evaluate(ALL_IDS)
            assert sorted(i for i in set(ids) if ids.count(i) > 1) == [], (prefix, name)
            # the page's own ids share no prefix with a data anchor, but for the reserved lapse-all/-unknown
            from_data = {f"brand-{o.id}" for o in country.operators} | {f"route-{r.id}" for r in country.routes}
            from_data |= {f"faq-{f.id}" for f in country.faq} | {f"source-{s.id}" for s in country.sources}
            from_data |= {f"lapse-{t.operators[0]}" for t in country.rules.lapse if t.operators}
            title = page.evaluate("document.querySelector('article h1').id")
            own = {i for i in ids if not i.startswith("__")} - from_data - {title}
            prefixes = ("brand-", "route-", "faq-", "source-", "lapse-")
            assert {i for i in own if i.startswith(prefixes)} <= {f"lapse-{w}" for w in LAPSE_OWN}, own
            for link in page.locator("article a[href^='#']").all():
                anchor = (link.get_attribute("href") or "")[1:]
                assert anchor and page.evaluate("id => !!document.getElementById(id)", anchor), anchor
            if name != "index":
                assert page.evaluate("document.getElementById('planner').tagName") == "H3"
                assert page.evaluate("document.getElementById('planner-data').tagName") == "SCRIPT"
    assert errors == []
    page.close()


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("services/chatter.yml", "id: chatter\n", "id: why\n", "id"),
        ("services/chatter.yml", "id: chatter\n", "id: checklist\n", "id"),
        ("countries/kg.yml", "- id: beta\n", "- id: all\n", "operators[1].id"),
        ("countries/kg.yml", "- id: beta\n", "- id: unknown\n", "operators[1].id"),
    ],
)
def test_an_id_a_page_uses_for_itself_is_refused_with_a_located_line(
    tmp_path: Path, file: str, old: str, new: str, field: str
) -> None:
    from conftest import fixture_services

    root = make_project(tmp_path / "p", services=fixture_services())
    path = root / "data" / file
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    if file.startswith("services/"):
        path.unlink()
        path = path.with_name(new.split(": ")[1].strip() + ".yml")
    else:
        text = text.replace("operators: [beta]", f"operators: [{new.split(': ')[1].strip()}]")
    path.write_text(text, encoding="utf-8")
    shown = f"data/{file.rsplit('/', 1)[0]}/{path.name}"
    found = problems(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"{shown}:{line_of(text, new.strip())}:"), found
    assert f": {field}: " in found[0] and "choose another id" in found[0], found
