"""The extractor pipeline's batch form: :func:`extract_many` gives each article what
:func:`extract_article` gives it alone, and one article's failure in a batch component costs
that article only."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from conftest import SEEDS

from rasd.extract.doc import Doc
from rasd.extract.errors import ExtractError
from rasd.extract.pipeline import (
    COMPONENTS,
    DEFAULT_PIPELINE,
    component,
    extract_article,
    extract_many,
)
from rasd.extract.reader import parse_text
from rasd.extract.records import Article

MARKER = "قنبلة"


def _articles() -> list[Article]:
    seeds = [parse_text(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    bad = parse_text(f"خبر فيه {MARKER} موقوتة عن تنظيم داعش، وقال المتحدث إن الوضع آمن.", "b.txt")
    return [seeds[0], bad, *seeds[1:]]


def test_the_shipped_ner_has_a_batch_form() -> None:
    assert COMPONENTS["ner-tags"].pipe is not None


def test_extract_many_equals_one_article_at_a_time() -> None:
    articles = _articles()
    assert extract_many(articles) == [extract_article(a) for a in articles]


@pytest.fixture
def batch_component_failing_on_marker() -> Iterator[tuple[str, list[int]]]:
    """A component whose batch form raises when any article of the batch has the marker,
    and whose one-article form raises on that article only."""
    name = "test-batch-explode"
    calls: list[int] = []

    def one(doc: Doc) -> None:
        if MARKER in doc.article.text:
            raise RuntimeError("boom on purpose")

    def many(docs: Sequence[Doc]) -> None:
        calls.append(len(docs))
        for doc in docs:
            one(doc)

    component(name, pipe=many)(one)
    yield name, calls
    del COMPONENTS[name]


def test_a_failing_batch_costs_one_article(
    batch_component_failing_on_marker: tuple[str, list[int]],
) -> None:
    name, calls = batch_component_failing_on_marker
    pipeline = (*DEFAULT_PIPELINE[:4], name, *DEFAULT_PIPELINE[4:])
    articles = _articles()
    results = extract_many(articles, pipeline)
    assert calls == [len(articles)]  # the batch form ran once, over every article, and raised
    failed = [r for r in results if isinstance(r, ExtractError)]
    assert len(failed) == 1 and failed[0].component == name and failed[0].source == "b.txt"
    assert "boom on purpose" in str(failed[0])
    good = [a for a in articles if MARKER not in a.text]
    assert [r for r in results if not isinstance(r, ExtractError)] == [
        extract_article(a, pipeline) for a in good
    ]
    with pytest.raises(ExtractError, match=name):
        extract_article(articles[1], pipeline)


def test_a_failure_after_the_components_costs_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the frozen extraction is guarded per article too."""
    import rasd.extract.pipeline as pipeline

    real = pipeline._register_referenced

    def failing(doc: Doc) -> None:
        if MARKER in doc.article.text:
            raise ValueError("broken on purpose")
        real(doc)

    monkeypatch.setattr(pipeline, "_register_referenced", failing)
    articles = _articles()
    results = extract_many(articles, ("sentences", "lexicon"))
    failed = [r for r in results if isinstance(r, ExtractError)]
    assert [(f.source, f.component) for f in failed] == [("b.txt", "freeze")]
    assert sum(not isinstance(r, ExtractError) for r in results) == len(articles) - 1
