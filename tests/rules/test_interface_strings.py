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
