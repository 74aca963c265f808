"""The speakers standing before a subject-less cue in its sentence
(:func:`speakers_before`): the nearest person with those coordinated with it, a one-word name
opening the sentence, the subject of a reported clause, and how a word before a name reads
(:func:`_title_reading`).
"""

from __future__ import annotations

from rasd.extract.claims.words import (
    _RELATIVES,
    _SPEAKER_CLASSES,
    _is_complementiser,
    _times_written,
    is_word_between,
)
from rasd.extract.doc import Doc, SentView, strip_al
from rasd.extract.folding import bare
from rasd.extract.patterns import (
    _add_person,
    _name_like,
    is_nisba,
    is_source_noun,
    match_cue,
    subjectless_words,
    title_first_words,
)
from rasd.extract.records import Mention


def _opening_name(doc: Doc, view: SentView, cue_start: int) -> list[str]:
    """``بشرى التي حاولت الهرب … قالت: …``: a one-word name opening the sentence, followed by
    a relative pronoun or by the verb itself, and written again in the article."""
    toks = view.tokens
    if len(toks) < 2 or toks[0].start >= cue_start or not toks[0].word:
        return []
    f = view.folded[0]
    nxt = view.folded[1]
    if nxt not in _RELATIVES and toks[1].start < cue_start and not match_cue(view, 1):
        return []
    if f.startswith("ال") or len(f) < 3 or is_source_noun(toks[0].text):
        return []
    if f in subjectless_words() or not _name_like(doc, view, 0):
        return []
    if _times_written(doc, f) < 2:
        return []
    key = _add_person(doc, toks[0].start, toks[0].end, "speech-subject")
    return [key] if key else []


_MAX_INNER_NOUN = 3  # definite words of a reported clause's subject between أن and its verb


def _inner_subject(doc: Doc, view: SentView, cue_start: int) -> list[str] | None:
    """The subject of a reported clause whose verb is at ``cue_start``: a definite noun
    phrase between a complementiser and the verb («أن المجلس أعرب عن …»، «إن اللجنة المختصة
    قررت»).  Its keys when it names a speaker (the council the article named before), ``[]``
    when it names nobody rasd knows (no name before it stands for it), ``None`` when no such
    phrase stands there."""
    toks = view.tokens
    k = next((n for n, t in enumerate(toks) if t.start >= cue_start), len(toks)) - 1
    words = 0
    keys: list[str] = []
    while k >= 0 and words < _MAX_INNER_NOUN and view.folded[k].startswith("ال"):
        m = doc.mention_at_token(toks[k])
        if m is not None and m.cls in _SPEAKER_CLASSES and m.key not in keys:
            keys.insert(0, m.key)
        k -= 1
        words += 1
    if words == 0 or k < 0 or not toks[k].word or not _is_complementiser(toks[k].text):
        return None
    return keys[:1]


def speakers_before(doc: Doc, view: SentView, cue_start: int, skip_said: bool = True) -> list[str]:
    """The nearest person (with coordinated persons) before a subject-less cue in the same
    sentence.  Organisations are not taken from the left: there they are mostly objects.

    ``skip_said``: a person named inside what was said before the cue is not taken
    ("وأضاف X أن محادثات لافروف مع كيري …، وقال:"), unless it opens what was said (the
    subject of the reported clause: "إن بينارت لم يعارض …، ولكنه أشار") or stands right
    before the verb ("أن بان كي مون أكد")."""
    inner = _inner_subject(doc, view, cue_start)
    if inner is not None:
        return inner  # "وأوضح الوزير X أن المجلس أعرب عن …": the council, not X
    said = (
        [(c.start, c.end) for c in doc.claims if c.end > view.sentence.start] if skip_said else []
    )
    persons = [
        m
        for m in doc.mentions_in(view.sentence.start, cue_start)
        if m.cls in ("Person", "UnnamedSource")
        and (
            # inside what was said, past its first word (the inner clause's subject,
            # "إن بينارت لم يعارض …، ولكنه أشار", may go on speaking)
            not any(
                a < m.start < b and is_word_between(doc.article.text, a, m.start) for a, b in said
            )
            or not doc.article.text[m.end : cue_start].strip()
        )
    ]
    if not persons:
        return _opening_name(doc, view, cue_start)
    # (not when the verb describes a noun: "تغريدة للرئيس ترامب، كتب فيها": ل of possession)
    if skip_said and _object_of_preposition(doc, view, persons[-1]):
        return []  # "وتمسكت بضرورة الإطاحة بالرئيس السوري بشار الأسد وتقول إن": not him
    last = persons[-1]
    keys = [last.key]
    cur = last
    for m in reversed(persons[:-1]):
        gap = doc.article.text[m.end : cur.start].strip()
        if gap in ("و", "،"):
            keys.insert(0, m.key)
            cur = m
        else:
            break
    return keys


def _object_of_preposition(doc: Doc, view: SentView, m: Mention) -> bool:
    """Whether mention ``m`` is governed by a preposition attached to it («بالدولة») or to the
    title and relational adjectives before it («بالرئيس السوري بشار الأسد»)."""
    toks = view.tokens
    k = next((n for n, t in enumerate(toks) if t.end > m.start), None)
    if k is None:
        return False
    prefix = bare(doc.article.text[toks[k].start : m.start])  # "وَبِـ": no diacritic hides it
    if prefix.lstrip("وف").startswith(("ب", "ل", "ك")):
        return True  # a preposition attached to the name (not و of "ورافايل غلوك")
    k -= 1
    titles = title_first_words()
    while k >= 0 and toks[k].word:
        reading = _title_reading(view.folded[k], titles)
        if reading is None:
            break
        if reading:
            return True  # "بالرئيس السوري"، "للرئيس"، "وبالرئيس": the title carries it
        k -= 1
    return False


def _title_reading(folded: str, titles: frozenset[str]) -> bool | None:
    """How a folded word before a name reads: True for a title or a nisba carrying a
    preposition ب/ك/ل on its ال (``بالرئيس``، ``للرئيس``: ل + ال is written لل), after a
    و/ف or not (``وبالرئيس``); False for a plain one (``الرئيس``، ``السوري``); None for
    neither.  «إلى» (folded الي) and «الذي» have a nisba's letters, not its length."""
    readings = [folded]
    if folded[:1] in ("و", "ف"):
        readings.append(folded[1:])  # "والرئيس"، "وبالرئيس" (not "والي" alone: a title)
    for word in readings:
        attached = False
        if word.startswith(("بال", "كال")):
            word, attached = word[1:], True
        elif word.startswith("لل") and len(word) > 3:
            word, attached = "ا" + word[1:], True
        if (len(word) > 4 and is_nisba(word)) or strip_al(word) in titles:
            return attached
    return None
