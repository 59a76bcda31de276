"""Training: learning-rate schedule, optimizer groups, the loop itself, NaN guard, checkpoints."""
import copy
import math
import random

import pytest
import torch

from minigliner import GLiNER
from minigliner.core.prompt import split_words
from minigliner.training.loop import TrainConfig, batches, lr_factor, make_optimizer, train

EXAMPLES = [
    {"tokenized_text": "John lived in Paris with Mary .".split(), "ner": [[0, 0, "person"], [3, 3, "city"], [5, 5, "person"]]},
    {"tokenized_text": "Google was founded in London in March .".split(),
     "ner": [[0, 0, "organization"], [4, 4, "city"], [6, 6, "date"]]},
    {"tokenized_text": "Peter visited Berlin on Monday .".split(), "ner": [[0, 0, "person"], [2, 2, "city"], [4, 4, "date"]]},
    {"tokenized_text": "Apple and Google moved to New York .".split(),
     "ner": [[0, 0, "organization"], [2, 2, "organization"], [5, 6, "city"]]},
    {"tokenized_text": "Anna met Paul in January .".split(), "ner": [[0, 0, "person"], [2, 2, "person"], [4, 4, "date"]]},
]


# ---- schedule -----------------------------------------------------------------------------------

def test_lr_factor_warmup_rises_linearly():
    assert [lr_factor(s, 100, 4, "linear") for s in range(4)] == [0.25, 0.5, 0.75, 1.0]
    assert [lr_factor(s, 100, 4, "cosine") for s in range(4)] == [0.25, 0.5, 0.75, 1.0]


def test_lr_factor_linear_decay():
    total, warmup = 12, 2
    assert lr_factor(2, total, warmup, "linear") == 1.0
    assert lr_factor(7, total, warmup, "linear") == pytest.approx(0.5)
    assert lr_factor(11, total, warmup, "linear") == pytest.approx(0.1)
    assert lr_factor(12, total, warmup, "linear") == 0.0
    assert lr_factor(50, total, warmup, "linear") == 0.0   # never negative


def test_lr_factor_cosine_decay():
    total, warmup = 12, 2
    for step in range(2, 12):
        progress = (step - warmup) / (total - warmup)
        assert lr_factor(step, total, warmup, "cosine") == pytest.approx(0.5 * (1 + math.cos(math.pi * progress)))
    assert lr_factor(7, total, warmup, "cosine") == pytest.approx(0.5)
    assert lr_factor(12, total, warmup, "cosine") == pytest.approx(0.0, abs=1e-12)


def test_lr_factor_constant_and_no_warmup():
    assert [lr_factor(s, 10, 0, "constant") for s in (0, 5, 9)] == [1.0, 1.0, 1.0]
    assert lr_factor(0, 10, 0, "linear") == 1.0


@pytest.mark.parametrize("step", [0, 1, 5])
def test_unknown_schedule_raises_at_any_step(step):
    """A typo in the schedule must fail at once, not after the warmup steps have been trained."""
    with pytest.raises(ValueError, match="schedule must be one of .*, got 'cosin'"):
        lr_factor(step, 10, 2, "cosin")


# ---- optimizer --------------------------------------------------------------------------------------

def test_make_optimizer_groups(tiny_model):
    cfg = TrainConfig(lr_encoder=1e-5, lr_others=5e-4, weight_decay=0.01)
    opt = make_optimizer(tiny_model, cfg)
    assert {g["lr"] for g in opt.param_groups} == {1e-5, 5e-4}
    assert {(g["lr"], g["weight_decay"]) for g in opt.param_groups} == {(1e-5, 0.01), (1e-5, 0.0), (5e-4, 0.01), (5e-4, 0.0)}
    group_of = {id(p): g for g in opt.param_groups for p in g["params"]}
    named = dict(tiny_model.named_parameters())
    assert len(group_of) == len(named)                            # every parameter once
    for name, p in named.items():
        g = group_of[id(p)]
        assert g["lr"] == (1e-5 if name.startswith("encoder.") else 5e-4), name
        assert g["weight_decay"] == (0.0 if p.ndim == 1 else 0.01), name
        assert g["base_lr"] == g["lr"]


