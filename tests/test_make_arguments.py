"""Values given to make targets (`make new-country CODE=...`, `make bench BENCH_ARGS=...`) are data,
never shell or make syntax: whatever they hold, no command runs and the message says what was wrong.

Each test runs the project's own Makefile in a scratch folder (the venv linked, never remade), so a
hostile value that did run something could only touch that folder and the marker file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_cli


def scratch(tmp_path: Path) -> Path:
    """A folder make can run the targets in: the Makefile, the package, the benchmarks, the venv."""
    root = tmp_path / "p"
    (root / "data" / "countries").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", root / "Makefile")
    for name in ("scripts", "benchmarks", "templates", ".venv"):
        (root / name).symlink_to(ROOT / name)
    return root


def make(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # -o: never remake the venv (it is shared); the marker must not exist before
    command = ["make", "--no-print-directory", "-o", ".venv/.site", *args]
    # (as if typed at a shell: not make's own variables when the tests run under `make test`)
    skip = ("CODE", "BENCH_ARGS", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "BAOHAO_CODE", "BAOHAO_BENCH_ARGS")
    environment = {k: v for k, v in os.environ.items() if k not in skip}
    return subprocess.run(
        command, cwd=root, env={**environment, **(env or {})}, capture_output=True, text=True, timeout=120, check=False
    )


def hostile(marker: Path) -> list[str]:
    """Values that run `touch marker` if any shell or make reads them as code."""
    m = str(marker)
    return [
        f"kg; touch {m}",
        f"kg && touch {m}",
        f"kg | touch {m}",
        f"$(touch {m})",
        f"`touch {m}`",
        f'"; touch {m}; echo "',
        f"'; touch {m}; echo '",
        f"kg\ntouch {m}",
        f"kg\rtouch {m}",
        f"$(shell touch {m})",  # make's own syntax, expanded if make reads the value as a variable
        f"${{shell touch {m}}}",
        f"kg $$(touch {m})",
        f"-h; touch {m}",
    ]


@pytest.mark.parametrize("index", range(13))
def test_a_hostile_country_code_runs_nothing_and_says_what_a_code_is(tmp_path: Path, index: int) -> None:
    root = scratch(tmp_path)
    marker = tmp_path / "pwned"
    value = hostile(marker)[index]
    for how in ("argument", "environment"):
        result = (
            make(root, "new-country", f"CODE={value}")
            if how == "argument"
            else make(root, "new-country", env={"CODE": value})
        )
        assert not marker.exists(), (how, value, result.stdout, result.stderr)
        assert result.returncode != 0, (how, value)
        assert list((root / "data/countries").iterdir()) == []
        errors = [line for line in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
        assert errors and "is not an ISO 3166-1 alpha-2 country code" in errors[0], result.stderr
        assert "Traceback" not in result.stderr
        assert len(errors) == 1, errors  # the value shown on one line, its line breaks escaped


@pytest.mark.parametrize("code", ["", " ", "k", "kgz", "KG ", " kg", "k1", "xx", "кг", "kg\n", "../kg", "-h"])
def test_a_code_that_is_not_two_letters_of_a_country_is_refused(tmp_path: Path, code: str) -> None:
    """Through the command line, and through make (which drops leading spaces itself: `CODE= kg` is kg)."""
    root = scratch(tmp_path)
    results = [run_cli(root, "new-country", "--", code)]
    if not code.startswith(" "):
        results.append(make(root, "new-country", f"CODE={code}"))
    expected = "usage: make new-country CODE=kg" if code == "" else "is not an ISO 3166-1 alpha-2 country code"
    for result in results:
        assert result.returncode != 0
        assert list((root / "data/countries").iterdir()) == []
        assert expected in result.stderr, result.stderr


def test_a_good_code_still_starts_a_file(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    for code, name in (("kg", "kg.yml"), ("TJ", "tj.yml")):
        result = make(root, "new-country", f"CODE={code}")
        assert result.returncode == 0, result.stderr
        assert (root / "data/countries" / name).is_file()


@pytest.mark.parametrize("index", range(13))
def test_hostile_bench_arguments_run_nothing(tmp_path: Path, index: int) -> None:
    """Every value starts with an option the benchmark does not know, so that nothing long runs
    even where the value reaches the benchmark: the run must stop at its arguments."""
    root = scratch(tmp_path)
    marker = tmp_path / "pwned"
    value = "--nope " + hostile(marker)[index]
    for how in ("argument", "environment"):
        result = (
            make(root, "bench", f"BENCH_ARGS={value}")
            if how == "argument"
            else make(root, "bench", env={"BENCH_ARGS": value})
        )
        assert not marker.exists(), (how, value, result.stdout, result.stderr)
        assert result.returncode != 0, (how, value)
        assert "Traceback" not in result.stderr
        assert "python -m benchmarks.bench: error: " in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("--sizes '5", "BENCH_ARGS: No closing quotation"),
        ('--sizes "5', "BENCH_ARGS: No closing quotation"),
        ("--sizes '5;'", "--sizes: '5;' is not a list of country counts"),
        ("--sizes 5,x", "--sizes: '5,x' is not a list of country counts"),
        ("--rev=--output=/tmp/x", "--rev: '--output=/tmp/x' is not a commit name"),
        ("--baseline=-x", "--baseline: '-x' is not a commit name"),
        ("--rev 'HEAD; touch x'", "--rev: 'HEAD; touch x' is not a commit name"),
    ],
)
def test_bench_arguments_are_split_like_a_shell_and_checked(tmp_path: Path, value: str, message: str) -> None:
    result = make(scratch(tmp_path), "bench", f"BENCH_ARGS={value}")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr


def test_the_makefile_pastes_no_variable_into_a_command_line() -> None:
    """Every value a target hands on goes through the environment: no `$(CODE)` or `$(BENCH_ARGS)`
    (or any other user-set variable) inside a recipe."""
    recipes = [line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith("\t")]
    for name in ("CODE", "BENCH_ARGS"):
        assert not [line for line in recipes if f"$({name})" in line or f"${{{name}}}" in line], name
