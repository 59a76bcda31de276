"""Throughput (texts/s) against the number of labels: uni-encoder, bi-encoder, bi-encoder with cached labels.

All three read the text with the same all-MiniLM-L6-v2 encoder (the bi-encoders' label encoder
is a second all-MiniLM-L6-v2) and carry random heads (hidden 512): this measures cost, not quality.
    uni        labels in every text's prompt; when they overflow the 512 positions they are split into
               groups read one after another (minigliner.inference.windows.plan_label_groups)
    bi         labels encoded by the label encoder in every inference call of `--batch-size` texts
    bi_cached  labels encoded once (encode_labels), every call reuses the vectors
    bi_cached_fast  bi_cached with the factorized span head (fast=True: minigliner.variants.factorized)

Workload: CrossNER-politics test sentences (timing only), label names from the Pile-NER type list
(numbered copies past its 391 names), threshold 0.9 (random heads give few entities; counts are printed).

    full run (quiet machine, ~10 minutes):  OMP_NUM_THREADS=2 python benchmarks/label_scaling.py
    short run (~2 minutes):                 OMP_NUM_THREADS=2 python benchmarks/label_scaling.py --quick
Writes benchmarks/results/label_scaling.json ({"modes": {"uni": {"1": texts_per_s, ...}, "bi": ..., ...}})
and label_scaling.png beside it; the details (settings, entity counts) go to label_scaling_details.json.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's minigliner, not an installed one
DATA = ROOT.parent / "shared" / "data"
TEXTS = DATA / "zeroshot" / "crossner_politics" / "test.txt"
TYPES = DATA / "pilener_subset" / "top_391_NamedEntities.json"
FULL_COUNTS = [2 ** i for i in range(11)]     # 1 .. 1024
QUICK_COUNTS = [1, 16, 256, 1024]


def label_names(n: int) -> list[str]:
    """n distinct label names: the Pile-NER types, then numbered copies of them."""
    names = json.loads(TYPES.read_text())
    out = list(dict.fromkeys(names))
    copy = 2
    while len(out) < n:
        out += [f"{name} {copy}" for name in names]
        copy += 1
    return out[:n]


def build_models(hidden: int):
    from minigliner import GLiNER, GLiNERConfig
    from minigliner.folders.hub import minilm_folder
    folder = str(minilm_folder())
    torch.manual_seed(0)
    uni = GLiNER.from_encoder(GLiNERConfig(encoder=folder, hidden_size=hidden)).eval()
    torch.manual_seed(0)
    bi = GLiNER.from_encoder(GLiNERConfig(encoder=folder, labels_encoder=folder, hidden_size=hidden)).eval()
    return uni, bi


def run_mode(mode: str, uni, bi, texts: list[str], labels: list[str], args) -> list[list[dict]]:
    """One pass over the texts in the given mode."""
    kw = dict(threshold=args.threshold, batch_size=args.batch_size)
    if mode == "uni":
        return uni.inference(texts, labels, **kw)
    if mode in ("bi_cached", "bi_cached_fast"):   # the cache was filled by the warm-up call
        return bi.inference(texts, labels, fast=mode == "bi_cached_fast", **kw)
    out = []
    for i in range(0, len(texts), args.batch_size):   # "bi": the label set is encoded again in every call
        bi.label_encoder.clear_cache()
        out += bi.inference(texts[i:i + args.batch_size], labels, **kw)
    return out


def measure(mode: str, uni, bi, texts: list[str], labels: list[str], args) -> tuple[float, int]:
    """Best texts/s over the repeats (after one warm-up pass on a few texts), and the entity count."""
    run_mode(mode, uni, bi, texts[:args.batch_size], labels, args)   # warm-up; fills bi_cached's cache
    best, found = 0.0, 0
    for _ in range(args.repeats):
        start = time.perf_counter()
        out = run_mode(mode, uni, bi, texts, labels, args)
        best = max(best, len(texts) / (time.perf_counter() - start))
        found = sum(map(len, out))
    return best, found


def plot(modes: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for mode, row in modes.items():
        counts = sorted(row, key=int)
        ax.plot([int(c) for c in counts], [row[c] for c in counts], marker="o", label=mode)
    ax.set(xscale="log", yscale="log", xlabel="labels per call", ylabel="texts / s",
           title="Throughput against the number of labels (MiniLM-L6, hidden 512, CPU)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="16 texts, labels 1/16/256/1024, best of 2 (~3 min)")
    parser.add_argument("--texts", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--hidden", type=int, default=512)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "label_scaling.json"))
    args = parser.parse_args()
    counts = QUICK_COUNTS if args.quick else FULL_COUNTS
    if args.quick:
        args.texts, args.repeats = 16, 2
    from minigliner.training.reading import read_bio
    texts = [" ".join(ex["tokenized_text"]) for ex in read_bio(TEXTS)[:args.texts]]
    uni, bi = build_models(args.hidden)
    modes = {"uni": {}, "bi": {}, "bi_cached": {}, "bi_cached_fast": {}}
    entities = {m: {} for m in modes}
    print(f"{len(texts)} texts, batch {args.batch_size}, threshold {args.threshold}, "
          f"{torch.get_num_threads()} threads; texts/s (entities found)")
    print(f"{'labels':>6} " + " ".join(f"{m:>18}" for m in modes))
    with torch.inference_mode():
        for n in counts:
            labels = label_names(n)
            for mode in modes:
                modes[mode][str(n)], entities[mode][str(n)] = measure(mode, uni, bi, texts, labels, args)
            print(f"{n:>6} " + " ".join(f"{modes[m][str(n)]:>10.2f} ({entities[m][str(n)]:>5})" for m in modes),
                  flush=True)
    last = str(counts[-1])
    for mode in ("bi_cached", "bi_cached_fast"):
        keep = modes[mode][last] / modes[mode]["1"]
        speedup = modes[mode][last] / modes["uni"][last]
        print(f"{mode} at {last} labels keeps {keep:.0%} of its 1-label throughput and is {speedup:.0f}x "
              "the uni-encoder")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"modes": modes}, indent=2) + "\n")
    details = dict(texts=len(texts), batch_size=args.batch_size, threshold=args.threshold, hidden=args.hidden,
                   repeats=args.repeats, quick=args.quick, entities=entities, torch_threads=torch.get_num_threads(),
                   machine=f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
                           f"torch {torch.__version__}")
    out.with_name(out.stem + "_details.json").write_text(json.dumps(details, indent=2) + "\n")
    plot(modes, out.with_suffix(".png"))


if __name__ == "__main__":
    main()
