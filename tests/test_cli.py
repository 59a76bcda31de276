"""The command line, run as a user would: python -m minigliner predict | evaluate | train.

The first test runs the real `python -m minigliner`; the others call its `main` in this process (tests/in_process.py:
the same output, exit status and messages, without 2 s of imports per call).
"""
import json
import shutil
import subprocess
import sys

import pytest
import torch

from in_process import run_main
from minigliner import GLiNER
from minigliner.apps.cli import main


def run(*args, check=True, cwd=None):
    proc = run_main(main, args, cwd=cwd)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def run_command(*args):
    proc = subprocess.run([sys.executable, "-m", "minigliner", *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def saved(tiny_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "tiny"
    tiny_model.save_pretrained(folder)
    return folder


TEXT = "John lived in Paris with Mary ."
EXAMPLES = [
    {"tokenized_text": "John lived in Paris with Mary .".split(), "ner": [[0, 0, "person"], [3, 3, "city"], [5, 5, "person"]]},
    {"tokenized_text": "Peter visited Berlin on Monday .".split(), "ner": [[0, 0, "person"], [2, 2, "city"]]},
    {"tokenized_text": "Anna met Paul in London .".split(), "ner": [[0, 0, "person"], [2, 2, "person"], [4, 4, "city"]]},
]


def test_predict_prints_the_text_and_entities(saved, tiny_model):
    out = run_command("predict", "--model", saved, "--labels", "person,city", "--threshold", "0", TEXT,
                      "Peter visited Berlin .").stdout.splitlines()
    expected = tiny_model.inference([TEXT, "Peter visited Berlin ."], ["person", "city"], threshold=0.0)
    assert out[0] == TEXT and out[1] == "  labels: person, city"
    assert len(out) == 4 + sum(map(len, expected))
    first = expected[0][0]
    line = out[2]
    assert line.startswith("  ") and repr(first["text"]) in line and first["label"] in line
    assert f"[{first['start']}:{first['end']}]" in line and f"{first['score']:.3f}" in line
    assert out[2 + len(expected[0])] == "Peter visited Berlin ."


def test_predict_json_is_parseable_with_offsets(saved, tiny_model):
    lines = run("predict", "--model", saved, "--labels", "person, city ,", "--threshold", "0.3", "--nested",
                "--json", TEXT).stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["text"] == TEXT
    expected = tiny_model.predict_entities(TEXT, ["person", "city"], threshold=0.3, flat_ner=False)
    assert [(e["start"], e["end"], e["label"]) for e in record["entities"]] == \
        [(e["start"], e["end"], e["label"]) for e in expected]
    for e in record["entities"]:
        assert TEXT[e["start"]:e["end"]] == e["text"]


def test_predict_reads_texts_from_a_file_and_says_when_nothing_is_found(saved, tmp_path):
    path = tmp_path / "texts.txt"
    path.write_text("John lived in Paris .\nMary met Paul .\n", encoding="utf-8")
    out = run("predict", "--model", saved, "--labels", "person", "--threshold", "1", "--file", path).stdout
    assert out.splitlines() == ["John lived in Paris .", "  labels: person", "  (no entities)",
                                "Mary met Paul .", "  labels: person", "  (no entities)"]


def test_predict_reads_labels_per_text_from_jsonl(saved, tmp_path, tiny_model):
    path = tmp_path / "jobs.jsonl"
    jobs = [{"text": TEXT, "labels": ["person"]}, {"text": "Peter visited Berlin .", "labels": ["city", "date"]}]
    path.write_text("\n".join(json.dumps(j) for j in jobs) + "\n", encoding="utf-8")
    records = [json.loads(l) for l in run("predict", "--model", saved, "--threshold", "0.2", "--json",
                                          "--file", path).stdout.splitlines()]
    for job, record in zip(jobs, records, strict=True):
        expected = tiny_model.predict_entities(job["text"], job["labels"], threshold=0.2)
        assert [(e["start"], e["end"], e["label"]) for e in record["entities"]] == \
            [(e["start"], e["end"], e["label"]) for e in expected]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no labels here"}\n', encoding="utf-8")
    proc = run("predict", "--model", saved, "--file", bad, check=False)
    assert proc.returncode != 0 and "bad.jsonl:1" in proc.stderr


def test_the_demo_prompts_only_labels_absent_from_the_training_data():
    from pathlib import Path
    root = Path(__file__).parents[1] / "data"
    seen = {lab for name in ("train.json", "varied_train.json")
            for ex in json.loads((root / name).read_text()) for *_, lab in ex["ner"]}
    unseen = {lab for ex in json.loads((root / "eval_unseen.json").read_text()) for *_, lab in ex["ner"]}
    demo = [json.loads(l) for l in (root / "demo_texts.jsonl").read_text().splitlines() if l.strip()]
    assert demo and all(job["labels"] for job in demo)
    assert {lab for job in demo for lab in job["labels"]} <= unseen and len(unseen) >= 20 and len(seen) >= 300
    assert not seen & unseen


def test_make_demo_runs_its_three_commands(tiny_bert, tmp_path):
    """The Makefile's demo recipe as written (its flags, files and threshold), on a tiny encoder for 2 steps."""
    from pathlib import Path
    import shlex
    root = Path(__file__).parents[1]
    make = (root / "Makefile").read_text().replace("\\\n", " ")
    threshold = next(l.split(":=")[1].strip() for l in make.splitlines() if l.startswith("DEMO_THRESHOLD"))
    recipe = make.split("\ndemo:")[1].split("\n\n")[0].splitlines()[1:]
    commands = [shlex.split(l.strip().replace("$(DEMO_THRESHOLD)", threshold).replace("runs/demo", str(tmp_path / "demo")))
                for l in recipe]
    assert [c[:3] for c in commands] == [["$(PY)", "-m", "minigliner"]] * 3
    assert [c[3] for c in commands] == ["train", "predict", "evaluate"]
    train = commands[0][3:] + ["--steps", "2"]   # the last --steps wins
    assert train[train.index("--preset") + 1] == "demo"
    out = [run(*train, "--encoder", tiny_bert, "--hidden-size", 32, cwd=root).stdout]
    out += [run(*c[3:], cwd=root).stdout for c in commands[1:]]
    assert "trained 2 steps" in out[0] and "data/demo_texts.jsonl" in commands[1]
    assert out[2].splitlines()[1].split()[:3] == ["eval_unseen", "203", "273"]   # every sentence and entity scored


def test_predict_without_text_errors(saved):
    proc = run("predict", "--model", saved, "--labels", "person", check=False)
    assert proc.returncode == 2 and "predict needs texts or --file" in proc.stderr and proc.stdout == ""


def test_evaluate_prints_a_table_per_dataset_and_writes_json(saved, tmp_path, tiny_model):
    data = tmp_path / "small.json"
    data.write_text(json.dumps(EXAMPLES))
    out_json = tmp_path / "result.json"
    proc = run("evaluate", "--model", saved, "--data", data, "--threshold", "0.3", "--out", out_json, "--per-label")
    rows = proc.stdout.splitlines()
    assert rows[0].split() == ["dataset", "sentences", "entities", "P", "R", "F1"]
    assert rows[1].split()[:3] == ["small", "3", "8"] and rows[2].split()[0] == "average"
    assert "3 sentences, 8 entities, 2 types" in proc.stderr
    result = json.loads(out_json.read_text())
    assert set(result["datasets"]) == {"small"} and result["threshold"] == 0.3 and result["flat_ner"] is True
    small = result["datasets"]["small"]
    assert set(small["per_label"]) == {"city", "person"} and small["labels"] == ["city", "person"]
    micro = [float(x) for x in rows[1].split()[3:]]
    assert micro == pytest.approx([100 * small[k] for k in ("precision", "recall", "f1")], abs=0.051)
    assert result["average_f1"] == small["f1"]
    assert [r.split()[-4] for r in rows[3:]] == ["label", "city", "person"]   # --per-label rows
    from minigliner.apps.evaluate import evaluate
    expected = evaluate(tiny_model, EXAMPLES, ["city", "person"], threshold=0.3)
    assert {k: small[k] for k in ("precision", "recall", "f1")} == \
        pytest.approx({k: expected[k] for k in ("precision", "recall", "f1")})
    for label, scores in expected["per_label"].items():
        assert small["per_label"][label] == pytest.approx(scores)


BIO_TEXT = "John\tB-PER\nlived\tO\nin\tO\nParis\tB-LOC\n.\tO\n\nPeter\tB-PER\nvisited\tO\nBerlin\tB-LOC\n"


def test_evaluate_reads_bio_folders_with_label_txt_and_label_names(saved, tmp_path, tiny_model):
    root = tmp_path / "data"
    for name in ("alpha", "beta"):
        (root / "sets" / name).mkdir(parents=True)
        (root / "sets" / name / "test.txt").write_text(BIO_TEXT, encoding="utf-8")
    (root / "sets" / "alpha" / "label.txt").write_text("PER\nLOC\n")
    (root / "sets" / "beta" / "label.txt").write_text("PER\n")                     # beta asks for person only
    (root / "label_names.json").write_text(json.dumps({"alpha": {"PER": "person", "LOC": "city"},
                                                       "beta": {"PER": "person"}}))
    out_json = tmp_path / "r.json"
    proc = run("evaluate", "--model", saved, "--data", root / "sets/alpha/test.txt", root / "sets/beta/test.txt",
               "--threshold", "0.2", "--nested", "--out", out_json)
    assert f"label names from {root / 'label_names.json'}" in proc.stderr
    result = json.loads(out_json.read_text())
    assert result["flat_ner"] is False
    assert result["datasets"]["alpha"]["labels"] == ["person", "city"] and result["datasets"]["alpha"]["entities"] == 4
    assert result["datasets"]["beta"]["labels"] == ["person"] and result["datasets"]["beta"]["entities"] == 2
    from minigliner.training.reading import read_bio
    from minigliner.apps.evaluate import evaluate
    examples = read_bio(root / "sets/alpha/test.txt", {"PER": "person", "LOC": "city"})
    alpha = evaluate(tiny_model, examples, ["person", "city"], threshold=0.2, flat_ner=False)
    beta = evaluate(tiny_model, examples, ["person"], threshold=0.2, flat_ner=False)
    assert result["datasets"]["alpha"]["f1"] == pytest.approx(alpha["f1"])
    assert result["average_f1"] == pytest.approx((alpha["f1"] + beta["f1"]) / 2)
    assert [r.split()[0] for r in proc.stdout.splitlines()] == ["dataset", "alpha", "beta", "average"]
    # two files from one folder get folder/stem names; --labels overrides label.txt
    (root / "sets" / "alpha" / "dev.txt").write_text(BIO_TEXT, encoding="utf-8")
    proc = run("evaluate", "--model", saved, "--data", root / "sets/alpha/test.txt", root / "sets/alpha/dev.txt",
               "--labels", "person", "--threshold", "0.2", "--out", out_json)
    result = json.loads(out_json.read_text())
    assert list(result["datasets"]) == ["alpha/test", "alpha/dev"]
    assert result["datasets"]["alpha/dev"]["labels"] == ["person"] and result["datasets"]["alpha/dev"]["entities"] == 2


def test_train_writes_a_loadable_model(tiny_bert, tmp_path):
    data = tmp_path / "train.json"
    data.write_text(json.dumps(EXAMPLES))
    out = tmp_path / "model"
    proc = run("train", "--data", data, "--encoder", tiny_bert, "--out", out, "--steps", 3,
               "--batch-size", 2, "--hidden-size", 32, "--seed", 1)
    assert "trained 3 steps" in proc.stdout and str(out) in proc.stdout
    model = GLiNER.from_pretrained(out)
    assert model.config.hidden_size == 32 and model.config.encoder == str(tiny_bert)
    entities = model.predict_entities(TEXT, ["person", "city"], threshold=0.0)
    assert entities and all(TEXT[e["start"]:e["end"]] == e["text"] for e in entities)
    assert torch.isfinite(model.encoder.embeddings.token.weight).all()


def test_train_resumes_from_the_last_checkpoint_to_the_same_model(tiny_bert, tmp_path):
    data = tmp_path / "train.json"
    data.write_text(json.dumps(EXAMPLES))
    args = ["--data", data, "--encoder", tiny_bert, "--steps", 4, "--batch-size", 2, "--hidden-size", 32,
            "--seed", 1, "--save-every", 2]
    run("train", *args, "--out", tmp_path / "straight")
    crashed = tmp_path / "crashed"
    run("train", *args, "--out", crashed)
    shutil.rmtree(crashed / "checkpoint-4")               # as if killed between step 2's checkpoint and the end
    (crashed / "model.safetensors").unlink()
    proc = run("train", *args, "--out", crashed, "--resume")
    assert f"resuming from {crashed / 'checkpoint-2'}" in proc.stderr
    assert (crashed / "model.safetensors").read_bytes() == (tmp_path / "straight" / "model.safetensors").read_bytes()


def test_train_on_bad_data_stops_naming_the_line_or_skips_it(tiny_bert, tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in EXAMPLES + [{"tokenized_text": [], "ner": []}]) + "\n")
    args = ["--data", data, "--encoder", tiny_bert, "--steps", 1, "--batch-size", 2, "--hidden-size", 32,
            "--out", tmp_path / "m"]
    failed = run("train", *args, check=False)
    assert failed.returncode != 0
    assert f"{data}:{len(EXAMPLES) + 1}: example {len(EXAMPLES)}: empty sentence" in failed.stderr
    proc = run("train", *args, "--on-error", "skip")
    assert f"{len(EXAMPLES)} sentences" in proc.stderr and "1 skipped" in proc.stderr
    assert f"skipped: {data}:{len(EXAMPLES) + 1}: example {len(EXAMPLES)}: empty sentence" in proc.stderr


def test_thresholds_per_label_on_the_command_line(saved, tiny_model):
    from minigliner.apps.cli import parse_threshold, thresholds_for
    assert parse_threshold("0.3") == 0.3
    assert parse_threshold("0.3, person=0.5") == {"*": 0.3, "person": 0.5}
    assert thresholds_for(parse_threshold("0.3,person=0.5"), ["person", "city"]) == {"person": 0.5, "city": 0.3}
    for bad, message in [("x", "not a number"), ("0.3,0.4", "two default"), ("", "empty")]:
        with pytest.raises(Exception, match=message):
            parse_threshold(bad)
    with pytest.raises(SystemExit, match=r"no number for \['city'\]"):
        thresholds_for(parse_threshold("person=0.5"), ["person", "city"])
    record = json.loads(run("predict", "--model", saved, "--labels", "person,city", "--threshold",
                            "0.45,person=0.1", "--json", TEXT).stdout)
    expected = tiny_model.predict_entities(TEXT, ["person", "city"], threshold={"person": 0.1, "city": 0.45})
    assert [(e["start"], e["label"]) for e in record["entities"]] == [(e["start"], e["label"]) for e in expected]
