"""The real site in a real browser (Debian's Chromium driven by Playwright), served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from baohao.load import load_all
from conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-results"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed: run `sudo apt-get install chromium` to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(real_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def page_paths() -> list[str]:
    codes = sorted(c.code for c in load_all(ROOT).countries)
    zh = ["", "compare/", "about/", "disclaimer/", *[f"countries/{c}/" for c in codes]]
    return zh + [f"en/{p}" for p in zh]


@pytest.mark.parametrize("path", page_paths())
def test_page_loads_cleanly_from_its_own_origin(browser, served: str, path: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").count() == 1
    assert errors == []
    assert [u for u in requests if not u.startswith(served)] == []
    page.close()


@pytest.mark.parametrize(
    ("start", "lang", "expected"),
    [
        ("countries/uz/", "en", "en/countries/uz/"),
        ("en/countries/uz/", "zh", "countries/uz/"),
        ("en/compare/", "zh", "compare/"),
        ("about/", "en", "en/about/"),
    ],
)
def test_language_switcher_stays_on_the_same_page(browser, served: str, start: str, lang: str, expected: str) -> None:
    page = browser.new_page()
    page.goto(served + start)
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={lang}]")
    page.wait_for_load_state("load")
    assert page.url == served + expected
    assert page.locator("html").get_attribute("lang") == lang
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_country_page_on_a_phone(browser, served: str, lang: str) -> None:
    """Saves a 390 px wide screenshot as a test artifact, and checks nothing overflows sideways."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(served + ("" if lang == "zh" else "en/") + "countries/uz/")
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"country-uz-{lang}-390px.png"), full_page=False)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.close()
