"""The rasd vocabulary: one :class:`rdflib.namespace.DefinedNamespace`.

Every term used in the graph is declared here and described in ``graph/ontology.ttl``
(a test checks that the two agree).  Use item access for names that clash with
``str`` methods (``RASD["count"]``), as rdflib's own docs advise.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SCHEMA = Namespace("https://schema.org/")
BASE = "https://w3id.org/rasd/"
ID = Namespace(BASE + "id/")


class RASD(DefinedNamespace):
    """Classes and properties of the rasd knowledge graph (``https://w3id.org/rasd/ns#``)."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    # classes
    Platform: URIRef  # a social network, web site, app or medium (Twitter, YouTube, the Internet)
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
    coMention: URIRef  # weighted sentence co-mention (statement node carries rasd:weight)
    weight: URIRef  # xsd:integer on co-mention statements
    extractorVersion: URIRef  # on the graph: which rasd version built it
