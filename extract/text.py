"""Arabic text for matching, with character offsets back into the original.

Everything that compares Arabic strings (lexicon lookup, titles, speech verbs, entity keys)
works on *folded* text (the matching variant of :mod:`extract.folding`, where the rules
are written once): camel-tools' alef / alef-maqsura / teh-marbuta normalisation and
dediacritisation, NFKC for presentation forms (ﻻ ﷲ ﻹ), tatweel, quote marks and invisible
characters (zero-width joiners and non-joiners, LRM/RLM/ALM, bidi embeddings and isolates,
a BOM inside the text, soft hyphens) removed, other spaces (no-break, thin, …) made plain
spaces, Arabic-Indic and Persian digits turned into ASCII, Latin lower-cased.
:class:`Folded` keeps a map from every folded character to its original position, so a match
in folded text is reported as a span of the text the user gave us.

>>> f = Folded("قال وزيرُ الداخليّة: «داعش»")
>>> i = f.text.index("داعش")
>>> f.span(i, i + 4)
(22, 26)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import regex

from rasd.extract.folding import DIACRITICS, DIGITS, INVISIBLE, LETTERS, QUOTES, SPACES, TATWEEL
from rasd.extract.records import Sentence

# NFKC output, then diacritics and tatweel removed and letters folded (extract/folding.py)
_AFTER_NFKC = {ord(c): None for c in DIACRITICS} | {ord(TATWEEL): None}
_AFTER_NFKC |= {ord(k): v for k, v in LETTERS.items()}


def _fold_one(ch: str) -> str:
    """Fold a single character (the table below is built from this): the matching variant of
    :mod:`extract.folding`."""
    if ch in QUOTES or ch == TATWEEL or ch in INVISIBLE:
        return ""
    if ch in SPACES:
        return " "
    if ch in DIGITS:
        return DIGITS[ch]
    return unicodedata.normalize("NFKC", ch).translate(_AFTER_NFKC).lower()


def _build_table() -> dict[int, str]:
    ranges = [
        (0x0041, 0x005A),  # Latin capitals
        (0x00C0, 0x00DE),
        (0x0600, 0x06FF),  # Arabic
        (0x0750, 0x077F),  # Arabic supplement
        (0x08A0, 0x08FF),  # Arabic extended-A
        (0xFB50, 0xFDFF),  # presentation forms A
        (0xFE70, 0xFEFF),  # presentation forms B
        (0xFF01, 0xFF5E),  # full-width ASCII
    ]
    table: dict[int, str] = {}
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            out = _fold_one(ch)
            if out != ch:
                table[cp] = out
    for ch in QUOTES + INVISIBLE:
        table[ord(ch)] = ""
    for ch in SPACES:
        table[ord(ch)] = " "
    return table


@functools.cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """The folding table, and a pattern of the characters that fold to no character or to
    several (the standard library's ``re``: a plain character class, which it scans far faster
    than ``regex`` does)."""
    table = _build_table()
    changing = "".join(chr(cp) for cp, out in table.items() if len(out) != 1)
    return table, re.compile("[" + re.escape(changing) + "]")


_NOT_MARKS = frozenset(QUOTES + INVISIBLE)


def fold(s: str) -> str:
    """Fold a string for matching (no offsets kept).

    >>> fold("الإمارات العربيّة") == fold("الامارات العربيه")
    True
    >>> fold("\ufdf2 \ufefb ٢٠١٤ ۲۰۱۴ هشام\u200c") == "الله لا 2014 2014 هشام"
    True
    """
    if len(s) <= _FOLD_CACHE_LEN:
        hit = _FOLD_CACHE.get(s)
        if hit is None:
            if len(_FOLD_CACHE) >= _FOLD_CACHE_SIZE:
                _FOLD_CACHE.clear()
            hit = _FOLD_CACHE[s] = s.translate(_tables()[0])
        return hit
    return s.translate(_tables()[0])


def fold_tokens(tokens: Sequence[Token]) -> list[str]:
    """``[fold(t.text) for t in tokens]``, with one look-up in the memo per word (most words
    were folded before) and :func:`fold` called only for the others.

    >>> fold_tokens(tokenize("قال: «الإمارات»"))
    ['قال', ':', '', 'الامارات', '']
    """
    get = _FOLD_CACHE.get
    out = [get(t.text) for t in tokens]
    for i, f in enumerate(out):
        if f is None:
            out[i] = fold(tokens[i].text)
    return out


# folded forms of short strings (words, names), which are folded again and again
_FOLD_CACHE: dict[str, str] = {}
_FOLD_CACHE_LEN = 40
_FOLD_CACHE_SIZE = 300_000


#: an article of this many characters or more is searched through indexes made once (word
#: counts, mentions by first and last word); a shorter one directly, which costs less there
INDEX_FROM = 20_000


def is_long(text: str) -> bool:
    """Whether ``text`` is searched through indexes (:data:`INDEX_FROM` characters or more)."""
    return len(text) >= INDEX_FROM


@functools.lru_cache(maxsize=2)
def fold_article(text: str) -> str:
    """:func:`fold` of a whole article's text, kept for the article being extracted: the
    rules that count a word in the article ask for it once a name."""
    return fold(text)


@functools.lru_cache(maxsize=2)
def word_runs(text: str) -> Mapping[str, int]:
    """Each maximal run of word characters (``\\w+``) of ``text`` with how often it stands
    there, counted once a text (kept, read-only, for the article being extracted)."""
    counts: dict[str, int] = {}
    for w in re.findall(r"\w+", text):
        counts[w] = counts.get(w, 0) + 1
    return MappingProxyType(counts)


_ONE_WORD = re.compile(r"\w+")


def word_count(text: str, word: str) -> int:
    """How often ``word`` stands in ``text`` as a word of its own: not inside a longer run
    of word characters (tatweel is one), punctuation and diacritics around it ignored.  A
    word of word characters only is looked up in a long text's counts (made once a text);
    anything else (two words, a diacritic, a short text) is searched for.

    >>> word_count("قال «ريهام»، وريهام: ريهامـ ريهام دوابشة", "ريهام")
    2
    >>> word_count("ريهام دوابشة وريهام دوابشة", "ريهام دوابشة")
    1
    """
    if is_long(text):
        runs = _ONE_WORD.findall(word)
        if len(runs) == 1 and runs[0] == word:
            return word_runs(text).get(word, 0)
        # each run of word characters of ``word`` stands whole in the text wherever ``word``
        # does: one the text never has alone means no match (no scan of a long text)
        if runs and min(word_runs(text).get(r, 0) for r in runs) == 0:
            return 0
    return _whole_word_count(text, word)


def _whole_word_count(text: str, word: str) -> int:
    """``len(re.findall(rf"(?<![\\w\\u0640]){re.escape(word)}(?![\\w])", text))`` without a
    pattern compiled a word (~1 ms each, most words asked once): the same left-to-right scan
    for non-overlapping occurrences, ``\\w`` being what :meth:`str.isalnum` or ``_`` is.

    >>> _whole_word_count("قال «ريهام»، وريهام: ريهامـ ريهام_ ريهام", "ريهام")
    2
    """
    if not word:
        return len(re.findall(rf"(?<![\w\u0640]){re.escape(word)}(?![\w])", text))
    n = len(word)
    count = 0
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i > 0 else ""
        after = text[i + n] if i + n < len(text) else ""
        if not (before.isalnum() or before in ("_", "\u0640")) and not (
            after.isalnum() or after == "_"
        ):
            count += 1
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)
    return count


def match_key(s: str) -> str:
    """The entity key of a name: folded, with runs of spaces collapsed.

    >>> match_key("  تنظيمُ   «الدولة» ")
    'تنظيم الدوله'
    >>> match_key("هشام\u200c\u00a0الخطيب\u200f") == match_key("هشام الخطيب")
    True

    عبد and أبو are written apart from the name after them, whether or not the text joins
    them, so that one person has one key:

    >>> match_key("عبدالعزيز") == match_key("عبد العزيز"), match_key("أبوالفضل")
    (True, 'ابو الفضل')

    Names and words are memoised; a long span is keyed afresh each time (a cache of
    50,000 long spans of a book-length article held gigabytes).
    """
    if len(s) <= _KEY_CACHE_LEN:
        return _match_key_short(s)
    return _match_key(s)


#: the longest string :func:`match_key` memoises (names are far shorter)
_KEY_CACHE_LEN = 200


@functools.lru_cache(maxsize=50_000)
def _match_key_short(s: str) -> str:
    return _match_key(s)


def _match_key(s: str) -> str:
    return " ".join(_split_compound(w) for w in fold(s).split())


def _split_compound(word: str) -> str:
    """``عبدالله`` → ``عبد الله`` (folded words); a final ``يء`` (ىء folded) is ``ئ``
    (الطوارىء = الطوارئ)."""
    if word.endswith("يء") and len(word) > 3:
        word = word[:-2] + "ئ"
    for head in ("عبد", "ابو"):
        if word.startswith(head + "ال") and len(word) > len(head) + 3:
            return f"{head} {word[len(head) :]}"
    return word


_LABEL_TABLE = {ord(c): None for c in INVISIBLE + TATWEEL} | {ord(c): " " for c in SPACES}


def longest_first(form: str) -> tuple[int, str]:
    """Sort key for word forms tried longest first, ties in text order, so the form chosen
    never depends on a set's iteration order (salted per process).

    >>> sorted({"قال", "وقال", "فقال"}, key=longest_first)
    ['فقال', 'وقال', 'قال']
    """
    return -len(form), form


def clean_label(s: str) -> str:
    """A name as shown (``rdfs:label``): letters and diacritics as written, invisible
    characters and tatweel removed, spaces made plain and collapsed.

    >>> clean_label("هشام\u200c  الخطـيب\u200f") == "هشام الخطيب"
    True
    """
    return " ".join(s.translate(_LABEL_TABLE).split())


class Folded:
    """A folded copy of ``original`` that maps folded offsets back to original offsets."""

    __slots__ = ("_pos", "original", "text")

    def __init__(self, original: str) -> None:
        table, changing = _tables()
        self.original = original
        self.text = original.translate(table)
        self._pos: list[int] | None = None
        if changing.search(original):
            # folded position → original position; only the characters that fold to no
            # character or to several break the one-to-one runs between them
            pos: list[int] = []
            last = 0
            for m in changing.finditer(original):
                i = m.start()
                pos.extend(range(last, i))
                pos.extend([i] * len(table[ord(original[i])]))
                last = i + 1
            pos.extend(range(last, len(original)))
            self._pos = pos

    def orig(self, i: int) -> int:
        """Original offset of the folded character at ``i`` (``len`` maps to ``len``)."""
        if self._pos is None:
            return i
        return self._pos[i] if i < len(self._pos) else len(self.original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of folded ``[start, end)``, with trailing deleted marks (diacritics,
        tatweel) included; trailing quotes and invisible characters are left out."""
        if end <= start:
            o = self.orig(start)
            return o, o
        o_start = self.orig(start)
        o_end = self.orig(end - 1) + 1
        if self._pos is not None:
            table = _tables()[0]
            n = len(self.original)
            while o_end < n and table.get(ord(self.original[o_end])) == "":
                if self.original[o_end] in _NOT_MARKS:
                    break
                o_end += 1
        return o_start, o_end


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token: ``text[start:end]`` of the original text."""

    start: int
    end: int
    text: str
    word: bool = True


# Same boundaries as camel_tools' simple_word_tokenize (whitespace, then every punctuation or
# symbol character on its own), but with offsets.
_TOKEN_RE = regex.compile(r"([^\s\p{P}\p{S}]+)|[\p{P}\p{S}]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("قال: «داعش»")]
    ['قال', ':', '«', 'داعش', '»']
    """
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    new = object.__new__
    set_start, set_end, set_text, set_word = _TOKEN_SLOTS
    for m in _TOKEN_RE.finditer(text, start, end):
        tok = new(Token)
        a, b = m.span()
        set_start(tok, a)
        set_end(tok, b)
        set_text(tok, text[a:b])
        # the pattern's one group is the word alternative: lastindex is 1 when a word matched
        set_word(tok, m.lastindex == 1)
        append(tok)
    return out


