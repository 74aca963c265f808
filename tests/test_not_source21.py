"""Review19c finding 5 (issue 11): «ضابط» is an anonymous source («ضابط رفيع»), but not in a
phrase naming no source (``not_source_phrases.tsv``).  Sentences written for the test."""

from __future__ import annotations

from conftest import said


def test_playmaker_is_no_source() -> None:
    claims = said("وأكد ضابط الإيقاع في المنتخب أن الفريق جاهز للمباراة المقبلة.")
    assert [c[0] for c in claims] == [()]


def test_officers_in_idafa_stay_sources() -> None:
    # the review's rule (no source before a definite noun) would lose these
    for text in (
        "وقال ضابط الشرطة إن القوات تقدمت نحو المدينة.",
        "وقال ضابط الاتصال في البعثة إن الاجتماع تأجل إلى الأسبوع المقبل.",
        "وقال ضابط رفيع في الجيش إن القوات تقدمت نحو المدينة.",
    ):
        assert [c[0] for c in said(text)] == [("ضابط",)], text
