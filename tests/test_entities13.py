"""Entities on unseen news, thirteenth pass (issue 11, bench/entities13_results.md): capitals
that stand for their state in more constructions, and persons' names mended (a blessing after
the name, a proclitic ل/ك, a speech verb before «بن»).  Every sentence here was written for
the test, after a construction read in unseen10's errors."""

from __future__ import annotations

import pytest
from conftest import extract_text

from rasd.extract.text import match_key


def _keys(text: str) -> dict[str, str]:
    """Surface of each mention → its key."""
    return {m.surface: m.key for m in extract_text(text).mentions}


@pytest.mark.parametrize(
    ("text", "capital", "country"),
    [
        # subject of a clause after «وأن» (و + أن, too short for the proclitic rule)
        (
            "وذكر المسؤول وأن واشنطن تراقب العلاقة بين البلدين بكل عناية.",
            "واشنطن",
            "الولايات المتحدة",
        ),
        # subject of a relative clause's she-verb with an object pronoun
        ("وجاء الهجوم ردا على الحملة التي بدأتها أنقرة على المسلحين.", "أنقرة", "تركيا"),
        # possessor of a head noun: an agreement, an accession, knowledge
        ("وأكد الكاتب أن اتفاق واشنطن على الخطة جاء متأخرا.", "واشنطن", "الولايات المتحدة"),
        ("ورحب الحلف بانضمام أنقرة إلى التحالف الدولي.", "أنقرة", "تركيا"),
        ("وتحرك الحرس الثوري دون علم طهران كما يقول.", "طهران", "إيران"),
        # an envoy's state after لدى
        ("وأعلنت المنامة استدعاء سفيرها لدى طهران للتشاور.", "طهران", "إيران"),
        # the seat of the Palestinian government
        ("وقد أعلنت رام الله أن وزير خارجيتها قدم مذكرة إلى المحكمة.", "رام الله", "فلسطين"),
    ],
)
def test_capital_standing_for_its_state_is_the_country(
    text: str, capital: str, country: str
) -> None:
    assert _keys(text)[capital] == match_key(country)


def test_capital_after_a_place_noun_with_a_pronoun_stays_the_city() -> None:
    text = "وزار الوفد الدولة التي عاصمتها بغداد منذ قرون."
    assert _keys(text)["بغداد"] == match_key("بغداد")