#: the setters of Token's four slots, which :func:`tokenize` calls directly: a frozen
#: dataclass's ``__init__`` sets each field through ``object.__setattr__``, which made a token
#: cost three times as much (most of the time of :func:`tokenize`)
_TOKEN_SLOTS = (
    Token.start.__set__,  # type: ignore[attr-defined]
    Token.end.__set__,  # type: ignore[attr-defined]
    Token.text.__set__,  # type: ignore[attr-defined]
    Token.word.__set__,  # type: ignore[attr-defined]
)


#: a social-media handle: an "@" that no address character precedes (``name@gmail.com`` is an
#: e-mail address, not the account @gmail) and that no domain or second "@" follows
#: (``@name@hotmail.com``: a handle glued to an e-mail address, neither of them whole)
HANDLE = re.compile(r"(?<![A-Za-z0-9_.+-])@[A-Za-z0-9_]{2,30}(?![A-Za-z0-9_@]|\.[A-Za-z])")
#: what makes a run of Latin characters an address: "@", "://", "www." or a domain ending
_ADDRESS = re.compile(r"@|://|www\.|\.[a-z]{2,}")
#: a Latin word in lower case only: in Arabic news a handle or an address, not a name
_LOWER_LATIN = re.compile(r"[a-z0-9]+")


