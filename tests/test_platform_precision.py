"""Platform, Website and Account nodes that are real platforms (plat22, issue 11): the junk
classes of a 3,000-article SaudiNewsNet build (``bench/plat22_results.md``), each on Arabic
sentences written for the test, with clitics, hamza/alef variants, tatweel and diacritics."""

from __future__ import annotations

import pytest

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record

PLATFORM_CLASSES = ("Platform", "Website", "Account")


def entities(text: str) -> dict[str, str]:
    ex = extract_article(parse_record({"content": text}, "plat22-test"))
    return {e.label: e.cls for e in ex.entities}


def platforms(text: str) -> dict[str, str]:
    return {k: v for k, v in entities(text).items() if v in PLATFORM_CLASSES}


# --- a page of print, a calculation: «صفحة» and «حساب» with no platform in sight ----------


@pytest.mark.parametrize(
    "text",
    [
        # a newspaper's printed page
        "ونشر الكاتب مقالاً في زاويته التي تزيّن صفحة «المساء» الأخيرة كل خميس.",
        # a page of a document
        "وقال الوزير إن المئة صفحة (نص المعاهدة) لا تقيّد أحداً.",
        # a section of a printed newspaper
        "وكنت مشرفاً على صفحة (رياضة وشباب) في صحيفة الملاعب قبل سنوات.",
        # an organisation's page, named by its owner, is the owner, not an account named so
        'وجاء على صفحة "يويفا"، أن الاتحاد حدد موعد الانتخابات.',
        # «بحساب»: by calculating; with hamza and tatweel variants
        "وبحساب «سعر الغرام» مقابل الدولار، صار اللحم أغلى من السمك.",
        "وبحـساب «كلفة الإنتاج» أصبح المصنع خاسراً.",
        "فَبِحِسابِ «معدل النمو» يتضح أن الاقتصاد تراجع.",
    ],
)
def test_a_page_or_a_calculation_without_a_platform_is_no_account(text: str) -> None:
    assert "Account" not in entities(text).values(), platforms(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a page on a platform named before it in the sentence
        (
            "وتنافست السيدات على صفحات «فيس بوك» في صفحة «مطبخ البيت» التي خصصت لها جوائز.",
            "مطبخ البيت",
        ),
        # an account on a platform named after it
        (
            "وأعلن حساب «دوري الأبطال» على موقع التواصل الاجتماعي «تويتر» موعد المباراة.",
            "دوري الأبطال",
        ),
        # a handle noun is an account wherever it stands
        ("ومن المعرفات التي رصدتها الوزارة المعرف (صقر الجزيرة).", "صقر الجزيرة"),
        # a page that takes a name (naming words) is an account
        ("ويبث الناشطون أخبارهم عبر صفحة إخبارية اتخذت اسم «حلب تنزف» تعنى بالتوثيق.", "حلب تنزف"),
    ],
)
def test_an_account_on_a_platform_is_still_an_account(text: str, name: str) -> None:
    assert entities(text).get(name) == "Account", platforms(text)


# --- «موقع» as a location ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ويقع موقع «الشويمس» على مسافة 250 كيلومتراً من مدينة حائل.",
        "موقع “الشويمس ” يقع على بعد ساعتين من المدينة.",
        "وموقعُ «العُلا» الأثريّ تقـع فيه مقابر نبطية.",
        "يبعد موقع (مدائن صالح) نحو 20 كيلومتراً عن العلا.",
        # a nuclear or military site
        "وطالبت الوكالة بزيارة موقع «آراك» النووي قبل نهاية العام.",
        "وتحدث الخبراء عن الخلاف حول موقع “خجير” العسكريّ شرق طهران.",
        "ورفضت طهران تفتيش موقع (لويزان) التابع للحرس الثوري.",
        "وقالت الكتائب إن مقاتليها اقتحموا موقع «كيسوفيم» الإسرائيلي فجراً.",
    ],
)
def test_a_location_is_no_website(text: str) -> None:
    assert not platforms(text), platforms(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وذكر موقع «أخبار الخليج» الإخباري أن الاجتماع تأجل.", "أخبار الخليج"),
        ("وأُطلقت الحملة على موقع «بوابة التمويل» أمس وتهدف إلى جمع مليون دولار.", "بوابة التمويل"),
    ],
)
def test_a_named_website_is_still_a_platform(text: str, name: str) -> None:
    found = platforms(text)
    assert any(name in label for label in found), found


# --- a straight quote that closes is no opening of a name ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'وقال المتحدث إن الخبر المنشور على الموقع". مشدداً على أن "الحكومة ماضية في خطتها".',
        'ونقل الموقع" ، مؤكداً أن "المشروع سيكتمل قريباً".',
    ],
)
def test_a_closing_straight_quote_opens_no_site_name(text: str) -> None:
    assert not platforms(text), platforms(text)


# --- a lexicon platform inside a longer quoted name ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ورفع النادي سعة إستاد «سيجنال إيدونا» إلى أكثر من 80 ألف مشجع.",
        "ويلعب الفريق على ملعب «سيغنال إيدونا بارك» يوم السبت.",
    ],
)
def test_a_platform_name_inside_a_longer_quoted_name_is_not_the_platform(text: str) -> None:
    assert "سيغنال" not in platforms(text), platforms(text)


