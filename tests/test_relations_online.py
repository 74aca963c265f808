"""Platform and control relations on unseen news (issue 11): accounts and pages on a platform,
posts published there, "under the control of", "fell into the hands of", seized, expelled."""

from __future__ import annotations

import pytest

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.graph.build import PREDICATES
from rasd.graph.vocab import RASD


def relations(text: str) -> set[tuple[str, str, str]]:
    ex = extract_article(parse_record({"content": text}, "relations-test"))
    labels = {e.key: e.label for e in ex.entities}
    return {
        (labels.get(r.subject, r.subject), r.predicate, labels.get(r.obj, r.obj))
        for r in ex.relations
        if r.predicate not in ("jobTitle", "nationality", "affiliatedWith")
    }


def test_a_page_on_a_platform_and_a_post_there() -> None:
    found = relations(
        "وكتب الرئيس الإسرائيلي رؤوفين ريفلين على صفحته على موقع فيسبوك أنه يشعر بالخجل."
    )
    assert ("رؤوفين ريفلين", "hasAccountOn", "فيسبوك") in found
    assert ("رؤوفين ريفلين", "publishesOn", "فيسبوك") in found


def test_an_account_without_a_publishing_verb_is_only_an_account() -> None:
    found = relations("ويملك تنظيم داعش حسابات على موقع تويتر يتابعها الآلاف.")
    assert ("داعش", "hasAccountOn", "تويتر") in found
    assert not any(p == "publishesOn" for _s, p, _o in found)


def test_a_video_broadcast_on_youtube() -> None:
    found = relations("وبث تنظيم داعش تسجيلا مصورا على موقع يوتيوب يظهر فيه مقاتلوه.")
    assert ("داعش", "publishesOn", "يوتيوب") in found


def test_recruiting_through_the_internet() -> None:
    found = relations("واستغل تنظيم داعش شبكات التواصل الاجتماعي للدعاية.")
    assert ("داعش", "usesPlatform", "وسائل التواصل الاجتماعي") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقصفت الطائرات معمل الغاز في دير الزور الواقع تحت سيطرة تنظيم داعش.",
            ("داعش", "controls", "دير الزور"),
        ),
        (
            "ونزحت العائلات إلى مدينة تدمر التي سقطت بأيدي تنظيم داعش في مايو.",
            ("داعش", "seized", "مدينة تدمر"),
        ),
        (
            "وخطف تنظيم داعش العشرات، ونقلهم إلى مدينة تدمر التي سقطت بأيدي عناصره في مايو.",
            ("داعش", "seized", "مدينة تدمر"),
        ),
        (
            "واستولت القوات الكردية على مدينة تل أبيض الشهر الماضي.",
            ("القوات الكردية", "seized", "تل أبيض"),
        ),
    ],
)
def test_control_of_places(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "وقتل خمسة مدنيين في مدينة الموصل على يد تنظيم داعش.",
        "وتعيش العائلات في مناطق سيطرة النظام السوري منذ سنوات.",
    ],
)
def test_killing_by_the_hand_of_and_zones_without_a_place_are_no_control(text: str) -> None:
    assert not {r for r in relations(text) if r[1] in ("controls", "seized")}


def test_new_predicates_are_in_the_vocabulary() -> None:
    for name in ("publishesOn", "hasAccountOn", "seized"):
        assert PREDICATES[name] == RASD[name]


def test_a_place_taken_by_pronoun_and_the_side_it_was_taken_from() -> None:
    found = relations(
        "وكانت مدينة الحسكة قد سقطت في يد تنظيم داعش، ثم استولت عليها القوات الكردية "
        "الشهر الماضي من تنظيم داعش."
    )
    assert ("القوات الكردية", "seized", "الحسكة") in found
    assert ("داعش", "lostControlOf", "الحسكة") in found


def test_a_place_seized_from_a_named_force() -> None:
    found = relations("واستولى تنظيم داعش على مدينة الرمادي من القوات العراقية في مايو.")
    assert ("داعش", "seized", "الرمادي") in found
    assert ("القوات العراقية", "lostControlOf", "الرمادي") in found
    assert ("داعش", "lostControlOf", "الرمادي") not in found


def test_the_daeshi_organisation_and_daeshis_are_isis() -> None:
    assert ("داعش", "usesPlatform", "وسائل التواصل الاجتماعي") in relations(
        "ويستغل التنظيم الداعشي مواقع التواصل الاجتماعي لتجنيد الشباب."
    )
    assert ("داعش", "usesPlatform", "الإنترنت") in relations(
        "وقال الخبير إن الدواعش يجندون الصبية من خلال الإنترنت."
    )
