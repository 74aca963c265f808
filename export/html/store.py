"""Read the rasd graph for the pages from a :class:`pyoxigraph.Store`.

Two levels, so that an archive never has to be held in memory at once:

* :func:`read_index` — everything entity-level: the entities (class, names, facts, read over
  the union of the store's graphs) and each graph's :class:`GraphPart` (:func:`read_parts`:
  article metadata without bodies, which entities its articles name and how often, claims,
  relations and their evidence), assembled by :func:`assemble_index`.  At 31k articles this
  is tens of MB, not the ~25 M triples.  Parts are per graph so that an incremental build
  reads only the graphs of the articles that changed and keeps the others' parts, and so
  that a build can take an article graph's part from its cached N-Quads instead
  (:func:`read_part_quads`, or :func:`read_part_nquads` from the N-Quads text: the same part,
  without the store's SPARQL answers).
* :func:`read_article` — one article's body, mentions, sentences and dates, read with
  index lookups while its page is written, then dropped.

The store may hold one named graph per article (``rasd build``) or one merged graph in the
default graph (a ``graph.ttl`` loaded by :func:`store_from_graph`): both read the same, as
long as each article, claim and statement is described within one graph, as both write
them.  Every collection is sorted, so the pages are a deterministic function of the triples.
"""

from __future__ import annotations

import io
import multiprocessing
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Graph

from rasd.export.html.model import (
    Claim,
    DateMention,
    Evidence,
    Mention,
    Sentence,
    file_stem,
    iso_date,
)
from rasd.export.html.styles import CLASS_GROUP, ENTITY_CLASSES, RELATIONS
from rasd.graph.network import entity_class, entity_names
from rasd.graph.store import PREFIXES
from rasd.graph.vocab import RASD, SCHEMA

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
_HEX_ID = re.compile(r"^[0-9a-f]{4,64}$")
#: An entity gets its own page when it is mentioned at least this often (see ``Ent.page``).
MIN_MENTIONS = 2


@dataclass(slots=True)
class Ent:
    """One entity: names, class, facts, and where its link goes.

    ``mentions`` counts the spans that name it (``rasd:Mention``) plus the articles it
    published.  Entities with ``page`` have ``entity/<file>.html``; the others link to the
    first span naming them in their most recent article (``href``), are in the search
    index and open a side panel in the networks.
    """

    iri: str
    label: str
    cls: str
    group: str
    file: str
    latin: str = ""
    aliases: tuple[str, ...] = ()
    job_titles: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    start_date: str | None = None
    location: str | None = None
    mentions: int = 0
    page: bool = False
    href: str = ""  # relative to the site root; "" when there is nowhere to go


@dataclass(slots=True)
class ArticleMeta:
    """An article's metadata (its body is read by :func:`read_article`)."""

    iri: str
    file: str
    headline: str
    date: str | None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    source_file: str | None = None


@dataclass(slots=True)
class ArticleDetail:
    """One article's text-level records, read while its page is written."""

    body: str
    mentions: list[Mention]
    sentences: dict[str, Sentence]
    dates: list[DateMention]
    named: tuple[str, ...]  # schema:mentions


@dataclass(slots=True)
class SiteIndex:
    """Entity-level data of the whole site, indexed for per-page lookups."""

    entities: dict[str, Ent]
    articles: dict[str, ArticleMeta]
    claims: list[Claim]
    relations: list[tuple[str, str, str]]
    evidence: dict[tuple[str, str, str], list[Evidence]]
    articles_by_entity: dict[str, list[str]] = field(default_factory=dict)  # newest first
    claims_by_article: dict[str, list[Claim]] = field(default_factory=dict)
    claims_by_author: dict[str, list[Claim]] = field(default_factory=dict)
    claims_about: dict[str, list[Claim]] = field(default_factory=dict)
    relations_by_entity: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    evidence_by_article: dict[str, list[Evidence]] = field(default_factory=dict)


def store_from_graph(graph: Graph) -> ox.Store:
    """An in-memory store holding the triples of an rdflib graph in its default graph."""
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


class Term(NamedTuple):
    """An RDF term of a query's answer: ``value`` (an IRI, a literal's lexical form or a blank
    node's id), ``kind`` (``iri``, ``literal``, ``blank``, or ``triple`` for an RDF 1.2
    triple term, kept as written) and a literal's ``language``."""

    value: str
    kind: str
    language: str | None = None


_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def _unescape(m: re.Match) -> str:
    c = m.group(1)
    if len(c) > 1:
        return chr(int(c[1:], 16))
    return _ESCAPED.get(c, c)


def _term(cell: str) -> Term | None:
    r"""One cell of a SPARQL TSV answer as a :class:`Term` (None when unbound).

    >>> _term(r'"قال \"نعم\"\tثم"@ar')
    Term(value='قال "نعم"\tثم', kind='literal', language='ar')
    >>> [(t.value, t.kind) for t in map(_term, ("<http://x/a>", "12", "_:b1"))], _term("")
    ([('http://x/a', 'iri'), ('12', 'literal'), ('b1', 'blank')], None)
    """
    if not cell:
        return None
    head = cell[0]
    if cell.startswith("<<"):  # an RDF 1.2 triple term: neither an IRI nor a literal
        return Term(cell, "triple")
    if head == "<":  # interned: an archive's index repeats each entity's IRI many times
        return Term(sys.intern(cell[1:-1]), "iri")
    if head == '"':
        body, _q, tail = cell[1:].rpartition('"')
        if "\\" in body:
            body = _ESCAPE.sub(_unescape, body)
        return Term(body, "literal", tail[1:] if tail.startswith("@") else None)
    if cell.startswith("_:"):
        return Term(cell[2:], "blank")
    return Term(cell, "literal")  # a number or boolean in its short form


