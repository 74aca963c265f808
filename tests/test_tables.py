"""The one table loader (extract/resources.py:load_table): every data file goes through it, and
a bad file is one named error with file and line."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.extract.errors import DataError
from rasd.extract.ner.crf import DEFAULT_MODEL_DIR, GAZETTEER_FILE, load_gazetteer
from rasd.extract.ner.nn_runtime import load_lexicon
from rasd.extract.resources import (
    DATA_DIR,
    TABLES,
    Boilerplate,
    LexiconEntry,
    Month,
    NerGazetteerRow,
    NerLexiconRow,
    TableError,
    load_table,
)


class Pair(NamedTuple):
    word: str
    count: int


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_data_file_has_a_row_type_and_loads() -> None:
    assert set(TABLES) == {p.name for p in DATA_DIR.glob("*.tsv")}
    for name, row_type in TABLES.items():
        rows = load_table(name, row_type)
        assert rows and all(isinstance(r, row_type) for r in rows), name


def test_the_model_name_lists_load_through_it() -> None:
    rows = load_table(DEFAULT_MODEL_DIR / GAZETTEER_FILE, NerGazetteerRow, comments=False)
    assert all(isinstance(r.count, int) for r in rows)
    assert len(load_gazetteer(DEFAULT_MODEL_DIR / GAZETTEER_FILE)) == len(
        {tuple(r.name.split(" ")) for r in rows}
    )
    lex = load_table(DEFAULT_MODEL_DIR / "ner_lexicon.tsv", NerLexiconRow, comments=False)
    assert len(load_lexicon(DEFAULT_MODEL_DIR / "ner_lexicon.tsv")) == len(
        {tuple(r.name.split(" ")) for r in lex if r.name}
    )


def test_typed_fields_and_comments() -> None:
    (first, *_rest) = load_table("months.tsv", Month)
    assert (first.name, first.month) == ("يناير", 1)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "the header must be word<TAB>count"),
        ("word\tcounts\nقال\t3\n", 1, "the header must be word<TAB>count"),
        ("word\tcount\nقال\t3\nأكد\n", 3, "1 fields, expected 2"),
        ("word\tcount\nقال\t3\t\n", 2, "3 fields, expected 2"),
        ("word\tcount\n# تعليق\n\nقال\tثلاثة\n", 4, "count 'ثلاثة' is not an integer"),
    ],
)
def test_a_bad_table_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TableError) as err:
        load_table(path, Pair)
    assert str(err.value).startswith(f"{path}:{line}: {reason}")
    assert isinstance(err.value, DataError)


def test_an_unknown_class_in_the_lexicon_is_a_named_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "label\tclass\taliases\tlatin\twikidata\nداعش\tOrganization\t\tISIS\t\n"
        "تويتر\tPlatfrom\t\t\t\n",
    )
    with pytest.raises(TableError, match=r"t.tsv:3: unknown class 'Platfrom'"):
        load_table(path, LexiconEntry)


def test_a_bad_boilerplate_pattern_is_a_named_error(tmp_path: Path) -> None:
    path = write(tmp_path, "action\tpattern\tnote\ndrop_line\t^شارك(\tunclosed group\n")
    with pytest.raises(TableError, match=r"t.tsv:2: pattern .* is not a regular expression"):
        load_table(path, Boilerplate)


def test_a_line_separator_inside_a_cell_stays_in_its_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "word\tcount\nداعش\u2028تنظيم\t3\n")
    assert load_table(path, Pair) == (Pair("داعش\u2028تنظيم", 3),)


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_table(tmp_path / "nothing.tsv", Pair)


_cell = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    )
)


@given(st.lists(st.tuples(_cell, st.integers(-(10**9), 10**9))))
def test_rows_read_back_as_written(rows: list[tuple[str, int]]) -> None:
    import tempfile

    rows = [(w, n) for w, n in rows if w.strip() and not w.startswith("#")]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.tsv"
        text = "word\tcount\n" + "".join(f"{w}\t{n}\n" for w, n in rows)
        path.write_text(text, encoding="utf-8")
        assert load_table(path, Pair) == tuple(Pair(w, n) for w, n in rows)
