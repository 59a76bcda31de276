"""The from-scratch BERT encoder: equality with transformers, loading any BERT folder, refusing what it cannot run."""
import json
import pathlib
import shutil

import pytest
import torch
from conftest import SHARED_DATA
from safetensors.torch import load_file, save_file

from minigliner.encoders.bert import Encoder, EncoderConfig
from minigliner.encoders.tokenizers import load_tokenizer
from minigliner.folders.weights import read_state_dict

CONLL_TEST = SHARED_DATA / "train" / "conll2003" / "test.txt"
TINY = dict(vocab_size=60, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
            intermediate_size=64, max_position_embeddings=64)


def first_sentences(path, n):
    """The first n sentences of a BIO file, words joined by spaces."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            words.append(line.split("\t")[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
            if len(sentences) == n:
                break
    return sentences


def tokenize(tok, texts):
    """Padded (B, L) ids and 0/1 mask."""
    encs = [tok.encode(t).ids for t in texts]
    L = max(map(len, encs))
    ids = torch.zeros(len(encs), L, dtype=torch.long)
    mask = torch.zeros(len(encs), L, dtype=torch.long)
    for i, e in enumerate(encs):
        ids[i, :len(e)] = torch.tensor(e)
        mask[i, :len(e)] = 1
    return ids, mask


def copy_folder(src, dst):
    shutil.copytree(src, dst)
    return pathlib.Path(dst)


# ---- equality with transformers ------------------------------------------------------------

def test_minilm_equals_transformers_on_real_sentences(minilm):
    from transformers import BertModel
    texts = first_sentences(CONLL_TEST, 20)
    assert len(texts) == 20 and len(set(map(len, texts))) > 5      # real, varied lengths -> real padding
    ids, mask = tokenize(load_tokenizer(minilm), texts)
    assert (mask == 0).any()
    ours = Encoder.from_folder(minilm).eval()
    theirs = BertModel.from_pretrained(minilm).eval()
    with torch.no_grad():
        a = ours(ids, mask)
        b = theirs(input_ids=ids, attention_mask=mask).last_hidden_state
    real = mask.bool()
    assert a.shape == b.shape
    torch.testing.assert_close(a[real], b[real], atol=1e-4, rtol=0)


def test_bert_for_masked_lm_folder_loads(tmp_path):
    """A BertForMaskedLM checkpoint ("bert." prefix, "cls." heads) loads; its body equals BertModel."""
    from transformers import BertConfig, BertForMaskedLM, BertModel
    torch.manual_seed(1)
    BertForMaskedLM(BertConfig(**TINY)).save_pretrained(tmp_path, safe_serialization=True)
    keys = set(load_file(tmp_path / "model.safetensors"))
    assert any(k.startswith("bert.") for k in keys) and any(k.startswith("cls.") for k in keys)
    ours = Encoder.from_folder(tmp_path).eval()
    theirs = BertModel.from_pretrained(tmp_path).eval()
    ids = torch.randint(5, TINY["vocab_size"], (3, 11))
    mask = torch.ones_like(ids)
    mask[1, 7:] = 0
    mask[2, 3:] = 0
    with torch.no_grad():
        a, b = ours(ids, mask), theirs(input_ids=ids, attention_mask=mask).last_hidden_state
    torch.testing.assert_close(a[mask.bool()], b[mask.bool()], atol=1e-5, rtol=0)


def test_roberta_folder_is_computed_correctly_or_refused(tmp_path):
    """EncoderConfig accepts model_type 'roberta'; then the output must be RoBERTa's (positions start
    after padding_idx), otherwise the folder must be refused."""
    from transformers import RobertaConfig, RobertaModel
    torch.manual_seed(2)
    RobertaModel(RobertaConfig(**TINY, pad_token_id=1)).save_pretrained(tmp_path, safe_serialization=True)
    try:
        ours = Encoder.from_folder(tmp_path).eval()
    except ValueError:
        return  # refused: fine
    theirs = RobertaModel.from_pretrained(tmp_path).eval()
    ids = torch.tensor([[0, 7, 8, 9, 10, 2]])
    mask = torch.ones_like(ids)
    with torch.no_grad():
        a, b = ours(ids, mask), theirs(input_ids=ids, attention_mask=mask).last_hidden_state
    torch.testing.assert_close(a, b, atol=1e-5, rtol=0)


# ---- loading errors --------------------------------------------------------------------------

def test_missing_key_is_named(tiny_bert, tmp_path):
    folder = copy_folder(tiny_bert, tmp_path / "bert")
    state = load_file(folder / "model.safetensors")
    del state["encoder.layer.1.attention.self.query.weight"]
    save_file(state, folder / "model.safetensors")
    with pytest.raises(ValueError, match=r"missing keys.*blocks\.1\.attn\.q\.weight") as err:
        Encoder.from_folder(folder)
    assert str(folder) in str(err.value)


def test_unexpected_key_is_named(tiny_bert, tmp_path):
    folder = copy_folder(tiny_bert, tmp_path / "bert")
    state = load_file(folder / "model.safetensors")
    state["adapter.down.weight"] = torch.zeros(3, 3)
    save_file(state, folder / "model.safetensors")
    with pytest.raises(ValueError, match=r"unexpected keys.*adapter\.down\.weight"):
        Encoder.from_folder(folder)


def test_misshaped_key_is_named_with_both_shapes(tiny_bert, tmp_path):
    folder = copy_folder(tiny_bert, tmp_path / "bert")
    state = load_file(folder / "model.safetensors")
    state["encoder.layer.0.intermediate.dense.weight"] = torch.zeros(63, 32)
    save_file(state, folder / "model.safetensors")
    with pytest.raises(ValueError, match=r"shape mismatch.*blocks\.0\.up\.weight: file \(63, 32\) vs model \(64, 32\)"):
        Encoder.from_folder(folder)


def test_all_three_problems_are_reported_together(tiny_bert, tmp_path):
    folder = copy_folder(tiny_bert, tmp_path / "bert")
    state = load_file(folder / "model.safetensors")
    del state["embeddings.LayerNorm.bias"]
    state["surprise"] = torch.zeros(1)
    state["encoder.layer.0.output.dense.bias"] = torch.zeros(5)
    save_file(state, folder / "model.safetensors")
    with pytest.raises(ValueError) as err:
        Encoder.from_folder(folder)
    msg = str(err.value)
    assert "embeddings.norm.bias" in msg and "surprise" in msg and "blocks.0.down.bias" in msg


def test_folder_without_config_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="no config.json"):
        Encoder.from_folder(tmp_path)


def test_folder_without_weights_is_refused(tiny_bert, tmp_path):
    shutil.copy(tiny_bert / "config.json", tmp_path / "config.json")
    with pytest.raises(FileNotFoundError, match=r"none of .*model\.safetensors.*pytorch_model\.bin"):
        Encoder.from_folder(tmp_path)


@pytest.mark.parametrize("change,words", [
    ({"model_type": "deberta-v2"}, "deberta-v2.*not a BERT-style encoder"),
    ({"position_embedding_type": "relative_key"}, "relative_key.*not a BERT-style encoder"),
    ({"hidden_act": "swish_glu"}, "unsupported hidden_act 'swish_glu'"),
])
def test_non_bert_configs_are_refused(tiny_bert, tmp_path, change, words):
    folder = copy_folder(tiny_bert, tmp_path / "bert")
    cfg = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**cfg, **change}))
    with pytest.raises(ValueError, match=words):
        Encoder.from_folder(folder)


def test_heads_must_divide_width():
    with pytest.raises(ValueError, match="not divisible by num_attention_heads"):
        Encoder(EncoderConfig(**{**TINY, "num_attention_heads": 5}))


def test_input_longer_than_positions_is_refused():
    enc = Encoder(EncoderConfig(**TINY)).eval()
    ids = torch.ones(1, TINY["max_position_embeddings"] + 1, dtype=torch.long)
    with pytest.raises(ValueError, match=r"65 subwords is longer than the encoder's 64 positions"):
        enc(ids, torch.ones_like(ids))


# ---- pytorch_model.bin -------------------------------------------------------------------------

def test_pytorch_model_bin_loads_like_safetensors(tiny_bert, tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    shutil.copy(tiny_bert / "config.json", folder / "config.json")
    torch.save(load_file(tiny_bert / "model.safetensors"), folder / "pytorch_model.bin")
    a, b = Encoder.from_folder(tiny_bert).eval(), Encoder.from_folder(folder).eval()
    for (ka, va), (kb, vb) in zip(a.state_dict().items(), b.state_dict().items()):
        assert ka == kb and torch.equal(va, vb)


class _RunsCode:
    """Unpickling this would create a file: the kind of pickle weights_only must refuse."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.marker),))