def _cells(
    store: ox.Store,
    query: str,
    bind: dict[str, ox.NamedNode] | None = None,
    *,
    union: bool = True,
) -> Iterator[list[str]]:
    """Rows of a SELECT over the union of the graphs (the default graph alone when not
    ``union``), as lists of SPARQL TSV cells (terms in N-Triples syntax, ``""`` unbound);
    ``bind`` gives variables their values (SPARQL substitution, never text pasted in).
    Oxigraph writes the whole answer as TSV in one call (a third of the time of decoding each
    term as a Python object) to a temporary file, read back a line at a time, so that an
    archive's answer (a million rows of claims) is never held whole in memory."""
    subs = {ox.Variable(k): v for k, v in (bind or {}).items()}
    res = store.query(
        query, use_default_graph_as_union=union, substitutions=subs, prefixes=PREFIXES
    )
    with tempfile.TemporaryFile() as raw:
        res.serialize(raw, format=ox.QueryResultsFormat.TSV)
        raw.seek(0)
        lines = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        lines.readline()  # the header
        for line in lines:  # one per row (newlines in literals are escaped)
            yield line.removesuffix("\n").split("\t")


def _select(store: ox.Store, query: str, bind: dict[str, ox.NamedNode] | None = None):
    """Rows of a SELECT (see :func:`_cells`) as tuples of :class:`Term` (``None`` unbound)."""
    for cells in _cells(store, query, bind):
        yield tuple(_term(c) for c in cells)


def _values(iris) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _in(iris) -> str:
    return ", ".join(f"<{i}>" for i in iris)


def _str(term) -> str | None:
    return None if term is None else term.value


def _int(term, default: int = -1) -> int:
    try:
        return int(term.value)
    except (AttributeError, TypeError, ValueError):
        return default


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _is_iri(term: Term | None) -> bool:
    return term is not None and term.kind == "iri"


def _read_entities(store: ox.Store) -> dict[str, Ent]:
    typed: dict[str, set[str]] = defaultdict(set)
    for e, t in _select(
        store,
        f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {_values(c[0] for c in ENTITY_CLASSES)} }}"
        " ?e a ?t }",
    ):
        if _is_iri(e):
            typed[e.value].add(t.value)
    # the class and the label shown follow the entity network's rules (graph.network)
    types = {e: cls for e, ts in typed.items() if (cls := entity_class(ts))}
    props: dict[str, list[tuple[str, object]]] = defaultdict(list)
    preds = (RDFS_LABEL, SKOS_ALT, str(SCHEMA.jobTitle), OWL_SAME, str(SCHEMA.startDate))
    preds += (str(SCHEMA.location),)
    for e, p, o in _select(
        store, f"SELECT DISTINCT ?e ?p ?o WHERE {{ VALUES ?p {{ {_values(preds)} }} ?e ?p ?o }}"
    ):
        if e.value in types:
            props[e.value].append((p.value, o))
    out: dict[str, Ent] = {}
    for iri in sorted(types):
        labelled: list[tuple[str, str | None]] = []
        latin: list[str] = []
        aliases: set[str] = set()
        jobs: set[str] = set()
        same: set[str] = set()
        start_dates: list[str] = []
        locations: list[str] = []
        for p, o in props.get(iri, ()):
            lit = o.kind == "literal"
            if p == RDFS_LABEL and lit:
                labelled.append((o.value, o.language))
                if (o.language or "").lower() == "ar-latn":
                    latin.append(o.value)
            elif p == SKOS_ALT:
                aliases.add(o.value)
            elif p == str(SCHEMA.jobTitle) and lit:
                jobs.add(o.value)
            elif p == OWL_SAME:
                same.add(o.value)
            elif p == str(SCHEMA.startDate):
                d = iso_date(o.value)
                if d:
                    start_dates.append(d)
            elif p == str(SCHEMA.location) and _is_iri(o):
                locations.append(o.value)
        label, *others = entity_names(iri, labelled)
        aliases.update(others)
        aliases.discard(label)
        key = types[iri]
        out[iri] = Ent(
            iri=iri,
            label=label,
            cls=key,
            group=CLASS_GROUP[key],
            file=file_stem(iri),
            latin=sorted(latin)[0] if latin else "",
            aliases=tuple(sorted(aliases)),
            job_titles=tuple(sorted(jobs)),
            same_as=tuple(sorted(same)),
            start_date=min(start_dates) if start_dates else None,
            location=min(locations) if locations else None,
        )
    return out


def _article_file(iri: str, ident: str) -> str:
    return ident if _HEX_ID.match(ident) else file_stem(iri)


_ARTICLE_PREDS = {
    str(SCHEMA.identifier): "id",
    str(SCHEMA.headline): "headline",
    str(SCHEMA.datePublished): "date",
    str(SCHEMA.publisher): "publisher",
    str(SCHEMA.url): "url",
    str(SCHEMA.author): "author",
    str(RASD.sourceFile): "source_file",
}
_CLAIM_PREDS = (
    SCHEMA.text,
    SCHEMA.author,
    SCHEMA.about,
    SCHEMA.appearance,
    RASD.inSentence,
    RASD.start,
    RASD.end,
    RASD.quoteKind,
    RASD.cue,
    SCHEMA.dateCreated,
)
_STATEMENT_PREDS = (
    f"{RDF_NS}subject",
    f"{RDF_NS}predicate",
    f"{RDF_NS}object",
    RASD.inArticle,
    RASD.evidence,
    RASD.start,
    RASD.end,
)
_RELATION_PREDS = frozenset(str(p) for p in RELATIONS)
DEFAULT_GRAPH = ""  # the key of the default graph's part


@dataclass(slots=True)
class GraphPart:
    """What one graph of the store gives the site index (see :func:`read_parts`): the values
    of its articles' metadata, its claims, its relation triples and statements (not yet
    checked against the entities), the entities its articles name (``schema:mentions``) and
    the spans naming each entity (``rasd:refersTo``).  Each article, claim and statement is
    described within one graph, as ``rasd build`` (one graph per article) and a merged
    ``graph.ttl`` (the default graph) write them."""

    articles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    statements: list[Evidence] = field(default_factory=list)
    named: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def canonical(self) -> tuple:
        """The part with its lists in sorted order, to compare two parts of one graph read
        two ways (a store gives rows in its own order)."""
        return (
            {a: {k: sorted(v) for k, v in d.items()} for a, d in sorted(self.articles.items())},
            self.claims,
            sorted(self.triples),
            self.statements,
            sorted(self.named),
            dict(sorted(self.counts.items())),
        )


