"""The one vocabulary table (graph/vocab.py, graph/classes.tsv, graph/predicates.tsv) against
everything that names classes and predicates: the ontology, the SHACL shapes, the contract, the
extractor's records and its data files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from rdflib import OWL, RDF, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from rasd.extract import relations, resources
from rasd.extract.errors import DataError
from rasd.extract.records import ENTITY_CLASSES, RELATION_PREDICATES
from rasd.graph import build
from rasd.graph.vocab import CLASS_BY_NAME, CLASSES, PREDICATE_BY_NAME, PREDICATES, RASD, SCHEMA

ONTOLOGY = ROOT / "graph" / "ontology.ttl"
CURIE = {str(SCHEMA): "schema:", str(RASD._NS): "rasd:"}


def curie(iri: URIRef) -> str:
    for ns, prefix in CURIE.items():
        if str(iri).startswith(ns):
            return prefix + str(iri)[len(ns) :]
    raise AssertionError(iri)


def rasd_terms(iris: set[URIRef]) -> set[str]:
    return {str(i) for i in iris if str(i).startswith(str(RASD._NS))}


def test_every_ontology_term_is_in_a_vocabulary_table_or_written_as_evidence() -> None:
    """The ontology declares exactly the rasd: classes and predicates of the tables and the
    evidence terms graph/build.py writes: a term nothing writes (like the dropped rasd:coMention)
    or a table row the ontology lacks fails here."""
    onto = Graph().parse(ONTOLOGY)
    declared = {str(s) for s in onto.subjects(RDF.type, None) if str(s).startswith(str(RASD._NS))}
    tables = rasd_terms({c.iri for c in CLASSES} | {p.iri for p in PREDICATES})
    evidence = {str(RASD[name]) for name in build._RASD_TERMS}
    assert not tables & evidence
    assert declared == tables | evidence
    kinds = {str(s): o for s, o in onto.subject_objects(RDF.type)}
    for c in CLASSES:
        if str(c.iri) in declared:
            assert kinds[str(c.iri)] == OWL.Class, c.name
    for p in PREDICATES:
        if str(p.iri) in declared:
            assert kinds[str(p.iri)] == OWL.ObjectProperty, p.name


def test_the_ontology_names_the_schema_classes_of_the_table() -> None:
    text = ONTOLOGY.read_text(encoding="utf-8").replace("\n# ", " ")
    listed = re.search(r"Classes used from schema\.org: ([^.]+)\.", text)
    assert listed is not None
    named = {"schema:" + w.strip() for w in listed.group(1).split(",")}
    schema_classes = {curie(c.iri) for c in CLASSES if curie(c.iri).startswith("schema:")}
    assert named == schema_classes | {"schema:NewsArticle", "schema:Claim"}


def test_the_contract_lists_the_classes_and_predicates_of_the_table() -> None:
    doc = (ROOT / "docs" / "graph-contract.md").read_text(encoding="utf-8")
    entity_type = re.search(r"## Entities.*?\n    a ((?:[\w:]+\s*\|?\s*)+);", doc, re.S)
    assert entity_type is not None
    assert set(re.findall(r"[\w]+:\w+", entity_type.group(1))) == {curie(c.iri) for c in CLASSES}
    preds = re.search(r"\nPredicates: (.*?)\n\n", doc, re.S)
    assert preds is not None
    named = set(re.findall(r"`(\w+:\w+)`", preds.group(1)))
    assert named == {curie(p.iri) for p in PREDICATES if p.extracted}


def test_the_shapes_check_the_classes_of_the_table() -> None:
    shapes = Graph().parse(ROOT / "graph" / "shapes.ttl")
    shape = URIRef("https://w3id.org/rasd/shapes#EntityShape")
    targets = set(shapes.objects(shape, SH.targetClass))
    assert targets == {c.iri for c in CLASSES}
    (prop,) = (p for p in shapes.objects(shape, SH.property) if (p, SH.path, RDF.type) in shapes)
    allowed = set(Collection(shapes, next(shapes.objects(prop, SH["in"]))))
    assert allowed == {c.iri for c in CLASSES}


def test_the_extractor_names_are_the_table_names() -> None:
    assert set(CLASS_BY_NAME) == ENTITY_CLASSES
    assert {p.name for p in PREDICATES if p.extracted} == RELATION_PREDICATES
    assert {n: PREDICATE_BY_NAME[n].iri for n in RELATION_PREDICATES} == build.PREDICATES


def test_legend_groups_are_headed_by_their_own_class() -> None:
    for c in CLASSES:
        head = CLASS_BY_NAME[c.group]
        assert head.group == head.name, c.name
        assert bool(c.color and c.shape) == (c.group == c.name), c.name
    assert sorted(c.rank for c in CLASSES) == list(range(len(CLASSES)))


def test_every_predicate_and_class_in_the_data_files_is_known() -> None:
    cues = resources.load_table("relation_cues.tsv", resources.RelationCue)
    assert {r.predicate for r in cues} <= RELATION_PREDICATES
    entities = resources.load_table("entities.tsv", resources.LexiconEntry)
    assert {r.cls for r in entities} <= ENTITY_CLASSES


@pytest.fixture
def data_dir_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of extract/data that the loaders read instead, with their caches emptied."""
    copy = tmp_path / "data"
    shutil.copytree(resources.DATA_DIR, copy)
    monkeypatch.setattr(resources, "DATA_DIR", copy)
    resources._packaged.cache_clear()
    relations.relation_cues.cache_clear()
    yield copy
    resources._packaged.cache_clear()
    relations.relation_cues.cache_clear()


