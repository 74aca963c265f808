"""fix19d: review19b's findings on perf20's store thread and query20's kept answers."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from conftest import ROOT

import rasd
from rasd import kept
from rasd.build import _StoreWriter
from rasd.cli import main
from rasd.graph.store import STORE_DIR, load, run_query, shipped_queries


class _BlockingStore:
    """A store whose load blocks until ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.finished = False

    def bulk_load(self, data: bytes, *args: Any, **kwargs: Any) -> None:
        self.started.set()
        self.release.wait(10)
        time.sleep(0.05)
        self.finished = True


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals")
def test_interrupted_wait_leaves_the_load_waited_for() -> None:
    """Ctrl-C while the build waits for a load: close() still waits until the load is over
    (on 3.11 an interrupted Thread.join marked the thread stopped, and close() returned)."""
    store = _BlockingStore()
    writer = _StoreWriter(store)  # type: ignore[arg-type]
    writer.add(b"x")
    writer.flush()
    assert store.started.wait(5)
    main = threading.main_thread().ident
    assert main is not None and threading.get_ident() == main
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C as usual
    try:
        threading.Timer(0.2, signal.pthread_kill, (main, signal.SIGINT)).start()
        with pytest.raises(KeyboardInterrupt):
            writer.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert not store.finished
    threading.Timer(0.3, store.release.set).start()
    writer.close()
    assert store.finished
    writer.close()  # nothing left running: returns at once


# --- kept answers (rasd/kept.py) on a tiny store -------------------------------------------

SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _out(tmp_path: Path, n: int = 3) -> Path:
    """A folder holding a store with ``n`` articles (what ``rasd query`` takes as a build)."""
    out = tmp_path / "out"
    out.mkdir()
    store = ox.Store(str(out / STORE_DIR))
    for i in range(n):
        art = ox.NamedNode(f"https://example.org/a{i}")
        g = ox.NamedNode(f"https://example.org/g{i}")
        date = ox.Literal(f"2015-07-{i + 10}", datatype=ox.NamedNode(f"{XSD}date"))
        store.add(ox.Quad(art, ox.NamedNode(RDF_TYPE), ox.NamedNode(f"{SCHEMA}NewsArticle"), g))
        store.add(ox.Quad(art, ox.NamedNode(f"{SCHEMA}datePublished"), date, g))
        store.add(ox.Quad(art, ox.NamedNode(f"{SCHEMA}headline"), ox.Literal(f"h{i}"), g))
    store.flush()
    del store
    return out


XSD = "http://www.w3.org/2001/XMLSchema#"


def _query(out: Path, name: str, fmt: str, *extra: str) -> Result:
    result = CliRunner().invoke(
        main, ["query", str(out), str(ROOT / "queries" / name), "--format", fmt, *extra]
    )
    assert result.exit_code == 0, result.output
    return result


def _fresh(out: Path, name: str, fmt: str) -> bytes:
    sparql = shipped_queries()[name]
    store = load(out)
    return kept.printed(run_query(store, sparql), fmt)


def _files(out: Path) -> list[str]:
    return sorted(p.name for p in (out / kept.ANSWERS_DIR).iterdir())


def test_first_ask_never_builds_the_whole_answer(tmp_path: Path, monkeypatch) -> None:
    """The first ask of a listing streams: neither the whole JSON (kept.solutions) nor the
    whole printed text (kept.printed) is built; the printed bytes are unchanged."""
    out = _out(tmp_path)
    want = {fmt: _fresh(out, "timeline.rq", fmt) for fmt in kept.FORMATS}
    assert want["table"].count(b"\n") == 4

    def whole(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the whole answer was built in memory")

    monkeypatch.setattr(kept, "solutions", whole)
    monkeypatch.setattr(kept, "printed", whole)
    for fmt in ("table", "csv", "json"):
        kept.clear(out)
        first = _query(out, "timeline.rq", fmt)
        assert first.stdout_bytes == want[fmt] and "kept answer" not in first.stderr
        again = _query(out, "timeline.rq", fmt)
        assert again.stdout_bytes == want[fmt]
        if fmt == "table":
            assert "(3 rows, kept answer" in again.stderr
        assert {n.rsplit(".", 1)[1] for n in _files(out)} == {"json", fmt}
        assert not [n for n in _files(out) if n.startswith(".")]


def test_kept_answers_of_another_version_are_not_read(tmp_path: Path, monkeypatch) -> None:
    out = _out(tmp_path)
    sparql = shipped_queries()["evidence.rq"]
    state = kept.store_fingerprint(out)
    assert kept.write(out, sparql, "table", state, b"?a\n<old>\n")
    assert kept.read(out, sparql, "table") == b"?a\n<old>\n"
    monkeypatch.setattr(rasd, "__version__", rasd.__version__ + ".dev1")
    assert kept.read(out, sparql, "table") is None
    monkeypatch.undo()
    monkeypatch.setattr(ox, "__version__", ox.__version__ + ".post1")
    assert kept.read(out, sparql, "table") is None


def test_a_failed_write_leaves_nothing_and_a_commit_is_fsynced_first(
    tmp_path: Path, monkeypatch
) -> None:
    out = _out(tmp_path)
    sparql = shipped_queries()["evidence.rq"]
    state = kept.store_fingerprint(out)
    with pytest.raises(RuntimeError), kept.Keeper(out, sparql, "csv", state) as keeper:
        keeper.add(b"a\r\n")
        raise RuntimeError("interrupted")
    assert _files(out) == []
    # the store changed after the evaluation began: nothing kept, no temporary file left
    assert not kept.write(out, sparql, "csv", "0" * 32, b"a\r\n")
    assert _files(out) == []
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(kept.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(
        kept.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))
    )
    assert kept.write(out, sparql, "csv", state, b"a\r\n")
    assert calls == ["fsync", "replace"]
    assert kept.read(out, sparql, "csv") == b"a\r\n"


