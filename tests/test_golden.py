"""A small article with a reviewed golden Turtle, compared by RDF graph isomorphism.

To update the golden file after an intended change, run
``RASD_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py`` and review the diff
of ``tests/fixtures/golden/article.ttl`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import read_file
from rasd.extract.resolve import resolve
from rasd.graph.build import build_dataset, merged_graph

HERE = Path(__file__).parent / "fixtures" / "golden"


def build_golden() -> Graph:
    (article,) = list(read_file(HERE / "article.txt", display="article.txt"))
    ex = extract_article(article)
    return merged_graph(build_dataset([ex], resolve([ex])))


def test_golden_turtle_is_isomorphic() -> None:
    got = build_golden()
    path = HERE / "article.ttl"
    if os.environ.get("RASD_UPDATE_GOLDEN"):
        path.write_bytes(got.serialize(format="turtle", encoding="utf-8"))
    expected = Graph().parse(path)
    if not isomorphic(got, expected):
        _both, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        lines = [f"+ {t}" for t in sorted(only_got)][:20] + [
            f"- {t}" for t in sorted(only_expected)
        ][:20]
        raise AssertionError("graph differs from the golden file:\n" + "\n".join(lines))
