"""Records that cross stage boundaries: read → extract → resolve → graph.

They are plain frozen dataclasses, so an :class:`Extraction` is a value: the same
:class:`Article` and extractor version always give an equal Extraction, which can be
cached, computed in another process and merged in any order.

Every offset (``start``/``end``) is a character offset into ``Article.text``, the
original text as read (``Article.text[start:end]`` is the surface form).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

Precision = Literal["day", "month", "year"]
#: The entity classes the extractor assigns (``cls`` of mentions and entities): the names of the
#: vocabulary's classes (``graph/classes.tsv``, which maps each to its IRI, labels and style).
EntityClass = Literal[
    "Person",
    "Organization",
    "Place",
    "Country",
    "City",
    "AdministrativeArea",
    "Platform",
    "Website",
    "Account",
    "UnnamedSource",
    "CreativeWork",
    "Event",
]
#: The relation predicates the extractor makes (``Relation.predicate``, the ``predicate`` column
#: of ``relation_cues.tsv``): the names of the vocabulary's extracted predicates
#: (``graph/predicates.tsv``).
RelationPredicate = Literal[
    "usesPlatform",
    "publishesOn",
    "hasAccountOn",
    "operates",
    "onPlatform",
    "seized",
    "actedAgainst",
    "affiliatedWith",
    "nationality",
    "leaderOf",
    "controls",
    "lostControlOf",
    "regainedControlOf",
    "operatesIn",
    "partOf",
    "jobTitle",
]
ENTITY_CLASSES: frozenset[str] = frozenset(get_args(EntityClass))
RELATION_PREDICATES: frozenset[str] = frozenset(get_args(RelationPredicate))
PLACE_CLASSES: frozenset[str] = frozenset({"Place", "Country", "City", "AdministrativeArea"})


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised date found in text (or given as metadata).

    ``value`` is ISO 8601 at the stated precision: ``2017-10-06`` (day),
    ``2017-10`` (month) or ``2017`` (year).  ``calendar`` says what the source
    used; a Hijri date keeps its original in ``hijri`` (``1446`` or ``1446-09-01``)
    while ``value`` is always Gregorian.  ``inferred`` marks values that were
    computed (relative expressions resolved against the publication date) rather
    than stated.  ``start``/``end`` are -1 when the date did not come from the text.

    >>> DateValue("2014-09-15", "day", "15 أيلول 2014", 10, 23).value
    '2014-09-15'
    """

    value: str
    precision: Precision
    original: str
    start: int = -1
    end: int = -1
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    hijri: str | None = None
    qualifier: str | None = None  # "early", "mid", "late", "about", or None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file.

    ``id`` is a content hash (stable across runs and machines).  ``segments`` are
    the spans of ``text`` that are article text (headline and body); everything
    outside them (site tickers, "report this image" notices, bylines) is never
    analysed.
    """

    id: str
    source: str
    text: str
    segments: tuple[tuple[int, int], ...]
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: DateValue | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    encoding: str | None = None  # how the file was decoded ("utf-8", "windows-1256", …)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``Article.text[start:end]``."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an entity.

    ``key`` is the entity key: the normalised canonical Arabic name (see
    :func:`extract.text.match_key`).  ``layer`` names the component that found it.
    """

    start: int
    end: int
    surface: str
    cls: EntityClass
    key: str
    layer: str
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What one article (or the lexicon) knows of an entity, keyed by ``key``."""

    key: str
    cls: EntityClass
    label: str
    aliases: tuple[str, ...] = ()
    latin: tuple[str, ...] = ()
    wikidata: str | None = None
    source: str = "lexicon"  # lexicon | pattern | ner | resolution
    scope: str | None = None  # article id for article-local entities (unnamed sources)


@dataclass(frozen=True, slots=True)
class Claim:
    """Who said what: a quoted or reported statement with its speaker(s)."""

    start: int
    end: int
    text: str
    speakers: tuple[str, ...]
    kind: Literal["direct", "reported"]
    cue: str
    sentence: int
    about: tuple[str, ...] = ()
    date: DateValue | None = None
    date_from_article: bool = False
    #: "resolved", or "unresolved" when a speaker stands in the text but could not be named
    #: (then ``speakers`` is empty: no guess is made)
    speaker_status: str = "resolved"


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed fact ``subject predicate object`` with its evidence span.

    ``obj`` is an entity key, or a literal when ``literal`` is true.
    """

    subject: str
    predicate: RelationPredicate
    obj: str
    start: int
    end: int
    sentence: int
    layer: str
    literal: bool = False


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event named in the text (conference, attack) with place and date."""

    key: str
    label: str
    start: int
    end: int
    sentence: int
    place: str | None = None
    date: DateValue | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article.  Pure value; merge in any order."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[EntityInfo, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    dates: tuple[DateValue, ...] = ()
    events: tuple[EventRecord, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def field_values(record: Any) -> tuple[Any, ...]:
    """A flat dataclass record's field values in declaration order, read in one C call: how
    records are packed for the build state and digested for the pages (what
    :func:`dataclasses.astuple` gives for flat records, without its deep copy).

    >>> field_values(DateValue("2014-09-15", "day", "15 أيلول 2014", 10, 23))
    ('2014-09-15', 'day', '15 أيلول 2014', 10, 23, 'gregorian', None, None, False)
    """
    return _values_getter(type(record))(record)


@functools.cache
def _values_getter(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    many = operator.attrgetter(*(f.name for f in fields(cls)))
    return many if len(fields(cls)) > 1 else (lambda o: (many(o),))
