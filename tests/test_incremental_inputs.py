"""The input index of an incremental build: an input file whose bytes are those of the last
build is not parsed again (its records, keys and input errors come from the build state), and
the build's outputs stay those of a full build of the same inputs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

import rasd.build
from rasd.build import build

OUTPUTS = ("graph.ttl", "graph.trig", "errors.jsonl")
#: Short articles (the first paragraph of each seed), so that extraction stays quick.
TEXTS = [p.read_text(encoding="utf-8")[:500] for p in sorted(SEEDS.glob("*.txt"))]


def _record(i: int, title: str = "") -> str:
    obj = {"title": title or f"خبر {i}", "content": TEXTS[i], "source": "spa"}
    return json.dumps(obj, ensure_ascii=False) + "\n"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the input files the build parses (each item read counted once)."""
    seen: list[str] = []
    real = rasd.build.read_file

    def counting(path: Path, display: str | None = None):
        for item in real(path, display):
            seen.append(path.name)
            yield item

    monkeypatch.setattr(rasd.build, "read_file", counting)
    return seen


def _full(folder: Path, out: Path, tmp: Path) -> Path:
    """A full build of ``folder`` (no earlier state; results from a copy of ``out``'s cache,
    which holds only extractions)."""
    full = tmp / "full"
    if full.exists():
        shutil.rmtree(full)
    full.mkdir()
    shutil.copytree(out / "cache", full / "cache")
    report = build([folder], full, pages=False)
    assert not report.incremental
    return full


def _same(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_unchanged_touched_edited_appended_removed_and_bad_files(
    tmp_path: Path, parsed: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = folder / "a.jsonl", folder / "b.jsonl"
    a.write_text(_record(0) + "not json\n" + _record(1), encoding="utf-8")
    b.write_text(_record(2), encoding="utf-8")
    (folder / "empty.json").write_bytes(b"")
    out = tmp_path / "out"
    first = build([folder], out, pages=False)
    assert (first.extracted, len(first.failures)) == (3, 2)
    errors = (out / "errors.jsonl").read_bytes()
    assert b"a.jsonl:2" in errors and b"empty.json" in errors

    # unchanged: no file parsed, every article unchanged, the same errors reported
    parsed.clear()
    again = build([folder], out, pages=False)
    assert parsed == []
    assert (again.unchanged, again.extracted, len(again.failures)) == (3, 0, 2)
    assert again.exit_code == first.exit_code
    _same(out, _full(folder, out, tmp_path))

    # touched but the same bytes: still not parsed
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 10**9))
    parsed.clear()
    touched = build([folder], out, pages=False)
    assert parsed == []
    assert (touched.unchanged, touched.extracted) == (3, 0)

    # edited: that file alone is parsed, its changed article extracted
    a.write_text(_record(0) + "not json\n" + _record(1, title="خبر معدل"), encoding="utf-8")
    parsed.clear()
    edited = build([folder], out, pages=False)
    assert set(parsed) == {"a.jsonl"}
    assert (edited.unchanged, edited.extracted, edited.removed) == (2, 1, 1)
    _same(out, _full(folder, out, tmp_path))

    # appended: the longer file is parsed; the new article extracted
    with b.open("a", encoding="utf-8") as f:
        f.write(_record(3))
    parsed.clear()
    appended = build([folder], out, pages=False)
    assert set(parsed) == {"b.jsonl"}
    assert (appended.unchanged, appended.extracted) == (3, 1)
    _same(out, _full(folder, out, tmp_path))

    # removed: a file and a bad file gone, nothing parsed
    b.unlink()
    (folder / "empty.json").unlink()
    parsed.clear()
    removed = build([folder], out, pages=False)
    assert parsed == []
    assert (removed.unchanged, removed.removed, len(removed.failures)) == (2, 2, 1)
    _same(out, _full(folder, out, tmp_path))


def test_an_article_of_an_unchanged_file_is_read_when_it_must_be_extracted(
    tmp_path: Path, parsed: list[str]
) -> None:
    """A duplicate of an article read first from another file: when that file goes, the
    copy in the unchanged file (another source, so another key) is read and extracted."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0.jsonl").write_text(_record(1), encoding="utf-8")
    (folder / "a.jsonl").write_text(_record(0) + _record(1) + _record(2), encoding="utf-8")
    out = tmp_path / "out"
    first = build([folder], out, pages=False)
    assert (first.extracted, first.duplicates) == (3, 1)
    (folder / "0.jsonl").unlink()
    parsed.clear()
    second = build([folder], out, pages=False)
    # a.jsonl is read only as far as its second record
    assert parsed == ["a.jsonl", "a.jsonl"]
    assert (second.unchanged, second.extracted, second.removed) == (2, 1, 0)
    assert (second.duplicates, second.from_cache) == (0, 0)
    _same(out, _full(folder, out, tmp_path))


def test_a_new_extractor_fingerprint_parses_every_file(
    tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(_record(0), encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, pages=False)
    real = rasd.build.fingerprint
    monkeypatch.setattr(rasd.build, "fingerprint", lambda p: real(p) + "-edited")
    parsed.clear()
    report = build([folder], out, pages=False)
    assert parsed == ["a.jsonl"]
    assert (report.unchanged, report.extracted) == (0, 1)


def test_a_file_edited_while_the_build_reads_it_poisons_no_cache_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged file is re-read to fetch an article to extract; if its bytes change in
    between (same text, another address), the article is not cached under the old key: the
    build starts afresh, and a later build of the original bytes is a full build's."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0.jsonl").write_text(_record(1), encoding="utf-8")
    original = _record(0) + _record(1) + _record(2)
    (folder / "a.jsonl").write_text(original, encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, pages=False)
    (folder / "0.jsonl").unlink()
    real = rasd.build.read_file
    edits = []

    def racing(path: Path, display: str | None = None):
        if path.name == "a.jsonl" and not edits:  # the edit lands after the file was sealed
            edits.append(path)
            moved = json.loads(_record(1)) | {"url": "https://example.org/moved"}
            edited = _record(0) + json.dumps(moved, ensure_ascii=False) + "\n" + _record(2)
            path.write_text(edited, encoding="utf-8")
        yield from real(path, display)

    monkeypatch.setattr(rasd.build, "read_file", racing)
    raced = build([folder], out, pages=False)
    assert edits and not raced.incremental  # the race was seen: everything built afresh
    monkeypatch.setattr(rasd.build, "read_file", real)
    (folder / "a.jsonl").write_text(original, encoding="utf-8")
    build([folder], out, pages=False)
    fresh = tmp_path / "fresh"
    build([folder], fresh, pages=False)  # its own empty cache
    _same(out, fresh)
