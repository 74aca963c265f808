"""Folding Arabic for matching, with offsets back into the original text."""

from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text import Folded, fold, match_key, split_sentences, tokenize

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
