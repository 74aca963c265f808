"""A capital that stands for its state is its country's node; a capital as a place stays the
city (extract/metonymy.py, capitals.tsv, state_words.tsv).  Sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import extract_text, said

from rasd.extract.text import match_key


def _keys(text: str) -> dict[str, str]:
    """Surface of each capital or country mention → its key."""
    return {m.surface: m.key for m in extract_text(text).mentions}


@pytest.mark.parametrize(
    ("text", "capital", "country"),
    [
        # subject after a speech verb
        ("ونفت أنقرة أن تكون طائراتها قد قصفت مواقع مدنية شمال العراق.", "أنقرة", "تركيا"),
        # subject after a state verb in the perfect
        ("وأيدت واشنطن حق حليفتها في الدفاع عن حدودها.", "واشنطن", "الولايات المتحدة"),
        # subject after a feminine imperfect verb with an object pronoun
        ("وهي المساعدات التي تقدمها طهران للميليشيات منذ سنوات.", "طهران", "إيران"),
        # subject of a clause after أن
        ("وأكد الوزير أن موسكو ترفض أي تدخل عسكري بري في المنطقة.", "موسكو", "روسيا"),
        # subject opening the sentence (a headline)
        ("القاهرة تدين الهجوم على السفارة وتطالب بمحاسبة الجناة.", "القاهرة", "مصر"),
        # possessor of حكومة
        ("وجرت مفاوضات طويلة مع حكومة كابل حول تقاسم السلطة.", "كابل", "أفغانستان"),
        # the party of an agreement after مع
        ("ووقعت الدول الكبرى اتفاقا مع طهران بشأن برنامجها.", "طهران", "إيران"),
        # the source after بحسب
        ("وقتل عشرون مسلحا في الغارات بحسب أنقرة.", "أنقرة", "تركيا"),
        # both capitals of a coordinated subject, before and after the verb
        ("وأعلن الوزير أن موسكو والرياض اتفقتا على تشكيل لجنة.", "الرياض", "السعودية"),
        ("وأعلن الوزير أن موسكو والرياض اتفقتا على تشكيل لجنة.", "موسكو", "روسيا"),
        ("ويأمل أن تساعد باريس ولندن في تسوية النزاع.", "لندن", "بريطانيا"),
        # a capital and an actor paired by بين
        ("وتصاعد النزاع بين أنقرة والمتمردين الأكراد منذ الصيف.", "أنقرة", "تركيا"),
        # two capitals paired by بين
        ("وتحدث عن تحسن العلاقات بين الرياض وبغداد خلال العام الماضي.", "بغداد", "العراق"),
        # subject of a clause after أن, a negation before its verb
        ("وأوضح المسؤول أن طهران لم ترسل أي قوات إلى سوريا.", "طهران", "إيران"),
        ("وأضاف ان أنقرة لن تسمح بإقامة كيان كردي على حدودها.", "أنقرة", "تركيا"),
        # possessor of a head noun with بـ/لـ attached
        ("وتقاتل هذه الفصائل بدعم واشنطن منذ عامين.", "واشنطن", "الولايات المتحدة"),
        ("ولا تخضع هذه القرارات لموقف موسكو من الأزمة.", "موسكو", "روسيا"),
    ],
)
def test_capital_standing_for_its_state_is_the_country(
    text: str, capital: str, country: str
) -> None:
    keys = _keys(text)
    assert keys[capital] == match_key(country)
    assert match_key(capital) not in {e.key for e in extract_text(text).entities}


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("ووصل وزير الخارجية إلى أنقرة مساء الأحد في زيارة رسمية.", "أنقرة"),
        ("وعقد المؤتمر في موسكو بحضور ممثلين عن عشرين دولة.", "موسكو"),
        ("وزارت الوزيرة طهران الشهر الماضي.", "طهران"),
        ("بغداد تشهد موجة تفجيرات جديدة في أحيائها الشرقية.", "بغداد"),
        ("وقال مسؤول في واشنطن إن القرار لم يتخذ بعد.", "واشنطن"),
        # a capital and a city that is no capital: a road between two places
        ("وقطع التنظيم الطريق بين بغداد والموصل لأيام.", "بغداد"),
        # two places after a verb of travel, neither a state
        ("وسافر الوفد من بغداد ودمشق إلى بيروت.", "دمشق"),
        # a particle and a verb of state that is no act of a state: the city
        ("وأكد التقرير أن بغداد لا تزال تعاني من انقطاع الكهرباء.", "بغداد"),
        ("وقال الخبير إن بيروت لن تكون بمنأى عن الأزمة.", "بيروت"),
    ],
)
def test_capital_as_a_place_stays_the_city(text: str, capital: str) -> None:
    assert _keys(text)[capital] == match_key(capital)


def test_a_capital_speaking_is_its_country_speaking() -> None:
    claims = said("ونفت أنقرة أن تكون طائراتها قد قصفت مواقع مدنية شمال العراق.")
    assert [c[0] for c in claims] == [("تركيا",)]


def test_one_article_may_have_both_the_state_and_the_city() -> None:
    text = "ورحبت موسكو بالاتفاق. وعقد الاجتماع المقبل في موسكو الشهر القادم."
    keys = [(m.surface, m.key) for m in extract_text(text).mentions if m.surface == "موسكو"]
    assert keys == [("موسكو", match_key("روسيا")), ("موسكو", match_key("موسكو"))]
