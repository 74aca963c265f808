"""The three Arabic folding variants (extract/folding.py): they agree on letters, differ only
where the module says they do, and the two offset-keeping ones keep offsets."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import normalize_slow

from rasd.extract import folding
from rasd.extract.dates import _view
from rasd.extract.folding import DIACRITICS, TATWEEL, date_letters
from rasd.extract.ner.features import normalize
from rasd.extract.text import Folded, fold

ARABIC_LETTERS = "".join(map(chr, range(0x0621, 0x064B)))
LETTER_TEXT = st.text(st.sampled_from(ARABIC_LETTERS + "".join(DIACRITICS) + TATWEEL + " "))
# letters, marks, presentation forms and ligatures, digits, quotes, invisible characters,
# odd spaces, Latin, punctuation: everything the folds treat specially
ANY_TEXT = st.text(
    st.one_of(
        st.sampled_from(
            ARABIC_LETTERS
            + "".join(DIACRITICS)
            + TATWEEL
            + folding.QURANIC_MARKS
            + "".join(folding.PERSIAN_LETTERS)
            + folding.QUOTES
            + folding.INVISIBLE
            + folding.SPACES
            + folding.ARABIC_INDIC_DIGITS
            + folding.PERSIAN_DIGITS
            + "\ufdf2\ufefb\ufef5\ufe8d\ufc5e\ufe7c\ufb8e"  # ﷲ ﻻ ﻵ ﺍ ﱞ ﹼ ﮎ
            + "AbZ09 .،:"
        ),
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFC),
    ),
    max_size=40,
)


@given(LETTER_TEXT)
def test_the_three_variants_agree_on_letters(s: str) -> None:
    view, _ = _view(s)
    assert fold(s) == normalize(s) == view


@given(st.text(max_size=30))
def test_the_ner_table_is_camel_tools_step_by_step(s: str) -> None:
    assert normalize(s) == normalize_slow(s)


@pytest.mark.parametrize(
    ("text", "matching", "dates", "ner"),
    [
        ("٢٠١٤ ۲۰۱۴", "2014 2014", "٢٠١٤ ۲۰۱۴", "2014 2014"),  # digits: dates reads them itself
        ("ﷲ ﻻ", "الله لا", "الله لا", "ﷲ ﻻ"),  # presentation forms: no NFKC for NER
        ("ی ک ھ", "ی ک ھ", "ي ك ه", "ی ک ھ"),  # Persian letters: dates only
        ("«داعش»", "داعش", "«داعش»", "«داعش»"),  # quotes: matching only
        ("قرآنۖ", "قران\u06d6", "قران", "قران\u06d6"),  # Quranic marks: dates only
        ("ISIS", "isis", "ISIS", "ISIS"),  # Latin case: matching only
    ],
)
def test_the_variants_differ_where_the_module_says(
    text: str, matching: str, dates: str, ner: str
) -> None:
    assert (fold(text), _view(text)[0], normalize(text)) == (matching, dates, ner)


@given(ANY_TEXT)
@settings(max_examples=300)
def test_folded_keeps_offsets(s: str) -> None:
    f = Folded(s)
    assert f.text == fold(s)
    last = 0
    for i, ch in enumerate(f.text):
        o = f.orig(i)
        assert last <= o < len(s)
        assert ch in fold(s[o])
        last = o
    assert f.orig(len(f.text)) == len(s)


@given(ANY_TEXT)
@settings(max_examples=300)
def test_the_date_view_keeps_offsets(s: str) -> None:
    view, omap = _view(s)
    if omap is None:
        assert view == date_letters(s)
        return
    last = 0
    for v, ch in enumerate(view):
        o = omap.back(v)
        assert last <= o < len(s)
        # copied as written, or from the NFKC form of a presentation form or mark run
        assert ch in date_letters(s[o] + unicodedata.normalize("NFKC", s[o]))
        assert omap.forth(o) <= v
        last = o
    assert omap.back(len(view)) == len(s)
