"""The anchors (HTML ids) the pages make from data, and the data ids that would take a page's own.

Data ids are lowercase words joined by single hyphens (patterns.ID). A page gives each data id one
anchor of its own kind, as published:

- a country page: `brand-<operator>`, `route-<route>`, `faq-<faq>`, `source-<source>` and
  `lapse-<first operator of a timeline>`;
- the accounts page: `#<service>` for a service's section (what its checklist links to).

Every other id a page makes from data joins its parts with a double hyphen (SEPARATOR), which no
data id can hold, so none can equal a data anchor or another such id: a checklist box is
`done--<service>`, a source of one part of a page with several parts (the accounts page) is
`source-<part>--<source>`. (Material's own ids start with `__`, which no data id can either.)

What is left are a page's own words in the same namespace as a data anchor. Those are reserved
(load/rules/reserved_ids.py refuses the data ids that would take them), not renamed, because
readers' links point at them: the accounts page's `#why` and `#checklist` (every country page links
to `accounts/#checklist`), and a country page's `#lapse-all` and `#lapse-unknown`, next to
`#lapse-<operator>`. A country page's other own anchors (brands, routes, lapse, planner, sources,
planner-date ...) share no prefix with a data anchor, so no data id can reach them.
"""

from __future__ import annotations

SEPARATOR = "--"

# The accounts page's own anchors, which a service's `#<id>` could take: id -> what it is.
ACCOUNTS_PAGE_OWN = {
    "first-step": "the reader's first step (list what the number is bound to)",
    "why": "its “why” section",
    "checklist": "its checklist",
}
# A country page's own anchors in the `lapse-<operator>` namespace: operator id -> what the anchor is.
LAPSE_OWN = {
    "all": "the timeline of every operator",
    "unknown": "the brands with no timeline",
}


def checkbox(service_id: str) -> str:
    """The id of a service's box in the accounts page's checklist (accounts-checklist.js reads it)."""
    return f"done{SEPARATOR}{service_id}"


def source(source_id: str, part: str | None = None) -> str:
    """A source's anchor: `source-<source>` on a page with one list of sources, else
    `source-<part>--<source>`."""
    return f"source-{part}{SEPARATOR}{source_id}" if part else f"source-{source_id}"


def source_before_separator(source_id: str, part: str) -> str:
    """A part's source anchor as it was before the separator (`source-<part>-<source>`): kept as a
    second anchor where no other element on the page has it, for readers' old links."""
    return f"source-{part}-{source_id}"
