"""What was said: where a claim's text is (:func:`_content`), documents named by a quote,
quotations that may open it, content after a cue's preposition (near or split from the verb),
a complementiser far after the subject, verbs standing inside what the cue before reports, and
statements cut short by the next cue.
"""

from __future__ import annotations

from rasd.extract.claims.quotes import _QUOTE_OPEN, _in_open_quote, find_quotes
from rasd.extract.claims.words import (
    _DOC_NOUNS,
    _MAX_MARKER_GAP,
    _MAX_MARKER_GAP_AFTER_COMMA,
    _MIN_QUOTE_WORDS,
    _PREPOSITIONS,
    _RELATIVES,
    _SPEAKER_CLASSES,
    _bi_object,
    _is_complementiser,
    _trim,
    _words,
    not_saying,
)
from rasd.extract.doc import Doc, SentView
from rasd.extract.folding import bare
from rasd.extract.patterns import cue_table, word_list
from rasd.extract.records import EntityInfo
from rasd.extract.text import fold, match_key


def _find_documents(doc: Doc, view: SentView) -> None:
    """``وثيقة بعنوان "الخلافة لن يُقضى عليها"`` → a CreativeWork named by the quote."""
    text = doc.article.text
    for o, cs, ce, _e in find_quotes(text, view.sentence.start, view.sentence.end):
        before = text[max(view.sentence.start, o - 40) : o].split()
        if len(before) >= 2 and fold(before[-1]) in ("بعنوان", "عنوانه"):
            noun = fold(before[-2])
            if any(n in noun for n in _DOC_NOUNS) or fold(before[-2])[-1:] == "ا":
                label = text[cs:ce].strip()
                if not label:
                    continue
                key = f"{doc.article.id}/{match_key(label)}"
                doc.add_entity(
                    EntityInfo(key, "CreativeWork", label, source="pattern", scope=doc.article.id)
                )
                doc.documents.append(key)


def _content(
    doc: Doc, view: SentView, j: int, limit: int
) -> tuple[int, int, str, list[tuple[int, int]]] | None:
    """Where the claim's text is, from token ``j`` up to character ``limit``.

    Returns ``(start, end, kind, extra_quotes)``: a direct quote (after a colon, a
    complementiser or straight after the speaker), or reported speech after a complementiser.
    """
    text = doc.article.text
    toks = view.tokens
    quotes = [
        q
        for q in find_quotes(text, view.sentence.start, view.sentence.end)
        if j < len(toks) and q[0] >= toks[j].start and q[0] < limit
    ]
    k = j
    skipped = 0  # tokens inside quoted phrases passed over: one word each for the gaps
    relative = j < len(toks) and fold(toks[j].text) in _RELATIVES
    while k < len(toks) and toks[k].start < limit:
        tok = toks[k]
        q = next((q for q in quotes if q[0] == tok.start), None)
        if q is not None and not _may_open_content(view, j, k):
            # "على هامش «المؤتمر …»"، "استمرار بلاده في «دعم …»": a quoted phrase
            n = k + 1
            while n < len(toks) and toks[n].start < q[3]:
                n += 1
            skipped += n - k - 1
            k = n
            continue
        if q is not None:
            if _words(text[q[1] : q[2]]) >= _MIN_QUOTE_WORDS:
                extra = [x[1:3] for x in quotes if x[0] > q[0] and _words(text[x[1] : x[2]]) >= 3]
                return q[1], q[2], "direct", extra
            k += 1
            continue
        gap = k - j - skipped
        if gap > _MAX_MARKER_GAP_AFTER_COMMA and not relative:
            break
        far = gap > _MAX_MARKER_GAP and not relative
        after_comma = k > 0 and toks[k - 1].text in "،,"
        if (far and not after_comma) and tok.text != ":":
            k += 1
            continue
        if tok.text in ":" or (tok.word and _is_complementiser(tok.text)):
            n = k + 1
            while n < len(toks) and toks[n].word and _is_complementiser(toks[n].text):
                n += 1
            if n >= len(toks) or toks[n].start >= limit:
                return None
            q = next((q for q in quotes if q[0] == toks[n].start), None)
            if q is not None and _words(text[q[1] : q[2]]) >= _MIN_QUOTE_WORDS:
                q_end = q[2]
                rest = text[q[3] : limit].strip(" .،,")
                if not rest or tok.text == ":":
                    extra = [
                        x[1:3] for x in quotes if x[0] > q[0] and _words(text[x[1] : x[2]]) >= 3
                    ]
                    return q[1], q_end, "direct", extra
            return toks[n].start, limit, "reported", []
        k += 1
    return None


