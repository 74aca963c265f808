"""The command line: build, query, export, eval-ner, help and errors."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import click
import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import ROOT

from rasd.cli import main

GOLDEN_TXT = ROOT / "tests" / "fixtures" / "golden" / "article.txt"


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("cmd", ["build", "query", "export", "validate", "eval-ner"])
def test_help_has_an_example(cmd: str) -> None:
    code, out, _ = run(cmd, "--help")
    assert code == 0 and "Example:" in out and f"rasd {cmd}" in out


def test_build_summary_and_outputs(seeds_build: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "index.html"):
        assert (seeds_build / name).stat().st_size > 0


def test_build_reports_bad_inputs_and_keeps_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = run(
        "build", str(GOLDEN_TXT), str(bad), "--out", str(tmp_path / "o"), "--no-pages"
    )
    assert code == 3  # built, but something was skipped (documented in `rasd build --help`)
    assert "bad.json: not valid JSON" in err and "Traceback" not in err
    assert out.startswith("1 articles")
    assert (tmp_path / "o" / "graph.ttl").exists()
    (line,) = (tmp_path / "o" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    failure = json.loads(line)
    assert failure["source"].endswith("bad.json") and failure["stage"] == "read"
    assert "not valid JSON" in failure["error"]
    code, _out, err = run(
        "build", str(GOLDEN_TXT), str(bad), "--out", str(tmp_path / "s"), "--strict"
    )
    assert code == 1 and "nothing written" in err and not (tmp_path / "s" / "graph.ttl").exists()


def test_missing_input_is_one_clear_line(tmp_path: Path) -> None:
    code, _out, err = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert code == 1
    assert err.strip().splitlines()[-1].startswith("rasd: error: no articles found")
    assert "Traceback" not in err


def test_query_formats_and_errors(seeds_build: Path) -> None:
    g = str(seeds_build / "graph.ttl")
    sparql = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
    code, out, _ = run("query", g, "-e", sparql)
    assert code == 0 and out.splitlines() == ["n", "5"]
    code, out, _ = run("query", g, "-e", sparql, "--format", "json")
    assert json.loads(out)["results"]["bindings"][0]["n"]["value"] == "5"
    code, out, _ = run("query", str(seeds_build / "graph.trig"), "-e", sparql, "--format", "csv")
    assert code == 0 and out.splitlines()[1].strip() == "5"
    code, _out, err = run("query", g, "-e", "SELEC nonsense")
    assert code == 1 and "invalid SPARQL" in err and "Traceback" not in err
    code, _out, err = run("query", str(seeds_build / "missing.ttl"), "-e", sparql)
    assert code == 1 and "missing.ttl: no such file" in err
    code, _out, err = run("query", str(seeds_build / "missing"), "-e", sparql)
    assert code == 1 and err.strip().endswith("missing: no such file or folder")


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_query_failing_while_its_rows_are_read_is_one_line(seeds_build: Path, fmt: str) -> None:
    """Oxigraph evaluates lazily: a SERVICE nobody answers fails after the header is out."""
    sparql = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    code, _out, err = run("query", str(seeds_build), "-e", sparql, "--format", fmt)
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [err.strip()] and err.startswith(
        "rasd: error: -e: query failed ("
    )


def test_query_with_a_shipped_file(seeds_build: Path) -> None:
    code, out, _ = run(
        "query", str(seeds_build / "graph.ttl"), str(ROOT / "queries" / "who_said_what.rq")
    )
    assert code == 0 and "تشارلي وينتر" in out


@pytest.mark.parametrize("fmt", ["jsonld", "graphml", "gexf", "csv", "nt", "turtle", "trig"])
def test_export_formats(seeds_build: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out-{fmt}"
    code, _out, err = run(
        "export", str(seeds_build / "graph.trig"), "--format", fmt, "--out", str(target)
    )
    assert code == 0, err
    if fmt == "csv":
        rows = (target / "claims.csv").read_text(encoding="utf-8").splitlines()
        assert len(rows) > 25 and rows[0] == "claim,speaker,text,date,article"
        rels = (target / "relations.csv").read_text(encoding="utf-8").splitlines()
        assert rels[0].endswith(",object_label,count") and len(rels) > 20
    elif fmt in ("graphml", "gexf"):
        net = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
        labels = {d["label"] for _n, d in net.nodes(data=True)}
        assert "داعش" in labels and net.number_of_edges() > 10
        kinds = {k for _a, _b, d in net.edges(data=True) for k in d["predicates"].split()}
        assert {"claimAbout", "usesPlatform", "location"} <= kinds
    elif fmt == "jsonld":
        data = json.loads(target.read_text(encoding="utf-8"))
        assert any("https://schema.org/Claim" in json.dumps(x) for x in data)
    else:
        assert target.stat().st_size > 1000


def test_unknown_export_format_lists_the_known_ones(seeds_build: Path) -> None:
    code, _out, err = run("export", str(seeds_build / "graph.ttl"), "--format", "pdf")
    assert code == 1 and "unknown export format 'pdf'" in err and "gexf" in err


def test_unknown_pipeline_component(tmp_path: Path) -> None:
    code, _out, err = run(
        "build", str(GOLDEN_TXT), "--pipeline", "sentences,magic", "--out", str(tmp_path)
    )
    assert code == 1 and "unknown extractor component(s) magic" in err


def test_eval_ner_scores_a_conll_file(tmp_path: Path) -> None:
    f = tmp_path / "dev.conll"
    f.write_text(
        "قال O\nالرئيس O\nالفرنسي O\nإيمانويل B-PERS\nماكرون I-PERS\nفي O\nباريس B-LOC\n. O\n",
        encoding="utf-8",
    )
    code, out, err = run("eval-ner", str(f))
    assert code == 0, err
    assert "LOC" in out and "PERS" in out
    code, out, err = run("eval-ner", str(f), "--json")
    assert code == 0, err
    scores = json.loads(out)
    assert scores["micro"]["gold"] == 2 and 0.0 <= scores["micro"]["f1"] <= 1.0
    assert set(scores["per_type"]) >= {"PERS", "LOC", "ORG", "MISC"}
    for backend in ("nn", "crf", "crf+nn", "crf+nn-full"):  # the shipped models find its names
        code, out, err = run("eval-ner", str(f), "--backend", backend, "--json")
        assert code == 0, err
        assert json.loads(out)["micro"]["f1"] == 1.0, backend
    code, _out, err = run("eval-ner", str(f), "--doc-window", "-1")
    assert code != 0 and "--doc-window" in err


def test_eval_ner_doc_window_tags_recurrences(tmp_path: Path) -> None:
    f = tmp_path / "doc.conll"
    f.write_text(
        "قال O\nالمتحدث O\nباسم O\nحزب B-ORG\nالليكود I-ORG\nإن O\nالحكومة O\nستسقط O\n\n"
        "وانتقد O\nحزب B-ORG\nالليكود I-ORG\nالقرار O\n",
        encoding="utf-8",
    )
    correct = {}
    for window in ("0", "1"):  # 0: each sentence alone
        code, out, err = run("eval-ner", str(f), "--json", "--doc-window", window)
        assert code == 0, err
        correct[window] = json.loads(out)["micro"]["correct"]
    # the CRF finds حزب الليكود in one sentence; the window carries it to the other
    assert correct == {"0": 1, "1": 2}
    code, _out, err = run("eval-ner", str(tmp_path / "missing.conll"))
    assert code == 1 and "missing.conll" in err


def test_missing_camel_data_is_said_in_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "no-camel-data"))
    code, out, _err = run("build", str(GOLDEN_TXT), "--out", str(tmp_path / "o"), "--no-pages")
    assert code == 0
    lines = [ln for ln in out.splitlines() if ln.startswith("camel-tools data")]
    assert len(lines) == 1 and "not installed" in lines[0]
    assert not (tmp_path / "no-camel-data").exists()  # nothing downloaded or created


def test_parallel_build_gives_the_same_graph(seeds_build: Path, tmp_path: Path) -> None:
    code, _out, err = run(
        "build", str(ROOT / "seeds"), "--out", str(tmp_path), "--workers", "2", "--no-pages"
    )
    assert code == 0, err
    assert (tmp_path / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()
    assert (tmp_path / "graph.trig").read_bytes() == (seeds_build / "graph.trig").read_bytes()


def test_build_output_does_not_depend_on_hash_order(tmp_path: Path) -> None:
    """Two processes with different string-hash seeds write the same files, byte for byte
    (graph, TriG with its named graphs, and every page including the overview layout)."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run(
            [sys.executable, "-m", "rasd.cli", "build", str(ROOT / "seeds"), "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert r.returncode == 0, r.stderr
        outs.append(out)
    files = _output_files(outs[0])
    assert Path("graph.trig") in files and Path("index.html") in files
    assert files == _output_files(outs[1])
    differ = [f for f in files if (outs[0] / f).read_bytes() != (outs[1] / f).read_bytes()]
    assert differ == []
    assert _store_quads(outs[0]) == _store_quads(outs[1])


def _output_files(out: Path) -> list[Path]:
    """The files a build writes for people and tools; the store, the cache and the build
    state are databases whose bytes are not meant to repeat (their content is compared), and
    the kept answers are named by the store's files (their bytes are the query's answer)."""
    internal = {"store", "cache", "state", "answers"}
    return sorted(
        p.relative_to(out)
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] not in internal
    )


