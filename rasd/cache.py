"""The per-article result cache of ``rasd build``, keyed by content and extractor fingerprint.

An article's result (its named graph as N-Quads, its contribution to resolution, its counts) is
a pure function of the article and of the extractor: the package version, the pipeline, and
every source, data and model file of ``extract/`` and ``graph/``.  :func:`fingerprint` hashes
all of these, so editing a TSV or a model invalidates every entry, while a rebuild with ten new
articles extracts only those ten.

Entries live in one SQLite file; each carries a BLAKE2 digest of its payload, so a damaged
entry is detected, reported and rebuilt instead of being trusted.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasd import extract, graph
from rasd.extract.records import Article

log = logging.getLogger("rasd")

#: Files whose content is part of the extractor fingerprint.
_FINGERPRINT_SUFFIXES = frozenset(
    {".py", ".tsv", ".ttl", ".npz", ".crfsuite", ".bin", ".json", ".gz", ".txt", ".rq"}
)


def tree_digest(roots: Sequence[Path]) -> str:
    """SHA-256 over the path and content of every source, data and model file under
    ``roots`` (``__pycache__`` left out)."""
    h = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in _FINGERPRINT_SUFFIXES and "__pycache__" not in path.parts:
                h.update(f"{root.name}/{path.relative_to(root).as_posix()}\n".encode())
                h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


@functools.cache
def _package_digest() -> str:
    from rasd import __version__

    roots = [Path(pkg.__file__).parent for pkg in (extract, graph)]
    return f"{__version__}:{tree_digest(roots)}"


def fingerprint(pipeline: Sequence[str]) -> str:
    """The extractor fingerprint: package version, pipeline and every code/data/model file.

    >>> a, b = fingerprint(["sentences"]), fingerprint(["sentences", "dates"])
    >>> a == fingerprint(["sentences"]) and a != b
    True
    """
    h = hashlib.sha256(_package_digest().encode())
    h.update(("\n".join(pipeline)).encode())
    return h.hexdigest()[:32]


def article_key(article: Article, fp: str) -> str:
    """The cache key of one article under fingerprint ``fp``: every field of the article
    (text, metadata, source) and the fingerprint."""
    h = hashlib.sha256(fp.encode())
    h.update(repr(article).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


class CacheCorrupt(Exception):
    """A cache entry failed its digest or could not be unpickled."""


class ResultCache:
    """Per-article results in one SQLite file (``OUT/cache/results.sqlite``).

    Only the building process writes; readers in other processes are not supported.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS results "
            "(key TEXT PRIMARY KEY, digest TEXT NOT NULL, meta BLOB NOT NULL, nquads BLOB NOT NULL)"
        )
        self._pending = 0
        self.corrupt = 0

    def get(self, key: str) -> tuple[Any, bytes] | None:
        """The ``(meta, compressed N-Quads)`` of ``key``, or ``None`` when absent or damaged
        (a damaged entry is reported once, deleted and counted in :attr:`corrupt`)."""
        row = self._checked(key)
        if row is None:
            return None
        try:
            return pickle.loads(row[0]), row[1]
        except Exception as exc:  # a damaged pickle can raise almost anything
            return self._damaged(key, exc)

    def get_nquads(self, key: str) -> bytes | None:
        """Only the compressed N-Quads of ``key`` (checked against the digest, not unpickled)."""
        row = self._checked(key)
        return None if row is None else row[1]

    def _checked(self, key: str) -> tuple[bytes, bytes] | None:
        """``(meta, nquads)`` of ``key`` if present and matching its digest."""
        row = self.db.execute(
            "SELECT digest, meta, nquads FROM results WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        digest, meta, nquads = row
        if _digest(meta, nquads) != digest:
            return self._damaged(key, CacheCorrupt("digest mismatch"))
        return meta, nquads

    def _damaged(self, key: str, exc: Exception) -> None:
        log.warning("cache entry %s in %s is damaged (%s); rebuilding it", key, self.path, exc)
        self.corrupt += 1
        self.db.execute("DELETE FROM results WHERE key = ?", (key,))
        return None

    def put(self, key: str, meta: Any, nquads: bytes) -> None:
        """Store one result; committed in batches (and by :meth:`commit`)."""
        blob = pickle.dumps(meta, protocol=pickle.HIGHEST_PROTOCOL)
        if self._pending == 0:
            self.db.execute("BEGIN")
        self.db.execute(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
            (key, _digest(blob, nquads), blob, nquads),
        )
        self._pending += 1
        if self._pending >= 500:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self.db.execute("COMMIT")
            self._pending = 0

    def close(self) -> None:
        """Commit what is pending and close the connection (closed even if the commit fails)."""
        try:
            self.commit()
        finally:
            self.db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _digest(meta: bytes, nquads: bytes) -> str:
    h = hashlib.blake2b(meta, digest_size=16)
    h.update(nquads)
    return h.hexdigest()
