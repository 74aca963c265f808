"""Incremental page writing: which pages of an earlier site can be kept as they are.

Each article and entity page gets a digest of everything it is rendered from (the data of
its article or entity, of the entities it links to and draws, of the articles it quotes,
with their content keys, and of the page code).  A site written with a :class:`PageState`
records these digests; the next write with that state renders and writes only the pages
whose digest changed, keeps the others, and takes the evidence snippets that unchanged
articles gave last time from the state instead of reading their text again.  Global pages
(overview, claims, search index, side-panel shards) are always rendered and written only
when their bytes changed.

An article page's digest is wide (every entity the article names, every article it quotes);
an entity page's covers what the page shows (the neighbours it draws and their number, the
50 newest articles naming it and their number, the co-mentioned entities it lists and their
number, its claims and relations with their evidence and quoted articles), so that an article
added to an archive rewrites the pages of the entities it names and of their shown
neighbourhood, not of every entity that shares a hub with them.  A page never goes stale: a
test compares an incremental site with a full build of the same inputs file by file.  When
page code changes, :func:`code_fingerprint` changes and
every page is written again.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from rasd.export import pickled
from rasd.export.html.entity_page import (
    MAX_ARTICLES,
    Near,
    nearest,
    top_co_mentioned,
)
from rasd.export.html.forked import ForkedMap
from rasd.export.html.panels import Site
from rasd.export.html.store import DEFAULT_GRAPH, GraphPart, intern_part, read_parts
from rasd.extract.records import field_values

STATE_VERSION = 2
_PKG = Path(__file__).resolve().parent
_GRAPH = _PKG.parent.parent / "graph"


@cache
def code_fingerprint() -> str:
    """SHA-256 over the page code, templates and static files (``export/html``) and the
    graph modules they read with (``graph/*.py``, ``graph/*.tsv``): a change to any of them
    makes every page be written again."""
    h = hashlib.sha256()
    files = [p for p in _PKG.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [p for p in _GRAPH.glob("*") if p.suffix in {".py", ".tsv", ".ttl"}]
    for p in sorted(files):
        h.update(str(p.relative_to(_PKG.parent.parent)).encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def state_fingerprint(params: tuple) -> str:
    """What a :class:`PageState` must have been written with to be used: the page code
    (:func:`code_fingerprint`) and the site's parameters."""
    return f"{code_fingerprint()}:{params!r}"


@dataclass
class PageState:
    """What a site write leaves for the next one (kept in ``OUT/state/pages.pickle``).

    ``digests`` maps a page's path under the site root (``article/<file>.html``) to the
    digest of its inputs; ``snippets`` maps an article IRI to ``(content key, firsts,
    spans)``: the snippets its text gave (``firsts`` by entity IRI, ``spans`` by
    ``(sentence, start, end)``); ``parts`` maps a graph IRI to ``(content key, part)``: what
    the graph gave the site index (:func:`current_parts`).
    """

    fingerprint: str = ""
    digests: dict[str, bytes] = field(default_factory=dict)
    snippets: dict[str, tuple[str, dict, dict]] = field(default_factory=dict)
    parts: dict[str, tuple[str, GraphPart]] = field(default_factory=dict)
    written: int = 0  # pages rendered and written by the last write
    kept: int = 0  # pages kept as they were

    def save(self, path: Path) -> None:
        """Write the state atomically."""
        pickled.dump((STATE_VERSION, self), path)

    @classmethod
    def load(cls, path: Path) -> PageState | None:
        """The state at ``path``; None when missing or unreadable (the caller writes every
        page)."""
        if not path.is_file():
            return None
        try:
            version, state = pickled.load(path)
        except Exception:  # a damaged state: every page is written again
            return None
        if version != STATE_VERSION or not isinstance(state, cls):
            return None
        return state


#: Changed graphs read one by one at most (more, and every graph is read at once).
MAX_ALONE = 1000
#: Graphs per task when their parts are taken from elsewhere by forked processes.
PART_BATCH = 200


def current_parts(
    store: ox.Store,
    kept: dict[str, tuple[str, GraphPart]],
    graph_key: Callable[[str], str | None],
    *,
    path: Path | None = None,
    stats: dict[str, float] | None = None,
    parts_from: Callable[[str], GraphPart | None] | None = None,
    workers: int = 1,
) -> tuple[dict[str, GraphPart], dict[str, tuple[str, GraphPart]]]:
    """The site index's parts of every graph of ``store`` (:func:`export.html.store.read_parts`)
    and what to keep of them for the next write.

    ``kept`` is what the previous write kept (graph IRI → ``(content key, part)``);
    ``graph_key(graph IRI)`` is the graph's content key now (None: unknown, read again).  A
    graph whose key did not change gives its kept part; the others are taken from
    ``parts_from(graph IRI)`` when given (e.g. parsed from a build's cached N-Quads, by
    ``workers`` forked processes: :func:`export.html.store.read_part_nquads`; None: read the
    store); the rest, the default graph and the graphs without a key are read (each alone:
    an archive's incremental build reads its few changed articles, not the whole store);
    without ``kept`` and ``parts_from``, or when more than :data:`MAX_ALONE` graphs and a
    quarter of them are left to read, every graph is read at once (``path`` and ``stats`` as
    for :func:`read_parts`; ``stats["read_index"]`` also receives the forked processes' CPU
    seconds)."""
    graphs = list(store.named_graphs()) if kept or parts_from else []
    reuse: dict[str, GraphPart] = {}
    fresh: list[str] = []
    for node in graphs:
        g = node.value if isinstance(node, ox.NamedNode) else ""
        key = graph_key(g) if g else None
        old = kept.get(g)
        if key is not None and old is not None and old[0] == key:
            reuse[g] = old[1]
        else:
            fresh.append(g)
    if parts_from is not None:
        elsewhere = [g for g in fresh if g]
        fresh = [g for g in fresh if not g]
        for g, part in _parts_elsewhere(parts_from, elsewhere, workers, stats):
            if part is None:
                fresh.append(g)
            else:
                reuse[g] = intern_part(part)
    if not graphs or "" in fresh or len(fresh) > max(MAX_ALONE, len(graphs) // 4):
        # first write, a blank-node graph, or most graphs changed (a new extractor): at once
        parts = read_parts(store, path=path, stats=stats)
    else:
        parts = reuse
        for g in fresh:
            parts.update(read_parts(store, g))
        parts.update(read_parts(store, DEFAULT_GRAPH))
    keep = {g: (k, p) for g, p in parts.items() if (k := graph_key(g)) is not None}
    return parts, keep


_parts_source: Callable[[str], GraphPart | None] | None = None  # set in each forked reader


def _parts_elsewhere(
    parts_from: Callable[[str], GraphPart | None],
    graphs: list[str],
    workers: int,
    stats: dict[str, float] | None,
) -> Iterator[tuple[str, GraphPart | None]]:
    """``(graph, parts_from(graph))`` for each of ``graphs`` in order, by ``workers`` forked
    processes when there are many (``parts_from`` is handed to them by the fork, not
    pickled; only the parts come back)."""
    if workers <= 1 or len(graphs) < 2 * PART_BATCH:
        for g in graphs:
            yield g, parts_from(g)
        return
    batches = [graphs[i : i + PART_BATCH] for i in range(0, len(graphs), PART_BATCH)]
    readers = ForkedMap(_parts_batch, batches, workers, None, _start_reader, (parts_from,))
    try:
        for got, cpu in readers:
            if stats is not None:
                stats["read_index"] = stats.get("read_index", 0.0) + cpu
            yield from got
    finally:
        readers.close()


def _start_reader(parts_from: Callable[[str], GraphPart | None]) -> None:
    """A forked reader's start: keep ``parts_from`` (inherited through the fork's process
    arguments, never pickled) and freeze what the parent had, so that the reader does not
    copy the parent's pages when the collector runs."""
    global _parts_source
    _parts_source = parts_from
    gc.freeze()


def _parts_batch(graphs: list[str]) -> tuple[list[tuple[str, GraphPart | None]], float]:
    """One task of :func:`_parts_elsewhere` in a forked reader, with its CPU seconds."""
    t = time.process_time()
    source = _parts_source
    if source is None:  # only _start_reader's processes run this
        raise RuntimeError("_parts_batch runs only in a reader started by _parts_elsewhere")
    got = [(g, source(g)) for g in graphs]
    return got, time.process_time() - t


def _digest(parts: Any) -> bytes:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


_UNKNOWN = b"?"  # an article without a content key: pages quoting it are always written


class Digests:
    """Page digests for one site.  Each entity link, article, claim and relation's evidence
    is digested once; a page's digest hashes the digests of the objects it depends on."""

    def __init__(self, site: Site, key: Callable[[str], str | None], params: tuple) -> None:
        self.site = site
        self.key = key  # article IRI -> content key (None: unknown, always rendered)
        self.params = _digest((code_fingerprint(), params))
        self._links: dict[str, bytes] = {}
        self._arts: dict[str, bytes] = {}
        self._briefs: dict[str, bytes] = {}
        self._claims: dict[str, bytes] = {}
        self._evidence: dict[tuple[str, str, str], bytes] = {}
        self.named_in = site.named_in

    def link(self, iri: str) -> bytes:
        """What a page shows of an entity it links to or draws."""
        got = self._links.get(iri)
        if got is None:
            ent = self.site.entities.get(iri)
            got = _digest(
                (iri, None) if ent is None else (iri, ent.label, ent.cls, ent.file, ent.href)
            )
            self._links[iri] = got
        return got

    def art(self, iri: str | None) -> bytes:
        """An article a page links to or quotes: its metadata, content key and the entities
        it names (:data:`_UNKNOWN` when its content key is unknown)."""
        return self._article(iri, self._arts, named=True)

    def brief(self, iri: str | None) -> bytes:
        """An article an entity page lists or quotes: its metadata and content key (its text
        gives the snippets), not the entities it names (:data:`_UNKNOWN` when its content key
        is unknown)."""
        return self._article(iri, self._briefs, named=False)

    def _article(self, iri: str | None, memo: dict[str, bytes], *, named: bool) -> bytes:
        if iri is None:
            return b"-"
        got = memo.get(iri)
        if got is None:
            meta = self.site.articles.get(iri)
            if meta is None:
                got = _digest((iri, None))
            else:
                k = self.key(iri)
                parts = (
                    (field_values(meta), k, self.named_in.get(iri, ()))
                    if named
                    else (field_values(meta), k)
                )
                got = _UNKNOWN if k is None else _digest(parts)
            memo[iri] = got
        return got

    def claim(self, c: Any) -> bytes:
        got = self._claims.get(c.iri)
        if got is None:
            got = self._claims[c.iri] = _digest(field_values(c))
        return got

    def evidence(self, rel: tuple[str, str, str]) -> bytes:
        got = self._evidence.get(rel)
        if got is None:
            items = [field_values(e) for e in self.site.idx.evidence.get(rel, ())]
            got = self._evidence[rel] = _digest((rel, items))
        return got

    def _page(
        self,
        head: Any,
        arts: Iterable[str | None],
        ents: set[str],
        rest: Any,
        art: Callable[[str | None], bytes] | None = None,
    ) -> bytes | None:
        art = art or self.art
        got = [art(a) for a in arts]
        if _UNKNOWN in got:  # every other digest is 16 bytes, or b"-"
            return None
        link = self.link
        # one update per group: the digest of the concatenation, as one update per item gave
        h = hashlib.blake2b(self.params, digest_size=16)
        h.update(repr(head).encode("utf-8"))
        h.update(b"".join(got))
        h.update(b"|")
        h.update(b"".join([link(e) for e in sorted(ents)]))
        h.update(b"|")
        h.update(b"".join(rest))
        return h.digest()

    def article(self, iri: str) -> bytes | None:
        """Digest of ``article/<file>.html`` (None: render it)."""
        idx = self.site.idx
        claims = idx.claims_by_article.get(iri, ())
        evidence = idx.evidence_by_article.get(iri, ())
        ents = set(self.named_in.get(iri, ()))
        meta = self.site.articles[iri]
        if meta.publisher:
            ents.add(meta.publisher)
        for c in claims:
            ents.update(c.authors)
            ents.update(c.about)
        for e in evidence:
            ents.update((e.subject, e.object))
        quoted = sorted({c.article or "" for c in claims} | {e.article or "" for e in evidence})
        head = ("article", iri, [field_values(e) for e in evidence])
        rest = [self.claim(c) for c in claims]
        return self._page(head, [iri, *quoted], ents, rest)

    def entity(self, iri: str, near: Near) -> bytes | None:
        """Digest of ``entity/<file>.html`` (None: render it); ``near`` is its first
        neighbours in the order the page uses and their number
        (:func:`export.html.entity_page.nearest`).  Only what the page shows goes in: the
        neighbours it draws and their number, the articles it lists and their number, the
        co-mentioned entities it lists and their number — so that an article added elsewhere
        rewrites the page only when one of these changes."""
        site, idx = self.site, self.site.idx
        ent = site.entities[iri]
        arts = idx.articles_by_entity.get(iri, ())
        rels = idx.relations_by_entity.get(iri, ())
        claims = {c.iri: c for c in idx.claims_by_author.get(iri, ())}
        claims.update({c.iri: c for c in idx.claims_about.get(iri, ())})
        quoted = {e.article or "" for r in rels for e in idx.evidence.get(r, ())}
        quoted.update(c.article or "" for c in claims.values())
        shown = sorted(near[0])
        shared = site.co_mentions(iri)
        co = [(o, shared[o]) for o in top_co_mentioned(site, shared)]
        ents = set(shown)
        ents.update(o for o, _n in co)
        if ent.location:
            ents.add(ent.location)
        for s, _p, o in rels:
            ents.update((s, o))
        for c in claims.values():
            ents.update(c.authors)
            ents.update(c.about)
        head = (
            "entity",
            field_values(ent),
            shown,
            near[1],
            len(arts),
            rels,
            sorted(claims),
            co,
            len(shared),
        )
        rest = [self.evidence(r) for r in rels]
        rest += [self.claim(claims[k]) for k in sorted(claims)]
        listed = [*arts[:MAX_ARTICLES], "|", *sorted(quoted)]
        return self._page(head, listed, ents, rest, art=self.brief)


def planned(site: Site) -> tuple[dict[str, set], dict[str, set]]:
    """A copy of the snippets ``site`` plans to collect, by article (call after
    :meth:`Site.plan`, before any article is collected)."""
    return (
        {a: set(v) for a, v in site._want_first.items()},
        {a: set(v) for a, v in site._want_span.items()},
    )


def snippets_by_article(
    site: Site, plan: tuple[dict[str, set], dict[str, set]], articles: Iterable[str]
) -> dict[str, tuple[dict, dict]]:
    """What ``articles`` (collected in this write) gave ``site``, by article: ``(firsts,
    spans)``; a planned first mention the article does not have is kept as None (so that
    the next write knows it need not read the article to find it)."""
    want_first, want_span = plan
    out: dict[str, tuple[dict, dict]] = {}
    for a in articles:
        firsts = {e: site.firsts.get((e, a)) for e in want_first.get(a, ())}
        spans = {k: site.spans[(a, *k)] for k in want_span.get(a, ()) if (a, *k) in site.spans}
        out[a] = (firsts, spans)
    return out


def reuse_snippets(site: Site, article: str, stored: tuple[dict, dict]) -> bool:
    """Give ``site`` the snippets it plans to take from ``article`` out of ``stored`` (what
    the same text gave last time), as :meth:`Site.collect` would; False (and nothing
    changed) when one of them is not there, so that the article must be read."""
    firsts, spans = stored
    want_first = site._want_first.get(article, ())
    want_span = site._want_span.get(article, ())
    if any(k not in spans for k in want_span) or any(e not in firsts for e in want_first):
        return False
    for e in want_first:
        if firsts[e] is not None:
            site.firsts[(e, article)] = firsts[e]
    for k in want_span:
        site.spans[(article, *k)] = spans[k]
    site._want_first.pop(article, None)
    site._want_span.pop(article, None)
    return True


class Incremental:
    """Which article and entity pages a site write renders (see
    :func:`export.html.write_site_from_store`); ``state`` is the previous write's
    :class:`PageState` (None: render every page, record nothing)."""

    def __init__(self, site, state, content_key, params, out_dir: Path) -> None:
        self.site, self.out_dir = site, out_dir
        self.state = state
        fp = state_fingerprint(params)
        self.prev = state if state is not None and state.fingerprint == fp else None
        self.fp = fp
        self.key = content_key
        self.digests = None
        if state is not None and content_key is not None:
            self.digests = Digests(site, content_key, params)
        self.new: dict[str, bytes] = {}
        self.snippets: dict[str, tuple] = {}
        self.plan = planned(site) if self.digests is not None else ({}, {})
        self.kept = 0
        self.rendered = 0
        #: :func:`export.html.entity_page.nearest` of each entity with a page, as
        #: :meth:`entities` computed it for the digests: the pages and side panels take it
        self.near: dict[str, Near] = {}
        self._files: dict[str, set[str]] = {}  # folder of the site -> the files in it

    def _keep(self, page: str, digest: bytes | None) -> bool:
        if digest is not None:
            self.new[page] = digest
        return (
            self.prev is not None
            and digest is not None
            and self.prev.digests.get(page) == digest
            and self._present(page)
        )

    def _present(self, page: str) -> bool:
        """Whether the page ``<folder>/<name>`` is a file of the site: each folder is listed
        once (an archive's holds tens of thousands of pages; a stat each costs seconds)."""
        folder, _, name = page.rpartition("/")
        files = self._files.get(folder)
        if files is None:
            files = self._files[folder] = set()
            path = self.out_dir / folder
            if path.is_dir():
                with os.scandir(path) as it:
                    files.update(e.name for e in it if e.is_file())
        return name in files

    def renders_all(self) -> bool:
        """True when every page is rendered whatever the digests (no previous digests to
        compare with): :meth:`articles` and :meth:`entities` then only record them."""
        return self.prev is None

    def articles(self) -> tuple[list[str], set[str] | None]:
        """The articles to read and, of those, the ones whose page to write (None: all)."""
        site = self.site
        if self.digests is None:
            return list(site.articles), None
        to_read, render = [], set()
        for iri, art in site.articles.items():
            if not self._keep(f"article/{art.file}.html", self.digests.article(iri)):
                to_read.append(iri)
                render.add(iri)
                continue
            self.kept += 1
            key = self.key(iri)
            stored = self.prev.snippets.get(iri) if self.prev is not None else None
            if stored is not None and stored[0] == key:
                if reuse_snippets(site, iri, stored[1:]):
                    self.snippets[iri] = stored
                    continue
            elif iri not in site._want_first and iri not in site._want_span:
                continue  # nothing to quote from it
            to_read.append(iri)  # read for the snippets other pages quote
        self.rendered += len(render)
        return to_read, render

    def articles_done(self, read: list[str]) -> None:
        if self.digests is None:
            return
        got = snippets_by_article(self.site, self.plan, read)
        for iri, (firsts, spans) in got.items():
            self.snippets[iri] = (self.key(iri), firsts, spans)

    def entities(self, with_page: list[str], g, rank) -> set[str]:
        """The entities whose page to write."""
        if self.digests is None:
            return set(with_page)
        render = set()
        for iri in with_page:
            near = self.near[iri] = nearest(g, iri, rank)  # strongest tie, then rank
            page = f"entity/{self.site.entities[iri].file}.html"
            if self._keep(page, self.digests.entity(iri, near)):
                self.kept += 1
            else:
                render.add(iri)
        self.rendered += len(render)
        return render

    def finish(self) -> None:
        """Update the caller's state for the next write."""
        if self.state is None:
            return
        self.state.fingerprint = self.fp
        self.state.digests = self.new
        self.state.snippets = self.snippets
        self.state.written = self.rendered
        self.state.kept = self.kept
