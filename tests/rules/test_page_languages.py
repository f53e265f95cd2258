from pathlib import Path

from baohao.load.rules import Loaded, page_languages
from conftest import project_at


def test_a_page_in_one_language_or_without_a_language_suffix_is_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    for name in ("about.zh.md", "about.en.md", "faq.zh.md", "guides/help.en.md", "notes.md"):
        (docs / name).write_text("# x\n", encoding="utf-8")
    found = sorted(str(p) for p in page_languages.check(project_at(tmp_path), Loaded()))
    assert found == [
        "docs/faq.en.md:1:1: missing: every page needs both languages (faq.zh.md and faq.en.md)",
        "docs/guides/help.zh.md:1:1: missing: every page needs both languages (guides/help.zh.md and "
        "guides/help.en.md)",
        "docs/notes.md:1:1: page names must end in .zh.md or .en.md",
    ]
