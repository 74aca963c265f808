"""The archive build: fault isolation, the store, the cache, incremental builds, workers and a
real Dask cluster, each checked against a plain full build of the same articles."""

from __future__ import annotations

import dataclasses
import errno
import json
import multiprocessing
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, SEEDS
from rdflib import BNode, Dataset, Graph
from rdflib.compare import isomorphic

import rasd.build
import rasd.cache
from rasd.build import EXIT_SKIPPED, build
from rasd.export import pickled
from rasd.extract.errors import ExtractError, RasdError, UsageError
from rasd.extract.pipeline import COMPONENTS, DEFAULT_PIPELINE, component, extract_article
from rasd.extract.reader import parse_text
from rasd.graph.vocab import SCHEMA

GOLDEN_TXT = ROOT / "tests" / "fixtures" / "golden" / "article.txt"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
OUTPUTS = ("graph.ttl", "graph.trig", "errors.jsonl")


def _inputs(tmp: Path, files: list[Path]) -> Path:
    folder = tmp / "in"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _store_quads(out: Path) -> set[str]:
    store = ox.Store.read_only(str(out / "store"))
    return set(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def test_find_organizations_survives_a_tatweel_token() -> None:
    """The aleqt.com article that aborted a 2,000-article build: a token of only tatweel
    (folded to "") after an organisation head noun."""
    text = "وهي تلك التي تندرج تحت إطار جماعة سياسية ـــ وهي بطبيعة الحال ذات مصالح."
    ex = extract_article(parse_text(text, "aleqt.txt"))
    assert ex.article.text == text


def test_find_organizations_survives_a_title_word_ending_the_text() -> None:
    """Three SaudiNewsNet articles (sabq.org, al-jazirah.com, alriyadh.com) failed in the 31k
    build of 2026-12-01: an organisation head and a title word (جامعة الملك) at the very end,
    where the name that should follow was read past the last token."""
    text = "وقال إنه درس في جامعة الملك"
    ex = extract_article(parse_text(text, "sabq.txt"))
    assert ex.article.text == text


@pytest.fixture
def exploding_component() -> str:
    """A component that raises on one article (whose text names a marker) and on no other."""
    name = "test-explode"

    def explode(doc) -> None:
        if "قنبلة" in doc.article.text:
            raise RuntimeError("boom on purpose")

    component(name)(explode)
    yield name
    del COMPONENTS[name]


def test_one_failing_article_is_reported_and_the_rest_built(
    tmp_path: Path, exploding_component: str
) -> None:
    folder = _inputs(tmp_path, SEED_FILES[:2])
    (folder / "bad.txt").write_text("خبر فيه قنبلة موقوتة عن تنظيم داعش.", encoding="utf-8")
    pipeline = (*DEFAULT_PIPELINE[:3], exploding_component, *DEFAULT_PIPELINE[3:])
    out = tmp_path / "out"
    report = build([folder], out, pipeline=pipeline, pages=False)
    assert report.exit_code == EXIT_SKIPPED and report.articles == 2
    (failure,) = report.failures
    assert failure.component == exploding_component and failure.stage == "extract"
    assert failure.source.endswith("bad.txt") and "boom on purpose" in failure.error
    (line,) = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["component"] == exploding_component
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    heads = set(ds.objects(None, SCHEMA.identifier))
    assert len(heads) == 2  # both good articles are in the graph, the bad one is not
    with pytest.raises(UsageError, match="--strict"):
        build([folder], tmp_path / "strict", pipeline=pipeline, pages=False, strict=True)
    assert not (tmp_path / "strict" / "graph.ttl").exists()


def _dying_batch(batch: list, pipeline: tuple[str, ...]) -> list:
    """:func:`rasd.build.process_batch` as a worker runs it, except that an article naming
    «زلزال» kills its worker process (as a crash in native code or the OOM killer would) and
    one naming «قنبلة» fails in a component (its error travels back pickled)."""
    from rasd.build import process_batch
    from rasd.extract.pipeline import article_record

    if any("زلزال" in a.text for _k, a in batch):
        os._exit(70)
    bad = {k for k, a in batch if "قنبلة" in a.text}
    out = process_batch([(k, a) for k, a in batch if k not in bad], pipeline)
    for k, a in batch:
        if k in bad:
            boom = RuntimeError("boom on purpose")
            out.append((k, ExtractError(a.source, article_record(a), "test-explode", boom)))
    return out


def test_a_dead_worker_or_a_failing_article_costs_only_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In worker processes: a component's error comes back as that article's failure, and a
    worker that dies takes only its article with it (the SaudiNewsNet build of 2026-12-01
    aborted after 14 minutes when an error could not be unpickled)."""
    monkeypatch.setattr(rasd.build, "SMALL_BUILD", 0)  # use the workers even for five articles
    monkeypatch.setattr(rasd.build, "process_batch", _dying_batch)
    folder = _inputs(tmp_path, SEED_FILES[:3])
    (folder / "crash.txt").write_text("خبر عن زلزال خفيف في مدينة الرياض.", encoding="utf-8")
    (folder / "bad.txt").write_text("خبر فيه قنبلة موقوتة عن تنظيم داعش.", encoding="utf-8")
    out = tmp_path / "out"
    report = build([folder], out, pages=False, workers=2, batch_size=2)
    assert report.exit_code == EXIT_SKIPPED and report.articles == 3
    failed = {Path(f.source).name: f for f in report.failures}
    assert set(failed) == {"crash.txt", "bad.txt"}
    assert failed["crash.txt"].component == rasd.build.WORKER_DIED
    assert "worker process died" in failed["crash.txt"].error
    assert failed["bad.txt"].component == "test-explode"
    assert "boom on purpose" in failed["bad.txt"].error
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["component"] for line in lines) == ["test-explode", "worker"]
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    assert len(set(ds.objects(None, SCHEMA.identifier))) == 3  # the three seeds, nothing lost


@pytest.fixture(scope="module")
def full_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain full build of the seeds, inline, without pages."""
    out = tmp_path_factory.mktemp("full")
    report = build([SEEDS], out, pages=False)
    assert report.articles == 5 and report.exit_code == 0
    return out


def test_store_holds_the_graph_and_answers_queries(full_seeds: Path) -> None:
    from rasd.graph.store import load, select_rows

    ttl = Graph().parse(full_seeds / "graph.ttl")
    store = load(full_seeds)
    union = Graph()
    data = ox.serialize(
        store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True),
        format=ox.RdfFormat.N_TRIPLES,
    )
    union.parse(data=data, format="nt")
    assert isomorphic(union, ttl)
    graphs = {g.value for g in store.named_graphs()}
    assert "https://w3id.org/rasd/graph/entities" in graphs and len(graphs) == 6
    rows = select_rows(store, "SELECT ?l WHERE { rasdid:dAEc rdfs:label ?l FILTER(lang(?l)='ar') }")
    assert rows == [{"l": "داعش"}]