def test_make_optimizer_skips_frozen_parameters(tiny_model):
    m = copy.deepcopy(tiny_model)
    for p in m.encoder.parameters():
        p.requires_grad_(False)
    opt = make_optimizer(m, TrainConfig(lr_encoder=1e-5, lr_others=5e-4))
    assert {g["lr"] for g in opt.param_groups} == {5e-4}


def test_fused_adamw_makes_the_per_tensor_update(tiny_model):
    """make_optimizer uses PyTorch's fused AdamW (5x faster on CPU); five steps land where the plain loop lands."""
    fused, plain = copy.deepcopy(tiny_model), copy.deepcopy(tiny_model)
    opt = make_optimizer(fused, TrainConfig(lr_encoder=1e-3, lr_others=3e-3))
    assert opt.defaults["fused"] is True
    ref = torch.optim.AdamW([{"params": g["params"], "lr": g["lr"], "weight_decay": g["weight_decay"]}   # same groups
                             for g in make_optimizer(plain, TrainConfig(lr_encoder=1e-3, lr_others=3e-3)).param_groups],
                            foreach=False)
    assert not ref.param_groups[0]["fused"]
    torch.manual_seed(0)
    for _ in range(5):
        for a, b in zip(fused.parameters(), plain.parameters()):
            a.grad = torch.randn_like(a)
            b.grad = a.grad.clone()
        opt.step(), ref.step()
    gap = max((a - b).abs().max().item() for a, b in zip(fused.parameters(), plain.parameters()))
    moved = max((a - b).abs().max().item() for a, b in zip(fused.parameters(), tiny_model.parameters()))
    assert gap < 1e-6 < moved


def test_batches_cover_every_example_each_epoch():
    stream = batches(list(range(7)), 3, random.Random(0))
    epoch = [next(stream) for _ in range(3)]
    assert [len(b) for b in epoch] == [3, 3, 1] and sorted(sum(epoch, [])) == list(range(7))


# ---- the loop -----------------------------------------------------------------------------------------

def test_training_lowers_the_loss(tiny_model):
    m = copy.deepcopy(tiny_model)
    torch.manual_seed(0)
    cfg = TrainConfig(steps=30, batch_size=5, lr_encoder=1e-3, lr_others=3e-3, warmup_ratio=0.1)
    losses = train(m, EXAMPLES, cfg, rng=random.Random(0), progress=False)
    assert len(losses) == 30 and all(math.isfinite(x) for x in losses)
    first, last = sum(losses[:5]) / 5, sum(losses[-5:]) / 5
    assert last < 0.5 * first, (first, last)
    assert not m.training                                      # handed back in eval mode
    changed = any(not torch.equal(a, b) for a, b in zip(m.state_dict().values(), tiny_model.state_dict().values()))
    assert changed


def test_nan_loss_raises_naming_the_step(tiny_model, monkeypatch):
    m = copy.deepcopy(tiny_model)
    real_loss, calls = m.loss, []

    def loss_that_breaks(batch, targets, **kw):
        calls.append(1)
        value = real_loss(batch, targets, **kw)
        return value * float("nan") if len(calls) == 3 else value

    monkeypatch.setattr(m, "loss", loss_that_breaks)
    with pytest.raises(FloatingPointError, match=r"loss is nan at step 2 \(batch of \d+ examples"):
        train(m, EXAMPLES, TrainConfig(steps=5, batch_size=2), rng=random.Random(0), progress=False)


def test_no_examples_raise(tiny_model):
    with pytest.raises(ValueError, match="no training examples"):
        train(copy.deepcopy(tiny_model), [], TrainConfig(steps=1), progress=False)


def test_output_dir_gets_a_loadable_folder_and_checkpoints(tiny_model, tmp_path):
    m = copy.deepcopy(tiny_model)
    out = tmp_path / "run"
    cfg = TrainConfig(steps=4, batch_size=2, save_every=2, output_dir=str(out))
    train(m, EXAMPLES, cfg, rng=random.Random(0), progress=False)
    assert (out / "checkpoint-2" / "model.safetensors").is_file() and (out / "checkpoint-4").is_dir()
    loaded = GLiNER.from_pretrained(out)
    words = [[w.text for w in split_words("John lived in Paris .")]]
    batch = m.prompt_batch(words, [["person", "city"]])
    with torch.no_grad():
        assert torch.equal(loaded(batch)[0], m(batch)[0])
    assert not torch.equal(GLiNER.from_pretrained(out / "checkpoint-2")(batch)[0], m(batch)[0])


