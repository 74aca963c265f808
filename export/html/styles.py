"""Display vocabulary: entity classes and relations, their Arabic names, colours and shapes,
derived from the one vocabulary table (``graph/vocab.py``); and the colours of the pages' own."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from rasd.graph import network
from rasd.graph.vocab import CLASSES, PREDICATES


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """How one legend group is drawn: Arabic and English name, colour, vis-network shape."""

    key: str
    ar: str
    en: str
    color: str
    shape: str


#: Legend groups, in legend order (``graph/classes.tsv``: the rows that head their own group).
#: Place, Country, City and AdministrativeArea share one.
GROUPS: tuple[ClassStyle, ...] = tuple(
    ClassStyle(c.name, c.ar, c.en, c.color, c.shape) for c in CLASSES if c.group == c.name
)
GROUP_BY_KEY: dict[str, ClassStyle] = {g.key: g for g in GROUPS}

#: Entity classes of the contract, most specific first (a node with several types shows the first).
ENTITY_CLASSES: tuple[tuple[URIRef, str, str, str], ...] = tuple(
    # (class IRI, class key, legend group, Arabic name of the class itself)
    (c.iri, c.name, c.group, c.ar)
    for c in sorted(CLASSES, key=lambda c: c.rank)
)
CLASS_GROUP: dict[str, str] = {c[1]: c[2] for c in ENTITY_CLASSES}
CLASS_AR: dict[str, str] = {c[1]: c[3] for c in ENTITY_CLASSES}


@dataclass(frozen=True, slots=True)
class RelationStyle:
    """How one relation is labelled: its key (local name), Arabic label, English name."""

    key: str
    ar: str
    en: str


#: The relations the pages draw: the entity network's (:data:`graph.network.RELATIONS`,
#: ``graph/predicates.tsv`` column ``drawn``), with their labels.
RELATIONS: dict[URIRef, RelationStyle] = {
    p.iri: RelationStyle(p.name, p.ar, p.en) for p in PREDICATES if str(p.iri) in network.RELATIONS
}
#: Pseudo-relations drawn from claims.
CLAIM_ABOUT = RelationStyle(network.CLAIM_ABOUT, "صرّح عن", "made a claim about")
CLAIM_AUTHOR = RelationStyle("author", "قائل", "claim author")
CLAIM_SUBJECT = RelationStyle("about", "عن", "claim about")

COMMUNITY_COLORS: tuple[str, ...] = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#46f0f0",
    "#f032e6",
    "#bcf60c",
    "#008080",
    "#9a6324",
    "#800000",
    "#808000",
    "#000075",
    "#fabebe",
    "#aaffc3",
    "#ffd8b1",
)
CLAIM_NODE_COLOR = "#bbbbbb"
