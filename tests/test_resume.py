"""Training faults: non-finite losses, resuming bit-identically from a checkpoint, atomic checkpoint writes."""
import copy
import random

import pytest
import torch
from test_train import EXAMPLES

import minigliner.folders.ours
from minigliner import GLiNER
from minigliner.training.resume import TRAINER_STATE, last_checkpoint, load_trainer_state
from minigliner.training.loop import TrainConfig, train


def files_of(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def same(a, b) -> bool:
    """Deep equality of trainer states: tensors bit for bit."""
    if isinstance(a, torch.Tensor):
        return isinstance(b, torch.Tensor) and a.dtype == b.dtype and torch.equal(a, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def assert_same_checkpoint(a, b):
    """Same model files byte for byte, and the same trainer state but for where it was written."""
    model_a, model_b = files_of(a), files_of(b)
    state_a, state_b = load_trainer_state(a), load_trainer_state(b)
    del model_a[TRAINER_STATE], model_b[TRAINER_STATE]
    assert model_a == model_b
    assert state_a["config"].pop("output_dir") != state_b["config"].pop("output_dir")
    assert same(state_a, state_b)


def breaking_loss(model, at_call, make_bad):
    """Replace model.loss so that its `at_call`-th call (0-based) returns make_bad(loss)."""
    real, calls = model.loss, []

    def loss(batch, targets, **kw):
        value = real(batch, targets, **kw)
        calls.append(1)
        return make_bad(value) if len(calls) - 1 in at_call else value
    model.loss = loss
    return model


def nan_grad(value):
    value.register_hook(lambda g: g * float("nan"))  # a finite loss whose gradient is NaN
    return value


# ---- non-finite losses and gradients -----------------------------------------------------------

def test_nan_loss_message_names_step_batch_and_the_skip_option(tiny_model):
    m = breaking_loss(copy.deepcopy(tiny_model), {3}, lambda v: v * float("inf"))
    with pytest.raises(FloatingPointError, match=r"loss is inf at step 3 \(batch of 2 examples: training examples "
                                                 r"\[\d, \d\], first words: .*on_nonfinite='skip'"):
        train(m, EXAMPLES, TrainConfig(steps=5, batch_size=2), rng=random.Random(0), progress=False)


def test_nan_gradient_stops_training_too(tiny_model):
    m = breaking_loss(copy.deepcopy(tiny_model), {1}, nan_grad)
    with pytest.raises(FloatingPointError, match=r"gradient norm is nan at step 1 \(batch of 2 examples"):
        train(m, EXAMPLES, TrainConfig(steps=3, batch_size=2), rng=random.Random(0), progress=False)


def test_skip_leaves_the_weights_untouched_by_bad_batches_and_counts_them(tiny_model):
    cfg = TrainConfig(steps=4, batch_size=2, on_nonfinite="skip")
    m = breaking_loss(copy.deepcopy(tiny_model), {0, 1, 2, 3}, lambda v: v * float("nan"))
    with pytest.warns(UserWarning, match=r"skipped 4 batches with a non-finite loss or gradient \(steps \[0, 1, 2, 3\]\)"):
        assert train(m, EXAMPLES, cfg, rng=random.Random(0), progress=False) == []
    for key, value in tiny_model.state_dict().items():
        assert torch.equal(m.state_dict()[key], value), key
    g = breaking_loss(copy.deepcopy(tiny_model), {2}, nan_grad)
    with pytest.warns(UserWarning, match=r"skipped 1 batches .*\(steps \[2\]\)"):
        losses = train(g, EXAMPLES, cfg, rng=random.Random(0), progress=False)
    assert len(losses) == 3 and all(torch.isfinite(torch.tensor(losses)))
    assert all(torch.isfinite(p).all() for p in g.parameters())


def test_bad_on_nonfinite_value_raises():
    with pytest.raises(ValueError, match="on_nonfinite must be one of"):
        TrainConfig(on_nonfinite="ignore")


# ---- resume ------------------------------------------------------------------------------------------

def crash_at(model, call):
    def fail(v):
        raise RuntimeError("simulated crash")
    return breaking_loss(model, {call}, fail)


def test_a_resumed_run_ends_bit_identical_to_an_uninterrupted_one(tiny_model, tmp_path):
    assert tiny_model.config.dropout > 0                        # dropout draws from torch's RNG: it must be restored
    cfg = dict(steps=7, batch_size=2, lr_encoder=1e-3, lr_others=3e-3, warmup_ratio=0.3, save_every=2)
    straight = copy.deepcopy(tiny_model)
    torch.manual_seed(1)
    losses = train(straight, EXAMPLES, TrainConfig(**cfg, output_dir=str(tmp_path / "a")),
                   rng=random.Random(0), progress=False)

    crashed = crash_at(copy.deepcopy(tiny_model), 5)
    torch.manual_seed(1)
    with pytest.raises(RuntimeError, match="simulated crash"):
        train(crashed, EXAMPLES, TrainConfig(**cfg, output_dir=str(tmp_path / "b")), rng=random.Random(0),
              progress=False)
    assert last_checkpoint(tmp_path / "b") == tmp_path / "b" / "checkpoint-4"
    assert not (tmp_path / "b" / "model.safetensors").exists()

    resumed = copy.deepcopy(tiny_model)                     # weights, optimizer, batches, RNG all come from the file
    with torch.no_grad():
        for p in resumed.parameters():
            p.add_(1.0)
    torch.manual_seed(12345)
    resumed_losses = train(resumed, EXAMPLES, TrainConfig(**cfg, output_dir=str(tmp_path / "b")),
                           rng=random.Random(99), progress=False, resume_from=last_checkpoint(tmp_path / "b"))
    assert resumed_losses == losses and len(losses) == 7
    for key, value in straight.state_dict().items():
        assert torch.equal(resumed.state_dict()[key], value), key
    assert_same_checkpoint(tmp_path / "a" / "checkpoint-6", tmp_path / "b" / "checkpoint-6")


def test_a_poly_encoder_resumes_bit_identically_with_its_label_encoder(tmp_path):
    """Checkpoints of a bi-/poly-encoder hold label_encoder/ too, and resuming restores its weights and the
    optimizer state of its (encoder-lr) parameters."""
    from reference_models import make_bert_dir

    from minigliner import GLiNERConfig
    text, labels = make_bert_dir(str(tmp_path / "text")), make_bert_dir(str(tmp_path / "labels"), hidden=48,
                                                                         inter=96, seed=1)
    torch.manual_seed(0)
    poly = GLiNER.from_encoder(GLiNERConfig.tiny(text, labels_encoder=labels, post_fusion_schema="l2l-l2t-t2t"))
    cfg = dict(steps=5, batch_size=2, lr_encoder=1e-3, lr_others=3e-3, save_every=2)
    straight = copy.deepcopy(poly)
    torch.manual_seed(1)
    losses = train(straight, EXAMPLES, TrainConfig(**cfg, output_dir=str(tmp_path / "a")), rng=random.Random(0),
                   progress=False)
    crashed = crash_at(copy.deepcopy(poly), 3)
    torch.manual_seed(1)
    with pytest.raises(RuntimeError, match="simulated crash"):
        train(crashed, EXAMPLES, TrainConfig(**cfg, output_dir=str(tmp_path / "b")), rng=random.Random(0),
              progress=False)
    ckpt = last_checkpoint(tmp_path / "b")
    assert ckpt.name == "checkpoint-2" and (ckpt / "label_encoder" / "encoder_config.json").is_file()
    resumed = copy.deepcopy(poly)
    torch.manual_seed(12345)                                    # the RNG state comes from the checkpoint
    assert train(resumed, EXAMPLES, TrainConfig(**cfg, output_dir=str(tmp_path / "b")), rng=random.Random(99),
                 progress=False, resume_from=ckpt) == losses
    for key, value in straight.state_dict().items():
        assert torch.equal(resumed.state_dict()[key], value), key
    assert any(k.startswith("label_encoder.encoder.") for k in straight.state_dict())
    assert not torch.equal(straight.label_encoder.encoder.embeddings.token.weight,
                           poly.label_encoder.encoder.embeddings.token.weight)   # the label encoder did train


def test_resume_refuses_another_config_or_other_data(tiny_model, tmp_path):
    cfg = TrainConfig(steps=2, batch_size=2, save_every=2, output_dir=str(tmp_path))
    train(copy.deepcopy(tiny_model), EXAMPLES, cfg, rng=random.Random(0), progress=False)
    ckpt = last_checkpoint(tmp_path)
    with pytest.raises(ValueError, match=r"cannot resume with a different training config \(steps: 2 -> 4; "
                                         r"batch_size: 2 -> 3\)"):
        train(copy.deepcopy(tiny_model), EXAMPLES, TrainConfig(steps=4, batch_size=3), progress=False,
              resume_from=ckpt)
    with pytest.raises(ValueError, match="cannot resume on different training examples"):
        train(copy.deepcopy(tiny_model), EXAMPLES[:4], cfg, progress=False, resume_from=ckpt)
    with pytest.raises(FileNotFoundError, match="no trainer_state.pt; not a checkpoint a run can resume from"):
        train(copy.deepcopy(tiny_model), EXAMPLES, cfg, progress=False, resume_from=tmp_path)


def test_last_checkpoint_ignores_unfinished_folders(tmp_path):
    assert last_checkpoint(tmp_path) is None
    for name in ("checkpoint-2", "checkpoint-10", "checkpoint-30", ".checkpoint-40.partial", "checkpoint-x"):
        (tmp_path / name).mkdir()
    for name in ("checkpoint-2", "checkpoint-10", ".checkpoint-40.partial"):
        (tmp_path / name / TRAINER_STATE).write_bytes(b"")
    assert last_checkpoint(tmp_path) == tmp_path / "checkpoint-10"       # numeric, not alphabetical; 30 is unfinished


class Custom:
    """A class of this test module: unpickling it would import and run code outside torch's allow-list."""


def test_a_trainer_state_that_needs_more_than_tensors_is_refused(tmp_path):
    torch.save({"step": 1, "custom": Custom()}, tmp_path / TRAINER_STATE)
    with pytest.raises(ValueError, match="cannot be read as a trainer state"):
        load_trainer_state(tmp_path)


# ---- atomic writes -----------------------------------------------------------------------------------

def killed_on_call(monkeypatch, module, name, call):
    """Make module.name write half of its file and then die (KeyboardInterrupt) on its `call`-th call."""
    real, calls = getattr(module, name), []

    def write(obj, path, *args, **kw):
        calls.append(1)
        real(obj, path, *args, **kw)
        if len(calls) == call:
            data = open(path, "rb").read()
            open(path, "wb").write(data[:len(data) // 2])
            raise KeyboardInterrupt("killed while writing")
    monkeypatch.setattr(module, name, write)


@pytest.mark.parametrize("module,name", [(minigliner.folders.ours, "save_file"), (torch, "save")])
def test_a_kill_while_writing_a_checkpoint_leaves_the_previous_one_whole(tiny_model, tmp_path, monkeypatch,
                                                                         module, name):
    out = tmp_path / "run"
    cfg = TrainConfig(steps=4, batch_size=2, save_every=2, output_dir=str(out))
    killed_on_call(monkeypatch, module, name, 2)                # the second checkpoint's write dies half-way
    torch.manual_seed(0)
    with pytest.raises(KeyboardInterrupt):
        train(copy.deepcopy(tiny_model), EXAMPLES, cfg, rng=random.Random(0), progress=False)
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == [".checkpoint-4.partial", "checkpoint-2"]
    assert last_checkpoint(out) == out / "checkpoint-2"
    assert load_trainer_state(out / "checkpoint-2")["step"] == 2
    GLiNER.from_pretrained(out / "checkpoint-2")              # whole and loadable
    clean = tmp_path / "clean"                                  # the same run, never killed
    torch.manual_seed(0)
    train(copy.deepcopy(tiny_model), EXAMPLES, TrainConfig(steps=4, batch_size=2, save_every=2, output_dir=str(clean)),
          rng=random.Random(0), progress=False)
    assert_same_checkpoint(out / "checkpoint-2", clean / "checkpoint-2")
    # resuming cleans up the unfinished folder and writes checkpoint-4
    train(copy.deepcopy(tiny_model), EXAMPLES, cfg, rng=random.Random(0), progress=False,
          resume_from=last_checkpoint(out))
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["checkpoint-2", "checkpoint-4"]


def test_a_kill_while_overwriting_a_saved_model_keeps_the_old_weights_file(tiny_model, tmp_path, monkeypatch):
    tiny_model.save_pretrained(tmp_path)
    before = files_of(tmp_path)
    changed = copy.deepcopy(tiny_model)
    with torch.no_grad():
        next(changed.parameters()).add_(1.0)
    killed_on_call(monkeypatch, minigliner.folders.ours, "save_file", 1)
    with pytest.raises(KeyboardInterrupt):
        changed.save_pretrained(tmp_path)
    assert files_of(tmp_path) == before                      # the half-written temporary file is gone too
