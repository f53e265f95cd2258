"""`make bench`: the synthetic data are valid, and `python -m benchmarks.bench` writes its report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.numbers import get_territory_currencies

from baohao.cldr import ISO_COUNTRY_CODES, REGIONS
from baohao.load import load_all
from baohao.patterns import HAN
from benchmarks import bench, synthetic
from conftest import ROOT, project_at


def _texts(value: object) -> list[dict[str, str]]:
    """Every {zh, en} text in a country's data."""
    if isinstance(value, dict):
        if set(value) == {"zh", "en"}:
            return [value]
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_region_table_uses_real_codes_and_every_region() -> None:
    members = [code for codes in synthetic.REGION_MEMBERS.values() for code in codes.split()]
    assert set(synthetic.REGION_MEMBERS) == set(REGIONS)
    assert len(members) == len(set(members))
    assert {code.upper() for code in members} <= ISO_COUNTRY_CODES
    assert len(synthetic.country_catalogue()) >= 200


def test_five_synthetic_countries_are_valid_and_shaped_like_real_ones(tmp_path: Path) -> None:
    root = synthetic.make_project(tmp_path / "project", 5)
    data = load_all(project_at(root))
    countries = data.countries
    assert len({c.code for c in countries}) == 5
    assert len({c.region for c in countries}) == 5  # spread over regions
    for c in countries:
        assert c.currency in get_territory_currencies(c.code.upper())
        assert 3 <= len(c.routes) <= 5
        assert "lapse" in {r.kind for r in c.routes} and len({r.kind for r in c.routes}) >= 2
        assert all(o.contacts for o in c.operators)
        assert 4 <= len(c.faq) <= 6
        assert 8 <= len(c.sources) <= 16
        assert all(".example." in s.url for s in c.sources)
    texts = _texts(synthetic.CountryWriter("uz", "central-asia", "UZS", synthetic.vocabulary_ids(root)).country())
    assert texts and all(HAN.search(t["zh"]) and not HAN.search(t["en"]) for t in texts)


def test_same_seed_same_files(tmp_path: Path) -> None:
    first = synthetic.make_project(tmp_path / "a", 3, seed=7)
    second = synthetic.make_project(tmp_path / "b", 3, seed=7)
    files = sorted(p.name for p in (first / "data" / "countries").iterdir())
    assert files == sorted(p.name for p in (second / "data" / "countries").iterdir())
    for name in files:
        assert (first / "data" / "countries" / name).read_bytes() == (second / "data" / "countries" / name).read_bytes()


def test_two_hundred_synthetic_countries_are_valid(tmp_path: Path) -> None:
    root = synthetic.make_project(tmp_path / "project", 200)
    countries = load_all(project_at(root)).countries
    assert len({c.code for c in countries}) == 200
    assert {c.region for c in countries} == set(REGIONS)


def _result(build: float, own: float, check: float, page: float, visit: float) -> dict[str, object]:
    return {
        "time_s": {"build": build, "load": own / 2, "render": own / 2, "check": check},
        "country_page_gz": {"all": {"median": page}},
        "first_visit_max_gz": visit,
    }


def test_missed_targets_are_reported_not_raised() -> None:
    results = {
        5: _result(4, 0.1, 0.2, 10_000, 70_000),
        50: _result(10, 0.5, 0.5, 11_000, 75_000),
        200: _result(50, 6, 2.5, 12_000, 90 * 1024),
    }
    ratios = bench.ratios(results)
    assert ratios["build_200_over_50"] == 5
    assert ratios["own_stages_share_200"] == pytest.approx(0.12)
    verdicts = [t["pass"] for t in bench.targets(results, ratios)]
    assert verdicts == [False, False, False, True, False]
    assert [t["pass"] for t in bench.targets({}, bench.ratios({}))] == [None] * 5


def test_first_visit_counts_css_and_js_but_not_search(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "a.css").write_text("body{}" * 100)
    (site / "assets" / "b.js").write_text("var x=1;" * 100)
    (site / "search").mkdir()
    (site / "search" / "search_index.js").write_text("var __index={}")
    page = site / "countries" / "uz" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<link rel="stylesheet" href="../../assets/a.css"><script src="../../assets/b.js"></script>'
        '<script src="../../search/search_index.js"></script><script src="https://cdn.example.com/x.js"></script>'
    )
    visit = bench.first_visit(site, page)
    assert [f["path"] for f in visit["files"]] == ["assets/a.css", "assets/b.js"]
    assert visit["external"] == ["https://cdn.example.com/x.js"]
    assert visit["total_gz"] == visit["html_gz"] + visit["css_gz"] + visit["js_gz"]


@pytest.mark.build
def test_bench_command_writes_report(tmp_path: Path) -> None:
    out = tmp_path / "out" / "bench.json"
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'scripts'}{os.pathsep}{ROOT}", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.bench",
        "--sizes",
        "5",
        "--runs",
        "1",
        "--no-lighthouse",
        "--out",
        str(out),
    ]
    result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "build, whole (s)" in result.stdout and "targets:" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {"machine", "runs", "sizes", "results", "ratios", "targets", "notes"} <= set(report)
    assert "lighthouse" not in report
    five = report["results"]["5"]
    assert set(five["time_s"]) == {"build", "load", "render", "mkdocs_online", "offline_bundle", "startup", "check"}
    assert five["time_s"]["build"] > five["time_s"]["mkdocs_online"] > 0
    assert five["peak_rss_mb"]["mkdocs"] > 0 and five["peak_rss_mb"]["parent"] > 0
    assert five["country_page_gz"]["zh"]["pages"] == five["country_page_gz"]["en"]["pages"] == 5
    assert five["search_index"]["zh"]["gz"] > 0 and five["search_index"]["en"]["gz"] > 0
    assert five["offline_zip"] > 0
    visit = five["first_visit"]["zh"]
    assert visit["css_gz"] > 0 and visit["js_gz"] > 0 and visit["html_gz"] > 0
    assert set(report["ratios"]) >= {"build_200_over_50", "own_stages_share_200", "page_gz_200_over_5"}
    assert len(report["targets"]) == 5
