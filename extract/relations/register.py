"""What the readers add to the document: a relation between two entities (:func:`_add`), and
an entity of their own with its mention (:func:`_new_entity`), read from a name in quotes or
brackets (:func:`_quoted`)."""

from __future__ import annotations

from rasd.extract.doc import Doc, SentView
from rasd.extract.records import EntityInfo, Relation
from rasd.extract.text import QUOTE_PAIRS, match_key


def _add(doc: Doc, view: SentView, s: str, pred: str, o: str, layer: str) -> None:
    if s != o:
        doc.relations.append(
            Relation(s, pred, o, view.sentence.start, view.sentence.end, view.index, layer)
        )


_NAME_WORDS = 6  # words of a quoted account or site name


def _quoted(view: SentView, k: int) -> tuple[int, int] | None:
    """Token range ``(first, end)`` of a name in quotes or parentheses opening at token ``k``
    («أعماق»، ( جنون الاستشهاد)), at most six words."""
    toks = view.tokens
    closing = {**QUOTE_PAIRS, "(": ")"}
    if k >= len(toks) or toks[k].text not in closing:
        return None
    if _closes(toks, k):
        return None  # «الموقع" ، مؤكداً أن "…»: the quote closes the one before
    close = closing[toks[k].text]
    for j in range(k + 1, min(len(toks), k + 2 + _NAME_WORDS)):
        if toks[j].text == close:
            return (k + 1, j) if j > k + 1 and toks[k + 1].word else None
    return None


def _closes(toks: list, k: int) -> bool:
    """Whether the straight quote at token ``k`` closes a quotation: glued to the word
    before it and to no word after it (:func:`extract.text.closing_straight_quote`)."""
    if toks[k].text != '"' or k == 0 or not toks[k - 1].word or toks[k - 1].end != toks[k].start:
        return False
    return k + 1 >= len(toks) or toks[k + 1].start != toks[k].end or not toks[k + 1].word


def _new_entity(
    doc: Doc, start: int, end: int, label: str, cls: str, layer: str, inner_ok: bool = False
) -> str | None:
    """Register an entity of class ``cls`` named ``label`` with a mention over ``[start,
    end)``; ``None`` when the span is taken (unless ``inner_ok``: a name holding a shorter
    one, «الرقة تذبح بصمت», is registered without a mention) or the name is known as another
    class."""
    key = match_key(label)
    if not key or (doc.overlaps(start, end) and not inner_ok):
        return None
    info = doc.add_entity(EntityInfo(key, cls, label, source="pattern"))  # type: ignore[arg-type]
    if info.cls != cls:
        return None
    doc.add_mention(start, end, key, cls, layer)
    return key
