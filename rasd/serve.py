"""``rasd serve``: a build's pages and a read-only SPARQL 1.1 Protocol endpoint over its store.

One process, the standard library's :class:`http.server.ThreadingHTTPServer` (one thread per
connection) and the build's Oxigraph store opened read-only (:meth:`pyoxigraph.Store.read_only`,
a snapshot of the store as it was when the server started: restart it after a rebuild).

``/sparql``
    The `SPARQL 1.1 Protocol <https://www.w3.org/TR/sparql11-protocol/>`_ query operation:
    ``GET /sparql?query=…``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=…``)
    or ``application/sparql-query`` (the query as the body); ``default-graph-uri`` and
    ``named-graph-uri`` restrict the dataset, otherwise the query sees the union of all
    named graphs (as ``rasd query`` does) and the prefixes of :data:`graph.store.PREFIXES`.
    Results by content negotiation (``Accept``, or ``format=json|xml|csv|tsv|turtle|ntriples``):
    SELECT and ASK as ``application/sparql-results+json`` (the default),
    ``application/sparql-results+xml``, ``text/csv`` or ``text/tab-separated-values``;
    CONSTRUCT and DESCRIBE as ``text/turtle`` (the default), ``application/n-triples`` or
    ``application/rdf+xml``.  Updates (``update=``, ``application/sparql-update``, or update
    text sent as a query) are refused with 403, as is ``SERVICE`` (it would make the server
    fetch other endpoints); a query the parser rejects is a 400 with the parser's message.

``/search?q=…[&limit=20]``
    Every name (label and alias) of every entity of the build, as JSON, best first (see
    :class:`EntitySearch`): folded as the extractor folds (hamza and madda on alef, alef
    maqsura, ta marbuta, diacritics, tatweel), with or without ال, each query word matching
    the start of a word of the name.  The index is built from the store in the background
    when the server starts.

The static site
    The page writer's entries (:data:`SITE_ENTRIES`: ``index.html``, ``claims.html``,
    ``platforms.html``, ``article/``, ``entity/``, ``static/``) and the two dumps
    ``graph.ttl``/``graph.trig``; nothing else of ``OUT/`` (not the store, the cache or
    ``errors.jsonl``).  A path that leaves the site (``..``, an encoded ``%2e%2e``, a
    symlink pointing out) is refused (403).

Entity pages on demand
    The static site has a page for each entity mentioned at least twice.  A request for
    ``/entity/<name>.html`` that is not on disk is rendered from the store with the static
    pages' code (:class:`export.html.ondemand.EntityPages`, prepared in the background at
    the first such request), or is a 404 when no entity has that page name (the name is
    the first 16 hex digits of the SHA-1 of the entity's IRI).  The static pages keep
    linking an entity named once to the span that names it in its article, so the site
    reads the same offline (file://, or any static file server); served over HTTP, the
    side panel of such an entity asks (``HEAD``) whether its page exists and, here, adds a
    link to it.

**Kept answers.** The solutions of a SELECT query are kept (:class:`rasd.answers.AnswerCache`,
``cache_bytes``) and a query asked again is answered from them, in the format asked for; the
shipped queries (and the user's ``--warm`` files) are evaluated in the background at start.
The header ``X-Rasd-Cache: hit|miss`` says which it was.

**A build into the served folder** rewrites the store under the read-only snapshot; queries
then get a 503 asking for a restart (:class:`StoreWatch`), and the server does not start on a
folder whose build is in progress.

**The time limit.** pyoxigraph 0.5 has no way to cancel a query from Python (the Rust API and
Oxigraph's own server have a deadline; the Python API does not: oxigraph issue #1926).  Each
query therefore runs in a worker thread while the request thread waits at most ``timeout``
seconds; past it the client gets a 503 and the worker is told to stop.  A query whose
solutions stream (most joins, CONSTRUCT, anything without ORDER BY, GROUP BY or an aggregate
over everything) stops within one output buffer (about 8 KB of results) after the deadline:
the result writer raises and pyoxigraph drops the query.  A query that must see everything
before its first solution (ORDER BY, GROUP BY, COUNT …) cannot be interrupted: its thread
runs to the end of that step, outside the GIL (the server keeps answering), and its result is
then thrown away.  At most ``max_running`` queries evaluate at once; a request that finds
every slot taken waits for one within its own time limit, then gets a 503.  Results are
built in memory up to ``max_result_bytes`` (a larger result is a 503 asking for a LIMIT).
"""

from __future__ import annotations

import bisect
import contextlib
import io
import ipaddress
import json
import logging
import mimetypes
import os
import re
import shutil
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from rasd import kept
from rasd.answers import CANONICAL, AnswerCache, query_key, reformat
from rasd.export.html.model import SITE_ENTRIES, file_stem
from rasd.export.html.ondemand import EntityPages
from rasd.extract.errors import RasdError, UsageError
from rasd.extract.text import match_key
from rasd.graph.store import (
    DIRTY,
    PREFIXES,
    STORE_DIR,
    check_build_dir,
    open_store,
    shipped_queries,
)
from rasd.graph.vocab import ID

