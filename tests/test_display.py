"""Entities shown in their text: plain brackets and HTML highlights, nested and multi-label spans, bad input."""
import pytest

from minigliner.apps.display import colour, show

TEXT = "Marie Curie moved to Paris in 1891 ."
ENTS = [{"start": 0, "end": 11, "text": "Marie Curie", "label": "person", "score": 0.9},
        {"start": 21, "end": 26, "text": "Paris", "label": "city", "score": 0.8}]


def test_plain_text_marks_each_entity_with_its_label():
    assert str(show(TEXT, ENTS)) == "[Marie Curie](person) moved to [Paris](city) in 1891 ."
    assert str(show(TEXT, [])) == TEXT


def test_nested_spans_nest_and_one_span_with_several_labels_joins_them():
    nested = [{"start": 21, "end": 34, "label": "event"}, {"start": 21, "end": 26, "label": "city"},
              {"start": 21, "end": 26, "label": "capital"}, {"start": 30, "end": 34, "label": "date"}]
    assert str(show(TEXT, nested)) == "Marie Curie moved to [[Paris](city|capital) in [1891](date)](event) ."


def test_html_escapes_the_text_and_colours_each_label_the_same_way_every_time():
    page = show("<b>Tom</b> & Jerry", [{"start": 3, "end": 6, "label": "cat <x>"}])._repr_html_()
    assert "&lt;b&gt;" in page and "&amp; Jerry" in page and "cat &lt;x&gt;" in page and "<b>" not in page
    assert page.count("<mark") == 1 and colour("cat <x>") in page and colour("city") == colour("city")


def test_entities_outside_the_text_or_crossing_each_other_are_refused():
    with pytest.raises(ValueError, match="outside the text"):
        show("short", [{"start": 2, "end": 9, "label": "x"}])
    with pytest.raises(ValueError, match="cross"):
        show(TEXT, [{"start": 0, "end": 11, "label": "a"}, {"start": 6, "end": 17, "label": "b"}])
    with pytest.raises(TypeError, match="text must be a str"):
        show(None, [])
