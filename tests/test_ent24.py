"""ent24 (issue 11): a person opening the sentence with his role in a body before his verb
(«اللواء X المتحدث الرسمي للمديرية العامة لحرس الحدود أدان …») — sentences written for these
tests."""

from __future__ import annotations

import pytest
from conftest import said


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "اللواء علي الغامدي المتحدث الرسمي للمديرية العامة لحرس الحدود أدان الهجوم على المسجد.",
            "علي الغامدي",
        ),
        (
            "والعميد أحمد العلي المتحدث الرسمي للإدارة العامة للمرور استنكر الحادث الذي وقع أمس.",
            "أحمد العلي",
        ),
        ("اللواء خالد الحربي مدير جوازات منطقة عسير استنكر الحادث الآثم في المسجد.", "خالد الحربي"),
        ("اللواء سامي الزهراني مدير عام الدفاع المدني أدان الهجوم على المصلين.", "سامي الزهراني"),
        (  # diacritics, tatweel, ف before the title
            "فاللواءُ خالدُ الحربيُّ مديرُ جوازاتِ منطقةِ عسير استنكـر الحادث الآثم في المسجد.",
            "خالدُ الحربيُّ",
        ),
    ],
)
def test_a_person_with_his_role_in_an_organisation_before_the_verb_speaks(
    text: str, person: str
) -> None:
    [(speakers, _status, _text)] = said(text)
    assert speakers == (person,)


def test_a_subject_after_the_verb_is_kept_before_a_person_with_his_role() -> None:
    text = "وبحضور اللواء محمد الغامدي مدير الشرطة أدان مجلس الشورى الهجوم على المسجد."
    [(speakers, _status, _text)] = said(text)
    assert speakers == ("مجلس الشورى",)
