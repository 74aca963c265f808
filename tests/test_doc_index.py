"""The indexes of :class:`extract.doc.Doc` and :func:`extract.text.word_count` answer as a
scan would, on the short path (an article under ``INDEX_FROM`` characters: scans) and on the
long one (indexes made once), which each test forces in turn."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import apposed_slow, beside_slow, several_recent_slow

from rasd.extract import coref
from rasd.extract import text as text_module
from rasd.extract.doc import Doc, strip_al
from rasd.extract.pipeline import COMPONENTS
from rasd.extract.reader import parse_record
from rasd.extract.records import EntityInfo
from rasd.extract.text import match_key, word_count

NAMES = ["منصور التركي", "التركي", "عبدالعزيز التركي", "عبد العزيز الشمري", "خالد الشمري",
         "أحمد رمضان", "رمضان", "وزارة الداخلية", "الداخلية", "هادي فطيم الشيباني"]  # fmt: skip
TEXT = " ، ".join(NAMES)
PATHS = ["scan", "index"]


@contextmanager
def path(which: str) -> Iterator[None]:
    """Force the short (scan) or the long (index) path whatever the text's length."""
    at = 10**9 if which == "scan" else 0
    with mock.patch.object(text_module, "INDEX_FROM", at):
        yield


def _doc() -> Doc:
    """The article's doc split into sentences, no mention yet."""
    doc = Doc.from_article(parse_record({"content": TEXT}, "doc-index-test"))
    COMPONENTS["sentences"].fn(doc)
    return doc


def _add(doc: Doc, name: str, cls: str) -> None:
    """A mention of the item ``name`` of the text (not a name inside another item)."""
    start = sum(len(n) + len(" ، ") for n in NAMES[: NAMES.index(name)])
    doc.add_mention(start, start + len(name), match_key(name), cls, "test")


@pytest.mark.parametrize("which", PATHS)
def test_a_surname_finds_the_longer_names_and_sees_later_changes(which: str) -> None:
    with path(which):
        doc = _doc()
        for name in ("منصور التركي", "التركي", "خالد الشمري"):
            _add(doc, name, "Person")
        found = doc.mentions_ending_with(match_key("التركي"))
        assert [m.surface for m in found] == ["منصور التركي"]
        _add(doc, "عبدالعزيز التركي", "Person")  # added after the index was first built
        doc.mentions[0] = replace(doc.mentions[0], cls="Organization")  # as coref re-classes
        found = doc.mentions_ending_with(match_key("التركي"))
        assert [(m.surface, m.cls) for m in found] == [
            ("منصور التركي", "Organization"),
            ("عبدالعزيز التركي", "Person"),
        ]
        persons = doc.mentions_ending_with(match_key("التركي"), "Person")
        assert [m.surface for m in persons] == ["عبدالعزيز التركي"]
        assert doc.mentions_ending_with(match_key("رمضان")) == []


@pytest.mark.parametrize("which", PATHS)
def test_a_head_finds_the_names_it_opens_with_al_or_without(which: str) -> None:
    with path(which):
        doc = _doc()
        for name in ("وزارة الداخلية", "الداخلية", "عبد العزيز الشمري"):
            _add(doc, name, "Organization")
        found = doc.mentions_opening_with({strip_al(match_key("الداخلية"))})
        assert [m.surface for m in found] == ["الداخلية"]
        ministry = doc.mentions_opening_with({match_key("وزارة")}, cls="Organization")
        assert [m.surface for m in ministry] == ["وزارة الداخلية"]
        assert doc.mentions_opening_with({match_key("وزارة")}, cls="Person") == []
        assert doc.mentions_opening_with({match_key("وزارة")}, 0, TEXT.index("وزارة")) == []


_ADDS = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["Person", "Organization"])))
_CLS = st.sampled_from([None, "Person", "Organization"])


@settings(max_examples=60, deadline=None)
@given(_ADDS, st.lists(st.sampled_from(NAMES), min_size=1), _CLS)
def test_the_surname_index_equals_a_scan(
    adds: list[tuple[str, str]], asks: list[str], cls: str | None
) -> None:
    docs = {}
    for which in PATHS:
        with path(which):
            docs[which] = _doc()
    for k, (name, c) in enumerate(adds):
        word = match_key(asks[k % len(asks)]).split()[-1]
        for which, doc in docs.items():
            _add(doc, name, c)
            scan = [
                m
                for m in doc.mentions
                if (cls is None or m.cls == cls)
                and len(match_key(m.surface).split()) >= 2
                and match_key(m.surface).split()[-1] == word
            ]
            with path(which):
                assert doc.mentions_ending_with(word, cls) == scan


