"""Entities on unseen news, twelfth pass (issue 11, bench/entities12_results.md): proclitics
kept on a person's name, nationality adjectives read as countries, organisations named after
a person, and lexicon names that are common words in context.  Every sentence here was written
for the test, after a construction read in unseen9's errors."""

from __future__ import annotations

import pytest
from conftest import entity_keys

from rasd.extract.name_filters import mend_span
from rasd.extract.text import match_key


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_conjunction_on_a_person_named_alone_is_dropped() -> None:
    text = "وكلف المتهم المحاميين كارل مولر، وكارل شميت بالدفاع عنه، وقال كارل مولر إنه مستعد."
    mended = mend_span(text, *_span(text, "وكارل شميت"), "Person")
    assert mended is not None
    start, end, cls = mended
    assert (text[start:end], cls) == ("كارل شميت", "Person")


def test_waw_of_a_name_stays_when_the_rest_is_never_alone() -> None:
    text = "وقال وليد العمر إن الحادث مؤلم."
    mended = mend_span(text, *_span(text, "وليد العمر"), "Person")
    assert mended is not None and text[mended[0] : mended[1]] == "وليد العمر"


def test_lam_before_a_definite_surname_named_alone_is_no_person() -> None:
    text = "وحمل نوري المالكي المسؤولية، في ظل الدعم المتواصل للمالكي من طهران."
    assert mend_span(text, *_span(text, "للمالكي"), "Person") is None


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        (
            "وقال الدكتور مأمون فندي أستاذ العلوم السياسية في جامعة جورج تاون ومدير برنامج"
            " الدراسات إن التنظيم يستغل الشباب.",
            "جامعة جورج تاون",
            "جورج تاون",
        ),
        (
            "وكان الفضلي على صلة بعناصر في كتائب عبدالله عزام في لبنان.",
            "كتائب عبد الله عزام",
            "عبد الله عزام",
        ),
    ],
)
def test_an_institution_named_after_a_person_is_an_organisation(
    text: str, org: str, person: str
) -> None:
    assert match_key(org) in entity_keys(text, "Organization")
    assert match_key(person) not in entity_keys(text, "Person")


def test_a_government_named_by_its_head_stays_a_person() -> None:
    text = "وقال الرئيس جورج بوش إن الحرب طويلة."
    assert entity_keys(text, "Person") == {match_key("جورج بوش")}
    assert not entity_keys(text, "Organization")


def test_a_facility_named_after_a_son_of_keeps_the_father_names() -> None:
    text = "ووقع التفجير في مسجد الإمام علي بن أبي طالب في بلدة القديح أثناء صلاة الجمعة."
    assert match_key("مسجد الإمام علي بن أبي طالب") in entity_keys(text, "Place")
    assert match_key("مسجد الإمام علي") not in entity_keys(text, "Place")


@pytest.mark.parametrize(
    "text",
    [
        # a preposition with ال after a facility head: no name
        "لو فجروا في كل مسجد بالآلاف فلن يثنونا عن الصلاة.",
        # a verb with a pronoun referring back after a place noun: a relative clause
        "وقتل الجيش عشرين مسلحا قرب البلدة في منطقة ينشط فيها التنظيم.",
    ],
)
def test_no_place_from_a_common_phrase_after_a_head(text: str) -> None:
    assert not entity_keys(text, "Place")


def _country_keys(text: str, source: str | None) -> list[tuple[str, str]]:
    from rasd.extract.pipeline import extract_article
    from rasd.extract.reader import parse_record

    record = {"content": text} if source is None else {"content": text, "source": source}
    ex = extract_article(parse_record(record, "test"))
    return [(m.surface, m.key) for m in ex.mentions if m.cls == "Country"]


def test_the_kingdom_alone_is_the_publishers_kingdom() -> None:
    text = "وقال المتحدث إن المملكة تدعم جهود مكافحة الإرهاب، وإن أمن المملكة خط أحمر."
    saudi = match_key("السعودية")
    assert _country_keys(text, "sabq") == [("المملكة", saudi), ("المملكة", saudi)]
    assert _country_keys(text, None) == []  # no publisher and no kingdom named: nothing


def test_the_kingdom_alone_is_the_one_kingdom_the_article_names() -> None:
    text = "وصل الوفد إلى الأردن أمس، وقال رئيسه إن المملكة تدعم الحوار."
    jordan = match_key("الأردن")
    assert _country_keys(text, None) == [("الأردن", jordan), ("المملكة", jordan)]
    # a Saudi publisher's kingdom is a candidate too: two kingdoms, no link
    assert _country_keys(text, "sabq") == [("الأردن", jordan)]
    both = "زار الوزير الأردن والسعودية، وقال إن المملكة تدعم الحوار."
    assert ("المملكة", match_key("السعودية")) not in _country_keys(both, "sabq")
    assert _country_keys("وقال إن المملكة المتحدة تدعم الحوار.", "sabq") == [
        ("المملكة المتحدة", match_key("بريطانيا"))
    ]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        (
            "وأكد خادم الحرمين الشريفين أن المملكة تقف إلى جانب الأردن في حربه على الإرهاب.",
            "الأردن",
        ),
        (
            "وقال وزير الخارجية عادل الجبير إن المملكة ترفض التدخل الإيراني، وذلك خلال زيارته"
            " إلى المملكة المتحدة أمس.",
            "بريطانيا",
        ),
    ],
)
def test_another_kingdom_named_does_not_override_the_publishers(text: str, other: str) -> None:
    assert ("المملكة", match_key(other)) not in _country_keys(text, "sabq")


