"""Where inference time goes: encoder, BiLSTM, span head, scoring, decoding and the rest, next to FLOPs.

The model is the one of benchmarks/speed.py (all-MiniLM-L6-v2 encoder, reference-built random head, hidden
384). Each part is timed by wrapping the function that does it during a normal `inference` call (CPU torch
runs synchronously, so wall time is the part's time); "other" is the total minus the parts: tokenization,
window planning, word pooling, sigmoid, making a Span of every candidate, building entity dicts; the last
grow with the number of candidates, printed per text (the random head passes the 0.5 threshold with many
more spans than a trained model would). FLOPs (2 per multiply-add) are counted from
the shapes each part really ran on, padding included, and set against the measured float32 matmul rate.

Workloads: CrossNER-politics test sentences with 8 labels (batch 1 and 8), and 100-word texts (consecutive
test sentences joined and cut) with 25 Pile-NER label names (batch 8); plain and fast (factorized) scoring.
On the CrossNER workload the reference gliner 0.2.29 runs on the same folder, in the same process and
interleaved with ours, split the same way (its HF encoder, BiLSTM, span layer, label projection; its "other"
is everything else, its span x label einsum and its decoding included), so that a ratio to the reference can
be read part by part.

    quiet machine:   OMP_NUM_THREADS=2 python benchmarks/profile_inference.py --threads 2
    short check:     OMP_NUM_THREADS=1 python benchmarks/profile_inference.py --threads 1 --sentences 48 --long-texts 8
Writes benchmarks/results/profile.json.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import torch

import speed  # benchmarks/speed.py, beside this file: the same model and data as the speed table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA, LABELS, sentences = speed.DATA, speed.LABELS, speed.sentences

TYPES = ROOT.parent / "shared" / "data" / "pilener_subset" / "top_391_NamedEntities.json"
PARTS = ["encoder", "bilstm", "span head", "scoring", "decoding", "other"]


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ffn_flops(n: int, d_in: int, d_out: int) -> int:
    """FLOPs of minigliner.core.layers.FFN on n vectors: d_in -> 4 d_out -> d_out."""
    return 2 * n * (d_in * 4 * d_out + 4 * d_out * d_out)


def lstm_flops(model, words, lengths) -> int:
    D, h = words.shape[-1], words.shape[-1] // 2
    return 2 * int(lengths.sum()) * 2 * 4 * h * (D + h)  # two directions, four gates, real steps only


class Profiler:
    """Wraps the functions of each part; records self time (nested parts excluded) and FLOPs per part."""

    def __init__(self):
        self.seconds, self.flops, self._stack, self._undo = defaultdict(float), defaultdict(int), [], []
        self.candidates = 0  # spans above the threshold handed to the greedy pass

    def wrap(self, owner, name: str, part: str, flops=None) -> None:
        original = getattr(owner, name)
        had = name in vars(owner)

        def timed(*args, **kwargs):
            self._stack.append(0.0)
            start = time.perf_counter()
            out = original(*args, **kwargs)
            elapsed = time.perf_counter() - start
            nested = self._stack.pop()
            self.seconds[part] += elapsed - nested
            if self._stack:
                self._stack[-1] += elapsed
            if flops is not None:
                self.flops[part] += flops(*args, **kwargs)
            return out

        setattr(owner, name, timed)
        self._undo.append((owner, name, original if had else None))

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            if original is None:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
        self._undo.clear()


def instrument(prof: Profiler, model) -> None:
    import minigliner.inference.jobs as jobs
    import minigliner.inference.predict as predict
    import minigliner.variants.factorized as factorized
    import minigliner.model as model_module
    K = model.config.max_width
    prof.wrap(model.encoder, "forward", "encoder",
              lambda ids, mask: speed.encoder_flops(model.encoder.config, *ids.shape))
    prof.wrap(model.rnn, "forward", "bilstm", lambda words, lengths: lstm_flops(model, words, lengths))
    prof.wrap(model.span_rep, "forward", "span head", lambda w: (
        2 * ffn_flops(w.shape[0] * w.shape[1], w.shape[2], w.shape[2])
        + ffn_flops(w.shape[0] * w.shape[1] * K, 2 * w.shape[2], w.shape[2])))
    # fast: the per-word parts are the span head; the per-span sum, ReLU and label dot products are scoring
    prof.wrap(factorized, "word_parts", "span head", lambda marker, w: (
        2 * ffn_flops(w.shape[0] * w.shape[1], w.shape[2], w.shape[2])
        + 2 * 2 * w.shape[0] * w.shape[1] * w.shape[2] * 4 * w.shape[2]))
    prof.wrap(factorized, "span_hidden", "span head", lambda marker, w: w.shape[0] * w.shape[1] * K * 4 * w.shape[2])
    prof.wrap(model.label_ffn, "forward", "scoring", lambda q: ffn_flops(q.numel() // q.shape[-1], q.shape[-1], q.shape[-1]))
    prof.wrap(model_module, "score_spans", "scoring", lambda s, q: 2 * s.numel() * q.shape[-2])
    prof.wrap(model_module, "score_spans_factorized", "scoring", lambda marker, w, q, fold=None: _fast_scoring_flops(w, q, K))
    prof.wrap(jobs, "batch_span_candidates", "decoding")
    prof.wrap(predict, "greedy_select", "decoding", lambda cands, *rest: _count(prof, cands))


def instrument_reference(prof: Profiler, ref) -> None:
    """The same parts in gliner 0.2.29's span model: HF encoder, BiLSTM, span layer, label projection."""
    m = ref.model
    hf = m.token_rep_layer.bert_layer.model   # a transformers BertModel: its config has the fields encoder_flops reads
    prof.wrap(hf, "forward", "encoder", lambda input_ids, *rest, **kw: speed.encoder_flops(hf.config, *input_ids.shape))
    prof.wrap(m.rnn, "forward", "bilstm")
    prof.wrap(m.span_rep_layer, "forward", "span head")
    prof.wrap(m.prompt_rep_layer, "forward", "scoring")


