"""The entity network: one definition for the exports (GEXF, GraphML, CSV) and the pages.

:func:`entity_network` builds it from plain records, so that each caller feeds it from its
own source: ``export/registry.py`` from SPARQL over the store, the pages
(``export/html``) from the site index they read anyway.  What it holds:

- **nodes**: the entities (every IRI typed with a class of ``graph/classes.tsv``), with
  ``label`` and ``cls``.  When a caller reads them from RDF, :func:`entity_class` and
  :func:`entity_label` pick the class and the name shown, as the pages do.
- **edges**: one per (subject, kind, object), keyed by the kind, with ``predicate`` (the
  kind) and ``count``.  The kinds are the relations drawn between entities
  (``graph/predicates.tsv``, column ``drawn``: the extractor's relations and an event's
  ``schema:location``), whose ``count`` is how many evidence statements state the
  relation (1 when it has none), and :data:`CLAIM_ABOUT`, from each speaker of a claim to
  each entity the claim is about, whose ``count`` is the number of such claims.

Where the two earlier builders disagreed, the network follows what an analyst counts:

- a relation weighs as often as the articles state it, not once per predicate: an alliance
  reported in twenty sentences outweighs one reported once;
- ``schema:location`` (an event and where it happened) is a relation like the others;
- an edge from an entity to itself (a relation or claim whose two ends resolved to one
  entity) says nothing about the network and is left out;
- a node with several types shows its most specific class (lowest ``rank``), and its label
  is chosen by a fixed rule, so the same entity looks the same in Gephi and on the pages;
- the claim edge is called ``claimAbout`` (the pages' name, which says which way it points).

The network is directed and keeps one edge per kind; each caller folds it into the view it
needs: the GEXF and GraphML exports one directed edge per pair with the summed ``weight``
and the list of kinds (``export/registry.py``), the pages one undirected weighted edge per
pair (``export/html/analytics.py:undirected_weighted``), whose analytics stay plain
functions over networkx graphs.

>>> net = entity_network(
...     [("x:isis", "داعش", "Organization"), ("x:twitter", "تويتر", "Platform"),
...      ("x:winter", "تشارلي وينتر", "Person")],
...     [("x:isis", "https://w3id.org/rasd/ns#usesPlatform", "x:twitter", 3)],
...     [(("x:winter",), ("x:isis",)), (("x:winter",), ("x:isis", "x:winter"))],
... )
>>> sorted(net.edges(keys=True, data="count"))
[('x:isis', 'x:twitter', 'usesPlatform', 3), ('x:winter', 'x:isis', 'claimAbout', 2)]
>>> net.nodes["x:isis"]
{'label': 'داعش', 'cls': 'Organization'}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import networkx as nx

from rasd.graph.vocab import CLASSES, PREDICATES

#: The edge kind of a claim, from its speaker to what it is about (the pages' "صرّح عن").
CLAIM_ABOUT = "claimAbout"

#: Relation IRI → edge kind (its local name): the relations drawn between two entities.
RELATIONS: dict[str, str] = {str(p.iri): p.name for p in PREDICATES if p.drawn and not p.literal}

#: Class IRI → (rank, class name); the lowest rank is the most specific class.
_CLASS_OF: dict[str, tuple[int, str]] = {str(c.iri): (c.rank, c.name) for c in CLASSES}


def entity_class(types: Iterable[str]) -> str | None:
    """The class shown for a node typed ``types`` (IRIs): the most specific one known
    (lowest ``rank`` in ``graph/classes.tsv``), or ``None`` if none is an entity class.

    >>> entity_class(["https://schema.org/Place", "https://schema.org/City"])
    'City'
    >>> entity_class(["https://schema.org/NewsArticle"]) is None
    True
    """
    known = [_CLASS_OF[t] for t in types if t in _CLASS_OF]
    return min(known)[1] if known else None


def local_name(iri: str) -> str:
    """The last segment of an IRI (after ``/`` or ``#``).

    >>> local_name("https://w3id.org/rasd/id/abc")
    'abc'
    """
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def entity_names(iri: str, labels: Iterable[tuple[str, str | None]]) -> list[str]:
    """An entity's names from its ``rdfs:label`` literals ``(text, language)``, the one shown
    first: its Arabic labels in sorted order, else those in another language (``None``,
    ``en`` …), else its ``ar-Latn`` transliterations, else the IRI's local name.  A fixed
    rule, so an entity with several Arabic labels always shows the same one.

    >>> entity_names("x:a", [("ISIS", "en"), ("داعش", "ar"), ("الدولة الإسلامية", "ar")])
    ['الدولة الإسلامية', 'داعش']
    """
    ar: list[str] = []
    latin: list[str] = []
    other: list[str] = []
    for text, lang in labels:
        lang = (lang or "").lower()
        (ar if lang == "ar" else latin if lang == "ar-latn" else other).append(text)
    return sorted(ar) or sorted(other) or sorted(latin) or [local_name(iri)]


def entity_label(iri: str, labels: Iterable[tuple[str, str | None]]) -> str:
    """The name shown for an entity: the first of :func:`entity_names`.

    >>> entity_label("x:a", [("ISIS", "en"), ("داعش", "ar"), ("الدولة الإسلامية", "ar")])
    'الدولة الإسلامية'
    >>> entity_label("https://w3id.org/rasd/id/k1", [("daesh", "ar-Latn")])
    'daesh'
    """
    return entity_names(iri, labels)[0]


def entity_network(
    nodes: Iterable[tuple[str, str, str]],
    relations: Iterable[tuple[str, str, str, int]],
    claims: Iterable[tuple[Iterable[str], Iterable[str]]],
) -> nx.MultiDiGraph:
    """The entity network (see the module docstring for what it holds and why).

    ``nodes``: ``(iri, label, class name)`` of every entity.  ``relations``:
    ``(subject, predicate IRI, object, count)``, where ``count`` is the number of evidence
    statements (at least 1); records of the same triple add up, and predicates that are not
    relations between entities (:data:`RELATIONS`) are not part of the network.  ``claims``:
    ``(speakers, about)`` of every claim.  Edges need both ends among ``nodes`` and two
    different ends.

    A :class:`networkx.MultiDiGraph`: nodes in sorted IRI order with ``label`` and ``cls``;
    one edge per (subject, kind, object), key and ``predicate`` the kind (a relation's local
    name or :data:`CLAIM_ABOUT`), ``count`` as above; edges in sorted order, so that every
    view and algorithm over it is reproducible.
    """
    net = nx.MultiDiGraph()
    for iri, label, cls in sorted(nodes):
        net.add_node(iri, label=label, cls=cls)
    counts: Counter[tuple[str, str, str]] = Counter()
    for s, p, o, n in relations:
        kind = RELATIONS.get(p)
        if kind is not None and s != o and s in net and o in net:
            counts[(s, kind, o)] += n
    for speakers, about in claims:
        targets = [b for b in set(about) if b in net]
        for a in set(speakers):
            if a in net:
                counts.update((a, CLAIM_ABOUT, b) for b in targets if b != a)
    for (s, kind, o), n in sorted(counts.items()):
        net.add_edge(s, o, key=kind, predicate=kind, count=n)
    return net
