"""Control of places, pass 21 (issue 11): classes of missed control rows counted over every
spent corpus (``bench/control_classes.py``, ``bench/relations21_results.md``), and sentences
that assert no control.  Every sentence here was written for the test (none is copied from a
corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        # a quantity before the area words: «أكثر من»، a figure, a percentage
        ("وسيطر الجيش العراقي على أكثر من نصف أحياء مدينة الفلوجة.", "الجيش العراقي", "الفلوجة"),
        ("وسيطر الجيش العراقي على 60 % من أحياء الفلوجة.", "الجيش العراقي", "الفلوجة"),
        ("وسيطر الجيش العراقي على أكثر من 60 % من أحياء الفلوجة.", "الجيش العراقي", "الفلوجة"),
        # hamza/alef, Arabic-Indic digits, a glued percent sign, tatweel, diacritics, clitics
        ("فسيطر الجيش العراقي على اكثر من ٦٠٪ من احياء الفلوجة.", "الجيش العراقي", "الفلوجة"),
        ("وسيطر الجيش العراقي على أكثـــر من 60 %من أحياء الفلوجة.", "الجيش العراقي", "الفلوجة"),
        ("وسيطر الجيش العراقي على أَكْثَرَ من نصف أحياء الفلوجة.", "الجيش العراقي", "الفلوجة"),
        # a stretch of land (قطاع) and a direction right after an area word
        ("ويسيطر تنظيم داعش على قطاع من الأراضي شمالي حلب.", "داعش", "حلب"),
        ("ويسيطر تنظيم داعش على قطـــاع من الاراضي شمالي حلب.", "داعش", "حلب"),
        ("ويسيطر تنظيم داعش على قِطَاعٍ من الأراضي جنوبي حلب.", "داعش", "حلب"),
        ("وتسيطر قوات النظام على مناطق شرق حلب.", "النظام", "حلب"),
    ],
)
def test_a_quantity_or_a_stretch_before_the_place_taken(text: str, actor: str, place: str) -> None:
    found = control(text)
    assert any(actor in a and p == place for a, _pred, p in found), found


@pytest.mark.parametrize(
    ("text", "loser", "place"),
    [
        # no actor: the side the place is freed from loses it, the place past a quantity
        ("وقال الضابط إنه تم تحرير أكثر من نصف أحياء الفلوجة من سيطرة داعش.", "داعش", "الفلوجة"),
        ("وأعلن الضابط أنه تم تحرير 60 % من أحياء الفلوجة من تنظيم داعش.", "داعش", "الفلوجة"),
        ("وقال الضابط إنه تم تحرير أحياء مدينة الفلوجة من سيطرة داعش.", "داعش", "الفلوجة"),
        ("وقال الضابط إنه تم تحرير اكثر من ٦٠٪من احياء الفلوجة من سيطرة داعش.", "داعش", "الفلوجة"),
    ],
)
def test_a_quantity_freed_without_an_actor(text: str, loser: str, place: str) -> None:
    assert (loser, "lostControlOf", place) in control(text)


@pytest.mark.parametrize(
    "text",
    [
        # negated, attempted: no control
        "ولم يسيطر الجيش العراقي على أكثر من نصف أحياء مدينة الفلوجة.",
        "وحاول الجيش العراقي أن يسيطر على أكثر من 60 % من أحياء الفلوجة.",
        # a quantity of things, not of land: the place only locates them
        "وسيطر الجيش العراقي على أكثر من 50 آلية في الفلوجة.",
        "وقتل أكثر من 60 % من المسلحين في الفلوجة.",
        # «قطاع» a sector of business, not of land
        "ويسيطر رجال أعمال على قطاع النفط في حلب.",
        # a direction after a word that is no area word: located only
        "وسيطر الجيش العراقي على آليات شمالي حلب.",
        # freed, but no side named it is freed from
        "وقال الضابط إنه تم تحرير أكثر من نصف أحياء الفلوجة.",
    ],
)
def test_quantities_that_assert_no_control(text: str) -> None:
    assert not {(a, p, o) for a, p, o in control(text) if o in ("الفلوجة", "حلب")}, control(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a passive «تم/يتم/جرى» before the noun of taking: the speaker or the paper before it
        # is no agent; the side it is freed from still loses it
        ("ونقلت صحيفة الشرق الأوسط عن الضابط أنه تم تحرير أكثر من نصف أحياء الفلوجة.", "الفلوجة"),
        ("ونقلت صحيفة الشرق الأوسط عن الضابط أنه تم تحرير مدينة الفلوجة من سيطرة داعش.", "الفلوجة"),
        ("وقالت وزارة الدفاع العراقية إنه وتم تحرير مدينة الفلوجة.", "الفلوجة"),
        ("وقالت وزارة الدفاع العراقية إنه جرى تحريـــر مدينة الفلوجة.", "الفلوجة"),
        ("وقالت وزارة الدفاع العراقية إنه يَتِمُّ تحرير مدينة الفلوجة الآن.", "الفلوجة"),
    ],
)
def test_no_agent_before_a_passive_taking(text: str, place: str) -> None:
    found = control(text)
    assert not {a for a, p, o in found if o == place and p != "lostControlOf"}, found


def test_an_agent_named_after_a_passive_taking() -> None:
    found = control("وتم تحرير الفلوجة على يد الجيش العراقي.")
    assert ("الجيش العراقي", "seized", "الفلوجة") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the place freed, then an apposition naming the province it is the centre of: the
        # side it is freed from loses the place, not the province
        "وقال الضابط إنه تم تحرير أكثر من نصف أحياء الموصل مركز محافظة نينوى من سيطرة داعش.",
        "وقال الضابط إنه تم تحرير الموصل مركز محافظة نينوى من تنظيم داعش.",
        "وقال الضابط إنه تم تحرير الموصل، مركز محافظة نينوى، من سيطرة داعش.",
        "وقال الضابط إنه تم تحرير الموصل عاصمة محافظة نينوى من سيطرة داعش.",
        "وقال الضابط إنه تم تحريـــر الموصل مَرْكَز محافظة نينوى من سيطرة داعش.",
        "وقال الضابط إنه تم تحرير الموصل ومركز محافظة نينوى من سيطرة داعش.",
    ],
)
def test_a_place_freed_with_an_apposition_after_it(text: str) -> None:
    found = control(text)
    assert ("داعش", "lostControlOf", "الموصل") in found, found
    if "ومركز" not in text:  # "و": the centre is a second place, also freed
        assert not any(o == "نينوى" for _a, _p, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # no side it is freed from, or the «من» far past the apposition
        "وقال الضابط إنه تم تحرير الموصل مركز محافظة نينوى.",
        "وقال الضابط إنه تم تحرير الموصل مركز محافظة نينوى وسط مخاوف من تنظيم داعش.",
    ],
)
def test_an_apposition_without_a_side_freed_from(text: str) -> None:
    assert not any(p == "lostControlOf" for _a, p, _o in control(text)), control(text)


_ISIS = "وأعلن تنظيم داعش مسؤوليته عن الهجوم. "


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a generic plural for the militants, in an article naming one «تنظيم»: that organisation
        (_ISIS + "ويسيطر المتطرفون على مناطق واسعة في محافظة نينوى.", "نينوى"),
        (_ISIS + "وسيطر الجهاديون على مدينة الموصل.", "الموصل"),
        (_ISIS + "وقصفت الطائرات المقاتلين الذين يسيطرون على مدينة الموصل.", "الموصل"),
        (_ISIS + "فسيطر المسلحون على مدينة الموصل.", "الموصل"),
        # tatweel, diacritics
        (_ISIS + "ويسيطر المتطـــرفون على مدينة الموصل.", "الموصل"),
        (_ISIS + "ويسيطر الْمُتَطَرِّفُونَ على مدينة الموصل.", "الموصل"),
    ],
)
def test_generic_militants_are_the_one_organisation_named(text: str, place: str) -> None:
    found = control(text)
    assert any(a == "داعش" and place in o for a, _p, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # two organisations named: whose fighters is not known
        _ISIS + "وقاتلت جبهة النصرة تنظيم القاعدة. ويسيطر المتطرفون على مدينة الموصل.",
        # none named
        "ويسيطر المتطرفون على مدينة الموصل.",
        # an adjective names other fighters
        _ISIS + "وسيطر المقاتلون الأكراد على مدينة الموصل.",
        # negated
        _ISIS + "ولم يسيطر المتطرفون على مدينة الموصل.",
    ],
)
def test_generic_militants_that_name_no_organisation(text: str) -> None:
    assert not any(a == "داعش" and o == "الموصل" for a, _p, o in control(text)), control(text)


@pytest.mark.parametrize(
    "text",
    [
        # «من» in another clause (after «فيما»/«بينما»/«حيث») names no side the place was taken from
        "ويسيطر تنظيم داعش على مناطق واسعة في محافظة نينوى، فيما تواصل قوات عراقية بدعم من "
        "التحالف الدولي تنفيذ عمليات.",
        "ويسيطر تنظيم داعش على مناطق واسعة في محافظة نينوى بينما تشن قوات عراقية بدعم من "
        "التحالف الدولي هجوما.",
        "وسيطر تنظيم داعش على مدينة الموصل، حيث تلقت القوات دعما من التحالف الدولي.",
    ],
)
def test_no_loser_in_another_clause(text: str) -> None:
    found = control(text)
    assert not any(a == "التحالف الدولي" for a, _p, _o in found), found
    assert any(a == "داعش" for a, _p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # «البلدين» after the area words: the two places joined by «و» named before in the sentence
        _ISIS
        + "وقصفت الطائرات في العراق وسوريا المقاتلين الذين يسيطرون على مساحات واسعة في البلدين.",
        "وتتواصل الغارات في العراق وسوريا، حيث يسيطر تنظيم داعش على أجزاء من البلدين.",
        "وتتواصل الغارات في العراق وسوريا، حيث يسيطر تنظيم داعش على أجزاء من البلديـــن.",
        "وتتواصل الغارات في العراق وسوريا، حيث يسيطر تنظيم داعش على أجزاء من البَلَدَيْن.",
        "وتتواصل الغارات في العراق وسوريا، حيث يسيطر تنظيم داعش على مناطق في البلدين.",
    ],
)
def test_the_two_countries_named_before(text: str) -> None:
    found = control(text)
    for place in ("العراق", "سوريا"):
        assert any(a == "داعش" and o == place for a, _p, o in found), (place, found)


@pytest.mark.parametrize(
    "text",
    [
        # one place before, two not joined by «و», or negated
        "وتتواصل الغارات في العراق، حيث يسيطر تنظيم داعش على أجزاء من البلدين.",
        "وتتواصل الغارات في العراق ثم في سوريا، حيث يسيطر تنظيم داعش على أجزاء من البلدين.",
        "وتتواصل الغارات في العراق وسوريا، حيث لم يسيطر تنظيم داعش على أجزاء من البلدين.",
        # «البلدين» not after area words: the relation of the two countries, no control
        "وتتواصل الغارات في العراق وسوريا، حيث يسيطر تنظيم داعش على الحدود بين البلدين.",
    ],
)
def test_the_two_countries_not_read(text: str) -> None:
    found = control(text)
    assert not any(o in ("العراق", "سوريا") for _a, _p, o in found), found
