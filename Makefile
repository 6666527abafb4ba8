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


.PHONY: readme course test test-fast test-browser browser-deps nb-refresh bench bench-browser bench-workshop workshop voila site clean

$(VENV)/.stamp-course: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.txt -e .
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-course requirements-test.txt
	$(BIN)/python -m pip install -q -r requirements-test.txt
	touch $@

## course: install (first time) and open JupyterLab on the start notebook
course: $(VENV)/.stamp-course
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(LAB_FLAGS)

## test: install (first time) and run every test: unit, property, notebooks (nbval), browser
test: $(VENV)/.stamp-test browser-deps
	$(BIN)/python scripts/nbtool.py check
	$(BIN)/python -m pytest tests notebooks --nbval-lax $(PYTEST_FLAGS)

## test-fast: everything but the browser tests
test-fast: $(VENV)/.stamp-test
	$(BIN)/python scripts/nbtool.py check
	$(BIN)/python -m pytest tests notebooks --nbval-lax -m "not browser" $(PYTEST_FLAGS)

## test-browser: only the browser tests (JupyterLab and Voila in Chromium, every notebook)
test-browser: $(VENV)/.stamp-test browser-deps
	$(BIN)/python -m pytest tests/browser -m browser $(PYTEST_FLAGS)

browser-deps:
	bash scripts/ensure_chromium.sh

## workshop: serve every lesson as a Voila app (no code cells) with a course-map index page
workshop: $(VENV)/.stamp-course
	$(BIN)/python scripts/serve_workshop.py --port=$(WORKSHOP_PORT) $(if $(NO_BROWSER),--no-browser,)

voila: workshop

## site: execute every notebook and build the static HTML course in _site/ (fails on a figure without alt text)
site: _site/index.html

_site/index.html: $(VENV)/.stamp-course scripts/build_site.py $(wildcard notebooks/*.ipynb) $(shell find qedn_lessons -name '*.py' 2>/dev/null)
	$(BIN)/python scripts/build_site.py --out _site

## nb-refresh: re-execute notebooks and keep only the checked text outputs (NB=path for one)
nb-refresh: $(VENV)/.stamp-test
	$(BIN)/python scripts/nbtool.py refresh $(NB)

## readme: rewrite the course map in README.md from the notebooks' metadata
readme: $(VENV)/.stamp-course
	$(BIN)/python scripts/update_readme.py

## bench: print the latency and speed benchmarks as JSON
bench: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/widget_latency.py

## bench-browser: end-to-end slider-to-figure latency in Chromium, JupyterLab and Voila (JSON)
bench-browser: $(VENV)/.stamp-test browser-deps
	$(BIN)/python benchmarks/browser_latency.py

## bench-workshop: time to open each lesson in `make workshop`, without and with preheated kernels (JSON)
bench-workshop: $(VENV)/.stamp-test browser-deps
	$(BIN)/python benchmarks/workshop_open.py

clean:
	rm -rf $(VENV) _site test-artifacts .pytest_cache
