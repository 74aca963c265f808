"""Incremental pages: a build into a folder that holds an earlier build renders and writes only
the pages whose inputs changed, reads only the changed articles' graphs for the site index,
and leaves exactly the site a full build of the same inputs writes (compared file by file),
for articles added, removed and changed.

Real builds of SaudiNewsNet articles (one day's file of the shared corpus: its articles
share actors, places and publishers, so that new articles change pages of old ones)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS, need_shared

from rasd.build import build
from rasd.export.html import incremental
from rasd.export.html.incremental import PageState
from rasd.export.html.model import SITE_ENTRIES
from rasd.export.html.store import read_index
from rasd.graph.iri import ENTITIES_GRAPH

DAY = "2015-07-21.zip"
CHANGED_SENTENCE = (
    "\nوقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة العربية السعودية "
    "تدعم الحل السياسي في اليمن.\n"
)


def _records(n: int) -> list[dict]:
    need_shared(CORPUS / DAY)
    with zipfile.ZipFile(CORPUS / DAY) as zf:
        name = sorted(x for x in zf.namelist() if x.endswith(".json"))[0]
        recs = json.loads(zf.read(name))
    return [r for r in recs if (r.get("content") or "").strip()][:n]


def _write(folder: Path, parts: dict[str, list[dict]]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, recs in parts.items():
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return folder


def _site(out: Path) -> dict[str, bytes]:
    """Every file of the site in ``out`` by its path."""
    files: dict[str, bytes] = {}
    for name in SITE_ENTRIES:
        p = out / name
        if p.is_file():
            files[name] = p.read_bytes()
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file():
                    files[str(f.relative_to(out))] = f.read_bytes()
    return files


def _mtimes(out: Path) -> dict[str, int]:
    return {k: (out / k).stat().st_mtime_ns for k in _site(out)}


def _differ(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def _pages(site: dict[str, bytes]) -> int:
    return sum(k.startswith(("article/", "entity/")) for k in site)


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    recs = _records(14)
    changed = dict(recs[3])
    changed["content"] = changed["content"] + CHANGED_SENTENCE
    return {"a": recs[:10], "b": recs[10:], "a_changed": [*recs[:3], changed, *recs[4:10]]}


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory, corpus) -> tuple[Path, dict[str, bytes]]:
    """A full build of A: the folder updated by the tests below, and its site.  Every build
    reads the same input folder (an article's source path is part of its cache key)."""
    root = tmp_path_factory.mktemp("incpages")
    out = root / "out"
    report = build([_write(root / "in", {"a": corpus["a"]})], out)
    assert not report.incremental and report.pages_kept == 0
    assert report.pages_written == _pages(_site(out)) > 10
    assert (out / "state" / "pages.pickle").is_file()
    return out, _site(out)


def test_adding_articles_writes_only_changed_pages_and_equals_a_full_build(
    first, corpus, monkeypatch
) -> None:
    out, site_a = first
    before = _mtimes(out)
    folder = _write(out.parent / "in", {"a": corpus["a"], "b": corpus["b"]})
    read = []  # the graphs whose site-index part was read (None: all of them)
    real = incremental.read_parts
    monkeypatch.setattr(
        incremental,
        "read_parts",
        lambda store, graph=None, **kw: read.append(graph) or real(store, graph, **kw),
    )
    report = build([folder], out)
    monkeypatch.undo()
    assert report.incremental and (report.extracted, report.unchanged) == (4, 10)
    # the site index took the 4 new articles' parts from the cache: it read only the entities
    # and default graphs from the store
    assert sorted(read) == sorted(["", str(ENTITIES_GRAPH)])
    state = PageState.load(out / "state" / "pages.pickle")
    store = ox.Store.read_only(str(out / "store"))
    graphs = {g.value for g in store.named_graphs()} - {str(ENTITIES_GRAPH)}
    assert state is not None and set(state.parts) == graphs and len(graphs) == 14
    kept = {g: part for g, (_key, part) in state.parts.items()}
    assert read_index(store, parts=kept) == read_index(store)
    del store
    full = out.parent / "full"
    if full.exists():
        shutil.rmtree(full)
    build([folder], full)
    got, want = _site(out), _site(full)
    assert _differ(got, want) == []
    # some pages of A change (the new articles name their entities), most do not
    changed = [k for k in site_a if k in got and got[k] != site_a[k]]
    assert changed and report.pages_kept > 0
    assert report.pages_written + report.pages_kept == _pages(got)
    # a file whose bytes did not change was not written again
    after = _mtimes(out)
    same = [k for k in site_a if got.get(k) == site_a[k]]
    assert same and all(after[k] == before[k] for k in same)
    # the same inputs again: no page rendered, no file written
    again = build([folder], out)
    assert (again.pages_written, again.pages_kept) == (0, _pages(got))
    assert _mtimes(out) == after

    # B removed again: the site of the first full build of A, stale pages deleted
    removed = build([_write(out.parent / "in", {"a": corpus["a"]})], out)
    assert removed.removed == 4
    assert _differ(_site(out), site_a) == []


def test_a_changed_article_and_a_lost_state_give_the_full_build(first, corpus) -> None:
    out, _site_a = first
    folder = _write(out.parent / "in", {"a": corpus["a_changed"]})
    report = build([folder], out)
    assert report.incremental and report.extracted == 1 and report.removed == 1
    full = out.parent / "full"
    if full.exists():
        shutil.rmtree(full)
    build([folder], full)
    want = _site(full)
    assert _differ(_site(out), want) == []
    assert 0 < report.pages_written < _pages(want)

    # a page edited by hand (or half written) is put back when its inputs change, and a
    # damaged or missing page state means every page is written again, in full
    state = PageState.load(out / "state" / "pages.pickle")
    assert state is not None and state.kept == report.pages_kept
    (out / "state" / "pages.pickle").write_bytes(b"damaged")
    some = next(k for k in want if k.startswith("entity/"))
    (out / some).write_text("edited", encoding="utf-8")
    again = build([folder], out)
    assert again.pages_kept == 0 and again.pages_written == _pages(want)
    assert _differ(_site(out), want) == []

    # a build killed while writing pages in place leaves the marker: the next one writes all
    (out / "state" / "pages.dirty").touch()
    (out / some).write_text("half written", encoding="utf-8")
    third = build([folder], out)
    assert third.pages_kept == 0
    assert _differ(_site(out), want) == []
    assert not (out / "state" / "pages.dirty").exists()


def test_the_site_index_reads_changed_graphs_alone_and_many_at_once(first, monkeypatch) -> None:
    out, _site_a = first
    state = PageState.load(out / "state" / "pages.pickle")
    assert state is not None and state.parts
    keys = {g: k for g, (k, _part) in state.parts.items()}
    store = ox.Store.read_only(str(out / "store"))
    whole = read_index(store)
    read = []
    real = incremental.read_parts
    monkeypatch.setattr(
        incremental,
        "read_parts",
        lambda store, graph=None, **kw: read.append(graph) or real(store, graph, **kw),
    )
    monkeypatch.setattr(incremental, "MAX_ALONE", 2)
    # nothing changed: only the graphs without a key (entities) and the default graph are read
    parts, keep = incremental.current_parts(store, state.parts, keys.get)
    assert sorted(read) == sorted(["", str(ENTITIES_GRAPH)]) and keep.keys() == keys.keys()
    assert read_index(store, parts=parts) == whole
    # one article changed: its graph is read alone
    changed = sorted(keys)[0]
    read.clear()
    parts, _keep = incremental.current_parts(
        store, state.parts, lambda g: "new" if g == changed else keys.get(g)
    )
    assert changed in read and None not in read
    assert read_index(store, parts=parts) == whole
    # every key changed (a new extractor): one read of the whole store, not one per graph
    read.clear()
    parts, _keep = incremental.current_parts(store, state.parts, lambda g: "new")
    assert read == [None]
    assert read_index(store, parts=parts) == whole
    # a first write with the parts from elsewhere, by forked processes: only the graphs that
    # source does not give are read from the store
    monkeypatch.setattr(incremental, "PART_BATCH", 2)
    entities = str(ENTITIES_GRAPH)
    for workers in (1, 2):
        read.clear()
        parts, keep = incremental.current_parts(
            store,
            {},
            keys.get,
            parts_from=lambda g: None if g == entities else real(store, g)[g],
            workers=workers,
        )
        assert sorted(read) == sorted(["", entities]) and keep.keys() == keys.keys()
        assert read_index(store, parts=parts) == whole


def test_a_failed_parts_read_is_the_error_raised_not_the_entity_readers(
    first, tmp_path, monkeypatch
) -> None:
    """The entities are read by a forked process beside the parts: when both fail, the parts'
    error (the one the builder met) propagates; the reader's is logged, not raised over it."""
    import rasd.export.html as html
    from rasd.build import STORE_DIR

    out, _site_a = first
    state = PageState.load(out / "state" / "pages.pickle")
    assert state is not None
    keys = {g: k for g, (k, _part) in state.parts.items()}

    def parts_fail(*args, **kw):
        raise ValueError("the parts failed")

    def entities_fail(path):
        raise RuntimeError("the entity reader failed")

    monkeypatch.setattr(html, "current_parts", parts_fail)
    monkeypatch.setattr(html, "read_entities_at", entities_fail)
    with pytest.raises(ValueError, match="the parts failed"):
        html.write_site_from_store(
            out / STORE_DIR, tmp_path / "site", state=PageState(), graph_key=keys.get, workers=2
        )
    # the reader alone failing: its error is raised
    monkeypatch.setattr(html, "current_parts", incremental.current_parts)
    with pytest.raises(RuntimeError, match="the entity reader failed"):
        html.write_site_from_store(
            out / STORE_DIR, tmp_path / "site", state=PageState(), graph_key=keys.get, workers=2
        )
