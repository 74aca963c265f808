"""Platform and control relations on unseen news (issue 11): accounts and pages on a platform,
posts published there, "under the control of", "fell into the hands of", seized, expelled."""

from __future__ import annotations

import pytest
from conftest import related

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.graph.build import PREDICATES
from rasd.graph.vocab import RASD


def relations(text: str) -> set[tuple[str, str, str]]:
    return {t for t in related(text) if t[1] not in ("jobTitle", "nationality", "affiliatedWith")}


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "وبث تنظيم داعش تسجيلا مصورا على موقع يوتيوب يظهر فيه مقاتلوه.",
            ("داعش", "publishesOn", "يوتيوب"),
            id="a_video_broadcast_on_youtube",
        ),
        pytest.param(
            "واستغل تنظيم داعش شبكات التواصل الاجتماعي للدعاية.",
            ("داعش", "usesPlatform", "وسائل التواصل الاجتماعي"),
            id="recruiting_through_the_internet",
        ),
        pytest.param(
            "وقال بيان صادر عن وزارة الداخلية المصرية على موقع التواصل الاجتماعي (فيس بوك) اليوم "
            "إنه تم ضبط 24 من العناصر.",
            ("وزارة الداخلية المصرية", "publishesOn", "فيسبوك"),
            id="a_statement_issued_by_a_ministry_on_a_platform",
        ),
        pytest.param(
            "وهو ما تدعو له الجماعات الإرهابية، وتتبناه داعش بغطاء ديني، يظهر في تسجيلاتها "
            "وحملاتها الإعلامية على الإنترنت.",
            ("داعش", "publishesOn", "الإنترنت"),
            id="its_recordings_on_the_internet_across_a_comma",
        ),
        pytest.param(
            "وقد أسست الإمارات مع الولايات المتحدة مركزا لمواجهة الدعاية الإعلامية لتنظيم داعش "
            "على الإنترنت.",
            ("داعش", "usesPlatform", "الإنترنت"),
            id="the_propaganda_of_an_organisation_on_the_internet",
        ),
        pytest.param(
            "وهو ما ذكره المنتحر عبد الله الرشيد في إحدى تغريداته بتويتر.",
            ("عبد الله الرشيد", "usesPlatform", "تويتر"),
            id="a_tweet_with_its_pronoun",
        ),
        pytest.param(
            'نفت وزارة الداخلية تلك المعلومات. وقالت الوزارة في تغريدة لها "المتحدث الأمني يؤكد '
            'عدم تعرض أي مقر آخر لمحاولة تفجير".',
            ("وزارة الداخلية", "usesPlatform", "تويتر"),
            id="a_tweet_in_a_statement_is_the_speakers",
        ),
        pytest.param(
            "وتشير تقارير إعلامية إلى أن تنظيم داعش يملك آلاف الصفحات على مواقع التواصل الاجتماعي "
            "بلغات عدة.",
            ("داعش", "hasAccountOn", "وسائل التواصل الاجتماعي"),
            id="the_pages_of_an_organisation_on_social_media",
        ),
        pytest.param(
            "وحذفت شركة تويتر مئات الحسابات المرتبطة بتنظيم داعش.",
            ("تويتر", "actedAgainst", "داعش"),
            id="a_platform_company_acts_against_the_organisation",
        ),
        pytest.param(
            "وتم حظر حسابات داعش على تويتر بعد نشر الفيديو.",
            ("تويتر", "actedAgainst", "داعش"),
            id="a_passive_ban_still_names_the_platform_and_the_banned",
        ),
    ],
)
def test_platform_link(text: str, expected: tuple[str, str, str]) -> None:
    """One sentence, one platform link it must give."""
    assert expected in relations(text)


def test_a_platform_after_its_description_and_an_official_account() -> None:
    found = relations(
        "وكتب الإعلامي فيصل القاسم عبر حسابه الرسمي على موقع التواصل الاجتماعي “فيس بوك”: "
        "“كل شيء يبدو رخيصاً”."
    )
    assert ("فيصل القاسم", "hasAccountOn", "فيسبوك") in found
    assert ("فيصل القاسم", "publishesOn", "فيسبوك") in found


