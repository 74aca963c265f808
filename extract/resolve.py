"""Across articles: one entity per key, its class decided once, every surface form kept.

This is the reduce step after the per-article extraction: it is the only place that sees
the whole corpus.  Entities with the same key (the normalised canonical name, after alias
resolution) are the same node.  The class is decided by the strongest evidence: the curated
lexicon, then patterns (titles, appositions, head nouns), then the statistical NER, then the
number of mentions — and every mention keeps the class it was found as, so the decision can
be audited.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from extract.records import Extraction

_SOURCE_RANK = {"lexicon": 3, "pattern": 2, "ner": 1, "resolution": 0}
# Surfaces found by these layers are references ("المحرر", "التنظيم"), not names.
_NOT_NAMES = frozenset({"coref-title", "coref-generic", "coref-org"})


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved entity: what the graph says about it."""

    key: str
    cls: str
    label: str
    aliases: tuple[str, ...]
    latin: tuple[str, ...]
    wikidata: str | None
    mentions: int
    articles: int


def resolve(extractions: Iterable[Extraction]) -> dict[str, Entity]:
    """Merge the entities of all extractions by key.

    >>> from extract.pipeline import extract_article
    >>> from extract.reader import parse_text
    >>> a = extract_article(parse_text("استخدم داعش تويتر.", "a.txt"), ("sentences", "lexicon"))
    >>> b = extract_article(parse_text("قاتل تنظيم الدولة.", "b.txt"), ("sentences", "lexicon"))
    >>> e = resolve([a, b])["داعش"]
    >>> e.label, e.articles, "تنظيم الدولة" in e.aliases
    ('داعش', 2, True)
    """
    infos: dict[str, list] = defaultdict(list)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        for info in ex.entities:
            infos[info.key].append(info)
        for m in ex.mentions:
            classes[m.key][m.cls] += 1
            articles[m.key].add(ex.article.id)
            if m.layer not in _NOT_NAMES:
                surfaces[m.key][" ".join(m.surface.split())] += 1
    out: dict[str, Entity] = {}
    for key in sorted(infos):
        cands = infos[key]
        best = max(cands, key=lambda i: (_SOURCE_RANK.get(i.source, 0), i.label))
        counts = classes.get(key, Counter())
        if best.source == "lexicon" or not counts:
            cls = best.cls
        else:
            ranked = sorted(
                {(_SOURCE_RANK.get(i.source, 0), counts.get(i.cls, 0), i.cls) for i in cands},
                reverse=True,
            )
            cls = ranked[0][2]
        label = best.label
        aliases: dict[str, None] = {}
        for i in sorted(cands, key=lambda i: i.label):
            for a in (*i.aliases, i.label):
                if a != label:
                    aliases[a] = None
        for surface in sorted(surfaces[key]):
            if surface != label:
                aliases[surface] = None  # other names and spelling variants as written
        latin = tuple(dict.fromkeys(x for i in cands for x in i.latin))
        wikidata = next((i.wikidata for i in cands if i.wikidata), None)
        out[key] = Entity(
            key=key,
            cls=cls,
            label=label,
            aliases=tuple(sorted(aliases)),
            latin=latin,
            wikidata=wikidata,
            mentions=sum(counts.values()),
            articles=len(articles.get(key, ())),
        )
    return out
