"""Generated pages into docs/: written only when their content changed, removed when their data is gone.

Writing only what changed keeps `make serve` from rebuilding forever and keeps file times stable.
"""

from __future__ import annotations

from ..project import Project
from .pages import Page


def write_pages(pages: list[Page], project: Project) -> list[str]:
    """Write pages whose content changed; delete generated pages that no longer exist. Returns changed paths."""
    docs = project.docs_dir
    changed = []
    wanted = {p.path for p in pages}
    for page in pages:
        target = docs / page.path
        if target.exists() and target.read_text(encoding="utf-8") == page.content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(page.content, encoding="utf-8")
        tmp.replace(target)
        changed.append(page.path)
    for existing in generated_files(project):
        if existing not in wanted:
            (docs / existing).unlink()
            changed.append(existing)
    return changed


def generated_files(project: Project) -> list[str]:
    """The generated pages now in docs/, relative to it."""
    docs = project.docs_dir
    found: list[str] = []
    for pattern in project.generated_page_paths():
        base = docs / pattern
        if pattern.endswith("/"):
            if base.exists():
                found += [p.relative_to(docs).as_posix() for p in base.rglob("*") if p.is_file()]
        elif base.exists():
            found.append(pattern)
    return found


def is_generated(project: Project, rel: str) -> bool:
    """Whether a path relative to docs/ is one the renderer owns."""
    return any(rel == p or (p.endswith("/") and rel.startswith(p)) for p in project.generated_page_paths())