def test_an_account_with_no_platform_named_is_on_the_articles_platform() -> None:
    text = (
        "استنكر مغردون على برنامج التواصل الاجتماعي تويتر حادثة التفجير. "
        'وكتب بدر الشمري في حسابه "لا يوجد أصعب من أنك تواجه عدوا جبانا".'
    )
    found = relations(text)
    assert ("بدر الشمري", "hasAccountOn", "تويتر") in found
    assert ("بدر الشمري", "publishesOn", "تويتر") in found
    # «وصف فلان في حسابه أن …»: no verb of publishing, but a post in the account
    described = relations(text.replace("وكتب بدر الشمري", "ووصف بدر الشمري"))
    assert ("بدر الشمري", "publishesOn", "تويتر") in described
    # two platforms named in the article: which one is not known, no link
    two = relations(text.replace("تويتر حادثة", "تويتر وفيسبوك حادثة"))
    assert not any(s == "بدر الشمري" for s, _p, _o in two)


def test_an_unknown_subject_does_not_hand_its_account_to_the_sentence_before() -> None:
    found = relations(
        "وتشارك تركيا في الحرب ضد تنظيم داعش. وكتبت البعثة الأميركية لدى الحلف الأطلسي في "
        "حسابها على «تويتر»: «تم نشر ست طائرات»."
    )
    assert not any(s == "داعش" for s, _p, _o in found)


def test_a_list_of_handles_after_a_colon_are_accounts_on_the_platform_of_their_adjective() -> None:
    text = (
        "تم القبض على 144 شخصاً من مروجي الفكر الداعشي من خلال حسابات تويترية أمثال حسابات: "
        "داعشي وافتخر، بعت الدنيا، جنون الاستشهاد، جليبيب الجزراوي (من هدد ناصر القصبي "
        "بالقتل)، حزام ناسف."
    )
    ex = extract_article(parse_record({"content": text}, "relations-test"))
    accounts = {e.label for e in ex.entities if e.cls == "Account"}
    assert {"داعشي وافتخر", "بعت الدنيا", "جنون الاستشهاد", "حزام ناسف"} <= accounts
    found = relations(text)
    assert ("حزام ناسف", "onPlatform", "تويتر") in found
    # a sentence after a colon is no list of handles
    assert not any(
        e.cls == "Account"
        for e in extract_article(
            parse_record(
                {"content": "وأغلقت الشركة حسابات: وقالت إن التنظيم استخدمها للدعاية والتجنيد."},
                "relations-test",
            )
        ).entities
    )


@pytest.mark.parametrize(
    "text",
    [
        # a verb with an object pronoun: the noun before it is its object, not its subject
        "وبذا نستفيد من الآلية التي تستخدمها وزارة الداخلية لتحديد هوية الذين يختبئون وراء "
        "أسماء مستعارة في تويتر والفيسبوك.",
        "وبينت الدراسة، التي نشرها موقع «الجزيرة.نت»، أن أتباع الديانة يستحوذون على الكنائس.",
    ],
)
def test_an_object_pronoun_is_no_platform_link(text: str) -> None:
    assert not any(p in ("usesPlatform", "publishesOn") for _s, p, _o in relations(text))


def test_an_aside_between_dashes_hides_its_own_actor() -> None:
    found = relations(
        "التنظيم الداعشي الإرهابي -كما جاء في بيان وزارة الداخلية الأخير- كان يجند الصبية "
        "من خلال الإنترنت."
    )
    assert ("داعش", "usesPlatform", "الإنترنت") in found
    assert not any(s == "وزارة الداخلية" for s, _p, _o in found)


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


# --- platform links on unseen news: lists, appositions, pronouns, and no link -----------------


def test_a_list_of_platforms_after_a_verb_of_use() -> None:
    found = relations(
        "واستخدم تنظيم داعش مختلف وسائل الإعلام، وخاصة الإنترنت وشبكات التواصل الاجتماعي مثل "
        "تويتر، الفيسبوك، يوتيوب وأنستغرام."
    )
    for platform in ("تويتر", "فيسبوك", "يوتيوب", "إنستغرام", "الإنترنت"):
        assert ("داعش", "usesPlatform", platform) in found


def test_a_title_between_commas_does_not_hide_the_platform() -> None:
    found = relations(
        "من جهته، كتب بريت ماكغيرك، نائب المبعوث الرئاسي الخاص للتحالف الدولي لمواجهة تنظيم "
        "داعش، على «تويتر» أنه «لا توجد صلة بين الغارات»."
    )
    assert ("بريت ماكغيرك", "publishesOn", "تويتر") in found
    assert not any(s == "داعش" for s, _p, _o in found)