log = logging.getLogger("rasd.serve")

#: Files of ``OUT/`` served besides the pages: the graph dumps.
DUMPS = ("graph.ttl", "graph.trig")
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULT_BYTES = 256 << 20
DEFAULT_CACHE_BYTES = 512 << 20
MAX_REQUEST_BYTES = 1 << 20

_SOLUTIONS: dict[str, tuple[str, Any]] = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv; charset=utf-8", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values; charset=utf-8", ox.QueryResultsFormat.TSV),
}
_GRAPHS: dict[str, tuple[str, Any]] = {
    "turtle": ("text/turtle; charset=utf-8", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
#: Media types a client may ask for, by the name of the format that answers them.
_MEDIA = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
_UPDATE_START = re.compile(
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE
)
_PROLOGUE = re.compile(
    r"\s*(?:#[^\n]*\n?|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)", re.IGNORECASE
)
# Strings, IRIs and comments, removed before looking for the SERVICE keyword.
_NOT_KEYWORDS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)


class QueryRefused(RasdError):
    """A request the endpoint will not answer; carries the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def is_update(sparql: str) -> bool:
    """Does this text (after its prologue) start like a SPARQL update?

    >>> is_update("PREFIX a: <http://a/>\\n# note\\nINSERT DATA { a:x a:y a:z }")
    True
    >>> is_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    pos = 0
    while m := _PROLOGUE.match(sparql, pos):
        if m.end() == pos:
            break
        pos = m.end()
    return bool(_UPDATE_START.match(sparql[pos:].lstrip()))


def uses_service(sparql: str) -> bool:
    """Does the query call another endpoint (``SERVICE``)?  Strings, IRIs, comments,
    variables and prefixed names that merely contain the word do not count.

    >>> uses_service("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service a <http://x/SERVICE> ; ex:service "SERVICE" }')
    False
    """
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", sparql)))


def _accepted(accept: str) -> list[str]:
    """Media ranges of an ``Accept`` header, best first (q=0 dropped; ties keep their order)."""
    ranges = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, i, fields[0].lower()))
    return [r for _q, _i, r in sorted(ranges)]


def negotiate(accept: str | None, offers: dict[str, tuple[str, Any]], fmt: str | None) -> str:
    """The name of the format (a key of ``offers``) for a request: ``fmt`` when given, else the
    best match of ``Accept``, else the first offer.  Raises :class:`QueryRefused` (406).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", _SOLUTIONS, None)
    'json'
    >>> negotiate("text/html,*/*;q=0.8", _GRAPHS, None)
    'turtle'
    """
    if fmt:
        if fmt in offers:
            return fmt
        raise QueryRefused(406, f"format={fmt} is not offered here (use {', '.join(offers)})")
    if not accept:
        return next(iter(offers))
    for media in _accepted(accept):
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            for name, (ctype, _f) in offers.items():
                if kind == "*" or ctype.startswith(kind + "/"):
                    return name
        elif _MEDIA.get(media) in offers:
            return _MEDIA[media]
    types = ", ".join(ctype.split(";")[0] for ctype, _f in offers.values())
    raise QueryRefused(406, f"cannot answer Accept: {accept} (offered: {types})")


class _Cancelled(Exception):
    pass


class _Sink(io.RawIOBase):
    """Where a result is serialised: stops the serialiser once cancelled or too large."""

    def __init__(self, cancel: threading.Event, limit: int) -> None:
        super().__init__()
        self.cancel = cancel
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.cancel.is_set():
            raise _Cancelled("cancelled")
        self.size += len(data)
        if self.size > self.limit:
            raise _Cancelled("too large")
        self.parts.append(bytes(data))
        return len(data)


def _checked(items: Iterable[Any], cancel: threading.Event) -> Iterator[Any]:
    for item in items:
        if cancel.is_set():
            raise _Cancelled("cancelled")
        yield item


@dataclass
class Answer:
    """An HTTP answer: status, content type and body."""

    status: int
    ctype: str
    body: bytes
    #: "hit" or "miss" for a SPARQL answer that the :class:`AnswerCache` could hold
    cache: str | None = None

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 400 else text[:400] + " …"


