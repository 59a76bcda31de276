"""The training mixture, on small slices of the real shared files."""
import json
import random
import shutil
from collections import Counter

import pytest
from conftest import SHARED_DATA

from minigliner.training.targets import sample_labels
from minigliner.training.mixture import (PileReport, by_source, find_mention, label_set, leave_out, read_corpus, read_pilener,
                                sample_mixture, split_pieces, temperature_weights, training_pool)
from minigliner.core.prompt import split_words

PILE = SHARED_DATA / "pilener_subset" / "slimer_pilener_validation.jsonl"


def bio_slice(src, dst, sentences):
    """The first `sentences` sentences of a BIO file."""
    text = src.read_text(encoding="utf-8").split("\n\n")[:sentences]
    dst.write_text("\n\n".join(text) + "\n", encoding="utf-8")


@pytest.fixture
def root(tmp_path):
    """A data root shaped like the shared one, with slices of its files."""
    for name, split, n in (("conll2003", "train.txt", 40), ("Ontonotes", "dev.txt", 30), ("FabNER", "train.txt", 20),
                           ("FewNERD-a", "train.txt", 30), ("FewNERD-b", "train.txt", 30)):
        folder = tmp_path / "train" / name
        folder.mkdir(parents=True)
        bio_slice(SHARED_DATA / "train" / name / split, folder / split, n)
        shutil.copy(SHARED_DATA / "train" / name / "label.txt", folder)
        bio_slice(SHARED_DATA / "train" / name / "test.txt", folder / "test.txt", 5)
    (tmp_path / "pilener_subset").mkdir()
    lines = PILE.read_text(encoding="utf-8").splitlines()[:60]
    (tmp_path / "pilener_subset" / PILE.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(SHARED_DATA / "label_names.json", tmp_path)
    (tmp_path / "zeroshot" / "crossner_ai").mkdir(parents=True)
    (tmp_path / "zeroshot" / "crossner_ai" / "train.txt").write_text("not\tread\n")   # would fail if read
    return tmp_path


# ---- Pile-NER ----------------------------------------------------------------------------------

def test_find_mention():
    words = "the New York museum in New York".split()
    assert find_mention(words, ["New", "York"]) == [1, 5]
    assert find_mention(words, ["York", "museum"]) == [2]
    assert find_mention(words, ["Paris"]) == [] and find_mention(words, []) == []


def test_read_pilener_on_the_shared_file():
    report = PileReport()
    examples = read_pilener(PILE, report)
    records = [json.loads(line) for line in PILE.read_text(encoding="utf-8").splitlines()]
    assert report.records == len(records) == 1320
    assert report.passages == len(examples) == len({r["doc_question_pairID"].split(":")[0] for r in records})
    assert report.mentions == sum(len(json.loads(r["output"])) for r in records)
    assert report.matched + len(report.unmatched) == report.mentions and len(report.unmatched) == 3
    assert report.entities == sum(len(ex["ner"]) for ex in examples) >= report.matched
    # every span's words are one of its type's mention strings, split as the model splits words
    by_passage = {}
    for r in records:
        pid = r["doc_question_pairID"].split(":")[0]
        for m in json.loads(r["output"]):
            by_passage.setdefault(pid, set()).add((tuple(w.text for w in split_words(m)), r["tagName"].lower()))
    for ex in examples:
        pid = ex["source"].split(":")[1]
        for s, e, label in ex["ner"]:
            assert (tuple(ex["tokenized_text"][s:e + 1]), label) in by_passage[pid]
        assert not set(ex["negatives"]) & {lab for *_, lab in ex["ner"]}


def test_read_pilener_merges_a_passages_records_and_counts_what_it_skips(tmp_path):
    text = "Ada Lovelace met Charles Babbage in London . Lovelace wrote notes ."
    records = [
        {"doc_question_pairID": "7:0", "tagName": "person", "input": text,
         "output": json.dumps(["Ada Lovelace", "Charles Babbage", "Lovelace", "Grace Hopper"])},
        {"doc_question_pairID": "7:1", "tagName": "city", "input": text, "output": json.dumps(["London"])},
        {"doc_question_pairID": "7:2", "tagName": "Programming Language", "input": text, "output": "[]"},
        {"doc_question_pairID": "8:0", "tagName": "city", "input": "Rome .", "output": "[]"},
    ]
    path = tmp_path / "pile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    report = PileReport()
    examples = read_pilener(path, report)
    assert examples[0]["tokenized_text"] == text.split()
    assert examples[0]["ner"] == [[0, 1, "person"], [1, 1, "person"], [3, 4, "person"], [6, 6, "city"],
                                  [8, 8, "person"]]                     # "Lovelace" labels both occurrences
    assert examples[0]["negatives"] == ["programming language"]
    assert examples[1] == {"tokenized_text": ["Rome", "."], "ner": [], "negatives": ["city"], "source": "pilener:8"}
    assert report.unmatched == ["7: person: 'Grace Hopper'"]
    assert (report.records, report.passages, report.mentions, report.matched, report.entities) == (4, 2, 5, 4, 5)
    assert "4 of 5 mentions found, 1 skipped" in report.summary()
    path.write_text(json.dumps({"tagName": "x", "input": "a", "output": "[]"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pile.jsonl:1: record lacks \['doc_question_pairID'\]"):
        read_pilener(path)


# ---- BIO corpora -------------------------------------------------------------------------------

def test_read_corpus_names_labels_and_lists_known_negatives(root):
    examples = read_corpus(root / "train" / "conll2003", root / "label_names.json")
    assert len(examples) == 40
    labels = {"person", "organization", "location", "miscellaneous"}
    for ex in examples:
        own = {lab for *_, lab in ex["ner"]}
        assert own <= labels and set(ex["negatives"]) == labels - own
    onto = read_corpus(root / "train" / "Ontonotes")                # no train.txt: the dev split, codes lower-cased
    assert len(onto) == 30 and "gpe" in {lab for ex in onto for *_, lab in ex["ner"]} | set(onto[0]["negatives"])
    with pytest.raises(ValueError, match="evaluation only"):
        read_corpus(root / "zeroshot" / "crossner_ai")
    with pytest.raises(FileNotFoundError, match="no train.txt or dev.txt"):
        read_corpus(root / "pilener_subset")


def test_training_pool_reads_train_and_pile_never_zeroshot(root):
    pool = training_pool(root, max_words=20)
    assert list(pool.datasets) == ["FabNER", "FewNERD-a", "FewNERD-b", "Ontonotes", "conll2003", "pilener"]
    assert all(len(ex["tokenized_text"]) <= 20 for exs in pool.datasets.values() for ex in exs)
    assert pool.reports["conll2003"].sentences == 40 and pool.reports["pilener"].records == 60
    assert pool.cut["pilener"] > 0                                     # passages of ~240 words cut into 20s
    kept = sum(len(ex["ner"]) for ex in pool.datasets["pilener"])
    assert kept + pool.cut["pilener"] == pool.reports["pilener"].entities
    assert {lab for ex in pool.datasets["FabNER"] for *_, lab in ex["ner"]} <= {
        "material", "manufacturing process", "machine or equipment", "application", "engineering feature",
        "mechanical property", "process characterization", "process parameter", "enabling technology",
        "concept or principle", "manufacturing standard", "biomedical"}
    assert "pilener" in pool.summary() and "entities cut by splitting" in pool.summary()
    assert list(training_pool(root, skip=("pilener", "FabNER", "FewNERD-a", "FewNERD-b")).datasets) == \
        ["Ontonotes", "conll2003"]


# ---- sampling ----------------------------------------------------------------------------------

def test_temperature_weights():
    sizes = {"big": 900, "small": 100}
    assert temperature_weights(sizes, 1.0) == pytest.approx({"big": 0.9, "small": 0.1})
    assert temperature_weights(sizes, 2.0) == pytest.approx({"big": 0.75, "small": 0.25})   # 30 : 10
    assert temperature_weights(sizes, 1e6) == pytest.approx({"big": 0.5, "small": 0.5}, abs=1e-5)
    with pytest.raises(ValueError, match="temperature must be positive"):
        temperature_weights(sizes, 0)
    with pytest.raises(ValueError, match="every dataset needs examples"):
        temperature_weights({"a": 0}, 1.0)


def test_sample_mixture_counts_and_no_repeats_before_a_dataset_runs_out():
    datasets = {"a": [{"tokenized_text": [f"a{i}"], "ner": []} for i in range(50)],
                "b": [{"tokenized_text": [f"b{i}"], "ner": []} for i in range(7)]}
    weights = {"a": 2 / 3, "b": 1 / 3}
    mix = sample_mixture(datasets, 100, weights, random.Random(0))
    assert len(mix) == 100 and by_source(mix) == {"a": 67, "b": 33}       # 66.7 and 33.3, largest remainder
    words = Counter(ex["tokenized_text"][0] for ex in mix)
    assert all(words[f"a{i}"] in (1, 2) for i in range(50))              # 67 draws from 50: one pass, then 17
    assert sorted(words[f"b{i}"] for i in range(7)) == [4, 4, 5, 5, 5, 5, 5]   # 33 = four passes of 7 + 5
    assert mix == sample_mixture(datasets, 100, weights, random.Random(0))
    assert mix != sample_mixture(datasets, 100, weights, random.Random(1))
    assert [ex["dataset"] for ex in mix[:20]] != sorted(ex["dataset"] for ex in mix[:20])   # shuffled
    with pytest.raises(ValueError, match="weights name"):
        sample_mixture(datasets, 10, {"a": 1.0}, random.Random(0))


def test_mixture_examples_feed_sample_labels_with_their_negatives(root):
    pool = training_pool(root)
    weights = temperature_weights({k: len(v) for k, v in pool.datasets.items()})
    mix = sample_mixture(pool.datasets, 64, weights, random.Random(0))
    rng = random.Random(0)
    for i in range(0, 64, 8):
        batch = mix[i:i + 8]
        for ex, labels in zip(batch, sample_labels(batch, 25, 1, rng)):
            own = {lab for *_, lab in ex["ner"]}
            assert own <= set(labels)
            if len(own) + len(ex["negatives"]) <= 25:
                assert set(ex["negatives"]) <= set(labels)


def test_temperature_weights_favour_label_variety():
    sizes, labels = {"one_type": 400, "many_types": 100}, {"one_type": 1, "many_types": 64}
    assert temperature_weights(sizes, 2.0, labels, 0.0) == temperature_weights(sizes, 2.0)
    assert temperature_weights(sizes, 2.0, labels, 0.5) == pytest.approx({"one_type": 20 / 100, "many_types": 80 / 100})
    with pytest.raises(ValueError, match="label count"):
        temperature_weights(sizes, 2.0, None, 0.5)


def test_leave_out_removes_labels_as_entities_and_negatives():
    examples = [{"tokenized_text": list("abcd"), "ner": [[0, 0, "person"], [2, 3, "film"]], "negatives": ["person", "city"]}]
    out, removed = leave_out(examples, {"person"})
    assert out == [{"tokenized_text": list("abcd"), "ner": [[2, 3, "film"]], "negatives": ["city"]}] and removed == 1
    assert examples[0]["ner"][0] == [0, 0, "person"]                   # the input is not changed


def test_split_pieces_gives_each_piece_the_types_it_lacks_as_negatives():
    example = {"tokenized_text": list("abcdef"), "ner": [[0, 0, "person"], [4, 5, "film"]], "negatives": ["city"]}
    (first, second), cut = split_pieces([example], 3)
    assert first["ner"] == [[0, 0, "person"]] and first["negatives"] == ["city", "film"]
    assert second["ner"] == [[1, 2, "film"]] and second["negatives"] == ["city", "person"]
    assert cut == 0 and "asked" not in first


def test_training_pool_leaves_labels_out_and_keeps_each_fewnerd_part_to_its_own_types(root):
    names = json.loads((root / "label_names.json").read_text())
    part_a, part_b = set(names["FewNERD-a"].values()), set(names["FewNERD-b"].values())
    pool = training_pool(root, leave_out_labels={"person", "politician"})
    assert "person" not in label_set(pool.datasets["conll2003"]) and pool.left_out["conll2003"] > 0
    assert "politician" not in label_set(pool.datasets["FewNERD-a"])
    assert label_set(pool.datasets["FewNERD-a"]) <= part_a and label_set(pool.datasets["FewNERD-b"]) <= part_b
    weights = temperature_weights({k: len(v) for k, v in pool.datasets.items()})
    mix = sample_mixture(pool.datasets, 200, weights, random.Random(0))
    rng = random.Random(0)
    for i in range(0, 200, 8):
        batch = mix[i:i + 8]
        for ex, labels in zip(batch, sample_labels(batch, 25, 1, rng, negatives_from="known", label_drop=0.5)):
            own_corpus = label_set(pool.datasets[ex["dataset"]])
            assert set(labels) <= own_corpus                               # never another corpus's type
