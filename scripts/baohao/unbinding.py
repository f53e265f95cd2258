"""The order of the accounts page: what breaks first without the old number.

Plain values, no markup (like certainty.py, whose rules decide what counts as backed). A service
whose stakes are higher comes first: money, then sign-in, messages, social. Within the same
stakes, a service that a reliable source says needs a code on the OLD number comes first (it can
no longer be changed once that number is gone), then those where it is unknown or unbacked, then
those a reliable source says do not need it. Then by name, the same order in every language, so
that the printed checklists of both languages match.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from . import certainty
from .service_model import Service, Stakes

STAKES_ORDER: tuple[str, ...] = get_args(get_args(Stakes)[0])  # money, sign-in, messages, social


def old_number_code(service: Service) -> certainty.AnswerValue:
    """Must the old number receive a code? `yes` or `no` only when a reliable source backs it."""
    verdict = service.old_number_code
    if verdict.value != "unknown" and certainty.backed(service, verdict.sources):
        return verdict.value
    return "unknown"


_CODE_RANK: dict[str, int] = {"yes": 0, "unknown": 1, "no": 2}


def sort_key(service: Service) -> tuple[int, int, str, str]:
    return (
        STAKES_ORDER.index(service.stakes),
        _CODE_RANK[old_number_code(service)],
        service.name.en.casefold(),
        service.id,
    )


def unbinding_order(services: Sequence[Service]) -> list[Service]:
    """The services in the order a reader should move them off the old number."""
    return sorted(services, key=sort_key)
