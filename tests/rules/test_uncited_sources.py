from baohao.load.rules import References, uncited_sources

from .helpers import data_file, lines


def test_a_source_no_fact_cites_is_reported_at_its_id() -> None:
    file = data_file("""\
        summary: {zh: 中, en: x}
        routes:
          - id: a
            sources: [used]
        sources:
          - id: used
          - id: unused
        """)
    assert lines(uncited_sources.check(file, References())) == [
        "data/countries/kg.yml:7:9: sources[1].id: source 'unused' is cited by no fact; cite it where it is used, "
        "or remove it"
    ]


def test_every_cited_source_passes() -> None:
    file = data_file("rules: {inactivity: [{sources: [a]}]}\nsources: [{id: a}]\n")
    assert uncited_sources.check(file, References()) == []
