"""The pieces of a sentence that every reader of relations uses: the break tokens (commas,
semicolons, the full stop), the word windows around a cue, the actor classes, the word before an
offset (:func:`preceding_word`), a clause's start, and the asides between dashes or brackets that
the readers skip."""

from __future__ import annotations

from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.patterns import is_nisba, relation_words
from rasd.extract.records import Mention
from rasd.extract.text import fold

_ACTORS = ("Organization", "Person", "UnnamedSource")


def preceding_word(text: str, pos: int) -> str:
    """The folded word (or attached proclitics) right before ``pos``.

    >>> preceding_word("مؤتمر في باريس", 9), preceding_word("بالعراق", 1)
    ('في', 'ب')
    """
    i = pos
    if i > 0 and not text[i - 1].isspace():
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        return fold(text[i:pos])
    words = text[max(0, pos - 40) : pos].split()
    return fold(words[-1]) if words else ""


#: who may control a place: organisations and countries acting as states (إيران تحتل الأحواز)
_CONTROL_ACTORS = ("Organization", "Country")


def _sentence_mentions(doc: Doc, view: SentView) -> list[Mention]:
    return doc.mentions_in(view.sentence.start, view.sentence.end)


_BEFORE_WINDOW = 8  # words
_AFTER_WINDOW = 3  # words
#: the break tokens of a sentence (one definition; tested as whole tokens, never substrings)
_COMMAS = frozenset("،,")
_SEMICOLONS = frozenset("؛;:")  # semicolons and the colon
_CLAUSE_BREAKS = _COMMAS | _SEMICOLONS
#: tokens that end a clause even past a comma: a full stop, a semicolon, a colon
_HARD_BREAKS = _SEMICOLONS | {"."}
#: any token that ends a clause: :data:`_CLAUSE_BREAKS` and the full stop
_BREAKS = _CLAUSE_BREAKS | _HARD_BREAKS
#: what a gap between a verb and the person after its title must not hold
#: (:func:`_person_after_title`): the breaks but the ASCII «;», and quotation marks and brackets
_TITLE_GAP_STOPS = (_BREAKS - {";"}) | frozenset('«»"()')


def _bare_words(text: str) -> list[str]:
    """The folded words of ``text`` without quotation marks and parentheses around them
    («من سيطرة «داعش»»، «من عصابات (داعش)»: the name stands right after «سيطرة»)."""
    words = (fold(w.strip('«»"“”()')) for w in text.split())
    return [w for w in words if w]


_ASIDE_WORDS = 3  # words in parentheses from which they hold an aside, not a name's gloss
_DASHES = frozenset("–-—")  # the dashes of an aside or of a bulleted line
_DASH_REACH = 25  # tokens between the two dashes of an aside


def _asides(view: SentView) -> list[tuple[int, int]]:
    """Token ranges ``[first, last]`` (delimiters included) of the asides of a sentence: a
    clause between dashes («التنظيم الداعشي -كما جاء في بيان وزارة الداخلية- كان يجند»،
    «وجيش الفتح -المؤلف من فصائل …- سيطر») or in parentheses when it holds at least three
    words (not a name's gloss: «جماعة (ولاية سيناء)»، «(حزب الله)»)."""
    toks = view.tokens
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        t = toks[k].text
        close = "-" if t in _DASHES else ")" if t == "(" else None
        end = None
        if close is not None:
            for j in range(k + 1, min(len(toks), k + _DASH_REACH)):
                if toks[j].text in _DASHES if close == "-" else toks[j].text == close:
                    end = j
                    break
                if toks[j].text in "(.":
                    break
        if end is not None:
            words = [x for x in toks[k + 1 : end] if x.word]
            digits = any(ch.isdigit() for x in words for ch in x.text)
            if len(words) >= (2 if close == "-" else _ASIDE_WORDS) and not digits:
                out.append((k, end))
                k = end + 1
                continue
        k += 1
    return out


def _clause_start(doc: Doc, view: SentView, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last «،»/«؛» before it that is not
    followed by «و» (a coordinated verb keeps its subject: «، ونجح في …»), or at the last
    ``clause`` word of ``relation_words.tsv`` (وفق، بينما) before it."""
    toks = view.tokens
    start = view.sentence.start
    for k, t in enumerate(toks):
        if t.start >= pos:
            break
        nxt = view.folded[k + 1] if k + 1 < len(toks) else ""
        if t.text in _SEMICOLONS or (
            t.text in _COMMAS and not (nxt.startswith("و") and len(nxt) > 3)
        ):
            start = t.end
        if bare_forms(t.text) & relation_words("clause") or (
            t.text in _COMMAS and nxt in relation_words("clause")
        ):
            start = t.start
    return start


def _is_adjective(f: str) -> bool:
    """A definite relational adjective (الليبية، الجنوبي), folded."""
    return len(f) > 4 and is_nisba(f)
