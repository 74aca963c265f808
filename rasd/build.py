"""``rasd build``: a streamed, fault-isolated, parallel and incremental archive build.

    read (stream) ─► extract + map to RDF (pure, per article; here, in worker processes or on a
    Dask cluster; cached by content and extractor fingerprint) ─► Oxigraph store (one named
    graph per article) ─► resolution fold (per entity key) ─► entities graph ─► graph.ttl,
    graph.trig, pages

Nothing holds the whole corpus: articles flow through a bounded number of in-flight batches,
each article's result is written to the store and the cache as it arrives, and what spans
articles is a per-key summary (:mod:`extract.resolve`).  An article whose extraction raises is
reported (``OUT/errors.jsonl``) and skipped; every other article is built.

A build into a folder that holds an earlier build is incremental: articles whose content,
metadata and extractor fingerprint are unchanged are not touched, new or changed ones are
extracted (or taken from the cache) and their named graphs replaced, articles no longer in the
input are removed, and only the entity keys they touch are re-derived.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import shutil
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from rasd import kept
from rasd.cache import ResultCache, article_key, fingerprint
from rasd.export import pickled
from rasd.export.atomic import atomic_path
from rasd.export.html.model import SITE_ENTRIES
from rasd.export.interrupt import ignore_interrupts, received, stop_on_signals
from rasd.extract.errors import ExtractError, InputError, ProcessDied, RasdError, UsageError
from rasd.extract.pipeline import (
    DEFAULT_PIPELINE,
    article_record,
    check_pipeline,
    extract_many,
)
from rasd.extract.reader import expand_inputs, read_file
from rasd.extract.records import Article, EntityInfo, Extraction, field_values
from rasd.extract.resolve import Entity, KeySummary, contributions, derive, fold, unfold
from rasd.graph import nt
from rasd.graph.build import article_nquads, entity_triples
from rasd.graph.iri import ENTITIES_GRAPH, entity_iri, graph_iri
from rasd.graph.store import DIRTY, STORE_DIR, open_store

log = logging.getLogger("rasd")

#: Exit status of a build that wrote its outputs but skipped some input or article.
EXIT_SKIPPED = 3
#: Version of ``state/state.pickle``: 2 keeps the summaries packed and every entity's lines; a
#: state of version 1 (summaries as objects, no entity lines) is still read.
STATE_VERSION = 2
_STATE_VERSIONS = frozenset({1, STATE_VERSION})
#: Graphs up to this many triples get rdflib's readable Turtle/TriG; larger ones one triple a
#: line (valid Turtle and TriG, sorted by article, written without building the graph).
PRETTY_MAX_TRIPLES = 50_000
#: N-Quads bytes per bulk load: the loader holds ~6x a batch while it parses and sorts (a 4,000-
#: article load peaks at 258 MB RSS in 32 MB batches, 150 MB in 16 MB, 98 MB in 8 MB).
_STORE_BATCH_BYTES = 16 << 20
#: Fewer articles to extract than this are extracted in the building process itself.
SMALL_BUILD = 24


@dataclass(frozen=True)
class ArticleMeta:
    """What the build keeps of one article's result besides its N-Quads (cached)."""

    article_id: str
    source: str
    record: str
    triples: int
    claims: int
    relations: int
    contributions: dict[str, KeySummary]


@dataclass
class Failure:
    """One input or article that was skipped, for ``errors.jsonl`` and the summary."""

    source: str
    record: str
    stage: str  # read | extract
    component: str
    error: str

    @classmethod
    def of(cls, err: RasdError) -> Failure:
        if isinstance(err, ExtractError):
            return cls(err.source, err.record, "extract", err.component, err.exception)
        if isinstance(err, InputError):
            return cls(err.path, "", "read", "reader", err.reason)
        return cls("", "", "build", "", str(err))

    def line(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    def message(self) -> str:
        if self.stage == "extract":
            where = f"{self.source}: component {self.component}"
            return f"{where} failed on {self.record} ({self.error})"
        return f"{self.source}: {self.error}"


@dataclass
class BuildReport:
    """What a build did: counts for the summary, the skipped inputs, the stage times."""

    out_dir: Path
    articles: int = 0
    triples: int = 0
    claims: int = 0
    relations: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    extracted: int = 0
    from_cache: int = 0
    unchanged: int = 0
    removed: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    #: wall seconds by phase; ``store loads`` ran beside ``read+extract`` (in a thread) and
    #: only ``store waited`` of them made the build wait (see :func:`times_line`)
    times: dict[str, float] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)
    corrupt_cache: int = 0
    incremental: bool = False
    pages_written: int = 0  # article and entity pages rendered by this build
    pages_kept: int = 0  # article and entity pages of the earlier build kept as they were

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.failures else 0


def times_line(times: dict[str, float]) -> str:
    """``times`` as printed: the store's two numbers as one phase, ``store 59.2 s (3.2 s
    waited)`` (the loads' wall time, overlapping the extraction, and what the build waited).

    >>> times_line({"read+extract": 60.0, "store loads": 59.2, "store waited": 3.2, "total": 70})
    'read+extract 60.0 s, store 59.2 s (3.2 s waited), total 70.0 s'
    """
    parts = []
    for k, v in times.items():
        if k == "store loads":
            parts.append(f"store {v:.1f} s ({times.get('store waited', 0.0):.1f} s waited)")
        elif k != "store waited":
            parts.append(f"{k} {v:.1f} s")
    return ", ".join(parts)


# --- the per-article work (runs in a worker process or on a Dask worker) -------------------


def to_result(article: Article, ex: Extraction) -> tuple[ArticleMeta, bytes]:
    """An article's extraction mapped to its named graph: ``(meta, zlib-compressed N-Quads)``.
    Raises :class:`~extract.errors.ExtractError` (component ``graph``) if the mapping fails."""
    try:
        text, n = article_nquads(ex)
        contrib = contributions(ex)
    except Exception as exc:  # the mapping to RDF failed on this article
        raise ExtractError(article.source, article_record(article), "graph", exc) from exc
    meta = ArticleMeta(
        article.id,
        article.source,
        article_record(article),
        n,
        len(ex.claims),
        len(ex.relations),
        contrib,
    )
    return meta, zlib.compress(text.encode("utf-8"), 1)


Result = tuple[str, "tuple[ArticleMeta, bytes] | ExtractError"]


def process_batch(batch: Sequence[tuple[str, Article]], pipeline: Sequence[str]) -> list[Result]:
    """Process a batch of ``(cache key, article)`` (extracted together by
    :func:`~extract.pipeline.extract_many`); failures are returned, never raised."""
    articles = [a for _key, a in batch]
    out: list[Result] = []
    for (key, article), ex in zip(batch, extract_many(articles, pipeline), strict=True):
        if isinstance(ex, ExtractError):
            out.append((key, ex))
            continue
        try:
            out.append((key, to_result(article, ex)))
        except ExtractError as err:
            out.append((key, err))
    release_free_memory()  # a worker's batch garbage, not kept mapped until the next batch
    if _in_worker():
        _FREEZER.after_batch()
    return out


def _in_worker() -> bool:
    """Is this a worker process (a child: of the build's process pool, of a Dask nanny)?
    Only workers freeze (:class:`_GcFreezer`); a build that extracts in its own process
    leaves the collector as it found it (its page stage freezes for itself,
    :func:`~rasd.export.pickled.collector_frozen`)."""
    return multiprocessing.parent_process() is not None


