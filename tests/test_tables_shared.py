"""Word sets that two modules read from one table keep each reader's exact words."""

from __future__ import annotations

from rasd.extract.claims import _is_complementiser
from rasd.extract.facilities import _kin_words
from rasd.extract.relations import relation_words
from rasd.extract.text import fold


def test_claims_complementisers_are_the_speech_words_of_relation_words() -> None:
    for w in ("أن", "إن", "بأن", "بأنه", "بأنها", "بأنهم", "أنه", "أنها", "أنهم", "إنه", "إنها"):
        assert _is_complementiser(w), w
    for w in ("لأن", "قال"):
        assert not _is_complementiser(w), w


def test_relations_clause_complementizers_keep_their_words() -> None:
    words = relation_words("complementizer") | relation_words("clause_complementizer")
    expected = [
        "أن",
        "إن",
        "بأن",
        "لأن",
        "أنه",
        "أنها",
        "أنهم",
        "إنه",
        "إنها",
        "إنهم",
        "بأنه",
        "بأنها",
    ]
    assert words == frozenset(fold(w) for w in expected)


def test_facilities_kin_words_are_the_son_and_father_rows_of_name_connectors() -> None:
    assert _kin_words("son") == frozenset(fold(w) for w in ["بن", "ابن", "بنت"])
    assert _kin_words("father") == frozenset(fold(w) for w in ["أبو", "أبي", "أبا"])


def test_state_noun_loaders_live_with_the_lexicon() -> None:
    from rasd.extract import lexicon, pipeline

    assert pipeline.state_nouns is lexicon.state_nouns
    assert pipeline.publisher_countries is lexicon.publisher_countries
    assert "المملكه" in lexicon.state_nouns()


def test_title_gap_stops_are_the_breaks_less_ascii_semicolon_with_quotes() -> None:
    from rasd.extract.relations import _BREAKS, _TITLE_GAP_STOPS

    stops, breaks = _TITLE_GAP_STOPS, _BREAKS
    assert stops == frozenset('.،,؛:«»"()')
    assert breaks - stops == {";"}