def _rows(rows: list[dict[str, str]]) -> list[tuple[tuple[str, str], ...]]:
    """Rows as sorted tuples, each " | "-joined cell's parts sorted (GROUP_CONCAT's order is
    the engine's)."""
    return sorted(
        tuple(sorted((k, " | ".join(sorted(v.split(" | ")))) for k, v in row.items()))
        for row in rows
    )


@pytest.mark.parametrize("query", sorted(p.name for p in (ROOT / "queries").glob("*.rq")))
def test_each_shipped_query_gives_the_same_rows_in_the_store_and_in_rdflib(
    full_seeds: Path, query: str
) -> None:
    # the shipped queries are written for Oxigraph's joins (independent blocks); they must
    # mean the same in any SPARQL engine, here rdflib's over graph.ttl
    from rasd.graph.build import bind_prefixes
    from rasd.graph.store import load, select_rows

    text = (ROOT / "queries" / query).read_text(encoding="utf-8")
    in_store = select_rows(load(full_seeds), text)
    graph = Graph().parse(full_seeds / "graph.ttl")
    bind_prefixes(graph)
    result = graph.query(text)
    names = [str(v) for v in result.vars]
    in_rdflib = [
        {n: str(row[n]) for n in names if row[n] is not None}
        for row in result  # type: ignore[union-attr]
    ]
    assert in_store and _rows(in_store) == _rows(in_rdflib)


