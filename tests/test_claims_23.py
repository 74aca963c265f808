"""Statements found in claims23 (issue 11): a verbal noun whose speaker is named before it,
as the subject of a verb that renews or commits to what is said («وأعاد X التأكيد بـ…»،
«كرر X تأكيد عزمه …»، «كما عاد X إلى التأكيد بأن …»، «وحرص X على التأكيد على …»), a class of
the noun cues rasd did not find on many spent corpora (``bench/miss_classes.py``, cue تاكيد).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

from rasd.extract.folding import TATWEEL


@pytest.mark.parametrize(
    "verb",
    ["وأعاد", "واعاد", "وأَعَادَ", f"وأعـ{TATWEEL}اد", "فأعاد", "وكرر", "وجدد"],
)
def test_a_renewing_verb_a_person_and_the_noun(verb: str) -> None:
    claims = said(
        f"التقى الوفدان في جنيف. {verb} الرئيس فلاديمير بوتين التأكيد بأن الحل في سوريا "
        "يجب أن يكون سياسيا."
    )
    hit = [c for c in claims if c[2].startswith("الحل في سوريا")]
    assert hit and hit[0][0] == ("فلاديمير بوتين",) and hit[0][1] == "resolved"


@pytest.mark.parametrize("noun", ["تأكيد", "تاكيد", "تأكِيد"])
def test_the_noun_without_article_after_the_person(noun: str) -> None:
    claims = said(
        f"التقى الوفدان في جنيف. وكرر الرئيس فلاديمير بوتين {noun} أن الحل في سوريا يجب أن "
        "يكون سياسيا."
    )
    hit = [c for c in claims if c[2].startswith("الحل في سوريا")]
    assert hit and hit[0][0] == ("فلاديمير بوتين",)


@pytest.mark.parametrize("prep", ["على", "إلى", "الى"])
def test_a_keen_or_returning_verb_and_a_preposition(prep: str) -> None:
    verb = "وحرص" if prep == "على" else "وعاد"
    claims = said(
        f"التقى الوفدان في جنيف. {verb} الرئيس فلاديمير بوتين {prep} التأكيد على أن الحل في "
        "سوريا يجب أن يكون سياسيا."
    )
    hit = [c for c in claims if c[2].startswith("الحل في سوريا")]
    assert hit and hit[0][0] == ("فلاديمير بوتين",)


def test_a_conjunction_before_the_verb() -> None:
    claims = said(
        "التقى الوفدان في جنيف، كما عاد الرئيس فلاديمير بوتين إلى التأكيد بأن الحل في "
        "سوريا يجب أن يكون سياسيا."
    )
    hit = [c for c in claims if c[2].startswith("الحل في سوريا")]
    assert hit and hit[0][0] == ("فلاديمير بوتين",)


def test_the_person_as_object_of_another_verb_is_not_the_speaker() -> None:
    # «ورد على الرئيس … بالتأكيد»: the name after a preposition is the one answered
    claims = said(
        "التقى الوفدان في جنيف. وانتقد المعارض سمير حداد الرئيس فلاديمير بوتين بعد التأكيد "
        "أن الحل في سوريا يجب أن يكون سياسيا."
    )
    hit = [c for c in claims if c[2].startswith("الحل في سوريا")]
    assert not hit or hit[0][0] != ("فلاديمير بوتين",)


def test_certainly_is_no_cue() -> None:
    # «بالتأكيد»: certainly
    claims = said(
        "التقى الوفدان في جنيف. وأعاد الرئيس فلاديمير بوتين بالتأكيد ترتيب أولوياته في "
        "المنطقة بعد الاجتماع."
    )
    assert not [c for c in claims if c[0] == ("فلاديمير بوتين",)]


def test_a_title_standing_for_a_person_with_a_nisba_after_it() -> None:
    claims = said(
        "التقى وزير الخارجية المصري سامح شكري نظيره السعودي في الرياض. وأكد أن التنسيق "
        "بين البلدين مستمر في كل الملفات الإقليمية، كما عاد وزير الخارجية المصري إلى "
        "التأكيد بأن توزيع الأدوار ضروري في المرحلة المقبلة."
    )
    hit = [c for c in claims if c[2].startswith("توزيع الأدوار")]
    assert hit and hit[0][0] == ("سامح شكري",)
    before = [c for c in claims if c[2].startswith("التنسيق بين البلدين")]
    assert before and "عاد" not in before[0][2]
