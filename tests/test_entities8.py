"""Entities on unseen news, eighth pass (issue 11, bench/entities8_results.md): names neither
cut nor swollen, lexicon names that are common nouns in context, and one node per entity.
Every sentence here was written for the test, after a construction read in unseen5's errors."""

from __future__ import annotations

import pytest
from conftest import entity_keys, extract_text

from rasd.extract.text import match_key


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb after a name the NER ends before it
        ("وقال الوزير إن القيادي الحمساوي ماهر الزعبي ينشط في تركيا ويخطط لهجمات.", "ماهر الزعبي"),
        # a common noun after a one-word name the NER ends there
        ("وأضاف أن الأمير سلطان مواطن سعودي قبل كل شيء.", "سلطان"),
        # «الله» as the object of دعا, not the end of the name
        ("ودعا الدكتور سعد الحربي الله أن يحفظ البلاد من كل سوء.", "سعد الحربي"),
        # a family name that reads as ب + a common word, tagged by the NER
        ("ندد الدكتور خالد بن سعد بصفر رئيس الجمعية الخيرية بالهجوم.", "خالد بن سعد بصفر"),
    ],
)
def test_person_names_neither_cut_nor_swollen(text: str, name: str) -> None:
    persons = entity_keys(text, "Person")
    assert persons == {match_key(name)}


def test_titles_without_a_name_make_no_person() -> None:
    assert not entity_keys("قد نحتاج لكاتب او دبلوماسي شجاع يلتقي بكل المقربين منه.", "Person")


@pytest.mark.parametrize(
    "text",
    [
        "إنهم يحاولون النيل من المملكة ولن يفلحوا.",
        "تحية لكم يا حماة الوطن.",
        "وأدى المصلون الصلاة قبل المغرب بدقائق.",
    ],
)
def test_lexicon_names_that_are_common_nouns_in_context(text: str) -> None:
    assert not entity_keys(text) - {match_key("المملكة"), match_key("السعودية")}


def test_the_same_names_stay_places_elsewhere() -> None:
    found = entity_keys("وصل الوفد إلى مدينة حماة أمس ثم زار نهر النيل ثم المغرب.")
    assert {match_key("حماة"), match_key("النيل"), match_key("المغرب")} <= found


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("وعاد إلى بلاده وهو متهم أمام محكمة ألمانية بالانضمام لمنظمة إرهابية.", "محكمة ألمانية"),
        ("وبدأ اجتماع المجلس برئاسة رئيس الوزراء أحمد داود أوغلو.", "رئاسة رئيس الوزراء"),
        ("إلى ذلك، نادى الدكتور أسامة جستنية بإنشاء مركز.", "نادى الدكتور"),
        ("وأوضحت القيادة العراقية للرئيس السوري أنها ستتوقف.", "القيادة العراقية"),
        ("ضبط 44 عنصرا من تنظيم الاخوان والمتطرفين في إطار المتابعات.", "تنظيم الاخوان والمتطرفين"),
        ("يشن هجمات تستهدف قوات الأمن والجيش التركي منذ أسابيع.", "قوات الأمن والجيش التركي"),
    ],
)
def test_no_organisation_from_common_phrases(text: str, junk: str) -> None:
    assert match_key(junk) not in entity_keys(text, "Organization")


def test_coordinated_names_stay_whole() -> None:
    assert match_key("حزب العدالة والتنمية") in entity_keys(
        "يترأس أوغلو حزب العدالة والتنمية، أكبر الأحزاب.", "Organization"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "وقال الأمير بندر بن سلطان إن الاتفاق خطير. ويرى الأمير بندر أن الحل قريب.",
            "بندر بن سلطان",
        ),
        (
            "عين الأمير محمد بن ناصر بن عبدالعزيز أميرا. وقال الأمير محمد بن ناصر إن العمل مستمر.",
            "محمد بن ناصر بن عبد العزيز",
        ),
    ],
)
def test_a_short_form_of_a_person_is_that_person(text: str, name: str) -> None:
    assert entity_keys(text, "Person") == {match_key(name)}


@pytest.mark.parametrize(
    ("text", "one"),
    [
        ("وصلت الطائرات إلى قاعدة إنجرليك. وتقع قاعدة إنغرليك جنوب تركيا.", "قاعدة إنجرليك"),
        ("وقع الاعتداء في سروج قرب الحدود. وأوقع تفجير سوروتش 32 قتيلا.", "سروج"),
        ("ذكرت وكالة أنباء الأناضول أن الطائرات قصفت. وقالت وكالة الأناضول إن …", "وكالة الأناضول"),
    ],
)
def test_spelling_variants_are_one_node(text: str, one: str) -> None:
    ex = extract_text(text)
    found = {e.key for e in ex.entities if e.scope is None and e.cls != "Event"}
    assert found - {match_key("تركيا")} == {match_key(one)}
