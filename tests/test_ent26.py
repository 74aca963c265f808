"""ent26 (issue 11): one node per real organisation — a ministry named by its portfolio
alone («وزارة الداخلية») is the ministry of the article's country, a short form of an
organisation the article names in full («حزب الشعوب» … «حزب الشعوب الديمقراطي»، «الحركة
القومية» … «حزب الحركة القومية») is that organisation, and a definite head with its لـ
complement («الإدارة العامة للمعلومات والتوثيق») is a name of its own, not a reference back to
the last body of that head — sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import extract_text

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.extract.records import Extraction


def _from(publisher: str, text: str) -> Extraction:
    return extract_article(parse_record({"content": text, "source": publisher}, "test"))


def _org_keys(ex: Extraction) -> set[str]:
    return {m.key for m in ex.mentions if m.cls == "Organization"}


def _key_of(ex: Extraction, surface: str) -> str:
    return next(m.key for m in ex.mentions if m.surface == surface)


@pytest.mark.parametrize(
    ("publisher", "text", "key"),
    [
        (
            "sabq",
            "أعلنت وزارة الداخلية القبض على ثلاثة مطلوبين في محافظة القطيف.",
            "وزاره الداخليه السعوديه",
        ),
        (
            "okaz",
            "وقال المتحدث الأمني لوزارة الداخلية إن التحقيق مستمر.",
            "وزاره الداخليه السعوديه",
        ),
        (
            "sabq",
            "أعلنت وزارة الداخلية في تونس توقيف خلية، وقال مسؤول تونسي إن أفرادها تدربوا في "
            "ليبيا، وأضاف أن الأمن التونسي يلاحق الباقين في تونس.",
            "وزاره الداخليه التونسيه",
        ),
        (
            "alriyadh",
            "وذكرت وزارة الصحة أن المصابين نقلوا إلى مستشفيات المملكة.",
            "وزاره الصحه السعوديه",
        ),
    ],
)
def test_a_bare_ministry_is_its_countrys(publisher: str, text: str, key: str) -> None:
    ex = _from(publisher, text)
    assert key in _org_keys(ex)
    assert not any(k.split() == key.split()[:-1] for k in _org_keys(ex))


def test_a_bare_ministry_with_no_country_known_stays_bare() -> None:
    ex = extract_text("وأعلنت وزارة الداخلية القبض على ثلاثة مطلوبين.")
    assert "وزاره الداخليه" in _org_keys(ex)


def test_the_national_form_named_in_the_article_wins() -> None:
    text = "أعلنت وزارة الداخلية المصرية مقتل مسلحين، وقالت وزارة الداخلية إن التحقيق مستمر."
    ex = _from("sabq", text)
    assert _org_keys(ex) >= {"وزاره الداخليه المصريه"}
    assert "وزاره الداخليه السعوديه" not in _org_keys(ex)


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        (
            "وأكد حزب الشعوب الديمقراطي رفضه للعملية، وقال إن حزب الشعوب لن يشارك في الحكومة.",
            "حزب الشعوب",
            "حزب الشعوب الديمقراطي",
        ),
        (
            "وقال حزب الحركة القومية في بيان إن الحركة القومية ترفض الاتفاق.",
            "الحركة القومية",
            "حزب الحركة القومية",
        ),
        (
            "وأعلنت إدارة البحث الجنائي توقيف المتهم، وأوضحت إدارة البحث أنه اعترف.",
            "إدارة البحث",
            "إدارة البحث الجنائي",
        ),
    ],
)
def test_a_short_form_is_the_organisation_named_in_full(text: str, short: str, full: str) -> None:
    ex = extract_text(text)
    assert _key_of(ex, short) == _key_of(ex, full)


def test_a_lexicon_name_keeps_its_node() -> None:
    ex = extract_text("وقال حزب الله إن كتائب حزب الله لم تشارك في الهجوم.")
    assert "حزب الله" in _org_keys(ex)


def test_two_longer_names_leave_the_short_one_alone() -> None:
    text = (
        "وقالت لجنة التحقيق الوطنية إن لجنة التحقيق الدولية لم تصل، "
        "وأكدت لجنة التحقيق أن العمل مستمر."
    )
    ex = extract_text(text)
    keys = _org_keys(ex)
    assert {"لجنه التحقيق الوطنيه", "لجنه التحقيق الدوليه"} <= keys


def test_a_lam_complement_names_its_own_body() -> None:
    text = (
        "وأعلنت إدارة البحث الجنائي توقيف المتهم، وورد كتاب الإدارة العامة للمعلومات والتوثيق "
        "إلى القسم."
    )
    ex = extract_text(text)
    assert _key_of(ex, "الإدارة العامة للمعلومات والتوثيق") != _key_of(ex, "إدارة البحث الجنائي")