def test_an_unknown_predicate_in_relation_cues_is_a_named_error(data_dir_copy: Path) -> None:
    path = data_dir_copy / "relation_cues.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("استخدم\tusesPlatfrom\tactor-platform\t\teither")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"relation_cues.tsv:{len(lines)}: .*'usesPlatfrom'"):
        relations.relation_cues()


def test_the_pages_draw_every_relation_the_graph_carries_between_entities() -> None:
    from rasd.export.html.styles import RELATIONS

    between_entities = {p.iri for p in PREDICATES if p.extracted and not p.literal}
    assert between_entities <= set(RELATIONS)
    assert SCHEMA.location in RELATIONS  # an event's place


def test_the_stylesheet_highlights_mentions_in_the_class_colours() -> None:
    """site.css tints the mentions of each legend group with the group's colour (static CSS,
    so checked against the table rather than derived from it)."""
    css = (ROOT / "export" / "html" / "static" / "site.css").read_text(encoding="utf-8")
    rules = {
        name: tuple(int(x) for x in rgb.split(","))
        for name, rgb in re.findall(
            r"\.m-(\w+) \{ background: rgba\((\d+,\d+,\d+),[\d.]+\); \}", css
        )
    }
    heads = {c.name: c.color for c in CLASSES if c.group == c.name}
    assert set(rules) == set(heads)
    for name, color in heads.items():
        assert rules[name] == tuple(int(color[i : i + 2], 16) for i in (1, 3, 5)), name


def test_an_undeclared_rasd_term_in_the_vocabulary_table_names_file_and_line(
    tmp_path: Path,
) -> None:
    from rasd.extract.resources import TableError, load_table
    from rasd.graph.vocab import _PredicateRow

    text = (ROOT / "graph" / "predicates.tsv").read_text(encoding="utf-8")
    bad = tmp_path / "predicates.tsv"
    bad.write_text(text.replace("rasd:usesPlatform", "rasd:usesPlatfrom", 1), encoding="utf-8")
    line = 1 + text.split("\n").index(next(x for x in text.split("\n") if "rasd:usesPlatform" in x))
    with pytest.raises(TableError, match=rf"predicates.tsv:{line}: rasd:usesPlatfrom is not"):
        load_table(bad, _PredicateRow)
