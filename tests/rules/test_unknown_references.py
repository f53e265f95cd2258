from baohao.load.rules import References, unknown_references

from .helpers import data_file, lines

FILE = """\
    operators: [{id: ucell}]
    routes:
      - operators: [ucel]
        documents: [pasport]
        sources: [nowhere]
    staff_card: {languages: [xx]}
    sources: [{id: faq}]
    """


def test_unknown_ids_are_reported_with_a_suggestion_or_the_known_ids() -> None:
    refs = References(documents={"passport", "sim-card"}, staff_languages={"ru", "en"})
    assert lines(unknown_references.check(data_file(FILE), refs)) == [
        "data/countries/kg.yml:3:17: routes[0].operators[0]: unknown operator id 'ucel', not in this file's "
        "`operators:` list; did you mean 'ucell'?",
        "data/countries/kg.yml:4:17: routes[0].documents[0]: unknown document id 'pasport', not in "
        "data/documents.yml; did you mean 'passport'?",
        "data/countries/kg.yml:5:15: routes[0].sources[0]: unknown source id 'nowhere', not in this file's "
        "`sources:` list; known ids: faq",
        "data/countries/kg.yml:6:26: staff_card.languages[0]: unknown language id 'xx', not in "
        "data/staff_card.yml; known ids: en, ru",
    ]


def test_shared_ids_are_not_checked_when_their_file_did_not_load() -> None:
    found = unknown_references.check(data_file(FILE), References(documents=None, staff_languages=None))
    assert [p.field for p in found] == ["routes[0].operators[0]", "routes[0].sources[0]"]
