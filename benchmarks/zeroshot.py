"""Zero-shot NER, the GLiNER paper's yardstick: train the span model on MiniLM on CPU, score seven unseen domains.

    python benchmarks/zeroshot.py                     # the full run, "standard": every training type
    python benchmarks/zeroshot.py --setting strict    # the same recipe without training types named like an eval label
    python benchmarks/zeroshot.py --setting heldout --steps 1000   # a recipe probe, scored on labels it never saw
    python benchmarks/zeroshot.py --quick             # tiny subsets, 50 steps, 20 sentences per set (minutes)

Settings. "standard" trains on every type of the pool. "strict" leaves out every training type whose name
equals a label of the seven evaluation sets (person, organization, politician, award, ...), as entities and
as negatives. "heldout" is for choosing a recipe without the zero-shot sets: FewNERD-b and the near-synonyms
of its types elsewhere (HELDOUT_SYNONYMS) are left out of training, and the run is scored on FewNERD-b's
test split over its types (never seen) and, second, on the CrossNER dev splits.

Training data: the mixture of minigliner.training.mixture (../shared/data/train/* and the Pile-NER slice, never
zeroshot/), temperature-sampled, steps x batch examples, one train() call with linear decay. Every
--save-every steps train() writes a resumable checkpoint (weights, optimizer, batch order, random state:
minigliner/training/resume.py) under --run-dir; the same command run again continues from the last one, and the
result equals an uninterrupted run's. Only the latest checkpoint is kept.

Evaluation: the seven zero-shot test sets at threshold 0.5 (flat decoding), beside the paper's
numbers; a threshold calibrated on the CrossNER dev splits (reported separately, never the
headline); held-out in-domain F1 on the training corpora's test splits (the measurement for choosing
a recipe). Writes benchmarks/results/zeroshot.json (quick: <run-dir>/zeroshot.json); the trained model
is saved to <run-dir>/model (default runs/zeroshot/model, what `make model` leaves for notebooks and users).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from minigliner.presets import preset  # noqa: E402  (after the path, for a checkout without an install)

RECIPE = preset("zeroshot")
DATA = ROOT.parent / "shared" / "data"
ZEROSHOT = ("crossner_ai", "crossner_literature", "crossner_music", "crossner_politics", "crossner_science",
            "mit-movie", "mit-restaurant")
CALIBRATION = [n for n in ZEROSHOT if (DATA / "zeroshot" / n / "dev.txt").is_file()]  # CrossNER only
PAPER = {  # GLiNER paper Table 1, GLiNER-L (0.3B); averages: GLiNER-L 60.9, GLiNER-S 52.7, ChatGPT 47.5
    "crossner_ai": 57.2, "crossner_literature": 64.4, "crossner_music": 69.6, "crossner_politics": 72.6,
    "crossner_science": 62.6, "mit-movie": 57.2, "mit-restaurant": 42.9}
FULL = dict(steps=RECIPE.train.steps, save_every=500, eval_sentences=0, dev_sentences=0, heldout=200, pool_limit=0,
            unseen_sentences=600)
QUICK = dict(steps=50, save_every=25, eval_sentences=20, dev_sentences=20, heldout=10, pool_limit=200,
             unseen_sentences=20)
RECIPE_KEYS = ("steps", "batch_size", "lr_encoder", "lr_others", "dropout", "exact_loss",
               "hidden_size", "max_neg_type_ratio", "negatives", "masking", "temperature", "max_words",
               "pool_limit", "seed", "setting", "variety", "negatives_from", "neg_ratio", "label_drop",
               "loss_alpha", "loss_gamma", "labels_encoder", "factorized", "encoder_layers")
SETTINGS = ("standard", "strict", "heldout")
# heldout setting: FewNERD-b's 17 types are the unseen labels; these names elsewhere in the pool are the same
# types or near-synonyms of them (checked against the label lists of every training corpus), so they go too
UNSEEN_CORPUS = "FewNERD-b"
HELDOUT_SYNONYMS = frozenset({
    "athlete", "river", "vehicle", "car manufacturer", "degree", "government agency", "government body",
    "governmental organization", "medical facility", "living organism", "organism", "creature", "medical term",
    "medical concept", "musical work", "political group", "sports event", "tournament", "competition", "weapon",
    "written work", "publication"})
UNSEEN_SKIP = ("location",)  # FewNERD-b's "location" is in nearly every corpus: not scored as unseen


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="tiny subsets: " + ", ".join(f"{k}={v}" for k, v in QUICK.items()))
    p.add_argument("--steps", type=int, help=f"optimizer steps (default {RECIPE.train.steps}: 105.7 min of training "
                                             "measured at 1.01 s/step; known-all negatives make steps longer)")
    p.add_argument("--save-every", type=int, help="steps between checkpoints (default 500)")
    # every default is the "zeroshot" preset (minigliner/presets.py): the heldout probes' winner (RESULTS.md)
    m, t = RECIPE.model, RECIPE.train
    p.add_argument("--batch-size", type=int, default=t.batch_size)
    p.add_argument("--lr-encoder", type=float, default=t.lr_encoder)
    p.add_argument("--lr-others", type=float, default=t.lr_others)
    p.add_argument("--dropout", type=float, default=m.dropout)
    p.add_argument("--exact-loss", action=argparse.BooleanOptionalAction, default=not m.loss_clamp)
    p.add_argument("--hidden-size", type=int, default=m.hidden_size)
    p.add_argument("--encoder-layers", type=int, default=m.encoder_layers,
                   help="keep MiniLM's first N blocks (default 0 = all 6): cheaper probes and tests")
    p.add_argument("--max-neg-type-ratio", type=int, default=m.max_neg_type_ratio)
    p.add_argument("--negatives", type=float, default=m.negatives, help="share of negative pairs kept in the loss")
    p.add_argument("--masking", default=m.masking, choices=["none", "global", "label", "span"],
                   help="which negative pairs --negatives subsamples (GLiNERConfig.masking)")
    p.add_argument("--setting", choices=SETTINGS, default="standard",
                   help="standard: every training type; strict: no type named like an evaluation label; "
                        "heldout: recipe probe scored on FewNERD-b's unseen types (never the zero-shot sets)")
    p.add_argument("--temperature", type=float, default=RECIPE.temperature,
                   help="dataset sampling p ~ size^(1/T) x labels^variety")
    p.add_argument("--variety", type=float, default=RECIPE.variety, help="weight of a dataset's number of label names")
    p.add_argument("--negatives-from", choices=["batch", "known"], default=t.negatives_from,
                   help="known: only types the example's own corpus annotates and it lacks (TrainConfig)")
    p.add_argument("--neg-ratio", type=float, default=t.neg_ratio,
                   help="known: negative labels per positive type (default inf: every known negative)")
    p.add_argument("--label-drop", type=float, default=t.label_drop, help="drop each label with probability U(0, this)")
    p.add_argument("--loss-alpha", type=float, default=m.loss_alpha, help="focal alpha (< 0: off)")
    p.add_argument("--loss-gamma", type=float, default=m.loss_gamma, help="focal gamma (0: plain BCE)")
    p.add_argument("--labels-encoder", default=m.labels_encoder, help="bi-encoder: a label encoder folder, or minilm")
    p.add_argument("--factorized", action=argparse.BooleanOptionalAction, default=t.factorized,
                   help="train on factorized span scores (same loss, ~30%% less time per step)")
    p.add_argument("--unseen-sentences", type=int, help="heldout: FewNERD-b test sentences scored (default 600)")
    p.add_argument("--max-words", type=int, default=RECIPE.max_words, help="training examples are cut into pieces this long")
    p.add_argument("--pool-limit", type=int, help="first N examples per training dataset (default 0 = all)")
    p.add_argument("--eval-sentences", type=int, help="first N sentences per zero-shot set (default 0 = all)")
    p.add_argument("--dev-sentences", type=int, help="first N CrossNER dev sentences for calibration (0 = all)")
    p.add_argument("--heldout", type=int, help="test sentences per training corpus (default 200; 0 = skip)")
    p.add_argument("--calibrate", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--zeroshot", action=argparse.BooleanOptionalAction, default=True,
                   help="--no-zeroshot: held-out in-domain F1 only (for choosing a recipe; implies --no-calibrate)")
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--run-dir", help="checkpoints and progress.json (default runs/zeroshot[-quick])")
    p.add_argument("--fresh", action="store_true", help="discard a previous run in --run-dir")
    p.add_argument("--stop-after", type=int, default=0, help="stop once this many steps are done (tests resume)")
    p.add_argument("--out", help="result JSON (default benchmarks/results/zeroshot.json; quick: <run-dir>)")
    args = p.parse_args(argv)
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.setting == "heldout":
        args.zeroshot = False  # a probe never reads the zero-shot test sets
    args.calibrate = args.calibrate and args.zeroshot
    suffix = ("-quick" if args.quick else "") + ("" if args.setting == "standard" else f"-{args.setting}")
    args.run_dir = Path(args.run_dir or ROOT / "runs" / f"zeroshot{suffix}")
    args.out = Path(args.out or (args.run_dir / "zeroshot.json" if args.quick or args.setting == "heldout" else
                                 ROOT / "benchmarks" / "results" / f"zeroshot{suffix}.json"))
    return args


def new_model(args):
    from minigliner import GLiNER, GLiNERConfig
    from minigliner.folders.hub import minilm_folder
    torch.manual_seed(args.seed)
    labels_encoder = str(minilm_folder()) if args.labels_encoder == "minilm" else args.labels_encoder
    config = GLiNERConfig(encoder=str(minilm_folder()), hidden_size=args.hidden_size, dropout=args.dropout,
                          loss_clamp=not args.exact_loss, max_neg_type_ratio=args.max_neg_type_ratio,
                          negatives=args.negatives, masking=args.masking, loss_alpha=args.loss_alpha,
                          loss_gamma=args.loss_gamma, labels_encoder=labels_encoder,
                          encoder_layers=args.encoder_layers)
    return GLiNER.from_encoder(config)


def evaluation_labels() -> set[str]:
    """Every label name of the seven zero-shot sets, lower-cased (their label.txt files only, never their text)."""
    from minigliner.training.corpus import dataset_labels
    return {lab.lower() for name in ZEROSHOT for lab in dataset_labels(DATA / "zeroshot" / name)}


def unseen_labels() -> list[str]:
    """The heldout setting's unseen labels: FewNERD-b's types, named as in label_names.json."""
    from minigliner.training.corpus import dataset_labels
    from minigliner.training.reading import load_label_names
    names = load_label_names(DATA / "label_names.json", UNSEEN_CORPUS)
    return [lab for lab in dataset_labels(DATA / "train" / UNSEEN_CORPUS, names) if lab not in UNSEEN_SKIP]


def left_out(args) -> tuple[tuple[str, ...], frozenset[str]]:
    """The corpora and the label names this setting keeps out of training."""
    if args.setting == "strict":
        return (), frozenset(evaluation_labels())
    if args.setting == "heldout":
        return (UNSEEN_CORPUS,), frozenset(unseen_labels()) | HELDOUT_SYNONYMS
    return (), frozenset()


def training_mixture(args, model) -> tuple[list[dict], dict]:
    """steps x batch examples from the pool (train() splits any too long for the encoder beside its prompt)."""
    from minigliner.training.mixture import by_source, label_set, sample_mixture, temperature_weights, training_pool
    skip, leave_out_labels = left_out(args)
    pool = training_pool(DATA, max_words=args.max_words, skip=skip, leave_out_labels=leave_out_labels,
                         limit=args.pool_limit or None)
    labels = label_set([ex for exs in pool.datasets.values() for ex in exs])
    if args.pool_limit:
        pool.datasets = {name: exs[:args.pool_limit] for name, exs in pool.datasets.items()}
    sizes = {name: len(exs) for name, exs in pool.datasets.items()}
    label_counts = {name: len(label_set(exs)) for name, exs in pool.datasets.items()}
    weights = temperature_weights(sizes, args.temperature, label_counts, args.variety)
    mixture = sample_mixture(pool.datasets, args.steps * args.batch_size, weights, random.Random(args.seed))
    print(pool.summary(), file=sys.stderr)
    drawn = by_source(mixture)
    facts = {name: {"pool": len(exs), "labels": label_counts[name], "weight": round(weights[name], 4),
                    "drawn": drawn.get(name, 0), "entities_cut": pool.cut[name],
                    "left_out_entities": pool.left_out[name], "empty_dropped": pool.empty[name],
                    "report": pool.reports[name].summary()}
             for name, exs in pool.datasets.items()}
    seen = sorted(label_set(mixture))
    summary = {"label_names_seen": len(seen), "label_names_in_pool": len(labels), "labels_seen": seen,
               "left_out_corpora": list(skip), "left_out_labels": sorted(leave_out_labels)}
    print(f"mixture: {len(mixture)} examples, {summary['label_names_seen']} distinct label names "
          f"({len(leave_out_labels)} names left out)", file=sys.stderr)
    return mixture, {"datasets": facts, **summary}


# ---- training, resumable ---------------------------------------------------------------------------

class Stopped(Exception):
    """--stop-after: training stopped right after a checkpoint, as a kill there would."""


def json_safe(value):
    """inf as the string "inf": strict JSON has no Infinity."""
    return str(value) if isinstance(value, float) and math.isinf(value) else value


def load_progress(args, recipe: dict) -> dict:
    """progress.json: the recipe (a run folder holds one) and each call's training time."""
    path = args.run_dir / "progress.json"
    if args.fresh and args.run_dir.exists():
        shutil.rmtree(args.run_dir)
    if not path.is_file():
        return {"recipe": recipe, "sessions": []}
    progress = json.loads(path.read_text())
    progress["recipe"].setdefault("encoder_layers", 0)   # runs from before the option kept every layer
    if progress["recipe"] != recipe:
        raise SystemExit(f"{args.run_dir} holds a run with another recipe {progress['recipe']}; "
                         f"use --fresh or another --run-dir")
    for session in progress["sessions"]:  # a call that was killed: its time up to its last checkpoint
        if session["seconds"] is None:
            last = last_checkpoint(args.run_dir)
            session["seconds"] = max(0.0, last.stat().st_mtime - session["started"]) if last else 0.0
    return progress


