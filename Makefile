# Two commands matter: `make run` (set up and serve on SQLite) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test lint format messages clean chromium nginx pdf bench

run: $(VENV)/.installed-run
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_sources
	$(PY) manage.py ensure_staff_account
	@echo "Serving the portal at http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test chromium nginx pdf
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the interface catalogues after changing templates or gettext strings.
messages: $(VENV)/.installed-run
	$(PY) manage.py makemessages $$($(PY) manage.py shell -v0 -c "from django.conf import settings; \
	  from django.utils.translation import to_locale; \
	  print(' '.join('-l ' + to_locale(c) for c, _ in settings.LANGUAGES if c != settings.LANGUAGE_CODE))") \
	  --no-location --ignore=.venv --ignore=staticfiles --ignore=bench --ignore=tests

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here), with
# Noto fonts so Arabic and Chinese pages render as residents see them.
chromium:
	@{ command -v chromium >/dev/null 2>&1 && fc-list | grep -q NotoSansCJK && fc-list | grep -q NotoNaskhArabic; } || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-cjk >/dev/null; } || \
	  { echo "Chromium or its fonts are missing and could not be installed: browser tests will skip (and fail in CI)."; \
	    [ -z "$$CI" ]; }

# The report as PDF: WeasyPrint's Debian libraries (Pango, HarfBuzz) and poppler-utils
# (pdftotext) for the tests that read the PDF.
pdf:
	@{ command -v pdftotext >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2-1.0; } || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
	      libharfbuzz-subset0 poppler-utils fonts-noto-core fonts-noto-cjk >/dev/null; } || \
	  { echo "WeasyPrint libraries or pdftotext are missing: PDF tests will skip (and fail in CI)."; \
	    [ -z "$$CI" ]; }

# The proxy test (tests/deploy/) runs Debian's nginx in front of two app instances.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { [ "$$(id -u)" = 0 ] && \
	  command -v apt-get >/dev/null && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } || \
	  { echo "nginx is missing and could not be installed: the proxy test will skip (and fail in CI)."; \
	    [ -z "$$CI" ]; }

# Load benchmark: gunicorn on PostgreSQL driven by wrk (see bench/run.py and the README).
bench: $(VENV)/.installed-run
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install whenever pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run