def _store_quads(out: Path) -> list[str]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def test_query_and_export_read_the_build_store(seeds_build: Path, tmp_path: Path) -> None:
    """`rasd query OUT/` answers from the store (read-only) as the Turtle file does."""
    sparql = "SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:text ?t } ORDER BY ?c"
    code, from_store, _ = run("query", str(seeds_build), "-e", sparql, "--format", "csv")
    assert code == 0
    code, from_file, _ = run(
        "query", str(seeds_build / "graph.ttl"), "-e", sparql, "--format", "csv"
    )
    assert code == 0 and from_store == from_file and len(from_store.splitlines()) > 30
    code, _out, err = run("query", str(seeds_build), "-e", "INSERT DATA { <x:a> <x:b> <x:c> }")
    assert code == 1 and "Traceback" not in err
    target = tmp_path / "net.gexf"
    code, _out, err = run("export", str(seeds_build), "--format", "gexf", "--out", str(target))
    assert code == 0, err
    assert "داعش" in {d["label"] for _n, d in nx.read_gexf(target).nodes(data=True)}


def test_validate_a_build_and_a_broken_graph(seeds_build: Path, tmp_path: Path) -> None:
    code, out, _ = run("validate", str(seeds_build))
    assert code == 0 and "conforms" in out
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix schema: <https://schema.org/> .\n"
        "<https://w3id.org/rasd/claim/x/0-5> a schema:Claim .\n"
        "<https://w3id.org/rasd/id/x> a schema:Person .\n",
        encoding="utf-8",
    )
    code, out, err = run("validate", str(broken))
    assert code == 1 and "violation" in err and "Traceback" not in err
    lines = out.strip().splitlines()
    assert any("claim/x/0-5" in line for line in lines)
    assert any("id/x" in line and "rdfs:label" in line for line in lines)