def save_progress(args, progress: dict) -> None:
    tmp = args.run_dir / "progress.json.tmp"
    tmp.write_text(json.dumps(progress, indent=2) + "\n")
    tmp.replace(args.run_dir / "progress.json")  # atomic: a kill leaves the old or the new file


def last_checkpoint(run_dir: Path) -> Path | None:
    from minigliner.training.resume import last_checkpoint as last
    return last(run_dir)


def keep_latest_checkpoint(stop_after: int) -> None:
    """After each checkpoint train() writes, delete the older ones (each holds the optimizer state, ~3x
    the weights); with stop_after, stop once that many steps are saved."""
    import minigliner.training.loop as train_module
    save = train_module.save_checkpoint

    def save_and_prune(folder, model, state):
        save(folder, model, state)
        for old in Path(folder).parent.glob("checkpoint-*"):
            if old != Path(folder):
                shutil.rmtree(old, ignore_errors=True)
        if stop_after and state["step"] >= stop_after:
            raise Stopped(state["step"])
    train_module.save_checkpoint = save_and_prune


def train_resumable(args, model, mixture: list[dict], progress: dict) -> list[float] | None:
    """Train to args.steps from the last checkpoint in run_dir; the losses, or None when --stop-after stopped it."""
    from minigliner.training.loop import TrainConfig, train
    args.run_dir.mkdir(parents=True, exist_ok=True)
    cfg = TrainConfig(steps=args.steps, batch_size=args.batch_size, lr_encoder=args.lr_encoder,
                      lr_others=args.lr_others, save_every=args.save_every, output_dir=str(args.run_dir),
                      negatives_from=args.negatives_from, neg_ratio=args.neg_ratio, label_drop=args.label_drop,
                      factorized=args.factorized)
    resume_from = last_checkpoint(args.run_dir)
    if resume_from:
        print(f"resuming from {resume_from}", file=sys.stderr)
    keep_latest_checkpoint(args.stop_after)
    session = {"started": time.time(), "seconds": None}
    progress["sessions"].append(session)
    save_progress(args, progress)
    torch.manual_seed(args.seed + 1)  # dropout; a resumed run restores the saved torch random state instead
    try:
        losses = train(model, mixture, cfg, rng=random.Random(args.seed), resume_from=resume_from)
    except Stopped as stop:
        print(f"stopped after {stop.args[0]} steps (--stop-after); run again to resume")
        losses = None
    session["seconds"] = time.time() - session["started"]
    save_progress(args, progress)
    return losses


