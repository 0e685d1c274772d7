# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8501
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check lint unit bench chromium clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

## Start the app on http://localhost:$(PORT)
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT)

## Everything CI runs: lint, types, the content check, and all four test layers
test: $(VENV)/.dev chromium lint check
	$(PY) -m pytest

## Check every content file (for clinic staff who edit content/)
check: $(VENV)/.runtime
	$(PY) -m backknee check

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

## Server time per page interaction against a bare Streamlit app; see docs/performance.md
bench: $(VENV)/.dev
	$(PY) bench/bench_pages.py
	$(PY) bench/bench_browser.py

## Debian's Chromium for the browser tests (installed with apt when missing and run as root)
chromium:
	@if [ -x /usr/bin/chromium ]; then \
	  true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "!!! Chromium is missing and this is not root: the browser tests will be skipped (with CI=true they fail)."; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