def test_incremental_add_and_remove_equals_a_full_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([_inputs(tmp_path, [*SEED_FILES[:3], GOLDEN_TXT])], out, pages=False)
    assert first.extracted == 4 and not first.incremental
    # two articles added, the golden one removed: only the two new ones are extracted
    folder = _inputs(tmp_path, SEED_FILES)
    second = build([folder], out, pages=False)
    assert second.incremental
    assert (second.extracted, second.unchanged, second.removed) == (2, 3, 1)
    full = tmp_path / "full"
    build([folder], full, pages=False)
    _same_outputs(out, full)
    assert _store_quads(out) == _store_quads(full)
    # nothing changed: nothing extracted, nothing rewritten
    third = build([folder], out, pages=False)
    assert (third.extracted, third.unchanged, third.removed) == (0, 5, 0)
    _same_outputs(out, full)


def test_an_incremental_build_derives_only_the_keys_it_touches_and_reads_a_version_1_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The state keeps every entity's lines and its summaries packed; an incremental build
    re-derives only the keys its articles touch, and a state of version 1 (summaries as
    objects, no entity lines) is read without a rebuild: the same bytes and store as a full
    build either way."""
    out = tmp_path / "out"
    build([_inputs(tmp_path, SEED_FILES[:3])], out, pages=False)
    version, state = pickled.load(out / "state" / "state.pickle")
    assert version == rasd.build.STATE_VERSION == 2
    assert state.entities and all(type(s) is tuple for s in state.summaries.values())
    # back to version 1: summaries as KeySummary objects, no entity lines
    state.summaries = {k: rasd.build._summary(s) for k, s in state.summaries.items()}
    del state.entities
    pickled.dump((1, state), out / "state" / "state.pickle")
    derived: list[str] = []
    real_derive = rasd.build.derive

    def counting_derive(key, summary):  # type: ignore[no-untyped-def]
        derived.append(key)
        return real_derive(key, summary)

    monkeypatch.setattr(rasd.build, "derive", counting_derive)
    folder = _inputs(tmp_path, SEED_FILES)
    second = build([folder], out, pages=False)
    assert second.incremental and second.extracted == len(SEED_FILES) - 3
    _version, after = pickled.load(out / "state" / "state.pickle")
    assert sorted(derived) == sorted(after.summaries)  # no entity lines yet: every key
    full = tmp_path / "full"
    build([folder], full, pages=False)
    _same_outputs(out, full)
    assert _store_quads(out) == _store_quads(full)
    # version 2 now: one article removed re-derives only the keys it named
    derived.clear()
    third = build([_inputs(tmp_path, SEED_FILES[1:])], out, pages=False)
    assert third.incremental and third.removed == 1
    _version, now = pickled.load(out / "state" / "state.pickle")
    assert 0 < len(derived) < len(now.summaries)
    full = tmp_path / "full-3"
    build([tmp_path / "in"], full, pages=False)
    _same_outputs(out, full)
    assert _store_quads(out) == _store_quads(full)


def test_cache_is_keyed_by_the_extractor_fingerprint(
    tmp_path: Path, full_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    folder = SEEDS
    shutil.copytree(full_seeds, out)
    again = build([folder], out, pages=False)
    assert (again.extracted, again.unchanged) == (0, 5)
    # editing any data file changes the fingerprint: every article is extracted again
    real = rasd.cache._package_digest()
    monkeypatch.setattr(rasd.cache, "_package_digest", lambda: real + "-edited")
    edited = build([folder], out, pages=False)
    assert (edited.extracted, edited.unchanged, edited.from_cache) == (5, 0, 0)
    _same_outputs(out, full_seeds)


def test_fingerprint_covers_every_data_file(tmp_path: Path) -> None:
    """The digest reads the data and model files of the installed packages: editing one
    (here: a copy of the package with one TSV changed) gives another fingerprint."""
    from rasd import extract

    root = Path(extract.__file__).parent
    assert (root / "data" / "speech_cues.tsv").is_file()
    digests = []
    for edit in (False, True):
        copy = tmp_path / f"copy{edit}" / "extract"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__", "models"))
        if edit:
            with (copy / "data" / "speech_cues.tsv").open("a", encoding="utf-8") as f:
                f.write("\n")
        digests.append(rasd.cache.tree_digest([copy]))
    assert digests[0] != digests[1]
    assert rasd.cache.tree_digest([root]) == rasd.cache.tree_digest([root])


def test_a_damaged_cache_entry_is_detected_and_rebuilt(tmp_path: Path, full_seeds: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(full_seeds, out)
    db = sqlite3.connect(out / "cache" / "results.sqlite")
    db.execute("UPDATE results SET nquads = X'00' WHERE rowid = (SELECT MIN(rowid) FROM results)")
    db.commit()
    db.close()
    shutil.rmtree(out / "state")  # no trustworthy state: everything comes from the cache again
    report = build([SEEDS], out, pages=False)
    assert report.corrupt_cache == 1
    assert (report.extracted, report.from_cache) == (1, 4)
    _same_outputs(out, full_seeds)


def test_workers_give_the_same_bytes(
    tmp_path: Path, full_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rasd.build, "SMALL_BUILD", 0)  # use the workers even for five articles
    out = tmp_path / "out"
    report = build([SEEDS], out, pages=False, workers=2, batch_size=1)
    assert report.extracted == 5
    _same_outputs(out, full_seeds)
    assert _store_quads(out) == _store_quads(full_seeds)


def test_a_real_dask_cluster_gives_the_same_bytes(tmp_path: Path, full_seeds: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        out = tmp_path / "out"
        report = build([SEEDS], out, pages=False, dask=cluster.scheduler_address, batch_size=2)
    assert report.extracted == 5 and report.exit_code == 0
    _same_outputs(out, full_seeds)
    assert _store_quads(out) == _store_quads(full_seeds)


def test_unreachable_dask_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot reach the scheduler"):
        build([GOLDEN_TXT], tmp_path / "o", pages=False, dask="tcp://127.0.0.1:9")
    with pytest.raises(UsageError, match=r"--dask scheduler: not a scheduler address \(.*port"):
        build([GOLDEN_TXT], tmp_path / "o2", pages=False, dask="scheduler")


def test_a_name_written_with_invisible_characters_is_one_clean_node() -> None:
    """هشام + ZWNJ + الخطيب (issue 12) and the plain spelling: one key, one IRI, a label that
    search finds; the mention keeps the text as written (evidence)."""
    from rasd.extract.resolve import resolve
    from rasd.graph.iri import entity_iri

    text = "قال هشام\u200c الخطيب إن الوضع صعب. وأضاف هشام الخطيب أن الحل قريب."
    ex = extract_article(parse_text(text, "zwnj.txt"))
    people = {k: e for k, e in resolve([ex]).items() if e.cls == "Person"}
    assert list(people) == ["هشام الخطيب"]
    assert people["هشام الخطيب"].label == "هشام الخطيب" and people["هشام الخطيب"].aliases == ()
    assert "%E2%80%8C" not in str(entity_iri("هشام الخطيب"))
    assert any("\u200c" in m.surface for m in ex.mentions)


def test_a_corpus_of_bad_files_builds_every_good_article(tmp_path: Path) -> None:
    """Issue 12's bad inputs (tests/test_reader.py:bad_corpus) beside good ones, built in one
    run through the command line: exit 3, one line per bad input on stderr and in
    errors.jsonl, and every distinct good article in the graph."""
    from click.testing import CliRunner
    from test_reader import bad_corpus

    from rasd.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    expect = bad_corpus(folder)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--no-pages"])
    assert r.exit_code == EXIT_SKIPPED, r.output
    assert "Traceback" not in r.stderr
    failures = [
        json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    got = {f["source"].removeprefix(f"{folder}/"): f["error"] for f in failures}
    assert set(got) == set(expect)
    for where, reason in expect.items():
        assert got[where].startswith(reason), where
        assert sum(where in line for line in r.stderr.splitlines()) >= 1
    # the good articles are copies of two texts (a seed and a JSON record): both are built
    g = Graph().parse(out / "graph.ttl")
    assert len(set(g.subjects(None, SCHEMA.NewsArticle))) == 2


def test_pages_from_the_cache_equal_pages_from_the_store(seeds_build: Path, tmp_path: Path) -> None:
    """The build hands the page writer each article's text from its result cache; the pages
    are the same bytes as pages read wholly from the store."""
    from rasd.export.html import write_site_from_store

    write_site_from_store(seeds_build / "store", tmp_path)
    files = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert Path("index.html") in files and any(f.parts[0] == "article" for f in files)
    differ = [f for f in files if (tmp_path / f).read_bytes() != (seeds_build / f).read_bytes()]
    assert differ == []


def test_large_graph_files_are_the_same_graphs(
    tmp_path: Path, full_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past PRETTY_MAX_TRIPLES, graph.ttl and graph.trig are written one triple a line from
    the cached N-Quads: the same graphs as the grouped Turtle/TriG, and the same bytes twice."""
    monkeypatch.setattr(rasd.build, "PRETTY_MAX_TRIPLES", 0)
    outs = []
    for name in ("a", "b"):
        build([SEEDS], tmp_path / name, pages=False)
        outs.append(tmp_path / name)
    _same_outputs(outs[0], outs[1])
    assert (outs[0] / "graph.ttl").read_bytes() != (full_seeds / "graph.ttl").read_bytes()
    # no blank nodes, so the same graph means the same set of triples (rdflib's isomorphic()
    # hashes language tags as written: Oxigraph writes ar-latn, the line writer ar-Latn)
    lines_ttl = set(Graph().parse(outs[0] / "graph.ttl"))
    assert not any(isinstance(x, BNode) for t in lines_ttl for x in t)
    assert lines_ttl == set(Graph().parse(full_seeds / "graph.ttl"))
    lines, pretty = Dataset(), Dataset()
    lines.parse(outs[0] / "graph.trig", format="trig")
    pretty.parse(full_seeds / "graph.trig", format="trig")
    names = sorted(str(g.identifier) for g in pretty.graphs() if len(g))
    assert sorted(str(g.identifier) for g in lines.graphs() if len(g)) == names
    for g in pretty.graphs():
        if len(g):
            assert set(lines.graph(g.identifier)) == set(g), g.identifier


