"""Entities on unseen news, pass 17 (issue 11): constructions read in unseen14's errors
(resolution and span boundaries, not the NER model).  Every sentence here was written for
the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import entity_keys

from rasd.extract.text import match_key


def test_the_forces_of_a_named_organisation_are_that_organisation() -> None:
    keys = entity_keys(
        "وقال المتحدث باسم الجيش الليبي إن قوات الجيش الليبي تقدمت في حي الصابري ببنغازي.",
        "Organization",
    )
    assert match_key("الجيش الليبي") in keys
    assert match_key("قوات الجيش الليبي") not in keys


def test_forces_named_alone_keep_their_own_node() -> None:
    keys = entity_keys("وقالت قوات الجيش الليبي إنها تقدمت في حي الصابري ببنغازي.", "Organization")
    assert match_key("قوات الجيش الليبي") in keys


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وتم ضبط ثلاثين شخصا من بني سويف وثمانية من كفر الشيخ.", "بني سويف"),
        ("وتم ضبط ثلاثين شخصا من بني سويف وثمانية من كفر الشيخ.", "كفر الشيخ"),
        ("وقال مدير أمن مطروح إن الموقوفين نقلوا إلى السلوم.", "محافظة مطروح"),
    ],
)
def test_egyptian_governorates_with_two_words_or_rare_names(text: str, place: str) -> None:
    assert match_key(place) in entity_keys(text)


def test_an_affiliation_participle_ends_an_organisation_name() -> None:
    keys = entity_keys("ونعت كتيبة الـ17 التابعة للجيش أحد عناصرها.", "Organization")
    assert match_key("كتيبة الـ17") in keys
    assert match_key("كتيبة الـ17 التابعة") not in keys


def test_a_region_the_lexicon_names_with_its_direction_stays_one() -> None:
    assert match_key("الغوطة الشرقية") in entity_keys("وقصف الطيران الغوطة الشرقية أمس.", "Place")


def test_a_camp_before_a_name_is_one_place() -> None:
    text = "وقصفت الطائرات مخيم خان الشيح غرب دمشق أمس."
    assert match_key("مخيم خان الشيح") in entity_keys(text, "Place")


def test_a_camp_of_a_common_noun_is_no_place() -> None:
    assert not entity_keys("وعاد اللاجئون بعد أن غادروا مخيم اللاجئين.", "Place")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("وأعلنت شرطة نينوى مقتل عشرة مسلحين في الموصل.", "شرطة نينوى"),
        ("وأعلنت مديرية أمن مطروح ضبط مهربين قرب الحدود.", "مديرية أمن مطروح"),
    ],
)
def test_a_head_before_a_town_or_governorate_names_an_organisation(text: str, org: str) -> None:
    assert match_key(org) in entity_keys(text, "Organization")


def test_police_before_a_country_is_no_new_organisation() -> None:
    assert not entity_keys("وقالت شرطة العراق إن الوضع مستقر.", "Organization")


def test_police_over_a_direction_before_a_city_is_no_organisation() -> None:
    text = "وقتل شرطيان في هجوم على نقطة شرطة شمال بغداد أمس."
    assert not entity_keys(text, "Organization")
    assert match_key("بغداد") in entity_keys(text, "City")
