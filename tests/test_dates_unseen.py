"""Dates on unseen news (issue 11, step 5): two months joined before one year share it."""

from __future__ import annotations

import pytest

from rasd.extract.dates import find_dates
from rasd.extract.records import DateValue

PUB = DateValue("2015-08-10", "day", "2015-08-10")


@pytest.mark.parametrize("published", [PUB, None])
def test_two_months_share_the_year_after_them(published: DateValue | None) -> None:
    found = find_dates("وشهدت الفترة بين سبتمبر وديسمبر 2014 هجمات كثيرة.", published=published)
    assert [d.value for d in found] == ["2014-09", "2014-12"]


def test_a_month_to_a_month_of_a_year() -> None:
    found = find_dates("وامتدت الحملة من مايو إلى يوليو 2013 في المحافظات.", published=PUB)
    assert [d.value for d in found] == ["2013-05", "2013-07"]


def test_a_month_alone_keeps_the_publication_year() -> None:
    assert [d.value for d in find_dates("ووقع الهجوم في يوليو.", published=PUB)] == ["2015-07"]
