"""Control of places (controls, seized, lostControlOf, regainedControlOf, besieged): the readers
of the ``place-before`` and ``actor-place`` patterns: places under an actor's control, taken or
lost, the side a place was taken from, expulsions, attempted or feared seizures (no relation)."""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.folding import bare
from rasd.extract.lexicon import nisba_plural
from rasd.extract.patterns import (
    generic_org_key,
    is_nisba,
    org_heads,
    place_nouns,
    relation_words,
    relative_pronouns,
)
from rasd.extract.records import PLACE_CLASSES, Mention
from rasd.extract.relations.actors import _actor_near, _adjacent, _antecedent, _owner_governed
from rasd.extract.relations.clauses import (
    _BEFORE_WINDOW,
    _BREAKS,
    _COMMAS,
    _CONTROL_ACTORS,
    _HARD_BREAKS,
    _bare_words,
    _sentence_mentions,
)
from rasd.extract.relations.cues import (
    _PRONOUN_SUFFIXES,
    _blocker_before,
    _conditionals,
    _cue_at,
    _forms,
    relation_cues,
    stem_forms,
)
from rasd.extract.relations.places import (
    _DUAL_PLACE_PRONOUNS,
    _MEMBERS_OF_IT,
    _PLACE_PRONOUNS,
    _TAKEN,
    _anaphoric_place,
    _apposed_place,
    _area_before,
    _area_word,
    _attached_pronoun_place,
    _coordinated,
    _listed_after,
    _listed_places,
    _named_object,
    _object_lead,
    _place_of_area,
    _places_after,
    _places_before,
    _places_in_after,
)
from rasd.extract.relations.register import _add
from rasd.extract.resources import Month, load_table
from rasd.extract.text import QUOTE_PAIRS, fold


