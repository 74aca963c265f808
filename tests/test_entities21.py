"""Entities, pass 21 (issue 11): classes missed in many spent corpora
(``bench/entity_classes.py``, ``bench/entities21_results.md``).  Every sentence here was written
for the test (none is copied from a corpus)."""

from __future__ import annotations

from conftest import extract_text


def _mentions(text: str) -> set[tuple[str, str, str]]:
    """(surface, class, key) of every mention of ``text``."""
    return {(m.surface, m.cls, m.key) for m in extract_text(text).mentions}


# --- «مجلس» + a governorate: the provincial council -------------------------------------------


def test_council_of_a_governorate_is_an_organisation() -> None:
    text = "وطالب مجلس محافظة نينوى الحكومة الاتحادية بإرسال تعزيزات إلى الموصل."
    assert ("مجلس محافظة نينوى", "Organization", "مجلس محافظه نينوي") in _mentions(text)


def test_member_of_the_council_of_a_governorate() -> None:
    text = "وقال عضو مجلس محافظة ديالى إن القوات الأمنية أغلقت الطرق المؤدية إلى بعقوبة."
    assert ("مجلس محافظة ديالى", "Organization", "مجلس محافظه ديالي") in _mentions(text)


def test_council_with_and_without_the_region_noun_is_one_node() -> None:
    # «مجلس نجران» and «مجلس منطقة نجران» in one article: one council
    text = (
        "وقال عضو مجلس نجران إن الأهالي يقفون مع رجال الأمن. "
        "وأكد عضو آخر في مجلس منطقة نجران أن المنطقة آمنة."
    )
    keys = {k for s, c, k in _mentions(text) if s.startswith("مجلس")}
    assert keys == {"مجلس منطقه نجران"}


def test_council_before_a_country_is_no_place_organisation() -> None:
    # a country after مجلس is not read by the place head (مجلس الأمن، مجلس العراق …)
    text = "وناقش مجلس الأمن الدولي الوضع في اليمن أمس."
    surfaces = {s for s, _c, _k in _mentions(text)}
    assert "مجلس الأمن الدولي" in surfaces
    assert not any(s.startswith("مجلس") and "اليمن" in s for s in surfaces)


def test_councils_of_a_governorate_and_of_a_city_stay_two() -> None:
    text = (
        "واجتمع مجلس محافظة البصرة أمس لبحث أزمة المياه. "
        "وفي اليوم نفسه طالب مجلس مدينة البصرة بزيادة الحصة المائية."
    )
    keys = {k for s, c, k in _mentions(text) if s.startswith("مجلس")}
    assert keys == {"مجلس محافظه البصره", "مجلس مدينه البصره"}


# --- «قناة السويس الجديدة»: the canal's 2015 lane, one node with the canal ------------------
# (the annotators list it as an entity; as a place of its own it made two nodes in articles that
# then call it «قناة السويس»: unseen3 u35, unseen16 u04)


def test_new_suez_canal_is_one_mention_of_the_canal() -> None:
    text = "وعبرت سفن حاويات عملاقة قناة السويس الجديدة قبل أيام من افتتاحها الرسمي."
    assert ("قناة السويس الجديدة", "Place", "قناه السويس") in _mentions(text)


def test_the_suez_canal_alone_stays_the_canal() -> None:
    text = "وارتفعت إيرادات قناة السويس خلال الشهر الماضي."
    assert ("قناة السويس", "Place", "قناه السويس") in _mentions(text)


# --- a lexicon person written without the ال of the surname ----------------------------------


def test_lexicon_person_written_without_al_is_that_person() -> None:
    text = "والتقى وزير الخارجية الأستاذ عادل جبير نظيره الروسي في موسكو أمس."
    ex = extract_text(text)
    assert {m.key for m in ex.mentions if "جبير" in m.surface} == {"عادل الجبير"}


def test_unknown_name_without_al_keeps_its_own_key() -> None:
    text = "وقال المواطن سالم حربي إن الطريق أغلق منذ الصباح."
    ex = extract_text(text)
    assert "سالم الحربي" not in {m.key for m in ex.mentions}


def test_surname_without_al_of_a_lexicon_person_is_that_person() -> None:
    text = (
        "والتقى وزير الخارجية عادل الجبير نظيره الروسي في موسكو أمس. "
        "وقال لافروف إن لقاءه مع جبير كان مثمرا."
    )
    ex = extract_text(text)
    assert {m.key for m in ex.mentions if "جبير" in m.surface} == {"عادل الجبير"}


# --- one list of the prepositions before a place (review19c finding 6) -----------------------


def test_bare_region_after_any_place_preposition() -> None:
    # «نحو»، «داخل» are prepositions of place for the bare names as for relations
    text = "وتوجهت تعزيزات عسكرية نحو عسير بعد الهجوم."
    assert ("عسير", "AdministrativeArea", "منطقه عسير") in _mentions(text)
    text = "وانتشرت دوريات الأمن داخل عسير منذ الصباح."
    assert ("عسير", "AdministrativeArea", "منطقه عسير") in _mentions(text)


def test_bare_region_word_as_an_adjective_stays_no_place() -> None:
    text = "وقال إن الطريق نحو الحل طويل وعسير، وإن الوصول إليه عسير."
    assert not {k for _s, _c, k in _mentions(text) if "عسير" in k}


def test_bare_coalition_before_a_dual_relative_is_read() -> None:
    # «التحالف … اللذين»: a relative, no adjective of the noun (one list, relative_pronouns.tsv)
    text = (
        "وقصفت طائرات التحالف مواقع داعش قرب الرقة في سوريا، "
        "ووصلت قوات التحالف اللذين تحدث عنهما البيان إلى المدينة."
    )
    ex = extract_text(text)
    assert {m.key for m in ex.mentions if "التحالف" in m.surface} == {"التحالف الدولي"}
