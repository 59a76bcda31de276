"""Thresholds per label against one common threshold, chosen on the CrossNER dev splits (issue 17).

    python benchmarks/calibrate.py                          # the zero-shot model of `make model`
    python benchmarks/calibrate.py --model runs/x --quick   # 40 dev sentences per set, to check the pipeline

For each CrossNER set, the dev split is cut in two halves: thresholds are chosen on one half
(minigliner.apps.evaluate.calibrate_thresholds: the best common threshold of the grid, then one per label)
and scored on the other, both ways; the table gives the mean over the two folds of F1 on the unseen half,
with the common threshold chosen on the same half beside it. Then thresholds chosen on the whole dev split
are scored on the test split (the zero-shot test sets are only scored here, never used to choose).
Writes benchmarks/results/calibration.json and prints a table.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from minigliner import GLiNER  # noqa: E402
from minigliner.apps.evaluate import calibrate_on, gold_spans, score, select  # noqa: E402
from minigliner.inference.jobs import text_candidates  # noqa: E402
from minigliner.training.corpus import read_dataset  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "zeroshot"
SETS = ("crossner_ai", "crossner_literature", "crossner_music", "crossner_politics", "crossner_science")
GRID = [round(0.05 * i, 2) for i in range(1, 20)]


def f1(candidates, gold, labels, threshold) -> float:
    return score(select(candidates, labels, threshold), gold)["f1"]


def best_common(candidates, gold, labels) -> float:
    """The grid threshold with the best micro F1 (the lowest of equal ones)."""
    return max(GRID, key=lambda t: f1(candidates, gold, labels, t))


def one_set(model, name: str, limit: int | None) -> dict:
    """Both folds of the dev split, then dev -> test; one forward pass per split (candidates at the lowest threshold)."""
    dev, labels = read_dataset(DATA / name / "dev.txt")
    test, _ = read_dataset(DATA / name / "test.txt")
    dev, test = dev[:limit] if limit else dev, test[:limit] if limit else test
    collect = lambda examples: text_candidates(model, [ex["tokenized_text"] for ex in examples], labels, GRID[0])
    dev_c, test_c = collect(dev), collect(test)
    dev_g, test_g = gold_spans(dev, labels), gold_spans(test, labels)
    half = len(dev) // 2
    parts = [(dev_c[:half], dev_g[:half]), (dev_c[half:], dev_g[half:])]
    folds = []
    for (chosen_c, chosen_g), (scored_c, scored_g) in (parts, parts[::-1]):
        common, per_label = best_common(chosen_c, chosen_g, labels), calibrate_on(chosen_c, chosen_g, labels, GRID)
        folds.append({"common": common, "per_label": per_label,
                      "f1_common": f1(scored_c, scored_g, labels, common),
                      "f1_per_label": f1(scored_c, scored_g, labels, per_label)})
    common, per_label = best_common(dev_c, dev_g, labels), calibrate_on(dev_c, dev_g, labels, GRID)
    return {"dev_sentences": len(dev), "test_sentences": len(test), "labels": labels, "folds": folds,
            "dev_f1_common": sum(f["f1_common"] for f in folds) / 2,
            "dev_f1_per_label": sum(f["f1_per_label"] for f in folds) / 2,
            "test": {"common": common, "per_label": per_label, "f1_at_0.5": f1(test_c, test_g, labels, 0.5),
                     "f1_common": f1(test_c, test_g, labels, common),
                     "f1_per_label": f1(test_c, test_g, labels, per_label)}}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=str(ROOT / "runs" / "zeroshot" / "model"))
    p.add_argument("--quick", action="store_true", help="40 sentences of each split")
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "calibration.json"))
    args = p.parse_args(argv)
    if not Path(args.model).is_dir():
        raise SystemExit(f"no model in {args.model}: `make model` trains the zero-shot one (about 2 hours)")
    started = time.time()
    model = GLiNER.from_pretrained(args.model)
    results = {name: one_set(model, name, 40 if args.quick else None) for name in SETS}
    mean = lambda key: sum(r[key] for r in results.values()) / len(results)
    mean_test = lambda key: sum(r["test"][key] for r in results.values()) / len(results)
    summary = {"dev_f1_common": mean("dev_f1_common"), "dev_f1_per_label": mean("dev_f1_per_label"),
               "test_f1_at_0.5": mean_test("f1_at_0.5"), "test_f1_common": mean_test("f1_common"),
               "test_f1_per_label": mean_test("f1_per_label")}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    out = {"command": "python benchmarks/calibrate.py " + " ".join(argv or sys.argv[1:]), "commit": commit.strip(),
           "model": args.model, "grid": GRID, "quick": args.quick, "sets": results, "average": summary,
           "seconds": round(time.time() - started, 1), "torch_threads": torch.get_num_threads()}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    print(f"{'set':22} {'dev common':>10} {'dev per label':>13} {'test 0.5':>9} {'test common':>11} {'test per label':>14}")
    for name, r in results.items():
        t = r["test"]
        print(f"{name:22} {100 * r['dev_f1_common']:10.1f} {100 * r['dev_f1_per_label']:13.1f} "
              f"{100 * t['f1_at_0.5']:9.1f} {100 * t['f1_common']:11.1f} {100 * t['f1_per_label']:14.1f}")
    print(f"{'average':22} {100 * summary['dev_f1_common']:10.1f} {100 * summary['dev_f1_per_label']:13.1f} "
          f"{100 * summary['test_f1_at_0.5']:9.1f} {100 * summary['test_f1_common']:11.1f} "
          f"{100 * summary['test_f1_per_label']:14.1f}")
    print(f"{args.out} ({out['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
