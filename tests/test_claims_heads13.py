"""Statements read in unseen9's errors (issue 11, claims13) and kept because unseen3–8 (not
read this round) did not get worse.

- ``أعلن تنظيم داعش أنه …``: an organisation named right after its head noun (a row of
  ``org_heads.tsv`` the NER left out of the name) is the subject of the verb.
- ``وقال المسؤول … طالبا عدم كشف اسمه، إن …``: a verb after عدم (``cue_nouns.tsv``) is a
  verbal noun; it neither makes a claim nor cuts off the statement it stands in.
- ``أعلن التنظيم مسؤوليته عن الهجوم``، ``وتبنى التنظيم مسؤولية الهجوم``: the claim of
  responsibility (``said_objects.tsv``) is what was said, also after ``«داعش» الإرهابي``;
  تبنى (kind ``responsibility`` in ``speech_cues.tsv``) is a statement only with such an
  object (the last test is a guard: it passed before).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ("إلى ذلك، أعلن تنظيم داعش أنه نفذ الهجوم على نقطة التفتيش.", "داعش", "نفذ الهجوم"),
        (
            "وذكر تنظيم داعش في بيان نشره على الإنترنت أن مقاتليه سيطروا على المدينة.",
            "داعش",
            "مقاتليه سيطروا",
        ),
    ],
)
def test_org_after_its_head_noun_speaks(text: str, speaker: str, words: str) -> None:
    speakers, status, _text = claim_with(said(text), words)
    assert (speakers, status) == ((speaker,), "resolved")


def test_verbal_noun_after_adam_is_no_cue() -> None:
    claims = said(
        "وقال المسؤول لوكالة الصحافة الفرنسية طالبا عدم كشف اسمه، إن العمليات العسكرية "
        "تهدف إلى القضاء على المخاطر التي تهدد الحدود."
    )
    [(speakers, status, text)] = claims
    assert status == "resolved" and speakers
    assert text.startswith("العمليات العسكرية")


@pytest.mark.parametrize(
    ("text", "speaker", "opening"),
    [
        ("وأعلن داعش مسؤوليته عن الهجوم على المسجد في المدينة.", "داعش", "مسؤوليته عن الهجوم"),
        (
            "وتبنى تنظيم داعش مسؤولية الهجوم على المسجد في مدينة أبها.",
            "داعش",
            "مسؤولية الهجوم",
        ),
        (
            "إلى ذلك، أعلن تنظيم «داعش» الإرهابي مسؤوليته عن التفجير في المسجد.",
            "داعش",
            "مسؤوليته عن التفجير",
        ),
    ],
)
def test_claim_of_responsibility_is_what_was_said(text: str, speaker: str, opening: str) -> None:
    [(speakers, status, claim)] = said(text)
    assert speakers == (speaker,) and status == "resolved"
    assert claim.startswith(opening)


def test_adopting_a_policy_is_no_statement() -> None:
    assert said("وتبنت الحكومة الأردنية استراتيجية جديدة لمكافحة الإرهاب في المدارس.") == []


@pytest.mark.parametrize(
    ("word", "nisba"),
    [("الإرهابي", True), ("العراقية", True), ("التنظيم", False), ("إرهابي", False)],
)
def test_one_nisba_test_for_claims_and_names(word: str, nisba: bool) -> None:
    # the form of a definite relational adjective (ال…ي، ال…ية), tested in one place
    # (patterns.is_nisba) for the end of a subject (``تنظيم «داعش» الإرهابي مسؤوليته``) and of
    # an organisation's name (``الجيش العراقي``)
    from rasd.extract.patterns import is_nisba
    from rasd.extract.text import fold

    assert is_nisba(fold(word)) is nisba
