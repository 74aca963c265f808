"""Entities, pass 18b (issue 11): entity error classes read in unseen15's entity lists.  Every
sentence here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

from conftest import extract_text


def _mentions(text: str) -> set[tuple[str, str]]:
    return {(m.surface, m.cls) for m in extract_text(text).mentions}


def _surfaces(text: str) -> set[str]:
    return {m.surface for m in extract_text(text).mentions}


def test_staff_rank_after_a_rank_is_no_part_of_the_name() -> None:
    found = _surfaces("وحضر الاجتماع العميد ركن سالم بن ناصر القحطاني ومسؤولون آخرون.")
    assert "سالم بن ناصر القحطاني" in found
    assert not any(s.startswith("ركن") for s in found)


def test_the_leadership_of_the_king_is_no_organisation() -> None:
    found = _surfaces("وأشاد المتحدث بجهود قيادة خادم الحرمين الشريفين في دعم الأمن.")
    assert not any(s.startswith("قيادة خادم") for s in found)


def test_an_operations_command_of_a_city_is_an_organisation() -> None:
    found = _mentions("وأعلنت قيادة عمليات بغداد أن الطريق مفتوح.")
    assert any(s.startswith("قيادة عمليات") and c == "Organization" for s, c in found)


def test_a_municipality_of_a_city_is_an_organisation() -> None:
    found = _mentions("وأعلنت بلدية بغداد إغلاق الطريق أمس.")
    assert ("بلدية بغداد", "Organization") in found


def test_the_bahrain_news_agency_is_known() -> None:
    found = _mentions("ونقلت وكالة أنباء البحرين الرسمية عن الوزير قوله إن الوضع مستقر.")
    assert ("وكالة أنباء البحرين الرسمية", "Organization") in found
