"""The examples in the packages' docstrings run: every ``>>>`` of extract, graph, export and
rasd is a test (``doctest`` over each module, one test per module)."""

from __future__ import annotations

import doctest
import importlib

import pytest
from conftest import ROOT

PACKAGES = ("extract", "graph", "export", "rasd")


def _modules() -> list[str]:
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if ">>>" in path.read_text(encoding="utf-8"):
                rel = path.relative_to(ROOT).with_suffix("")
                parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
                out.append(".".join(parts) if package == "rasd" else f"rasd.{'.'.join(parts)}")
    return out


MODULES = _modules()


def test_the_packages_have_examples() -> None:
    assert len(MODULES) >= 20


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner()
    tests = [t for t in finder.find(module, name) if t.examples]
    assert tests, f"{name} has '>>>' but no doctest was found"
    report: list[str] = []
    for t in sorted(tests, key=lambda t: t.name):
        runner.run(t, out=report.append)
    failed = runner.summarize(verbose=False).failed
    assert failed == 0, "".join(report)
