from baohao.load.rules import References, host_lists

from .helpers import data_file, lines


def check(text: str) -> list[str]:
    return lines(host_lists.check(data_file(text, kind="hosts", path="data/hosts.yml"), References()))


def test_a_seller_listed_as_a_source_host_is_reported_where_it_is_listed() -> None:
    assert check("operators: [ucell.uz]\nweak:\n  - dealer.example\nsellers: [dealer.example]\n") == [
        "data/hosts.yml:3:5: weak[0]: dealer.example is listed under sellers: a seller's or dealer's site is never "
        "a source; remove it here"
    ]
    assert len(check("operators: [ucell.uz]\npress: [shop.dealer.example]\nsellers: [dealer.example]\n")) == 1


def test_a_never_linked_host_and_a_host_in_two_lists_are_reported() -> None:
    assert check("operators: [ucell.uz]\nweak: [t.me]\n") == [
        "data/hosts.yml:2:8: weak[0]: t.me is never linked (data/hosts.yml never, or the build's own list); "
        "remove it here"
    ]
    assert check("operators: [ucell.uz]\npress: [kun.uz]\ncommunity: [kun.uz]\n") == [
        "data/hosts.yml:3:13: community[0]: kun.uz is already listed under press; a host belongs to one list"
    ]


def test_separate_hosts_and_a_path_under_a_host_with_refused_paths_pass() -> None:
    text = (
        "operators: [ucell.uz]\ncommunity: [forum.ucell.uz]\nweak: [github.com/owner/repo]\nnever: [gist.github.com]\n"
    )
    assert check(text) == []
