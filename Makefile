# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8501
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run kiosk serve test check lint unit bench chromium nginx clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

## Start the app on http://localhost:$(PORT)
run: $(VENV)/.runtime
	$(PY) -m streamlit run asgi.py --server.port $(PORT)

## Start the app as a shared clinic tablet would run it (kiosk mode; see docs/deploy.md)
kiosk: $(VENV)/.runtime
	BACKKNEE_KIOSK=1 $(PY) -m streamlit run asgi.py --server.port $(PORT)

## Two replicas behind nginx with TLS, as a clinic server runs it: https://localhost:8443
serve: $(VENV)/.runtime nginx
	$(PY) deploy/serve.py

## Everything CI runs: lint, types, the content check, and all four test layers
test: $(VENV)/.dev chromium nginx lint check
	$(PY) -m pytest

## Check every content file (for clinic staff who edit content/)
check: $(VENV)/.runtime
	$(PY) -m backknee check

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

## Benchmarks against a bare Streamlit app (server time, taps in Chromium, first visit, cold start); see docs/performance.md
bench: $(VENV)/.dev chromium nginx
	$(PY) bench/run.py

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

## Debian's nginx and its brotli modules, for the proxy tests and `make serve` (apt, as root)
nginx:
	@if command -v nginx >/dev/null 2>&1 && [ -f /usr/share/nginx/modules/ngx_http_brotli_filter_module.so ] \
	  && [ -f /usr/share/nginx/modules/ngx_http_brotli_static_module.so ]; then \
	  true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's nginx and its brotli modules for the proxy tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static openssl >/dev/null; \
	else \
	  echo "!!! nginx with its brotli modules is missing and this is not root: the proxy tests will fail."; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts .serve
