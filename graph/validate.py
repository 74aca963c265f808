"""Check a graph against the contract (``docs/graph-contract.md``) written as SHACL shapes.

The shapes live in ``graph/shapes.ttl``; :func:`validate` returns one line per violation
(focus node, path, message), sorted, so that ``rasd validate`` can print them and exit non-zero
when there are any.

The core constraints run in pySHACL.  pySHACL runs a SPARQL-based constraint as one query per
focus node and parses the query text again each time (about 30 ms a node: 27 s for the few
hundred spans of the five seed articles), so the ``sh:sparql`` constraints are taken out of the
shapes and run here instead, each query prepared once and evaluated once over the whole graph,
its rows kept for the shape's focus nodes.  The result is the one SHACL defines; the shapes
file stays standard SHACL that any engine can run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import BNode, Node, Variable

SHAPES = Path(__file__).with_name("shapes.ttl")
SH = Namespace("http://www.w3.org/ns/shacl#")
_MAX_VALUE = 60
_MESSAGE_VAR = re.compile(r"\{[?$](\w+)\}")


@dataclass(frozen=True)
class _SparqlCheck:
    shape: Node
    query: Query
    message: str


@functools.cache
def shapes_graph() -> Graph:
    """The SHACL shapes graph as written (parsed once)."""
    return Graph().parse(SHAPES, format="turtle")


def _prefixes(shapes: Graph, constraint: Node) -> str:
    """``PREFIX`` lines for the ``sh:declare`` of the constraint's ``sh:prefixes``."""
    lines = []
    for owner in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(owner, SH.declare):
            prefix = shapes.value(decl, SH.prefix)
            namespace = shapes.value(decl, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines)


@functools.cache
def _split_shapes() -> tuple[Graph, tuple[_SparqlCheck, ...]]:
    """The shapes without their ``sh:sparql`` constraints (for pySHACL), and those
    constraints as prepared queries."""
    shapes = shapes_graph()
    core = Graph()
    for t in shapes:
        if t[1] != SH.sparql:
            core.add(t)
    checks = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        text = _prefixes(shapes, constraint) + "\n" + str(shapes.value(constraint, SH.select))
        message = str(shapes.value(constraint, SH.message) or "SPARQL constraint violated")
        checks.append(_SparqlCheck(shape, prepareQuery(text), message))
    return core, tuple(checks)


def _focus_nodes(shape: Node, shapes: Graph, data: Graph) -> set[Node]:
    """The focus nodes of a node shape's targets (class, subjects-of, objects-of, node)."""
    nodes: set[Node] = set(shapes.objects(shape, SH.targetNode))
    for cls in shapes.objects(shape, SH.targetClass):
        nodes.update(data.subjects(RDF.type, cls))
    for p in shapes.objects(shape, SH.targetSubjectsOf):
        nodes.update(data.subjects(p, None))
    for p in shapes.objects(shape, SH.targetObjectsOf):
        nodes.update(data.objects(None, p))
    return nodes


def _show(node: Node | None, g: Graph) -> str:
    """A short, one-line rendering of a node (prefixed name, or a clipped literal)."""
    if node is None:
        return "-"
    if isinstance(node, Literal):
        text = " ".join(str(node).split())
        if len(text) > _MAX_VALUE:
            text = text[: _MAX_VALUE - 1] + "…"
        return f'"{text}"'
    if isinstance(node, BNode):
        return "[]"
    return node.n3(g.namespace_manager)


def _line(g: Graph, focus: Node, path: Node | None, message: str, value: Node | None) -> str:
    line = f"{_show(focus, g)} {_show(path, g)}: {message}"
    if value is not None and value != focus and str(value) not in message:
        line += f" (value {_show(value, g)})"
    return line


def _sparql_violations(graph: Graph, checks: tuple[_SparqlCheck, ...]) -> set[str]:
    lines: set[str] = set()
    this = Variable("this")
    for check in checks:
        focus = _focus_nodes(check.shape, shapes_graph(), graph)
        if not focus:
            continue
        for row in graph.query(check.query):
            bound = row.asdict()  # type: ignore[union-attr]
            node = bound.get(str(this))
            if node is None or node not in focus:
                continue

            def fill(m: re.Match[str], bound: dict[str, Node] = bound) -> str:
                v = bound.get(m.group(1))
                return _show(v, graph).strip('"') if v is not None else m.group(0)

            message = _MESSAGE_VAR.sub(fill, check.message)
            lines.add(_line(graph, node, bound.get("path"), message, bound.get("value")))
    return lines


def validate(graph: Graph) -> list[str]:
    """Violations of the graph contract in ``graph``: one line each, ``focus path: message``.

    An empty list means the graph conforms.  The graph is not modified.

    >>> from rdflib import RDF, URIRef
    >>> g = Graph()
    >>> person = URIRef("https://w3id.org/rasd/id/x")
    >>> _ = g.add((person, RDF.type, URIRef("https://schema.org/Person")))
    >>> validate(g)
    ['<https://w3id.org/rasd/id/x> rdfs:label: an entity has exactly one rdfs:label tagged @ar']
    """
    import pyshacl

    core, checks = _split_shapes()
    _conforms, report, _text = pyshacl.validate(
        graph, shacl_graph=core, inference="none", inplace=True, allow_warnings=True
    )
    lines: set[str] = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        component = report.value(result, SH.sourceConstraintComponent)
        message = "; ".join(messages) or "violates " + _show(component, graph)
        path = report.value(result, SH.resultPath)
        lines.add(_line(graph, focus, path, message, report.value(result, SH.value)))
    lines |= _sparql_violations(graph, checks)
    return sorted(lines)


def _graph_of(store: object, name: object) -> Graph:
    """The triples of one named graph of a pyoxigraph store, plus the entities-graph triples
    of the entities it points at (their class and labels), as a small rdflib graph."""
    import pyoxigraph as ox

    g = Graph()
    quads = list(store.quads_for_pattern(None, None, None, name))
    g.parse(
        data=ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES), format="nt"
    )
    entities = {q.object for q in quads if isinstance(q.object, ox.NamedNode)}
    entities |= {q.subject for q in quads if isinstance(q.subject, ox.NamedNode)}
    extra = []
    for e in entities:
        if e.value.startswith("https://w3id.org/rasd/id/"):
            extra += [q.triple for q in store.quads_for_pattern(e, None, None, None)]
    if extra:
        data = ox.serialize(extra, format=ox.RdfFormat.N_TRIPLES)
        g.parse(data=data, format="nt")
    return g


def validate_store(store: object) -> list[str]:
    """Violations in a pyoxigraph store: each article's named graph is checked with the
    entities it names; triples outside named graphs (a loaded ``.ttl`` file) are checked as
    one graph."""
    import pyoxigraph as ox

    lines: list[str] = []
    names = sorted(store.named_graphs(), key=lambda n: str(n))
    articles = [n for n in names if not str(n).endswith("/graph/entities>")]
    for name in articles:
        lines += validate(_graph_of(store, name))
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default or not articles:
        g = Graph()
        data = ox.serialize((q.triple for q in default), format=ox.RdfFormat.N_TRIPLES)
        g.parse(data=data, format="nt")
        lines += validate(g)
    return sorted(set(lines))


__all__ = ["SHAPES", "shapes_graph", "validate", "validate_store"]
