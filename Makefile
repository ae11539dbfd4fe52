# Two commands do all set-up on a fresh machine (see README):
#   make example   install into .venv and summarize the bundled example cluster
#   make test      install into .venv (with every extra) and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,server,ray,postgres,nlp]'
	touch $(STAMP)

.PHONY: install example test lint
install: $(STAMP)

example: $(STAMP)
	$(BIN)/newsfuse summarize examples/cyclone-landfall --format markdown

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
