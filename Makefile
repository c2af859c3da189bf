# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL := ../shared/eval

.PHONY: demo test reliability install eval eval-stories lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[web,scale,feeds,dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/communique ingest examples/ --db communique.db
	$(BIN)/communique articles --db communique.db
	$(BIN)/communique events --db communique.db --limit 20
	$(BIN)/communique quotes --db communique.db --limit 10
	$(BIN)/communique upcoming --db communique.db --as-of 2025-06-08

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Bad, hostile and interrupted inputs; ends with "reliability: N bad inputs tried, 0 lost".
reliability: $(STAMP)
	$(BIN)/python -m pytest tests/reliability -q

LINT_PATHS := src tests benchmarks tools
# The line-length rule (110, pyproject.toml) is on everywhere; `python tools/wrap_long_lines.py PATH...`
# wraps most long lines statement by statement and lists the ones left to do by hand.
lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)

eval: $(STAMP)
	@if [ -d $(EVAL)/dev ]; then \
		$(BIN)/python $(EVAL)/score.py run $(EVAL)/dev -- $(BIN)/communique extract --format jsonl; \
	else echo "no $(EVAL)/dev here: nothing to score"; fi

# Story linking: ingest the stories-dev articles into a fresh store, print linked-pair precision, recall, F1.
eval-stories: $(STAMP)
	@if [ -d $(EVAL)/stories-dev ]; then \
		PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python $(EVAL)/score_stories.py run $(EVAL)/stories-dev -- sh -c \
		'communique ingest "$$0" --db "$$1" >/dev/null && communique stories --db "$$1" --format json --since 1900-01-01 --until 2100-01-01 --limit 100000'; \
	else echo "no $(EVAL)/stories-dev here: nothing to score"; fi

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) communique.db communique.db-wal communique.db-shm
