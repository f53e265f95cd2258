from pathlib import Path

from baohao.load.prose import read_prose
from baohao.load.rules import Loaded, prose_parts
from conftest import project_at


def _loaded(root: Path, files: dict[str, str]) -> Loaded:
    folder = root / "templates" / "prose"
    folder.mkdir(parents=True)
    loaded = Loaded()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        prose, problems = read_prose(project_at(root), folder / name)
        assert prose is not None, problems
        loaded.prose.append(prose)
    return loaded


def test_parts_must_match_across_languages_and_be_in_their_language(tmp_path: Path) -> None:
    loaded = _loaded(
        tmp_path,
        {
            "home.zh.md": "<!-- part: intro -->\n中文。\n\n<!-- part: end -->\n\n",
            "home.en.md": "<!-- part: intro -->\n中文 in English.\n",
            "faq.zh.md": "<!-- part: a -->\n只有中文。\n",
        },
    )
    found = sorted(str(p) for p in prose_parts.check(project_at(tmp_path), loaded))
    assert found == [
        "templates/prose/faq.en.md:1:1: missing: every prose page needs every language (en)",
        "templates/prose/home.en.md:1:1: intro: contains Chinese characters",
        "templates/prose/home.en.md:1:1: parts ['intro'] differ from templates/prose/home.zh.md's ['intro', 'end']",
        "templates/prose/home.zh.md:4:1: end: is empty",
    ]


def test_matching_parts_pass(tmp_path: Path) -> None:
    loaded = _loaded(
        tmp_path,
        {"home.zh.md": "<!-- part: intro -->\n中文。\n", "home.en.md": "<!-- part: intro -->\nEnglish.\n"},
    )
    assert prose_parts.check(project_at(tmp_path), loaded) == []
