"""A bare facility name joins the facility it names (coref's facility forms), and one that two
facilities share joins neither, whatever the order the facilities are seen in: the 31k build
once gave «بيت الدين» to «جسر بيت الدين» in one run and to «قصر بيت الدين» in another."""

from __future__ import annotations

import itertools

import pytest

from rasd.extract import coref
from rasd.extract.doc import Doc
from rasd.extract.pipeline import COMPONENTS
from rasd.extract.reader import parse_record
from rasd.extract.text import match_key


def _doc(items: list[tuple[str, str]]) -> Doc:
    """A doc whose text is the names of ``items`` joined by « ، », each a Place mention of
    its layer (``facilities`` for a facility the facility finder would have made)."""
    text = " ، ".join(name for name, _ in items)
    doc = Doc.from_article(parse_record({"content": text}, "facility-forms-test"))
    COMPONENTS["sentences"].fn(doc)
    start = 0
    for name, layer in items:
        doc.add_mention(start, start + len(name), match_key(name), "Place", layer)
        start += len(name) + len(" ، ")
    return doc


def _keys(doc: Doc) -> dict[str, str]:
    return {m.surface: m.key for m in doc.mentions}


@pytest.mark.parametrize(
    "order", list(itertools.permutations(["جسر بيت الدين", "قصر بيت الدين", "بيت الدين"]))
)
def test_a_name_two_facilities_share_joins_neither(order: tuple[str, ...]) -> None:
    doc = _doc([(n, "ner" if n == "بيت الدين" else "facilities") for n in order])
    coref._link_facility_forms(doc)
    keys = _keys(doc)
    assert keys["بيت الدين"] == match_key("بيت الدين")
    assert keys["جسر بيت الدين"] != keys["قصر بيت الدين"]


def test_a_name_one_facility_has_joins_it() -> None:
    doc = _doc([("قاعدة إنجرليك", "facilities"), ("إنجرليك", "ner"), ("بيت الدين", "ner")])
    coref._link_facility_forms(doc)
    keys = _keys(doc)
    assert keys["إنجرليك"] == keys["قاعدة إنجرليك"] == match_key("قاعدة إنجرليك")
    assert keys["بيت الدين"] == match_key("بيت الدين")
