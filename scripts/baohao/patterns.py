"""Patterns the data must match, each written once with the sentence a contributor reads when it does not.

The models use them as constraints, the error messages find their sentence by the pattern itself
(so changing a pattern cannot silently lose its message), and the renderer and tests reuse them.
"""

from __future__ import annotations

import re
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
CURRENCY = Pattern(r"^[A-Z]{3}$", "must be a three-letter ISO 4217 code in capitals, e.g. UZS")
LANGUAGE = Pattern(r"^[a-z]{2,3}$", "must be an ISO 639 language code in lowercase, e.g. ru")

MESSAGES = {p.regex: p.message for p in (ID, HOST, CURRENCY, LANGUAGE)}

# Han characters: CJK Unified Ideographs, Extension A and the compatibility ideographs.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
