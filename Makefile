# Two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := PYTHONPATH=scripts:. NO_MKDOCS_2_WARNING=1 $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

# Values a reader gives a target (`make new-country CODE=kg`, `make bench BENCH_ARGS="..."`, on the
# command line or in the environment) are data, never code: no recipe pastes them into a shell line.
# $(value ...) takes them as written (make expands nothing in them), they reach the command only
# through the environment, quoted as "$$BAOHAO_..." or read by Python, which checks them.
unexport CODE BENCH_ARGS
export BAOHAO_CODE := $(value CODE)
export BAOHAO_BENCH_ARGS := $(value BENCH_ARGS)

.PHONY: serve site check stale links render new-country schema test test-fast lint format lock clean bench

# The site environment, from the lock file with hashes.
$(VENV)/.site: requirements.lock
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

# The test environment: the site's packages plus the test tools, also locked.
$(VENV)/.dev: requirements-dev.lock
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@ $(VENV)/.site

serve: $(VENV)/.site ## build and serve with live reload at http://127.0.0.1:8000
	$(PY) -m baohao check
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

site: $(VENV)/.site ## build the published site into site/ (strict, atomic)
	$(PY) -m baohao site

check: $(VENV)/.site ## validate every data file and print every problem
	$(PY) -m baohao check

stale: $(VENV)/.site ## list the facts to read again (old checks, old rule pages, unreadable sources), costliest first
	$(PY) -m baohao stale

links: $(VENV)/.dev ## check every URL in data/ with lychee (needs the network); writes build/links/report.md
	$(PY) -m baohao links

bench: $(VENV)/.site ## time make check/site/serve at 5/50/200 real-size countries, page weights, Lighthouse; writes build/bench.json
	$(PY) -m benchmarks.bench --args-from-environment

render: $(VENV)/.site ## write the generated pages into docs/ without building
	$(PY) -m baohao render

new-country: $(VENV)/.site ## start data/countries/<code>.yml from the annotated template (CODE=kg)
	$(PY) -m baohao new-country -- "$$BAOHAO_CODE"

schema: $(VENV)/.site ## regenerate schema/*.schema.json from the models
	$(PY) -m baohao schema

test: lint ## run every test (browser tests need Debian's chromium)
	$(PY) -m pytest

test-fast: lint ## the tests that build no site and open no browser (about 30 s)
	$(PY) -m pytest -m "not build and not browser"

# ruff (lint and format check) and the type checker, strict on the package
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check scripts tests benchmarks
	$(VENV)/bin/ruff format --check scripts tests benchmarks
	$(VENV)/bin/mypy

format: $(VENV)/.dev
	$(VENV)/bin/ruff format scripts tests benchmarks
	$(VENV)/bin/ruff check --fix scripts tests benchmarks

# Regenerate the lock files after changing dependencies in pyproject.toml (needs network to PyPI).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -o requirements.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements-dev.lock

clean: $(VENV)/.site ## remove build output: site/, dist/, build/ and the generated pages in docs/
	$(PY) -m baohao clean
