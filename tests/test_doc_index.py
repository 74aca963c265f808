"""The indexes of :class:`extract.doc.Doc` answer as a scan of its mentions would."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.doc import Doc
from rasd.extract.pipeline import COMPONENTS
from rasd.extract.reader import parse_record
from rasd.extract.text import match_key

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
    start = doc.article.text.index(name)
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
