# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench demo migrate clean worker evaluate-key-dates

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py ingest demo/

run: demo
	@echo "Timeline running at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: lint
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

# Runs the background ingests (large `ingest` runs and admin uploads) queued in the database.
worker: migrate
	$(PY) manage.py db_worker

bench: migrate
	@for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

# Date-F1 of the key dates (and two plain baselines) on each collection of tests/data/key_dates, each
# ingested whole into a fresh SQLite database (news_dev_mix reads its reports from ../shared).
KD_TMP ?= /tmp/timeline-key-dates
evaluate-key-dates:
	@mkdir -p $(KD_TMP)
	@for c in tests/data/key_dates/*/; do n=$$(basename $$c); db=$(KD_TMP)/$$n.sqlite3; rm -f $$db; \
	  if [ -d $$c/articles ]; then files=$$c/articles; \
	  else files=$$(sed 's#^#../shared/data/news_dev/articles/#' $$c/articles.txt); fi; \
	  DATABASE_URL=sqlite:///$$db $(PY) manage.py migrate -v0 && \
	  DATABASE_URL=sqlite:///$$db $(PY) manage.py ingest --foreground $$files >/dev/null && \
	  DATABASE_URL=sqlite:///$$db $(PY) manage.py evaluate_key_dates $$c/timeline.json || exit 1; done

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles artifacts
