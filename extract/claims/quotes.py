"""Quotation marks: the quotations in a span (:func:`find_quotes`), the mark closing a
quotation or a quoted name, and whether a quotation opened earlier is still open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rasd.extract.doc import SentView
from rasd.extract.text import QUOTE_PAIRS

_PAIRS = {"«": "»", "“": "”", '"': '"', "’": "’", "‘": "’", "”": "”", "„": "“"}
_OPENING_MARKS = re.compile("[" + re.escape("".join(_PAIRS)) + "]")


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Quotations in ``text[start:end]``: ``(open_mark, content_start, content_end, close_end)``.

    An unclosed quotation runs to the end of the span.

    >>> find_quotes('قال: «نعم» و"لا', 0, 15)
    [(5, 6, 9, 10), (12, 13, 15, 15)]
    """
    out = []
    i = start
    while i < end:
        m = _OPENING_MARKS.search(text, i, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        close = _PAIRS[ch]
        j = text.find(close, i + 1, end)
        if close == ch:
            # a straight/curly mark used both ways: a mark preceded by a space and followed by
            # a letter opens a new quotation, so the one open before it was never closed
            while j >= 0 and text[j - 1].isspace() and j + 1 < end and not text[j + 1].isspace():
                out.append((i, i + 1, j, j))
                i, j = j, text.find(close, j + 1, end)
        if j < 0:
            out.append((i, i + 1, end, end))
            break
        out.append((i, i + 1, j, j + 1))
        i = j + 1
    return out


_QUOTE_OPEN = frozenset(QUOTE_PAIRS)


def _closing(view: SentView, j: int, limit: int = 8) -> int | None:
    """Index of the mark closing the quotation opened at token ``j`` (within ``limit``)."""
    close = _PAIRS.get(view.tokens[j].text)
    for k in range(j + 1, min(len(view.tokens), j + 2 + limit)):
        if view.tokens[k].text == close or (close == "»" and view.tokens[k].text == '"'):
            return k
    return None


def _quoted_phrase_end(view: SentView, k: int) -> int | None:
    """The closing mark of a quoted name opened at token ``k``, also when «»» opens it as
    well as closing it (``مؤتمر»مكافحة التطرف»``), within :data:`_QUOTED_NAME_WORDS`."""
    mark = view.tokens[k].text
    if mark in _PAIRS:
        return _closing(view, k, limit=_QUOTED_NAME_WORDS)
    if mark != "»":
        return None
    stop = min(len(view.tokens), k + 2 + _QUOTED_NAME_WORDS)
    return next((n for n in range(k + 1, stop) if view.tokens[n].text == "»"), None)


#: how many words a quoted name (a conference's, a campaign's) may hold
_QUOTED_NAME_WORDS = 12


def _quoting_paragraph(text: str, pos: int) -> bool:
    """Whether a quotation «…» or “…” opened earlier in the paragraph is still open at
    ``pos`` (a quoted speech over several sentences: «نحمد الله … سائلا الله أن …»)."""
    part = text[text.rfind("\n", 0, pos) + 1 : pos]
    return _quote_depth(part) > 0


def _quote_depth(marks: Iterable[str]) -> int:
    """How many quotations «…» or “…” are still open after ``marks`` (characters or tokens; a
    closing mark with none open is ignored): shared by :func:`_quoting_paragraph` (a
    paragraph's text) and :func:`_in_open_quote` (a sentence's tokens)."""
    depth = 0
    for mark in marks:
        if mark in ("«", "“"):
            depth += 1
        elif mark in ("»", "”"):
            depth = max(0, depth - 1)
    return depth


def _in_open_quote(view: SentView, start: int, end: int) -> bool:
    """Whether a quotation «…» or “…” opened between tokens ``start`` and ``end`` is still
    open at ``end`` and closes later in the sentence (unbalanced marks say nothing)."""
    depth = _quote_depth(t.text for t in view.tokens[start:end])
    if depth == 0:
        return False
    for t in view.tokens[end:]:
        if t.text in "«“":
            depth += 1
        elif t.text in "»”":
            depth -= 1
            if depth == 0:
                return True
    return False