def _place_before(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """``الواقع تحت سيطرة تنظيم داعش``، ``الخاضع لسيطرة المعارضة``، ``سقطت بأيدي التنظيم``،
    ``وتحت سيطرة كاملة من رجال القوات المسلحة والشرطة المدنية``: the place stands before the
    cue, the actor (or two coordinated actors) right after it.  After the noun «سقوط» the
    places are those it names (:func:`_fall_before`): ``سقوط معبر نصيب ومدينة إدلب بيد
    المعارضة``, not a place merely named before it."""
    toks = view.tokens
    prev = [fold(t.text) for t in toks[max(0, i - 4) : i]]
    f = fold(toks[i].text)
    if pred == "controls" and not (
        prev[-1:] == ["تحت"] or prev[-1:] == ["وتحت"] or f.startswith("لسيطر")
    ):
        # "سيطرة" alone is no relation; "سيطرة التنظيم على الموصل" names its object after «على»
        _control_noun(doc, view, i)
        return
    if prev[-2:-1] and prev[-2] in relation_words("from_under") and prev[-1] == "تحت":
        return  # "خرجت مدينة الرمادي من تحت سيطرة التنظيم": a control left
    if _feared(view, i):
        return  # "وتخشى السلطات أن تقع المدينة تحت سيطرة التنظيم"
    fall = _fall_before(view, i) if pred == "seized" else None
    if pred == "seized" and fall is None:
        return  # "قتل على يد التنظيم" is no seizure
    actor = _actor_near(doc, view, i, _CONTROL_ACTORS, before_ok=False, skip_fillers=True)
    if actor is None and i + 1 < len(toks) and fold(toks[i + 1].text) in _MEMBERS_OF_IT:
        # "سقطت بأيدي عناصره": its members, the organisation named last before
        orgs = [m for m in doc.mentions_in(0, toks[i].start) if m.cls == "Organization"]
        actor = orgs[-1] if orgs else None
    if actor is None:
        return
    anaphor = _anaphoric_place(doc, view, i)
    if anaphor is None:
        return  # "ولم تقع هذه المدينة تحت سيطرة التنظيم"
    places = anaphor or _places_before(doc, view, i)[-1:]
    if not places and pred == "controls":
        # "… أراضي سنجار، لكن لا تزال مساحات شاسعة تقع تحت سيطرة التنظيم": areas of the place
        places = _place_of_area(doc, view, i)
    if not places and pred == "controls":
        # "مناطق تحت سيطرة التنظيم في سوريا والعراق": no place before, the places after «في»
        last = max([actor, *_coordinated(doc, view, actor)], key=lambda m: m.end)
        k = next((j for j, t in enumerate(toks) if t.start >= last.end), len(toks))
        places = _places_in_after(doc, view, k)
        if not places and _area_before(view, i) is not None:
            # "المناطق الخاضعة لسيطرة التنظيم …، من أبرز هذه المناطق محافظة الرقة …"
            places = _listed_places(doc, view, k)
    if fall is not None and fold(toks[fall].text).endswith("سقوط"):
        # "سقوط معبر نصيب الحدودي ومدينة إدلب بيد المعارضة": the places it names
        _named_object(doc, view, fall + 1)
        fallen = [m for m in _places_before(doc, view, i) if m.start >= toks[fall].end]
        lead = fallen and _object_lead(doc, view, fallen[0], {toks[fall].start})
        places = fallen if lead else []
    for a in [actor, *_coordinated(doc, view, actor)]:
        for m in places:
            _add(doc, view, a.key, pred, m.key, "relation-cues")


#: the noun of control, bare or with a clitic (not «لسيطرة»: read as «الخاضعة لسيطرة»)
_CONTROL_NOUNS = frozenset(fold(w) for w in ("سيطرة", "وسيطرة", "بسيطرة"))
_NOUN_GAP = 3  # definite words (adjectives: «تنظيم داعش المتطرف») between the actor and «على»
_NOUN_BLOCK_REACH = 2  # tokens before the noun where a noun_blocker (دون، منع، مخاوف) stands


def _control_noun(doc: Doc, view: SentView, i: int) -> None:
    """The noun «سيطرة» at token ``i`` with its actor right after it (over an organisation
    head or quotes: :func:`_adjacent`; with the actors coordinated to it) and, after at most
    three definite words (adjectives: «تنظيم داعش المتطرف»), «على» and the places named as its
    object (:func:`_places_after`) in that clause: «سيطرة تنظيم داعش المتطرف على مساحات كبيرة
    في العراق» (controls), «بعد سيطرة التنظيم على مدينة الموصل» (seized after an ``onset``
    word of ``relation_words.tsv``: بعد، منذ، عند).  With an area word right before the noun
    and «في» after the actor, the places after «في»: «مناطق سيطرة تنظيم داعش ولا سيما في
    سوريا» (controls; an ``especially`` word may stand before «في»).  Besides the blockers of
    every cue (:func:`cues._cue_at`), nothing after a ``noun_blocker``, a ``fear``, ``attempt``
    or ``intent`` word in the two tokens before it («حالت دون سيطرة التنظيم على»، «مخاوف من
    سيطرة»)."""
    toks = view.tokens
    if view.folded[i] not in _CONTROL_NOUNS:
        return  # (the blockers of every cue were read by :func:`cues._cue_at`)
    stops = (
        relation_words("noun_blocker")
        | relation_words("fear")
        | relation_words("attempt")
        | relation_words("intent")
    )
    before = range(max(0, i - _NOUN_BLOCK_REACH), i)
    if any(_forms(view, k) & stops for k in before):
        return
    actor = next(
        (m for m in doc.mentions_in(toks[i].end, view.sentence.end) if m.cls in _CONTROL_ACTORS),
        None,
    )
    if actor is None or not _adjacent(doc, i, view, actor):
        return
    actors = [actor, *_coordinated(doc, view, actor)]
    last = max(a.end for a in actors)
    k = next((j for j, t in enumerate(toks) if t.start >= last), len(toks))
    gap = 0
    while k < len(toks) and gap <= _NOUN_GAP and view.folded[k] not in ("علي", "في"):
        if toks[k].text in QUOTE_PAIRS.values() or toks[k].text in QUOTE_PAIRS:
            k += 1
            continue
        if not (view.folded[k].startswith("ال") or _forms(view, k) & relation_words("especially")):
            return
        gap += 1
        k += 1
    if k >= len(toks) or gap > _NOUN_GAP:
        return
    if view.folded[k] == "علي":
        end = next((j for j in range(k + 1, len(toks)) if toks[j].text in _BREAKS), len(toks))
        limit = toks[end - 1].end
        places = [
            m for m in _places_after(doc, view, toks[k].start, {toks[k].start}) if m.end <= limit
        ]
    elif i and _area_word(view.folded[i - 1]):
        places = _places_in_after(doc, view, k)  # "مناطق سيطرة تنظيم داعش ولا سيما في سوريا"
    else:
        return
    onset = any(_forms(view, j) & relation_words("onset") for j in before)
    for a in actors:
        for m in places:
            _add(doc, view, a.key, "seized" if onset else "controls", m.key, "relation-cues")


_FEAR_REACH = 8  # tokens between «أن» after a verb of fear and the cue


def _feared(view: SentView, i: int) -> bool:
    """Whether the cue at token ``i`` stands in a clause opened by «أن» after a ``fear`` word
    (in the two tokens before «أن»): «وتخشى السلطات أن تقع المدينة تحت سيطرة التنظيم»; «أن»
    at most eight tokens before the cue, with no break between."""
    fear = relation_words("fear")
    for k in range(i - 1, max(-1, i - 1 - _FEAR_REACH), -1):
        if view.tokens[k].text in _BREAKS:
            return False
        if view.folded[k] == "ان":
            return any(_forms(view, j) & fear for j in range(max(0, k - 2), k))
    return False


_ENABLER_REACH = 10  # tokens between «تمكن/نجح» and «من/في» before the noun of taking


def _enabler_before(view: SentView, i: int) -> int | None:
    """The token of an ``enabler`` verb (تمكن، نجح، استطاع) whose complement is the noun of
    taking at token ``i`` («وتمكنت قوات البشمركة مدعومة بالتحالف من استعادة …»، «ونجحت
    الوحدات في استعادة …»): «من» or «في» right before the noun, the verb at most ten tokens
    before it with no clause break between, and no ``blocker`` in the three tokens before the
    verb.  The enablers are past forms: «ولم يتمكن الجيش من استعادة …»، «حتى يتمكن …» take
    nothing."""
    if not i or view.folded[i - 1] not in ("من", "في"):
        return None
    enablers = relation_words("enabler")
    first = i - 3 if i > 2 and view.tokens[i - 2].text in _COMMAS else i - 2  # "…، من استعادة"
    for k in range(first, max(-1, first - _ENABLER_REACH), -1):
        if view.tokens[k].text in _BREAKS:
            return None
        if _forms(view, k) & enablers:
            if _blocker_before(view, k, k):
                return None  # a negated or hoped-for enabling
            return k
    return None


def _enabled_actor(doc: Doc, view: SentView, k: int, i: int) -> Mention | None:
    """The subject of the enabler verb at token ``k`` for the noun of taking at token ``i``:
    the first organisation between them that no preposition governs («وتمكنت قوات كردية
    سورية وقوات البيشمركة مدعومة بالتحالف الدولي، من استعادة»: قوات البيشمركة), or a
    country right after the verb («ونجحت تركيا في استعادة»)."""
    toks = view.tokens
    for m in doc.mentions_in(toks[k].end, toks[i].start):
        if m.cls == "Organization" and not _owner_governed(doc, m.start):
            return m
        if m.cls == "Country" and _adjacent(doc, k, view, m):
            return m
    return None


_MEMBERS_REACH = 12  # tokens of the clause before «، و<verb>وا» where its members may be named


def _members_before_comma(doc: Doc, view: SentView, i: int) -> Mention | None:
    """The organisation whose members (``relation_words.tsv`` role ``members``: مقاتلو، عناصر)
    the clause before the cue names, when the cue is a plural verb joined by «و» right after
    a comma and has no subject of its own («تقدم مقاتلو تنظيم داعش في غرب العراق، وسيطروا على
    أجزاء كبيرة من محافظة الأنبار»); not an organisation merely named there («شنت الطائرات
    غارات على مواقع تنظيم داعش، وسيطرت على …»)."""
    toks, f = view.tokens, view.folded[i]
    if i < 2 or toks[i - 1].text not in _COMMAS or f[:1] != "و" or not f.endswith("وا"):
        return None
    members = relation_words("members")
    for k in range(i - 2, max(-1, i - 2 - _MEMBERS_REACH), -1):
        if toks[k].text in _BREAKS:
            return None
        if bare_forms(toks[k].text) & members:
            lo, hi = toks[k].end, toks[min(k + 3, i - 1)].end  # "مقاتلو تنظيم «داعش»"
            orgs = [m for m in doc.mentions_in(lo, hi) if m.cls == "Organization"]
            return orgs[0] if orgs else None
    return None


_FALL_REACH = 4  # tokens between «سقطت» and «بأيدي»


def _fall_before(view: SentView, i: int) -> int | None:
    """The token of a verb or noun of falling (سقطت، سقوط) in the clause before the cue at
    token ``i`` (سقطت بأيدي التنظيم، سقوط معبر نصيب الحدودي ومدينة إدلب بيد المعارضة), at
    most four tokens before it for the verb (not «وسقط عشرات القتلى في حلب على يد التنظيم»),
    eight for the noun, whose places follow it (:func:`_place_before`)."""
    for k in range(i - 1, max(-1, i - 1 - _BEFORE_WINDOW), -1):
        if view.tokens[k].text in _BREAKS:
            return None
        f = view.folded[k]
        if f.startswith(tuple(relation_words("fall"))):
            return k if f.endswith("سقوط") or i - k <= _FALL_REACH else None
    return None


#: possessive forms of سيطرة: «تحت سيطرته»، «لسيطرتها» (the pronoun is the actor)
_POSSESSED = frozenset(fold(w) for w in ("سيطرته", "سيطرتها", "سيطرتهم", "لسيطرته", "لسيطرتها"))


def _under_its_control(doc: Doc, view: SentView, i: int) -> bool:
    """«الواقعة تحت سيطرته في محافظة الأنبار»، «الخاضعة لسيطرتها»: the actor is the
    pronoun's antecedent (:func:`_antecedent`), the place stands before the cue or after «في»
    right after it.  Returns whether the cue was read so (even when nothing was found)."""
    toks = view.tokens
    f = view.folded[i]
    if f not in _POSSESSED or not (
        f.startswith("ل") or (i and view.folded[i - 1] in ("تحت", "وتحت"))
    ):
        return False
    actor = _antecedent(doc, view, toks[i].start, ("Organization",))
    if actor is None:  # "لتنظيم «داعش» الذي أعلن … على الاراضي الخاضعة لسيطرته"
        actor = _relative_owner(doc, view, i)
    places = _places_in_after(doc, view, i + 1) or _places_before(doc, view, i)[-1:]
    if actor is not None:
        for m in places:
            _add(doc, view, actor.key, "controls", m.key, "relation-cues")
    return True


_OWNER_REACH = 12  # tokens between a relative word and the possessive cue in its clause
#: the relative words that agree with a possessive pronoun (folded suffix → relatives)
_AGREEING = {
    "هم": frozenset(("الذين", "والذين")),
    "ها": frozenset(("التي", "والتي")),
    "ه": frozenset(("الذي", "والذي")),
}


def _relative_owner(doc: Doc, view: SentView, i: int) -> Mention | None:
    """The organisation a possessive pronoun on the cue at token ``i`` stands for when the cue
    is in a relative clause and the sentence names several actors before it: the antecedent of
    the nearest relative word before the cue (at most twelve tokens, no clause break between),
    which agrees with the pronoun (الذي/ـه، التي/ـها، الذين/ـهم), the organisation named right
    before it over quotes («ولاءها لتنظيم «داعش» الذي أعلن قيام «خلافة» على الاراضي الخاضعة
    لسيطرته في العراق وسوريا»); ``None`` for another relative word or another word before it."""
    toks, f = view.tokens, view.folded[i]
    agreeing = next((rel for suffix, rel in _AGREEING.items() if f.endswith(suffix)), None)
    if agreeing is None:  # a cue of :data:`_POSSESSED` without a pronoun this table knows
        return None
    relative = relative_pronouns()
    for k in range(i - 1, max(-1, i - 1 - _OWNER_REACH), -1):
        if toks[k].text in _BREAKS:
            return None
        if view.folded[k] not in relative:
            continue
        if view.folded[k] not in agreeing:
            return None
        text = doc.article.text
        owner = [
            m
            for m in doc.mentions_in(view.sentence.start, toks[k].start)
            if not text[m.end : toks[k].start].strip(' «»"“”()')
        ]
        return owner[-1] if owner and owner[-1].cls == "Organization" else None
    return None


_ATTEMPT_REACH = 3  # tokens between «أن» and the control verb, and between «حاول» and «أن»


def _attempted(view: SentView, i: int) -> bool:
    """Whether the control verb at token ``i`` is tried, wanted or conditional: «أن» in the
    three tokens before it after an ``attempt`` word in the three tokens before that («اللتين
    حاول أن يسيطر عليهما»، «يريد التنظيم أن يسيطر على المدينة»), or, with a pronoun object
    (عليها، عليهما), a ``conditional`` word right before it, read with its hamza («التي إن
    سيطر عليها»; not «سبق أن سيطر عليها»; without the pronoun «إن» may be the complementizer
    before a noun cue: «قال إن سيطرة التنظيم على …»)."""
    toks = view.tokens
    pronoun = i + 1 < len(toks) and fold(toks[i + 1].text) in (
        _PLACE_PRONOUNS | _DUAL_PLACE_PRONOUNS
    )
    if pronoun and i > 0 and bare(toks[i - 1].text) in _conditionals():
        return True
    attempt = relation_words("attempt")
    for k in range(i - 1, max(-1, i - 1 - _ATTEMPT_REACH), -1):
        if toks[k].text in _BREAKS:
            return False
        if view.folded[k] != "ان":
            continue
        for j in range(k - 1, max(-1, k - 1 - _ATTEMPT_REACH), -1):
            if toks[j].text in _BREAKS:
                break
            if _forms(view, j) & attempt:
                return True
    return False


_INTENT_REACH = 5  # tokens between a verb of intent (تستعد) and the noun of taking it aims at


def _aimed(view: SentView, i: int) -> bool:
    """Whether the taking at cue token ``i`` is an aim, not done: ل + the noun (لتحرير،
    لاستعادة), a ``purpose`` word right before it (عملية تحرير تعز) or a verb of ``intent``
    (تستعد، تسعى، تعهدت) before it in its clause («وتستعد القوات العراقية لتحرير الفلوجة»)."""
    f = view.folded[i]
    cues = relation_cues()
    if (
        f.startswith("ل")
        and f not in cues
        and (f[1:] in cues or stem_forms(frozenset([f[1:]])) & cues.keys())
    ):
        return True  # "لتحرير"، "لاستعادتها"
    if i and bare_forms(view.tokens[i - 1].text) & relation_words("purpose"):
        return True
    opens = relative_pronouns() | relation_words("clause")
    for k in range(i - 1, max(-1, i - 1 - _INTENT_REACH), -1):
        if view.tokens[k].text in _BREAKS or view.folded[k] in opens:
            return False  # "وتعهد بتحرير الموصل التي احتلها التنظيم": a clause of its own
        if _forms(view, k) & relation_words("intent"):
            return True
    return False


def _loser_predicate(view: SentView, i: int) -> str:
    """What the side a place is taken from («… من أيدي X») holds: when the taking is an aim
    (:func:`_aimed`: «عملية لاستعادة جامعة الأنبار من سيطرة داعش») the place is not taken
    yet, so X controls it; else X lostControlOf it."""
    return "controls" if _aimed(view, i) else "lostControlOf"


_LOSER_GAP = 3  # words between the place and its loser («من مسلحي تنظيم»), with no actor


def _taken_without_actor(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """A seizure or recovery whose actor rasd does not know («قوات جهاز مكافحة الإرهاب تعلن
    تحرير جامعة الأنبار من سيطرة «داعش»»): the place right after the cue (a place rasd knows,
    or one named by a head noun: :func:`_named_object`) and the side it is taken from
    (:func:`_taken_from`), which lost it (:func:`_loser_predicate`).  After the passive «تم»
    an agent named by «من قبل» (:func:`_agent_by`) took them («تمت استعادة مدينة تكريت من قبل
    القوات العراقية»)."""
    toks = view.tokens
    if pred not in _TAKEN or i + 1 >= len(toks):
        return
    places = _named_object(doc, view, i + 1) or [
        m
        for m in _sentence_mentions(doc, view)
        if m.start == toks[i + 1].start and m.cls in PLACE_CLASSES
    ]
    if not places and _area_word(view.folded[i + 1]):
        # "تم تحرير أكثر من 50 % من أحياء الرمادي من سيطرة داعش": the place past the area words
        places = _places_after(doc, view, toks[i].start, {toks[i].start})[:1]
    if not places:
        place = _attached_pronoun_place(doc, view, i)  # "… صلاح الدين لاستعادتها من أيدي داعش"
        loser = _taken_from(doc, view, None, place[0], toks[i].end) if place else None
        gap = _bare_words(doc.article.text[toks[i].end : loser.start]) if loser else []
        if loser is not None and len(gap) <= _LOSER_GAP:
            _add(doc, view, loser.key, _loser_predicate(view, i), place[0].key, "relation-cues")
        return
    listed = _listed_after(doc, view, places[0])  # "لتخليص لحج وتعز وأبين من قبضة الحوثيين"
    last = listed[-1]
    apposed = _apposed_place(doc, view, last)
    if apposed is not None and apposed[1]:  # "تحرير الموصل ومركز محافظة نينوى": one more
        listed.append(apposed[0])
    end = apposed[0] if apposed is not None else last  # the gap is counted past it
    loser = _taken_from(doc, view, None, end)
    gap = _bare_words(doc.article.text[end.end : loser.start]) if loser is not None else []
    if loser is not None and len(gap) <= _LOSER_GAP:
        for m in listed:
            _add(doc, view, loser.key, _loser_predicate(view, i), m.key, "relation-cues")
    else:
        loser = None
    after = loser.end if loser is not None else end.end
    agent = _agent_by(doc, view, next((k for k, t in enumerate(toks) if t.start >= after), None))
    if agent is not None and not (loser is not None and agent[0].key == loser.key):
        # "تمت استعادة مدينة تكريت من قبل القوات العراقية": the agent took them
        # only after the passive «تم» (``passive``): "طالب بتحرير الموصل من قبل الجيش" is an aim
        done = i > 0 and _forms(view, i - 1) & relation_words("passive") and not _aimed(view, i)
        for a in agent if done else []:
            for m in listed:
                _add(doc, view, a.key, pred, m.key, "relation-cues")


_AGENT_REACH = 6  # tokens between the place taken (or the side it is taken from) and «من قبل»


def _agent_by(doc: Doc, view: SentView, k: int | None) -> list[Mention] | None:
    """The actor of a taking with no subject, named after «من» and a ``by_agent`` word of
    ``relation_words.tsv`` (قبل، طرف) at most six tokens after token ``k`` (the token after
    the place taken or the side it is taken from), with only words naming a place between
    (:func:`_only_place_words`): the control actor right after it (over an organisation
    head) and the actors coordinated to it; ``None`` when none is named there."""
    toks = view.tokens
    if k is None:
        return None
    for j in range(k, min(len(toks) - 2, k + _AGENT_REACH)):
        if toks[j].text in _BREAKS:
            return None
        if view.folded[j] != "من" or not _forms(view, j + 1) & relation_words("by_agent"):
            continue
        if not _only_place_words(doc, view, toks[k].start, j):
            return None
        head = toks[min(j + 3, len(toks) - 1)].start  # over one organisation head (تنظيم)
        actor = next(
            (
                m
                for m in doc.mentions_in(toks[j + 2].start, view.sentence.end)
                if m.cls in _CONTROL_ACTORS and m.start <= head
            ),
            None,
        )
        if actor is None or (
            actor.start > toks[j + 2].start and not _forms(view, j + 2) & org_heads()
        ):
            return None
        return [actor, *_coordinated(doc, view, actor)]
    return None


def _generic_militants(doc: Doc, view: SentView, i: int) -> Mention | None:
    """The subject of the control verb at token ``i`` written as a generic plural for the
    militants (``militants`` of ``relation_words.tsv``: المتطرفون، الجهاديون، المقاتلين), right
    after the verb («ويسيطر المتطرفون على») or before it with a relative («المقاتلين الذين
    يسيطرون»), covered by no mention and with no definite word after it (المقاتلون الأكراد): the
    one «تنظيم» the article names (:func:`patterns.generic_org_key`), as a mention there."""
    toks = view.tokens
    at = [i + 1]
    if i > 1 and view.folded[i - 1] in relative_pronouns():  # "المقاتلين الذين يسيطرون"
        at.append(i - 2)
    militants, relative = relation_words("militants"), relative_pronouns()
    for k in at:
        if k >= len(toks) or not toks[k].word or not _forms(view, k) & militants:
            continue
        nxt = view.folded[k + 1] if k + 1 < len(toks) else ""
        if (nxt.startswith("ال") and nxt not in relative) or any(
            m.start <= toks[k].start < m.end for m in doc.mentions
        ):
            # "المقاتلون الأكراد"، "المسلحون الحوثيون": a definite adjective names other fighters
            return None
        key = generic_org_key(doc)
        if key is None:
            return None
        return Mention(
            toks[k].start,
            toks[k].end,
            toks[k].text,
            "Organization",
            key,
            "relation-cues",
            view.index,
        )
    return None


_GAINER_REACH = 16  # tokens between the last place lost and «لصالح» (an apposition may stand there)
_BRACKETS = {"(": ")", "[": "]"}


def _opens_clause(doc: Doc, view: SentView, k: int) -> bool:
    """Whether token ``k`` opens another clause before a «لصالح»: a ``gainer_stop`` word of
    ``relation_words.tsv`` (فيما، بينما، في حين، حيث، ثم), a control cue, or a word carrying
    the clitic و/ف that is no entity's, no place noun, no definite noun or relative (والتي،
    والقرى), has no pronoun attached (ومحيطها) and is followed by a definite word or a name,
    its subject: «وصوت البرلمان», not «وقرى عدة» (one more place of the list lost)."""
    if _forms(view, k) & relation_words("gainer_stop") or _cue_at(view, k) is not None:
        return True
    f = view.folded[k]
    tok = view.tokens[k]
    mentions = _sentence_mentions(doc, view)
    if not (
        len(f) > 3
        and f[0] in "وف"
        and not f[1:].startswith("ال")
        and not f.endswith(_PRONOUN_SUFFIXES)
        and tok.word
        and not bare_forms(tok.text) & place_nouns()  # "ومدينة الرقة": one more place lost
        and not any(m.start <= tok.start < m.end for m in mentions)
    ):
        return False
    # a verb opening a clause has its subject after it, definite or named («وصوت البرلمان»);
    # an indefinite noun is one more item of the list lost («وقرى عدة»، «ومناطق واسعة»)
    if k + 1 >= len(view.tokens):
        return False
    after = view.tokens[k + 1]
    return view.folded[k + 1].startswith("ال") or any(
        m.start <= after.start < m.end for m in mentions
    )


def _gainer_after(
    doc: Doc, view: SentView, actor: Mention, places: list[Mention]
) -> Mention | None:
    """The side a loss went to: «لصالح» (``relation_words.tsv`` role ``beneficiary``) in the
    sixteen tokens after the first place lost, in its clause, with an organisation or country
    right after it.  Between the place and «لصالح» only an apposition may stand: brackets, or a
    segment closed by a second comma («خسر التنظيم مدينة عين العرب، قرب الحدود مع تركيا، لصالح
    وحدات حماية الشعب»، «، والتي سيطر عليها منذ عام،») that no clause word opens; none over a
    semicolon, a comma opening a clause not closed before «لصالح» («، فيما صوت البرلمان لصالح
    الحكومة»), or a word opening another clause (:func:`_opens_clause`)."""
    if not places:
        return None
    toks = view.tokens
    start = next((k for k, t in enumerate(toks) if t.start >= places[0].end), len(toks))
    end = min(len(toks) - 1, start + _GAINER_REACH)
    k = start
    while k < end:
        text = toks[k].text
        if text in _HARD_BREAKS:
            return None
        if text in _BRACKETS:  # "(غرب العراق)"
            close = next((j for j in range(k + 1, end) if toks[j].text == _BRACKETS[text]), None)
            if close is None:
                return None
            k = close + 1
            continue
        if text in _COMMAS:  # an apposition closed by a comma, or another clause
            close = next(
                (j for j in range(k + 1, end) if toks[j].text in _COMMAS | _HARD_BREAKS), None
            )
            if (
                close is None
                or toks[close].text not in _COMMAS
                or close == k + 1
                or _forms(view, k + 1) & relation_words("gainer_stop")
                or (
                    _opens_clause(doc, view, k + 1)
                    and not _forms(view, k + 1) & relative_pronouns()
                )
            ):
                return None
            k = close + 1
            continue
        if _forms(view, k) & relation_words("beneficiary"):
            starts = {toks[k + 1].start}
            heads = org_heads() | relation_words("members")
            if k + 2 < len(toks) and _forms(view, k + 1) & heads:
                starts.add(toks[k + 2].start)  # "لصالح فصائل الجيش السوري الحر"
            return next(
                (
                    m
                    for m in _sentence_mentions(doc, view)
                    if m.start in starts and m.cls in _CONTROL_ACTORS and m.key != actor.key
                ),
                None,
            )
        if _opens_clause(doc, view, k):
            return None
        k += 1
    return None


def _loss_noun(view: SentView, i: int) -> bool:
    """Whether the cue at token ``i`` is a noun of losing (``relation_words.tsv`` role
    ``loss_noun``: خسارة، خسارته)."""
    forms = _forms(view, i)
    return bool((forms | stem_forms(forms)) & relation_words("loss_noun"))


def _direct_complement(
    doc: Doc, view: SentView, i: int, actor: Mention, places: list[Mention]
) -> list[Mention]:
    """``places`` when the first stands right after the noun of losing at token ``i``, over
    its agent (with its head: «خسارة تنظيم داعش الموصل») and a place noun only («خسارة الموصل»،
    «خسارته مدينة منبج»، «خسارة التنظيم الرمادي»); none otherwise («خسارة كبيرة في ريف حلب»:
    men lost, not a place)."""
    toks = view.tokens
    k = i + 1
    if (
        k + 1 < len(toks)
        and toks[k + 1].start == actor.start
        and bare_forms(toks[k].text) & (org_heads() | relation_words("agent"))
    ):
        k += 1  # "خسارة تنظيم داعش الموصل": the agent's head outside its mention
    while k < len(toks) and actor.start <= toks[k].start < actor.end:
        k += 1
    if (
        k < len(toks)
        and toks[k].start < places[0].start
        and bare_forms(toks[k].text) & place_nouns()
    ):
        k += 1
    if k < len(toks) and toks[k].text in QUOTE_PAIRS:  # "خسارته مدينة “منبج”"
        k += 1
    return places if k < len(toks) and toks[k].start == places[0].start else []


_EXPELLER_REACH = 8  # tokens between a verb of expulsion (طُرد) and the «على يد» after its place


def _expelled_by(doc: Doc, view: SentView, i: int) -> tuple[Mention, list[Mention]] | None:
    """An expulsion with its agent after the place («فصائل طردت من ريف إدلب على يد جبهة
    النصرة»، «طُرد التنظيم من الرمادي من قبل الجيش»): the organisation right after «على» and
    an ``expeller`` word (يد، أيدي), or «من» and a ``by_agent`` word (قبل، طرف), in the
    clause of the verb at token ``i``, and the places after «من» before it, which that
    organisation took; ``None`` when no such agent or place is named."""
    toks = view.tokens
    if not _forms(view, i) & relation_words("expulsion"):
        return None  # "انسحب … بعد مقتل قائده على يد الجيش": «على يد» of another clause
    for k in range(i + 1, min(len(toks) - 2, i + _EXPELLER_REACH)):
        if toks[k].text in _BREAKS:
            return None
        by_hand = view.folded[k] == "علي" and view.folded[k + 1] in relation_words("expeller")
        if not by_hand and not (  # "طُرد التنظيم من الرمادي من قبل القوات العراقية"
            view.folded[k] == "من" and _forms(view, k + 1) & relation_words("by_agent")
        ):
            continue
        head = toks[min(k + 3, len(toks) - 1)].start  # over one organisation head (تنظيم)
        agent = next(
            (
                m
                for m in doc.mentions_in(toks[k + 2].start, view.sentence.end)
                if m.cls == "Organization" and m.start <= head
            ),
            None,
        )
        if agent is None:
            return None
        anchors = {toks[i].start} | {
            toks[j].start for j in range(i + 1, k) if view.folded[j] == "من"
        }
        places = [
            m for m in _places_after(doc, view, toks[i].start, anchors) if m.end <= toks[k].start
        ]
        if not places or not _only_place_words(doc, view, places[-1].end, k):
            return None  # "من الرمادي بعد مقتل قائدها على يد …": another clause's agent
        return agent, places
    return None


def _only_place_words(doc: Doc, view: SentView, start: int, k: int) -> bool:
    """Whether the tokens from offset ``start`` to token ``k`` only go on naming a place: a
    place, a ``direction`` word, a nisba adjective (الشمالي، الغربية), a number, or a date
    and the one word that introduces it (في أبريل الماضي)."""
    end = view.tokens[k].start
    places = [m for m in doc.mentions_in(start, end) if m.cls in PLACE_CLASSES]
    dates = [(d.start, d.end) for d in doc.dates_overlapping(start, end)]
    for j in range(k - 1, -1, -1):
        tok = view.tokens[j]
        if tok.end <= start:
            return True
        word = view.folded[j]
        nxt = view.tokens[j + 1].start
        if not (
            any(m.start <= tok.start < m.end for m in places)
            or any(a <= tok.start < b or (j + 1 < k and a <= nxt < b) for a, b in dates)
            or word.isdigit()
            or word in relation_words("direction")
            or is_nisba(word)
            or (word.startswith("ال") and nisba_plural(word, oblique=True))  # الغربيين
        ):
            return False
    return True


def _expelled_object(
    doc: Doc, view: SentView, actor: Mention, places: list[Mention]
) -> Mention | None:
    """The object of an active verb of expulsion named after its subject («طرد الجيش العراقي
    تنظيم داعش من مدينة تكريت»: the army expelled the organisation): an organisation right
    after the ``actor`` (over an organisation head or a ``filler``: مقاتلي), before the first
    of ``places``; the subject then took the places and the object lost them.  ``None`` for
    the passive or intransitive reading («طُرد التنظيم من …»، «انسحبت القوات من …»)."""
    if not places:
        return None
    text = doc.article.text
    # the place of a relative clause stands before the verb («التي طردت منها القوات الكردية
    # مقاتلي تنظيم داعش»): the object is sought up to the end of the sentence
    end = places[0].start if places[0].start >= actor.end else view.sentence.end
    for m in doc.mentions_in(actor.end, end):
        if m.cls != "Organization" or m.key == actor.key:
            continue
        words = _bare_words(text[actor.end : m.start])
        if words and words[-1] in org_heads():
            words.pop()
        if words and words[-1] in relation_words("filler"):
            words.pop()  # "مقاتلي داعش"
        return m if not words or _time_phrase(words) else None
    return None


_TIME_WORDS = 4  # words of a time phrase between a verb's subject and its object


def _time_phrase(words: list[str]) -> bool:
    """Whether bare ``words`` are a short time phrase (في نهاية يونيو، أمس، منذ أسبوع): at most
    four words, each a ``time_word`` of ``relation_words.tsv`` or a month name of
    ``months.tsv``."""
    allowed = relation_words("time_word") | _month_names()
    return len(words) <= _TIME_WORDS and all(w in allowed for w in words)


@functools.cache
def _month_names() -> frozenset[str]:
    """The one-word month names of ``months.tsv`` (يونيو، حزيران), folded."""
    return frozenset(fold(r.name) for r in load_table("months.tsv", Month) if " " not in r.name)


def _taken_from(
    doc: Doc, view: SentView, actor: Mention | None, place: Mention, cue_end: int = 0
) -> Mention | None:
    """The organisation a place was taken from: "من" (or «من أيدي»، «من سيطرة «X»») + an
    organisation after the actor, the place and ``cue_end`` (the end of a cue after its place:
    «… صلاح الدين لاستعادتها من أيدي داعش»)."""
    after = max(actor.end, place.end, cue_end) if actor is not None else max(place.end, cue_end)
    stop = relation_words("gainer_stop")  # فيما، بينما، حيث: another clause opens
    for m in doc.mentions_in(after, view.sentence.end):
        if m.cls == "Organization" and (actor is None or m.key != actor.key):
            words = _bare_words(doc.article.text[after : m.start])
            if any(w in stop or (w[:1] == "و" and w[1:] in stop) for w in words):
                return None  # "…، فيما تواصل القوات بدعم من التحالف": another clause's «من»
            if words and words[-1] in org_heads():
                words.pop()  # "من تنظيم داعش"
            if words and words[-1] in relation_words("loser"):
                words.pop()  # "من أيدي ميليشيات الحوثي"
            return m if words and words[-1] == "من" else None
    return None
