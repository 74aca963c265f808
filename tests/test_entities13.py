"""Entities on unseen news, thirteenth pass (issue 11, bench/entities13_results.md): capitals
that stand for their state in more constructions, and persons' names mended (a blessing after
the name, a proclitic ل/ك, a speech verb before «بن»).  Every sentence here was written for
the test, after a construction read in unseen10's errors."""

from __future__ import annotations

import pytest
from conftest import entity_keys, extract_text

from rasd.extract.text import match_key


def _keys(text: str) -> dict[str, str]:
    """Surface of each mention → its key."""
    return {m.surface: m.key for m in extract_text(text).mentions}


@pytest.mark.parametrize(
    ("text", "capital", "country"),
    [
        # subject of a clause after «وأن» (و + أن, too short for the proclitic rule)
        (
            "وذكر المسؤول وأن واشنطن تراقب العلاقة بين البلدين بكل عناية.",
            "واشنطن",
            "الولايات المتحدة",
        ),
        # subject of a relative clause's she-verb with an object pronoun
        ("وجاء الهجوم ردا على الحملة التي بدأتها أنقرة على المسلحين.", "أنقرة", "تركيا"),
        # possessor of a head noun: an agreement, an accession, knowledge
        ("وقال الكاتب إن اتفاق موسكو وطهران على التهدئة ما زال صامدا.", "موسكو", "روسيا"),
        ("ورحب الحلف بانضمام أنقرة إلى التحالف الدولي.", "أنقرة", "تركيا"),
        ("وتحرك الحرس الثوري دون علم طهران كما يقول.", "طهران", "إيران"),
        # an envoy's state after لدى
        ("وأعلنت المنامة استدعاء سفيرها لدى طهران للتشاور.", "طهران", "إيران"),
        # the seat of the Palestinian government
        ("وقد أعلنت رام الله أن وزير خارجيتها قدم مذكرة إلى المحكمة.", "رام الله", "فلسطين"),
    ],
)
def test_capital_standing_for_its_state_is_the_country(
    text: str, capital: str, country: str
) -> None:
    assert _keys(text)[capital] == match_key(country)


def test_capital_after_a_place_noun_with_a_pronoun_stays_the_city() -> None:
    text = "وزار الوفد الدولة التي عاصمتها بغداد منذ قرون."
    assert _keys(text)["بغداد"] == match_key("بغداد")


def test_blessing_after_a_name_is_no_part_of_it() -> None:
    text = "قامت الدولة على يد المغفور له الملك الراحل عبدالعزيز طيب الله ثراه، واستمر النهج."
    persons = entity_keys(text, "Person")
    assert match_key("عبد العزيز") in persons
    assert not any("طيب" in k for k in persons)


def test_a_name_with_taib_stays_whole() -> None:
    assert match_key("رجب طيب أردوغان") in entity_keys(
        "وقال الرئيس التركي رجب طيب أردوغان إن بلاده لن تتراجع.", "Person"
    )


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "ووفقا لشترايتر، فإن الوزير أطلع المستشارة على الخطة. وأضاف شترايتر أن الجانبين اتفقا.",
            "شترايتر",
        ),
        (
            "كيف استطاعت أن تجند شاباً كيوسف السليمان البالغ من العمر 21 عاماً. وكان يوسف"
            " السليمان طالبا.",
            "يوسف السليمان",
        ),
    ],
)
def test_lam_or_kaf_before_a_name_named_alone_is_dropped(text: str, person: str) -> None:
    persons = entity_keys(text, "Person")
    assert match_key(person) in persons
    assert not any(k.startswith(("ل", "ك")) for k in persons)


def test_a_speech_verb_before_bin_is_no_given_name() -> None:
    text = "كما قال بن رودز المتحدث باسم البيت الأبيض إن البلدين متفقان على الخطة."
    persons = entity_keys(text, "Person")
    assert match_key("بن رودز") in persons
    assert not any(k.startswith("قال") for k in persons)


def test_the_countryside_of_aleppo_is_aleppo() -> None:
    text = (
        "وسيطرت الفصائل على قرى في ريف حلب الشمالي. وقصفت الطائرات أحياء في حلب أمس،"
        " كما قصفت بلدات في ريف إدلب."
    )
    ex = extract_text(text)
    assert {m.surface: m.key for m in ex.mentions}["ريف حلب"] == match_key("حلب")
    assert {m.surface: m.key for m in ex.mentions}["ريف إدلب"] == match_key("إدلب")
    assert not any(e.key.startswith("ريف") for e in ex.entities)


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        (
            "ووثقت الشبكة السورية لحقوق الإنسان مقتل عشرات المدنيين في القصف.",
            "الشبكة السورية لحقوق الإنسان",
            "Organization",
        ),
        ("وشنت قوات جيش الفتح قصفا على مواقع النظام في سهل الغاب.", "جيش الفتح", "Organization"),
        ("وهاجم نتنياهو السلطة الفلسطينية في كلمته أمس.", "السلطة الفلسطينية", "Organization"),
        ("وأعلن جهاز «شين بيت» اعتقال ثلاثة مستوطنين.", "الشاباك", "Organization"),
        (
            "وكان ذلك في صيف عام 1990 وقتما كان الاتحاد السوفيتي يتفكك.",
            "الاتحاد السوفيتي",
            "Country",
        ),
        ("واحترقت الكنيسة الواقعة على بحيرة طبريا فجر الخميس.", "بحيرة طبريا", None),
    ],
)
def test_well_known_actors_and_places_are_in_the_gazetteer(
    text: str, name: str, cls: str | None
) -> None:
    assert match_key(name) in entity_keys(text, cls)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("وقال الوزير إن إعادة بناء المؤسسة العسكرية تسير بخطى مدروسة.", "المؤسسة العسكرية"),
        ("وأعلنت سلطات الاحتلال هدم منزل الأسير فجر اليوم.", "سلطات الاحتلال"),
        ("ووقع الانفجار في حديقة المركز الثقافي عند الظهر.", "المركز الثقافي"),
        ("وقال بيان من مكتب الوزير إن المذكرة قدمت أمس.", "مكتب الوزير"),
    ],
)
def test_a_common_organisation_phrase_is_no_name(text: str, phrase: str) -> None:
    assert match_key(phrase) not in entity_keys(text, "Organization")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("كما شنت قوات النظام غارات على قرية كفر داعل التي تسيطر عليها المعارضة.", "كفر داعل"),
        ("وسيطر التنظيم على بلدة تل رفعت بعد معارك عنيفة.", "تل رفعت"),
        ("وقتل ثلاثة في منطقة سوق الحوت وسط المدينة.", "سوق الحوت"),
    ],
)
def test_a_town_name_opened_by_kafr_or_tall_has_two_words(text: str, town: str) -> None:
    places = entity_keys(text, "Place")
    assert match_key(town) in places
    assert match_key(town.split()[0]) not in places