class StoreWatch:
    """Notices a build writing to, or having replaced, the store a server opened read-only.

    A read-only store is a snapshot of the files as they were at open; a build into the same
    folder deletes and rewrites those files (a full build removes the whole store), and
    reading on would mix old and new files.  The build marks ``OUT/state/dirty`` while it
    writes; a finished rebuild shows as another store folder or another ``CURRENT`` manifest
    (every open of the store for writing starts a new one).  One ``stat`` and one small read
    per query.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.signature = self._signature()
        #: the state of the store when the server opened it (:func:`rasd.kept.store_fingerprint`):
        #: the answers kept in ``OUT/answers/`` that the server reads and writes are of it
        self.fingerprint = kept.store_fingerprint(out_dir)

    def _signature(self) -> tuple[int, int, bytes]:
        store = self.out_dir / STORE_DIR
        st = store.stat()
        return st.st_dev, st.st_ino, (store / "CURRENT").read_bytes()

    def changed(self) -> str | None:
        """Why the store may no longer be read (``None``: it is as it was at open)."""
        if (self.out_dir / DIRTY).exists():
            return f"{self.out_dir}: a build is writing to it ({DIRTY})"
        try:
            same = self._signature() == self.signature
        except OSError:
            return f"{self.out_dir}: its store is gone"
        return None if same else f"{self.out_dir}: rebuilt since the server started"


class SparqlEndpoint:
    """Answers SPARQL queries from a read-only store, with a time limit (see the module
    docstring for what happens to a query that runs past it); with a :class:`StoreWatch`,
    refuses (503) to read a store that a build is rewriting."""

    def __init__(
        self,
        store: ox.Store,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_running: int = 2,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        watch: StoreWatch | None = None,
        cache: AnswerCache | None = None,
    ) -> None:
        self.store = store
        self.watch = watch
        self.cache = cache
        self.timeout = timeout
        self.max_result_bytes = max_result_bytes
        self.slots = threading.BoundedSemaphore(max_running)
        self.max_running = max_running

    def answer(
        self,
        sparql: str,
        *,
        accept: str | None = None,
        fmt: str | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Answer:
        """Evaluate ``sparql`` and serialise its result as negotiated; every failure is an
        :class:`Answer` with a one-line message."""
        start = time.monotonic()
        if is_update(sparql):
            return Answer.text(403, "this endpoint is read-only: SPARQL updates are refused")
        if uses_service(sparql):
            return Answer.text(403, "SERVICE is refused: this endpoint answers from its store only")
        if self.watch is not None and (why := self.watch.changed()):
            return Answer.text(503, f"{why}: restart rasd serve once the build is done")
        for name, iris in (
            ("default-graph-uri", default_graphs),
            ("named-graph-uri", named_graphs),
        ):
            for iri in iris or ():
                try:
                    ox.NamedNode(iri)
                except ValueError as exc:
                    return Answer.text(400, f"{name}: not an IRI ({_one_line(exc)})")
        if (hit := self._cached(sparql, accept, fmt, default_graphs, named_graphs)) is not None:
            return hit
        busy = Answer.text(
            503, f"busy: {self.max_running} queries running for {self.timeout:g} s; try later"
        )
        if not self.slots.acquire(timeout=self.timeout):
            return busy
        if self.timeout - (time.monotonic() - start) < min(1.0, self.timeout / 10):
            self.slots.release()  # no time left to answer: don't start what cannot be stopped
            return busy
        cancel = threading.Event()
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["answer"] = self._evaluate(
                    sparql, accept, fmt, default_graphs, named_graphs, cancel
                )
            except BaseException as exc:  # reported to the waiting request thread
                box["error"] = exc.with_traceback(None)
            finally:
                if cancel.is_set():
                    log.info(
                        "query past the time limit ended after %.1f s", time.monotonic() - start
                    )
                self.slots.release()

        worker = threading.Thread(target=work, name="rasd-query", daemon=True)
        worker.start()
        worker.join(max(0.0, self.timeout - (time.monotonic() - start)))
        if worker.is_alive():
            cancel.set()
            return Answer.text(503, f"the query ran past the time limit ({self.timeout:g} s)")
        if "error" in box:
            exc = box["error"]
            if isinstance(exc, QueryRefused):
                return Answer.text(exc.status, str(exc))
            if isinstance(exc, SyntaxError):
                return Answer.text(400, f"invalid SPARQL ({_one_line(exc)})")
            if isinstance(exc, _Cancelled):
                mb = self.max_result_bytes / (1 << 20)
                return Answer.text(503, f"the result is larger than {mb:g} MB: add a LIMIT")
            if isinstance(exc, (OSError, ValueError, TypeError)):
                return Answer.text(500, f"query failed ({_one_line(exc)})")
            log.error("query failed: %s: %s", type(exc).__name__, _one_line(exc))
            return Answer.text(500, f"internal error ({type(exc).__name__}: {_one_line(exc)})")
        return box["answer"]

    def _cached(
        self,
        sparql: str,
        accept: str | None,
        fmt: str | None,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
    ) -> Answer | None:
        """The kept answer of a query asked before (or warmed), in the negotiated format."""
        if self.cache is None:
            return None
        try:
            name = negotiate(accept, _SOLUTIONS, fmt)
        except QueryRefused:
            return None  # evaluated: the error (or a graph format) comes from there
        ctype, results_format = _SOLUTIONS[name]
        body = self.cache.get(query_key(sparql, default_graphs, named_graphs), results_format)
        return None if body is None else Answer(200, ctype, body, cache="hit")

    def warm(self, sparql: str) -> bool:
        """Evaluate ``sparql`` over the union of all graphs and keep its solutions, without a
        time limit, in one of the query slots (waiting for one); False when there is no
        cache, the query is not a SELECT, or the store changed."""
        if self.cache is None or (self.watch is not None and self.watch.changed()):
            return False
        # a shipped query's answer kept in OUT/answers/ for this store (rasd.kept) is read,
        # not evaluated; one evaluated here is kept there for the next server or rasd query
        # (of the store as the server opened it: a later state is another store's answer)
        out_dir = self.watch.out_dir if self.watch is not None and kept.keeps(sparql) else None
        state = self.watch.fingerprint if self.watch is not None else ""
        body = kept.read(out_dir, sparql, "json", state) if out_dir is not None else None
        if body is not None:
            return self.cache.put(query_key(sparql), body)
        with self.slots:
            result = self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
            try:
                if not isinstance(result, ox.QuerySolutions):
                    return False
                body = result.serialize(format=CANONICAL)
            finally:
                del result
        if out_dir is not None:
            kept.write(out_dir, sparql, "json", state, body)
        return self.cache.put(query_key(sparql), body)

    def _evaluate(
        self,
        sparql: str,
        accept: str | None,
        fmt: str | None,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        cancel: threading.Event,
    ) -> Answer:
        kwargs: dict[str, Any] = {"prefixes": PREFIXES}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        # pyoxigraph's result objects must be dropped by the thread that made them: the
        # ``finally`` drops it here, before an exception carries this frame elsewhere.
        result = self.store.query(sparql, **kwargs)
        try:
            sink = _Sink(cancel, self.max_result_bytes)
            if isinstance(result, ox.QueryTriples):
                name = negotiate(accept, _GRAPHS, fmt)
                ctype, rdf_format = _GRAPHS[name]
                prefixes = PREFIXES if rdf_format != ox.RdfFormat.N_TRIPLES else None
                ox.serialize(_checked(result, cancel), sink, rdf_format, prefixes=prefixes)
            elif isinstance(result, ox.QuerySolutions) and self.cache is not None:
                # kept as JSON, served in the format asked for
                name = negotiate(accept, _SOLUTIONS, fmt)
                ctype, results_format = _SOLUTIONS[name]
                result.serialize(sink, CANONICAL)
                canonical = b"".join(sink.parts)
                key = query_key(sparql, default_graphs, named_graphs)
                kept = self.cache.put(key, canonical)
                body = self.cache.get(key, results_format) if kept else None
                if body is None:  # larger than the cache: converted here
                    body = reformat(canonical, results_format)
                return Answer(200, ctype, body, cache="miss")
            else:
                name = negotiate(accept, _SOLUTIONS, fmt)
                ctype, results_format = _SOLUTIONS[name]
                result.serialize(sink, results_format)
        finally:
            del result
        return Answer(200, ctype, b"".join(sink.parts))


ENTITY_BASE = str(ID)  # entity IRIs (graph.vocab)


def search_forms(word: str) -> tuple[str, ...]:
    """A folded word as it is indexed and searched: itself, and without ال when at least two
    letters follow it.

    >>> search_forms("الدوله"), search_forms("داعش"), search_forms("الى")
    (('الدوله', 'دوله'), ('داعش',), ('الى',))
    """
    if word.startswith("\u0627\u0644") and len(word) > 3:
        return word, word[2:]
    return (word,)


def search_key(text: str) -> tuple[str, ...]:
    """The words of a name or a query as compared: :func:`extract.text.match_key` (hamza
    and madda on alef, alef maqsura, ta marbuta, diacritics, tatweel, Latin case, عبد/ابو
    written apart), then ال taken off each word.

    >>> search_key("الدَّولة الإسلاميّة") == search_key("دوله اسلاميه")
    True
    >>> search_key("عبدالعزيز البغدادى")
    ('عبد', 'عزيز', 'بغدادي')
    """
    return _key(match_key(text).split())


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(search_forms(w)[-1] for w in words)


@dataclass
class SearchHit:
    """One entity found by :class:`EntitySearch`."""

    iri: str
    label: str
    cls: list[str]
    mentions: int
    href: str
    name: str  # the name (label or alias) that matched best


class EntitySearch:
    """Every name (``rdfs:label``, ``skos:altLabel``) of every entity of a build, folded
    (:func:`search_key`) into one sorted list of word forms: a query matches the names that
    have, for each of its words, a word starting with it, with or without ال.  Entities
    come back best first: a name equal to the query, then a name whose first word starts
    like the query's, then any match; within each, labels before aliases, then the most
    mentioned entity first, then by label.  A search is a few bisections and set
    operations, and stops once it has ``limit`` entities.

    ``href`` is the entity's page when it has one (``entity/<stem>.html``), else the span
    that names it in an article (``article/<id>.html#e-<stem>``), as the pages link it.
    """

    def __init__(self, store: ox.Store, root: Path | None = None) -> None:
        t = time.perf_counter()
        entities: dict[str, dict[str, Any]] = {}

        def entity(iri: str) -> dict[str, Any]:
            e = entities.get(iri)
            if e is None:
                e = entities[iri] = {"names": [], "label": "", "cls": [], "n": 0, "art": ""}
            return e

        union = {"use_default_graph_as_union": True, "prefixes": PREFIXES}
        q = (
            "SELECT ?e ?l ?alt WHERE { { ?e rdfs:label ?l BIND(false AS ?alt) } UNION "
            "{ ?e skos:altLabel ?l BIND(true AS ?alt) } "
            f'FILTER(STRSTARTS(STR(?e), "{ENTITY_BASE}")) }}'
        )
        for row in self._rows(store, q, union):
            e, label, alt = row
            ent = entity(e.value)
            if alt.value == "false" and getattr(label, "language", None) == "ar":
                ent["label"] = label.value
            ent["names"].append((label.value, alt.value == "true"))
        q = f'SELECT ?e ?c WHERE {{ ?e a ?c FILTER(STRSTARTS(STR(?e), "{ENTITY_BASE}")) }}'
        for e, c in self._rows(store, q, union):
            if e.value in entities:
                entities[e.value]["cls"].append(c.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        q = "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m rasd:refersTo ?e } GROUP BY ?e"
        for e, n in self._rows(store, q, union):
            if e.value in entities:
                entities[e.value]["n"] = int(n.value)
        q = "SELECT ?e (SAMPLE(?a) AS ?art) WHERE { ?a schema:mentions ?e } GROUP BY ?e"
        for e, a in self._rows(store, q, union):
            if e.value in entities and a is not None:
                entities[e.value]["art"] = a.value.rsplit("/", 1)[-1]
        self.hits: list[SearchHit] = []
        rows: list[tuple[bool, int, str, str, int, tuple[str, ...], list[str]]] = []
        for iri in sorted(entities):
            ent = entities[iri]
            stem = file_stem(iri)
            href = f"entity/{stem}.html"
            if root is not None and not (root / href).is_file():
                art = f"article/{ent['art']}.html"
                href = f"{art}#e-{stem}" if ent["art"] and (root / art).is_file() else ""
            label = ent["label"] or next((n for n, _a in ent["names"]), "")
            self.hits.append(SearchHit(iri, label, sorted(set(ent["cls"])), ent["n"], href, label))
            for name, alt in set(ent["names"]):
                words = match_key(name).split()
                if words:
                    key = _key(words)
                    rows.append((alt, -ent["n"], label, name, len(self.hits) - 1, key, words))
        # name ids in the order results are given within a rank: labels before aliases, then
        # the most mentioned entity first, then by label
        rows.sort()
        #: per name id: its entity (index into ``hits``) and the name as written
        self.name_entity = [r[4] for r in rows]
        self.name_text = [r[3] for r in rows]
        self.exact: dict[tuple[str, ...], list[int]] = {}
        forms: list[tuple[str, int]] = []
        firsts: list[tuple[str, int]] = []
        for n, (_alt, _m, _label, _name, _e, key, words) in enumerate(rows):
            self.exact.setdefault(key, []).append(n)
            for i, word in enumerate(words):
                for f in search_forms(word):
                    forms.append((f, n))
                    if i == 0:
                        firsts.append((f, n))
        forms.sort()
        firsts.sort()
        self.forms = ([f for f, _n in forms], [n for _f, n in forms])
        self.firsts = ([f for f, _n in firsts], [n for _f, n in firsts])
        self.seconds = time.perf_counter() - t
        log.info(
            "search index: %d entities, %d names, %.1f s",
            len(self.hits),
            len(rows),
            self.seconds,
        )

    @staticmethod
    def _rows(store: ox.Store, sparql: str, kwargs: dict[str, Any]) -> Iterator[list[Any]]:
        result = store.query(sparql, **kwargs)
        names = [v.value for v in result.variables]
        for row in result:
            yield [row[n] for n in names]

    @staticmethod
    def _starting(index: tuple[list[str], list[int]], prefix: str) -> set[int]:
        """The name ids of the forms that start with ``prefix``."""
        keys, ids = index
        lo = bisect.bisect_left(keys, prefix)
        hi = bisect.bisect_left(keys, prefix + "\U0010ffff", lo)
        return set(ids[lo:hi])

    def search(self, query: str, limit: int = 20) -> tuple[int, list[SearchHit]]:
        """The number of entities matching ``query`` and the best ``limit`` of them: names
        equal to the query, then names whose first word starts like the query's first word,
        then the other matches; within each, in the order of the name ids."""
        words = match_key(query).split()
        if not words:
            return 0, []
        key = _key(words)
        found = set.intersection(*(self._starting(self.forms, w) for w in set(key)))
        if not found:
            return 0, []
        first: set[int] = set()
        for f in search_forms(words[0]):
            first |= self._starting(self.firsts, f)
        exact = set(self.exact.get(key, ())) & found
        total = len(set(map(self.name_entity.__getitem__, found)))
        out: list[SearchHit] = []
        seen: set[int] = set()
        for bucket in (exact, first & found, found):
            for n in sorted(bucket):
                e = self.name_entity[n]
                if e in seen:
                    continue
                seen.add(e)
                hit = self.hits[e]
                name = self.name_text[n]
                out.append(SearchHit(hit.iri, hit.label, hit.cls, hit.mentions, hit.href, name))
                if len(out) >= limit:
                    return total, out
        return total, out


_FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rasd SPARQL</title></head>
<body><main><h1>rasd SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol: <code>GET /sparql?query=…</code> or <code>POST</code>.
Updates are refused. Prefixes schema:, rasd:, rasdid:, skos:, owl:, rdfs:, xsd:, rdf: are
predefined; queries see the union of all named graphs.</p>
<form method="post" action="/sparql">
<label for="q">Query</label><br>
<textarea id="q" name="query" rows="12" cols="90" dir="auto">SELECT ?class (COUNT(?e) AS ?n)
WHERE { ?e a ?class } GROUP BY ?class ORDER BY DESC(?n)</textarea><br>
<label for="f">Format</label>
<select id="f" name="format"><option>json</option><option>csv</option><option>tsv</option>
<option>xml</option><option>turtle</option><option>ntriples</option></select>
<button type="submit">Run</button></form></main></body></html>
"""


def resolve_site_path(root: Path, url_path: str) -> tuple[int, Path | None]:
    """Map a request path to a file of the site: ``(200, file)``, ``(404, None)`` when it is
    not part of the site, or ``(403, None)`` when it tries to leave it.

    >>> import tempfile; r = Path(tempfile.mkdtemp()); (r / "static").mkdir()
    >>> _ = (r / "static" / "a.js").write_text("x")
    >>> resolve_site_path(r, "/static/a.js")[0], resolve_site_path(r, "/store/CURRENT")[0]
    (200, 404)
    >>> resolve_site_path(r, "/static/%2e%2e/%2e%2e/etc/passwd")[0]
    403
    """
    path = unquote(urlsplit(url_path).path)
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or "\\" in p or "\x00" in p for p in parts):
        return 403, None
    if not parts:
        parts = ["index.html"]
    if parts[0] not in SITE_ENTRIES + DUMPS:
        return 404, None
    target = root.joinpath(*parts)
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return 404, None
    if not real.is_relative_to(root.resolve()):
        return 403, None
    if not real.is_file():
        return 404, None
    return 200, real


