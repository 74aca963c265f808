"""Statements found in miss26 (issue 11): a speech verb with و or after «كما», no subject of
its own and a noun object («وأكد دعم بلاده …»، «كما أكدت تصميم الدولة على …») goes on the
running speaker's report, with that speaker, in a sentence (or right after one) where the
rules already read a statement.  A noun with a pronoun ending that names a person («وأكد
شقيقه أن …») is still a subject, not an object.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said


def _starting(claims, words: str):
    return [c for c in claims if c[2].startswith(words)]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        (
            "وأشار الوزير خالد العمري إلى ضرورة الحل السياسي في المنطقة، "
            "وأكد دعم بلاده للحكومة الشرعية في حربها على الإرهاب.",
            "دعم بلاده",
        ),
        (
            "وأشار الوزير خالد العمري إلى ضرورة الحل السياسي في المنطقة، "
            "وجدد رفضه التام لأي تدخل أجنبي في شؤون البلاد الداخلية.",
            "رفضه التام",
        ),
        (
            "وقال الوزير خالد العمري إن الحكومة ماضية في خطتها الأمنية. "
            "كما أكد عزمه على مواصلة العمليات العسكرية حتى القضاء على الخلايا الإرهابية.",
            "عزمه على",
        ),
    ],
)
def test_a_continuing_verb_with_a_noun_object_keeps_the_running_speaker(
    sentence: str, start: str
) -> None:
    claims = said(sentence)
    hit = _starting(claims, start)
    assert hit, claims
    assert hit[0][0] == ("خالد العمري",) and hit[0][1] == "resolved"


def test_a_person_with_a_pronoun_is_a_subject_not_an_object() -> None:
    claims = said(
        "وقال الوزير خالد العمري إن الحكومة ماضية في خطتها الأمنية، "
        "وأكد شقيقه الأكبر وقوف العائلة كلها إلى جانبه في هذه المرحلة."
    )
    assert not [c for c in claims if "وقوف العائلة" in c[2] and c[0] == ("خالد العمري",)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a noun before a definite noun is the verb's subject, not its object
        "وكشفت أوساط الوزارة الروسية للصحيفة تفاصيل الملفات التي ناقشها الوفد العراقي.",
        # a preposition with a pronoun: «أكد عليه» is no noun object
        "وهو ما سبق وأكد عليه وزير خارجيته في مفاوضات شاقة للتوصل إلى الاتفاق.",
    ],
)
def test_no_object_no_continued_statement(sentence: str) -> None:
    claims = said("وقال الوزير خالد العمري إن الحكومة ماضية في خطتها الأمنية. " + sentence)
    assert [c for c in claims if c[0] == ("خالد العمري",)] == [
        (("خالد العمري",), "resolved", "الحكومة ماضية في خطتها الأمنية")
    ]


def test_a_verb_opening_a_report_with_no_running_speaker_makes_no_claim() -> None:
    claims = said("وأكد دعم بلاده للحكومة الشرعية في حربها على الإرهاب وفي كل المجالات.")
    assert not _starting(claims, "دعم بلاده")
