"""Command line: python -m minigliner train | predict | evaluate."""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import torch

from ..presets import PRESETS


def _labels(text: str) -> list[str]:
    return [label.strip() for label in text.split(",") if label.strip()]


def read_examples(path: str, dataset: str | None = None, label_names: str | None = None,
                  **rules) -> list[dict]:
    """GLiNER JSON (.json/.jsonl) or BIO (.txt/.bio) by file extension; prints the load summary.

    rules: on_error, max_width (and labels) as the readers take them.
    """
    from ..training.reading import LoadReport, load_label_names, read_bio, read_gliner_json
    report = LoadReport()
    if Path(path).suffix in (".json", ".jsonl"):
        examples = read_gliner_json(path, report, **rules)
    else:
        names = load_label_names(label_names, dataset or Path(path).parent.name) if label_names else None
        examples = read_bio(path, names, report, **rules)
    print(f"{path}: {report.summary()}", file=sys.stderr)
    for line in report.details(5):
        print(f"  {line}", file=sys.stderr)
    return examples


def cmd_train(args) -> None:
    from ..model import GLiNER
    from ..training.loop import train
    from ..training.resume import last_checkpoint
    torch.manual_seed(args.seed)
    recipe = recipe_from(args)
    examples = read_examples(args.data, label_names=args.label_names, on_error=args.on_error,
                             max_width=recipe.model.max_width)
    model = GLiNER.from_encoder(recipe.model)
    cfg = recipe.train
    resume_from = last_checkpoint(args.out) if args.resume else None
    if args.resume:
        print(f"resuming from {resume_from}" if resume_from else f"no checkpoint in {args.out}; starting afresh",
              file=sys.stderr)
    losses = train(model, examples, cfg, rng=random.Random(args.seed), resume_from=resume_from)
    print(f"trained {len(losses)} steps; last-50 mean loss {sum(losses[-50:]) / len(losses[-50:]):.3f}; "
          f"saved to {args.out}")


def recipe_from(args):
    """The --preset recipe with every option given on the command line applied."""
    options = {"encoder": args.encoder, "steps": args.steps, "batch_size": args.batch_size,
               "hidden_size": args.hidden_size, "lr_encoder": args.lr_encoder, "lr_others": args.lr_others,
               "dropout": args.dropout, "loss_clamp": None if args.exact_loss is None else not args.exact_loss,
               "max_neg_type_ratio": args.max_neg_type_ratio, "label_drop": args.label_drop,
               "factorized": args.factorized}
    run = {"output_dir": args.out, "save_every": args.save_every,
           "on_nonfinite": "skip" if args.skip_nonfinite else "raise"}
    return PRESETS[args.preset].replace(**{k: v for k, v in options.items() if v is not None}, **run)


def read_jobs(args) -> list[tuple[str, list[str]]]:
    """(text, labels) pairs: texts from the command line or a file; a .jsonl file gives labels per line."""
    if args.file and args.file.endswith(".jsonl"):
        jobs = []
        for lineno, line in enumerate(open(args.file, encoding="utf-8"), start=1):
            if line.strip():
                record = json.loads(line)
                if "text" not in record or not (record.get("labels") or args.labels):
                    raise SystemExit(f"{args.file}:{lineno}: expected {{\"text\": ..., \"labels\": [...]}}")
                jobs.append((record["text"], record.get("labels") or _labels(args.labels)))
        return jobs
    if not args.labels:
        raise SystemExit("predict needs --labels (or a .jsonl --file with labels per line)")
    texts = args.text or [line.rstrip("\n") for line in open(args.file, encoding="utf-8")]
    return [(text, _labels(args.labels)) for text in texts]


def parse_threshold(text: str):
    """--threshold: a number, or label=number items with an optional bare number for the other labels
    ("0.3", "person=0.5,city=0.4", "0.3,person=0.5")."""
    default, per_label = None, {}
    for item in (x.strip() for x in text.split(",") if x.strip()):
        label, _, value = item.rpartition("=")
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{item!r} is not a number nor label=number") from None
        if label:
            per_label[label.strip()] = number
        elif default is None:
            default = number
        else:
            raise argparse.ArgumentTypeError(f"two default thresholds in {text!r}")
    if default is None and not per_label:
        raise argparse.ArgumentTypeError("--threshold is empty")
    return default if not per_label else {"*": default, **per_label}


