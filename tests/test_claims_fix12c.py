"""Bugs of the twelfth session's claims work found by its review (fix12c).

The sentences are the reviewer's or written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import extract_text, said


def labelled(text: str) -> set[tuple[str, str]]:
    """(label, class) of each entity of the article."""
    return {(e.label, e.cls) for e in extract_text(text).entities}


@pytest.mark.parametrize(
    "text",
    [
        "وأكد أحد عشر شخصا أنهم شاهدوا الحادث.",
        "وقال أحد الأيام إن الحرب ستنتهي.",
        "وأضاف أحد أبرز الأسباب أن الحرب ستنتهي قريبا.",
    ],
)
def test_one_of_before_a_number_a_time_or_a_superlative_is_no_source(text: str) -> None:
    # «أحد عشر» is eleven, «أحد الأيام» one day, «أحد أبرز» one of the most: no person
    assert not any(cls == "UnnamedSource" for _, cls in labelled(text))


def test_one_of_before_a_plural_noun_is_still_a_source() -> None:
    [(speakers, status, _)] = said("وقال أحد المختطفين إن الخاطفين عاملوهم بقسوة.")
    assert status == "resolved" and speakers == ("أحد المختطفين",)
