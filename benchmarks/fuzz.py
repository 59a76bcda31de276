"""Fuzz predict_entities: a tiny random model on random unicode texts and label lists must never crash
and every entity must satisfy the offset invariant text == original[start:end].

The model: MiniLM's real tokenizer (so every script meets a real vocabulary) on a tiny random 2-layer
encoder, with small windows (max_len 16 words) so long texts are split. Texts mix random code points
from every plane, words of many scripts, whitespace and punctuation runs, markers such as <<ENT>>,
and now and then a word of up to 5,000 characters.

    python benchmarks/fuzz.py [--texts 10000] [--max-seconds 600] [--seed 0]
Prints the counts and writes benchmarks/results/fuzz.json; exits non-zero on any crash or violation.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
import warnings
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PIECES = ["John", "Paris", "New York", "Zoë", "Renée", "e\u0301", "东京", "大阪市", "محمد", "القاهرة", "שלום",
          "हिन्दी", "Ελλάδα", "Москва", "🙂", "👩‍👩‍👧", "🇫🇷", "1996-12-06", "U.S.", "--", "...", "<<ENT>>",
          "<<SEP>>", "[SEP]", "[CLS]", "[UNK]", "\u200b", "\u00a0", "\ufeff", "\t", "\n", "\r\n", "   "]
MARKERS = ["<<ENT>>", "<<SEP>>", "[SEP]", "[PAD]", "[FLERT]"]


def build_model(seed: int = 0):
    """A random tiny GLiNER on MiniLM's tokenizer (markers added), max_len 16 words, stride 10."""
    from minigliner import Encoder, EncoderConfig, GLiNER, GLiNERConfig
    from minigliner.folders.hub import minilm_folder
    from minigliner.encoders.tokenizers import add_marker_tokens, load_tokenizer
    torch.manual_seed(seed)
    config = GLiNERConfig.tiny(max_len=16, window_stride=10, max_width=4)
    tokenizer = load_tokenizer(minilm_folder())
    add_marker_tokens(tokenizer, config.ent_token, config.sep_token)
    encoder = Encoder(EncoderConfig(vocab_size=tokenizer.get_vocab_size(), hidden_size=32, num_hidden_layers=2,
                                    num_attention_heads=2, intermediate_size=64))
    return GLiNER(config, encoder, tokenizer).eval()


def random_char(rng: random.Random) -> str:
    """Any code point but a surrogate: often ASCII or the Basic Multilingual Plane, sometimes beyond."""
    top = rng.choice([0x7F, 0x7FF, 0xFFFF, 0x10FFFF])
    while True:
        c = rng.randint(0, top)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:                                               # random code points
        return "".join(random_char(rng) for _ in range(rng.randint(0, 80)))
    if kind < 0.9:                                               # words of many scripts, odd spacing
        parts = [rng.choice(PIECES) if rng.random() < 0.7 else "".join(random_char(rng) for _ in range(rng.randint(1, 6)))
                 for _ in range(rng.randint(0, 60))]
        return "".join(p + rng.choice([" ", " ", "", "  ", "\t", "\n"]) for p in parts)
    if kind < 0.95:                                              # punctuation and whitespace only
        return "".join(rng.choice(".,;:!?-()[]{}\"' \t\n") for _ in range(rng.randint(1, 50)))
    word = rng.choice(["x", "é", "东", "🙂", "e\u0301", "ab"]) * rng.randint(100, 2500)  # a huge word
    return f"Anna {word} Paris" if rng.random() < 0.5 else word


def random_labels(rng: random.Random) -> list[str]:
    labels = []
    for _ in range(rng.randint(1, 5)):
        if rng.random() < 0.4:
            labels.append(rng.choice(["person", "city", "organization", "date", "chemical compound"]))
        elif rng.random() < 0.1:
            labels.append(rng.choice(MARKERS) + rng.choice(["", " x"]))
        else:
            labels.append("".join(random_char(rng) for _ in range(rng.randint(1, 12))))
    return [label if label.strip() else "blank" for label in labels]


def violations(text: str, labels: list[str], entities: list[dict], threshold: float) -> list[str]:
    """What breaks the output contract: offsets, text, label, score."""
    bad = []
    for e in entities:
        if not (0 <= e["start"] < e["end"] <= len(text)) or e["text"] != text[e["start"]:e["end"]]:
            bad.append(f"offsets {e['start']}:{e['end']} do not slice {e['text']!r}")
        if e["label"] not in labels or not threshold < e["score"] <= 1.0:
            bad.append(f"label {e['label']!r} or score {e['score']} out of contract")
    return bad


def run(model, n: int, seed: int = 0, max_seconds: float = 600.0) -> dict:
    """Fuzz n texts (or until max_seconds); return counts and the first failures."""
    rng, start = random.Random(seed), time.perf_counter()
    done = entities = warned = failed = 0
    failures = []
    for _ in range(n):
        if time.perf_counter() - start > max_seconds:
            break
        text, labels = random_text(rng), random_labels(rng)
        threshold = rng.choice([0.0, 0.3, 0.5, 0.9])
        flat, multi = rng.random() < 0.5, rng.random() < 0.3
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                out = model.predict_entities(text, labels, threshold=threshold, flat_ner=flat, multi_label=multi)
            warned += bool(caught)
            problems = violations(text, labels, out, threshold)
            entities += len(out)
        except Exception as err:  # noqa: BLE001 -- the point is to see every crash
            problems = [f"{type(err).__name__}: {err}"]
        failed += bool(problems)
        if problems and len(failures) < 20:
            failures.append({"text": text[:300], "labels": labels, "problems": problems[:3]})
        done += 1
    return {"texts": done, "entities": entities, "warned": warned, "failures": failed,
            "first_failures": failures, "seconds": round(time.perf_counter() - start, 1), "seed": seed,
            "stopped_by_time": done < n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--max-seconds", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "fuzz.json"))
    args = parser.parse_args()
    result = run(build_model(args.seed), args.texts, args.seed, args.max_seconds)
    result.update(requested=args.texts, torch_threads=torch.get_num_threads(),
                  machine=f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
                          f"torch {torch.__version__}")
    print(f"{'texts':>8} {'entities':>9} {'warned':>7} {'failures':>9} {'seconds':>8}")
    print(f"{result['texts']:8d} {result['entities']:9d} {result['warned']:7d} {result['failures']:9d} "
          f"{result['seconds']:8.1f}")
    if result["stopped_by_time"]:
        print(f"stopped after {args.max_seconds:.0f} s: {result['texts']} of {args.texts} texts")
    for f in result["first_failures"][:5]:
        print(f"  {f['text'][:60]!r} {f['labels']}: {f['problems'][0]}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if result["failures"]:
        sys.exit(f"{result['failures']} texts crashed or broke the offset invariant")


if __name__ == "__main__":
    main()
