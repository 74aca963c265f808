"""Statements found in claims19 (issue 11): kinds of statements rasd did not find on unseen16
(read this round), each rule kept only because unseen3–15 (not read) did not get worse.

- participles that continue a statement and were no cues: معلّلاً (explaining), مدّعياً
  (claiming), مستنكرَين (dual/plural).  Not محمّلاً (holding responsible): it is mostly
  «loaded with» (محملة بالأسلحة), and it lost a statement on unseen11; not آملاً (hoping):
  folded, آملة is أمله «his hope» and آملا the noun أملاً.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.folding import TATWEEL

# participles continuing a statement ------------------------------------------------------


@pytest.mark.parametrize(
    ("participle", "rest"),
    [
        ("معللا", "ذلك بنقص الاعتمادات المالية في ميزانية العام الماضي"),
        ("معلّلاً", "ذلك بنقص الاعتمادات المالية في ميزانية العام الماضي"),
        ("مدعيا", "التزام البلدية بكل بنود العقد الموقع مع الشركة"),
        ("مدّعياً", "التزام البلدية بكل بنود العقد الموقع مع الشركة"),
    ],
)
def test_participle_continues_the_speaker(participle: str, rest: str) -> None:
    claims = said(
        "وقال رئيس المجلس البلدي سعيد الزهراني إن الطرق في الأحياء الجنوبية تحتاج إلى "
        f"صيانة عاجلة، {participle} {rest}."
    )
    first = claim_with(claims, "الطرق في الأحياء")
    assert participle not in first[2]
    assert claim_with(claims, rest.split()[2])[:2] == (("سعيد الزهراني",), "resolved")


def test_feminine_and_plural_participles() -> None:
    claims = said(
        "وأكدت الوزيرة هند العتيبي أن المدارس الجديدة ستفتح أبوابها في الخريف، معللة "
        "التأخير بتأخر المقاول في تسليم المباني. وقال خالد الرميثي وسالم الكعبي إن "
        "القرار صدر دون تشاور مع الأهالي، مستنكرين غياب اللجان المحلية عن النقاش."
    )
    assert claim_with(claims, "بتأخر المقاول")[:2] == (("هند العتيبي",), "resolved")
    pair = ("خالد الرميثي", "سالم الكعبي")
    assert claim_with(claims, "غياب اللجان")[:2] == (pair, "resolved")
    assert "مستنكرين" not in claim_with(claims, "القرار صدر")[2]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(["", TATWEEL]), st.sampled_from(["و", ""]))
def test_participle_with_tatweel_and_conjunction(tatweel: str, conj: str) -> None:
    claims = said(
        "وقال المدير العام فهد العتيبي إن المشروع تأخر عن موعده ستة أشهر، "
        f"{conj}مع{tatweel}للا ذلك بصعوبات في توريد المعدات من الخارج."
    )
    assert "توريد المعدات" not in claim_with(claims, "المشروع تأخر")[2]
    assert claim_with(claims, "توريد المعدات")[0] == ("فهد العتيبي",)


def test_prosecutor_is_no_participle() -> None:
    # «المدعي العام» is a title, not «claiming»
    claims = said(
        "وقال المدعي العام ناصر الحمدان إن التحقيقات في قضية الاختلاس ما زالت جارية في المحكمة."
    )
    assert claim_with(claims, "التحقيقات في قضية")[:2] == (("ناصر الحمدان",), "resolved")


def test_his_hope_is_no_participle() -> None:
    # «أمله» folds like «آملة»: the noun after «أعرب عن», not a participle
    [(speakers, _status, claim)] = said(
        "وأعرب رئيس الاتحاد سامي العنزي عن أمله في عودة المباريات إلى الملاعب قريبا."
    )
    assert speakers == ("سامي العنزي",)
    assert claim.startswith("أمله في عودة")
