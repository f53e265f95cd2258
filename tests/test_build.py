"""Full MkDocs builds of small fixture sites: atomic output, escaping in real HTML."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from baohao.publish.bundle import OFFLINE_ZIP
from conftest import ROOT, fixture_services, make_project, run_cli

pytestmark = pytest.mark.build


def tree_digest(path: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
        digest.update(str(file.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def test_fixture_site_builds_both_languages(project: Path) -> None:
    result = run_cli(project, "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for page, lang in [("countries/kg/index.html", "zh"), ("en/countries/kg/index.html", "en")]:
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_failed_build_leaves_previous_site_untouched(project: Path, fixture_text: str) -> None:
    assert run_cli(project, "site").returncode == 0
    before = tree_digest(project / "site")
    country = project / "data/countries/kg.yml"
    country.write_text(fixture_text.replace("https://beta.example.com", "http://beta.example.com"), encoding="utf-8")
    result = run_cli(project, "site")
    assert result.returncode == 1
    assert "data/countries/kg.yml:26:14: operators[1].website: must be an https URL" in result.stderr
    assert "previous site/ is unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before
    # a failure inside MkDocs (a broken link in a hand-written page) also keeps the old site
    country.write_text(fixture_text, encoding="utf-8")
    about = project / "docs/about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[broken](missing-page.md)\n", encoding="utf-8")
    result = run_cli(project, "site")
    assert result.returncode == 1
    assert tree_digest(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_hostile_text_is_shown_as_text_in_the_browser_html(tmp_path: Path, fixture_text: str) -> None:
    payload = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) {{ 7*7 }}"
    hostile = fixture_text.replace("en: Summary of the test country.", f"en: '{payload}'").replace(
        "en: Ask for written confirmation.", "en: '\"><b onmouseover=alert(4)>hi</b>'"
    )
    root = make_project(tmp_path / "p", {"kg.yml": hostile})
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stderr
    html = (root / "site/en/countries/kg/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")]
    assert not soup.find_all("img", onerror=True)
    assert not soup.find_all("b", onmouseover=True)
    assert not [a for a in soup.find_all("a", href=True) if a["href"].startswith("javascript:")]
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("<script>alert(1)")
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text and "[x](javascript:alert(3))" in text


def test_two_builds_of_one_commit_are_byte_identical(project: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "fixture"],
        cwd=project,
        check=True,
        env={**os.environ, "GIT_COMMITTER_DATE": "2026-01-20T00:00:00Z", "GIT_AUTHOR_DATE": "2026-01-20T00:00:00Z"},
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    outputs = []
    for n in (1, 2):
        result = subprocess.run(
            [sys.executable, "-m", "baohao", "site", "--site-dir", f"out{n}/site", "--dist-dir", f"out{n}/dist"],
            cwd=project,
            env={**env, "PYTHONPATH": str(ROOT / "scripts")},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        site = project / f"out{n}/site"
        outputs.append(
            (
                {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()},
                (project / f"out{n}/dist" / OFFLINE_ZIP).read_bytes(),
            )
        )
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]
    # dates come from the commit, not from the day of the build
    assert "<lastmod>2026-01-20</lastmod>" in outputs[0][0]["sitemap.xml"].decode()
    with zipfile.ZipFile(project / "out1/dist" / OFFLINE_ZIP) as bundle:
        names = bundle.namelist()
        assert names == sorted(names)
        assert {info.date_time[:3] for info in bundle.infolist()} == {(2026, 1, 20)}


def test_a_new_country_file_appears_everywhere(tmp_path: Path, fixture_text: str) -> None:
    """Adding a country is adding one file: pages in both languages, nav, home, compare, sitemap."""
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    assert run_cli(root, "site").returncode == 0
    (root / "data/countries/tj.yml").write_text(fixture_text.replace("code: kg", "code: tj"), encoding="utf-8")
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for prefix, name in (("", "塔吉克斯坦"), ("en/", "Tajikistan")):
        page = BeautifulSoup((site / prefix / "countries/tj/index.html").read_text(encoding="utf-8"), "html.parser")
        assert name in page.h1.get_text()
        # the nav lists a country on the pages of its region (navigation.prune keeps the others short)
        nav = [a["href"] for a in page.select(".md-nav--primary a[href]")]
        assert any(h.rstrip("/").split("/")[-1] == "kg" for h in nav), nav
        home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
        chooser = [a["href"] for a in home.select("article a[href]")]
        assert any(h.rstrip("/").endswith("countries/tj") for h in chooser), chooser
        compare = BeautifulSoup((site / prefix / "compare/index.html").read_text(encoding="utf-8"), "html.parser")
        places = compare.select("article table")[0]  # the first table has one row per place, headed by its name
        assert [row.th.get_text() for row in places.select("tbody tr")] == (
            ["吉尔吉斯斯坦", "塔吉克斯坦"] if not prefix else ["Kyrgyzstan", "Tajikistan"]
        )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "countries/tj/" in sitemap and "en/countries/tj/" in sitemap
    # and every export: the API and both feeds
    assert (site / "api/v1/countries/tj.json").exists()
    index = json.loads((site / "api/v1/countries.json").read_text(encoding="utf-8"))
    assert [c["code"] for c in index["countries"]] == ["kg", "tj"]
    assert "塔吉克斯坦" in (site / "feed.xml").read_text(encoding="utf-8")
    assert "Tajikistan" in (site / "en/feed.xml").read_text(encoding="utf-8")


def test_edit_and_report_links_open_the_data_file_and_a_prefilled_issue(project: Path) -> None:
    repo = "https://github.com/example/guide"
    result = run_cli(project, "site", env={"BAOHAO_REPOSITORY": repo})
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for prefix in ("", "en/"):
        country = BeautifulSoup((site / prefix / "countries/kg/index.html").read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in country.select("a[href]")]
        assert f"{repo}/edit/main/data/countries/kg.yml" in hrefs
        report = next(h for h in hrefs if h.startswith(f"{repo}/issues/new?"))
        assert "template=wrong-information.yml" in report and "country=kg" in report
        about = BeautifulSoup((site / prefix / "about/index.html").read_text(encoding="utf-8"), "html.parser")
        lang = "en" if prefix else "zh"
        assert f"{repo}/edit/main/docs/about.{lang}.md" in [a["href"] for a in about.select("a[href]")]
    # without a known repository there are no dead links
    assert run_cli(project, "site", env={"BAOHAO_REPOSITORY": ""}).returncode == 0
    assert "/edit/main/" not in (site / "countries/kg/index.html").read_text(encoding="utf-8")


def test_make_site_renders_the_data_once_and_the_builds_reuse_it(project: Path) -> None:
    result = run_cli(project, "site")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("rendered 1 countries") == 1
    # the two MkDocs builds found the render current: the hook did not render again
    assert "rendering the data" not in result.stderr


def test_serve_and_site_use_the_same_links_and_dates(project: Path) -> None:
    """The hook resolves the same project settings as `make site` (here: the repository)."""
    env = {"BAOHAO_REPOSITORY": "https://github.com/example/guide", "SOURCE_DATE_EPOCH": "1767225600"}
    assert run_cli(project, "site", env=env).returncode == 0
    site_page = (project / "site/countries/kg/index.html").read_text(encoding="utf-8")
    # a bare `mkdocs build`, as `make serve` builds: it renders and publishes by itself (with no record
    # of the last render; touching a file no longer counts as a change, its content does)
    (project / "data/countries/kg.yml").touch()
    (project / "build/nav.json").unlink()
    bare = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "bare"],
        cwd=project,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert bare.returncode == 0, bare.stderr
    assert "rendering the data" in bare.stderr
    assert (project / "bare/countries/kg/index.html").read_text(encoding="utf-8") == site_page
    for published in ("feed.xml", "en/feed.xml", "en/search/search_index.json", "api/v1/countries.json"):
        assert (project / "bare" / published).exists(), published


def test_accounts_page_in_both_languages_in_order_and_linked(tmp_path: Path) -> None:
    """The accounts page from three fixture services: both languages, what breaks first first,
    linked from the country page's "before you start" and the home page's risk section, and in the
    sitemap, the search index of its language and the offline bundle."""
    root = make_project(tmp_path / "p", services=fixture_services())
    result = run_cli(root, "site")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    order = ["paymo", "idpass", "chatter"]
    for lang, prefix, word in [("zh", "", "换绑手机号"), ("en", "en/", "change the phone number")]:
        soup = BeautifulSoup((site / prefix / "accounts/index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
        article = soup.find("article")
        # the reader's first step, then the checklist, then the "why", then each service
        assert [h["id"] for h in article.find_all("h2")] == ["checklist", "why", *order]
        first = article.find(id="first-step")
        assert first.name == "p" and first.find_next("h2")["id"] == "checklist"
        assert [li["data-service"] for li in article.select("ul.accounts-checklist li")] == order
        assert [li.a["href"] for li in article.select("ul.accounts-checklist li")] == [f"#{s}" for s in order]
        for sid in order:
            assert word in article.find("h2", id=sid).get_text()
        text = article.get_text()
        assert "PayMo Wallet" in text and "IdPass ID" in text  # also_known_as, for the search
        # the weak-only verdict carries the mark; each service's sources have their own anchors
        idpass = article.find("h2", id="idpass").find_next("ul")
        assert idpass.find(class_="unverified")
        assert article.find(id="source-paymo--paymo-help") and article.find(id="source-why--which")
        assert article.find("a", href="#source-why--fcc-aging")
        # the anchors as they were before the double hyphen still land, for readers' links
        assert article.find(id="source-paymo-paymo-help") and article.find(id="source-why-which")
        # linked from the country page's "before you start" and the home page's risk section
        country = BeautifulSoup((site / prefix / "countries/kg/index.html").read_text(encoding="utf-8"), "html.parser")
        before = country.find("h2", id="before").find_next("ul")
        assert [a["href"] for a in before.find_all("a")] == ["../../accounts/"]  # its first step, at the top
        home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
        risk = home.find("h2", id="recycled-numbers")
        links = [a["href"] for a in risk.find_all_next("a") if a.find_previous("h2") is risk]
        assert "accounts/" in links
        # in the navigation, after the home page and before the comparison
        nav = [a["href"] for a in home.select(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")]
        assert [h.rstrip("/") for h in nav[:3]] == [".", "accounts", "compare"], nav
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {d["location"] for d in index["docs"]}
        assert {f"accounts/#{s}" for s in order} <= locations, sorted(locations)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "accounts/" in sitemap and "en/accounts/" in sitemap
    # the open-data API lists the services in the page's order, following its own published schema
    services = json.loads((site / "api/v1/services.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api/v1/services.schema.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(services)
    assert [s["id"] for s in services["services"]] == order and services["licence"] == "CC BY-SA 4.0"
    with zipfile.ZipFile(root / "dist" / OFFLINE_ZIP) as bundle:
        names = set(bundle.namelist())
    assert {n for n in names if n.endswith("accounts.html")} == {
        "baohao-guide/accounts.html",
        "baohao-guide/en/accounts.html",
    }


# --- round 3: the hook tells a changed input by its bytes, not by its size and time -------------------


def _keep_size_and_time(path: Path, old: str, new: str) -> None:
    """Edit a file in place so that its size and modification time stay as they were."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _bare_build(root: Path, site_dir: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("edited", "old", "new", "page", "shown"),
    [
        # a country file, a shared vocabulary, the interface strings: each the same size, same time
        ("data/countries/kg.yml", "Summary of the", "Sxmmary of the", "en/countries/kg/index.html", "Sxmmary"),
        ("data/checklists.yml", "First move every", "Fxrst move every", "en/countries/kg/index.html", "Fxrst move"),
        ("templates/strings.yml", "Choose your brand", "Chxose your brand", "en/countries/kg/index.html", "Chxose"),
    ],
)
def test_a_bare_build_shows_an_edit_that_kept_the_files_size_and_time(
    project: Path, edited: str, old: str, new: str, page: str, shown: str
) -> None:
    assert run_cli(project, "site").returncode == 0
    _keep_size_and_time(project / edited, old, new)
    first = _bare_build(project, "bare")
    assert first.returncode == 0, first.stderr
    assert "rendering the data" in first.stderr
    assert shown in (project / "bare" / page).read_text(encoding="utf-8")
    # and once rendered, the next bare build finds the render current
    second = _bare_build(project, "bare2")
    assert second.returncode == 0 and "rendering the data" not in second.stderr


