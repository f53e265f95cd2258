"""The accounts page's order and marks, on services built in code: what breaks first without the old
number comes first, and no yes or no is shown as certain without an official or press source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from baohao.load import load_all
from baohao.present.accounts import ServiceView
from baohao.present.formatter import Formatter
from baohao.service_model import Service
from baohao.unbinding import old_number_code, unbinding_order
from conftest import FIXTURE_SERVICES, ROOT, project_at

STRINGS = yaml.safe_load((ROOT / "templates" / "strings.yml").read_text(encoding="utf-8"))
UNVERIFIED = 'class="unverified"'


def service(sid: str, stakes: str, code: str = "unknown", kind: str | None = None, name: str = "") -> Service:
    """A minimal service: `code` is the old-number verdict, backed by a source of `kind` (none: unsourced)."""
    sources: list[dict[str, Any]] = [
        {
            "id": "src",
            "url": "https://example.com/help",
            "title": "Help",
            "lang": "en",
            "publisher": "Example",
            "kind": kind or "official",
            "checked": "2026-11-01",
        }
    ]
    cited = ["src"] if kind else []
    step = {"text": {"zh": "打开设置。", "en": "Open Settings."}, "sources": ["src"]}
    return Service.model_validate(
        {
            "id": sid,
            "name": {"zh": f"服务{sid}", "en": name or sid.title()},
            "stakes": stakes,
            "risk": {"zh": "风险。", "en": "Risk."},
            "reviewed": "2026-11-01",
            "change": {"checked": "2026-11-01", "steps": [step]},
            "old_number_code": {"value": code, "sources": cited},
            "without_old_number": [step],
            "foreign_number": {"value": "unknown"},
            "sources": sources,
        }
    )


def ids(services: list[Service]) -> list[str]:
    return [s.id for s in services]


def test_stakes_come_first_money_then_sign_in_messages_social() -> None:
    services = [service("s", "social"), service("m", "messages"), service("i", "sign-in"), service("p", "money")]
    assert ids(unbinding_order(services)) == ["p", "i", "m", "s"]


def test_within_stakes_a_backed_yes_first_then_unknown_or_unbacked_then_a_backed_no() -> None:
    services = [
        service("backed-no", "money", "no", "official"),
        service("unknown", "money", "unknown"),
        service("weak-yes", "money", "yes", "weak"),
        service("unsourced-yes", "money", "yes"),
        service("press-yes", "money", "yes", "press"),
        service("forum-yes", "money", "yes", "community"),
        service("chat", "messages", "yes", "official"),
    ]
    order = ids(unbinding_order(services))
    assert order[0] == "press-yes"
    assert set(order[1:5]) == {"unknown", "weak-yes", "unsourced-yes", "forum-yes"}
    assert order[5:] == ["backed-no", "chat"]
    # an unbacked yes or no counts as not known
    assert [old_number_code(s) for s in services[:4]] == ["no", "unknown", "unknown", "unknown"]


def test_then_by_name_the_same_in_every_language() -> None:
    services = [service("b", "sign-in", name="beta"), service("a", "sign-in", name="Alpha")]
    assert ids(unbinding_order(services)) == ["a", "b"]
    assert ids(unbinding_order(list(reversed(services)))) == ["a", "b"]


def view(s: Service, lang: str = "zh") -> ServiceView:
    return ServiceView(s, Formatter(lang, STRINGS, dt.date(2026, 11, 29)))


def test_a_yes_without_an_official_or_press_source_carries_the_unverified_mark() -> None:
    assert UNVERIFIED not in view(service("a", "money", "yes", "official")).old_number_code()
    assert UNVERIFIED not in view(service("a", "money", "no", "press")).old_number_code()
    forum = view(service("a", "money", "no", "community")).old_number_code()
    assert UNVERIFIED in forum and "未核实（网友反映）" in forum and "[1]" in forum
    assert "unverified: readers report" in view(service("a", "money", "no", "community"), "en").old_number_code()
    weak = view(service("a", "money", "yes", "weak")).old_number_code()
    assert UNVERIFIED in weak and "未核实（仅有弱来源）" in weak and "[1]" in weak
    unsourced = view(service("a", "money", "no"), "en").old_number_code()
    assert UNVERIFIED in unsourced and "unverified" in unsourced
    # `unknown` says so itself ("check in the app"), with no second mark
    unknown = view(service("a", "money", "unknown"), "en").old_number_code()
    assert "check in the app" in unknown and UNVERIFIED not in unknown


def test_fixture_services_load_and_order(tmp_path: Any) -> None:
    from conftest import fixture_services, make_project

    root = make_project(tmp_path / "p", services=fixture_services())
    data = load_all(project_at(root))
    assert ids(unbinding_order(data.services)) == ["paymo", "idpass", "chatter"]
    assert sorted(p.stem for p in FIXTURE_SERVICES.glob("*.yml")) == sorted(s.id for s in data.services)


# --- what the page says once: the facts no source gives, a section without one menu path ---


def test_facts_no_source_gives_are_said_once_in_one_line() -> None:
    empty = service("a", "money")  # unknown old-number code, no waiting period, unknown foreign number
    assert view(empty).not_found() == ("old_code", "waiting", "foreign")
    line = view(empty).not_found_line()
    assert line == "旧号码要不要收验证码、等待期、能否绑定境外号码"
    assert view(empty, "en").not_found_line().startswith("whether the old number must receive a code, a waiting")
    # a verdict with a source, or an unknown with a note, keeps its own line
    assert view(service("b", "money", "yes", "official")).not_found() == ("waiting", "foreign")
    # no single menu path in the sources: the steps say where, not a bare "unverified"
    menu = view(empty).menu()
    assert menu.startswith("见下面的步骤") and UNVERIFIED not in menu


def test_the_page_opens_with_the_first_step_then_the_checklist_then_why(tmp_path: Any) -> None:
    """What a reader meets first: the first step (list what the number is bound to, from its text
    messages), then the checklist, then the "why"; what a tick means is said once, not on every line."""
    from baohao.present.pages import render_pages
    from conftest import fixture_services, make_project

    root = make_project(tmp_path / "p", services=fixture_services())
    pages = {p.path: p.content for p in render_pages(load_all(project_at(root)), project_at(root))}
    for lang, first, done in (
        ("zh", "翻一遍这个号码收到过的短信", "已换绑，不再用旧号码"),
        ("en", "text messages", "Done: moved off"),
    ):
        page = pages[f"accounts.{lang}.md"]
        body = page.split("\n---\n", 1)[1]
        places = [body.index(x) for x in ("\n# ", first, "{ #first-step", "{ #checklist }", "{ #why }", "{ #paymo }")]
        assert places == sorted(places), (lang, places)
        assert body.count(done) == 1, lang  # the hidden text the boxes are named from, not a caption per line


def test_apple_menu_path_is_in_chinese_first_on_the_chinese_page() -> None:
    apple = yaml.safe_load((ROOT / "data" / "services" / "apple.yml").read_text(encoding="utf-8"))
    zh = apple["change"]["menu"]["zh"]
    assert zh.startswith("设置 > [你的姓名] > 登录与安全性 > 双重认证"), zh
    assert zh.index("Settings") > zh.index("（"), zh  # the English only in brackets
