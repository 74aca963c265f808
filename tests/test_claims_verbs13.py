"""Verbs of statement whose subject stands between the verb and its object (issue 11,
claims13), read in unseen9's misses and kept because unseen3–8 (not read this round) did
not get worse: أعرب، أعربت، أعربوا (``أعرب X عن أسفه``: only ``أعرب عن`` with nothing
between was a cue) and استبعد، استبعدت، يستبعد، تستبعد (``واستبعد X تأثير …``: what X
ruled out is what was said).  And a speech verb right after another (``ومضى يقول إن``)
shows that the first has no subject of its own; ``حيث إن`` (since; ``not_saying.tsv``) opens
no statement, so ``وأضاف X لا بد …، حيث إن …`` is all what X added; a plural participle
(``مؤكدين``) after one person's statement is not that person's: it is left open.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said


@pytest.mark.parametrize(
    ("text", "speaker", "opening"),
    [
        (
            "أعرب مدير عام الجوازات اللواء سليمان بن عبدالعزيز اليحيى عن أسفه للحادث الأليم "
            "الذي وقع في المسجد.",
            "سليمان بن عبدالعزيز اليحيى",
            "أسفه للحادث",
        ),
        (
            "واستبعد الوزير خالد العبيدي تأثير هذه الجرائم على معنويات الجنود.",
            "خالد العبيدي",
            "تأثير هذه الجرائم",
        ),
    ],
)
def test_subject_between_verb_and_what_was_said(text: str, speaker: str, opening: str) -> None:
    [(speakers, status, claim)] = said(text)
    assert speakers == (speaker,) and status == "resolved"
    assert claim.startswith(opening)


def test_verb_after_went_on_carries_the_running_speaker() -> None:
    # "ومضى يقول إن": مضى (went on) has no subject of its own; the running speaker speaks
    claims = said(
        "وقال رئيس الوزراء التركي احمد داود اوغلو إن تركيا لن ترسل قوات برية. "
        "ومضى يقول ان الضغوط التي تمارسها تركيا اخذت في الاعتبار."
    )
    speakers, status, _text = claim_with(claims, "الضغوط التي")
    assert status == "resolved" and speakers == claim_with(claims, "قوات برية")[0]


def test_since_inna_opens_no_statement() -> None:
    # "حيث إن" (since) gives a reason (row of not_saying.tsv): what X added starts after X
    claims = said(
        "أكد اثيل النجيفي محافظ الموصل أن من الصعب تحرير العراق. وأضاف النجيفي لا بد من دعم "
        "المكون السني في العراق، حيث إن المليشيات تقاتل من أجل عقيدة."
    )
    speakers, status, text = claim_with(claims, "المكون السني")
    assert status == "resolved" and speakers
    assert text.startswith("لا بد من دعم")


def test_plural_participle_is_no_single_persons() -> None:
    # "مؤكدين" (plural) after what one person said about a group: the group, left open
    claims = said(
        "وأوضح الأمير فيصل بن خالد في اتصال هاتفي أن أهالي المنطقة وقفوا إلى جانب رجال "
        "الأمن، مؤكدين دعمهم الكامل لدحر الإرهاب."
    )
    assert claim_with(claims, "دعمهم الكامل")[:2] == ((), "unresolved")


def test_responsibility_cue_with_no_claim_of_it_ends_no_claim() -> None:
    # "تبنت خطة" inside what the minister said: no claim of responsibility (the مسؤولية
    # further on belongs to "حملت المعارضة"), so it must not cut the minister's claim short
    claims = said(
        "وقال الوزير خالد العبيدي إن الحكومة تبنت خطة جديدة لمكافحة الإرهاب بعدما حملت "
        "المعارضة مسؤولية الفشل في الموصل."
    )
    speakers, status, text = claim_with(claims, "تبنت خطة")
    assert speakers == ("خالد العبيدي",) and status == "resolved"
    assert text.startswith("الحكومة تبنت خطة")


@pytest.mark.parametrize(
    "text",
    [
        "واستبعدت الهيئة العليا للانتخابات المرشح أحمد شفيق من السباق الرئاسي بسبب مخالفات "
        "مالية كبيرة.",
        "واستبعد المدرب هيرفي رينارد اللاعب محمد صلاح من قائمة المنتخب بسبب الإصابة في الركبة.",
        "واستبعد المدرب هيرفي رينارد اللاعب محمد صلاح من القائمة بسبب احتمال تفاقم إصابته.",
    ],
)
def test_excluding_someone_says_nothing(text: str) -> None:
    # استبعد X Y من …: X excluded Y from something, a deed and no statement
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("واستبعد الوزير خالد العبيدي أن تتأثر معنويات الجنود بهذه الجرائم.", "تتأثر معنويات"),
        ("واستبعد الوزير خالد العبيدي احتمال انسحاب القوات من المدينة.", "احتمال انسحاب"),
        (
            "واستبعد الوزير خالد العبيدي في حوار مع الصحيفة أن تتأثر معنويات الجنود.",
            "تتأثر معنويات",
        ),
    ],
)
def test_ruling_out_a_possibility_is_said(text: str, opening: str) -> None:
    # استبعد with أن or a possibility (احتمال، فرضية …) after its subject: what was ruled out
    [(speakers, status, claim)] = said(text)
    assert speakers == ("خالد العبيدي",) and status == "resolved"
    assert claim.startswith(opening)
