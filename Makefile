# SafeDesk — two commands: `make run` (set up + launch) and `make test` (set up + all checks).
# Both work from a clean clone on Debian/Ubuntu; system packages are installed as root or via sudo.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Qt (offscreen and X11/Xvfb), scanner, Chinese fonts, screenshots, PDF checks; postgresql
# for the sync tests (install-system-packages.sh keeps apt from creating a cluster).
APT_PACKAGES := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
	libxkbcommon0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 \
	libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth imagemagick x11-apps \
	libzbar0 poppler-utils fonts-wqy-microhei python3-venv postgresql

.PHONY: run test setup system venv lint translations bench clean

run: setup
	@$(PY) main.py $(ARGS)

test: setup
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

setup: system venv

# Installs only what is missing, so a set-up machine skips apt entirely.
system:
	@bash scripts/install-system-packages.sh $(APT_PACKAGES)

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# Re-extract UI strings into resources/translations/safedesk_zh_CN.ts (keeping every existing
# translation), list the new ones to translate, and compile the .qm file.
translations: venv
	$(PY) scripts/update_translations.py

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

clean:
	rm -rf $(VENV) screenshots .pytest_cache .ruff_cache
