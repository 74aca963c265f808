"""A build stopped by Ctrl-C (SIGINT to its process group) or SIGTERM exits within seconds
with status 130 / 143 and one line on stderr, leaves no process it started alive, and the
next build of the same input into the same folder gives what a fresh build gives.

Real processes and signals: ``rasd build`` runs as a command in a session of its own (a
terminal's foreground job), with the extraction pool used even for the five seeds
(``SMALL_BUILD = 0``) and the graph files and the listing answers written by processes of
their own beside the pages (``PRETTY_MAX_TRIPLES = 0``), as on an archive.
"""

from __future__ import annotations

import filecmp
import importlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from conftest import ROOT, SEEDS

import rasd.build

#: the build, with the large-build paths taken for five articles
DRIVER = (
    "import sys; import rasd.build as b; b.SMALL_BUILD = 0; b.PRETTY_MAX_TRIPLES = 0; "
    "from rasd.cli import main; sys.argv[0] = 'rasd'; main()"
)
# the benchmark's process markers (bench/bench_interrupt.py), imported as when it is run
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))
_BENCH = importlib.import_module("bench_interrupt")
MARK = _BENCH.MARK
#: seconds from the signal to the build's exit (measured: ~1–3 s on a loaded 2-core machine)
BOUND = 12.0
COMPARED = ("graph.ttl", "graph.trig", "errors.jsonl", "index.html", "claims.html")
TREES = ("article", "entity", "static")


class _Build:
    """``rasd -v build INPUT --out OUT --workers 2`` running, its stderr lines collected."""

    def __init__(self, inp: Path, out: Path) -> None:
        self.tag = uuid.uuid4().hex
        env = dict(os.environ, **{MARK: self.tag})
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
        cmd = [sys.executable, "-c", DRIVER, "-v", "build", str(inp), "--out", str(out)]
        self.p = subprocess.Popen(
            [*cmd, "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            preexec_fn=_BENCH.default_signals,
        )
        self.lines: list[tuple[float, str]] = []
        self.reader = threading.Thread(target=self._pump, daemon=True)
        self.reader.start()

    def _pump(self) -> None:
        assert self.p.stderr is not None
        for line in self.p.stderr:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def processes(self) -> list[psutil.Process]:
        """The live processes of this build (marked in their environment): orphans too."""
        return _BENCH.marked(self.tag)

    def forkserver_children(self) -> list[psutil.Process]:
        """The processes the build's forkserver started (pool workers, processes of their
        own beside the pages)."""
        return _BENCH.forkserver_children(self.tag)

    def wait_for(self, ready: Callable[[], bool], what: str, timeout: float = 240) -> None:
        t = time.monotonic()
        while not ready():
            if self.p.poll() is not None:
                pytest.fail(f"the build ended before {what}: {self.lines[-5:]}")
            if time.monotonic() - t > timeout:
                pytest.fail(f"no {what} after {timeout} s")
            time.sleep(0.05)

    def logged(self, fragment: str) -> bool:
        return any(fragment in text for _t, text in self.lines)

    def stop(self, sig: signal.Signals, group: bool) -> tuple[int, float]:
        """Send ``sig`` (to the process group, as Ctrl-C does, or to the build alone, as
        ``kill`` does); the exit status and the seconds until the build exited."""
        t = time.monotonic()
        if group:
            os.killpg(self.p.pid, sig)
        else:
            self.p.send_signal(sig)
        try:
            rc = self.p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.p.pid, signal.SIGKILL)
            pytest.fail("the build did not exit within 120 s of the signal")
        took = time.monotonic() - t
        self.reader.join(timeout=10)
        self.signalled = t
        return rc, took

    def said_after_signal(self) -> list[str]:
        """What the build printed after the signal, its progress (``-v``) lines aside."""
        return [x for t, x in self.lines if t >= self.signalled and "rasd: info:" not in x]


def _complete(inp: Path, out: Path) -> None:
    build = _Build(inp, out)
    assert build.p.wait(timeout=600) == 0, build.lines[-10:]
    build.reader.join(timeout=10)


def _no_process_left(build: _Build) -> None:
    """None of the build's processes is alive a moment after it exited (the forkserver and
    the resource tracker end when they see it gone)."""
    t = time.monotonic()
    while (left := build.processes()) and time.monotonic() - t < 3.0:
        time.sleep(0.1)
    names = [" ".join(p.cmdline())[-80:] for p in left]
    for p in left:  # do not leave them to the next test
        p.kill()
    assert not names, f"processes left running: {names}"


def _same_as(out: Path, ref: Path) -> None:
    for name in COMPARED:
        assert filecmp.cmp(out / name, ref / name, shallow=False), name
    for tree in TREES:
        a, b = out / tree, ref / tree
        files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()), tree
        for f in files:
            assert filecmp.cmp(a / f, b / f, shallow=False), f"{tree}/{f}"
    # the listing answers are kept as a fresh build keeps them (named by the store's state)
    assert len(list((out / "answers").iterdir())) == len(list((ref / "answers").iterdir()))
    assert not (out / "state" / "dirty").exists()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The five seeds as input, and their complete build into an empty folder."""
    root = tmp_path_factory.mktemp("interrupt")
    inp = root / "in"
    inp.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, inp / f.name)
    with pytest.MonkeyPatch.context() as mp:  # here, as the driver builds (the same files)
        mp.setattr(rasd.build, "PRETTY_MAX_TRIPLES", 0)
        rasd.build.build([inp], root / "fresh", workers=1)
    return inp, root / "fresh"


def test_a_build_stopped_twice_exits_at_once_and_the_next_build_equals_a_fresh_one(
    fresh: tuple[Path, Path], tmp_path: Path
) -> None:
    inp, ref = fresh
    out = tmp_path / "out"

    # Ctrl-C (SIGINT to the process group) while the workers load the models and extract
    build = _Build(inp, out)
    build.wait_for(lambda: bool(build.forkserver_children()), "extraction workers")
    time.sleep(1.0)
    assert not (out / "graph.ttl").exists()  # still extracting
    rc, took = build.stop(signal.SIGINT, group=True)
    assert rc == 130, build.lines[-5:]
    assert took < BOUND
    assert build.said_after_signal() == [
        f"rasd: interrupted (SIGINT): the build of {out} stopped; run it again to finish it"
    ]
    _no_process_left(build)
    assert (out / "state" / "dirty").exists()  # the next build rebuilds the store

    # the same build again, stopped by SIGTERM to its process alone (as `kill` sends it) once
    # the store is written and the graph files' writer or a listing's process is running
    build = _Build(inp, out)
    build.wait_for(lambda: build.logged("rasd: info: store: "), "the end of the store loads")
    build.wait_for(lambda: bool(build.forkserver_children()), "a process beside the pages")
    rc, took = build.stop(signal.SIGTERM, group=False)
    assert rc == 143, build.lines[-5:]
    assert took < BOUND
    said = build.said_after_signal()
    assert len(said) == 1 and said[0].startswith("rasd: interrupted (SIGTERM): the build of")
    _no_process_left(build)

    # and once more, to the end: what a fresh build of the same input gives
    _complete(inp, out)
    _same_as(out, ref)
