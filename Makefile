# Two commands on a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every tool runs as `python -m` (console scripts carry the venv's absolute path in their
# first line, so they would break, or run another venv, once the checkout is moved).
MKDOCS := $(BIN)/python -m mkdocs
export PYTHONDONTWRITEBYTECODE := 1
export NO_MKDOCS_2_WARNING := 1
# Reproducible output: the sitemap and gzip dates follow the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1700000000)

.PHONY: setup serve build html offline pdf check test lint format bench lock clean system-serve system-test linkcheck

NODE_STAMP := node_modules/.installed

# Debian packages the targets need (installed as root, else the exact command is printed).
system-serve:
	@PYTHON=$(PYTHON) .ci/system-packages serve
system-test:
	@PYTHON=$(PYTHON) .ci/system-packages test

setup: $(STAMP)

# The project is installed into the venv (editable, so edits apply at once). The install
# records where the checkout is: a venv that was copied or moved with its checkout is
# re-pointed here before anything runs, so it never runs another checkout's code.
$(STAMP): requirements.txt pyproject.toml | system-serve
	$(BIN)/python -c '' 2>/dev/null || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/lib/python*/site-packages/briefing-project.pth
	echo '$(CURDIR)' > $(VENV)/.checkout
	touch $(STAMP)
ifneq ($(shell cat $(VENV)/.checkout 2>/dev/null),$(CURDIR))
.PHONY: $(STAMP)
endif

serve: system-serve $(STAMP)
	$(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

# The publication: a strict build, with the PDF edition and the offline copy placed in its
# downloads/ (the Data page links to them) and the whole site checked again; site/ is
# replaced only if all of it passes. Slow (a second build, and WeasyPrint prints the PDF).
build: system-test $(STAMP) $(NODE_STAMP)
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
	# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; we use the system's.
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $(NODE_STAMP)

# The offline copy: a zip that works from file:// with no network (see hooks/offline.py).
offline: system-test $(STAMP) $(NODE_STAMP)
	rm -rf .offline-tmp
	OFFLINE=true $(MKDOCS) build --strict --clean --site-dir .offline-tmp
	$(BIN)/python -m macros zip --site .offline-tmp --out dist/three-brothers-briefing-offline.zip
	rm -rf .offline-tmp

# The PDF edition, printed from a strict build by WeasyPrint (see macros/editions/pdf/).
pdf: system-test html
	$(BIN)/python -m macros pdf --site site --out dist/three-brothers-briefing.pdf

check: $(STAMP)
	$(BIN)/python -m macros check

lint: $(STAMP)
	$(BIN)/python -m ruff check macros hooks tests
	$(BIN)/python -m ruff format --check macros hooks tests
	$(BIN)/python -m mypy

format: $(STAMP)
	$(BIN)/python -m ruff format macros hooks tests
	$(BIN)/python -m ruff check --fix macros hooks tests

test: system-test $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m macros check
	$(BIN)/python -m ruff check macros hooks tests
	$(BIN)/python -m ruff format --check macros hooks tests
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -n auto --dist loadgroup

# Is every address a source gives still there? Needs the network (says so when there is none);
# writes dist/linkcheck.json with the date of each result. Not part of `make test`.
linkcheck: $(STAMP)
	$(BIN)/python -m macros.linkcheck --out dist/linkcheck.json

bench: $(STAMP)
	$(BIN)/python -m tests.bench --sizes $(or $(SIZES),100,1000) --repeat $(or $(REPEAT),3)

# Re-pin every dependency from requirements.in (needs the registry).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -r requirements.in
	.lock-venv/bin/python -m pip freeze --all --exclude pip --exclude three-brothers-briefing | sort -f > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf site .site-tmp .offline-tmp dist $(VENV) node_modules .pytest_cache
