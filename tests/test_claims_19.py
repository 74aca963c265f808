"""Speakers of speaker19 (issue 11): who said it, or nobody, on the kinds of speaker errors
read on unseen16; each rule kept only because unseen3–15 (not read) did not get worse.

- «خادم الحرمين الشريفين» is a title (``titles.tsv``): standing alone it is the king the
  article named with it before.
- a person named inside a relative clause after a title («… خلال الكلمة التي ألقاها نيابة
  عنه الدكتور Y») is not the one the title stands for.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.folding import TATWEEL

# «خادم الحرمين الشريفين» as a title -------------------------------------------------------

_KING = "عبد الله بن عبد العزيز"


def _king(claim: tuple[tuple[str, ...], str, str]) -> tuple[tuple[str, ...], str]:
    """The claim's speakers (spaces dropped: the lexicon writes «عبدالله») and status."""
    return tuple(s.replace(" ", "") for s in claim[0]), claim[1]


_IS_KING = ((_KING.replace(" ", ""),), "resolved")


@pytest.mark.parametrize(
    "title",
    ["خادم الحرمين الشريفين", "خادمُ الحرمينِ الشريفينِ", "خادم الحرمين الشّريفين"],
)
def test_custodian_title_alone_is_the_king_named_before(title: str) -> None:
    claims = said(
        f"افتتح خادم الحرمين الشريفين الملك {_KING} مشروع توسعة المطار الجديد في جدة. "
        f"وقال {title} في كلمته إن المشروع سيخدم ملايين الحجاج والمعتمرين كل عام."
    )
    assert _king(claim_with(claims, "سيخدم ملايين")) == _IS_KING


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["", TATWEEL]))
def test_custodian_title_with_tatweel(tatweel: str) -> None:
    claims = said(
        f"استقبل خادم الحرمين الشريفين الملك {_KING} وفد رجال الأعمال في قصره. "
        f"وأكد خا{tatweel}دم الحرمين الشريفين أن الاقتصاد الوطني قوي ومتنوع المصادر."
    )
    assert _king(claim_with(claims, "الاقتصاد الوطني")) == _IS_KING


def test_custodian_title_is_no_other_official() -> None:
    # a minister named before is no custodian: the title does not stand for him
    claims = said(
        "التقى وزير الخارجية عادل الجبير نظيره الأمريكي في الرياض. "
        "وقال خادم الحرمين الشريفين إن المملكة ماضية في مكافحة الإرهاب بكل حزم."
    )
    assert "عادل الجبير" not in claim_with(claims, "ماضية في مكافحة")[0]


# a person inside a relative clause after the title ----------------------------------------


@pytest.mark.parametrize("relative", ["التي", "الّتي", "الذي"])
def test_person_in_relative_clause_is_not_the_title_holder(relative: str) -> None:
    noun = "الكلمة" if relative != "الذي" else "الخطاب"
    claims = said(
        f"شارك خادم الحرمين الشريفين الملك {_KING} في افتتاح المؤتمر الدولي للحوار. "
        f"وقال خادم الحرمين الشريفين، خلال {noun} {relative} ألقاها نيابة عنه الدكتور "
        "سامي الحربي وزير الشؤون الإسلامية: «إن الحوار بين الشعوب طريق السلام الوحيد»."
    )
    assert _king(claim_with(claims, "الحوار بين الشعوب")) == _IS_KING


def test_person_after_title_without_relative_still_speaks() -> None:
    claims = said(
        "وقال المتحدث باسم وزارة الصحة، في مؤتمر صحافي عقده أمس، الدكتور ماجد الشهري إن "
        "عدد الإصابات تراجع خلال الأسبوع الماضي."
    )
    assert claim_with(claims, "عدد الإصابات")[:2] == (("ماجد الشهري",), "resolved")
