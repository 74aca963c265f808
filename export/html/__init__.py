"""The rasd HTML site: an offline, right-to-left set of pages generated from the graph.

Entry points: :func:`write_site_from_store` (a :class:`pyoxigraph.Store`, as ``rasd build``
writes it) and :func:`write_site` (an rdflib graph, loaded into an in-memory store first:
one implementation).  Pages:

* ``index.html`` — overview network of the most important entities: communities laid out
  apart, labels where they fit, edges between communities aggregated, a time bar and class
  and platform filters (:mod:`export.html.overview`, :mod:`export.html.layout`,
  ``static/overview.js``);
* ``claims.html`` — who said what about whom, as a list and a network;
* ``platforms.html`` — actors × platforms: the kind of link and its evidence;
* ``article/<article-id>.html`` — every article's text with its spans, entities, claims;
* ``entity/<sha1-of-IRI>.html`` — an entity's ego network, names, claims, relations and
  articles, for every entity mentioned at least twice (``min_mentions``).  An entity
  mentioned once links to the span naming it in its article
  (``article/<id>.html#e-<sha1>``); like every entity it is in the search index and opens
  a side panel wherever it is drawn (``rasd serve`` can render its page on demand);
* ``static/`` — vis-network (copied from the installed pyvis), CSS, JS, ``site-data.js``
  (styles and network options every page shares), ``search/<hex>.js`` (every entity's
  names) and ``e/<prefix>.js``: the side-panel records of the entities whose page name
  starts with ``<prefix>``, loaded when a node is clicked, so that no page carries a copy.

Memory: the entity-level data is read with SPARQL (:func:`export.html.store.read_index`);
article text is read one article at a time while its page is written, keeping only the
evidence snippets that other pages quote.
"""

from __future__ import annotations

import gc
import logging
import math
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from rasd.export.html.analytics import (
    COMMUNITY_SEED,
    community_numbers,
    importance,
    rank_nodes,
    undirected_weighted,
)
from rasd.export.html.article_page import ROOT as PAGE_ROOT
from rasd.export.html.article_page import article_page
from rasd.export.html.claims_page import claims_page, network_claims
from rasd.export.html.entity_page import Near, entity_page, expansion
from rasd.export.html.forked import Apart, Beside, ForkedMap
from rasd.export.html.incremental import (
    Incremental,
    PageState,
    current_parts,
    state_fingerprint,
)
from rasd.export.html.netdata import site_data_js
from rasd.export.html.overview import overview_page, search_index_js
from rasd.export.html.panels import Refs, Site
from rasd.export.html.platforms_page import platforms_page
from rasd.export.html.render import copy_static, environment, shell, write_text
from rasd.export.html.safe import script_json
from rasd.export.html.store import (
    MIN_MENTIONS,
    ArticleDetail,
    GraphPart,
    SiteIndex,
    intern_entities,
    read_article,
    read_entities_at,
    read_index,
    store_from_graph,
)
from rasd.export.louvain import compact, louvain_timed
from rasd.export.pickled import collector_frozen
from rasd.graph.network import entity_network

__all__ = ["write_site", "write_site_from_store"]

log = logging.getLogger(__name__)
SHARD_SIZE = 64  # about this many entities per side-panel shard


def shard_len(n_entities: int) -> int:
    """Hex digits of the page name that pick an entity's shard (about 64 entities each).

    >>> shard_len(17), shard_len(10_000), shard_len(100_000)
    (1, 2, 3)
    """
    if n_entities <= 16 * SHARD_SIZE:
        return 1
    return max(1, math.ceil(math.log(n_entities / SHARD_SIZE, 16)))


def write_site(graph: Graph, out_dir: Path, *, max_overview_nodes: int = 400, **kw) -> Path:
    """Write the site for an rdflib graph: its triples are loaded into an in-memory
    :class:`pyoxigraph.Store` and written by :func:`write_site_from_store`."""
    return write_site_from_store(
        store_from_graph(graph), out_dir, max_overview_nodes=max_overview_nodes, **kw
    )


