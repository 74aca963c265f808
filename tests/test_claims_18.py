"""Statements found in claims18 (issue 11): kinds of statements rasd did not find on unseen15
(read this round), each rule kept only because unseen3–14 (not read) did not get worse.

- participles of praise and welcome (مثمناً، مرحباً بـ، مشيدين بـ) after a statement are
  statements of the running speaker, as مشيداً already was.
- «جاء ذلك على لسان X» / «جاء ذلك في كلمة ألقاها X»: the sentence names who said what came
  before; a later subject-less «وأوضحت أنه» is X's, as after a sentence X opened.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.folding import TATWEEL

# participles of praise and welcome ------------------------------------------------------


@pytest.mark.parametrize(
    "participle",
    ["مثمنا", "مثمناً", "مثمّناً", "مرحبا", "مرحباً", "مرحّبا"],
)
def test_praise_participle_is_a_statement_of_the_speaker(participle: str) -> None:
    claims = said(
        "وقال وزير الداخلية محمد الخالدي إن الأمن مستتب في المدن الساحلية، "
        f"{participle} بجهود رجال الدفاع المدني في إخماد الحرائق."
    )
    assert claim_with(claims, "الأمن مستتب")[2].endswith("الساحلية")
    assert claim_with(claims, "رجال الدفاع المدني")[:2] == (("محمد الخالدي",), "resolved")


def test_feminine_and_plural_praise_participles() -> None:
    claims = said(
        "وأكدت الوزيرة سعاد المنصوري أن الموسم الزراعي كان ناجحا، مثمنة جهود المزارعين "
        "في الواحات. وقال خالد الرميثي وسالم الكعبي إن الميزانية الجديدة متوازنة هذا العام، "
        "مشيدين بقرار خفض الرسوم على الصادرات."
    )
    assert claim_with(claims, "جهود المزارعين")[:2] == (("سعاد المنصوري",), "resolved")
    pair = ("خالد الرميثي", "سالم الكعبي")
    assert claim_with(claims, "الميزانية الجديدة")[:2] == (pair, "resolved")
    assert "مشيدين" not in claim_with(claims, "الميزانية الجديدة")[2]
    assert claim_with(claims, "خفض الرسوم")[:2] == (pair, "resolved")


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(["", TATWEEL]), st.sampled_from(["و", ""]))
def test_praise_participle_with_tatweel_and_conjunction(tatweel: str, conj: str) -> None:
    claims = said(
        "وقال المدير العام فهد العتيبي إن المشروع اكتمل قبل موعده، "
        f"{conj}مثم{tatweel}نا تعاون الأهالي مع فرق العمل في الأحياء الشرقية."
    )
    assert "تعاون الأهالي" not in claim_with(claims, "المشروع اكتمل")[2]


# «جاء ذلك على لسان X» ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "recap",
    [
        "جاء ذلك على لسان مندوبة إندونيسيا لدى الأمم المتحدة السفيرة نور الهدى صالح",
        "وجاء ذلك على لسان السفيرة نور الهدى صالح",
        "جاء ذلك في كلمة ألقتها السفيرة نور الهدى صالح أمام المجلس",
        "جاءَ ذلك خلال كلمة للسفيرة نور الهدى صالح",
    ],
)
def test_recap_names_the_running_speaker(recap: str) -> None:
    claims = said(
        "دعت إندونيسيا المجتمع الدولي إلى تقديم المساعدات العاجلة للاجئين في المنطقة. "
        f"{recap} اليوم. وأوضحت أنه يجب على الدول الكبرى تحمل مسؤولياتها تجاه الأزمة الإنسانية."
    )
    assert claim_with(claims, "الدول الكبرى")[:2] == (("نور الهدى صالح",), "resolved")


def test_recap_with_a_meeting_names_no_speaker() -> None:
    claims = said(
        "دعت إندونيسيا المجتمع الدولي إلى تقديم المساعدات العاجلة للاجئين في المنطقة. "
        "جاء ذلك خلال لقاء مع السفيرة نور الهدى صالح اليوم. وأوضحت أنه يجب على الدول "
        "الكبرى تحمل مسؤولياتها تجاه الأزمة الإنسانية."
    )
    assert "نور الهدى صالح" not in claim_with(claims, "الدول الكبرى")[0]
