# Two commands do all set-up on a fresh Debian machine with Python 3.11+:
#   make serve   - venv, install, preview the site at http://127.0.0.1:$(PORT) (PORT=8000 unless given)
#   make test    - test extras, Debian chromium and test tools, then lint, dependency check and pytest
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
# Material's end-of-life banner is noise an author cannot act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test lint deps benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	@bash tools/ensure-runtime-libs.sh
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.installed
	$(BIN)/therapy-site serve --port $(PORT)

# Strict build into a temporary folder; site/ is replaced only when it succeeds.
build: $(VENV)/.installed
	$(BIN)/therapy-site build

check: $(VENV)/.installed
	$(BIN)/therapy-site check

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

# Every runtime import must be a declared runtime dependency (not only a test extra).
deps: $(VENV)/.installed-test
	$(BIN)/deptry plugins/therapy_site

# pytest runs in TEST_WORKERS processes (pytest-xdist), whole test modules to a worker (see tests/conftest.py);
# the browser tests mostly wait on chromium, so one more worker than this 2-core machine's cores pays.
# TEST_WORKERS=0 runs in this process. The wall time of the whole target is printed at the end, pass or fail.
TEST_WORKERS ?= 3

test: $(VENV)/.installed-test
	@start=$$(date +%s); status=0; \
	bash tools/ensure-test-tools.sh \
	&& $(BIN)/ruff check . \
	&& $(BIN)/deptry plugins/therapy_site \
	&& $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope --durations=10 || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s wall time ($$([ $$status = 0 ] && echo passed || echo failed))"; \
	exit $$status

benchmark: $(VENV)/.installed-test
	$(BIN)/python benchmarks/build_time.py

clean:
	rm -rf site .cache
