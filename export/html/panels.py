"""What the pages share: links, side-panel records, evidence snippets and network edges.

:class:`Site` holds the entity-level index (:mod:`export.html.store`), the entity graph's
analytics, and the evidence snippets the pages quote.  Snippets need article text, which
is read one article at a time: :meth:`Site.plan` decides which snippets any page will
show, :meth:`Site.collect` keeps just those while each article is streamed, and the
entity-level pages (overview, claims, entity pages, the entity shards) are written last.

Evidence goes into a page's JSON as ``[pre, mark, post, article, date?]``, ``article``
being an index into the page's (or shard's) own table of ``[path, title, date]``, so a
headline is written once per page however often it is quoted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rasd.export.html.model import Claim, Evidence
from rasd.export.html.safe import Snippet, snippet
from rasd.export.html.store import ArticleDetail, SiteIndex
from rasd.export.html.styles import CLAIM_ABOUT, CLASS_AR, RELATIONS

PANEL_EV = 2  # evidence snippets in an entity's side panel (its most recent articles)
EDGE_EV = 2  # evidence snippets per relation or claim pair (most recent first)
REL_KEY = {str(p): s.key for p, s in RELATIONS.items()}
REL_STYLE = {str(p): s for p, s in RELATIONS.items()}

SpanKey = tuple[str, str | None, int, int]  # article, sentence, start, end


def _recent(article_date: Callable[[str | None], str]):
    return lambda e: (article_date(e.article), e.article or "")


class Site:
    """The whole site's entity-level data plus the snippets its pages quote."""

    def __init__(self, index: SiteIndex) -> None:
        self.idx = index
        self.entities = index.entities
        self.articles = index.articles
        self.firsts: dict[tuple[str, str], Snippet] = {}  # (entity, article) -> first mention
        self.spans: dict[SpanKey, Snippet] = {}
        self._want_first: dict[str, set[str]] = defaultdict(set)
        self._want_span: dict[str, set[tuple[str | None, int, int]]] = defaultdict(set)
        self.pair_claims: dict[tuple[str, str], list[Claim]] = {}
        self._named_in: dict[str, list[str]] | None = None
        self._tie_key: dict[str, tuple[int, str, str]] | None = None
        # the last co_mentions answer: the incremental digest and the page ask for the same
        # entity one after the other
        self._co_last: tuple[str, dict[str, int]] | None = None

    # ------------------------------------------------------------------ planning

    def article_date(self, iri: str | None) -> str:
        art = self.articles.get(iri or "")
        return (art.date or "") if art else ""

    def top_evidence(self, key: tuple[str, str, str], n: int = EDGE_EV) -> list[Evidence]:
        """The ``n`` most recent pieces of evidence of a relation (newest article first)."""
        ev = self.idx.evidence.get(key, ())
        return sorted(ev, key=_recent(self.article_date), reverse=True)[:n]

    def plan(self, extra_claims: Iterable[Claim] = ()) -> None:
        """Decide which snippets the entity-level pages show (see :meth:`collect`)."""
        for iri, arts in self.idx.articles_by_entity.items():
            for a in arts[:PANEL_EV]:
                self._want_first[a].add(iri)
        for key in self.idx.evidence:
            for e in self.top_evidence(key):
                if e.article:
                    self._want_span[e.article].add((e.sentence, e.start, e.end))
        pairs: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in self.idx.claims:
            for a in c.authors:
                if a not in self.entities:
                    continue
                for b in c.about:
                    if b in self.entities and b != a:
                        pairs[(a, b)].append(c)
        for claims in pairs.values():
            claims.sort(key=lambda c: (c.date or "", c.iri), reverse=True)
            for c in claims[:EDGE_EV]:
                self._want_claim(c)
        self.pair_claims = dict(sorted(pairs.items()))
        for c in extra_claims:
            self._want_claim(c)

    def _want_claim(self, c: Claim) -> None:
        if c.article:
            self._want_span[c.article].add((c.sentence, c.start, c.end))

    def collect(self, article: str, detail: ArticleDetail, *, keep: bool = False) -> None:
        """Keep the planned snippets that quote ``article`` (called once per article; with
        ``keep``, the plan is kept, so that the article can be collected again later)."""
        take = self._want_first.get if keep else self._want_first.pop
        wanted = take(article, ())
        if wanted:
            first: dict[str, Any] = {}
            for m in detail.mentions:
                if m.entity in wanted:
                    first.setdefault(m.entity, m)
            for ent, m in first.items():
                sent = detail.sentences.get(m.sentence or "")
                self.firsts[(ent, article)] = snippet(detail.body, sent, m.start, m.end)
        for sent_iri, start, end in sorted(
            (self._want_span.get if keep else self._want_span.pop)(article, ()),
            key=lambda k: (k[0] or "", k[1], k[2]),
        ):
            sent = detail.sentences.get(sent_iri or "")
            self.spans[(article, sent_iri, start, end)] = snippet(detail.body, sent, start, end)

    def span(self, article: str | None, sentence: str | None, start: int, end: int) -> Snippet:
        return self.spans.get((article or "", sentence, start, end), ("", "", ""))

    @property
    def named_in(self) -> dict[str, list[str]]:
        """Article IRI → the entities it names, sorted (built once, from
        ``idx.articles_by_entity``)."""
        if self._named_in is None:
            named: dict[str, list[str]] = defaultdict(list)
            for ent, arts in self.idx.articles_by_entity.items():
                for a in arts:
                    named[a].append(ent)
            self._named_in = {a: sorted(v) for a, v in named.items()}
        return self._named_in

    @property
    def tie_key(self) -> dict[str, tuple[int, str, str]]:
        """Entity IRI → ``(-mentions, label, IRI)``: how co-mentioned entities sharing as many
        articles are ordered (built once)."""
        if self._tie_key is None:
            self._tie_key = {i: (-e.mentions, e.label, i) for i, e in self.entities.items()}
        return self._tie_key

    def co_mentions(self, iri: str) -> dict[str, int]:
        """Other entities named in the articles that name ``iri``, with the number of
        those articles each is named in (the article → entities index is built once).
        The answer is shared with the next caller asking for the same ``iri``: don't mutate it."""
        if self._co_last is not None and self._co_last[0] == iri:
            return self._co_last[1]
        named_in = self.named_in
        out: dict[str, int] = defaultdict(int)
        for a in self.idx.articles_by_entity.get(iri, ()):
            for other in named_in.get(a, ()):
                if other != iri:
                    out[other] += 1
        self._co_last = (iri, dict(out))
        return self._co_last[1]

    # ------------------------------------------------------------------ links

    def href(self, iri: str | None, root: str, here: str | None = None) -> str:
        """Relative link of an entity: its page, or the span naming it in an article
        (``#e-…`` alone when that article is ``here``); "" when there is none."""
        ent = self.entities.get(iri or "")
        if ent is None or not ent.href:
            return ""
        if here is not None and ent.href.startswith(f"article/{here}.html#"):
            return ent.href.split(".html", 1)[1]
        return root + ent.href

    def link(self, iri: str | None, root: str, here: str | None = None) -> dict[str, str] | None:
        """Label and link of an entity (None when the IRI is not an entity)."""
        ent = self.entities.get(iri or "")
        if ent is None:
            return None
        return {"label": ent.label, "href": self.href(iri, root, here)}

    def article_ref(self, article: str | None, root: str) -> dict[str, str]:
        """Title, date and relative link of an article (empty strings when unknown)."""
        art = self.articles.get(article or "")
        if art is None:
            return {"title": "", "date": "", "href": ""}
        return {
            "title": art.headline,
            "date": art.date or "",
            "href": f"{root}article/{art.file}.html",
        }

    def evidence_item(
        self, snip: Snippet, article: str | None, root: str, date: str | None = None
    ) -> dict[str, str]:
        """A snippet with its article, for the evidence lists written into the HTML."""
        item = {"pre": snip[0], "mark": snip[1], "post": snip[2]}
        item.update(self.article_ref(article, root))
        if date:
            item["date"] = date
        return item

    def entity_dates(self, iri: str) -> list[str]:
        """Sorted distinct months (``YYYY-MM``, or ``YYYY``) at which the entity is attested:
        articles naming it, its claims, claims about it, its start date (events)."""
        out: set[str] = set()

        def add(d: str | None) -> None:
            if d:
                out.add(d[:7])

        for a in self.idx.articles_by_entity.get(iri, ()):
            add(self.articles[a].date)
        for c in self.idx.claims_by_author.get(iri, ()):
            add(c.date)
        for c in self.idx.claims_about.get(iri, ()):
            add(c.date)
        add(self.entities[iri].start_date)
        return sorted(out)

    # ------------------------------------------------------------------ panels

    def panel(self, iri: str, refs: Refs, near: list | None = None) -> list:
        """An entity's side-panel record ``[label, class, aliases, facts, href, evidence]``
        (links relative to the site root), with ``near`` (its strongest neighbours, see
        :func:`export.html.entity_page.expansion`) as a seventh item when given."""
        ent = self.entities[iri]
        facts: list[list[str]] = []
        if ent.latin:
            facts.append(["بالحروف اللاتينية", ent.latin])
        for job in ent.job_titles:
            facts.append(["المنصب", job])
        if ent.start_date:
            facts.append(["التاريخ", ent.start_date])
        if ent.location in self.entities:
            facts.append(["المكان", self.entities[ent.location].label])
        facts.append(["مقالات", str(len(self.idx.articles_by_entity.get(iri, ())))])
        facts.append(["تصريحات قالها", str(len(self.idx.claims_by_author.get(iri, ())))])
        facts.append(["تصريحات عنه", str(len(self.idx.claims_about.get(iri, ())))])
        ev = []
        for a in self.idx.articles_by_entity.get(iri, ())[:PANEL_EV]:
            snip = self.firsts.get((iri, a))
            if snip is not None:
                ev.append(refs.ev(snip, a))
        out = [ent.label, CLASS_AR.get(ent.cls, ent.cls), list(ent.aliases), facts, ent.href, ev]
        if near is not None:
            out.append(near)
        return out