class _GcFreezer:
    """Moves what an extracting worker keeps (models, tables, the rule components' memos)
    out of the garbage collector's reach as it grows.

    A worker holds millions of long-lived objects, and the memos keep filling for thousands of
    articles; every full collection walks all of them (~10 % of the extraction CPU in
    ``bench/bench_extract_cpu.py`` with and without ``--gc-freeze``;
    ``bench/perf24ner_results.md``).
    After its 1st, 2nd, 4th, 8th … batch a worker runs one full collection and freezes what
    survives (:func:`gc.freeze`), so later collections skip it.  Nothing else changes: garbage
    made after a freeze is collected as before, and a frozen object is still freed when its last
    reference goes (a memo's eviction).  What a freeze can keep is a cycle of objects that
    were alive when frozen and became garbage later (none are frozen as garbage: the full
    collection runs first): it stays until the worker process ends (with the build for the
    local pool; with the cluster for a Dask worker)."""

    def __init__(self) -> None:
        self.batches = 0
        self.next_freeze = 1

    def after_batch(self) -> None:
        self.batches += 1
        if self.batches >= self.next_freeze:
            self.next_freeze *= 2
            gc.collect()
            gc.freeze()


#: this process's (each worker has its own after the fork/spawn)
_FREEZER = _GcFreezer()


# --- runners: where batches are processed -------------------------------------------------


#: The component named in the failure of an article whose worker process died on it.
WORKER_DIED = "worker"