def test_accounts_of_its_supporters_make_the_organisation_use_the_platform() -> None:
    found = relations(
        "من جهته، سرعان ما بدأ تنظيم داعش بشن حملة إعلامية ضد تركيا بعد الغارات الجوية التي "
        "طالت مواقعه عبر حسابات مناصريه على وسائل التواصل الاجتماعي."
    )
    assert ("داعش", "usesPlatform", "وسائل التواصل الاجتماعي") in found
    assert ("داعش", "hasAccountOn", "وسائل التواصل الاجتماعي") not in found


@pytest.mark.parametrize(
    "text",
    [
        # a possessive whose owner is not named in its clause: no guess («حسابها» is not داعش)
        "نشرت الولايات المتحدة مقاتلات دعماً للتصدي لتنظيم داعش، وفق ما أعلنت البعثة الأمريكية "
        "أمس الأحد على حسابها على موقع تويتر.",
        # «عبر» before something that is not the platform («عبر إرسال دوريات … لمحلات الإنترنت»)
        "وأكد المرصد أن داعش يعتقل كل من ينشر أخبار التنظيم عبر إرسال دوريات ومداهمات متتالية "
        "لمحلات الإنترنت.",
        # a passive publication names no publisher
        "وأضافت أن شوداري متهم بالدعوة إلى دعم التنظيم خلال ندوات خاصة تم نشرها لاحقا على "
        "الإنترنت.",
        # the Internet is no company acting against anyone
        "ويأتي قرار حظر بث الإنترنت في الفضاء العام ضمن إجراءات مشددة يفرضها التنظيم على سكان "
        "مدينة الرقة.",
        # a call for action is no link
        "ودعا الكاتب إلى حجب مواقع التواصل الاجتماعي.",
    ],
)
def test_no_platform_link(text: str) -> None:
    assert not {r for r in relations(text) if r[1] in PLATFORM_PREDICATES}, relations(text)


PLATFORM_PREDICATES = ("usesPlatform", "publishesOn", "hasAccountOn", "actedAgainst", "operates")


# --- websites and accounts as nodes ------------------------------------------------------------


def entities(text: str) -> dict[str, str]:
    ex = extract_article(parse_record({"content": text}, "relations-test"))
    return {e.label: e.cls for e in ex.entities}


def test_an_official_website_and_what_its_owner_published_there() -> None:
    text = "وجاء في البيان المنشور على الموقع الرسمي لوزارة الداخلية أن الحادث وقع فجر أمس."
    assert entities(text).get("الموقع الرسمي لوزارة الداخلية") == "Website"
    found = relations(text)
    assert ("وزارة الداخلية", "operates", "الموقع الرسمي لوزارة الداخلية") in found
    assert ("وزارة الداخلية", "publishesOn", "الموقع الرسمي لوزارة الداخلية") in found


def test_the_website_of_a_channel_is_the_channels() -> None:
    text = (
        "وبيّن النشطاء أن القيادي مسؤول عن الزكاة في مدينة الشدادي، بحسب ما ذكر موقع قناة "
        "«المتوسط» التونسية."
    )
    ents = entities(text)
    assert ents.get("موقع قناة المتوسط") == "Website"
    assert ents.get("قناة المتوسط") == "Organization"
    assert ("قناة المتوسط", "publishesOn", "موقع قناة المتوسط") in relations(text)


def test_a_handle_in_parentheses_is_an_account_on_its_platform() -> None:
    text = "ونشرت وزارة الداخلية قائمة بالمعرفات ومنها المعرف ( جنون الاستشهاد) على تويتر."
    assert entities(text).get("جنون الاستشهاد") == "Account"
    found = relations(text)
    assert ("جنون الاستشهاد", "onPlatform", "تويتر") in found
    # the ministry published the list; it does not own the handle
    assert ("وزارة الداخلية", "hasAccountOn", "تويتر") not in found


def test_a_named_page_and_a_channel_on_telegram_are_accounts() -> None:
    assert (
        entities(
            "ويبث ناشطون من أهالي الرقة أنباء عن مدينتهم عبر صفحة إخبارية اتخذت اسم «الرقة تذبح "
            "بصمت» تعنى بتوثيق الانتهاكات."
        ).get("الرقة تذبح بصمت")
        == "Account"
    )
    text = "ونشر تنظيم داعش بيانه عبر قناة «أعماق» على تليجرام."
    assert entities(text).get("أعماق") == "Account"
    assert ("أعماق", "onPlatform", "تيليغرام") in relations(text)


