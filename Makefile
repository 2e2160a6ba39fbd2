# Warta: `make run` sets everything up and starts the demo court; `make test` runs the suite.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT   ?= 8000
WARTA_BASE_URL ?= http://127.0.0.1:$(PORT)
# The suite runs in one pytest-xdist worker per core; TEST_WORKERS=0 runs it in this process (for a debugger).
# `--dist load` hands tests out in collection order, so each worker still runs pytest-django's order (database
# tests before transactional ones, whose flush would otherwise wipe what migrations made for the tests after).
TEST_WORKERS ?= auto
export PORT WARTA_BASE_URL

.PHONY: run test test-pg bench install migrate demo messages clean check lint

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) seed_holidays
	$(MANAGE) load_demo_court

# Web server, task worker and scheduler together (honcho); Ctrl-C stops all three.
run: demo
	$(BIN)/honcho --no-prefix -f Procfile.dev start --port $(PORT)

test: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

# The same suite against PostgreSQL (used by .ci/run).
test-pg: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/warta_ci} \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Recompile the translation catalogues after editing locale/*/LC_MESSAGES/*.po.
messages: install
	$(MANAGE) compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var