@pytest.mark.parametrize("cut", [0, 1, -1])
def test_an_empty_or_cut_kept_file_is_not_read(tmp_path: Path, cut: int) -> None:
    """A kept file emptied or cut short (by hand, a full disk, a crash of the file system) is
    evaluated again, not printed."""
    out = _out(tmp_path)
    want = _fresh(out, "timeline.rq", "table")
    _query(out, "timeline.rq", "table")
    (path,) = [p for p in (out / kept.ANSWERS_DIR).iterdir() if p.suffix == ".table"]
    body = path.read_bytes()
    path.write_bytes(body[:0] if cut == 0 else body[:cut] if cut < 0 else body[: len(body) // 2])
    assert kept.read(out, shipped_queries()["timeline.rq"], "table") is None
    again = _query(out, "timeline.rq", "table")
    assert again.stdout_bytes == want and "kept answer" not in again.stderr
    assert "kept answer" in _query(out, "timeline.rq", "table").stderr


def test_serve_warm_reads_the_answers_of_the_store_it_opened(tmp_path: Path) -> None:
    """warm() reads and keeps the answers of the store state taken when the server opened the
    store, not of a later state it has not seen."""
    from rasd.answers import AnswerCache, query_key
    from rasd.serve import SparqlEndpoint, StoreWatch

    out = _out(tmp_path)
    sparql = shipped_queries()["timeline.rq"]
    opened = kept.store_fingerprint(out)
    watch = StoreWatch(out)
    assert watch.fingerprint == opened
    store = ox.Store()  # what the server reads: the store as it was opened
    store.bulk_extend(load(out))
    # the store changes (unnoticed by the watch, in the race this guards against), and the
    # answer of its new state is kept
    writer = ox.Store(str(out / STORE_DIR))
    writer.add(
        ox.Quad(
            ox.NamedNode("https://example.org/late"),
            ox.NamedNode(RDF_TYPE),
            ox.NamedNode(f"{SCHEMA}NewsArticle"),
            ox.NamedNode("https://example.org/late-g"),
        )
    )
    writer.flush()
    del writer
    later = kept.store_fingerprint(out)
    assert later != opened
    assert kept.write(out, sparql, "json", later, b'{"later": true}')
    watch.changed = lambda: None  # type: ignore[method-assign]
    endpoint = SparqlEndpoint(store, watch=watch, cache=AnswerCache(1 << 24))
    assert endpoint.warm(sparql)
    cached = endpoint.cache.get(query_key(sparql), ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]
    assert cached == kept.solutions(store, sparql)
    assert kept.read(out, sparql, "json", later) == b'{"later": true}'  # not overwritten


def test_cue_forms_order_never_decides_a_two_word_cue() -> None:
    """_cue_forms_of_folded keeps its forms in a tuple (cheaper than a set in its 100k memo):
    that is the same match only while no first word of a two-word cue is another such first
    word with و/ف before it (then at most one form begins a two-word cue)."""
    from rasd.extract import patterns

    firsts = patterns._cue_first_words()[0]
    assert not [w for w in firsts if w[0] in "وف" and w[1:] in firsts]
    assert patterns._cue_forms_of_folded(patterns.fold("وقال")) == ("وقال", "قال")
    assert patterns.cue_forms("وقال") == {"قال", "وقال"}
