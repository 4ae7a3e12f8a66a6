# One command for the main job, one for the tests; each builds its own virtualenv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= dyad.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test check eval bench fuzz train venv clean lock

# The demo needs only the package; the tests also need the dev tools (pytest, mypy, ruff,
# playwright). Each stamp is rebuilt when the project or the lock file changes.
$(BIN)/.runtime: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e .
	touch $@

$(BIN)/.installed: $(BIN)/.runtime
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

## demo: ingest the bundled sample articles into $(DB) and serve the dashboard on $(HOST):$(PORT)
demo: $(BIN)/.runtime
	$(BIN)/dyad ingest src/dyad/data/samples --db $(DB)
	$(BIN)/dyad serve --db $(DB) --host $(HOST) --port $(PORT)

## test: the full default test suite (what CI runs)
test: venv
	scripts/ensure-chromium
	$(BIN)/python -m pytest -q

## check: lint, types and tests
check: venv
	scripts/check

## eval: quality gates against the annotated sets in ../shared/eval
eval: venv
	$(BIN)/dyad eval

## fuzz: the fuzz suite with many more cases (FUZZ_EXAMPLES per property; prints the count)
FUZZ_EXAMPLES ?= 1000
fuzz: venv
	DYAD_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:logging tests/fuzz
## train: rebuild the event model (src/dyad/data/models/events.json) from eval/ and ../shared
train: venv
	$(BIN)/dyad train events

## bench: throughput benchmarks (long)
bench: venv
	$(BIN)/python bench/extract_throughput.py

lock: venv
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
