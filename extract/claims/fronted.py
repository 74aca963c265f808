"""Subjects standing before their verb in the sentence: after كان, right before the cue, a
mention opening the sentence (after a title, with a role), and an organisation opening the
sentence as the subject of a verb that says at once.
"""

from __future__ import annotations

from rasd.extract.claims.quotes import _QUOTE_OPEN
from rasd.extract.claims.words import (
    _BEFORE_VERB,
    _CLAUSE_OPENERS,
    _RELATIVES,
    _detached_lam,
    _is_complementiser,
)
from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.lexicon import nisba_country
from rasd.extract.patterns import claim_words, is_source_noun, match_title, media_heads
from rasd.extract.records import Mention
from rasd.extract.text import QUOTE_CLOSERS, fold

_MAX_DESCRIBED = 8  # tokens of the object before the بـ phrase of "وصف X Y بـ…"
_KANA = frozenset(w for w in _BEFORE_VERB if w != fold("قد"))


def _fronted_subject(doc: Doc, view: SentView, i: int) -> bool:
    """Whether one word no mention covers stands between كان and the verb at token ``i``
    (``وكانت الوزارة أعلنت``، ``وكانت الجبهة أعلنت``): the verb's own subject."""
    return (
        i > 1
        and view.folded[i - 2] in _KANA
        and view.tokens[i - 1].word
        and view.folded[i - 1].startswith("ال")
        and doc.mention_at_token(view.tokens[i - 1]) is None
    )


def _subject_right_before(doc: Doc, view: SentView, i: int, speakers: list[str]) -> bool:
    """Whether a mention of the last of ``speakers`` ends right before the cue at token
    ``i`` (or before قد / كان standing between them)."""
    k = i - 1
    while k >= 0 and view.folded[k] in _BEFORE_VERB:
        k -= 1
    if k < 0:
        return False
    m = doc.mention_at_token(view.tokens[k])
    return m is not None and m.key == speakers[-1]


#: words (a title) that may stand before a subject opening its sentence
_MAX_OPENING_TITLE = 5


def _opens_sentence(doc: Doc, view: SentView, m: Mention) -> bool:
    """Whether mention ``m`` is the subject that opens its sentence, after a title at most
    ("وزير الدفاع العراقي خالد العبيدي يتهم"): no preposition attached to it, and no
    relative pronoun, ما or punctuation before it ("بعد بيعها إلى ما تسمى بالدولة
    الإسلامية قالت" is no subject of قالت)."""
    toks = view.tokens
    first = next((k for k, t in enumerate(toks) if t.end > m.start), None)
    if first is None or first > _MAX_OPENING_TITLE:
        return False
    if doc.article.text[toks[first].start : m.start]:
        return False  # "بالدولة": a preposition attached
    return all(
        t.word and view.folded[k] not in _RELATIVES and view.folded[k] != "ما"
        for k, t in enumerate(toks[:first])
    )


def _titled_org(doc: Doc, view: SentView, m: Mention) -> tuple[int, str | None] | None:
    """Whether a listed title stands right before the organisation mention ``m`` («رئيس
    مجلس النواب العراقي»): then (the title's first token, the one person an earlier sentence
    gave the same title phrase — :func:`_earlier_holder` — or None); None without a title."""
    from rasd.extract.claims.names import _earlier_holder

    if m.cls != "Organization":
        return None
    toks = view.tokens
    first = next((k for k, t in enumerate(toks) if t.end > m.start), None)
    if first is None or doc.article.text[toks[first].start : m.start]:
        return None
    end = next((k for k in range(first, len(toks)) if toks[k].start >= m.end), len(toks))
    for k in range(max(0, first - _MAX_OPENING_TITLE), first):
        hit = match_title(view, k)
        if hit is not None and hit[1] == first:
            return k, _earlier_holder(doc, view, k, end)
    return None


#: words between a person opening the sentence and his verb, his role included
_MAX_ROLE_WORDS = 9