class _Parts:
    """Rows of a query in every graph (``graph`` None: named graphs with ``GRAPH ?g``, then
    the default graph), in one named graph (``graph`` its IRI) or in the default graph alone
    (``graph`` :data:`DEFAULT_GRAPH`)."""

    def __init__(self, store: ox.Store, graph: str | None = None) -> None:
        self.store, self.graph = store, graph
        self.parts: dict[str, GraphPart] = defaultdict(GraphPart)

    def rows(
        self, select: str, pattern: str, group: str = ""
    ) -> Iterator[tuple[GraphPart, list[Term | None]]]:
        """``(part, terms)`` for ``SELECT ?g <select> WHERE { GRAPH ?g { <pattern> } }``,
        grouped by ``?g`` and ``group`` when ``group`` is given."""
        if self.graph != DEFAULT_GRAPH:
            bind = {"g": ox.NamedNode(self.graph)} if self.graph else None
            by = f" GROUP BY ?g {group}" if group else ""
            q = f"SELECT ?g {select} WHERE {{ GRAPH ?g {{ {pattern} }} }}{by}"
            for cells in _cells(self.store, q, bind, union=False):
                yield self.parts[_term(cells[0]).value], [_term(c) for c in cells[1:]]
        if self.graph not in (None, DEFAULT_GRAPH):
            return
        by = f" GROUP BY {group}" if group else ""
        q = f"SELECT {select} WHERE {{ {pattern} }}{by}"  # the default graph alone
        for cells in _cells(self.store, q, union=False):
            yield self.parts[DEFAULT_GRAPH], [_term(c) for c in cells]


class _ClaimsFork:
    """The claims of a store on disk (:func:`_read_claim_parts`) read by a forked process with
    its own read-only handle, while the caller reads the rest: two cores instead of one."""

    def __init__(self, path: Path, graph: str | None = None) -> None:
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self.future = self.pool.submit(_read_claim_parts_at, path, graph)

    def result(self, stats: dict[str, float] | None) -> dict[str, list[Claim]]:
        """The claims by graph; the process's CPU seconds go to ``stats["read_index"]``."""
        try:
            claims, cpu = self.future.result()
        finally:
            self.close()
        if stats is not None:
            stats["read_index"] = stats.get("read_index", 0.0) + cpu
        return claims

    def close(self) -> None:
        """Stop the process (a no-op once :meth:`result` returned)."""
        self.pool.shutdown(cancel_futures=True)


def read_parts(
    store: ox.Store,
    graph: str | None = None,
    *,
    path: Path | None = None,
    stats: dict[str, float] | None = None,
    claims: _ClaimsFork | None = None,
) -> dict[str, GraphPart]:
    """The :class:`GraphPart` of every graph of ``store`` by graph IRI (:data:`DEFAULT_GRAPH`
    for the default graph), or of the one graph ``graph``.

    With ``path`` (the directory of ``store`` on disk), the claims, the largest part, are read
    by a forked process (or by ``claims``, already started) while this one reads the rest;
    ``stats``, when given, receives that process's CPU seconds under ``read_index``."""
    if claims is None and path is not None:
        claims = _ClaimsFork(path, graph)
    rd = _Parts(store, graph)
    typed: set[tuple[int, str]] = set()
    for part, (a,) in rd.rows("?a", "?a a schema:NewsArticle"):
        if _is_iri(a):
            part.articles.setdefault(a.value, defaultdict(list))
            typed.add((id(part), a.value))
    for part, (a, p, o) in rd.rows(
        "?a ?p ?o",
        f"?a a schema:NewsArticle ; ?p ?o FILTER(?p IN ({_in(_ARTICLE_PREDS)}))",
    ):
        if (id(part), a.value) in typed:
            part.articles[a.value][_ARTICLE_PREDS[p.value]].append(o.value)
    for part, (e, n) in rd.rows("?e (COUNT(?m) AS ?n)", "?m rasd:refersTo ?e", group="?e"):
        part.counts[e.value] = part.counts.get(e.value, 0) + _int(n, 0)
    for part, (a, e) in rd.rows("?a ?e", "?a schema:mentions ?e"):
        part.named.append((a.value, e.value))
    for part, (s, p, o) in rd.rows(
        "?s ?p ?o", f"VALUES ?p {{ {_values(_RELATION_PREDS)} }} ?s ?p ?o"
    ):
        part.triples.append((s.value, p.value, o.value))
    for _g, part, rows in _grouped_parts(
        rd, f"?x a rdf:Statement ; ?p ?o FILTER(?p IN ({_in(_STATEMENT_PREDS)}))"
    ):
        for st in sorted(rows):
            v = rows[st]
            s, p, o = (_str(_first(v, f"{RDF_NS}{x}")) for x in ("subject", "predicate", "object"))
            part.statements.append(
                Evidence(
                    subject=s or "",
                    predicate=p or "",
                    object=o or "",
                    article=_str(_first(v, RASD.inArticle)),
                    sentence=_str(_first(v, RASD.evidence)),
                    start=_int(_first(v, RASD.start)),
                    end=_int(_first(v, RASD.end)),
                )
            )
    claim_parts = _read_claim_parts(store, graph) if claims is None else claims.result(stats)
    for g, cl in claim_parts.items():
        rd.parts[g].claims = cl
    return dict(rd.parts)


