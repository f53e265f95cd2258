import textwrap

import yaml

from baohao.load.rules import References, source_tiers
from baohao.models import HostList

from .helpers import data_file, lines

HOSTS = HostList.model_validate(
    yaml.safe_load(
        textwrap.dedent("""\
        operators: [ucell.uz]
        press: [kun.uz]
        community: [forum.kun.uz, hardwarezone.com.sg]
        weak: [affiliate.example, github.com/owner/crawl]
        archives: [web.archive.org]
        """)
    )
)


def source(url: str, kind: str) -> str:
    return f"sources:\n  - id: s\n    url: {url}\n    kind: {kind}\n"


def problems(url: str, kind: str) -> list[str]:
    return lines(source_tiers.check(data_file(source(url, kind)), References(hosts=HOSTS)))


def test_a_forum_post_tagged_official_or_press_is_reported_at_its_kind() -> None:
    assert problems("https://forums.hardwarezone.com.sg/t/1", "official") == [
        "data/countries/kg.yml:4:11: sources[0].kind: kind official is more than a page on "
        "forums.hardwarezone.com.sg can be: data/hosts.yml lists it under community, so a source there is "
        "community or weak"
    ]
    assert len(problems("https://forums.hardwarezone.com.sg/t/1", "press")) == 1


def test_an_affiliate_page_can_only_be_weak() -> None:
    assert len(problems("https://affiliate.example/best-sim", "press")) == 1
    assert len(problems("https://affiliate.example/best-sim", "community")) == 1
    assert problems("https://affiliate.example/best-sim", "weak") == []


def test_the_most_specific_entry_decides_a_forum_under_a_news_site() -> None:
    assert problems("https://kun.uz/news/1", "press") == []
    assert len(problems("https://forum.kun.uz/t/1", "press")) == 1
    assert len(problems("https://github.com/owner/crawl/blob/abc/faq.html", "official")) == 1


def test_an_archived_copy_is_bounded_by_the_host_it_replays() -> None:
    assert problems("https://web.archive.org/web/2018/https://ucell.uz/faq", "official") == []
    assert len(problems("https://web.archive.org/web/2018/https://forum.kun.uz/t/1", "press")) == 1


def test_a_lower_kind_than_the_host_allows_is_fine() -> None:
    assert problems("https://ucell.uz/faq", "weak") == []
    assert problems("https://ucell.uz/faq", "official") == []