@pytest.mark.parametrize("command", ["build", "export"])
def test_an_output_folder_the_system_refuses_is_one_line(
    seeds_build: Path, tmp_path: Path, command: str
) -> None:
    """``--out`` under a regular file cannot be made: one line naming the path, exit 1."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "out"
    args = {
        "build": ["build", str(GOLDEN_TXT), "--out", str(target), "--workers", "1"],
        "export": ["export", str(seeds_build), "--format", "csv", "--out", str(target)],
    }[command]
    code, _out, err = run(*args)
    assert code == 1 and "Traceback" not in err
    assert err.strip() == f"rasd: error: {target}: Not a directory"


@pytest.mark.parametrize(
    ("exc", "line"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device (free"),
        (OSError(errno.ENOSPC, "No space left on device", "out/graph.ttl"), "out/graph.ttl: No"),
    ],
)
def test_a_full_disk_is_one_line_whatever_raises_it(exc: OSError, line: str) -> None:
    """Writes on a full disk name no path (the store, the cache): still one line, exit 1."""
    from rasd.cli import _errors_to_exit

    @click.command()
    @_errors_to_exit
    def fill() -> None:
        raise exc

    r = CliRunner().invoke(fill, [])
    assert r.exit_code == 1 and r.exception is not None and isinstance(r.exception, SystemExit)
    assert r.stderr.startswith("rasd: error: ") and line in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_an_os_error_naming_no_path_is_not_hidden() -> None:
    """Any other OSError without a path is a bug: it is not dressed up as a user's error."""
    from rasd.cli import _errors_to_exit

    @click.command()
    @_errors_to_exit
    def broken() -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    r = CliRunner().invoke(broken, [])
    assert isinstance(r.exception, OSError) and "rasd: error" not in r.stderr