def test_a_kingdom_without_a_long_form_makes_the_kingdom_ambiguous() -> None:
    text = (
        "وأعلنت البحرين أمس القبض على خلية إرهابية، وقالت وزارة الداخلية إن المملكة لن تتهاون"
        " مع الإرهاب."
    )
    assert ("المملكة", match_key("السعودية")) not in _country_keys(text, "sabq")
    assert ("المملكة", match_key("البحرين")) in _country_keys(text, None)
    # named only in another sentence, such a kingdom leaves the publisher's
    other = "وأعلنت البحرين أمس القبض على خلية إرهابية. وقال المتحدث إن المملكة تدعم جهودها."
    assert ("المملكة", match_key("السعودية")) in _country_keys(other, "sabq")


@pytest.mark.parametrize(
    "text",
    [
        "وعاد الوفد من المملكة إلى بلاده أمس.",
        "وعاد الوفد من المملكة الى بلاده أمس.",
        "وقال إن الهجوم لن يزيد المملكة إلا قوة.",
    ],
)
def test_the_kingdom_before_a_word_folded_to_al_is_linked(text: str) -> None:
    assert _country_keys(text, "sabq") == [("المملكة", match_key("السعودية"))]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وقال إن الولاء لِلمملكة ثابت.", "مملكة"),
        ("وقال إن وَالمملكة تدعم الحوار.", "المملكة"),
        ("وقال إن الولاء للمـملكة ثابت.", "مـملكة"),
    ],
)
def test_the_kingdom_span_steps_over_harakat_and_tatweel(text: str, surface: str) -> None:
    assert _country_keys(text, "sabq") == [(surface, match_key("السعودية"))]


def test_the_singular_form_of_the_emergency_forces_is_their_node() -> None:
    text = "والتقى الأمير بأسر شهداء قوة الطوارئ الخاصة بعسير، وزار مسجد قوة الطوارئ الخاصة."
    assert match_key("قوات الطوارئ الخاصة") in entity_keys(text, "Organization")
    assert entity_keys(text, "Place") & {match_key("مسجد قوات الطوارئ الخاصة")}
    assert match_key("مسجد قوة الطوارئ الخاصة") not in entity_keys(text, "Place")


def test_a_campaign_of_the_gazetteer() -> None:
    text = "وقال رئيس حملة السكينة عبدالمنعم المشوح إن التنظيم يستهدف الشباب."
    assert match_key("حملة السكينة") in entity_keys(text, "Organization")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وهبطت الطائرة في مطار بالما دي مايوركا بعد ساعتين.", "مطار بالما دي مايوركا"),
        ("وأقام الوفد في فندق بالاس بالعاصمة.", "فندق بالاس"),
    ],
)
def test_a_facility_name_starting_with_bal_that_is_no_preposition(text: str, place: str) -> None:
    assert match_key(place) in entity_keys(text, "Place")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وقال إن بلدة يبرود بها مئات المسلحين.", "يبرود"),
        ("وقال إن قرية تلكلخ فيها مئات المسلحين.", "تلكلخ"),
    ],
)
def test_a_town_before_a_preposition_with_a_pronoun_is_a_place(text: str, place: str) -> None:
    assert match_key(place) in entity_keys(text, "Place")


def test_a_force_head_before_a_kind_adjective_is_another_force() -> None:
    from rasd.extract.pipeline import extract_article
    from rasd.extract.reader import parse_record

    text = (
        "وكان الشهيد يعمل في قوة الطوارئ الخاصة بعسير، وأخوه الأكبر يعمل في القوات الخاصة"
        " لأمن المنشآت بمحافظة الخفجي."
    )
    ex = extract_article(parse_record({"content": text, "source": "okaz"}, "test"))
    emergency = match_key("قوات الطوارئ الخاصة")
    assert emergency in {m.key for m in ex.mentions}
    assert [m.surface for m in ex.mentions if m.key == emergency] == ["قوة الطوارئ الخاصة"]


def test_lam_rule_compares_folded_words() -> None:
    text = "وقال خالد الأنصاري إن الحادث مؤلم، وفي رسالة للأنصاري طالب بالتحقيق."
    assert mend_span(text, *_span(text, "للأنصاري"), "Person") is None


def test_lam_rule_leaves_a_longer_name() -> None:
    text = (
        "وقال الملك سلمان بن عبدالعزيز إن الحادث مؤلم، وبعث الرئيس برقية للملك سلمان بن عبدالعزيز."
    )
    start = text.rindex("للملك")
    assert mend_span(text, start, len(text) - 1, "Person") is not None


def test_every_publisher_country_and_kingdom_member_is_a_country_of_the_lexicon() -> None:
    """A misspelt country in ``publishers.tsv`` or ``state_noun_members.tsv`` would make its
    rows silently useless: each must be a Country of the lexicon."""
    from rasd.extract.lexicon import lexicon_index
    from rasd.extract.resources import Publisher, StateNounMember, load_table

    index = lexicon_index()
    countries = [r.country for r in load_table("publishers.tsv", Publisher) if r.country != "-"]
    countries += [r.country for r in load_table("state_noun_members.tsv", StateNounMember)]
    assert countries
    for country in countries:
        info = index.get(match_key(country))
        assert info is not None and info.cls == "Country", country
