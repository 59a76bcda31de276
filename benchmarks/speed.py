"""Predict throughput of minigliner vs the reference gliner 0.2.29 on identical MiniLM-size weights.

Workload: CrossNER-politics test sentences (timing only, no tuning), 8 labels, batch 1 and 8.
Both models share one random-head GLiNER on the all-MiniLM-L6-v2 encoder; outputs must match.

    python benchmarks/speed.py [--sentences 200] [--repeats 3]
Writes benchmarks/results/speed.json.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the offline reference builders live with the tests
DATA = ROOT.parent / "shared" / "data" / "zeroshot" / "crossner_politics" / "test.txt"
LABELS = ["person", "politician", "political party", "organisation", "country", "location",
          "election", "event"]


def sentences(path: Path, n: int) -> list[str]:
    from minigliner.data import read_bio
    return [" ".join(ex["tokenized_text"]) for ex in read_bio(path)[:n]]


def build_pair(tmp: str):
    """A reference model on MiniLM (random head, scores spread) and minigliner loaded from its folder."""
    from gliner import GLiNER as RefGLiNER, GLiNERConfig as RefConfig
    from reference_models import save_reference, spread_scores

    from minigliner import GLiNER
    from minigliner.pretrained import minilm_folder
    torch.manual_seed(0)
    ref = RefGLiNER.from_config(RefConfig(model_name=str(minilm_folder()), hidden_size=384),
                                backbone_from_pretrained=True, local_files_only=True).eval()
    spread_scores(ref, std=0.12)
    folder = save_reference(ref, f"{tmp}/ref")
    return ref, GLiNER.from_pretrained(folder)


def timed(fn, repeats: int) -> tuple[float, object]:
    fn()  # warm-up
    best, out = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def key(results):
    return [[(e["start"], e["end"], e["label"]) for e in ents] for ents in results]


def max_score_gap(a, b) -> float:
    return max((abs(x["score"] - y["score"]) for p, q in zip(a, b) for x, y in zip(p, q)), default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "speed.json"))
    args = parser.parse_args()
    torch.set_num_threads(2)
    texts = sentences(DATA, args.sentences)
    with tempfile.TemporaryDirectory() as tmp:
        ref, ours = build_pair(tmp)
        runs = {
            "batch_1": {
                "reference": lambda: [ref.predict_entities(t, LABELS, threshold=args.threshold) for t in texts],
                "minigliner": lambda: [ours.predict_entities(t, LABELS, threshold=args.threshold) for t in texts]},
            "batch_8": {
                "reference": lambda: ref.inference(texts, LABELS, threshold=args.threshold, batch_size=8),
                "minigliner": lambda: ours.inference(texts, LABELS, threshold=args.threshold, batch_size=8)},
        }
        result, outputs = {}, []
        for batch, impls in runs.items():
            row = {}
            for name, fn in impls.items():
                seconds, out = timed(fn, args.repeats)
                row[name] = len(texts) / seconds
                outputs.append(out)
            row["ratio"] = row["minigliner"] / row["reference"]
            result[batch] = row
    identical = all(key(o) == key(outputs[0]) for o in outputs)
    gap = max(max_score_gap(o, outputs[0]) for o in outputs)
    n_entities = sum(map(len, outputs[0]))
    result.update(entities_identical=identical, max_score_difference=gap, entities=n_entities, sentences=len(texts), labels=LABELS,
                  threshold=args.threshold, torch_threads=torch.get_num_threads(),
                  machine=f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
                          f"torch {torch.__version__}")
    print(f"{len(texts)} CrossNER-politics sentences, {len(LABELS)} labels, MiniLM-L6 weights, "
          f"{torch.get_num_threads()} threads, best of {args.repeats}")
    print(f"{'':10} {'reference s/s':>14} {'minigliner s/s':>15} {'ratio':>7}")
    for batch in ("batch_1", "batch_8"):
        r = result[batch]
        print(f"{batch:10} {r['reference']:14.1f} {r['minigliner']:15.1f} {r['ratio']:7.2f}")
    print(f"entities identical: {identical} ({n_entities} entities); largest score difference {gap:.1e}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    if not identical or gap > 1e-5:
        sys.exit("outputs differ between minigliner and the reference")


if __name__ == "__main__":
    main()
