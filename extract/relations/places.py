"""The places a control cue is about: named places after or before it, areas and the places
they are of, lists and coordinated places, dual names (two places named by one noun), places
referred to by a pronoun (attached or not) or a relative word, and quoted or apposed places."""

from __future__ import annotations

from collections.abc import Iterator

from rasd.extract.doc import Doc, SentView, bare_forms, drop_conjunction, strip_al
from rasd.extract.facilities import facility_heads, town_openers
from rasd.extract.patterns import (
    COMMON_WORD,
    demonstratives,
    frequent_words,
    is_figure,
    is_name_stopword,
    name_connectors,
    place_nouns,
    relation_words,
    relative_pronouns,
)
from rasd.extract.records import PLACE_CLASSES, EntityInfo, Mention
from rasd.extract.relations.clauses import (
    _BEFORE_WINDOW,
    _BREAKS,
    _CLAUSE_BREAKS,
    _COMMAS,
    _HARD_BREAKS,
    _bare_words,
    _is_adjective,
    _sentence_mentions,
    preceding_word,
)
from rasd.extract.relations.cues import (
    _BLOCKER_REACH,
    _another_clause,
    _blocker_at,
    _forms,
    _longest_first,
    _pronoun_attached,
    relation_cues,
)
from rasd.extract.relations.register import _new_entity
from rasd.extract.text import QUOTE_PAIRS, fold, match_key

_LEAD_REACH = 6  # area words, place nouns, adjectives before a place («مساحات واسعة من الأراضي في»)


def _object_lead(doc: Doc, view: SentView, m: Mention, anchors: set[int]) -> bool | None:
    """Whether the words before place ``m`` make it the object of a control verb: an anchor
    (the verb, its actor, «من» after طرد), «،», «على» or a place noun right before it, or
    reached over ``area`` words (على مجمل محافظة، على أراض واسعة في العراق، على مناطق متفرقة
    بمحافظة; a ``direction`` after «من» and an area word: على أجزاء من شمال سورية) and
    place nouns with their adjectives (على العاصمة الليبية طرابلس).  ``None``
    when the area words open with «و» or a ``coordinator`` (وأجزاء كبرى من العراق، وكذلك
    أجزاء أخرى من سوريا): the place shares the role of the place before it."""
    toks = view.tokens
    prev = [k for k, t in enumerate(toks) if t.end <= m.start]
    proclitic = m.start > 0 and not doc.article.text[m.start - 1].isspace()  # "بمحافظة"
    seen_area = False
    area = relation_words("area")
    steps = -1
    for k in reversed(prev):
        t, f = toks[k], view.folded[k]
        if not is_figure(f):  # "أكثر من 50 % من أحياء": a figure is no step of the reach
            steps += 1
        if steps > _LEAD_REACH:
            return False
        if t.start in anchors or f == "علي" or (t.text in _COMMAS and not proclitic and not steps):
            return not proclitic or seen_area
        if seen_area and (f in relation_words("coordinator") or (f[:1] == "و" and f[1:] in area)):
            return None
        if _area_word(f):
            seen_area = True
        elif f in relation_words("area_of") and _area_before_of(view, k):
            pass  # "جزء من"، "أراض واسعة في"، "الأحياء الغربية من حلب"
        elif (
            f in relation_words("direction")
            and k > 1
            and view.folded[k - 1] == "من"
            and view.folded[k - 2] in area
        ):
            pass  # "أجزاء واسعة من شمال سورية": a part of the place
        elif f in relation_words("direction") and k > 0 and _area_word(view.folded[k - 1]):
            pass  # "قطاع من الأراضي شمالي حلب"، "مناطق شرق حلب": a part of the place
        elif f in relation_words("direction") and k > 0 and view.folded[k - 1] == "علي":
            pass  # "على شمال العراق": a part of the place, the object
        elif (
            strip_al(f) in place_nouns()
            or f in place_nouns()
            or (f[:1] in "وفب" and strip_al(f[1:]) in place_nouns())  # "بمحافظة" + the place
            or _dual_place_noun(f)  # "على منطقتي الرمادي والفلوجة"
            or _is_adjective(f)
        ):
            pass
        else:
            return False
    return False


def _dual_place_noun(f: str) -> bool:
    """Whether folded word ``f`` is the dual of a feminine place noun of ``place_nouns.tsv``
    in the construct state, bare or after ب/و (منطقتي، بلدتي، مدينتي، بمحافظتي): two places
    joined by «و» follow it (على منطقتي الرمادي والفلوجة)."""
    for w in (f, f[1:] if f[:1] in "وب" else ""):
        if len(w) > 4 and w.endswith("تي") and w[:-2] + "ه" in place_nouns():
            return True
    return False


def _area_word(f: str) -> bool:
    """Whether folded word ``f`` is an ``area`` word of ``relation_words.tsv`` (مناطق، أحياء),
    bare or definite (المناطق، الأحياء), or a figure of a share (:func:`patterns.is_figure`:
    «على 60 % من أحياء»); not «من»/«في», area words only after another."""
    area = relation_words("area")
    return f not in relation_words("area_of") and (f in area or strip_al(f) in area or is_figure(f))


_AREA_ADJECTIVES = 2  # adjectives between an area word and «من/في» (الأحياء الغربية من)


def _area_before_of(view: SentView, k: int) -> bool:
    """Whether «من/في» at token ``k`` follows an area word, over at most two adjectives or
    direction words: «جزء من»، «أراض واسعة في»، «الأحياء الغربية من حلب»."""
    for j in range(k - 1, max(-1, k - 2 - _AREA_ADJECTIVES), -1):
        f = view.folded[j]
        if _area_word(f):
            return True
        if not (_is_adjective(f) or strip_al(f) in relation_words("direction")):
            return False
    return False