def test_a_bare_build_renders_again_when_the_code_that_renders_changed(tmp_path: Path) -> None:
    """The generated pages depend on the package's code too: an edit there (here the planner's
    margin, same size and time) is rendered by the next bare build."""
    root = make_project(tmp_path / "p")
    (root / "scripts").unlink()
    shutil.copytree(ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    assert run_cli(root, "site", env={"PYTHONPATH": str(root / "scripts")}).returncode == 0
    _keep_size_and_time(root / "scripts/baohao/planner.py", "MOVE_MARGIN_DAYS = 14", "MOVE_MARGIN_DAYS = 21")
    bare = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "bare"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "scripts"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert bare.returncode == 0, bare.stderr
    assert '"move_margin_days":21' in (root / "bare/en/countries/kg/alpha/index.html").read_text(encoding="utf-8")


def test_the_fingerprint_reads_no_file_it_must_not(project: Path) -> None:
    """A symbolic link in data/ (the loader refuses it) is fingerprinted by where it points, never read:
    a link to an endless device or a huge file costs nothing."""
    from baohao.present.render import fingerprint
    from conftest import project_at

    (project / "data/countries/zz.yml").symlink_to("/dev/zero")
    (project / "data/countries/zy.yml").symlink_to("/proc/self/mem")
    before = fingerprint(project_at(project))
    assert fingerprint(project_at(project)) == before
