"""`make site`: render once, build the online site and the offline bundle with MkDocs side by side
into a temporary directory, publish into each, then swap them into place.

A failed build leaves the previous site/ and dist/ exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .load import DataError
from .load.problems import printable
from .present.render import Rendered, render
from .project import Project
from .publish import publish
from .publish.bundle import OFFLINE_ZIP, write_bundle

# Tells the MkDocs hook that this step publishes (search indexes, feeds, API) after the build.
SITE_STEP_VARIABLE = "BAOHAO_SITE_STEP"


def render_step(project: Project) -> Rendered | None:
    """Validate and render; print every problem and return None if the data has any."""
    try:
        rendered = render(project)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return None
    print(f"rendered {len(rendered.data.countries)} countries; {len(rendered.changed)} file(s) changed")
    return rendered


def run_mkdocs(project: Project, out: Path, *, offline: bool) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BAOHAO_OFFLINE": "true" if offline else "false",
        SITE_STEP_VARIABLE: "1",
        # MkDocs dates the sitemap from it
        **({"SOURCE_DATE_EPOCH": str(project.epoch)} if project.epoch is not None else {}),
    }
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    return subprocess.Popen(cmd, cwd=project.root, env=env)


def mkdocs_builds(project: Project, online: Path, offline: Path) -> bool:
    """The online and the offline build, side by side (one per core). True if both succeed."""
    running = [run_mkdocs(project, online, offline=False), run_mkdocs(project, offline, offline=True)]
    codes = [process.wait() for process in running]  # wait for both, even when one fails first
    return codes == [0, 0]


def site_command(project: Project, site_dir: Path, dist_dir: Path) -> int:
    rendered = render_step(project)
    if rendered is None:
        print("site not built; the previous site/ is unchanged", file=sys.stderr)
        return 1
    site = (project.root / site_dir).resolve()
    dist = (project.root / dist_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    try:
        if not mkdocs_builds(project, tmp / "out", tmp / "offline"):
            print("mkdocs build failed; the previous site/ is unchanged", file=sys.stderr)
            return 1
        publish(tmp / "out", rendered.data, project, offline=False)
        publish(tmp / "offline", rendered.data, project, offline=True)
        size = write_bundle(tmp / "offline", tmp / OFFLINE_ZIP, project.epoch)
        if site.exists():
            site.rename(tmp / "old")
        (tmp / "out").rename(site)
        dist.mkdir(parents=True, exist_ok=True)
        (tmp / OFFLINE_ZIP).replace(dist / OFFLINE_ZIP)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(printable(f"site built in {os.path.relpath(site, Path.cwd())}/"))
    print(printable(f"offline bundle: {os.path.relpath(dist / OFFLINE_ZIP, Path.cwd())} ({size / 1024:.0f} KB)"))
    return 0
