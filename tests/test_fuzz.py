"""A short fuzz run: predict_entities of a tiny random model on random unicode texts never crashes
and every entity slices the original text (benchmarks/fuzz.py runs the long version)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fuzz  # noqa: E402


def test_300_random_texts_give_no_crash_and_exact_offsets(minilm):
    result = fuzz.run(fuzz.build_model(seed=1), n=300, seed=1)
    assert result["texts"] == 300 and not result["stopped_by_time"]
    assert result["failures"] == 0, result["first_failures"][:3]
    assert result["entities"] > 300                       # the check really saw entities


def test_the_fuzz_check_catches_a_wrong_offset_and_a_crash():
    text = "Anna met Paul"
    good = {"start": 0, "end": 4, "text": "Anna", "label": "person", "score": 0.7}
    assert fuzz.violations(text, ["person"], [good], 0.5) == []
    assert fuzz.violations(text, ["person"], [{**good, "end": 5}], 0.5)
    assert fuzz.violations(text, ["person"], [{**good, "label": "city"}], 0.5)

    class Broken:
        def predict_entities(self, *args, **kw):
            raise IndexError("boom")
    result = fuzz.run(Broken(), n=5)
    assert result["failures"] == 5 and "IndexError: boom" in result["first_failures"][0]["problems"][0]
