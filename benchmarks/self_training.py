"""Self-training measured: F1 on a held-out split before and after learning from weak labels.

    python benchmarks/self_training.py --base runs/demo [--corpus broad_twitter_corpus]

The base model labels unlabeled training-split texts of the corpus (their gold labels are never
read), is fine-tuned on its own predictions above --threshold with label smoothing, and is scored
on the corpus's test split before and after. Writes benchmarks/results/self_training.json.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def main() -> None:
    from minigliner import GLiNER
    from minigliner.training.reading import load_label_names, read_bio
    from minigliner.apps.evaluate import evaluate
    from minigliner.training.self_training import self_train
    from minigliner.training.loop import TrainConfig

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", required=True, help="a trained minigliner folder (e.g. from make demo)")
    p.add_argument("--corpus", default="broad_twitter_corpus")
    p.add_argument("--unlabeled", type=int, default=1000, help="training-split texts used without labels")
    p.add_argument("--eval", type=int, default=500, help="test-split sentences scored")
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--threshold", type=float, default=0.5, help="weak-label and evaluation threshold")
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--negatives", type=float, default=1.0,
                   help="share of negative pairs of unlabelled spans kept per step (1 = all)")
    p.add_argument("--lr-encoder", type=float, default=5e-5)
    p.add_argument("--lr-others", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "self_training.json"))
    args = p.parse_args()
    torch.manual_seed(args.seed)
    names = load_label_names(SHARED / "label_names.json", args.corpus)
    folder = SHARED / "train" / args.corpus
    unlabeled = [ex["tokenized_text"] for ex in read_bio(folder / "train.txt", names)][:args.unlabeled]
    test = read_bio(folder / "test.txt", names)[:args.eval]
    labels = sorted({names.get(code, code.lower()) for code in (folder / "label.txt").read_text().split()})
    model = GLiNER.from_pretrained(args.base)
    before = evaluate(model, test, labels, threshold=args.threshold)
    start = time.time()
    cfg = TrainConfig(steps=args.steps, batch_size=8, lr_encoder=args.lr_encoder, lr_others=args.lr_others)
    history = self_train(model, unlabeled, labels, cfg,
                         threshold=args.threshold, label_smoothing=args.label_smoothing,
                         rng=random.Random(args.seed), negatives=args.negatives)
    after = evaluate(model, test, labels, threshold=args.threshold)
    result = {"command": "python benchmarks/self_training.py " + " ".join(sys.argv[1:]), "corpus": args.corpus, "labels": labels, "base": str(args.base), "unlabeled_texts": len(unlabeled),
              "weak_examples": history[0]["examples"], "weak_entities": history[0]["weak_entities"],
              "steps": args.steps, "lr_encoder": args.lr_encoder, "lr_others": args.lr_others,
              "threshold": args.threshold, "label_smoothing": args.label_smoothing,
              "negatives": args.negatives,
              "eval_sentences": len(test), "seconds": round(time.time() - start, 1),
              "before": {k: before[k] for k in ("precision", "recall", "f1")},
              "after": {k: after[k] for k in ("precision", "recall", "f1")}}
    print(f"{args.corpus}: {len(test)} test sentences, labels {labels}")
    print(f"weak labels: {result['weak_entities']} entities in {result['weak_examples']} of {len(unlabeled)} texts")
    print(f"{'':8} {'P':>6} {'R':>6} {'F1':>6}")
    for name in ("before", "after"):
        r = result[name]
        print(f"{name:8} {100 * r['precision']:6.1f} {100 * r['recall']:6.1f} {100 * r['f1']:6.1f}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