# ---- evaluation -------------------------------------------------------------------------------------

def eval_sets(folder: Path, names, split: str, limit: int, label_names=None) -> dict:
    from minigliner.training.corpus import dataset_labels
    from minigliner.training.reading import load_label_names, read_bio
    sets = {}
    for name in names:
        codes = load_label_names(label_names, name) if label_names else None
        sets[name] = (read_bio(folder / name / split, codes, limit=limit or None), dataset_labels(folder / name, codes))
    return sets


GRID = [round(0.1 * i, 1) for i in range(1, 10)]
LOW = [0.01, 0.02, 0.03, 0.05]  # a short probe is underconfident: its best threshold is often below 0.1


def curve_of(points: list[dict]) -> dict:
    return {p["threshold"]: round(p["average_f1"], 4) for p in points}


def scores_of(point: dict) -> dict:
    return {n: {k: r[k] for k in ("precision", "recall", "f1")} for n, r in point["datasets"].items()}


def calibrate(args, model) -> dict:
    """The threshold with the best mean F1 over the CrossNER dev splits (reported apart from the headline)."""
    from minigliner.apps.evaluate import sweep_datasets
    grid = [round(0.05 * i, 2) for i in range(2, 19)]
    curve = sweep_datasets(model, eval_sets(DATA / "zeroshot", CALIBRATION, "dev.txt", args.dev_sentences), grid,
                           progress=True)
    best = max(curve, key=lambda point: (point["average_f1"], -abs(point["threshold"] - args.threshold)))
    at = next(p["average_f1"] for p in curve if p["threshold"] == args.threshold)
    print(f"calibrated threshold on CrossNER dev: {best['threshold']} (dev mean F1 {100 * best['average_f1']:.1f}; "
          f"at {args.threshold}: {100 * at:.1f})")
    return {"sets": CALIBRATION, "split": "dev", "threshold": best["threshold"], "dev_average_f1": best["average_f1"],
            "curve": curve_of(curve)}


