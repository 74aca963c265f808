"""Relation cues (``relation_cues.tsv``): the cue at a token (:func:`_cue_at`), with the word
forms it is looked up in (attached و/ف and pronouns taken off: :func:`stem_forms`), and the
blockers (لم، تحاول: negated or hoped-for) and modal or conditional words that cancel it."""

from __future__ import annotations

import functools

from rasd.extract.doc import SentView, bare_forms, word_test
from rasd.extract.folding import bare
from rasd.extract.patterns import relation_words
from rasd.extract.records import Mention
from rasd.extract.relations.clauses import _COMMAS
from rasd.extract.resources import RelationCue, RelationWord, load_table
from rasd.extract.text import fold, longest_first


@functools.cache
def relation_cues() -> dict[str, tuple[str, str, str, str]]:
    """Folded cue → (predicate, pattern, implied platform, where its subject stands: ``after``
    it, ``either`` side or only ``before`` it)."""
    rows = load_table("relation_cues.tsv", RelationCue)
    return {fold(r.cue): (r.predicate, r.pattern, r.implies, r.subject) for r in rows}


_BLOCKER_REACH = 3  # tokens before a cue where a blocker (لم، تحاول) cancels it
_SPLIT_REACH = 4  # tokens between the verb and the noun of a split cue (فقدت قوات النظام السيطرة)


def _blocker_before(view: SentView, k: int, end: int) -> bool:
    """Whether a ``blocker`` of ``relation_words.tsv`` (لم، تحاول: negated or hoped-for)
    stands in the ``_BLOCKER_REACH`` tokens before token ``k`` or from there up to ``end``."""
    blockers = relation_words("blocker")
    return any(_blocker_at(view, b, blockers) for b in range(max(0, k - _BLOCKER_REACH), end))


def _blocker_at(view: SentView, k: int, blockers: frozenset[str]) -> bool:
    """Whether token ``k`` is one of ``blockers``: a word read without its ال kept («الحال»,
    «المحاولة» are no «حال», «محاولة»), or the last word of a two-word blocker whose first
    word is the token before («في حال»; not «على أي حال»)."""
    if _blocker_forms(view.tokens[k].text) & blockers:
        return True
    return k > 0 and any(
        f"{b} {f}" in blockers
        for f in _blocker_forms(view.tokens[k].text)
        for b in _forms(view, k - 1)
    )


@functools.lru_cache(maxsize=20_000)
def _blocker_forms(word: str) -> frozenset[str]:
    """:func:`_word_forms` of a word but those read by stripping its ال (الحال → حال)."""
    w = fold(word)
    return frozenset(
        f
        for f in _word_forms(word)
        if not (w.endswith(f) and w[: len(w) - len(f)].endswith(("ال", "لل")))
    )


def _forms(view: SentView, k: int) -> frozenset[str]:
    """:func:`bare_forms` of token ``k``, and those of a three-letter word without و/ف
    ("وبث"، "ولم": bare_forms keeps و on three letters)."""
    return _word_forms(view.tokens[k].text)


@functools.lru_cache(maxsize=20_000)
def _word_forms(word: str) -> frozenset[str]:
    """:func:`_forms` of one word (memoised: it runs on every token)."""
    forms = bare_forms(word)
    folded = fold(word)  # "ولَمْ": its diacritics do not count among the three letters
    if len(folded) == 3 and folded[0] in "وف":
        forms |= bare_forms(folded[1:])
    return forms


