"""Checks on the curated lexicon files in ``extract/data`` as data.

These tests read the TSV files directly (no project code), so they catch a malformed
row, an unknown class, a guessed-looking Wikidata ID, an alias claimed by two entities,
a nisba that points nowhere, or a common Arabic word slipped in as an alias.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

from rasd.extract.records import PLACE_CLASSES

DATA = Path(__file__).resolve().parent.parent / "extract" / "data"
ENTITIES = DATA / "entities.tsv"
NISBA = DATA / "nisba.tsv"
AMBIGUOUS = DATA / "ambiguous_words.tsv"

ENTITY_HEADER = ["label", "class", "aliases", "latin", "wikidata"]
NISBA_HEADER = ["adjective", "country"]
CLASSES = {
    "Person",
    "Organization",
    "Place",
    "Country",
    "City",
    "AdministrativeArea",
    "Platform",
}
QID = re.compile(r"Q[1-9][0-9]*")


def norm(s: str) -> str:
    """Fold a surface form the way matching does (alef, alef maqsura, teh marbuta, diacritics)."""
    s = dediac_ar(s).replace("\u0640", "")
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))
    return " ".join(s.split()).lower()


def read_tsv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].rstrip("\r").split("\t")
    rows = [
        (n, line.rstrip("\r").split("\t"))
        for n, line in enumerate(lines[1:], start=2)
        if line.strip()
    ]
    return header, rows


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


@pytest.fixture(scope="module")
def entities() -> tuple[list[str], list[tuple[int, list[str]]]]:
    return read_tsv(ENTITIES)


@pytest.fixture(scope="module")
def entity_rows(entities) -> list[tuple[int, list[str]]]:
    _, rows = entities
    assert all(len(cols) == 5 for _, cols in rows), "run test_entity_rows_have_five_columns"
    return rows


def test_entity_header(entities) -> None:
    header, _ = entities
    assert header == ENTITY_HEADER


def test_entity_file_is_not_trivial(entity_rows) -> None:
    assert len(entity_rows) >= 500


def test_entity_rows_have_five_columns(entities) -> None:
    _, rows = entities
    bad = [(n, len(cols)) for n, cols in rows if len(cols) != 5]
    assert not bad, f"rows (line, columns) without exactly 5 columns: {bad}"


def test_labels_present_and_trimmed(entity_rows) -> None:
    bad = [
        n
        for n, (label, _cls, aliases, latin, qid) in entity_rows
        if not label.strip()
        or label != label.strip()
        or any(a != a.strip() or not a for a in aliases.split("|") if aliases)
        or qid != qid.strip()
    ]
    assert not bad, f"empty or untrimmed fields on lines {bad}"


def test_classes_are_known(entity_rows) -> None:
    bad = [(n, cols[1]) for n, cols in entity_rows if cols[1] not in CLASSES]
    assert not bad, f"unknown classes: {bad}"


def test_wikidata_ids_are_empty_or_qids(entity_rows) -> None:
    bad = [(n, cols[4]) for n, cols in entity_rows if cols[4] and not QID.fullmatch(cols[4])]
    assert not bad, f"malformed Wikidata IDs: {bad}"


def test_wikidata_ids_are_unique(entity_rows) -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for _, cols in entity_rows:
        if cols[4]:
            owners[cols[4]].append(cols[0])
    shared = {q: labels for q, labels in owners.items() if len(labels) > 1}
    assert not shared, f"one Wikidata item on several rows: {shared}"


def test_no_surface_form_on_two_rows(entity_rows) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for _, cols in entity_rows:
        for form in [cols[0], *split(cols[2])]:
            owners[norm(form)].add(cols[0])
    clashes = {form: sorted(labels) for form, labels in owners.items() if len(labels) > 1}
    assert not clashes, f"normalised label/alias claimed by several rows: {clashes}"


def test_labels_are_unique(entity_rows) -> None:
    seen: dict[str, int] = {}
    dups = []
    for n, cols in entity_rows:
        key = norm(cols[0])
        if key in seen:
            dups.append((seen[key], n, cols[0]))
        seen[key] = n
    assert not dups, f"duplicate labels (first line, line, label): {dups}"


def test_riyadh_newspaper_not_under_bare_city_name(entity_rows) -> None:
    by_form = {}
    for _, cols in entity_rows:
        for form in [cols[0], *split(cols[2])]:
            by_form[norm(form)] = cols
    assert by_form[norm("الرياض")][1] == "City"
    assert by_form[norm("صحيفة الرياض")][1] == "Organization"


def read_stoplist() -> list[str]:
    header, rows = read_tsv(AMBIGUOUS)
    assert header[0] == "word"
    return [cols[0].strip() for _, cols in rows]


def test_stoplist_is_readable() -> None:
    words = read_stoplist()
    assert len(words) >= 20
    assert len({norm(w) for w in words}) == len(words), "duplicate words in the stoplist"


def test_no_alias_or_label_is_a_common_word(entity_rows) -> None:
    stop = {norm(w) for w in read_stoplist()}
    bad = [
        (n, cols[0], form)
        for n, cols in entity_rows
        for form in [cols[0], *split(cols[2])]
        if norm(form) in stop
    ]
    assert not bad, f"ambiguous common words used as names (line, label, form): {bad}"


def test_nisba_header_and_rows() -> None:
    header, rows = read_tsv(NISBA)
    assert header == NISBA_HEADER
    bad = [n for n, cols in rows if len(cols) != 2 or not all(c.strip() for c in cols)]
    assert not bad, f"malformed nisba rows on lines {bad}"


def test_nisba_targets_exist_and_are_places(entity_rows) -> None:
    classes = {cols[0]: cols[1] for _, cols in entity_rows}
    _, rows = read_tsv(NISBA)
    missing = [(n, cols[1]) for n, cols in rows if cols[1] not in classes]
    assert not missing, f"nisba rows naming no label in entities.tsv: {missing}"
    not_place = [(n, cols[1]) for n, cols in rows if classes[cols[1]] not in PLACE_CLASSES]
    assert not not_place, f"nisba rows naming a non-place row: {not_place}"


def test_nisba_adjectives_unique_and_bare() -> None:
    _, rows = read_tsv(NISBA)
    seen: dict[str, int] = {}
    dups = []
    for n, cols in rows:
        key = norm(cols[0])
        if key in seen:
            dups.append((seen[key], n, cols[0]))
        seen[key] = n
    assert not dups, f"duplicate nisba adjectives: {dups}"
    with_al = [(n, cols[0]) for n, cols in rows if cols[0].startswith("ال")]
    assert not with_al, f"nisba adjectives must be given without ال: {with_al}"