def zeroshot_table(args, model, calibrated: float | None) -> tuple[dict, dict | None]:
    """The seven test sets at args.threshold (the headline), and at the calibrated threshold if there is one."""
    from minigliner.apps.evaluate import format_table, sweep_datasets
    thresholds = [args.threshold] + ([calibrated] if calibrated is not None else [])
    points = sweep_datasets(model, eval_sets(DATA / "zeroshot", ZEROSHOT, "test.txt", args.eval_sentences),
                            thresholds, progress=True)
    print(format_table(points[0], PAPER, "GLiNER-L"))
    print("paper averages: GLiNER-L 60.9, GLiNER-M 55.4, GLiNER-S 52.7, ChatGPT 47.5")
    if calibrated is None:
        return points[0], None
    print(f"at the calibrated threshold {calibrated}: mean F1 {100 * points[1]['average_f1']:.1f}")
    return points[0], {"average_f1": points[1]["average_f1"], "threshold": calibrated, "datasets": scores_of(points[1])}


def unseen_probe(args, model) -> dict:
    """heldout setting: F1 on FewNERD-b's test split over its types (none trained on), and on the CrossNER dev
    splits, over a threshold grid. The measurement recipes are chosen by."""
    from minigliner.training.reading import load_label_names, read_bio
    from minigliner.apps.evaluate import sweep_datasets
    grid = sorted({args.threshold} | set(GRID) | set(LOW))
    names = load_label_names(DATA / "label_names.json", UNSEEN_CORPUS)
    examples = read_bio(DATA / "train" / UNSEEN_CORPUS / "test.txt", names)[:args.unseen_sentences]
    result = {}
    for key, sets in (("unseen", {UNSEEN_CORPUS: (examples, unseen_labels())}),
                      ("crossner_dev", eval_sets(DATA / "zeroshot", CALIBRATION, "dev.txt", args.dev_sentences))):
        points = sweep_datasets(model, sets, grid, progress=True)
        at, best = points[grid.index(args.threshold)], max(points, key=lambda point: point["average_f1"])
        result[key] = {"average_f1": at["average_f1"], "threshold": args.threshold, "datasets": scores_of(at),
                       "best_f1": best["average_f1"], "best_threshold": best["threshold"], "curve": curve_of(points)}
        print(f"{key}: mean F1 {100 * at['average_f1']:.1f} at {args.threshold} (P {100 * at['average_precision']:.1f}, "
              f"R {100 * at['average_recall']:.1f}); best {100 * best['average_f1']:.1f} at {best['threshold']}")
    return result


