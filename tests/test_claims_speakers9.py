"""Speakers on unseen news (issue 11, claims9): constructions read in unseen6's errors that
recur in unseen3/unseen4.

- A definite head noun alone after a finite verb (``وقال المرصد``، ``وشدد الاتحاد``) is the
  one organisation named before whose name opens with it; after a participle it is an object.
- ``ونقل X عن Y قوله`` / ``ونقلت X عن Y: «…»``: Y speaks, X only relays it (not the person
  named before, not X); «، وفق ما نقلت صحيفة X عن مسؤول.» after what was said keeps X.
- A plural group noun after the verb (متخصصون، المتمردون، المعتصمون: rows of
  source_nouns.tsv, nominative only) is an anonymous source, never the person named after it.

Three tests guard the new rules' limits and pass before them too (a participle's object, the
"according to" relay, a group noun in the accusative as the object).
The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

from conftest import claim_with, said

OBSERVATORY = "المرصد السوري لحقوق الإنسان"


def test_a_head_noun_alone_is_the_organisation_named_before() -> None:
    claims = said(
        f"وأفاد {OBSERVATORY} بمقتل عشرة مقاتلين في ريف حلب. "
        "وقال المرصد إن الاشتباكات استمرت حتى صباح أمس في محيط البلدة."
    )
    speakers, status, _ = claim_with(claims, "الاشتباكات استمرت")
    assert (speakers, status) == ((OBSERVATORY,), "resolved")


def test_a_head_noun_after_a_participle_is_its_object() -> None:
    claims = said(
        "وقال وزير الداخلية أحمد الحربي إن قوات أمن الطوارئ أحبطت الهجوم، واصفاً القوات "
        "العسكرية بأنها درع الوطن الحصين في وجه الإرهاب."
    )
    speakers, _, _ = claim_with(claims, "درع الوطن")
    assert "قوات أمن الطوارئ" not in speakers


def test_the_one_quoted_after_a_relay_verb_speaks() -> None:
    claims = said(
        "وتواصل القوات الموالية لنظام بشار الأسد هجومها في الجنوب. ونقل التلفزيون السوري "
        "الرسمي عن مصدر عسكري قوله: «إن وحدة من الجيش دمرت خطوط إمداد للمسلحين قرب الحدود»."
    )
    speakers, _, _ = claim_with(claims, "دمرت خطوط")
    assert speakers == ("مصدر عسكري",)


def test_the_one_quoted_after_a_relay_verb_with_a_colon_speaks() -> None:
    claims = said(
        "ونقلت وكالة الأنباء الرسمية، من جهتها، عن مصدر عسكري: «إن وحدة من الجيش قتلت "
        "عددا من المسلحين في محيط الكلية الجوية»."
    )
    speakers, _, _ = claim_with(claims, "قتلت عددا")
    assert speakers == ("مصدر عسكري",)
    assert not [c for c in claims if "عن مصدر" in c[2]]


def test_a_relayed_person_with_a_possessive_cue_speaks() -> None:
    claims = said(
        "ونقل جورج شترايتر نائب المتحدث باسم الحكومة الألمانية أمس عن أنجيلا ميركل قولها "
        "إنه ينبغي الحفاظ على عملية السلام مع الأكراد."
    )
    speakers, _, _ = claim_with(claims, "عملية السلام")
    assert speakers == ("أنجيلا ميركل",)
    assert not [c for c in claims if "عن أنجيلا" in c[2]]


def test_according_to_a_relaying_paper_keeps_the_paper() -> None:
    claims = said(
        "وأمضى المشتبه به سبعة أشهر في الأردن خلال العام الماضي، وفق ما نقلت صحيفة "
        "«نيويورك تايمز» عن مسؤول رفيع المستوى في الاستخبارات."
    )
    for speakers, _, _ in claims:
        assert not any("مسؤول" in s for s in speakers)


def test_a_plural_group_after_the_verb_is_an_anonymous_source() -> None:
    claims = said(
        "وأوضح متخصصون في الجوانب الأمنية والتربوية، لـ«الشرق الأوسط»، أن الدوافع التي تغري "
        "المراهقين بالانضمام إلى التنظيم تأتي من الحاجة إلى الانتماء."
    )
    speakers, status, _ = claim_with(claims, "الدوافع التي")
    assert status == "resolved" and speakers and "متخصصون" in speakers[0]


def test_protesters_speak_not_the_person_they_name() -> None:
    claims = said(
        "وقال المرصد السوري لحقوق الإنسان إن نحو ألف شخص اعتصموا في اللاذقية. "
        "ودعا المعتصمون إلى إعدام سليمان هلال الأسد الذي قتل عقيدا في الجيش."
    )
    speakers, _, _ = claim_with(claims, "إعدام")
    assert speakers and "المعتصمون" in speakers[0]


def test_citizens_in_the_accusative_are_the_object_not_the_speaker() -> None:
    claims = said(
        "وقال رئيس المجلس البلدي محسن البكري إن الوطن مستهدف. "
        "وطالب المواطنين وخاصة الشباب بالالتفاف حول قيادتهم وعدم الانجرار وراء الدعوات."
    )
    for speakers, _, _ in claims:
        assert not any("المواطنين" in s for s in speakers)


def test_according_to_a_head_noun_is_the_organisation_named_before() -> None:
    claims = said(
        f"وأفاد {OBSERVATORY} بمقتل عشرة مقاتلين في ريف حلب. وكانت عائلات من البلدتين "
        "تظاهرت أمس، بحسب المرصد، مطالبة بحماية السكان."
    )
    speakers, _, _ = claim_with(claims, "وكانت عائلات")
    assert speakers == (OBSERVATORY,)


def test_a_relayed_source_with_an_adjective_and_a_comma_speaks() -> None:
    claims = said(
        f"وأفاد {OBSERVATORY} بمقتل عشرة مقاتلين في ريف حلب. ونقل المرصد عن مصادر موثوقة، "
        "أن التنظيم أبلغ أصحاب المقاهي بوجوب إيقاف عمل الشبكات."
    )
    speakers, _, _ = claim_with(claims, "التنظيم أبلغ")
    assert speakers and "مصادر" in speakers[0]