def thresholds_for(spec, labels: list[str]):
    """The threshold of a call asking `labels`: the number, or one per label (the default where not named)."""
    if not isinstance(spec, dict):
        return spec
    named = {k: v for k, v in spec.items() if k != "*"}
    unknown = sorted(set(named) - set(labels))
    if unknown:
        raise SystemExit(f"--threshold names {unknown}, which are not among the labels {labels}")
    if spec["*"] is None and set(labels) - set(named):
        raise SystemExit(f"--threshold gives no number for {sorted(set(labels) - set(named))}; name them "
                         f"or add a default, e.g. --threshold 0.5,{next(iter(named))}=...")
    return {lab: named.get(lab, spec["*"]) for lab in labels}


def load_model(args):
    """The model of --model, in the arithmetic of --precision (refused, saying why, where it would not pay)."""
    from ..model import GLiNER
    model = GLiNER.from_pretrained(args.model)
    try:
        return model.set_precision(args.precision)
    except ValueError as err:
        raise SystemExit(f"--precision {args.precision}: {err}") from None


def cmd_predict(args) -> None:
    model = load_model(args)
    jobs = read_jobs(args)
    results = [model.predict_entities(text, labels, threshold=thresholds_for(args.threshold, labels),
                                      flat_ner=not args.nested, multi_label=args.multi_label) for text, labels in jobs]
    for (text, labels), entities in zip(jobs, results):
        if args.json:
            print(json.dumps({"text": text, "entities": entities}, ensure_ascii=False))
            continue
        print(f"{text}\n  labels: {', '.join(labels)}")
        for e in entities:
            print(f"  {e['text']!r:40} {e['label']:24} {e['score']:.3f}  [{e['start']}:{e['end']}]")
        if not entities:
            print("  (no entities)")


def find_label_names(path: str) -> Path | None:
    """label_names.json beside a data file or up to two folders above it (data/<role>/<dataset>/test.txt)."""
    for folder in Path(path).resolve().parents[:3]:
        if (folder / "label_names.json").is_file():
            return folder / "label_names.json"
    return None


def dataset_names(paths: list[str]) -> list[str]:
    """A short name per file: its folder for BIO files (crossner_ai/test.txt -> crossner_ai), else its stem;
    folder/stem wherever two files would share a name."""
    short = [Path(p).parent.name if Path(p).suffix not in (".json", ".jsonl") else Path(p).stem for p in paths]
    return [s if short.count(s) == 1 else f"{Path(p).parent.name}/{Path(p).stem}" for s, p in zip(short, paths)]