def test_a_tv_channel_in_quotes_is_no_account() -> None:
    assert (
        "Account" not in entities("وقال المتحدث في حديث إلى قناة «العربية» إن الوضع هادئ.").values()
    )


def test_a_blogger_on_a_platform() -> None:
    found = relations(
        "وكان المدون الأشهر على «تويتر» في تركيا فؤاد عوني، الذي يعتقد أنه من جماعة الداعية "
        "فتح الله غولن، تحدث عن وجود مخطط."
    )
    assert ("فؤاد عوني", "usesPlatform", "تويتر") in found
    # an activist with no platform after the noun is no user of any platform
    assert not relations("وقال الناشط أبو محمد المتابع لنشاط داعش إن التنظيم خطف 220 شخصا.")


def test_a_handle_is_an_account_of_its_owner_on_its_platform() -> None:
    text = "ونشر الحساب @Nashir_news التابع لتنظيم داعش على تويتر صور العملية."
    assert entities(text).get("@Nashir_news") == "Account"
    found = relations(text)
    assert ("@Nashir_news", "onPlatform", "تويتر") in found
    assert ("داعش", "operates", "@Nashir_news") in found


def test_websites_and_accounts_pass_the_shapes() -> None:
    from rdflib import Graph

    from rasd.extract.resolve import resolve
    from rasd.graph.build import build_dataset
    from rasd.graph.validate import validate

    text = (
        "ونشر الحساب @Nashir_news التابع لتنظيم داعش على تويتر صور العملية. وجاء في البيان "
        "المنشور على الموقع الرسمي لوزارة الداخلية أن الحادث وقع. ونشرت الوزارة قائمة ومنها "
        "المعرف ( جنون الاستشهاد) على تويتر."
    )
    ex = extract_article(parse_record({"content": text}, "sites-shapes"))
    ds = build_dataset([ex], resolve([ex]))
    g = Graph()
    for s, p, o, _g in ds.quads():
        g.add((s, p, o))
    assert set(g.subjects(None, RASD.Account)) and set(g.subjects(None, RASD.Website))
    assert validate(g) == []


def test_a_tweet_of_his_is_the_speakers_not_a_name_quoted_in_it() -> None:
    found = relations("قال الكاتب سامي العتيبي في تغريدته: اللهم عليك بداعش ومن يدعمها.")
    assert ("سامي العتيبي", "usesPlatform", "تويتر") in found
    assert not any(s == "داعش" for s, _p, _o in found)


def test_a_title_before_a_name_is_not_a_reference_to_an_earlier_person() -> None:
    found = relations(
        "وكتب الدكتور فهد الزهراني مقالاً عن الإرهاب. "
        "وفي المساء غرد الدكتور الكاتب ماجد الحربي قائلا إن الوطن باق."
    )
    assert ("ماجد الحربي", "usesPlatform", "تويتر") in found
    assert ("فهد الزهراني", "usesPlatform", "تويتر") not in found


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # «على موقعها الإلكتروني»: its own website, so it publishes on the internet
        (
            "ونقلت صحيفة «حريت» التركية على موقعها الإلكتروني عن حاكم الإقليم القول إنه تم العثور "
            "على الضابطين.",
            "حريت",
        ),
        # «في بيان على موقعها على الإنترنت» with no verb of publication
        (
            "وأعلنت جبهة جيش تحرير الشعب الثوري تنفيذ الهجوم على القنصلية قائلة في بيان على "
            "موقعها على الإنترنت إن الولايات المتحدة عدو.",
            "جيش تحرير الشعب الثوري",
        ),
        # the organisation after «المقربة من» is not the owner of the site
        (
            "وأعلنت حركة الشبيبة الوطنية الثورية المقربة من حزب العمال الكردستاني على موقعها "
            "الالكتروني انها قتلت رجلا.",
            "حركة الشبيبة الوطنية الثورية",
        ),
    ],
)
def test_its_own_website_is_a_publication_on_the_internet(text: str, owner: str) -> None:
    found = {r for r in relations(text) if r[1] in PLATFORM_PREDICATES}
    assert found == {(owner, "publishesOn", "الإنترنت")}