_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".ttl": "text/turtle; charset=utf-8",
    ".trig": "application/trig",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class Handler(BaseHTTPRequestHandler):
    """One request: ``/sparql`` goes to the endpoint, everything else to the site."""

    server: RasdServer
    server_version = "rasd"
    protocol_version = "HTTP/1.1"
    #: seconds an idle keep-alive connection keeps its thread
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, answer: Answer, *, head: bool = False, vary: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.ctype)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if answer.cache:
            self.send_header("X-Rasd-Cache", answer.cache)
        if vary:
            self.send_header("Vary", "Accept")
        self.end_headers()
        if not head:
            self.wfile.write(answer.body)

    def do_GET(self) -> None:
        self._get(head=False)

    def do_HEAD(self) -> None:
        self._get(head=True)

    def _get(self, *, head: bool) -> None:
        url = urlsplit(self.path)
        if url.path == "/search":
            self._search(parse_qs(url.query, keep_blank_values=True), head=head)
            return
        if url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                self._send(
                    Answer.text(403, "this endpoint is read-only: updates are refused"), head=head
                )
                return
            if "query" not in params:
                if "text/html" in self.headers.get("Accept", ""):
                    self._send(Answer(200, "text/html; charset=utf-8", _FORM.encode()), head=head)
                else:
                    self._send(
                        Answer.text(400, "no query: GET /sparql?query=… or POST one"), head=head
                    )
                return
            self._query(params, head=head)
            return
        self._static(head=head)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.close_connection = True  # its body is not read: it must not become a request
            self._send(Answer.text(405, f"{url.path}: POST only goes to /sparql"))
            return
        length = self.headers.get("Content-Length")
        if length is None or not (length.isascii() and length.isdigit()):
            self.close_connection = True
            self._send(Answer.text(411, "a POST needs a Content-Length"))
            return
        if int(length) > MAX_REQUEST_BYTES:
            self.close_connection = True
            self._send(Answer.text(413, f"request body over {MAX_REQUEST_BYTES} bytes"))
            return
        body = self.rfile.read(int(length))
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            self._send(Answer.text(403, "this endpoint is read-only: updates are refused"))
            return
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                self._send(Answer.text(400, "the form is not UTF-8"))
                return
            if "update" in form:
                self._send(Answer.text(403, "this endpoint is read-only: updates are refused"))
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-query":
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError:
                self._send(Answer.text(400, "the query is not UTF-8"))
                return
        else:
            self._send(
                Answer.text(
                    415,
                    "POST application/sparql-query or application/x-www-form-urlencoded "
                    f"(got {ctype or 'no Content-Type'})",
                )
            )
            return
        if "query" not in params:
            self._send(Answer.text(400, "no query in the request"))
            return
        self._query(params, head=False)

    def _query(self, params: dict[str, list[str]], *, head: bool) -> None:
        queries = params["query"]
        if len(queries) != 1:
            self._send(Answer.text(400, "give exactly one query"))
            return
        fmt = (params.get("format") or params.get("output") or [None])[0] or None
        t = time.monotonic()
        answer = self.server.endpoint.answer(
            queries[0],
            accept=self.headers.get("Accept"),
            fmt=fmt,
            default_graphs=params.get("default-graph-uri"),
            named_graphs=params.get("named-graph-uri"),
        )
        log.info(
            "query: %d, %d bytes, %.3f s", answer.status, len(answer.body), time.monotonic() - t
        )
        self._send(answer, head=head, vary=True)

    def _search(self, params: dict[str, list[str]], *, head: bool) -> None:
        query = (params.get("q") or [""])[0].strip()
        limit = (params.get("limit") or ["20"])[0]
        if not query:
            self._send(Answer.text(400, "no query: /search?q=…"), head=head)
            return
        if not (limit.isascii() and limit.isdigit()) or not 1 <= int(limit) <= 200:
            self._send(Answer.text(400, "limit= is a number from 1 to 200"), head=head)
            return
        watch = self.server.endpoint.watch
        if watch is not None and (why := watch.changed()):
            self._send(Answer.text(503, f"{why}: restart rasd serve once the build is done"))
            return
        index = self.server.search_index(self.server.endpoint.timeout)
        if index is None:
            why = "is still being built" if self.server.search_building() else "failed"
            self._send(Answer.text(503, f"the search index {why}"), head=head)
            return
        total, hits = index.search(query, int(limit))
        body = {
            "q": query,
            "total": total,
            "results": [
                {
                    "iri": h.iri,
                    "label": h.label,
                    "classes": h.cls,
                    "matched": h.name,
                    "mentions": h.mentions,
                    "href": h.href,
                }
                for h in hits
            ],
        }
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._send(Answer(200, "application/json; charset=utf-8", data), head=head)

    def _static(self, *, head: bool) -> None:
        status, path = resolve_site_path(self.server.root, self.path)
        on_demand = status == 404 and (self.server.root / "static").is_dir()  # a site to join
        if path is None and on_demand and (m := _ENTITY_PAGE.match(self.path)):
            self._entity_page(m.group(1), head=head)
            return
        if path is None:
            msg = "outside the site" if status == 403 else "not found"
            self._send(Answer.text(status, f"{urlsplit(self.path).path}: {msg}"), head=head)
            return
        ctype = _TYPES.get(path.suffix.lower()) or (
            mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        try:
            f = path.open("rb")
        except OSError:
            self._send(Answer.text(404, f"{urlsplit(self.path).path}: not found"), head=head)
            return
        with f:
            size = os.fstat(f.fileno()).st_size  # the file opened, even if a build swaps it
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(size))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if not head:
                shutil.copyfileobj(f, self.wfile)

    def _entity_page(self, name: str, *, head: bool) -> None:
        """An entity page that is not on disk, rendered from the store (404 when no entity
        has that page name)."""
        watch = self.server.endpoint.watch
        if watch is not None and (why := watch.changed()):
            self._send(
                Answer.text(503, f"{why}: restart rasd serve once the build is done"), head=head
            )
            return
        pages = self.server.entity_pages(self.server.endpoint.timeout)
        if pages is None:
            why = "are still being prepared" if self.server.pages_building() else "failed"
            self._send(Answer.text(503, f"the entity pages {why}"), head=head)
            return
        t = time.process_time()
        html = pages.render(name)
        if html is None:
            self._send(Answer.text(404, f"/entity/{name}.html: no entity has this page"), head=head)
            return
        log.info("entity page %s rendered in %.3f s CPU", name, time.process_time() - t)
        self._send(Answer(200, "text/html; charset=utf-8", html.encode("utf-8")), head=head)


