"""The reduced-precision switch: refused where it cannot help, and agreeing with float32 where it runs."""
import pytest
import torch

from minigliner import GLiNER
from minigliner.apps import cli
from minigliner.apps.evaluate import score
from minigliner.inference import precision

TEXTS = ["Ada Lovelace was born in London and worked with Charles Babbage .",
         "The Treaty of Paris was signed in 1783 by Britain and the United States .",
         "Marie Curie studied physics at the University of Paris ."]
LABELS = ["person", "city", "country", "organisation", "date"]


def test_cpu_flags_read_the_flags_line(tmp_path):
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu sse avx2 avx512_bf16\nbugs\t\t: none\n")
    assert precision.cpu_flags(info) == {"fpu", "sse", "avx2", "avx512_bf16"}
    assert precision.cpu_flags(tmp_path / "missing") == set()


def test_bfloat16_is_refused_on_a_cpu_without_the_instructions(tiny_model, monkeypatch):
    monkeypatch.setattr(precision, "cpu_flags", lambda: {"avx2", "fma"})
    with pytest.raises(ValueError, match="AVX512-BF16 or AMX-BF16.*slower than float32"):
        tiny_model.set_precision("bfloat16")
    assert tiny_model.precision == "float32"          # unchanged after the refusal
    with pytest.raises(ValueError, match="precision must be one of"):
        tiny_model.set_precision("int4")
    with pytest.raises(ValueError, match="not 'mps'"):
        precision.check_precision("bfloat16", torch.device("mps"))


def test_the_command_line_refuses_it_by_name(tiny_model, tmp_path, monkeypatch):
    monkeypatch.setattr(precision, "cpu_flags", lambda: {"avx2"})
    tiny_model.save_pretrained(tmp_path / "m")
    with pytest.raises(SystemExit, match="--precision bfloat16: .*AVX512-BF16"):
        cli.main(["predict", "--model", str(tmp_path / "m"), "--labels", "person", "--precision", "bfloat16",
                  "Ada Lovelace"])


def entities(model, texts, labels, threshold):
    return [[(e["start"], e["end"], e["label"]) for e in model.predict_entities(t, labels, threshold=threshold)]
            for t in texts]


def test_bfloat16_entities_agree_with_float32(reference_span, monkeypatch):
    """Forced on (whatever this CPU has), the encoder runs in bfloat16 and the entities stay those of float32."""
    monkeypatch.setattr(precision, "cpu_flags", lambda: {"avx512_bf16"})
    _, folder = reference_span
    exact = GLiNER.from_pretrained(folder)
    reduced = GLiNER.from_pretrained(folder, precision="bfloat16")
    assert reduced.precision == "bfloat16"
    batch = exact.prompt_batch([t.split() for t in TEXTS], [LABELS] * len(TEXTS))
    with torch.no_grad():
        a, mask = exact(batch)
        b, _ = reduced(batch)
    assert a.dtype == b.dtype == torch.float32                       # the head stays in float32
    gap = (a - b)[mask].abs().max().item()
    assert 0 < gap < 0.05                                            # bfloat16 did run, and stayed close
    same = entities(exact, TEXTS, LABELS, 0.3)
    other = entities(reduced, TEXTS, LABELS, 0.3)
    assert sum(map(len, same)) > 3
    assert score(other, same)["f1"] >= 0.9
