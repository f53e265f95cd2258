"""`make site`: validate, render, build with MkDocs into a temporary directory, then swap.

A failed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .load import DataError
from .pages import prepare


def render_command(root: Path) -> int:
    try:
        data, changed = prepare(root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"rendered {len(data.countries)} countries; {len(changed)} file(s) changed")
    return 0


def mkdocs_build(root: Path, out: Path) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    return subprocess.run(cmd, cwd=root, env=env, check=False).returncode


def site_command(root: Path, site_dir: Path) -> int:
    if render_command(root):
        print("site not built; the previous site/ is unchanged", file=sys.stderr)
        return 1
    site = (root / site_dir).resolve()
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    try:
        if mkdocs_build(root, tmp / "out"):
            print("mkdocs build failed; the previous site/ is unchanged", file=sys.stderr)
            return 1
        old = tmp / "old"
        if site.exists():
            site.rename(old)
        (tmp / "out").rename(site)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"site built in {os.path.relpath(site, Path.cwd())}/")
    return 0
