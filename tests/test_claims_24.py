"""Statements found in claims24 (issue 11): speech verbs in forms ``speech_cues.tsv`` lacked,
a class of the noun cues rasd did not find on many spent corpora (``bench/miss_classes.py``:
«تفيد» in ten corpora, «يزعم/تزعم/تدعي» in six, «أقر بأن» in six): the present tense of
أفاد، زعم، ادعى، طالب (the past was listed, «تفيد التقارير بأن»، «معلومات تفيد بـ»، «وتزعم
طهران أنها …»), and «أقر بأن» "admitted that" (with ب or a complementiser only: «أقر البرلمان
القانون» "approved" says nothing).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import said

from rasd.extract.folding import TATWEEL


def _content(claims, words: str):
    return [c for c in claims if c[2].startswith(words)]


@pytest.mark.parametrize("verb", ["وتفيد", "تفيد", "وتفِيدُ", f"وتفـ{TATWEEL}يد", "فتفيد"])
def test_reports_tell_after_the_present_verb(verb: str) -> None:
    claims = said(
        f"اشتدت المعارك قرب المدينة. {verb} التقارير الأمنية بأن المسلحين انسحبوا من الحي."
    )
    hit = _content(claims, "المسلحين انسحبوا")
    assert hit and hit[0][0] and hit[0][1] == "resolved"


def test_reports_tell_with_bi_and_a_noun() -> None:
    claims = said("اشتدت المعارك قرب المدينة. فتفيد الأنباء بمنع المسلحين الأهالي من الخروج.")
    hit = _content(claims, "منع المسلحين")
    assert hit and hit[0][0]


@pytest.mark.parametrize(
    "sentence",
    [
        "ولم ترد أي تقارير تفيد بأن المسلحين انسحبوا من الحي.",
        "وكانت معلومات قد وردت للنواب في البرلمان تفيد بأن المسلحين انسحبوا من الحي.",
    ],
)
def test_no_source_after_the_present_verb_says_nothing(sentence: str) -> None:
    # no source named after «تفيد»: rasd does not read the noun before it as the speaker
    claims = said(f"اشتدت المعارك قرب المدينة. {sentence}")
    assert not _content(claims, "المسلحين انسحبوا")


def test_the_masculine_present_verb() -> None:
    claims = said("اشتدت المعارك قرب المدينة. ويفيد التقرير الأممي بأن المسلحين انسحبوا من الحي.")
    hit = _content(claims, "المسلحين انسحبوا")
    assert hit and hit[0][0]


@pytest.mark.parametrize("verb", ["ويزعم", "يزعم", "ويَزعُم"])
def test_he_claims(verb: str) -> None:
    claims = said(
        f"التقى الوفدان في جنيف. {verb} الرئيس بشار الأسد أن المعارضة تتلقى السلاح من الخارج."
    )
    hit = _content(claims, "المعارضة تتلقى")
    assert hit and hit[0][0] == ("بشار الأسد",)


@pytest.mark.parametrize("verb", ["وتزعم", "وتدعي", "وتدّعي", "وتدعى"])
def test_she_claims(verb: str) -> None:
    claims = said(
        f"التقى الوفدان في جنيف. {verb} الوزيرة هيلاري كلينتون أن المعارضة تتلقى السلاح من الخارج."
    )
    hit = _content(claims, "المعارضة تتلقى")
    assert hit and hit[0][0] == ("هيلاري كلينتون",)


@pytest.mark.parametrize("verb", ["وتطالب", "تطالب"])
def test_she_demands(verb: str) -> None:
    claims = said(
        f"التقى الوفدان في جنيف. {verb} الوزيرة هيلاري كلينتون بوقف إطلاق النار في المدن "
        "المحاصرة فورا."
    )
    hit = _content(claims, "وقف إطلاق النار")
    assert hit and hit[0][0] == ("هيلاري كلينتون",)


@pytest.mark.parametrize("verb", ["وأقر", "واقر", "وأقَرّ", "فأقر", "أقر"])
def test_he_admitted_that(verb: str) -> None:
    claims = said(
        f"التقى الوفدان في جنيف. {verb} الوزير ناجم الغرسلي بأن الأجهزة الأمنية ارتكبت أخطاء "
        "في تعقب المهاجم."
    )
    hit = _content(claims, "الأجهزة الأمنية ارتكبت")
    assert hit and hit[0][0] == ("ناجم الغرسلي",)


def test_she_admitted_that() -> None:
    claims = said(
        "التقى الوفدان في جنيف. وأقرت الوزيرة هيلاري كلينتون بأن الأجهزة الأمنية ارتكبت أخطاء "
        "في تعقب المهاجم."
    )
    hit = _content(claims, "الأجهزة الأمنية ارتكبت")
    assert hit and hit[0][0] == ("هيلاري كلينتون",)


@pytest.mark.parametrize("verb", ["وزاد", "وزادَ", f"وز{TATWEEL}اد"])
def test_he_added_after_the_subject(verb: str) -> None:
    claims = said(
        "قال وزير الداخلية سليمان الغزي إن الأمن مستقر في المدينة. "
        f"{verb} الوزير سليمان الغزي أن المواطن هو رجل الأمن الأول في البلاد."
    )
    hit = _content(claims, "المواطن هو رجل")
    assert hit and hit[0][0] == ("سليمان الغزي",)


@pytest.mark.parametrize("verb", ["وزاد", "وأقر", "وتطالب"])
def test_no_subject_no_cue(verb: str) -> None:
    # «وزاد بطشهم»، «وتطالب بمساواتهم»: with no speaker named after it the verb is no cue
    # (read with the running speaker it was wrong or left open more often than right)
    claims = said(
        "قال وزير الداخلية سليمان الغزي إن الأمن مستقر في المدينة. "
        f"{verb} بأنه تم القبض على عشرات المسلحين في الحي الشرقي."
    )
    assert not [c for c in claims if c[2].startswith("تم القبض")]


@pytest.mark.parametrize(
    "sentence",
    [
        "وزاد عدد القتلى إلى عشرين شخصا بعد الهجوم.",
        "وزادت الولايات المتحدة من دعمها للقوات العراقية في الأنبار.",
        "ومن يزعم أن المسلحين انسحبوا من الحي لا يعرف المدينة.",
        "وزاد بطشهم عندما استشعروا أن الدولة تصبر عليهم.",
    ],
)
def test_increase_or_a_rhetorical_claim_says_nothing(sentence: str) -> None:
    claims = said(f"اشتدت المعارك قرب المدينة. {sentence}")
    assert not claims


def test_approving_a_law_says_nothing() -> None:
    claims = said("انعقدت الجلسة أمس. وأقر البرلمان التونسي قانون مكافحة الإرهاب بأغلبية كبيرة.")
    assert not _content(claims, "قانون مكافحة")


# «نشرت صحيفة «X» تقريرا عن …» (kind ``publishing`` in ``speech_cues.tsv``, the objects in
# ``published_objects.tsv``): what a publisher puts out, from the published object on, is the
# publisher's statement (``miss_classes.py``: نشر/بث, 19 misses in 10 corpora)


@pytest.mark.parametrize("verb", ["ونشرت", "نشرت", "ونَشَرَت", f"ونشـ{TATWEEL}رت", "فنشرت"])
def test_a_paper_published_a_report(verb: str) -> None:
    claims = said(
        f"تصاعدت المعارك في المدينة. {verb} صحيفة «الغارديان» البريطانية، اليوم الإثنين، "
        "تقريرا عن نهب الآثار في سوريا والعراق."
    )
    hit = _content(claims, "تقريرا عن نهب")
    assert hit and hit[0][0] == ("صحيفة الغارديان",)


@pytest.mark.parametrize("obj", ["تقريرًا", "تقريراً", "مقالا", "مقالاً"])
def test_an_organisation_published_a_titled_report(obj: str) -> None:
    claims = said(
        f"تصاعدت المعارك في المدينة. نشرت الشبكة السورية لحقوق الإنسان {obj} بعنوان «مقتل "
        "39 طفلا خلال أيام العيد»."
    )
    hit = [c for c in claims if "مقتل 39 طفلا" in c[2]]
    assert hit and hit[0][0] == ("الشبكة السورية لحقوق الإنسان",)


@pytest.mark.parametrize("verb", ["وبث", "بث", "وبثت"])
def test_an_organisation_broadcast_a_video(verb: str) -> None:
    claims = said(
        f"تصاعدت المعارك في المدينة. {verb} تنظيم داعش أيضا شريط فيديو يظهر إعدام عشرة أشخاص."
    )
    hit = _content(claims, "شريط فيديو")
    assert hit and hit[0][0] == ("داعش",)


@pytest.mark.parametrize(
    "sentence",
    [
        "ونشرت وزارة الداخلية قوات إضافية في الحي الشرقي.",  # deployed
        "ونشر الجيش العراقي دبابات على مداخل المدينة.",
        "وبث الهجوم الرعب في نفوس السكان.",  # spread
    ],
)
def test_deploying_or_spreading_says_nothing(sentence: str) -> None:
    claims = said(f"تصاعدت المعارك في المدينة. {sentence}")
    assert not claims


@pytest.mark.parametrize(
    "sentence",
    [
        "ونشرت صحيفة «الغارديان» البريطانية مقالا للكاتب روبرت فيسك عن نهب الآثار في سوريا.",
        "ونشرت صحف سودانية نعيا للطالب محمد مأمون الذي قتل في سوريا الشهر الماضي.",
        "وبعد أن نشرت جماعة بوكو حرام شريط فيديو على الإنترنت أعلنت فيه أنها لم تهزم أبدا.",
        "ونشر التنظيم الإرهابي أيضا مقطعا مصورا جديدا عن إعدام عشرة أشخاص في المدينة.",
    ],
)
def test_by_another_author_framing_or_unnamed_publisher(sentence: str) -> None:
    # an author after «لـ»، a publication «فيه» the next cue speaks in, a bare «التنظيم»
    claims = said(f"تصاعدت المعارك في المدينة. {sentence}")
    assert not [c for c in claims if c[2].startswith(("مقالا", "نعيا", "شريط", "مقطعا"))]
