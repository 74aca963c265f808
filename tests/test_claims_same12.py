"""«وأضاف المصدر نفسه» says it is the same source as before (issue 11, claims12): with no
earlier source of the same noun, it is the last unnamed source named before it (a «باحث»,
«مصادر طبية»), not a new node «المصدر» nor a claim left open.  Read in unseen8's open
claims; unseen3–7 (not read) unchanged.

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

from conftest import said


def test_the_same_source_is_the_unnamed_one_before() -> None:
    text = (
        "وقال باحث يمني في شؤون الجماعات المتطرفة إن أبو بكر البغدادي يسعى إلى التمدد في "
        "الجنوب، وإن أيمن الظواهري فقد نفوذه. وأضاف المصدر نفسه أن انبهار المقاتلين "
        "بالتمدد كان سببا رئيسيا."
    )
    assert [c[0] for c in said(text)] == [("باحث يمني",), ("باحث يمني",)]


def test_the_same_source_after_a_plural_source() -> None:
    text = (
        "وقال مسؤول أمني إن المهاجمين دخلوا المدينة ليلا. وقالت مصادر طبية إن عدد القتلى "
        "بلغ عشرين شخصا. وأضاف المصدر ذاته أن المستشفيات تعاني نقصا في الأدوية."
    )
    assert [c[0] for c in said(text)][-1] == ("مصادر طبية",)
