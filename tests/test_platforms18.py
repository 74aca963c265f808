"""Platform links, eighteenth round (issue 11): the generic internet under its other names,
named actors the lexicon did not know, «كتب:» in an article of tweets.  Sentences written
for these tests (clitics, hamza and alef variants, tatweel, diacritics)."""

from __future__ import annotations

import pytest
from conftest import related


def platform_links(text: str) -> set[tuple[str, str, str]]:
    wanted = ("usesPlatform", "publishesOn", "hasAccountOn", "actedAgainst")
    return {t for t in related(text) if t[1] in wanted}


#: these aliases were tried and dropped (plat18): each new generic mention is a Platform entity
#: the gold never lists (guideline §1), so entity precision of the transfer sum fell
DROPPED = pytest.mark.xfail(
    strict=True, reason="generic internet aliases dropped: entity P (bench/platforms18)"
)


@DROPPED
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ويجند تنظيم داعش الشباب عبر الشبكة العنكبوتية.", id="spider_web"),
        pytest.param("ويجنّد تنظيم داعش الشباب عبر الشبكة العنكبوتيـة.", id="tatweel_diacritic"),
        pytest.param(
            "واستخدم تنظيم داعش المواقع الالكترونية لنشر دعايته.", id="websites_bare_alef"
        ),
        pytest.param(
            "واستخدم تنظيم داعش المواقع الإلكترونية لنشر دعايته.", id="websites_hamza_alef"
        ),
        pytest.param("ويستغل تنظيم داعش الفضاء الإلكتروني للتجنيد.", id="cyberspace"),
    ],
)
def test_the_internet_under_its_other_names(text: str) -> None:
    assert ("داعش", "usesPlatform", "الإنترنت") in platform_links(text)


def test_a_negated_use_of_the_spider_web_is_no_link() -> None:
    assert not platform_links("ولم يستخدم تنظيم داعش الشبكة العنكبوتية للتجنيد.")


@pytest.mark.xfail(
    strict=True, reason="«الرقة تذبح بصمت» not in the lexicon: entity P (bench/platforms18)"
)
def test_a_campaign_known_by_name_has_a_page_on_a_platform() -> None:
    found = platform_links(
        "وأوردت حملة “الرقة تذبح بصمت” على صفحتها على “فيسبوك” أن التنظيم منع الإنترنت."
    )
    assert ("الرقة تذبح بصمت", "hasAccountOn", "فيسبوك") in found


def test_a_militia_known_by_name_threatens_on_social_media() -> None:
    found = platform_links(
        "وكانت ميليشيات «فجر ليبيا» قد هددت على مواقع التواصل الاجتماعي بهدم الجدار."
    )
    assert ("فجر ليبيا", "publishesOn", "وسائل التواصل الاجتماعي") in found


TWEETS = (
    "وتفاعل المسؤولون مع الهجوم على تويتر. وغرد وزير الخارجية سالم العتيبي قائلا: «حفظ الله "
    "بلادنا». "
)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        pytest.param(
            "وكتب وزير الصحة الدكتور فهد بن عبدالله الزهراني: «رحم الله الشهداء».",
            "فهد بن عبدالله الزهراني",
            id="verb_first_title_then_name",
        ),
        pytest.param(
            "الدكتور فهد بن عبدالله الزهراني وزير الصحة كتب: «رحم الله الشهداء».",
            "فهد بن عبدالله الزهراني",
            id="name_then_verb",
        ),
        pytest.param(
            "فكتب الدّكتور فهد بن عبدالله الزهراني: «رحم الله الشهداء».",
            "فهد بن عبدالله الزهراني",
            id="fa_clitic_and_diacritic",
        ),
    ],
)
def test_wrote_in_an_article_of_tweets_is_a_tweet(sentence: str, who: str) -> None:
    assert (who, "publishesOn", "تويتر") in platform_links(TWEETS + sentence)


def test_wrote_in_an_article_without_tweets_is_no_post_on_twitter() -> None:
    text = (
        "وأغلقت شركة تويتر حسابات. "
        "وكتب وزير الصحة الدكتور فهد بن عبدالله الزهراني: «رحم الله الشهداء»."
    )
    assert not any(s.startswith("فهد") for s, _p, _o in platform_links(text))


def test_wrote_in_his_column_is_no_tweet() -> None:
    text = TWEETS + "وكتب الدكتور فهد بن عبدالله الزهراني في مقاله الأسبوعي أن الإرهاب لا دين له."
    assert not any(s.startswith("فهد") for s, _p, _o in platform_links(text))


def test_did_not_write_is_no_tweet() -> None:
    text = TWEETS + "ولم يكتب الدكتور فهد بن عبدالله الزهراني: «شيئا»."
    assert not any(s.startswith("فهد") for s, _p, _o in platform_links(text))


def test_two_actors_joined_over_a_head_both_threaten_on_social_media() -> None:
    found = platform_links(
        "وكان تنظيم القاعدة اليمن، وميليشيات «فجر ليبيا» قد هددا على مواقع التواصل الاجتماعي "
        "بضرب المصالح الغربية."
    )
    assert ("القاعدة", "publishesOn", "وسائل التواصل الاجتماعي") in found
    assert ("فجر ليبيا", "publishesOn", "وسائل التواصل الاجتماعي") in found


def test_an_actor_named_in_a_prepositional_phrase_is_not_joined() -> None:
    found = platform_links(
        "وكان الهجوم على تنظيم القاعدة، وميليشيات «فجر ليبيا» قد هددت على مواقع التواصل "
        "الاجتماعي بالرد."
    )
    assert not any(s == "القاعدة" for s, _p, _o in found)


def test_wrote_in_an_article_that_names_an_op_ed_is_no_tweet() -> None:
    text = (
        TWEETS + "وردّ العتيبي على مقال رأي كتبته الوزيرة. "
        "وكتبت الوزيرة سلمى الحربي: «التعاون يفتح احتمالات جديدة»."
    )
    assert not any(s.startswith("سلمى") for s, _p, _o in platform_links(text))


def test_written_about_a_quoted_name_is_no_tweet() -> None:
    text = TWEETS + 'وكُتب عن اللاعب "فهد الزهراني" في منهج دراسي كقدوة رياضية.'
    assert not any("الزهراني" in s for s, _p, _o in platform_links(text))
