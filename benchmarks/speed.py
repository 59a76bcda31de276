"""Predict throughput and peak memory: the reference gliner 0.2.29, minigliner plain and minigliner fast
(factorized span scoring), on identical MiniLM-size weights, batch 1 and 8; and minigliner reduced (fast, the
encoder in bfloat16), with its agreement: the entity-level F1 of its entities against fast's.

Workload: CrossNER-politics test sentences (timing only, no tuning), 8 labels. One reference GLiNER on the
all-MiniLM-L6-v2 encoder with a random head (scores spread) is saved once; every run loads that folder.
Memory and entities: each (implementation, batch) predicts once in its own fresh process, so that its peak
resident memory is its own. Speed: all implementations are loaded in one process and timed pass by pass, each
(implementation, batch) once per round, `--rounds` rounds, so that every pass of ours ran seconds after the
reference's pass of the same round, under the same load; on a shared machine whose speed drifts by a third over
minutes, "x ref" is the median over rounds of the two passes' ratio (its spread is in the JSON), sentences/s the
best pass. (Before, each implementation ran once in turn, minutes apart: one inference code measured 2.55x and
3.06x at batch 8 in two runs.)
Memory is resident memory from /proc/self/status, which counts torch's allocations (tracemalloc does not see
them): after loading, the peak mark is reset (/proc/self/clear_refs), so `peak_rss_mb` is the most the process
held while predicting (imports and weights included), `inference_mb` that peak minus the resident size once the
model was loaded, `load_peak_mb` the peak while importing and loading. (getrusage's ru_maxrss would not do: it
survives exec, so a child inherits its parent's peak.) The physical limit is the measured float32 matmul rate
divided by the encoder's FLOPs per sentence (its own prompt, no padding): no implementation can beat it without a
smaller encoder; `share_of_limit` is sentences/s over that limit.

    quiet machine:  python benchmarks/speed.py --threads 2                  (200 sentences, 5 rounds)
    short check:    OMP_NUM_THREADS=1 python benchmarks/speed.py --threads 1 --sentences 48 --rounds 1
Reduced runs where minigliner.inference.precision allows bfloat16 (the CPU has AVX512-BF16 or AMX-BF16); elsewhere
the JSON says why it was refused, and --force-reduced measures it anyway (PyTorch emulates bfloat16 there).
Accuracy of the reduced mode on a trained model: where `make model`'s runs/zeroshot/model exists (or --trained-model
names a folder), its zero-shot F1 on the whole CrossNER-politics test set at thresholds 0.15 (calibrated on CrossNER
dev, RESULTS.md) and 0.5, in float32 and with the bfloat16 encoder (refused or --force-reduced as above); --f1-only
measures just that and updates the "zeroshot_f1" entry of an existing JSON.
Writes benchmarks/results/speed.json: {"batch_1": {"reference": s/s, "plain": s/s, "fast": s/s, ...},
"batch_8": {...}, "entities_identical": true, "zeroshot_f1": {...}, ...}.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the offline reference builders live with the tests
DATA = ROOT.parent / "shared" / "data" / "zeroshot" / "crossner_politics" / "test.txt"
LABELS = ["person", "politician", "political party", "organisation", "country", "location",
          "election", "event"]
IMPLS = ["reference", "plain", "fast"]   # exact: their entities must be identical
REDUCED = "reduced"
BATCHES = [1, 8]
TRAINED = ROOT / "runs" / "zeroshot" / "model"   # make model (benchmarks/zeroshot.py)
F1_THRESHOLDS = [0.15, 0.5]


def sentences(path: Path, n: int) -> list[str]:
    from minigliner.training.reading import read_bio
    return [" ".join(ex["tokenized_text"]) for ex in read_bio(path)[:n]]


def build_reference_folder(tmp: str) -> str:
    """Save the benchmark's reference GLiNER (MiniLM encoder, seeded random head, spread scores) in tmp/ref."""
    from gliner import GLiNER as RefGLiNER, GLiNERConfig as RefConfig
    from reference_models import save_reference, spread_scores

    from minigliner.folders.hub import minilm_folder
    torch.manual_seed(0)
    ref = RefGLiNER.from_config(RefConfig(model_name=str(minilm_folder()), hidden_size=384),
                                backbone_from_pretrained=True, local_files_only=True).eval()
    spread_scores(ref, std=0.12)
    return save_reference(ref, f"{tmp}/ref")


