"""Entities, review of pass 18 (issue 11): the singular of a group's nisba plural
(resolve_group_singulars) is no surname after a title, beside a person or an unnamed
source, nor where the group's leader is spoken of by title.  Every sentence here was written
for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import extract_text, said


def _mentions(text: str) -> set[tuple[str, str, str]]:
    return {(m.surface, m.cls, m.key) for m in extract_text(text).mentions}


def test_a_surname_after_a_title_is_no_group() -> None:
    text = "وقال الشيخ القبلي الحوثي إن الحوثيين لن يتراجعوا."
    assert not {m for m in _mentions(text) if m[0] == "الحوثي" and m[1] == "Organization"}


def test_a_surname_speaking_is_no_group() -> None:
    text = (
        "وقال زعيم الحوثيين في كلمة متلفزة إن المعركة طويلة. "
        "وأضاف الحوثي أن جماعته لن تتراجع عن مواقعها."
    )
    assert not any("جماعة الحوثي" in c[0] for c in said(text))


@pytest.mark.parametrize(
    "text",
    [
        "وقال الشيخ الحوثي إن الحوثيين لن يتراجعوا.",
        "وقال الشَّيْخ القبلي الحوثي إن الحوثيين لن يتراجعوا.",
        "وقال الشيـــخ الحوثي إن الحوثيين لن يتراجعوا.",
        "وأكد زعيم قبلي أن الشيخ الحوثي باق وأن الحوثيين لن يتراجعوا.",
    ],
)
def test_a_surname_after_a_title_variants(text: str) -> None:
    assert not {m for m in _mentions(text) if m[0] == "الحوثي" and m[1] == "Organization"}


def test_the_group_singular_is_still_read() -> None:
    found = _mentions("وقاتل الحوثيون في عدن، ثم انسحب الحوثي من المدينة.")
    assert ("الحوثي", "Organization", "جماعه الحوثي") in found
