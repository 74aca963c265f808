"""Organisations named by a head the lists did not know (issue 11, claims12): مكتب (office)
and مرصد (observatory) are organisation heads (rows of org_heads.tsv, indefinite only), so
«مكتب مراقبة الأصول الخارجية» and «مرصد الإسلاموفوبيا» are organisations and speak
instead of the claim being left open.  Read in unseen8's open claims; unseen3–7 claims
unchanged, their entity precision and recall up (2399 → 2402 correct of 2790 → 2792).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

CASES = [
    (
        "وذكر مكتب مراقبة الأصول الخارجية أن عددا من هذه الكيانات شركات واجهة تستخدمها "
        "الحكومة السورية.",
        "مكتب مراقبة الأصول الخارجية",
        "عددا من هذه الكيانات",
    ),
    (
        "وأعلن مرصد الإسلاموفوبيا أن الاعتداءات على المسلمين في فرنسا ازدادت أربعة أضعاف.",
        "مرصد الإسلاموفوبيا",
        "الاعتداءات على المسلمين",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "start"), CASES)
def test_an_office_or_observatory_speaks(text: str, speaker: str, start: str) -> None:
    [(speakers, status, claim)] = said(text)
    assert (speakers, status) == ((speaker,), "resolved")
    assert claim.startswith(start)
