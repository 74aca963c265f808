"""The layers import downwards only (extract → graph → export → rasd) and the runtime carries
no training code: checked on the source, so a violation fails here, not in a user's build."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

LAYERS = ("extract", "graph", "export", "rasd")  # rasd/extract … are symlinks to the top folders


def _layer(module: str) -> str:
    """The layer (or outside package) a module name belongs to: ``rasd.extract.text`` →
    ``extract``, ``rasd.build`` → ``rasd``, ``numpy.linalg`` → ``numpy``."""
    parts = module.split(".")
    if parts[0] == "rasd" and len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    return parts[0]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(_layer(a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            out.add("<relative import>")  # the layers import each other by absolute names only
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "rasd":  # from rasd import extract, graph
                out.update(_layer(f"rasd.{a.name}") for a in node.names)
            else:
                out.add(_layer(node.module))
    return out


def _top_level_imports(path: Path) -> set[str]:
    """Imports of the layers by their bare names (``import extract``), not under ``rasd``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & {"extract", "graph", "export"}


def test_everything_imports_the_layers_under_the_rasd_namespace() -> None:
    """Installed, the layers are ``rasd.extract``, ``rasd.graph``, ``rasd.export`` (symlinks
    in rasd/ point at the top-level folders): a bare ``import graph`` would load a second
    copy of a module from a checkout, and nothing at all from an installed wheel."""
    wrong = {
        str(p.relative_to(ROOT)): sorted(_top_level_imports(p))
        for folder in ("extract", "graph", "export", "rasd", "tests", "bench")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if _top_level_imports(p)
    }
    assert wrong == {}
    for name in ("extract", "graph", "export"):
        link = ROOT / "rasd" / name
        assert link.is_symlink() and link.resolve() == (ROOT / name).resolve()


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_down(layer: str) -> None:
    above = {*LAYERS[LAYERS.index(layer) + 1 :], "<relative import>"}
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
