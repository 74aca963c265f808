"""Kept answers (``rasd/kept.py``): ``rasd query OUT/`` prints a shipped listing query's answer
kept for the store's current state, and that answer equals a fresh SPARQL evaluation of the
same store row for row — on a real build (seeds and a few hundred SaudiNewsNet articles), and
again after an incremental build adds articles and after one removes them.  A change of the
store that no build made (a quad added directly) is caught by the store's fingerprint."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from conftest import CORPUS, ROOT, SEEDS, need_shared

from rasd import kept
from rasd.build import PRETTY_MAX_TRIPLES, build
from rasd.cli import main
from rasd.graph.store import DIRTY, STORE_DIR, format_results, load, run_query

DAY = "2015-07-21.zip"
LISTINGS = kept.LISTINGS
FORMATS = ("table", "csv", "json")


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


def _ask(out: Path, query: str, fmt: str, *extra: str) -> Result:
    result = CliRunner().invoke(
        main, ["query", str(out), str(ROOT / "queries" / query), "--format", fmt, *extra]
    )
    assert result.exit_code == 0, result.output
    return result


def _fresh(out: Path, query: str, fmt: str) -> bytes:
    """The answer evaluated by Oxigraph now, formatted as ``rasd query`` prints it."""
    store = load(out)
    try:
        text = (ROOT / "queries" / query).read_text(encoding="utf-8")
        chunks = format_results(run_query(store, text), fmt)
        return "".join(c + "\n" if fmt == "table" else c for c in chunks).encode("utf-8")
    finally:
        del store


def _rows(body: bytes, fmt: str) -> list[str]:
    """The rows of an answer, in order (a JSON answer's bindings, each as sorted JSON)."""
    if fmt == "json":
        bindings = json.loads(body)["results"]["bindings"]
        return [json.dumps(b, sort_keys=True, ensure_ascii=False) for b in bindings]
    return body.decode("utf-8").splitlines()[1:]


def _kept_files(out: Path) -> list[Path]:
    return sorted((out / kept.ANSWERS_DIR).glob("*")) if (out / kept.ANSWERS_DIR).is_dir() else []


def _check_equal(out: Path) -> dict[tuple[str, str], bytes]:
    """Ask every listing query in every format twice: the first evaluates and keeps, the
    second prints the kept bytes; both equal a fresh evaluation row for row."""
    answers = {}
    for query in LISTINGS:
        for fmt in FORMATS:
            first = _ask(out, query, fmt)
            second = _ask(out, query, fmt)
            assert "kept answer" not in first.stderr
            if fmt == "table":
                assert "kept answer" in second.stderr
            assert second.stdout_bytes == first.stdout_bytes
            fresh = _fresh(out, query, fmt)
            assert second.stdout_bytes == fresh, (query, fmt)
            assert len(_rows(fresh, fmt)) > 20, (query, fmt)  # a real listing, not an empty answer
            answers[query, fmt] = fresh
    assert len(_kept_files(out)) == len(LISTINGS) * len(FORMATS)
    return answers


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    recs = _records(300)
    return {"a": recs[:240], "b": recs[240:]}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, corpus) -> Path:
    """A full build of the seeds and 240 corpus articles (no pages: they are not queried)."""
    root = tmp_path_factory.mktemp("kept")
    out = root / "out"
    build([SEEDS, _write(root / "in", {"a": corpus["a"]})], out, pages=False, keep_answers=False)
    assert _kept_files(out) == []
    return out


def test_kept_answer_equals_sparql_row_for_row_and_follows_incremental_builds(
    out: Path, corpus
) -> None:
    before = _check_equal(out)
    # +60 articles: the build clears the kept answers; new ones equal the new store's answers
    folder = _write(out.parent / "in", {"a": corpus["a"], "b": corpus["b"]})
    report = build([SEEDS, folder], out, pages=False)  # incremental: none kept by default
    assert report.incremental and "answers" not in report.times
    assert _kept_files(out) == []
    added = _check_equal(out)
    assert all(added[k] != before[k] for k in before)  # the listings did change
    assert all(
        len(added[q, "table"].splitlines()) > len(before[q, "table"].splitlines()) for q in LISTINGS
    )
    # −60 again: back to the first store's rows (the same set; ties may order differently)
    # with keep_answers the build itself keeps the listings' JSON and table answers (this
    # graph is over PRETTY_MAX_TRIPLES: by a process of its own)
    _write(out.parent / "in", {"a": corpus["a"]})
    report = build([SEEDS, folder], out, pages=False, keep_answers=True)
    assert report.triples > PRETTY_MAX_TRIPLES
    assert report.incremental and report.times["answers"] > 0
    assert len(_kept_files(out)) == len(LISTINGS) * 2
    for query in LISTINGS:
        text = (ROOT / "queries" / query).read_text(encoding="utf-8")
        for fmt in ("json", "table"):
            assert kept.read(out, text, fmt) == _fresh(out, query, fmt), (query, fmt)
        assert "kept answer" in _ask(out, query, "table").stderr
    kept.clear(out)
    removed = _check_equal(out)
    for k in before:
        assert sorted(_rows(removed[k], k[1])) == sorted(_rows(before[k], k[1])), k


