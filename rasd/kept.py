"""Answers of the shipped queries kept with a build's store, for ``rasd query OUT/``.

The three shipped queries that list everything (``timeline.rq``, ``evidence.rq``,
``who_said_what.rq``) return 50,000–145,000 rows on the 31k-article archive, and Oxigraph
reads every row's terms from disk: 5–15 s of CPU cold however the SPARQL is written
(``bench/archive_results.md``, "the per-row floor"; ``bench/query20_results.md``).  A build's
store does not change between builds, so the answer of a shipped query is the same until the
next build: ``rasd query OUT/`` keeps it, the first time it is asked, as the exact bytes it
printed (``OUT/answers/``), and prints those bytes when the same query is asked again in the
same format of the same store.

What identifies the store is :func:`store_fingerprint`: the names, sizes and modification
times of its files (RocksDB writes new files for every change and never rewrites one in
place; a read-only open writes nothing but its ``LOG``).  An answer kept for another
fingerprint is never read, and a build clears the folder when it opens the store
(:func:`clear`); ``rasd build --keep-answers`` evaluates the three listings at its end
(:func:`keep_listings`: ~37 s of CPU at 31k articles, +5 % of the build, so not the default),
and ``rasd serve``'s warm-up reads and keeps their JSON.  Only the shipped query texts,
unchanged and without ``--bind``, are kept (:func:`keeps`): a user's own queries are
evaluated every time, so the folder holds at most one file a shipped query and format.
``rasd query --fresh`` evaluates the SPARQL anyway (and keeps its answer again).

The kept bytes *are* a SPARQL answer of that store, so they equal a fresh evaluation row for
row (``tests/test_kept_answers.py`` checks it on a real build, after an incremental add and
removal too).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from rasd.extract.errors import GraphError
from rasd.graph.store import (
    DIRTY,
    STORE_DIR,
    format_results,
    open_store,
    run_query,
    shipped_queries,
)

#: The folder of kept answers inside a build folder.
ANSWERS_DIR = "answers"
#: Output formats of ``rasd query`` that are kept.
FORMATS = ("table", "csv", "json")
#: The shipped queries that list everything: the slow ones on an archive, which
#: ``rasd build --keep-answers`` evaluates once the store is written.
LISTINGS = ("timeline.rq", "evidence.rq", "who_said_what.rq")


def store_fingerprint(out_dir: Path) -> str:
    """What identifies the state of ``out_dir``'s store: a hash of the name, size and
    modification time (ns) of every file of it but RocksDB's text logs and lock.

    >>> import tempfile, pyoxigraph as ox
    >>> d = Path(tempfile.mkdtemp())
    >>> s = ox.Store(str(d / STORE_DIR))
    >>> s.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1")))
    >>> s.flush(); before = store_fingerprint(d)
    >>> s.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("2")))
    >>> s.flush(); store_fingerprint(d) != before
    True
    """
    h = hashlib.sha256()
    for entry in sorted(os.scandir(out_dir / STORE_DIR), key=lambda e: e.name):
        if entry.name.startswith("LOG") or entry.name == "LOCK":
            continue
        st = entry.stat()
        h.update(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def keeps(sparql: str) -> bool:
    """Is ``sparql`` one of the shipped queries, as shipped (whose answers are kept)?

    >>> keeps(shipped_queries()["timeline.rq"]), keeps("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    return sparql in shipped_queries().values()


def _query_id(sparql: str) -> str:
    return hashlib.sha256(sparql.encode("utf-8")).hexdigest()[:16]


def _path(out_dir: Path, sparql: str, fmt: str, fingerprint: str) -> Path:
    return out_dir / ANSWERS_DIR / f"{_query_id(sparql)}-{fingerprint}.{fmt}"


def read(out_dir: Path, sparql: str, fmt: str) -> bytes | None:
    """The answer of ``sparql`` in ``fmt`` kept for the current state of ``out_dir``'s
    store, or None (none kept, another store state, a build writing to the folder)."""
    if fmt not in FORMATS or (out_dir / DIRTY).exists():
        return None
    try:
        return _path(out_dir, sparql, fmt, store_fingerprint(out_dir)).read_bytes()
    except OSError:
        return None


def write(out_dir: Path, sparql: str, fmt: str, fingerprint: str, body: bytes) -> bool:
    """Keep ``body``, the answer of ``sparql`` in ``fmt`` evaluated on the store state
    ``fingerprint`` (taken before the evaluation); the answers of the same query and format
    kept for other states are removed.  Nothing is kept (False) when the store changed
    meanwhile, a build is writing to the folder, or the folder cannot be written."""
    if fmt not in FORMATS or (out_dir / DIRTY).exists():
        return False
    try:
        if store_fingerprint(out_dir) != fingerprint:
            return False
        path = _path(out_dir, sparql, fmt, fingerprint)
        path.parent.mkdir(exist_ok=True)
        for old in path.parent.glob(f"{_query_id(sparql)}-*.{fmt}"):
            if old != path:
                old.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(body)
        os.replace(tmp, path)
        return True
    except OSError:
        return False


def clear(out_dir: Path) -> None:
    """Drop every kept answer of ``out_dir`` (a build does it when it opens the store)."""
    shutil.rmtree(out_dir / ANSWERS_DIR, ignore_errors=True)


def solutions(store: ox.Store, sparql: str, source: str = "query") -> bytes:
    """The solutions of the SELECT query ``sparql`` over ``store`` as SPARQL JSON results
    (the form answers are kept in and reformatted from); a failure is a
    :class:`~extract.errors.GraphError` naming ``source``."""
    result = run_query(store, sparql, source)
    try:
        return result.serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[attr-defined]
    except (OSError, ValueError, TypeError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphError(f"{source}: query failed ({why})") from exc


def printed(result: object, fmt: str) -> bytes:
    """The bytes ``rasd query`` prints for ``result`` in ``fmt`` (what is kept)."""
    chunks = format_results(result, fmt)
    return "".join(c + "\n" if fmt == "table" else c for c in chunks).encode("utf-8")


def keep_listings(out_dir: Path, formats: tuple[str, ...] = ("json", "table")) -> int:
    """Evaluate the :data:`LISTINGS` over ``out_dir``'s finished store and keep their answers
    in ``formats`` (each evaluated once, as JSON, the others reformatted from it); the
    number of answers kept."""
    store = open_store(out_dir / STORE_DIR, read_only=True)
    try:
        state = store_fingerprint(out_dir)
        n = 0
        for name in LISTINGS:
            sparql = shipped_queries()[name]
            canonical = solutions(store, sparql, name)
            for fmt in formats:
                if fmt == "json":
                    body = canonical
                else:
                    parsed = ox.parse_query_results(canonical, format=ox.QueryResultsFormat.JSON)
                    body = printed(parsed, fmt)
                n += write(out_dir, sparql, fmt, state, body)
        return n
    finally:
        del store
