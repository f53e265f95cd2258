from baohao.load.rules import References, duplicate_ids

from .helpers import data_file, lines


def test_a_repeated_id_in_one_list_names_the_first_use() -> None:
    file = data_file("""\
        faq:
          - id: cost
          - id: time
          - id: cost
        """)
    assert lines(duplicate_ids.check(file, References())) == [
        "data/countries/kg.yml:4:9: faq[2].id: duplicate id 'cost' (first used on line 2)"
    ]


def test_the_same_id_in_different_lists_passes() -> None:
    file = data_file("faq: [{id: a}]\nroutes: [{id: a}]\n")
    assert duplicate_ids.check(file, References()) == []