def test_large_graph_files_of_an_incremental_build_equal_a_full_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One triple a line, an incremental build copies the lines of its unchanged articles from
    the files written last (not from the cache) and writes the same bytes as a full build;
    files touched since they were written are not copied from."""
    monkeypatch.setattr(rasd.build, "PRETTY_MAX_TRIPLES", 0)
    out = tmp_path / "out"
    build([_inputs(tmp_path, [*SEED_FILES[:3], GOLDEN_TXT])], out, pages=False)
    assert (out / "state" / "rdf-index.pickle").is_file()
    # an unchanged article's cached result goes missing: only the old files still have it
    golden = parse_text(GOLDEN_TXT.read_text(encoding="utf-8"), "g").id
    kept = min(k for a, (k, *_n) in rasd.build._load_state(out).articles.items() if a != golden)
    db = sqlite3.connect(out / "cache" / "results.sqlite")
    with db:
        db.execute("DELETE FROM results WHERE key = ?", (kept,))
    db.close()
    folder = _inputs(tmp_path, SEED_FILES)
    second = build([folder], out, pages=False)
    assert (second.extracted, second.unchanged, second.removed) == (2, 3, 1)
    full = tmp_path / "full"
    build([folder], full, pages=False)
    _same_outputs(out, full)
    # a hand-edited graph.ttl is not copied from: the lines come from the cache again
    shutil.rmtree(out)
    build([_inputs(tmp_path, SEED_FILES[:3])], out, pages=False)
    with (out / "graph.ttl").open("r+b") as f:
        f.seek(len((out / "graph.ttl").read_bytes()) // 2)
        f.write(b"#")
    build([_inputs(tmp_path, SEED_FILES)], out, pages=False)
    _same_outputs(out, full)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_fallback_to_a_full_rebuild_after_extracting_equals_a_full_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """An incremental build that extracts new articles and then finds a removed article's
    earlier result missing from the cache rebuilds everything: the failed attempt's cache
    connection (holding those new results uncommitted) is closed first, and the rebuild writes
    the bytes of a full build.  With workers, the failed attempt's pool is shut down; its store
    is closed too (else reopening it fails: RocksDB's lock is held by this process)."""
    if workers > 1:
        monkeypatch.setattr(rasd.build, "SMALL_BUILD", 0)  # use the workers for two articles
    out = tmp_path / "out"
    build([_inputs(tmp_path, [*SEED_FILES[:3], GOLDEN_TXT])], out, pages=False)
    golden = parse_text(GOLDEN_TXT.read_text(encoding="utf-8"), "g").id
    gone = rasd.build._load_state(out).articles[golden][0]
    db = sqlite3.connect(out / "cache" / "results.sqlite")
    with db:
        db.execute("DELETE FROM results WHERE key = ?", (gone,))
    db.close()
    # two new articles are extracted before the removed golden article is taken out
    folder = _inputs(tmp_path, SEED_FILES)
    second = build([folder], out, pages=False, workers=workers)
    assert "rebuilding everything" in caplog.text
    assert not multiprocessing.active_children()
    assert not second.incremental and second.articles == 5
    # the two results extracted by the failed attempt were committed: nothing is extracted again
    assert (second.extracted, second.from_cache) == (0, 5)
    full = tmp_path / "full"
    build([folder], full, pages=False)
    _same_outputs(out, full)
    assert _store_quads(out) == _store_quads(full)


def test_graph_ttl_edited_in_place_with_its_mtime_put_back_is_not_copied_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit that keeps graph.ttl's size and puts its mtime back (cp -p, rsync -t --inplace,
    touch -r) still changes its ctime: the next build writes the lines from the cache again."""
    monkeypatch.setattr(rasd.build, "PRETTY_MAX_TRIPLES", 0)
    full = tmp_path / "full"
    build([_inputs(tmp_path, SEED_FILES)], full, pages=False)
    out = tmp_path / "out"
    build([_inputs(tmp_path, SEED_FILES[:3])], out, pages=False)
    ttl = out / "graph.ttl"
    data = ttl.read_bytes()
    st = ttl.stat()
    at = data.index(b'"', len(data) // 2) + 1  # inside a literal
    with ttl.open("r+b") as f:
        f.seek(at)
        f.write(b"#" if data[at : at + 1] != b"#" else b"%")
    os.utime(ttl, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert ttl.stat().st_size == st.st_size and ttl.stat().st_mtime_ns == st.st_mtime_ns
    build([_inputs(tmp_path, SEED_FILES)], out, pages=False)
    _same_outputs(out, full)


def _reseal(out: Path, samples: bool) -> None:
    """Make the RDF index in ``out`` take its files' stat seals (and, with ``samples``, their
    sample hashes) as they are now: an edit the stat cannot see, as on a coarse clock."""
    path = out / "state" / "rdf-index.pickle"
    version, index = pickled.load(path)
    files = (out / "graph.ttl", out / "graph.trig")
    new = dataclasses.replace(
        index, ttl=rasd.build._stat_seal(files[0]), trig=rasd.build._stat_seal(files[1])
    )
    if samples:
        new = dataclasses.replace(new, samples=tuple(rasd.build._sample_hash(f) for f in files))
    pickled.dump((version, new), path)


def test_graph_files_edited_within_a_clock_tick_are_not_copied_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit the stat seal cannot see is caught by the content checks: a byte of a sampled
    block (the sample hash) or of a graph's opening line (checked before a run is copied)."""
    monkeypatch.setattr(rasd.build, "PRETTY_MAX_TRIPLES", 0)
    full = tmp_path / "full"
    build([_inputs(tmp_path, SEED_FILES)], full, pages=False)
    first = tmp_path / "first"
    build([_inputs(tmp_path, SEED_FILES[:3])], first, pages=False)
    ttl_size = (first / "graph.ttl").stat().st_size
    trig = (first / "graph.trig").read_bytes()
    first_graph = re.search(rb"\n<[^>\n]*> \{\n", trig)  # the first article's: a run opens there
    assert first_graph is not None
    for name, at, samples in (
        ("graph.ttl", ttl_size * 40 // rasd.build.SAMPLE_BLOCKS, False),
        ("graph.trig", first_graph.start() + 5, True),
    ):
        out = tmp_path / name
        shutil.copytree(first, out)
        with (out / name).open("r+b") as f:
            f.seek(at)
            old = f.read(1)
            f.seek(at)
            f.write(b"#" if old != b"#" else b"%")
        _reseal(out, samples)
        build([_inputs(tmp_path, SEED_FILES)], out, pages=False)
        _same_outputs(out, full)


def _kernel_copy(calls: list[int], fail_after: int | None = None, zero: bool = False):
    """A stand-in for ``os.copy_file_range``: copies at most 5 bytes a call through this
    process, raises EXDEV once ``fail_after`` calls are made, or copies nothing (``zero``)."""

    def copy(src: int, dst: int, count: int, offset_src: int | None = None) -> int:
        calls.append(count)
        if zero:
            return 0
        if fail_after is not None and len(calls) > fail_after:
            raise OSError(errno.EXDEV, "cross-device")
        data = os.pread(src, min(count, 5), offset_src or 0)
        return os.write(dst, data)

    return copy


@pytest.mark.parametrize("kernel", ["missing", "exdev", "partial_then_error", "zero", "works"])
def test_copy_range_copies_the_bytes_whatever_the_kernel_copy_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel: str
) -> None:
    """``_copy_range`` appends the range after what is buffered, falling back to reading and
    writing when the kernel's copy is missing, fails at once or part way, or copies nothing
    (as shutil does); it raises only when the source is short."""
    src_path = tmp_path / "src"
    src_path.write_bytes(bytes(range(256)) * 4)
    calls: list[int] = []
    if kernel == "missing":
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    else:
        fail_after = {"exdev": 0, "partial_then_error": 2}.get(kernel)
        fake = _kernel_copy(calls, fail_after, zero=kernel == "zero")
        monkeypatch.setattr(os, "copy_file_range", fake, raising=False)
    with src_path.open("rb") as src, (tmp_path / "dst").open("wb") as dst:
        dst.write(b"head")
        rasd.build._copy_range(src, dst, 100, 700)
        dst.write(b"tail")
        with pytest.raises(RasdError, match="shorter than its index says"):
            rasd.build._copy_range(src, dst, 1000, 100)
    assert (tmp_path / "dst").read_bytes()[: 4 + 700 + 4] == (
        b"head" + src_path.read_bytes()[100:800] + b"tail"
    )
    assert (kernel == "missing") == (not calls)
    if kernel == "works":
        assert len(calls) >= 700 // 5