def in_domain(args, model) -> dict:
    """Held-out in-domain F1: the test splits of the corpora trained on, args.heldout sentences each."""
    from minigliner.apps.evaluate import sweep_datasets
    skip, _ = left_out(args)
    corpora = sorted(p.name for p in (DATA / "train").iterdir() if (p / "test.txt").is_file() and p.name not in skip)
    grid = sorted({args.threshold} | set(GRID))
    points = sweep_datasets(model, eval_sets(DATA / "train", corpora, "test.txt", args.heldout,
                                             DATA / "label_names.json"), grid, progress=True)
    held, best = points[grid.index(args.threshold)], max(points, key=lambda point: point["average_f1"])
    print(f"held-out in-domain (training corpora's test splits, {args.heldout} sentences each): "
          f"mean F1 {100 * held['average_f1']:.1f} at {args.threshold}, best {100 * best['average_f1']:.1f} "
          f"at {best['threshold']}")
    return {"average_f1": held["average_f1"], "sentences_per_corpus": args.heldout, "datasets": scores_of(held),
            "curve": curve_of(points)}


def evaluate_all(args, model) -> dict:
    result = {}
    if args.calibrate:
        result["calibration"] = calibrate(args, model)
    if args.zeroshot:
        headline, at_calibrated = zeroshot_table(args, model, result.get("calibration", {}).get("threshold"))
        result.update(headline)
        if at_calibrated:
            result["calibration"]["test"] = at_calibrated
    if args.setting == "heldout":
        result.update(unseen_probe(args, model))
    if args.heldout:
        result["heldout"] = in_domain(args, model)
    return result


