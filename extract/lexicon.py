"""Clitic-aware lexicon matching over folded Arabic text.

A :class:`NameMatcher` holds names (canonical labels and aliases) and finds them in an
article with an Aho-Corasick automaton, accepting the proclitics و ف ب ل ك and the article
ال on the first word (وداعش، لداعش، بالعراق، للعراق، كـ"داعش"، وتويتر; ال only where the name
has it, or on a platform: الفيسبوك) and requiring a word boundary at the end, so nisba
adjectives (الأمريكي، العراقية) are not place mentions.

>>> g = NameMatcher.from_entities([EntityInfo("داعش", "Organization", "داعش")])
>>> [(m.start, m.end, m.key) for m in g.find(Folded("قاتلوا لداعش وداعش."))]
[(8, 12, 'داعش'), (14, 18, 'داعش')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick

from rasd.extract.records import EntityInfo
from rasd.extract.resources import (
    BareOrgNoun,
    LexiconContext,
    LexiconEntry,
    LexiconSince,
    Nisba,
    Publisher,
    StateNounMember,
    WordNote,
    load_table,
)
from rasd.extract.text import Folded, fold, match_key

if TYPE_CHECKING:
    from rasd.extract.doc import Doc

_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
_DEF = ("ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال")
_LIL = ("لل", "ولل", "فلل")
# Prefixes allowed before a form, by the kind of form.
_BEFORE_DEFINITE = frozenset(c for c in _CLITICS if c != "ل" and not c.endswith("ل"))
_BEFORE_STEM = frozenset(_DEF + _LIL)
_BEFORE_BARE = frozenset(_CLITICS)
# Platforms are often written with the article (الفيسبوك، التويتر); other names without ال
# are not: الحماس is "the enthusiasm", not حماس, and الفأس "the axe", not فاس.
_BEFORE_BARE_PLATFORM = frozenset(_CLITICS + _DEF + _LIL)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


@dataclass(frozen=True, slots=True)
class LexMatch:
    """A lexicon hit: original span, entity key and class."""

    start: int
    end: int
    key: str
    cls: str


class NameMatcher:
    """Names → entity keys, matched with clitics over a :class:`~extract.text.Folded` text.

    Not :class:`extract.ner.features.Gazetteer`, the NER tagger's name lists: that one labels
    tokens of a sentence with name types (``B-LOC``) as features for the statistical models;
    this one finds character spans of known entities in the article and names their keys.
    """

    def __init__(self, forms: Iterable[tuple[str, str, str]]) -> None:
        """``forms`` are ``(surface, key, cls)``; the surface is folded here."""
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str, str]]] = {}
        for surface, key, cls in forms:
            f = match_key(surface)
            if len(f) < 2:
                continue
            if f.startswith("ال") and len(f) > 4:
                table.setdefault(f, []).append((key, cls, "definite"))
                table.setdefault(f[2:], []).append((key, cls, "stem"))
            else:
                table.setdefault(f, []).append((key, cls, "bare"))
        for f, vals in table.items():
            self._auto.add_word(f, (len(f), tuple(dict.fromkeys(vals))))
        self.size = len(table)
        if table:
            self._auto.make_automaton()

    @classmethod
    def from_entities(cls, entities: Iterable[EntityInfo]) -> NameMatcher:
        """A gazetteer of each entity's label, aliases and Latin names."""
        forms = []
        for e in entities:
            for s in (e.label, *e.aliases, *e.latin):
                forms.append((s, e.key, e.cls))
        return cls(forms)

    def find(
        self, folded: Folded, segments: Sequence[tuple[int, int]] | None = None
    ) -> list[LexMatch]:
        """Non-overlapping matches (longest first), with spans into the original text."""
        if not self.size:
            return []
        text = folded.text
        n = len(text)
        cands: list[tuple[int, int, str, str]] = []
        for end_i, (length, vals) in self._auto.iter(text):
            e = end_i + 1
            s = e - length
            if e < n and _is_letter(text[e]):
                continue
            ts = s
            while ts > 0 and _is_letter(text[ts - 1]) and s - ts <= 5:
                ts -= 1
            if ts > 0 and _is_letter(text[ts - 1]):
                continue
            prefix = text[ts:s]
            for key, cls, kind in vals:
                if kind == "definite" and prefix in _BEFORE_DEFINITE:
                    cands.append((s, e, key, cls))
                elif kind == "stem" and prefix in _BEFORE_STEM:
                    start = s - 2 if prefix.endswith("ال") else ts
                    cands.append((start, e, key, cls))
                elif kind == "bare" and (
                    (prefix in _BEFORE_BARE and not ("ك" in prefix and e - s <= 3))
                    or (cls == "Platform" and prefix in _BEFORE_BARE_PLATFORM)
                ):  # كابل (Kabul) is no ك + آبل: ك before a name of three letters is not read
                    cands.append((s, e, key, cls))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        # characters of the folded text already in a match: one C scan a candidate, so that a
        # long text's many matches are not compared with each other (quadratic)
        taken = bytearray(n)
        out: list[LexMatch] = []
        for s, e, key, cls in cands:
            if taken.find(1, s, e) != -1:
                continue
            o_s, o_e = folded.span(s, e)
            if segments is not None and not any(a <= o_s and o_e <= b for a, b in segments):
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append(LexMatch(o_s, o_e, key, cls))
        out.sort(key=lambda m: m.start)
        return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@functools.cache
