"""Named events (:func:`find_events`): a head noun of ``event_heads.tsv`` (مؤتمر، قمة) with
its name, place and date."""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, bare_forms, word_test
from rasd.extract.records import PLACE_CLASSES, EntityInfo, EventRecord
from rasd.extract.relations.clauses import preceding_word
from rasd.extract.resources import EventHead, load_table
from rasd.extract.text import fold, match_key


@functools.cache
def event_heads() -> frozenset[str]:
    return frozenset(fold(r.head) for r in load_table("event_heads.tsv", EventHead))


def _event_head_word(word: str) -> bool:
    """Whether one of a word's :func:`bare_forms` is an :func:`event_heads` noun (a
    :func:`word_test`: memoised with the others)."""
    return not event_heads().isdisjoint(bare_forms(word))


_EVENT_HEAD = word_test(_event_head_word)


def find_events(doc: Doc) -> None:
    """Named events (``المؤتمر الدولي للسلام والأمن بالعراق في باريس بتاريخ 15 أيلول 2014``)
    with their place and date; an event with neither is too vague and is skipped."""
    text = doc.article.text
    for view in doc.views:
        toks = view.tokens
        for i in view.words_passing(_EVENT_HEAD):  # most words: no event head
            tok = toks[i]
            f = fold(tok.text)
            if "ال" not in f[:4]:
                continue
            k = i + 1
            while k < len(toks) and k - i < 6 and toks[k].word:
                kf = fold(toks[k].text)
                if kf in ("في", "بتاريخ", "يوم", "الذي", "التي", "والذي") or doc.dates_overlapping(
                    toks[k].start, toks[k].start + 1
                ):
                    break
                k += 1
            start = tok.start + f.index("ال")
            end = toks[k - 1].end
            places = [
                m
                for m in doc.mentions_in(end, view.sentence.end)
                if m.cls in PLACE_CLASSES and preceding_word(text, m.start) in ("في", "ب", "وفي")
            ]
            inside = [m for m in doc.mentions_in(start, end) if m.cls in PLACE_CLASSES]
            place = places[0].key if places else (inside[-1].key if inside else None)
            dates = doc.dates_starting_in(end, view.sentence.end)
            date = dates[0] if dates else None
            if place is None and date is None:
                continue
            label = text[start:end]
            key = match_key(
                " ".join(x for x in (label, place or "", date.value if date else "") if x)
            )
            doc.add_entity(EntityInfo(key, "Event", label, source="pattern"))
            doc.events.append(EventRecord(key, label, start, end, view.index, place, date))