def _may_open_content(view: SentView, j: int, k: int) -> bool:
    """Whether a quotation at token ``k`` may open what a speaker ending before ``j`` said:
    yes, unless a word that makes it part of a phrase stands right before it
    (``quote_in_phrase.tsv``: على هامش «…»، في «دعم …»); a preposition right after the
    speaker is the cue's own (وتأمل لافروف إلى «حوار …»)."""
    if k <= j + 1:
        return True
    return view.folded[k - 1] not in quote_in_phrase()


def quote_in_phrase() -> frozenset[str]:
    """Words after which a quotation is a quoted phrase, not what was said."""
    return word_list("quote_in_phrase.tsv")


def _after_preposition(view: SentView, j: int, limit: int) -> tuple[int, int, str, list] | None:
    """The content right after a cue's preposition (token ``j``), up to ``limit``."""
    toks = view.tokens
    while j < len(toks) and toks[j].word and _is_complementiser(toks[j].text):
        j += 1
    if j >= len(toks) or toks[j].start >= limit:
        return None
    return toks[j].start, limit, "reported", []


_MAX_SPLIT_OBJECT = 14  # tokens from a verb to its cue preposition past a long subject


#: بـ with a bare pronoun («ورحب بهم»، «مرحبا به»: whom, not what) and with a demonstrative
_BI_PRONOUNS = frozenset(fold(w) for w in ("به", "بها", "بهم", "بهن", "بهما"))
_BI_DEMONSTRATIVES = frozenset(fold(w) for w in ("بهذا", "بذلك"))


def _split_preposition(
    view: SentView, cue: str, j: int, limit: int
) -> tuple[int, int, str, list] | None:
    """The content after a cue's own preposition standing after the subject (and object):
    ``عبرت كل الصحف الجزائرية عن تنديدها``، ``وشدد الاتحاد الذي يرأسه … على تضامنه``،
    ``طالب مجلس المحافظة الحكومة بوقف القصف`` (a ``cue ب`` row: بـ glued to the noun).

    Searched from token ``j`` (after what was read as the speaker) for at most
    :data:`_MAX_SPLIT_OBJECT` tokens, up to ``limit`` (the next cue), stopping at a
    sentence mark, a comma, a colon, a complementiser or a quotation (the ordinary readings).
    """
    toks = view.tokens
    table = cue_table()
    bi = f"{cue} ب" in table
    for k in range(j, min(len(toks), j + _MAX_SPLIT_OBJECT)):
        tok = toks[k]
        if tok.start >= limit or tok.text in ".:؟!،," or tok.text in _QUOTE_OPEN:
            return None  # a comma ends the subject's phrase: "ما صرح به ساركوزي، … بما"
        if not tok.word:
            continue
        if _is_complementiser(tok.text):
            return None
        f = view.folded[k]
        if f"{cue} {f}" in table and f in _PREPOSITIONS:
            return _after_preposition(view, k + 1, limit)
        if f in _BI_PRONOUNS or f in _BI_DEMONSTRATIVES:
            bi = False  # "ورحب بهم في قصره بالرياض": the object was a pronoun
        if bi and _bi_object(view, k) and f not in ("بن", "بنت", "بين", "بعد", "بسبب"):
            return tok.start + 1, limit, "reported", []
    return None


_MAX_FAR_SUBJECT = 24  # tokens of a long subject phrase before its "إنّ"