@pytest.mark.parametrize(
    "text",
    [
        "وكتب الرئيس باراك أوباما على موقعه على تويتر أن الهجوم مدان.",  # an account: not the site
        "ويقيم اللاعب محمد نور في موقعه الجديد بالنادي.",  # his post, no website
        "وعاد الجندي سالم الحربي إلى موقعه على الحدود.",
        # an owner rasd does not know (ليون, a club read as the city) is no one else's site
        "قال مدرب الفريق رفائيل دا سيلفا إنه سعيد. وقال ليون في موقعه على الانترنت إنه توصل "
        "لاتفاق.",
        # the person after «لـ» is the photo's subject, not the site's owner
        "كما أكد فيورنتينا الصفقة ونشر صورة لماريو سواريز في موقعه على الانترنت.",
    ],
)
def test_a_possessive_site_word_without_the_internet_is_no_publication(text: str) -> None:
    assert not {r for r in relations(text) if r[1] in PLATFORM_PREDICATES and r[2] == "الإنترنت"}, (
        relations(text)
    )


def test_an_email_address_or_a_web_address_in_a_byline_is_no_account_or_name() -> None:
    # columnists' footers: an e-mail glued to "twitter", a handle, a bare handle after «تويتر:»
    text = (
        "وقال الكاتب إن التنظيم يستخدم تويتر.\n"
        "sultama@hotmail.comtwitter : @alangari_sultan\n"
        "تويتر: falehalsoghair\n"
        "hewar2010@gmail.com"
    )
    found = entities(text)
    assert found.get("@alangari_sultan") == "Account"
    assert not {"@hotmail", "@gmail", "comtwitter", "alangari", "falehalsoghair"} & set(found)


def test_an_account_named_after_its_platform_is_that_account_and_posts_there() -> None:
    text = "ورصدت الأجهزة الأمنية صفحة على فيسبوك باسم «أنصار الخلافة» تنشر مقاطع لعمليات التنظيم."
    assert entities(text).get("أنصار الخلافة") == "Account"
    found = relations(text)
    assert ("أنصار الخلافة", "onPlatform", "فيسبوك") in found
    assert ("أنصار الخلافة", "publishesOn", "فيسبوك") in found


def test_an_account_named_after_its_platform_by_a_persons_name_is_that_persons() -> None:
    text = (
        "وكشفت التحريات وجود حساب على موقع التواصل الاجتماعي (فيس بوك) باسم (أبو الوليد "
        "السيناوي) يقوم مستخدمه بنشر منشورات تحريضية."
    )
    found = relations(text)
    assert ("أبو الوليد السيناوي", "hasAccountOn", "فيسبوك") in found
    assert ("أبو الوليد السيناوي", "publishesOn", "فيسبوك") in found
    # the account is the named person's, not the investigators'
    assert not any(s == "التحريات" for s, _p, _o in found), found


BULLETED = (
    "رصدت الصحيفة نشاط المتهم على موقع تويتر خلال الأشهر الماضية.\n"
    "متابعة الحسابات المتطرفة التالية:\n"
    "– أنصار الدولة\n"
    "– صوت الخلافة\n"
    "– منبر التوحيد\n"
    "أبرز الذين تابعهم المتهم على تويتر\n"
    "– الداعية عبدالله المحيسني.\n"
    "– الإعلامي فيصل القاسم."
)


def test_a_bulleted_list_of_accounts_followed_are_accounts_on_the_articles_platform() -> None:
    ents = entities(BULLETED)
    found = relations(BULLETED)
    for name in ("أنصار الدولة", "صوت الخلافة", "منبر التوحيد"):
        assert ents.get(name) == "Account"
        assert (name, "onPlatform", "تويتر") in found


def test_people_listed_under_a_header_of_those_followed_on_a_platform_have_accounts_there() -> None:
    found = relations(BULLETED)
    assert ("عبدالله المحيسني", "hasAccountOn", "تويتر") in found
    assert ("فيصل القاسم", "hasAccountOn", "تويتر") in found
    # a list under a header with no platform: no account
    text = "وتحدث الوزير عن الخطة.\nأبرز ما تابعه الوزير في الجلسة\n– الداعية عبدالله المحيسني."
    assert not {t for t in relations(text) if t[1] == "hasAccountOn"}


