"""Review fixes of the claims19/speaker19 rules (fix18a, issue 11).

- an organisation opening the sentence before a bare comma speaks through the verb after it
  only when what the verb says follows it at once (إن/أن, a colon, a quotation) or after
  في/خلال/لـ: a word right after the verb may be the verb's own subject («الحكومة السورية،
  قالت المعارضة إنها …»: the government is the topic, the opposition speaks).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said

# an organisation before a bare comma is no subject when a word follows the verb -------------


@pytest.mark.parametrize(
    "subject",
    ["المعارضة", "الطبيبة سارة", "منظمات محلية"],
)
def test_fronted_organisation_before_a_bare_comma_and_a_subject_is_no_speaker(
    subject: str,
) -> None:
    claims = said(
        "وصل وفد من الصليب الأحمر إلى المدينة المحاصرة صباح أمس. "
        f"وزارة الدفاع الروسية، قالت {subject} إنها قصفت المستشفى الوحيد في البلدة ليلا."
    )
    speakers = claim_with(claims, "المستشفى الوحيد")[0]
    assert "وزارة الدفاع الروسية" not in speakers


@pytest.mark.parametrize(
    "verb",
    [
        "قالت إن",
        "قالت: إن",
        "قالت في بيان إن",
        "قالت خلال مؤتمر صحافي إن",
        "قالت للصحفيين إن",
        "قالت لـ«رويترز» إن",
        "من جانبها، قالت إن",
    ],
)
def test_fronted_organisation_before_a_comma_speaks_when_the_verb_says_at_once(
    verb: str,
) -> None:
    claims = said(
        "وصل وفد من الصليب الأحمر إلى المدينة المحاصرة صباح أمس. "
        f"وزارة الدفاع الروسية، {verb} طائراتها لم تقصف المستشفى الوحيد في البلدة."
    )
    speakers = claim_with(claims, "المستشفى الوحيد")[0]
    assert speakers == ("وزارة الدفاع الروسية",)


# a country followed by a reason (بسبب، جراء، لـ) is the verb's object -------------------------

_REPORT = "نشر مركز الدراسات الدولية تقريره السنوي في جنيف أمس. "


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("وأدانت إسرائيل بسبب هدم المنازل في القدس الشرقية خلال العام الماضي.", "إسرائيل"),
        ("وأدانت إسرائيل جراء هدم المنازل في القدس الشرقية خلال العام الماضي.", "إسرائيل"),
        ("وأدانَت السعودية لقيامها بإعدام عشرات المعارضين خلال العام الماضي.", "السعودية"),
        ("وأدانت إسرائيل لهدمها المنازل في القدس الشرقية خلال العام الماضي.", "إسرائيل"),
    ],
)
def test_country_before_a_reason_is_no_speaker(sentence: str, country: str) -> None:
    claims = said(_REPORT + sentence)
    assert all(c[0] != (country,) for c in claims)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("ونددت تركيا بالهجوم على قافلة المساعدات الإنسانية قرب الحدود.", "قافلة المساعدات"),
        ("وأدانت تركيا بأشد العبارات الهجوم على قافلة المساعدات الإنسانية.", "قافلة المساعدات"),
        ("وأدانت تركيا الهجوم على قافلة المساعدات الإنسانية قرب الحدود.", "قافلة المساعدات"),
    ],
)
def test_country_before_its_prepositional_object_still_speaks(sentence: str, content: str) -> None:
    claims = said(_REPORT + sentence)
    assert claim_with(claims, content)[0] == ("تركيا",)


# countries joined by و after the verb speak together ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("وقالت مصر والسعودية في بيان مشترك إن الوضع في اليمن يزداد خطورة.", ("مصر", "السعودية")),
        ("وقالت مصر والسعودية إن الوضع في اليمن يزداد خطورة.", ("مصر", "السعودية")),
        (
            "وأكدت مصر والسعودية والإمارات في بيان مشترك أن الوضع في اليمن يزداد خطورة.",
            ("مصر", "السعودية", "الإمارات"),
        ),
        (
            "وأدانت مصر والولايات المتحدة بشدة الهجوم على ناقلة النفط في البحر الأحمر.",
            ("مصر", "الولايات المتحدة"),
        ),
    ],
)
def test_coordinated_countries_speak_together(sentence: str, countries: tuple) -> None:
    [claim] = said(_REPORT + sentence)
    assert claim[0] == countries
    assert not claim[2].startswith("و")


# the country rule reads the verb's gender from the cue table (_cue_gender) ----------------


@pytest.mark.parametrize("verb", ["ونفت", "ونفَت", "وتنفي"])
def test_feminine_verb_with_a_weak_final_letter_before_a_country(verb: str) -> None:
    # نفت (نفى): the feminine of a verb with a weak final letter, known from the cue table
    claims = said(_REPORT + f"{verb} روسيا الاتهامات الموجهة إليها بقصف المستشفى الوحيد.")
    assert claim_with(claims, "الاتهامات الموجهة")[0] == ("روسيا",)
