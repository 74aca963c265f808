"""Statements found in claims20 (issue 11): the classes of statements rasd did not find that
are frequent over every spent corpus (unseen3–17, ``bench/miss_classes.py``).

- a headline (or a line) whose label before the colon is a group of people, a plural noun
  with no name («مثقفون: …»، «محللون أردنيون: …»، «مواطنون في الجنوب لـ«الصحيفة»: …»): the group
  is an unnamed source and speaks.  Not a country or a city alone («ليبيا: قتيلان …» is a
  dateline as often as a statement), not a singular common noun («الخلاصة: …»), not a nisba
  plural («أمنيون: …»: as often named persons the article interviews).
- «سائلاً/سائلين الله أن …» (asking God) continues the running speaker: 13 statements not found
  in 9 corpora.  A cue only with God right after it («وقودا سائلا»، «مواد سائلة»: liquid), not
  inside a quoted speech still open in its paragraph, and never given to the phrase before it
  nor left open («وقدم التعازي لأسرة الفقيد، سائلا الله أن»: the addressee; an earlier session
  took سائلا out of the cues for that, ``tests/test_claims_fix12c.py``, which still holds).
- interview answers: a line opening with «●●» or a rule of tatweels «ـــ» right after a line
  ending with «؟» is said by the person the article names most often before it (47 statements
  not found in 11 corpora, cue ``-``, most in four interviews).  fix19b narrowed it: the
  interviewee of a حوار/التقت/لقاء sentence first, never the interviewer, two pairs at least
  (``tests/test_claims_fix19b.py``).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said

from rasd.extract.folding import TATWEEL

BODY = "وصلت تعزيزات أمنية إلى المنطقة الشرقية أمس بعد الهجوم على المركز."

# a group of people before a headline colon ----------------------------------------------


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("مثقفون", "مثقفون"),
        ("مُثقّفون", "مُثقّفون"),
        (f"مثقف{TATWEEL}ون", f"مثقف{TATWEEL}ون"),
        ("محللون أردنيون", "محللون أردنيون"),
        ("محللون اردنيون", "محللون اردنيون"),
        ("خبراء", "خبراء"),
        ("مواطنون في الجنوب", "مواطنون في الجنوب"),
        ("مواطنون بمنطقة الجوف", "مواطنون بمنطقة الجوف"),
    ],
)
def test_a_group_before_a_headline_colon_speaks(label: str, speaker: str) -> None:
    claims = said(BODY, title=f"{label}: الاعتداء على المساجد لن يفرق أبناء الوطن الواحد")
    head = [c for c in claims if c[2].startswith("الاعتداء على المساجد")]
    assert head and head[0][0] == (speaker,) and head[0][1] == "resolved"


def test_a_group_with_an_addressee_before_the_colon_speaks() -> None:
    claims = said(BODY, title="مواطنون في الجنوب لـ«الصحيفة»: لن يستطيع الإرهاب هز أمننا")
    head = [c for c in claims if c[2].startswith("لن يستطيع")]
    assert head and head[0][0] == ("مواطنون في الجنوب",) and head[0][1] == "resolved"


@pytest.mark.parametrize(
    "title",
    [
        "ليبيا: قتيلان في اشتباكات بين فصائل مسلحة في الجنوب",  # a dateline
        "الخلاصة: الإرهابيون يستهدفون منشآت نفطية في الخليج",  # a singular common noun
        "الإرهابيون يتحصنون: القوات تحاصر المباني في الحي القديم",  # a clause, a verb in it
        "أمنيون: القوات تحاصر المباني في الحي القديم",  # a nisba plural
    ],
)
def test_no_group_speaks_before_other_colons(title: str) -> None:
    claims = said(BODY, title=title)
    assert not any(
        c[2].startswith(("قتيلان", "الإرهابيون يستهدفون", "القوات تحاصر")) for c in claims
    )


# «سائلاً الله أن …»: a prayer that continues a statement ----------------------------------


@pytest.mark.parametrize("participle", ["سائلا", "سائلاً", f"سائل{TATWEEL}ا", "وسائلا", "سائلًا"])
def test_asking_god_continues_the_speaker(participle: str) -> None:
    claims = said(
        "وقال محافظ المدينة سعيد الغامدي إن الحادث الأليم لن يفرق أبناء البلدة الواحدة، "
        f"{participle} الله العلي القدير أن يتغمد الضحايا بواسع رحمته ويشفي المصابين."
    )
    prayer = [c for c in claims if "يتغمد الضحايا" in c[2]]
    assert prayer and prayer[0][:2] == (("سعيد الغامدي",), "resolved")
    assert participle not in prayer[0][2]
    assert claim_with(claims, "الحادث الأليم")[2].endswith("الواحدة")


def test_the_plural_asking_god_continues_the_group() -> None:
    claims = said(
        "وقال خالد الرميثي وسالم الكعبي إن الحادث لن يفرق أبناء البلدة الواحدة، "
        "سائلين المولى عز وجل أن يحفظ البلاد من كل مكروه."
    )
    prayer = [c for c in claims if "يحفظ البلاد" in c[2]]
    assert prayer and prayer[0][:2] == (("خالد الرميثي", "سالم الكعبي"), "resolved")
    assert "سائلين" not in prayer[0][2]  # its own claim, not the end of the one before


@pytest.mark.parametrize(
    "stuff", ["مواد سائلة قابلة للاشتعال", "وقودا سائلا سريع الاشتعال", "مواد صلبة وسائلة"]
)
def test_a_liquid_is_no_prayer(stuff: str) -> None:
    claims = said(f"وقال خالد الرميثي إن الشرطة ضبطت في المستودع {stuff} في عبوات كثيرة.")
    assert [c[2] for c in claims] == [f"الشرطة ضبطت في المستودع {stuff} في عبوات كثيرة"]


def test_asking_god_inside_a_quoted_speech_is_no_new_statement() -> None:
    claims = said(
        "وقال الأمير في كلمته: «نهنئكم بالعيد السعيد. ونرجو لكم الخير في كل مكان، "
        "سائلين الله أن يعيده على الجميع بالخير والمسرات»."
    )
    assert not any(c[2].startswith("يعيده") for c in claims)


# interview answers: «● question؟ ⏎ ●● answer» -------------------------------------------

INTRO = (
    "التقت الصحيفة رئيس المجلس المحلي سعيد الغامدي في مكتبه، وتحدث سعيد الغامدي عن "
    "الأوضاع في المدينة. فإلى تفاصيل الحوار:\n"
)


@pytest.mark.parametrize("marker", ["●●", "ـــ", "ــ"])
def test_an_interview_answer_is_the_interviewees(marker: str) -> None:
    text = (
        INTRO + "● ما هو تقييمكم لعمل البلدية هذا العام؟\n"
        f"{marker} العمل في البلدية تحسن كثيرا لكن الميزانية ما زالت قليلة.\n"
        "● وماذا عن الطرق؟\n"
        f"{marker} الطرق تحتاج إلى صيانة عاجلة قبل موسم الأمطار.\n"
    )
    claims = said(text)
    for words in ("العمل في البلدية", "الطرق تحتاج"):
        [hit] = [c for c in claims if c[2].startswith(words)]
        assert hit[:2] == (("سعيد الغامدي",), "resolved")


def test_a_list_after_a_question_in_a_report_is_no_answer() -> None:
    text = (
        "لماذا ترتفع الأسعار في الصيف؟\n"
        "●● لأن الطلب على السلع يزيد مع قدوم الزوار إلى المدينة الساحلية.\n"
    )
    assert said(text) == []
