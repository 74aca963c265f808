"""`rasd serve`: the pages and the SPARQL 1.1 Protocol endpoint, run as a real server process
and queried over HTTP."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from rdflib import Graph

from rasd.answers import AnswerCache, query_key
from rasd.cli import main
from rasd.graph.store import PREFIXES, shipped_queries
from rasd.serve import SparqlEndpoint, negotiate, resolve_site_path

ENTITIES = "https://w3id.org/rasd/graph/entities"


class Server:
    """`rasd serve OUT --port 0` in a subprocess; the address is read from its first line."""

    def __init__(self, out: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "rasd.cli", "-v", "serve", str(out), "--port", "0", *args]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        ready, _, _ = select.select([self.proc.stdout], [], [], 60)
        line = self.proc.stdout.readline() if ready else ""
        if "http://" not in line:
            self.proc.kill()
            raise AssertionError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0]
        host_port = urllib.parse.urlsplit(self.url).netloc
        self.host, self.port = host_port.rsplit(":", 1)

    def get(self, path: str, **headers: str) -> tuple[int, str, bytes]:
        """A raw GET (the path is sent exactly as given)."""
        conn = http.client.HTTPConnection(self.host, int(self.port), timeout=30)
        try:
            conn.request("GET", path, headers=headers)
            r = conn.getresponse()
            return r.status, r.getheader("Content-Type", ""), r.read()
        finally:
            conn.close()

    def sparql(
        self, query: str, accept: str = "", *, post: str = "", **params: str
    ) -> tuple[int, str, bytes]:
        """A SPARQL request: GET by default, or POST as ``form`` or ``direct``."""
        headers = {"Accept": accept} if accept else {}
        fields = {"query": query, **params}
        if post == "form":
            data = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            req = urllib.request.Request(self.url + "sparql", data=data, headers=headers)
        elif post == "direct":
            headers["Content-Type"] = "application/sparql-query"
            qs = urllib.parse.urlencode(params)
            req = urllib.request.Request(
                self.url + "sparql?" + qs, data=query.encode(), headers=headers
            )
        else:
            req = urllib.request.Request(
                self.url + "sparql?" + urllib.parse.urlencode(fields), headers=headers
            )
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                self.headers = r.headers
                return r.status, r.headers["Content-Type"], r.read()
        except urllib.error.HTTPError as e:
            self.headers = e.headers
            return e.code, e.headers["Content-Type"], e.read()

    def stop(self) -> tuple[int, str, str]:
        """SIGINT, as Ctrl-C does; the exit status and the rest of stdout and stderr."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            out, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
            raise AssertionError("the server did not stop on SIGINT") from None
        return self.proc.returncode, out, err


@pytest.fixture(scope="module")
def server(seeds_build: Path) -> Iterator[Server]:
    s = Server(seeds_build)
    yield s
    s.stop()


def _store(out: Path) -> ox.Store:
    return ox.Store.read_only(str(out / "store"))


def _count(store: ox.Store, where: str, **kw: object) -> int:
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
    (row,) = store.query(q, prefixes=PREFIXES, **kw)
    return int(row["n"].value)