def _count(prof: Profiler, candidates) -> int:
    prof.candidates += len(candidates)
    return 0


def _fast_scoring_flops(words, labels, K) -> int:
    from minigliner.variants.factorized import folding_pays
    B, W, D = words.shape
    C, rows = labels.shape[-2], (labels.shape[0] if labels.dim() == 3 else 1)
    if folding_pays(C, D, W * K):  # fold the labels, then per span: sum of two parts, dot with each label
        return 2 * rows * C * D * 4 * D + B * W * K * 4 * D + 2 * B * W * K * C * 4 * D + B * W * K * C
    return 2 * B * W * K * 4 * D * D + 2 * B * W * K * C * D  # the per-span sum is counted in span_hidden


def profile(model, texts, labels, batch_size: int, fast: bool, repeats: int, reference: bool = False) -> dict:
    """Best-of-`repeats` run of model.inference (reference: gliner's), split into parts."""
    if reference:
        run = lambda: model.inference(texts, labels, threshold=0.5, batch_size=batch_size)
    else:
        run = lambda: model.inference(texts, labels, batch_size=batch_size, fast=fast)
    run()  # warm-up
    best = None
    for _ in range(repeats):
        prof = Profiler()
        (instrument_reference if reference else instrument)(prof, model)
        try:
            total = _seconds(run)
        finally:
            prof.restore()
        if best is None or total < best[0]:
            best = (total, prof)
    total, prof = best
    seconds = {p: prof.seconds.get(p, 0.0) for p in PARTS[:-1]}
    seconds["other"] = total - sum(seconds.values())
    return {"total_s": total, "texts_per_s": len(texts) / total, "seconds": seconds,
            "gflops": {p: prof.flops.get(p, 0) / 1e9 for p in PARTS[:-1]},
            "non_encoder_share": 1 - seconds["encoder"] / total,
            "candidates_per_text": None if reference else prof.candidates / len(texts)}  # not counted in gliner


def long_texts(n: int, words: int = 100) -> list[str]:
    """n texts of exactly `words` words: CrossNER-politics test sentences joined, then cut."""
    flat = " ".join(sentences(DATA, 10 ** 6)).split()
    if len(flat) < n * words:
        raise ValueError(f"only {len(flat)} words in {DATA}, {n * words} asked")
    return [" ".join(flat[i * words:(i + 1) * words]) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200, help="CrossNER sentences")
    parser.add_argument("--long-texts", type=int, default=40, help="100-word texts")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "profile.json"))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    rate = speed.matmul_rate()
    workloads = {"crossner_8_labels": (sentences(DATA, args.sentences), LABELS),
                 "100_words_25_labels": (long_texts(args.long_texts), json.loads(TYPES.read_text())[:25])}
    runs = [("crossner_8_labels", 1), ("crossner_8_labels", 8), ("100_words_25_labels", 8)]
    result = {"matmul_gflops_per_s": rate, "threads": torch.get_num_threads(), "repeats": args.repeats,
              "machine": f"{platform.machine()}, torch {torch.__version__}", "runs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        from gliner import GLiNER as RefGLiNER

        from minigliner import GLiNER
        folder = speed.build_reference_folder(tmp)
        model = GLiNER.from_pretrained(folder).eval()
        ref = RefGLiNER.from_pretrained(folder, local_files_only=True).eval()
        with torch.inference_mode():
            for workload, batch in runs:
                texts, labels = workloads[workload]
                modes = ("reference", "plain", "fast") if workload == "crossner_8_labels" else ("plain", "fast")
                for mode in modes:
                    name = f"{workload}/batch_{batch}/{mode}"
                    result["runs"][name] = r = profile(ref if mode == "reference" else model, texts, labels, batch,
                                                       mode == "fast", args.repeats, mode == "reference")
                    r.update(texts=len(texts), labels=len(labels))
                    print_run(name, r, rate)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(f"matmul rate {rate:.0f} GFLOP/s on {args.threads} threads; wrote {args.out}")


def print_run(name: str, r: dict, rate: float) -> None:
    print(f"\n{name}: {r['texts']} texts, {r['labels']} labels, {r['texts_per_s']:.1f} texts/s, "
          f"non-encoder {100 * r['non_encoder_share']:.0f}%"
          + (f", {r['candidates_per_text']:.0f} candidates/text" if r["candidates_per_text"] is not None else ""))
    print(f"  {'part':10} {'ms/text':>8} {'share':>6} {'GFLOP/text':>11} {'ms at peak':>11} {'efficiency':>10}")
    for part in PARTS:
        ms = 1e3 * r["seconds"][part] / r["texts"]
        gf = r["gflops"].get(part, 0.0) / r["texts"]
        peak = 1e3 * gf / rate
        eff = f"{100 * peak / ms:9.0f}%" if gf and ms > 0 else f"{'-':>10}"
        print(f"  {part:10} {ms:8.2f} {100 * r['seconds'][part] / r['total_s']:5.0f}% {gf:11.3f} {peak:11.2f} {eff}")


if __name__ == "__main__":
    main()
