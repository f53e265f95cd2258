"""Loading data: every class of mistake gives one located, readable line."""

from __future__ import annotations

from pathlib import Path

import pytest

from baohao.load import DataError, load_all
from conftest import line_of, make_project, project_at, run_cli


def problems_for(tmp_path: Path, text: str, name: str = "kg.yml") -> list[str]:
    root = make_project(tmp_path / f"p{len(list(tmp_path.iterdir()))}", {name: text})
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    return [str(p) for p in info.value.problems]


def test_fixture_country_is_valid(project: Path) -> None:
    data = load_all(project_at(project))
    assert [c.code for c in data.countries] == ["kg"]


def test_yaml_syntax_error_is_located(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("  - id: beta\n", "  - id: beta\n   brand: [unclosed\n")
    [problem] = problems_for(tmp_path, broken)
    assert problem.startswith(f"data/countries/kg.yml:{line_of(broken, 'brand: [unclosed')}:")
    assert "YAML syntax error" in problem


def test_unknown_field_is_named_with_a_suggestion(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace(
        "    brand: Alpha Mobile\n", "    brand: Alpha Mobile\n    webiste: https://x.example.com\n"
    )
    [problem] = problems_for(tmp_path, broken)
    assert problem == (
        f"data/countries/kg.yml:{line_of(broken, 'webiste')}:5: operators[0].webiste: "
        "unknown field; did you mean 'website'?"
    )


def test_missing_field(tmp_path: Path, fixture_text: str) -> None:
    [problem] = problems_for(tmp_path, fixture_text.replace("currency: KGS\n", "", 1))
    assert problem == "data/countries/kg.yml:2:1: currency: required field is missing"


def test_wrong_types(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("reviewed: 2026-01-15", "reviewed: last week").replace('value: "1234"', "value: 1234")
    problems = problems_for(tmp_path, broken)
    assert "data/countries/kg.yml:5:11: reviewed: must be a date written YYYY-MM-DD" in problems
    assert any("operators[0].contacts[0].value: must be text" in p for p in problems)


@pytest.mark.parametrize("code", ["xx", "KG", "kgz"])
def test_invalid_country_code(tmp_path: Path, fixture_text: str, code: str) -> None:
    problems = problems_for(tmp_path, fixture_text.replace("code: kg", f"code: {code}"), f"{code}.yml")
    assert any(f"code: '{code}' is not a lowercase ISO 3166-1 alpha-2 country code" in p for p in problems)


def test_file_name_must_match_code(tmp_path: Path, fixture_text: str) -> None:
    [problem] = problems_for(tmp_path, fixture_text, "kz.yml")
    assert (
        problem
        == "data/countries/kz.yml:2:7: code: is 'kg' but the file is named kz.yml; name it kg.yml or fix the code"
    )


def test_text_missing_one_language(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("  en: Summary of the test country.\n", "")
    [problem] = problems_for(tmp_path, broken)
    assert problem == (
        "data/countries/kg.yml:7:3: summary.en: the English (en) text is missing; every text needs both zh and en"
    )


def test_text_in_the_wrong_language(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("en: Summary of the test country.", "en: 测试国家。").replace(
        "zh: 测试国家的摘要。", "zh: Summary only in English."
    )
    problems = problems_for(tmp_path, broken)
    assert any(p.startswith("data/countries/kg.yml:8:7: summary.en: contains Chinese characters") for p in problems)
    assert any(p.startswith("data/countries/kg.yml:7:7: summary.zh: has no Chinese characters") for p in problems)


def test_unknown_source_id(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("sources: [blog]", "sources: [blgo]", 1)
    [problem] = problems_for(tmp_path, broken)
    line = line_of(broken, "sources: [blgo]")
    assert problem == (
        f"data/countries/kg.yml:{line}:19: routes[0].fees[0].sources[0]: unknown source id 'blgo', "
        "not in this file's `sources:` list; did you mean 'blog'?"
    )


def test_unknown_operator_and_document(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("operators: [alpha]", "operators: [gamma]", 1).replace(
        "documents: [passport, sim-card]", "documents: [pasport, sim-card]"
    )
    problems = problems_for(tmp_path, broken)
    assert any("routes[1].operators[0]: unknown operator id 'gamma'" in p for p in problems)
    assert any(
        "routes[0].documents[0]: unknown document id 'pasport', not in data/documents.yml" in p for p in problems
    )


@pytest.mark.parametrize(
    "url", ["http://alpha.example.com", "https//alpha.example.com", "https://", "https://localhost/x", "ftp://a.b"]
)
def test_urls_must_be_https(tmp_path: Path, fixture_text: str, url: str) -> None:
    broken = fixture_text.replace("website: https://alpha.example.com", f"website: {url}")
    [problem] = problems_for(tmp_path, broken)
    assert problem.startswith(f"data/countries/kg.yml:{line_of(broken, 'website: ' + url)}:14: operators[0].website:")
    assert "https URL" in problem


def test_date_in_the_future(tmp_path: Path, fixture_text: str) -> None:
    [problem] = problems_for(tmp_path, fixture_text.replace("checked: 2026-01-10", "checked: 2099-01-10", 1))
    assert "sources[0].checked: is in the future (2099-01-10)" in problem


def test_duplicate_ids_and_keys(tmp_path: Path, fixture_text: str) -> None:
    dup_id = fixture_text.replace("  - id: beta\n", "  - id: alpha\n").replace("operators: [beta]", "operators: []")
    [problem] = problems_for(tmp_path, dup_id)
    assert problem == (
        f"data/countries/kg.yml:{line_of(dup_id, 'id: alpha', 2)}:9: operators[1].id: "
        f"duplicate id 'alpha' (first used on line {line_of(dup_id, 'id: alpha')})"
    )
    dup_key = fixture_text.replace("currency: KGS\n", "currency: KGS\ncurrency: USD\n", 1)
    [problem] = problems_for(tmp_path, dup_key)
    assert problem == "data/countries/kg.yml:5:1: currency: duplicate key 'currency' (first on line 4)"


def test_yaml_aliases_are_rejected(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("summary:\n", "summary: &s\n", 1).replace(
        "operators:\n", "extra: *s\noperators:\n", 1
    )
    problems = problems_for(tmp_path, broken)
    assert any("anchors and aliases" in p for p in problems)


def test_not_utf8(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p")
    (root / "data/countries/kg.yml").write_bytes(fixture_text.encode("gb18030"))
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    [problem] = [str(p) for p in info.value.problems]
    assert "is not valid UTF-8 text" in problem
    assert problem.startswith("data/countries/kg.yml:7:1:")


def test_every_problem_in_every_file_at_once(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(
        tmp_path / "p",
        {
            "kg.yml": fixture_text.replace("currency: KGS", "currency: kgs", 1).replace("https://beta", "http://beta"),
            "kz.yml": fixture_text.replace("code: kg", "code: kz").replace("          en: Service fee.\n", ""),
        },
    )
    result = run_cli(root, "check")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "3 problem(s) in 2 data file(s)"
    assert [line.split(":")[0] for line in lines[:-1]] == ["data/countries/kg.yml"] * 2 + ["data/countries/kz.yml"]
    assert "Traceback" not in result.stderr


def test_check_passes_on_good_data(project: Path) -> None:
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "data OK: 1 countries (kg), 0 services"


def test_real_data_is_valid() -> None:
    from conftest import ROOT

    data = load_all(project_at(ROOT))
    assert {"uz", "kz", "ru", "pk", "az"} <= set(data.files)


def test_new_country_template_points_at_every_gap_and_passes_once_filled(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {})
    made = run_cli(root, "new-country", "kg")
    assert made.returncode == 0, made.stderr
    path = root / "data/countries/kg.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/country.schema.json\n")
    assert "currency: KGS" in text and "Kyrgyzstan (吉尔吉斯斯坦)" in text
    check = run_cli(root, "check")
    assert check.returncode == 1
    lines = check.stderr.splitlines()[:-1]
    assert lines and all("still says FILL IN" in line for line in lines), lines
    assert any(line.startswith("data/countries/kg.yml:16:9: region:") for line in lines)
    # filled in as a contributor would
    filled = (
        text.replace("region: FILL IN", "region: central-asia")
        .replace("FILL IN：两三句话，说明这个国家的运营商和注销的大致情况。", "这里有一家运营商。")
        .replace('"FILL IN: two or three sentences on the operators and how cancelling works here."', "One operator.")
        .replace("id: FILL IN  # lowercase id, e.g. the brand: ucell", "id: alpha")
        .replace("brand: FILL IN", "brand: Alpha")
        .replace("    company: FILL IN  # the legal company; delete the line if no source gives it\n", "")
        .replace("https://FILL.IN/page", "https://alpha.example.com/help")
        .replace("https://FILL.IN", "https://alpha.example.com")
        .replace("sources: [FILL IN]", "sources: [alpha-help]")
        .replace("FILL IN：为什么。", "必须本人办理。")
        .replace('"FILL IN: why."', "You must go yourself.")
        .replace("FILL IN：第一步。", "去营业厅。")
        .replace('"FILL IN: the first step."', "Go to an office.")
        .replace("  - id: FILL IN\n", "  - id: alpha-help\n")
        .replace("title: FILL IN", "title: Help")
        .replace("publisher: FILL IN", "publisher: Alpha")
        .replace("languages: [FILL IN]", "languages: [ru]")
    )
    path.write_text(filled, encoding="utf-8")
    check = run_cli(root, "check")
    assert check.returncode == 0, check.stderr
    # an existing file is never overwritten, and a bad code is refused
    assert run_cli(root, "new-country", "kg").returncode == 1
    assert run_cli(root, "new-country", "xx").returncode == 2


def test_a_broken_vocabulary_is_reported_once_not_in_every_country(tmp_path: Path, fixture_text: str) -> None:
    root = make_project(tmp_path / "p", {"kg.yml": fixture_text})
    hosts = root / "data/hosts.yml"
    hosts.write_text(hosts.read_text(encoding="utf-8").replace("  - ucell.uz\n", "  - https://ucell.uz/\n"), "utf-8")
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    [problem] = [str(p) for p in info.value.problems]
    assert problem.startswith("data/hosts.yml:")
    assert "must be a host name in lowercase, optionally with a path" in problem


def test_an_impossible_date_is_reported_with_the_other_problems(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("reviewed: 2026-01-15", "reviewed: 2026-13-01").replace("kind: weak", "kind: weka")
    problems = problems_for(tmp_path, broken)
    assert "data/countries/kg.yml:5:11: reviewed: '2026-13-01' is not a real date (month must be in 1..12)" in problems
    assert any("sources[1].kind: must be 'official', 'press', 'community' or 'weak'" in p for p in problems), problems


def test_a_source_no_fact_cites_is_an_error(tmp_path: Path, fixture_text: str) -> None:
    broken = fixture_text.replace("sources: [blog]", "sources: []")
    problems = problems_for(tmp_path, broken)
    line = line_of(broken, "  - id: blog")
    assert problems == [
        f"data/countries/kg.yml:{line}:9: sources[1].id: source 'blog' is cited by no fact; "
        "cite it where it is used, or remove it"
    ]


def test_unreadable_since_cannot_be_before_the_check(tmp_path: Path, fixture_text: str) -> None:
    text = fixture_text.replace(
        "    checked: 2026-01-10\n  - id: blog",
        "    checked: 2026-01-10\n    unreadable_since: 2025-12-01\n  - id: blog",
    )
    root = make_project(tmp_path / "p", {"kg.yml": text})
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    [problem] = [str(p) for p in info.value.problems]
    line = line_of(text, "unreadable_since")
    assert problem.startswith(f"data/countries/kg.yml:{line}:23: sources[0].unreadable_since: is before `checked`")


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "after: {min: 90, max: 180}",
            "after: {min: 180, max: 90}",
            "rules.lapse[0].stages[1].after",
            "min (180) is larger than max (90)",
        ),
        (
            "after: {min: 90, max: 180}",
            "after: {min: 90, max: 180, unit: weeks}",
            "rules.lapse[0].stages[1].after.unit",
            "must be 'minutes', 'hours', 'days' or 'months'",
        ),
        ("- state: disconnected", "- state: gone", "rules.lapse[0].stages[1].state", "must be 'warned'"),
        (
            "after: {min: 0, max: 0}",
            "after: {min: 7, max: 7, unit: months}",
            "rules.lapse[0]",
            "stages[1] (disconnected) comes before an earlier stage; list the stages in order",
        ),
        ("relative_to: disconnected", "relative_to: warned", "rules.lapse[0]", "relative_to 'warned' names no"),
        ("counts_from: zero-balance", "counts_from: someday", "rules.lapse[0].counts_from", "must be 'last-activity'"),
    ],
)
def test_bad_lapse_timelines_are_located(
    tmp_path: Path, fixture_text: str, old: str, new: str, field: str, message: str
) -> None:
    broken = fixture_text.replace(old, new, 1)
    [problem] = problems_for(tmp_path, broken)
    assert f": {field}: " in problem and message in problem, problem
    assert problem.startswith("data/countries/kg.yml:")
    line = int(problem.split(":")[1])
    assert line >= line_of(broken, "  lapse:"), problem


# --- the accounts page's files: data/services/<id>.yml and data/recycling.yml ---


def test_a_broken_service_file_is_located(tmp_path: Path) -> None:
    from conftest import fixture_services

    services = fixture_services()
    text = services["paymo.yml"]
    broken = (
        text.replace("stakes: money", "stakes: cash")
        .replace("  sources: [paymo-help]\nold_number_code:", "  sources: [paymo-hlep]\nold_number_code:")
        .replace('  value: "yes"\n  sources: [paymo-help]', '  value: "yes"\n  sources: [paymo-help]\n  vaule: "no"')
    )
    root = make_project(tmp_path / "p", services={**services, "paymo.yml": broken})
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    problems = [str(p) for p in info.value.problems]
    shown = "data/services/paymo.yml"
    assert any(p.startswith(f"{shown}:{line_of(broken, 'stakes: cash')}:9: stakes:") for p in problems), problems
    assert (
        f"{shown}:{line_of(broken, 'sources: [paymo-hlep]')}:13: change.sources[0]: unknown source id 'paymo-hlep', "
        "not in this file's `sources:` list; did you mean 'paymo-help'?"
    ) in problems
    assert any(
        p.startswith(f"{shown}:{line_of(broken, 'vaule')}:3: old_number_code.vaule: unknown field") for p in problems
    )
    assert len(problems) == 3, problems


def test_a_broken_recycling_file_is_located(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    path = root / "data" / "recycling.yml"
    text = path.read_text(encoding="utf-8")
    broken = (
        text.replace("    sources: [krebs]\n", "    sources: [kerbs]\n")
        .replace("      zh: 在这 259 个号码中", "      zh: FILL IN 在这 259 个号码中")
        .replace("    url: https://krebsonsecurity.com/", "    url: https://krebs.example.net/")
        .replace("  - id: fcc-aging\n", "  - id: which\n")
    )
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_all(project_at(root))
    problems = [str(p) for p in info.value.problems]
    shown = "data/recycling.yml"
    facts = broken.split("sources:\n  - id:")[0]
    assert any(
        p.startswith(f"{shown}:{line_of(facts, 'sources: [kerbs]')}:15: facts[6].sources[0]: unknown source id 'kerbs'")
        for p in problems
    ), problems
    assert (
        f"{shown}:{line_of(broken, 'FILL IN')}:11: facts[6].text.zh: still says FILL IN: write what the source says"
        in problems
    )
    assert any(
        p.startswith(
            f"{shown}:{line_of(broken, 'krebs.example.net')}:10: sources[4].url: host not allowed: krebs.example.net"
        )
        for p in problems
    ), problems
    assert any(
        p.startswith(f"{shown}:{line_of(broken, '- id: which', 2)}:9: sources[2].id: duplicate id 'which'")
        for p in problems
    )
    # the FCC fact's source is gone, so it is unknown, and the Krebs source is cited by nothing
    assert any("facts[4].sources[0]: unknown source id 'fcc-aging'" in p for p in problems), problems
    assert any("sources[4].id: source 'krebs' is cited by no fact" in p for p in problems), problems
