"""Clitic-aware lexicon matching and nisba adjectives, on real Arabic."""

from __future__ import annotations

import pytest

from rasd.extract.lexicon import NameMatcher, lexicon_matcher, nisba_country
from rasd.extract.records import EntityInfo
from rasd.extract.text import Folded, match_key


def keys(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.key) for m in lexicon_matcher().find(Folded(text))]


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("قاتلوا وداعش معاً", "داعش", "داعش"),
        ("انضم لداعش", "داعش", "داعش"),
        ('ان اهتمام تنظيمات كـ"داعش" بالعالم', "داعش", "داعش"),
        ("قاتل في العراق", "العراق", "العراق"),
        ("مقاتلون بالعراق", "العراق", "العراق"),
        ("دعم للعراق", "للعراق", "العراق"),
        ("يستخدم وتويتر", "تويتر", "تويتر"),
        ("حسابات الفيسبوك", "الفيسبوك", "فيسبوك"),
        ("شركة ” تويتر” ” وفيس بوك”", "فيس بوك", "فيسبوك"),
        ("مقاتلي تنظيم الدولة الإسلامية", "تنظيم الدولة الإسلامية", "داعش"),
        ("في سورية", "سورية", "سوريا"),
        ("زار أميركا", "أميركا", "الولايات المتحده"),
        ("زار أمريكا", "أمريكا", "الولايات المتحده"),
        ("المتحدث باسم ISIS", "ISIS", "داعش"),
        ("تنظيم دَاعِش", "دَاعِش", "داعش"),
        ("تنظيم داعـــش", "داعـــش", "داعش"),
    ],
)
def test_aliases_and_clitics_resolve_to_one_key(text: str, surface: str, key: str) -> None:
    assert (surface, key) in keys(text)


def test_nisba_adjectives_are_not_place_mentions() -> None:
    found = {k for _s, k in keys("قال الجنرال الأمريكي والسفير الفرنسي إن القوات العراقية تقدمت")}
    assert not found & {"الولايات المتحده", "فرنسا", "العراق"}


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("الأمريكي", "الولايات المتحده"),
        ("الأميركية", "الولايات المتحده"),
        ("الفرنسيين", "فرنسا"),
        ("الإيطالي", "ايطاليا"),
        ("الأوروبيون", "اوروبا"),
        ("الدنماركي", "الدنمارك"),
        ("كتاب", None),
    ],
)
def test_nisba_country(word: str, country: str | None) -> None:
    assert nisba_country(word) == (match_key(country) if country else None)


@pytest.mark.parametrize(
    "text",
    [
        "استغلال العاطفة والحماس في هذا العمر",  # enthusiasm, not حماس (Hamas)
        "حين يقع الفأس في الرأس",  # the axe, not فاس (Fez)
        "الحماس الزائد",
    ],
)
def test_article_on_a_bare_name_is_another_word(text: str) -> None:
    assert not {k for _s, k in keys(text)} & {"حركه حماس", "فاس"}


def test_article_on_a_platform_name_is_kept() -> None:
    assert keys("نشر على الفيسبوك والتويتر") == [("الفيسبوك", "فيسبوك"), ("تويتر", "تويتر")]
    assert keys("لحماس وحماس") == [("حماس", "حركه حماس"), ("حماس", "حركه حماس")]


def test_word_boundaries_and_longest_match() -> None:
    g = NameMatcher.from_entities(
        [
            EntityInfo("مجلس الامن", "Organization", "مجلس الأمن"),
            EntityInfo("الامن", "Organization", "الأمن"),
        ]
    )
    ms = g.find(Folded("اجتمع مجلس الأمن وقوى الأمنية"))
    assert [m.key for m in ms] == ["مجلس الامن"]


def test_ordinary_words_that_look_like_names_are_not_matched() -> None:
    # "على قيد الحياة" is not the newspaper; "أعماق الشبكة" is not the Amaq agency;
    # "لا ينبع من" is a verb, not the city of Yanbu.
    text = "ما يزالون على قيد الحياة ويختبئون في أعماق الشبكة، وهذا لا ينبع من موقف"
    assert keys(text) == []
