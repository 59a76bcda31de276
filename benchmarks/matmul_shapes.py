"""Float32 GFLOP/s of the matrix products the encoder and span head run, by shape, against large products.

At batch 1 a CrossNER sentence with its 8-label prompt is 67 subwords on average (90 is a long one) and about
40 words, so the encoder's products have 60-90 rows and the span head's about 40; at batch 8 up to 720 rows. Small products run below
the machine's large-product rate, which bounds how fast batch 1 can be (RESULTS.md, issue 18). Also timed: one
fused QKV product (90 x 384 x 1152) against the three separate ones. Each shape is `torch.nn.functional.linear`
(weight (N, K), as nn.Linear stores it, with bias); all shapes are timed in turn, round after round, and each
keeps its best round, so that a shared machine's drift reaches them alike. Last, torch.profiler splits the
MiniLM encoder's time at batch 1 (90 subwords) by operator: how much of it is these products.

    python benchmarks/matmul_shapes.py --threads 2          (seconds)
Writes benchmarks/results/matmul_shapes.json: {"M x K x N": GFLOP/s, ...}.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHAPES = {  # rows x inner x outputs: what runs it
    "1024 x 1024 x 1024": "large square product",
    "512 x 384 x 1536": "speed.py's matmul probe (the feed-forward at 512 subwords)",
    "720 x 384 x 1536": "encoder feed-forward up, batch 8",
    "720 x 1536 x 384": "encoder feed-forward down, batch 8",
    "90 x 384 x 384": "encoder Q, K, V and output, batch 1",
    "90 x 384 x 1152": "Q, K and V fused into one product, batch 1",
    "90 x 384 x 1536": "encoder feed-forward up, batch 1",
    "90 x 1536 x 384": "encoder feed-forward down, batch 1",
    "40 x 384 x 1536": "span head start/end FFN up, batch 1",
    "40 x 1536 x 384": "span head start/end FFN down, batch 1",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "matmul_shapes.json"))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    operands = {}
    for shape in SHAPES:
        M, K, N = (int(x) for x in shape.split(" x "))
        operands[shape] = (torch.randn(M, K), torch.randn(N, K), torch.randn(N))  # input, weight, bias
    best = {shape: float("inf") for shape in SHAPES}
    with torch.inference_mode():
        for _ in range(args.rounds):
            for shape, (x, w, b) in operands.items():
                F.linear(x, w, b)  # warm
                calls = max(1, int(2e8 // x.numel() // w.shape[0]))  # about 0.4 GFLOP per timing
                start = time.perf_counter()
                for _ in range(calls):
                    F.linear(x, w, b)
                best[shape] = min(best[shape], (time.perf_counter() - start) / calls)
    rates = {shape: 2 * operands[shape][0].numel() * operands[shape][1].shape[0] / best[shape] / 1e9
             for shape in SHAPES}
    print(f"float32 F.linear, {args.threads} threads, best of {args.rounds} rounds")
    for shape, what in SHAPES.items():
        print(f"  {shape:>20}  {rates[shape]:6.1f} GFLOP/s  {1e6 * best[shape]:8.1f} us  {what}")
    three = 3 * best["90 x 384 x 384"]
    print(f"  Q, K, V at batch 1: three products {1e6 * three:.1f} us, one fused {1e6 * best['90 x 384 x 1152']:.1f} us")
    shares = encoder_operator_shares()
    print("  MiniLM encoder at batch 1, 90 subwords, share of its time: "
          + ", ".join(f"{op} {100 * share:.1f}%" for op, share in list(shares.items())[:6]))
    Path(args.out).write_text(json.dumps({"gflops_per_s": rates, "seconds": best, "encoder_batch_1_shares": shares,
                                          "threads": args.threads, "rounds": args.rounds,
                                          "machine": f"{platform.machine()}, torch {torch.__version__}"},
                                         indent=2) + "\n")


def encoder_operator_shares(subwords: int = 90, passes: int = 10) -> dict[str, float]:
    """Share of the MiniLM encoder's time per operator (self time) at batch 1, largest first."""
    from torch.profiler import ProfilerActivity, profile

    from minigliner.encoders.bert import Encoder
    from minigliner.folders.hub import minilm_folder
    encoder = Encoder.from_folder(minilm_folder()).eval()
    ids = torch.randint(1000, 20000, (1, subwords))                        # (1, L) word-piece ids
    mask = torch.ones(1, subwords, dtype=torch.long)                       # (1, L)
    with torch.inference_mode():
        for _ in range(3):
            encoder(ids, mask)  # warm
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            for _ in range(passes):
                encoder(ids, mask)
    self_us = {e.key: e.self_cpu_time_total for e in prof.key_averages()}
    total = sum(self_us.values())
    return {op: t / total for op, t in sorted(self_us.items(), key=lambda kv: -kv[1]) if t / total >= 0.001}


if __name__ == "__main__":
    main()