def lexicon_entities() -> tuple[EntityInfo, ...]:
    """The curated entities of ``extract/data/entities.tsv``."""
    rows = load_table("entities.tsv", LexiconEntry)
    return tuple(
        EntityInfo(
            key=match_key(r.label),
            cls=r.cls,  # type: ignore[arg-type]  # checked against EntityClass by the loader
            label=r.label,
            aliases=_split(r.aliases),
            latin=_split(r.latin),
            wikidata=r.wikidata.strip() or None,
        )
        for r in rows
    )


def lexicon_matches(doc: Doc) -> list[LexMatch]:
    """The matches of :func:`lexicon_matcher` in a document's segments, found once per
    document (the facilities and the lexicon components both read them)."""
    if doc.lexicon_hits is None:
        doc.lexicon_hits = lexicon_matcher().find(doc.folded, doc.article.segments)
    return doc.lexicon_hits


@functools.cache
def lexicon_matcher() -> NameMatcher:
    """The gazetteer of the curated lexicon, built once per process."""
    return NameMatcher.from_entities(lexicon_entities())


@functools.cache
def lexicon_index() -> dict[str, EntityInfo]:
    """Curated entities by key."""
    return {e.key: e for e in lexicon_entities()}


@functools.cache
def alias_index() -> dict[str, str]:
    """Folded label/alias/Latin form → entity key, for resolving names found by other layers."""
    out: dict[str, str] = {}
    for e in lexicon_entities():
        for s in (e.label, *e.aliases, *e.latin):
            out.setdefault(match_key(s), e.key)
    return out


def lexicon_person_with_al(key: str) -> str:
    """The key of the lexicon person whose name is the name ``key`` (folded) with its last
    word written with ال («عادل جبير» → عادل الجبير: a surname is written with the article
    or without it), or ``key`` when there is none.

    >>> lexicon_person_with_al("عادل جبير"), lexicon_person_with_al("سالم حربي")
    ('عادل الجبير', 'سالم حربي')
    """
    words = key.split()
    if len(words) < 2 or words[-1].startswith("ال"):
        return key
    known = lexicon_index().get(alias_index().get(" ".join((*words[:-1], "ال" + words[-1])), ""))
    return known.key if known is not None and known.cls == "Person" else key


@functools.cache
def nisba_table() -> dict[str, str]:
    """Folded nisba adjective (masculine singular, no ال) → country entity key."""
    return {match_key(r.adjective): match_key(r.country) for r in load_table("nisba.tsv", Nisba)}


_NISBA_PLURAL = ("يين", "يون")
_NISBA_SUFFIXES = (*_NISBA_PLURAL, "ين", "ون", "ان", "ه", "")


def is_nisba(folded: str) -> bool:
    """Whether a folded word has the form of a definite relational adjective (nisba): ال…ي،
    ال…يه (الإرهابي، العراقية)."""
    return folded.startswith("ال") and folded.endswith(("ي", "يه"))


