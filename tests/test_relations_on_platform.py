"""«… على <platform>» after a verb of saying or posting (issue 11, fifth round): the actor of
the clause publishes on the platform it speaks, threatens or posts on («ذكرت على مواقع
التواصل»، «هددا على مواقع التواصل»، «في بيان على تويتر»); not when the platform is a target
(الرقابة على الإنترنت), the talk is about someone, or another clause has its own subject."""

from __future__ import annotations

import pytest
from conftest import related


def links(text: str) -> set[tuple[str, str, str]]:
    return {t for t in related(text) if t[1] in ("usesPlatform", "publishesOn", "hasAccountOn")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "وكانت خلية تابعة لتنظيم داعش في المدينة قد ذكرت على مواقع التواصل الاجتماعي أن "
            "الهجوم بدأ.",
            ("داعش", "usesPlatform", "وسائل التواصل الاجتماعي"),
            id="said_on_social_media",
        ),
        pytest.param(
            "وتبنت جماعة بوكو حرام الهجوم في بيان على تويتر مساء الأحد.",
            ("بوكو حرام", "usesPlatform", "تويتر"),
            id="a_statement_on_twitter",
        ),
        pytest.param(
            "وكان تنظيم داعش، وحركة الشباب قد توعدا على مواقع التواصل الاجتماعي بمهاجمة المدينة.",
            ("داعش", "usesPlatform", "وسائل التواصل الاجتماعي"),
            id="threatened_on_social_media_across_a_coordinating_comma",
        ),
        pytest.param(
            "وكانت حركة الشباب، ومجموعات «أنصار الجهاد» قد توعدت على مواقع التواصل الاجتماعي "
            "بمهاجمة الفندق.",
            ("حركة الشباب", "usesPlatform", "وسائل التواصل الاجتماعي"),
            id="across_a_comma_before_a_coordinated_subject_rasd_does_not_name",
        ),
        pytest.param(
            'وقال "خالد المطيري" الكاتب الأشهر على موقع تويتر إنه سيواصل الكتابة.',
            ("خالد المطيري", "usesPlatform", "تويتر"),
            id="the_verb_right_before_a_quoted_name",
        ),
        pytest.param(
            "وبث المصمم الرئيسي بالشركة جون مارتن الشعار الجديد على موقع تويتر.",
            ("جون مارتن", "usesPlatform", "تويتر"),
            id="broadcast_by_the_subject_after_the_verb",
        ),
        pytest.param(
            "وكان أحمد الزهراني (30 عاما) من سكان مدينة جدة في منطقة مكة (غرب المملكة) يكتب على "
            "فيسبوك منشورات متطرفة.",
            ("أحمد الزهراني", "usesPlatform", "فيسبوك"),
            id="wrote_on_facebook_past_parentheses",
        ),
    ],
)
def test_on_platform(text: str, expected: tuple[str, str, str]) -> None:
    found = links(text)
    assert expected in found
    assert (expected[0], "publishesOn", expected[2]) in found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وشددت الحكومة المصرية الرقابة على الإنترنت بعد الهجوم.", id="censorship"),
        pytest.param("ولم تعلق وزارة الداخلية على تويتر حتى الآن.", id="negated"),
        pytest.param(
            "وأدانت وزارة الداخلية الهجمات الإلكترونية على مواقع التواصل الاجتماعي.",
            id="an_attack_on_the_platform",
        ),
        pytest.param(
            "ولدى شركة أمازون بيانات بشأن المشتريات على الإنترنت.",
            id="data_is_no_statement",
        ),
        pytest.param(
            "وأثار تصريح الوزير خالد العمري جدلا واسعا على تويتر.",
            id="a_debate_about_someone_is_not_his_post",
        ),
        pytest.param(
            "وقالت شركة سامسونج إنه جرى تداول صور الهاتف الجديد على الإنترنت.",
            id="another_clause_after_a_complementizer",
        ),
        pytest.param(
            "وقال المدرب جوزيه مورينيو لموقع النادي على الإنترنت إن الفريق جاهز.",
            id="he_spoke_to_a_site_on_the_internet",
        ),
        pytest.param(
            "ونشر المتطرف تهديدا للممثل ناصر القصبي على تويتر.",
            id="the_person_threatened_is_no_author",
        ),
        pytest.param(
            "وتبنت حركة الشباب التفجير في بيان، وسخر مدونون على فيسبوك من البيان.",
            id="the_actor_of_the_clause_before_the_comma",
        ),
        pytest.param(
            "وحسب ما ذكرت الصحيفة فإن حركة حماس تتعرض لانتقادات واسعة على تويتر.",
            id="a_verb_not_right_before_the_actor_is_not_his",
        ),
        pytest.param(
            "ويتابع تنظيم داعش تسجيلا تم بث أجزاء منه أمس على يوتيوب.",
            id="a_passive_publishing_verb_has_no_actor",
        ),
    ],
)
def test_no_link_when_the_platform_is_a_target(text: str) -> None:
    assert not links(text)


def test_a_tweet_by_a_minister_named_after_his_title() -> None:
    found = links("وغرد في الوسم وزير الإسكان ماجد بن عبدالله الحقيل «حفظ الله بلادنا من كل سوء».")
    assert ("ماجد بن عبدالله الحقيل", "usesPlatform", "تويتر") in found


def test_a_tweet_does_not_reach_past_another_name() -> None:
    found = links("وغرد عن الحادث الذي شهدته مدينة أبها وزير الإسكان ماجد الحقيل بكلمات مؤثرة.")
    assert not any(s == "ماجد الحقيل" for s, _p, _o in found)


@pytest.mark.parametrize(
    ("text", "actor", "platform"),
    [
        # «، وقالت في رسالة لها على …»: a verb of saying with no subject of its own
        (
            "وأعلنت جماعة بوكو حرام مسؤوليتها عن التفجير، وقالت في رسالة لها على يوتيوب إن "
            "مقاتليها نفذوا الهجوم.",
            "بوكو حرام",
            "يوتيوب",
        ),
        # «… وذلك في بيان نشر على الإنترنت»: the subject of the sentence's first verb
        (
            "تبنت حركة الشباب الصومالية الهجوم على قاعدة عسكرية في مقديشو أسفر عن مقتل عشرات "
            "الجنود وذلك في بيان نشر على الإنترنت مساء أمس.",
            "حركة الشباب",
            "الإنترنت",
        ),
    ],
)
def test_a_clause_with_no_subject_takes_the_subject_of_its_sentence(
    text: str, actor: str, platform: str
) -> None:
    assert (actor, "publishesOn", platform) in links(text)


def test_no_running_subject_when_the_sentence_names_two_actors() -> None:
    found = links("وأعلنت وزارة الداخلية اعتقال عضو في تنظيم داعش، وذلك بعد نشره صورا على فيسبوك.")
    assert not any(s == "وزارة الداخلية" for s, _p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # «وذلك بحسب ما نشره ناشطون على فيسبوك»: the activists posted, not the sentence's subject
        "قتل تنظيم داعش ثلاثة جنود، وذلك بحسب ما نشره ناشطون على فيسبوك.",
        "قتل تنظيم داعش ثلاثة جنود، وذلك وفق ما نشره ناشطون على فيسبوك.",
        # a plural participle subject of its own between «وذلك» and «على»
        "قتل تنظيم داعش ثلاثة جنود، وذلك بعد أن نشر ناشطون صورا على فيسبوك.",
    ],
)
def test_no_running_subject_across_according_to_or_a_subject_of_its_own(text: str) -> None:
    assert not any(s == "داعش" for s, _p, _o in links(text)), links(text)
