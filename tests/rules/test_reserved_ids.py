from baohao.load.rules import References, reserved_ids

from .helpers import data_file, lines


def test_a_service_cannot_take_an_anchor_of_the_accounts_page() -> None:
    """A service's section is #<its id>; the page's own sections are #why and #checklist."""
    for word, what in (("why", "its “why” section"), ("checklist", "its checklist")):
        file = data_file(f"id: {word}\n", kind="service", path=f"data/services/{word}.yml")
        assert lines(reserved_ids.check(file, References())) == [
            f"data/services/{word}.yml:1:5: id: '{word}' is an anchor the accounts page uses for {what}"
            " (#" + word + "); a service's section is #<its id>, so choose another id"
        ]


def test_an_operator_cannot_take_an_anchor_of_its_country_page() -> None:
    """An operator's lapse timeline is #lapse-<its id>; the page has #lapse-all and #lapse-unknown."""
    file = data_file("""\
        operators:
          - id: alpha
          - id: all
          - id: unknown
        """)
    assert lines(reserved_ids.check(file, References())) == [
        "data/countries/kg.yml:3:9: operators[1].id: 'all' would give the anchor #lapse-all, which the page uses"
        " for the timeline of every operator; choose another id",
        "data/countries/kg.yml:4:9: operators[2].id: 'unknown' would give the anchor #lapse-unknown, which the page"
        " uses for the brands with no timeline; choose another id",
    ]


def test_an_operator_cannot_take_the_file_name_of_its_place_page() -> None:
    """A brand's page is countries/<code>/<id>.md, beside the place's own index.md."""
    file = data_file("""\
        operators:
          - id: alpha
          - id: index
        """)
    assert lines(reserved_ids.check(file, References())) == [
        "data/countries/kg.yml:3:9: operators[1].id: 'index' would give the brand's page the file name of the"
        " place's own page (countries/<code>/index.md); choose another id",
    ]


def test_ids_that_only_look_like_the_pages_words_pass() -> None:
    assert (
        reserved_ids.check(data_file("id: whyy\n", kind="service", path="data/services/whyy.yml"), References()) == []
    )
    for service in ("done-paymo", "source-why-which", "checklists", "planner"):
        file = data_file(f"id: {service}\n", kind="service", path=f"data/services/{service}.yml")
        assert reserved_ids.check(file, References()) == []
    countries = data_file(
        "operators: [{id: planner}, {id: routes}, {id: all-in}, {id: lapse}, {id: sources}, {id: indexes}]\n"
    )
    assert reserved_ids.check(countries, References()) == []