def test_select_as_json_counts_what_the_store_holds(server: Server, seeds_build: Path) -> None:
    store = _store(seeds_build)
    for where in ("?s ?p ?o", "?c a schema:Claim", "?e rdfs:label ?l FILTER(lang(?l) = 'ar')"):
        status, ctype, body = server.sparql(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        assert status == 200 and ctype == "application/sparql-results+json"
        (binding,) = json.loads(body)["results"]["bindings"]
        expected = _count(store, where, use_default_graph_as_union=True)
        assert int(binding["n"]["value"]) == expected > 0
    total = _count(store, "?s ?p ?o", use_default_graph_as_union=True)
    # default-graph-uri narrows the dataset to one named graph
    status, _, body = server.sparql(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": ENTITIES}
    )
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert status == 200 and 0 < n < total
    assert n == _count(store, "?s ?p ?o", default_graph=[ox.NamedNode(ENTITIES)])


@pytest.mark.parametrize("post", ["", "form", "direct"])
def test_a_shipped_query_as_csv_equals_rasd_query(
    server: Server, seeds_build: Path, post: str
) -> None:
    rq = ROOT / "queries" / "who_said_what.rq"
    status, ctype, body = server.sparql(rq.read_text(encoding="utf-8"), "text/csv", post=post)
    assert status == 200 and ctype.startswith("text/csv")
    r = CliRunner().invoke(main, ["query", str(seeds_build), str(rq), "--format", "csv"])
    assert r.exit_code == 0
    got = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    want = list(csv.reader(io.StringIO(r.stdout)))
    assert got == want and len(got) > 10
    assert any("داعش" in cell for row in got for cell in row)


ACCEPTS = (
    "text/csv",
    "application/sparql-results+json",
    "text/tab-separated-values",
    "application/sparql-results+xml",
)


def test_kept_answers_are_the_evaluated_ones_in_every_format(seeds_build: Path) -> None:
    """The shipped queries, warmed, answer from the cache with the very bytes a fresh
    evaluation gives, in each format; a new query is evaluated once, then kept."""
    store = _store(seeds_build)
    fresh = SparqlEndpoint(store)
    kept = SparqlEndpoint(store, cache=AnswerCache(1 << 22))
    for name, sparql in shipped_queries().items():
        assert kept.warm(sparql), name
        for accept in ACCEPTS:
            a, b = kept.answer(sparql, accept=accept), fresh.answer(sparql, accept=accept)
            assert (a.cache, b.cache) == ("hit", None), (name, accept)
            assert (a.status, a.ctype, a.body) == (b.status, b.ctype, b.body), (name, accept)
    q = "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(lang(?l) = 'ar') } ORDER BY ?l"
    first, again = kept.answer(q, accept="text/csv"), kept.answer(q, accept="text/csv")
    assert (first.cache, again.cache) == ("miss", "hit") and first.body == again.body
    assert "داعش" in first.body.decode("utf-8").splitlines()
    # another dataset is another answer
    other = kept.answer(q, accept="text/csv", default_graphs=[ENTITIES])
    assert other.cache == "miss" and other.body == first.body  # labels live in that graph
    assert kept.answer("ASK { ?s ?p ?o }").cache is None  # only SELECT solutions are kept


def test_the_cache_holds_at_most_its_bytes() -> None:
    store = ox.Store()
    for i in range(40):
        s = ox.NamedNode(f"http://x/{i}")
        store.add(ox.Quad(s, ox.NamedNode("http://x/p"), ox.Literal(f"اسم {i}")))
    bodies = {}
    for i in range(3):
        key = query_key(f"SELECT ?o WHERE {{ <http://x/{i}> ?p ?o }}")
        bodies[key] = store.query(key[0]).serialize(format=ox.QueryResultsFormat.JSON)
    size = max(map(len, bodies.values()))
    cache = AnswerCache(max_bytes=2 * size + 10)
    for key, body in bodies.items():
        assert cache.put(key, body)
    first, second, third = bodies
    assert cache.get(first, ox.QueryResultsFormat.JSON) is None  # least recently used: out
    assert cache.get(third, ox.QueryResultsFormat.JSON) == bodies[third]
    assert cache.get(second, ox.QueryResultsFormat.JSON) == bodies[second]
    assert len(cache) == 2 and cache.size <= cache.max_bytes
    everything = store.query("SELECT * WHERE { ?s ?p ?o }").serialize(
        format=ox.QueryResultsFormat.JSON
    )
    assert not cache.put(query_key("SELECT * WHERE { ?s ?p ?o }"), everything)


def test_the_server_warms_the_shipped_queries(server: Server, seeds_build: Path) -> None:
    """Started with the defaults, the server evaluates the shipped queries in the background:
    soon every one of them is answered from the cache, as ``rasd query`` answers it."""
    for name, sparql in shipped_queries().items():
        deadline = time.monotonic() + 60
        while True:
            status, _ctype, body = server.sparql(sparql, "text/csv", post="direct")
            if server.headers["X-Rasd-Cache"] == "hit" or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == 200 and server.headers["X-Rasd-Cache"] == "hit", name
        want = _store(seeds_build).query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        assert body == want.serialize(format=ox.QueryResultsFormat.CSV), name


def test_tsv_and_xml_by_accept_and_format(server: Server) -> None:
    q = "SELECT ?l WHERE { rasdid:dAEc rdfs:label ?l FILTER(lang(?l) = 'ar') }"
    status, ctype, body = server.sparql(q, "text/tab-separated-values")
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    assert body.decode("utf-8").splitlines() == ["?l", '"داعش"@ar']
    status, ctype, body = server.sparql(q, "text/csv", format="xml")  # format= wins
    assert status == 200 and ctype == "application/sparql-results+xml"
    assert "داعش" in body.decode("utf-8")
    status, ctype, body = server.sparql("ASK { rasdid:dAEc a schema:Organization }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_as_turtle_and_ntriples(server: Server, seeds_build: Path) -> None:
    n_claims = _count(_store(seeds_build), "?c a schema:Claim", use_default_graph_as_union=True)
    q = (
        "CONSTRUCT { ?c a schema:Claim ; schema:text ?t } "
        "WHERE { ?c a schema:Claim ; schema:text ?t }"
    )
    status, ctype, body = server.sparql(q, "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(set(g.subjects())) == n_claims and len(g) == 2 * n_claims
    status, ctype, body = server.sparql(q, "application/n-triples")
    assert status == 200 and ctype == "application/n-triples"
    assert len(body.decode("utf-8").splitlines()) == 2 * n_claims
    status, ctype, _ = server.sparql(q, "application/sparql-results+json")
    assert status == 406


def test_the_pages_are_served(server: Server, seeds_build: Path) -> None:
    status, ctype, body = server.get("/")
    assert status == 200 and ctype == "text/html; charset=utf-8"
    assert body == (seeds_build / "index.html").read_bytes()
    entity = sorted((seeds_build / "entity").glob("*.html"))[0]
    status, ctype, body = server.get(f"/entity/{entity.name}")
    assert status == 200 and ctype.startswith("text/html")
    assert body == entity.read_bytes() and 'dir="rtl"' in body.decode("utf-8")
    status, ctype, _ = server.get("/static/site.js")
    assert status == 200 and ctype.startswith("text/javascript")
    status, ctype, body = server.get("/graph.ttl")
    assert status == 200 and body == (seeds_build / "graph.ttl").read_bytes()


def test_updates_are_refused(server: Server, seeds_build: Path) -> None:
    before = _count(_store(seeds_build), "?s ?p ?o", use_default_graph_as_union=True)
    insert = "INSERT DATA { GRAPH <x:g> { <x:a> <x:b> <x:c> } }"
    data = urllib.parse.urlencode({"update": insert}).encode()
    for ctype, body in (
        ("application/x-www-form-urlencoded", data),
        ("application/sparql-update", insert.encode()),
    ):
        req = urllib.request.Request(
            server.url + "sparql", data=body, headers={"Content-Type": ctype}
        )
        with pytest.raises(urllib.error.HTTPError) as exc:
            urllib.request.urlopen(req, timeout=30)
        assert exc.value.code == 403
        assert "read-only" in exc.value.read().decode()
    status, _, body = server.sparql("PREFIX x: <x:>\n" + insert)  # an update sent as a query
    assert status == 403 and body.decode().count("\n") == 1
    status, _, body = server.sparql(
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    )
    assert status == 403 and "SERVICE" in body.decode()
    status, _, body = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == before


def test_a_bad_query_is_a_400_with_the_parser_message(server: Server) -> None:
    status, ctype, body = server.sparql("SELECT ?x WHERE { ?x schema:name }")
    text = body.decode("utf-8")
    assert status == 400 and ctype.startswith("text/plain")
    assert text.startswith("invalid SPARQL (error at 1:") and text.count("\n") == 1
    status, _, _ = server.get("/sparql")
    assert status == 400


@pytest.mark.parametrize(
    "path",
    [
        "/../store/CURRENT",
        "/../../../../etc/passwd",
        "/static/../../store/CURRENT",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fstore%2fCURRENT",
        "/entity/%2e%2e%5c..%5cgraph.ttl",
    ],
)
def test_a_path_out_of_the_site_is_refused(server: Server, path: str) -> None:
    status, _, body = server.get(path)
    assert status == 403 and b"outside the site" in body


@pytest.mark.parametrize("path", ["/store/CURRENT", "/cache/results.sqlite", "/errors.jsonl"])
def test_what_is_not_the_site_is_not_served(server: Server, path: str) -> None:
    status, _, _ = server.get(path)
    assert status == 404


def test_time_limit_and_sigint(seeds_build: Path) -> None:
    """A query past --timeout is a 503 and is stopped; the server then answers the next query
    and stops on SIGINT with status 0."""
    s = Server(seeds_build, "--timeout", "1", "--max-running", "1")
    try:
        t = time.monotonic()
        status, _, body = s.sparql("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")  # 19M rows
        assert status == 503 and b"time limit" in body
        assert time.monotonic() - t < 5
        # the only slot was given back: the next query runs
        status, _, body = s.sparql("ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        code, out, err = s.stop()
    assert code == 0, err
    assert out.strip().endswith("stopped") and "Traceback" not in err
    assert "query past the time limit ended after" in err and "SIGINT: stopping" in err


def test_sigterm_stops_it_too(seeds_build: Path) -> None:
    s = Server(seeds_build)
    s.proc.send_signal(signal.SIGTERM)
    code, out, err = s.stop()
    assert code == 0 and "stopped" in out and "Traceback" not in err


def test_not_a_build_and_a_bad_address_are_one_line(tmp_path: Path, seeds_build: Path) -> None:
    r = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert r.exit_code == 1
    assert r.stderr.startswith("rasd: error:") and "not a build folder" in r.stderr
    assert r.stderr.count("\n") == 1
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: nothing is bound, after a warning
    r = CliRunner().invoke(main, ["serve", str(seeds_build), "--host", "192.0.2.1", "--port", "0"])
    warning, error = r.stderr.splitlines()
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert warning.startswith("rasd: warning: listening on 192.0.2.1: anyone who can reach")
    assert error.startswith("rasd: error: cannot listen on 192.0.2.1:0")


def test_help_has_an_example() -> None:
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "Example:" in r.stdout and "rasd serve out/" in r.stdout


def test_negotiation() -> None:
    from rasd.serve import _GRAPHS, _SOLUTIONS, QueryRefused

    assert negotiate(None, _SOLUTIONS, None) == "json"
    assert negotiate("text/csv;q=0.9, text/tab-separated-values", _SOLUTIONS, None) == "tsv"
    assert negotiate("text/*", _SOLUTIONS, None) == "csv"
    assert negotiate("application/n-triples;q=0.2, text/turtle;q=0.1", _GRAPHS, None) == "ntriples"
    with pytest.raises(QueryRefused) as exc:
        negotiate("image/png", _SOLUTIONS, None)
    assert exc.value.status == 406
    with pytest.raises(QueryRefused):
        negotiate(None, _SOLUTIONS, "turtle")


def test_a_result_over_the_size_limit_asks_for_a_limit(seeds_build: Path) -> None:
    endpoint = SparqlEndpoint(_store(seeds_build), max_result_bytes=10_000)
    answer = endpoint.answer("SELECT * WHERE { ?s ?p ?o }")
    assert answer.status == 503 and b"add a LIMIT" in answer.body
    answer = endpoint.answer("SELECT * WHERE { ?s ?p ?o } LIMIT 3", fmt="csv")
    assert answer.status == 200 and len(answer.body.splitlines()) == 4


def test_a_symlink_out_of_the_site_is_refused(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "static" / "link.txt").symlink_to(tmp_path / "secret.txt")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("x")
    (tmp_path / "static" / "far.txt").symlink_to(outside)
    assert resolve_site_path(tmp_path, "/static/far.txt") == (403, None)
    assert resolve_site_path(tmp_path, "/secret.txt") == (404, None)


_PIECES = st.sampled_from([*"./\\%2eEfFcCst_-a", "%2e", "%2f", "%5c", "..", "%00"])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_no_request_path_resolves_outside_the_site(tmp_path: Path, path: str) -> None:
    root = tmp_path / "site"
    (root / "static" / "e").mkdir(parents=True, exist_ok=True)
    (root / "static" / "e" / "a.js").write_text("x")
    (tmp_path / "secret").write_text("x")
    status, target = resolve_site_path(root, "/" + path)
    if target is not None:
        assert status == 200 and target.is_relative_to(root.resolve())
    else:
        assert status in (403, 404)


def _search(server: Server, q: str, limit: int = 20) -> dict:
    qs = urllib.parse.urlencode({"q": q, "limit": limit})
    status, ctype, body = server.get(f"/search?{qs}")
    assert status == 200 and ctype.startswith("application/json"), body
    return json.loads(body)


@pytest.mark.parametrize(
    ("queries", "iri"),
    [
        (
            ["داعش", "داعِش", "الدولة الإسلامية", "الدوله الاسلاميه", "دولة إسلامية", "isis"],
            "dAEc",
        ),
        (
            ["أبو بكر البغدادي", "ابوبكر البغدادي", "بغدادي", "البغدادى", "أبو بكر"],
            "Abw_bkr_AlbgdAdy",
        ),
        (["سوريا", "سورية", "سوريه", "الجمهورية العربية السورية"], "swryA"),
        (["إنستغرام", "انستغرام", "أنستغرام", "انستقرام"], "AnstgrAm"),
        (
            ["الولايات المتحدة الأميركية", "الولايات المتحده الامريكيه", "ولايات متحدة"],
            "AlwlAyAt_AlmtHdh",
        ),
    ],
)
def test_search_folds_hamza_alef_ta_marbuta_diacritics_and_al(
    server: Server, queries: list[str], iri: str
) -> None:
    for q in queries:
        found = _search(server, q)
        assert found["total"] >= 1
        assert found["results"][0]["iri"] == "https://w3id.org/rasd/id/" + iri, (q, found)


def test_search_finds_every_name_of_every_entity(server: Server, seeds_build: Path) -> None:
    """Each label and alias in the store, searched as written, finds its entity; every result
    names the entity by one of its own names; every link opens a page of the site."""
    store = _store(seeds_build)
    names: dict[str, set[str]] = {}
    q = (
        "SELECT ?e ?n WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } "
        "FILTER(STRSTARTS(STR(?e), 'https://w3id.org/rasd/id/')) }"
    )
    for row in store.query(q, prefixes=PREFIXES, use_default_graph_as_union=True):
        names.setdefault(row["e"].value, set()).add(row["n"].value)
    assert len(names) > 50
    links = set()
    for iri, own in sorted(names.items()):
        for name in sorted(own):
            found = _search(server, name, 200)
            assert iri in [r["iri"] for r in found["results"]], (name, iri)
            for r in found["results"]:
                assert r["matched"] in names[r["iri"]]
                if r["href"]:
                    links.add(r["href"].split("#")[0])
    assert any(h.startswith("entity/") for h in links)
    assert any(h.startswith("article/") for h in links)
    for href in sorted(links):
        assert server.get("/" + href)[0] == 200, href


def test_search_ranks_and_refuses_bad_requests(server: Server) -> None:
    found = _search(server, "مجلس الشيوخ")
    # the alias equal to the query first, then a name that only contains it
    assert [r["iri"].rsplit("/", 1)[-1] for r in found["results"]][:1] == ["mjls_Alcywx_AlAmryky"]
    assert found["total"] == len(found["results"]) >= 2
    assert _search(server, "ا", 3)["total"] > 3 and len(_search(server, "ا", 3)["results"]) == 3
    assert _search(server, "زززز")["results"] == []
    for qs in ("", "?q=", "?q=%D8%AF&limit=0", "?q=x&limit=abc"):
        assert server.get("/search" + qs)[0] == 400


def test_a_build_into_the_served_folder_stops_the_queries(
    seeds_build: Path, tmp_path: Path
) -> None:
    """A build writing to (or having replaced) the store a server reads is refused with 503
    rather than read half-old, half-new; the server refuses to start on a build in progress."""
    from rasd.serve import StoreWatch

    out = tmp_path / "out"
    shutil.copytree(seeds_build, out)
    endpoint = SparqlEndpoint(_store(out), watch=StoreWatch(out), cache=AnswerCache(1 << 20))
    assert endpoint.answer("ASK { ?s ?p ?o }").status == 200
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert [endpoint.answer(count).cache for _ in range(2)] == ["miss", "hit"]
    server = Server(out)
    try:
        assert _search(server, "داعش")["total"] == 1
        (out / "state" / "dirty").touch()  # what a build marks while it writes
        answer = endpoint.answer("ASK { ?s ?p ?o }")
        assert answer.status == 503 and b"a build is writing to it" in answer.body
        assert endpoint.answer(count).status == 503  # a kept answer is not served either
        for path in ("/search?q=%D8%AF", "/sparql?query=ASK%7B%7D"):
            status, _, body = server.get(path)
            assert status == 503 and b"restart rasd serve" in body
    finally:
        assert server.stop()[0] == 0
    r = CliRunner().invoke(main, ["serve", str(out), "--port", "0"])
    assert r.exit_code == 1 and "serve it once the build is done" in r.stderr
    (out / "state" / "dirty").unlink()
    assert endpoint.answer("ASK { ?s ?p ?o }").status == 200
    # an incremental build of two of the seeds rewrites the store
    two = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    r = CliRunner().invoke(main, ["build", *map(str, two), "--out", str(out), "--no-pages"])
    assert r.exit_code == 0, r.stderr
    answer = endpoint.answer("ASK { ?s ?p ?o }")
    assert answer.status == 503 and b"rebuilt since the server started" in answer.body


def _entity_iris(out: Path) -> dict[str, str]:
    """Page name -> IRI of every entity of the build's store (its classes, from the vocab)."""
    from rasd.export.html.model import file_stem
    from rasd.export.html.styles import ENTITY_CLASSES

    classes = " ".join(f"<{c[0]}>" for c in ENTITY_CLASSES)
    q = f"SELECT DISTINCT ?e WHERE {{ VALUES ?t {{ {classes} }} ?e a ?t }}"
    rows = _store(out).query(q, use_default_graph_as_union=True)
    return {file_stem(r["e"].value): r["e"].value for r in rows}


def test_entity_pages_without_a_file_are_rendered_on_demand(
    server: Server, seeds_build: Path
) -> None:
    """Every entity of the store has a page when served: on disk when it is mentioned twice,
    rendered from the store otherwise; a page name no entity has is a 404."""
    import re

    from rasd.export.html.ondemand import EntityPages

    names = _entity_iris(seeds_build)
    on_disk = {p.stem for p in (seeds_build / "entity").glob("*.html")}
    missing = sorted(set(names) - on_disk)
    assert on_disk and len(missing) > 10  # the seeds have many entities named once
    pages = EntityPages(_store(seeds_build))
    # the same code as the static pages: a page that is on disk renders to the same bytes
    for name in sorted(on_disk)[:5]:
        assert pages.render(name) == (seeds_build / "entity" / f"{name}.html").read_text("utf-8")
    for name in missing[:8]:
        status, ctype, body = server.get(f"/entity/{name}.html")
        assert status == 200 and ctype == "text/html; charset=utf-8", name
        html = body.decode("utf-8")
        assert '<html lang="ar" dir="rtl">' in html
        label = pages.site.entities[names[name]].label
        assert f"<h1><bdi>{escape(label)}</bdi>" in html
        # its links lead to pages that are served (on disk or on demand)
        for href in sorted(set(re.findall(r'href="\.\./([^"#]+)', html)))[:20]:
            assert server.get("/" + href)[0] == 200, (name, href)
    conn = http.client.HTTPConnection(server.host, int(server.port), timeout=30)
    conn.request("HEAD", f"/entity/{missing[0]}.html")
    r = conn.getresponse()
    assert r.status == 200 and int(r.getheader("Content-Length")) > 1000 and r.read() == b""
    conn.close()
    unknown = next(f"{i:016x}" for i in range(1 << 20) if f"{i:016x}" not in names)
    for path in (f"/entity/{unknown}.html", "/entity/NOTHEX0000000000.html", "/entity/x.html"):
        assert server.get(path)[0] == 404, path
    assert server.get("/platforms.html")[0] == 200