def test_a_page_on_a_misspelled_social_network_is_still_on_the_platform_named_after_it() -> None:
    # «موقع التوصل الاجتماعي»: التواصل without its alif, between the page and فيسبوك
    found = relations(
        "وقال المكتب الإعلامي لوزارة الصحة، في بيان نشره عبر صفحته الرسمية على موقع التوصل "
        "الاجتماعي فيسبوك، إن الحصيلة ارتفعت."
    )
    assert ("وزارة الصحة", "hasAccountOn", "فيسبوك") in found
    assert ("وزارة الصحة", "publishesOn", "فيسبوك") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وفي فرنسا، اطلقت الحكومة الفرنسية موقع “stop-djihadisme.gouv.fr” الذي يهدف الى "
            "تطويق الدعاية الجهادية.",
            {("الحكومة الفرنسية", "usesPlatform", "stop-djihadisme.gouv.fr")},
        ),
        (
            "ودشنت وزارة الداخلية حسابا على تويتر لتلقي البلاغات.",
            {
                ("وزارة الداخلية", "usesPlatform", "تويتر"),
                ("وزارة الداخلية", "hasAccountOn", "تويتر"),
            },
        ),
    ],
)
def test_an_actor_that_launched_a_site_or_an_account_uses_its_platform(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= relations(text)


def test_launching_fire_is_no_platform_link() -> None:
    found = relations("وأطلق الجيش اللبناني النار على موقع للمسلحين قرب الحدود مع سوريا.")
    assert not {t for t in found if t[1] in PLATFORM_PREDICATES}


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        # a medium rasd does not know: a new organisation named by what the quotes hold
        (
            "ونشر التنظيم مقطع فيديو جديدا وأوردته صحيفة “الديلي ميل” على موقعها أظهر لقطات "
            "لأطفال.",
            "الديلي ميل",
        ),
        ("وذكرت صحيفة «الحياة» على موقعها أن الاجتماع تأجل.", "صحيفة الحياة"),
    ],
)
def test_a_newspaper_quoted_on_its_site_publishes_on_the_internet(text: str, medium: str) -> None:
    assert (medium, "publishesOn", "الإنترنت") in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        # «تابعها الآلاف»: thousands followed the tweet; the list is what it said
        "وقال المتحدث باسم الوزارة في تغريدة على تويتر تابعها الآلاف:\n"
        "– التقى الوزير بالرئيس عبد الفتاح السيسي.\n– بحث الجانبان الأوضاع.",
        # «وتابع … كلمته»: he continued his speech, no one followed anyone
        "وتابع الرئيس عبد الفتاح السيسي كلمته أمام البرلمان ونقلها التلفزيون على يوتيوب:\n"
        "– التقيت بالملك سلمان بن عبدالعزيز.\n– الأمن مستقر.",
        # «الإجراءات التالية»: the list is of measures, not of the accounts named before
        "ونشرت الوزارة بيانا على تويتر.\nوأكدت الوزارة أنها تراقب الحسابات المشبوهة التي "
        "يتابعها الشباب وتتخذ الإجراءات التالية:\n– الحجب الفوري\n– الملاحقة القضائية\n– التوعية",
    ],
    ids=["a_tweet_followed_by_thousands", "continued_his_speech", "the_following_measures"],
)
def test_a_dash_list_under_a_follow_word_is_no_list_of_accounts_unless_its_head_is(
    text: str,
) -> None:
    assert not {t for t in relations(text) if t[1] in ("hasAccountOn", "onPlatform")}
    assert "Account" not in entities(text).values()


def test_subjectless_words_are_one_shared_table_of_patterns() -> None:
    # one loader beside the other shared tables: claims and relations read the same words
    from rasd.extract import claims, patterns, relations

    words = patterns.subjectless_words()
    assert {"في", "عبر"} <= words
    assert claims.subjectless_words is patterns.subjectless_words
    assert relations.subjectless_words is patterns.subjectless_words


def test_the_quote_marks_that_close_a_name_are_one_table_of_text() -> None:
    # «…» “…” "…": claims and relations close a quoted name with the same marks; relations'
    # closers of an account's name add only «)»
    from rasd.extract import claims, relations, text

    assert text.QUOTE_PAIRS == {"«": "»", '"': '"', "“": "”"}
    assert frozenset(text.QUOTE_PAIRS.values()) == text.QUOTE_CLOSERS
    assert frozenset(text.QUOTE_PAIRS) | text.QUOTE_CLOSERS == text.QUOTE_MARKS
    assert claims.QUOTE_CLOSERS is text.QUOTE_CLOSERS
    assert frozenset(text.QUOTE_PAIRS) == claims._QUOTE_OPEN
    assert relations.QUOTE_PAIRS is text.QUOTE_PAIRS
    assert relations.QUOTE_MARKS is text.QUOTE_MARKS
    assert text.QUOTE_CLOSERS | {")"} == relations._CLOSERS


