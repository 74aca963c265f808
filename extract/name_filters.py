"""Mend or refuse the names the statistical NER proposes, by general rules of Arabic.

The NER tags spans that are not names, or not the whole name, in unseen news (issue 11):
coordinated names read as one («سعد وريهام»), a name ending on «بن» or «ابن» («احمد ابن
الاربع سنوات»), dual nouns («خبيران سياسيان»، «الزعيمان الكرديان»), a place with its
preposition («بالفيوم»، «للنيل»), a place noun read as a person («قرية أبو ناعورة»), a bare
place noun («ريف»، «بريف»), a part of an e-mail address, web address or handle
(«sultama@hotmail.comtwitter»، «تويتر: falehalsoghair»).  :func:`mend_span` returns the
span to keep, with its class, or ``None``.  The word lists are data:
``name_connectors.tsv``, ``place_nouns.tsv``, ``frequent_words.tsv``, ``name_stopwords.tsv``.
"""

from __future__ import annotations

import re

from rasd.extract.doc import strip_al
from rasd.extract.patterns import (
    ALLAH,
    blessing_words,
    frequent_words,
    is_name_stopword,
    name_connectors,
    place_nouns,
)
from rasd.extract.text import fold, fold_article, latin_address, word_count

_WORD = re.compile(r"\S+")
#: a future or imperfect plural verb (سيطالبون، ويقولون), never a word of a name
_VERB = re.compile(r"^[وف]?س?[يت]\w{2,}(?:ون|ان)$")
_PLACE_CLITICS = ("وبال", "فبال", "بال", "كال")
_SON = ("بن", "ابن")
#: an accusative ending (حزيناً، غنياً): an adverbial, not a word of a name
_ADVERBIAL = ("اً", "\u064b", "\u064c", "\u064d")


def dual_noun(word: str) -> bool:
    """A dual or sound plural of a common noun or adjective (خبيران، الكرديان، انتحاريين):
    the word without -ان/-ين/-ا is common and has at least four letters.

    >>> dual_noun("خبيران"), dual_noun("الزعيمان"), dual_noun("عثمان"), dual_noun("سلمان")
    (True, True, False, False)
    """
    w = fold(word)
    common = frequent_words()
    for suffix in ("ان", "ين", "ا"):
        if w.endswith(suffix) and len(w) > len(suffix) + 3:
            stem = strip_al(w[: -len(suffix)])
            if len(stem) >= 4 and common.get(stem, 0) > 3 * common.get(strip_al(w), 0):
                return True
    return False


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])
    ]


def stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word of its own (not only after و): then
    «وريهام» is «و» + «ريهام», while «وينتر» (تشارلي وينتر) is one word.

    >>> stands_alone("سعد وريهام ... ريهام دوابشة", "ريهام"), stands_alone("تشارلي وينتر", "ينتر")
    (True, False)
    """
    return word_count(text, word) > 0


def _proclitic_on_name(text: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether the first word of a name is ل/ك + a name the article gives elsewhere: the rest
    stands alone with the name's next word after it («كيوسف السليمان» … «يوسف السليمان»), or
    alone when the name is one word («لشترايتر» … «شترايتر»); never when the whole word is
    named again (a name of its own).

    >>> _proclitic_on_name("شاباً كيوسف السليمان. وكان يوسف السليمان", [(6, 11, "كيوسف"),
    ...     (12, 20, "السليمان")])
    True
    >>> _proclitic_on_name("وقالت كمالا هاريس إن الحكومة خصصت مالا كثيرا", [(6, 11, "كمالا"),
    ...     (12, 17, "هاريس")])
    False
    """
    word = words[0][2]
    if word_count(text, word) > 1:
        return False  # "كريمة" named twice: a name of its own
    rest = word[1:] if len(words) == 1 else f"{word[1:]} {words[1][2]}"
    return stands_alone(text, rest)


def _extend_after_son(text: str, end: int) -> int:
    """A name cut on «بن» goes on: the next word, and a family name with ال after it
    (طارق بن | مساعد الميموني)."""
    nxt = _words(text, end, min(len(text), end + 60))[:2]
    first = fold(nxt[0][2]) if nxt else ""
    if not first.isalpha() or first.startswith("ال") or is_name_stopword(nxt[0][2]):
        return -1  # "ابن الاربع سنوات": a common noun, not a father's name
    stop = nxt[0][1]
    if len(nxt) > 1:
        w = fold(nxt[1][2])
        if w.startswith("ال") and w.endswith("ي") and w not in frequent_words():
            stop = nxt[1][1]
    return stop


def _object_allah(text: str, before: str, word: tuple[int, int, str]) -> bool:
    """Is ``word`` «الله» as the object of a verb after a name (دعا خالد المصلح الله أن
    ينتقم): after a word with ال and before a stopword?  «رامي الحمد الله بصفته» is a name."""
    if fold(word[2]) != ALLAH or not fold(before).startswith("ال"):
        return False
    after = _words(text, word[1], min(len(text), word[1] + 20))[:1]
    return bool(after) and is_name_stopword(after[0][2])


