"""The extracting process's garbage-collector policy (:class:`rasd.build._GcFreezer`): one full
collection and a freeze after the 1st, 2nd, 4th, 8th … batch, and nothing lost to it."""

from __future__ import annotations

import gc

import rasd.build
from rasd.build import _GcFreezer, process_batch
from rasd.extract.pipeline import DEFAULT_PIPELINE
from rasd.extract.reader import read_file


def test_freezes_after_batches_one_two_four_eight():
    freezer = _GcFreezer()
    froze_at = []
    try:
        for batch in range(1, 17):
            gc.unfreeze()
            freezer.after_batch()
            if gc.get_freeze_count():
                froze_at.append(batch)
    finally:
        gc.unfreeze()
    assert froze_at == [1, 2, 4, 8, 16]


def test_cyclic_garbage_made_before_a_freeze_is_collected_not_frozen():
    class Node:
        pass

    freezer = _GcFreezer()
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a reference cycle
        alive = {id(a), id(b)}
        del a, b
        freezer.after_batch()  # collects, then freezes what survives
        frozen_nodes = [o for o in gc.get_objects() if isinstance(o, Node) and id(o) in alive]
        assert frozen_nodes == []
    finally:
        gc.unfreeze()


def _article(tmp_path):
    path = tmp_path / "gc.txt"
    path.write_text(
        "الجبير: داعش على تويتر\n\nوقال وزير الخارجية السعودي عادل الجبير إن تنظيم «داعش»"
        " يستخدم تويتر لتجنيد الشباب.",
        encoding="utf-8",
    )
    (art,) = read_file(path)
    return art


def test_the_building_process_itself_never_freezes(tmp_path):
    """Outside a worker (a build extracting in its own process, these tests) process_batch
    leaves the collector alone: the page stage's own freeze depends on it."""
    gc.unfreeze()
    for _ in range(4):
        process_batch([("k", _article(tmp_path))], DEFAULT_PIPELINE)
    assert gc.get_freeze_count() == 0


def test_batches_give_the_same_results_after_freezes(tmp_path, monkeypatch):
    """A batch processed after its worker froze (the policy runs inside process_batch) gives
    the same named graphs as the first one."""
    monkeypatch.setattr(rasd.build, "_in_worker", lambda: True)
    monkeypatch.setattr(rasd.build, "_FREEZER", _GcFreezer())
    art = _article(tmp_path)
    try:
        first = process_batch([("k", art)], DEFAULT_PIPELINE)
        for _ in range(3):
            again = process_batch([("k", art)], DEFAULT_PIPELINE)
        assert gc.get_freeze_count() > 0
        assert again == first
    finally:
        gc.unfreeze()
