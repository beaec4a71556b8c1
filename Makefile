# One command to run the app, one to test it; each sets up a local venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint i18n build bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,build]'
	touch $(STAMP)

i18n/.built: $(STAMP) $(wildcard i18n/*.ts)
	$(PY) -m desktop.tools.i18n release
	touch i18n/.built

run: $(STAMP) i18n/.built
	$(PY) -m desktop

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy desktop/domain desktop/portal desktop/engine

test: $(STAMP) i18n/.built lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Update the translation sources from the code, then build the .qm files.
i18n: $(STAMP)
	$(PY) -m desktop.tools.i18n update
	$(PY) -m desktop.tools.i18n release

bench: $(STAMP) i18n/.built
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks

clean:
	rm -rf $(VENV) build/dist build/work i18n/*.qm i18n/.built
