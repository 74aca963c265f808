"""The extracting process's garbage-collector policy (:class:`rasd.build._GcFreezer`): one full
collection and a freeze after the 1st, 2nd, 4th, 8th … batch, and nothing lost to it."""

from __future__ import annotations

import gc

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


def test_batches_give_the_same_results_after_freezes(tmp_path):
    """A batch processed after its process froze (the policy runs inside process_batch) gives
    the same named graphs as the first one."""
    path = tmp_path / "gc.txt"
    path.write_text(
        "الجبير: داعش على تويتر\n\nوقال وزير الخارجية السعودي عادل الجبير إن تنظيم «داعش»"
        " يستخدم تويتر لتجنيد الشباب.",
        encoding="utf-8",
    )
    (art,) = read_file(path)
    try:
        first = process_batch([("k", art)], DEFAULT_PIPELINE)
        for _ in range(3):
            again = process_batch([("k", art)], DEFAULT_PIPELINE)
        assert gc.get_freeze_count() > 0
        assert again == first
    finally:
        gc.unfreeze()
