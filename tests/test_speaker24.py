"""Speaker choice in speaker24 (issue 11): a definite plural or dual participle or nisba as the
subject of a speech verb («وأضاف المصابون بأن …»، «واعترف المتهمان بأنه …»، «قال الجمهوريون
إن …») is an unnamed group speaking, when what was said (a complementiser, a colon, a
preposition) follows it at once.  Such a noun is in no list of source nouns, titles or names,
so the claim was left open.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said

from rasd.extract.folding import TATWEEL
from rasd.extract.text import match_key

_CLAIM = "الأطباء قدموا لهم رعاية طبية ممتازة طوال الأسبوع."


@pytest.mark.parametrize("cue", ["وأضاف", "فأضاف", "أضاف", "وأكد", "واكد", "وأكّد"])
@pytest.mark.parametrize(
    "subject",
    [
        "المصابون",
        "المصابُونَ",  # diacritics
        "المصاب" + TATWEEL + "ون",  # tatweel
        "المتهمان",  # a dual
        "الجمهوريون",  # a nisba
        "المصابون الفلسطينيون",  # and its adjective
        "المسئولان",  # hamza written on the line
    ],
)
@pytest.mark.parametrize("after", [" أن ", " بأن ", "، أن ", " إن ", ": "])
def test_a_definite_plural_participle_is_a_group_speaking(
    cue: str, subject: str, after: str
) -> None:
    speakers, status, _ = claim_with(said(f"{cue} {subject}{after}{_CLAIM}"), "قدموا لهم")
    assert status == "resolved"
    assert [match_key(s) for s in speakers] == [match_key(subject)]


@pytest.mark.parametrize(
    "subject",
    [
        "القانون",  # a thing ending in ون (no participle, no nisba)
        "الزيتون",
        "الان",  # too short
        "الميدان",  # a place noun beginning with م: too short for a dual
    ],
)
def test_no_group_from_a_word_that_only_ends_like_a_plural(subject: str) -> None:
    speakers, _status, _ = claim_with(said(f"وأضاف {subject} أن {_CLAIM}"), "قدموا لهم")
    assert [match_key(s) for s in speakers] != [match_key(subject)]


def test_no_group_when_the_claim_does_not_follow() -> None:
    # "وأضاف المصابون عددا …": the plural is the object's neighbour, not a speaker before a
    # complementiser
    claims = said(f"وذكر المصابون الفلسطينيون أسماء الأطباء الذين عالجوهم ثم قال {_CLAIM}")
    assert not any(
        match_key("المصابون") in [match_key(s) for s in speakers] for speakers, _s, _t in claims
    )


@pytest.mark.parametrize("relative", ["الذي", "التي", "والتي"])
def test_no_group_in_a_relative_clause(relative: str) -> None:
    # "القرار الذي يعتقد المسيحيون أنه …": a belief ascribed inside a description of something
    # else, not a statement of the group
    text = f"وتحدث الكاتب عن القرار {relative} يعتقد المسيحيون أنه صدر في نهاية القرن الرابع."
    claims = said(text)
    assert not any(
        match_key("المسيحيون") in [match_key(s) for s in speakers] for speakers, _s, _t in claims
    )


_LATER = "أنها تمثل فصلا جديدا في الاعتداء على حرية الصحافة."


@pytest.mark.parametrize(
    "verb", ["واستنكر", "فاستنكر", "استنكر", "وأدان", "وادان", "واستنكـ" + TATWEEL + "ر"]
)
@pytest.mark.parametrize("group", ["يمنيون", "مهندسون", "يمنيُّون", "متظاهرون"])
@pytest.mark.parametrize("participle", ["مشيرين إلى", "مؤكدين", "مؤكِّدين", "مؤكـ" + TATWEEL + "دين"])
def test_a_plural_participle_goes_on_with_the_group_after_a_cue_verb(
    verb: str, group: str, participle: str
) -> None:
    # the clause opens with a cue verb whose object is no statement, then a plural participle:
    # the plural participle or nisba after the verb is the group speaking
    text = f"{verb} {group} هذه الخطوة، {participle} {_LATER}"
    speakers, status, _ = claim_with(said(text), "فصلا جديدا")
    assert status == "resolved"
    assert [match_key(s) for s in speakers] == [match_key(group)]


@pytest.mark.parametrize("participle", ["مؤكدين", "مشيرين إلى"])
def test_a_quantified_group_after_a_cue_verb(participle: str) -> None:
    text = f"واستنكر عدد من المواطنين الحادث، {participle} {_LATER}"
    speakers, status, _ = claim_with(said(text), "فصلا جديدا")
    assert status == "resolved"
    assert len(speakers) == 1 and "المواطنين" in speakers[0]


@pytest.mark.parametrize("name", ["مأمون", "ميمون"])
def test_no_group_from_a_name_or_a_singular_participle(name: str) -> None:
    # a masculine singular participle is never a group's; a name ending in ون is one person
    text = f"واستنكر {name} الحسيني هذه الخطوة، مشيرا إلى {_LATER}"
    speakers, _status, _ = claim_with(said(text), "فصلا جديدا")
    assert match_key(name) not in [match_key(s) for s in speakers]