@pytest.mark.parametrize(
    ("text", "platforms"),
    [
        # every platform listed after an account noun, not only the first (relations12)
        (
            "وكتب وزير الخارجية عادل الجبير على حسابه في فيسبوك وتويتر أن المملكة ماضية في "
            "حربها على الإرهاب.",
            ("فيسبوك", "تويتر"),
        ),
        (
            "ونشر تنظيم داعش على حساباته في تويتر ويوتيوب وتليجرام صورا للهجوم.",
            ("تويتر", "يوتيوب", "تيليغرام"),
        ),
    ],
)
def test_an_account_on_each_platform_of_a_list(text: str, platforms: tuple[str, ...]) -> None:
    found = relations(text)
    actor = next(s for s, p, _o in found if p == "hasAccountOn")
    for platform in platforms:
        assert (actor, "hasAccountOn", platform) in found


def test_a_byline_name_before_its_handle_operates_and_publishes_on_it() -> None:
    # a quoted tweet: the name, its handle and a count on one line, the post below it
    found = relations(
        "تفاعل مغردون مع حادثة تفجير مسجد بعسير\n"
        " قال صلاح الغيدان \u200f@salahalghaydan 3 \n"
        " رحم الله شهداءنا\n\n"
        " د. سعد البريك \u200f@saadalbreik 11 \n"
        " حسبنا الله ونعم الوكيل\n"
    )
    for name, handle in (("صلاح الغيدان", "@salahalghaydan"), ("سعد البريك", "@saadalbreik")):
        assert (name, "operates", handle) in found
        assert (name, "publishesOn", handle) in found


def test_a_name_before_its_handle_in_running_text_operates_it() -> None:
    found = relations('ودخل المغرد بدر العنزي \u200f@Bader_Saij ، ليؤيده قائلا "بدأ الاستغلال".')
    assert ("بدر العنزي", "operates", "@Bader_Saij") in found
    assert not any(p == "publishesOn" for _s, p, _o in found)  # no byline: only the account


def test_a_name_in_quotes_after_an_account_noun_is_the_accounts_name_not_its_owner() -> None:
    found = relations('ليرد عليه شخص متخف تحت معرف "الحجاج بن يوسف \u200f@wwddddd قائلا "لا".')
    assert not any(p == "operates" for _s, p, _o in found)


def test_an_apposition_between_commas_keeps_the_actor_before_it_the_subject() -> None:
    found = relations(
        "وكانت قوات الدفاع الشعبي، الجناح العسكري لحزب العمال الكردستاني، دانت في بيان على "
        "موقعها الإلكتروني القصف التركي."
    )
    assert ("قوات الدفاع الشعبي", "publishesOn", "الإنترنت") in found
    assert not any(s == "حزب العمال الكردستاني" for s, _p, _o in found)


def test_a_list_between_commas_is_no_apposition() -> None:
    # «، والجماعات المسلحة،» is the next item of a list, not an aside (cf. «، الجماعة المسلحة،»)
    assert relations("وكانت جبهة النصرة، الجماعة المسلحة، نشرت على تويتر صورا.")
    assert not relations("وكانت جبهة النصرة، والجماعات المسلحة، نشرت على تويتر صورا.")


def test_a_fronted_statement_on_its_site_is_the_subject_after_the_verb() -> None:
    found = relations(
        "وفي بيان على موقعها الإلكتروني نسبت هيئة أركان الجيش التركي الهجوم إلى «المنظمة "
        "الإرهابية والانفصالية»."
    )
    assert ("هيئة أركان الجيش التركي", "publishesOn", "الإنترنت") in found


def test_an_actor_who_joins_a_hashtag_uses_twitter() -> None:
    found = relations(
        "كما تفاعل عادل الجبير وزير الخارجية السعودي مع الهاشتاق وكتب "
        '"إرهاب الإثم والغدر والخيانة لن يزيد المملكة إلا حزما".'
    )
    assert ("عادل الجبير", "usesPlatform", "تويتر") in found


@pytest.mark.parametrize(
    "text",
    [
        "وأطلق ناشطون هاشتاق #داعش_يقتل_الأبرياء.",
        "وانتشر هاشتاق يهاجم تنظيم داعش.",
        # the name before it is governed, the claim after it is no user of the hashtag
        "في قضية اختراق الحساب الشخصي للكابتن نايف هزازي تابعت هاشتاق (نايف هزازي يتابع "
        "حسابا إباحيا) ومنذ الوهلة الأولى لم أصدق تلك الفرية.",
    ],
)
def test_a_name_after_a_hashtag_is_its_topic_not_its_user(text: str) -> None:
    assert not relations(text)


