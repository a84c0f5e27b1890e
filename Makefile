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

.PHONY: run test lint format translations extract-messages demo-data bench lighthouse clean

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
	$(BIN)/pybabel extract -F babel.cfg -k _l -k count_text:1,2 -o translations/messages.pot --no-location --sort-output --project "CSO Map" .
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

## lighthouse: Lighthouse 12.8.2 (npm; 13 needs Node 22) in mobile mode on pages of a running `make run`; reports in instance/lighthouse/; not part of CI
LIGHTHOUSE_URL ?= http://$(HOST):$(PORT)
LIGHTHOUSE_PAGES ?= /es/ /es/find?need=legal_advice&place=Fresno /es/organizations /es/gaps?service=legal_advice /es/partners
lighthouse:
	mkdir -p instance/lighthouse
	for path in $(foreach page,$(LIGHTHOUSE_PAGES),'$(page)'); do \
	  name=$$(echo "$$path" | tr -c 'a-zA-Z0-9\n' '_'); \
	  CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12.8.2 "$(LIGHTHOUSE_URL)$$path" \
	    --quiet --chrome-flags="--headless=new --no-sandbox" --form-factor=mobile \
	    --only-categories=performance,accessibility,best-practices,seo \
	    --output=json --output=html --output-path="instance/lighthouse/$$name" || exit 1; \
	  $(BIN)/python -c 'import json,sys; r=json.load(open(sys.argv[1])); print(sys.argv[2], *(k + " " + str(round((v["score"] or 0) * 100)) for k, v in r["categories"].items()))' \
	    "instance/lighthouse/$$name.report.json" "$$path"; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(COMPILED)
