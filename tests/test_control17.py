"""Control of places, pass 17 (issue 11): constructions read in unseen14's misses.  Every
sentence here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun of falling with the clitic ل
        (
            "وفي الذكرى الأولى لسقوط مدينة الموصل بيد تنظيم داعش طالب النواب بتحرير المدينة.",
            ("داعش", "seized", "الموصل"),
        ),
        # «قضاء» (a district) between the noun of falling and the place it names
        (
            "وبمناسبة مرور عام على سقوط قضاء تلعفر بيد داعش طالب الرئيس بتحرير المدينة.",
            ("داعش", "seized", "تلعفر"),
        ),
    ],
)
def test_the_fall_of_a_district_to_an_actor(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in control(text)


def test_a_fall_with_no_actor_after_it_is_no_seizure() -> None:
    assert not control("وبعد سقوط قضاء تلعفر تدهورت الأوضاع في المنطقة.")


def test_a_place_coordinated_after_unnamed_objects_is_taken_too() -> None:
    found = control(
        "وأكد الناطق أن قوات الجيش تمكنت من السيطرة على المستشفى العام ومحطة الوقود القريبة "
        "منه وفندق الواحة في بنغازي."
    )
    assert ("قوات الجيش", "seized", "فندق الواحة") in found
    assert ("قوات الجيش", "seized", "بنغازي") not in found


def test_a_place_after_a_second_verb_is_not_taken() -> None:
    found = control("وسيطرت قوات الجيش على المستشفى العام وتقدمت نحو مطار بنينا في بنغازي.")
    assert ("قوات الجيش", "seized", "مطار بنينا") not in found


def test_members_named_in_the_clause_before_are_the_subject_of_a_plural_verb() -> None:
    found = control(
        "وجاء القرار بعدما تقدم مقاتلو تنظيم داعش في شمال العراق، وسيطروا على أجزاء كبيرة من "
        "محافظة نينوى."
    )
    assert ("داعش", "seized", "محافظة نينوى") in found


def test_an_organisation_in_the_clause_before_is_not_the_subject_of_a_singular_verb() -> None:
    found = control(
        "وشنت الطائرات غارات على مواقع تنظيم داعش في شمال العراق، وسيطرت على أجزاء من محافظة نينوى."
    )
    assert not {t for t in found if t[0] == "داعش"}


def test_a_place_after_an_unnamed_place_of_withdrawal_is_left_alone() -> None:
    found = control("وتقضي المبادرة بانسحاب جماعة الحوثي من الجنوب وتعز مقابل رفع العقوبات.")
    assert not {t for t in found if t[2] == "تعز"}


def test_members_in_the_oblique_are_no_subject_of_the_next_verb() -> None:
    found = control(
        "وقتلت القوات الحكومية عشرات من مسلحي تنظيم داعش في الرمادي، وسيطروا على جامعة المدينة."
    )
    assert not {t for t in found if t[0] == "داعش"}
