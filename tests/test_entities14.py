"""Entities on unseen news, pass 14 (issue 11): named facilities (a museum, a palace), a
facility in a town written with ب («فندق بسوسة»), the region «عسير», and a force
named after an organisation.  Every sentence here was written for the test, after a
construction read in unseen11's errors."""

from __future__ import annotations

import pytest
from conftest import entity_keys, extract_text

from rasd.extract.text import match_key


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وكان المسلحون قد هاجموا متحف باردو في العاصمة التونسية في مارس الماضي.", "متحف باردو"),
        ("وألقت الطائرات البراميل على قرية قصر البريج في ريف حلب.", "قصر البريج"),
    ],
)
def test_a_museum_or_a_palace_before_a_name_is_one_place(text: str, place: str) -> None:
    assert match_key(place) in entity_keys(text, "Place")


def test_a_hotel_in_a_town_is_the_town() -> None:
    ex = extract_text("وكان المسلح قد قتل عشرات السياح في فندق بسوسة في يونيو الماضي.")
    keys = {e.key for e in ex.entities}
    assert match_key("سوسة") in keys
    assert match_key("فندق بسوسة") not in keys


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال العميد بسام عطية، المسؤول في وزارة الداخلية، إن التحقيقات مستمرة.", "بسام عطية"),
        ("وقال فالون في تصريح أمس إن الطائرات أثبتت قدرتها في المعارك.", "فالون"),
    ],
)
def test_a_first_letter_after_a_title_or_a_speech_verb_is_the_names_own(
    text: str, name: str
) -> None:
    persons = entity_keys(text, "Person")
    assert match_key(name) in persons
    assert match_key(name[1:]) not in persons
