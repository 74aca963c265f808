"""Silver sentences for self-training the BiLSTM-CRF (``bench/make_silver_ner.py``)."""

from __future__ import annotations

import numpy as np

from bench.make_silver_ner import agreed, article_sentences

SURE = np.array([0.99, 0.99, 0.99])


def test_kept_only_when_both_taggers_agree_on_a_name_and_crf_is_sure():
    tags = ["O", "B-PERS", "I-PERS"]
    assert agreed(tags, list(tags), SURE, 0.95)
    assert not agreed(tags, ["O", "B-PERS", "O"], SURE, 0.95)  # the network disagrees
    assert not agreed(["O", "O", "O"], ["O", "O", "O"], SURE, 0.95)  # no name
    assert not agreed(tags, list(tags), np.array([0.99, 0.94, 0.99]), 0.95)  # one unsure token
    assert agreed(tags, list(tags), np.array([0.99, 0.94, 0.99]), 0.9)


def test_article_cut_at_sentence_ends_line_breaks_and_length():
    text = "قال الوزير . ثم سافر إلى جدة\nوصل أمس"
    assert article_sentences(text) == [
        ["قال", "الوزير", "."],
        ["ثم", "سافر", "إلى", "جدة"],
        ["وصل", "أمس"],
    ]
    long = " ".join(["كلمة"] * 7)
    assert [len(s) for s in article_sentences(long, max_len=3)] == [3, 3, 1]
