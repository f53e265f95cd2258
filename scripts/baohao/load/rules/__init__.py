"""The rules that look beyond one field, in the order they run. A new rule is one module here,
registered below, with a test in tests/rules/ holding a minimal failing example."""

from __future__ import annotations

from . import (
    duplicate_ids,
    file_name,
    host_lists,
    interface_strings,
    kept_brands,
    lapse_coverage,
    page_languages,
    page_markup,
    placeholders,
    prose_parts,
    region_ids,
    reserved_ids,
    source_tiers,
    staff_card_documents,
    strings_used,
    uncited_sources,
    unknown_references,
)
from .base import DataFile, FileRule, Loaded, ProjectRule, References

FILE_RULES: list[FileRule] = [
    placeholders.RULE,
    duplicate_ids.RULE,
    unknown_references.RULE,
    region_ids.RULE,
    kept_brands.RULE,
    uncited_sources.RULE,
    source_tiers.RULE,
    host_lists.RULE,
    file_name.RULE,
    lapse_coverage.RULE,
    reserved_ids.RULE,
    interface_strings.RULE,
]
PROJECT_RULES: list[ProjectRule] = [
    staff_card_documents.RULE,
    page_languages.RULE,
    prose_parts.RULE,
    page_markup.RULE,
    strings_used.RULE,
]

__all__ = ["FILE_RULES", "PROJECT_RULES", "DataFile", "FileRule", "Loaded", "ProjectRule", "References"]
