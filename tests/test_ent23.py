"""ent23 (issue 11): organisation names with a command or government head and a place
(«قيادة عمليات الأنبار»، «حكومة الأنبار») — sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import extract_text, said

from rasd.extract.folding import TATWEEL


def _orgs(text: str) -> set[str]:
    return {m.surface for m in extract_text(text).mentions if m.cls == "Organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أعلنت قيادة عمليات الأنبار مقتل عشرة مسلحين.", "قيادة عمليات الأنبار"),
        ("وأعلنت قيادة عمليات الانبار اعتقال خمسة.", "قيادة عمليات الانبار"),
        ("فأكدت قيادة عمليات نينوى أن الطريق آمن.", "قيادة عمليات نينوى"),
        (f"أعلنت قيـ{TATWEEL}ادة عمليات الأنبار مقتل عشرة.", f"قيـ{TATWEEL}ادة عمليات الأنبار"),
        ("وقالت قِيادةُ عملياتِ الأنبار إن الهجوم صُدّ.", "قِيادةُ عملياتِ الأنبار"),
        ("وبحسب قيادة شرطة البصرة فإن خمسة اعتقلوا.", "قيادة شرطة البصرة"),
    ],
)
def test_a_command_or_government_and_its_region_is_one_organisation(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_the_command_of_a_region_speaks() -> None:
    [(speakers, status, _text)] = said("أعلنت قيادة عمليات الأنبار أن القوات استعادت السيطرة.")
    assert status != "unresolved" and speakers and "عمليات" in speakers[0]


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن قيادة العمليات في الأنبار ستتغير.",  # definite: no name here
        "تحت قيادة الأنبار الجديدة تقدمت القوات.",  # "under the command of"
        "وتولى قيادة شمال بغداد ضابط جديد.",  # a direction: no body named
    ],
)
def test_no_command_name_swallows_a_place_after_a_definite_head_or_a_direction(text: str) -> None:
    assert not {s for s in _orgs(text) if "الأنبار" in s or "بغداد" in s}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أعلنت قيادة العمليات المشتركة أن القوات تقدمت.", "قيادة العمليات المشتركة"),
        ("وأكدت قيادة العمليات المشتركة العراقية تحرير الحي.", "قيادة العمليات المشتركة العراقية"),
        ("وقال المتحدث باسم قيادة العمليات المشتركه إن الهجوم فشل.", "قيادة العمليات المشتركه"),
    ],
)
def test_joint_operations_command_is_not_cut_short(text: str, name: str) -> None:
    assert name in _orgs(text)
