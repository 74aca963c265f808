"""Shared fixtures: one real build of seeds/ per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings
from rdflib import Graph

from rasd.cli import main
from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.extract.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "saudinewsnet"

# Property tests check behaviour, not speed (speed lives in bench/): no per-example deadline,
# which a loaded CI machine trips on (test_tables: 254 ms against Hypothesis' 200 ms default).
settings.register_profile("rasd", deadline=None)
settings.load_profile("rasd")


def extract_text(text: str, title: str | None = None) -> Extraction:
    """The extraction of one article whose body is ``text`` (and headline ``title``)."""
    record = {"content": text} if title is None else {"title": title, "content": text}
    return extract_article(parse_record(record, "test"))


def said(text: str, title: str | None = None) -> list[tuple[tuple[str, ...], str, str]]:
    """(speaker labels, speaker status, claim text) for each claim of the article."""
    ex = extract_text(text, title)
    labels = {e.key: e.label for e in ex.entities}
    return [
        (tuple(labels.get(s, s) for s in c.speakers), c.speaker_status, c.text) for c in ex.claims
    ]


def claim_with(claims: list, words: str) -> tuple[tuple[str, ...], str, str]:
    """The one claim of :func:`said`'s list whose text contains ``words``."""
    [hit] = [c for c in claims if words in c[2]]
    return hit


def related(text: str) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of every relation of the article ``text``."""
    ex = extract_text(text)
    labels = {e.key: e.label for e in ex.entities}
    return {
        (labels.get(r.subject, r.subject), r.predicate, labels.get(r.obj, r.obj))
        for r in ex.relations
    }


CONTROL = ("controls", "seized", "lostControlOf", "regainedControlOf")


def control(text: str) -> set[tuple[str, str, str]]:
    """(actor label, predicate, place label) of the control relations rasd finds in ``text``."""
    return {t for t in related(text) if t[1] in CONTROL}


def entity_keys(text: str, cls: str | None = None) -> set[str]:
    """The keys of the article-independent entities of ``text`` (of class ``cls``)."""
    ents = extract_text(text).entities
    return {e.key for e in ents if e.scope is None and (cls is None or e.cls == cls)}


def need_shared(path: Path) -> None:
    """Skip when ../shared is absent on a developer machine; fail in CI, where it must exist."""
    if path.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{path} is missing in CI")
    pytest.skip(f"{path} not present on this machine")


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``rasd build seeds/``."""
    out = tmp_path_factory.mktemp("seeds-out")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_build: Path) -> Graph:
    return Graph().parse(seeds_build / "graph.ttl")


PAGE_FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def page_fixture_graph() -> Graph:
    """The hand-made page fixture (three seed articles) plus the injection article."""
    g = Graph()
    g.parse(PAGE_FIXTURES / "mini.ttl")
    g.parse(PAGE_FIXTURES / "injection.ttl")
    return g


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site written from :func:`page_fixture_graph` (shared by the page and browser tests)."""
    from rasd.export.html import write_site

    out = tmp_path_factory.mktemp("fixture-site")
    index = write_site(page_fixture_graph(), out)
    if index != out / "index.html":
        raise AssertionError(f"write_site returned {index}")
    return out