def latin_address(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is Latin and part of an e-mail or web address or a handle: the run
    of non-space Latin characters around it has an address's shape, or it is lower case only.

    >>> t = "sultama@hotmail.comtwitter : @alangari_sultan"
    >>> latin_address(t, 16, 26), latin_address(t, 30, 38)
    (True, True)
    >>> t = "تويتر: falehalsoghair ونشرت ISIS"
    >>> latin_address(t, 7, 21), latin_address(t, 28, 32)
    (True, False)
    >>> t = "(ISIS/داعش) و«CNN» وU.S. Army وDr.Ahmed"
    >>> [latin_address(t, t.index(w), t.index(w) + len(w)) for w in ("ISIS", "CNN", "U.S", "Ahmed")]
    [False, False, False, False]
    """
    span = text[start:end]
    if not span.isascii() or not span.strip():
        return False
    a, b = start, end
    while a > 0 and text[a - 1].isascii() and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and text[b].isascii() and not text[b].isspace():
        b += 1
    return bool(_ADDRESS.search(text[a:b])) or bool(_LOWER_LATIN.fullmatch(span))


#: the three tanween marks (fathatan, dammatan, kasratan)
TANWEEN = "\u064b\u064c\u064d"
_NOT_LETTER = frozenset(DIACRITICS) - frozenset(TANWEEN) | {TATWEEL}


def tanween_on_weak_end(word: str) -> bool:
    """Whether ``word`` ends in a tanween on ا, ى or ة (ميتاً، ميتًا، حماةً): read so, a
    name that ends in that letter (ميتا، سوريا، حماة) is an indefinite common word (dead,
    Syrian, protectors) — such names take no tanween.  Tatweel and the other marks do not
    count; a tanween on another letter (عليٌّ) is not this.

    >>> [tanween_on_weak_end(w) for w in ("ميتاً", "ميتًا", "مَيْتـاً", "وميتاً", "حماةً")]
    [True, True, True, True, True]
    >>> [tanween_on_weak_end(w) for w in ("ميتا", "سوريّا", "عليٌّ", "كتابٌ")]
    [False, False, False, False]
    """
    letters = "".join(c for c in word if c not in _NOT_LETTER)
    if letters.endswith("\u064bا"):
        return True  # ميتًا: the fathatan written before its alef
    return len(letters) > 1 and letters[-1] in TANWEEN and letters[-2] in "اىة"


def is_word(tok: Token) -> bool:
    """True for word tokens (not punctuation)."""
    return tok.word


#: the quote marks that open a quoted name (an account's, a place's) and the one closing each
QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”"}
#: the marks that close a quoted name
QUOTE_CLOSERS = frozenset(QUOTE_PAIRS.values())
#: every mark around a quoted name, opening or closing
QUOTE_MARKS = frozenset(QUOTE_PAIRS) | QUOTE_CLOSERS


def closing_straight_quote(text: str, pos: int) -> bool:
    """Whether the straight quote at ``pos`` closes a quotation: glued to the word before it
    and followed by no letter (الموقع". مشدداً، نقل الموقع" ، مؤكداً), so it opens no name; one
    glued to a letter after it opens one (و"فيس بوك"، لموقع"klout").

    >>> t = 'على الموقع". مشدداً على أن "الحكومة'
    >>> closing_straight_quote(t, t.index('"')), closing_straight_quote(t, t.rindex('"'))
    (True, False)
    """
    if text[pos : pos + 1] != '"' or pos == 0 or not text[pos - 1].isalnum():
        return False
    return pos + 1 >= len(text) or not text[pos + 1].isalnum()


_OPEN = {"«": "»", "“": "”"}
_TOGGLE = {'"', "’", "'"}
_ENDERS = ".!?؟"
_MAX_OPEN_QUOTE = 700
_MAX_TOGGLE_QUOTE = 250


def _closes(text: str, i: int, closer: str, end: int) -> bool:
    """Whether the quotation opened at ``i`` is closed in the same paragraph, nearby.

    An unbalanced quotation mark (common in news: ``لافتا إلى أن "أحدهم اعترف …`` with no
    closing mark) must not glue the rest of the paragraph into one sentence.
    """
    limit = min(end, i + _MAX_OPEN_QUOTE)
    nl = text.find("\n", i, limit)
    if nl >= 0:
        limit = nl
    j = text.find(closer, i + 1, limit)
    # a straight quote closes only when it touches the word before it ("… بجدية"); one that
    # follows a space opens the next quotation, so the one opened at i is unbalanced
    if closer in _TOGGLE and j >= 0 and text[j - 1].isspace():
        return False
    return j >= 0


@functools.cache
def latin_initials() -> frozenset[str]:
    """Arabic spellings of Latin letter names (بي، إف، جي …), ``latin_initials.tsv``."""
    from rasd.extract.resources import LatinInitial, load_table

    return frozenset(r.initial for r in load_table("latin_initials.tsv", LatinInitial))


def _initial_before(text: str, start: int, dot: int) -> bool:
    """Whether the word ending at ``dot`` is a name's initial: one Latin letter (``J.``) or
    a letter name in Arabic letters (``بي.``) after another word, with a name after it."""
    k = dot
    while k > start and not text[k - 1].isspace():
        k -= 1
    word = text[k:dot]
    if not word or k == start or dot + 2 > len(text) or not text[dot + 1 : dot + 2].isspace():
        return False
    nxt = text[dot + 2 : dot + 3]
    if not nxt.isalpha():
        return False
    latin = len(word) == 1 and word.isascii() and word.isupper()
    return latin or word in latin_initials()


def _letter_after(text: str, j: int, end: int) -> bool:
    """An Arabic letter right after a full stop (``خطير.وأضاف``), not a number or an
    abbreviation such as ``د.ب.أ`` (one letter between dots)."""
    if j + 1 >= end or not ("\u0621" <= text[j] <= "\u064a"):
        return False
    k = j
    while k < end and "\u0621" <= text[k] <= "\u064a":
        k += 1
    return k - j >= 3


#: the characters :func:`_sentence_spans` acts on
_SENTENCE_MARKS = re.compile(
    "[" + re.escape("\n" + "".join(_OPEN) + "»”" + "".join(_TOGGLE) + _ENDERS) + "]"
)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split one segment into sentence spans, never inside a balanced quotation."""
    s = start
    depth = 0
    toggles: set[str] = set()
    opened_at = -1
    i = start
    while i < end:
        m = _SENTENCE_MARKS.search(text, i, end)  # other characters change nothing
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if i > s:
                yield s, i
            s = i + 1
            depth, toggles, opened_at = 0, set(), -1
        elif ch in _OPEN:
            if _closes(text, i, _OPEN[ch], end):
                depth += 1
                opened_at = i if opened_at < 0 else opened_at
        elif ch in ("»", "”"):
            depth = max(0, depth - 1)
            if depth == 0 and not toggles:
                opened_at = -1
        elif ch in _TOGGLE and not (ch == "'" and i > start and text[i - 1].isalpha()):
            if ch in toggles:
                toggles.discard(ch)
            elif _closes(text, i, ch, end):
                toggles.add(ch)
                opened_at = i if opened_at < 0 else opened_at
            if depth == 0 and not toggles:
                opened_at = -1
        elif ch in _ENDERS:
            # «…» and “…” pair reliably; a straight " may be unbalanced, so it only holds a
            # sentence together for a short stretch
            inside = (depth > 0 and i - opened_at < _MAX_OPEN_QUOTE) or (
                bool(toggles) and i - opened_at < _MAX_TOGGLE_QUOTE
            )
            j = i + 1
            while j < end and text[j] in _ENDERS:
                j += 1
            # a closing quote right after the full stop belongs to this sentence
            while j < end and (text[j] in "»”" or text[j] in _TOGGLE):
                if text[j] in "»”":
                    depth = max(0, depth - 1)
                else:
                    toggles.discard(text[j])
                j += 1
            boundary = j >= end or text[j].isspace()
            if ch == "." and j == i + 1 and _initial_before(text, start, i):
                boundary = False  # "جيمس بي. كومي": a Latin initial, not the end
            elif ch == "." and not boundary and not inside and _letter_after(text, j, end):
                boundary = True  # "خطير.وأضاف": a missing space still ends the sentence
            if boundary and not inside:
                yield s, j
                s = j
                depth, toggles, opened_at = 0, set(), -1
            i = j
            continue
        i += 1
    if s < end:
        yield s, end


def split_sentences(text: str, segments: Sequence[tuple[int, int]]) -> list[Sentence]:
    """Sentences of the given segments of ``text``, trimmed of surrounding space.

    >>> text = "قال: «أ. ب». ثم ذهب."
    >>> [text[s.start:s.end] for s in split_sentences(text, [(0, 20)])]
    ['قال: «أ. ب».', 'ثم ذهب.']
    """
    out: list[Sentence] = []
    for seg_start, seg_end in segments:
        for a, b in _sentence_spans(text, seg_start, seg_end):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(Sentence(len(out), a, b))
    return out