_NEWS_ARTICLE, _STATEMENT, _CLAIM = str(SCHEMA.NewsArticle), f"{RDF_NS}Statement", str(SCHEMA.Claim)
_CLAIM_KEYS = tuple(str(p) for p in _CLAIM_PREDS)
_STATEMENT_KEYS = tuple(str(p) for p in _STATEMENT_PREDS)
#: the properties :func:`read_part_quads` keeps by subject (articles', claims', statements')
_PART_PREDS = frozenset((*_ARTICLE_PREDS, *_CLAIM_KEYS, *_STATEMENT_KEYS))
_TYPE, _REFERS_TO, _MENTIONS = f"{RDF_NS}type", str(RASD.refersTo), str(SCHEMA.mentions)
#: the IRIs of the properties :func:`_part_of` reads, by local name (as strings: an rdflib
#: namespace's attribute builds a term at each use)
_PART_KEY = {
    **{k: f"{RDF_NS}{k}" for k in ("subject", "predicate", "object")},
    **{
        str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]: str(p)
        for p in (*_CLAIM_PREDS, *_STATEMENT_PREDS)
    },
}
#: the types of the nodes whose kept properties :func:`_part_of` reads
_PART_TYPES = (_NEWS_ARTICLE, _CLAIM, _STATEMENT)


def read_part_quads(quads: Iterable[ox.Quad], graph: str) -> GraphPart | None:
    """What :func:`read_parts` reads of the named graph ``graph`` from a store whose graph
    ``graph`` holds exactly ``quads`` (e.g. one article's N-Quads from a build's cache, parsed
    with :func:`pyoxigraph.parse`), taken from the quads themselves: no store and no query.
    The part is a function of the set of triples, as the store's is (lists in sorted order).
    None when a quad is in another graph or has a blank node or a triple term (the caller
    reads the store instead)."""
    name = ox.NamedNode(graph)
    typed: dict[str, set[str]] = defaultdict(set)
    props: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    refers: set[tuple[str, ox.NamedNode | ox.Literal]] = set()
    named: set[tuple[str, str]] = set()
    triples: set[tuple[str, str, str]] = set()
    for q in quads:
        s, o = q.subject, q.object
        if (
            q.graph_name != name
            or not isinstance(s, ox.NamedNode)
            or not isinstance(o, (ox.NamedNode, ox.Literal))
        ):
            return None
        p = q.predicate.value
        if p in _PART_PREDS:
            props[s.value][p].add(o)  # terms: two equal values of distinct terms are two rows
        if p == _TYPE:
            if isinstance(o, ox.NamedNode):
                typed[o.value].add(s.value)
        elif p == _REFERS_TO:
            refers.add((s.value, o))
        elif p == _MENTIONS:
            named.add((s.value, o.value))
        elif p in _RELATION_PREDS:
            triples.add((s.value, p, o.value))
    counts: dict[str, int] = {}
    for _m, e in refers:
        counts[e.value] = counts.get(e.value, 0) + 1
    values = {x: {p: [o.value for o in got] for p, got in v.items()} for x, v in props.items()}
    return _part_of(typed, values, counts, named, triples)


def _part_of(
    typed: dict[str, set[str]],
    values: dict[str, dict[str, list[str]]],
    counts: dict[str, int],
    named: set[tuple[str, str]],
    triples: set[tuple[str, str, str]],
) -> GraphPart:
    """The :class:`GraphPart` of one graph from what :func:`read_part_quads` and
    :func:`read_part_nquads` collect: the subjects of each type, the values of the kept
    properties by subject (one per distinct term), the spans naming each entity, the
    ``schema:mentions`` pairs and the relation triples."""
    part = GraphPart()
    key = _PART_KEY
    for a in sorted(typed.get(_NEWS_ARTICLE, ())):
        got = part.articles[a] = defaultdict(list)
        for p, items in values.get(a, {}).items():
            if p in _ARTICLE_PREDS:
                got[_ARTICLE_PREDS[p]].extend(sorted(items))
    part.counts = dict(sorted(counts.items()))
    part.named = sorted(named)
    part.triples = sorted(triples)
    for x in sorted(typed.get(_STATEMENT, ())):
        v = _values_of(values.get(x), _STATEMENT_KEYS)
        if v is None:
            continue
        s_, p_, o_ = (_min(v, key[k]) for k in ("subject", "predicate", "object"))
        part.statements.append(
            Evidence(
                subject=s_ or "",
                predicate=p_ or "",
                object=o_ or "",
                article=_min(v, key["inArticle"]),
                sentence=_min(v, key["evidence"]),
                start=_int_value(_min(v, key["start"])),
                end=_int_value(_min(v, key["end"])),
            )
        )
    for x in sorted(typed.get(_CLAIM, ())):
        v = _values_of(values.get(x), _CLAIM_KEYS)
        if v is None:
            continue
        part.claims.append(
            Claim(
                iri=x,
                text=_min(v, key["text"]) or "",
                authors=tuple(sorted(set(v.get(key["author"], ())))),
                about=tuple(sorted(set(v.get(key["about"], ())))),
                article=_min(v, key["appearance"]),
                sentence=_min(v, key["inSentence"]),
                start=_int_value(_min(v, key["start"])),
                end=_int_value(_min(v, key["end"])),
                kind=_min(v, key["quoteKind"]) or "",
                cue=_min(v, key["cue"]) or "",
                date=iso_date(_min(v, key["dateCreated"])),
            )
        )
    return part