def site_network(index: SiteIndex) -> nx.MultiDiGraph:
    """The entity network (:func:`graph.network.entity_network`) of the site index: its
    entities, its relations weighted by their evidence statements (at least 1), and its
    claims; the same network the GEXF and GraphML exports hold."""
    return entity_network(
        ((iri, e.label, e.cls) for iri, e in index.entities.items()),
        ((s, p, o, max(1, len(index.evidence.get((s, p, o), ())))) for s, p, o in index.relations),
        ((c.authors, c.about) for c in index.claims),
    )


def write_site_from_store(
    store: ox.Store | str | Path,
    out_dir: Path,
    *,
    max_overview_nodes: int = 400,
    min_mentions: int = MIN_MENTIONS,
    workers: int = 1,
    articles: Callable[[str, dict], ArticleDetail] | None = None,
    stats: dict[str, float] | None = None,
    state: PageState | None = None,
    content_key: Callable[[str], str | None] | None = None,
    graph_key: Callable[[str], str | None] | None = None,
    parts_from: Callable[[str], GraphPart | None] | None = None,
) -> Path:
    """Write the HTML site for the graph in ``store`` under ``out_dir``; returns the path of
    ``index.html``.

    The store is read over the union of its graphs (one named graph per article, or one
    merged graph).  The output is a pure function of the triples: the same triples give
    byte-identical files.  The overview shows the ``max_overview_nodes`` most important
    entities (PageRank); entities mentioned at least ``min_mentions`` times get a page.
    Stale files in ``article/``, ``entity/`` and ``static/e/`` (from an earlier graph) are
    removed.

    ``store`` is a store or the directory of an on-disk store (opened read-only).  With a
    directory and ``workers > 1``, article and entity pages are written by that many forked
    processes, each with its own read-only handle; the output does not depend on
    ``workers``.  ``articles(iri, entities)`` replaces :func:`read_article` as the source
    of an article's text and spans (e.g. a build's per-article cache: reading text back
    from an on-disk store is the largest cost).  ``stats``, when given, receives the CPU
    seconds of each stage (summed over the processes).

    Incremental writing: with ``state`` (:class:`export.html.incremental.PageState`, as the
    previous write into the same ``out_dir`` left it) and ``content_key(article IRI)`` (a
    key that changes whenever the article's triples change, e.g. the build's cache key),
    article and entity pages whose inputs did not change are neither rendered nor written,
    and articles whose page is kept are not read unless a snippet they gave is missing from
    the state.  With ``graph_key(graph IRI)`` too (the same key for an article's named
    graph), the site index reads only the graphs whose key changed and takes the others'
    parts from the state (:func:`export.html.incremental.current_parts`); ``parts_from(graph
    IRI)``, when given with ``graph_key``, gives the part of a graph that is not kept instead
    of the store (e.g. parsed from the build's cached N-Quads by ``workers`` processes: the
    same part; None: read from the store).  ``state`` is updated in place for the next
    write.  Every other file is rendered and written only when its bytes changed.  The files
    are the same as those of a write without ``state``.
    """
    clock = _Clock(stats)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = None
    if not isinstance(store, ox.Store):
        path = Path(store)
        store = ox.Store.read_only(str(path))
    if workers > 1 and path is None:
        log.info("site: one process (workers need the directory of an on-disk store)")
        workers = 1
    path_ = path if workers > 1 else None
    params = (min_mentions, max_overview_nodes)
    parts = entities = None
    if graph_key is not None and (state is not None or parts_from is not None):
        fresh = state is None or state.fingerprint != state_fingerprint(params)
        kept = {} if fresh else state.parts
        # the entities (SPARQL over the whole store) are read by a forked process while the
        # parts are read: this process would otherwise read them alone afterwards
        reader = Beside(read_entities_at, path_, workers) if path_ is not None else None
        try:
            parts, keep = current_parts(
                store,
                kept,
                graph_key,
                path=path_,
                stats=stats,
                parts_from=parts_from,
                workers=workers,
            )
        except BaseException:
            if reader is not None:  # ended, its own error (if any) logged: this one propagates
                reader.close()
            raise
        if reader is not None:
            entities = intern_entities(reader.result())
            clock.add("read_index", reader.cpu)
        if state is not None:
            state.parts = keep
    index = read_index(
        store,
        min_mentions=min_mentions,
        path=path_,
        stats=stats,
        parts=parts,
        entities=entities,
    )
    clock("read_index")
    # the site index (and the page state) live until the end: out of the collector's full
    # collections, which would otherwise walk their millions of objects again and again
    with collector_frozen():
        site = Site(index)
        log.info(
            "site: %d entities (%d with a page), %d articles, %d claims, %d relations",
            len(index.entities),
            sum(1 for e in index.entities.values() if e.page),
            len(index.articles),
            len(index.claims),
            len(index.relations),
        )
        g = undirected_weighted(site_network(index))
        # Louvain (the largest global cost of an archive's incremental write) only feeds the
        # overview: a process of its own computes it while this one digests and writes pages,
        # from a compact copy of the network sent to it (export.louvain): not a fork, which is
        # charged every page this process writes meanwhile (~650 MB PSS at 31k)
        louvain = Apart(louvain_timed, (compact(g), COMMUNITY_SEED), workers)
        score = importance(g)
        ranked = rank_nodes(g, score, {iri: e.label for iri, e in index.entities.items()})
        rank = {iri: i for i, iri in enumerate(ranked)}
        picked = network_claims(site)
        site.plan(picked)
        clock("analytics")
        inc = Incremental(site, state, content_key, params, out_dir)
        clock("digests")

        n_hex = shard_len(len(index.entities))
        static = copy_static(out_dir)
        write_text(static / "site-data.js", site_data_js(n_hex))
        written: dict[str, set[str]] = defaultdict(set)

        work = _Work(site, store, path, out_dir, articles, g, rank)
        # a first write renders every page: the writers start at once and this process
        # computes the article pages' digests (recorded for the next write) meanwhile
        first = inc.renders_all()
        if first:
            to_read, work.render = list(index.articles), None
        else:
            to_read, work.render = inc.articles()
            clock("digests")
        # closed however the block ends: an error here stops the writers' further jobs
        with closing(work.run(_write_articles, to_read, workers)) as pending:
            if first:
                inc.articles()
            clock("digests")
            for cpu in pending:  # text streamed
                for stage, seconds in cpu.items():
                    clock.add(stage, seconds)
        written["article"] = {f"{a.file}.html" for a in index.articles.values()}
        clock.reset()
        inc.articles_done(to_read)
        clock("digests")
        with_page = [iri for iri, ent in index.entities.items() if ent.page]
        # before the writers fork: computed beside them, the digests touch the whole index
        # and so copy the pages the writers share (tried at 31k: 21 s became 100 s of wall)
        work.render = inc.entities(with_page, g, rank)
        work.near = inc.near
        clock("digests")

        # entity pages and side-panel shards go to the page writers now; this process writes
        # the overview, search index, claims and platforms pages meanwhile
        shards: dict[str, list[str]] = defaultdict(list)
        for iri, ent in index.entities.items():
            shards[ent.file[:n_hex]].append(iri)
        work.shards = shards
        jobs = [(_write_entities, b) for b in _batched(sorted(work.render))]
        # the shards in a few large jobs: each job a writer starts is one more fork of this
        # process, whose pages it copies as it reads the whole site's records
        prefixes = sorted(shards)
        step = max(1, -(-len(prefixes) // (2 * max(1, workers))))
        jobs += [(_write_shards, prefixes[i : i + step]) for i in range(0, len(prefixes), step)]
        clock("digests")
        # Louvain's process is done by now (or nearly): ended before the writers are forked,
        # so that its memory is not held beside theirs
        community = community_numbers(list(g), louvain.result())
        clock("analytics")
        clock.add("analytics", louvain.cpu)
        # a small update (few entity pages to write: an archive's +10) writes them and the
        # shards here, after the overview, without forked writers: the shards walk every
        # entity's records, and each writer forked to do so copies most of this process, which
        # holds the page state too (at 31k, the +10's peak: builder 761 + writers 691 + 686 MB
        # PSS, ~960 MB of copy-on-write, for a few seconds of work)
        writers = workers if len(work.render) >= FEW_ENTITY_PAGES else 1
        # closed however the block ends: an error here stops the writers' further jobs
        with closing(work.start(jobs, writers)) as pending:
            index_html, overview_ids = overview_page(
                site, g, ranked, score, community, max_overview_nodes
            )
            write_text(out_dir / "index.html", index_html)
            for name, text in search_index_js(site, overview_ids).items():
                write_text(static / "search" / name, text)
                written["static/search"].add(name)
            if (static / "search-index.js").exists():  # the single index of earlier versions
                (static / "search-index.js").unlink()
            write_text(out_dir / "claims.html", claims_page(site, picked))
            write_text(out_dir / "platforms.html", platforms_page(site))
            clock("overview_claims_search")
            for cpu in pending:
                for stage, seconds in cpu.items():
                    clock.add(stage, seconds)
        written["entity"] = {f"{index.entities[i].file}.html" for i in with_page}
        written["static/e"] = {f"{prefix}.js" for prefix in shards}
        clock.reset()

        stale = (("article", "*.html"), ("entity", "*.html"), ("static/e", "*.js"))
        for sub, pattern in (*stale, ("static/search", "*.js")):
            folder = out_dir / sub
            if not folder.is_dir():
                continue
            for name in _listed(folder, pattern):
                if name not in written[sub]:
                    path = folder / name
                    log.info("removing stale file %s", path)
                    path.unlink()
        clock("shards")
        inc.finish()
        return out_dir / "index.html"


def _listed(folder: Path, pattern: str) -> list[str]:
    """The sorted names in ``folder`` that ``folder.glob(pattern)`` finds for a pattern
    ``*<suffix>`` (no hidden names), listed as strings: an archive's site folders hold tens of
    thousands of files, and sorting them as paths costs seconds."""
    suffix = pattern.removeprefix("*")
    with os.scandir(folder) as it:
        return sorted(e.name for e in it if e.name.endswith(suffix) and e.name[0] != ".")


class _Clock:
    """Adds the CPU time since the previous call to ``stats[stage]``."""

    def __init__(self, stats: dict[str, float] | None) -> None:
        self.stats = stats
        self.last = time.process_time()

    def __call__(self, stage: str) -> None:
        now = time.process_time()
        self.add(stage, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.process_time()

    def add(self, stage: str, seconds: float) -> None:
        if self.stats is not None:
            self.stats[stage] = self.stats.get(stage, 0.0) + seconds


class _Work:
    """What the page writers need, set before worker processes are forked (so that they
    inherit it instead of receiving a pickled copy)."""

    current: _Work | None = None

    def __init__(self, site, store, path, out_dir, articles, g, rank) -> None:
        self.site, self.store, self.path, self.out_dir = site, store, path, out_dir
        self.articles, self.g, self.rank = articles, g, rank
        self.render: set[str] | None = None  # the pages to write (None: every one)
        self.shards: dict[str, list[str]] = {}  # side-panel shard (page-name prefix) -> entities
        self.near: dict[str, Near] = {}  # entity_page.nearest() where known (the digests')

    def run(self, fn, items: list[str], workers: int) -> Iterator[dict[str, float]]:
        """``fn(self, batch)`` over batches of ``items``, as :meth:`start` (the writers start
        now); the iterator yields each batch's CPU seconds by stage.  Snippets collected by
        workers are merged into the parent's ``site``."""
        if len(items) < 2 * BATCH:
            workers = 1  # one or two batches: not worth forking writers for
        return self.start([(fn, b) for b in _batched(items)], workers)

    def start(self, jobs: list[tuple[Callable, list[str]]], workers: int) -> Iterator:
        """``fn(self, batch)`` for each ``(fn, batch)`` of ``jobs``, as :meth:`run`; with
        ``workers > 1`` (and more than one job) the writers are forked and given the jobs
        now, so that this process can work meanwhile; the iterator returned yields each
        job's CPU seconds by stage (without workers the jobs run as it is consumed).  Close
        it (``contextlib.closing``) when done or failing: that ends the writers."""
        if workers <= 1 or len(jobs) < 2:
            return (fn(self, batch) for fn, batch in jobs)
        _Work.current = self
        # what the writers inherit (the network, the plan, the snippets collected so far):
        # out of their collector's full collections too, which would otherwise write to every
        # object's header and so copy every page of it into each writer; write_site calls this
        # inside collector_frozen(), whose end gives them all back (gc.unfreeze)
        gc.freeze()
        for name in environment().list_templates():  # compiled once, here, not in each writer
            environment().get_template(name)
        for kind in ("article", "entity"):  # and the hand-written pages' base.html
            shell(PAGE_ROOT, kind)
        # each writer is replaced after WRITER_TASKS jobs by a fresh fork: what it made
        # private of the inherited pages (reference counts, allocations into inherited arenas)
        # is given back instead of growing through the stage
        return _Pending(self, ForkedMap(_child_run, jobs, workers, WRITER_TASKS, _child_init))


class _Pending:
    """The forked page writers' results as they come: each job's CPU seconds by stage, the
    snippets they collected merged into the builder's site.  :meth:`close` ends the writers
    (also when the builder fails before iterating) and forgets :attr:`_Work.current`."""

    def __init__(self, work: _Work, writers: ForkedMap) -> None:
        self.work, self.writers = work, writers

    def __iter__(self) -> Iterator[dict[str, float]]:
        for cpu, firsts, spans in self.writers:
            self.work.site.firsts.update(firsts)
            self.work.site.spans.update(spans)
            yield cpu

    def close(self) -> None:
        self.writers.close()
        _Work.current = None


def _batched(items: list[str]) -> list[list[str]]:
    return [items[i : i + BATCH] for i in range(0, len(items), BATCH)]


BATCH = 50  # articles or entities per task
#: Entity pages to write from which they and the side-panel shards go to forked writers
#: (fewer: written by the builder, see write_site_from_store).
FEW_ENTITY_PAGES = 1000
WRITER_TASKS = 8  # batches a page writer process writes before a fresh one replaces it


def _child_init() -> None:
    work = _Work.current
    if work is not None:  # a forked child: its own read-only handle on the store
        work.store = ox.Store.read_only(str(work.path))


def _child_run(task) -> tuple[dict[str, float], dict, dict]:
    fn, batch = task
    work = _Work.current
    if fn is not _write_articles:
        return fn(work, batch), {}, {}
    work.site.firsts, work.site.spans = {}, {}  # send back only this batch's snippets
    cpu = fn(work, batch)
    return cpu, work.site.firsts, work.site.spans


def _write_articles(work: _Work, batch: list[str]) -> dict[str, float]:
    site = work.site
    read = render = 0.0
    for iri in batch:
        t = time.process_time()
        if work.articles is not None:
            detail = work.articles(iri, site.entities)
        else:
            detail = read_article(work.store, iri, site.entities)
        t2 = time.process_time()
        site.collect(iri, detail)
        art = site.articles[iri]
        if work.render is None or iri in work.render:
            page = article_page(site, art, detail)
            write_text(work.out_dir / "article" / f"{art.file}.html", page)
        read += t2 - t
        render += time.process_time() - t2
    return {"read_articles": read, "article_pages": render}


def _write_entities(work: _Work, batch: list[str]) -> dict[str, float]:
    t = time.process_time()
    for iri in batch:
        page = entity_page(work.site, work.g, iri, work.rank, work.near.get(iri))
        write_text(work.out_dir / "entity" / f"{work.site.entities[iri].file}.html", page)
    return {"entity_pages": time.process_time() - t}


def _write_shards(work: _Work, prefixes: list[str]) -> dict[str, float]:
    """``static/e/<prefix>.js``: the side-panel records of the entities of each shard."""
    t = time.process_time()
    site, ents = work.site, work.site.entities
    for prefix in prefixes:
        refs = Refs(site)
        records = {
            ents[i].file: site.panel(
                i, refs, expansion(site, work.g, i, work.rank, work.near.get(i))
            )
            for i in sorted(work.shards[prefix], key=lambda i: ents[i].file)
        }
        write_text(
            work.out_dir / "static" / "e" / f"{prefix}.js",
            f"rasdShard({script_json(prefix)},{script_json(records)},{script_json(refs.table)});\n",
        )
    return {"shards": time.process_time() - t}