@settings(max_examples=60, deadline=None)
@given(
    _ADDS,
    st.sets(st.sampled_from([strip_al(match_key(n).split()[0]) for n in NAMES]), min_size=1),
    st.integers(0, len(TEXT)),
    st.integers(0, len(TEXT)),
    _CLS,
)
def test_the_first_word_index_equals_a_scan_in_text_order(
    adds: list[tuple[str, str]], heads: set[str], a: int, b: int, cls: str | None
) -> None:
    start, end = min(a, b), max(a, b)
    docs = {}
    for which in PATHS:
        with path(which):
            docs[which] = _doc()
    for name, c in adds:
        for which, doc in docs.items():
            _add(doc, name, c)
            scan = [
                m
                for m in doc.mentions_in(start, end)
                if (cls is None or m.cls == cls)
                and strip_al(match_key(m.surface).split()[0]) in heads
            ]
            with path(which):
                assert doc.mentions_opening_with(heads, start, end, cls) == scan


@pytest.mark.parametrize("which", PATHS)
def test_a_widened_mention_is_found_under_its_new_words(which: str) -> None:
    text = "وقال مسؤول في حكومة الأنبار إن شرطة نينوى ومنصور التركي"
    with path(which):
        doc = Doc.from_article(parse_record({"content": text}, "doc-index-test"))
        COMPONENTS["sentences"].fn(doc)
        for name, cls in (("الأنبار", "Place"), ("منصور التركي", "Person")):
            s = text.index(name)
            doc.add_mention(s, s + len(name), match_key(name), cls, "test")
        place = doc.mentions[0]
        assert doc.mentions_opening_with({strip_al(match_key("الأنبار"))}) == [place]
        assert doc.mentions_ending_with(match_key("الأنبار")) == []  # one word: no last word
        s = text.index("حكومة الأنبار")
        wide = doc.widen_mention(place, s, s + len("حكومة الأنبار"), "حكومه الانبار",
                                 "Organization", "org-heads")  # fmt: skip
        assert wide is not None
        assert doc.mentions_opening_with({strip_al(match_key("الأنبار"))}) == []
        assert doc.mentions_opening_with({match_key("حكومة")}, cls="Organization") == [wide]
        assert doc.mentions_ending_with(match_key("الأنبار")) == [wide]
        assert doc.mentions_ending_with(match_key("التركي"), "Person") == [doc.mentions[1]]


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
    for which in PATHS:
        with path(which):
            assert word_count(text, word) == len(re.findall(pattern, text))


# coref's title tests, against the scans they replaced (tests/oracles.py) -------------------

SENTENCES = (
    "قال أحمد رمضان ، المتحدث باسم الوزارة إن الوضع مستقر. "
    "ثم التقى خالد الشمري ومنصور التركي في الرياض,المسؤول الأمني حاضر. "
    "وأكد المسؤول أن الاجتماع ناجح، وقال الوزير إن اللقاء مفيد. "
    "وأضاف هادي الشيباني ، ، المستشار أن العمل مستمر."
)
_WORDS = [(m.start(), m.end()) for m in re.finditer(r"\S+", SENTENCES)]


def _sentence_doc(spans: list[tuple[int, int, str, str]]) -> Doc:
    doc = Doc.from_article(parse_record({"content": SENTENCES}, "doc-index-test"))
    COMPONENTS["sentences"].fn(doc)
    for s, e, key, cls in spans:
        doc.add_mention(s, e, key, cls, "test")
    return doc


_MENTIONS = st.lists(
    st.tuples(
        st.integers(0, len(_WORDS) - 1),
        st.integers(1, 2),
        st.sampled_from(["أ", "ب", "ج"]),
        st.sampled_from(["Person", "Organization"]),
    ),
    max_size=12,
)