@pytest.mark.parametrize(
    "text",
    [
        "ويتواصل عناصر التنظيم عبر تطبيق «سيغنال» المشفر.",
        "ويستخدم التنظيم «تليجرام» و«سيجنال» لنشر بياناته.",
        "ونشر التنظيم الإصدار على «يوتيوب» قبل حذفه.",
    ],
)
def test_a_quoted_platform_alone_is_still_the_platform(text: str) -> None:
    found = platforms(text)
    assert "Platform" in found.values(), found


# --- a platform's short alias as the first word of another name ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ويعمل الهاتف بمعالج كوالكوم سناب دراغون 615 وذاكرة كبيرة.",
        "وشكا المستخدمون سخونة معالج «سناب دراجون 810» الجديد.",
    ],
)
def test_a_processor_named_snap_dragon_is_not_snapchat(text: str) -> None:
    assert "سناب شات" not in platforms(text), platforms(text)


def test_snap_alone_is_still_snapchat() -> None:
    assert platforms("ونشرت الفنانة مقطعاً على سناب قبل الحفل.").get("سناب شات") == "Platform"


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("وتشمل الخدمة رسائل برنامج بلاكبيري ماسنجر بين الهواتف.", "فيسبوك ماسنجر"),
        ("وتضم الشركة وحدات أخرى منها «غوغل فايبر» لخدمة الإنترنت السريع.", "فايبر"),
    ],
)
def test_another_companys_product_is_not_the_platform(text: str, platform: str) -> None:
    assert platform not in platforms(text), platforms(text)


# --- plat23: an indefinite accusative is no name; a handle glued to an e-mail address ------


def test_entities_are_read_from_the_text() -> None:
    assert entities("وأعلنت شركة «ميتا» أن الخدمة توقفت.").get("ميتا") == "Organization"


@pytest.mark.parametrize(
    "text",
    [
        # «ميتاً» = dead (tanween on the alef), not Meta; both orders of the tanween and alef
        "وعُثر على الرجل ميتاً في شقته.",
        "ووُجد الحارس ميتًا قرب البوابة.",
        # with و, tatweel and full diacritics
        "احترموه حياً وميتاً.",
        "ثم عُثر عليه ميتـاً بعد يومين.",
        "عُثِرَ عليه مَيْتاً في المزرعة.",
        # an adjective in the accusative, not the country
        "ويريدون حلاً سورياً خالصاً للأزمة.",
    ],
)
def test_a_word_with_tanween_is_not_the_lexicon_name(text: str) -> None:
    found = entities(text)
    assert "ميتا" not in found and "سوريا" not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأعلنت شركة ميتا أن الخدمة توقفت.", "ميتا"),
        ("وقالت «ميتا» إنها حذفت الحسابات.", "ميتا"),
        ("وزار الوفد سوريا الأسبوع الماضي.", "سوريا"),
        ("ووصل الوفد إلى سوريّا أمس.", "سوريا"),
        # a tanween after a preposition is a typo on the name: no accusative can stand there
        ("وتحول مبتعثون سعوديون في بريطانياً إلى مرشدين.", "بريطانيا"),
        ("وسافر الفريق إلى إيطالياً للمعسكر.", "إيطاليا"),
    ],
)
def test_the_name_without_tanween_is_still_the_entity(text: str, name: str) -> None:
    assert name in entities(text), entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "للتواصل: twitter:@Dr_SalemAhmadsalem77@hotmail.com",
        "ويمكن مراسلة الكاتب على @ali_kh@gmail.com يومياً.",
    ],
)
def test_a_handle_glued_to_an_email_address_is_no_account(text: str) -> None:
    assert "Account" not in entities(text).values(), platforms(text)


def test_a_handle_before_a_space_and_another_handle_is_still_an_account() -> None:
    found = platforms("وكتب على تويتر @ali_kh @salem_77 أن الموعد تأجل.")
    assert found.get("@ali_kh") == "Account", found


# --- a name its owner took later: «التيك توك» in 2015 is the tick-tock of a clock ----------


def dated(text: str, date: str) -> dict[str, str]:
    ex = extract_article(parse_record({"content": text, "date": date}, "plat23-test"))
    return {e.label: e.cls for e in ex.entities}


@pytest.mark.parametrize(
    ("text", "date", "name"),
    [
        ("وتذكّرك (التيك توك) دوماً بأن الوقت يمضي.", "2015-07-22", "تيك توك"),
        ("إنها اللحظات الأولى للتيك توك في المفاوضات.", "2015-07-22", "تيك توك"),
        ("وبدأ العدّ: تيكتوك، تيكتوك، ثم رنّ المنبه.", "2014-01-05", "تيك توك"),
        ("وقالت شركة ميتا للإنشاءات إن المشروع تأخر.", "2015-03-01", "ميتا"),
    ],
)
def test_a_name_is_not_the_entity_before_its_owner_took_it(text: str, date: str, name: str) -> None:
    assert name not in dated(text, date), dated(text, date)


@pytest.mark.parametrize(
    ("text", "date", "name"),
    [
        ("ونشرت الفنانة مقطعاً على «تيك توك» قبل الحفل.", "2021-05-02", "تيك توك"),
        ("وانتشر المقطع على التيك توك بسرعة.", "2020-11-30", "تيك توك"),
        ("وأعلنت شركة ميتا أن الخدمة توقفت.", "2022-10-04", "ميتا"),
        # no date: nothing to compare with
        ("ونشرت الفنانة مقطعاً على «تيك توك» قبل الحفل.", "", "تيك توك"),
    ],
)
def test_a_name_after_its_owner_took_it_is_still_the_entity(
    text: str, date: str, name: str
) -> None:
    assert name in dated(text, date), dated(text, date)
