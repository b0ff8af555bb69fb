# The two commands a user needs: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test gates demo screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/careertui $(ARGS)

demo: $(STAMP_RUN)
	$(BIN)/careertui --demo

# One test worker more than there are cores: a Pilot test waits for the app to go idle after
# each key, and the extra worker uses that time (the UI tests took 204 s with 2, 165 s with 3).
WORKERS ?= $(shell $(PYTHON) -c "import os; print(len(os.sched_getaffinity(0)) + 1 \
	if hasattr(os, 'sched_getaffinity') else (os.cpu_count() or 1) + 1)")

# The gates first (seconds), then the suite. Bytecode is cached even where the environment
# says not to (PYTHONDONTWRITEBYTECODE): pytest otherwise rewrites every test module again
# in each worker, and each subprocess a test starts compiles careertui again.
test: gates
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n $(WORKERS)

# The browser tests: `careertui serve` in Debian's Chromium, driven headless by Playwright (no
# browser download). apt-get installs chromium when it is missing (Debian or Ubuntu, as root).
CHROMIUM := /usr/bin/chromium
.PHONY: test-browser
test-browser: $(STAMP_TEST)
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make test-browser: installing chromium with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  fi; \
	  if [ ! -x $(CHROMIUM) ]; then \
	    echo "make test-browser needs Chromium at $(CHROMIUM): on Debian or Ubuntu, run" \
	      "apt-get install chromium as root, then make test-browser again" >&2; \
	    exit 1; \
	  fi; \
	fi
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 -rs tests/browser

# Lint, types and the import contracts of pyproject.toml.
gates: $(STAMP_TEST)
	$(BIN)/ruff check careertui tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# Cold start, ticks, step switches and memory on the demo and a 5,000-item plan (a few minutes).
bench: $(STAMP_TEST)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m tests.perf.bench $(ARGS)

screenshots: $(STAMP_RUN)
	$(BIN)/python -m careertui.screenshots screenshots

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .import_linter_cache
