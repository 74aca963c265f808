"""Across articles: one entity per key, its class decided once, every surface form kept.

Resolution is a *fold*.  Each article contributes, per entity key, a small
:class:`KeySummary` (what it knows of the entity: its candidate records, the classes its
mentions were found as, the surface forms); summaries add up (:meth:`KeySummary.merge`) and
subtract (:meth:`KeySummary.unmerge`), so an archive build can add or remove articles, in any
order and in any process, and re-derive only the keys they touch (:func:`derive`).
:func:`resolve` is the same fold over a list of extractions.

Entities with the same key (the normalised canonical name, after alias resolution) are the
same node.  The class is decided by the strongest evidence: the curated lexicon, then patterns
(titles, appositions, head nouns), then the statistical NER, then the number of mentions —
and every mention keeps the class it was found as, so the decision can be audited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rasd.extract.records import EntityClass, EntityInfo, Extraction
from rasd.extract.text import clean_label

_SOURCE_RANK = {"lexicon": 3, "pattern": 2, "ner": 1, "resolution": 0}
# Surfaces found by these layers are references ("المحرر", "التنظيم"), not names.
_NOT_NAMES = frozenset({"coref-title", "coref-generic", "coref-org"})


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved entity: what the graph says about it."""

    key: str
    cls: EntityClass
    label: str
    aliases: tuple[str, ...]
    latin: tuple[str, ...]
    wikidata: str | None
    mentions: int
    articles: int


@dataclass(slots=True)
class KeySummary:
    """Everything the articles seen so far say about one entity key; a commutative monoid.

    ``infos`` counts the candidate records (one per article that registered the key),
    ``classes`` the class of every mention, ``surfaces`` the names as written, ``publishers``
    the labels of articles' publishers with this key, ``articles`` the articles naming it.
    """

    infos: Counter[EntityInfo] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    publishers: Counter[str] = field(default_factory=Counter)
    articles: int = 0

    def merge(self, other: KeySummary) -> None:
        """Add ``other`` (another article's contribution) to this summary."""
        self.infos.update(other.infos)
        self.classes.update(other.classes)
        self.surfaces.update(other.surfaces)
        self.publishers.update(other.publishers)
        self.articles += other.articles

    def unmerge(self, other: KeySummary) -> None:
        """Take back ``other``, added earlier by :meth:`merge` (an article removed)."""
        self.infos.subtract(other.infos)
        self.classes.subtract(other.classes)
        self.surfaces.subtract(other.surfaces)
        self.publishers.subtract(other.publishers)
        self.articles -= other.articles
        for c in (self.infos, self.classes, self.surfaces, self.publishers):
            for k in [k for k, n in c.items() if n <= 0]:
                del c[k]

    def empty(self) -> bool:
        return not (self.infos or self.publishers)


def contributions(ex: Extraction) -> dict[str, KeySummary]:
    """What one article contributes to the resolution of each key it names.

    >>> from rasd.extract.pipeline import extract_article
    >>> from rasd.extract.reader import parse_text
    >>> ex = extract_article(parse_text("استخدم داعش تويتر.", "a.txt"), ("sentences", "lexicon"))
    >>> c = contributions(ex)
    >>> sorted(c), c["داعش"].articles, c["داعش"].classes["Organization"]
    (['تويتر', 'داعش'], 1, 1)
    """
    out: dict[str, KeySummary] = {}

    def of(key: str) -> KeySummary:
        s = out.get(key)
        if s is None:
            s = out[key] = KeySummary()
        return s

    for info in ex.entities:
        of(info.key).infos[info] += 1
    seen: set[str] = set()
    for m in ex.mentions:
        s = of(m.key)
        s.classes[m.cls] += 1
        seen.add(m.key)
        if m.layer not in _NOT_NAMES:
            s.surfaces[" ".join(m.surface.split())] += 1
    for key in seen:
        out[key].articles = 1
    pub = publisher_entity(ex.article.publisher)
    if pub is not None:
        of(pub.key).publishers[pub.label] += 1
    return out


def publisher_entity(name: str | None) -> Entity | None:
    """The organisation an article's publisher names (``None`` without a publisher)."""
    if not name:
        return None
    from rasd.extract.text import match_key

    return Entity(match_key(name), "Organization", name, (), (), None, 0, 0)


def derive(key: str, s: KeySummary) -> Entity | None:
    """The entity of one key from its summary (``None`` if nothing names it any more)."""
    if not s.infos:
        if not s.publishers:
            return None
        label = min(s.publishers)  # publishers are organisations unless an article says more
        return Entity(key, "Organization", label, (), (), None, 0, 0)
    rank = _SOURCE_RANK.get
    cands = sorted(
        s.infos, key=lambda i: (rank(i.source, 0), i.label, i.cls, i.aliases), reverse=True
    )
    best = cands[0]
    counts = s.classes
    if best.source == "lexicon" or not counts:
        cls = best.cls
    else:
        ranked = sorted(
            {(rank(i.source, 0), counts.get(i.cls, 0), i.cls) for i in cands}, reverse=True
        )
        cls = ranked[0][2]
    label = clean_label(best.label)  # no invisible characters or tatweel in shown names
    aliases: dict[str, None] = {}
    for i in sorted(cands, key=lambda i: i.label):
        for a in (*i.aliases, i.label):
            if clean_label(a) != label:
                aliases[clean_label(a)] = None
    for surface in sorted(s.surfaces):
        if clean_label(surface) != label:
            aliases[clean_label(surface)] = None  # other names and spellings as written
    latin = tuple(dict.fromkeys(x for i in cands for x in i.latin))
    wikidata = next((i.wikidata for i in cands if i.wikidata), None)
    return Entity(
        key=key,
        cls=cls,
        label=label,
        aliases=tuple(sorted(aliases)),
        latin=latin,
        wikidata=wikidata,
        mentions=sum(counts.values()),
        articles=s.articles,
    )


def fold(summaries: dict[str, KeySummary], contrib: Mapping[str, KeySummary]) -> None:
    """Merge one article's contribution into ``summaries`` (in place)."""
    for key, c in contrib.items():
        s = summaries.get(key)
        if s is None:
            s = summaries[key] = KeySummary()
        s.merge(c)


def unfold(summaries: dict[str, KeySummary], contrib: Mapping[str, KeySummary]) -> None:
    """Take one article's contribution back out of ``summaries`` (in place)."""
    for key, c in contrib.items():
        s = summaries.get(key)
        if s is None:
            continue
        s.unmerge(c)
        if s.empty():
            del summaries[key]


def resolve(extractions: Iterable[Extraction], publishers: bool = False) -> dict[str, Entity]:
    """Merge the entities of all extractions by key (the fold of their contributions).

    Keys that only a publisher names are left out unless ``publishers`` is true.

    >>> from rasd.extract.pipeline import extract_article
    >>> from rasd.extract.reader import parse_text
    >>> a = extract_article(parse_text("استخدم داعش تويتر.", "a.txt"), ("sentences", "lexicon"))
    >>> b = extract_article(parse_text("قاتل تنظيم الدولة.", "b.txt"), ("sentences", "lexicon"))
    >>> e = resolve([a, b])["داعش"]
    >>> e.label, e.articles, "تنظيم الدولة" in e.aliases
    ('داعش', 2, True)
    """
    summaries: dict[str, KeySummary] = {}
    for ex in extractions:
        fold(summaries, contributions(ex))
    out: dict[str, Entity] = {}
    for key in sorted(summaries):
        s = summaries[key]
        if not s.infos and not publishers:
            continue
        e = derive(key, s)
        if e is not None:
            out[key] = e
    return out
