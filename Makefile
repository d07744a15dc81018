# The project's verbs. `make run` and `make test` are the README's contract.
VENV := .venv
MANAGE := $(VENV)/bin/python manage.py
RUN_HOST ?= 127.0.0.1
RUN_PORT ?= 8000

.PHONY: run test test-deps worker services services-stop services-status lint format bench load sweep install \
	check-suite pytest migrations-check messages messages-check

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock scripts/bootstrap.sh $(wildcard locale/*/LC_MESSAGES/*.po)
	scripts/bootstrap.sh
	touch $@

# SITE_BASE_URL, when not set, follows RUN_HOST and RUN_PORT (settings/base.py),
# so `make run RUN_PORT=8765` links to port 8765.
RUN_ENV := RUN_HOST=$(RUN_HOST) RUN_PORT=$(RUN_PORT)

## run: migrate, set up the site, load demo content, build the search index and serve it on 127.0.0.1:8000 (uses `make services` if started)
run: install
	$(RUN_ENV) $(MANAGE) migrate --noinput
	$(RUN_ENV) $(MANAGE) bootstrap_site
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) search_index ensure
	$(RUN_ENV) $(MANAGE) runserver $(RUN_HOST):$(RUN_PORT)

## test: lint, then start PostgreSQL, Elasticsearch and the S3 server, run every check and test, stop them
test: install test-deps lint
	scripts/with-services.sh $(MAKE) --no-print-directory check-suite

## test-deps: fonts and Node.js the tests need (Debian packages, when missing)
test-deps:
	scripts/test-deps.sh

check-suite: migrations-check messages-check pytest

migrations-check:
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Two processes (pytest-xdist): the suite waits on its services as much as it
# computes, ~36 min serially on two cores. Each worker has its own test database;
# --dist loadfile keeps a file's tests in one process, with its module fixtures
# (tests/access/test_parity.py builds its world once). PYTEST_WORKERS=0: serial.
PYTEST_WORKERS ?= 2

pytest:
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## worker: run background tasks and scheduled releases (with TASKS_BACKEND=database)
worker: install
	$(MANAGE) worker

## services: start the local PostgreSQL, Elasticsearch and S3 server; writes .env.services
services:
	scripts/services.sh start

services-stop:
	scripts/services.sh stop

services-status:
	scripts/services.sh status

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports  # .importlinter: which app may import which (README)

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

MESSAGES_IGNORE := --ignore=.venv --ignore=.tools --ignore=.services --ignore=tests --ignore=bench

## messages: refresh the translation catalogues after changing UI strings
messages: install
	$(MANAGE) makemessages --all --no-location $(MESSAGES_IGNORE)
	$(MANAGE) compilemessages $(MESSAGES_IGNORE)
	$(MANAGE) catalogues --readme README.md

# Refreshes every catalogue from the source, then checks each against its
# required share (resource_hub/core/catalogues.py): placeholders, plurals, no
# fuzzy entries. tests/test_translations.py checks the same and the README table.
messages-check:
	$(MANAGE) makemessages --all --no-location $(MESSAGES_IGNORE) -v0
	$(MANAGE) catalogues --check

# locust (bench/load.py) lives in its own dependency group: it brings gevent and Flask.
LOAD_GROUP := UV_PROJECT_ENVIRONMENT=$(CURDIR)/$(VENV) .tools/bin/uv sync --frozen --quiet --group load

## bench: run the benchmarks against the real services (figures, not pass/fail)
bench: install
	$(LOAD_GROUP)
	scripts/with-services.sh sh -c 'for b in bench/[!_]*.py; do $(VENV)/bin/python "$$b" || exit 1; done'

## load: 50 users at once (visitors, teachers uploading 20 MiB, editors) against gunicorn (bench/load.py)
load: install
	$(LOAD_GROUP)
	scripts/with-services.sh $(VENV)/bin/python bench/load.py $(LOAD_ARGS)

## sweep: every URL route, public and admin, with every hostile value on its own (the CI test's wide form; long)
sweep: install test-deps
	scripts/with-services.sh env RH_SWEEP=full $(VENV)/bin/pytest -p no:cacheprovider -s tests/fuzz/test_every_route.py
