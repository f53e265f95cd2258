from baohao.load.rules import References, lapse_coverage

from .helpers import data_file, lines


def test_an_operator_without_a_lapse_timeline_is_reported_at_its_id() -> None:
    file = data_file("""\
        operators:
          - id: alpha
          - id: beta
        rules:
          lapse:
            - operators: [alpha]
              counts_from: unknown
        """)
    assert lines(lapse_coverage.check(file, References())) == [
        "data/countries/kg.yml:3:9: operators[1].id: operator 'beta' has no lapse timeline: add one to rules.lapse "
        "(with `counts_from: unknown` and no stages if no source says what happens)"
    ]


def test_a_timeline_for_every_operator_covers_them_all() -> None:
    file = data_file("operators: [{id: alpha}, {id: beta}]\nrules: {lapse: [{operators: [], counts_from: unknown}]}\n")
    assert lapse_coverage.check(file, References()) == []