def test_a_store_changed_outside_a_build_is_not_answered_from_kept_bytes(out: Path) -> None:
    old = _ask(out, "timeline.rq", "csv").stdout_bytes
    assert _ask(out, "timeline.rq", "csv").stdout_bytes == old
    store = ox.Store(str(out / STORE_DIR))
    article = ox.NamedNode("https://example.org/kept-test-article")
    g = ox.NamedNode("https://example.org/kept-test-graph")
    schema = "https://schema.org/"
    store.add(ox.Quad(article, ox.NamedNode(f"{schema}datePublished"), ox.Literal("1900-01-01"), g))
    store.add(
        ox.Quad(
            article,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(f"{schema}NewsArticle"),
            g,
        )
    )
    store.flush()
    del store
    try:
        new = _ask(out, "timeline.rq", "csv").stdout_bytes
        assert len(new.splitlines()) == len(old.splitlines()) + 1
        assert new == _fresh(out, "timeline.rq", "csv")
    finally:
        store = ox.Store(str(out / STORE_DIR))
        store.remove_graph(g)
        store.flush()
        del store


def test_fresh_evaluates_and_user_queries_are_not_kept(out: Path, tmp_path: Path) -> None:
    _ask(out, "who_said_what.rq", "csv")
    again = _ask(out, "who_said_what.rq", "table", "--fresh")
    assert "kept answer" not in again.stderr
    assert "kept answer" in _ask(out, "who_said_what.rq", "table").stderr
    n = len(_kept_files(out))
    own = tmp_path / "own.rq"
    own.write_text((ROOT / "queries" / "timeline.rq").read_text(encoding="utf-8") + "\n")
    for args in (
        ["-e", "SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }"],
        [str(own)],
        [str(ROOT / "queries" / "said_by.rq"), "--bind", "name=عادل الجبير"],
    ):
        result = CliRunner().invoke(main, ["query", str(out), *args])
        assert result.exit_code == 0, result.output
        assert "kept answer" not in result.stderr
    assert len(_kept_files(out)) == n


def test_a_folder_being_built_is_not_answered_from_kept_bytes(out: Path) -> None:
    _ask(out, "evidence.rq", "table")
    assert "kept answer" in _ask(out, "evidence.rq", "table").stderr
    (out / DIRTY).touch()
    try:
        assert (
            kept.read(out, (ROOT / "queries" / "evidence.rq").read_text("utf-8"), "table") is None
        )
    finally:
        (out / DIRTY).unlink()


def test_serve_warm_up_keeps_json_that_rasd_query_reformats(out: Path) -> None:
    from rasd.answers import AnswerCache
    from rasd.serve import SparqlEndpoint, StoreWatch

    kept.clear(out)
    text = (ROOT / "queries" / "evidence.rq").read_text(encoding="utf-8")
    store = load(out)
    endpoint = SparqlEndpoint(store, watch=StoreWatch(out), cache=AnswerCache(1 << 28))
    assert endpoint.warm(text)
    assert kept.read(out, text, "json") == _fresh(out, "evidence.rq", "json")
    # a second server reads it instead of evaluating
    again = SparqlEndpoint(store, watch=StoreWatch(out), cache=AnswerCache(1 << 28))
    assert again.warm(text) and len(again.cache) == 1
    # rasd query in another format: reformatted from the kept JSON, then kept itself
    table = _ask(out, "evidence.rq", "table")
    assert "kept answer" not in table.stderr
    assert table.stdout_bytes == _fresh(out, "evidence.rq", "table")
    assert "kept answer" in _ask(out, "evidence.rq", "table").stderr


def test_build_keeps_answers_unless_told_not_to(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-pages"])
    assert result.exit_code == 0, result.output
    assert "answers " in result.output.split("times:")[1]
    assert len(_kept_files(out)) == len(LISTINGS) * 2
    for query in LISTINGS:
        assert "kept answer" in _ask(out, query, "table").stderr
    other = tmp_path / "other"
    args = ["build", str(SEEDS), "--out", str(other), "--no-pages", "--no-keep-answers"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "answers " not in result.output.split("times:")[1]
    assert _kept_files(other) == []
    assert "kept answer" not in _ask(other, "timeline.rq", "table").stderr


def test_a_full_build_stopped_after_its_store_leaves_the_answers_to_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full build stopped once its store and state are saved, before it kept the listing
    answers (here: as the graph files' writer starts), leaves the mark that makes the next
    build, an incremental one with nothing to do, keep them as a full build would."""
    import rasd.build

    out = tmp_path / "out"

    class _Stopped:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt  # what Ctrl-C raises in the main thread

    with monkeypatch.context() as m:
        m.setattr(rasd.build, "_RdfFiles", _Stopped)
        with pytest.raises(KeyboardInterrupt):
            build([SEEDS], out, pages=False)
    assert (out / "state" / "answers.pending").exists()
    assert _kept_files(out) == []
    report = build([SEEDS], out, pages=False)
    assert report.incremental
    assert len(_kept_files(out)) == len(LISTINGS) * 2
    assert not (out / "state" / "answers.pending").exists()