def test_a_cue_row_with_an_unknown_subject_position_is_a_problem() -> None:
    from rasd.extract.resources import RelationCue

    assert RelationCue("هاشتاق", "usesPlatform", "actor-implied", "تويتر", "beside").problem()
    assert (
        RelationCue("هاشتاق", "usesPlatform", "actor-implied", "تويتر", "before").problem() is None
    )


@pytest.mark.parametrize(
    ("text", "name", "handle"),
    [
        (
            'فيما قال المغرد كمال الغامدي \u200f@kamalsg99 "كلنا يعلم أن المستهدف هو أمن الوطن".',
            "كمال الغامدي",
            "@kamalsg99",
        ),
        (
            "وتساءل سعود السبيعي \u200f@sau1400 قائلا: وهل الإرهاب سببه هذا الأمر؟",
            "سعود السبيعي",
            "@sau1400",
        ),
    ],
)
def test_a_handle_after_a_verb_of_saying_and_its_owner_is_published_on(
    text: str, name: str, handle: str
) -> None:
    found = relations(text)
    assert (name, "operates", handle) in found
    assert (name, "publishesOn", handle) in found


def test_a_negated_verb_before_a_name_and_its_handle_is_no_post() -> None:
    found = relations("لم يكتب صلاح الغيدان \u200f@salahalghaydan أي تغريدة.")
    assert ("صلاح الغيدان", "operates", "@salahalghaydan") in found
    assert not any(p == "publishesOn" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "وقال لسعد البريك \u200f@saadalbreik إن الهجوم إرهابي.",
        "وقال للداعية سعد البريك \u200f@saadalbreik إن الهجوم إرهابي.",
    ],
)
def test_the_addressee_of_a_verb_of_saying_is_no_author(text: str) -> None:
    found = relations(text)
    # the recogniser may take the «ل» into the name: the account is still the addressee's
    assert any(s.endswith("سعد البريك") and p == "operates" for s, p, _o in found)
    assert not any(p == "publishesOn" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "وحذرت وزارة الداخلية من هاشتاق يدعو إلى التظاهر.",
        "وتعرض محمد العريفي لهجوم عبر هاشتاق أطلقه خصومه.",
        'وقال محمد العريفي إن هاشتاق "العريفي يسيء" مسيء.',
        "ولم يشارك عادل الجبير في الهاشتاق.",
        "وحذرت وزارة الداخلية من وسم يدعو إلى التظاهر.",
    ],
)
def test_a_critic_or_target_of_a_hashtag_does_not_use_twitter(text: str) -> None:
    assert not any(p == "usesPlatform" for _s, p, _o in relations(text))


@pytest.mark.parametrize(
    "text",
    [
        "وشارك عادل الجبير في الهاشتاق.",
        "وشارك عادل الجبير في الوسم.",
        "ودشن عادل الجبير وسما للتضامن مع الضحايا.",
    ],
)
def test_an_actor_who_takes_part_in_a_hashtag_uses_twitter(text: str) -> None:
    assert ("عادل الجبير", "usesPlatform", "تويتر") in relations(text)


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        (
            "والتقى عادل الجبير بنظيره جون كيري، المرشح السابق للرئاسة، ونشر على تويتر صورا للقاء.",
            "جون كيري",
        ),
        (
            "واستقبل الملك سلمان الرئيس باراك أوباما، الضيف الكبير للمملكة، وكتب على تويتر "
            "ترحيبا به.",
            "باراك أوباما",
        ),
    ],
)
def test_an_aside_after_an_object_keeps_no_object_the_subject(text: str, obj: str) -> None:
    found = relations(text)
    assert not any(s.endswith(obj.split()[-1]) and p == "publishesOn" for s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "وفي بيان على موقعها على الإنترنت نسبت هيئة أركان الجيش التركي الهجوم إلى المتمردين.",
        "وفي بيان على موقعها الرسمي على الإنترنت نسبت هيئة أركان الجيش التركي الهجوم إلى "
        "المتمردين.",
    ],
)
def test_a_fronted_statement_on_its_site_on_the_internet_is_the_subjects(text: str) -> None:
    assert ("هيئة أركان الجيش التركي", "publishesOn", "الإنترنت") in relations(text)


def test_a_name_after_an_account_noun_unquoted_is_the_accounts_owner() -> None:
    found = relations("ونشر على حساب سعد البريك \u200f@saadalbreik تغريدة.")
    assert ("سعد البريك", "operates", "@saadalbreik") in found
