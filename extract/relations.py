"""Typed relations between actors, platforms and places, and named events.

Cue words are data (``relation_cues.tsv``, ``event_heads.tsv``, ``place_nouns.tsv``).

- ``actor-platform``: استخدم تنظيم داعش … تويتر، الفيسبوك → داعش usesPlatform تويتر, فيسبوك;
  يستقطب … عبر الإنترنت → usesPlatform الإنترنت.
- ``actor-implied``: تغريدة للرئيس الأمريكي ترامب → ترامب usesPlatform تويتر.
- ``platform-actor``: ألغت شركة تويتر … الحسابات المرتبطة بتنظيم داعش → تويتر actedAgainst داعش.
- ``account-on``: على حسابها على موقع تويتر → hasAccountOn (and publishesOn after نشر/كتب).
- ``place-before``: الواقع تحت سيطرة تنظيم داعش، سقطت بأيدي التنظيم → controls / seized.
- ``actor-place-from``: طُرد التنظيم من مدينة تل أبيض → lostControlOf.
- ``actor-place``: خسر داعش الرقة … والموصل … والحويجة → lostControlOf each;
  استعادة الجيش السوري السيطرة على مدينة دير الزور → regainedControlOf; a pronoun object
  (استولت عليها القوات الكردية) is the place named before the verb, and «… من تنظيم داعش»
  after a seizure makes the loser lostControlOf the place.
"""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.lexicon import alias_index
from rasd.extract.patterns import org_heads, place_nouns
from rasd.extract.records import PLACE_CLASSES, EntityInfo, EventRecord, Mention, Relation
from rasd.extract.resources import EventHead, RelationCue, load_table
from rasd.extract.text import fold, is_word, match_key

_ACTORS = ("Organization", "Person", "UnnamedSource")


@functools.cache
def relation_cues() -> dict[str, tuple[str, str, str, bool]]:
    """Folded cue → (predicate, pattern, implied platform, subject may stand before it)."""
    rows = load_table("relation_cues.tsv", RelationCue)
    return {fold(r.cue): (r.predicate, r.pattern, r.implies, r.subject == "either") for r in rows}


@functools.cache
def event_heads() -> frozenset[str]:
    return frozenset(fold(r.head) for r in load_table("event_heads.tsv", EventHead))


def preceding_word(text: str, pos: int) -> str:
    """The folded word (or attached proclitics) right before ``pos``.

    >>> preceding_word("مؤتمر في باريس", 9), preceding_word("بالعراق", 1)
    ('في', 'ب')
    """
    i = pos
    if i > 0 and not text[i - 1].isspace():
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        return fold(text[i:pos])
    words = text[max(0, pos - 40) : pos].split()
    return fold(words[-1]) if words else ""


def _cue_at(view: SentView, i: int) -> tuple[str, str, str, bool] | None:
    table = relation_cues()
    if not is_word(view.tokens[i]):
        return None
    word = view.tokens[i].text
    forms = bare_forms(word)
    if len(word) == 3 and word[0] in "وف":
        forms |= bare_forms(word[1:])  # "وبث": bare_forms keeps و on three letters
    for f in sorted(forms, key=len, reverse=True):
        if f in table:
            return table[f]
    return None


def _sentence_mentions(doc: Doc, view: SentView) -> list[Mention]:
    return doc.mentions_in(view.sentence.start, view.sentence.end)


_BEFORE_WINDOW = 8  # words


def _actor_near(
    doc: Doc, view: SentView, i: int, classes: tuple[str, ...], before_ok: bool = True
) -> Mention | None:
    """The subject of a cue: a mention right after it (within 3 words), else the nearest one
    at most eight words before it."""
    toks = view.tokens
    mentions = _sentence_mentions(doc, view)
    limit = toks[min(i + 4, len(toks) - 1)].end
    after = [m for m in mentions if toks[i].end <= m.start < limit and m.cls in classes]
    if after:
        return after[0]
    if not before_ok:
        return None
    floor = toks[max(0, i - _BEFORE_WINDOW)].start
    before = [
        m for m in mentions if floor <= m.start and m.end <= toks[i].start and m.cls in classes
    ]
    return before[-1] if before else None


def _add(doc: Doc, view: SentView, s: str, pred: str, o: str, layer: str) -> None:
    if s != o:
        doc.relations.append(
            Relation(s, pred, o, view.sentence.start, view.sentence.end, view.index, layer)
        )


