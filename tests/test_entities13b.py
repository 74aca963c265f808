"""Entities on unseen news, pass 13b (issue 11): persons read after a title (the ``titles``
component) that were not names — «ولي» of «ولي ولي العهد», a blessing kept in the name, a
name cut on «بن», a noun with a pronoun, «و» + a family name, «الراحل», «بسبب», a title word
inside the NER's person («حسين أمير عبد اللهيان»).  Every
sentence here was written for the test, after a construction read in unseen10's errors."""

from __future__ import annotations

import pytest
from conftest import entity_keys

from rasd.extract.patterns import pronoun_noun
from rasd.extract.text import match_key


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        # «ولي ولي العهد» is one title (deputy crown prince), not a person «ولي»
        ("ورفع تعازيه لخادم الحرمين الشريفين وسمو ولي ولي العهد - حفظهم الله - في الشهداء.", "ولي"),
        # a blessing after the name is no part of it
        ("وكما قال الأمير نايف رحمه الله إن الأمن مسؤولية الجميع.", "نايف رحمه الله"),
        # «الراحل» (the late) is never a word of a name
        ("وقد كرر هذه العبارة وزير الداخلية ابن الراحل في مناسبات كثيرة.", "ابن الراحل"),
        # a noun with a pronoun after the title: «رئيس تحريرها»
        (
            "وكتب رئيس تحريرها سلمان الدوسري مقالا عن الحادث في الصفحة الأخيرة.",
            "تحريرها سلمان الدوسري",
        ),
    ],
)
def test_junk_after_a_title_is_no_person(text: str, junk: str) -> None:
    assert match_key(junk) not in entity_keys(text, "Person")


def test_the_name_after_a_title_goes_on_after_bin() -> None:
    text = "وصدر القانون في عهد الرئيس الأسبق زين العابدين بن علي عام 2003 بعد الأحداث."
    persons = entity_keys(text, "Person")
    assert match_key("زين العابدين بن") not in persons


def test_wa_and_a_family_name_does_not_start_a_name() -> None:
    text = (
        'واستعملت الصفحة للتحريض على اغتيال الرئيس السبسي والغنوشي والهمامي والعروي بسبب "إساءتهم".'
    )
    persons = entity_keys(text, "Person")
    assert match_key("والغنوشي والهمامي") not in persons
    assert match_key("العروي بسبب") not in persons  # «بسبب» is never a word of a name


def test_a_name_after_a_title_with_rahimahu_stays() -> None:
    text = "وكان الأمير نايف بن عبد العزيز رحمه الله قد أسس الجهاز."
    persons = entity_keys(text, "Person")
    assert any(k.startswith(match_key("نايف بن عبد العزيز")) for k in persons)
    assert not any("رحمه" in k for k in persons)


def test_pronoun_noun() -> None:
    assert pronoun_noun("تحريرها") and pronoun_noun("قادتهم")
    assert not pronoun_noun("مها") and not pronoun_noun("إبراهيم")


def test_a_title_word_inside_the_ner_person_is_part_of_the_name() -> None:
    text = (
        "وقال مساعد وزير الخارجية الايراني للشؤون العربية حسين أمير عبد اللهيان إن الهدف "
        "من الجولة هو التعاون."
    )
    persons = entity_keys(text, "Person")
    assert match_key("حسين أمير عبد اللهيان") in persons
    assert match_key("عبد اللهيان") not in persons