def test_pickle_with_arbitrary_objects_is_refused(tiny_bert, tmp_path):
    folder = tmp_path / "evil"
    folder.mkdir()
    shutil.copy(tiny_bert / "config.json", folder / "config.json")
    marker = tmp_path / "code_ran"
    state = dict(load_file(tiny_bert / "model.safetensors"))
    state["payload"] = _RunsCode(marker)
    torch.save(state, folder / "pytorch_model.bin")
    with pytest.raises(ValueError, match=r"refused.*arbitrary pickled objects.*safetensors"):
        Encoder.from_folder(folder)
    assert not marker.exists()


def test_pickle_that_is_not_a_state_dict_is_refused(tmp_path):
    torch.save([torch.zeros(2)], tmp_path / "pytorch_model.bin")
    with pytest.raises(ValueError, match="expected a state dict, got list"):
        read_state_dict(tmp_path)



@pytest.mark.parametrize("name", ["model.safetensors", "pytorch_model.bin"])
def test_a_truncated_weights_file_names_itself(tiny_bert, tmp_path, name):
    state = dict(load_file(tiny_bert / "model.safetensors"))
    full = tmp_path / "full"
    full.mkdir()
    if name.endswith(".bin"):
        torch.save(state, full / name)
    else:
        shutil.copy(tiny_bert / name, full / name)
    data = (full / name).read_bytes()
    (tmp_path / name).write_bytes(data[:len(data) // 2])            # a download or copy cut short
    with pytest.raises(ValueError, match=rf"{tmp_path / name}: not a readable .* file \(truncated or corrupt\?\)"):
        read_state_dict(tmp_path)


def test_a_state_dict_with_non_tensor_values_is_refused(tmp_path):
    torch.save({"weight": torch.zeros(2), "step": 3}, tmp_path / "pytorch_model.bin")   # allowed by weights_only
    with pytest.raises(ValueError, match="expected a state dict of tensors, but 'step' is a int"):
        read_state_dict(tmp_path)

# ---- tokenizer folders ---------------------------------------------------------------------------

@pytest.mark.parametrize("with_config", [True, False])
def test_vocab_txt_gives_the_same_ids_as_tokenizer_json(minilm, tmp_path, with_config):
    shutil.copy(minilm / "vocab.txt", tmp_path / "vocab.txt")
    if with_config:
        shutil.copy(minilm / "tokenizer_config.json", tmp_path / "tokenizer_config.json")
    texts = first_sentences(CONLL_TEST, 20) + ["Zoë visited Zürich, Malmö and 東京 in naïve 1996-12-06 ..."]
    from_json, from_vocab = load_tokenizer(minilm), load_tokenizer(tmp_path)
    for t in texts:
        assert from_vocab.encode(t).ids == from_json.encode(t).ids, t
    words = texts[0].split()
    assert (from_vocab.encode(words, is_pretokenized=True).word_ids
            == from_json.encode(words, is_pretokenized=True).word_ids)


# ---- embeddings resize ---------------------------------------------------------------------------

def test_resize_token_embeddings_keeps_old_rows():
    enc = Encoder(EncoderConfig(**TINY))
    old = enc.embeddings.token.weight.detach().clone()
    enc.resize_token_embeddings(63)
    new = enc.embeddings.token.weight
    assert new.shape == (63, 32) and enc.config.vocab_size == 63
    assert torch.equal(new[:60], old)
    assert torch.isfinite(new[60:]).all() and not torch.equal(new[60], new[61])
    assert isinstance(new, torch.nn.Parameter) and new.requires_grad
    assert enc.embeddings.token.weight is next(iter(enc.embeddings.token.parameters()))
    enc.resize_token_embeddings(40)
    assert torch.equal(enc.embeddings.token.weight, old[:40]) and enc.config.vocab_size == 40