def memory_mb(field: str) -> float:
    """VmRSS (resident now) or VmHWM (resident at most) of this process in MiB, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")


def runner(impl: str, batch: int, folder: str, texts: list[str], threshold: float):
    """A function that predicts `texts` with implementation `impl` at `batch` and returns the entities."""
    if impl == "reference":
        from reference_models import load_reference
        model = load_reference(folder)
        return lambda: model.inference(texts, LABELS, threshold=threshold, batch_size=batch)
    from minigliner import GLiNER
    model = GLiNER.from_pretrained(folder).eval()
    if impl == REDUCED:
        model.precision = "bfloat16"   # set directly: main() has checked it, or --force-reduced asked for it
    return lambda: model.inference(texts, LABELS, threshold=threshold, batch_size=batch, fast=impl != "plain")


def child(impl: str, batch: int, folder: str, texts_file: str, out: str, threshold: float) -> None:
    """Memory and entities of one implementation in a fresh process: load, predict once, write them to `out`."""
    texts = json.loads(Path(texts_file).read_text())
    run = runner(impl, batch, folder, texts, threshold)
    load_peak, loaded = memory_mb("VmHWM"), memory_mb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: from here on it is the peak while predicting
    entities = run()
    peak = memory_mb("VmHWM")
    Path(out).write_text(json.dumps({"peak_rss_mb": peak, "inference_mb": peak - loaded, "load_peak_mb": load_peak,
                                     "entities": entities}))


def paired_timing(impls: list[str], folder: str, texts: list[str], rounds: int, threshold: float) -> dict:
    """Seconds of every pass, {(impl, batch): [s, ...]}: all implementations loaded in this one process and
    timed pass by pass, round after round (after one warm-up pass each), so that a pass of each implementation
    and the reference's pass of the same round ran seconds apart, under the same load of a shared machine; every
    other round runs them in the reverse order, so that none always comes first."""
    runs = {(impl, batch): runner(impl, batch, folder, texts, threshold) for batch in BATCHES for impl in impls}
    for run in runs.values():
        run()  # warm-up
    seconds, order = {key: [] for key in runs}, list(runs.items())
    for r in range(rounds):
        for key, run in order[::-1] if r % 2 else order:
            start = time.perf_counter()
            run()
            seconds[key].append(time.perf_counter() - start)
    return seconds


def matmul_rate(repeats: int = 20) -> float:
    """Best float32 GFLOP/s of a (512, 384) x (384, 1536) product, the shape of the encoder's feed-forward."""
    a, b = torch.randn(512, 384), torch.randn(384, 1536)
    torch.mm(a, b)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - start)
    return 2 * 512 * 384 * 1536 / best / 1e9


def encoder_flops(config, B: int, L: int) -> int:
    """FLOPs (2 per multiply-add) of a BERT-style encoder (HF's or ours: same config fields) on B inputs of L subwords:
    Q, K, V, output and feed-forward products, and the attention scores and their weighted sum."""
    H, I = config.hidden_size, config.intermediate_size
    return config.num_hidden_layers * (2 * B * L * (4 * H * H + 2 * H * I) + 4 * B * L * L * H)


def encoder_gflops_per_sentence(folder: str, texts: list[str]) -> float:
    """Mean encoder GFLOPs of one sentence with its own label prompt (no padding)."""
    from minigliner import GLiNER
    from minigliner.core.prompt import split_words
    model = GLiNER.from_pretrained(folder)
    lengths = [model.prompt_batch([[w.text for w in split_words(t)]], [LABELS]).input_ids.shape[1] for t in texts]
    return sum(encoder_flops(model.encoder.config, 1, L) for L in lengths) / len(texts) / 1e9


