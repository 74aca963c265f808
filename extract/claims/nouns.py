"""Cues that are nouns or look like one: ``عبّر X عن`` (:func:`_expressed`), verbal nouns
(``بعد إعلان وزارة الداخلية أن``) and their speakers, nouns owned by a renewing verb
(``وأعاد X التأكيد``), and the person named right before a possessive cue (``قوله``).
"""

from __future__ import annotations

import functools

from rasd.extract.claims.after import speakers_after
from rasd.extract.claims.content import _MAX_SPLIT_OBJECT
from rasd.extract.claims.running import _RECAP_VERB
from rasd.extract.claims.words import (
    _CLAUSE_OPENERS,
    _OWNER_BLOCKERS,
    _SPEAKER_CLASSES,
    _is_complementiser,
    _plain_word,
    _token_after,
    honorific_subjects,
)
from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.patterns import (
    _may_start_cue,
    claim_words,
    is_nisba,
    is_source_noun,
    match_cue,
    match_title,
    word_list,
)

_EXPRESSED = claim_words("expressed")


def _expressed(doc: Doc, view: SentView, i: int) -> tuple[str, str, str, int] | None:
    """``عبّر X عن …`` (expressed): عبر is mostly "via", so it is a cue only at the head of a
    clause (sentence start, after a comma, وعبر, ولطالما عبر, من جانبه عبر), followed by a
    speaker, with its عن within :data:`_MAX_SPLIT_OBJECT` words and no comma before it (not
    عن طريق "by means of")."""
    toks = view.tokens
    f = view.folded[i]
    bare = f[1:] if f[:1] in "وف" and f[1:] in _EXPRESSED else f
    if bare not in _EXPRESSED or i + 1 >= len(toks):
        return None
    prev = toks[i - 1] if i > 0 else None
    head = prev is None or not prev.word or view.folded[i - 1] in _CLAUSE_OPENERS
    if not head and bare == f:
        return None
    if prev is not None and prev.word and bare != f and view.folded[i - 1] not in (_CLAUSE_OPENERS):
        return None  # "على تويتر وعبر فيسبوك": and via
    nxt = toks[i + 1]
    m = doc.mention_at_token(nxt)
    speaker = (m is not None and m.cls in (*_SPEAKER_CLASSES, "Country")) or (
        nxt.word and (is_source_noun(nxt.text) or match_title(view, i + 1) is not None)
    )
    # "وعبر معاليه عن بالغ إدانته": an honorific pronoun is the subject
    speaker = speaker or (nxt.word and view.folded[i + 1] in honorific_subjects())
    if not speaker:
        return None
    for k in range(i + 2, min(len(toks), i + 1 + _MAX_SPLIT_OBJECT)):
        if toks[k].text in ".:؟!،,":
            return None
        if view.folded[k] == "عن":
            if k + 1 < len(toks) and view.folded[k + 1] == "طريق":
                return None
            return bare, "verb", "sg", i + 1
    return None


_VERBAL_NOUNS = claim_words("verbal_noun")
_PATIENT_GENITIVE = claim_words("patient_genitive")


def _noun_forms(f: str) -> set[str]:
    """A folded noun with و/ف, then ب/ل, stripped (وبإعلان → إعلان), never ال."""
    forms = {f, f[1:]} if f[:1] in "وف" else {f}
    return forms | {w[1:] for w in forms if w[:1] in "بل"}


def _verbal_noun(doc: Doc, view: SentView, i: int) -> tuple[str, str, str, int] | None:
    """``بعد إعلان وزارة الداخلية أن …``، ``ردا على تأكيد أوباما في خطابه أن …``: a verbal
    noun (``claim_words.tsv``, group ``verbal_noun``; و/ف and ب/ل before it, never ال) whose
    genitive right after it names a speaker: a person, an organisation or a country named
    there, a source noun or a title.  Its kind is ``verbal-noun``: a statement only when the
    speaker is read (:func:`_noun_speaker`)."""
    toks = view.tokens
    if not toks[i].word or i + 1 >= len(toks) or not toks[i + 1].word:
        return None
    noun = _verbal_noun_of(view.folded[i])
    if noun is None:
        return None
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and (prev.text == ":" or (prev.word and _is_complementiser(prev.text))):
        return None  # "وقالوا: إن دعوة المالكي لـ… لا يمكن …": the subject of what they said
    if prev is not None and not bare_forms(prev.text).isdisjoint(_RECAP_VERB):
        return None  # "وجاءت دعوة مجدلاني فيما …": the call recapped, made before
    framing = match_cue(view, i - 1) if i > 0 else None
    if framing is not None and framing[1] == "preposition":
        return None  # "بحسب دعوة الرئيس": what the "according to" cue frames
    m = doc.mention_at_token(toks[i + 1])
    if m is not None:
        speaker = m.cls in (*_SPEAKER_CLASSES, "Country") and m.start == toks[i + 1].start
        return (noun, "verbal-noun", "sg", i + 1) if speaker else None
    if is_source_noun(toks[i + 1].text) or match_title(view, i + 1) is not None:
        return noun, "verbal-noun", "sg", i + 1
    return None


def _verbal_noun_of(f: str) -> str | None:
    """The verbal noun a folded word is (:func:`_noun_forms`), or None (asked where
    :func:`_may_open_cue`, memoised, lets a word through)."""
    return next(iter(_noun_forms(f) & _VERBAL_NOUNS), None)


