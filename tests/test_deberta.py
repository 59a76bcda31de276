"""The from-scratch DeBERTa-v2/v3 encoder: equality with transformers' DebertaV2Model, loading, refusals, tokenizer."""
import json
import shutil

import pytest
import torch
from reference_models import make_bert_dir, make_deberta_dir, make_deberta_tokenizer_dir
from safetensors.torch import load_file, save_file

from minigliner import GLiNER, GLiNERConfig
from minigliner.encoders.backbone import encoder_config, load_encoder
from minigliner.encoders.deberta import DebertaConfig, DebertaEncoder, log_buckets
from minigliner.encoders.bert import Encoder
from minigliner.encoders.tokenizers import add_marker_tokens, load_tokenizer

V3 = dict(vocab_size=60, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
          max_position_embeddings=128, relative_attention=True, pos_att_type=["p2c", "c2p"], position_buckets=8,
          max_relative_positions=64, type_vocab_size=0, position_biased_input=False, share_att_key=True,
          norm_rel_ebd="layer_norm", layer_norm_eps=1e-7)
VARIANTS = {  # DeBERTa-v3 and the v2 options a checkpoint may set
    "v3": {},
    "own-position-projections": dict(share_att_key=False),
    "c2p-only": dict(pos_att_type=["c2p"], share_att_key=False),
    "p2c-only": dict(pos_att_type=["p2c"]),
    "no-buckets-absolute-positions": dict(position_buckets=-1, max_relative_positions=16, position_biased_input=True,
                                          type_vocab_size=2, norm_rel_ebd="none"),
}
LENGTHS = [3, 9, 40, 100]  # 9 and longer pass position_buckets/2; 100 passes max_relative_positions


def save_deberta(path, std=0.3, model_class="DebertaV2Model", **overrides):
    """A random DeBERTa folder whose weights are large enough (std) for positions to matter;
    returns the folder, or for a model with heads the model itself (built in memory)."""
    import transformers
    torch.manual_seed(0)
    model = getattr(transformers, model_class)(transformers.DebertaV2Config(**{**V3, **overrides}))
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "LayerNorm" not in name:
                p.normal_(0.0, std)
    model.save_pretrained(path, safe_serialization=True)
    return model if model_class != "DebertaV2Model" else path


