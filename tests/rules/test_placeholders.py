from baohao.load.rules import References, placeholders

from .helpers import data_file, lines


def test_a_value_still_saying_fill_in_is_reported_where_it_is() -> None:
    file = data_file("""\
        code: kg
        operators:
          - brand: FILL IN (the name on the SIM)
        """)
    assert lines(placeholders.check(file, References())) == [
        "data/countries/kg.yml:3:12: operators[0].brand: still says FILL IN: write what the source says"
    ]


def test_it_overrides_other_problems_on_the_same_field() -> None:
    assert placeholders.RULE.overrides_other_problems


def test_filled_values_pass() -> None:
    assert placeholders.check(data_file("code: kg\nsummary: {zh: 已填写, en: Filled in}\n"), References()) == []
