"""Recipes live in one place (minigliner/presets.py); the command line and the benchmark start from them."""
import argparse
import importlib.util
import math
from pathlib import Path

import pytest

from minigliner.apps.cli import recipe_from
from minigliner.config import GLiNERConfig
from minigliner.presets import PRESETS, preset
from minigliner.training.loop import TrainConfig

ROOT = Path(__file__).resolve().parents[1]


def test_the_paper_preset_is_the_config_defaults_and_the_others_say_why():
    assert preset("paper").model == GLiNERConfig() and preset("paper").train == TrainConfig()
    assert {"paper", "cpu", "demo", "zeroshot"} <= set(PRESETS)
    assert all(r.why for r in PRESETS.values())
    with pytest.raises(ValueError, match="no preset 'fast'"):
        preset("fast")


def test_replace_routes_each_setting_to_where_it_lives():
    r = preset("cpu").replace(steps=7, dropout=0.3, variety=0.25)
    assert (r.train.steps, r.model.dropout, r.variety) == (7, 0.3, 0.25)
    assert r.train.lr_encoder == preset("cpu").train.lr_encoder and preset("cpu").train.steps == 600
    for wrong in ("learning_rate", "model"):
        with pytest.raises(ValueError, match=rf"no recipe, model or training setting is called \['{wrong}'\]"):
            preset("cpu").replace(**{wrong: 1})


def cli_args(**given):
    fields = dict(preset="cpu", encoder=None, steps=None, batch_size=None, hidden_size=None, lr_encoder=None,
                  lr_others=None, dropout=None, exact_loss=None, max_neg_type_ratio=None, label_drop=None,
                  factorized=None, out="runs/x", save_every=0, skip_nonfinite=False)
    return argparse.Namespace(**{**fields, **given})


def test_the_command_line_starts_from_its_preset_and_applies_what_it_is_given():
    demo = recipe_from(cli_args(preset="demo"))
    assert demo.model == preset("demo").model and demo.train.steps == 1000 and demo.train.output_dir == "runs/x"
    assert demo.model.max_neg_type_ratio == 8 and demo.train.lr_encoder == 1e-4
    mine = recipe_from(cli_args(steps=5, exact_loss=False, hidden_size=32))
    assert (mine.train.steps, mine.model.loss_clamp, mine.model.hidden_size) == (5, True, 32)
    assert mine.train.lr_others == preset("cpu").train.lr_others


def test_the_zeroshot_benchmark_defaults_are_the_zeroshot_preset():
    spec = importlib.util.spec_from_file_location("zeroshot_bench", ROOT / "benchmarks" / "zeroshot.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    args, r = bench.parse_args([]), preset("zeroshot")
    assert (args.steps, args.batch_size, args.lr_encoder, args.lr_others) == (
        r.train.steps, r.train.batch_size, r.train.lr_encoder, r.train.lr_others)
    assert (args.dropout, args.hidden_size, args.exact_loss) == (r.model.dropout, r.model.hidden_size, not r.model.loss_clamp)
    assert (args.negatives_from, math.isinf(args.neg_ratio), args.variety, args.temperature, args.max_words) == (
        "known", True, r.variety, r.temperature, r.max_words)
