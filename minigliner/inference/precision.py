"""Reduced precision: the text encoder's matrix products in bfloat16, everything after the encoder in float32.

bfloat16 keeps float32's 8 exponent bits (the same range) and 8 of its 24 significand bits, so each product
carries a relative error up to about 0.4%; the head, the BiLSTM and the scores stay in float32. It pays only
where the hardware multiplies bfloat16 natively: CPUs with AVX512-BF16 or AMX-BF16, and CUDA GPUs that support it.
Elsewhere PyTorch converts in software and runs slower than float32 (benchmarks/RESULTS.md, "Reduced precision"),
so the switch refuses there instead. The label encoder of a bi-encoder stays in float32: its vectors are cached.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

import torch

PRECISIONS = ("float32", "bfloat16")
BF16_CPU_FLAGS = ("avx512_bf16", "amx_bf16")   # /proc/cpuinfo names of the native bfloat16 instructions


def cpu_flags(cpuinfo: str | Path = "/proc/cpuinfo") -> set[str]:
    """The CPU's instruction-set flags as Linux lists them; empty where there is no such file."""
    try:
        text = Path(cpuinfo).read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def check_precision(precision: str, device: torch.device | str) -> None:
    """Refuse, saying why, a precision that is unknown or that this device would run slower than float32."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
    device = torch.device(device)
    if precision == "float32":
        return
    if device.type == "cuda":
        if not torch.cuda.is_bf16_supported():
            raise ValueError("precision='bfloat16': this GPU has no bfloat16 support; keep precision='float32'")
        return
    if device.type != "cpu":
        raise ValueError(f"precision='bfloat16' is for CPU and CUDA devices, not {device.type!r}")
    if not cpu_flags() & set(BF16_CPU_FLAGS):
        raise ValueError("precision='bfloat16' needs a CPU with AVX512-BF16 or AMX-BF16 instructions, and this one "
                         "has neither (/proc/cpuinfo lists no avx512_bf16 or amx_bf16): PyTorch would emulate "
                         "bfloat16 here and run slower than float32; keep precision='float32'")


def encoder_autocast(precision: str, device: torch.device):
    """The context the text encoder runs in: bfloat16 autocast, or nothing for float32."""
    if precision == "float32":
        return contextlib.nullcontext()
    return torch.autocast(device.type, dtype=torch.bfloat16)