def _places_after(doc: Doc, view: SentView, pos: int, anchors: set[int]) -> list[Mention]:
    """Places that are objects of a control verb: right after the verb/actor, after "،",
    "و", "على" or a place noun (مدينة، منطقة); not those after "في" (merely located)."""
    text = doc.article.text
    out = []
    toks = view.tokens
    last_ok = False
    for m in _sentence_mentions(doc, view):
        if m.start < pos or m.cls not in PLACE_CLASSES:
            continue
        if m.start > 0 and text[m.start - 1] in "وف":
            ok = last_ok  # "في سورية والعراق": a coordinated place shares its neighbour's role
        else:
            prev = [t for t in toks if t.end <= m.start]
            p = prev[-1] if prev else None
            pf = fold(p.text) if p else ""
            ok = p is not None and (
                p.start in anchors or p.text in "،," or pf == "علي" or pf in place_nouns()
            )
        if ok:
            out.append(m)
        last_ok = ok
    return out


_PUBLISH = frozenset(("publishesOn",))


def _account_on(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """``على حسابها على موقع تويتر``، ``قناة التنظيم على تليجرام``: the actor (after the noun,
    or the subject before it) has an account on the platform named within five words after
    it; with a publishing verb before the noun (نشر، كتب، غرد) it also published there."""
    toks = view.tokens
    limit = toks[min(i + 6, len(toks) - 1)].end
    platforms = [
        m
        for m in _sentence_mentions(doc, view)
        if m.cls == "Platform" and toks[i].end <= m.start < limit
    ]
    if not platforms:
        return
    actor = _actor_near(doc, view, i, _ACTORS)
    if actor is None or actor.start > platforms[0].start:
        return
    published = any(
        (hit := _cue_at(view, k)) is not None and hit[0] in _PUBLISH
        for k in range(max(0, i - _BEFORE_WINDOW), i)
    )
    for m in platforms[:1]:
        _add(doc, view, actor.key, pred, m.key, "relation-cues")
        if published:
            _add(doc, view, actor.key, "publishesOn", m.key, "relation-cues")


#: "its members/fighters/forces": the actor is the organisation the pronoun refers to
_MEMBERS_OF_IT = frozenset(
    fold(w) for w in ("عناصره", "مقاتليه", "مسلحيه", "قواته", "عناصرها", "مقاتليها", "قواتها")
)


def _place_before(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """``الواقع تحت سيطرة تنظيم داعش``، ``الخاضع لسيطرة المعارضة``، ``سقطت بأيدي التنظيم``:
    the place stands before the cue, the actor right after it."""
    toks = view.tokens
    prev = [fold(t.text) for t in toks[max(0, i - 4) : i]]
    f = fold(toks[i].text)
    if pred == "controls" and not (prev[-1:] == ["تحت"] or f.startswith("لسيطر")):
        return  # "مناطق سيطرة النظام" names no place; "سيطرة" alone is no relation
    if pred == "seized" and not any(w.startswith(("سقط", "وسقط")) for w in prev):
        return  # "قتل على يد التنظيم" is no seizure
    actor = _actor_near(doc, view, i, ("Organization",), before_ok=False)
    if actor is None and i + 1 < len(toks) and fold(toks[i + 1].text) in _MEMBERS_OF_IT:
        # "سقطت بأيدي عناصره": its members, the organisation named last before
        orgs = [m for m in doc.mentions_in(0, toks[i].start) if m.cls == "Organization"]
        actor = orgs[-1] if orgs else None
    floor = toks[max(0, i - _BEFORE_WINDOW)].start
    places = [
        m
        for m in _sentence_mentions(doc, view)
        if m.cls in PLACE_CLASSES and floor <= m.start and m.end <= toks[i].start
    ]
    if actor is not None and places:
        _add(doc, view, actor.key, pred, places[-1].key, "relation-cues")


_TAKEN = frozenset(("seized", "regainedControlOf"))
#: object pronouns after a control verb: "استولت عليها القوات الكردية" (it: the place)
_PLACE_PRONOUNS = frozenset(fold(w) for w in ("عليها", "عليه", "استعادتها", "استعادته"))


def _pronoun_place(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The place a pronoun object right after a control verb stands for: the last place
    named before the verb in its sentence (or, failing that, in the sentence before)."""
    toks = view.tokens
    if i + 1 >= len(toks) or fold(toks[i + 1].text) not in _PLACE_PRONOUNS:
        return []
    for lo in (view.sentence.start, doc.views[view.index - 1].sentence.start if view.index else 0):
        before = [m for m in doc.mentions_in(lo, toks[i].start) if m.cls in PLACE_CLASSES]
        if before:
            return before[-1:]
    return []


def _taken_from(doc: Doc, view: SentView, actor: Mention, place: Mention) -> Mention | None:
    """The organisation a place was taken from: "من" + an organisation after the actor."""
    text = doc.article.text
    after = max(actor.end, place.end)
    for m in doc.mentions_in(after, view.sentence.end):
        if m.cls == "Organization" and m.key != actor.key:
            between = [fold(w) for w in text[after : m.start].split()]
            if between and between[-1] in org_heads():
                between.pop()  # "من تنظيم داعش"
            return m if between and between[-1] == "من" else None
    return None


def find_relations(doc: Doc) -> None:
    """Actor–platform and actor–place relations from cue words in each sentence."""
    platforms_by_key = {e.key for e in doc.entities.values() if e.cls == "Platform"}
    for view in doc.views:
        toks = view.tokens
        for i in range(len(toks)):
            hit = _cue_at(view, i)
            if hit is None:
                continue
            pred, pattern, implies, before_ok = hit
            mentions = _sentence_mentions(doc, view)
            if pattern == "actor-platform":
                via = fold(toks[i].text) in ("عبر", "خلال", "طريق")  # عبر، من خلال، عن طريق
                classes = ("Organization",) if via else _ACTORS
                actor = _actor_near(doc, view, i, classes, before_ok)
                if actor is None:
                    continue
                for m in mentions:
                    if m.cls == "Platform" and m.start >= toks[i].start:
                        _add(doc, view, actor.key, pred, m.key, "relation-cues")
            elif pattern == "actor-implied":
                actor = _actor_near(doc, view, i, ("Person", "Organization"), before_ok)
                platform = alias_index().get(match_key(implies))
                if actor is not None and platform:
                    if platform not in platforms_by_key:
                        from rasd.extract.lexicon import lexicon_index

                        info = lexicon_index().get(platform)
                        if info is not None:
                            doc.add_entity(info)
                            platforms_by_key.add(platform)
                    _add(doc, view, actor.key, pred, platform, "relation-cues")
            elif pattern == "platform-actor":
                platform_m = _actor_near(doc, view, i, ("Platform",))
                if platform_m is None:
                    continue
                for m in mentions:
                    if m.cls == "Organization" and m.start > toks[i].end:
                        _add(doc, view, platform_m.key, pred, m.key, "relation-cues")
            elif pattern in ("actor-place", "actor-place-from"):
                actor = _actor_near(doc, view, i, ("Organization",), before_ok)
                if actor is None:
                    continue
                anchors = {toks[i].start}
                anchors |= {t.start for t in toks if actor.start <= t.start < actor.end}
                if pattern == "actor-place-from":  # "طُرد التنظيم من مدينة تل أبيض"
                    anchors |= {
                        toks[k].start
                        for k in range(i + 1, min(len(toks), i + 6))
                        if fold(toks[k].text) == "من"
                    }
                places = _places_after(doc, view, toks[i].start, anchors)
                if not places and pred in _TAKEN:
                    places = _pronoun_place(doc, view, i)
                for m in places:
                    _add(doc, view, actor.key, pred, m.key, "relation-cues")
                    loser = _taken_from(doc, view, actor, m)
                    if loser is not None:  # "… من تنظيم داعش": the side that lost it
                        _add(doc, view, loser.key, "lostControlOf", m.key, "relation-cues")
            elif pattern == "account-on":
                _account_on(doc, view, i, pred)
            elif pattern == "place-before":
                _place_before(doc, view, i, pred)


def find_events(doc: Doc) -> None:
    """Named events (``المؤتمر الدولي للسلام والأمن بالعراق في باريس بتاريخ 15 أيلول 2014``)
    with their place and date; an event with neither is too vague and is skipped."""
    text = doc.article.text
    heads = event_heads()
    for view in doc.views:
        toks = view.tokens
        for i, tok in enumerate(toks):
            if not is_word(tok):
                continue
            f = fold(tok.text)
            stem = next((x for x in bare_forms(tok.text) if x in heads), None)
            if stem is None or "ال" not in f[:4]:
                continue
            k = i + 1
            while k < len(toks) and k - i < 6 and is_word(toks[k]):
                kf = fold(toks[k].text)
                if kf in ("في", "بتاريخ", "يوم", "الذي", "التي", "والذي") or any(
                    d.start <= toks[k].start < d.end for d in doc.dates
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
            dates = [d for d in doc.dates if end <= d.start < view.sentence.end]
            date = dates[0] if dates else None
            if place is None and date is None:
                continue
            label = text[start:end]
            key = match_key(
                " ".join(x for x in (label, place or "", date.value if date else "") if x)
            )
            doc.add_entity(EntityInfo(key, "Event", label, source="pattern"))
            doc.events.append(EventRecord(key, label, start, end, view.index, place, date))
