# Procure+i portal. `make run` sets up and serves on SQLite; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
, := ,
HOST ?= 127.0.0.1:8000

.PHONY: lock image stack stack-test run serve worker setup test backup restore loadtest bench peer relevance browser-tools screenshots lint messages templates clean

# Exactly the locked versions, each checked against its hash; `make lock` refreshes the lock.
$(VENV)/.installed: pyproject.toml requirements/test.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/test.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@$(PY) -m pip check || (echo "pyproject.toml asks for more than requirements/: run make lock" && exit 1)
	touch $@

# After changing dependencies in pyproject.toml: re-resolve requirements/*.txt (hashes, Python
# 3.11, the image's too), then `make .venv/.installed`. UPGRADE=1 also takes newer releases.
lock:
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	test -x $(VENV)/bin/uv || $(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --generate-hashes --python-version 3.11 \
		$(if $(UPGRADE),--upgrade) --output-file requirements/main.txt
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --extra test --generate-hashes \
		--python-version 3.11 $(if $(UPGRADE),--upgrade) --output-file requirements/test.txt

# The container image (Containerfile). BASE_IMAGE: a Debian bookworm image; CA_BUNDLE: extra CA
# certificates for pip behind a TLS-inspecting proxy (a build secret, not kept in the image).
CONTAINER ?= podman
IMAGE ?= localhost/procureplus:latest
BASE_IMAGE ?= docker.io/library/debian:bookworm-slim
CA_BUNDLE ?=
image:
	$(CONTAINER) build --file Containerfile --tag $(IMAGE) --build-arg BASE_IMAGE=$(BASE_IMAGE) \
		--build-arg APP_VERSION=$(shell git rev-parse --short=12 HEAD 2>/dev/null) \
		$(if $(CA_BUNDLE),--secret id=ca_bundle$(,)src=$(CA_BUNDLE)) $(CONTAINER_BUILD_ARGS) .
	$(CONTAINER) build --file deploy/containers/services.Containerfile \
		--tag localhost/procureplus-services:latest --build-arg BASE_IMAGE=$(BASE_IMAGE) deploy

# The compose stack (compose.yaml, settings in .env: copy .env.example first).
COMPOSE ?= podman-compose
stack: image
	test -f .env || (echo "Copy .env.example to .env and fill it in first." && exit 2)
	$(COMPOSE) -f compose.yaml $(COMPOSE_FILES) up -d

# Builds the images, starts the stack on this machine and checks it end to end (slow: not in CI).
stack-test: $(VENV)/.installed
	deploy/stack-test.sh

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_portal_content
	$(PY) manage.py update_search_entries
	$(PY) manage.py ensure_admin
	$(PY) manage.py collectstatic --noinput --verbosity 0

# The task worker (mail, text of large PDFs) runs beside the server; Ctrl-C stops both.
WITH_WORKER = $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM;

run: setup
	$(WITH_WORKER) $(PY) manage.py runserver $(HOST)

# The task queue alone (production runs it as its own service; see docs/tasks.md).
worker: $(VENV)/.installed
	$(PY) manage.py db_worker --no-reload

# The production settings and gunicorn (gunicorn.conf.py), locally over plain HTTP. Secure
# cookies mean the admin cannot be signed into here: use `make run` to edit.
serve: setup
	export DJANGO_SETTINGS_MODULE=procureplus.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" \
	BIND="$(HOST)"; \
	$(WITH_WORKER) $(VENV)/bin/gunicorn --config gunicorn.conf.py

# SQLite unless DATABASE_URL names another database (CI runs both).
test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

# The database (SQLite or PostgreSQL, by DATABASE_URL) and the uploaded files, in backups/.
backup: $(VENV)/.installed
	$(PY) manage.py backup_portal --output backups

# make restore BACKUP=backups/procureplus-<time>.tar.gz (replaces the database and media).
restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || (echo "Usage: make restore BACKUP=backups/<file>.tar.gz" && exit 2)
	$(PY) manage.py restore_portal --yes $(BACKUP)

# 30 s at 20 connections on loopback against gunicorn with the production settings (needs wrk).
loadtest: $(VENV)/.installed
	$(PY) -m tools.loadtest

# The portal at 100,000 documents under gunicorn, on PostgreSQL with Redis and on SQLite in one
# run: pages with every cache off, with the page cache off and cached, p99, search p95, a static
# file, and wagtail/bakerydemo beside the portal by turns (needs wrk, PostgreSQL, Redis, and
# Python 3.12 for the peer); writes docs/benchmark-report.md. BENCH_* variables shrink it
# (docs/benchmarks.md).
bench: $(VENV)/.installed
	$(PY) -m tools.bench

# The peer alone: bakerydemo's source, virtualenv, demo content in .peer/ (make bench runs it too;
# PEER_GIT_DIR: a local git directory holding its commit, else it is cloned from GitHub).
peer: $(VENV)/.installed
	$(PY) -m tools.peer prepare

# The search's relevance suite (search/relevance/queries.toml): recall@3 and MRR per language, on
# a fresh SQLite database and, when DATABASE_URL names one, a PostgreSQL sibling of it.
relevance: $(VENV)/.installed
	$(PY) -m tools.relevance

# The browser suite's tools: axe-core and vnu.jar from npm; Chromium comes from Debian (apt).
browser-tools:
	npm ci --no-audit --no-fund
	@test -x /usr/bin/chromium || echo "Install Chromium too: apt-get install chromium"

# Full-page pictures of every page type, PT and EN, at 1280 and 320 px, into screenshots/.
screenshots: $(VENV)/.installed browser-tools
	BROWSER_SCREENSHOTS=screenshots $(PY) -m pytest tests/browser/test_accessibility.py $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Refresh the Portuguese UI strings after changing templates or code, then fill in locale/pt.
# locale_admin/ (Wagtail's and Django's admin strings) is compiled, never rewritten; the last
# line counts the admin strings still in English (docs/admin-translations.md).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale pt --no-location --ignore "$(VENV)/*" --ignore "staticfiles/*"
	$(PY) manage.py compilemessages --locale pt --ignore "$(VENV)/*"
	$(PY) manage.py untranslated_admin_strings --count

# The library's editable templates: fixtures/templates/<name>.<pt|en>.md -> fixtures/files/
# template-<name>-<pt|en>.docx and .odt (docs/editors-guide.md#editable-templates).
templates: $(VENV)/.installed
	$(PY) manage.py build_templates

clean:
	rm -rf $(VENV) staticfiles
