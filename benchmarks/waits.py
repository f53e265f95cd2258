"""How long contributors wait, each wait measured in fresh processes in a project copy, as `make` runs it:

- `make check`: `python -m baohao check`, with no cache (build/ removed), with the cache and nothing
  changed, and after editing one country file (the cache holds the others);
- `make site`: `python -m baohao site`, from a clean copy (no generated pages, no build/);
- `make serve`: `python -m mkdocs serve` on a free port; after its first build, one text of one country
  file is edited, and the time runs until the zh and the en page the server serves both show it. The
  server's log tells how many builds each edit set off and when the server was idle again.

`python -m benchmarks.waits --stages ROOT` (run by the benchmark in a fresh process) times the stages
of a site build in-process: load+validate with no cache and with it, and the render step.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .synthetic import ROOT, clean_outputs

KB = 1024
TIMEOUT = 1200.0  # seconds for any one command or wait; a build that takes longer has failed
IDLE_AFTER = 2.0  # a dev server whose log is quiet this long, with no build running, is idle
BUILD_STARTED = "Building documentation..."
BUILD_DONE = re.compile(r"Documentation built in ([0-9.]+) seconds")
BUILD_FAILED = "An error happened during the rebuild"
LANGUAGE_BUILD = re.compile(r"Building '(\w+)' documentation")  # mkdocs-static-i18n, one per language
EDIT_TOKEN = re.compile(r"bench-edit-[0-9a-f]+ ")


class BenchError(Exception):
    """A command that failed or did not finish: the figures for that size are missing."""


@dataclass
class Timed:
    wall: float
    peak_rss_mb: float  # of the command or of any process it waited for (the MkDocs builds of `site`)
    output: str


def child_env(project: Path, pinned: dict[str, str]) -> dict[str, str]:
    """What `make` gives its commands (PYTHONPATH=scripts, NO_MKDOCS_2_WARNING=1), with the copy's own
    scripts/ and this repository (for `-m benchmarks.waits`) on the path. `pinned` (the build date and
    repository of the real project: a copy has no git history) gives way to the caller's environment."""
    path = os.pathsep.join([str(project / "scripts"), str(ROOT)])
    return {**pinned, **os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}


def run_timed(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = TIMEOUT) -> Timed:
    """Run cmd to its end: wall time, peak RSS and output. Raises BenchError if it fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if proc.returncode:
        tail = "\n".join(output.splitlines()[-30:])
        raise BenchError(f"`{' '.join(cmd[1:])}` failed in {cwd} (exit {proc.returncode}):\n{tail}")
    return Timed(wall, usage.ru_maxrss / KB, output)


def edit_country(path: Path, token: str) -> None:
    """A contributor's edit: `token` put in front of the country's summary, in both languages
    (replacing the token of an earlier edit)."""
    text = EDIT_TOKEN.sub("", path.read_text(encoding="utf-8"))
    start = text.find("\nsummary:\n")
    if start < 0:
        raise BenchError(f"{path.name}: no top-level `summary:` to edit")
    for lang in ("zh", "en"):
        match = re.compile(rf"\n  {lang}: ([\"']?)").search(text, start)
        if match is None or text[match.end() : match.end() + 1] in (">", "|"):
            raise BenchError(f"{path.name}: the summary's {lang} text is not a one-line text")
        text = f"{text[: match.end()]}{token} {text[match.end() :]}"
    path.write_text(text, encoding="utf-8")


def new_token() -> str:
    return f"bench-edit-{secrets.token_hex(4)}"


# --- make check ------------------------------------------------------------------------------------


def time_checks(project: Path, env: dict[str, str], edited: Path, runs: int) -> dict[str, list[Timed]]:
    """`python -m baohao check`, `runs` times in each state of the cache."""
    cmd = [sys.executable, "-m", "baohao", "check"]
    out: dict[str, list[Timed]] = {"check_cold": [], "check_unchanged": [], "check_edited": []}
    for _ in range(runs):
        shutil.rmtree(project / "build", ignore_errors=True)
        out["check_cold"].append(run_timed(cmd, project, env))
    for _ in range(runs):
        out["check_unchanged"].append(run_timed(cmd, project, env))
    for _ in range(runs):
        edit_country(edited, new_token())
        out["check_edited"].append(run_timed(cmd, project, env))
    return out


# --- make site ---------------------------------------------------------------------------------------


def time_site(project: Path, env: dict[str, str], out: Path, runs: int) -> list[Timed]:
    """`python -m baohao site` from a clean copy, `runs` times; the last build stays in out/site, out/dist."""
    timed = []
    for _ in range(runs):
        clean_outputs(project)
        shutil.rmtree(out, ignore_errors=True)
        cmd = [sys.executable, "-m", "baohao", "site", "--site-dir", str(out / "site"), "--dist-dir", str(out / "dist")]
        timed.append(run_timed(cmd, project, env))
    return timed


# --- the stages, in-process ---------------------------------------------------------------------------


def time_stages(project: Path, env: dict[str, str]) -> dict[str, float]:
    """Load+validate with no cache and with it, and the render step, in one fresh process."""
    timed = run_timed([sys.executable, "-m", "benchmarks.waits", "--stages", str(project)], project, env)
    result: dict[str, float] = json.loads(timed.output.strip().splitlines()[-1])
    return result


def _stages(root: Path) -> dict[str, float]:
    from baohao.load import load_all
    from baohao.present.render import render
    from baohao.project import Project

    project = Project.resolve(root)
    clean_outputs(root)
    times = {}
    for name, step in (("load_cold", load_all), ("load_warm", load_all), ("render", render)):
        start = time.perf_counter()
        step(project)
        times[name] = time.perf_counter() - start
    return times


# --- make serve --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class DevServer:
    """`python -m mkdocs serve` in a project copy, its log followed line by line."""

    project: Path
    env: dict[str, str]
    extra_args: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    lines: list[tuple[float, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}", *self.extra_args]
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.project,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._lock:
                self.lines.append((time.perf_counter(), line.rstrip()))

    def log_since(self, index: int) -> list[tuple[float, str]]:
        with self._lock:
            return self.lines[index:]

    def log_tail(self, n: int = 30) -> str:
        return "\n".join(line for _, line in self.log_since(0)[-n:])

    def _alive(self) -> None:
        if self.proc.poll() is not None:
            raise BenchError(f"mkdocs serve exited ({self.proc.returncode}):\n{self.log_tail()}")

    def get(self, path: str, timeout: float) -> str | None:
        """The page as served, or None if the server does not answer yet. (While it builds, the server
        holds requests until the build is done.)"""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as response:
                body: bytes = response.read()
                return body.decode("utf-8", "replace")
        except (urllib.error.URLError, OSError, http.client.HTTPException):
            return None

    def wait_for(self, paths: list[str], token: str | None, deadline: float) -> float:
        """Poll until every page is served (and contains token, if given); the time it did."""
        pending = list(paths)
        while pending:
            self._alive()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError(f"mkdocs serve: {pending[0]} did not show {token!r} in time:\n{self.log_tail()}")
            page = self.get(pending[0], left)
            if page is not None and (token is None or token in page):
                pending.pop(0)
            else:
                time.sleep(0.05)
        return time.perf_counter()

    def responds(self, path: str) -> bool:
        """Whether the server answers at once, as it does only when no build is running."""
        start = time.perf_counter()
        return self.get(path, timeout=5) is not None and time.perf_counter() - start < 1.0

    def wait_idle(self, since: int, path: str, deadline: float) -> float:
        """Wait until the builds started after log line `since` are done and the log has been quiet
        for IDLE_AFTER seconds; the time the last build ended. A build is done when the log says so,
        or else when the server answers a request for `path` at once."""
        while True:
            self._alive()
            lines = self.log_since(since)
            started = sum(BUILD_STARTED in line for _, line in lines)
            done = sum(bool(BUILD_DONE.search(line)) or BUILD_FAILED in line for _, line in lines)
            last = lines[-1][0] if lines else self.started
            now = time.perf_counter()
            if now - last >= IDLE_AFTER and (started == done or self.responds(path)):
                return last
            if now > deadline:
                counts = f"{started} build(s) started, {done} done"
                raise BenchError(f"mkdocs serve did not settle in time ({counts}):\n{self.log_tail()}")
            time.sleep(0.1)

    def stop(self) -> float:
        """Stop it as Ctrl-C does (so it removes its temporary site); its peak RSS in MB."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        timer = threading.Timer(30, self.proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
        except ChildProcessError:  # already reaped by poll()
            return 0.0
        finally:
            timer.cancel()
            self._reader.join(timeout=5)
            if self.proc.stdout is not None:
                self.proc.stdout.close()
        return usage.ru_maxrss / KB


