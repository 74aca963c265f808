"""`rasd push` against a real Oxigraph server (the `oxigraph` CLI from PyPI, a dev extra),
started and stopped by the tests, then queried over HTTP."""

from __future__ import annotations

import base64
import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ROOT

from rasd.cli import main

ENTITIES = "https://w3id.org/rasd/graph/entities"


def _oxigraph() -> str:
    found = shutil.which(
        "oxigraph", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("the oxigraph CLI is missing in CI (pip install -e '.[dev]')")
        pytest.skip("the oxigraph CLI is not installed (pip install oxigraph)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Oxigraph:
    """`oxigraph serve --location DIR --bind 127.0.0.1:PORT`, waited for until it answers."""

    def __init__(self, location: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                self.query("ASK { }")
                return
            except (urllib.error.URLError, ConnectionError) as exc:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.proc.kill()
                    why = self.proc.stderr.read() if self.proc.stderr else b""
                    raise AssertionError(f"oxigraph did not start: {why!r}") from exc
                time.sleep(0.1)

    def query(self, sparql: str, *, union: bool = False) -> list[list[str]]:
        """The CSV rows (header first) of a query sent to the server's /query."""
        fields = {"query": sparql}
        if union:
            fields["union-default-graph"] = ""
        req = urllib.request.Request(
            f"{self.url}/query",
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(req, timeout=60) as r:
            return list(csv.reader(io.StringIO(r.read().decode("utf-8"))))

    def counts(self) -> dict[str, int]:
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {g: int(n) for g, n in rows[1:]}

    def default_count(self) -> int:
        return int(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1][0])

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    server = Oxigraph(tmp_path / "oxigraph-db")
    yield server
    server.stop()


def _store_counts(out: Path) -> dict[str, int]:
    store = ox.Store.read_only(str(out / "store"))
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"].value: int(r["n"].value) for r in rows}


def _distinct_triples(out: Path) -> int:
    store = ox.Store.read_only(str(out / "store"))
    q = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    return int(next(iter(store.query(q)))["n"].value)


def _rasd_query(out: Path, rq: Path) -> list[list[str]]:
    r = CliRunner().invoke(main, ["query", str(out), str(rq), "--format", "csv"])
    assert r.exit_code == 0, r.stderr
    return list(csv.reader(io.StringIO(r.stdout)))


def _push(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["push", *args])
    return r.exit_code, r.stdout, r.stderr


def test_push_one_graph_per_article(oxigraph: Oxigraph, seeds_build: Path) -> None:
    want = _store_counts(seeds_build)
    assert ENTITIES in want and len(want) == 6
    store_url = f"{oxigraph.url}/store"
    # 300 triples a request: every article graph goes as one PUT and some POSTs
    code, out, err = _push(str(seeds_build), "--endpoint", store_url, "--batch-size", "300")
    assert code == 0, err
    total = sum(want.values())
    assert out.startswith(f"pushed 6 graph(s), {total} triples in ")
    requests = int(out.split(" in ")[1].split()[0])
    assert requests == sum(-(-n // 300) for n in want.values()) > 6
    assert "rasd: info: pushing 6 graphs" in err
    assert oxigraph.counts() == want
    assert oxigraph.default_count() == 0
    # a shipped query answers on the server as `rasd query` does on the build
    rq = ROOT / "queries" / "who_said_what.rq"
    rows = oxigraph.query(rq.read_text(encoding="utf-8"), union=True)
    assert rows == _rasd_query(seeds_build, rq) and len(rows) > 10
    # PUT replaces: a second push (other batches) leaves the same graphs
    code, out, _ = _push(str(seeds_build), "--endpoint", store_url, "-q")
    assert code == 0 and out.startswith(f"pushed 6 graph(s), {total} triples in 6 request(s)")
    assert oxigraph.counts() == want


def test_push_merged(oxigraph: Oxigraph, seeds_build: Path) -> None:
    store_url = f"{oxigraph.url}/store"
    distinct = _distinct_triples(seeds_build)
    code, out, err = _push(str(seeds_build), "--endpoint", store_url, "--merged", "-q")
    assert code == 0, err
    assert out.startswith("pushed 1 graph(s), ") and err == ""
    assert oxigraph.default_count() == distinct and oxigraph.counts() == {}
    rq = ROOT / "queries" / "platforms_by_organization.rq"
    rows = oxigraph.query(rq.read_text(encoding="utf-8"))
    assert rows == _rasd_query(seeds_build, rq) and len(rows) > 1
    merged = "https://example.org/rasd/merged"
    code, out, err = _push(
        str(seeds_build),
        "--endpoint",
        store_url,
        "--merged",
        "--graph",
        merged,
        "--batch-size",
        "1000",
    )
    assert code == 0, err
    assert oxigraph.counts() == {merged: distinct}


def test_http_errors_are_one_line_naming_the_graph(oxigraph: Oxigraph, seeds_build: Path) -> None:
    code, out, err = _push(str(seeds_build), "--endpoint", f"{oxigraph.url}/nowhere")
    assert code == 1 and out == "" and "Traceback" not in err
    (line,) = err.splitlines()[-1:]
    assert line.startswith(f"rasd: error: {ENTITIES}: {oxigraph.url}/nowhere answered 404")
    port = _free_port()
    code, _, err = _push(str(seeds_build), "--endpoint", f"http://127.0.0.1:{port}/store", "-q")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"rasd: error: {ENTITIES}: cannot reach http://127.0.0.1:{port}/store")


def test_bad_arguments_are_one_line(tmp_path: Path, seeds_build: Path) -> None:
    building = tmp_path / "building"
    shutil.copytree(seeds_build, building)
    (building / "state" / "dirty").touch()  # what a build marks while it writes the store
    for args, msg in (
        ([str(building), "--endpoint", "http://127.0.0.1:1/store"], "a build is writing to it"),
        ([str(tmp_path), "--endpoint", "http://127.0.0.1:1/store"], "not a build folder"),
        ([str(seeds_build), "--endpoint", "ftp://x/store"], "not an http(s) URL"),
        ([str(seeds_build), "--endpoint", "http://127.0.0.1:1/s", "--graph", "x:g"], "--merged"),
    ):
        code, _, err = _push(*args)
        assert code == 1 and err.startswith("rasd: error:") and msg in err, err
        assert err.count("\n") == 1


class _Recorder(BaseHTTPRequestHandler):
    """A Graph Store endpoint that wants a password and remembers what it was sent."""

    seen: list[tuple[str, str, int]]

    def log_message(self, *args: object) -> None:
        pass

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"ana:s3cr%t").decode():
            self.send_response(401)
            self.end_headers()
            return
        self.server.seen.append((self.command, self.path, len(body.splitlines())))  # type: ignore[attr-defined]
        self.send_response(204)
        self.end_headers()

    do_PUT = do_POST = _handle


def test_put_then_post_with_basic_auth(seeds_build: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        url = f"http://ana:s3cr%25t@127.0.0.1:{port}/ds/data?key=1"
        code, out, err = _push(str(seeds_build), "--endpoint", url, "--batch-size", "400", "-q")
        assert code == 0, err
        assert "s3cr" not in out  # the password is not printed
        code, _, err = _push(str(seeds_build), "--endpoint", url.replace("s3cr%25t", "no"))
        assert code == 1 and "answered 401" in err
    finally:
        server.shutdown()
        server.server_close()
    seen = server.seen  # type: ignore[attr-defined]
    by_graph: dict[str, list[tuple[str, int]]] = {}
    for method, path, lines in seen:
        assert path.startswith("/ds/data?key=1&graph=")
        graph = urllib.parse.unquote(path.split("graph=", 1)[1])
        by_graph.setdefault(graph, []).append((method, lines))
    want = _store_counts(seeds_build)
    assert set(by_graph) == set(want)
    for graph, sent in by_graph.items():
        assert [m for m, _ in sent] == ["PUT"] + ["POST"] * (len(sent) - 1)
        assert all(n <= 400 for _, n in sent) and sum(n for _, n in sent) == want[graph]


def test_help_has_an_example() -> None:
    r = CliRunner().invoke(main, ["push", "--help"])
    assert r.exit_code == 0 and "Example:" in r.stdout and "rasd push out/" in r.stdout
