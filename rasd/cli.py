"""The ``rasd`` command line: build, query, export, eval-ner.

Errors a user can cause are :class:`~extract.errors.RasdError`\\ s and become one line on
stderr and a non-zero exit (no traceback), in the manner of ``sqlite_utils/cli.py``.
"""

from __future__ import annotations

import errno
import functools
import json
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from rasd import __version__
from rasd.export.interrupt import Interrupted
from rasd.extract.errors import RasdError, UsageError

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
        except Interrupted as exc:  # not an error: stopped on request, 128 + the signal
            click.echo(f"rasd: {exc}", err=True)
            sys.exit(exc.exit_code)
        except RasdError as exc:
            click.echo(f"rasd: error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt as exc:  # Ctrl-C in a command that does not say more
            signum = getattr(exc, "signum", signal.SIGINT)
            click.echo(f"rasd: interrupted ({signal.Signals(signum).name})", err=True)
            sys.exit(128 + signum)
        except OSError as exc:
            # a file or folder the command was told to use, that the system refuses (a parent
            # that is a file, no permission, a read-only disk), or a full disk: the user's to
            # fix, so one line; any other OSError is a bug and keeps its traceback
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                where = f"{exc.filename}: " if exc.filename else ""
                click.echo(f"rasd: error: {where}{exc.strerror or exc} (free some space)", err=True)
                sys.exit(1)
            if exc.filename is None:
                raise
            click.echo(f"rasd: error: {exc.filename}: {exc.strerror or exc}", err=True)
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


class _Progress:
    """One live line on a terminal: articles read and done, rate, and ETA from input bytes."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.read = self.done = 0
        self.t0 = time.monotonic()
        self.last = 0.0

    def __call__(self, stage: str, n: int) -> None:
        if stage == "read":
            self.read += n
        else:
            self.done += n
        now = time.monotonic()
        if self.enabled and now - self.last > 0.5:
            self.last = now
            rate = self.done / max(now - self.t0, 1e-9)
            left = self.read - self.done
            eta = f", {left / rate:.0f} s for the {left} read" if rate > 0 and left > 0 else ""
            click.echo(
                f"\rextracting: {self.done} articles done, {self.read} read, {rate:.1f}/s{eta}  ",
                err=True,
                nl=False,
            )

    def close(self) -> None:
        if self.enabled and self.last:
            click.echo("", err=True)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the store, graph.ttl, graph.trig, errors.jsonl and the pages. "
    "Building into a folder that holds an earlier build updates it incrementally.",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 256),
    help="Extract articles in this many processes (default: the number of cores).",
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Extract on this dask.distributed scheduler (tcp://host:8786) instead of local processes.",
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
@click.option(
    "--keep-answers/--no-keep-answers",
    default=None,
    help="Evaluate the shipped queries that list everything (timeline, evidence, "
    "who_said_what) once the store is written, beside the pages, and keep their answers in "
    "OUT/answers/, so that rasd query prints them at once (~1 s of CPU a 1,000 articles). "
    "Default: a full build keeps them, an incremental one leaves them to the first query.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first input or article that cannot be read or extracted (exit 1).",
)
@_errors_to_exit
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    workers: int | None,
    dask_address: str | None,
    pipeline: str | None,
    max_nodes: int,
    no_pages: bool,
    keep_answers: bool | None,
    strict: bool,
) -> None:
    """Build the knowledge graph of INPUTS (files or folders; default: seeds/).

    Reads .txt, .json, .jsonl, .html and .zip files of those, one article at a time; writes
    the Oxigraph store (OUT/store), graph.ttl (merged), graph.trig (one named graph per
    article), errors.jsonl (what was skipped) and index.html with its pages.

    \b
    Exit status: 0 built; 3 built, but some input or article was skipped (one line each on
    stderr and in OUT/errors.jsonl); 1 nothing built (bad option, no article, --strict);
    130 stopped by Ctrl-C (SIGINT), 143 by SIGTERM, within seconds, every process it started
    ended: the next build into OUT finishes the job.

    \b
    Example:
      rasd build seeds/ --out out/
      rasd build ../shared/corpora/saudinewsnet/ --out big/
      rasd build ../shared/corpora/saudinewsnet/ --out big/ --dask tcp://scheduler:8786
    """
    from rasd.build import build as run_build
    from rasd.build import default_workers, times_line
    from rasd.extract.pipeline import DEFAULT_PIPELINE, check_pipeline

    paths = list(inputs) or [_default_input()]
    names = (
        check_pipeline([p.strip() for p in pipeline.split(",")]) if pipeline else DEFAULT_PIPELINE
    )
    progress = _Progress(sys.stderr.isatty())
    try:
        report = run_build(
            paths,
            out_dir,
            pipeline=names,
            workers=workers or default_workers(),
            dask=dask_address,
            strict=strict,
            pages=not no_pages,
            max_overview_nodes=max_nodes,
            progress=progress,
            keep_answers=keep_answers,
        )
    except KeyboardInterrupt as exc:  # SIGINT, SIGTERM (rasd.export.interrupt.Stop): one line
        signum = getattr(exc, "signum", signal.SIGINT)
        raise Interrupted(
            signum, f"the build of {out_dir} stopped; run it again to finish it"
        ) from None
    finally:
        progress.close()
    if report.articles == 0:
        raise UsageError("no articles found in " + ", ".join(map(str, paths)))
    click.echo(
        f"{report.articles} articles, {report.triples} triples, "
        f"{report.claims} claims, {report.relations} relations"
    )
    if report.duplicates:
        click.echo(
            f"duplicates: {report.duplicates} record(s) repeat the text of an article read "
            "before and were read once (rasd -v build names them)"
        )
    ents = ", ".join(f"{n} {cls}" for cls, n in report.entities.items()) or "none"
    click.echo(f"entities: {ents}")
    if report.incremental:
        click.echo(
            f"incremental: {report.extracted} extracted, {report.from_cache} from the cache, "
            f"{report.unchanged} unchanged, {report.removed} removed; pages: "
            f"{report.pages_written} written, {report.pages_kept} kept"
        )
    from rasd.extract.camel_data import status_line

    click.echo(status_line())
    click.echo(f"times: {times_line(report.times)}")
    if report.failures:
        click.echo(
            f"skipped: {len(report.failures)} input(s) or article(s), listed in "
            f"{out_dir / 'errors.jsonl'}"
        )
    for path in report.outputs:
        click.echo(f"wrote {path}")
    click.echo(f"store: {out_dir / 'store'} (rasd query {out_dir} -e 'SELECT …')")
    if not no_pages and (out_dir / "index.html").exists():
        click.echo(f"open {(out_dir / 'index.html').resolve().as_uri()}")
    if report.exit_code:
        sys.exit(report.exit_code)


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
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="NAME=VALUE",
    help="Put VALUE in the query's 'VALUES ?NAME { … }' block: an Arabic name as the site "
    "shows it, or <IRI>. Repeatable.",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Evaluate a shipped query over the store even when its answer for this store is "
    "kept in OUT/answers/ (and keep the new answer).",
)
@_errors_to_exit
def query(
    graph_file: Path,
    query_file: Path | None,
    expr: str | None,
    fmt: str,
    binds: tuple[str, ...],
    fresh: bool,
) -> None:
    """Run a SPARQL query over GRAPH: a build folder (its Oxigraph store, opened read-only,
    nothing parsed) or a graph file (.ttl, .trig, .nt, .nq, .jsonld; loaded into a temporary
    store).  The query sees the union of all named graphs.

    Prefixes schema:, rasd:, rasdid:, skos:, owl:, rdfs:, xsd:, rdf: are predefined.
    The queries about one entity (said_by, evidence_of, timeline_of) take its name with
    --bind name=…

    The answer of a shipped query (unchanged, without --bind) over a build folder is kept in
    OUT/answers/ the first time it is asked, and printed from there while the store stays
    as it is (a build clears it); --fresh evaluates the SPARQL anyway.

    \b
    Example:
      rasd query out/ queries/who_said_what.rq
      rasd query out/ queries/said_by.rq --bind 'name=عادل الجبير'
      rasd query out/graph.trig -e 'SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }'
    """
    import pyoxigraph as ox

    from rasd import kept
    from rasd.graph.store import bind_values, format_results, is_build_dir, load, run_query

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
    for bind in binds:
        name, eq, value = bind.partition("=")
        if not eq:
            raise UsageError(f"--bind {bind}: give NAME=VALUE")
        sparql = bind_values(sparql, name.strip().lstrip("?$"), value, source)
    keep = not binds and is_build_dir(graph_file) and kept.keeps(sparql)
    if keep and not fresh:
        path = kept.kept_path(graph_file, sparql, fmt)
        if path is not None:
            lines = 0
            for piece in kept.copy_chunks(path):  # a piece at a time, never whole in memory
                click.echo(piece, nl=False)
                lines += piece.count(b"\n")
            if fmt == "table" and lines > 1:
                click.echo(f"({lines - 1} rows, kept answer; --fresh evaluates again)", err=True)
            return
    if keep:
        # evaluated once as JSON written straight to OUT/answers/ (other formats and rasd
        # serve are derived from it in ~2 s of CPU at 31k articles, where an evaluation takes
        # 8-17 s), then printed and kept in the asked format from that file, a row at a time
        state = kept.store_fingerprint(graph_file)
        solutions = None if fresh else kept.kept_path(graph_file, sparql, "json", state)
        if solutions is None:
            with kept.Keeper(graph_file, sparql, "json", state) as keeper:
                if keeper.file is not None:
                    kept.solutions_to(load(graph_file), sparql, keeper.file, source)
                    if keeper.commit():
                        solutions = keeper.path
        if solutions is not None:
            if fmt == "json":
                for piece in kept.copy_chunks(solutions):
                    click.echo(piece, nl=False)
                return
            lines = 0
            with kept.Keeper(graph_file, sparql, fmt, state) as keeper, solutions.open("rb") as f:
                result = ox.parse_query_results(f, format=ox.QueryResultsFormat.JSON)
                for chunk in format_results(result, fmt, source):
                    click.echo(chunk, nl=fmt == "table")
                    keeper.add((chunk + "\n" if fmt == "table" else chunk).encode("utf-8"))
                    lines += 1
                keeper.commit()
            if fmt == "table" and lines > 1:
                click.echo(f"({lines - 1} rows)", err=True)
            return
    # not kept (a user's query, or the folder cannot be written, or the store changed)
    lines = 0
    for chunk in format_results(run_query(load(graph_file), sparql, source), fmt, source):
        click.echo(chunk, nl=fmt == "table")
        lines += 1
    if fmt == "table" and lines > 1:
        click.echo(f"({lines - 1} rows)", err=True)


@main.command(name="export")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", required=True, help="jsonld, graphml, gexf, csv, turtle, trig, nt or nquads."
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path),
    help="Output file (a folder for csv); default: next to GRAPH.",
)
@_errors_to_exit
def export_cmd(graph_file: Path, fmt: str, out_path: Path | None) -> None:
    """Write GRAPH (a build folder, read from its store, or a graph file) in another format
    for other tools (Gephi, spreadsheets, JSON-LD, bulk loaders).

    \b
    Example:
      rasd export out/ --format gexf                # out/graph.gexf for Gephi
      rasd export out/graph.ttl --format csv --out tables/
    """
    from rasd.export.registry import get_exporter
    from rasd.graph.store import load

    exp = get_exporter(fmt)
    store = load(graph_file)
    base = graph_file if graph_file.is_dir() else graph_file.parent
    target = out_path or base / exp.default_name
    if target.resolve() == graph_file.resolve():
        raise UsageError(f"{target}: would overwrite the graph being exported; give --out")
    exp.write(store, target)
    click.echo(f"wrote {target}")


@main.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--limit", default=50, show_default=True, help="Print at most this many violations.")
@_errors_to_exit
def validate(graph_file: Path, limit: int) -> None:
    """Check GRAPH (a build folder or a graph file) against the graph contract, written as
    SHACL shapes (graph/shapes.ttl): one line per violation, exit 1 when there are any.

    A build folder is checked one article at a time (its named graph with the entities it
    names), so memory stays small; pySHACL takes about 0.15 s of CPU per article.

    \b
    Example:
      rasd validate out/
      rasd validate out/graph.ttl
    """
    from rasd.graph.validate import validate_store

    n = 0
    for line in validate_store(_graph_store(graph_file)):
        if n < limit:
            click.echo(line)
        n += 1
    if n > limit:
        click.echo(f"… and {n - limit} more", err=True)
    if n:
        raise UsageError(f"{graph_file}: {n} violation(s) of the graph contract")
    click.echo(f"{graph_file}: conforms to the graph contract")


def _graph_store(path: Path) -> Any:
    from rasd.graph.store import load

    return load(path)


@main.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(path_type=Path))
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="TCP port (0: any free port; the address is printed).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback opens the pages and the "
    "graph to the network (a warning says so).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Time limit of one SPARQL query, in seconds (answered with 503 past it).",
)
@click.option(
    "--max-running",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="SPARQL queries evaluated at once.",
)
@click.option(
    "--max-result-mb",
    default=256,
    show_default=True,
    type=click.IntRange(1),
    help="Largest SPARQL result, in MB (a larger one is refused: add a LIMIT).",
)
@click.option(
    "--cache-mb",
    default=512,
    show_default=True,
    type=click.IntRange(0),
    help="Memory for answers of SELECT queries already asked (0: none); the store cannot "
    "change while the server runs, so a query asked again is answered from here.",
)
@click.option(
    "--warm",
    "warm_files",
    multiple=True,
    metavar="QUERY.rq",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also evaluate this query at start, in the background, so that it answers at once "
    "(repeatable; the shipped queries are always warmed).",
)
@click.option("--no-warm", is_flag=True, help="Evaluate no query at start.")
@_errors_to_exit
def serve(
    out_dir: Path,
    port: int,
    host: str,
    timeout: float,
    max_running: int,
    max_result_mb: int,
    cache_mb: int,
    warm_files: tuple[Path, ...],
    no_warm: bool,
) -> None:
    """Serve the pages of the build in OUT and a read-only SPARQL endpoint over its store.

    \b
    /            the pages (index.html, entity/, article/, claims.html) and graph.ttl/.trig
    /sparql      SPARQL 1.1 Protocol: GET ?query=… or POST (form or application/sparql-query);
                 SELECT/ASK as JSON (default), CSV, TSV or XML; CONSTRUCT/DESCRIBE as Turtle
                 (default), N-Triples or RDF/XML, by the Accept header or format=…
    /search?q=…  every name and alias of every entity, as JSON (Arabic folding: hamza,
                 alef, ta marbuta, diacritics, with or without ال)

    Queries see the union of all named graphs, with the prefixes of 'rasd query'. Updates and
    SERVICE are refused (403); a query that the parser rejects is a 400 with its message; a
    query past --timeout is a 503 (a streaming query is stopped; one that sorts or groups
    finishes its step in the background and is thrown away). The answers of SELECT queries
    are kept (--cache-mb) and the shipped queries of queries/ are evaluated at start in the
    background (a response header X-Rasd-Cache says hit or miss). Listens on 127.0.0.1 only
    unless --host says otherwise. Ctrl-C or SIGTERM stops it (exit 0). The store is opened
    read-only as it is at start: after a build into OUT, queries answer 503 until restarted.

    \b
    Example:
      rasd serve out/
      rasd serve out/ --port 8080
      curl -H 'Accept: text/csv' --data-urlencode 'query@queries/timeline.rq' \\
           http://127.0.0.1:8000/sparql
    """
    from rasd.graph.store import shipped_queries
    from rasd.serve import make_server, serve_until_stopped, server_url

    warm: dict[str, str] = {}
    if not no_warm:
        warm = shipped_queries()
        for f in warm_files:
            try:
                warm[str(f)] = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"--warm {f}: cannot read it ({exc})") from exc
    server = make_server(
        out_dir,
        host=host,
        port=port,
        timeout=timeout,
        max_running=max_running,
        max_result_bytes=max_result_mb << 20,
        cache_bytes=cache_mb << 20,
        warm=warm,
    )
    url = server_url(server)

    def ready() -> None:
        click.echo(f"serving {out_dir} at {url} (SPARQL: {url}sparql); Ctrl-C stops")
        sys.stdout.flush()

    serve_until_stopped(server, ready)
    click.echo("stopped")


@main.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(path_type=Path))
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph), "
    "http://host:3030/ds/data (Fuseki). user:password@ in the URL logs in (HTTP Basic).",
)
@click.option(
    "--merged", is_flag=True, help="Everything into one graph (the default graph, or --graph)."
)
@click.option("--graph", "graph_iri", metavar="IRI", help="With --merged: the graph to write.")
@click.option(
    "--batch-size",
    default=20_000,
    show_default=True,
    type=click.IntRange(1),
    help="Triples per request (a larger graph is one PUT then POSTs).",
)
@click.option(
    "--timeout", default=300.0, show_default=True, type=click.FloatRange(1), help="Per request, s."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@_errors_to_exit
def push(
    out_dir: Path,
    endpoint: str,
    merged: bool,
    graph_iri: str | None,
    batch_size: int,
    timeout: float,
    quiet: bool,
) -> None:
    """Load the build in OUT into a SPARQL 1.1 Graph Store Protocol endpoint.

    By default each named graph of the build (one per article, and the entities graph) is
    PUT under its own IRI (?graph=…), so provenance survives; --merged sends every triple to
    one graph (the default graph, or --graph IRI). PUT replaces a graph, so pushing again
    gives the same result; the server's other graphs are left alone. Progress goes to
    stderr, the report (graphs, triples, seconds) to stdout; an HTTP error stops the push
    with one line naming the graph and the status.

    \b
    Example:
      oxigraph serve --location db/ --bind 127.0.0.1:7878 &
      rasd push out/ --endpoint http://127.0.0.1:7878/store
      rasd push out/ --endpoint http://127.0.0.1:7878/store --merged --graph https://example.org/rasd
    """
    from rasd.push import Endpoint
    from rasd.push import push as run_push

    logging.getLogger("rasd.push").setLevel(logging.WARNING if quiet else logging.INFO)
    target = Endpoint.parse(endpoint, timeout=timeout)
    report = run_push(out_dir, target, merged=merged, graph=graph_iri, batch_size=batch_size)
    click.echo(report.line())


@main.command(name="eval-ner")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--backend",
    type=click.Choice(["crf+nn", "crf+nn-full", "crf", "nn", "bert"]),
    default="crf+nn",
    show_default=True,
    help="crf+nn: the CRF and the BiLSTM-CRF decoded together, the network only where the "
    "CRF is unsure (as 'rasd build' does); crf+nn-full: the network on every token; "
    "crf: the CRF alone; nn: the BiLSTM-CRF alone; bert: camel-tools' BERT model where "
    "installed.",
)
@click.option(
    "--model",
    type=click.Path(path_type=Path),
    help="Model file or directory (default: shipped); for crf+nn, a TSV listing the networks "
    "whose scores are averaged (as extract/models/ner_nn_files.tsv).",
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
    from rasd.extract.ner import evaluate, format_report, load_tagger, read_conll
    from rasd.extract.ner.consistency import propagate

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