def key(results):
    return [[(e["start"], e["end"], e["label"]) for e in ents] for ents in results]


def max_score_gap(a, b) -> float:
    return max((abs(x["score"] - y["score"]) for p, q in zip(a, b) for x, y in zip(p, q)), default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes of every implementation, taken in turn")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "speed.json"))
    parser.add_argument("--force-reduced", action="store_true", help="measure bfloat16 even where it is refused")
    parser.add_argument("--trained-model", default=str(TRAINED),
                        help="a trained model for the zero-shot F1 of both modes")
    parser.add_argument("--f1-only", action="store_true", help="only the trained model's F1, into the existing --out")
    parser.add_argument("--child", nargs=4, metavar=("IMPL", "BATCH", "FOLDER", "TEXTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, got {args.rounds}")
    torch.set_num_threads(args.threads)
    if args.child:
        impl, batch, folder, texts_file = args.child
        return child(impl, int(batch), folder, texts_file, args.out, args.threshold)
    from minigliner.apps.evaluate import score
    from minigliner.inference.precision import check_precision
    try:
        check_precision("bfloat16", "cpu")
        refused = None
    except ValueError as err:
        refused = str(err)
    impls = IMPLS + ([REDUCED] if refused is None or args.force_reduced else [])
    trained = Path(args.trained_model)
    f1 = trained_f1(trained, REDUCED in impls) if trained.is_dir() else {"missing": f"{trained}: no model (make model)"}
    f1.update(forced=refused is not None and REDUCED in impls, threads=args.threads)
    if args.f1_only:
        if "missing" in f1:
            sys.exit(f1["missing"])
        result = json.loads(Path(args.out).read_text())
        result["zeroshot_f1"] = f1
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
        return print(json.dumps(f1, indent=2))
    texts = sentences(DATA, args.sentences)
    result, outputs = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_reference_folder(tmp)
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts))
        rate, gflops = matmul_rate(), encoder_gflops_per_sentence(folder, texts)
        limit = rate / gflops
        for batch in BATCHES:
            row = result[f"batch_{batch}"] = {}
            for impl in impls:
                out = Path(tmp) / f"{impl}_{batch}.json"
                subprocess.run([sys.executable, __file__, "--child", impl, str(batch), folder, str(texts_file),
                                "--out", str(out), "--threads", str(args.threads), "--threshold",
                                str(args.threshold)], check=True)
                measured = json.loads(out.read_text())
                outputs[(impl, batch)] = measured.pop("entities")
                row.update({f"{impl}_{field}": value for field, value in measured.items()})
        seconds = paired_timing(impls, folder, texts, args.rounds, args.threshold)
        for batch in BATCHES:
            row = result[f"batch_{batch}"]
            reference = seconds[("reference", batch)]
            for impl in impls:
                row[impl] = len(texts) / min(seconds[(impl, batch)])            # best pass
                row[f"{impl}_share_of_limit"] = row[impl] / limit
                if impl != "reference":  # each round's ratio to the reference's pass of that round, and their median
                    ratios = [r / s for r, s in zip(reference, seconds[(impl, batch)])]
                    row[f"{impl}_over_reference_rounds"] = ratios
                    row[f"{impl}_over_reference"] = statistics.median(ratios)
            if REDUCED in impls:
                row["reduced_agreement"] = score(key(outputs[(REDUCED, batch)]), key(outputs[("fast", batch)]))["f1"]
    exact = {k: o for k, o in outputs.items() if k[0] != REDUCED}
    first = outputs[("reference", 1)]
    identical = all(key(o) == key(first) for o in exact.values())
    gap = max(max_score_gap(o, first) for o in exact.values())
    result.update(reduced_refused=refused, reduced_forced=refused is not None and REDUCED in impls, zeroshot_f1=f1)
    result.update(entities_identical=identical, max_score_difference=gap, entities=sum(map(len, first)),
                  sentences=len(texts), labels=LABELS, threshold=args.threshold, threads=args.threads,
                  rounds=args.rounds, matmul_gflops_per_s=rate,
                  encoder_gflops_per_sentence=gflops,
                  limit_sentences_per_s=limit,
                  machine=f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
                          f"torch {torch.__version__}")
    report(result)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    if not identical or gap > 1e-4:
        sys.exit("entities differ between the reference, minigliner plain and minigliner fast")


