"""Control of places, pass 26b (issue 11): the agent of a passive taking named by «من قبل X»
(«تم تحرير …»، «تمت استعادة …»، «تم طرد X من …»), and a relative clause with no relative
word on an indefinite area («مناطق واسعة في العراق يسيطر عليها التنظيم»).  Every sentence
here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    ("text", "actor", "pred", "place"),
    [
        ("وتم تحرير مدينة بيجي من قبل الجيش العراقي.", "الجيش العراقي", "seized", "بيجي"),
        (
            "وقال الضابط إنه تمت استعادة مدينة تكريت من قبل القوات العراقية.",
            "القوات العراقية",
            "regainedControlOf",
            "تكريت",
        ),
        (
            "وتم تحرير مدينة تكريت من تنظيم داعش من قبل الجيش العراقي.",
            "الجيش العراقي",
            "seized",
            "تكريت",
        ),
        # the one expelled lost the place, the agent took it
        (
            "وتم طرد تنظيم داعش من مدينة الرمادي من قبل القوات العراقية.",
            "القوات العراقية",
            "seized",
            "الرمادي",
        ),
        (
            "وتم طرد تنظيم داعش من مدينة الرمادي من قبل القوات العراقية.",
            "داعش",
            "lostControlOf",
            "الرمادي",
        ),
    ],
)
def test_the_agent_of_a_passive_taking(text: str, actor: str, pred: str, place: str) -> None:
    found = control(text)
    assert any(actor in a and p == pred and pl == place for a, p, pl in found), found


def test_both_agents_coordinated() -> None:
    found = control("وتم تحرير مدينة بيجي من قبل الجيش العراقي والحشد الشعبي.")
    assert {a for a, p, pl in found if p == "seized" and pl == "بيجي"} >= {
        "الجيش العراقي",
        "الحشد الشعبي",
    }, found


@pytest.mark.parametrize(
    "text",
    [
        # not done: negated, or no passive before the noun of taking
        "وقال إنه لم يتم تحرير مدينة الموصل من قبل الجيش العراقي.",
        # «من قبل» far from the place, over other words: another clause's agent
        "وتم تحرير مدينة بيجي بعد معارك عنيفة شنت من قبل الجيش العراقي.",
    ],
)
def test_no_agent_of_a_taking(text: str) -> None:
    found = control(text)
    assert not any(a == "الجيش العراقي" for a, p, pl in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ويصعب الوصول إلى مناطق واسعة في العراق يسيطر عليها تنظيم داعش.", "العراق"),
        ("وتحدث عن أراض شاسعة في شمال وغرب سوريا يسيطر عليها تنظيم داعش منذ عام.", "سوريا"),
    ],
)
def test_an_indefinite_area_under_control(text: str, place: str) -> None:
    found = control(text)
    assert ("داعش", "controls", place) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a definite area, or a place merely located: no relative clause on it
        "ويصعب الوصول إلى المناطق في العراق يسيطر عليها تنظيم داعش.",
        "وقتل خمسة مدنيين في مدينة الموصل يسيطر عليها تنظيم داعش.",
        # a word between the place and the verb
        "ويصعب الوصول إلى مناطق واسعة في العراق حيث يسيطر عليها تنظيم داعش.",
    ],
)
def test_no_indefinite_area(text: str) -> None:
    found = control(text)
    assert not any(p == "controls" for a, p, pl in found), found
