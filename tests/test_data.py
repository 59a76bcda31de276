"""Reading NER data (GLiNER JSON, BIO), label names, and turning examples into training targets."""
import json
import random
from collections import Counter

import pytest
import torch
from conftest import SHARED_DATA

from minigliner.training.corpus import dataset_labels, read_dataset
from minigliner.training.reading import (LoadReport, label_name, load_label_names, read_bio, read_gliner_json,
                                         split_long)
from minigliner.training.targets import sample_labels, span_targets


def write_json(path, records):
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


# ---- GLiNER JSON ----------------------------------------------------------------------------

def test_read_gliner_json_list_and_jsonl(tmp_path):
    records = [{"tokenized_text": ["John", "lives", "in", "Paris"], "ner": [[0, 0, "person"], [3, 3, "city"]]},
               {"tokenized_text": ["Hi"], "ner": []}, {"tokenized_text": ["no", "ner", "key"]}]
    report = LoadReport()
    got = read_gliner_json(write_json(tmp_path / "a.json", records), report)
    assert got[0] == records[0] and got[2] == {"tokenized_text": ["no", "ner", "key"], "ner": []}
    assert (report.sentences, report.entities, report.types) == (3, 2, Counter(person=1, city=1))
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    assert read_gliner_json(tmp_path / "b.jsonl") == got


def test_read_the_shared_gliner_sample():
    report = LoadReport()
    examples = read_gliner_json(SHARED_DATA / "gliner_sample" / "sample_data.json", report)
    assert len(examples) == report.sentences == 64 and report.entities > 64
    assert all(0 <= s <= e < len(ex["tokenized_text"]) for ex in examples for s, e, _ in ex["ner"])


@pytest.mark.parametrize("ner,words", [
    ([[0, 0, "person"], [2, 5, "city"]], r"entity \[2, 5, 'city'\] is out of range for 4 words"),
    ([[-1, 0, "person"]], "out of range"),
    ([[3, 1, "city"]], r"\[3, 1, 'city'\] is out of range for 4 words \(end is inclusive\) or reversed"),
    ([[0, 1]], r"entity \[0, 1\] is not \[start, end, label\]"),
    ([[0, 1, 7]], r"is not \[start, end, label\]"),
    (["person"], r"entity 'person' is not \[start, end, label\]"),
])
def test_read_gliner_json_errors_name_file_and_example(tmp_path, ner, words):
    records = [{"tokenized_text": ["a", "b", "c", "d"], "ner": []},
               {"tokenized_text": ["John", "lives", "in", "Paris"], "ner": ner}]
    path = write_json(tmp_path / "bad.json", records)
    with pytest.raises(ValueError, match=words) as err:
        read_gliner_json(path)
    assert f"{path}:1: example 1:" in str(err.value)   # one-line file: line 1


@pytest.mark.parametrize("record", [
    ["John", "lives"],
    {"ner": [[0, 0, "person"]]},
    {"tokenized_text": "John lives in Paris", "ner": []},
    {"tokenized_text": ["John", 3], "ner": []},
])
def test_read_gliner_json_malformed_records(tmp_path, record):
    path = write_json(tmp_path / "bad.json", [record])
    with pytest.raises(ValueError, match="tokenized_text") as err:
        read_gliner_json(path)
    assert f"{path}:1: example 0:" in str(err.value)


@pytest.mark.parametrize("ner", [
    [["x", 0, "person"]],       # start is not a number
    [[None, 0, "person"]],
    [[0.5, 1, "person"]],       # not a whole number: silently truncated to 0 today
    5,                          # 'ner' is not a list
])
def test_read_gliner_json_malformed_offsets_name_file_and_example(tmp_path, ner):
    path = write_json(tmp_path / "bad.json", [{"tokenized_text": ["John", "lives"], "ner": ner}])
    with pytest.raises(ValueError) as err:
        read_gliner_json(path)
    assert f"{path}:1: example 0" in str(err.value)


