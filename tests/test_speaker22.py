"""Speaker choice in speaker22 (issue 11): classes of unresolved and wrong speakers counted over
every spent corpus (``bench/speaker_classes.py``, ``bench/speaker22_results.md``).

- a family name alone in a cue's subject slot («واعتبر الشيشكلي أن …») stands for the person
  whose full name was written before it in the article right after a given name («… أديب
  الشيشكلي، …») even when rasd did not read that full name as a person (an unlisted title,
  a long complement, a name the NER did not tag): the full name becomes the person.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, extract_text, said

from rasd.extract.folding import TATWEEL
from rasd.extract.text import match_key

# the name follows a description rasd does not read as a title: no person is made there
_FIRST = "تحدثت الفنانة التشكيلية أحلام {name} عن معرضها الجديد في الرياض أمس. "


@pytest.mark.parametrize(
    ("name", "later"),
    [
        ("الحدّاوي", "الحداوي"),  # shadda written once
        ("الحداوي", "الحدّاوي"),
        ("الحَدَّاوِي", "الحداوي"),  # full diacritics
        ("الحداوي", "الحـ" + TATWEEL + "داوي"),  # tatweel
        ("الأزهري", "الازهري"),  # hamza on the alef, then none
        ("الازهري", "الأزهري"),
    ],
)
@pytest.mark.parametrize("cue", ["وأكدت", "واكدت", "وأكّدت"])
def test_a_family_name_in_the_subject_slot_is_the_full_name_written_before(
    name: str, later: str, cue: str
) -> None:
    text = _FIRST.format(name=name) + f"{cue} {later} أن الفن رسالة سلام بين الشعوب."
    speakers, status, _ = claim_with(said(text), "الفن رسالة")
    assert status == "resolved"
    assert len(speakers) == 1 and speakers[0].startswith("أحلام ")


def test_the_running_speaker_goes_on_after_the_family_name() -> None:
    text = (
        _FIRST.format(name="الحداوي")
        + "وأكدت الحداوي أن الفن رسالة سلام بين الشعوب. وأضافت أن المعرض يستمر أسبوعا."
    )
    speakers, _status, _ = claim_with(said(text), "المعرض يستمر")
    assert len(speakers) == 1 and speakers[0].startswith("أحلام ")


@pytest.mark.parametrize("before", ["الكاتب الحداوي", "عن الحداوي", "والحداوي"])
def test_no_given_name_before_the_family_name_makes_no_person(before: str) -> None:
    # the guard: the word before is a title, a preposition, or nothing
    text = f"تحدث {before} عن المعرض أمس. وأكد الحداوي أن الفن رسالة سلام بين الشعوب."
    names = {m.key for m in extract_text(text).mentions if m.cls == "Person"}
    assert not any(k.endswith(" الحداوي") for k in names)
    speakers, _status, _ = claim_with(said(text), "الفن رسالة")
    assert not any(s.split()[0] in ("عن", "والحداوي", "تحدث") for s in speakers)


def test_two_given_names_before_the_family_name_make_no_person() -> None:
    # two people of that family: the family name alone names neither
    text = (
        "حضرت أحلام الحداوي وشقيقتها حكمة الحداوي الحفل أمس. "
        "وأكدت الحداوي أن الفن رسالة سلام بين الشعوب."
    )
    speakers, _status, _ = claim_with(said(text), "الفن رسالة")
    assert not any(s.endswith(" الحداوي") for s in speakers)


@pytest.mark.parametrize("given", ["أديب", "اديب", "حكمة", "حكمه"])
def test_the_full_name_after_a_long_title_complement(given: str) -> None:
    text = (
        f"انتقد عضو لجنة الزراعة في مجلس الشورى {given} الطرموزي قرار الوزارة. "
        "وشدد الطرموزي على أن القرار يضر بالمزارعين."
    )
    speakers, status, _ = claim_with(said(text), "القرار يضر")
    assert status == "resolved"
    assert len(speakers) == 1 and speakers[0].endswith(" الطرموزي")


# a quoted name inside the circumstantial phrase after the verb ---------------------------

_SPOKE = "قال رئيس الحزب الدكتور سمير الخوري إن الحرب وحدها لا تكفي. "


@pytest.mark.parametrize(
    "quoted",
    [
        "«مواجهة التطرف والإرهاب والعنف في المنطقة»",
        "»مواجهة التطرف والإرهاب والعنف في المنطقة»",  # the closing mark opening it
        '"مواجهة التطرف والإرهاب والعنف في المنطقة"',
        "“مواجهة التطرّف والإرهاب والعنف في المنطقة”",
        "«مواجهة التطـ" + TATWEEL + "رف والإرهاب والعنف في الأردن»",
    ],
)
@pytest.mark.parametrize(
    ("verb", "prep"),
    [("ولفت", "إلى أن"), ("ولَفَتَ", "الى أن"), ("وأكد", "أن"), ("واكد", "ان")],
)
def test_a_quoted_name_in_the_circumstantial_phrase_keeps_the_running_speaker(
    quoted: str, verb: str, prep: str
) -> None:
    text = _SPOKE + f"{verb} في مؤتمر {quoted} في عمان أمس {prep} «الحل السياسي هو الأساس»."
    speakers, status, _ = claim_with(said(text), "الحل السياسي")
    assert (speakers, status) == (("سمير الخوري",), "resolved")


def test_a_subject_after_the_quoted_phrase_is_still_read() -> None:
    # the guard: a person named after the circumstantial phrase is the speaker
    text = (
        _SPOKE
        + "وقال في مؤتمر «الأمن والسلام» وزير الداخلية خالد المومني إن الأمن مستقر في كل المحافظات."
    )
    speakers, _status, _ = claim_with(said(text), "الأمن مستقر")
    assert speakers == ("خالد المومني",)


# a place noun and the place it names inside a title's complement --------------------------


@pytest.mark.parametrize(
    "title",
    [
        "نائب رئيس محافظة الأنبار",
        "نائب رئيس محافظـ" + TATWEEL + "ة الأنبار",
        "نائب رئيس محافظه الانبار",  # ة written as ه, no hamza
        "نائب رئيس مُحافظة الأنبار",
        "نائب محافظ محافظة الأنبار",
    ],
)
@pytest.mark.parametrize("name", ["أديب الطرموزي", "اديب الطرموزي", "حكمة الطرموزي"])
@pytest.mark.parametrize("said_to", ['"عكاظ" بأن', "لـ«عكاظ» إن"])
def test_a_place_noun_and_its_place_in_a_title_introduce_the_name(
    title: str, name: str, said_to: str
) -> None:
    verb = "أبلغ" if said_to.startswith('"') else "قال"
    text = f"{verb} {title} {name} {said_to} الأمطار أغرقت الشوارع الرئيسية في المدينة."
    speakers, status, _ = claim_with(said(text), "الأمطار أغرقت")
    assert status == "resolved"
    assert len(speakers) == 1 and speakers[0].endswith("الطرموزي")


def test_a_place_noun_without_a_named_place_introduces_nobody() -> None:
    # the guard: «في المدينة» names no place, the words after it are no name
    text = "أكد مدير الشرطة في المدينة حكمة الموقف أن الأمطار أغرقت الشوارع الرئيسية في المدينة."
    speakers, _status, _ = claim_with(said(text), "الأمطار أغرقت")
    assert not any("الموقف" in s for s in speakers)


# a given name opening with فال is no ف + a definite word -----------------------------------


@pytest.mark.parametrize("given", ["فالح", "فَالِح", "فالـ" + TATWEEL + "ح"])
@pytest.mark.parametrize("verb", ["والتقى الوفد", "وزار المستشفى"])
@pytest.mark.parametrize("family", ["الزيدي", "العيساوي"])
def test_a_given_name_opening_with_fa_al_keeps_its_fa(given: str, verb: str, family: str) -> None:
    text = (
        f"{verb} {given} {family} في مكتبه ببغداد أمس. "
        f"وقال {family} إن القوات الأمنية تقدمت نحو المدينة."
    )
    speakers, status, _ = claim_with(said(text), "القوات الأمنية")
    assert status == "resolved"
    assert len(speakers) == 1 and match_key(speakers[0]).startswith("فالح ")


def test_fa_and_a_definite_word_still_loses_its_fa() -> None:
    # the guard: «فالحكومة» is ف + الحكومة, not a name
    text = (
        "انسحب الوفد من الاجتماع، فالحكومة العراقية رفضت الطلب. وقال الوفد إن القرار نهائي تماما."
    )
    ex = extract_text(text)
    assert not any(m.key.startswith("فالحكومه") for m in ex.mentions)