class Refs:
    """A page's (or shard's) table of the articles its evidence quotes."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.table: list[list[str]] = []
        self._ids: dict[str, int] = {}

    def art(self, iri: str | None) -> int:
        """Index of the article in the table (-1 when unknown)."""
        art = self.site.articles.get(iri or "")
        if art is None:
            return -1
        if art.iri not in self._ids:
            self._ids[art.iri] = len(self.table)
            self.table.append([f"article/{art.file}.html", art.headline, art.date or ""])
        return self._ids[art.iri]

    def ev(self, snip: Snippet, article: str | None, date: str | None = None) -> list:
        """``[pre, mark, post, article index(, date)]``."""
        out: list = [snip[0], snip[1], snip[2], self.art(article)]
        if date:
            out.append(date)
        return out


@dataclass(slots=True)
class EdgeCandidate:
    """An edge between two shown nodes, before the cap is applied."""

    source: str
    target: str
    key: str  # relation key, or CLAIM_ABOUT.key
    score: float
    info: list  # [evidence count, evidence]


def edge_candidates(
    site: Site,
    shown: Mapping[str, int],
    refs: Refs,
    *,
    relations: Iterable[tuple[str, str, str]] | None = None,
    claims: Iterable[Claim] | None = None,
    local: tuple[str, ArticleDetail] | None = None,
) -> list[EdgeCandidate]:
    """Relation and claim edges between shown entities, with their evidence.

    ``relations`` and ``claims`` default to the whole graph; pass an entity's or an
    article's to keep per-page work small.  With ``local`` (an article and its text), only
    evidence from that article is used, quoted from its text.
    """

    def snip(article: str | None, sentence: str | None, start: int, end: int) -> Snippet:
        if local is None:
            return site.span(article, sentence, start, end)
        sent = local[1].sentences.get(sentence or "")
        return snippet(local[1].body, sent, start, end)

    out: list[EdgeCandidate] = []
    for s, p, o in sorted(set(site.idx.relations if relations is None else relations)):
        if s not in shown or o not in shown:
            continue
        ev = site.idx.evidence.get((s, p, o), [])
        if local is not None:
            ev = [e for e in ev if e.article == local[0]]
            if not ev:
                continue
            top = ev[:EDGE_EV]
        else:
            top = site.top_evidence((s, p, o))
        items = [refs.ev(snip(e.article, e.sentence, e.start, e.end), e.article) for e in top]
        out.append(
            EdgeCandidate(
                source=s,
                target=o,
                key=REL_KEY[p],
                score=float(max(len(ev), 1)),
                info=[len(ev), items],
            )
        )
    if claims is None:
        pairs = site.pair_claims.items()
    else:
        grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in claims:
            for a in c.authors:
                for b in c.about:
                    if a in site.entities and b in site.entities and b != a:
                        grouped[(a, b)].append(c)
        for items in grouped.values():
            items.sort(key=lambda c: (c.date or "", c.iri), reverse=True)
        pairs = sorted(grouped.items())
    for (a, b), pair in pairs:
        if a not in shown or b not in shown:
            continue
        items = [
            refs.ev(snip(c.article, c.sentence, c.start, c.end), c.article, c.date)
            for c in pair[:EDGE_EV]
        ]
        out.append(
            EdgeCandidate(
                source=a,
                target=b,
                key=CLAIM_ABOUT.key,
                score=float(len(pair)),
                info=[len(pair), items],
            )
        )
    return out


def select_edges(candidates: list[EdgeCandidate], cap: int) -> list[EdgeCandidate]:
    """The strongest edges, at most ``cap``."""
    ranked = sorted(candidates, key=lambda e: (-e.score, e.source, e.target, e.key))
    return ranked[:cap]


def vis_edges(chosen: list[EdgeCandidate], ids: Mapping[str, int]) -> tuple[list, list]:
    """Compact edges (ids 0..n-1, see :func:`export.html.netdata.edge`) and their panel
    records ``[evidence count, evidence]``, in a stable order."""
    from rasd.export.html.netdata import edge

    chosen = sorted(chosen, key=lambda e: (ids[e.source], ids[e.target], e.key))
    edges = [
        edge(ids[e.source], ids[e.target], e.key, 1.0 + min(4.0, e.score**0.5)) for e in chosen
    ]
    return edges, [e.info for e in chosen]


def entity_info(site: Site, iri: str, **extra: Any) -> dict[str, Any]:
    """A network node's side-panel reference: the entity's shard key (``e``), plus extras
    (``k`` community, ``d`` dates) where a page filters on them."""
    return {"e": site.entities[iri].file, **extra}
