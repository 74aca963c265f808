"""The layers import downwards only (extract → graph → export → rasd) and the runtime carries
no training code: checked on the source, so a violation fails here, not in a user's build."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

LAYERS = ("extract", "graph", "export", "rasd")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_down(layer: str) -> None:
    above = set(LAYERS[LAYERS.index(layer) + 1 :])
    wrong = {
        str(p.relative_to(ROOT)): sorted(_imports(p) & above)
        for p in sorted((ROOT / layer).rglob("*.py"))
        if _imports(p) & above
    }
    assert wrong == {}


def test_runtime_packages_do_not_import_torch() -> None:
    """Training (torch) lives in bench/; only the optional BERT backend may use torch."""
    allowed = {ROOT / "extract" / "ner" / "bert.py"}
    users = [
        str(p.relative_to(ROOT))
        for layer in LAYERS
        for p in sorted((ROOT / layer).rglob("*.py"))
        if p not in allowed and "torch" in _imports(p)
    ]
    assert users == []


def test_runtime_packages_hold_no_test_or_bench_code() -> None:
    """Test data and test oracles (bench/synthetic_graph.py, bench/site_data.py) live outside
    the installed packages, and no runtime module imports them."""
    users = [
        str(p.relative_to(ROOT))
        for layer in LAYERS
        for p in sorted((ROOT / layer).rglob("*.py"))
        if _imports(p) & {"bench", "tests", "conftest", "hypothesis", "pytest"}
    ]
    assert users == []
