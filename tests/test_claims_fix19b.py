"""fix19b (issue 11): claims20's interview and colon rules mended, from review19a's probes.

- interview answers go to the interviewee: not a name after «حاوره/أجرى الحوار/حوار:» (the
  interviewer); the person in the sentence with حوار/التقت/لقاء first, the count only when there
  is none; two question/answer pairs at least (or «●» on the question line): a column's
  rhetorical question is no interview.
- an answer line that an existing claim overlaps is no second claim.
- a singular مـ…ون noun (مخزون، مضمون) is no group before a colon; no claim opening with a
  digit or a number word («مستفيدون من الضمان: 4500 أسرة»); «مصادر» with a definite genitive
  («مصادر الطاقة المتجددة») is no source.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said

from rasd.extract.folding import TATWEEL

BODY = "وصلت تعزيزات أمنية إلى المنطقة الشرقية أمس بعد الهجوم على المركز."

QA = (
    "● كيف بدأت الكتابة؟\n"
    "●● بدأت الكتابة في المرحلة الثانوية حين قرأت روايات كثيرة في مكتبة المدرسة.\n"
    "● وما مشروعك القادم؟\n"
    "●● أعمل على رواية جديدة عن مدينة الأحساء وأهلها في الستينات.\n"
)


def test_the_interviewer_is_not_the_interviewee() -> None:
    text = (
        "حاوره: عبدالله الشهري\n"
        "أجرى عبدالله الشهري هذا الحوار مع الكاتب محمد العلي في منزله بالأحساء، "
        "وتحدث عبدالله الشهري عن مسيرته.\n" + QA
    )
    hit = claim_with(said(text), "بدأت الكتابة في")
    assert hit[:2] == (("محمد العلي",), "resolved")


@pytest.mark.parametrize("verb", ["التقت", "والتقت", "إلتقت", f"التق{TATWEEL}ت"])
def test_the_person_met_is_the_interviewee_not_the_most_named(verb: str) -> None:
    text = (
        f"{verb} الصحيفة رئيس البلدية سعيد الغامدي في مكتبه. وكان خالد الفيصل قد زار "
        "المدينة الشهر الماضي، وأشاد خالد الفيصل بالمشاريع.\n" + QA
    )
    hit = claim_with(said(text), "أعمل على رواية")
    assert hit[:2] == (("سعيد الغامدي",), "resolved")


def test_one_rhetorical_question_in_a_column_is_no_interview() -> None:
    text = (
        "أعلن وزير العمل عادل فقيه برامج جديدة للتوظيف، وقال عادل فقيه إنها تبدأ قريبا.\n"
        "هل تنجح هذه البرامج؟\n"
        "●● الإجابة تعتمد على جدية القطاع الخاص في توظيف الشباب وتدريبهم.\n"
    )
    assert not any(c[2].startswith("الإجابة تعتمد") for c in said(text))


def test_an_answer_already_claimed_is_not_claimed_twice() -> None:
    text = (
        "التقت الصحيفة الخبير الاقتصادي سعيد الغامدي في مكتبه، وتحدث سعيد الغامدي عن الميزانية.\n"
        "● ما رأيك في الميزانية؟\n"
        "●● قال الوزير ماجد الحقيل إن الميزانية كافية لكل المشاريع هذا العام.\n"
        "● وماذا عن الطرق؟\n"
        "●● الطرق تحتاج إلى صيانة عاجلة قبل موسم الأمطار.\n"
    )
    claims = said(text)
    over = [c for c in claims if "الميزانية كافية" in c[2]]
    assert [c[0] for c in over] == [("ماجد الحقيل",)]
    assert claim_with(claims, "الطرق تحتاج")[0] == ("سعيد الغامدي",)


@pytest.mark.parametrize(
    "title",
    [
        "مخزون النفط الأمريكي: تراجع كبير في الأسبوع الماضي بسبب الطلب",
        "ومخزون النفط الأمريكي: تراجع كبير في الأسبوع الماضي بسبب الطلب",
        "مضمون القرار: تراجع كبير في الأسبوع الماضي بسبب الطلب",
        "مَضمُون القرار: تراجع كبير في الأسبوع الماضي بسبب الطلب",
        f"مضم{TATWEEL}ون القرار: تراجع كبير في الأسبوع الماضي بسبب الطلب",
        "مصادر الطاقة المتجددة: الشمس والرياح والمياه في كل مكان",
        "مستفيدون من الضمان: 4500 أسرة في المنطقة الشرقية وحدها",
        "مشاركون من خارج المملكة: ثلاثون لاعبا في البطولة هذا العام",
    ],
)
def test_no_group_before_these_colons(title: str) -> None:
    claims = said(BODY, title=title)
    tail = title.split(":", 1)[1].strip()
    assert not any(c[2].startswith(tail[:10]) for c in claims)


@pytest.mark.parametrize("label", ["مزارعون", "مُزارِعون", f"مزارع{TATWEEL}ون", "مؤيدون"])
def test_a_participle_plural_before_a_colon_speaks(label: str) -> None:
    # «مزارعون» is no source noun: only the participle test lets it speak
    claims = said(BODY, title=f"{label}: الاعتداء على المساجد لن يفرق أبناء الوطن الواحد")
    head = [c for c in claims if c[2].startswith("الاعتداء على المساجد")]
    assert head and head[0][0] == (label,) and head[0][1] == "resolved"