def _person_with_role(doc: Doc, view: SentView, i: int) -> str | None:
    """The person opening the sentence whose role in a body stands between him and the
    verb at token ``i`` («اللواء محمد الغامدي المتحدث الرسمي للمديرية العامة لحرس الحدود
    أدان …»، «اللواء X مدير جوازات منطقة عسير استنكر …»): right after his name a title or a
    source noun (مدير، المتحدث), then only words up to the verb — no punctuation, no other
    person.  The verb's subject is he, not the body named in his role."""
    toks = view.tokens
    person = None
    for k in range(i - 1, max(-1, i - 1 - _MAX_ROLE_WORDS), -1):
        if not toks[k].word:
            return None
        m = doc.mention_at_token(toks[k])
        if m is not None and m.cls == "Person":
            person = m
            break
    if person is None or person.key not in doc.entities:
        return None
    after = next((k for k in range(i) if toks[k].start >= person.end), i)
    if after == i or doc.mention_at_token(toks[after]) is not None:
        return None
    if match_title(view, after) is None and not is_source_noun(toks[after].text):
        return None
    if not _opens_sentence(doc, view, person):
        return None
    return person.key


_TOPIC = claim_words("topic_opener")  # أما


_FRONTED_SAYS = claim_words("fronted_says")


def _says_at_once(doc: Doc, view: SentView, after: int) -> bool:
    """Whether token ``after``, right after a verb, opens what was said (إن/أن, a colon, a
    quotation mark) or an adverbial before it (``fronted_says``: في، خلال; ل attached, as in
    «للصحفيين»، «لـ«رويترز»»): no word that could be the verb's own subject."""
    toks = view.tokens
    if after >= len(toks):
        return True
    t = toks[after]
    if t.text == ":" or t.text in _QUOTE_OPEN:
        return True
    if not t.word:
        return False
    f = view.folded[after]
    if _is_complementiser(t.text) or f in _FRONTED_SAYS:
        return True
    prefixed = _detached_lam(t.text, f) or f.startswith("لل")
    return prefixed or (f.startswith("ل") and bool(bare_forms(t.text[1:]) & media_heads()))


def _fronted_org(doc: Doc, view: SentView, i: int, after: int) -> str | None:
    """An organisation opening the sentence as the subject of the verb at token ``i``
    («صحيفة الإندبندنت البريطانية قالت إن»، «صحيفة "X" الأميركية من جانبها قالت»، «أما
    صحيفة "X" فأكدت أن»): between them only quotation marks, nationality adjectives, commas
    and the aside «من جانبها» / «بدورها».  After «أما» the verb carries فـ; otherwise it
    carries neither و nor ف (a verb with و after a noun opens a clause of its own).  After a
    bare comma (no aside, no «أما») the organisation may be a topic whose subject follows the
    verb («الحكومة السورية، قالت المعارضة إنها …»): then only a verb that says at once
    (:func:`_says_at_once`, token ``after`` the cue) has it as subject."""
    toks = view.tokens
    k = 0
    topic = i > 0 and view.folded[0] in _TOPIC
    k += topic
    if k < i and doc.mention_at_token(toks[k]) is None and bare_forms(toks[k].text) & media_heads():
        k += 1  # «صحيفة "الجارديان"»: the head outside the name the lexicon found
    if k < i and toks[k].text in _QUOTE_OPEN:
        k += 1
    m = doc.mention_at_token(toks[k]) if k < i else None
    if m is None or m.cls != "Organization" or m.key not in doc.entities:
        return None
    while k < i and toks[k].start < m.end:
        k += 1
    comma = aside = False
    while k < i:
        f = view.folded[k]
        if toks[k].text in "،,":
            comma = True
            k += 1
        elif toks[k].text in QUOTE_CLOSERS or nisba_country(toks[k].text):
            k += 1
        elif f == "من" and k + 1 < i and view.folded[k + 1] in _CLAUSE_OPENERS:
            aside = True
            k += 2  # «من جانبها»، «من جهتها»
        elif f in _CLAUSE_OPENERS and f.startswith("بدور"):
            aside = True
            k += 1
        else:
            return None
    verb = view.folded[i]
    if (verb.startswith("ف") and len(verb) > 3) != topic or verb.startswith("و"):
        return None
    if comma and not aside and not topic and not _says_at_once(doc, view, after):
        return None
    return m.key
