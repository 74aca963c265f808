"""Entities, pass 18 (issue 11): resolution read in unseen15's misses.  Every sentence here
was written for the test (none is copied from a corpus)."""

from __future__ import annotations

from conftest import control, extract_text


def _mentions(text: str) -> set[tuple[str, str, str]]:
    return {(m.surface, m.cls, m.key) for m in extract_text(text).mentions}


def test_the_singular_of_a_named_group_is_that_group() -> None:
    found = _mentions("وقاتل الحوثيون في عدن، ثم انسحب الحوثي من المدينة.")
    assert ("الحوثي", "Organization", "جماعه الحوثي") in found


def test_the_singular_is_the_surname_of_a_person_named() -> None:
    found = _mentions("وقال عبد الملك الحوثي إن الحوثيين لن يتراجعوا وإن الحوثي باق.")
    assert ("الحوثي", "Person", "عبد الملك الحوثي") in found
    assert ("الحوثي", "Organization", "جماعه الحوثي") not in found


def test_no_singular_without_the_group_named() -> None:
    assert not {m for m in _mentions("وقال الحوثي في خطاب إن جماعته باقية.") if m[0] == "الحوثي"}


def test_the_grip_of_the_singular_holds_the_places_listed() -> None:
    found = control(
        "وبعد تطهير عدن من الحوثيين والمرتزقة، تتجه المقاومة الآن لتخليص لحج وتعز وأبين "
        "من قبضة الحوثي."
    )
    for place in ("محافظة لحج", "تعز", "محافظة أبين"):
        assert ("جماعة الحوثي", "controls", place) in found


def test_a_quoted_name_after_a_place_noun_stays_a_place() -> None:
    found = control(
        "وأعدم تنظيم داعش عددا من عناصره إثر خسارته مدينة “منبج” لصالح قوات سوريا الديمقراطية."
    )
    assert ("داعش", "lostControlOf", "منبج") in found
    assert ("قوات سوريا الديمقراطية", "seized", "منبج") in found


def test_a_quoted_city_name_alone_is_still_a_newspaper() -> None:
    assert ("الرياض", "Organization", "صحيفه الرياض") in _mentions(
        "وقال مراسل «الرياض» إن الوضع هادئ."
    )