def time_serve(
    project: Path,
    env: dict[str, str],
    edited: Path,
    edits: int,
    *,
    dirty: bool = False,
    settle_last: bool = False,
    rebuild_timeout: float = TIMEOUT,
) -> dict[str, Any]:
    """Start the dev server, then edit `edited` `edits` times, waiting for the server to be idle
    between edits (after the last one only with settle_last). An edit not shown within
    rebuild_timeout seconds is a failure."""
    code = edited.stem
    pages = [f"/countries/{code}/", f"/en/countries/{code}/"]
    # a dirty build warns that its navigation may be stale, which strict mode (mkdocs.yml) makes an error
    server = DevServer(project, env, ("--dirty", "--no-strict") if dirty else ())
    result: dict[str, Any] = {
        "edited": f"data/countries/{edited.name}",
        "rebuild": [],
        "settled": [],
        "builds_started": [],
        "build_s": [],
        "phases": [],
    }
    try:
        deadline = server.started + TIMEOUT
        result["first_build"] = server.wait_for(pages, None, deadline) - server.started
        server.wait_idle(0, pages[0], deadline)
        for i in range(edits):
            mark = len(server.log_since(0))
            token = new_token()
            start = time.perf_counter()
            edit_country(edited, token)
            deadline = start + rebuild_timeout
            result["rebuild"].append(server.wait_for(pages, token, deadline) - start)
            result["phases"].append(phases(server.log_since(mark), start))
            if i < edits - 1 or settle_last:  # the builds the edit set off, counted once they are all done
                result["settled"].append(server.wait_idle(mark, pages[0], deadline) - start)
                lines = server.log_since(mark)
                result["builds_started"].append(sum(BUILD_STARTED in line for _, line in lines))
                result["build_s"].append([float(m.group(1)) for _, line in lines if (m := BUILD_DONE.search(line))])
    finally:
        result["peak_rss_mb"] = server.stop()
    return result


def phases(lines: list[tuple[float, str]], start: float) -> dict[str, float]:
    """When the first build after an edit reached each step, in seconds after the edit: `started`
    (the watcher saw the change), `<lang>` (MkDocs began that language's pages; before the first,
    the configuration and the hook's render), `built`."""
    found: dict[str, float] = {}
    for when, line in lines:
        language = LANGUAGE_BUILD.search(line)
        step = "started" if BUILD_STARTED in line else language.group(1) if language else None
        if BUILD_DONE.search(line):
            step = "built"
        if step and step not in found:
            found[step] = when - start
        if step == "built":
            break
    return found


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "--stages":
        print("usage: python -m benchmarks.waits --stages ROOT", file=sys.stderr)
        return 2
    print(json.dumps(_stages(Path(args[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
