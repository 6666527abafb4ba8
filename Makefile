# QEDN Lessons: the two commands are `make course` and `make test` (see README).
# Both create .venv with the machine's python3 (≥ 3.11) and install what they need; a re-run with
# nothing changed installs nothing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
WORKSHOP_PORT ?= 8866
# NO_BROWSER=1 make course: start JupyterLab without opening a web browser (servers, remote machines).
LAB_FLAGS := $(if $(NO_BROWSER),--no-browser,) --port=$(PORT)
# JupyterLab refuses to run as root unless told; containers and CI machines often are root.
LAB_FLAGS += $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)
PYTEST_FLAGS ?=
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export MPLBACKEND := Agg
# One BLAS thread per process: the course's matrices are small (≤ 400 sites), and several kernels,
# a JupyterLab server and a browser share two cores; threaded BLAS spinning on a busy machine made a
# 200-site transport solve ten times slower (2.6 s vs 0.25 s measured). Override on the command line.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1


.PHONY: readme course test test-fast test-browser browser-deps lint nb-refresh bench bench-browser bench-class bench-workshop workshop voila site gallery clean
.PHONY: hub hub-deps assignments test-classroom

# binder/overrides.json: the course's JupyterLab settings (no news prompt, Markdown opens rendered),
# installed where JupyterLab reads them; binder/postBuild does the same on Binder.
$(VENV)/.stamp-course: requirements.txt pyproject.toml binder/overrides.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.txt -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings && cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-course requirements-test.txt
	$(BIN)/python -m pip install -q -r requirements-test.txt
	touch $@

## course: install (first time) and open JupyterLab on the start notebook
course: $(VENV)/.stamp-course
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(LAB_FLAGS)

## test: install (first time) and run every test: lint, unit, property, notebooks (nbval), browser, classroom
test: $(VENV)/.stamp-test browser-deps hub-deps lint
	$(BIN)/python scripts/nbtool.py check
	$(BIN)/python -m pytest tests notebooks --nbval-lax -m "not classroom" $(PYTEST_FLAGS)
	$(BIN)/python -m pytest tests/classroom -m classroom $(PYTEST_FLAGS)
	$(BIN)/python scripts/gallery.py

## test-fast: everything but the browser tests
test-fast: $(VENV)/.stamp-test lint
	$(BIN)/python scripts/nbtool.py check
	$(BIN)/python -m pytest tests notebooks --nbval-lax -m "not browser and not classroom" $(PYTEST_FLAGS)
	$(BIN)/python scripts/gallery.py

## test-browser: only the browser tests (JupyterLab and Voila in Chromium, every notebook)
test-browser: $(VENV)/.stamp-test browser-deps
	$(BIN)/python -m pytest tests/browser -m browser $(PYTEST_FLAGS)

browser-deps:
	bash scripts/ensure_chromium.sh

## lint: ruff (lint rules and format check, configured in pyproject.toml) and mypy on the shared core
lint: $(VENV)/.stamp-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## workshop: serve every lesson as a Voila app (no code cells) with a course-map index page
workshop: $(VENV)/.stamp-course
	$(BIN)/python scripts/serve_workshop.py --port=$(WORKSHOP_PORT) $(if $(NO_BROWSER),--no-browser,)

voila: workshop

## site: execute every notebook and build the static HTML course in _site/ (fails on a figure without alt text)
site: _site/index.html

_site/index.html: $(VENV)/.stamp-course scripts/build_site.py scripts/instructor_guide_site.py $(wildcard docs/instructors/*.md) $(wildcard notebooks/*.ipynb) $(shell find qedn_lessons -name '*.py' 2>/dev/null)
	$(BIN)/python scripts/build_site.py --out _site

## nb-refresh: re-execute notebooks (fails if a cell raises), then strip every output (NB=path for one)
nb-refresh: $(VENV)/.stamp-test
	$(BIN)/python scripts/nbtool.py refresh $(NB)

## gallery: every explorer (defaults and presets) and every static figure of every lesson, with captions
## and figure-check findings, in test-artifacts/gallery/index.html. `make test` builds it from the figures
## the notebooks showed under test; run alone (no saved figures) it executes the notebooks itself.
gallery: $(VENV)/.stamp-test
	$(BIN)/python scripts/gallery.py

## readme: rewrite the course map in README.md from the notebooks' metadata
readme: $(VENV)/.stamp-course
	$(BIN)/python scripts/update_readme.py

## bench: print the latency and speed benchmarks as JSON (move vs full redraw, per explorer)
bench: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/widget_latency.py

## bench-class: N = 5, 10, 20 student kernels moving sliders, after and before (QEDN_FULL_REDRAW=1)
bench-class: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/class_load.py $(CLASS_FLAGS)
	$(BIN)/python benchmarks/class_load.py --full-redraw $(CLASS_FLAGS)

## bench-browser: end-to-end slider-to-figure latency in Chromium, JupyterLab and Voila (JSON)
bench-browser: $(VENV)/.stamp-test browser-deps
	$(BIN)/python benchmarks/browser_latency.py --fixture

# --- the classroom: JupyterHub + nbgitpuller, nbgrader (docs/instructors/running_a_class.md) ---------
# Its own environment (.hub/venv: requirements.txt + requirements-hub.txt + the course, editable), so
# .venv and requirements-lock.txt stay as tested; configurable-http-proxy from npm into .hub/node_modules.
HUB_DIR  := .hub
HUB_BIN  := $(HUB_DIR)/venv/bin
HUB_PORT ?= 8000
CHP_VERSION ?= 5.3.0

$(HUB_DIR)/venv/.stamp: requirements.txt requirements-hub.txt pyproject.toml
	test -x $(HUB_BIN)/python || $(PYTHON) -m venv $(HUB_DIR)/venv
	$(HUB_BIN)/python -m pip install -q -r requirements.txt -r requirements-hub.txt -e .
	touch $@

$(HUB_DIR)/node_modules/.bin/configurable-http-proxy:
	mkdir -p $(HUB_DIR)
	npm install --prefix $(HUB_DIR) --no-save --no-audit --no-fund --loglevel=error configurable-http-proxy@$(CHP_VERSION)

## hub-deps: install the classroom tools (jupyterhub, nbgitpuller, nbgrader; the proxy from npm) into .hub/
hub-deps: $(HUB_DIR)/venv/.stamp $(HUB_DIR)/node_modules/.bin/configurable-http-proxy

## hub: a local JupyterHub for a demo class; prints the nbgitpuller link (HUB_PORT=…, HUB_PASSWORD=…)
hub: hub-deps
	$(HUB_BIN)/python scripts/run_hub.py --port=$(HUB_PORT)

## assignments: build the nbgrader course directory _assignments/ from the exercise registry
assignments: $(HUB_DIR)/venv/.stamp
	$(HUB_BIN)/python scripts/build_assignments.py --out _assignments

## test-classroom: hub + 5 students in Chromium + nbgitpuller merge, nbgrader round trip, Binder
test-classroom: $(VENV)/.stamp-test browser-deps hub-deps
	$(BIN)/python -m pytest tests/classroom -m classroom -s $(PYTEST_FLAGS)
## bench-workshop: time to open each lesson in `make workshop`, without and with preheated kernels (JSON)
bench-workshop: $(VENV)/.stamp-test browser-deps
	$(BIN)/python benchmarks/workshop_open.py

clean:
	rm -rf $(VENV) _site test-artifacts .pytest_cache $(HUB_DIR) _assignments
