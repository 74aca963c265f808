"""Control of places, pass 26 (issue 11): the noun «سيطرة X على Y», «مناطق سيطرة X في Y», a
direction right after «على», and a possessive «لسيطرته» in a relative clause.  Every sentence
here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    ("text", "actor", "pred", "place"),
    [
        # the noun with its actor after it and «على»: a state of control
        ("وتسببت سيطرة تنظيم داعش على مدينة الرقة في نزوح الآلاف.", "داعش", "controls", "الرقة"),
        (
            "ودفعت سيطرة تنظيم داعش الإرهابي على مناطق واسعة في العراق الدول إلى التحالف.",
            "داعش",
            "controls",
            "العراق",
        ),
        ("وقال إن سيطرة الحوثيين على صنعاء كانت انقلابا.", "الحوثي", "controls", "صنعاء"),
        ("وتحدث التقرير عن سيطرة «داعش» على أجزاء من سوريا.", "داعش", "controls", "سوريا"),
        # after an onset word: a seizure
        ("وفر الآلاف بعد سيطرة تنظيم داعش على مدينة الموصل.", "داعش", "seized", "الموصل"),
        ("ونزح السكان منذ سيطرة الحوثيين على صنعاء.", "الحوثي", "seized", "صنعاء"),
        ("وعند سيطرة تنظيم داعش على شمال العراق هرب السكان.", "داعش", "seized", "العراق"),
        # areas under its control, the places after «في»
        (
            "وسافرت الفتاة إلى مناطق سيطرة تنظيم داعش ولا سيما في سوريا.",
            "داعش",
            "controls",
            "سوريا",
        ),
        ("وانتقل المقاتلون إلى مناطق سيطرة تنظيم داعش في العراق.", "داعش", "controls", "العراق"),
    ],
)
def test_the_noun_of_control_with_its_object(text: str, actor: str, pred: str, place: str) -> None:
    found = control(text)
    assert any(actor in a and p == pred and pl == place for a, p, pl in found), found


@pytest.mark.parametrize(
    "text",
    [
        # prevented, feared, hoped for, rejected: no control
        "وحالت الغارات دون سيطرة تنظيم داعش على مدينة الحسكة.",
        "وتتزايد المخاوف من سيطرة تنظيم داعش على مدينة الحسكة.",
        "ويخشى الأهالي سيطرة تنظيم داعش على مدينة الحسكة.",
        "وتهدف الغارات لمنع سيطرة تنظيم داعش على مدينة الحسكة.",
        "وأكد رفض سيطرة الحوثيين على صنعاء.",
        "وحذر من خطر سيطرة تنظيم داعش على مدينة الحسكة.",
        "وطالب بعدم سيطرة الحوثيين على صنعاء.",
        # «إلى» right before the noun still blocks it
        "ويسعى الجيش إلى سيطرة كاملة على مدينة الحسكة.",
        # no «على» after the actor, or a place merely located
        "وتحدث عن سيطرة تنظيم داعش في خطابه بمدينة الحسكة.",
        "وأكد أن سيطرة تنظيم داعش انتهت في مدينة الحسكة.",
        # the noun alone with no area word before «في»: located, not controlled
        "وانتقدت الصحيفة سيطرة الحكومة في مصر.",
        # not the noun's object: a place after a comma of another clause
        "وتحدث عن سيطرة تنظيم داعش على عقول الشباب، وقال إن العراق يواجه خطرا.",
    ],
)
def test_no_control_by_the_noun(text: str) -> None:
    assert not control(text), control(text)


def test_a_direction_right_after_on_names_a_part_of_the_place() -> None:
    assert ("داعش", "seized", "العراق") in control("وسيطر تنظيم داعش على شمال العراق.")
    assert not control("وشن الطيران غارات على شمال العراق.")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "وأعلنت جماعة بوكو حرام ولاءها لتنظيم «داعش» الذي أعلن قيام «خلافة» على الأراضي "
            "الخاضعة لسيطرته في العراق وسوريا.",
            {"العراق", "سوريا"},
        ),
        (
            "وبايعت جماعة بوكو حرام تنظيم داعش الذي يفرض قوانينه على المناطق الخاضعة "
            "لسيطرته في سوريا.",
            {"سوريا"},
        ),
    ],
)
def test_a_possessive_in_a_relative_clause(text: str, places: set[str]) -> None:
    found = control(text)
    assert {p for a, pred, p in found if a == "داعش" and pred == "controls"} == places, found
    assert not any("بوكو" in a for a, _p, _pl in found), found


def test_a_possessive_that_does_not_agree_with_the_relative() -> None:
    text = (
        "وبايعت جماعة بوكو حرام تنظيم داعش الذي يفرض قوانينه على المناطق الخاضعة لسيطرتها في سوريا."
    )
    assert not control(text), control(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an active expulsion in a relative clause: its subject took the place, its object lost it
        (
            "وزار الوفد بلدة تل أبيض التي طردت منها القوات الكردية مقاتلي تنظيم داعش.",
            {("القوات الكردية", "seized", "تل أبيض"), ("داعش", "lostControlOf", "تل أبيض")},
        ),
        # a time phrase between the subject and the object, an aside in parentheses
        (
            "وزار الوفد بلدة عين العرب (كوباني) الحدودية، التي طردت منها القوات الكردية في "
            "نهاية يونيو مقاتلي تنظيم داعش.",
            {("القوات الكردية", "seized", "عين العرب"), ("داعش", "lostControlOf", "عين العرب")},
        ),
        # a withdrawal, and the pronoun past the area words of the object
        (
            "وزار الوزير مدينة تكريت التي انسحب منها تنظيم داعش.",
            {("داعش", "lostControlOf", "تكريت")},
        ),
        (
            "والتقى الوزير وفدا من محافظة نينوى، والتي يسيطر تنظيم داعش على مساحات واسعة منها.",
            {("داعش", "controls", "نينوى")},
        ),
    ],
)
def test_a_place_resumed_by_a_pronoun_after_the_verb(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {(a, p, pl.replace("محافظة ", "")) for a, p, pl in control(text)}
    assert expected <= found, found


@pytest.mark.parametrize(
    "text",
    [
        # passive or no object: who expelled them is not named
        "وزار الوفد بلدة تل أبيض التي طردت منها القوات الكردية.",
        # a pronoun that does not agree with the relative, another preposition
        "وزار الوزير مدينة تكريت التي انسحب منه تنظيم داعش.",
        "وزار الوزير مدينة تكريت التي قتل فيها تنظيم داعش العشرات.",
        # a clause break between the verb and the pronoun
        "وزار الوزير مدينة تكريت التي يسيطر تنظيم داعش على مناطق قريبة، وخرج منها سالما.",
    ],
)
def test_no_resumed_place(text: str) -> None:
    assert not control(text), control(text)


def test_no_resumed_place_at_the_end_of_a_list() -> None:
    # the relative may qualify the province named before the list, not its last item
    text = (
        "وزار الوزير الأنبار، كبرى المحافظات والمحاذية لسوريا والأردن والسعودية، والتي يسيطر "
        "تنظيم داعش على مساحات واسعة منها."
    )
    assert not any(p == "السعودية" for _a, _p, p in control(text)), control(text)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # places listed after the object by an opener or «لا سيما»
        (
            "ويسيطر تنظيم داعش على مناطق واسعة في محافظة نينوى بينها مدن رئيسية مثل الموصل "
            "وتلعفر، فيما تتقدم القوات.",
            {"الموصل", "تلعفر"},
        ),
        (
            "ويسيطر تنظيم داعش على مناطق في محافظة نينوى، لا سيما مدينة الموصل وتلعفر.",
            {"الموصل", "تلعفر"},
        ),
        ("ويسيطر تنظيم داعش على مناطق في محافظة نينوى، ولاسيما الموصل.", {"الموصل"}),
    ],
)
def test_places_listed_after_the_object(text: str, places: set[str]) -> None:
    found = {p for a, pred, p in control(text) if a == "داعش" and pred == "controls"}
    assert places <= found, control(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # another word first: the place after it is no item of the list
        ("ويسيطر تنظيم داعش على مناطق في محافظة نينوى، خاصة بعد معارك في الموصل.", "الموصل"),
        # a place after the list not joined by «و»
        ("ويسيطر تنظيم داعش على مناطق في نينوى، لا سيما الموصل، ثم زار الوزير بغداد.", "بغداد"),
    ],
)
def test_no_place_listed_after_the_object(text: str, place: str) -> None:
    assert not any(p == place for _a, _p, p in control(text)), control(text)
