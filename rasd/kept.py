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
place; a read-only open writes nothing but its ``LOG``).  A kept file is named by the query's
text, rasd's and pyoxigraph's versions, that fingerprint and its own size: an answer kept for
another fingerprint or version, or a file cut short, is never read (the query is evaluated);
an answer is written to a temporary file a piece at a time (never held whole in memory),
written to disk, then renamed into place.  A build clears the folder when it opens the store
(:func:`clear`); a full build evaluates the three listings at its end (:func:`keep_listings`,
~37–50 s of CPU at 31k articles, in a process beside the pages; an incremental build only with
``--keep-answers``, ``--no-keep-answers`` skips it), and ``rasd serve``'s warm-up reads and
keeps their JSON.  Only the shipped query texts, unchanged and without ``--bind``, are kept
(:func:`keeps`): a user's own queries are evaluated every time, so the folder holds at most
one file a shipped query and format.
``rasd query --fresh`` evaluates the SPARQL anyway (and keeps its answer again).

The kept bytes *are* a SPARQL answer of that store, so they equal a fresh evaluation row for
row (``tests/test_kept_answers.py`` checks it on a real build, after an incremental add and
removal too).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

import rasd
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
#: The shipped queries that list everything: the slow ones on an archive, which a full
#: ``rasd build`` (or one with ``--keep-answers``) evaluates once the store is written.
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
    """What names a query's kept answers: a hash of its text, of rasd's version and of
    pyoxigraph's (a new release may print or evaluate the same query otherwise)."""
    key = f"{sparql}\0{rasd.__version__}\0{ox.__version__}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _path(out_dir: Path, sparql: str, fmt: str, fingerprint: str, size: int) -> Path:
    """The kept file of an answer of ``size`` bytes: the size is in its name, so a file cut
    short (or emptied) after it was written is never read as an answer."""
    return out_dir / ANSWERS_DIR / f"{_query_id(sparql)}-{fingerprint}-{size}.{fmt}"


def _find(out_dir: Path, sparql: str, fmt: str, fingerprint: str) -> Path | None:
    """The kept file of the answer for ``fingerprint`` whose size is the one in its name."""
    prefix = f"{_query_id(sparql)}-{fingerprint}-"
    for path in (out_dir / ANSWERS_DIR).glob(f"{prefix}*.{fmt}"):
        size = path.name[len(prefix) : -len(fmt) - 1]
        if size.isdigit() and int(size) > 0 and path.stat().st_size == int(size):
            return path
    return None


def kept_path(out_dir: Path, sparql: str, fmt: str, fingerprint: str | None = None) -> Path | None:
    """The file of the answer of ``sparql`` in ``fmt`` kept for the store state
    ``fingerprint`` (default: the current state of ``out_dir``'s store), or None (none kept,
    a build writing to the folder, an empty or cut file)."""
    if fmt not in FORMATS or (out_dir / DIRTY).exists():
        return None
    try:
        state = store_fingerprint(out_dir) if fingerprint is None else fingerprint
        return _find(out_dir, sparql, fmt, state)
    except OSError:
        return None


def read(out_dir: Path, sparql: str, fmt: str, fingerprint: str | None = None) -> bytes | None:
    """The answer of ``sparql`` in ``fmt`` kept for the store state ``fingerprint``
    (default: the current one), or None (see :func:`kept_path`)."""
    path = kept_path(out_dir, sparql, fmt, fingerprint)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


class Keeper:
    """Keeps an answer written piece by piece (never held whole in memory): the pieces go to
    a temporary file beside the kept one, which :meth:`commit` puts in place.  Nothing is kept
    when the store changes meanwhile, a build writes to the folder, or the folder cannot be
    written; the temporary file is removed whatever happens (:meth:`abort`, or leaving a
    ``with`` block without :meth:`commit`)."""

    def __init__(self, out_dir: Path, sparql: str, fmt: str, fingerprint: str) -> None:
        self.out_dir = out_dir
        self.sparql = sparql
        self.fmt = fmt
        self.fingerprint = fingerprint
        folder = out_dir / ANSWERS_DIR
        self.tmp = folder / f".{_query_id(sparql)}-{fingerprint}.{fmt}.{os.getpid()}.tmp"
        #: where the answer is kept once :meth:`commit` put it there
        self.path = folder / f"{_query_id(sparql)}-{fingerprint}.{fmt}"  # the size is added
        #: the temporary file being written; None when nothing is to be kept
        self.file: BinaryIO | None = None
        if fmt not in FORMATS or (out_dir / DIRTY).exists():
            return
        try:
            folder.mkdir(exist_ok=True)
            self.file = self.tmp.open("wb")
        except OSError:
            self.file = None

    def __enter__(self) -> Keeper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.abort()

    def add(self, data: bytes) -> None:
        """Append ``data`` to the answer (a write that fails keeps nothing)."""
        if self.file is not None:
            try:
                self.file.write(data)
            except OSError:
                self.abort()

    def _close(self) -> None:
        file, self.file = self.file, None
        if file is not None:
            file.close()

    def commit(self) -> bool:
        """Put the answer in place (written to disk first: a crash leaves the whole answer or
        none) and remove the answers of the same query and format kept for other states;
        False when nothing was kept."""
        if self.file is None:
            return False
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            size = self.file.tell()
            self.path = _path(self.out_dir, self.sparql, self.fmt, self.fingerprint, size)
            self._close()
            if (self.out_dir / DIRTY).exists():
                return False
            if store_fingerprint(self.out_dir) != self.fingerprint:
                return False
            for old in self.path.parent.glob(f"{_query_id(self.sparql)}-*.{self.fmt}"):
                if old != self.path:
                    old.unlink(missing_ok=True)
            os.replace(self.tmp, self.path)
            return True
        except OSError:
            return False
        finally:
            self.abort()

    def abort(self) -> None:
        """Keep nothing: close and remove the temporary file."""
        try:
            self._close()
        except OSError:
            pass
        finally:
            self.tmp.unlink(missing_ok=True)