def test_training_warns_about_cut_and_too_wide_entities(tiny_model):
    m = copy.deepcopy(tiny_model)
    m.config = m.config.replace(max_len=16, window_stride=8)
    assert m.config.max_width == 12
    words = [f"w{i}" for i in range(20)]
    long_ex = {"tokenized_text": words, "ner": [[0, 12, "title"], [14, 17, "city"], [18, 18, "person"]]}
    with pytest.warns(UserWarning) as record:
        train(m, [long_ex], TrainConfig(steps=2, batch_size=1), rng=random.Random(0), progress=False)
    messages = [str(w.message) for w in record]
    assert any("1 entities crossed a 16-word boundary" in msg for msg in messages), messages
    assert "1 of 2 gold entities are wider than max_width=12 words; the span model cannot learn them " \
        "(they stay in the text)" in messages   # counted once, not once per step that sees it


# ---- checks before the first step (train_checks) ------------------------------------------------

def test_a_malformed_example_is_refused_before_any_step_naming_it(tiny_model):
    bad = [EXAMPLES[0], {"tokenized_text": ["a", "b"], "ner": [[1, 2, "person"]]}]
    with pytest.raises(ValueError, match=r"training example 1 \(first words \['a', 'b'\]\): entity \[1, 2, 'person'\] "
                                         r"is not \[start, end, label\] inside its 2 words"):
        train(copy.deepcopy(tiny_model), bad, TrainConfig(steps=1), progress=False)
    for label, message in (("", "must be a non-empty string"), ("bad\ud800", "lone surrogate")):
        with pytest.raises(ValueError, match=f"training example 0 .*{message}"):
            train(copy.deepcopy(tiny_model), [{**EXAMPLES[0], "negatives": [label]}], TrainConfig(steps=1), progress=False)
    with pytest.raises(ValueError, match="training example 0: expected a dict with 'tokenized_text'"):
        train(copy.deepcopy(tiny_model), [["John"]], TrainConfig(steps=1), progress=False)


def test_an_example_too_long_for_the_encoder_is_split_before_training_not_failed_at_its_batch(tiny_model):
    from minigliner.training.example_checks import fit_positions, prompt_room
    m = copy.deepcopy(tiny_model)
    labels = {"person", "city"}
    room = prompt_room(m, labels)
    words = ["antidisestablishmentarianism"] * 300                  # several subwords each: far more than room
    long_ex = {"tokenized_text": words, "ner": [[0, 0, "person"], [299, 299, "city"]]}
    pieces, report = fit_positions([EXAMPLES[0], long_ex], m, labels)
    assert pieces[0] is EXAMPLES[0] and report.split == 1 and report.skipped == 0 and len(pieces) > 2
    assert sum(len(p["tokenized_text"]) for p in pieces[1:]) == 300
    costs = [len(e.ids) for e in m.tokenizer.encode_batch([p["tokenized_text"] for p in pieces[1:]],
                                                          is_pretokenized=True, add_special_tokens=False)]
    assert max(costs) <= room
    assert pieces[1]["ner"] == [[0, 0, "person"]] and pieces[-1]["ner"] == [[len(pieces[-1]["tokenized_text"]) - 1] * 2 + ["city"]]
    huge = {"tokenized_text": ["a", "中" * 600, "b"], "ner": [[0, 0, "person"]]}   # one word of 600 subwords
    pieces, report = fit_positions([huge], m, labels)
    assert [p["tokenized_text"] for p in pieces] == [["a"], ["b"]] and report.skipped == 1
    with pytest.warns(UserWarning, match=r"1 examples split to fit \d+ subwords beside the prompt"):
        train(m, [long_ex], TrainConfig(steps=1), rng=random.Random(0), progress=False)
