"""CONTRIBUTING.md and CONTRIBUTING.zh.md document every schema field and follow the style rules."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from baohao.patterns import HAN
from conftest import ROOT

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "zh": ROOT / "CONTRIBUTING.zh.md"}
SCHEMAS = ["country", "service", "documents", "checklists", "hosts", "staff_card", "regions", "kept_most"]

ASCII_AFTER_HAN = re.compile(HAN.pattern + r"[,.:;?!]")
FENCED_BLOCK = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
# The Chinese words the English guide may quote as they appear on the site.
QUOTED_CHINESE = ("未核实", "保号卡")


def schema(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_fields() -> set[str]:
    """Every property name of every schema: of the root object and of each entry in `$defs`."""
    names: set[str] = set()
    for name in SCHEMAS:
        root = schema(name)
        for model in [root, *root.get("$defs", {}).values()]:
            names |= set(model.get("properties", {}))
    return names


def enum_values() -> dict[str, list[str]]:
    country = schema("country")
    defs = country["$defs"]
    return {
        "route kinds": defs["Route"]["properties"]["kind"]["enum"],
        "contact kinds": defs["Contact"]["properties"]["kind"]["enum"],
        "source kinds": defs["Source"]["properties"]["kind"]["enum"],
        "registration kinds": defs["RegistrationRule"]["properties"]["kind"]["enum"],
    }


def read(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def code_spans(text: str) -> set[str]:
    """The contents of every inline code span, outside fenced code blocks."""
    return {m.group(0).strip("`").strip() for m in CODE_SPAN.finditer(FENCED_BLOCK.sub("", text))}


def prose(text: str) -> str:
    """The text without fenced code blocks and inline code spans."""
    return CODE_SPAN.sub(" ", FENCED_BLOCK.sub("", text))


def sections(text: str) -> list[str]:
    return [line for line in FENCED_BLOCK.sub("", text).splitlines() if line.startswith("## ")]


def test_both_guides_exist() -> None:
    for path in GUIDES.values():
        assert path.is_file(), f"{path.name} is missing"


def test_schema_has_fields() -> None:
    # guards the walk below: if the schema layout changed, the field test would pass vacuously
    fields = schema_fields()
    assert {"from_abroad", "balance_refund", "max_amount", "checked", "never", "zh", "en"} <= fields


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_schema_field_is_documented(lang: str) -> None:
    documented = code_spans(read(lang))
    missing = sorted(schema_fields() - documented)
    assert not missing, (
        f"{GUIDES[lang].name} does not document these schema fields: {', '.join(missing)}. "
        "Document each one, in backticks, in the field reference of CONTRIBUTING.md and CONTRIBUTING.zh.md."
    )


@pytest.mark.parametrize("lang", sorted(GUIDES))
@pytest.mark.parametrize("vocabulary", sorted(enum_values()))
def test_every_allowed_value_is_documented(lang: str, vocabulary: str) -> None:
    documented = code_spans(read(lang))
    missing = [value for value in enum_values()[vocabulary] if value not in documented]
    assert not missing, (
        f"{GUIDES[lang].name} does not list these {vocabulary}: {', '.join(missing)}. "
        "Document each one, in backticks, in both CONTRIBUTING files."
    )


def test_both_guides_have_the_same_sections() -> None:
    en, zh = sections(read("en")), sections(read("zh"))
    assert len(en) == len(zh), f"CONTRIBUTING.md has {len(en)} `## ` sections, CONTRIBUTING.zh.md has {len(zh)}"


def test_chinese_guide_uses_full_width_punctuation() -> None:
    bad = [line.strip() for line in prose(read("zh")).splitlines() if ASCII_AFTER_HAN.search(line)]
    message = "ASCII punctuation after a Chinese character in CONTRIBUTING.zh.md (use ，。：；？！):\n"
    assert not bad, message + "\n".join(bad)


def test_english_guide_has_no_chinese_prose() -> None:
    text = prose(read("en"))
    for word in QUOTED_CHINESE:
        text = text.replace(word, "")
    bad = [line.strip() for line in text.splitlines() if HAN.search(line)]
    assert not bad, "Chinese characters in CONTRIBUTING.md outside backticks:\n" + "\n".join(bad)


def test_code_is_left_out_of_prose() -> None:
    sample = "中文，`a.b`。\n```\n中文.\n```\n`from_abroad` and ``x `y` z``"
    assert code_spans(sample) == {"a.b", "from_abroad", "x `y` z"}
    assert not ASCII_AFTER_HAN.search(prose(sample))
    assert ASCII_AFTER_HAN.search("中文.")