def write(out_dir: Path, sparql: str, fmt: str, fingerprint: str, body: bytes) -> bool:
    """Keep ``body``, the answer of ``sparql`` in ``fmt`` evaluated on the store state
    ``fingerprint`` (taken before the evaluation); the answers of the same query and format
    kept for other states are removed.  Nothing is kept (False) when the store changed
    meanwhile, a build is writing to the folder, or the folder cannot be written."""
    with Keeper(out_dir, sparql, fmt, fingerprint) as keeper:
        keeper.add(body)
        return keeper.commit()


def clear(out_dir: Path) -> None:
    """Drop every kept answer of ``out_dir`` (a build does it when it opens the store)."""
    shutil.rmtree(out_dir / ANSWERS_DIR, ignore_errors=True)


def solutions(store: ox.Store, sparql: str, source: str = "query") -> bytes:
    """The solutions of the SELECT query ``sparql`` over ``store`` as SPARQL JSON results
    (the form answers are kept in and reformatted from); a failure is a
    :class:`~extract.errors.GraphError` naming ``source``."""
    buf = io.BytesIO()
    solutions_to(store, sparql, buf, source)
    return buf.getvalue()


def solutions_to(store: ox.Store, sparql: str, out: BinaryIO, source: str = "query") -> None:
    """Write :func:`solutions` to the binary file ``out`` as they are read from the store
    (never held whole in memory)."""
    result = run_query(store, sparql, source)
    try:
        result.serialize(out, format=ox.QueryResultsFormat.JSON)  # type: ignore[attr-defined]
    except (OSError, ValueError, TypeError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphError(f"{source}: query failed ({why})") from exc
    finally:
        del result


def printed_chunks(result: object, fmt: str, source: str = "query") -> Iterator[bytes]:
    """The bytes ``rasd query`` prints for ``result`` in ``fmt`` (what is kept), a row at a
    time in ``table``."""
    for chunk in format_results(result, fmt, source):
        yield (chunk + "\n" if fmt == "table" else chunk).encode("utf-8")


def printed(result: object, fmt: str) -> bytes:
    """The bytes ``rasd query`` prints for ``result`` in ``fmt`` (what is kept)."""
    return b"".join(printed_chunks(result, fmt))


def copy_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    """The bytes of the file at ``path``, ``size`` at a time."""
    with path.open("rb") as f:
        while chunk := f.read(size):
            yield chunk


def keep_listings(
    out_dir: Path,
    formats: tuple[str, ...] = ("json", "table"),
    names: tuple[str, ...] | None = None,
) -> int:
    """Evaluate the :data:`LISTINGS` (``names``: those of them only) over ``out_dir``'s
    finished store and keep their answers in ``formats`` (each evaluated once, as JSON, kept,
    and the others reformatted from the kept file: no answer is held whole in memory); the
    number of answers kept."""
    store = open_store(out_dir / STORE_DIR, read_only=True)
    try:
        state = store_fingerprint(out_dir)
        n = 0
        for name in LISTINGS if names is None else names:
            sparql = shipped_queries()[name]
            with Keeper(out_dir, sparql, "json", state) as keeper:
                if keeper.file is None:
                    continue
                solutions_to(store, sparql, keeper.file, name)
                if not keeper.commit():
                    continue
            n += "json" in formats
            for fmt in formats:
                if fmt != "json":
                    n += keep_reformatted(out_dir, sparql, fmt, state, keeper.path)
        return n
    finally:
        del store


def keep_reformatted(out_dir: Path, sparql: str, fmt: str, state: str, json_path: Path) -> bool:
    """Keep the answer in ``fmt`` of the JSON answer kept at ``json_path`` (read and
    written a row at a time)."""
    with Keeper(out_dir, sparql, fmt, state) as keeper, json_path.open("rb") as f:
        if keeper.file is None:
            return False
        parsed = ox.parse_query_results(f, format=ox.QueryResultsFormat.JSON)
        for chunk in printed_chunks(parsed, fmt):
            keeper.add(chunk)
        return keeper.commit()
