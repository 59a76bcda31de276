"""Shared fixtures: tiny reference models built offline, the MiniLM folder, and the shared data folder."""
import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).parent))
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory):
    """A tiny random BERT folder (config.json, model.safetensors, tokenizer.json)."""
    from reference_models import make_bert_dir
    return Path(make_bert_dir(str(tmp_path_factory.mktemp("bert") / "bert")))


@pytest.fixture(scope="session")
def reference_span(tmp_path_factory):
    """(gliner reference model, its saved folder) with scores spread over 0..0.6."""
    from reference_models import make_reference_span_model, save_reference, spread_scores
    tmp = tmp_path_factory.mktemp("ref_span")
    ref = spread_scores(make_reference_span_model(str(tmp), seed=0))
    folder = save_reference(ref, str(tmp / "saved"))
    return ref, Path(folder)


@pytest.fixture(scope="session")
def tiny_model(reference_span):
    """A minigliner model loaded from the tiny reference folder (eval mode)."""
    from minigliner import GLiNER
    return GLiNER.from_pretrained(reference_span[1])


@pytest.fixture(scope="session")
def minilm():
    from minigliner.folders.hub import minilm_folder
    return minilm_folder()


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(0)
