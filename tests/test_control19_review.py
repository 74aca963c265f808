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
