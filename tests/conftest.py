"""Shared fixtures: one real build of seeds/ per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from rasd.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "saudinewsnet"


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