@functools.lru_cache(maxsize=10_000)  # read again only at words that may be cues
def _longest_first(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The :func:`_forms` of a word and their :func:`stem_forms`, each longest first (the
    order a one-word cue is looked up in)."""
    forms = _word_forms(word)
    return (
        tuple(sorted(forms, key=longest_first)),
        tuple(sorted(stem_forms(forms), key=longest_first)),
    )


@functools.lru_cache(maxsize=20_000)
def _may_cue(word: str) -> bool:
    """Whether a cue may be found at a word: one of its forms is a one-word cue or the first
    word of a longer one, or one of their stems is a cue (most words: none)."""
    longest, stems = _longest_first(word)
    table, firsts = relation_cues(), _two_word_firsts()
    return any(f in table or f in firsts for f in longest) or any(f in table for f in stems)


_MAY_CUE = word_test(_may_cue)


@functools.cache
def _two_word_firsts() -> frozenset[str]:
    """The first words of the cues of more than one word (a token none of whose forms is one
    starts no two-word cue)."""
    return frozenset(cue.split(" ", 1)[0] for cue in relation_cues() if " " in cue)


_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")  # folded: "تغريداته"، "استيلائها"


def stem_forms(forms: frozenset[str]) -> frozenset[str]:
    """The forms without an attached possessive/object pronoun, for a cue written with one
    (تغريداته → تغريدات، تغريدته → تغريده, استيلائها → استيلاء): the ت of a feminine noun
    before the pronoun is ة again (folded ه), a ئ before it is ء.

    >>> sorted(stem_forms(frozenset({"تغريدته"})))
    ['تغريده']
    >>> sorted(stem_forms(frozenset({"استيلائها"})))
    ['استيلاء']
    """
    out = set()
    for f in forms:
        suffix = next((x for x in _PRONOUN_SUFFIXES if f.endswith(x)), "")
        if not suffix or len(f) - len(suffix) < 4:
            continue
        stem = f[: -len(suffix)]
        if stem.endswith("ت") and not stem.endswith("ات"):
            stem = stem[:-1] + "ه"
        elif stem.endswith("ئ"):
            stem = stem[:-1] + "ء"
        out.add(stem)
    return frozenset(out - forms)


def _cue_at(view: SentView, i: int) -> tuple[str, str, str, str] | None:
    """The cue at token ``i``: a two-word cue (فقد السيطرة، السيطرة على) first, then a
    one-word cue.  A two-word cue may be split by its subject (فقدت قوات النظام السيطرة): the
    noun then takes the verb's reading, and after a verb that is a cue of its own (استعادت
    القوات السيطرة) it is none.  No cue after a ``blocker`` (لم، تحاول، محاولة: negated or
    hoped-for) in the three tokens before it, in its clause; an ``adjacent`` blocker (إلى)
    only right before a control cue or before nouns of ``aim`` and the cue."""
    table = relation_cues()
    toks = view.tokens
    if not toks[i].word or not _may_cue(toks[i].text):
        return None
    forms = _forms(view, i)
    hit = None
    if i + 1 < len(toks) and not forms.isdisjoint(_two_word_firsts()):
        nxt = view.folded[i + 1]
        hit = next((table[f"{f} {nxt}"] for f in forms if f"{f} {nxt}" in table), None)
    two_words = hit is not None
    longest, stems = _longest_first(toks[i].text)
    if hit is None:
        hit = next((table[f] for f in longest if f in table), None)
    if hit is None:  # "تغريداته"، "استيلائها": the cue with a pronoun attached
        hit = next((table[f] for f in stems if f in table), None)
    if hit is None:
        return None
    lo = i
    while (
        lo > 0 and i - lo < max(_BLOCKER_REACH, _SPLIT_REACH) and toks[lo - 1].text not in _COMMAS
    ):
        lo -= 1
    for k in range(i - 1, lo - 1, -1):
        if i - k > _SPLIT_REACH:
            break
        before = _forms(view, k)
        split = next(
            (table[f"{b} {f}"] for b in before for f in forms if f"{b} {f}" in table), None
        )
        if split is not None:
            hit = split
            break
        if two_words and any(table.get(b, ("", ""))[1].startswith("actor-place") for b in before):
            return None  # "استعادت القوات السيطرة على": the verb is the cue
    blockers = relation_words("blocker")
    if hit[1] in ("actor-platform", "actor-implied"):
        blockers |= relation_words("passive")
    # "يسعى إلى السيطرة"; not "ينتمون إلى فصائل مختلفة طردت من": control cues only (before a
    # platform cue «إلى» stays a blocker: «سارعت إلى حذف التغريدة التي …»)
    # across nouns of aim only it stays one («يسعى إلى إعادة السيطرة»، «إلى فرض سيطرتها»)
    # the noun «سيطرة» likewise: «لإرسالهن إلى مناطق سيطرة التنظيم» (a place-before cue)
    control = hit[1].startswith("actor-place") or hit[1] == "place-before"
    far = blockers - relation_words("adjacent") if control else blockers
    aims = relation_words("aim")
    if _clitic_verb(view, i):
        lo = i  # "خشية القصف وسيطر الجيش": the cue opens its own clause
    for k in range(i - 1, max(lo, i - _BLOCKER_REACH) - 1, -1):
        if _blocker_at(view, k, blockers):
            return None  # right before the cue, or before nouns of aim and the cue
        if not _forms(view, k) & aims:
            break
    if any(_blocker_at(view, k, far) for k in range(max(lo, i - _BLOCKER_REACH), i)):
        return None
    if (
        hit[1].startswith("actor-place")
        and i > lo
        and _blocker_at(view, i - 1, relation_words("modal"))
        and _present_verb(view.folded[i])
    ):
        return None  # "قد يسيطر"، "بعد أن يستعيد": it may happen (not "قد سيطر": done)
    return hit


def _clitic_verb(view: SentView, i: int) -> bool:
    """Whether the cue at token ``i`` is a verb carrying the clitic و/ف (وسيطر، فاستعاد),
    not a noun of ``relation_words.tsv`` role ``control_noun`` (والسيطرة، وتحرير)."""
    f = view.folded[i]
    if len(f) < 4 or f[0] not in "وف":
        return False
    bare = f[1:]
    if f in relation_cues() or f in _two_word_firsts():
        return False  # "فقدت": ف is the verb's own
    forms = _word_forms(bare) | stem_forms(_word_forms(bare))
    return not bare.startswith("ال") and not forms & relation_words("control_noun")


def _present_verb(folded: str) -> bool:
    """Whether a folded cue word is a present-tense verb (يسيطر، وتستعيد): ي/ت after one
    clitic و/ف at most, not a noun of role ``control_noun`` (تحرير، تطهير، تخليص).  «فتح» and
    «ففرض» are past: a و/ف that leaves fewer than three letters is the verb's own, and only
    one clitic is taken off.

    >>> [_present_verb(w) for w in ("ويسيطر", "فيبث", "فتح", "وفتح", "تحرير")]
    [True, True, False, False, False]
    """
    bare = folded[1:] if folded[:1] in ("و", "ف") and len(folded) > 3 else folded
    return bare[:1] in ("ي", "ت") and not _word_forms(bare) & relation_words("control_noun")


def _pronoun_attached(view: SentView, i: int) -> bool:
    """Whether the cue at token ``i`` is read through an attached pronoun (استيلائها،
    تغريداته: :func:`stem_forms`), not as written."""
    forms = _forms(view, i)
    return not forms & relation_cues().keys() and bool(stem_forms(forms) & relation_cues().keys())


def _another_clause(view: SentView, place: Mention, i: int, bar_before: bool = True) -> bool:
    """Whether the place ``place`` is not what a pronoun on the cue at token ``i`` stands for:
    a ``pronoun_bar`` word right before it or between it and the cue (إلى تركيا، انطلاقا من
    الرمادي، قادما من الأنبار: a destination or origin), or a clause of its own between them:
    «أن», or a word with «و/ف» and no ال before a definite word (ونجحت القوات، وتسعى الحكومة: a
    verb and its subject); with ``bar_before`` false, only what stands between them."""
    toks, folded = view.tokens, view.folded
    j0 = next((j for j, t in enumerate(toks) if t.end > place.start), i)
    bars = relation_words("pronoun_bar")
    if bar_before and j0 and _blocker_at(view, j0 - 1, bars):
        return True
    for j in range(j0, i):
        if toks[j].start < place.end:
            continue
        if _blocker_at(view, j, bars) or folded[j] == "ان":
            return True
        f = folded[j]
        if (
            f[:1] in "وف"
            and len(f) > 3
            and not f[1:].startswith("ال")
            and j + 1 < i
            and folded[j + 1].startswith("ال")
        ):
            return True
    return False


@functools.cache
def _conditionals() -> frozenset[str]:
    """The ``conditional`` words as written (:func:`_relation_rows`), alone or after و/ف
    (إن، وإن، فإن): made once, not at every control verb."""
    return frozenset(w for c in _relation_rows("conditional") for w in (c, f"و{c}", f"ف{c}"))


@functools.cache
def _relation_rows(role: str) -> frozenset[str]:
    """The words of one role of ``relation_words.tsv`` as written (not folded)."""
    rows = load_table("relation_words.tsv", RelationWord)
    return frozenset(bare(r.word) for r in rows if r.role == role)
