"""The working state of one article while the extractor components run.

A :class:`Doc` is created for one article, passed through the named components in order
(like a spaCy pipeline), and frozen into an :class:`~extract.records.Extraction`.  It is
never shared between articles.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from rasd.extract.folding import DATE_MARKS
from rasd.extract.records import (
    Article,
    Claim,
    DateValue,
    EntityInfo,
    EventRecord,
    Extraction,
    Mention,
    Relation,
    Sentence,
)
from rasd.extract.text import Folded, Token, fold, fold_tokens, is_long, match_key, tokenize


@dataclass
class SentView:
    """A sentence with its tokens and their folded forms."""

    sentence: Sentence
    tokens: list[Token]
    folded: list[str]
    # the word tests' bits of each token (word_tests), made at the first question
    _bits: tuple[int, list[int], list[int]] | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> int:
        return self.sentence.index

    def words_passing(self, bit: int) -> list[int]:
        """The indexes of the word tokens whose text passes the test of ``bit`` (from
        :func:`word_test`), in order: one pass over the sentence for all the tests, then one
        over the few tokens that pass any (most words pass none)."""
        b = self._bits
        if b is None or b[0] != len(_WORD_TESTS):
            bits = [_word_bits(t.text) if t.word else 0 for t in self.tokens]
            b = self._bits = (len(_WORD_TESTS), bits, [k for k, x in enumerate(bits) if x])
        bits = b[1]
        return [k for k in b[2] if bits[k] & bit]


#: tests of a word token's text that the components ask at every token (word_test)
_WORD_TESTS: list[Callable[[str], bool]] = []


def word_test(test: Callable[[str], bool]) -> int:
    """Register a test of a word token's text (a function of the text alone, the same at every
    call) and return its bit for :meth:`SentView.words_passing`: the tests of a word are run
    together once and memoised, so a sentence is passed over once for all of them."""
    _WORD_TESTS.append(test)
    _word_bits.cache_clear()
    return 1 << (len(_WORD_TESTS) - 1)


@functools.lru_cache(maxsize=100_000)
def _word_bits(word: str) -> int:
    """The bits of the :func:`word_test` tests ``word`` passes."""
    bits = 0
    for n, test in enumerate(_WORD_TESTS):
        if test(word):
            bits |= 1 << n
    return bits


@functools.lru_cache(maxsize=200_000)
def bare_forms(word: str) -> frozenset[str]:
    """Folded forms of a word with و/ف, ب/ل/ك and ال stripped (for closed word lists).

    >>> sorted(bare_forms("وللرئيس"))
    ['رئيس', 'للرئيس', 'وللرئيس']
    """
    w = fold(word)
    out = {w}
    stems = [w]
    if len(w) > 3 and w[0] in "وف":
        stems.append(w[1:])
    for x in stems:
        out.add(x)
        if (x.startswith("لل") and len(x) > 4) or (x.startswith("ال") and len(x) > 4):
            out.add(x[2:])
        elif len(x) > 4 and x[0] in "بلك" and x[1:3] == "ال":
            out.add(x[3:])
        elif len(x) > 3 and x[0] in "بلك":
            out.add(x[1:])
    return frozenset(out)


def definite_stem(folded: str) -> tuple[str, int]:
    """A folded word with the proclitics before its article off, and the number of
    characters taken off its start (وبالمملكه → المملكه, 2; للمملكه → المملكه, 2 with the
    ل of ال elided, so a span starts after «لل»); a word with no article after its clitics is
    kept whole («لبنان»، «وزاره»): a mention's span may hold its clitic.

    >>> definite_stem("وبالمملكه"), definite_stem("للمملكه"), definite_stem("المملكه")
    (('المملكه', 2), ('المملكه', 2), ('المملكه', 0))
    >>> definite_stem("للائتلاف")[0], definite_stem("لبنان")[0], definite_stem("وزاره")[0]
    ('الائتلاف', 'لبنان', 'وزاره')
    """
    rest = folded[1:]
    definite = rest.startswith(("ال", "لل")) or (rest[:1] in "بك" and rest[1:3] == "ال")
    cut = 1 if folded[:1] in "وف" and len(folded) > 4 and definite else 0
    w = folded[cut:]
    if w.startswith("لل") and len(w) > 3:
        return "ال" + w[2:], cut + 2
    if w[:1] in "بك" and w[1:3] == "ال" and len(w) > 4:
        return w[1:], cut + 1
    return w, cut


def drop_conjunction(folded: str) -> str:
    """A folded word without the و/ف before its article (والمدينه → المدينه, فالفريق →
    الفريق); any other word as it is (:func:`definite_stem` takes off ب/ك/لل too).

    >>> drop_conjunction("والمدينه"), drop_conjunction("وزاره"), drop_conjunction("المدينه")
    ('المدينه', 'وزاره', 'المدينه')
    """
    return folded[1:] if folded[:1] in ("و", "ف") and folded[1:3] == "ال" else folded


def raw_cut(raw: str, cut: int) -> int:
    """The offset in the raw word ``raw`` of the character after its first ``cut`` folded
    letters: harakat and tatweel (dropped by folding) are stepped over, those after the cut
    too, so that the span starts on a letter.

    >>> raw_cut("لِلمملكة", 2), raw_cut("وَالمملكة", 1), raw_cut("المملكة", 0)
    (3, 2, 0)
    """
    i = 0
    for _ in range(cut):
        while i < len(raw) and raw[i] in DATE_MARKS:
            i += 1
        i += 1
    while i < len(raw) and raw[i] in DATE_MARKS:
        i += 1
    return min(i, len(raw))


@functools.lru_cache(maxsize=200_000)
def strip_al(word: str) -> str:
    """Folded word without a leading ال."""
    w = fold(word)
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


@functools.lru_cache(maxsize=4096)
def _surface_words(surface: str) -> tuple[str | None, str | None]:
    """:meth:`Doc._words_of` of a mention's surface (memoised: a short article's questions
    scan every mention)."""
    words = match_key(surface).split()
    first = strip_al(definite_stem(words[0])[0]) if words else None
    return (first, words[-1] if len(words) >= 2 else None)


@dataclass
class Doc:
    """Everything known about one article during extraction."""

    article: Article
    folded: Folded
    sentences: list[Sentence] = field(default_factory=list)
    views: list[SentView] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # person key -> title group ("writer", "researcher", …) as introduced in this article
    person_groups: dict[str, set[str]] = field(default_factory=dict)
    # person key -> the titles (``Title.text`` of titles.tsv) written before or after the name
    person_titles: dict[str, set[str]] = field(default_factory=dict)
    # titles standing alone ("الكاتب", "الباحثان"): (start, end, Title, sentence index)
    title_refs: list[tuple[int, int, Any, int]] = field(default_factory=list)
    # persons a standing-alone title refers to, by the title's span
    ref_persons: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    # documents (CreativeWork keys) introduced so far, in text order
    documents: list[str] = field(default_factory=list)
    # per-token NER tags by sentence index, when the NER component ran
    ner_tags: dict[int, list[str]] = field(default_factory=dict)
    # the curated lexicon's matches in the text, found once (extract.lexicon.lexicon_matches)
    lexicon_hits: list[Any] | None = field(default=None, repr=False)
    # mention index: the mention covering each character (-1: none), and (start, index) pairs
    _owner: list[int] = field(default_factory=list, repr=False)
    _by_start: list[tuple[int, int]] = field(default_factory=list, repr=False)
    # mentions by their first word without ال (strip_al) and, for two or more words, by their
    # last word (match_key), over the first ``_worded`` mentions (the list only grows; a
    # mention replaced keeps its surface, except by widen_mention, which re-files it)
    _by_first_word: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _by_last_word: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _worded: int = field(default=0, repr=False)
    # entity keys by their last word, as add_entity registers them (a key deleted from
    # ``entities`` later stays here: readers check ``entities``)
    _keys_by_last_word: dict[str, set[str]] = field(default_factory=dict, repr=False)
    # the starts and ends of ``dates`` (sorted by start, never overlapping: find_dates), and
    # the list they were read from, so that a reader bisects instead of scanning every date
    _date_bounds: tuple[list[Any], list[int], list[int]] | None = field(default=None, repr=False)

    @classmethod
    def from_article(cls, article: Article) -> Doc:
        return cls(article=article, folded=Folded(article.text), _owner=[-1] * len(article.text))

    # sentences -----------------------------------------------------------------------
    def set_sentences(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]
        text = self.article.text
        self.views = []
        for s in sentences:
            toks = tokenize(text, s.start, s.end)
            self.views.append(SentView(s, toks, fold_tokens(toks)))

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, or -1."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return -1

    # dates ---------------------------------------------------------------------------
    def _dates_bounds(self) -> tuple[list[int], list[int]]:
        b = self._date_bounds
        if b is None or b[0] is not self.dates or len(b[1]) != len(self.dates):
            b = self._date_bounds = (
                self.dates,
                [d.start for d in self.dates],
                [d.end for d in self.dates],
            )
        return b[1], b[2]

    def dates_starting_in(self, start: int, end: int) -> list[DateValue]:
        """The dates whose first character lies in ``[start, end)``, in text order (a
        bisection: a long article's sentences do not each scan all its dates)."""
        starts, _ = self._dates_bounds()
        return self.dates[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def dates_overlapping(self, start: int, end: int) -> list[DateValue]:
        """The dates sharing a character with ``[start, end)``, in text order."""
        starts, ends = self._dates_bounds()
        return self.dates[bisect.bisect_right(ends, start) : bisect.bisect_left(starts, end)]

    # mentions ------------------------------------------------------------------------
    def overlaps(self, start: int, end: int) -> Mention | None:
        """An existing mention overlapping ``[start, end)``."""
        covered = self._owner[max(0, start) : max(0, end)]
        if not covered or max(covered) < 0:  # most spans: one scan in C, no mention
            return None
        return self.mentions[next(o for o in covered if o >= 0)]

    def add_entity(self, info: EntityInfo) -> EntityInfo:
        """Register an entity (first registration wins)."""
        old = self.entities.get(info.key)
        if old is None:
            self.entities[info.key] = info
            words = info.key.split()
            if words:
                self._keys_by_last_word.setdefault(words[-1], set()).add(info.key)
            return info
        return old

    def entities_ending_with(self, word: str) -> list[EntityInfo]:
        """The entities whose key's last word is ``word`` (in no particular order)."""
        keys = self._keys_by_last_word.get(word, ())
        return [self.entities[k] for k in keys if k in self.entities]

    def mention_ending_at(self, end: int) -> Mention | None:
        """The mention whose last character is at ``end - 1`` (mentions never overlap)."""
        owner = self._owner[end - 1] if 0 < end <= len(self._owner) else -1
        m = self.mentions[owner] if owner >= 0 else None
        return m if m is not None and m.end == end else None

    def add_mention(self, start: int, end: int, key: str, cls: str, layer: str) -> Mention | None:
        """Add a mention unless it overlaps one already found by an earlier layer."""
        if end <= start or self.overlaps(start, end):
            return None
        m = Mention(
            start,
            end,
            self.article.text[start:end],
            cls,
            key,
            layer,
            self.sentence_of(start),
        )
        idx = len(self.mentions)
        self.mentions.append(m)
        for i in range(start, end):
            self._owner[i] = idx
        bisect.insort(self._by_start, (start, idx))
        return m

    def widen_mention(
        self, m: Mention, start: int, end: int, key: str, cls: str, layer: str
    ) -> Mention | None:
        """Replace mention ``m`` by a mention over ``[start, end)`` (which holds it), unless
        that span overlaps another mention: «حكومة الأنبار» over the place «الأنبار»."""
        idx = self.mentions.index(m)
        if end <= start or start > m.start or end < m.end:
            return None
        if any(o not in (-1, idx) for o in self._owner[start:end]):
            return None
        wide = Mention(start, end, self.article.text[start:end], cls, key, layer, m.sentence)
        self.mentions[idx] = wide
        for i in range(start, end):
            self._owner[i] = idx
        self._by_start.remove((m.start, idx))
        bisect.insort(self._by_start, (start, idx))
        if idx < self._worded:  # indexed under its old words: file it under the new ones
            old_words, new_words = self._words_of(m), self._words_of(wide)
            for index, old, new in (
                (self._by_first_word, old_words[0], new_words[0]),
                (self._by_last_word, old_words[1], new_words[1]),
            ):
                if old is not None:
                    index[old].remove(idx)
                if new is not None:
                    bisect.insort(index.setdefault(new, []), idx)
        return wide

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions inside ``[start, end)``, in text order."""
        by_start = self._by_start
        out = []
        for k in range(bisect.bisect_left(by_start, (start, -1)), len(by_start)):
            s, idx = by_start[k]  # no slice: a copy of the list's tail a call is quadratic
            if s >= end:
                break
            m = self.mentions[idx]
            if m.end <= end:
                out.append(m)
        return out

    @staticmethod
    def _words_of(m: Mention) -> tuple[str | None, str | None]:
        """A mention's first word without ال, and its last word when it has two or more."""
        return _surface_words(m.surface)

    def _index_words(self) -> None:
        """Bring the first- and last-word indexes up to the mentions added since last time
        (asking once a sentence is then not a scan of the article: not quadratic)."""
        for idx in range(self._worded, len(self.mentions)):
            first, last = self._words_of(self.mentions[idx])
            if first is not None:
                self._by_first_word.setdefault(first, []).append(idx)
            if last is not None:
                self._by_last_word.setdefault(last, []).append(idx)
        self._worded = len(self.mentions)

    def mentions_ending_with(self, word: str, cls: str | None = None) -> list[Mention]:
        """Mentions (of class ``cls``, or any) of two or more words whose last word is
        ``word`` (both as :func:`~rasd.extract.text.match_key` spells them), in the order they
        were added.  A long article is answered from an index (not a scan a question)."""
        if not is_long(self.article.text):
            return [
                m
                for m in self.mentions
                if (cls is None or m.cls == cls) and self._words_of(m)[1] == word
            ]
        self._index_words()
        found = (self.mentions[i] for i in self._by_last_word.get(word, ()))
        return [m for m in found if cls is None or m.cls == cls]

    def mentions_opening_with(
        self,
        heads: Iterable[str],
        start: int = 0,
        end: int | None = None,
        cls: str | None = None,
    ) -> list[Mention]:
        """Mentions (of class ``cls``, or any) inside ``[start, end)`` whose first word
        without ال (:func:`strip_al`) is one of ``heads``, in text order as
        :meth:`mentions_in` gives them.  A long article is answered from an index."""
        stop = len(self.article.text) if end is None else end
        heads = set(heads)
        if not is_long(self.article.text):
            return [
                m
                for m in self.mentions_in(start, stop)
                if (cls is None or m.cls == cls) and self._words_of(m)[0] in heads
            ]
        self._index_words()
        found = [
            (m.start, i)
            for h in heads
            for i in self._by_first_word.get(h, ())
            if start <= (m := self.mentions[i]).start
            and m.end <= stop
            and (cls is None or m.cls == cls)
        ]
        return [self.mentions[i] for _s, i in sorted(found)]

    def rekey(self, old: str, new: str, cls: str | None = None) -> None:
        """Rewrite the entity key ``old`` to ``new`` everywhere it occurs, in place: every
        mention of ``old`` (taking class ``cls``, or keeping its own when ``cls`` is None),
        the relations with ``old`` as subject or (non-literal) object, and ``old``'s person
        groups; ``old``'s entity is dropped once no mention refers to it.
        """
        for i, m in enumerate(self.mentions):
            if m.key == old:
                self.mentions[i] = replace(m, key=new, cls=m.cls if cls is None else cls)
        for i, r in enumerate(self.relations):
            if old in (r.subject, r.obj):
                self.relations[i] = replace(
                    r,
                    subject=new if r.subject == old else r.subject,
                    obj=new if r.obj == old and not r.literal else r.obj,
                )
        groups = self.person_groups.pop(old, None)
        if groups:
            self.person_groups.setdefault(new, set()).update(groups)
        titles = self.person_titles.pop(old, None)
        if titles:
            self.person_titles.setdefault(new, set()).update(titles)
        self.drop_orphan(old)

    def drop_orphan(self, key: str) -> None:
        """Forget the entity ``key`` when no mention refers to it any more."""
        if key in self.entities and not any(m.key == key for m in self.mentions):
            del self.entities[key]

    def mention_at_token(self, tok: Token) -> Mention | None:
        """The mention covering any character of a token."""
        return self.overlaps(tok.start, tok.end)

    def cls_of(self, key: str) -> str | None:
        e = self.entities.get(key)
        return e.cls if e else None

    def freeze(self) -> Extraction:
        """The immutable result, in a canonical order."""
        return Extraction(
            article=self.article,
            sentences=tuple(self.sentences),
            mentions=tuple(sorted(self.mentions, key=lambda m: (m.start, m.end))),
            entities=tuple(sorted(self.entities.values(), key=lambda e: e.key)),
            claims=tuple(sorted(self.claims, key=lambda c: (c.start, c.end))),
            relations=tuple(
                sorted(
                    dict.fromkeys(self.relations),
                    key=lambda r: (r.start, r.end, r.predicate, r.subject, r.obj),
                )
            ),
            dates=tuple(sorted(self.dates, key=lambda d: (d.start, d.end))),
            events=tuple(sorted(self.events, key=lambda e: (e.start, e.key))),
            warnings=tuple(self.warnings),
        )
