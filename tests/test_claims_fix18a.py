"""Review fixes of the claims19/speaker19 rules (fix18a, issue 11).

- an organisation opening the sentence before a bare comma speaks through the verb after it
  only when what the verb says follows it at once (إن/أن, a colon, a quotation) or after
  في/خلال/لـ: a word right after the verb may be the verb's own subject («الحكومة السورية،
  قالت المعارضة إنها …»: the government is the topic, the opposition speaks).

The sentences are written for these tests, not copied from the corpora.
"""

from __future__ import annotations

import pytest
from conftest import claim_with, said

# an organisation before a bare comma is no subject when a word follows the verb -------------


@pytest.mark.parametrize(
    "subject",
    ["المعارضة", "الطبيبة سارة", "منظمات محلية"],
)
def test_fronted_organisation_before_a_bare_comma_and_a_subject_is_no_speaker(
    subject: str,
) -> None:
    claims = said(
        "وصل وفد من الصليب الأحمر إلى المدينة المحاصرة صباح أمس. "
        f"وزارة الدفاع الروسية، قالت {subject} إنها قصفت المستشفى الوحيد في البلدة ليلا."
    )
    speakers = claim_with(claims, "المستشفى الوحيد")[0]
    assert "وزارة الدفاع الروسية" not in speakers


@pytest.mark.parametrize(
    "verb",
    [
        "قالت إن",
        "قالت: إن",
        "قالت في بيان إن",
        "قالت خلال مؤتمر صحافي إن",
        "قالت للصحفيين إن",
        "قالت لـ«رويترز» إن",
        "من جانبها، قالت إن",
    ],
)
def test_fronted_organisation_before_a_comma_speaks_when_the_verb_says_at_once(
    verb: str,
) -> None:
    claims = said(
        "وصل وفد من الصليب الأحمر إلى المدينة المحاصرة صباح أمس. "
        f"وزارة الدفاع الروسية، {verb} طائراتها لم تقصف المستشفى الوحيد في البلدة."
    )
    speakers = claim_with(claims, "المستشفى الوحيد")[0]
    assert speakers == ("وزارة الدفاع الروسية",)