def trained_f1(folder: Path, reduced: bool) -> dict:
    """Zero-shot F1 of a trained model on CrossNER-politics test at F1_THRESHOLDS, float32 and (reduced) bfloat16."""
    from minigliner import GLiNER
    from minigliner.apps.evaluate import threshold_curve
    from minigliner.training.corpus import read_dataset
    examples, labels = read_dataset(DATA)
    model, out = GLiNER.from_pretrained(folder).eval(), {}
    for mode in ("float32", "bfloat16") if reduced else ("float32",):
        model.precision = mode           # set directly: main() has checked bfloat16, or --force-reduced asked for it
        start = time.perf_counter()
        curve = threshold_curve(model, examples, labels, F1_THRESHOLDS)
        out[mode] = {str(p["threshold"]): round(p["f1"], 4) for p in curve}
        out[mode + "_seconds"] = round(time.perf_counter() - start, 1)
    return dict(model=os.path.relpath(folder, ROOT), set="crossner_politics test", sentences=len(examples),
                labels=labels, **out)


def report(r: dict) -> None:
    print(f"\n{r['sentences']} CrossNER-politics sentences, {len(r['labels'])} labels, MiniLM-L6 weights, "
          f"{r['threads']} threads, {r['rounds']} rounds; matmul {r['matmul_gflops_per_s']:.0f} GFLOP/s, "
          f"encoder {r['encoder_gflops_per_sentence']:.2f} GFLOP/sentence "
          f"-> limit {r['limit_sentences_per_s']:.0f} s/s")
    print(f"{'':8} {'impl':10} {'sent/s':>8} {'x ref':>6} {'rounds':>11} {'of limit':>9} {'peak RSS MB':>12} "
          f"{'inference MB':>13} {'load peak MB':>13}")
    for batch in BATCHES:
        row = r[f"batch_{batch}"]
        for impl in [i for i in IMPLS + [REDUCED] if i in row]:
            ratio, rounds = row.get(f"{impl}_over_reference", 1.0), row.get(f"{impl}_over_reference_rounds", [1.0])
            print(f"{'batch_' + str(batch):8} {impl:10} {row[impl]:8.1f} {ratio:6.2f} "
                  f"{min(rounds):5.2f}-{max(rounds):<5.2f} {100 * row[impl + '_share_of_limit']:8.0f}% "
                  f"{row[impl + '_peak_rss_mb']:12.0f} {row[impl + '_inference_mb']:13.0f} "
                  f"{row[impl + '_load_peak_mb']:13.0f}")
    print(f"entities identical: {r['entities_identical']} ({r['entities']} entities); "
          f"largest score difference {r['max_score_difference']:.1e}")
    if REDUCED in r["batch_1"]:
        print("reduced (bfloat16 encoder) agreement with fast, entity F1: " + ", ".join(
            f"batch {b} {r[f'batch_{b}']['reduced_agreement']:.4f}" for b in BATCHES)
              + (" (forced: refused on this CPU)" if r["reduced_forced"] else ""))
    if r["reduced_refused"]:
        print(f"reduced: {r['reduced_refused']}")
    if "float32" in r["zeroshot_f1"]:
        f1 = r["zeroshot_f1"]
        print(f"trained model, zero-shot F1 on {f1['set']} at thresholds {', '.join(f1['float32'])}: float32 "
              f"{', '.join(map(str, f1['float32'].values()))}; bfloat16 "
              f"{', '.join(map(str, f1['bfloat16'].values())) if 'bfloat16' in f1 else 'not run'}")


if __name__ == "__main__":
    main()
