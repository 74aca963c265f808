"""Speaker choice in speaker23 (issue 11): a name after a title whose complement is an
organisation head and a place («رئيس مجلس محافظة الأنبار X»، «المتحدث باسم حكومة الأنبار X»،
«مدير شرطة محافظة نينوى X»).  The titles are read before the organisations are found, so the
head («مجلس»، «شرطة»، «حكومة») is no mention yet; the head and the place after it (a place
mention, or a place noun and the place) are the title's complement, and the name after them is
read as the person (``patterns.skip_modifiers``).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, extract_text, said

from rasd.extract.folding import TATWEEL
from rasd.extract.text import match_key

_CLAIM = "إن المجلس طالب بفتح ممرات آمنة للمدنيين."


@pytest.mark.parametrize("cue", ["وقال", "فقال", "وقالَ", "قال"])
@pytest.mark.parametrize(
    "title",
    [
        "رئيس مجلس محافظة الأنبار",
        "رئيسُ مجلسِ محافظةِ الأنبار",  # diacritics
        "رئيس مجلس محافظة الانبار",  # no hamza on the alef
        "رئيس مجلس محـ" + TATWEEL + "افظة الأنبار",  # tatweel
        "نائب رئيس مجلس محافظة نينوى",
        "مدير شرطة محافظة نينوى",
        "مدير شرطة محافظه نينوى",  # ة written ه
        "المتحدث باسم حكومة الأنبار",
        "مدير شرطة بمحافظة نينوى",  # ب on the place noun
    ],
)
@pytest.mark.parametrize("after", [" لـ«المدى» ", " للمدى ", " "])
def test_the_name_after_a_head_and_a_place_is_the_speaker(cue: str, title: str, after: str) -> None:
    text = f"{cue} {title} صباح كرحوت{after}{_CLAIM}"
    speakers, status, _ = claim_with(said(text), "المجلس طالب")
    assert status == "resolved"
    assert list(speakers) == ["صباح كرحوت"]


@pytest.mark.parametrize("name", ["حكمة الدليمي", "حكمه الدليمي"])
def test_a_given_name_that_is_a_common_word(name: str) -> None:
    text = f"وأكد المتحدث باسم حكومة الأنبار {name} لـ«المدى» أن القوات سيطرت على الحي."
    speakers, status, _ = claim_with(said(text), "القوات سيطرت")
    assert status == "resolved"
    assert len(speakers) == 1 and speakers[0].split()[-1] == "الدليمي"


@pytest.mark.parametrize("after", ["أمس", "اليوم", "في بيان"])
def test_no_name_after_the_place_makes_no_person(after: str) -> None:
    # the guard: a date word, a definite word, or a preposition after the place is no name
    text = f"وقال رئيس مجلس محافظة الأنبار {after} {_CLAIM}"
    persons = [m.key for m in extract_text(text).mentions if m.cls == "Person"]
    assert persons == []


# a name in apposition right after the cue: «CUE NAME، TITLE …، إن»
_APPOSED = "{cue} {name}، عضو العلاقات الخارجية في الحزب، لـ«المدى»، إن العمليات الدفاعية مستمرة."


@pytest.mark.parametrize("cue", ["وقال", "فقال", "قال", "وأكد", "واكد", "وأكّد"])
@pytest.mark.parametrize(
    "name",
    [
        "دليل آمد",
        "دليل امد",  # no madda
        "دَلِيل آمَد",  # diacritics
        "دلـ" + TATWEEL + "يل آمد",  # tatweel
    ],
)
def test_a_name_in_apposition_after_the_cue_is_the_speaker(cue: str, name: str) -> None:
    text = _APPOSED.format(cue=cue, name=name)
    speakers, status, _ = claim_with(said(text), "العمليات الدفاعية")
    assert status == "resolved"
    assert [match_key(s) for s in speakers] == ["دليل امد"]


@pytest.mark.parametrize(
    "text",
    [
        # no cue before the name: an object, left to the NER
        "والتقى الوفد دليل آمد، عضو العلاقات الخارجية في الحزب، في العاصمة أمس.",
        # both words common: no name
        "وقال دليل عمل، عضو العلاقات الخارجية في الحزب، إن العمليات الدفاعية مستمرة.",
    ],
)
def test_no_apposed_name_without_the_cue_or_with_common_words(text: str) -> None:
    persons = [m.key for m in extract_text(text).mentions if m.cls == "Person"]
    assert "دليل امد" not in persons and "دليل عمل" not in persons


# a name after the definite words of an unlisted title, before the complementiser
@pytest.mark.parametrize("cue", ["قالت", "وقالت", "فقالت", "وقالـ" + TATWEEL + "ت"])
@pytest.mark.parametrize(
    "title", ["الناشطة المدنية", "النّاشطة المدنيّة", "الناشطة المدنية الإيزيدية", "الناشطه المدنيه"]
)
@pytest.mark.parametrize("after", ["، لـ«المدى»، إن", " إن", " لـ«المدى» أن", " أنّ", ":"])
def test_a_name_after_an_unlisted_title_is_the_speaker(cue: str, title: str, after: str) -> None:
    text = f"{cue} {title} رسالة شركاني{after} المختطفات يوجدن في عدد من المناطق."
    speakers, status, _ = claim_with(said(text), "المختطفات يوجدن")
    assert status == "resolved"
    assert [match_key(s) for s in speakers] == ["رساله شركاني"]


@pytest.mark.parametrize(
    "text",
    [
        # no complementiser after the two words: no name («المتهم عيدان ندمه على الحادث»)
        "وطالبت الناشطة المدنية رسالة شركاني بالإفراج عن المختطفات في المناطق.",
        # both words common: no name
        "وقالت اللجنة الدولية رسالة واضحة إن المختطفات يوجدن في المناطق.",
    ],
)
def test_no_name_after_definites_before_a_preposition_or_of_common_words(text: str) -> None:
    persons = [m.key for m in extract_text(text).mentions if m.cls == "Person"]
    assert "رساله شركاني" not in persons and "رساله واضحه" not in persons
