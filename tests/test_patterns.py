"""The pattern layer on sentences from Saudi news: names after titles and military ranks,
where a name ends, and head nouns that do not start an organisation's name."""

from __future__ import annotations

import pytest

from rasd.extract.patterns import is_name_stopword
from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record


def entities(text: str) -> set[tuple[str, str]]:
    ex = extract_article(parse_record({"content": text}, "patterns-test"))
    return {(e.cls, e.label) for e in ex.entities if e.scope is None}


def persons(text: str) -> set[str]:
    return {label for cls, label in entities(text) if cls == "Person"}


def test_military_ranks_introduce_full_saudi_names() -> None:
    found = persons(
        "وقتل في التفجير والجندي فلاج جابر سعد القحطاني (21 عاما)، "
        "والجندي مشعل علي غرم عسيري (20 عاما)."
    )
    assert found == {"فلاج جابر سعد القحطاني", "مشعل علي غرم عسيري"}


def test_a_time_word_ends_a_name() -> None:
    found = persons("بينهم قائد الفرقة العقيد نديم الحسن مساء الأربعاء قرب مدينة أعزاز.")
    assert found == {"نديم الحسن"}


def test_the_ner_ends_a_name_before_a_verb() -> None:
    text = 'تلك كانت تغريدة للكاتب المسرحي محمد العثيم أطلقها أمس في هاشتاق بـ"تويتر".'
    assert persons(text) == {"محمد العثيم"}


def test_a_family_name_that_reads_as_a_nisba() -> None:
    text = "وقال المتحدث باسم الداخلية السعودية اللواء منصور التركي إن الانفجار وقع أثناء الصلاة."
    assert persons(text) == {"منصور التركي"}


def test_the_preposition_ala_is_not_the_name_ali() -> None:
    assert is_name_stopword("على") and not is_name_stopword("علي")
    assert is_name_stopword("عَلَى") and is_name_stopword("مساء")
    assert persons("وقال الرئيس على الفور إن القوات انسحبت.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "نشط تنظيم القاعدة في المملكة بقيادة العييري والعوفي والمقرن.",
        "قاتلت الكتيبة تحت قيادة العقيد في الشمال.",
    ],
)
def test_led_by_is_not_an_organisation(text: str) -> None:
    orgs = {label for cls, label in entities(text) if cls == "Organization"}
    assert not any(label.startswith("قيادة") for label in orgs)


def test_the_terrorist_organisation_refers_back() -> None:
    ex = extract_article(
        parse_record(
            {"content": "أعلن تنظيم داعش مسؤوليته. وحصلن على المال من المروجين للتنظيم الإرهابي."},
            "generic-org",
        )
    )
    labels = {e.label for e in ex.entities}
    assert "التنظيم الإرهابي" not in labels
    # the generic reference is a mention of the one organisation the article named
    generic = [m for m in ex.mentions if m.layer == "coref-generic"]
    assert [m.key for m in generic] == ["داعش"]


def test_long_names_with_connectors() -> None:
    found = persons(
        "وقتل الجندي عمر أحمد عمر أبو شوشة (22 عاما)، والعريف عبد الله عائض عبد الله آل سعد "
        "(19 عاما)، والجندي عبد العزيز عبد الله يحيى مشراف."
    )
    assert found == {
        "عمر أحمد عمر أبو شوشة",
        "عبد الله عائض عبد الله آل سعد",
        "عبد العزيز عبد الله يحيى مشراف",
    }


def test_ner_person_edges_are_mended() -> None:
    # the NER tags "بن يوسف قائلا": the word before بن belongs to the name, قائلا does not
    text = "ليرد عليه شخص متخف تحت معرف الحجاج بن يوسف قائلا إن الأمر محسوم"
    assert persons(text) == {"الحجاج بن يوسف"}


def test_a_hall_named_after_a_king_is_no_person() -> None:
    found = persons("وعقد الملتقى بقاعة الملك فيصل للمؤتمرات بجامعة الملك عبدالعزيز في جدة.")
    assert not any("للمؤتمرات" in p or "بجامعة" in p for p in found)


def test_a_family_named_after_a_title_is_part_of_the_name() -> None:
    found = persons("وفي مقال للكاتب محمد آل الشيخ، دعا إلى حجب المواقع.")
    assert "محمد آل الشيخ" in found


def test_a_plural_verb_after_a_title_is_no_name() -> None:
    found = persons("وهم يسيرون على خطى المذيع والشيخ ويصرخون بكل متحدث يخالفهم.")
    assert not any(p.startswith("ويصرخون") for p in found)


def test_a_noun_with_a_pronoun_does_not_continue_a_name() -> None:
    found = persons("وقال الأمير بندر رؤيته للمستقبل واضحة منذ سنوات طويلة.")
    assert not any("رؤيته" in p for p in found)
