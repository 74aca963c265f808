"""Control of places, fix19a (issue 11): the reviewer's probe sentences for rel20's rules
(review19a), with clitic, hamza, tatweel and diacritic variants.  Written for the test, none
copied from a corpus."""

from __future__ import annotations

import pytest
from conftest import control, related


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        # a dual place noun before a frequent word: no second name («وسط», «وكذلك», «وغيرها»)
        ("وسيطر تنظيم داعش على بلدتي نبل وسط اشتباكات عنيفة.", ("سط", "وسط")),
        ("وسيطر تنظيم داعش على بلدتي نبل وسـط اشتباكات عنيفة.", ("سط", "سـط")),
        ("وسيطر تنظيم داعش على قريتي حريتان وكذلك حيان.", ("كذلك",)),
        ("وسيطر تنظيم داعش على قريتي حريتان وكَذَلِكَ حيان.", ("كذلك", "كَذَلِكَ")),
        ("فسيطر تنظيم داعش على مدينتي الرمادي وغيرها.", ("غيرها",)),
        # «بلدتي» is «my town» here: no place named after it
        ("وسيطر تنظيم داعش على بلدتي الصغيرة وطرد أهلها.", ("الصغيرة", "طرد", "وطرد")),
        ("وإستولى تنظيم داعش على بلدتي الصغيرة وطرد أهلها.", ("الصغيرة", "طرد", "وطرد")),
    ],
)
def test_a_dual_place_noun_before_no_name_makes_no_place(text: str, bad: tuple[str, ...]) -> None:
    found = related(text)
    assert not any(s in bad or o in bad for s, _p, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "وسيطر الجيش العراقي على منطقتي حي الجامعة والبوعيثة غرب المدينة.",
        "وسيطر الجيش العراقي على منطقتي حي الجامعة والبوعيثة غربي المدينة.",
        "وسيطر الجيش العراقي على منطقتـي حي الجامعة والبوعيثة غرب المدينة.",
    ],
)
def test_the_second_name_ends_at_the_first_word_that_is_no_name(text: str) -> None:
    found = control(text)
    assert ("الجيش العراقي", "seized", "البوعيثة") in found, found
    assert not any(p.startswith("البوعيثة غرب") for _a, _r, p in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the last place is not what the pronoun stands for: a finite verb between (a new clause)
        (
            "واختطف مسلحو تنظيم داعش صحفية في الموصل ونجحت القوات العراقية في تحريرها "
            "من أيدي التنظيم.",
            "الموصل",
        ),
        (
            "واختطف مسلحو تنظيم داعش صحفية في الموصل ونجحت القوات العراقية في تَحْرِيرِهَا "
            "من ايدي التنظيم.",
            "الموصل",
        ),
        (
            "وهرب تنظيم داعش قطعا أثرية إلى تركيا وتسعى الحكومة العراقية لاستعادتها.",
            "تركيا",
        ),
        (
            "وهرب تنظيم داعش قطعا أثرية إلى تركيا وتسعى الحكومة العراقية لإستعـــادتها.",
            "تركيا",
        ),
        # a place of origin («انطلاقا من»، «قادما من»)
        (
            "وتحاصر القوات العراقية مدينة الفلوجة انطلاقا من الرمادي تمهيدا لاستعادتها "
            "من تنظيم داعش.",
            "الرمادي",
        ),
        (
            "ووصل قائد الشرطة إلى بغداد قادما من الأنبار بعد أن بدأت القوات عملية "
            "لاستعادتها من تنظيم داعش.",
            "الأنبار",
        ),
        (
            "ووصل قائد الشرطة إلى بغداد قادما من الانبار بعد أن بدأت القوات عملية "
            "لاستعادتها من تنظيم داعش.",
            "الانبار",
        ),
    ],
)
def test_a_pronoun_of_taking_is_not_of_a_place_across_a_clause(text: str, place: str) -> None:
    found = control(text)
    assert not any(p == place for _a, _r, p in found), found


@pytest.mark.parametrize(
    "text",
    [
        "ومن أجل ذلك سيطر الجيش العراقي على مدينة الرمادي.",
        "ومِنْ أَجْلِ ذلك سيطر الجيش العراقي على مدينة الرمادي.",
        "ومن أجـــل ذلك سيطر الجيش العراقي على مدينة الرمادي.",
        "ومن اجل ذلك سيطر الجيش العراقي على مدينة الرمادي.",
    ],
)
def test_min_ajl_blocks_only_right_before_the_taking(text: str) -> None:
    found = control(text)
    assert any(
        a == "الجيش العراقي" and r == "seized" and p.endswith("الرمادي") for a, r, p in found
    ), found


@pytest.mark.parametrize(
    "text",
    [
        # the object of a noun of siege or attack before a place of origin: the pronoun's place
        "وبدأت القوات العراقية هجوما على مدينة الفلوجة انطلاقا من الرمادي لاستعادتها "
        "من تنظيم داعش.",
        "وفرضت القوات العراقية حصارا على مدينة الفلوجة قادمة من الرمادي تمهيدا لاستعادتها "
        "من تنظيم داعش.",
        "وفرضت القوات العراقية حصارا على مدينة الفلوجة قادمة من الرمادي تمهيدا لإستعـادتها "
        "من تنظيم داعش.",
    ],
)
def test_a_pronoun_of_taking_is_of_the_place_under_siege(text: str) -> None:
    found = control(text)
    assert ("داعش", "controls", "الفلوجة") in found, found
    assert not any(p == "الرمادي" for _a, _r, p in found), found


def test_a_place_of_origin_after_a_place_not_under_siege_is_no_object() -> None:
    found = control("وزار الوزير مدينة الفلوجة قادما من الرمادي تمهيدا لاستعادتها من تنظيم داعش.")
    assert not found, found
