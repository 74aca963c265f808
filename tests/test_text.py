"""Folding Arabic for matching, with offsets back into the original text."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.text import (
    INVISIBLE,
    SPACES,
    Folded,
    Token,
    clean_label,
    fold,
    match_key,
    split_sentences,
    tokenize,
)

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # harakat, shadda, sukun, tatweel


def test_alef_hamza_yeh_teh_variants_fold_together() -> None:
    assert fold("أمريكا") == fold("امريكا") == fold("إمريكا")
    assert fold("الإسلامية") == fold("الاسلاميه")
    assert fold("مصطفى") == fold("مصطفي")
    assert match_key("آسيا") == match_key("اسيا")


def test_diacritics_tatweel_quotes_digits_and_presentation_forms() -> None:
    assert fold("دَاعِشُ") == "داعش"
    assert fold("داعـــش") == "داعش"
    assert fold('كـ"داعش"') == "كداعش"
    assert fold("«داعش»") == "داعش"
    assert fold("١٤٤٦هـ") == "1446ه"
    assert fold("\ufefb") == "لا"  # lam-alef ligature


def test_span_maps_back_to_original_with_marks() -> None:
    original = 'قالَ وزيرُ الداخليّةِ: «دَاعِش» كـ"داعش"'
    f = Folded(original)
    i = f.text.index("داعش")
    s, e = f.span(i, i + 4)
    assert original[s:e] == "دَاعِش"
    j = f.text.index("داعش", i + 1)
    s, e = f.span(j, j + 4)
    assert original[s:e] == "داعش"


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=8), min_size=1, max_size=12),
    noise=st.lists(st.sampled_from(list(MARKS)), max_size=30),
    seed=st.randoms(use_true_random=False),
)
def test_folded_offsets_point_at_the_same_letters(words, noise, seed) -> None:
    """Inserting diacritics/tatweel never changes the folded text, and every folded span
    maps to an original span that folds back to it."""
    clean = " ".join(words)
    chars = list(clean)
    for mark in noise:
        pos = seed.randrange(1, len(chars) + 1)
        if chars[pos - 1] != " ":
            chars.insert(pos, mark)
    noisy = "".join(chars)
    f = Folded(noisy)
    assert f.text == fold(clean)
    for a in range(0, len(f.text), 3):
        b = min(len(f.text), a + 4)
        s, e = f.span(a, b)
        assert 0 <= s <= e <= len(noisy)
        assert fold(noisy[s:e]) == f.text[a:b]


def test_tokens_match_camel_tools_and_keep_offsets() -> None:
    text = "قال وزير الداخلية: «داعش، أول تنظيم» (2017) يستخدم تويتر..."
    toks = tokenize(text)
    assert [t.text for t in toks] == simple_word_tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_tokens_are_the_frozen_dataclass_built_normally() -> None:
    """tokenize sets Token's slots directly: the tokens are equal to (and hash as) tokens
    built by the constructor, their word flag is right, and they stay immutable."""
    text = "قال: «داعش» في 2017"
    toks = tokenize(text, 2)
    expected = [
        Token(2, 3, "ل", True),
        Token(3, 4, ":", False),
        Token(5, 6, "«", False),
        Token(6, 10, "داعش", True),
        Token(10, 11, "»", False),
        Token(12, 14, "في", True),
        Token(15, 19, "2017", True),
    ]
    assert toks == expected
    assert [hash(t) for t in toks] == [hash(t) for t in expected]
    with pytest.raises(FrozenInstanceError):
        toks[0].start = 0  # type: ignore[misc]


def test_sentences_do_not_split_inside_quotes() -> None:
    text = "قال مينيتي: «داعش أول تنظيم. شبكة الإنترنت العالمية». ثم غادر. وقال آخر."
    sents = [text[s.start : s.end] for s in split_sentences(text, [(0, len(text))])]
    assert sents == [
        "قال مينيتي: «داعش أول تنظيم. شبكة الإنترنت العالمية».",
        "ثم غادر.",
        "وقال آخر.",
    ]


def test_sentences_split_at_paragraphs_and_question_marks() -> None:
    text = "هل انتهى داعش؟ لا\nفقرة ثانية"
    sents = [text[s.start : s.end] for s in split_sentences(text, [(0, len(text))])]
    assert sents == ["هل انتهى داعش؟", "لا", "فقرة ثانية"]


# --- invisible characters, presentation forms, digits -----------------------------------------

INVISIBLE_CHARS = list(INVISIBLE)
PRESENTATION = "\ufefb\ufdf2\ufef9\ufef7\ufe8d\ufe91\ufee3\ufb50"  # ﻻ ﷲ ﻹ ﻷ ﺍ ﺑ ﻣ ﭐ
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
MIXED = st.text(
    alphabet=st.sampled_from(
        list(LETTERS + MARKS + PRESENTATION + DIGITS + " .،«»\n")
        + list("AbcZé")
        + INVISIBLE_CHARS
        + list(SPACES)
    ),
    max_size=80,
)


def test_invisible_characters_do_not_change_the_entity_key() -> None:
    plain = "هشام الخطيب"
    for ch in INVISIBLE:
        assert match_key(f"هشام{ch} الخطيب") == match_key(plain), hex(ord(ch))
        assert match_key(f"{ch}هشام الخ{ch}طيب{ch}") == match_key(plain), hex(ord(ch))
    assert match_key("هشام\u00a0الخطيب") == match_key("هشام\u202fالخطيب") == match_key(plain)
    assert match_key("\u202bهشام الخطيب\u202c") == match_key(plain)  # RLE … PDF
    assert match_key("\u2067هشام الخطيب\u2069") == match_key(plain)  # RLI … PDI


def test_presentation_forms_and_digits_fold_like_plain_letters() -> None:
    assert fold("\ufefb\ufef9") == fold("لالإ") == "لالا"
    assert fold("عبد \ufdf2") == fold("عبد الله")
    assert fold("\ufe8d\ufedf\ufeeb\ufe8e\ufeea") == fold("الهاه")
    assert fold("عام ١٤٤٦ و۱۴۴۶ و1446") == "عام 1446 و1446 و1446"


def test_a_span_leaves_out_trailing_invisible_characters_but_keeps_marks() -> None:
    original = "قال هشامُ\u200c الخطيب"
    f = Folded(original)
    i = f.text.index("هشام")
    s, e = f.span(i, i + 4)
    assert original[s:e] == "هشامُ"
    j = f.text.index("هشام الخطيب")
    s, e = f.span(j, j + len("هشام الخطيب"))
    assert original[s:e] == "هشامُ\u200c الخطيب"
    assert clean_label(original[s:e]) == "هشامُ الخطيب"


@settings(max_examples=300, deadline=None)
@given(text=MIXED)
def test_folded_offsets_stay_in_bounds_and_monotone(text: str) -> None:
    f = Folded(text)
    assert f.text == fold(text)
    origs = [f.orig(i) for i in range(len(f.text) + 1)]
    assert all(0 <= o <= len(text) for o in origs)
    assert origs == sorted(origs)
    assert origs[-1] == len(text)
    for a in range(len(f.text)):
        for b in (a, a + 1, min(len(f.text), a + 5)):
            s, e = f.span(a, b)
            assert 0 <= s <= e <= len(text)
            # a presentation form folds to several letters: a span inside it maps to all of it
            assert f.text[a:b] in fold(text[s:e])


@settings(max_examples=300, deadline=None)
@given(text=MIXED, noise=st.lists(st.sampled_from(INVISIBLE_CHARS), max_size=20), rnd=st.randoms())
def test_inserting_invisible_characters_never_changes_the_folded_text(text, noise, rnd) -> None:
    chars = list(text)
    for ch in noise:
        chars.insert(rnd.randrange(len(chars) + 1), ch)
    noisy = "".join(chars)
    assert fold(noisy) == fold(text)
    assert Folded(noisy).text == Folded(text).text
    assert match_key(noisy) == match_key(text)
    assert not set(INVISIBLE) & set(fold(noisy) + clean_label(noisy))
