from baohao.load.rules import References, interface_strings

from .helpers import data_file, lines

STRINGS = "templates/strings.yml"


def test_each_key_needs_both_languages_with_the_same_placeholders() -> None:
    file = data_file(
        """\
        ok: {zh: 好, en: OK}
        one_language:
          zh: 只有中文
        empty: {zh: '', en: x}
        placeholders: {zh: '{n} 天', en: '{days} days'}
        chinese_in_en: {zh: 中文, en: 中文}
        """,
        kind="strings",
        path=STRINGS,
    )
    assert lines(interface_strings.check(file, References())) == [
        f"{STRINGS}:3:3: one_language: needs exactly two entries, zh and en",
        f"{STRINGS}:4:8: empty: zh and en must both be non-empty text",
        f"{STRINGS}:5:15: placeholders: zh uses placeholders ['n'] but en uses ['days']",
        f"{STRINGS}:6:29: chinese_in_en.en: contains Chinese characters",
    ]


def test_well_formed_strings_pass() -> None:
    file = data_file("days: {zh: '{n} 天', en: '{n} days'}\n", kind="strings", path=STRINGS)
    assert interface_strings.check(file, References()) == []


def test_an_interface_string_is_one_line() -> None:
    """Labels, headings and sentences of the interface: a line break or tab would split a heading, a
    navigation title or a planner message (the YAML reader refuses the other invisible characters)."""
    file = data_file(
        """\
        heading: {zh: "标\\n题", en: Heading}
        label: {zh: 标签, en: "Label\\r\\n::error::x"}
        tabbed: {zh: 标签, en: "Tab\\tbed"}
        """,
        kind="strings",
        path=STRINGS,
    )
    assert lines(interface_strings.check(file, References())) == [
        f"{STRINGS}:1:15: heading.zh: contains a line break U+000A (line feed); interface text is one line: delete it",
        f"{STRINGS}:2:21: label.en: contains a line break U+000D (carriage return); "
        "interface text is one line: delete it",
        f"{STRINGS}:3:22: tabbed.en: contains the control character U+0009 (tab); "
        "interface text is one line: delete it",
    ]
