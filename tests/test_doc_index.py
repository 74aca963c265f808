"""The indexes of :class:`extract.doc.Doc` answer as a scan of its mentions would."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.doc import Doc, strip_al
from rasd.extract.pipeline import COMPONENTS
from rasd.extract.reader import parse_record
from rasd.extract.records import EntityInfo
from rasd.extract.text import match_key, word_count

NAMES = ["منصور التركي", "التركي", "عبدالعزيز التركي", "عبد العزيز الشمري", "خالد الشمري",
         "أحمد رمضان", "رمضان", "وزارة الداخلية", "الداخلية", "هادي فطيم الشيباني"]  # fmt: skip
TEXT = " ، ".join(NAMES)


def _doc() -> Doc:
    """The article's doc split into sentences, no mention yet."""
    doc = Doc.from_article(parse_record({"content": TEXT}, "doc-index-test"))
    COMPONENTS["sentences"].fn(doc)
    return doc


def _scan(doc: Doc, word: str) -> list[int]:
    return [
        i
        for i, m in enumerate(doc.mentions)
        if len(match_key(m.surface).split()) >= 2 and match_key(m.surface).split()[-1] == word
    ]


def _add(doc: Doc, name: str, cls: str) -> None:
    """A mention of the item ``name`` of the text (not a name inside another item)."""
    start = sum(len(n) + len(" ، ") for n in NAMES[: NAMES.index(name)])
    doc.add_mention(start, start + len(name), match_key(name), cls, "test")


def test_a_surname_finds_the_longer_names_and_sees_later_changes() -> None:
    doc = _doc()
    for name in ("منصور التركي", "التركي", "خالد الشمري"):
        _add(doc, name, "Person")
    assert [m.surface for m in doc.mentions_ending_with(match_key("التركي"))] == ["منصور التركي"]
    _add(doc, "عبدالعزيز التركي", "Person")  # added after the index was first built
    doc.mentions[0] = replace(doc.mentions[0], cls="Organization")  # as coref re-classes one
    found = doc.mentions_ending_with(match_key("التركي"))
    assert [(m.surface, m.cls) for m in found] == [
        ("منصور التركي", "Organization"),
        ("عبدالعزيز التركي", "Person"),
    ]
    assert doc.mentions_ending_with(match_key("رمضان")) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["Person", "Organization"]))),
    st.lists(st.sampled_from(NAMES), min_size=1),
)
def test_the_surname_index_equals_a_scan(adds: list[tuple[str, str]], asks: list[str]) -> None:
    doc = _doc()
    for k, (name, cls) in enumerate(adds):
        _add(doc, name, cls)
        word = match_key(asks[k % len(asks)]).split()[-1]
        assert doc.mentions_ending_with(word) == [doc.mentions[i] for i in _scan(doc, word)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["Person", "Organization"]))),
    st.sets(st.sampled_from([strip_al(match_key(n).split()[0]) for n in NAMES]), min_size=1),
    st.integers(0, len(TEXT)),
    st.integers(0, len(TEXT)),
)
def test_the_first_word_index_equals_a_scan_in_text_order(
    adds: list[tuple[str, str]], heads: set[str], a: int, b: int
) -> None:
    doc = _doc()
    start, end = min(a, b), max(a, b)
    for name, cls in adds:
        _add(doc, name, cls)
        scan = [
            m
            for m in doc.mentions_in(start, end)
            if strip_al(match_key(m.surface).split()[0]) in heads
        ]
        assert doc.mentions_opening_with(heads, start, end) == scan


def test_a_head_finds_the_names_it_opens_with_al_or_without() -> None:
    doc = _doc()
    for name in ("وزارة الداخلية", "الداخلية", "عبد العزيز الشمري"):
        _add(doc, name, "Organization")
    found = doc.mentions_opening_with({strip_al(match_key("الداخلية"))})
    assert [m.surface for m in found] == ["الداخلية"]
    assert [m.surface for m in doc.mentions_opening_with({match_key("وزارة")})] == [
        "وزارة الداخلية"
    ]
    assert doc.mentions_opening_with({match_key("وزارة")}, 0, TEXT.index("وزارة")) == []


def test_entities_ending_with_follow_registration_and_deletion() -> None:
    doc = _doc()
    for name in ("منصور التركي", "عبدالعزيز التركي", "خالد الشمري"):
        doc.add_entity(EntityInfo(match_key(name), "Person", name))
    found = {e.label for e in doc.entities_ending_with(match_key("التركي"))}
    assert found == {"منصور التركي", "عبدالعزيز التركي"}
    del doc.entities[match_key("منصور التركي")]  # as coref drops a merged entity
    assert [e.label for e in doc.entities_ending_with(match_key("التركي"))] == ["عبدالعزيز التركي"]
    assert doc.entities_ending_with(match_key("رمضان")) == []


def test_mention_ending_at_is_the_mention_whose_last_character_is_before_it() -> None:
    doc = _doc()
    _add(doc, "أحمد رمضان", "Person")
    m = doc.mentions[0]
    assert doc.mention_ending_at(m.end) is m
    assert doc.mention_ending_at(m.end - 1) is None  # inside it, not its end
    assert doc.mention_ending_at(m.end + 1) is None
    assert doc.mention_ending_at(0) is None and doc.mention_ending_at(len(TEXT) + 5) is None


_PIECES = ["ريهام", "وريهام", "دوابشة", "ـ", "ً", " ", "،", "«", "»", "2015", "٢٠١٥", "_", "ريهامـ"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    st.sampled_from(["ريهام", "وريهام", "ريهام دوابشة", "ريهامـ", "ريهامً", "2015", "٢٠١٥", ""]),
)
def test_word_count_equals_the_whole_word_search(text: str, word: str) -> None:
    pattern = rf"(?<![\w\u0640]){re.escape(word)}(?![\w])"
    assert word_count(text, word) == len(re.findall(pattern, text))
