"""Wrong speakers read in unseen13's errors (issue 11, claims16) and kept because unseen3–12
(not read this round) did not get worse.

- «قوله تعالى (…)»: a verse of the Quran is God's words, not those of the person named before
  it; the claim keeps no speaker (``divine_epithets.tsv``; rasd names no person «الله»).
- «فرضت إجراءات أمنية مشددة على سفر …»: a feminine participle right after an indefinite
  feminine or plural noun, no comma between, is its adjective (strict measures), not a
  participle of speech; after a comma it still is one («…، مشددة على ضرورة …»).

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


def test_feminine_participle_after_an_indefinite_noun_is_an_adjective() -> None:
    claims = said(
        "وفرضت السلطات إجراءات أمنية مشددة على سفر الشباب إلى مناطق النزاع خلال الأسبوع الماضي."
    )
    assert not [c for c in claims if "سفر الشباب" in c[2]]


def test_feminine_participle_after_a_comma_still_speaks() -> None:
    claims = said(
        "وقالت وزارة الداخلية السعودية إن الحدود مغلقة أمام المسافرين، "
        "مشددة على ضرورة الالتزام بالتعليمات الرسمية."
    )
    assert claim_with(claims, "ضرورة الالتزام")[:2] == (("وزارة الداخلية السعودية",), "resolved")