def _places_after(doc: Doc, view: SentView, pos: int, anchors: set[int]) -> list[Mention]:
    """Places that are objects of a control verb (:func:`_object_lead`), and places
    coordinated with them (في سورية والعراق); not those after "في" (merely located), nor
    those after «و» and an actor that follows a place (a gapped clause of its own)."""
    text = doc.article.text
    out = []
    last_ok = seen = False
    for m in _sentence_mentions(doc, view):
        if m.start < pos:
            continue
        if seen and m.cls in ("Organization", "Person") and preceding_word(text, m.start) == "و":
            break  # «… من حلب وداعش على الأحياء الشرقية من الرقة»: a gapped clause, its own actor
        if m.cls not in PLACE_CLASSES:
            continue
        first, seen = not seen, True
        if m.start > 0 and text[m.start - 1] in "وف":
            ok = last_ok  # "في سورية والعراق": a coordinated place shares its neighbour's role
            if first and not ok:  # "على الفندق البلدي ومحطة النقل المجاورة له وفندق النوران"
                ok = _after_unnamed_objects(view, m, anchors)
        else:
            lead = _object_lead(doc, view, m, anchors)
            ok = last_ok if lead is None else lead
        if ok:
            out.append(m)
        last_ok = ok
    return out


_UNNAMED_OBJECTS = 8  # tokens of unnamed objects between «على» and a place coordinated after them


def _after_unnamed_objects(view: SentView, m: Mention, anchors: set[int]) -> bool:
    """Whether place ``m``, joined by «و», is the last of a control verb's coordinated objects
    whose first ones are no entity: «تمكنت من السيطرة على الفندق البلدي ومحطة النقل المجاورة
    له وفندق النوران».  Between «على» and ``m`` (no other anchor: «بانسحاب الحوثيين من الجنوب
    وتعز» is left alone) only definite words, «و» before
    a definite word or a noun with a definite word after it (ومحطة النقل), and the pronouns of
    ``relation_words.tsv`` role ``object_pronoun`` (له، منه); not a second verb («وتقدمت
    نحو مطار بنينا»)."""
    toks = view.tokens
    prev = [k for k, t in enumerate(toks) if t.end <= m.start]
    if prev and view.folded[prev[-1]] == "و":
        prev.pop()  # "و فندق": the conjunction written apart
    for between, k in enumerate(reversed(prev[-_UNNAMED_OBJECTS - 1 :])):
        t, f = toks[k], view.folded[k]
        if f == "علي":
            return between > 0 and view.folded[k + 1].startswith("ال")
        if t.start in anchors:
            return False  # "بانسحاب الحوثيين من الجنوب وتعز": only after «على» (سيطر على …)
        if t.text in _BREAKS or not f:
            return False
        nxt = view.folded[k + 1] if k + 1 < len(toks) else ""
        if not (
            f.startswith("ال")
            or (f[:1] == "و" and (f[1:].startswith("ال") or nxt.startswith("ال")))
            or f in relation_words("object_pronoun")
        ):
            return False
    return False


#: "its members/fighters/forces": the actor is the organisation the pronoun refers to
_MEMBERS_OF_IT = frozenset(
    fold(w) for w in ("عناصره", "مقاتليه", "مسلحيه", "قواته", "عناصرها", "مقاتليها", "قواتها")
)


