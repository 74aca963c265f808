"""Answers of SPARQL SELECT queries kept by ``rasd serve``, and the queries it warms them with.

A served store is read-only and does not change while the server runs (a build into the
folder makes every query a 503, :class:`rasd.serve.StoreWatch`), so the solutions of a query
stay true for the life of the server.  On an archive, queries that return everything (the
shipped ``who_said_what.rq`` lists 78,699 claims of the 31k-article build) take tens of
seconds in Oxigraph's evaluator, which reads every term from disk; asked again, they come
from here.  At start the server evaluates the shipped queries (and the user's ``--warm``
files) in the background, as QLever's warm-up pins frequent queries, so an analyst opening
them does not wait.

The solutions are kept once, as SPARQL JSON results (lossless: datatypes and languages
survive); an answer in another format is parsed from them and serialised by Oxigraph (a few
hundred milliseconds for 80,000 rows), and kept too.  The whole is bounded in bytes, least
recently used first out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import pyoxigraph as ox

#: The format solutions are kept in.
CANONICAL = ox.QueryResultsFormat.JSON

Key = tuple[str, tuple[str, ...], tuple[str, ...]]


def reformat(canonical: bytes, fmt: Any) -> bytes:
    """Solutions kept as :data:`CANONICAL` bytes, serialised as ``fmt``."""
    if fmt == CANONICAL:
        return canonical
    return ox.parse_query_results(canonical, format=CANONICAL).serialize(format=fmt)


def query_key(
    sparql: str, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None
) -> Key:
    """What identifies an answer: the query text as sent (no normalisation: two spellings
    of one query are two entries) and the dataset it was asked of."""
    return sparql, tuple(default_graphs or ()), tuple(named_graphs or ())


class AnswerCache:
    """Serialised solutions by (query, dataset, format), at most ``max_bytes`` in all.

    >>> cache = AnswerCache(max_bytes=1 << 20)
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("ب")))
    >>> key = query_key("SELECT ?o WHERE { ?s ?p ?o }")
    >>> cache.put(key, store.query(key[0]).serialize(format=CANONICAL))
    True
    >>> cache.get(key, ox.QueryResultsFormat.CSV).decode("utf-8").split()
    ['o', 'ب']
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[Key, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def size(self) -> int:
        """Bytes held."""
        return self._size

    def put(self, key: Key, canonical: bytes) -> bool:
        """Keep the solutions of ``key`` (``CANONICAL`` bytes); False when they are larger
        than the whole cache."""
        return self._put((key, _name(CANONICAL)), canonical)

    def get(self, key: Key, fmt: Any) -> bytes | None:
        """The solutions of ``key`` serialised as ``fmt`` (a
        :class:`pyoxigraph.QueryResultsFormat`), or None when they are not kept."""
        with self._lock:
            body = self._touch((key, _name(fmt)))
            canonical = self._touch((key, _name(CANONICAL))) if body is None else None
        if body is not None:
            return body
        if canonical is None:
            return None
        body = reformat(canonical, fmt)
        self._put((key, _name(fmt)), body)
        return body

    def _touch(self, item: tuple[Key, str]) -> bytes | None:
        body = self._items.get(item)
        if body is not None:
            self._items.move_to_end(item)
        return body

    def _put(self, item: tuple[Key, str], body: bytes) -> bool:
        if len(body) > self.max_bytes:
            return False
        with self._lock:
            old = self._items.pop(item, None)
            if old is not None:
                self._size -= len(old)
            self._items[item] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _gone, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)
        return True


def _name(fmt: Any) -> str:
    return str(fmt.media_type)
