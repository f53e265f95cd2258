"""The schema of `data/services/<id>.yml`: how to move one online service (WeChat, a bank, Apple
Account ...) off a number before the number lapses. The only contract for service files: the build
validates with it, `schema/service.schema.json` is generated from it, CONTRIBUTING describes it.

A service file has the country files' building blocks (two-language text, sources with tiers,
verdicts, periods); what it adds is what a reader needs to change the bound number in time.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .models import (
    Id,
    Name,
    Note,
    PastDate,
    Source,
    SourceIndex,
    SourceRefs,
    Step,
    Strict,
    Text,
    TextLine,
    Timing,
    Verdict,
)

Stakes = Annotated[
    Literal["money", "sign-in", "messages", "social"],
    Field(
        description=(
            "What a stranger who gets the number could reach first: `money` (payments, a bank account), "
            "`sign-in` (an account that signs in to other services, such as Apple or Google), "
            "`messages` (chats and contacts), `social` (a public profile). Orders the page: money first."
        )
    ),
]


class NumberChange(Strict):
    """Where in the app or site the bound number is changed or removed, as last checked."""

    menu: TextLine | None = Field(
        default=None,
        description="The menu path in the app's own words, e.g. {zh: 我 > 设置 > 账号与安全 > 手机号, "
        "en: Me > Settings > Account and Security > Mobile}; leave out when no source gives it.",
    )
    app_version: Name | None = Field(default=None, description="The app version the path was checked in, if known.")
    checked: PastDate = Field(description="When someone last followed the path in the app or read it in a source.")
    steps: list[Step] = Field(min_length=1, description="The steps, in order.")
    sources: SourceRefs = Field(default=[], description="Sources for the menu path.")


class Service(SourceIndex, Strict):
    """One online service: `data/services/<id>.yml`."""

    id: Id = Field(description="Lowercase id; the file is named after it, e.g. `wechat` in wechat.yml.")
    name: TextLine = Field(description="The service's name as readers know it, e.g. {zh: 微信, en: WeChat}.")
    also_known_as: list[Name] = Field(
        default=[],
        max_length=10,
        description="Other names readers search for, e.g. `Apple ID` for Apple Account; found by the site search.",
    )
    stakes: Stakes
    risk: Text = Field(description="One or two sentences: what a stranger holding the old number could do here.")
    reviewed: PastDate = Field(description="When the whole file was last reviewed against its sources.")
    change: NumberChange
    old_number_code: Verdict = Field(
        description="Must the OLD number still receive a code (SMS or call) to make the change? `unknown` when "
        "sources disagree or say nothing."
    )
    without_old_number: list[Step] = Field(
        min_length=1, description="What to do when the old number can no longer receive codes, in order."
    )
    waiting: Timing | None = Field(
        default=None, description="A waiting or review period before the change takes effect, where a source gives one."
    )
    foreign_number: Verdict = Field(
        description="Can a number from outside the mainland be bound to the account at all?"
    )
    caveats: list[Step] = Field(default=[], description="Anything else a reader should know before the change.")
    sources: list[Source] = Field(min_length=1)


class Recycling(SourceIndex, Strict):
    """`data/recycling.yml`: why numbers must be moved off first, as sourced facts (the page's "why" section)."""

    facts: list[Note] = Field(
        min_length=1, description="Short sentences about numbers being given to someone else, each with its sources."
    )
    sources: list[Source] = Field(min_length=1)
