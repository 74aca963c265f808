"""``rasd build``: articles → extract (per article, pure) → resolve → graph → export."""

from __future__ import annotations

import functools
import logging
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from extract.pipeline import DEFAULT_PIPELINE, extract_article
from extract.reader import read_inputs
from extract.records import Article, Extraction
from extract.resolve import resolve
from graph.build import build_dataset, merged_graph
from extract.errors import InputError

log = logging.getLogger("rasd")


@dataclass
class BuildResult:
    """What a build produced, for the summary and the tests."""

    dataset: Dataset
    extractions: list[Extraction]
    errors: list[InputError] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    @functools.cached_property
    def graph(self) -> Graph:
        """The merged graph (all named graphs), computed once."""
        return merged_graph(self.dataset)

    def summary(self) -> dict[str, object]:
        """Counts for the build summary: articles, triples, entities by class, claims."""
        from graph.network import entity_classes

        g = self.graph
        classes = Counter(entity_classes(g).values())
        return {
            "articles": len(self.extractions),
            "triples": len(g),
            "entities": dict(sorted(classes.items())),
            "claims": sum(len(e.claims) for e in self.extractions),
            "relations": sum(len(e.relations) for e in self.extractions),
            "skipped inputs": len(self.errors),
        }


def _extract(args: tuple[Article, tuple[str, ...]]) -> Extraction:
    article, pipeline = args
    return extract_article(article, pipeline)


def read_articles(inputs: Iterable[Path]) -> tuple[list[Article], list[InputError]]:
    """Read every article; duplicates (same content hash) are kept once."""
    articles: dict[str, Article] = {}
    errors: list[InputError] = []
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            errors.append(item)
        elif item.id in articles:
            log.info("%s: same text as %s, read once", item.source, articles[item.id].source)
        else:
            articles[item.id] = item
    return list(articles.values()), errors


def extract_all(
    articles: Sequence[Article],
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Extract every article, in parallel when ``workers > 1``; order follows ``articles``."""
    jobs = [(a, tuple(pipeline)) for a in articles]
    out: list[Extraction] = []
    if workers > 1 and len(jobs) > 1:
        # forkserver, not fork: a fork of a process whose thread pools already ran (torch, for
        # the optional BERT backend) can deadlock in the child
        ctx = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
            for ex in pool.map(_extract, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
                out.append(ex)
                if progress:
                    progress(1)
    else:
        for job in jobs:
            out.append(_extract(job))
            if progress:
                progress(1)
    return out


def build(
    inputs: Sequence[Path],
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    articles: Sequence[Article] | None = None,
) -> BuildResult:
    """Read, extract, resolve and map to RDF (no files written)."""
    errors: list[InputError] = []
    if articles is None:
        articles, errors = read_articles(inputs)
    extractions = extract_all(articles, pipeline, workers, progress)
    entities = resolve(extractions)
    ds = build_dataset(extractions, entities)
    return BuildResult(ds, extractions, errors)
