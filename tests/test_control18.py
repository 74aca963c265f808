"""Control of places, pass 18 (issue 11): constructions read in unseen15's misses, and
hypothetical sentences that assert no control.  Every sentence here was written for the test
(none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    "text",
    [
        # a condition (إذا، لو، في حال) with its clitics و/ف, diacritics and tatweel
        "وإذا سيطر تنظيم داعش على مدينة الرمادي فستسقط المحافظة كلها.",
        "وحذر الضابط من أنه إذا ما سيطر تنظيم داعش على مدينة الرمادي فستسقط المحافظة.",
        "فإذا سيـــطر تنظيم داعش على مدينة الرمادي سقطت المحافظة.",
        "ولَوْ سَيْطَرَ تنظيم داعش على مدينة الرمادي لسقطت المحافظة كلها.",
        "وفي حال سيطر تنظيم داعش على مدينة الرمادي ستسقط المحافظة.",
        "واذا استولى تنظيم داعش على مدينة الرمادي ستسقط المحافظة.",
        # «قد» before a present verb: it may happen
        "وقال الضابط إن تنظيم داعش قد يسيطر على مدينة الرمادي خلال أيام.",
        # negated and attempted (these passed before this pass too)
        "ولم يسيطر تنظيم داعش على مدينة الرمادي حتى الآن.",
        "وفشلت محاولة تنظيم داعش السيطرة على مدينة الرمادي.",
        "ويحاول تنظيم داعش السيطرة على مدينة الرمادي.",
    ],
)
def test_a_hypothetical_or_negated_taking_asserts_no_control(text: str) -> None:
    assert not control(text)


@pytest.mark.parametrize(
    "text",
    [
        # «قد» before a past verb: it has happened
        "وكان تنظيم داعش قد سيطر على مدينة الرمادي في الربيع الماضي.",
        "وسيطر تنظيم داعش على مدينة الرمادي بعد معارك عنيفة.",
    ],
)
def test_a_taking_done_is_still_found(text: str) -> None:
    assert ("داعش", "seized", "الرمادي") in control(text)


@pytest.mark.parametrize(
    "text",
    [
        "وتتجه المقاومة الآن لتخليص لحج وتعز وأبين من قبضة الحوثيين.",
        "وتتجه المقاومة الآن لتحرير لحج وتعز، وأبين من قبضة الحوثيين.",
        # a place rasd does not know in the list («ولمنار») does not end it
        "وتتجه المقاومة الآن لتخليص لحج وتعز ولمنار وأبين من قبضة الحوثيين.",
    ],
)
def test_every_place_listed_before_the_grip_is_held_by_its_holder(text: str) -> None:
    found = control(text)
    for place in ("محافظة لحج", "تعز", "محافظة أبين"):
        assert ("جماعة الحوثي", "controls", place) in found


def test_a_place_after_the_grip_is_not_listed() -> None:
    found = control("وتسعى المقاومة لتخليص لحج من قبضة الحوثيين قبل دخول تعز.")
    assert ("جماعة الحوثي", "controls", "محافظة لحج") in found
    assert ("جماعة الحوثي", "controls", "تعز") not in found


def test_a_second_clause_ends_the_list() -> None:
    found = control("وتسعى المقاومة لتخليص لحج وقصفت الطائرات تعز وأبين من قبضة الحوثيين.")
    assert not {t for t in found if t[2] in ("تعز", "محافظة أبين")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وخسر تنظيم داعش مدينة منبج لصالح قوات سوريا الديمقراطية.", "منبج"),
        # the noun of losing with the pronoun of its actor, after the actor named
        (
            "وأعدم تنظيم داعش عددا من عناصره بعد خسارته مدينة الرمادي لصالح الجيش العراقي.",
            "الرمادي",
        ),
        # an apposition between the place and «لصالح»
        (
            "وقبل ذلك خسر تنظيم داعش مدينة الرمادي (غرب بغداد)، والتي تقع على نهر الفرات، "
            "لصالح الجيش العراقي.",
            "الرمادي",
        ),
    ],
)
def test_the_side_a_loss_went_to_seized_the_place(text: str, place: str) -> None:
    found = control(text)
    assert ("داعش", "lostControlOf", place) in found
    gainer = "قوات سوريا الديمقراطية" if place == "منبج" else "الجيش العراقي"
    assert (gainer, "seized", place) in found


def test_a_feared_loss_is_no_loss() -> None:
    assert not control("ويخشى تنظيم داعش خسارة مدينة الرمادي لصالح الجيش العراقي.")


def test_a_second_cue_ends_the_reach_of_the_gainer() -> None:
    found = control(
        "وخسر تنظيم داعش مدينة الرمادي ثم سيطر على بلدة هيت لصالح الجيش العراقي في بيان."
    )
    assert ("الجيش العراقي", "seized", "الرمادي") not in found
