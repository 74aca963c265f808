"""Control of places, pass 19 (issue 11): constructions read in the misses of unseen15 and
unseen16, and sentences that assert no control (negated, conditional, hoped-for, attempted).
Every sentence here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    "text",
    [
        # a quantity word before «من» and the area («كثير من أراضي»، «بعض»، «أغلب»)
        "وقال الضابط إن تنظيم داعش الذي يسيطر على كثير من أراضي العراق يهدد المنطقة.",
        "وسيطر تنظيم داعش على الكثير من أراضي العراق.",
        "وسيطر تنظيم داعش على بعض مناطق العراق.",
        "وسيطر تنظيم داعش على أغلب أراضي العراق.",
        "وسيطر تنظيم داعش على اغلب اراضي العراق.",
        "وسيطر تنظيم داعش على كثــير من أراضي العراق.",
        "وسيطر تنظيم داعش على كَثِيرٍ من أراضي العراق.",
        # a longer chain of area words («مساحات واسعة من الأراضي في»)
        "وسيطر تنظيم داعش على مساحات واسعة من الأراضي في العراق.",
        "وسيطر تنظيم داعش على مساحات واسعة من الاراضي في العراق.",
    ],
)
def test_a_place_after_area_words_is_seized(text: str) -> None:
    found = control(text)
    assert ("داعش", "seized", "العراق") in found or ("داعش", "controls", "العراق") in found


@pytest.mark.parametrize(
    "text",
    [
        "ولم يسيطر تنظيم داعش على كثير من أراضي العراق.",
        "وإذا سيطر تنظيم داعش على كثير من أراضي العراق فستسقط المنطقة.",
        "فإذا سيطر تنظيم داعش على مساحات واسعة من الأراضي في العراق سقطت المنطقة.",
        "وفشلت محاولة تنظيم داعش السيطرة على مساحات واسعة من الأراضي في العراق.",
        "ويحاول تنظيم داعش السيطرة على بعض مناطق العراق.",
    ],
)
def test_area_words_assert_nothing_when_negated_or_conditional(text: str) -> None:
    assert not control(text)


def test_area_words_do_not_reach_past_other_words() -> None:
    # «في» after a word that is no area word only locates: no place is taken
    assert not control("وسيطر تنظيم داعش على مخازن السلاح الكبيرة الموجودة في العراق.")


@pytest.mark.parametrize(
    "text",
    [
        # «بعد أن» before a present verb: a taking hoped for, not done
        "وقال الضابط إن الجيش العراقي سيعود بعد أن يستعيد مدينة الرمادي من تنظيم داعش.",
        "وقال إن السكان سيعودون بعد ان يستعيد الجيش العراقي مدينة الرمادي من تنظيم داعش.",
        "وقال الضابط إن الجيش العراقي سيعود فبعد أن يستعيـــد مدينة الرمادي من تنظيم داعش.",
        "وقال الضابط إن القوات العراقية ستعود بعد أن تستعيد مدينة الرمادي من تنظيم داعش.",
        # «حتى» alone (not after «لن», a blocker of its own: fix18b)
        "وتقدم الجيش السوري حتى يستعيد مدينة تدمر.",
        "وقال الضابط إن الجيش العراقي يتقدم كي يستعيد مدينة الرمادي من تنظيم داعش.",
        "وقال الضابط إن الجيش العراقي يتقدم لكي يستعيد مدينة الرمادي من تنظيم داعش.",
    ],
)
def test_a_taking_hoped_for_asserts_no_control(text: str) -> None:
    assert not control(text)


@pytest.mark.parametrize(
    "text",
    [
        "وعاد السكان بعد أن استعاد الجيش العراقي مدينة الرمادي من تنظيم داعش.",
        "وعاد السكان بعد ان استعاد الجيش العراقي مدينة الرمادي من تنظيم داعش.",
        "وقاتل الجيش العراقي حتى استعاد مدينة الرمادي من تنظيم داعش.",
    ],
)
def test_a_taking_done_after_bad_an_is_found(text: str) -> None:
    assert ("الجيش العراقي", "regainedControlOf", "الرمادي") in control(text)


@pytest.mark.parametrize(
    "text",
    [
        # «المدينة» alone stands for the city named after the same noun before it
        "وتقع مدينة الرمادي غرب بغداد، والمدينة تحت سيطرة تنظيم داعش.",
        "وتقع مدينة الرمادي غرب بغداد. والمدينة الآن تحت سيطرة تنظيم داعش.",
        "وتقع بمدينة الرمادي غرب بغداد، فالمدينـــة تحت سيطرة تنظيم داعش.",
        "وتقع مدينة الرمادي غرب بغداد، والمَدِينَة تحت سيطرة تنظيم داعش.",
    ],
)
def test_the_city_alone_stands_for_the_city_named_before(text: str) -> None:
    found = control(text)
    assert ("داعش", "controls", "الرمادي") in found
    assert ("داعش", "controls", "بغداد") not in found


def test_the_city_alone_after_a_fall() -> None:
    found = control("وتقع مدينة الرمادي غرب بغداد. وقد سقطت المدينة بيد تنظيم داعش.")
    assert found == {("داعش", "seized", "الرمادي")}


@pytest.mark.parametrize(
    "text",
    [
        "وتقع مدينة الرمادي غرب بغداد، ولم تقع المدينة تحت سيطرة تنظيم داعش.",
        "وتقع مدينة الرمادي غرب بغداد. وإذا سقطت المدينة بيد تنظيم داعش فستسقط المحافظة.",
        "وتقع مدينة الرمادي غرب بغداد. ولو سقطت المدينة بيد تنظيم داعش لسقطت المحافظة.",
        "وتقع مدينة الرمادي غرب بغداد. ويحاول تنظيم داعش إسقاط المدينة.",
        "وتقع مدينة الرمادي غرب بغداد. وفشلت محاولة السيطرة على المدينة.",
    ],
)
def test_the_city_alone_in_a_negated_or_conditional_sentence(text: str) -> None:
    assert not control(text)


def test_a_city_named_with_the_noun_is_no_anaphor() -> None:
    # «المدينة المنورة» is a name: it does not stand for the city named before
    found = control("وزار الوفد مدينة الرمادي ثم المدينة المنورة الواقعة تحت سيطرة الحكومة.")
    assert not any(place == "الرمادي" for _, _, place in found)


@pytest.mark.parametrize(
    "text",
    [
        # a dual pronoun «عليهما»: the two places joined by «و» before the relative
        "وتقدم الجيش نحو مدينتي الرمادي والفلوجة اللتين يسيطر عليهما تنظيم داعش.",
        "وتقدم الجيش نحو الرمادي و الفلوجة اللتين يسيطـــر عليهما تنظيم داعش.",
        "وتقدم الجيش نحو الرمادي والفلوجة اللتَيْن يسيطر عليهما تنظيم داعش.",
        # or named after it by «وهما»
        "وتقدم الجيش نحو أبرز مدينتين يسيطر عليهما تنظيم داعش في المحافظة - وهما الرمادي والفلوجة.",
        "وتقدم الجيش نحو مدينتين يسيطر عليهما تنظيم داعش، وهما الرمادي والفلوجة.",
    ],
)
def test_a_dual_pronoun_stands_for_two_places(text: str) -> None:
    found = control(text)
    assert ("داعش", "controls", "الرمادي") in found
    assert ("داعش", "controls", "الفلوجة") in found


@pytest.mark.parametrize(
    "text",
    [
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين لم يسيطر عليهما تنظيم داعش.",
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين يحاول تنظيم داعش السيطرة عليهما.",
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين إذا سيطر عليهما تنظيم داعش سقطت المحافظة.",
        "وتقدم الجيش نحو مدينتين لم يسيطر عليهما تنظيم داعش وهما الرمادي والفلوجة.",
        "وتقدم الجيش نحو مدينتين فشلت محاولة تنظيم داعش السيطرة عليهما وهما الرمادي والفلوجة.",
        "وقال الضابط إن الجيش سيتقدم بعد أن يستعيدهما من تنظيم داعش وهما الرمادي والفلوجة.",
        # not two places joined by «و», nor «وهما» before another word
        "وتقدم الجيش نحو الرمادي قرب الفلوجة اللتين يسيطر عليهما تنظيم داعش.",
        "وتقدم الجيش نحو مدينتين يسيطر عليهما تنظيم داعش، وهما في الرمادي والفلوجة.",
    ],
)
def test_a_dual_pronoun_asserts_nothing_when_negated_or_unclear(text: str) -> None:
    assert not control(text)
