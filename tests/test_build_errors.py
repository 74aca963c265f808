"""Which error a build raises when the pages and the Turtle/TriG writer beside them both fail:
the pages' (the builder's own), with the writer's logged, not raised over it; and that
answers that fail beside the pages are a warning that loses neither the graph files nor the
build's exit status."""

from __future__ import annotations

import multiprocessing
import operator
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from conftest import SEEDS

import rasd.build as build_module
from rasd.build import _RdfFiles, build
from rasd.export.html.forked import end_when_done


def _failing_writer() -> _RdfFiles:
    """An _RdfFiles whose forkserver process fails as a large graph's writer could (1/0)."""
    rdf = object.__new__(_RdfFiles)
    rdf._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))
    rdf._future = rdf._pool.submit(operator.truediv, 1, 0)
    rdf._ender = end_when_done(rdf._future, rdf._pool)
    return rdf


def test_the_writers_error_is_raised_by_result_and_logged_by_close(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(ZeroDivisionError):
        _failing_writer().result()
    with caplog.at_level("WARNING", logger="rasd"):
        _failing_writer().close()  # does not raise
    assert "graph.ttl/graph.trig failed too" in caplog.text
    assert "ZeroDivisionError" in caplog.text


def test_a_page_error_is_not_replaced_by_the_graph_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = build_module._build

    def build_with_failing_writer(*args, **kw):
        report, rdf = real(*args, **kw)
        rdf.close()  # the real (small) writer has finished; the failing one replaces it
        failing = _failing_writer()
        failing.keys = rdf.keys
        return report, failing

    def pages_fail(*args, **kw):
        raise ValueError("the pages failed")

    monkeypatch.setattr(build_module, "_build", build_with_failing_writer)
    monkeypatch.setattr(build_module, "write_pages", pages_fail)
    with caplog.at_level("WARNING", logger="rasd"), pytest.raises(ValueError, match="pages"):
        build([SEEDS], tmp_path / "out", workers=1)
    assert "ZeroDivisionError" in caplog.text


def _rmdir_fails(out_dir: Path, names: tuple[str, ...] | None = None) -> float:
    """Stands for the listing answers of ``names`` in their own process: fails with an
    OSError (``out_dir`` is not empty)."""
    os.rmdir(out_dir)
    return 0.0


def test_failing_answers_leave_the_graph_files_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A large graph's listing answers are kept by a process of their own beside the pages:
    answers that fail there are a warning, graph.ttl and graph.trig (written by the other
    beside-process) are written, and the build's exit status is that of a build that kept
    them."""
    monkeypatch.setattr(build_module, "PRETTY_MAX_TRIPLES", 0)  # both beside the pages
    # run by the forkserver process (pickled by reference): OSError, out_dir is not empty
    monkeypatch.setattr(build_module, "_keep_listings_timed", _rmdir_fails)
    out = tmp_path / "out"
    with caplog.at_level("WARNING", logger="rasd"):
        report = build([SEEDS], out, workers=1, pages=False, keep_answers=True)
    assert "the listing answers were not kept" in caplog.text
    assert report.times["answers"] == 0.0 and report.times["turtle+trig"] > 0
    assert report.exit_code == 0 and not report.failures  # a warning, not a skipped input
    assert out / "graph.ttl" in report.outputs and out / "graph.trig" in report.outputs
    for name in ("graph.ttl", "graph.trig"):
        assert (out / name).stat().st_size > 0
    assert not list((out / "answers").glob("*.json"))
