"""Load a graph file written by ``rasd build`` and run SPARQL over it."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.query import Result

from extract.errors import GraphError

_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".jsonld": "json-ld", ".nq": "nquads"}


def load(path: Path) -> Dataset:
    """Parse a ``.ttl``/``.trig``/``.nt``/``.jsonld`` file into a dataset (default graph = union).

    Raises :class:`~extract.errors.GraphError` naming the file and the reason.
    """
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format (use {', '.join(_FORMATS)})")
    if not path.is_file():
        raise GraphError(f"{path}: no such file")
    ds = Dataset(default_union=True)
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            ds.default_graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise GraphError(f"{path}: not a valid {fmt} file ({str(exc).splitlines()[0]})") from exc
    return ds


def run_query(graph: Graph | Dataset, sparql: str, source: str = "query") -> Result:
    """Run a SPARQL query; syntax errors become :class:`~extract.errors.GraphError`."""
    from graph.build import bind_prefixes

    if isinstance(graph, Dataset):
        bind_prefixes(graph)
    try:
        return graph.query(sparql)
    except Exception as exc:
        raise GraphError(f"{source}: invalid SPARQL ({str(exc).splitlines()[0]})") from exc
