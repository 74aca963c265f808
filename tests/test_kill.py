"""A build killed at any moment (SIGKILL, SIGTERM) leaves the previous complete outputs or the
new complete ones — never a truncated graph.ttl, half a site or a store that does not open —
and the next build finishes the job."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SEEDS

FILES = ("graph.ttl", "graph.trig", "index.html", "claims.html")


def _build(inp: Path, out: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "rasd.cli", "build", str(inp), "--out", str(out), "--workers", "1"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _finish(p: subprocess.Popen) -> None:
    _out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A complete build of three seeds (the 'previous' output), the input with all five, and a
    complete build of those (the 'new' output)."""
    root = tmp_path_factory.mktemp("kill")
    few, every = root / "few", root / "every"
    few.mkdir()
    every.mkdir()
    for i, f in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(f, every / f.name)
        if i < 3:
            shutil.copy(f, few / f.name)
    _finish(_build(few, root / "previous"))
    _finish(_build(every, root / "new"))
    return root / "previous", every, root / "new"


@pytest.mark.parametrize(
    ("sig", "delay"),
    [(signal.SIGKILL, 1.0), (signal.SIGKILL, 3.0), (signal.SIGKILL, 6.0), (signal.SIGTERM, 4.0)],
)
def test_a_killed_build_leaves_complete_outputs(
    builds: tuple[Path, Path, Path], tmp_path: Path, sig: signal.Signals, delay: float
) -> None:
    previous, every, new = builds
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before, after = _snapshot(previous), _snapshot(new)
    p = _build(every, out)
    time.sleep(delay)
    p.send_signal(sig)
    p.wait(timeout=120)
    for name in FILES:
        data = (out / name).read_bytes()
        assert data in (before[name], after[name]), f"{name} is neither complete version"
    pages = {f.name for f in (out / "article").glob("*.html")}
    assert pages in (
        {f.name for f in (previous / "article").glob("*.html")},
        {f.name for f in (new / "article").glob("*.html")},
    )
    ox.Store.read_only(str(out / "store"))  # opens
    _finish(_build(every, out))  # and the next build completes the job
    assert _snapshot(out) == after
