"""Control of places, review of pass 19 (issue 11, fix18b): the points review18b found in
rel19's rules.  Every sentence here was written for the test (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from conftest import control


@pytest.mark.parametrize(
    "text",
    [
        # «المدينة» alone stands for the place named last before it, not for an older one
        # named after «مدينة»
        "وكان تنظيم داعش قد هاجم مدينة الرمادي. وتقول الحكومة إن الفلوجة هادئة والمدينة تحت "
        "سيطرة الجيش العراقي.",
        "وزار الوزير مدينة الرمادي أمس، ثم توجه إلى الفلوجة، والمدينة تحت سيطرة الجيش العراقي.",
    ],
)
def test_the_city_alone_does_not_jump_past_a_nearer_place(text: str) -> None:
    found = control(text)
    assert ("الجيش العراقي", "controls", "الرمادي") not in found
    assert ("الجيش العراقي", "controls", "الفلوجة") in found


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun object after a verb of attempt or wish and «أن», or after a conditional «إن»
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين حاول أن يسيطر عليهما تنظيم داعش.",
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين يريد أن يسيطر عليهما تنظيم داعش.",
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين يريد تنظيم داعش أن يسيطر عليهما.",
        "وتقدم الجيش نحو الرمادي والفلوجة اللتين إن سيطر عليهما تنظيم داعش فسيقتل السكان.",
        "وتقدم الجيش نحو مدينة الرمادي التي حاول أن يسيطر عليها تنظيم داعش.",
        "وتقدم الجيش نحو مدينة الرمادي التي أراد أن يسيطر عليها تنظيم داعش.",
        "وتقدم الجيش نحو مدينة الرمادي التي يسعى أن يسيطر عليها تنظيم داعش.",
        "وتقدم الجيش نحو مدينة الرمادي التي إن سيطر عليها تنظيم داعش فسيقتل السكان.",
        "وتقدم الجيش نحو مدينة الرمادي التي إنْ سيطر عليها تنظيم داعش فسيقتل السكان.",
    ],
)
def test_a_pronoun_object_after_an_attempt_or_a_condition_asserts_nothing(text: str) -> None:
    assert not control(text)


@pytest.mark.parametrize(
    "text",
    [
        # «أن» after another word, or «أن» with a past verb: a taking done
        "وتقدم الجيش نحو مدينة الرمادي التي سبق أن سيطر عليها تنظيم داعش.",
        "وتقدم الجيش نحو مدينة الرمادي بعد أن سيطر عليها تنظيم داعش.",
    ],
)
def test_a_pronoun_object_after_another_an_is_still_read(text: str) -> None:
    assert any(place == "الرمادي" for _, _, place in control(text))


def test_two_places_with_only_a_space_between_are_not_joined() -> None:
    # «اللتين» after two places joined by no «و»: not the two the dual pronoun stands for
    assert not control("وتقدم الجيش نحو الرمادي الفلوجة اللتين يسيطر عليهما تنظيم داعش.")


@pytest.mark.parametrize(
    "text",
    [
        # a control feared («تخشى … أن»), or left («خرجت … من تحت سيطرة»), for every place form
        "وتخشى السلطات أن تقع مدينة الرمادي تحت سيطرة تنظيم داعش.",
        "وتقع مدينة الرمادي غرب بغداد. وتخشى السلطات أن تقع المدينة تحت سيطرة تنظيم داعش.",
        "ويخشى السكان أن تقع الرمادي تحت سيطرة تنظيم داعش.",
        "وخرجت مدينة الرمادي من تحت سيطرة تنظيم داعش.",
        "وتقع مدينة الرمادي غرب بغداد. وقد خرجت المدينة من تحت سيطرة تنظيم داعش.",
        "وقال إن مدينة الرمادي خرجت من تحت سيطرة تنظيم داعش.",
    ],
)
def test_a_control_feared_or_left_is_not_asserted(text: str) -> None:
    assert ("داعش", "controls", "الرمادي") not in control(text)


def test_a_control_after_another_an_is_still_read() -> None:
    found = control("وتقول السلطات إن مدينة الرمادي تقع تحت سيطرة تنظيم داعش.")
    assert ("داعش", "controls", "الرمادي") in found


@pytest.mark.parametrize(
    "text",
    [
        "وحاول تنظيم داعش أن يسيطر على مدينة الرمادي.",
        "ويريد تنظيم داعش أن يسيطر على مدينة الرمادي.",
    ],
)
def test_a_named_place_after_an_attempt_asserts_nothing(text: str) -> None:
    assert not control(text)
