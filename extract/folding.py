"""Arabic text folding: the rules, written once, and which variant each stage uses and why.

The rules (the tables below):

- :data:`LETTERS`: one alef for its hamza and madda forms (أ إ آ ٱ → ا), yeh for alef maqsura
  (ى → ي), heh for teh marbuta (ة → ه): camel-tools' ``normalize_alef_ar``,
  ``normalize_alef_maksura_ar`` and ``normalize_teh_marbuta_ar``.
- :data:`PERSIAN_LETTERS`: Persian/Urdu letters written for Arabic ones (ی → ي، ک → ك، ھ → ه).
- :data:`DIACRITICS`: camel-tools' ``AR_DIAC_CHARSET`` (tanween, harakat, shadda, sukun, dagger
  alef); :data:`QURANIC_MARKS` (maddah and hamza above/below, small high letters); TATWEEL.
- :data:`INVISIBLE` format characters (zero-width joiners, bidi marks, soft hyphen …),
  :data:`SPACES` other than U+0020, :data:`QUOTES`.
- :data:`DIGITS`: Arabic-Indic and Persian digits → ASCII.

The three variants, each applied where it is because of what that stage needs:

1. **Matching** (:func:`extract.text.fold`, :class:`extract.text.Folded`; the lexicon, titles,
   speech cues, claims, relations and entity keys): everything above except
   :data:`PERSIAN_LETTERS` and :data:`QURANIC_MARKS`, plus NFKC (presentation forms and
   ligatures: ﻻ ﷲ), quotes and invisible characters removed, other spaces made plain, Latin
   lower-cased.  Characters may vanish (a haraka) or expand (ﷲ → الله), so :class:`Folded`
   keeps a map from every folded character to its original offset.  Entity keys and IRIs
   are made of this fold, so changing it changes every graph.
2. **Dates** (``extract.dates._view``): a one-to-one *view* for the date finder's regular
   expression: :data:`DATE_MARKS` (diacritics, Quranic marks, tatweel and the invisible
   characters that sit inside words) dropped, presentation forms replaced by their NFKC
   form, and :data:`LETTERS` and :data:`PERSIAN_LETTERS` folded one to one, so that the
   view's offsets map back through a small piece map.  Digits stay as written (the
   pattern reads Arabic-Indic digits itself, ``_DIG``) and so do quotes and spaces (they
   are not inside date words).  It was written before :class:`Folded` and is kept as it
   is: the finder's word lists are folded with it (``_norm``), and folding the Persian
   letters in the matching fold, or not here, would change what is found.
3. **NER features** (:func:`extract.ner.features.normalize`): per token, exactly
   camel-tools' ``dediac_ar``, tatweel removed, :data:`LETTERS` and :data:`DIGITS` — no
   NFKC, no Persian letters, case kept.  The CRF and the BiLSTM-CRF were trained on
   features made this way: it must stay byte-identical to what they were trained with
   (``bench/check_ner_identical.py``), whatever the matching fold does.

On Arabic letters, diacritics and tatweel the three agree (``tests/test_folding.py``, a
Hypothesis test, which also checks that the offset-keeping ones keep offsets).

>>> "أحمد".translate(token_table()) == "احمد"
True
"""

from __future__ import annotations

import unicodedata

from camel_tools.utils.charsets import AR_DIAC_CHARSET

TATWEEL = "\u0640"
#: One-to-one letter folds of camel-tools' normalisers (used by all three variants).
LETTERS: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
}
#: Persian and Urdu letters folded to the Arabic ones (the date view only).
PERSIAN_LETTERS: dict[str, str] = {"ی": "ي", "ک": "ك", "ھ": "ه"}
#: camel-tools' Arabic diacritics (U+064B–U+0652, U+0670).
DIACRITICS: frozenset[str] = frozenset(AR_DIAC_CHARSET)
#: Other combining marks: maddah and hamza above and below (U+0653–U+065F) and the Quranic
#: annotation marks (U+06D6–U+06ED).
QURANIC_MARKS = "".join(map(chr, range(0x0653, 0x0660))) + "".join(map(chr, range(0x06D6, 0x06EE)))
QUOTES = "«»\"“”„‟’‘‚‛'`〝〞＂❝❞‹›"
#: Format characters that change how text is shown, never what it says.
INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark (ALM)
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides (LRE RLE PDF LRO RLO)
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # bidi isolates (LRI RLI FSI PDI)
    "\ufeff"  # BOM / zero-width no-break space inside the text
)
#: Spaces that are not U+0020 (no-break, en/em, thin, narrow no-break, ideographic …).
SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
#: Arabic-Indic and Persian digits → ASCII.
DIGITS: dict[str, str] = {
    d: str(i % 10) for i, d in enumerate(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS)
}
#: What the date view drops: tatweel, diacritics, Quranic marks, and the invisible characters
#: that may sit inside a word (soft hyphen, ZWNJ, ZWJ, LRM, RLM, ALM).
DATE_MARKS = (
    TATWEEL + "".join(sorted(DIACRITICS)) + QURANIC_MARKS + "\u00ad\u200c\u200d\u200e\u200f\u061c"
)


_BARE_TABLE = {ord(c): None for c in (*AR_DIAC_CHARSET, TATWEEL)}


def bare(word: str) -> str:
    """``word`` as written but without diacritics and tatweel, for comparing a word with a
    word list whose letters matter (إن is not أن, ة is not ه): a hamza or maddah written as
    a combining mark is first composed with its letter (NFC: ا + U+0655 → إ), then camel-tools'
    diacritics (``dediac_ar``) and tatweel are dropped.  Not for offsets (NFC may shorten).

    >>> bare("إنْ") == bare("ا\u0655نـ") == "إن"
    True
    >>> bare("مدينةٌ")
    'مدينة'
    """
    return unicodedata.normalize("NFC", word).translate(_BARE_TABLE)


def token_table() -> dict[int, str | None]:
    """The NER token normalisation (variant 3) as one ``str.translate`` table."""
    table: dict[int, str | None] = {ord(c): None for c in DIACRITICS}
    table[ord(TATWEEL)] = None
    table.update({ord(k): v for k, v in LETTERS.items()})
    table.update({ord(k): v for k, v in DIGITS.items()})
    return table


def date_letters(s: str) -> str:
    """Fold letters one to one for the date view (variant 2): :data:`LETTERS` and
    :data:`PERSIAN_LETTERS`; offsets survive.

    >>> date_letters("إلى کانون") == "الي كانون"
    True
    """
    for src, dst in _DATE_LETTERS:  # a few str.replace calls beat str.translate on articles
        if src in s:
            s = s.replace(src, dst)
    return s


_DATE_LETTERS = tuple((LETTERS | PERSIAN_LETTERS).items())
