"""perf20: the fast paths give what the slower code they stand for gave."""

from __future__ import annotations

from rasd.export.html.store import _term, _token_value
from rasd.extract import patterns, text
from rasd.extract.doc import bare_forms


def test_token_value_equals_term_value() -> None:
    """A literal without a backslash is cut out of its quotes; everything else is read by
    :func:`_term`, as before."""
    tokens = [
        '"قال"@ar',
        '""',
        '"a b"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"x\\"y"@ar',
        '"tab\\there"',
        '"\\u0041"',
        '"ends with a quote \\""',
        '"two "" quotes"',
        "12",
        "true",
        '"',
    ]
    for tok in tokens:
        term = _term(tok)
        assert _token_value(tok) == ("" if term is None else term.value), tok


def _old_tokenize(s: str, start: int = 0, end: int | None = None) -> list[text.Token]:
    """The tokeniser before perf20 (``m.group`` for the text, ``m.group(1)`` for a word)."""
    end = len(s) if end is None else end
    return [
        text.Token(m.start(), m.end(), m.group(), m.group(1) is not None)
        for m in text._TOKEN_RE.finditer(s, start, end)
    ]


def test_tokenize_span_equals_groups() -> None:
    """Every code point between two letters, and mixed text, tokenise as before."""
    step = 7  # every seventh code point: ~16,000 strings
    for cp in range(0, 0x30000, step):
        if 0xD800 <= cp < 0xE000:
            continue
        s = f"a{chr(cp)}b"
        assert text.tokenize(s) == _old_tokenize(s), hex(cp)
    mixed = "قال: «داعش» (ISIS) 12.5% — و@handle\u200cهنا\t\n١٢٣ ؟!"
    assert text.tokenize(mixed) == _old_tokenize(mixed)
    assert text.tokenize(mixed, 3, 20) == _old_tokenize(mixed, 3, 20)


def test_fold_tokens_equals_fold() -> None:
    toks = text.tokenize("وقال الرئيسُ: «الإمارات» و" + "ا" * 60)
    assert text.fold_tokens(toks) == [text.fold(t.text) for t in toks]


def test_word_prechecks_equal_their_sets() -> None:
    """The memoised prechecks answer what the set tests they replace answered."""
    for w in ("وقال", "الرئيس", "أكد", "كتاب", "ولم", "وزير", "الشيخ", "و", "قالت"):
        assert patterns._may_start_title(w) == (
            not patterns.title_first_words().isdisjoint(bare_forms(w))
        )
        f = text.fold(w)
        assert patterns._may_start_cue(f) == (
            not patterns._cue_words().isdisjoint(patterns._cue_forms_of_folded(f))
        )