def _nquad_rows(data: bytes, graph: str) -> list[str] | None:
    """The lines of the N-Quads ``data`` (one graph's quads, as a serializer writes them: one
    quad a line, every line ending with a newline) without the graph's IRI, i.e. ``subject
    predicate object`` in N-Triples syntax, when every line is a quad of the named graph
    ``graph``; None otherwise (the caller parses ``data`` instead).  No
    :class:`pyoxigraph.Quad` is built per line: the readers take the few terms they keep
    from the text, and check each line's terms as they split it (:func:`_plain`): a blank
    node, a triple term or an IRI written with an escape sends them to the parser too, as
    does a line with fewer than three terms left.

    >>> _nquad_rows(b'<x:a> <x:p> "b c"@ar <x:g> .\\n<x:a> <x:q> <x:b> <x:g> .\\n', "x:g")
    ['<x:a> <x:p> "b c"@ar', '<x:a> <x:q> <x:b>']
    >>> _nquad_rows(b'<x:a> <x:p> <x:b> <x:h> .\\n', "x:g")  # another graph's line
    >>> _nquad_rows(b'<x:a> <x:p> <x:g> .\\n', "x:g")  # the default graph's: two terms left
    ['<x:a> <x:p>']
    """
    text = data.decode("utf-8")
    lines = text.split(f" <{graph}> .\n")
    if lines.pop() or text.count("\n") != len(lines):  # newlines in literals are escaped
        return None  # a line of another graph
    return lines


def _plain(s: str, o: str) -> bool:
    """Whether a line's subject ``s`` and object ``o`` (tokens of :func:`_nquad_rows`) are
    terms the text readers take as written: an IRI without an escape, and an IRI without an
    escape or a literal (its escapes are decoded, :func:`_token_value`); not a blank node or
    a triple term.  (The readers inline this test: it runs on every line.)

    >>> _plain("<x:a>", '"b"@ar'), _plain("<x:a>", "<x:b>")
    (True, True)
    >>> _plain("_:b", "<x:b>"), _plain("<x:a>", "_:b"), _plain("<<", "<x:b>")
    (False, False, False)
    >>> _plain("<x:a>", "<<( <x:a> <x:p> <x:b> )>>"), _plain("<x:\\\\u0061>", "<x:b>")
    (False, False)
    """
    h = o[0]
    return (
        s[-1] == ">"
        and "\\" not in s
        and (h == '"' or (h == "<" and o[1] != "<" and "\\" not in o))
    )


def _token_value(token: str) -> str:
    """The value of an object term of :func:`_nquad_rows` (an IRI's or a literal's).

    >>> _token_value('"قال"@ar'), _token_value('"3"^^<x:int>'), _token_value(r'"a\\"b"')
    ('قال', '3', 'a"b')
    """
    head = token[0]
    if head == "<":
        return token[1:-1]
    if head == '"' and "\\" not in token:  # most literals: no escape, no Term built
        return token[1 : token.rindex('"')]
    term = _term(token)
    return "" if term is None else term.value


_TYPE_TOKEN, _REFERS_TOKEN, _MENTIONS_TOKEN = f"<{_TYPE}>", f"<{_REFERS_TO}>", f"<{_MENTIONS}>"
_PART_TOKENS = {f"<{p}>": p for p in _PART_PREDS}
_RELATION_TOKENS = {f"<{p}>": p for p in _RELATION_PREDS}


def read_part_nquads(data: bytes, graph: str) -> GraphPart | None:
    """:func:`read_part_quads` of the N-Quads ``data`` of the named graph ``graph`` (e.g. one
    article's, from a build's cache): the same part, read from the text's lines
    (:func:`_nquad_rows`) where they are plain, else from :func:`pyoxigraph.parse`."""
    lines = _nquad_rows(data, graph)
    if lines is None:
        return read_part_quads(ox.parse(data, ox.RdfFormat.N_QUADS), graph)
    typed: dict[str, set[str]] = defaultdict(set)
    # subject term -> property -> {object terms as written}: two equal values of distinct terms
    # are two rows, as in the store; a serializer writes a term one way.  Values are taken
    # at the end, of the subjects _part_of reads only
    props: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    refers: set[tuple[str, str]] = set()
    named: set[tuple[str, str]] = set()
    triples: set[tuple[str, str, str]] = set()
    kept, relations = _PART_TOKENS, _RELATION_TOKENS
    for line in lines:
        try:
            s, p, o = line.split(" ", 2)  # IRIs hold no space
            h = o[0]
            # _plain(s, o), inlined: a blank node, triple term or escaped IRI is parsed
            if s[-1] != ">" or "\\" in s or (h != '"' and (h != "<" or o[1] == "<" or "\\" in o)):
                raise ValueError
        except (ValueError, IndexError):  # fewer than three terms, or not plain
            return read_part_quads(ox.parse(data, ox.RdfFormat.N_QUADS), graph)
        if p in kept:
            props[s][kept[p]].add(o)
        if p == _TYPE_TOKEN:
            if h == "<":
                typed[o[1:-1]].add(s[1:-1])
        elif p == _REFERS_TOKEN:
            refers.add((s, o))
        elif p == _MENTIONS_TOKEN:
            named.add((s[1:-1], _token_value(o)))
        elif p in relations:
            triples.add((s[1:-1], relations[p], _token_value(o)))
        elif "\\" in p or p[-1] != ">":  # an escaped IRI may name a property read here
            return read_part_quads(ox.parse(data, ox.RdfFormat.N_QUADS), graph)
    counts: dict[str, int] = {}
    for _m, o in refers:
        e = _token_value(o)
        counts[e] = counts.get(e, 0) + 1
    # the values of the nodes _part_of reads (articles, claims, statements: a few of the
    # graph's subjects; its mentions and sentences have kept properties too, never read)
    values: dict[str, dict[str, list[str]]] = {}
    for t in _PART_TYPES:
        for x in typed.get(t, ()):
            v = props.get(f"<{x}>")
            if v is not None:
                values[x] = {p: [_token_value(o) for o in got] for p, got in v.items()}
    return _part_of(typed, values, counts, named, triples)


def intern_part(part: GraphPart) -> GraphPart:
    """``part`` with the IRIs of its relation triples, named entities, mention counts, claim
    authors and subjects, and statements interned (:func:`sys.intern`), in place: parts
    received from other processes (unpickled) or parsed hold a copy of an entity's IRI per
    occurrence, and an archive's site index holds hundreds of thousands of them."""
    it = sys.intern
    part.triples = [(it(s), it(p), it(o)) for s, p, o in part.triples]
    part.named = [(it(a), it(e)) for a, e in part.named]
    part.counts = {it(e): n for e, n in part.counts.items()}
    for c in part.claims:
        c.authors = tuple(map(it, c.authors))
        c.about = tuple(map(it, c.about))
    for ev in part.statements:
        ev.subject, ev.predicate, ev.object = it(ev.subject), it(ev.predicate), it(ev.object)
    return part


