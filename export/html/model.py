"""Plain records of what the pages show (sentences, mentions, claims, relation evidence,
dates), filled from the store by :mod:`export.html.store`, and the names of page files."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

#: What the page writer puts in a build folder ``OUT/``: written to ``OUT/.site.new/`` and
#: swapped in together (``rasd.build.write_pages``); ``rasd serve`` serves these.
SITE_ENTRIES = ("index.html", "claims.html", "platforms.html", "article", "entity", "static")


def file_stem(iri: str) -> str:
    """A short, lower-case, file-system-safe name derived from an IRI (first 16 hex of SHA-1).

    >>> file_stem("https://w3id.org/rasd/id/dAEc") == file_stem("https://w3id.org/rasd/id/dAEc")
    True
    """
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]


def iso_date(value: object) -> str | None:
    """An ISO date string (``2017``, ``2017-10`` or ``2017-10-06``) from a literal, or None."""
    if value is None:
        return None
    text = str(value).strip()
    m = re.match(r"^(-?\d{4})(-\d{2})?(-\d{2})?", text)
    if not m:
        return None
    return "".join(g for g in m.groups() if g)


@dataclass(slots=True)
class Sentence:
    """An evidence sentence with its article offsets."""

    iri: str
    text: str
    article: str
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """A span of article text naming an entity."""

    entity: str
    article: str
    sentence: str | None
    start: int
    end: int
    surface: str


@dataclass(slots=True)
class Claim:
    """Who said what about whom, where and when."""

    iri: str
    text: str
    authors: tuple[str, ...]
    about: tuple[str, ...]
    article: str | None
    sentence: str | None
    start: int
    end: int
    kind: str
    cue: str
    date: str | None


@dataclass(slots=True)
class Evidence:
    """One piece of evidence (an rdf:Statement node) for a relation triple."""

    subject: str
    predicate: str
    object: str
    article: str | None
    sentence: str | None
    start: int
    end: int


@dataclass(slots=True)
class DateMention:
    """A date expression found in an article."""

    article: str
    value: str | None
    original: str
    start: int
    end: int
    qualifier: str | None = None
    hijri: str | None = None
    inferred: bool = False