def _places_before(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """Places in the eight words before token ``i``, not inside parentheses (مدينة الرقة
    (شمال شرقي سوريا) التي …: the place is الرقة)."""
    toks = view.tokens
    text = doc.article.text
    floor = toks[max(0, i - _BEFORE_WINDOW)].start
    out = []
    for m in _sentence_mentions(doc, view):
        if m.cls in PLACE_CLASSES and floor <= m.start and m.end <= toks[i].start:
            inside = text[view.sentence.start : m.start]
            if inside.count("(") <= inside.count(")"):
                out.append(m)
    return out


_ANAPHOR_REACH = 3  # tokens between «هذه المدينة» and the cue it is the place of


def _anaphoric_place(doc: Doc, view: SentView, i: int) -> list[Mention] | None:
    """The place that «هذه المدينة» (a demonstrative and a definite place noun) or the noun
    alone («والمدينة تحت سيطرة التنظيم», when no mention starts between it and the cue: not
    «المدينة المنورة») in the three tokens before token ``i`` stands for («قصف مماثل على هذه
    المدينة الواقعة تحت سيطرة التنظيم»): the last place named before it in its sentence, or
    else in the sentence before, right after the same noun (مدينة منبج، بمدينة منبج), and for
    the noun alone only when no other place is named after it but after a ``direction`` word
    («مدينة الرمادي غرب بغداد، والمدينة»; not «مدينة الرمادي … الفلوجة، والمدينة»); empty
    when no such phrase stands there or no such place was named; ``None`` when a ``blocker``
    stands in the three tokens before the phrase («ولم تقع هذه المدينة تحت سيطرة …»: no
    control at all)."""
    toks = view.tokens
    text = doc.article.text
    for k in range(i - 1, max(-1, i - 1 - _ANAPHOR_REACH), -1):
        if toks[k].text in _BREAKS:
            return []
        f = drop_conjunction(view.folded[k])  # "والمدينة تحت سيطرة التنظيم"
        if not (f.startswith("ال") and strip_al(f) in place_nouns()):
            continue
        demonstrative = k > 0 and view.folded[k - 1] in demonstratives()
        if not demonstrative and any(
            m.start < toks[i].start and toks[k].start < m.end for m in _sentence_mentions(doc, view)
        ):
            return []  # "المدينة المنورة"، "المدينة القديمة في حلب": a name, not «المدينة» alone
        first = k - 1 if demonstrative else k
        for j in range(first - 1, max(-1, first - 1 - _BLOCKER_REACH), -1):
            if toks[j].text in _BREAKS:
                break
            if _blocker_at(view, j, relation_words("blocker")):
                return None
        noun = strip_al(f)
        for before in _places_back(doc, view, toks[first].start):
            for m in reversed(before):
                if preceding_word(text, m.start) in (noun, f"ب{noun}", f"و{noun}", f"ل{noun}"):
                    if not demonstrative and any(
                        later.start >= m.end
                        and preceding_word(text, later.start) not in relation_words("direction")
                        for later in before
                    ):
                        # "هاجم مدينة الرمادي … إن الفلوجة هادئة والمدينة تحت سيطرة …": the noun
                        # alone stands for the place named last (past a point of reference only:
                        # "مدينة الرمادي غرب بغداد، والمدينة"); else the older path answers
                        return []
                    return [m]
        return []
    return []


def _places_back(doc: Doc, view: SentView, end: int) -> Iterator[list[Mention]]:
    """The places named before offset ``end`` in the sentence of ``view``, then those named
    from the start of the sentence before it (the places an anaphor may stand for)."""
    previous = doc.views[view.index - 1].sentence.start if view.index else 0
    for lo in (view.sentence.start, previous):
        yield [m for m in doc.mentions_in(lo, end) if m.cls in PLACE_CLASSES]


def _places_in_after(doc: Doc, view: SentView, k: int) -> list[Mention]:
    """Places after «في» at token ``k`` and those coordinated with them (تحت سيطرته في محافظة
    الأنبار، يسيطر عليها في سورية والعراق)."""
    toks = view.tokens
    if k >= len(toks) or view.folded[k] != "في":
        return []
    return _places_after(doc, view, toks[k].start, {toks[k].start})


_AREA_REACH = 4  # tokens between an area word (مساحات) and «تحت سيطرة»


def _area_before(view: SentView, i: int) -> int | None:
    """The token of an ``area`` word (مساحات، أجزاء) that stands under the control named at
    token ``i`` («لا تزال مساحات شاسعة تقع تحت سيطرة التنظيم»): in the four tokens before it,
    in its clause, not after «من»/«في» (not an area word only there)."""
    area = relation_words("area") - {"من", "في"}
    for k in range(i - 1, max(-1, i - 1 - _AREA_REACH), -1):
        if view.tokens[k].text in _BREAKS:
            return None
        if _forms(view, k) & area:
            return k
    return None


_AREA_PLACE_REACH = 12  # tokens between a place and the area word «تحت سيطرة» that is part of it


def _place_of_area(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The place an area under the control named at token ``i`` is part of («… من أراضي سنجار
    لاحقا، لكن لا تزال مساحات شاسعة تقع تحت سيطرة التنظيم»): the last place named at most
    twelve tokens before the area word (:func:`_area_before`); none when a relative word
    defines the area («المناطق التي تخضع لسيطرة …»: areas in general)."""
    k = _area_before(view, i)
    if k is None or any(view.folded[j] in relative_pronouns() for j in range(k, i)):
        return []
    toks = view.tokens
    lo = toks[max(0, k - _AREA_PLACE_REACH)].start
    return [m for m in doc.mentions_in(lo, toks[k].start) if m.cls in PLACE_CLASSES][-1:]


_LIST_REACH = 12  # tokens between the actor of «المناطق الخاضعة لسيطرة X» and «أبرزها/مثل»
_LIST_SPAN = 25  # tokens of the list after «أبرزها/مثل»


def _listed_places(doc: Doc, view: SentView, k: int) -> list[Mention]:
    """The places an area noun under control is listed by, after a ``list_opener`` of
    ``relation_words.tsv`` (مثل، منها، أبرزها، «من أبرز هذه المناطق») at most twelve tokens
    after token ``k``: the place right after it (over demonstratives, area words and place
    nouns) and the places that open the list's next items («، وقضاء الفلوجة»: «و» and at most
    one word before them), not those merely located («في سوريا»)."""
    toks = view.tokens
    text = doc.article.text
    openers, area = relation_words("list_opener"), relation_words("area")
    start = next(
        (j for j in range(k, min(len(toks), k + _LIST_REACH)) if _forms(view, j) & openers), None
    )
    if start is None or any(toks[j].text in _HARD_BREAKS for j in range(k, start)):
        return []
    end = toks[min(len(toks) - 1, start + _LIST_SPAN)].end
    mentions = [
        m
        for m in doc.mentions_in(toks[start].end, end)
        if m.cls in PLACE_CLASSES and not text[toks[start].end : m.start].count(".")
    ]
    if not mentions:
        return []
    lead = _bare_words(text[toks[start].end : mentions[0].start])
    skippable = area | place_nouns() | relation_words("demonstrative")
    if len(lead) > 3 or any(strip_al(w) not in skippable and w not in skippable for w in lead):
        return []
    out = [mentions[0]]
    for m in mentions[1:]:
        gap = text[out[-1].end : m.start]
        item = gap.rsplit("،", 1)[-1].split() if "،" in gap else []
        if (len(item) == 1 and item[0].startswith("و")) or (
            "،" in gap and not item and text[m.start - 1 : m.start] == "و"
        ):
            out.append(m)
    return out


def _coordinated(doc: Doc, view: SentView, m: Mention) -> list[Mention]:
    """A mention of the same class joined to ``m`` by «و» right after it (القوات المسلحة
    والشرطة المدنية)."""
    text = doc.article.text
    for n in doc.mentions_in(m.end, view.sentence.end):
        words = text[m.end : n.start].split()
        joined = text[n.start - 1 : n.start] == "و" or words[-1:] == ["و"]
        if words[-1:] == ["و"]:
            words.pop()
        if n.cls == m.cls and joined and len(words) <= 2 and all(w.startswith("ال") for w in words):
            return [n]  # "القوات المسلحة والشرطة المدنية": adjectives may stand between
        return []
    return []


def _quoted_place(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """A place named in quotes after a place noun in the clause after a control verb (استعاد
    جيش الفتح … قرية «المشيك»): a new Place entity when rasd did not know it."""
    toks = view.tokens
    for k in range(i + 1, min(len(toks) - 2, i + 9)):
        if toks[k].text in _CLAUSE_BREAKS:
            return []
        if not bare_forms(toks[k].text) & place_nouns() or toks[k + 1].text not in QUOTE_PAIRS:
            continue
        close = QUOTE_PAIRS[toks[k + 1].text]
        end = next((j for j in range(k + 2, min(len(toks), k + 6)) if toks[j].text == close), None)
        if end is None or end == k + 2:
            return []
        start, stop = toks[k + 2].start, toks[end - 1].end
        if doc.overlaps(start, stop):
            return [m for m in doc.mentions_in(start, stop) if m.cls in PLACE_CLASSES]
        name = doc.article.text[start:stop]
        info = doc.add_entity(EntityInfo(match_key(name), "Place", name, source="pattern"))
        if info.cls not in PLACE_CLASSES:
            return []
        m = doc.add_mention(start, stop, info.key, "Place", "relation-cues")
        return [m] if m is not None else []
    return []


_OBJECT_REACH = 12  # tokens between a control verb and the «على» of its object


def _object_on(view: SentView, i: int) -> int | None:
    """The token right after the «على» of the control verb at token ``i``, over adverbs and
    asides between commas («سيطر "جيش الفتح" في المنطقة الجنوبية، الجمعة، على سد كوكب»);
    none past the end of the sentence or a colon."""
    for k in range(i + 1, min(len(view.tokens) - 1, i + _OBJECT_REACH)):
        if view.tokens[k].text in _HARD_BREAKS:
            return None
        if view.folded[k] == "علي":
            return k + 1
    return None


def _named_object(doc: Doc, view: SentView, k: int) -> list[Mention]:
    """A place rasd did not know, named at token ``k`` by a head noun in the construct state
    (a facility head of ``facility_heads.tsv``, a place noun, or an ``object_head`` of
    ``relation_words.tsv``) and one name word (two after a connector: مطار أبو الظهور), as the
    object of a control verb (سيطر … على سد كوكب) or of «سقوط» (سقوط معبر نصيب … بيد): a new
    Place.  When a known place starts there, a facility or object head makes a Place of what is
    named after it (سد الموصل, جامعة الأنبار: seizing the dam is not seizing the city); after
    a place noun (بلدة كويرس) the known place itself is the object.  Nothing when the
    word after the head is no name (a stopword, an area word: على قرية صغيرة)."""
    toks = view.tokens
    if k + 1 >= len(toks) or not toks[k].word or not toks[k + 1].word:
        return []
    head = view.folded[k]
    if _dual_place_noun(head):
        return _two_named(doc, view, k + 1)
    heads = facility_heads() | place_nouns() | relation_words("object_head")
    if head.startswith("ال") or head not in heads:
        return []
    named = [
        m
        for m in doc.mentions_in(toks[k + 1].start, toks[k + 1].end)
        if m.start == toks[k + 1].start
    ]
    if named and head not in place_nouns() and named[0].cls in PLACE_CLASSES:
        # "تحرير جامعة الأنبار": the facility named after the place, a Place of its own
        start, stop = toks[k].start, named[0].end
        name = doc.article.text[start:stop]
        key = _new_entity(doc, start, stop, name, "Place", "relation-cues", inner_ok=True)
        return (
            [Mention(start, stop, name, "Place", key, "relation-cues", view.index)] if key else []
        )
    if named:  # "على بلدة كويرس" with كويرس a place already: that place
        return [m for m in named if m.cls in PLACE_CLASSES]
    last = k + 1
    if view.folded[last] in name_connectors() and last + 1 < len(toks) and toks[last + 1].word:
        last += 1
    if any(
        _no_name(view.folded[j], head) or is_name_stopword(toks[j].text)
        for j in range(k + 1, last + 1)
    ):
        return []
    start, stop = toks[k].start, toks[last].end
    if doc.overlaps(start, stop):
        return []
    name = doc.article.text[start:stop]
    key = _new_entity(doc, start, stop, name, "Place", "relation-cues")
    return [m for m in doc.mentions_in(start, stop) if m.key == key] if key else []


_DUAL_NAME = 3  # words of each of the two names after a dual place noun (منطقتي)


def _dual_object(doc: Doc, view: SentView, i: int, pred: str) -> list[Mention]:
    """The two places of a dual place noun that is the object of the control cue at token
    ``i``: right after its «على» (سيطر على منطقتي …), or right after a noun or verb of taking
    (استعادة منطقتي …); see :func:`_two_named`."""
    k = _object_on(view, i)
    if k is None and pred in _TAKEN:
        k = i + 1
    if k is None or k + 1 >= len(view.tokens) or not _dual_place_noun(view.folded[k]):
        return []
    return _two_named(doc, view, k + 1)


def _two_named(doc: Doc, view: SentView, k: int) -> list[Mention]:
    """The two places a dual place noun names from token ``k`` on, joined by «و» (منطقتي
    الحامضية والبوعيثة، منطقتي السدة الأولى والسدة الثانية): the first runs up to the word
    with «و» (at most three words), the second at most as long, ending at the first word that
    is no name (:func:`_dual_name_goes_on`: «والبوعيثة غرب المدينة»).  Each is the place rasd
    knows over that span, else a new Place over it (also over a known place that only starts
    it: «الطاش الأول» when NER knows «الطاش»), when its first word may open a name
    (:func:`_dual_name_opens`: not «بلدتي الصغيرة», «نبل وسط», «وكذلك», «وغيرها»).  Nothing
    without the second name or when a word is no name (a stopword, a break); no Place is made
    unless both names hold."""
    toks = view.tokens
    text = doc.article.text
    conj = next(
        (
            j
            for j in range(k + 1, min(len(toks), k + 1 + _DUAL_NAME))
            if toks[j].word and view.folded[j][:1] == "و" and len(view.folded[j]) > 2
        ),
        None,
    )
    if conj is None:
        return []
    end = conj + 1
    while end < min(len(toks), conj + (conj - k)) and _dual_name_goes_on(view, k, conj, end):
        end += 1
    made: list[tuple[int, int, bool] | Mention] = []
    for lo, hi in ((k, conj), (conj, end)):
        start = toks[lo].start + (1 if lo == conj else 0)  # the second after its «و»
        stop = toks[hi - 1].end
        if any(
            not toks[j].word
            or toks[j].text in _BREAKS
            or is_name_stopword(toks[j].text[1:] if j == conj else toks[j].text)
            for j in range(lo, hi)
        ):
            return []
        inside = doc.mentions_in(start, stop)
        same = [m for m in inside if (m.start, m.end) == (start, stop)]
        if same:
            if same[0].cls not in PLACE_CLASSES:
                return []
            made.append(same[0])
            continue
        first = [m for m in inside if m.start == start and m.cls in PLACE_CLASSES]
        if doc.overlaps(start, stop) and (not first or len(inside) > 1):
            return []
        if not first and not _dual_name_opens(view, lo, lo == conj):
            return []  # "على بلدتي الصغيرة وطرد أهلها": «my town», no name
        made.append((start, stop, bool(first)))
    out: list[Mention] = []
    for span in made:
        if isinstance(span, Mention):
            out.append(span)
            continue
        start, stop, inner = span
        name = text[start:stop]
        key = _new_entity(doc, start, stop, name, "Place", "relation-cues", inner_ok=inner)
        if key:
            out.append(Mention(start, stop, name, "Place", key, "relation-cues", view.index))
    return out if len(out) == 2 else []


def _dual_name_opens(view: SentView, j: int, after_wa: bool) -> bool:
    """Whether token ``j`` (after its «و» when ``after_wa``) may open a name rasd does not know
    after a dual place noun: a place noun or town opener (حي الجامعة، تل رفعت), else a word
    with no pronoun on it that is not frequent in SaudiNewsNet (read with and without its «و»
    and its ال: «وسط»، «وكذلك»، «الصغيرة»، «وطرد» are words, «الزهيرات»، «والبوغانم» names)."""
    f = view.folded[j]
    common = frequent_words()
    if after_wa:
        if common.get(f, 0) >= COMMON_WORD:
            return False  # "نبل وسط اشتباكات": one word, not «و» and a name
        f = f[1:]
    if f in place_nouns() or f in town_openers():
        return True
    if f.endswith(("ها", "هم", "هما")) and len(f) > 4:
        return False  # "وغيرها": a pronoun on a noun
    return max(common.get(f, 0), common.get(strip_al(f), 0)) < COMMON_WORD


def _dual_name_goes_on(view: SentView, k: int, conj: int, j: int) -> bool:
    """Whether token ``j`` goes on the second name (from token ``conj``) after a dual place
    noun whose first name starts at token ``k``: a word, no stopword, direction or place noun
    («والبوعيثة غرب المدينة»), and a frequent word only when the second name repeats the
    first's first word («السدة الأولى والسدة الثانية»)."""
    toks, folded = view.tokens, view.folded
    if not toks[j].word or toks[j].text in _BREAKS or is_name_stopword(toks[j].text):
        return False
    f = strip_al(folded[j])
    if f in relation_words("direction") or folded[j] in place_nouns() or f in place_nouns():
        return False
    if max(frequent_words().get(folded[j], 0), frequent_words().get(f, 0)) < COMMON_WORD:
        return True
    return folded[conj][1:] == folded[k]


_COMMON_NAME = 1000  # occurrences in SaudiNewsNet from which an indefinite word is no name


def _no_name(f: str, head: str) -> bool:
    """Whether the folded word ``f`` after the head noun ``head`` is an adjective, not a name:
    an area word (أراض واسعة), a relational adjective (معبر حدودي), a feminine word after a
    feminine head (قرية صغيرة), or a very common word (مطار جديد)."""
    return (
        f in relation_words("area")
        or (f.endswith("ي") and not f.startswith("ال"))
        or (f.endswith("ه") and head.endswith("ه"))
        or frequent_words().get(f, 0) >= _COMMON_NAME
    )


_TAKEN = frozenset(("seized", "regainedControlOf"))
#: object pronouns after a control verb: "استولت عليها القوات الكردية" (it: the place)
_PLACE_PRONOUNS = frozenset(fold(w) for w in ("عليها", "عليه", "استعادتها", "استعادته"))
#: the dual of those: two places joined by «و» before the relative (الرمادي والفلوجة اللتين)
_DUAL_PLACE_PRONOUNS = frozenset(fold(w) for w in ("عليهما", "استعادتهما"))


def _pronoun_place(
    doc: Doc, view: SentView, i: int, pred: str, actor: Mention | None = None
) -> list[Mention]:
    """The places a pronoun object right after a control verb stands for: places after «في»
    right after it (أراض يسيطر عليها في سورية والعراق); else the last place named before the
    verb with a relative word between them (مدينة الرقة … التي يسيطر عليها); for control,
    else places after «في» right after the ``actor`` named after the pronoun (المناطق التي
    يسيطر عليها تنظيم داعش، في كل من العراق وسوريا); for a seizure
    or a recovery, else the last place named before the verb in its sentence (or, failing
    that, in the sentence before: واستولت عليها القوات الكردية)."""
    toks = view.tokens
    if i + 1 >= len(toks):
        return []
    pronoun = fold(toks[i + 1].text)
    if pronoun in _DUAL_PLACE_PRONOUNS:
        before = _places_before(doc, view, i)
        if len(before) >= 2 and _relative_after(doc, view, before[-1], i):
            return _two_joined(doc, before[-2:])
        return _two_named_after(doc, view, i + 2)
    if pronoun not in _PLACE_PRONOUNS:
        return []
    after = _places_in_after(doc, view, i + 2)
    if after:
        return after
    before = _places_before(doc, view, i)
    if before and _relative_after(doc, view, before[-1], i):
        return before[-1:]
    if before and pred == "controls" and _area_in_place_before(view, before[-1], i):
        return before[-1:]  # "مناطق واسعة في شمال العراق يسيطر عليها التنظيم": no relative word
    if pred == "controls" and actor is not None and actor.start >= toks[i + 1].end:
        # "المناطق التي يسيطر عليها تنظيم داعش، في كل من العراق وسوريا": after the actor
        k = next((j for j, t in enumerate(toks) if t.start >= actor.end), len(toks))
        if k < len(toks) and toks[k].text in _COMMAS:
            k += 1
        return _places_in_after(doc, view, k)
    if pred not in _TAKEN:
        return []
    return next((before[-1:] for before in _places_back(doc, view, toks[i].start) if before), [])


def _area_in_place_before(view: SentView, place: Mention, i: int) -> bool:
    """Whether the control verb at token ``i`` opens a relative clause with no relative word
    on an indefinite area of ``place`` («مناطق واسعة في شمال وغرب العراق يسيطر عليها تنظيم
    داعش»): the verb right after the place, which follows «في» (over ``direction`` words) after
    an indefinite ``area`` word and at most two adjectives (:func:`_area_before_of`)."""
    toks = view.tokens
    if i == 0 or not place.start <= toks[i - 1].start < place.end:
        return False  # a word stands between the place and the verb
    k = next((j for j, t in enumerate(toks) if t.start >= place.start), i) - 1
    while k >= 0 and _forms(view, k) & relation_words("direction"):
        k -= 1  # "في شمال وغرب العراق"
    if k < 1 or view.folded[k] != "في" or not _area_before_of(view, k):
        return False
    area = next(
        (
            j
            for j in range(k - 1, max(-1, k - 2 - _AREA_ADJECTIVES), -1)
            if _area_word(view.folded[j])
        ),
        None,
    )
    return area is not None and not view.folded[area].startswith("ال")


def _attached_pronoun_place(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The place the pronoun «ها» on a cue of taking stands for (استعادتها، لاستعادتها،
    وتحريرها، حررها): the last place named in the eight words before the cue, in its
    sentence, not one that only locates another after a ``direction`` word («في محافظة صلاح
    الدين بشمال العراق لاستعادتها»: صلاح الدين).  Nothing when a comma or another break stands
    between that place and the cue (the pronoun may be of a place named further back), for a
    cue that ends so itself, or for one that is no taking."""
    toks = view.tokens
    if not view.folded[i].endswith("ها"):
        return []
    longest, stems = _longest_first(toks[i].text)
    table = relation_cues()
    if any(f in table for f in longest):
        return []  # "سيطرتها": a cue of its own
    hit = next((table[f] for f in stems if f in table), None)
    if hit is None or hit[0] not in _TAKEN:
        return []
    text = doc.article.text
    directions = relation_words("direction")
    places = [
        m
        for m in _places_before(doc, view, i)
        if preceding_word(text, m.start).removeprefix("ب") not in directions
    ]
    if not places or any(
        t.text in _BREAKS for t in toks[:i] if t.start >= places[-1].end
    ):  # "… ومدينة الحبانية السياحية، تمهيدا لاقتحامها": the pronoun is of a place further back
        return []
    if _another_clause(view, places[-1], i):
        return _siege_object(view, places, i)  # "صحفية في الموصل ونجحت القوات في تحريرها"
    return places[-1:]


def _siege_object(view: SentView, places: list[Mention], i: int) -> list[Mention]:
    """When the last place before the cue of taking at token ``i`` is barred
    (:func:`_another_clause`), the place before it if it is the object of a ``siege`` word
    (after «على» and a place noun at most) and only ``pronoun_bar`` words stand between the two
    («وتحاصر القوات مدينة الفلوجة انطلاقا من الرمادي تمهيدا لاستعادتها»: الفلوجة)."""
    if len(places) < 2 or _another_clause(view, places[-1], i, bar_before=False):
        return []
    toks = view.tokens
    first, last = places[-2], places[-1]
    j0 = next((j for j, t in enumerate(toks) if t.end > first.start), i)
    j1 = next((j for j, t in enumerate(toks) if t.end > last.start), i)
    bars = relation_words("pronoun_bar")
    between = [j for j in range(j0, j1) if toks[j].start >= first.end]
    if not between or not all(
        _blocker_at(view, j, bars) or (j + 1 < j1 and _blocker_at(view, j + 1, bars))
        for j in between
    ):
        return []
    on = fold("على")
    for j in range(j0 - 1, max(-1, j0 - 4), -1):
        if _forms(view, j) & relation_words("siege"):
            return [first]
        if view.folded[j] != on and view.folded[j] not in place_nouns():
            break
    return []


def _two_joined(doc: Doc, two: list[Mention]) -> list[Mention]:
    """The two places ``two`` when only «و» joins them (الرمادي والفلوجة), else none."""
    joint = doc.article.text[two[0].end : two[1].start].split()
    return two if joint == ["و"] else []


def _two_before_dual(doc: Doc, view: SentView, i: int, anchors: set[int]) -> list[Mention]:
    """The two places a dual noun (``dual_place`` of ``relation_words.tsv``: البلدين، الدولتين)
    stands for when it is the object of the control verb at token ``i`` (reached over area
    words: :func:`_object_lead`, «على مساحات واسعة في البلدين»): the last two places named
    before the verb in its sentence, joined by «و» only (في العراق وسوريا)."""
    toks = view.tokens
    for k in range(i + 1, min(len(toks), i + 2 + _LEAD_REACH)):
        if not _forms(view, k) & relation_words("dual_place"):
            continue
        dual = Mention(toks[k].start, toks[k].end, toks[k].text, "Place", "", "relation-cues")
        if not _object_lead(doc, view, dual, anchors):
            return []
        before = [
            m
            for m in _sentence_mentions(doc, view)
            if m.cls in PLACE_CLASSES and m.end <= toks[i].start
        ]
        return _two_joined(doc, before[-2:]) if len(before) > 1 else []
    return []


_DUAL_REACH = 8  # tokens between a dual pronoun (عليهما) and «وهما» naming its two places


def _two_named_after(doc: Doc, view: SentView, k: int) -> list[Mention]:
    """The two places a dual pronoun stands for when they are named after it by «وهما»/«هما»
    («مدينتين يسيطر عليهما التنظيم في المحافظة - وهما الرمادي والفلوجة»): «وهما» within eight
    tokens from token ``k``, in its sentence with no break but a comma between («، وهما»), and
    the two places right after it joined by «و»."""
    toks = view.tokens
    for j in range(k, min(len(toks), k + _DUAL_REACH)):
        if toks[j].text in _HARD_BREAKS:
            return []
        if view.folded[j] not in relation_words("dual_naming"):
            continue
        after = [
            m
            for m in _sentence_mentions(doc, view)
            if m.start >= toks[j].end and m.cls in PLACE_CLASSES
        ][:2]
        if len(after) == 2 and j + 1 < len(toks) and after[0].start == toks[j + 1].start:
            return _two_joined(doc, after)
        return []
    return []


_APPOSED_NOUNS = 2  # place nouns between an apposition head (مركز) and the place it names


def _apposed_place(doc: Doc, view: SentView, place: Mention) -> tuple[Mention, bool] | None:
    """The place an apposition right after ``place`` names («الموصل مركز محافظة نينوى»،
    «الموصل، مركز محافظة نينوى،»): an ``apposition_head`` of ``relation_words.tsv`` (مركز،
    عاصمة), after a comma or right after the place, then at most two place nouns and a place
    rasd knows.  With «و» on the head (ومركز) the place is coordinated (``True``): a second
    place of the list, not a description of the first."""
    toks = view.tokens
    k = next((j for j, t in enumerate(toks) if t.start >= place.end), len(toks))
    if k < len(toks) and toks[k].text in _COMMAS:
        k += 1
    if k >= len(toks) or not toks[k].word:
        return None
    f = view.folded[k]
    coordinated = f[:1] == "و" and f[1:] in relation_words("apposition_head")
    if f not in relation_words("apposition_head") and not coordinated:
        return None
    for j in range(k + 1, min(len(toks), k + 2 + _APPOSED_NOUNS)):
        named = [
            m
            for m in _sentence_mentions(doc, view)
            if m.start == toks[j].start and m.cls in PLACE_CLASSES
        ]
        if named:
            return named[0], coordinated
        if strip_al(view.folded[j]) not in place_nouns():
            return None
    return None


_LISTED_LEAD = 5  # words between the last object place and the first place listed after it


def _especially_listed(doc: Doc, view: SentView, last: Mention) -> list[Mention]:
    """Places listed right after ``last``, the last place object of a control verb, by a
    ``list_opener`` or an ``especially`` word (over a comma): «على مناطق واسعة في محافظة
    الأنبار بينها مدن رئيسية مثل الرمادي والفلوجة»، «…، لا سيما مدينة الفلوجة والرمادي».  The
    first after at most five lead words (openers, especially and area words, place nouns, the
    ``list_lead`` words: مدن، رئيسية; adjectives), then the places joined to it by «و» (over
    «،»); nothing when another word stands first."""
    toks = view.tokens
    text = doc.article.text
    k = next((j for j, t in enumerate(toks) if t.start >= last.end), len(toks))
    if k < len(toks) and toks[k].text in _COMMAS:
        k += 1
    if k >= len(toks) or not _forms(view, k) & (
        relation_words("list_opener") | relation_words("especially")
    ):
        return []
    lead = (
        relation_words("list_opener")
        | relation_words("especially")
        | relation_words("area")
        | relation_words("list_lead")
    )
    mentions = [m for m in _sentence_mentions(doc, view) if m.start >= toks[k].start]
    if not mentions or mentions[0].cls not in PLACE_CLASSES:
        return []
    words = _bare_words(text[toks[k].start : mentions[0].start])
    if len(words) > _LISTED_LEAD or not all(
        w in lead or strip_al(w) in lead or strip_al(w) in place_nouns() or _is_adjective(w)
        for w in words
    ):
        return []
    out = [mentions[0]]
    for m in mentions[1:]:
        gap = text[out[-1].end : m.start].strip(" ،,")
        if m.cls not in PLACE_CLASSES or gap != "و":
            break  # "مدينة الفلوجة والرمادي"; not "الفلوجة، ثم الرمادي"
        out.append(m)
    return out


def _listed_after(doc: Doc, view: SentView, first: Mention) -> list[Mention]:
    """``first`` and the places joined to it by «و» or a comma («لحج وتعز، وأبين»), over at
    most one word between them that is no entity («وأبين ولمار وشبوه»: a place rasd does not
    know stays in the list, unnamed)."""
    text = doc.article.text
    out = [first]
    unknown = 0
    for m in doc.mentions_in(first.end, view.sentence.end):
        if m.start < out[-1].end:
            continue
        between = text[out[-1].end : m.start]
        words = between.replace("،", " ").replace(",", " ").split()
        joined = words[-1:] == ["و"] or (not words and ("،" in between or "," in between))
        if m.cls not in PLACE_CLASSES or not joined:
            break
        rest = words[:-1]
        if rest:
            if unknown or len(rest) > 1 or not rest[0].startswith("و") or len(rest[0]) < 3:
                break
            unknown += 1
        out.append(m)
    return out


_RELATIVE_REACH = 5  # words between a place and the relative word that stands for it


def _relative_after(doc: Doc, view: SentView, place: Mention, i: int) -> bool:
    """Whether a relative word (التي، الذي) between ``place`` and the verb at token ``i``
    stands for the place: at most five words after it, with no other mention between them
    (a parenthesis aside: مدينة الرقة (شمال شرقي سوريا) التي); «الكونغرس الذي يسيطر عليه»
    does not make a place named before الكونغرس controlled."""
    toks = view.tokens
    text = doc.article.text
    for k in range(len(toks)):
        t = toks[k]
        if not place.end <= t.start < toks[i].start or view.folded[k] not in relative_pronouns():
            continue
        gap = text[place.end : t.start]
        while "(" in gap and ")" in gap:
            gap = gap[: gap.index("(")] + gap[gap.index(")", gap.index("(")) + 1 :]
        between = [m for m in doc.mentions_in(place.end, t.start) if m.cls != "Platform"]
        inside_parens = all(
            text[place.end : m.start].count("(") > text[place.end : m.start].count(")")
            for m in between
        )
        return len(gap.split()) <= _RELATIVE_REACH and inside_parens
    return False


_RESUMPTIVE_REACH = (
    8  # tokens between a verb opening a relative clause and the pronoun of its place
)
#: the relative word and the pronoun on a preposition that resumes its antecedent, agreeing
_RESUMED = {
    "التي": frozenset(("منها", "عليها")),
    "والتي": frozenset(("منها", "عليها")),
    "الذي": frozenset(("منه", "عليه")),
    "والذي": frozenset(("منه", "عليه")),
}


def _resumed_place(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The place a relative clause opened by the control verb at token ``i`` is about, resumed
    by a pronoun on a preposition after the verb («عين العرب، التي طردت منها القوات الكردية
    مقاتلي تنظيم داعش»، «الأنبار، والتي يسيطر التنظيم على مساحات واسعة منها»، «تكريت التي
    انسحب منها التنظيم»): a relative word right before the verb, a pronoun that agrees with it
    (التي/منها، عليها; الذي/منه، عليه) within eight tokens after the verb in its clause, and the
    last place named before the relative word (:func:`_relative_after`).  Not «عليها» right
    after the verb (:func:`_pronoun_place` reads it), nor a verb with its own pronoun object."""
    toks = view.tokens
    if not i or view.folded[i - 1] not in _RESUMED or _pronoun_attached(view, i):
        return []
    agreeing = _RESUMED[view.folded[i - 1]]
    for k in range(i + 1, min(len(toks), i + 1 + _RESUMPTIVE_REACH)):
        if toks[k].text in _BREAKS:
            return []
        if view.folded[k] in agreeing:
            if k == i + 1 and view.folded[k].startswith("علي"):
                return []  # "التي يسيطر عليها": the pronoun object of the verb
            break
    else:
        return []
    text = doc.article.text
    before = [  # not inside parentheses: «عين العرب (كوباني) السورية، التي»
        m
        for m in doc.mentions_in(view.sentence.start, toks[i - 1].start)
        if m.cls in PLACE_CLASSES
        and text[view.sentence.start : m.start].count("(")
        <= text[view.sentence.start : m.start].count(")")
    ]
    if not before or (before[-1].start and text[before[-1].start - 1] == "و"):
        return []  # "المحاذية لسوريا والأردن والسعودية، والتي": the last of a list, ambiguous
    return before[-1:] if _relative_after(doc, view, before[-1], i) else []


def _relative_object(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The place a control verb written with its object pronoun stands for when a relative
    word is right before the verb («الشطر الشمالي من قبرص الذي تحتله تركيا»، «المدينة التي
    احتلها التنظيم»): the last place named before the relative word (:func:`_relative_after`);
    its actor is then named after the verb, not before it.  Empty for a noun of taking with
    its subject pronoun (واستيلائها على) or when no place stands before the relative word."""
    if not i or view.folded[i - 1] not in relative_pronouns():
        return []
    if not _pronoun_attached(view, i):
        return []
    before = _places_before(doc, view, i)
    return before[-1:] if before and _relative_after(doc, view, before[-1], i) else []