def loss_curve(losses: list[float], every: int) -> list[dict]:
    """Mean training loss of each stretch of `every` steps."""
    return [{"steps": min(a + every, len(losses)), "loss": sum(losses[a:a + every]) / len(losses[a:a + every])}
            for a in range(0, len(losses), every)]


def commit() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout
        return rev.strip() + ("-dirty" if dirty.strip() else "")
    except OSError:
        return "unknown"


def main(argv=None) -> int:
    args = parse_args(argv)
    t0 = time.time()
    recipe = {k: json_safe(getattr(args, k)) for k in RECIPE_KEYS}
    progress = load_progress(args, recipe)
    model = new_model(args)
    mixture, facts = training_mixture(args, model)
    losses = train_resumable(args, model, mixture, progress)
    if losses is None:
        return 0
    train_seconds = sum(session["seconds"] for session in progress["sessions"])
    model.save_pretrained(args.run_dir / "model")   # the trained model: GLiNER.from_pretrained("runs/zeroshot/model")
    print(f"saved the model to {args.run_dir / 'model'}")
    t_eval = time.time()
    result = evaluate_all(args, model)
    result.update(command="python benchmarks/zeroshot.py " + " ".join(sys.argv[1:] if argv is None else argv),
                  commit=commit(), quick=args.quick, recipe=recipe, steps=args.steps,
                  train_seconds=round(train_seconds, 1), seconds_per_step=round(train_seconds / args.steps, 3),
                  eval_seconds=round(time.time() - t_eval, 1), wall_seconds_this_call=round(time.time() - t0, 1),
                  training_data=facts,
                  losses=loss_curve(losses, args.save_every), sessions=progress["sessions"],
                  paper_gliner_l=PAPER, torch_threads=torch.get_num_threads())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")
    if args.setting != "heldout":
        join_settings(args.out.parent)
    return 0


def join_settings(folder: Path) -> None:
    """zeroshot.json (standard) carries the strict run's table as strict: {datasets, average_f1, ...}."""
    standard, strict = folder / "zeroshot.json", folder / "zeroshot-strict.json"
    if standard.is_file() and strict.is_file():
        result, other = json.loads(standard.read_text()), json.loads(strict.read_text())
        result["strict"] = {k: other[k] for k in ("datasets", "average_f1", "average_precision", "average_recall",
                                                  "threshold", "command", "commit", "train_seconds") if k in other}
        standard.write_text(json.dumps(result, indent=2) + "\n")
        print(f"{standard}: strict table joined from {strict.name}")


if __name__ == "__main__":
    sys.exit(main())
