"""benchmarks/zeroshot.py --quick end to end: the result JSON's shape, and resuming after an interruption.

The first call runs the real `python benchmarks/zeroshot.py`; the others call its `main` in this process
(tests/in_process.py).
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from safetensors.torch import load_file

from in_process import run_main
from minigliner import GLiNER

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))   # as tests/test_fuzz.py imports benchmarks/fuzz.py
import zeroshot  # noqa: E402
ZEROSHOT = ["crossner_ai", "crossner_literature", "crossner_music", "crossner_politics", "crossner_science",
            "mit-movie", "mit-restaurant"]
# --quick, made smaller still: 4 steps of 4 examples, a checkpoint every 2, 5 sentences per set, MiniLM's first
# block and a hidden size of 64 (about 10 s a call instead of 26)
SMALL = ["--quick", "--steps", "4", "--batch-size", "4", "--save-every", "2", "--eval-sentences", "5",
         "--dev-sentences", "5", "--heldout", "2", "--encoder-layers", "1", "--hidden-size", "64"]


def bench(*args, check=True, subprocess_=False):
    """benchmarks/zeroshot.py ARGS from the repository root: in this process, or as its own (subprocess_=True)."""
    if subprocess_:
        proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "zeroshot.py"), *map(str, args)],
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
    else:
        proc = run_main(zeroshot.main, args, cwd=ROOT)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def standard(tmp_path_factory):
    """A quick standard run stopped after 2 steps (what it left then is recorded) and resumed to the end."""
    tmp_path = tmp_path_factory.mktemp("standard")
    run, out = tmp_path / "run", tmp_path / "zeroshot.json"
    first = bench(*SMALL, "--run-dir", run, "--out", out, "--stop-after", 2, subprocess_=True)
    after_stop = SimpleNamespace(checkpoints=sorted(p.name for p in run.glob("checkpoint-*")),
                                 trainer_state=(run / "checkpoint-2" / "trainer_state.pt").is_file(),
                                 seconds=json.loads((run / "progress.json").read_text())["sessions"][0]["seconds"],
                                 result_written=out.exists())
    second = bench(*SMALL, "--run-dir", run, "--out", out)
    return SimpleNamespace(run=run, out=out, first=first, after_stop=after_stop, second=second)


def test_quick_run_stops_resumes_and_writes_the_table(standard, tmp_path):
    run, out, first, second, stop = standard.run, standard.out, standard.first, standard.second, standard.after_stop
    assert "stopped after 2 steps" in first.stdout and not stop.result_written
    assert stop.checkpoints == ["checkpoint-2"] and stop.trainer_state   # optimizer, batch order, random state
    assert stop.seconds > 0
    assert f"resuming from {run / 'checkpoint-2'}" in second.stderr
    assert sorted(p.name for p in run.glob("checkpoint-*")) == ["checkpoint-4"]   # only the latest is kept
    model = GLiNER.from_pretrained(run / "model")                                   # the trained model, saved
    assert model.predict_entities("Ada Lovelace was born in London .", ["person", "city"], threshold=0.0)

    result = json.loads(out.read_text())
    assert list(result["datasets"]) == ZEROSHOT
    for name, r in result["datasets"].items():
        assert {"precision", "recall", "f1"} <= set(r) and all(0 <= r[k] <= 1 for k in ("precision", "recall", "f1"))
        assert r["sentences"] == 5 and r["entities"] > 0
    assert result["average_f1"] == pytest.approx(sum(r["f1"] for r in result["datasets"].values()) / 7)
    assert result["threshold"] == 0.5 and result["steps"] == 4 and result["quick"] is True
    assert result["command"].startswith("python benchmarks/zeroshot.py --quick") and result["commit"]
    assert [p["steps"] for p in result["losses"]] == [2, 4] and len(result["sessions"]) == 2
    assert result["train_seconds"] > 0
    recipe = result["recipe"]   # the probes' winner is the default; strict JSON (no Infinity)
    assert (recipe["negatives_from"], recipe["neg_ratio"], recipe["variety"]) == ("known", "inf", 0.5)
    assert recipe["encoder_layers"] == 1 and len(model.encoder.blocks) == 1   # --encoder-layers reached the model
    assert "Infinity" not in out.read_text()
    assert result["calibration"]["sets"] == ZEROSHOT[:5] and result["calibration"]["split"] == "dev"
    assert 0.1 <= result["calibration"]["threshold"] <= 0.9
    assert set(result["calibration"]["test"]["datasets"]) == set(ZEROSHOT)
    assert len(result["heldout"]["datasets"]) == 15 and "conll2003" in result["heldout"]["datasets"]
    data = result["training_data"]
    assert "pilener" in data["datasets"] and data["datasets"]["pilener"]["pool"] == 200
    assert {"FewNERD-a", "FewNERD-b", "MultiCoNER2-en"} <= set(data["datasets"])          # the new corpora
    assert not set(data["datasets"]) & set(ZEROSHOT) and data["left_out_labels"] == []
    assert sum(d["drawn"] for d in data["datasets"].values()) == 4 * 4                      # steps x batch
    assert data["label_names_seen"] == len(data["labels_seen"]) > 10
    rows = second.stdout.splitlines()
    header = next(i for i, r in enumerate(rows) if r.startswith("dataset"))
    assert rows[header].split()[-1] == "GLiNER-L"
    assert [r.split()[0] for r in rows[header + 1:header + 9]] == ZEROSHOT + ["average"]
    assert rows[header + 8].split()[-2:] == [f"{100 * result['average_f1']:.1f}", "60.9"]

    # the same command without the interruption gives the same model and the same scores
    again, out2 = tmp_path / "again", tmp_path / "again.json"
    bench(*SMALL, "--run-dir", again, "--out", out2, "--no-calibrate", "--heldout", 0)
    a, b = load_file(run / "checkpoint-4" / "model.safetensors"), load_file(again / "checkpoint-4" / "model.safetensors")
    assert a.keys() == b.keys() and all((a[k] == b[k]).all() for k in a)
    again_result = json.loads(out2.read_text())
    assert again_result["datasets"] == result["datasets"] and again_result["losses"] == result["losses"]

    # --no-zeroshot (choosing a recipe): held-out in-domain F1 only, the zero-shot sets untouched
    out3 = tmp_path / "heldout.json"
    third = bench(*SMALL, "--run-dir", run, "--out", out3, "--no-zeroshot")
    heldout_only = json.loads(out3.read_text())
    assert "datasets" not in heldout_only and "calibration" not in heldout_only and "GLiNER-L" not in third.stdout
    assert heldout_only["heldout"] == result["heldout"]

    # a different recipe in the same folder is refused
    proc = bench(*SMALL, "--lr-others", "1e-4", "--run-dir", run, check=False)
    assert proc.returncode != 0 and "holds a run with another recipe" in proc.stderr


def test_strict_leaves_out_every_evaluation_label_and_joins_the_standard_table(standard, tmp_path):
    from minigliner.training.corpus import dataset_labels
    evaluation = {lab.lower() for name in ZEROSHOT for lab in dataset_labels(ROOT.parent / "shared" / "data" / "zeroshot" / name)}
    out = tmp_path / "results"
    out.mkdir()
    shutil.copy(standard.out, out / "zeroshot.json")          # the standard run's table, joined below
    bench(*SMALL, "--no-calibrate", "--setting", "strict", "--run-dir", tmp_path / "strict",
          "--out", out / "zeroshot-strict.json")
    strict = json.loads((out / "zeroshot-strict.json").read_text())
    assert set(strict["training_data"]["left_out_labels"]) == evaluation and {"person", "politician"} <= evaluation
    assert not set(strict["training_data"]["labels_seen"]) & evaluation
    assert strict["recipe"]["setting"] == "strict"
    joined = json.loads((out / "zeroshot.json").read_text())
    assert joined["strict"]["average_f1"] == strict["average_f1"] and list(joined["strict"]["datasets"]) == ZEROSHOT


def test_heldout_probe_never_trains_on_fewnerd_b_nor_reads_the_zeroshot_tests(tmp_path):
    out = tmp_path / "probe.json"
    proc = bench(*SMALL, "--setting", "heldout", "--run-dir", tmp_path / "probe", "--out", out, "--heldout", 0,
                 "--negatives-from", "known", "--label-drop", "0.5", "--variety", "0.5")
    result = json.loads(out.read_text())
    data = result["training_data"]
    assert "FewNERD-b" not in data["datasets"] and data["left_out_corpora"] == ["FewNERD-b"]
    unseen = result["unseen"]
    assert list(unseen["datasets"]) == ["FewNERD-b"]
    assert {"actor", "weapon", "athlete", "written work"} <= set(data["left_out_labels"])
    assert not {"actor", "weapon", "athlete", "written work", "musical work"} & set(data["labels_seen"])
    assert "datasets" not in result and "calibration" not in result and "GLiNER-L" not in proc.stdout
    assert set(result["crossner_dev"]["datasets"]) == set(ZEROSHOT[:5])
    assert 0 <= unseen["average_f1"] <= 1 and set(unseen["curve"]) == {"0.01", "0.02", "0.03", "0.05"} | {str(round(0.1 * i, 1)) for i in range(1, 10)}