def _values_of(
    values: dict[str, list[str]] | None, keys: tuple[str, ...]
) -> dict[str, list[str]] | None:
    """The values of a node's properties among ``keys`` (None: it has none of them, so a query
    for them gives it no row)."""
    got = {k: values[k] for k in keys if values and k in values}
    return got or None


def _min(v: dict[str, list[str]], key: str) -> str | None:
    """The least of the values of ``key`` in ``v`` (None: none)."""
    items = v.get(key)
    if not items:
        return None
    return items[0] if len(items) == 1 else min(items)  # most properties: one value


def _int_value(value: str | None, default: int = -1) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _grouped_parts(rd: _Parts, pattern: str) -> Iterator[tuple[str, GraphPart, dict[str, dict]]]:
    """Rows ``?x ?p ?o`` of ``pattern`` grouped by graph as ``(graph, part, {x: {p: [o,
    ...]}})``."""
    out: dict[int, tuple[GraphPart, dict]] = {}
    for part, (x, p, o) in rd.rows("?x ?p ?o", pattern):
        got = out.get(id(part))
        if got is None:
            got = out[id(part)] = (part, defaultdict(lambda: defaultdict(list)))
        got[1][x.value][p.value].append(o)
    names = {id(part): g for g, part in rd.parts.items()}
    for key, (part, rows) in out.items():
        yield names[key], part, rows


def _read_claim_parts(store: ox.Store, graph: str | None = None) -> dict[str, list[Claim]]:
    """The claims of every graph (or of ``graph``), sorted by IRI within each."""
    rd = _Parts(store, graph)
    out: dict[str, list[Claim]] = {}
    pattern = f"?x a schema:Claim ; ?p ?o FILTER(?p IN ({_in(_CLAIM_PREDS)}))"
    for g, _part, rows in _grouped_parts(rd, pattern):
        claims = []
        for iri in sorted(rows):
            v = rows[iri]
            claims.append(
                Claim(
                    iri=iri,
                    text=_str(_first(v, SCHEMA.text)) or "",
                    authors=tuple(sorted({o.value for o in v.get(str(SCHEMA.author), ())})),
                    about=tuple(sorted({o.value for o in v.get(str(SCHEMA.about), ())})),
                    article=_str(_first(v, SCHEMA.appearance)),
                    sentence=_str(_first(v, RASD.inSentence)),
                    start=_int(_first(v, RASD.start)),
                    end=_int(_first(v, RASD.end)),
                    kind=_str(_first(v, RASD.quoteKind)) or "",
                    cue=_str(_first(v, RASD.cue)) or "",
                    date=iso_date(_str(_first(v, SCHEMA.dateCreated))),
                )
            )
        out[g] = claims
    return out


def _read_claim_parts_at(
    path: Path, graph: str | None = None
) -> tuple[dict[str, list[Claim]], float]:
    """:func:`_read_claim_parts` through a read-only handle of its own on the store at
    ``path``, with the CPU seconds it took."""
    t = time.process_time()
    claims = _read_claim_parts(ox.Store.read_only(str(path)), graph)
    return claims, time.process_time() - t


def _first(v: dict[str, list], p) -> object | None:
    items = v.get(str(p))
    if not items:
        return None
    if len(items) == 1:  # most properties: one value, no key to compare
        return items[0]
    return min(items, key=_term_value)


def _term_value(term) -> str:
    return term.value


def _articles_meta(parts: Iterable[GraphPart]) -> dict[str, ArticleMeta]:
    vals: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for part in parts:
        for a, v in part.articles.items():
            got = vals[a]
            for k, items in v.items():
                got[k].extend(items)
    out: dict[str, ArticleMeta] = {}
    for iri in sorted(vals):
        v = vals[iri]

        def first(k: str, v=v) -> str | None:
            items = sorted(v.get(k, ()))
            return items[0] if items else None

        ident = first("id") or ""
        out[iri] = ArticleMeta(
            iri=iri,
            file=_article_file(iri, ident),
            headline=first("headline") or ident or _local_name(iri),
            date=min((d for d in map(iso_date, v.get("date", ())) if d), default=None),
            publisher=first("publisher"),
            url=first("url"),
            author=first("author"),
            source_file=first("source_file"),
        )
    files: dict[str, str] = {}
    for art in out.values():  # two articles never share a file name
        if art.file in files:
            art.file = file_stem(art.iri)
        files[art.file] = art.iri
    return out


def _group(items, key) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for item in items:
        for k in key(item):
            out[k].append(item)
    return dict(out)


def read_entities_at(path: Path) -> dict[str, Ent]:
    """The entities of the on-disk store at ``path`` (opened read-only), as :func:`read_index`
    reads them; e.g. in a forked process while the caller reads the graphs' parts (the
    receiver re-interns the IRIs: :func:`intern_entities`)."""
    return _read_entities(ox.Store.read_only(str(path)))


def intern_entities(entities: dict[str, Ent]) -> dict[str, Ent]:
    """``entities`` keyed by interned IRIs (:func:`sys.intern`), their IRIs and locations
    interned too: entities received from another process (unpickled) hold copies of IRIs
    that the parts of the site index hold interned."""
    it = sys.intern
    out = {}
    for ent in entities.values():
        ent.iri = it(ent.iri)
        if ent.location is not None:
            ent.location = it(ent.location)
        out[ent.iri] = ent
    return out


