# SupportNet: `make run` opens the app, `make test` runs the whole suite headless.
# Both create .venv on first use and reinstall when pyproject.toml changes.

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PIP_FLAGS := --quiet --disable-pip-version-check

.PHONY: run test lint format screenshots benchmarks clean translations

run: $(VENV)/.installed-app
	$(PY) -m tools.desktop_libs
	$(PY) -m tools.desktop_offer $(VENV)/.desktop-entry-offered
	$(PY) -m supportnet $(ARGS)

test: $(VENV)/.installed-test
	$(PY) -m ruff check supportnet tests benchmarks tools
	$(PY) -m ruff format --check supportnet tests benchmarks tools
	$(PY) -m mypy
	sh tests/run_tests.sh $(PY) $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(PY) -m ruff check supportnet tests benchmarks tools
	$(PY) -m ruff format --check supportnet tests benchmarks tools
	$(PY) -m mypy

format: $(VENV)/.installed-test
	$(PY) -m ruff format supportnet tests benchmarks tools
	$(PY) -m ruff check --fix supportnet tests benchmarks tools

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "SupportNet needs Python 3.11 or newer; none was found on PATH." >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) -e '.[test]'
	@touch $@ $(VENV)/.installed-app

# Needs an emoji font (Debian: fonts-noto-color-emoji, as .ci/run installs), or a name
# with an emoji shows a blank box where users see the emoji.
screenshots: $(VENV)/.installed-test
	@fc-list | grep -qi emoji || echo "screenshots: no emoji font (apt-get install fonts-noto-color-emoji); emoji will show as boxes" >&2
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots screenshots

benchmarks: $(VENV)/.installed-test
	$(PY) -m benchmarks.store_open
	$(PY) -m benchmarks.search
	$(PY) -m benchmarks.startup
	$(PY) -m benchmarks.export
	$(PY) -m benchmarks.map_layout
	$(PY) -m benchmarks.backup
	$(PY) -m benchmarks.crash_safety
	$(PY) -m benchmarks.hard_day
	$(PY) -m benchmarks.import_contacts

# After adding or changing words: extract them into the catalogs, fill in the German in
# supportnet/i18n/locale/de/LC_MESSAGES/supportnet.po, then run it again to compile.
translations: $(VENV)/.installed-test
	$(PY) -m tools.translations extract
	$(PY) -m tools.translations compile

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis screenshots
