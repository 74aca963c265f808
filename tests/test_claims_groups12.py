"""Speakers that are no named entity (issue 11, claims12): a group or a family standing as
the subject of a verb of statement is an unnamed source of the article, read in unseen8's
open claims and kept because unseen3–7 (not read this round) did not get worse.

- ``وطالب الأهالي …``، ``وقال سكان …``: residents (rows أهالي، سكان of source_nouns.tsv,
  kind ``person``, plural) are an anonymous source.
- ``ونفر من الناس يرى أن …``: people (rows ناس، بشر) after a quantity (rows نفر، ثلة, kind
  ``quantity``) before the verb are one source labelled with the quantity.
- ``وأفادت معلومات أن …``: information (row معلومات, kind ``document``) is a document source.
- ``وقالت عائلة فلان …``، ``وأكدت أسرة الشاب …``: a family (rows of kind ``kin``: عائلة،
  أسرة، عائلات، ذوو) is one unnamed source labelled with the person or noun after it, never
  that person; ``وأضافت العائلة`` later is the same family.

Rows tried and left out (unseen3–7 got worse on the share of right authored claims): شبان
(one named speaker lost), والد / والدة (three claims whose gold names the parent); the last
test guards that والدة is no source noun.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

CASES = [
    (
        "وطالب الأهالي في مدينة الفلوجة الحكومة المركزية بإرسال قوات لحماية الأحياء السكنية.",
        "الأهالي",
        "إرسال قوات",
    ),
    (
        "وقال سكان في البلدة لوكالة رويترز إن القصف استمر طوال الليل.",
        "سكان",
        "القصف استمر",
    ),
    (
        "وقالت عائلة محمد الحربي في بيان إن ابنها لم يكن على صلة بأي تنظيم متطرف.",
        "عائلة محمد الحربي",
        "ابنها لم يكن",
    ),
    (
        "وأكدت أسرة الشاب أنها فقدت الاتصال به منذ أسبوعين.",
        "أسرة الشاب",
        "فقدت الاتصال",
    ),
    (
        "وطالبت عائلات الضحايا بمحاسبة المسؤولين عن التقصير الأمني.",
        "عائلات الضحايا",
        "محاسبة المسؤولين",
    ),
    (
        "ونفر من الناس يرى أن المدارس لا تقوم بدورها في مواجهة التطرف.",
        "نفر من الناس",
        "المدارس لا تقوم",
    ),
    (
        "وأفادت معلومات أن المنفذ سافر إلى تركيا قبل عام من الهجوم.",
        "معلومات",
        "المنفذ سافر",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "start"), CASES)
def test_a_group_subject_is_an_unnamed_source(text: str, speaker: str, start: str) -> None:
    [(speakers, status, claim)] = said(text)
    assert (speakers, status) == ((speaker,), "resolved")
    assert claim.startswith(start)


def test_the_family_spoken_of_again_is_the_same_source() -> None:
    text = (
        "قتل الشاب أحمد الزهراني في الهجوم. وقالت عائلة أحمد الزهراني إنه كان يعمل في "
        "المدينة. وأضافت العائلة أن السلطات لم تبلغها بشيء."
    )
    claims = said(text)
    assert [c[0] for c in claims] == [("عائلة أحمد الزهراني",), ("عائلة أحمد الزهراني",)]


def test_a_parent_is_no_source_noun() -> None:
    # والدة was tried as a family noun and left out: the mother is left open, not invented
    [(speakers, status, _claim)] = said("وقالت والدة الضحية إن ابنها خرج صباحا ولم يعد.")
    assert (speakers, status) == ((), "unresolved")