class _Runner:
    """Submit batches and collect results as they complete, keeping at most ``limit`` in
    flight (so memory stays flat in the number of articles).

    A worker that dies (a crash in native code, the kernel's OOM killer) loses every batch in
    flight with it: those are run again one article at a time, and an article whose worker
    dies again is reported as failed (component :data:`WORKER_DIED`); the build goes on."""

    limit = 1
    #: Does one dead worker take every batch in flight with it (a broken process pool)?
    shared_fate = False

    def submit(self, batch: list[tuple[str, Article]], pipeline: tuple[str, ...]) -> Any:
        raise NotImplementedError

    def wait_any(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        raise NotImplementedError

    def died(self, exc: BaseException) -> bool:
        """Is ``exc`` (raised by a future's result) the loss of a worker process?"""
        return False

    def restart(self) -> None:
        """Replace the workers after one died."""

    def close(self) -> None:
        pass

    def run(
        self, batches: Iterable[list[tuple[str, Article]]], pipeline: tuple[str, ...]
    ) -> Iterator[Result]:
        pending: dict[Any, list[tuple[str, Article]]] = {}
        for batch in batches:
            pending[self.submit(batch, pipeline)] = batch
            while len(pending) >= self.limit:
                yield from self._collect(pending, pipeline)
        while pending:
            yield from self._collect(pending, pipeline)

    def _collect(
        self, pending: dict[Any, list[tuple[str, Article]]], pipeline: tuple[str, ...]
    ) -> Iterator[Result]:
        done, _rest = self.wait_any(set(pending))
        lost: list[tuple[str, Article]] = []
        for fut in done:
            batch = pending.pop(fut)
            try:
                results = fut.result()
            except Exception as exc:
                if not self.died(exc):
                    raise
                lost.extend(batch)
                continue
            yield from results
        if lost:
            if self.shared_fate:  # the other batches in flight went down with the workers
                for fut in list(pending):
                    batch = pending.pop(fut)
                    if fut.done() and fut.exception() is None:
                        yield from fut.result()
                    else:
                        lost.extend(batch)
            self.restart()
            for item in lost:
                yield from self._alone(item, pipeline)

    def _alone(self, item: tuple[str, Article], pipeline: tuple[str, ...]) -> Iterator[Result]:
        try:
            yield from self.submit([item], pipeline).result()
        except Exception as exc:
            if not self.died(exc):
                raise
            self.restart()
            key, article = item
            why = f"the worker process died on this article ({type(exc).__name__})"
            yield key, ExtractError(article.source, article_record(article), WORKER_DIED, why)


class _Inline(_Runner):
    def run(
        self, batches: Iterable[list[tuple[str, Article]]], pipeline: tuple[str, ...]
    ) -> Iterator[Result]:
        for batch in batches:
            yield from process_batch(batch, pipeline)


class _Processes(_Runner):
    shared_fate = True

    def __init__(self, workers: int) -> None:
        # forkserver, not fork: a fork of a process whose thread pools already ran (torch, for
        # the optional BERT backend) can deadlock in the child
        self.workers = workers
        self.pool = self._pool()
        self.limit = workers * 3

    def _pool(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("forkserver")
        # the workers ignore Ctrl-C: an interrupted build ends them itself (rasd.export.interrupt)
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=ignore_interrupts)

    def submit(self, batch: list[tuple[str, Article]], pipeline: tuple[str, ...]) -> Any:
        return self.pool.submit(process_batch, batch, pipeline)

    def wait_any(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        done, rest = futures_wait(futures, return_when=FIRST_COMPLETED)
        return set(done), set(rest)

    def died(self, exc: BaseException) -> bool:
        return isinstance(exc, BrokenProcessPool)

    def restart(self) -> None:
        log.warning("a worker process died; starting new workers")
        self.pool.shutdown(cancel_futures=True)
        self.pool = self._pool()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask(_Runner):
    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise UsageError("--dask needs dask.distributed: pip install 'rasd[cluster]'") from exc
        try:
            self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"--dask {address}: cannot reach the scheduler ({exc})") from exc
        except ValueError as exc:
            raise UsageError(
                f"--dask {address}: not a scheduler address ({exc}); expected tcp://HOST:PORT"
            ) from exc
        cores = sum(self.client.nthreads().values()) or 1
        self.limit = cores * 3

    def submit(self, batch: list[tuple[str, Article]], pipeline: tuple[str, ...]) -> Any:
        return self.client.submit(process_batch, batch, pipeline, pure=False)

    def wait_any(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        from distributed import wait

        done, rest = wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done), set(rest)

    def died(self, exc: BaseException) -> bool:
        # the scheduler retried the task on other workers and they died too
        from distributed import KilledWorker

        return isinstance(exc, KilledWorker)

    def close(self) -> None:
        self.client.close()


def _runner(workers: int, dask: str | None) -> _Runner:
    if dask:
        return _Dask(dask)
    if workers > 1:
        return _Processes(workers)
    return _Inline()


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --- state kept between builds ------------------------------------------------------------


#: One thing an input file yielded, in order: ``(article id, cache key, source)`` of an
#: article, or ``(path, reason)`` of an input error.
_Record = tuple[str, str, str] | tuple[str, str]


@dataclass(frozen=True)
class _FileIndex:
    """What reading one input file gave, so that an unchanged file is not parsed again: its
    size, a digest of its bytes, the extractor fingerprint the keys were made under (it covers
    the reader's code and data too), and every record it yielded, in order."""

    size: int
    digest: str
    fingerprint: str
    records: tuple[_Record, ...]


#: A key's summary as the state file keeps it: its candidate records as ``(fields of the
#: EntityInfo, count)`` pairs, plain dicts and the article count, which pickle at C speed (a
#: slotted dataclass pickles through Python code); it becomes a :class:`KeySummary` again only
#: when a build touches its key.
_Packed = tuple[
    tuple[tuple[tuple[Any, ...], int], ...], dict[str, int], dict[str, int], dict[str, int], int
]

#: One entity of the entities graph: its N-Triples lines, their number and its class.
_EntityLines = tuple[str, int, str]


def _pack(s: KeySummary) -> _Packed:
    infos = tuple((field_values(i), n) for i, n in s.infos.items())
    return infos, dict(s.classes), dict(s.surfaces), dict(s.publishers), s.articles


def _summary(s: KeySummary | _Packed) -> KeySummary:
    """``s`` as a :class:`KeySummary` (unpacked if it is packed)."""
    if isinstance(s, KeySummary):
        return s
    infos, classes, surfaces, publishers, articles = s
    return KeySummary(
        Counter({EntityInfo(*f): n for f, n in infos}),
        Counter(classes),
        Counter(surfaces),
        Counter(publishers),
        articles,
    )


def _unpack_keys(summaries: dict[str, KeySummary | _Packed], keys: Iterable[str]) -> None:
    """Unpack the summaries of ``keys`` in place, so that the fold can change them."""
    for key in keys:
        s = summaries.get(key)
        if s is not None and not isinstance(s, KeySummary):
            summaries[key] = _summary(s)


def _entity_lines(key: str, s: KeySummary | None) -> _EntityLines | None:
    """The entities graph's lines of one key (``None`` when nothing names it any more)."""
    e = derive(key, s) if s is not None else None
    if e is None:
        return None
    text, n = _entities_text([e])
    return text, n, e.cls


@dataclass
class _State:
    fingerprint: str
    # article id -> (cache key, triples, claims, relations)
    articles: dict[str, tuple[str, int, int, int]] = field(default_factory=dict)
    # entity key -> its summary (packed in the file, unpacked when an article touches it)
    summaries: dict[str, KeySummary | _Packed] = field(default_factory=dict)
    # input file path -> what reading it gave (the files of the last build)
    files: dict[str, _FileIndex] = field(default_factory=dict)
    # entity key -> its lines in the entities graph (None: not known, derive every key)
    entities: dict[str, _EntityLines] | None = None

    def cache_keys(self) -> dict[str, str]:
        """The cache key of each article's result, by article id."""
        return {a: v[0] for a, v in self.articles.items()}


def _state_path(out: Path) -> Path:
    return out / "state" / "state.pickle"


def _dirty_path(out: Path) -> Path:
    return out / DIRTY


def _load_state(out: Path) -> _State | None:
    path = _state_path(out)
    if not path.is_file() or _dirty_path(out).exists() or not (out / STORE_DIR).is_dir():
        return None
    try:
        version, state = pickled.load(path)
        if version not in _STATE_VERSIONS or not isinstance(state, _State):
            return None
        if not hasattr(state, "files"):  # written before the input index was kept
            state.files = {}
        if not hasattr(state, "entities"):  # version 1: no entity lines kept
            state.entities = None
        return state
    except Exception as exc:  # a damaged state file means a full build
        log.warning("%s is damaged (%s); rebuilding everything", path, exc)
        return None


def _save_state(out: Path, state: _State) -> None:
    """Save ``state`` with its summaries packed (the in-memory ones are packed in place)."""
    summaries = state.summaries
    for key, s in summaries.items():
        if isinstance(s, KeySummary):
            summaries[key] = _pack(s)
    pickled.dump((STATE_VERSION, state), _state_path(out))


# --- the build ------------------------------------------------------------------------------


def _batches(
    items: Iterable[tuple[str, Article]], size: int
) -> Iterator[list[tuple[str, Article]]]:
    batch: list[tuple[str, Article]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _StoreWriter:
    """Bulk-loads N-Quads into the store in large batches, each in a thread of its own while
    the build goes on (perf20: a load waited for in the building process left the extraction
    workers idle once their batches in flight were done, a core's worth of time at 31k).

    At most one load runs at a time: the next batch is collected meanwhile and handed over
    when the running load is over (:meth:`flush` waits for it).  Oxigraph releases the GIL
    while it loads.  Anything else done to the store (:meth:`wait` first) runs after the
    loads started before it, as it did when they ran in this thread: the store's content does
    not depend on where the loads ran.

    The loads are lenient (IRIs and language tags not validated again): every line was
    written by :mod:`graph.nt`, which percent-encodes what an IRI may not hold, and skipping
    the check cuts the loader's CPU by ~9 % (the same quads: ``bench/archive_results.md``,
    store14)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.parts: list[bytes] = []
        self.size = 0
        #: the wall seconds of the loads (overlapping the extraction)
        self.seconds = 0.0
        #: the wall seconds the build waited for a load to finish (not overlapped)
        self.waited = 0.0
        self._thread: threading.Thread | None = None
        #: set by the running load when it is over (what :meth:`wait` waits on)
        self._done = threading.Event()
        self._error: BaseException | None = None

    def add(self, nquads: bytes) -> None:
        self.parts.append(nquads)
        self.size += len(nquads)
        if self.size >= _STORE_BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Start loading what was added (after the load running, if any, is over)."""
        if not self.parts:
            return
        data = b"".join(self.parts)
        self.parts, self.size = [], 0
        self.wait()
        done = threading.Event()
        self._thread = threading.Thread(
            target=self._load, args=(data, done), name="rasd-store-load", daemon=True
        )
        self._done = done
        self._thread.start()

    def _load(self, data: bytes, done: threading.Event) -> None:
        t = time.perf_counter()
        try:
            self.store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as exc:  # raised in the building thread by wait()
            self._error = exc
        finally:
            del data
            release_free_memory()
            self.seconds += time.perf_counter() - t
            done.set()

    def wait(self) -> None:
        """Wait for the running load, if any; raise what it raised.

        An interrupt (Ctrl-C) while waiting is raised here and leaves the load known as
        running, so a later :meth:`wait` or :meth:`close` waits for it again: the load is
        never left inside the store when the process exits.  The wait is on an event the
        load sets, in 0.5 s steps, not on ``Thread.join``: on Python 3.11 a ``join``
        interrupted by KeyboardInterrupt marks the thread stopped while it still runs
        (bpo-45274's fix), and every later ``join`` or ``is_alive`` would then return at
        once."""
        thread = self._thread
        if thread is None:
            return
        t = time.perf_counter()
        try:
            while not self._done.wait(0.5):
                pass
        finally:
            self.waited += time.perf_counter() - t
        thread.join()  # the load is over: only the thread's own end is left
        self._thread = None
        err, self._error = self._error, None
        if err is not None:
            raise err

    def close(self) -> None:
        """Wait for the running load without raising a failure of it (the build is failing
        already); a second interrupt while waiting is raised, and a third :meth:`close`
        would wait again."""
        try:
            self.wait()
        except Exception:
            log.debug("a store load failed while the build was failing", exc_info=True)


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (None elsewhere: ``CDLL(None)`` raises TypeError on Windows,
    OSError without a C library, AttributeError without the function)."""
    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError, TypeError):
        return None


_MALLOC_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Give the memory the C allocator holds free back to the system (glibc's
    ``malloc_trim(0)``, which visits every thread's arena; nothing elsewhere).  Oxigraph's bulk
    loader parses and sorts in threads of its own, and what they free stays mapped in their
    arenas until trimmed (~50 MB a 32 MB batch); an extraction worker keeps ~50 MB of a
    batch's garbage mapped (``bench/archive_results.md``, archive13)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _answers_pending(out: Path) -> Path:
    """The mark of a build that was to keep the listing answers and has not yet."""
    return out / "state" / "answers.pending"


@stop_on_signals()
def build(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
    workers: int = 1,
    dask: str | None = None,
    strict: bool = False,
    pages: bool = True,
    max_overview_nodes: int = 400,
    progress: Callable[[str, int], None] | None = None,
    batch_size: int = 8,
    keep_answers: bool | None = None,
) -> BuildReport:
    """Build (or update) the graph of ``inputs`` in ``out_dir``: the store, ``graph.ttl``,
    ``graph.trig``, ``errors.jsonl`` and the pages.  ``progress(stage, n)`` is called as
    articles are read (``read``) and finished (``done``).  With ``strict``, the first skipped
    input or article raises :class:`~extract.errors.UsageError` and no output file is written.
    With ``keep_answers``, the shipped listing queries are evaluated once the store is written
    and their answers kept for ``rasd query`` (:func:`rasd.kept.keep_listings`; on a large graph
    by a process of its own beside the pages), so that every shipped query answers at once from
    the first time it is asked.  By default (None) a full build keeps them and an incremental
    one does not: at 31k articles their evaluation (~37 s of CPU) would double a +10 update,
    and the first ``rasd query`` of a listing keeps its answer anyway (a build interrupted
    before it kept them leaves ``state/answers.pending``: the next build keeps them).

    SIGINT (Ctrl-C) or SIGTERM stops the build within seconds, every process it started
    ended (:mod:`rasd.export.interrupt`), and raises :class:`~rasd.export.interrupt.Stop`;
    the folder is left for the next build to finish (``state/dirty``, ``state/pages.dirty``).
    """
    args = dict(
        pipeline=check_pipeline(list(pipeline)),
        workers=workers,
        dask=dask,
        strict=strict,
        progress=progress,
        batch_size=batch_size,
    )
    out_dir = Path(out_dir)
    t0 = time.perf_counter()
    try:
        report, rdf = _build(inputs, out_dir, incremental=True, **args)
    except _Rebuild as why:
        reason = str(why)  # leave the except block first, so the failed attempt's store closes
        report = None
    if report is None:
        log.warning("%s; rebuilding everything", reason)
        report, rdf = _build(inputs, out_dir, incremental=False, **args)
    if keep_answers is None:
        keep_answers = not report.incremental or _answers_pending(out_dir).exists()
    answers = None
    if keep_answers and report.articles:
        _answers_pending(out_dir).touch()
        answers = _KeptListings(out_dir, report.triples)
    else:
        _answers_pending(out_dir).unlink(missing_ok=True)
    try:
        if pages and report.articles:
            # the build's handle on the store is closed now: page writers open it read-only
            t = time.perf_counter()
            counts: dict[str, int] = {}
            try:
                index = write_pages(
                    out_dir,
                    max_overview_nodes=max_overview_nodes,
                    workers=workers,
                    counts=counts,
                    keys=rdf.keys,
                )
            except BrokenProcessPool as exc:
                raise ProcessDied(
                    f"{out_dir}: a page-writing process died or could not start (out of "
                    "memory?); the store and graph files are complete; run the same build "
                    "again to write the pages (all of them are written again), or with "
                    "--workers 1 to use less memory"
                ) from exc
            report.times["pages"] = time.perf_counter() - t
            report.pages_written = counts.get("written", 0)
            report.pages_kept = counts.get("kept", 0)
        else:
            index = None
    except BaseException:
        rdf.close()  # the graph files are finished; the pages' error is the one raised
        if answers is not None:
            answers.close()
            if received() is None:  # kept (or warned about) by close(), as by result()
                _answers_pending(out_dir).unlink(missing_ok=True)
        raise
    written, seconds = rdf.result()  # the Turtle/TriG writer ran beside the pages
    report.outputs += written + ([index] if index else [])
    report.times["turtle+trig"] = seconds
    if answers is not None:
        report.times["answers"] = answers.result()
        _answers_pending(out_dir).unlink(missing_ok=True)
    report.times.pop("total")
    report.times["total"] = time.perf_counter() - t0
    return report


def _build(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    incremental: bool,
    pipeline: tuple[str, ...],
    workers: int,
    dask: str | None,
    strict: bool,
    progress: Callable[[str, int], None] | None,
    batch_size: int,
) -> tuple[BuildReport, _RdfFiles]:
    """The build up to the store, the entities and ``errors.jsonl``; ``graph.ttl`` and
    ``graph.trig`` are being written by the returned :class:`_RdfFiles` when it returns."""
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "state").mkdir(exist_ok=True)
    fp = fingerprint(pipeline)
    report = BuildReport(out_dir)
    prev = _load_state(out_dir) if incremental else None
    if prev is None and (out_dir / STORE_DIR).exists():
        shutil.rmtree(out_dir / STORE_DIR)  # no trustworthy state: start the store afresh
    report.incremental = prev is not None
    if prev is None:
        # a full build keeps the listing answers by default (:func:`build`): marked before the
        # store is, so that a build stopped before it kept them leaves the next one to do it
        _answers_pending(out_dir).touch()
    state = prev or _State(fp)
    old_articles = dict(state.articles)
    old_files = state.files
    state.fingerprint = fp
    state.articles = {}
    state.files = {}
    # closed (its results so far committed) also when this attempt fails: a fallback to a
    # full rebuild opens the cache again and must not find it locked
    with ResultCache(out_dir / "cache" / "results.sqlite") as cache:
        store = open_store(out_dir / STORE_DIR)
        _dirty_path(out_dir).touch()
        kept.clear(out_dir)  # answers of the store as it was
        writer = _StoreWriter(store)
        touched: set[str] = set()
        seen: set[str] = set()

        def fail(err: RasdError) -> None:
            f = Failure.of(err)
            report.failures.append(f)
            log.warning("skipped %s", f.message())
            if strict:
                raise UsageError(f"{f.message()} (--strict: stopped; nothing written)")

        def drop_old(article_id: str) -> None:
            """Take an earlier build's version of an article out of the store and the fold."""
            old = old_articles.get(article_id)
            if old is None:
                return
            got = cache.get(old[0])
            if got is None:
                raise _Rebuild(f"the earlier result of article {article_id} is not in the cache")
            _unpack_keys(state.summaries, got[0].contributions)
            unfold(state.summaries, got[0].contributions)  # type: ignore[arg-type]
            touched.update(got[0].contributions)
            writer.wait()  # the store is changed after the loads started before, as ever
            store.remove_graph(ox.NamedNode(str(graph_iri(article_id))))

        def accept(key: str, meta: ArticleMeta, nquads: bytes) -> None:
            drop_old(meta.article_id)
            writer.add(zlib.decompress(nquads))
            _unpack_keys(state.summaries, meta.contributions)
            fold(state.summaries, meta.contributions)  # type: ignore[arg-type]
            touched.update(meta.contributions)
            state.articles[meta.article_id] = (key, meta.triples, meta.claims, meta.relations)

        def settle(article_id: str, key: str, source: str) -> bool:
            """Settle an article read (unchanged, a duplicate or in the cache); True when it
            has to be extracted."""
            if article_id in seen:
                report.duplicates += 1
                log.info("%s: same text as an article read before; read once", source)
                return False
            seen.add(article_id)
            if progress:
                progress("read", 1)
            old = old_articles.get(article_id)
            if old is not None and old[0] == key:
                state.articles[article_id] = old
                report.unchanged += 1
                if progress:
                    progress("done", 1)
                return False
            got = cache.get(key)
            if got is not None:
                accept(key, got[0], got[1])
                report.from_cache += 1
                if progress:
                    progress("done", 1)
                return False
            return True

        def read(path: Path) -> Iterator[tuple[str, Article]]:
            """The articles of one input file to extract.  A file whose bytes are those of the
            last build is not parsed: its records come from the input index (and only an
            article that must be extracted is read from it)."""
            name = str(path)
            seal = _file_seal(path)
            index = old_files.get(name)
            if index is not None and seal == (index.size, index.digest) and index.fingerprint == fp:
                state.files[name] = index
                articles = _Positions(read_file(path))
                for pos, rec in enumerate(index.records):
                    if len(rec) == 2:
                        fail(InputError(*rec))
                    elif settle(*rec):
                        yield rec[1], articles.at(pos, rec[1], fp)
                return
            records: list[_Record] = []
            for item in read_file(path):
                if isinstance(item, InputError):
                    records.append((item.path, item.reason))
                    fail(item)
                    continue
                key = article_key(item, fp)
                records.append((item.id, key, item.source))
                if settle(item.id, key, item.source):
                    yield key, item
            if seal is not None and _file_seal(path) == seal:  # not changed while being read
                state.files[name] = _FileIndex(seal[0], seal[1], fp, tuple(records))

        def todo() -> Iterator[tuple[str, Article]]:
            """Articles to extract; unchanged and cached ones are settled here."""
            for path in expand_inputs(inputs):
                if isinstance(path, InputError):
                    fail(path)
                else:
                    yield from read(path)

        pending = todo()
        head = list(itertools.islice(pending, SMALL_BUILD))
        # a handful of articles is faster in this process than in workers that load the models
        runner = _Inline() if len(head) < SMALL_BUILD and not dask else _runner(workers, dask)
        try:
            work = itertools.chain(head, pending)
            for key, res in runner.run(_batches(work, batch_size), pipeline):
                if isinstance(res, ExtractError):
                    fail(res)
                else:
                    meta, nquads = res
                    cache.put(key, meta, nquads)
                    accept(key, meta, nquads)
                    report.extracted += 1
                if progress:
                    progress("done", 1)
            for article_id in sorted(set(old_articles) - set(state.articles)):
                drop_old(article_id)
                report.removed += 1
            cache.commit()
            writer.flush()
            writer.wait()
        finally:
            try:
                writer.close()  # a failing build: no load left running in the store
            finally:  # even when a second Ctrl-C interrupts the wait
                runner.close()
        # the loads ran beside the extraction: "store waited" is the part of them the build
        # waited for (the phases but "store loads" add up to the total)
        report.times["read+extract"] = time.perf_counter() - t0 - writer.waited
        report.times["store loads"] = writer.seconds
        report.times["store waited"] = writer.waited
        log.info("store: %.1f s of loads, %.1f s of them waited for", writer.seconds, writer.waited)

        t = time.perf_counter()
        summaries = state.summaries
        if prev is None or state.entities is None:  # every key
            keys: Iterable[str] = sorted(summaries)
            state.entities = {}
        else:  # only the keys this build's articles touched; the others keep their lines
            keys = touched
        entities = state.entities
        for k in keys:
            s = summaries.get(k)
            lines = _entity_lines(k, _summary(s) if s is not None else None)
            if lines is None:
                entities.pop(k, None)
            else:
                entities[k] = lines
        entity_text = "".join(entities[k][0] for k in sorted(entities))
        entity_count = sum(v[1] for v in entities.values())
        _write_entities(store, entities, touched, entity_text if prev is None else None)
        report.times["resolve"] = time.perf_counter() - t
        store.flush()
        _save_state(out_dir, state)
        _dirty_path(out_dir).unlink()

        rdf = _RdfFiles(out_dir, store, state, cache, entity_text)
    report.corrupt_cache = cache.corrupt
    _write_errors(out_dir, report.failures)

    report.articles = len(state.articles)
    report.triples = sum(v[1] for v in state.articles.values()) + entity_count
    report.claims = sum(v[2] for v in state.articles.values())
    report.relations = sum(v[3] for v in state.articles.values())
    report.entities = dict(sorted(Counter(v[2] for v in entities.values()).items()))
    report.failures.sort(key=lambda f: (f.source, f.record, f.component))
    report.times["total"] = time.perf_counter() - t0
    return report, rdf


def _file_seal(path: Path) -> tuple[int, str] | None:
    """The size and BLAKE2 digest of a file's bytes (None when it cannot be read: it is then
    read as usual, which reports why)."""
    h = hashlib.blake2b(digest_size=16)
    size = 0
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return None
    return size, h.hexdigest()


class _Positions:
    """The items of one file's reader fetched by position, parsing no further than asked."""

    def __init__(self, items: Iterator[Article | InputError]) -> None:
        self.items = items
        self.next = 0

    def at(self, pos: int, key: str, fp: str) -> Article:
        """The article at ``pos`` (positions asked in increasing order); the file changed
        under the build when that article's cache key (text, metadata and source under
        fingerprint ``fp``) is not ``key``: its result must not be cached under ``key``."""
        for item in self.items:
            self.next += 1
            if self.next > pos:
                if isinstance(item, Article) and article_key(item, fp) == key:
                    return item
                break
        raise _Rebuild(f"record {pos + 1}: its input file changed while being read")


class _Rebuild(RasdError):
    """The incremental state cannot be trusted; the caller rebuilds from scratch."""


def _entities_text(entities: Iterable[Entity]) -> tuple[str, int]:
    """The entities graph as N-Triples text (in the order given) and its number of triples."""
    parts: list[str] = []
    n = 0
    for e in entities:
        triples = list(entity_triples(e))
        parts.append(nt.triple_lines(triples))
        n += len(triples)
    return "".join(parts), n


def _write_entities(
    store: ox.Store, entities: dict[str, _EntityLines], touched: set[str], full_text: str | None
) -> None:
    """Write the entities graph: ``full_text`` (all of it) on a full build; on an incremental
    one, only the ``touched`` keys are replaced (``entities``: each key's lines)."""
    g = ox.NamedNode(str(ENTITIES_GRAPH))
    if full_text is not None:
        if full_text:
            store.bulk_load(
                full_text.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=g, lenient=True
            )
        return
    keys = sorted(touched)
    for key in keys:
        s = ox.NamedNode(str(entity_iri(key)))
        for q in list(store.quads_for_pattern(s, None, None, g)):
            store.remove(q)
    text = "".join(entities[k][0] for k in keys if k in entities)
    if text:
        store.load(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=g)


def _article_nquads(article_id: str, key: str, cache: ResultCache) -> bytes:
    """One article's cached N-Quads (UTF-8); raises :class:`RasdError` when missing."""
    data = cache.get_nquads(key)
    if data is None:
        raise RasdError(f"{cache.path}: the result of article {article_id} went missing")
    return zlib.decompress(data)


class _KeptListings:
    """The shipped listing queries' answers being kept (:func:`rasd.kept.keep_listings`) once
    the build's handle on the store is closed.  A small graph's are kept when :meth:`result`
    is called (after the pages); a large graph's beside the pages, started at once, each
    listing by a process of its own, one after the other (7–19 s each at 31k articles): one
    process evaluating all three held ~400 MB RSS at the end at 31k, a fresh one for each
    peaks at ~280 MB (``bench/archive_results.md``, twenty-third session), and the page
    stage is where a large build peaks.  A failure is a warning: the build is done, and
    ``rasd query`` evaluates what was not kept."""

    def __init__(self, out_dir: Path, triples: int) -> None:
        self._out_dir = out_dir
        self._future: Future | None = None
        if triples > PRETTY_MAX_TRIPLES:
            self._future = Future()
            self._thread = threading.Thread(
                target=self._each_apart, args=(self._future,), daemon=True
            )
            self._thread.start()

    def _each_apart(self, done: Future) -> None:
        """Each listing in a process of its own, in order; the seconds summed, or the first
        exception, set on ``done``."""
        seconds = 0.0
        try:
            for name in kept.LISTINGS:
                if received() is not None:  # the build is stopping: no further process
                    raise RasdError("the build was interrupted")
                future, ender = _in_own_process(_keep_listings_timed, self._out_dir, (name,))
                try:
                    seconds += future.result()
                finally:
                    ender.join()
        except BaseException as exc:  # the build's thread raises it, or warns
            done.set_exception(exc)
        else:
            done.set_result(seconds)

    def result(self) -> float:
        """Wait for the answers; the seconds their evaluation took."""
        try:
            if self._future is None:
                return _keep_listings_timed(self._out_dir)
            try:
                return self._future.result()
            finally:
                self._thread.join()
        except (OSError, ValueError, RasdError, BrokenProcessPool) as exc:
            log.warning("%s: the listing answers were not kept (%s)", self._out_dir, exc)
            return 0.0

    def close(self) -> None:
        """For a build that failed after they started: as :meth:`result`; for one being
        stopped by a signal, the running listing's process is ended already: wait for the
        thread, evaluate nothing more, and say nothing of the loss."""
        if received() is None:
            self.result()
        elif self._future is not None:
            self._thread.join()


def _in_own_process(fn: Callable[..., Any], *args: Any) -> tuple[Future, threading.Thread]:
    """``fn(*args)`` in a process of its own (forkserver, not fork: this process may still
    hold the store, whose threads may hold locks), and the thread that ends that process as
    soon as it is done (:func:`~rasd.export.html.forked.end_when_done`: join it after the
    result)."""
    from rasd.export.html.forked import end_when_done

    ctx = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=ignore_interrupts)
    future = pool.submit(fn, *args)
    return future, end_when_done(future, pool)


def _keep_listings_timed(out_dir: Path, names: tuple[str, ...] | None = None) -> float:
    """:func:`rasd.kept.keep_listings` over ``out_dir`` (``names``: those listings only);
    the seconds it took."""
    t = time.perf_counter()
    kept.keep_listings(out_dir, names=names)
    return time.perf_counter() - t


class _RdfFiles:
    """``graph.ttl`` and ``graph.trig`` being written (:func:`write_rdf_files`).  A small graph
    is written at once from the store; a large one by a process of its own from the cache, so that
    it runs beside the pages, whose global stages leave the second core idle.
    :meth:`result` waits for the files and returns them with the seconds they took."""

    def __init__(
        self, out_dir: Path, store: ox.Store, state: _State, cache: ResultCache, entity_text: str
    ) -> None:
        t = time.perf_counter()
        self._future: Future | None = None
        total = sum(v[1] for v in state.articles.values())
        keys = state.cache_keys()
        self.keys = keys  # the page writer's too: it need not read the state back
        if total <= PRETTY_MAX_TRIPLES:
            files = write_rdf_files(out_dir, store, keys, cache, entity_text, total)
            self._done = (files, time.perf_counter() - t)
            return
        # the writer's process ends when it is done instead of idling until result(): at 31k it
        # held ~100 MB beside the whole page stage (bench/archive_results.md, build16)
        self._future, self._ender = _in_own_process(
            _write_rdf_large, out_dir, cache.path, keys, entity_text
        )

    def result(self) -> tuple[list[Path], float]:
        if self._future is None:
            return self._done
        try:
            return self._future.result()
        finally:
            self._ender.join()

    def close(self) -> None:
        """Wait for the files without taking them, for a build that failed after starting
        them (the pages): the writer's own error is logged, not raised over the build's."""
        if self._future is None:
            return
        try:
            exc = self._future.exception()
            if exc is not None and received() is None:  # not the loss of a stopping build
                log.warning("writing graph.ttl/graph.trig failed too: %r", exc)
        finally:
            self._ender.join()


def _write_rdf_large(
    out_dir: Path, cache_path: Path, keys: dict[str, str], entity_text: str
) -> tuple[list[Path], float]:
    """:func:`write_rdf_files` of a large graph in a process of its own (its own connection
    to the cache); returns the files and the seconds taken."""
    t = time.perf_counter()
    cache = ResultCache(cache_path)
    try:
        files = write_rdf_files(out_dir, None, keys, cache, entity_text, PRETTY_MAX_TRIPLES + 1)
    finally:
        cache.close()
    return files, time.perf_counter() - t


def write_rdf_files(
    out_dir: Path,
    store: ox.Store | None,
    keys: dict[str, str],
    cache: ResultCache,
    entity_text: str,
    total: int,
) -> list[Path]:
    """``graph.ttl`` (the union) and ``graph.trig`` (one named graph per article, ``keys``:
    article id → cache key, and the entities graph, ``entity_text`` as N-Triples),
    deterministic for the same store content: Oxigraph's grouped Turtle for small graphs
    (``total`` triples at most :data:`PRETTY_MAX_TRIPLES`, read from ``store``); for large ones,
    one triple a line from the cached N-Quads in article order, both files in one pass over
    the cache (Oxigraph's serialiser writes ~50k triples/s here, too slow for 25 M).  The lines
    of an article whose cache key is that of the files written last are copied from them
    (:class:`_RdfIndex`) instead of being read from the cache: the same bytes, since an
    article's lines follow from its id and its cached N-Quads alone."""
    ttl, trig = out_dir / "graph.ttl", out_dir / "graph.trig"
    index_path = _rdf_index_path(out_dir)
    if total <= PRETTY_MAX_TRIPLES and store is not None:
        from rasd.export.registry import get_exporter

        index_path.unlink(missing_ok=True)
        get_exporter("turtle").write(store, ttl)
        get_exporter("trig").write(store, trig)
        return [ttl, trig]
    old = _RdfIndex.load(out_dir)
    index_path.unlink(missing_ok=True)  # the files are being replaced
    entities = entity_text.encode("utf-8")
    articles: list[tuple[str, str, int]] = []
    with (
        atomic_path(ttl) as ttl_tmp,
        atomic_path(trig) as trig_tmp,
        ttl_tmp.open("wb") as t,
        trig_tmp.open("wb") as q,
        _OldRdf(out_dir, old) as reuse,
    ):
        t.write(entities)
        q.write(b"%s {\n%s}\n" % (nt.iri(str(ENTITIES_GRAPH)).encode("utf-8"), entities))
        head = (len(entities), q.tell())
        for article_id in sorted(keys):
            key = keys[article_id]
            size = reuse.take(article_id, key, t, q)
            if size is None:
                g = _graph_token(article_id)
                lines = _article_nquads(article_id, key, cache).replace(b" %s .\n" % g, b" .\n")
                t.write(lines)
                opening, closing = _trig_block(article_id)
                q.write(b"%s%s%s" % (opening, lines, closing))
                size = len(lines)
            articles.append((article_id, key, size))
        reuse.finish(t, q)
    # sealed after the renames (a rename changes a file's ctime)
    seals = (_stat_seal(ttl), _stat_seal(trig))
    samples = (_sample_hash(ttl), _sample_hash(trig))
    _RdfIndex(*seals, samples, head, tuple(articles)).save(out_dir)
    return [ttl, trig]


def _graph_token(article_id: str) -> bytes:
    """The IRI token of an article's named graph, as written in the N-Quads (UTF-8)."""
    return nt.iri(str(graph_iri(article_id))).encode("utf-8")


def _trig_block(article_id: str) -> tuple[bytes, bytes]:
    """What opens and what closes an article's named graph around its lines in the
    one-triple-a-line ``graph.trig``: ``\\n<graph> {\\n`` and ``}\\n``."""
    return b"\n%s {\n" % _graph_token(article_id), b"}\n"


def _trig_size(article_id: str, size: int) -> int:
    """The bytes an article takes in ``graph.trig`` when its lines take ``size`` in
    ``graph.ttl`` (:func:`_trig_block`)."""
    opening, closing = _trig_block(article_id)
    return len(opening) + size + len(closing)


RDF_INDEX_VERSION = 2
"""The version of :class:`_RdfIndex` and of the layout of the graph files it describes
(:func:`_trig_block`), its own (not :data:`STATE_VERSION`): an index of another version is
not used, the files are written from the cache.  2: the seals hold ctime and device, and the
index the files' sample hashes."""


def _rdf_index_path(out: Path) -> Path:
    return out / "state" / "rdf-index.pickle"


def _stat_seal(path: Path) -> tuple[int, int, int, int, int]:
    """Size, modification and change times (ns), inode and device of a file: another write
    changes one of them.  The change time is what an edit in place that puts the modification
    time back (``cp -p``, ``rsync -t --inplace``, ``touch -r``) still changes: ``utime``
    cannot set it.  Trusts the file system, for files this build wrote itself; an input's
    seal, :func:`_file_seal`, hashes its content."""
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


SAMPLE_BLOCKS = 64
"""The blocks of a graph file hashed by :func:`_sample_hash`."""


def _sample_hash(path: Path) -> str:
    """A hash of :data:`SAMPLE_BLOCKS` 4 KiB blocks spread evenly over a file and of its last
    block: a cheap check of its content against an edit its seal cannot see (one within the
    tick of a coarse file-system clock, which keeps the change time too)."""
    h = hashlib.blake2b(digest_size=16)
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        for at in [size * i // SAMPLE_BLOCKS for i in range(SAMPLE_BLOCKS)] + [size - 4096]:
            f.seek(max(at, 0))
            h.update(f.read(4096))
    return h.hexdigest()


@dataclass(frozen=True)
class _RdfIndex:
    """Where each article's lines sit in the one-triple-a-line ``graph.ttl`` and
    ``graph.trig`` written last: the files' seals, the bytes before the first article in
    each (the entities graph), and ``(article id, cache key, bytes of its lines in
    graph.ttl)`` in file order; ``samples`` are the files' :func:`_sample_hash`.  In
    ``graph.trig`` an article takes those lines wrapped in its graph's braces
    (:func:`_trig_block`)."""

    ttl: tuple[int, int, int, int, int]
    trig: tuple[int, int, int, int, int]
    samples: tuple[str, str]
    head: tuple[int, int]
    articles: tuple[tuple[str, str, int], ...]

    def save(self, out: Path) -> None:
        pickled.dump((RDF_INDEX_VERSION, self), _rdf_index_path(out))

    @staticmethod
    def load(out: Path) -> _RdfIndex | None:
        """The index of the files in ``out``, or None when absent, unreadable or not that of
        the files there now (another writer touched them)."""
        path = _rdf_index_path(out)
        if not path.is_file():
            return None
        try:
            version, index = pickled.load(path)
            if version != RDF_INDEX_VERSION or not isinstance(index, _RdfIndex):
                return None
            if (
                _stat_seal(out / "graph.ttl") != index.ttl
                or _stat_seal(out / "graph.trig") != index.trig
            ):
                return None
            samples = (_sample_hash(out / "graph.ttl"), _sample_hash(out / "graph.trig"))
            if samples != index.samples:
                log.info("%s: the graph files' content changed; written from the cache", path)
                return None
        except Exception as exc:  # a damaged index means writing the files from the cache
            log.info("%s is unusable (%s); graph files written from the cache", path, exc)
            return None
        return index


class _OldRdf:
    """The runs of article lines copied from the last ``graph.ttl``/``graph.trig``: an article
    taken (:meth:`take`) extends the current run when it follows the previous one in the old
    files; a run is copied when the next article is not taken or at :meth:`finish`."""

    def __init__(self, out: Path, index: _RdfIndex | None) -> None:
        self.out = out
        self.at: dict[str, tuple[str, int, int, int]] = {}
        if index is not None:
            t, q = index.head
            for article_id, key, size in index.articles:
                self.at[article_id] = (key, t, q, size)
                t += size
                q += _trig_size(article_id, size)
        self.run: list[int] | None = None  # [ttl start, trig start, ttl end, trig end]

    def __enter__(self) -> _OldRdf:
        self.files = None
        if self.at:
            self.files = (
                (self.out / "graph.ttl").open("rb"),
                (self.out / "graph.trig").open("rb"),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.files is not None:
            for f in self.files:
                f.close()

    def take(self, article_id: str, key: str, t: Any, q: Any) -> int | None:
        """The size of the article's lines when they are in the old files under ``key`` (they
        are copied with the run they belong to); None when they must be written afresh (the
        current run is copied first)."""
        old = self.at.get(article_id)
        if old is None or old[0] != key:
            self.finish(t, q)
            return None
        _key, t0, q0, size = old
        q1 = q0 + _trig_size(article_id, size)
        if self.run is not None and self.run[2] == t0 and self.run[3] == q0:
            self.run[2], self.run[3] = t0 + size, q1
        else:
            self.finish(t, q)
            if not self._starts(article_id, q0):
                return None
            self.run = [t0, q0, t0 + size, q1]
        return size

    def _starts(self, article_id: str, q0: int) -> bool:
        """Whether the article's graph opens at ``q0`` in the old ``graph.trig``, checked
        before a run is copied from there; when not, the old files are not those the index
        describes and nothing more is copied from them."""
        assert self.files is not None
        want = _trig_block(article_id)[0]
        self.files[1].seek(q0)
        if self.files[1].read(len(want)) == want:
            return True
        log.info("graph.trig is not what its index says; graph files written from the cache")
        self.at.clear()
        return False

    def finish(self, t: Any, q: Any) -> None:
        """Copy the current run, if any."""
        if self.run is None or self.files is None:
            return
        t0, q0, t1, q1 = self.run
        self.run = None
        _copy_range(self.files[0], t, t0, t1 - t0)
        _copy_range(self.files[1], q, q0, q1 - q0)


def _copy_range(src: Any, dst: Any, offset: int, size: int) -> None:
    """Append ``size`` bytes of ``src`` from ``offset`` to ``dst`` (binary files): in the
    kernel where it can (``os.copy_file_range``), else through this process, which also
    takes over what the kernel leaves (an error part way, nothing copied: as ``shutil``
    does); raises :class:`RasdError` when ``src`` is shorter."""
    dst.flush()  # the copy writes at the file's position, after what is buffered
    copy = getattr(os, "copy_file_range", None)
    while size > 0 and copy is not None:
        try:
            n = copy(src.fileno(), dst.fileno(), size, offset)
        except OSError:  # not between these files (another file system, an old kernel)
            break
        if n == 0:  # the end of src, or a file system that copies nothing: read it to know
            break
        offset, size = offset + n, size - n
    src.seek(offset)
    while size > 0:
        chunk = src.read(min(size, 1 << 22))
        if not chunk:
            raise RasdError(f"{src.name}: shorter than its index says")
        dst.write(chunk)
        size -= len(chunk)


class _CachedArticles:
    """Each article's text and spans for the pages, read from the build's cache (its N-Quads
    parsed, :func:`export.html.store.read_article_nquads`) instead of the on-disk store, where
    every term costs a disk look-up; and (:meth:`part`) what each article's named graph gives
    the site index (:func:`export.html.store.read_part_nquads`).  Each process opens its own
    connection (page writers and the site index's readers are forked)."""

    def __init__(self, out_dir: Path, keys: dict[str, str]) -> None:
        self.out_dir = out_dir
        self.keys = keys
        self._pid = -1
        self._cache: ResultCache | None = None
        self._store: ox.Store | None = None

    def _nquads(self, article_id: str) -> bytes | None:
        """The article's cached N-Quads (compressed; None when not in the cache)."""
        if self._pid != os.getpid() or self._cache is None:
            self._cache = ResultCache(self.out_dir / "cache" / "results.sqlite")
            self._store, self._pid = None, os.getpid()
        return self._cache.get_nquads(self.keys.get(article_id, ""))

    def part(self, graph: str) -> Any:
        """The site index's part of the article graph ``graph`` from the cache (None when
        ``graph`` is not an article's graph of the build, is not in the cache or has a blank
        node: the store is read instead)."""
        from rasd.export.html.store import read_part_nquads

        prefix = str(graph_iri(""))
        if not graph.startswith(prefix):
            return None
        data = self._nquads(graph[len(prefix) :])
        if data is None:
            return None
        return read_part_nquads(zlib.decompress(data), graph)

    def __call__(self, iri: str, entities: dict) -> Any:
        from rasd.export.html.store import read_article, read_article_nquads

        article_id = iri.rsplit("/", 1)[-1]
        data = self._nquads(article_id)
        if data is None:  # not in the cache (removed by hand): the store has it
            if self._store is None:
                self._store = ox.Store.read_only(str(self.out_dir / STORE_DIR))
            return read_article(self._store, iri, entities)
        nquads = zlib.decompress(data)
        detail = read_article_nquads(nquads, str(graph_iri(article_id)), iri, entities)
        if detail is not None:
            return detail
        small = ox.Store()  # blank nodes: read as the store gives them
        small.load(nquads, ox.RdfFormat.N_QUADS)
        return read_article(small, iri, entities)


def page_keys(
    state: _State,
) -> tuple[dict[str, str], Callable[[str], str | None], Callable[[str], str | None]]:
    """The build's cache key by article id, and the two look-ups the page writer takes from
    it: by article IRI (``content_key``) and by the IRI of an article's named graph
    (``graph_key``; None for any other graph)."""
    return page_lookups(state.cache_keys())


def page_lookups(
    keys: dict[str, str],
) -> tuple[dict[str, str], Callable[[str], str | None], Callable[[str], str | None]]:
    """:func:`page_keys` from the cache key by article id (``keys``)."""
    graphs = str(graph_iri(""))  # an article's named graph: this prefix and its id

    def content_key(iri: str) -> str | None:
        return keys.get(iri.rsplit("/", 1)[-1])

    def graph_key(iri: str) -> str | None:
        return keys.get(iri[len(graphs) :]) if iri.startswith(graphs) else None

    return keys, content_key, graph_key


def _pages_state_path(out: Path) -> Path:
    return out / "state" / "pages.pickle"


def _pages_dirty_path(out: Path) -> Path:
    return out / "state" / "pages.dirty"


def write_pages(
    out_dir: Path,
    *,
    max_overview_nodes: int = 400,
    workers: int = 1,
    counts: dict[str, int] | None = None,
    keys: dict[str, str] | None = None,
) -> Path:
    """The pages of the build in ``out_dir``, from its store (opened read-only); article text
    comes from the result cache where it is there.

    When ``out_dir`` holds the site of an earlier build (``OUT/state/pages.pickle``: the
    digest of every page's inputs, :mod:`export.html.incremental`), only the pages whose
    inputs changed are rendered and written, in place; ``OUT/state/pages.dirty`` marks the
    site as being written, so that a build killed meanwhile is followed by a full write.
    Otherwise the site is written to ``OUT/.site.new/`` and then renamed into place entry by
    entry (:data:`~export.html.model.SITE_ENTRIES`), so a build killed while writing pages
    leaves the previous site.  Either way the files are the same.  ``counts``, when given,
    receives the number of article and entity pages ``written`` and ``kept``.  ``keys`` (the
    cache key by article id, as the build just saved them in its state) saves reading the
    build's state back.
    """
    from rasd.export.html import write_site_from_store
    from rasd.export.html.incremental import PageState

    articles = None
    content_key = graph_key = None
    if keys is None:
        state = _load_state(out_dir)
        keys = None if state is None else state.cache_keys()
    if keys is not None:
        keys, content_key, graph_key = page_lookups(keys)
        articles = _CachedArticles(out_dir, keys)
    kw = dict(
        max_overview_nodes=max_overview_nodes,
        workers=workers,
        articles=articles,
        graph_key=graph_key,
        parts_from=articles.part if articles is not None else None,
    )
    state_path, dirty = _pages_state_path(out_dir), _pages_dirty_path(out_dir)
    pages = None
    if content_key is not None and not dirty.exists():
        pages = PageState.load(state_path)
    if pages is not None and all((out_dir / n).exists() for n in ("index.html", "static")):
        dirty.touch()
        write_site_from_store(
            out_dir / STORE_DIR, out_dir, state=pages, content_key=content_key, **kw
        )
        pages.save(state_path)
        dirty.unlink()
    else:
        pages = PageState() if content_key is not None else None
        _write_site_fresh(out_dir, state=pages, content_key=content_key, **kw)
        if pages is not None:
            pages.save(state_path)
            if dirty.exists():
                dirty.unlink()
        elif state_path.exists():
            state_path.unlink()
    if counts is not None and pages is not None:
        counts.update(written=pages.written, kept=pages.kept)
    return out_dir / "index.html"


def _write_site_fresh(out_dir: Path, **kw: Any) -> None:
    """Write the whole site to ``OUT/.site.new/`` and swap it in entry by entry."""
    from rasd.export.html import write_site_from_store

    stage, old = out_dir / ".site.new", out_dir / ".site.old"
    for leftover in (stage, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    write_site_from_store(out_dir / STORE_DIR, stage, **kw)
    old.mkdir()
    for name in SITE_ENTRIES:
        if not (stage / name).exists():
            continue
        if (out_dir / name).exists():
            os.replace(out_dir / name, old / name)
        os.replace(stage / name, out_dir / name)
    shutil.rmtree(old)
    shutil.rmtree(stage)


def _write_errors(out_dir: Path, failures: list[Failure]) -> None:
    lines = sorted(f.line() + "\n" for f in failures)
    with atomic_path(out_dir / "errors.jsonl") as tmp:
        tmp.write_text("".join(lines), encoding="utf-8")
