"""``rasd push``: load a build into a SPARQL 1.1 Graph Store Protocol endpoint.

The `Graph Store Protocol <https://www.w3.org/TR/sparql11-http-rdf-update/>`_ names a graph
by a query parameter of the endpoint's URL (``?graph=<IRI>``, or ``?default`` for the
default graph); ``PUT`` replaces that graph with the request's triples, ``POST`` adds them.
``rasd push`` reads the build's store (read-only) and sends, as ``application/n-triples``:

* by default one graph per article (``https://w3id.org/rasd/graph/<article-id>``) and the
  entities graph, as in the build: the same named graphs, so provenance survives;
* with ``merged=True`` every triple into one graph (the default graph, or ``graph``).

A graph larger than ``batch_size`` triples goes in several requests: the first a ``PUT``,
the rest ``POST``\\ s, so pushing the same build twice leaves the server as after once; graphs
on the server that the build does not have are left alone.  The build has no blank nodes
(docs/graph-contract.md); a graph that has some and is split is reported, since the server
reads each request's blank nodes as new ones.  Only the standard library talks HTTP
(:mod:`urllib.request`); ``user:password@`` in the URL becomes HTTP Basic authentication.
"""

from __future__ import annotations

import base64
import http.client
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from rasd.extract.errors import RasdError, UsageError
from rasd.graph.iri import ENTITIES_GRAPH
from rasd.graph.store import STORE_DIR, check_build_dir, open_store

log = logging.getLogger("rasd.push")

DEFAULT_BATCH = 20_000
NTRIPLES = "application/n-triples"


class PushError(RasdError):
    """The endpoint refused a graph, or cannot be reached."""


@dataclass
class PushReport:
    """What a push sent: graphs (targets written), triples, requests and seconds."""

    endpoint: str
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"pushed {self.graphs} graph(s), {self.triples} triples in {self.requests} "
            f"request(s) to {self.endpoint} in {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class Endpoint:
    """A Graph Store Protocol endpoint: its URL (without credentials) and how to log in."""

    url: str
    auth: str | None = None
    timeout: float = 300.0

    @classmethod
    def parse(cls, url: str, timeout: float = 300.0) -> Endpoint:
        """Check the URL and take ``user:password@`` out of it.

        >>> e = Endpoint.parse("http://me:secret@127.0.0.1:7878/store")
        >>> e.url, e.auth is not None
        ('http://127.0.0.1:7878/store', True)
        """
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"--endpoint {url}: not an http(s) URL")
        try:
            parts.port  # noqa: B018 - raises on a port that is no number
        except ValueError as exc:
            raise UsageError(f"--endpoint {url}: {exc}") from exc
        auth = None
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            pw = urllib.parse.unquote(parts.password or "")
            auth = "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode("ascii")
            netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
            if ":" in parts.hostname:
                netloc = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
            parts = parts._replace(netloc=netloc)
        return cls(urllib.parse.urlunsplit(parts), auth, timeout)

    def target(self, graph: str | None) -> str:
        """The URL of one graph (``None``: the default graph).

        >>> Endpoint("http://h/store?key=1").target("https://w3id.org/rasd/graph/ab")
        'http://h/store?key=1&graph=https%3A%2F%2Fw3id.org%2Frasd%2Fgraph%2Fab'
        >>> Endpoint("http://h/store").target(None)
        'http://h/store?default'
        """
        param = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        sep = "&" if urllib.parse.urlsplit(self.url).query else "?"
        return f"{self.url}{sep}{param}"

    def send(self, method: str, graph: str | None, body: bytes) -> None:
        """One PUT or POST of N-Triples; raises :class:`PushError` naming the graph."""
        headers = {"Content-Type": NTRIPLES, "Content-Length": str(len(body))}
        if self.auth:
            headers["Authorization"] = self.auth
        req = urllib.request.Request(self.target(graph), data=body, method=method, headers=headers)
        name = graph or "the default graph"
        try:
            with _OPENER.open(req, timeout=self.timeout) as r:
                r.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(2000).decode("utf-8", "replace").strip().splitlines()
            why = f": {detail[0][:200]}" if detail else ""
            raise PushError(
                f"{name}: {self.url} answered {exc.code} {exc.reason} to {method}{why}"
            ) from exc
        except urllib.error.URLError as exc:
            raise PushError(f"{name}: cannot reach {self.url} ({exc.reason})") from exc
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise PushError(
                f"{name}: {method} to {self.url} failed ({type(exc).__name__}: {exc})"
            ) from exc


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an error here: urllib would turn the PUT or POST into a GET without its
    body, and the graph would be reported sent when it was not."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(
            req.full_url, code, f"{msg} (redirected to {newurl}: give that URL)", headers, fp
        )


_OPENER = urllib.request.build_opener(_NoRedirect)


def _batches(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    batch: list[ox.Triple] = []
    for t in triples:
        batch.append(t)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _has_blank(batch: list[ox.Triple]) -> bool:
    return any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in batch
    )


def build_graphs(store: ox.Store) -> list[str]:
    """The named graphs of a build's store: the entities graph, then the articles' by IRI."""
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    entities = str(ENTITIES_GRAPH)
    if entities in names:
        names.remove(entities)
        names.insert(0, entities)
    return names


def push(
    out_dir: Path,
    endpoint: Endpoint,
    *,
    merged: bool = False,
    graph: str | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> PushReport:
    """Send the build in ``out_dir`` to ``endpoint``: one graph per named graph of the build,
    or with ``merged`` everything into ``graph`` (``None``: the default graph).  Progress is
    logged (``rasd.push``, INFO) about once a second."""
    if graph is not None and not merged:
        raise UsageError("--graph names the one graph of --merged; add --merged")
    check_build_dir(out_dir, "push once it is done")
    send = endpoint.send
    store = open_store(out_dir / STORE_DIR, read_only=True)
    names = build_graphs(store)
    report = PushReport(endpoint.url)
    t0 = last = time.monotonic()
    if merged:
        plan: list[tuple[str | None, list[str]]] = [(graph, names)]
    else:
        plan = [(name, [name]) for name in names]
    what = f"{len(names)} graphs into one" if merged else f"{len(names)} graphs"
    log.info("pushing %s from %s to %s", what, out_dir, endpoint.url)
    for done, (target, sources) in enumerate(plan, 1):
        method, requests, blank = "PUT", 0, False
        triples = (
            q.triple
            for source in sources
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(source))
        )
        for batch in _batches(triples, batch_size):
            blank = blank or _has_blank(batch)
            send(method, target, ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES))
            method, requests = "POST", requests + 1
            report.triples += len(batch)
            now = time.monotonic()
            if now - last >= 1.0:
                last = now
                log.info(
                    "graph %d/%d, %d triples sent, %.0f s",
                    done,
                    len(plan),
                    report.triples,
                    now - t0,
                )
        if blank and requests > 1:
            log.warning("%s: has blank nodes and went in %d requests", target, requests)
        if requests == 0:  # an empty graph: PUT nothing, so the server's copy is emptied too
            send("PUT", target, b"")
            requests = 1
        report.requests += requests
        report.graphs += 1
    report.seconds = time.monotonic() - t0
    return report