def _far_complementiser(view: SentView, j: int, limit: int) -> int | None:
    """The token of a complementiser far after token ``j`` (before ``limit``) that opens
    what a verb with a long, unread subject said: إنّ (written with hamza below), or
    أن/ان right after a comma or a closing mark; never after a word that governs أن itself
    (بعد أن، يجب أن، من أن).  None at a sentence mark, a colon or an open quotation first."""
    toks = view.tokens
    for k in range(j, min(len(toks), j + _MAX_FAR_SUBJECT)):
        tok = toks[k]
        if tok.start >= limit or tok.text in ".:؟!":
            return None
        if not tok.word or not _is_complementiser(tok.text):
            continue
        prev = toks[k - 1] if k > 0 else None
        if prev is not None and prev.word and view.folded[k - 1] in not_saying():
            return None
        closing = prev is not None and prev.text in '،,»”"'
        return k if bare(tok.text).startswith("إن") or closing else None
    return None


_MAX_INNER_SUBJECT = 8  # words of a reported clause's subject before its own verb


def _outside_content(doc: Doc, view: SentView, cues: list) -> list:
    """Drop a verb standing within the first words of what the cue before it reports, with
    no named subject of its own: «أكد الجبير إن ذلك يهدد كل الدول» is one statement."""
    toks = view.tokens
    out: list = []
    for c in cues:
        if out and c[2] != "continuation" and _in_open_quote(view, out[-1][4], c[0]):
            # «… وتؤكد الحكومة …»: a verb inside the quotation the cue before opened is
            # what was said, not a new statement (a participle there is mostly the writer's,
            # after a closing mark left out)
            continue
        if out and c[2] == "continuation" and c[0] > 0:
            prev = view.tokens[c[0] - 1]
            opened = prev.text == ":" or (prev.word and _is_complementiser(prev.text))
            if opened and c[0] - 1 >= out[-1][4]:
                # "قال متعب الجهني: تابعت بيان الوزارة …": "I followed", what was said
                continue
        if out and c[2] == "verb":
            opener = next(
                (
                    k
                    for k in range(out[-1][4], c[0])
                    if toks[k].text == ":" or (toks[k].word and _is_complementiser(toks[k].text))
                ),
                None,
            )
            gap = c[0] - opener - 1 if opener is not None else 0
            # a bare verb (no و/ف, no comma before it) a few words into the clause is its
            # predicate: "أن الاتصالات السابقة بين الطرفين تؤكد إرساء …"
            bare = view.folded[c[0]][:1] not in "وف" and toks[c[0] - 1].text not in "،,"
            inside = opener is not None and (
                gap < _MIN_QUOTE_WORDS or (bare and gap < _MAX_INNER_SUBJECT)
            )
            unnamed = opener is not None and not any(
                doc.mention_at_token(toks[k]) for k in range(opener + 1, c[0])
            )
            nxt = doc.mention_at_token(toks[c[4]]) if c[4] < len(toks) else None
            named_after = nxt is not None and nxt.cls in _SPEAKER_CLASSES  # "تعهد ترامب أن"
            quoted = any(toks[k].text in '«"“' for k in range(opener or 0, c[0]))
            if inside and unnamed and not named_after and not quoted:
                continue
        out.append(c)
    return out


def _nested(doc: Doc, view: SentView, cues: list, n: int, start: int, end: int) -> tuple[int, int]:
    """The span of a reported statement cut short by the next cue (token
    ``cues[n + 1][0]``): when the words before that cue are only its subject (a named
    speaker, or under :data:`_MIN_QUOTE_WORDS` words with one), the statement runs on over the inner
    one, to the cue after it or the sentence end; otherwise ``(start, end)``."""
    s, e = _trim(doc.article.text, start, end)
    if cues[n + 1][2] != "verb":
        return start, end
    names = [
        m
        for m in doc.mentions_in(max(0, s - 40), e)  # "أن بان كي مون": بان read as بأن
        if m.cls in (*_SPEAKER_CLASSES, "Country") and m.end > s
    ]
    only_names = bool(names) and names[0].start <= s and names[-1].end >= e
    if not names or (_words(doc.article.text[s:e]) >= _MIN_QUOTE_WORDS and not only_names):
        return start, end
    toks = view.tokens
    stop = toks[cues[n + 2][0]].start if n + 2 < len(cues) else view.sentence.end
    return start, stop
