"""The rasd vocabulary, in one place: the ``rasd:`` namespace and the tables of entity classes
and relation predicates that every other table is derived from.

- :class:`RASD` (an :class:`rdflib.namespace.DefinedNamespace`) declares every ``rasd:`` term;
  ``graph/ontology.ttl`` describes each of them (``tests/test_vocab.py`` checks that the two,
  and ``docs/graph-contract.md``, agree).  Use item access for names that clash with ``str``
  methods (``RASD["count"]``), as rdflib's own docs advise.
- :data:`CLASSES` (``graph/classes.tsv``): the entity classes, with IRI, Arabic and English
  name, legend group, colour and shape; the graph's ``rdf:type`` (``graph/build.py``), the
  network exports (``graph/network.py``) and the pages' legend and styles
  (``export/html/styles.py``) are derived from it.
- :data:`PREDICATES` (``graph/predicates.tsv``): the relations between entities, with IRI,
  Arabic and English label, and where each is used (written from the extractor's relations,
  drawn on the pages).

The names (``"Person"``, ``"usesPlatform"``) are the values the extractor puts in its records
(:data:`extract.records.EntityClass`, :data:`extract.records.RelationPredicate`, which the
extractor checks its data files against); these tables are keyed by exactly those names.

>>> CLASS_BY_NAME["Platform"].iri
rdflib.term.URIRef('https://w3id.org/rasd/ns#Platform')
>>> PREDICATE_BY_NAME["usesPlatform"].ar
'يستخدم منصة'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from rasd.extract.resources import load_table

SCHEMA = Namespace("https://schema.org/")
BASE = "https://w3id.org/rasd/"
ID = Namespace(BASE + "id/")


class RASD(DefinedNamespace):
    """Classes and properties of the rasd knowledge graph (``https://w3id.org/rasd/ns#``)."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    # classes
    Platform: URIRef  # a social network, web site, app or medium (Twitter, YouTube, the Internet)
    Website: URIRef  # a named web site (موقع «دابق»، الموقع الرسمي لمكتب العبادي)
    Account: URIRef  # a named account, page, channel or handle on a platform (المعرف «…»)
    UnnamedSource: URIRef  # an anonymous speaker ("مصدر في الشرطة الفرنسية"), article-scoped
    Mention: URIRef  # one span of article text that names an entity
    Sentence: URIRef  # one sentence of an article, the evidence unit
    DateMention: URIRef  # a date expression in an article, with its typed value

    # evidence and provenance
    mention: URIRef  # article -> Mention
    refersTo: URIRef  # Mention -> entity
    inArticle: URIRef  # Mention/Sentence/statement -> article
    inSentence: URIRef  # Mention/Claim/statement -> Sentence
    evidence: URIRef  # statement node -> Sentence
    start: URIRef  # xsd:integer, character offset into the article text (inclusive)
    end: URIRef  # xsd:integer, character offset into the article text (exclusive)
    surface: URIRef  # the text of a span as written
    layer: URIRef  # which extractor component found a fact
    sentenceIndex: URIRef  # xsd:integer, 0-based sentence number in the article
    sourceFile: URIRef  # where the article was read from
    sourceEncoding: URIRef  # how the file was decoded (utf-8, utf-16, windows-1256, iso-8859-6)

    # claims
    quoteKind: URIRef  # "direct" or "reported"
    cue: URIRef  # the speech verb or preposition that introduced the claim
    dateSource: URIRef  # "stated" (in the claim's sentence) or "article" (publication date)
    speakerStatus: URIRef  # "unresolved": a speaker stands in the text but is not identified

    # dates
    originalText: URIRef  # the date expression as written
    hijriDate: URIRef  # the Hijri original of a converted date
    dateQualifier: URIRef  # "early", "mid", "late", "about"
    dateInferred: URIRef  # xsd:boolean, the value was computed (relative date)
    mentionsDate: URIRef  # article -> rasd:DateMention
    dateValue: URIRef  # DateMention -> xsd:date / xsd:gYearMonth / xsd:gYear literal

    # relations between entities
    usesPlatform: URIRef  # actor uses a platform (recruitment, propaganda, tweets)
    publishesOn: URIRef  # actor published a post, video or statement on a platform or site
    hasAccountOn: URIRef  # actor has an account, page, channel or handle on a platform
    operates: URIRef  # actor runs a named website or account
    onPlatform: URIRef  # account or channel -> the platform it is on
    actedAgainst: URIRef  # a platform/company acts against an actor (closes accounts)
    affiliatedWith: URIRef  # person -> organisation (role holder, member, researcher at)
    nationality: URIRef  # person/organisation -> country, from nisba adjectives
    controls: URIRef  # actor controls a place
    seized: URIRef  # actor seized a place (took it by force)
    lostControlOf: URIRef  # actor lost a place
    regainedControlOf: URIRef  # actor (re)took control of a place
    operatesIn: URIRef  # actor active in a place
    leaderOf: URIRef  # person leads an organisation
    partOf: URIRef  # unnamed source -> its organisation or country


@dataclass(frozen=True, slots=True)
class ClassTerm:
    """One entity class (a row of ``graph/classes.tsv``).

    ``name`` is the class's local name and the extractor's value for it (``Mention.cls``);
    ``ar``/``en`` name the class itself; ``group`` is the legend group it is drawn in (the
    places share ``Place``'s), and only a group's own row carries ``color`` (CSS) and
    ``shape`` (vis-network).  ``rank`` orders classes most specific first: a node with several
    types is shown as the one of lowest rank.
    """

    name: str
    iri: URIRef
    ar: str
    en: str
    group: str
    rank: int
    color: str
    shape: str


@dataclass(frozen=True, slots=True)
class PredicateTerm:
    """One relation between entities, or from an entity to Arabic text when ``literal``
    (a row of ``graph/predicates.tsv``).

    ``extracted``: the extractor makes it (``Relation.predicate``, ``relation_cues.tsv``) and
    ``graph/build.py`` writes it with one evidence statement per occurrence.  ``drawn``: the
    pages draw it as an edge.  ``ar``/``en``: its label on the pages.
    """

    name: str
    iri: URIRef
    ar: str
    en: str
    extracted: bool
    drawn: bool
    literal: bool


_PREFIXES = {"schema": SCHEMA, "rasd": RASD}


def _curie_problem(curie: str) -> str | None:
    """Why ``curie`` is not a ``schema:`` term or a declared ``rasd:`` term, or ``None``."""
    prefix, _, local = curie.partition(":")
    try:
        _PREFIXES[prefix][local]
    except (KeyError, AttributeError):  # an unknown prefix, or a rasd: term not declared
        return f"{curie} is not a schema: or declared rasd: term"
    return None


class _ClassRow(NamedTuple):
    name: str
    iri: str
    ar: str
    en: str
    group: str
    rank: int
    color: str
    shape: str

    def problem(self) -> str | None:
        return _curie_problem(self.iri)


class _PredicateRow(NamedTuple):
    name: str
    iri: str
    ar: str
    en: str
    extracted: str
    drawn: str
    literal: str

    def problem(self) -> str | None:
        flags = (self.extracted, self.drawn, self.literal)
        if not set(flags) <= {"yes", "no"}:
            return f"{flags}: each must be yes or no"
        return _curie_problem(self.iri)


_HERE = Path(__file__).resolve().parent


def _iri(curie: str) -> URIRef:
    """The IRI of a checked CURIE (the rows' ``problem`` checked it, with file and line)."""
    prefix, _, local = curie.partition(":")
    return _PREFIXES[prefix][local]


#: The entity classes of the contract, in legend order (each legend group after its head).
CLASSES: tuple[ClassTerm, ...] = tuple(
    ClassTerm(r.name, _iri(r.iri), r.ar, r.en, r.group, r.rank, r.color, r.shape)
    for r in load_table(_HERE / "classes.tsv", _ClassRow)
)
CLASS_BY_NAME: dict[str, ClassTerm] = {c.name: c for c in CLASSES}

#: The relations, in the order of ``graph/predicates.tsv``.
PREDICATES: tuple[PredicateTerm, ...] = tuple(
    PredicateTerm(r.name, _iri(r.iri), r.ar, r.en, *(f == "yes" for f in r[4:]))
    for r in load_table(_HERE / "predicates.tsv", _PredicateRow)
)
PREDICATE_BY_NAME: dict[str, PredicateTerm] = {p.name: p for p in PREDICATES}