def padded_ids(L, vocab=60):
    """(3, L) ids and a mask: full, half padded, one real token."""
    ids = torch.randint(1, vocab, (3, L))
    mask = torch.ones_like(ids)
    mask[1, L // 2:] = 0
    mask[2, 1:] = 0
    return ids, mask


def test_log_buckets_equal_transformers():
    from transformers.models.deberta_v2.modeling_deberta_v2 import make_log_bucket_position
    distance = torch.arange(-1500, 1500)
    for buckets, max_distance in [(256, 512), (8, 64), (8, 512), (32, 128), (6, 20)]:
        ours = log_buckets(distance, buckets, max_distance)
        assert torch.equal(ours, make_log_bucket_position(distance, buckets, max_distance).long())
    b = log_buckets(distance, 256, 512)
    assert torch.equal(b[1500 - 128:1500 + 129], distance[1500 - 128:1500 + 129])  # exact up to 128
    assert b[1500 + 511] == 255 and b[1500 - 511] == -255                          # max_distance - 1 -> S - 1


@pytest.mark.parametrize("variant", VARIANTS)
def test_equals_transformers_debertav2model(tmp_path, variant):
    from transformers import DebertaV2Model
    folder = save_deberta(tmp_path, **VARIANTS[variant])
    ours, theirs = DebertaEncoder.from_folder(folder).eval(), DebertaV2Model.from_pretrained(folder).eval()
    for L in LENGTHS:
        ids, mask = padded_ids(L)
        with torch.no_grad():
            a, b = ours(ids, mask), theirs(input_ids=ids, attention_mask=mask).last_hidden_state
        real = mask.bool()
        torch.testing.assert_close(a[real], b[real], atol=1e-5, rtol=0, msg=f"{variant}, L={L}")


def test_relative_positions_really_matter(tmp_path):
    """Without the disentangled terms the output moves far more than the tolerance: the test above is not vacuous."""
    ours = DebertaEncoder.from_folder(save_deberta(tmp_path)).eval()
    ids, mask = padded_ids(40)
    with torch.no_grad():
        full = ours(ids, mask)
        for block in ours.blocks:
            block.attn.terms = ()
        plain = ours(ids, mask)
    assert (full - plain)[mask.bool()].abs().max() > 0.1


def test_masked_lm_folders_load_their_body(tmp_path):
    """DebertaV2ForMaskedLM (prefix "deberta.", heads cls.* or lm_predictions.*) loads; its body is DebertaV2Model."""
    for legacy in (True, False):
        folder = tmp_path / str(legacy)
        theirs = save_deberta(folder, model_class="DebertaV2ForMaskedLM", legacy=legacy).deberta.eval()
        heads = [k for k in load_file(folder / "model.safetensors") if not k.startswith("deberta.")]
        assert heads and all(k.startswith("cls." if legacy else "lm_predictions.") for k in heads)
        ours = DebertaEncoder.from_folder(folder).eval()
        ids, mask = padded_ids(20)
        with torch.no_grad():
            a, b = ours(ids, mask), theirs(input_ids=ids, attention_mask=mask).last_hidden_state
        torch.testing.assert_close(a[mask.bool()], b[mask.bool()], atol=1e-5, rtol=0)


def test_unused_stored_position_table_is_dropped_and_bin_loads(tmp_path):
    """Old checkpoints keep a position table that v3 does not use (HF ignores it); pytorch_model.bin works too."""
    folder = save_deberta(tmp_path / "st")
    state = load_file(folder / "model.safetensors")
    binary = tmp_path / "bin"
    binary.mkdir()
    shutil.copy(folder / "config.json", binary / "config.json")
    torch.save({**state, "embeddings.position_embeddings.weight": torch.zeros(128, 32)}, binary / "pytorch_model.bin")
    a, b = DebertaEncoder.from_folder(folder), DebertaEncoder.from_folder(binary)
    for (ka, va), (kb, vb) in zip(a.state_dict().items(), b.state_dict().items()):
        assert ka == kb and torch.equal(va, vb)


def test_missing_and_unexpected_keys_are_named(tmp_path):
    folder = save_deberta(tmp_path)
    state = load_file(folder / "model.safetensors")
    del state["encoder.rel_embeddings.weight"]
    state["encoder.layer.0.attention.self.pos_key_proj.weight"] = torch.zeros(32, 32)
    save_file(state, folder / "model.safetensors")
    with pytest.raises(ValueError, match=r"missing keys \['rel_embeddings.weight'\].*unexpected keys "
                                         r"\['blocks.0.attn.pos_k.weight'\]"):
        DebertaEncoder.from_folder(folder)


@pytest.mark.parametrize("change,words", [
    ({"relative_attention": False}, "relative_attention=False is not supported"),
    ({"pos_att_type": ["c2p", "p2p"]}, r"pos_att_type=\['c2p', 'p2p'\] is not supported"),
    ({"conv_kernel_size": 3}, "conv_kernel_size=3 is not supported"),
    ({"embedding_size": 16}, "embedding_size=16 is not supported"),
    ({"norm_rel_ebd": "layer_norm|weird"}, "norm_rel_ebd='layer_norm|weird' is not supported"),
    ({"hidden_act": "swish_glu"}, "hidden_act='swish_glu' is not supported"),
])
def test_unsupported_deberta_configs_are_refused(tmp_path, change, words):
    with pytest.raises(ValueError, match=words):
        DebertaConfig.from_dict({**V3, "model_type": "deberta-v2", **change}, source="cfg.json")


def test_old_pipe_separated_pos_att_type_and_hf_defaults():
    cfg = DebertaConfig.from_dict({"model_type": "deberta-v2", "relative_attention": True, "pos_att_type": "P2C|c2p"})
    assert cfg.pos_att_type == ("p2c", "c2p")
    # keys absent from config.json mean HF's defaults, not the v3 preset
    assert (cfg.position_biased_input, cfg.share_att_key, cfg.norm_rel_ebd, cfg.position_buckets) == (True, False, "none", -1)
    assert cfg.att_span == 512 and DebertaConfig.from_dict(cfg.to_dict()) == cfg


def test_family_is_chosen_from_model_type(tmp_path):
    assert isinstance(load_encoder(make_bert_dir(str(tmp_path / "b"))), Encoder)
    assert isinstance(load_encoder(make_deberta_dir(str(tmp_path / "d"))), DebertaEncoder)
    with pytest.raises(ValueError, match=r"model_type='deberta' is not supported \(supported: \['bert', 'deberta-v2'"):
        encoder_config({"model_type": "deberta"}, source="x")


def test_resize_keeps_rows_and_config():
    enc = DebertaEncoder(DebertaConfig.tiny())
    old = enc.embeddings.token.weight.detach().clone()
    enc.resize_token_embeddings(63)
    assert enc.config.vocab_size == 63 and torch.equal(enc.embeddings.token.weight[:60], old)


# ---- tokenizer ------------------------------------------------------------------------------------

WORD_LISTS = [
    ["<<ENT>>", "person", "<<ENT>>", "big company", "<<SEP>>", "John", "was", "born", "in", "Copenhagen", "."],
    ["<<ENT>>", "capital  city", "<<SEP>>", "Zürich", "naïve", "1996-12-06", "東京", "Schwarzenegger", "’", "x"],
]


def hf_and_ours(folder):
    from transformers import AutoTokenizer
    hf = AutoTokenizer.from_pretrained(folder)
    hf.add_tokens(["[FLERT]", "<<ENT>>", "<<SEP>>"], special_tokens=True)
    ours = load_tokenizer(folder)
    add_marker_tokens(ours, "<<ENT>>", "<<SEP>>")
    return hf, ours


@pytest.mark.parametrize("words", WORD_LISTS)
def test_tokenizer_matches_transformers_word_by_word(tmp_path, words):
    hf, ours = hf_and_ours(make_deberta_tokenizer_dir(str(tmp_path)))
    theirs, mine = hf(words, is_split_into_words=True), ours.encode(words, is_pretokenized=True)
    assert mine.ids == theirs["input_ids"] and mine.word_ids == theirs.word_ids()
    assert len(set(mine.word_ids) - {None}) == len(words)
    firsts = [t for i, (t, w) in enumerate(zip(mine.tokens, mine.word_ids))
              if w is not None and (i == 0 or mine.word_ids[i - 1] != w)]
    assert all(t.startswith("\u2581") or t.startswith("<<") for t in firsts)  # every word starts afresh


def test_tokenizer_json_with_another_pipeline_is_read_as_the_reference_reads_it(tmp_path):
    """transformers 5 keeps only the vocabulary of a DeBERTa tokenizer.json and rebuilds the rest from
    tokenizer_config.json; a file written by an older converter (other normalizer) must give the same ids."""
    folder = make_deberta_tokenizer_dir(str(tmp_path))
    spec = json.loads((tmp_path / "tokenizer.json").read_text())
    spec["normalizer"] = {"type": "Sequence", "normalizers": [{"type": "Lowercase"}, {"type": "NFKC"}]}
    spec["post_processor"] = None
    (tmp_path / "tokenizer.json").write_text(json.dumps(spec))
    hf, ours = hf_and_ours(folder)
    for words in WORD_LISTS:
        assert ours.encode(words, is_pretokenized=True).ids == hf(words, is_split_into_words=True)["input_ids"]


@pytest.fixture(scope="module")
def spm_folder(tmp_path_factory):
    """A DeBERTa-v3-style backbone folder with only spm.model (trained here, ids 0-3 = [PAD] [CLS] [SEP] [UNK])."""
    import sentencepiece
    from reference_models import WORDS
    folder = tmp_path_factory.mktemp("spm")
    lines = [" ".join(WORDS[i:i + 12]) + " John Mary Copenhagen Zürich 1996-12-06 ." for i in range(0, len(WORDS), 12)]
    (folder / "corpus.txt").write_text("\n".join(lines * 3))
    sentencepiece.SentencePieceTrainer.train(
        input=str(folder / "corpus.txt"), model_prefix=str(folder / "spm"), vocab_size=150, model_type="unigram",
        pad_id=0, bos_id=1, eos_id=2, unk_id=3, pad_piece="[PAD]", bos_piece="[CLS]", eos_piece="[SEP]",
        unk_piece="[UNK]", num_threads=1, minloglevel=2)
    (folder / "tokenizer_config.json").write_text(json.dumps({"do_lower_case": False, "vocab_type": "spm"}))
    return folder, sentencepiece.SentencePieceProcessor(model_file=str(folder / "spm.model"))


def test_spm_model_is_read_without_sentencepiece(spm_folder):
    from minigliner.encoders.sentencepiece import read_spm
    folder, sp = spm_folder
    pieces, unk_id = read_spm(folder / "spm.model")
    assert [(p, s) for p, s, _ in pieces] == [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    assert unk_id == sp.unk_id() == 3
    assert [i for i, (_, _, kind) in enumerate(pieces) if kind == 3] == [i for i in range(len(pieces)) if sp.is_control(i)]


def test_spm_folder_tokenizes_as_the_reference_class(spm_folder):
    """The reference builds DebertaV2Tokenizer from the pieces and scores of spm.model; same ids, word by word,
    and each plain word is split exactly as sentencepiece itself splits it."""
    from transformers import DebertaV2Tokenizer
    folder, sp = spm_folder
    hf = DebertaV2Tokenizer(vocab=[(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())],
                            unk_id=sp.unk_id())
    ours = load_tokenizer(folder)
    assert ours.token_to_id("[MASK]") == sp.get_piece_size() == hf.convert_tokens_to_ids("[MASK]")
    hf.add_tokens(["[FLERT]", "<<ENT>>", "<<SEP>>"], special_tokens=True)
    add_marker_tokens(ours, "<<ENT>>", "<<SEP>>")
    for words in WORD_LISTS + [["John", "visited", "Copenhagen", "[CLS]"]]:
        assert ours.encode(words, is_pretokenized=True).ids == hf(words, is_split_into_words=True)["input_ids"]
    for word in ["Copenhagen", "Schwarzenegger", "president", "1996-12-06"]:
        assert ours.encode([word], is_pretokenized=True, add_special_tokens=False).tokens == sp.encode(word, out_type=str)


def test_a_file_that_is_not_a_sentencepiece_model_is_refused(tmp_path):
    (tmp_path / "spm.model").write_bytes(b"\x0a\x05ab")
    with pytest.raises(ValueError, match="spm.model: not a SentencePiece model file"):
        load_tokenizer(tmp_path)


def test_a_folder_without_any_tokenizer_file_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="no tokenizer.json, vocab.txt or spm.model"):
        load_tokenizer(tmp_path)


# ---- a GLiNER on a DeBERTa backbone, in minigliner's own format -------------------------------------

def test_new_model_on_deberta_saves_and_loads(tmp_path):
    folder = make_deberta_dir(str(tmp_path / "deberta"))
    model = GLiNER.from_encoder(GLiNERConfig.tiny(encoder=folder)).eval()
    assert isinstance(model.encoder, DebertaEncoder)
    model.save_pretrained(tmp_path / "saved")
    again = GLiNER.from_pretrained(tmp_path / "saved")
    assert isinstance(again.encoder, DebertaEncoder) and again.encoder.config == model.encoder.config
    words, labels = [["John", "lived", "in", "Copenhagen", "."]], [["person", "city"]]
    batch = model.prompt_batch(words, labels)
    with torch.no_grad():
        torch.testing.assert_close(again(batch)[0], model(batch)[0], atol=0, rtol=0)
