"""`make bench`: the synthetic and the real-size data are valid, and `python -m benchmarks.bench` writes its report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.numbers import get_territory_currencies

from baohao.cldr import ISO_COUNTRY_CODES
from baohao.load import load_all
from baohao.patterns import HAN
from benchmarks import bench, synthetic, waits
from benchmarks.weights import first_visit
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
    assert list(synthetic.REGION_MEMBERS) == synthetic.region_ids()  # every region, in its order
    assert len(members) == len(set(members))
    assert {code.upper() for code in members} <= ISO_COUNTRY_CODES
    assert len(synthetic.country_catalogue()) >= 200


def test_text_pools_pair_languages_with_the_same_slots() -> None:
    pairs = [*synthetic.SENTENCES, *synthetic.QUESTIONS, *(t for ts in synthetic.TITLES.values() for t in ts)]
    assert len(synthetic.SENTENCES) >= 30 and set(synthetic.TITLES) == {"in-store", "online", "remote", "lapse"}
    for zh, en in pairs:
        assert HAN.search(zh) and not HAN.search(en), (zh, en)
        assert sorted(part.split("}")[0] for part in zh.split("{")[1:]) == sorted(
            part.split("}")[0] for part in en.split("{")[1:]
        ), (zh, en)


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
    assert {c.region for c in countries} == set(synthetic.region_ids())


def _body(text: str) -> list[str]:
    """A country file without its code, region and currency lines, which a real-size copy changes."""
    return [line for line in text.splitlines() if line.split(":")[0] not in {"code", "region", "currency"}]


def test_two_hundred_real_size_countries_are_valid_copies_of_the_real_files(tmp_path: Path) -> None:
    root = synthetic.make_project(tmp_path / "project", 200, real=True, copy_scripts=True)
    assert not (root / "scripts").is_symlink() and (root / "scripts" / "baohao" / "mkdocs_hook.py").is_file()
    data = load_all(project_at(root))
    assert len({c.code for c in data.countries}) == 200
    assert {c.region for c in data.countries} == set(synthetic.region_ids())
    real = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "data" / "countries").glob("*.yml")}
    catalogue = synthetic.country_catalogue()
    kept = 0
    for country in data.countries:
        text = data.files[country.code].read_text(encoding="utf-8")
        if country.code in real:
            assert text == real[country.code]  # the real files come first, unchanged
            kept += 1
            continue
        assert (country.region, country.currency) == catalogue[country.code]
        assert _body(text) in [_body(r) for r in real.values()]  # a copy of one real file
    assert kept == len(real)


def test_real_size_copies_can_come_from_chosen_files(tmp_path: Path) -> None:
    root = synthetic.make_project(tmp_path / "project", 4, real=True, real_files=["uz", "kz"])
    chosen = {
        code: _body((ROOT / "data" / "countries" / f"{code}.yml").read_text(encoding="utf-8")) for code in ("kz", "uz")
    }
    files = sorted((root / "data" / "countries").glob("*.yml"))
    assert len(files) == 4 and {"kz.yml", "uz.yml"} <= {f.name for f in files}
    assert all(_body(f.read_text(encoding="utf-8")) in chosen.values() for f in files)
    assert len(load_all(project_at(root)).countries) == 4
    with pytest.raises(ValueError, match="no real country file for xx"):
        synthetic.make_project(tmp_path / "other", 2, real=True, real_files=["xx"])


def test_an_edit_changes_the_summary_in_both_languages_and_keeps_the_file_valid(tmp_path: Path) -> None:
    root = synthetic.make_project(tmp_path / "project", 2, real=True)
    path = sorted((root / "data" / "countries").glob("*.yml"))[0]
    waits.edit_country(path, "bench-edit-0a")
    waits.edit_country(path, "bench-edit-1b")  # replaces the first
    summary = yaml.safe_load(path.read_text(encoding="utf-8"))["summary"]
    assert summary["zh"].startswith("bench-edit-1b ") and summary["en"].startswith("bench-edit-1b ")
    assert "bench-edit-0a" not in path.read_text(encoding="utf-8")
    load_all(project_at(root))


def _result(site: float, check: float, serve: float, page: float, visit: float) -> dict[str, object]:
    return {
        "time_s": {
            "site": site,
            "check_edited": check,
            "check_cold": check * 4,
            "serve_rebuild": serve,
            "load_cold": site / 10,
            "render": site / 5,
        },
        "country_page_gz": {"all": {"median": page}},
        "first_visit_max_gz": visit,
    }


def test_missed_targets_are_reported_not_raised() -> None:
    results = {
        5: _result(10, 0.4, 3, 10_000, 70_000),
        50: _result(20, 0.5, 8, 11_000, 75_000),
        200: _result(100, 0.6, 30, 12_000, 90 * 1024),
    }
    ratios = bench.ratios(results)
    assert ratios["site_200_over_50"] == 5
    assert ratios["render_share_of_site_200"] == pytest.approx(0.2)
    verdicts = {t["target"]: t["pass"] for t in bench.targets(results, ratios)}
    assert list(verdicts.values()) == [True, False, False, False, False, True, False]
    assert "make site at 200 <= 0.6 x the previous 146 s" in verdicts
    assert [t["pass"] for t in bench.targets({}, bench.ratios({}))] == [None] * 7
    # against a baseline measured on the same machine, the site target follows the baseline
    with_baseline = bench.targets(results, ratios, {200: {"time_s": {"site": 200.0}}})
    assert with_baseline[2]["limit"] == 120 and with_baseline[2]["pass"] is True


def test_waits_are_compared_with_the_previous_figures_and_the_baseline() -> None:
    results = {5: _result(10, 0.4, 2, 1, 1), 200: _result(73, 0.7, 50, 1, 1)}
    rows = {(r["key"], r["countries"]): r for r in bench.comparison(results, {200: {"time_s": {"site": 146.0}}})}
    assert rows[("site", 200)]["ratio_to_previous"] == pytest.approx(0.5)
    assert rows[("site", 200)]["ratio_to_baseline"] == pytest.approx(0.5)
    assert rows[("check_edited", 200)]["ratio_to_previous"] == pytest.approx(0.2)
    assert rows[("serve_rebuild", 200)]["ratio_to_previous"] == pytest.approx(2)
    assert rows[("serve_rebuild", 5)]["ratio_to_previous"] == pytest.approx(0.5)
    assert rows[("site", 5)]["previous_s"] is None and rows[("site", 5)]["ratio_to_previous"] is None


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
    visit = first_visit(site, page)
    assert [f["path"] for f in visit["files"]] == ["assets/a.css", "assets/b.js"]
    assert visit["external"] == ["https://cdn.example.com/x.js"]
    assert visit["total_gz"] == visit["html_gz"] + visit["css_gz"] + visit["js_gz"]


@pytest.mark.build
def test_bench_command_writes_report(tmp_path: Path) -> None:
    """Three real-size countries, one run of each wait (two serve edits: one also waits for the server to settle)."""
    out = tmp_path / "out" / "bench.json"
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'scripts'}{os.pathsep}{ROOT}", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "benchmarks.bench", "--sizes", "3", "--check-runs", "1", "--site-runs", "1"]
    cmd += ["--edits", "2", "--no-lighthouse", "--out", str(out)]
    result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "make serve, edit -> page shows it (s)" in result.stdout and "targets:" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {"machine", "runs", "sizes", "results", "previous", "comparison", "ratios", "targets", "notes"} <= set(
        report
    )
    assert report["data"] == "real" and "lighthouse" not in report and "baseline" not in report
    three = report["results"]["3"]
    times = three["time_s"]
    waited = ("check_edited", "check_cold", "check_unchanged", "site", "serve_first_build", "serve_rebuild")
    assert all(times[key] > 0 for key in waited)
    assert {"load_cold", "load_warm", "render", "serve_settled"} <= set(times)
    assert len(three["time_s_runs"]["serve_rebuild"]) == 2 and len(three["time_s_runs"]["serve_settled"]) == 1
    serve = three["serve"]["serve"]
    assert serve["edited"].startswith("data/countries/") and serve["builds_started"][0] >= 1
    assert 0 < serve["phases_s"]["started"] < serve["phases_s"]["built"]
    assert three["data_file_bytes"]["median"] > 10_000  # real size, not a stub
    assert three["peak_rss_mb"]["site"] > 0 and three["peak_rss_mb"]["serve"] > 0
    # each place's page and each of its brands' pages, in both languages
    assert three["country_page_gz"]["zh"]["pages"] == three["country_page_gz"]["en"]["pages"] > 3 * 2
    assert three["search_index"]["zh"]["gz"] > 0 and three["search_index"]["en"]["gz"] > 0
    assert three["offline_zip"] > 0
    visit = three["first_visit"]["zh"]
    assert visit["css_gz"] > 0 and visit["js_gz"] > 0 and visit["html_gz"] > 0
    assert {row["key"] for row in report["comparison"]} >= {"check_edited", "check_cold", "site", "serve_rebuild"}
    assert len(report["targets"]) == 7