#: ``/entity/<page name>.html``, the pages :class:`EntityPages` renders on demand.
_ENTITY_PAGE = re.compile(r"^/entity/([0-9a-f]{16})\.html(?:[?#].*)?$")


class RasdServer(ThreadingHTTPServer):
    """The HTTP server of ``rasd serve``: the site root and the SPARQL endpoint."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], root: Path, endpoint: SparqlEndpoint) -> None:
        host = address[0]
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.root = root
        self.endpoint = endpoint
        self._search: EntitySearch | None = None
        self._search_ready = threading.Event()
        self._pages: EntityPages | None = None
        self._pages_ready = threading.Event()
        self._pages_started = False
        self._pages_lock = threading.Lock()
        #: set when the warm-up queries (if any were started) have all run
        self.warmed = threading.Event()
        super().__init__(address, Handler)

    def start_search_index(self) -> None:
        """Build the :class:`EntitySearch` of the store in a background thread."""

        def build() -> None:
            try:
                watch = self.endpoint.watch
                if watch is not None and (why := watch.changed()):
                    raise OSError(why)
                self._search = EntitySearch(self.endpoint.store, self.root)
            except (OSError, ValueError) as exc:  # the server goes on without search
                log.warning("search index: %s", _one_line(exc))
            finally:
                self._search_ready.set()

        threading.Thread(target=build, name="rasd-search-index", daemon=True).start()

    def start_warmup(self, queries: dict[str, str]) -> None:
        """Evaluate ``queries`` (name → SPARQL) one after the other in a background thread
        and keep their answers (:meth:`SparqlEndpoint.warm`); ``warmed`` is set at the end."""

        def run() -> None:
            t0 = time.monotonic()
            n_kept = 0
            for name, sparql in queries.items():
                t = time.monotonic()
                try:
                    ok = self.endpoint.warm(sparql)
                except (OSError, SyntaxError, ValueError) as exc:
                    log.warning("warm-up: %s: %s", name, _one_line(exc))
                    continue
                n_kept += ok
                log.info(
                    "warm-up: %s %s in %.1f s",
                    name,
                    "kept" if ok else "not kept",
                    time.monotonic() - t,
                )
            log.info(
                "warm-up: %d of %d queries kept in %.1f s",
                n_kept,
                len(queries),
                time.monotonic() - t0,
            )
            self.warmed.set()

        threading.Thread(target=run, name="rasd-warm-up", daemon=True).start()

    def entity_pages(self, wait: float) -> EntityPages | None:
        """The on-demand entity pages, prepared from the store in a background thread at
        the first request for one (reading the entity index takes a while on an archive),
        waiting at most ``wait`` seconds for them."""
        with self._pages_lock:
            if not self._pages_started:
                self._pages_started = True

                def build() -> None:
                    try:
                        self._pages = EntityPages(self.endpoint.store)
                    except (OSError, ValueError, RasdError) as exc:  # the site goes on without
                        log.warning("entity pages: %s", _one_line(exc))
                    finally:
                        self._pages_ready.set()

                threading.Thread(target=build, name="rasd-entity-pages", daemon=True).start()
        self._pages_ready.wait(wait)
        return self._pages

    def pages_building(self) -> bool:
        """Are the on-demand entity pages still being prepared?"""
        return self._pages_started and not self._pages_ready.is_set()

    def search_building(self) -> bool:
        """Is the search index still being built?"""
        return not self._search_ready.is_set()

    def search_index(self, wait: float) -> EntitySearch | None:
        """The search index, waiting at most ``wait`` seconds for it to be built."""
        self._search_ready.wait(wait)
        return self._search


def is_loopback(host: str) -> bool:
    """Is ``host`` a loopback name or address (only this machine can connect)?

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost")
    (True, True, True)
    >>> is_loopback("0.0.0.0")
    False
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(
    out_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT,
    max_running: int = 2,
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
    warm: dict[str, str] | None = None,
) -> RasdServer:
    """A server for the build in ``out_dir`` (not yet serving); raises :class:`UsageError`
    for a folder that is not a build or an address that cannot be bound.

    Answers of SELECT queries are kept in an :class:`~rasd.answers.AnswerCache` of
    ``cache_bytes`` (0: none); ``warm`` (name → SPARQL; default: the shipped queries) are
    evaluated into it in the background once the server starts."""
    check_build_dir(out_dir, "serve it once the build is done")
    try:
        watch = StoreWatch(out_dir)
    except OSError as exc:
        raise UsageError(f"{out_dir}: cannot read its store ({exc})") from exc
    if why := watch.changed():
        raise UsageError(f"{why}: serve it once the build is done")
    store = open_store(out_dir / STORE_DIR, read_only=True)
    if not (out_dir / "index.html").is_file():
        log.warning("%s: no pages (built with --no-pages?): serving SPARQL only", out_dir)
    if not is_loopback(host):
        log.warning(
            "listening on %s: anyone who can reach this machine can read the pages and the graph",
            host,
        )
    endpoint = SparqlEndpoint(
        store,
        timeout=timeout,
        max_running=max_running,
        max_result_bytes=max_result_bytes,
        watch=watch,
        cache=AnswerCache(cache_bytes) if cache_bytes > 0 else None,
    )
    try:
        server = RasdServer((host, port), out_dir, endpoint)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    server.start_search_index()
    warm = shipped_queries() if warm is None else warm
    if endpoint.cache is not None and warm:
        server.start_warmup(warm)
    else:
        server.warmed.set()
    return server


def server_url(server: RasdServer) -> str:
    """The address a browser opens for ``server``."""
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    return f"http://{shown}:{port}/"


def serve_until_stopped(server: RasdServer, ready: Callable[[], None] | None = None) -> None:
    """Serve until SIGINT (Ctrl-C) or SIGTERM, then stop accepting, close the socket and
    return (requests in progress are abandoned with their daemon threads).  ``ready`` is
    called once the signals are caught (to print the address: a client that reads it can
    stop the server at once)."""
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        log.info("%s: stopping", signal.Signals(signum).name)
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    if ready is not None:
        ready()
    thread = threading.Thread(target=server.serve_forever, name="rasd-serve", daemon=True)
    thread.start()
    try:
        while not stop.wait(0.5):
            if not thread.is_alive():
                break
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
        for s, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(s, handler)