def nisba_plural(folded: str, oblique: bool = False) -> str:
    """The singular (…ي) of a folded word with the plural ending of a nisba, يين or يون
    (only يين when ``oblique``), or "" (الحوثيين → الحوثي).

    >>> nisba_plural("الحوثيون"), nisba_plural("الحوثيون", oblique=True), nisba_plural("كتاب")
    ('الحوثي', '', '')
    """
    endings = _NISBA_PLURAL[:1] if oblique else _NISBA_PLURAL
    return folded[:-2] if folded.endswith(endings) else ""


@functools.lru_cache(maxsize=100_000)  # pure in the word; asked again and again of the same words
def nisba_country(word: str) -> str | None:
    """The country key a nisba adjective points to, or None.

    Handles ال, proclitics and the inflections ة، ون، ين، يون، يين.

    >>> nisba_country("الأميركية"), nisba_country("الفرنسيين"), nisba_country("كتاب")
    ('الولايات المتحده', 'فرنسا', None)
    """
    w = fold(word)
    table = nisba_table()
    for pre in ("", *_DEF, "و", "ف", "ب", "ل", "ك", *_LIL):
        if pre and not w.startswith(pre):
            continue
        stem = w[len(pre) :]
        if pre in _LIL:
            stem = "ل" + stem if not stem.startswith("ا") else stem
        for suf in _NISBA_SUFFIXES:
            if suf and not stem.endswith(suf):
                continue
            base = stem[: len(stem) - len(suf)] if suf else stem
            if suf in _NISBA_PLURAL:
                base = nisba_plural(stem)
            if base in table:
                return table[base]
    return None


@functools.cache
def lexicon_context() -> dict[tuple[str, str], frozenset[str]]:
    """``lexicon_context.tsv``: (folded form, side) → the folded words that, standing on
    that side of the form, make it a common noun (النيل من، حماة الوطن)."""
    out: dict[tuple[str, str], set[str]] = {}
    for r in load_table("lexicon_context.tsv", LexiconContext):
        out.setdefault((fold(r.form), r.side), set()).add(fold(r.word))
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def lexicon_since() -> dict[str, int]:
    """``lexicon_since.tsv``: folded lexicon form → the year its entity took it; before
    that year the form names something else (تيك توك → 2016)."""
    return {match_key(r.form): int(r.year) for r in load_table("lexicon_since.tsv", LexiconSince)}


@functools.cache
def state_nouns() -> dict[str, frozenset[str]]:
    """Folded definite state noun → the keys of the lexicon's states with a form that starts
    with it (المملكه → السعوديه، المغرب، الاردن، بريطانيا)."""
    out: dict[str, frozenset[str]] = {}
    for r in load_table("state_nouns.tsv", WordNote):
        noun = match_key(r.word)
        out[noun] = frozenset(
            e.key
            for e in lexicon_entities()
            if any(match_key(f).startswith(noun + " ") for f in (e.label, *e.aliases))
        )
    return out


@functools.cache
def bare_org_nouns() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """``bare_org_nouns.tsv``: folded definite noun → (entity key, the keys of its context
    names), in file order (التحالف → (التحالف العربي, {اليمن …}), (التحالف الدولي, {داعش …})).
    A context name that is no lexicon form is kept folded (it then matches no mention)."""
    aliases = alias_index()
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for r in load_table("bare_org_nouns.tsv", BareOrgNoun):
        context = frozenset(
            aliases.get(match_key(c), match_key(c)) for c in r.context.split("|") if c.strip()
        )
        key = aliases.get(match_key(r.entity), match_key(r.entity))
        out.setdefault(match_key(r.word), []).append((key, context))
    return {w: tuple(rows) for w, rows in out.items()}


@functools.cache
def state_noun_members() -> dict[str, frozenset[str]]:
    """Folded state noun → the keys of the states ``state_noun_members.tsv`` gives it, whose
    lexicon forms do not start with it (المملكه → البحرين، اسبانيا …)."""
    out: dict[str, set[str]] = {}
    for m in load_table("state_noun_members.tsv", StateNounMember):
        out.setdefault(match_key(m.noun), set()).add(match_key(m.country))
    return {n: frozenset(ks) for n, ks in out.items()}


@functools.cache
def publisher_countries() -> dict[str, frozenset[str]]:
    """Publisher label → {the key of its country}."""
    return {
        r.label: frozenset({match_key(r.country)})
        for r in load_table("publishers.tsv", Publisher)
        if r.country != "-"
    }
