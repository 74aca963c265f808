"""The Oxigraph store: the graph of record of a build, and SPARQL over any graph.

A build keeps its graph in ``OUT/store`` (a persistent :class:`pyoxigraph.Store`): one named
graph per article (``https://w3id.org/rasd/graph/<article-id>``) and the entities graph
(:data:`graph.iri.ENTITIES_GRAPH`); the default graph is empty, and queries see the union of
all graphs.  ``rasd query`` opens a build's store read-only, or loads a ``.ttl``/``.trig``/…
file into a temporary in-memory store; rdflib stays the API for small graphs and tests.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from rasd.extract.errors import GraphError

#: Prefixes every query may use without declaring them.
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "rasd": "https://w3id.org/rasd/ns#",
    "rasdid": "https://w3id.org/rasd/id/",
}

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
STORE_DIR = "store"
#: The shipped example queries (``queries/`` at the top of the repository links here).
QUERIES_DIR = Path(__file__).with_name("queries")


def shipped_queries() -> dict[str, str]:
    """The shipped queries, file name → SPARQL text, in name order.

    >>> "who_said_what.rq" in shipped_queries()
    True
    """
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(QUERIES_DIR.glob("*.rq"))}


def is_build_dir(path: Path) -> bool:
    """Is ``path`` the output folder of a build (it holds ``store/``)?"""
    return path.is_dir() and (path / STORE_DIR).is_dir()


#: The marker a build keeps in its folder while it writes (``rasd build`` sets and clears it).
DIRTY = Path("state") / "dirty"


def check_build_dir(path: Path, doing: str) -> None:
    """Raise :class:`GraphError` unless ``path`` is a finished build: a folder with a store,
    not being written by a build.  ``doing`` ends the message (``"push once it is done"``)."""
    if not is_build_dir(path):
        raise GraphError(f"{path}: not a build folder (no {STORE_DIR}/; run rasd build first)")
    if (path / DIRTY).exists():
        raise GraphError(f"{path}: a build is writing to it ({DIRTY}); {doing}")


def open_store(path: Path, *, read_only: bool = False) -> ox.Store:
    """Open (or create) the persistent store at ``path``; raises :class:`GraphError`."""
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise GraphError(f"{path}: cannot open the graph store ({exc})") from exc


def load(path: Path) -> ox.Store:
    """A store to query ``path``: a build folder's store (read-only, no parsing) or a graph
    file loaded into a temporary in-memory store.  Raises :class:`GraphError` naming the file
    and the reason."""
    if is_build_dir(path):
        return open_store(path / STORE_DIR, read_only=True)
    if path.is_dir():
        raise GraphError(f"{path}: a folder without a build store ({STORE_DIR}/)")
    if not path.exists():
        raise GraphError(f"{path}: no such file or folder")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format (use {', '.join(_FORMATS)} or OUT/)")
    if not path.is_file():
        raise GraphError(f"{path}: no such file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphError(f"{path}: not a valid {fmt.name} file ({msg})") from exc
    return store


def run_query(store: ox.Store, sparql: str, source: str = "query") -> object:
    """Run a read-only SPARQL query over the union of all graphs; syntax errors and updates
    become :class:`GraphError` naming ``source``."""
    try:
        # prefixes given to the parser, not pasted before the text: its error positions stay
        # those of the user's query, and the query's own declarations win
        return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise GraphError(f"{source}: invalid SPARQL ({str(exc).splitlines()[0]})") from exc
    except OSError as exc:
        raise GraphError(f"{source}: query failed ({exc})") from exc


def bind_values(sparql: str, name: str, value: str, source: str = "query") -> str:
    """``sparql`` with the one-variable block ``VALUES ?name { … }`` holding ``value`` alone:
    how a query file takes a parameter (``rasd query … --bind name=value``).

    ``value`` written ``<…>`` is an IRI; anything else is an Arabic literal (``"…"@ar``, as
    every name and alias in a rasd graph is).  The block stays where the query puts it: first
    in its pattern, Oxigraph looks the value up before joining, which is what makes a query
    about one entity fast on an archive (a ``VALUES`` after the query, or a SEP-0007
    substitution, is joined at the end: tens of seconds at 31k articles).  A query without
    exactly one such block for ``name`` raises :class:`GraphError` naming ``source``.

    >>> bind_values('SELECT * { VALUES ?name { "x"@ar } ?e ?p ?name }', "name", "أبو بكر")
    'SELECT * { VALUES ?name { "أبو بكر"@ar } ?e ?p ?name }'
    >>> bind_values("SELECT * { VALUES ?e { <a:b> } ?e ?p ?o }", "e", "<https://x.org/1>")
    'SELECT * { VALUES ?e { <https://x.org/1> } ?e ?p ?o }'
    """
    if not re.fullmatch(r"\w+", name):
        raise GraphError(f"{source}: --bind {name}=…: not a variable name")
    block = re.compile(r"(VALUES\s+[?$]" + re.escape(name) + r"\s*\{)[^{}]*(\})", re.IGNORECASE)
    found = block.findall(sparql)
    if len(found) != 1:
        why = "no" if not found else "more than one"
        raise GraphError(f"{source}: --bind {name}=…: {why} 'VALUES ?{name} {{ … }}' to bind")
    try:
        if value.startswith("<") and value.endswith(">"):
            term = str(ox.NamedNode(value[1:-1]))
        else:
            term = str(ox.Literal(value, language="ar"))
    except ValueError as exc:
        raise GraphError(f"{source}: --bind {name}={value}: {exc}") from exc
    return block.sub(lambda m: f"{m.group(1)} {term} {m.group(2)}", sparql)


def _cell(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def format_results(result: object, fmt: str, source: str = "query") -> Iterator[str]:
    """Query results as text: ``table`` (tab-separated values, header first), ``csv`` or
    ``json`` (SPARQL 1.1 JSON results); CONSTRUCT results as Turtle lines; ASK as
    ``true``/``false``.  Oxigraph evaluates lazily, so a failure found while the rows are
    read (a ``SERVICE`` that cannot be reached, an evaluation error) is a :class:`GraphError`
    naming ``source``, raised after the rows before it were yielded."""
    try:
        yield from _format_results(result, fmt)
    except (OSError, ValueError, TypeError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphError(f"{source}: query failed ({why})") from exc


def _format_results(result: object, fmt: str) -> Iterator[str]:
    if isinstance(result, ox.QueryBoolean):
        yield "true" if bool(result) else "false"
        return
    if isinstance(result, ox.QueryTriples):
        yield ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        return
    if fmt == "json":
        yield result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
        return
    names = [v.value for v in result.variables]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in result:
            w.writerow([_cell(row[n]) for n in names])
        yield buf.getvalue()
        return
    yield "\t".join(names)
    for row in result:
        yield "\t".join(_cell(row[n]).replace("\t", " ").replace("\n", " ") for n in names)


def select_rows(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    """A SELECT query's rows as plain strings (unbound variables are absent)."""
    result = run_query(store, sparql)
    names = [v.value for v in result.variables]
    out = []
    for row in result:
        out.append({n: _cell(row[n]) for n in names if row[n] is not None})
    return out
