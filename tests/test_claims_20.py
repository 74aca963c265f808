"""Statements found in claims20 (issue 11): the classes of statements rasd did not find that
are frequent over every spent corpus (unseen3–17, ``bench/miss_classes.py``).

- a headline (or a line) whose label before the colon is a group of people, a plural noun
  with no name («مثقفون: …»، «محللون أردنيون: …»، «مواطنون في الجنوب لـ«الصحيفة»: …»): the group
  is an unnamed source and speaks.  Not a country or a city alone («ليبيا: قتيلان …» is a
  dateline as often as a statement), not a singular common noun («الخلاصة: …»), not a nisba
  plural («أمنيون: …»: as often named persons the article interviews).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

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
