# localdigital: `make run` serves the demo site, `make test` runs the suite. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .make-stamps
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help

.PHONY: help
help: ## List every target
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(STAMPS):
	@mkdir -p $(STAMPS)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml or the pins change, so a second run is quick.
# constraints.txt pins every Python package to the versions the suite last passed with, so a
# release upstream cannot turn a clean checkout red (allauth 65.22 added routes overnight).
$(STAMPS)/python: pyproject.toml constraints.txt | $(PY) $(STAMPS)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' -c constraints.txt
	@touch $@

.PHONY: upgrade-python
upgrade-python: | $(PY) ## Upgrade Python packages to the newest pyproject.toml allows and rewrite constraints.txt; then run make test
	$(PY) -m pip install --quiet --upgrade -e '.[dev]'
	$(PY) -m pip freeze --exclude-editable > constraints.txt
	@touch $(STAMPS)/python
	@echo "constraints.txt rewritten: run make test, then commit it."

$(STAMPS)/npm: package.json $(wildcard package-lock.json) | $(STAMPS)
	@if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
	@touch $@

.PHONY: install
install: $(STAMPS)/python $(STAMPS)/npm ## Create the virtualenv and install Python and npm dependencies

.PHONY: frontend
frontend: $(STAMPS)/npm ## Build the CSS and copy front-end assets into static/
	npm run --silent build

.PHONY: migrate
migrate: $(STAMPS)/python ## Apply database migrations
	$(PY) manage.py migrate --noinput -v0

.PHONY: demo
demo: migrate ## Load demo content (idempotent)
	$(PY) manage.py load_demo

.PHONY: run
run: install frontend demo ## Install, build, load demo content and serve http://127.0.0.1:8000/
	@echo "Admin: http://127.0.0.1:8000/admin/  user: admin  password: localdigital-demo (local development only)"
	$(PY) manage.py runserver 127.0.0.1:8000

.PHONY: test
test: install frontend ## Install, then run the whole test suite (browser tests when Chromium is present)
	@if [ -x /usr/bin/chromium ]; then echo "Browser tests: Chromium found at /usr/bin/chromium, running them."; else echo "Browser tests: SKIPPED (no /usr/bin/chromium; apt-get install chromium to run them)."; fi
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

.PHONY: lint
lint: $(STAMPS)/python ## ruff check, ruff format --check, djhtml --check, the import layers
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	$(VENV)/bin/lint-imports --no-cache

.PHONY: format
format: $(STAMPS)/python ## Format Python and templates in place
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

.PHONY: check
check: $(STAMPS)/python ## Django system checks and the missing-migrations check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

.PHONY: bench-pages
bench-pages: install frontend ## Measure page throughput with gunicorn at 10,000 pages (docs/performance.md)
	$(PY) benchmarks/pages.py

.PHONY: bench-soak
bench-soak: install frontend ## Ten minutes of mixed traffic and publishing against gunicorn (docs/performance.md)
	$(PY) benchmarks/soak.py

.PHONY: bench-search
bench-search: install ## Measure search latency against the raw engine (docs/performance.md)
	$(PY) benchmarks/search.py

.PHONY: clean
clean: ## Remove the virtualenv, node_modules, built assets and the local database
	rm -rf $(VENV) node_modules $(STAMPS) localdigital/static/css localdigital/static/vendor static var db.sqlite3*
