# The README's two commands (make run, make test) and the helpers behind them.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2
CSO_MAP_ENV ?= development
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

export FLASK_APP := app.py
export CSO_MAP_ENV

.PHONY: run test lint format translations extract-messages demo-data bench clean

## run: install, migrate, write the vocabularies, load the demo if the database is empty, serve
run: $(VENV)/.runtime $(COMPILED)
	$(BIN)/flask db upgrade
	$(BIN)/flask sync-taxonomy
	$(BIN)/flask seed-demo --if-empty
	@echo "CSO Map is serving on http://$(HOST):$(PORT)/"
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) app:app

## test: install the dev requirements, lint, and run the whole suite
test: $(VENV)/.dev $(COMPILED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(VENV)/.runtime
	$(BIN)/pybabel compile --domain messages --directory translations --locale $*

translations: $(COMPILED)

## extract-messages: refresh translations/messages.pot and merge it into each catalog
extract-messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -o translations/messages.pot --no-location --sort-output --project "CSO Map" .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --width 88 --no-fuzzy-matching

## demo-data: regenerate seed_data/organizations.json and indicators.csv (fixed seed; the generator needs the dev requirements: zipcodes, phonenumbers)
demo-data: $(VENV)/.dev
	$(BIN)/python -m cso_map.demo

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: run every benchmark in bench/ (writes bench/results/*.json)
bench: $(VENV)/.dev $(COMPILED)
	for script in bench/[!_]*.py; do PYTHONPATH=. $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(COMPILED)