def _spans(picks: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    return [
        (_WORDS[i][0], _WORDS[min(i + n, len(_WORDS)) - 1][1], key, cls) for i, n, key, cls in picks
    ]


@settings(max_examples=150, deadline=None)
@given(_MENTIONS, st.lists(st.integers(0, len(SENTENCES)), min_size=1, max_size=10))
def test_the_apposition_test_equals_the_scan(picks: list, starts: list[int]) -> None:
    doc = _sentence_doc(_spans(picks))
    for start in starts + [s for s, _e in _WORDS]:
        assert coref._apposed(doc, start) == apposed_slow(doc, start)


@settings(max_examples=150, deadline=None)
@given(
    _MENTIONS,
    st.lists(st.sampled_from(["أ", "ب", "ج"]), min_size=1, unique=True),
    st.lists(st.integers(0, len(SENTENCES)), min_size=1, max_size=10),
)
def test_several_recent_equals_the_scan(picks: list, keys: list[str], poses: list[int]) -> None:
    doc = _sentence_doc(_spans(picks))
    reach = coref._RECENT_SENTENCES
    for pos in poses + [s for s, _e in _WORDS]:
        assert coref._several_recent(doc, keys, pos) == several_recent_slow(doc, keys, pos, reach)


def test_a_title_right_after_a_person_is_apposed_and_one_after_a_verb_is_not() -> None:
    text = "قال أحمد رمضان ، المتحدث باسم الوزارة إن الوضع مستقر. وأكد المسؤول أن الاجتماع ناجح."
    doc = Doc.from_article(parse_record({"content": text}, "doc-index-test"))
    COMPONENTS["sentences"].fn(doc)
    s = text.index("أحمد رمضان")
    doc.add_mention(s, s + len("أحمد رمضان"), "احمد رمضان", "Person", "test")
    assert coref._apposed(doc, text.index("المتحدث"))
    assert not coref._apposed(doc, text.index("المسؤول"))


DATED = (
    "وقال الوزير يوم السبت ١٢ رمضان ١٤٣٦هـ إن الهجوم وقع في 3 يوليو 2015، "
    "ثم أعلنت الوزارة أمس الجمعة أن التحقيق بدأ في شباط الماضي، وفي 15/7/2015 صدر البيان."
)


@given(st.integers(-5, len(DATED) + 5), st.integers(-5, len(DATED) + 5))
@settings(max_examples=200, deadline=None)
def test_date_lookups_answer_as_a_scan(start: int, end: int) -> None:
    """``Doc.dates_starting_in`` and ``Doc.dates_overlapping`` (bisections) give the dates a
    scan of every date gives, for any span, over an article with Hijri, Gregorian, Levantine
    month and numeric dates."""
    from rasd.extract.dates import find_dates
    from rasd.extract.records import DateValue

    record = {"url": "http://example.org/dated", "title": "", "content": DATED}
    doc = Doc.from_article(parse_record(record, "dated#0"))
    doc.dates = find_dates(DATED, None, DateValue("2015-07-18", "day", "2015-07-18"))
    assert len(doc.dates) >= 4
    assert doc.dates_starting_in(start, end) == [d for d in doc.dates if start <= d.start < end]
    assert doc.dates_overlapping(start, end) == [
        d for d in doc.dates if start < d.end and d.start < end
    ]


BESIDE = (
    "قال الشيخُ القبلي الحـوثي إن الحوثيين   انسحبوا، وأكد أحمد رمضان\nالحوثي أن "
    "عبدالعزيز الحوثي ، والحوثي في صنعاء. وقال الشيخ"
    + " " * 90
    + "القبلي"
    + " \u200c" * 50
    + "الحوثي"
    + "\n" * 90
    + "إن الوضع هادئ."
)
_BESIDE_WORDS = [(m.start(), m.end()) for m in re.finditer(r"\S+", BESIDE)]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, len(_BESIDE_WORDS) - 1),
    st.integers(1, 3),
    st.integers(0, 2),
    st.integers(0, len(_BESIDE_WORDS) - 1),
    st.integers(1, 2),
)
def test_beside_equals_the_scan(i: int, n: int, longer: int, j: int, m: int) -> None:
    """``coref._beside`` (a search and a word count instead of slices of the text between)
    answers as the slices did, for a person mention whose key may run past its surface (the
    key's words) and any span of words, with spaces, newlines, long runs of them and of
    zero-width non-joiners (which folding drops), diacritics and tatweel."""
    doc = Doc.from_article(parse_record({"content": BESIDE}, "doc-index-test"))
    COMPONENTS["sentences"].fn(doc)
    words = _BESIDE_WORDS
    s, e = words[i][0], words[min(i + n, len(words)) - 1][1]
    key = match_key(BESIDE[s : words[min(i + n + longer, len(words)) - 1][1]])
    p = doc.add_mention(s, e, key, "Person", "test")
    assert p is not None
    start, end = words[j][0], words[min(j + m, len(words)) - 1][1]
    assert coref._beside(doc, p, start, end) == beside_slow(doc, p, start, end)


def test_a_long_span_is_keyed_but_not_memoised() -> None:
    """``match_key`` of a span longer than a name is computed afresh: a book-length article's
    spans do not fill the cache (gigabytes held before)."""
    long_span = "قال الوزير إن الوضع مستقر. " * 50
    expected = " ".join(match_key(long_span[:27]).split() * 50)
    text_module._match_key_short.cache_clear()
    assert match_key(long_span) == expected
    assert text_module._match_key_short.cache_info().currsize == 0
    assert match_key("عبدالعزيز") == "عبد العزيز"
    assert text_module._match_key_short.cache_info().currsize == 1
