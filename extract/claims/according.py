""" "According to" forms: the words of ``according_to.tsv``, a fronted phrase and its
"فإن", an anonymous source right before its verb, and whether a speaker may follow an
"according to" cue.
"""

from __future__ import annotations

import functools

from rasd.extract.claims.names import (
    _headline_person,
    _is_single_name,
    _ministry_short,
    _surname_ref,
)
from rasd.extract.claims.quotes import _QUOTE_OPEN
from rasd.extract.claims.sources import _quantified_source, _unnamed_source
from rasd.extract.claims.words import (
    _PLURAL_VERB_ENDINGS,
    _SPEAKER_CLASSES,
    _is_complementiser,
    pronoun_subjects,
)
from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.patterns import (
    demonstratives,
    is_source_noun,
    match_cue,
    match_title,
    media_heads,
)
from rasd.extract.resources import AccordingToWord, load_table
from rasd.extract.text import fold

#: tokens an "according to" phrase may take before its "فإن"
_MAX_FA_INNA = 10


@functools.cache
def according_to_words(role: str) -> frozenset[str]:
    """The words of ``according_to.tsv`` with role ``role`` (``fa_inna``, ``head``), folded."""
    rows = load_table("according_to.tsv", AccordingToWord)
    return frozenset(fold(r.word) for r in rows if r.role == role)


def _names_a_source(doc: Doc, view: SentView, j: int) -> bool:
    """Token ``j`` opens what a fronted "according to" phrase can name as its source: a
    named entity, a noun of unnamed sources or documents (``source_nouns.tsv``) or a tally
    (``according_to.tsv`` role ``head``); not «ذلك» nor «القانون» (وبحسب القانون، فإن …)."""
    tok = view.tokens[j]
    if not tok.word or not bare_forms(tok.text).isdisjoint(demonstratives()):
        return False
    if doc.mention_at_token(tok) is not None or is_source_noun(tok.text):
        return True
    heads = according_to_words("head")
    return any(f in heads for f in bare_forms(tok.text))


def _fa_inna(doc: Doc, view: SentView, j: int, limit: int, source_read: bool = False) -> int | None:
    """The token of a "فإن" within :data:`_MAX_FA_INNA` tokens of ``j`` (before character
    ``limit``) that ends an "according to" phrase with a source: ``وبحسب إحصائية "يونامي"
    فإن …``.  ``j`` is the token after the phrase's source when it was read already
    (``source_read``), else the first token after the cue, which must name a source
    (:func:`_names_a_source`).  None when the phrase names no source (ووفقا لذلك، فإن …), a
    speech cue or a complementiser comes first, or nothing follows it."""
    toks = view.tokens
    if not source_read:
        if j >= len(toks) or not _names_a_source(doc, view, j):
            return None
        j += 1
    fa_inna = according_to_words("fa_inna")
    for k in range(j, min(len(toks), j + _MAX_FA_INNA)):
        if toks[k].start >= limit:
            return None
        if not toks[k].word:
            continue
        if view.folded[k] in fa_inna:
            return k if k + 1 < len(toks) and toks[k + 1].start < limit else None
        if _is_complementiser(toks[k].text) or match_cue(view, k) is not None:
            return None
    return None


_ACCORDING = ("بحسب ما", "حسب ما", "وفق ما", "حسبما", "وفقا لما", "كما")


def _source_before(doc: Doc, view: SentView, i: int) -> list[str]:
    """An anonymous source standing right before its verb: "المصادر الأمنية شددت على أن"."""
    for k in range(max(0, i - 4), i):
        tok = view.tokens[k]
        if k > 0 and view.folded[k - 1] in demonstratives():
            continue  # "لمناقشة تلك الأنباء، مشيرا": a noun referring back, an object
        if k > 0 and view.folded[k - 1].endswith(_PLURAL_VERB_ENDINGS):
            continue  # "والتقوا سفراء الدول، مؤكدين": the object of a verb with its own subject
        if tok.word and is_source_noun(tok.text) and doc.mention_at_token(tok) is None:
            named = _headline_person(doc, view, k)
            if named:  # a headline's "خبير أمني يطالب": the expert the article names
                return named
            # "ونفر من الناس يرى": the quantity before the noun is part of the source
            quantity = next(
                (q for q in (k - 2, k - 1) if q >= 0 and _quantified_source(view, q) == k), None
            )
            keys, nxt = _unnamed_source(
                doc, view, k, refer_back=quantity is None, label_from=quantity
            )
            if nxt <= i + 1 and all(t.word for t in view.tokens[nxt:i]):
                return keys  # no comma between: "الأنباء، مشيرا" is no subject
    return []


_MAX_FAR_MARKER = 16  # tokens between a named speaker and a complementiser far after it


def _source_follows(doc: Doc, view: SentView, j: int) -> bool:
    """Whether a speaker may follow an "according to" cue ending before token ``j``: a
    mention, a source noun, a quotation, ما (بحسب ما), a title or an organisation's head
    noun alone (:func:`_ministry_short`)."""
    toks = view.tokens
    if j >= len(toks):
        return False
    tok = toks[j]
    if not tok.word:
        return tok.text in _QUOTE_OPEN
    m = doc.mention_at_token(tok)
    if m is not None:
        return m.cls in _SPEAKER_CLASSES
    f = view.folded[j]
    return (
        bool(_surname_ref(doc, view, j))  # "وبين الشمراني أن"
        or f in pronoun_subjects()  # "وسأل سموه الله أن"
        or _is_single_name(doc, view, j)  # "ردت منيرة: …"
        or (  # "وحسب فضائية «الجزيرة»"
            bool(bare_forms(tok.text) & media_heads())
            and j + 1 < len(view.tokens)
            and view.tokens[j + 1].text in _QUOTE_OPEN
        )
        or f in ("ما", "ل")
        or _is_complementiser(tok.text)
        or bool(is_source_noun(tok.text))
        or match_title(view, j) is not None
        or bool(_ministry_short(doc, view, j, heads=True))  # "بحسب المرصد": named before
    )