@pytest.mark.parametrize("error", [OSError, AttributeError, TypeError])
def test_no_malloc_trim_where_the_c_library_cannot_be_loaded(
    monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    """``ctypes.CDLL(None)`` raises TypeError on Windows, OSError or AttributeError where there
    is no C library or no ``malloc_trim``: then there is nothing to call."""

    def cdll(name: object) -> None:
        raise error("no C library here")

    monkeypatch.setattr(rasd.build.ctypes, "CDLL", cdll)
    assert rasd.build._malloc_trim() is None


def test_the_rdf_index_has_its_own_version_and_describes_the_files_block_by_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The RDF index is saved under RDF_INDEX_VERSION (not the build state's version) and
    unused under another; each article's TriG block is its graph.ttl lines wrapped as
    ``_trig_block`` says, at the offsets ``_trig_size`` computes."""
    monkeypatch.setattr(rasd.build, "PRETTY_MAX_TRIPLES", 0)
    out = tmp_path / "out"
    build([_inputs(tmp_path, SEED_FILES[:3])], out, pages=False)
    path = out / "state" / "rdf-index.pickle"
    version, index = pickled.load(path)
    assert version == rasd.build.RDF_INDEX_VERSION
    monkeypatch.setattr(rasd.build, "STATE_VERSION", rasd.build.STATE_VERSION + 1)
    assert rasd.build._RdfIndex.load(out) == index
    ttl, trig = (out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes()
    t, q = index.head
    assert len(index.articles) == 3
    for article_id, _key, size in index.articles:
        opening, closing = rasd.build._trig_block(article_id)
        block = trig[q : q + rasd.build._trig_size(article_id, size)]
        assert block == opening + ttl[t : t + size] + closing
        t, q = t + size, q + len(block)
    assert (t, q) == (len(ttl), len(trig))
    pickled.dump((version + 1, index), path)
    assert rasd.build._RdfIndex.load(out) is None


def _die_in_writer(_task: object) -> None:
    os._exit(3)  # a page writer killed mid-batch (as the kernel's OOM killer would)


def test_a_page_writer_killed_is_a_one_line_error_and_the_next_build_writes_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    import rasd.export.html as pages
    from rasd.cli import main

    out = tmp_path / "out"
    args = ["build", str(SEEDS), "--out", str(out), "--workers", "2"]
    monkeypatch.setattr(pages, "BATCH", 1)  # several batches: the forked writers
    monkeypatch.setattr(pages, "_child_run", _die_in_writer)
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert lines[-1].startswith("rasd: error: ") and "page-writing process died" in lines[-1]
    assert "Traceback" not in r.stderr
    assert (out / "graph.ttl").is_file() and not (out / "index.html").exists()
    monkeypatch.undo()
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert (out / "index.html").is_file() and any((out / "entity").iterdir())


def test_records_repeating_a_text_are_counted_in_the_summary(tmp_path: Path) -> None:
    """Two records with one text (a syndicated story under two URLs) make one article, and
    the summary says so instead of losing a record silently."""
    from click.testing import CliRunner

    from rasd.cli import main

    story = "قال المتحدث باسم وزارة الداخلية إن الأجهزة الأمنية ألقت القبض على خلية في الرياض."
    other = "أعلن تنظيم داعش عبر حسابه على تويتر مسؤوليته عن الهجوم في الموصل."
    rows = [
        ("http://a.example/1", story),
        ("http://b.example/9", story),
        ("http://a.example/2", other),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"url": u, "content": t}, ensure_ascii=False) + "\n" for u, t in rows),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["build", str(src), "--out", str(out), "--no-pages", "--workers", "1"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("2 articles, ")
    assert "duplicates: 1 record(s) repeat the text" in r.output
    r = CliRunner().invoke(main, ["-v", *args[:2], "--out", str(tmp_path / "o2"), *args[4:]])
    assert "in.jsonl:2: same text as an article read before" in r.stderr
