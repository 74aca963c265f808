"""Wrong speakers read in unseen13's errors (issue 11, claims16) and kept because unseen3–12
(not read this round) did not get worse.

- «قوله تعالى (…)»: a verse of the Quran is God's words, not those of the person named before
  it; the claim keeps no speaker (``divine_epithets.tsv``; rasd names no person «الله»).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

from conftest import claim_with, said


def test_verse_after_qawluhu_taala_has_no_speaker() -> None:
    claims = said(
        "قال الكاتب محمد الفايع إن المجرمين لا دين لهم ولا ضمير. "
        "ألم يقرؤوا قوله تعالى (ومن يقتل مؤمنا متعمدا فجزاؤه جهنم خالدا فيها)؟"
    )
    assert claim_with(claims, "لا دين لهم")[:2] == (("محمد الفايع",), "resolved")
    assert claim_with(claims, "مؤمنا متعمدا")[:2] == ((), "unresolved")
