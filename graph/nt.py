"""RDF terms written straight as N-Triples tokens: the fast path from records to the store.

An archive build writes ~800 triples an article (~25 M for 31,000 articles); building rdflib
term objects for each costs more than extracting the article.  :mod:`graph.build` therefore
yields triples of N-Triples tokens made here, which are at once valid N-Quads (for the
Oxigraph store), Turtle and TriG lines, and which rdflib parses back where a small
:class:`rdflib.Graph` is wanted (tests, ``rdflib.compare``).

>>> lit('قال "نعم"\\n', "ar")
'"قال \\\\"نعم\\\\"\\\\n"@ar'
>>> iri("http://x.org/a b")
'<http://x.org/a%20b>'
>>> integer(7)
'"7"^^<http://www.w3.org/2001/XMLSchema#integer>'
"""

from __future__ import annotations

import re
from urllib.parse import quote

XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_TO_ESCAPE = re.compile(r'[\\"\n\r]')
# IRIREF excludes these characters and everything up to the space (N-Triples grammar)
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-zA-Z]+(-[a-zA-Z0-9]+)*$")


def iri(value: str) -> str:
    """An IRI token; characters an IRI may not hold are percent-encoded."""
    if _IRI_BAD.search(value):
        value = _IRI_BAD.sub(lambda m: quote(m.group(0), safe=""), value)
    return f"<{value}>"


def _escape(text: str) -> str:
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)  # a lone surrogate cannot be written as UTF-8
    return text.translate(_ESCAPES) if _TO_ESCAPE.search(text) else text  # most: nothing to escape


def lit(text: str, lang: str | None = None) -> str:
    """A string literal, with a language tag when given (``ar``, ``ar-Latn``, ``en``)."""
    if lang is None:
        return f'"{_escape(text)}"'
    if not _LANG.match(lang):
        raise ValueError(f"not a language tag: {lang!r}")
    return f'"{_escape(text)}"@{lang}'


def typed(value: str, datatype: str) -> str:
    """A literal of the given datatype IRI (``XSD + "date"``)."""
    return f'"{_escape(value)}"^^<{datatype}>'


def integer(n: int) -> str:
    """An ``xsd:integer`` literal."""
    return f'"{int(n)}"^^<{XSD}integer>'


def boolean(b: bool) -> str:
    """An ``xsd:boolean`` literal."""
    return f'"{"true" if b else "false"}"^^<{XSD}boolean>'


def quad_lines(triples: list[tuple[str, str, str]], graph: str) -> str:
    """N-Quads text of ``triples`` in the named graph ``graph`` (an IRI token)."""
    return "".join(f"{s} {p} {o} {graph} .\n" for s, p, o in triples)


def triple_lines(triples: list[tuple[str, str, str]]) -> str:
    """N-Triples (also Turtle) text of ``triples``."""
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
