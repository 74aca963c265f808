"""Statements found in claims21 (issue 11): the next most frequent classes of statements rasd
did not find over every spent corpus (unseen3–17, ``bench/miss_classes.py``).

- inflections of the verbs of ``speech_cues.tsv`` missing from it (تضيف، يطالبون، ينددون،
  يشيرون، ترحب، تشجب، اتهمتا …, read as "noun cue" by ``bench/miss_classes.py``).  Not the
  forms whose claims were mostly wrong or matched nothing on unseen3–17: يزعم/تزعم (rhetorical
  «من يزعم أن»)، يعتقدون، يتساءل، يتحدثون عن، اتهما (passive «اتُّهما»)، أبلغوا (reported to the
  police); nor, for now, أبلغت، يستنكرون، أكدتا (right claims, but each left one more claim
  unresolved or cut a statement it stands inside: ``bench/claims21_results.md``).
- a sentence opening with a short fronted phrase and its comma («وإزاء ذلك، خرج X …؛ فهاجم …
  قائلا») is a clause whose subject the participle continues (``_clause_openings``), not the
  group that spoke before it.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

from rasd.extract.folding import TATWEEL

# inflections of the lexicon's verbs -------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "subject"),
    [
        ("وتَضِيفُ", "وزارة الداخلية"),
        ("تضيف", "حركة النهضة"),
        ("وتضيف", "وزارة الداخلية"),
        ("وترحب", "وزارة الداخلية"),
        ("وتشجب", "وزارة الداخلية"),
        (f"وتـ{TATWEEL}ضيف", "وزارة الداخلية"),
    ],
)
def test_missing_inflections_are_cues(verb: str, subject: str) -> None:
    claims = said(f"{verb} {subject} أن القوات ستواصل ملاحقة الخلايا في الأحياء الشمالية.")
    hit = [c for c in claims if c[2].startswith("القوات ستواصل")]
    assert hit and hit[0][0] == (subject,) and hit[0][1] == "resolved"


@pytest.mark.parametrize("verb", ["اتهمتا", "واتهمتا", "اتّهمتا"])
def test_a_feminine_dual_verb_is_a_cue(verb: str) -> None:
    text = (
        "وقالت الناشطة سارة الأحمد والناشطة ليلى حسن إن الحصار مستمر. "
        f"و{verb.lstrip('و')} الحكومة بأن القوات ستواصل ملاحقة الخلايا في الأحياء الشمالية."
    )
    claims = said(text)
    assert any(c[2].startswith("القوات ستواصل") for c in claims)


@pytest.mark.parametrize(
    "verb", ["يطالبون", "ويطالبون", "ويشيرون إلى", "وينددون", "ويُطالبون", "ويؤكدون", "يؤكدون"]
)
def test_a_plural_present_verb_is_a_cue(verb: str) -> None:
    claims = said(f"{verb} السكان أن القوات ستواصل ملاحقة الخلايا في الأحياء الشمالية.")
    hit = [c for c in claims if c[2].startswith("القوات ستواصل")]
    assert hit


def test_a_plural_present_verb_after_its_group() -> None:
    text = (
        "واستنكر عدد من المواطنين الهجوم على المسجد. "
        "ويطالبون بأن القوات ستواصل ملاحقة الخلايا في الأحياء الشمالية."
    )
    claims = said(text)
    assert any(c[2].startswith("القوات ستواصل") for c in claims)


@pytest.mark.parametrize("fronted", ["وإزاء ذلك", "وفي المقابل", "وإزاء ذلـك", "وفي المُقابل"])
def test_a_participle_after_a_fronted_phrase_continues_its_clause_subject(fronted: str) -> None:
    text = (
        "وقال خبراء وسياسيون إن الإرهاب ترك بلا ملاحقة في البلاد.\n"
        f"{fronted}، خرج رئيس الوزراء سعيد الخالدي لمواجهة الحملة؛ فهاجم المعارضة قائلا: "
        "«نرفض جميعا هذا الكلام أيا كان مصدره»."
    )
    claims = said(text)
    hit = [c for c in claims if c[2].startswith("نرفض جميعا")]
    assert hit and hit[0][0] == ("سعيد الخالدي",) and hit[0][1] == "resolved"
