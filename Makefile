# Two commands on a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MKDOCS := $(BIN)/mkdocs
export PYTHONDONTWRITEBYTECODE := 1
export NO_MKDOCS_2_WARNING := 1
# Reproducible output: the sitemap and gzip dates follow the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1700000000)

.PHONY: setup serve build html offline pdf check test lint format bench lock clean

NODE_STAMP := node_modules/.installed

setup: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	# Make the project's packages (macros, hooks) importable from the venv.
	$(BIN)/python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'briefing-project.pth').write_text('$(CURDIR)\n')"
	touch $(STAMP)

serve: $(STAMP)
	$(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

# The publication: a strict build, with the PDF edition and the offline copy placed in its
# downloads/ (the Data page links to them) and the whole site checked again; site/ is
# replaced only if all of it passes. Slow (a second build, and WeasyPrint prints the PDF).
build: $(STAMP) $(NODE_STAMP)
	rm -rf .site-tmp .offline-tmp
	$(MKDOCS) build --strict --clean --site-dir .site-tmp
	OFFLINE=true $(MKDOCS) build --strict --clean --site-dir .offline-tmp
	$(BIN)/python -m macros publish --site .site-tmp --offline .offline-tmp
	rm -rf site .offline-tmp && mv .site-tmp site

# The pages alone (strict): faster; the Data page's links to the PDF and the offline copy
# have nothing behind them until `make build`.
html: $(STAMP)
	rm -rf .site-tmp
	$(MKDOCS) build --strict --clean --site-dir .site-tmp
	rm -rf site && mv .site-tmp site

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

# The offline copy: a zip that works from file:// with no network (see hooks/offline.py).
offline: $(STAMP) $(NODE_STAMP)
	rm -rf .offline-tmp
	OFFLINE=true $(MKDOCS) build --strict --clean --site-dir .offline-tmp
	$(BIN)/python -m macros zip --site .offline-tmp --out dist/three-brothers-briefing-offline.zip
	rm -rf .offline-tmp

# The PDF edition, printed from a strict build by WeasyPrint (see macros/editions/pdf/).
pdf: html
	$(BIN)/python -m macros pdf --site site --out dist/three-brothers-briefing.pdf

check: $(STAMP)
	$(BIN)/python -m macros check

lint: $(STAMP)
	$(BIN)/ruff check macros hooks tests
	$(BIN)/ruff format --check macros hooks tests
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format macros hooks tests
	$(BIN)/ruff check --fix macros hooks tests

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m macros check
	$(BIN)/ruff check macros hooks tests
	$(BIN)/ruff format --check macros hooks tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m tests.bench --sizes $(or $(SIZES),100,1000)

# Re-pin every dependency from requirements.in (needs the registry).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	.lock-venv/bin/pip freeze --all --exclude pip --exclude setuptools | sort -f > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf site .site-tmp .offline-tmp dist $(VENV) node_modules .pytest_cache