def read_index(
    store: ox.Store,
    *,
    min_mentions: int = MIN_MENTIONS,
    path: Path | None = None,
    stats: dict[str, float] | None = None,
    parts: dict[str, GraphPart] | None = None,
    entities: dict[str, Ent] | None = None,
) -> SiteIndex:
    """Read the entity-level data of the whole site (no article bodies, no mention spans):
    the entities, and the :class:`GraphPart` of every graph (:func:`read_parts`, with
    ``path`` and ``stats``), assembled by :func:`assemble_index`.  ``parts`` (e.g. kept from
    an earlier build, with the parts of the changed graphs read again) replaces reading every
    graph: then only the entities are read from the store; ``entities`` (e.g. read by
    another process: :func:`read_entities_at`) replaces reading them.  The index is the same
    either way."""
    fork = _ClaimsFork(path) if parts is None and path is not None else None
    try:
        if entities is None:
            entities = _read_entities(store)
        if parts is None:
            parts = read_parts(store, stats=stats, claims=fork)
    finally:
        if fork is not None:
            fork.close()
    return assemble_index(entities, parts.values(), min_mentions=min_mentions)


def assemble_index(
    entities: dict[str, Ent], parts: Iterable[GraphPart], *, min_mentions: int = MIN_MENTIONS
) -> SiteIndex:
    """The site index of ``entities`` and the graphs' ``parts``: relations and statements
    between known entities, mention counts, which articles name which entity, claims by
    article, author and subject, and where each entity's link goes."""
    parts = list(parts)
    articles = _articles_meta(parts)
    counts: dict[str, int] = defaultdict(int)
    by_entity: dict[str, set[str]] = defaultdict(set)
    triples: set[tuple[str, str, str]] = set()
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    claims: list[Claim] = []
    for part in parts:
        for e, n in part.counts.items():
            counts[e] += n
        # schema:mentions lists every entity named in the article (docs/graph-contract.md)
        for a, e in part.named:
            if a in articles and e in entities:
                by_entity[e].add(articles[a].iri)
        for s, p, o in part.triples:
            if s in entities and o in entities and s != o:
                triples.add((s, p, o))
        for ev in part.statements:
            s, p, o = ev.subject, ev.predicate, ev.object
            if s not in entities or o not in entities or p not in _RELATION_PREDS:
                continue
            triples.add((s, p, o))
            evidence[(s, p, o)].append(ev)
        claims.extend(part.claims)
    claims.sort(key=lambda c: c.iri)
    for art in articles.values():
        if art.publisher in entities:
            counts[art.publisher] += 1
            by_entity[art.publisher].add(art.iri)
    for items in evidence.values():
        items.sort(key=lambda e: (e.article or "", e.start, e.end, e.sentence or ""))
    for ent in entities.values():  # events: their location is drawn as a relation too
        if ent.location in entities and ent.location != ent.iri:
            triples.add((ent.iri, str(SCHEMA.location), ent.location))
    relations = sorted(triples)
    evidence = dict(sorted(evidence.items()))
    index = SiteIndex(
        entities=entities,
        articles=articles,
        claims=claims,
        relations=relations,
        evidence=evidence,
    )
    index.articles_by_entity = {
        k: sorted(v, key=lambda a: (articles[a].date or "", a), reverse=True)
        for k, v in sorted(by_entity.items())
    }
    index.claims_by_article = _group(claims, lambda c: (c.article,) if c.article else ())
    index.claims_by_author = _group(claims, lambda c: c.authors)
    index.claims_about = _group(claims, lambda c: c.about)
    index.relations_by_entity = _group(relations, lambda r: sorted({r[0], r[2]}))
    index.evidence_by_article = _group(
        (e for items in evidence.values() for e in items),
        lambda e: (e.article,) if e.article else (),
    )
    for iri, ent in entities.items():
        ent.mentions = counts.get(iri, 0)
        ent.page = ent.mentions >= min_mentions
        if ent.page:
            ent.href = f"entity/{ent.file}.html"
        else:
            arts = index.articles_by_entity.get(iri) or [
                c.article for c in index.claims_by_author.get(iri, ()) if c.article in articles
            ]
            ent.href = f"article/{articles[arts[0]].file}.html#e-{ent.file}" if arts else ""
    return index


# ---------------------------------------------------------------- one article at a time

_A = RASD.inArticle
_P = {
    "type": f"{RDF_NS}type",
    "refersTo": str(RASD.refersTo),
    "inSentence": str(RASD.inSentence),
    "start": str(RASD.start),
    "end": str(RASD.end),
    "surface": str(RASD.surface),
    "text": str(SCHEMA.text),
    "index": str(RASD.sentenceIndex),
    "value": str(RASD.dateValue),
    "original": str(RASD.originalText),
    "qualifier": str(RASD.dateQualifier),
    "hijri": str(RASD.hijriDate),
    "inferred": str(RASD.dateInferred),
}
_USED = frozenset(v for k, v in _P.items() if k != "surface")
_MENTION, _SENTENCE, _DATE = str(RASD.Mention), str(RASD.Sentence), str(RASD.DateMention)


def read_article(store: ox.Store, iri: str, entities: dict[str, Ent]) -> ArticleDetail:
    """One article's body, mentions (of known entities), evidence sentences and dates.

    Two queries: the article's own body and ``schema:mentions``, and every property of
    the nodes ``rasd:inArticle`` it (mentions, sentences, dates, statements).  Joins per
    property would cost one index seek each in an on-disk store; these cost one range scan
    per node.
    """
    own: dict[str, list] = defaultdict(list)
    art = ox.NamedNode(iri)
    for _art, p, o in _select(
        store,
        "SELECT ?art ?p ?o WHERE { ?art ?p ?o"
        " FILTER(?p IN (schema:articleBody, schema:mentions)) }",
        {"art": art},
    ):
        own[p.value].append(o.value)
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    res = store.query(
        f"SELECT ?s ?p ?o ?art WHERE {{ ?s <{_A}> ?art . ?s ?p ?o }}",
        use_default_graph_as_union=True,
        substitutions={ox.Variable("art"): art},
    )
    for sol in res:  # terms are decoded on access: objects only for the properties used
        p = sol[1].value
        if p in _USED:
            nodes[sol[0].value][p].append(sol[2].value)
    return _article_detail(iri, own, nodes, entities)


