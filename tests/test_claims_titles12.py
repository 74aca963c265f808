"""A person's name after a long title the lists did not know (issue 11, claims12): ممثل،
ممثلة، مندوب، مندوبة are titles (rows of titles.tsv), so the name at the end of «الممثل
الخاص للأمين العام للأمم المتحدة في العراق فلان» is the speaker instead of the claim being
left open.  Read in unseen8's open claims; unseen3–7 (not read) and their entities unchanged.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

CASES = [
    (
        "وقال الممثل الخاص للأمين العام للأمم المتحدة في العراق يان كوبيش إنه منذ الهجمات "
        "الأخيرة أصبح العراق يعيش في أزمة كبيرة.",
        "يان كوبيش",
        "منذ الهجمات",
    ),
    (
        "وقال مندوب السعودية الدائم لدى الأمم المتحدة عبدالله المعلمي إن المملكة تدعم الحل "
        "السياسي في اليمن.",
        "عبدالله المعلمي",
        "المملكة تدعم",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "start"), CASES)
def test_the_name_after_a_long_title_speaks(text: str, speaker: str, start: str) -> None:
    [(speakers, status, claim)] = said(text)
    assert (speakers, status) == ((speaker,), "resolved")
    assert claim.startswith(start)
