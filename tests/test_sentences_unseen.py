"""Sentence breaks on unseen news (issue 11, step 5): a Latin initial in a name is no break;
a full stop with no space after it still is; abbreviations with dots stay whole."""

from __future__ import annotations

from rasd.extract.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, [(0, len(text))])]


def test_a_latin_initial_does_not_end_a_sentence() -> None:
    text = "وقال مدير مكتب التحقيقات الفيدرالي جيمس بي. كومي إن التنظيم يستخدم تويتر. ثم غادر."
    assert sentences(text) == [
        "وقال مدير مكتب التحقيقات الفيدرالي جيمس بي. كومي إن التنظيم يستخدم تويتر.",
        "ثم غادر.",
    ]


def test_a_latin_letter_initial() -> None:
    assert len(sentences("وصل الرئيس جون F. Kennedy إلى دالاس صباحا.")) == 1


def test_a_missing_space_after_a_full_stop_still_splits() -> None:
    text = "وقال الوزير إن الوضع خطير.وأضاف أن القوات مستعدة. ونقلت وكالة د.ب.أ الخبر."
    assert sentences(text) == [
        "وقال الوزير إن الوضع خطير.",
        "وأضاف أن القوات مستعدة.",
        "ونقلت وكالة د.ب.أ الخبر.",
    ]


def test_a_sentence_may_start_with_a_letter_name() -> None:
    text = "وقال إن القوات دخلت المدينة. بي بي سي نقلت الخبر."
    assert sentences(text) == ["وقال إن القوات دخلت المدينة.", "بي بي سي نقلت الخبر."]
