"""Statements read in unseen12's errors (issue 11, claims15) and kept because unseen3–11 (not
read this round) did not get worse.

- ``تقول إيران، إن …``: a country as the subject of a speech verb speaks also when a comma
  stands between it and the complementiser (the claim was left without a speaker).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "ويحتجز المعتقلون دون محاكمة في إجراء تقول إيران، إنه ضروري لحماية أمنها الداخلي.",
            "إيران",
            "ضروري لحماية",
        ),
        (
            "وقالت تركيا، إن طائراتها قصفت مواقع المسلحين قرب الحدود أمس.",
            "تركيا",
            "طائراتها قصفت",
        ),
    ],
)
def test_country_then_comma_then_complementiser_speaks(text: str, speaker: str, words: str) -> None:
    speakers, status, _text = claim_with(said(text), words)
    assert (speakers, status) == ((speaker,), "resolved")


def test_noun_like_cue_inside_the_clause_does_not_drop_it() -> None:
    claims = said(
        "وقال الوزير خالد العطية إن بلاده ترفض وصف جماعة الإخوان المسلمين بالجماعة الإرهابية."
    )
    speakers, status, text = claim_with(claims, "بلاده ترفض")
    assert "بالجماعة الإرهابية" in text
    assert status == "resolved" and speakers


def test_verbal_noun_object_keeps_the_running_speaker() -> None:
    claims = said(
        "وقال المتحدث باسم الشرطة أحمد سالم إن المسلحين هاجموا المركز فجر اليوم. "
        "وأكد حدوث الانفجار قرب البوابة الرئيسية، مبينا أن التحقيقات ما زالت مستمرة."
    )
    assert claim_with(claims, "التحقيقات ما زالت")[:2] == (("أحمد سالم",), "resolved")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال أمس وزير الخارجية الأردني ناصر جودة إن الحدود آمنة تماما.", "ناصر جودة"),
        (
            "وأوضح آنذاك مسؤول في وزارة الزراعة أن القطاع الزراعي دمره النزاع.",
            "مسؤول في وزارة الزراعة",
        ),
        ("وقال أيضا مسؤول أمني إن الهجوم فشل تماما.", "مسؤول أمني"),
        ("وأكد الثلاثاء مصدر عسكري أن القوات تقدمت نحو المدينة.", "مصدر عسكري"),
    ],
)
def test_subject_after_an_adverb(text: str, speaker: str) -> None:
    [(speakers, status, _text)] = said(text)
    assert (speakers, status) == ((speaker,), "resolved")


def test_person_right_before_bil_qawl_owns_it() -> None:
    claims = said(
        "قال الرئيس باراك أوباما إن الاتفاق مهم جدا للبلاد. وردا على سؤال عن الاتفاق، اكتفى "
        "رئيس الوزراء أحمد داود أوغلو بالقول إنه قرار اتخذ لما فيه مصلحة البلاد."
    )
    assert claim_with(claims, "قرار اتخذ")[:2] == (("أحمد داود أوغلو",), "resolved")
