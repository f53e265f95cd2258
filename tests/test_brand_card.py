"""The answer card on each brand's first screen, on the real data, as a reader reads it aloud: the
four brands of the reader review (giffgaff, Ultra, 3HK, Club SIM) in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from baohao.load import load_all
from baohao.present.brand import BrandView
from baohao.present.formatter import Formatter
from conftest import ROOT, project_at

DATA = load_all(project_at(ROOT))
TODAY = dt.date(2026, 12, 8)


def card(code: str, operator: str, lang: str) -> dict[str, str]:
    country = next(c for c in DATA.countries if c.code == code)
    words = Formatter(lang, DATA.strings, TODAY, DATA.prose)
    view = BrandView(country, country.operator(operator), words, DATA.vocabulary, "", DATA.rates)

    def plain(markup: object) -> str:
        text = re.sub(r"<[^>]+>", "", str(markup))
        return re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", text).replace("\\", "")

    return {
        "end": plain(view.end_answer()),
        "formal": plain(view.formal_answer()),
        "keep": plain(view.keep_answer()),
        "stops": plain(view.stops_answer()),
        "reassigned": plain(view.reassigned_answer()),
        "risk": plain(view.risk_answer()),
    }


def test_giffgaff_says_yes_by_not_using_it_and_never_opens_with_unverified() -> None:
    zh, en = card("gb", "giffgaff", "zh"), card("gb", "giffgaff", "en")
    assert zh["end"].startswith("能：不再用它，最后一次使用后 6 个月自动停用")
    assert en["end"].startswith("Yes: stop using it; it stops working 6 months after the last use")
    assert zh["stops"] == "最后一次使用后 6 个月" and zh["reassigned"] == "最后一次使用后 6 个月"
    assert "£0.60" in zh["keep"] and "¥" in zh["keep"] and "未核实（网友反映）" in zh["keep"]
    assert "giffgaff" in zh["risk"] and "未核实（网友反映）" in zh["risk"]  # the July 2026 cut-offs


def test_ultra_says_stop_renewing_not_stop_using() -> None:
    zh, en = card("us", "ultra", "zh"), card("us", "ultra", "en")
    assert zh["end"].startswith("能：不再续费") and en["end"].startswith("Yes: stop renewing the plan")
    assert "45–90" in zh["reassigned"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hong_kong_brands_say_what_is_known_in_words(lang: str) -> None:
    three = card("hk", "three-hk", lang)
    assert three["end"].startswith("能：不再充值" if lang == "zh" else "Yes: stop topping it up")
    assert ("多久没查到" if lang == "zh" else "how long is not known") in three["end"]
    club = card("hk", "club-sim", lang)
    assert club["end"].startswith("还不清楚" if lang == "zh" else "Not known")  # no source says it lapses
    assert "HK$15.00" in club["keep"]
    for answer in (*three.values(), *club.values()):
        assert answer.strip() not in ("未核实", "Unverified"), "an answer is never a bare 'unverified'"
