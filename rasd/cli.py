"""The ``rasd`` command line: build, query, export, eval-ner.

Errors a user can cause are :class:`~extract.errors.RasdError`\\ s and become one line on
stderr and a non-zero exit (no traceback), in the manner of ``sqlite_utils/cli.py``.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from rasd import __version__
from extract.errors import RasdError, UsageError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = "seeds"
log = logging.getLogger("rasd")


def _default_input() -> Path:
    """``seeds/`` here, else the seeds folder of the rasd checkout."""
    here = Path(DEFAULT_INPUT)
    return here if here.is_dir() else REPO_ROOT / DEFAULT_INPUT


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"rasd: {record.levelname.lower()}: {record.getMessage()}"


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    root = logging.getLogger("rasd")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def _errors_to_exit(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except RasdError as exc:
            click.echo(f"rasd: error: {exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasd")
@click.option("-v", "--verbose", is_flag=True, help="Say more about what is happening.")
def main(verbose: bool) -> None:
    """rasd (رصد): a traceable knowledge graph of who said what, on which platforms, where
    and when — from Arabic news.

    \b
    Example:
      rasd build seeds/ --out out/
      rasd query out/graph.ttl queries/who_said_what.rq
    """
    _setup_logging(verbose)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for graph.ttl, graph.trig and the pages.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Extract articles in this many processes.",
)
@click.option(
    "--pipeline",
    default=None,
    help="Comma-separated extractor components (default: all, in order).",
)
@click.option(
    "--max-nodes",
    default=400,
    show_default=True,
    type=click.IntRange(10, 100000),
    help="Most important entities drawn on the overview page.",
)
@click.option("--no-pages", is_flag=True, help="Write the RDF only, no HTML pages.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any input cannot be read.")
@_errors_to_exit
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    workers: int,
    pipeline: str | None,
    max_nodes: int,
    no_pages: bool,
    strict: bool,
) -> None:
    """Build the knowledge graph of INPUTS (files or folders; default: seeds/).

    Reads .txt, .json, .jsonl, .html and .zip files of those; writes graph.ttl (merged),
    graph.trig (one named graph per article) and index.html with its pages.

    \b
    Example:
      rasd build seeds/ --out out/
      rasd build ../shared/corpora/saudinewsnet/2015-07-21.zip --workers 2 --out big/
    """
    from extract.pipeline import DEFAULT_PIPELINE, check_pipeline
    from rasd.build import build as run_build
    from rasd.build import read_articles

    paths = list(inputs) or [_default_input()]
    names = (
        check_pipeline([p.strip() for p in pipeline.split(",")]) if pipeline else DEFAULT_PIPELINE
    )
    articles, errors = read_articles(paths)
    for err in errors:
        log.warning("skipped %s", err)
    if strict and errors:
        raise UsageError(f"{len(errors)} input(s) could not be read (see above); nothing written")
    if not articles:
        raise UsageError("no articles found in " + ", ".join(map(str, paths)))
    show = len(articles) >= 20 and sys.stderr.isatty()
    with click.progressbar(
        length=len(articles), label="extracting", file=sys.stderr, hidden=not show
    ) as bar:
        result = run_build(paths, names, workers, progress=bar.update, articles=articles)
    result.errors = errors
    out_dir.mkdir(parents=True, exist_ok=True)
    from export.registry import get_exporter

    for fmt in ("turtle", "trig"):
        exp = get_exporter(fmt)
        path = out_dir / exp.default_name
        exp.write(result.dataset, path)
        result.outputs.append(path)
    if not no_pages:
        from export.html import write_site

        index = write_site(result.graph, out_dir, max_overview_nodes=max_nodes)
        result.outputs.append(index)
    summary = result.summary()
    click.echo(
        f"{summary['articles']} articles, {summary['triples']} triples, "
        f"{summary['claims']} claims, {summary['relations']} relations"
    )
    ents = ", ".join(f"{n} {cls}" for cls, n in summary["entities"].items())  # type: ignore[union-attr]
    click.echo(f"entities: {ents}")
    from extract.camel_data import status_line

    click.echo(status_line())
    if errors:
        click.echo(f"skipped inputs: {len(errors)} (see warnings above)")
    for path in result.outputs:
        click.echo(f"wrote {path}")
    if not no_pages:
        click.echo(f"open {(out_dir / 'index.html').resolve().as_uri()}")


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("query_file", metavar="[QUERY.rq]", required=False, type=click.Path(path_type=Path))
@click.option("-e", "--expr", help="SPARQL text instead of a .rq file.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@_errors_to_exit
def query(graph_file: Path, query_file: Path | None, expr: str | None, fmt: str) -> None:
    """Run a SPARQL query over GRAPH (graph.ttl or graph.trig).

    Prefixes schema:, rasd:, rasdid:, skos:, owl:, rdfs:, xsd: are predefined.

    \b
    Example:
      rasd query out/graph.ttl queries/who_said_what.rq
      rasd query out/graph.trig -e 'SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }'
    """
    from graph.store import load, run_query

    if (query_file is None) == (expr is None):
        raise UsageError("give either a QUERY.rq file or -e SPARQL (one of them)")
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{query_file}: cannot read ({exc.strerror})") from exc
        source = str(query_file)
    else:
        sparql, source = expr or "", "-e"
    result = run_query(load(graph_file), sparql, source)
    if fmt == "json":
        click.echo(result.serialize(format="json").decode("utf-8"))
    elif fmt == "csv":
        click.echo(result.serialize(format="csv").decode("utf-8"), nl=False)
    elif result.type == "ASK":
        click.echo("true" if result.askAnswer else "false")
    else:
        names = [str(v) for v in result.vars or []]
        click.echo("\t".join(names))
        n = 0
        for row in result:
            click.echo("\t".join("" if v is None else str(v) for v in row))
            n += 1
        click.echo(f"({n} rows)", err=True)


@main.command(name="export")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", required=True, help="jsonld, graphml, gexf, csv, turtle, trig or nt."
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path),
    help="Output file (a folder for csv); default: next to GRAPH.",
)
@_errors_to_exit
def export_cmd(graph_file: Path, fmt: str, out_path: Path | None) -> None:
    """Write GRAPH in another format for other tools (Gephi, spreadsheets, JSON-LD).

    \b
    Example:
      rasd export out/graph.trig --format gexf      # out/graph.gexf for Gephi
      rasd export out/graph.ttl --format csv --out tables/
    """
    from export.registry import get_exporter
    from graph.store import load

    exp = get_exporter(fmt)
    ds = load(graph_file)
    target = out_path or graph_file.parent / exp.default_name
    exp.write(ds, target)
    click.echo(f"wrote {target}")


@main.command(name="eval-ner")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--backend",
    type=click.Choice(["crf+nn", "crf", "nn", "bert"]),
    default="crf+nn",
    show_default=True,
    help="crf+nn: the CRF and the BiLSTM-CRF decoded together (as 'rasd build' does); "
    "crf: the CRF alone; nn: the BiLSTM-CRF alone; bert: camel-tools' BERT model where "
    "installed.",
)
@click.option(
    "--model", type=click.Path(path_type=Path), help="Model file or directory (default: shipped)."
)
@click.option(
    "--doc-window",
    type=click.IntRange(min=0),
    default=None,
    help="Tag the recurrences of names found within N sentences before or after (document "
    "consistency, as 'rasd build' does over a whole article). Default: off. "
    "Each file is a separate document.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_errors_to_exit
def eval_ner(
    files: tuple[Path, ...], backend: str, model: Path | None, doc_window: int | None, as_json: bool
) -> None:
    """Score the NER layer on CoNLL BIO files (token TAG per line; PERS, LOC, ORG, MISC):
    exact-span precision, recall and F1 per type and micro-averaged, like conlleval.

    \b
    Example:
      rasd eval-ner dev.conll
      rasd eval-ner dev.conll --backend crf+nn --doc-window 7
    """
    from extract.ner import evaluate, format_report, load_tagger, read_conll
    from extract.ner.consistency import propagate

    gold, pred = [], []
    try:
        tagger = load_tagger(backend, model)
    except (RuntimeError, OSError, ValueError) as exc:
        raise UsageError(f"NER backend '{backend}': {exc}") from exc
    for f in files:
        try:
            sents = read_conll(f)
        except OSError as exc:
            raise UsageError(f"{f}: cannot read ({exc.strerror})") from exc
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        tokens = [[w for w, _t in s] for s in sents]
        tags = tagger.tag_many(tokens)
        if doc_window is not None:
            tags = propagate(tokens, tags, window=doc_window)
        gold.extend([t for _w, t in s] for s in sents)
        pred.extend(tags)
    report = evaluate(gold, pred)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report))


if __name__ == "__main__":  # pragma: no cover
    main()