@functools.lru_cache(maxsize=100_000)
def _may_open_cue(f: str) -> bool:
    """Whether any of :func:`match_cue`, :func:`_expressed`, :func:`_verbal_noun` and
    :func:`_owned_noun` may find a cue at a token folded ``f`` (each of them returns None
    at once for any other word; memoised: ``find_claims`` asks at every token)."""
    return (
        _may_start_cue(f)
        or f in _EXPRESSED
        or (f[:1] in "وف" and f[1:] in _EXPRESSED)
        or _verbal_noun_of(f) is not None
        or (f[2:] if f.startswith("ال") else f) in _VERBAL_NOUNS
    )


def _owned_noun(doc: Doc, view: SentView, i: int) -> tuple[str, str, str, int] | None:
    """``وأعاد X التأكيد بـ…``، ``كرر X تأكيد عزمه …``، ``وحرص X على التأكيد على …``: a
    verbal noun (group ``verbal_noun`` of ``claim_words.tsv``, with ال or without, no other
    clitic: «بالتأكيد» is "certainly"), at most a preposition of group
    ``governed_preposition`` (على، إلى) before it, and right before that the person who is
    the subject of a verb that renews or commits to what is said (``renewal_verbs.tsv``, group
    ``noun_governor``: حرص، عاد), the verb opening its clause (:func:`_owner_before`).  Its
    kind is ``owned-noun``; the speaker is read again in ``find_claims``."""
    toks = view.tokens
    if not toks[i].word or i + 1 >= len(toks) or not toks[i + 1].word:
        return None
    f = view.folded[i]
    noun = f[2:] if f.startswith("ال") else f
    if noun not in _VERBAL_NOUNS or not _noun_owner(doc, view, i):
        return None
    return noun, "owned-noun", "sg", i + 1


def _noun_owner(doc: Doc, view: SentView, i: int) -> list[str]:
    """The speaker of :func:`_owned_noun`'s noun at token ``i``, or ``[]``."""
    k = i - 1 if i > 0 and view.folded[i - 1] in claim_words("governed_preposition") else i
    if k > 1 and _plain_word(doc, view, k - 1) and is_nisba(view.folded[k - 1]):
        k -= 1  # "عاد وزير الخارجية المصري إلى التأكيد": a nisba after the title read
    verbs = renewal_verbs() | claim_words("noun_governor")
    return _owner_before(doc, view, k, verbs, _CLAUSE_OPENERS)


def _noun_speaker(doc: Doc, view: SentView, j: int) -> tuple[list[str], int]:
    """The speaker a verbal noun's genitive names from token ``j`` and where it ends: a
    country named there («مع إعلان أنقرة عزمها …»: its government), else
    :func:`speakers_after` as after a finite verb."""
    toks = view.tokens
    m = doc.mention_at_token(toks[j]) if j < len(toks) else None
    if m is not None and m.cls == "Country" and m.start == toks[j].start:
        speakers, k = [m.key], _token_after(view, j, m.end)
    else:
        speakers, k = speakers_after(doc, view, j, heads=True)
    if m is not None and m.layer == "coref-title" and speakers == [m.key]:
        n = _token_after(view, j, m.end)
        if n < len(toks) and toks[n].word and view.folded[n].startswith("ال"):
            # "مطالبة المحافظ المقال أثيل النجيفي": the title goes on past what was read as
            # standing for someone named before; whose title it is stays unread
            return [], j
    if (
        speakers
        and j > 0
        and not _noun_forms(view.folded[j - 1]).isdisjoint(_PATIENT_GENITIVE)
        and k < len(toks)
        and view.folded[k][:1] == "ب"
    ):
        return [], j  # "واتهام جبهة النصرة بقتل …": the one accused
    return speakers, k


def renewal_verbs() -> frozenset[str]:
    """Verbs that renew or repeat what their subject said (``renewal_verbs.tsv``: جدد، كرر،
    أعاد), folded: "جدد X تأكيده" is X's word, "رفض X قوله" someone else's."""
    return word_list("renewal_verbs.tsv")


def _owner_before(
    doc: Doc,
    view: SentView,
    i: int,
    verbs: frozenset[str] | None = None,
    openers: frozenset[str] = frozenset(),
) -> list[str]:
    """The person named right before a verbal noun that introduces speech (``قوله``،
    ``بالقول``) when that person is the subject of the verb opening the clause: "واكتفى رئيس
    الوزراء أحمد داود أوغلو بالقول إن …" — whose words they are.

    Only a title may stand between the verb and the name, and the verb opens its clause
    (sentence start or a punctuation mark before it): in "ورد أردوغان على رئيس الوزراء
    بنيامين نتنياهو بالقول"، "وسخر من الرئيس بشار الأسد بالقول" the person named is the one
    answered. ``verbs``: the verb must also be one of these (folded, without و/ف);
    ``openers``: words that may stand right before the verb (folded: «كما عاد X إلى …»)."""
    toks = view.tokens
    if i == 0:
        return []
    owner = doc.mention_at_token(toks[i - 1])
    if owner is None or owner.cls != "Person" or owner.end != toks[i - 1].end:
        return []
    first = _token_after(view, 0, owner.start)  # the name's first token
    verb = first - 1
    # the longest title before the name, with at most one word (a nisba) after it: "رئيس
    # الوزراء"، "رئيس الوزراء الإسرائيلي"
    for t in range(max(0, first - 4), first):
        hit = match_title(view, t) if toks[t].word else None
        if hit is not None and first - 1 <= hit[1] <= first:
            verb = t - 1
            break
    if verb < 0 or not toks[verb].word or view.folded[verb] in _OWNER_BLOCKERS:
        return []
    if verb > 0 and toks[verb - 1].word and view.folded[verb - 1] not in openers:
        return []  # the verb does not open its clause: "على تصريحات الرئيس …"
    f = view.folded[verb]
    if verbs is not None and f not in verbs and not (f[:1] in "وف" and f[1:] in verbs):
        return []
    return [owner.key]