def test_read_gliner_json_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"tokenized_text": ["a"], "ner": []}\n{"tokenized_text": ["b"], "ner": [}\n')
    with pytest.raises(ValueError) as err:
        read_gliner_json(path)
    assert str(path) in str(err.value)


# ---- BIO ----------------------------------------------------------------------------------------

BIO = """John\tB-PER
Smith\tI-PER
visited\tO
New\tB-LOC
York\tI-LOC
.\tO

Paris\tI-LOC
is\tO
nice\tB-MISC
place\tI-LOC
.\tO



Acme Corp\tB-ORG
"""


def test_read_bio_entities_and_repairs(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(BIO, encoding="utf-8")
    report = LoadReport()
    examples = read_bio(path, {"PER": "person", "LOC": "location"}, report)
    assert examples == [
        {"tokenized_text": ["John", "Smith", "visited", "New", "York", "."],
         "ner": [[0, 1, "person"], [3, 4, "location"]]},
        {"tokenized_text": ["Paris", "is", "nice", "place", "."],
         "ner": [[0, 0, "location"], [2, 2, "misc"], [3, 3, "location"]]},
        {"tokenized_text": ["Acme Corp"], "ner": [[0, 0, "org"]]},
    ]
    assert (report.sentences, report.entities) == (3, 6)
    assert report.types == Counter(location=3, person=1, misc=1, org=1)
    assert len(report.repaired) == 2                             # I-LOC after a blank line; I-LOC after B-MISC
    assert report.repaired[0].startswith(f"{path}:8: I-LOC without a B-LOC")
    assert report.repaired[1].startswith(f"{path}:11: I-LOC without a B-LOC")
    assert "2 repaired" in report.summary() and "3 sentences, 6 entities, 4 types" in report.summary()


@pytest.mark.parametrize("bad,line,words", [
    ("John B-PER", 3, r"expected 'word<TAB>tag' \(one tab\), got 'John B-PER'"),
    ("John\tX-PER", 3, r"tag 'X-PER' is not O, B-type or I-type"),
    ("John\tB-", 3, r"tag 'B-' is not O"),
])
def test_read_bio_bad_line_names_file_and_line(tmp_path, bad, line, words):
    path = tmp_path / "bad.txt"
    path.write_text(f"a\tO\n\n{bad}\nb\tO\n", encoding="utf-8")
    with pytest.raises(ValueError, match=words) as err:
        read_bio(path)
    assert str(err.value).startswith(f"{path}:{line}:")


def test_read_bio_on_the_shared_conll_file():
    names = load_label_names(SHARED_DATA / "label_names.json", "conll2003")
    examples = read_bio(SHARED_DATA / "train" / "conll2003" / "test.txt", names)
    assert examples[0]["tokenized_text"][:3] == ["SOCCER", "-", "JAPAN"]
    assert examples[0]["ner"] == [[2, 2, "location"], [7, 7, "person"]]
    assert examples[1] == {"tokenized_text": ["Nadim", "Ladki"], "ner": [[0, 1, "person"]]}
    labels = {lab for ex in examples for *_, lab in ex["ner"]}
    assert labels == {"person", "organization", "location", "miscellaneous"}
    assert read_bio(SHARED_DATA / "train" / "conll2003" / "test.txt", names, limit=7) == examples[:7]


BIOES = """Laser\tS-MANP
beam\tB-MACEQ
welding\tI-MACEQ
head\tE-MACEQ
steel\tE-MATE
alloy\tI-MATE
.\tO
"""


def test_read_bio_accepts_bioes(tmp_path):
    """FabNER in the shared data is BIOES: S- is a one-word entity, E- ends one; an E- or I- with no open
    entity of its type starts one (counted)."""
    path = tmp_path / "fab.txt"
    path.write_text(BIOES, encoding="utf-8")
    report = LoadReport()
    examples = read_bio(path, {"MANP": "process", "MACEQ": "machine", "MATE": "material"}, report)
    assert examples[0]["ner"] == [[0, 0, "process"], [1, 3, "machine"], [4, 4, "material"], [5, 5, "material"]]
    assert [r.split(": ")[1].split(";")[0] for r in report.repaired] == ["E-MATE without a B-MATE before it",
                                                                         "I-MATE without a B-MATE before it"]


def test_read_bio_on_the_shared_fabner_file():
    names = load_label_names(SHARED_DATA / "label_names.json", "FabNER")
    report = LoadReport()
    examples = read_bio(SHARED_DATA / "train" / "FabNER" / "dev.txt", names, report)
    assert report.sentences == 2183 and not report.repaired
    assert report.entities == 2926 + 6809                      # one per B- and per S- tag in the file
    assert set(report.types) == set(dataset_labels(SHARED_DATA / "train" / "FabNER", names))
    widths = Counter(e - s + 1 for ex in examples for s, e, _ in ex["ner"])
    assert widths[1] == 6809 and sum(widths.values()) == 9735  # every B- ... E- entity has two words or more


def test_dataset_labels_and_read_dataset(tmp_path):
    names = load_label_names(SHARED_DATA / "label_names.json", "Ontonotes")
    labels = dataset_labels(SHARED_DATA / "train" / "Ontonotes", names)
    assert labels[:4] == ["cardinal number", "date", "person", "nationality, religious or political group"]
    assert len(labels) == 18
    assert dataset_labels(SHARED_DATA / "zeroshot" / "mit-restaurant")[-1] == "restaurant name"
    examples, labels = read_dataset(SHARED_DATA / "zeroshot" / "crossner_ai" / "dev.txt")
    assert len(examples) == 350 and "programming language" in labels and len(labels) == 13
    examples, labels = read_dataset(SHARED_DATA / "train" / "conll2003" / "dev.txt", SHARED_DATA / "label_names.json")
    assert labels == ["person", "organization", "location", "miscellaneous"]
    (tmp_path / "x.txt").write_text("a\tB-LOC\n", encoding="utf-8")        # no label.txt: labels from the data
    assert read_dataset(tmp_path / "x.txt") == ([{"tokenized_text": ["a"], "ner": [[0, 0, "loc"]]}], ["loc"])
    with pytest.raises(FileNotFoundError, match="no label.txt"):
        dataset_labels(tmp_path)
    examples, labels = read_dataset(SHARED_DATA / "gliner_sample" / "sample_data.json")
    assert len(examples) == 64 and labels == sorted({lab for ex in examples for *_, lab in ex["ner"]})


# ---- label names ----------------------------------------------------------------------------------

def test_label_name_mapping():
    assert label_name("PER", {"PER": "person"}) == "person"
    assert label_name("WORK_OF_ART", None) == "work of art"
    assert label_name("Disease", {}) == "disease"
    assert label_name("GPE", {"PER": "person"}) == "gpe"


def test_shared_label_names():
    path = SHARED_DATA / "label_names.json"
    assert load_label_names(path, "conll2003")["PER"] == "person"
    assert load_label_names(path, "Ontonotes")["NORP"] == "nationality, religious or political group"
    assert load_label_names(path, "FabNER")["MATE"] == "material"
    assert load_label_names(path, "crossner_ai") == {}


# ---- splitting long examples -------------------------------------------------------------------------

def test_split_long_counts_cut_entities():
    ex = {"tokenized_text": [f"w{i}" for i in range(10)],
          "ner": [[0, 1, "a"], [3, 4, "b"], [4, 5, "c"], [7, 9, "d"], [2, 8, "e"]]}
    pieces, cut = split_long([ex], 4)
    assert [p["tokenized_text"] for p in pieces] == [["w0", "w1", "w2", "w3"], ["w4", "w5", "w6", "w7"], ["w8", "w9"]]
    assert [p["ner"] for p in pieces] == [[[0, 1, "a"]], [[0, 1, "c"]], []]
    assert cut == 3                                  # b (3-4), d (7-9) and e (2-8) cross a boundary
    same, none_cut = split_long([ex], 10)
    assert same == [ex] and none_cut == 0


def test_split_long_keeps_words_and_short_examples():
    examples = [{"tokenized_text": list("abcdefg"), "ner": [[6, 6, "x"]]}, {"tokenized_text": ["z"], "ner": []}]
    pieces, cut = split_long(examples, 3)
    assert sum((p["tokenized_text"] for p in pieces), []) == list("abcdefg") + ["z"]
    assert pieces[2] == {"tokenized_text": ["g"], "ner": [[0, 0, "x"]]} and cut == 0


# ---- label sampling ----------------------------------------------------------------------------------

def ex(*labels):
    return {"tokenized_text": ["w"] * 20, "ner": [[i, i, lab] for i, lab in enumerate(labels)]}


def test_sample_labels_includes_every_positive_type_and_draws_negatives_from_the_batch():
    batch = [ex("person", "city"), ex("date"), ex("person", "organization", "person"), ex()]
    pool = {"person", "city", "date", "organization"}
    seen_negatives = set()
    for seed in range(50):
        labels = sample_labels(batch, max_types=10, max_neg_type_ratio=2, rng=random.Random(seed))
        assert len(labels) == len(batch)
        for example, ex_labels in zip(batch, labels):
            own = {lab for *_, lab in example["ner"]}
            assert own <= set(ex_labels)                       # every positive type, when all fit
            assert set(ex_labels) <= pool                      # negatives only from the batch
            assert len(ex_labels) == len(set(ex_labels)) and ex_labels
            seen_negatives |= set(ex_labels) - own
    assert seen_negatives == pool                              # negatives are really drawn


def test_sample_labels_caps_at_max_types():
    many = [f"type{i}" for i in range(12)]
    batch = [ex(*many), ex("other")]
    for seed in range(20):
        labels = sample_labels(batch, max_types=5, max_neg_type_ratio=1, rng=random.Random(seed))
        assert len(labels[0]) == 5 and set(labels[0]) <= set(many) | {"other"}
        assert all(len(l) <= 5 for l in labels)


def test_sample_labels_drops_negatives_before_own_types():
    """Deliberate difference from gliner 0.2.29, which can cut an example's own type at max_types."""
    batch = [ex("person", "city"), ex("date", "organization", "river", "film")]
    for seed in range(200):
        labels = sample_labels(batch, max_types=3, max_neg_type_ratio=3, rng=random.Random(seed))
        assert {"person", "city"} <= set(labels[0]) and len(labels[0]) <= 3


def test_sample_labels_without_negatives_and_without_entities():
    batch = [ex("person", "city"), ex()]
    labels = sample_labels(batch, max_types=10, max_neg_type_ratio=0, rng=random.Random(0))
    assert sorted(labels[0]) == ["city", "person"]
    assert len(labels[1]) == 1 and labels[1][0] in {"city", "person"}   # an example without entities still gets one
    assert sample_labels([ex(), ex()], 10, 1, random.Random(0)) == [["entity"], ["entity"]]


def test_sample_labels_asks_every_known_negative_first():
    """An example's "negatives" (e.g. the rest of its dataset's labels) come before the batch's."""
    batch = [{**ex("person"), "negatives": ["city", "date", "person"]}, ex("film", "river", "song")]
    for seed in range(30):
        labels = sample_labels(batch, max_types=4, max_neg_type_ratio=3, rng=random.Random(seed))
        assert {"person", "city", "date"} <= set(labels[0]) and len(labels[0]) <= 4
        assert len(labels[0]) == len(set(labels[0]))
    plain = [ex("person"), ex("film", "river")]
    assert sample_labels(plain, 10, 1, random.Random(3)) == \
        sample_labels([{**plain[0], "negatives": []}, plain[1]], 10, 1, random.Random(3))


def test_split_long_keeps_the_other_keys():
    pieces, _ = split_long([{"tokenized_text": list("abcde"), "ner": [[4, 4, "x"]], "negatives": ["y"]}], 3)
    assert pieces == [{"tokenized_text": list("abc"), "ner": [], "negatives": ["y"]},
                      {"tokenized_text": list("de"), "ner": [[1, 1, "x"]], "negatives": ["y"]}]


# ---- targets ---------------------------------------------------------------------------------------

def test_span_targets_put_ones_at_start_width_label():
    batch = [{"tokenized_text": ["w"] * 6, "ner": [[0, 1, "person"], [3, 3, "city"], [0, 5, "city"], [2, 2, "gone"]]},
             {"tokenized_text": ["w"] * 3, "ner": [[2, 2, "date"]]}]
    labels = [["city", "person"], ["person", "city", "date"]]
    targets, too_wide = span_targets(batch, labels, num_words=6, max_width=4)
    assert targets.shape == (2, 6, 4, 3) and targets.dtype == torch.float32
    assert too_wide == 1                                  # [0, 5] is 6 words wide > 4
    ones = {tuple(i) for i in targets.nonzero().tolist()}
    assert ones == {(0, 0, 1, 1), (0, 3, 0, 0), (1, 2, 0, 2)}  # "gone" is not among the labels: no target


# ---- hardening: where every problem is, and what a reader does about it ---------------------------

def test_gliner_json_problems_name_the_line_of_their_example(tmp_path):
    records = [{"tokenized_text": ["a", "b"], "ner": []}, {"tokenized_text": ["c"], "ner": []},
               {"tokenized_text": ["John", "lives"], "ner": [[0, 3, "person"]]}]
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    line = next(i for i, l in enumerate(path.read_text().splitlines(), 1) if '"John"' in l) - 2  # the record's '{'
    assert path.read_text().splitlines()[line - 1].strip() == "{"
    with pytest.raises(ValueError, match=rf"^{path}:{line}: example 2: entity \[0, 3, 'person'\] is out of range"):
        read_gliner_json(path)
    (tmp_path / "broken.json").write_text('[\n {"tokenized_text": ["a"], "ner": []}\n {"tokenized_text": []}\n]')
    with pytest.raises(ValueError, match=r"broken.json:3: invalid JSON: expected ',' or ']' after example 0"):
        read_gliner_json(tmp_path / "broken.json")


def test_gliner_json_skip_leaves_out_bad_entities_and_examples_and_lists_each(tmp_path):
    lines = [{"tokenized_text": ["John", "lives", "in", "Paris"], "ner": [[0, 0, "person"], [3, 1, "city"], [2, 9, "x"]]},
             {"tokenized_text": [], "ner": []},
             {"tokenized_text": ["Anna", " "], "ner": [[0, 0, "person"]]},
             {"tokenized_text": ["Mary"], "ner": [[0, 0, "robot"], [0, 0]]},
             {"ner": []}]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    report = LoadReport()
    got = read_gliner_json(path, report, labels=["person", "city", "x"], on_error="skip")
    assert got == [{"tokenized_text": ["John", "lives", "in", "Paris"], "ner": [[0, 0, "person"]]},
                   {"tokenized_text": ["Mary"], "ner": []}]
    assert [s.split(": ", 1)[0] for s in report.skipped] == [f"{path}:1", f"{path}:1", f"{path}:2", f"{path}:3",
                                                             f"{path}:4", f"{path}:4", f"{path}:5"]
    text = "\n".join(report.skipped)
    for words in ("[3, 1, 'city'] is out of range", "[2, 9, 'x'] is out of range", "example 1: empty sentence",
                  "word 1 is empty or only whitespace", "label 'robot', which is not in the label list",
                  "entity [0, 0] is not [start, end, label]", "expected an object with 'tokenized_text'"):
        assert words in text, words
    assert (report.sentences, report.entities) == (2, 1)
    assert "2 sentences, 1 entities, 1 types; 0 repaired, 7 skipped" == report.summary()


@pytest.mark.parametrize("record,words", [
    ({"tokenized_text": [], "ner": []}, "empty sentence"),
    ({"tokenized_text": ["Mary"], "ner": [[0, 0, "robot"]]}, r"entity \[0, 0, 'robot'\] has label 'robot', which is not in"),
])
def test_gliner_json_raises_by_default(tmp_path, record, words):
    path = write_json(tmp_path / "a.json", [record])
    with pytest.raises(ValueError, match=f"^{path}:1: example 0: {words}"):
        read_gliner_json(path, labels={"person"})


def test_bad_reader_options_raise(tmp_path):
    path = write_json(tmp_path / "a.json", [{"tokenized_text": ["a"], "ner": []}])
    with pytest.raises(ValueError, match="on_error must be one of"):
        read_gliner_json(path, on_error="ignore")
    with pytest.raises(ValueError, match="orphan_i must be one of"):
        read_bio(path, orphan_i="fix")
    with pytest.raises(TypeError, match="labels must be a collection"):
        read_gliner_json(path, labels="person")


@pytest.mark.parametrize("reader", ["json", "bio"])
def test_entities_wider_than_max_width_are_kept_and_listed(tmp_path, reader):
    if reader == "json":
        path = write_json(tmp_path / "a.json", [{"tokenized_text": list("abcdef"), "ner": [[0, 4, "x"], [5, 5, "y"]]}])
        where = f"{path}:1: example 0"
    else:
        path = tmp_path / "a.txt"
        path.write_text("a\tO\nb\tB-X\nc\tI-X\nd\tI-X\ne\tI-X\nf\tI-X\ng\tB-Y\n", encoding="utf-8")
        where = f"{path}:2"
    report = LoadReport()
    read = read_gliner_json if reader == "json" else read_bio
    examples = read(path, report=report, max_width=3)
    assert [e[:2] for e in examples[0]["ner"]] == ([[0, 4], [5, 5]] if reader == "json" else [[1, 5], [6, 6]])
    assert report.entities == 2                                    # counted, never dropped
    assert len(report.too_wide) == 1 and report.too_wide[0].startswith(f"{where}: entity [")
    assert "5 words wide, more than max_width=3" in report.too_wide[0]
    assert report.summary().endswith("1 wider than max_width=3")
    assert any(line.startswith("too_wide: ") for line in report.details())


@pytest.mark.parametrize("encoding,hint", [("latin-1", ""), ("utf-16", r" \(it looks like UTF-16\)")])
def test_a_file_that_is_not_utf8_names_line_and_byte(tmp_path, encoding, hint):
    path = tmp_path / "old.txt"
    path.write_bytes("John\tB-PER\n\nZoë\tB-PER\n".encode(encoding))
    offset = 0 if encoding == "utf-16" else len("John\tB-PER\n\nZo".encode())
    line = 1 if encoding == "utf-16" else 3
    with pytest.raises(ValueError, match=rf"^{path}:{line}: not UTF-8{hint}: byte 0x.. at byte offset {offset} "
                                         r".*re-save the file as UTF-8"):
        read_bio(path)
    json_path = tmp_path / "old.json"
    json_path.write_bytes(json.dumps([{"tokenized_text": ["Zoë"], "ner": []}], ensure_ascii=False).encode("latin-1"))
    with pytest.raises(ValueError, match=rf"^{json_path}:1: not UTF-8"):
        read_gliner_json(json_path)


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_word(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("John\tB-PER\n".encode("utf-8-sig"))
    assert read_bio(path) == [{"tokenized_text": ["John"], "ner": [[0, 0, "per"]]}]


def test_read_bio_orphan_i_refuse_and_skip(tmp_path):
    path = tmp_path / "orphan.txt"
    path.write_text("John\tB-PER\n\nin\tO\nParis\tI-LOC\n\nBerlin\tB-LOC\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"^{path}:4: I-LOC without a B-LOC before it$"):
        read_bio(path, orphan_i="refuse")
    report = LoadReport()
    got = read_bio(path, orphan_i="refuse", on_error="skip", report=report)
    assert [ex["tokenized_text"] for ex in got] == [["John"], ["Berlin"]]
    assert report.skipped == [f"{path}:4: I-LOC without a B-LOC before it; sentence left out"]
    assert report.repaired == [] and report.summary().startswith("2 sentences, 2 entities, 2 types; 0 repaired, 1 skipped")


def test_read_bio_skip_leaves_out_the_sentence_of_a_bad_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("a\tO\nb c O\nd\tB-X\n\ne\tB-X\n\nf\tQ-X\n\ng\tx\ty\n", encoding="utf-8")
    report = LoadReport()
    assert read_bio(path, on_error="skip", report=report) == [{"tokenized_text": ["e"], "ner": [[0, 0, "x"]]}]
    assert [s.split(": ", 1)[0] for s in report.skipped] == [f"{path}:2", f"{path}:7", f"{path}:9"]


def test_read_bio_unknown_labels_by_code_or_name(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("John\tB-PER\nin\tO\nParis\tB-LOC\nnow\tB-TIME\n", encoding="utf-8")
    names = {"PER": "person", "LOC": "location", "TIME": "time"}
    with pytest.raises(ValueError, match=rf"^{path}:4: entity \[3, 3, 'time'\] has label 'time', which is not"):
        read_bio(path, names, labels=["PER", "location"])
    report = LoadReport()
    got = read_bio(path, names, labels=["PER", "location"], on_error="skip", report=report)
    assert got[0]["ner"] == [[0, 0, "person"], [2, 2, "location"]] and len(report.skipped) == 1


def test_read_bio_blank_words_and_bioes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("New\tB-LOC\n \tO\nYork\tE-LOC\nParis\tS-LOC\nis\tO\nbig\tI-X\ncity\tE-X\n\n \tB-X\n", encoding="utf-8")
    report = LoadReport()
    got = read_bio(path, on_error="skip", report=report)
    assert got == [{"tokenized_text": ["New", "York", "Paris", "is", "big", "city"],
                    "ner": [[0, 1, "loc"], [2, 2, "loc"], [4, 5, "x"]]}]
    assert report.repaired == [f"{path}:2: blank word ' ' tagged O; dropped",
                               f"{path}:6: I-X without a B-X before it; started a new entity"]
    assert report.skipped == [f"{path}:9: blank word ' ' tagged B-X; sentence left out"]


def test_known_negatives_never_come_from_the_batch_and_follow_the_ratio():
    """Few-NERD's trap: a sentence of one part may hold the other part's types unlabelled, so negatives_from=known
    asks only the types its own corpus annotates (its "negatives"), never another example's."""
    batch = [{**ex("politician", "film"), "negatives": ["airport", "award", "company", "island", "ship"]},
             {**ex("actor", "weapon"), "negatives": ["election"]}, {**ex(), "negatives": ["car"]}]
    for seed in range(40):
        one, two, empty = sample_labels(batch, 25, 1, random.Random(seed), negatives_from="known", neg_ratio=1.0)
        assert {"politician", "film"} <= set(one) and len(one) == 4                  # 2 own + round(1.0 * 2) known
        assert set(one) <= {"politician", "film", "airport", "award", "company", "island", "ship"}
        assert sorted(two) == ["actor", "election", "weapon"]                         # only 1 known negative exists
        assert empty == ["car"]                                                       # no entity: at least one
    wide = sample_labels(batch, 25, 1, random.Random(0), negatives_from="known", neg_ratio=float("inf"))
    assert len(wide[0]) == 7
    assert len(sample_labels(batch, 25, 1, random.Random(0), negatives_from="known", neg_ratio=0.5)[0]) == 3
    with pytest.raises(ValueError, match="no entities and no known negatives"):
        sample_labels([ex()], 25, 1, random.Random(0), negatives_from="known")
    with pytest.raises(ValueError, match="negatives_from must be one of"):
        sample_labels(batch, 25, 1, random.Random(0), negatives_from="corpus")


def test_label_drop_leaves_at_least_one_label_and_really_drops():
    batch = [{**ex("a", "b", "c"), "negatives": ["d", "e", "f"]}]
    sizes = Counter()
    for seed in range(300):
        labels = sample_labels(batch, 25, 1, random.Random(seed), negatives_from="known", neg_ratio=1.0,
                               label_drop=0.9)[0]
        assert 1 <= len(labels) <= 6 and len(set(labels)) == len(labels)
        sizes[len(labels)] += 1
    assert sizes[6] > 0 and sizes[1] > 0 and len(sizes) == 6                     # every size from 1 to 6 occurs
    assert sample_labels(batch, 25, 1, random.Random(3)) == sample_labels(batch, 25, 1, random.Random(3), label_drop=0.0)
