"""Patterns the data must match, each written once with the sentence a contributor reads when it does not.

The models use them as constraints, the error messages find their sentence by the pattern itself
(so changing a pattern cannot silently lose its message), and the renderer and tests reuse them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    regex: str
    message: str  # what a value that does not match must be

    def fullmatch(self, value: str) -> bool:
        return re.fullmatch(self.regex, value) is not None


ID = Pattern(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "must be an id: lowercase letters, digits and single hyphens, e.g. 'ucell-faq'",
)
HOST = Pattern(
    r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$",
    "must be a host name in lowercase, without https:// or a path, e.g. ucell.uz",
)
NEVER_ENTRY = Pattern(
    r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(/[a-z0-9._~-]*[a-z0-9_~-][a-z0-9._~-]*)*$",
    "must be a host name in lowercase, optionally with a path, e.g. whatsapp.com/channel",
)
CURRENCY = Pattern(r"^[A-Z]{3}$", "must be a three-letter ISO 4217 code in capitals, e.g. UZS")
LANGUAGE = Pattern(
    r"^[a-z]{2,3}(-[A-Z][a-z]{3})?$",
    "must be a language code: ISO 639 in lowercase, with a script if needed, e.g. ru, en or zh-Hant",
)

PLACE_BRAND = Pattern(
    r"^[a-z]{2}/[a-z0-9]+(-[a-z0-9]+)*$",
    "must be a place's code, a slash and one of its operators' ids, e.g. gb/giffgaff",
)

MESSAGES = {p.regex: p.message for p in (ID, HOST, NEVER_ENTRY, CURRENCY, LANGUAGE, PLACE_BRAND)}

# Han characters: CJK Unified Ideographs, Extension A and the compatibility ideographs.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Characters no data text has any business holding: control characters (but tab and line breaks),
# Unicode line and paragraph separators (they end a YAML line), bidirectional overrides and
# isolates (they make text display in another order than it is stored), and invisible
# zero-width characters. Named in messages so a contributor can find and delete them.
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
)
# What a value meant to be one line (a name, title, heading, label) must not hold: a line break of any
# kind (LF, CR, VT, FF, NEL, LS, PS), any other control character (tab too), and the invisible
# characters above. A line break in a name would split every report line that prints it. (Direction
# marks, below, are refused apart: text in a staff card's own language may need them.)
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
NOT_IN_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")
# The same for editors (JSON Schema, ECMA-262 syntax): what is not refused.
ONE_LINE_SCHEMA = (
    "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\u200b\\u2060\\ufeff]*$"
)
# Invisible direction marks: fine in Urdu or Arabic text, never in Chinese or English text,
# names, numbers or ids, where they can reorder what a reader sees.
DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c]")
# Numbers in data: plain decimals only (YAML 1.1 would read 060 as 48, 1:30 as 90, 1e3 as 1000.0).
PLAIN_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
PLAIN_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")


# Names of the control characters a contributor is likely to meet (Unicode gives controls none).
_CONTROL_NAMES = {
    "\t": "tab",
    "\n": "line feed",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
}


def describe_character(char: str) -> str:
    """A character as a contributor can search for it: U+200B (zero width space)."""
    name = _CONTROL_NAMES.get(char, "") or unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name.lower()})"


def not_one_line(value: str) -> str | None:
    """Why a value cannot be one line, naming the first character in the way
    ("contains a line break U+000A (line feed)"), or None."""
    found = NOT_IN_ONE_LINE.search(value)
    if not found:
        return None
    char = found.group()
    if char in LINE_BREAKS:
        what = "a line break"
    elif unicodedata.category(char) == "Cf":
        what = "the invisible character"
    else:
        what = "the control character"
    return f"contains {what} {describe_character(char)}"
