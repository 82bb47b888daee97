# Two commands do all set-up on a fresh Debian machine with Python 3.11+:
#   make serve   - venv, install, preview the site at http://127.0.0.1:8000
#   make test    - test extras, Debian chromium and test tools, then pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed-test
	@bash tools/ensure-test-tools.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

benchmark: $(VENV)/.installed-test
	$(BIN)/python benchmarks/build_time.py

clean:
	rm -rf site .cache