def _blessing_at(text: str, words: list[tuple[int, int, str]]) -> int:
    """The index of the word (after the first) that opens a blessing: a word of
    ``name_blessings.tsv`` followed by «الله», in the span or right after it; 0 when none.

    >>> t = "الملك الراحل عبدالعزيز طيب الله ثراه"
    >>> _blessing_at(t, _words(t, 13, 31))
    1
    >>> t = "الرئيس رجب طيب أردوغان"
    >>> _blessing_at(t, _words(t, 7, 22))
    0
    """
    for k in range(1, len(words)):
        if fold(words[k][2]) not in blessing_words():
            continue
        after = words[k + 1][2] if k + 1 < len(words) else ""
        if not after:
            nxt = _words(text, words[k][1], min(len(text), words[k][1] + 12))[:1]
            after = nxt[0][2] if nxt else ""
        if fold(after) == ALLAH:
            return k
    return 0


def mend_span(text: str, start: int, end: int, cls: str) -> tuple[int, int, str] | None:
    """The part of the NER span ``text[start:end]`` of class ``cls`` that names an entity,
    with its class, or ``None`` when it names none.

    >>> t = "اصيب والداه سعد وريهام وشقيقه. ريهام دوابشة"
    >>> s, e, c = mend_span(t, 12, 22, "Person"); t[s:e], c
    ('سعد', 'Person')
    >>> t = "مع الأمن بالفيوم"
    >>> s, e, c = mend_span(t, 9, 16, "Place"); t[s:e]
    'الفيوم'
    >>> mend_span("رأى خبيران سياسيان أن", 4, 18, "Person") is None
    True
    >>> t = "في قرية أبو ناعورة بمركز"
    >>> s, e, c = mend_span(t, 3, 18, "Person"); t[s:e], c
    ('أبو ناعورة', 'Place')
    """
    words = _words(text, start, end)
    if not words:
        return None
    if latin_address(text, start, end):
        return None  # "falehalsoghair", "comtwitter": an address or a handle, not a name
    if all(dual_noun(w) for _s, _e, w in words):
        return None  # "خبيران سياسيان"، "الزعيمان الكرديان"، "انتحاريان"
    if _VERB.match(fold(words[0][2])) and len(words) > 1:
        words = words[1:]  # "سيطالبون كيري"
    places = place_nouns()
    if cls == "Person" and len(words) > 1 and strip_al(fold(words[0][2])) in places:
        cls, words = "Place", words[1:]  # "قرية أبو ناعورة"
    if cls == "Person":
        first = fold(words[0][2])
        if (
            len(words) == 1
            and first.startswith("لل")
            and len(first) > 4
            and stands_alone(fold_article(text), "ال" + first[2:])
        ):
            return None  # "للمالكي": ل + «المالكي», which the article names on its own too
        if first.startswith("و") and len(first) > 4 and stands_alone(text, words[0][2][1:]):
            s, e, w = words[0]
            words[0] = (s + 1, e, w[1:])  # "وفولفجانج شتال": و + «فولفجانج» (named alone too)
        elif first[:1] in "لك" and len(first) > 4 and _proclitic_on_name(text, words):
            s, e, w = words[0]
            words[0] = (s + 1, e, w[1:])  # "ووفقا لشترايتر"، "شاباً كيوسف السليمان"
        for k in range(1, len(words)):
            w = fold(words[k][2])
            prev = fold(words[k - 1][2])
            if (
                w.startswith("و")
                and len(w) > 3
                and prev not in name_connectors()
                and stands_alone(text, words[k][2][1:])
            ):
                words = words[:k]  # "سعد وريهام": two people (ريهام is named alone too)
                break
        blessing = _blessing_at(text, words)
        if blessing:
            words = words[:blessing]  # "عبدالعزيز طيب الله" (ثراه): a blessing after the name
        while len(words) > 1 and (
            words[-1][2].endswith(_ADVERBIAL) or _object_allah(text, words[-2][2], words[-1])
        ):
            words = words[:-1]  # "إبراهيم حزيناً"; "خالد المصلح الله" (دعا … الله أن)
        if len(words) > 2 and fold(words[0][2]) in _SON:
            words = words[1:]  # "ابن هلال الأسد": the son of هلال الأسد
        if len(words) > 1 and fold(words[-1][2]) in _SON:
            stop = _extend_after_son(text, words[-1][1])
            if stop > 0:
                return words[0][0], stop, cls  # "طارق بن مساعد الميموني"
            words = words[:-1]  # "احمد ابن الاربع سنوات"
        if not words:
            return None
    elif cls == "Place":
        first = fold(words[0][2])
        if first.startswith(_PLACE_CLITICS) and len(first) > 5:
            cut = first.index("ال")
            words[0] = (words[0][0] + cut, words[0][1], words[0][2][cut:])  # "بالفيوم"
        elif first.startswith("لل") and len(first) > 4:
            return None  # "للنيل من", "للطبقة الوسطى": a preposition and a common noun
        if len(words) == 1:
            bare = strip_al(fold(words[0][2]))
            if bare in places or (bare[:1] in "بلو" and strip_al(bare[1:]) in places):
                return None  # "ريف"، "بريف"، "الريف"
            if words[0][2].endswith(_ADVERBIAL):
                return None  # "غنياً": an adverbial accusative
    return words[0][0], words[-1][1], cls
