"""Speaker choice in speaker21 (issue 11): classes of unresolved and wrong speakers counted over
every spent corpus (``bench/speaker_classes.py``, ``bench/speaker21_results.md``).

- the word right after a cue's preposition is its object, never a one-word name:
  «وشدد على ضرورة أن …»، «مشددا على ضرورة أن …» are the running speaker's, not a person
  «ضرورة»'s (a word written twice in the article and standing before أن was read as a
  person known by one name).
- a title whose complement runs on to a name («مسؤول العلاقات الخارجية في حكومة الإقليم X»)
  introduces that person: it no longer refers back to another official named before, and X
  holds the title's group, so a later «وتابع المسؤول الكردي» is X's, not the president's.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, extract_text, said

from rasd.extract.folding import TATWEEL

_MINISTER = "قال وزير الداخلية خالد المومني إن الأمن مستقر في كل المحافظات. "
_AGAIN = " وأضاف أن أهمية الحذر قائمة."  # the noun written a second time in the article


@pytest.mark.parametrize(
    "noun",
    ["أهمية", "اهمية", "أهمّية", "أَهَمِّيَّةِ", "أه" + TATWEEL + "مية"],
)
@pytest.mark.parametrize("cue", ["وشدد على", "وشدّد على", "وأشار إلى", "واشار الى"])
def test_the_object_of_a_cues_preposition_is_no_speaker(cue: str, noun: str) -> None:
    text = _MINISTER + f"{cue} {noun} أن يلتزم المواطنون بالتعليمات." + _AGAIN
    assert all(m.cls != "Person" or m.key == "خالد المومني" for m in extract_text(text).mentions)
    assert claim_with(said(text), "يلتزم المواطنون")[0] == ("خالد المومني",)


@pytest.mark.parametrize("participle", ["مشددا", "مشدداً", "مشددًا", "مشد" + TATWEEL + "دا"])
def test_the_object_after_a_participles_preposition_is_no_speaker(participle: str) -> None:
    text = (
        "قال وزير الداخلية خالد المومني إن الأمن مستقر، "
        f"{participle} على أهمية أن يلتزم المواطنون بالتعليمات." + _AGAIN
    )
    assert claim_with(said(text), "يلتزم المواطنون")[0] == ("خالد المومني",)


@pytest.mark.parametrize("verb", ["وأشارت", "واشارت"])
def test_a_given_name_before_the_preposition_stays(verb: str) -> None:
    # the guard: the word before the cue's preposition is still read as the speaker
    text = f"وصلت الناشطة سهى الأحمد إلى المدينة أمس. {verb} سهى إلى أن الأوضاع صعبة في المخيمات."
    assert claim_with(said(text), "الأوضاع صعبة")[0] == ("سهى الأحمد",)


# a title's complement runs on to the name it introduces ---------------------------------

_PRESIDENT = "قال رئيس إقليم كردستان مسعود الحسيني للصحافيين إن المحادثات كانت صعبة جدا. "


@pytest.mark.parametrize(
    "title",
    [
        "مسؤول العلاقات الخارجية في حكومة الإقليم",
        "مسؤول العلاقات الخارجية في حكومة الاقليم",
        "مسؤول العلاقات الخارجيّة في حكومة الإقليم",
        "مسؤول العلاقات الخارجي" + TATWEEL + "ة في حكومة الإقليم",
        "مَسؤولُ العلاقاتِ الخارجيةِ في حكومةِ الإقليمِ",
    ],
)
def test_a_titles_complement_runs_on_to_its_name(title: str) -> None:
    text = (
        _PRESIDENT + f"وانتقد {title} سالم يوسف قرار الحزب إنهاء الهدنة. "
        "وتابع المسؤول الكردي أن الحل يجب أن يكون سياسيا."
    )
    claims = said(text)
    assert claim_with(claims, "قرار الحزب")[0] == ("سالم يوسف",)
    assert claim_with(claims, "الحل يجب")[0] == ("سالم يوسف",)


def test_a_title_alone_still_refers_back() -> None:
    # the guard: with no name after the first title, the official is the president
    text = (
        _PRESIDENT + "وانتقد المسؤول الكردي قرار الحزب إنهاء الهدنة. "
        "وتابع المسؤول الكردي أن الحل يجب أن يكون سياسيا."
    )
    assert claim_with(said(text), "الحل يجب")[0] == ("مسعود الحسيني",)
