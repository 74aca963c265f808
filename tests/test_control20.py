"""Control of places, pass 20 (issue 11): constructions counted over every spent corpus
(``bench/control_classes.py``, ``bench/relations20_results.md``), and sentences that assert no
control.  Every sentence here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a dual place noun in the construct state before two places joined by «و»
        ("وسيطر الجيش العراقي على منطقتي الرمادي والفلوجة.", ("الرمادي", "الفلوجة")),
        ("وسيطر الجيش العراقي على بلدتي الرمادي والفلوجة أمس.", ("الرمادي", "الفلوجة")),
        ("واستعاد الجيش العراقي مدينتي الرمادي والفلوجة.", ("الرمادي", "الفلوجة")),
        # names rasd does not know yet: one word each, and two words each
        ("وسيطر الجيش العراقي على منطقتي الزهيرات والبوغانم.", ("الزهيرات", "البوغانم")),
        (
            "وقال الضابط إن الجيش العراقي يسيطر بالكامل على منطقتي السدة الأولى والسدة الثانية.",
            ("السدة الأولى", "السدة الثانية"),
        ),
        # clitics, hamza/alef, tatweel, diacritics
        ("فسيطر الجيش العراقي على منطقتي الزهيرات والبوغانم.", ("الزهيرات", "البوغانم")),
        ("وإستعاد الجيش العراقي منطقتي الزهيرات والبوغانم.", ("الزهيرات", "البوغانم")),
        ("وسيطر الجيش العراقي على منطقتـــي الزهيرات والبوغانم.", ("الزهيرات", "البوغانم")),
        ("وسيطر الجيش العراقي على مِنْطَقَتَيْ الزهيرات والبوغانم.", ("الزهيرات", "البوغانم")),
    ],
)
def test_a_dual_place_noun_names_two_places_taken(text: str, places: tuple[str, ...]) -> None:
    found = control(text)
    for place in places:
        assert any(a == "الجيش العراقي" and p == place for a, _pred, p in found), (place, found)


@pytest.mark.parametrize(
    "text",
    [
        "ولم يسيطر الجيش العراقي على منطقتي الزهيرات والبوغانم.",
        "وإذا سيطر الجيش العراقي على منطقتي الزهيرات والبوغانم فستسقط المحافظة.",
        "ويحاول الجيش العراقي السيطرة على منطقتي الزهيرات والبوغانم.",
        # fighting «for» control is an aim, not a taking done (also with tatweel, diacritics)
        "ويقاتل الجيش العراقي من أجل السيطرة على منطقتي الزهيرات والبوغانم.",
        "ويقاتل الجيش العراقي مِنْ أَجْلِ السيطرة على منطقتي الزهيرات والبوغانم.",
        "ويقاتل الجيش العراقي من أجـــل استعادة منطقتي الزهيرات والبوغانم.",
        # a dual noun with no second name joined by «و»: nothing made up
        "وسيطر الجيش العراقي على منطقتي الزهيرات.",
        # «في» after the dual only locates
        "وقتل الجيش العراقي عشرة مسلحين في منطقتي الزهيرات والبوغانم.",
    ],
)
def test_a_dual_place_noun_asserts_nothing_when_not_taken(text: str) -> None:
    assert not control(text)


@pytest.mark.parametrize(
    "text",
    [
        # a noun of taking with the pronoun of a place named before, then «من (أيدي|قبضة) X»:
        # the taking is an aim, X still holds the place
        "وبدأت القوات العراقية عملية عسكرية في محافظة صلاح الدين لاستعادتها من أيدي تنظيم داعش.",
        "وبدأت القوات العراقية عملية عسكرية في محافظة صلاح الدين بشمال العراق "
        "لاستعادتها من أيدي تنظيم داعش.",
        "وطالب بضمانات لأهالي محافظة صلاح الدين قبل انطلاق عملية استعادتها من تنظيم داعش.",
        "واستعدت القوات العراقية لاقتحام محافظة صلاح الدين وتحريرها من قبضة تنظيم داعش.",
        # hamza/alef, tatweel, diacritics
        "وبدأت القوات العراقية عملية عسكرية في محافظة صلاح الدين لإستعادتها من ايدي تنظيم داعش.",
        "وبدأت القوات العراقية عملية عسكرية في محافظة صلاح الدين لاستعـــادتها من أيدي تنظيم داعش.",
        "واستعدت القوات العراقية لاقتحام محافظة صلاح الدين وتَحْرِيرِهَا من قبضة تنظيم داعش.",
    ],
)
def test_a_place_taken_by_its_pronoun_from_a_side_that_holds_it(text: str) -> None:
    found = control(text)
    assert any(a == "داعش" and r == "controls" and p.endswith("صلاح الدين") for a, r, p in found)
    assert not any(p == "العراق" for _a, _pred, p in found), found


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن القوات العراقية لم تتمكن من استعادتها من أيدي تنظيم داعش في محافظة صلاح الدين.",
        # a place before a negated cue (review19a: with no place the test could not fail)
        "وفي محافظة صلاح الدين لم تحاول القوات العراقية استعادتها من أيدي تنظيم داعش.",
        # the pronoun is no place («استعادتها» of a thing), a place named before in another
        # clause (review19a: with no place before, the test could not fail)
        "وسرق تنظيم داعش قطعا أثرية من متحف الموصل وطالبت الوزارة باستعادتها من تنظيم داعش.",
        "وسرق تنظيم داعش قطعا أثرية من متحف الموصل وطالبت الوزارة بإستعـادتها من تنظيم داعش.",
        # «من» not before the side (a place of origin, a person)
        "وبدأت القوات العراقية عملية عسكرية في محافظة صلاح الدين لاستعادتها من جديد.",
    ],
)
def test_a_pronoun_of_taking_asserts_nothing_here(text: str) -> None:
    found = control(text)
    assert not any(a == "داعش" for a, _pred, _p in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a comma between the last place and the cue: the pronoun may be of a place further back
        "ودعت الحكومة المحلية أهالي مدينة تكريت إلى الخروج منها والتوجه إلى مدينة سامراء، "
        "تمهيدا لاقتحامها وتطهيرها من مسلحي تنظيم داعش.",
        "وتقدمت القوات العراقية نحو مدينة تكريت مركز محافظة صلاح الدين، لاقتحام المدينة "
        "وتحريرها من تنظيم داعش.",
    ],
)
def test_a_pronoun_of_taking_does_not_reach_over_a_comma(text: str) -> None:
    found = control(text)
    assert not any(p in ("سامراء", "محافظة صلاح الدين", "صلاح الدين") for _a, _r, p in found)


def test_a_passive_taking_by_its_pronoun_has_no_actor_after() -> None:
    # «تم تطهيرها»: no agent; the side named far after («لصالح الحكومة») took nothing here
    found = control(
        "وقال إن الأمور تسير نحو الاستقرار، فتكريت تم تطهيرها تماما من تنظيم داعش "
        "والجواسيس، حيث انقلبت كفة القوة لصالح الحكومة العراقية."
    )
    assert ("داعش", "lostControlOf", "تكريت") in found, found
    assert not any(r == "seized" for _a, r, _p in found), found


def test_a_taking_by_its_pronoun_takes_no_actor_from_the_sentence_before() -> None:
    found = control(
        "وأعلن مجلس الوزراء دعمه للمقاومة. وقال إن الأمور تسير نحو الاستقرار، "
        "فتكريت تم تطهيرها تماما من تنظيم داعش."
    )
    assert found == {("داعش", "lostControlOf", "تكريت")}, found
