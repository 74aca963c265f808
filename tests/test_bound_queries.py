"""The shipped queries about one entity (said_by, evidence_of, timeline_of) and ``rasd query
--bind``: a bound query gives exactly the rows of the matching listing query about that
entity, for any name; a wrong binding is a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.cli import main
from rasd.extract.errors import GraphError
from rasd.graph.store import bind_values, load, select_rows

QUERIES = ROOT / "queries"


def _text(name: str) -> str:
    return (QUERIES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store(seeds_build: Path):
    return load(seeds_build)


def _labels(store) -> dict[str, set[str]]:
    """Every entity IRI by its Arabic name and aliases."""
    rows = select_rows(
        store,
        'SELECT ?e ?n WHERE { ?e rdfs:label|skos:altLabel ?n . FILTER(lang(?n) = "ar") }',
    )
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["n"], set()).add(r["e"])
    return out


def test_said_by_gives_the_listed_claims_of_every_speaker(store) -> None:
    listing = select_rows(store, _text("who_said_what.rq"))
    authors: dict[str, set[str]] = {}
    for r in select_rows(store, "SELECT ?c ?w WHERE { ?c schema:author ?w }"):
        authors.setdefault(r["c"], set()).add(r["w"])
    names = _labels(store)
    speakers = {r["speaker"] for r in listing}
    assert len(speakers) > 5
    for speaker in speakers:
        got = select_rows(store, bind_values(_text("said_by.rq"), "name", speaker))
        assert {r["name"] for r in got} == {speaker}
        # every claim whose author carries the name (label or alias), and no other
        want = {r["claim"] for r in listing if authors[r["claim"]] & names[speaker]}
        assert {r["claim"] for r in got} == want, speaker
        texts = {(r["claim"], r["claimText"]) for r in listing}
        assert {(r["claim"], r["claimText"]) for r in got} <= texts


def test_evidence_of_gives_the_listed_facts_of_every_entity(store) -> None:
    listing = select_rows(store, _text("evidence.rq"))
    ends = {
        (r["st"], r["x"])
        for r in select_rows(
            store, "SELECT ?st ?x WHERE { { ?st rdf:subject ?x } UNION { ?st rdf:object ?x } }"
        )
    }
    names = _labels(store)
    subjects = {r["subject"] for r in listing}
    assert len(subjects) > 3
    key = ("predicate", "sentence", "start", "end", "article")
    for name in subjects:
        got = select_rows(store, bind_values(_text("evidence_of.rq"), "name", name))
        assert got and {r["name"] for r in got} == {name}
        mine = {tuple(r[k] for k in key) for r in got}
        # each listed fact whose subject or object carries the name is there
        named = {st for st, x in ends if x in names[name]}
        facts = {
            tuple(r[k] for k in key)
            for r in select_rows(
                store,
                "SELECT ?st ?predicate ?sentence ?start ?end ?article WHERE { ?st rdf:predicate"
                " ?predicate ; rasd:evidence ?s ; rasd:start ?start ; rasd:end ?end ;"
                " rasd:inArticle ?article . ?s schema:text ?sentence }",
            )
            if r["st"] in named
        }
        assert mine == facts, name
        assert mine <= {tuple(r[k] for k in key) for r in listing}


def test_timeline_of_holds_the_articles_and_claims_of_an_entity(store) -> None:
    got = select_rows(store, _text("timeline_of.rq"))  # the shipped default: داعش
    assert {r["name"] for r in got} == {"داعش"}
    kinds = {r["kind"].split(" (")[0] for r in got}
    assert {"article", "claim about it"} <= kinds
    mentioning = {
        r["a"]
        for r in select_rows(
            store,
            "SELECT ?a WHERE { ?a schema:mentions ?x ; schema:datePublished ?d ."
            ' ?x rdfs:label|skos:altLabel "داعش"@ar }',
        )
    }
    assert mentioning  # the dated articles that mention it: a timeline needs dates
    assert {r["node"] for r in got if r["kind"] == "article"} == mentioning
    dates = [r["date"] for r in got]
    assert dates == sorted(dates)


@settings(max_examples=60, deadline=None)
@given(st.text(st.sampled_from([*"داعشـأإآءًٌُ \"\\'{}<>?$٣ \t", "\u200c", "\n"]), max_size=20))
def test_any_name_binds_to_a_valid_query(store, name: str) -> None:
    """Any text binds as an escaped literal, except ``<…>``, which is read as an IRI: then
    it binds as one, or is a one-line :class:`GraphError` when it is not a valid IRI (``<>``,
    ``<a b>``); never SPARQL text."""
    if name.startswith("<") and name.endswith(">") and len(name) >= 2:
        try:
            sparql = bind_values(_text("said_by.rq"), "name", name)
        except GraphError as exc:
            assert str(exc).startswith(f"query: --bind name={name}: ")
            return
        assert f"{{ {name} }}" in sparql
        select_rows(store, sparql)
        return
    sparql = bind_values(_text("said_by.rq"), "name", name)
    rows = select_rows(store, sparql)  # parses: the name is escaped, never SPARQL text
    assert all(r["name"] == name for r in rows)


@pytest.mark.parametrize("name", ["<>", "<داعش >", "<a b>"])
def test_a_name_written_as_an_iri_that_is_not_one_is_one_error(name: str) -> None:
    with pytest.raises(GraphError, match=r"^x\.rq: --bind name="):
        bind_values(_text("said_by.rq"), "name", name, "x.rq")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bind", "speaker=x"], "no 'VALUES ?speaker { … }' to bind"),
        (["--bind", "name"], "--bind name: give NAME=VALUE"),
        (["--bind", "name=<not an iri>"], "--bind name=<not an iri>:"),
    ],
)
def test_a_wrong_binding_is_a_one_line_error(
    seeds_build: Path, args: list[str], message: str
) -> None:
    r = CliRunner().invoke(main, ["query", str(seeds_build), str(QUERIES / "said_by.rq"), *args])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.stderr.count("\n") == 1 and message in r.stderr


def test_bind_through_the_command_line(seeds_build: Path) -> None:
    r = CliRunner().invoke(
        main,
        [
            "query",
            str(seeds_build),
            str(QUERIES / "said_by.rq"),
            "--bind",
            "name=تشارلي وينتر",
            "--format",
            "csv",
        ],
    )
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("name,speaker,claimText") and len(lines) > 2
    assert all(line.startswith("تشارلي وينتر,") for line in lines[1:])
    with pytest.raises(GraphError, match="more than one"):
        bind_values("SELECT * { VALUES ?n { 1 } VALUES ?n { 2 } }", "n", "x")