def cmd_evaluate(args) -> None:
    from ..training.corpus import read_dataset
    from ..training.reading import LoadReport
    from .evaluate import evaluate_datasets, format_per_label, format_table
    model = load_model(args)
    datasets = {}
    for name, path in zip(dataset_names(args.data), args.data, strict=True):
        names = args.label_names or find_label_names(path)
        if names and not args.label_names and Path(path).suffix not in (".json", ".jsonl"):
            print(f"{path}: label names from {names}", file=sys.stderr)
        report = LoadReport()
        examples, labels = read_dataset(path, names, report)
        print(f"{path}: {report.summary()}", file=sys.stderr)
        datasets[name] = (examples, _labels(args.labels) if args.labels else labels)
    every_label = sorted({lab for _, labels in datasets.values() for lab in labels})
    result = evaluate_datasets(model, datasets, threshold=thresholds_for(args.threshold, every_label),
                               flat_ner=not args.nested, batch_size=args.batch_size)
    print(format_table(result))
    if args.per_label:
        for name, r in result["datasets"].items():
            print(format_per_label(name, r))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m minigliner", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train a span GLiNER on GLiNER JSON or BIO data")
    t.add_argument("--data", required=True)
    t.add_argument("--label-names", help="label_names.json for BIO tag codes (e.g. PER -> person)")
    t.add_argument("--preset", default="cpu", choices=sorted(PRESETS), help="the recipe to start from (minigliner/presets.py): cpu (default, "
                                                "minutes on a CPU), demo, zeroshot or paper; the options below override it")
    t.add_argument("--encoder", help="BERT folder, hub id, or 'minilm' (the offline package; the presets' choice)")
    t.add_argument("--out", required=True, help="folder for the trained model")
    t.add_argument("--steps", type=int)
    t.add_argument("--batch-size", type=int)
    t.add_argument("--hidden-size", type=int)
    t.add_argument("--lr-encoder", type=float)
    t.add_argument("--lr-others", type=float)
    t.add_argument("--dropout", type=float)
    t.add_argument("--exact-loss", action=argparse.BooleanOptionalAction,
                   help="exact log-sigmoid BCE instead of the reference's clamped one (preset cpu: exact)")
    t.add_argument("--max-neg-type-ratio", type=int)
    t.add_argument("--label-drop", type=float,
                   help="drop each of an example's labels with probability U(0, this): prompts of every size")
    t.add_argument("--factorized", action=argparse.BooleanOptionalAction,
                   help="train on factorized span scores (the same loss in less time; minigliner/variants/factorized.py)")
    t.add_argument("--save-every", type=int, default=0, help="write a resumable checkpoint every N steps")
    t.add_argument("--resume", action="store_true", help="continue from the last checkpoint-N in --out")
    t.add_argument("--skip-nonfinite", action="store_true", help="skip batches with a NaN/inf loss (counted)")
    t.add_argument("--on-error", choices=("raise", "skip"), default="raise",
                   help="a bad line in the data: stop, or leave it out and list it")
    t.add_argument("--seed", type=int, default=0)
    t.set_defaults(run=cmd_train)
    p = sub.add_parser("predict", help="print the entities of texts")
    p.add_argument("--model", required=True)
    p.add_argument("--labels", help="comma-separated, e.g. person,city")
    p.add_argument("--threshold", type=parse_threshold, default=0.5,
                   help="a number, or label=number items with an optional default: 0.3,person=0.5")
    p.add_argument("--precision", choices=("float32", "bfloat16"), default="float32",
                   help="bfloat16: the encoder in bfloat16, where the CPU has the instructions for it")
    p.add_argument("--nested", action="store_true")
    p.add_argument("--multi-label", action="store_true")
    p.add_argument("--file", help="one text per line, or .jsonl with {\"text\", \"labels\"} per line")
    p.add_argument("--json", action="store_true", help="one JSON object per text")
    p.add_argument("text", nargs="*")
    p.set_defaults(run=cmd_predict)
    e = sub.add_parser("evaluate", help="entity-level P/R/micro-F1 per dataset and their mean, on GLiNER JSON "
                                         "or BIO files")
    e.add_argument("--model", required=True)
    e.add_argument("--data", required=True, nargs="+", help="one or more .json/.jsonl or BIO .txt files")
    e.add_argument("--labels", help="comma-separated, for every file; default: a BIO file's label.txt, "
                                    "else the labels found in the data")
    e.add_argument("--label-names", help="label_names.json for BIO tag codes; default: one found beside the "
                                         "data or up to two folders above it")
    e.add_argument("--threshold", type=parse_threshold, default=0.5,
                   help="a number, or label=number items with an optional default: 0.3,person=0.5")
    e.add_argument("--precision", choices=("float32", "bfloat16"), default="float32",
                   help="bfloat16: the encoder in bfloat16, where the CPU has the instructions for it")
    e.add_argument("--nested", action="store_true", help="nested decoding (default: flat)")
    e.add_argument("--batch-size", type=int, default=8)
    e.add_argument("--per-label", action="store_true", help="also print each dataset's per-label scores")
    e.add_argument("--out", help="write the result as JSON: {datasets: {name: {precision, recall, f1, ...}}, "
                                 "average_f1, ...}")
    e.set_defaults(run=cmd_evaluate)
    args = parser.parse_args(argv)
    if args.command == "predict" and not args.text and not args.file:
        parser.error("predict needs texts or --file")
    args.run(args)


if __name__ == "__main__":
    main()