_BODY, _NAMES = str(SCHEMA.articleBody), str(SCHEMA.mentions)
_OWN = frozenset((_BODY, _NAMES))


def read_article_quads(
    quads: Iterable[ox.Quad], iri: str, entities: dict[str, Ent]
) -> ArticleDetail | None:
    """What :func:`read_article` reads from a store holding exactly ``quads`` (e.g. one
    article's N-Quads from a build's cache, parsed with :func:`pyoxigraph.parse`), taken
    from the quads themselves: no store is loaded and no query run.  The answer is a function
    of the set of triples in the union of the graphs, as the store's answer is.  None when a
    quad it reads has a blank node (a store may rename blank nodes, which order the
    records; the caller loads a store instead)."""
    own: dict[str, list] = defaultdict(list)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    members: set[str] = set()
    a, art = str(_A), ox.NamedNode(iri)
    for q in quads:
        s = q.subject
        if not isinstance(s, ox.NamedNode):
            return None
        p, o = q.predicate.value, q.object
        if p in _USED:
            if isinstance(o, ox.BlankNode):
                return None
            props[s.value][p].append(o.value)
        elif p == a:
            if o == art:
                members.add(s.value)
        elif p in _OWN and s.value == iri:
            if isinstance(o, ox.BlankNode):
                return None
            own[p].append(o.value)
    nodes = {s: v for s, v in props.items() if s in members}
    return _article_detail(iri, own, nodes, entities)


_USED_TOKENS = {f"<{p}>": p for p in _USED}
_OWN_TOKENS = {f"<{p}>": p for p in _OWN}
_IN_ARTICLE_TOKEN = f"<{_A}>"


def read_article_nquads(
    data: bytes, graph: str, iri: str, entities: dict[str, Ent]
) -> ArticleDetail | None:
    """:func:`read_article_quads` of the N-Quads ``data`` of the named graph ``graph`` (one
    article's, from a build's cache): the same records, read from the text's lines
    (:func:`_nquad_rows`) where they are plain, else from :func:`pyoxigraph.parse`."""
    lines = _nquad_rows(data, graph)
    if lines is None:
        return read_article_quads(ox.parse(data, ox.RdfFormat.N_QUADS), iri, entities)
    own: dict[str, list] = defaultdict(list)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    members: set[str] = set()
    art = f"<{iri}>"
    used, owned = _USED_TOKENS, _OWN_TOKENS
    for line in lines:
        try:
            s, p, o = line.split(" ", 2)  # IRIs hold no space
            h = o[0]
            # _plain(s, o), inlined: a blank node, triple term or escaped IRI is parsed
            if s[-1] != ">" or "\\" in s or (h != '"' and (h != "<" or o[1] == "<" or "\\" in o)):
                raise ValueError
        except (ValueError, IndexError):  # fewer than three terms, or not plain
            return read_article_quads(ox.parse(data, ox.RdfFormat.N_QUADS), iri, entities)
        if p in used:
            props[s][used[p]].append(_token_value(o))
        elif p == _IN_ARTICLE_TOKEN:
            if o == art:
                members.add(s)
        elif p in owned:
            if s == art:
                own[owned[p]].append(_token_value(o))
        elif "\\" in p or p[-1] != ">":  # an escaped IRI may name a property read here
            return read_article_quads(ox.parse(data, ox.RdfFormat.N_QUADS), iri, entities)
    nodes = {s[1:-1]: v for s, v in props.items() if s in members}
    return _article_detail(iri, own, nodes, entities)


def _article_detail(
    iri: str, own: dict[str, list], nodes: dict[str, dict[str, list]], entities: dict[str, Ent]
) -> ArticleDetail:
    """An article's records from its own properties (``schema:articleBody`` and
    ``schema:mentions``: their objects) and the properties in :data:`_USED` of the nodes in
    it (by node IRI: objects by property), each object given by its value (a term's
    ``value``: a record reads the least value of a property, as the term of least value)."""
    bodies = sorted(own.get(_BODY, ()))
    named = tuple(sorted(set(own.get(_NAMES, ()))))
    mentions: list[Mention] = []
    sentences: dict[str, Sentence] = {}
    dates: list[DateMention] = []
    for subject in sorted(nodes):
        v = nodes[subject]
        types = set(v.get(_P["type"], ()))
        if _MENTION in types:
            ent = _min(v, _P["refersTo"])
            if ent in entities:
                mentions.append(
                    Mention(
                        entity=ent,
                        article=iri,
                        sentence=_min(v, _P["inSentence"]),
                        start=_int_value(_min(v, _P["start"])),
                        end=_int_value(_min(v, _P["end"])),
                        surface="",  # not read: the pages show the span of the article text
                    )
                )
        if _SENTENCE in types:
            sentences[subject] = Sentence(
                iri=subject,
                text=_min(v, _P["text"]) or "",
                article=iri,
                index=_int_value(_min(v, _P["index"])),
                start=_int_value(_min(v, _P["start"])),
                end=_int_value(_min(v, _P["end"])),
            )
        if _DATE in types:
            dates.append(
                DateMention(
                    article=iri,
                    value=iso_date(_min(v, _P["value"])),
                    original=_min(v, _P["original"]) or "",
                    start=_int_value(_min(v, _P["start"])),
                    end=_int_value(_min(v, _P["end"])),
                    qualifier=_min(v, _P["qualifier"]),
                    hijri=_min(v, _P["hijri"]),
                    inferred=(_min(v, _P["inferred"]) or "").lower() in {"true", "1"},
                )
            )
    mentions.sort(key=lambda m: (m.start, m.end, m.entity))
    dates.sort(key=lambda d: (d.start, d.end))
    return ArticleDetail(
        body=bodies[0] if bodies else "",
        mentions=mentions,
        sentences=dict(sorted(sentences.items())),
        dates=dates,
        named=named,
    )
