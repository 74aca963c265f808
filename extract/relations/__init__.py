"""Typed relations between actors, platforms and places, and named events.

Cue words are data (``relation_cues.tsv``, ``event_heads.tsv``, ``place_nouns.tsv``).

- ``actor-platform``: استخدم تنظيم داعش … تويتر، الفيسبوك → داعش usesPlatform تويتر, فيسبوك;
  يستقطب … عبر الإنترنت → usesPlatform الإنترنت.
- ``actor-implied``: تغريدة للرئيس الأمريكي ترامب → ترامب usesPlatform تويتر.
- ``platform-actor``: ألغت شركة تويتر … الحسابات المرتبطة بتنظيم داعش → تويتر actedAgainst داعش.
- ``account-on``: على حسابها على موقع تويتر → hasAccountOn (and publishesOn after نشر/كتب).
- «على <platform>» after a verb of saying or posting (:func:`_on_platform`): ذكرت على مواقع
  التواصل، في بيان على تويتر → the clause's actor publishesOn (and usesPlatform) it.
- ``user-on``: المدون الأشهر على «تويتر» في تركيا فؤاد عوني → فؤاد عوني usesPlatform تويتر.
- ``own-site``: ونقلت صحيفة «حريت» على موقعها الإلكتروني → حريت publishesOn الإنترنت.
- websites and accounts (:func:`find_sites_and_accounts`): الموقع الرسمي لمكتب العبادي, موقع
  قناة «المتوسط», المعرف ( جنون الاستشهاد) على تويتر → Website / Account nodes, ``operates``,
  ``onPlatform``.
- ``place-before``: الواقع تحت سيطرة تنظيم داعش، سقطت بأيدي التنظيم → controls / seized.
- ``actor-place-from``: طُرد التنظيم من مدينة تل أبيض → lostControlOf.
- ``actor-place``: خسر داعش الرقة … والموصل … والحويجة → lostControlOf each;
  استعادة الجيش السوري السيطرة على مدينة دير الزور → regainedControlOf; a pronoun object
  (استولت عليها القوات الكردية) is the place named before the verb, and «… من تنظيم داعش»
  after a seizure makes the loser lostControlOf the place; «تمكنت القوات من استعادة …»: the
  subject of تمكن/نجح is the actor of the noun.
"""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, SentView, bare_forms, strip_al, word_test
from rasd.extract.facilities import facility_heads
from rasd.extract.lexicon import alias_index
from rasd.extract.patterns import (
    cue_table,
    document_source_nouns,
    media_heads,
    plural_participle,
    relation_words,
    subjectless_words,
)
from rasd.extract.records import PLACE_CLASSES, EntityInfo, EventRecord, Mention
from rasd.extract.relations.actors import (
    _actor_near,
    _adjacent,
    _after_apposition,
    _antecedent,
    _claim_speaker,
    _owner_governed,
    _person_after_title,
    _possessive,
    _relative_antecedent,
    _title_of_name,
)
from rasd.extract.relations.clauses import (
    _ACTORS,
    _AFTER_WINDOW,
    _BEFORE_WINDOW,
    _BREAKS,
    _COMMAS,
    _CONTROL_ACTORS,
    _DASHES,
    _TITLE_GAP_STOPS,
    _asides,
    _bare_words,
    _clause_start,
    _sentence_mentions,
    preceding_word,
)
from rasd.extract.relations.control import (
    _aimed,
    _attempted,
    _direct_complement,
    _enabled_actor,
    _enabler_before,
    _expelled_by,
    _expelled_object,
    _gainer_after,
    _generic_militants,
    _loser_predicate,
    _loss_noun,
    _members_before_comma,
    _place_before,
    _taken_from,
    _taken_without_actor,
    _under_its_control,
)
from rasd.extract.relations.cues import (
    _MAY_CUE,
    _blocker_before,
    _cue_at,
    _forms,
    _longest_first,
    _present_verb,
    _pronoun_attached,
    _two_word_firsts,
    relation_cues,
)
from rasd.extract.relations.places import (
    _TAKEN,
    _area_word,
    _attached_pronoun_place,
    _dual_object,
    _named_object,
    _object_on,
    _places_after,
    _pronoun_place,
    _quoted_place,
    _relative_object,
    _two_before_dual,
)
from rasd.extract.relations.register import _NAME_WORDS, _add, _new_entity, _quoted
from rasd.extract.resources import EventHead, load_table
from rasd.extract.text import HANDLE, QUOTE_CLOSERS, QUOTE_MARKS, QUOTE_PAIRS, fold, match_key

__all__ = [
    "QUOTE_MARKS",
    "QUOTE_PAIRS",
    "_BREAKS",
    "_CLOSERS",
    "_TITLE_GAP_STOPS",
    "_area_word",
    "_longest_first",
    "_present_verb",
    "_two_word_firsts",
    "find_events",
    "find_relations",
    "named_venue",
    "preceding_word",
    "relation_cues",
    "relation_words",
    "site_is_location",
    "subjectless_words",
]


@functools.cache
def event_heads() -> frozenset[str]:
    return frozenset(fold(r.head) for r in load_table("event_heads.tsv", EventHead))


_PUBLISH = frozenset(("publishesOn",))
_VIA = frozenset(("عبر", "خلال", "طريق"))  # عبر، من خلال، عن طريق
_VIA_REACH = 4  # words between «عبر» and the platform
_VERB_REACH = 6  # words between a verb (نشر، بث) or its actor and the platform
_USE_REACH = 20  # words between a verb of use (استخدم، استغل) or its actor and the platform


def _platforms_from(doc: Doc, view: SentView, pos: int, reach: int) -> list[Mention]:
    """The platform named at most ``reach`` words after ``pos`` and the platforms listed
    with it («مثل الفيسبوك، تويتر، يوتيوب»: only ``link`` words of ``relation_words.tsv``
    and punctuation between them); none when the first platform is farther."""
    text = doc.article.text
    plats = [m for m in _sentence_mentions(doc, view) if m.cls == "Platform" and m.start >= pos]
    if not plats:
        return []
    words = [fold(w.strip('«»"“”،,()')) for w in text[pos : plats[0].start].split()]
    words = [w for w in words if w]
    links = relation_words("link")
    if sum(w not in links for w in words) > reach:  # "على موقع التواصل الاجتماعي (تويتر)"
        return []
    while (
        words
        and words[-1] in relation_words("link")
        and words[-1] not in relation_words("introducer")
        and words[-1] != "و"
    ):
        words.pop()  # "على موقع «تويتر»"
    proclitic = plats[0].start > 0 and text[plats[0].start - 1] in "بل"
    if words and not proclitic and words[-1] not in relation_words("introducer"):
        return []  # "لمحلات الإنترنت": no preposition puts the link on the platform
    out = [plats[0]]
    for m in plats[1:]:
        gap = [fold(w.strip('«»"“”،,()')) for w in text[out[-1].end : m.start].split()]
        gap = [w for w in gap if w]
        if len(gap) > 3 or any(w not in relation_words("link") for w in gap):
            break
        out.append(m)
    return out


def _account_on(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """``على حسابها على موقع تويتر``، ``قناة التنظيم على تليجرام``: the actor (after the noun,
    or the subject before it; for a pronoun, its unambiguous antecedent) has an account on
    the platform named within five words after it; with a publishing verb before the noun
    (نشر، كتب، غرد) it also published there.  «عبر حسابات مناصريه على …»: accounts of the
    actor's supporters, so the actor uses the platform."""
    toks = view.tokens
    platforms = _platforms_from(doc, view, toks[i].end, 4)
    if not platforms:
        _account_on_implied(doc, view, i, pred)
        return
    named = doc.mentions_in(toks[i].end, platforms[0].start)
    if any(m.cls == "Account" for m in named) or any(
        e.cls == "Account" and e.label in doc.article.text[toks[i].end : platforms[0].start]
        for e in doc.entities.values()
    ):
        return  # «المعرف ( جنون الاستشهاد) على تويتر»: a named account (:func:`_account`)
    named_after = _named_after(doc, view, i)
    if named_after is not None and _quoted(view, named_after[1]) is not None:
        return  # «حساب على فيسبوك باسم (فلان)»: a named account too, not the subject's
    supporters = i + 1 < len(toks) and view.folded[i + 1] in relation_words("supporters")
    owner = _account_owner(doc, view, i, supporters)
    if owner is None or owner[1] > platforms[0].start:
        return
    actor = owner[0]
    for m in platforms:  # "حساباتهم في الفيسبوك وتويتر": every platform listed
        _add(doc, view, actor, "usesPlatform" if supporters else pred, m.key, "relation-cues")
        if pred != "publishesOn" and _published_before(view, i):
            _add(doc, view, actor, "publishesOn", m.key, "relation-cues")


def _published_before(view: SentView, i: int) -> bool:
    """A publishing verb (نشر، كتب، غرد) in the eight tokens before token ``i``, or a
    possessive account noun after «في/عبر» (وصف فلان في حسابه، قال عبر حسابه: a post there)."""
    toks = view.tokens
    if i and _possessive(toks[i].text) and view.folded[i - 1] in _VIA | {"في"}:
        return True
    return any(
        (hit := _cue_at(view, k)) is not None and hit[0] in _PUBLISH
        for k in range(max(0, i - _BEFORE_WINDOW), i)
    )


def _account_owner(
    doc: Doc, view: SentView, i: int, supporters: bool = False
) -> tuple[str, int] | None:
    """Whose account the noun at token ``i`` names: the actor next to it (before it in its
    clause, or right after it); for a possessive (حسابه، صفحتها) or «حسابات مناصريه», the
    pronoun's unambiguous antecedent, else the speaker of the sentence's claim («وذكر في
    تدوينة له عبر حسابه …: "…"»).  Returns its key and where it is named (-1 for a speaker)."""
    toks = view.tokens
    possessive = _possessive(toks[i].text)  # "على صفحته": the owner is named before it
    actor = None if supporters else _actor_near(doc, view, i, _ACTORS, after_ok=not possessive)
    if actor is None and (supporters or _possessive(toks[i].text)):
        actor = _antecedent(doc, view, toks[i].start, ("Organization", "Person"))
    if actor is not None:
        return actor.key, actor.start
    if not _possessive(toks[i].text):
        return None
    speaker = _claim_speaker(doc, view, i, cue_before=True)
    return (speaker, -1) if speaker is not None else None


def _account_on_implied(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """«وكتب بدر الشمري في حسابه "…"»: a possessive account noun after «في/عبر» with no
    platform named in its sentence is an account on the one platform the article names (none
    when it names several, or only the generic الإنترنت / وسائل التواصل)."""
    toks = view.tokens
    if not _possessive(toks[i].text) or not i or view.folded[i - 1] not in _VIA | {"في"}:
        return
    if any(m.cls == "Platform" for m in _sentence_mentions(doc, view)):
        return
    named = {e.key for e in doc.entities.values() if e.cls == "Platform" and not _generic(e.key)}
    named &= {m.key for m in doc.mentions}
    if len(named) != 1:
        return
    owner = _account_owner(doc, view, i)
    if owner is None:
        return
    actor = owner[0]
    (platform,) = named
    _add(doc, view, actor, pred, platform, "relation-cues")
    if _published_before(view, i):
        _add(doc, view, actor, "publishesOn", platform, "relation-cues")


_OWN_SITE_REACH = 2  # words between «على موقعها» and «الإنترنت»


def _own_site(doc: Doc, view: SentView, i: int, pred: str, implies: str) -> None:
    """«في بيان على موقعها على الإنترنت»، «ونقلت صحيفة «حريت» على موقعها الإلكتروني»: a
    possessive site noun after «على/في/عبر», followed by a ``site_adjective`` (الإلكتروني،
    الرسمي) or by the internet named within two words: its owner (the pronoun's antecedent
    in its sentence, :func:`_ungoverned_owner`) publishes on the internet.  Not
    «على موقعه على تويتر» (an account, :func:`_account_on`) nor «في موقعه» (his post)."""
    toks = view.tokens
    if not _possessive(toks[i].text) or not i or view.folded[i - 1] not in _VIA | {"في", "علي"}:
        return
    platforms = _platforms_from(doc, view, toks[i].end, _OWN_SITE_REACH)
    adjective = i + 1 < len(toks) and view.folded[i + 1] in relation_words("site_adjective")
    if platforms and platforms[0].key != alias_index().get(match_key(implies)):
        return
    if not platforms and not adjective:
        medium = _quoted_medium(doc, view, i - 1)  # «وأوردته صحيفة “الديلي ميل” على موقعها»
        platform = _implied_platform(doc, implies) if medium is not None else None
        if medium is not None and platform is not None:
            _add(doc, view, medium, pred, platform, "relation-cues")
        return
    platform = _implied_platform(doc, implies)
    last = i + int(adjective)
    if platforms:  # «وفي بيان على موقعها (الرسمي) على الإنترنت نسبت …»: the verb after it
        last = next((k for k, t in enumerate(toks) if t.end >= platforms[0].end), last)
    owner = _ungoverned_owner(doc, view, i) or _fronted_owner(doc, view, i, last)
    if owner is not None and platform is not None:
        _add(doc, view, owner, pred, platform, "relation-cues")


def _quoted_medium(doc: Doc, view: SentView, k: int) -> str | None:
    """The key of a medium named in quotes after its head right before token ``k``
    («صحيفة “الديلي ميل” على موقعها»): the organisation rasd knows by that name, else a new
    Organization named so (a newspaper's site is its own, with no site adjective needed)."""
    toks = view.tokens
    if k < 3 or toks[k - 1].text not in QUOTE_CLOSERS:
        return None
    opening = next(
        (j for j in range(k - 2, max(0, k - 2 - _NAME_WORDS), -1) if toks[j].text in QUOTE_PAIRS),
        None,
    )
    if opening is None or opening < 1 or QUOTE_PAIRS[toks[opening].text] != toks[k - 1].text:
        return None
    if not bare_forms(toks[opening - 1].text) & media_heads() or opening + 1 >= k - 1:
        return None
    start, end = toks[opening + 1].start, toks[k - 2].end
    head = toks[opening - 1].start
    known = [m for m in doc.mentions_in(head, end) if m.cls == "Organization"]
    if known:  # «صحيفة «الحياة»»: the whole name or its part in quotes
        return known[0].key if known[0].start in (head, start) and known[0].end == end else None
    label = " ".join(doc.article.text[start:end].split())
    return _new_entity(doc, start, end, label, "Organization", "relation-cues")


def _fronted_owner(doc: Doc, view: SentView, i: int, last: int) -> str | None:
    """«وفي بيان على موقعها الإلكتروني نسبت هيئة أركان الجيش التركي الهجوم …»: a phrase that
    opens its sentence (prepositions and ``post`` words only before the possessive noun at
    token ``i``; its adjective or the platform named after it end at token ``last``) before a
    verb: the possessive's owner is that verb's subject, named right after it."""
    toks = view.tokens
    lead = relation_words("post") | subjectless_words()
    if last + 2 >= len(toks) or i > _FRONTED_WORDS:
        return None
    for k in range(i - 1):  # the words before the preposition and the possessive noun
        f = view.folded[k]
        if f not in lead and not (f[:1] == "و" and f[1:] in lead):
            return None
    verb = last + 1
    limit = toks[min(verb + _AFTER_WINDOW, len(toks) - 1)].end
    after = doc.mentions_in(toks[verb].end, view.sentence.end)
    actor = next((m for m in after if m.cls in ("Organization", "Person")), None)
    if actor is not None and actor.start >= limit:
        return None
    if actor is None or not _adjacent(doc, verb, view, actor):
        return None
    return actor.key


_FRONTED_WORDS = 6  # tokens of a phrase fronted before its verb («وفي بيان على موقعها»)


def _ungoverned_owner(doc: Doc, view: SentView, i: int) -> str | None:
    """The owner of the possessive noun at token ``i`` (:func:`_account_owner`), named in its
    sentence (not a claim's speaker nor an actor of the sentence before: «وقال ليون في موقعه»
    with ليون unknown is no one's), passing over an actor after a preposition (حركة الشبيبة
    المقربة من حزب العمال الكردستاني على موقعها: the movement's site; «ونشر صورة لسواريز في
    موقعه»: not his) to the actor before it in the clause."""
    owner = _account_owner(doc, view, i)
    if owner is None or owner[1] < view.sentence.start:
        return None  # a claim's speaker or an actor of the sentence before: no guess
    if not _owner_governed(doc, owner[1]):
        return owner[0]
    before = [
        m
        for m in doc.mentions_in(_clause_start(doc, view, owner[1]), owner[1])
        if m.cls in ("Organization", "Person") and not _owner_governed(doc, m.start)
    ]
    return before[-1].key if before else None


def _launched(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """«أطلقت الحكومة الفرنسية موقع “stop-djihadisme.gouv.fr”»، «ودشنت الوزارة حسابا على
    تويتر»: a verb of launching (``launch`` rows of ``relation_cues.tsv``) whose object, a
    ``launched`` noun of ``relation_words.tsv`` (موقع، حساب، تطبيق), stands right after its
    subject (named right after the verb, or before it in its clause) with a platform named
    right after the noun: the subject uses the platform, and has an account on it after an
    ``account`` noun.  Not «أطلق النار»، «أطلق سراح» (no such noun)."""
    toks = view.tokens
    actor = _actor_near(doc, view, i, ("Organization", "Person"))
    if actor is None or (actor.start > toks[i].start and not _adjacent(doc, i, view, actor)):
        return
    k = next((j for j, t in enumerate(toks) if t.start >= max(actor.end, toks[i].end)), len(toks))
    if k >= len(toks) or not bare_forms(toks[k].text) & relation_words("launched"):
        return
    for m in _platforms_from(doc, view, toks[k].end, 2)[:1]:
        _add(doc, view, actor.key, pred, m.key, "relation-cues")
        if {f.removesuffix("ا") for f in bare_forms(toks[k].text)} & relation_words("account"):
            _add(doc, view, actor.key, "hasAccountOn", m.key, "relation-cues")


_USER_REACH = 6  # words between «المدون على تويتر» and the person it introduces


def _user_on(doc: Doc, view: SentView, i: int, pred: str) -> None:
    """«المدون الأشهر على «تويتر» في تركيا فؤاد عوني»: a user noun (مدون، مغرد، ناشط) with the
    platform it is active on, introducing a person named right before it or within six words
    after the platform."""
    toks = view.tokens
    platforms = _platforms_from(doc, view, toks[i].end, 2)
    if not platforms:
        return
    text = doc.article.text
    mentions = _sentence_mentions(doc, view)
    before = [m for m in mentions if m.end <= toks[i].start and m.cls == "Person"]
    if before and not text[before[-1].end : toks[i].start].strip(" ،,"):
        person: Mention | None = before[-1]
    else:
        after = [m for m in mentions if m.start >= platforms[-1].end and m.cls in _ACTORS]
        gap = text[platforms[-1].end : after[0].start].split() if after else []
        ok = after and after[0].cls == "Person" and len(gap) <= _USER_REACH
        person = after[0] if ok else None
    if person is not None:
        for m in platforms:
            _add(doc, view, person.key, pred, m.key, "relation-cues")


def _generic(key: str) -> bool:
    return fold(key) in relation_words("generic")


_ON_REACH = 8  # words (those in parentheses not counted) between an actor and «على <platform>»
_ON_TARGET_REACH = 2  # words before «على» where a ``target`` or site word says what is there
_POST_REACH = 4  # tokens between a verb of saying or posting (or its object) and «على»
#: how the definite words of a title before a name start (المصمم الرئيسي بالشركة فلان)
_DEFINITE = ("ال", "بال", "لل", "وال")


def _on_platform(doc: Doc, view: SentView) -> None:
    """«ذكرت على مواقع التواصل الاجتماعي»، «قد هددا على مواقع التواصل»، «في بيان على تويتر»،
    «يكتب على فيسبوك»: a platform right after «على» (over ``link`` words: «على موقع فيسبوك»)
    that no cue of its sentence has linked, after a verb of saying (``speech_cues.tsv``), of
    publishing (``relation_cues.tsv``: نشر، بث) or a ``post`` word (بيان، هدد) between the
    actor and «على», or right before the actor (over quote marks and a title of definite words:
    «وبث المصمم الرئيسي بالشركة فلان»; not «ذكرت الصحيفة فإن حركة حماس تتعرض لانتقادات على
    تويتر»): the actor named last before «على» after the last comma (:func:`_on_actors`)
    published there, and so used it.  Not when a ``target`` word (الرقابة على الإنترنت) or a
    site noun («لموقع ستوك على الإنترنت») stands in the two words before «على», a ``blocker``
    near the actor (لم تعلق الوزارة على تويتر), or a ``complementizer`` between the actor and
    «على» («وقالت مايكروسوفت إنه جرى الحديث عن الثغرة على الإنترنت»: another clause, another
    subject)."""
    toks = view.tokens
    # most sentences: no «على» after their first word (one pass in C, no set made)
    at = [k for k, f in enumerate(view.folded) if f == "علي" and k > 0]
    if not at:
        return
    linked: set[str] | None = None  # the objects linked in this sentence before this call
    targets = relation_words("target") | relation_words("site") | relation_words("account")
    for i in at:
        if _possessive(toks[i - 1].text) and view.folded[i - 1] not in subjectless_words():
            continue  # "على صفحته على فيسبوك"، "في موقعه على الإنترنت": an account or a site
        platforms = _platforms_from(doc, view, toks[i].end, 2)
        if not platforms or platforms[0].start < toks[i].end:
            continue
        if linked is None:  # read once, when a platform follows «على» (not every sentence)
            linked = {r.obj for r in doc.relations if r.sentence == view.index}
        if platforms[0].key in linked:
            continue
        if any(_forms(view, k) & targets for k in range(max(0, i - _ON_TARGET_REACH), i)):
            continue
        actors = _on_actors(doc, view, i)
        opener = None
        if not actors:
            opener = _subjectless_opener(view, i)
            actors = _running_subject(doc, view, i) if opener is not None else []
        if not actors:
            continue
        first = next(k for k, t in enumerate(toks) if t.end > actors[0].start)
        last = next(k for k, t in enumerate(toks) if t.end >= actors[-1].end)
        if _blocker_before(view, first, i):
            continue  # "ولم تعلق الوزارة على تويتر"
        after_actor = last + 1 if opener is None else opener  # the clause of «على»
        clause_openers = relation_words("complementizer") | relation_words("clause_complementizer")
        if any(_forms(view, k) & clause_openers for k in range(after_actor, i)):
            continue  # "وقالت الشركة إنه جرى الحديث عن الثغرة على الإنترنت"
        before = [  # "وبث المصمم الرئيسي بالشركة فلان الشعار على تويتر": over his title
            k
            for k in range(max(0, first - _POST_REACH), first)
            if all(
                view.folded[j].startswith(_DEFINITE) or view.tokens[j].text in QUOTE_MARKS
                for j in range(k + 1, first)
            )
        ]
        if not any(_post_word(view, k) for k in [*before, *range(first, i)]):
            continue  # "أثار اتهام فلان الجدل على تويتر": not his post
        for a in actors:
            for m in platforms:
                _add(doc, view, a.key, "publishesOn", m.key, "relation-cues")
                _add(doc, view, a.key, "usesPlatform", m.key, "relation-cues")
        linked |= {m.key for m in platforms}


_RUNNING_REACH = 8  # tokens between the opener of a clause with no subject and «على»


def _subjectless_opener(view: SentView, i: int) -> int | None:
    """The token that opens the clause of «على» at token ``i`` when that clause has no subject
    of its own, at most eight tokens before it: a ``running`` word of ``relation_words.tsv``
    («… وذلك في بيان نشر على الانترنت»), or a verb of saying or posting right after «، و» with
    a subjectless word (``subjectless_words.tsv``: في، عبر، له) right after it («، وقال في
    تدوينة له على …»); not «، وعلق ناشطون على تويتر» (a subject of its own), nor over a
    ``clause`` word (``relation_words.tsv``: بحسب، وفق، حيث) or an "according to" preposition
    of ``speech_cues.tsv`` (نقلا، طبقا) whose clause has its own subject («، وذلك بحسب ما نشره
    ناشطون على فيسبوك»), nor over a plural participle that is its own subject (ناشطون)."""
    toks = view.tokens
    for k in range(i - 1, max(-1, i - 1 - _RUNNING_REACH), -1):
        if toks[k].text in _BREAKS or _forms(view, k) & _own_subject_openers():
            return None
        if plural_participle(view.folded[k]):
            return None  # "وذلك بعد أن نشر ناشطون صورا على فيسبوك": the activists posted
        if _forms(view, k) & relation_words("running"):
            return k
        if (
            k
            and toks[k - 1].text in _COMMAS
            and view.folded[k][:1] == "و"
            and k + 1 < i
            and view.folded[k + 1] in subjectless_words()
            and _post_word(view, k)
        ):
            return k
    return None


@functools.cache
def _own_subject_openers() -> frozenset[str]:
    """Words that open a clause with a subject of its own before «على»: the ``clause`` words
    of ``relation_words.tsv`` (بحسب، وفق، حيث) and the one-word "according to" prepositions
    of ``speech_cues.tsv`` (نقلا، طبقا، تبعا)."""
    according = {cue for cue, (kind, _n) in cue_table().items() if kind == "preposition"}
    return relation_words("clause") | {c.split()[0] for c in according}


def _running_subject(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The subject a clause with no subject of its own (:func:`_subjectless_opener`) takes
    from its sentence («وتبنى تنظيم «داعش» مسئولية الهجوم، وقال في تدوينة له على «فيس
    بوك»»، «تبنى تنظيم القاعدة … قتل 14 جنديا … وذلك في بيان نشر على الانترنت»): the one
    actor (one key) the sentence names before token ``i``, when it stands right after the
    sentence's first word (:func:`_adjacent`: the subject of its first verb)."""
    toks = view.tokens
    actors = [
        m
        for m in doc.mentions_in(view.sentence.start, toks[i].start)
        if m.cls in ("Organization", "Person")
    ]
    if not actors or len({m.key for m in actors}) != 1 or actors[0].start < toks[0].end:
        return []
    lead = actors[0]
    if _owner_governed(doc, lead.start) or not _adjacent(doc, 0, view, lead):
        return []
    return [lead]


_JOIN_LEAD = 2  # tokens before an actor where its verb of taking part may stand (وكما تفاعل)


def _joined(view: SentView, actor: Mention, i: int) -> bool:
    """Whether the actor before the hashtag at token ``i`` took part in it: a ``join`` verb of
    ``relation_words.tsv`` (تفاعل، شارك، دشن) right before the actor or between it and the
    hashtag («كما تفاعل عادل الجبير … مع الهاشتاق»); none after a ``blocker`` (لم) there nor
    across «إن/أن» («وقال محمد العريفي إن هاشتاق … مسيء»)."""
    toks = view.tokens
    first = next((k for k, t in enumerate(toks) if t.end > actor.start), i)
    lo = max(0, first - _JOIN_LEAD)
    words = [_forms(view, k) for k in range(lo, i)]
    if any(f & relation_words("complementizer") for f in words[first - lo :]):
        return False
    if _blocker_before(view, lo, i):
        return False
    return any(f & relation_words("join") for f in words)


def _post_word(view: SentView, k: int) -> bool:
    """Whether token ``k`` is a verb of saying (``speech_cues.tsv``: ذكرت، أعلن، يكتب), a cue
    of publishing (``relation_cues.tsv``: نشر، بث) or a ``post`` word (بيان، هددا، توعد)."""
    forms = _forms(view, k)
    if forms & relation_words("post"):
        return True
    speech = cue_table()
    if any(speech.get(f, ("", ""))[0].startswith("verb") for f in forms):
        return True
    hit = _cue_at(view, k)
    return hit is not None and hit[0] in _PUBLISH and hit[1] == "actor-platform"  # نشر، بث


def _on_actors(doc: Doc, view: SentView, i: int) -> list[Mention]:
    """The actor (a person or an organisation) named last before token ``i`` in its clause
    (:func:`_clause_start`) and after the last comma before it («وأعلن تنظيم داعش مسؤوليته،
    وعلق ناشطون على تويتر»: not داعش) unless «، و» opens a coordinated subject with the verb
    of posting after it («وكان تنظيم داعش، وميليشيات «فجر ليبيا» قد هددا على»), at most
    eight words before it, words in
    parentheses not counted («وكان فلان (23 سنة) من سكان … يكتب على»), not one after a
    preposition («ونشر صورة لسواريز على …»، «للممثل فلان»: :func:`_owner_governed`), with the
    actors joined to it by «و» alone («وكان تنظيم داعش، وميليشيات «فجر ليبيا» قد هددا على»)."""
    toks = view.tokens
    text = doc.article.text
    lo = _clause_start(doc, view, toks[i].start)
    actors = [
        m
        for m in doc.mentions_in(lo, toks[i].start)
        if m.cls in ("Organization", "Person")
        and not _title_of_name(doc, m)
        and not _owner_governed(doc, m.start)  # "ونشر صورة لسواريز في …": not the actor
        and not _after_definite_dative(doc, m.start)  # "تهديدا للممثل فلان"
    ]
    comma = max((k for k in range(i) if toks[k].text in _COMMAS), default=None)
    if not actors:
        return []
    if comma is not None and actors[-1].start < toks[comma].end:
        # "وكان تنظيم داعش، وميليشيات «فجر ليبيا» قد هددا على": a coordinated subject rasd
        # did not name (not a verb after «، و»), then the verb of posting
        after = comma + 1
        if not (
            after < i
            and view.folded[after].startswith("و")
            and not _post_word(view, after)
            and any(_post_word(view, k) for k in range(after + 1, i))
        ):
            return []
    gap = text[actors[-1].end : toks[i].start]
    while "(" in gap and ")" in gap[gap.index("(") :]:
        gap = gap[: gap.index("(")] + " " + gap[gap.index(")", gap.index("(")) + 1 :]
    if len(gap.split()) > _ON_REACH:
        return []
    out = [actors[-1]]
    for m in reversed(actors[:-1]):
        between = text[m.end : out[0].start].strip(' «»"“”()،,')
        if between not in ("و", "") or m.key in {a.key for a in out}:
            break
        if between == "" and text[out[0].start - 1 : out[0].start] != "و":
            break
        out.insert(0, m)
    return out


def _after_definite_dative(doc: Doc, pos: int) -> bool:
    """Whether the word right before ``pos`` is a definite noun with لـ (للممثل): the name
    after it is that noun's complement, not a subject («بالشركة فلان» may be his post)."""
    return preceding_word(doc.article.text, pos).startswith(("لل", "ولل"))


def _media() -> frozenset[str]:
    """Heads of media names (صحيفة، وكالة) and «قناة» (``channel`` of relation_words.tsv)."""
    return media_heads() | relation_words("channel")


def _site_publishes(view: SentView, k: int) -> bool:
    """Whether the words before token ``k`` make a website's owner publish there (البيان
    المنشور على الموقع، بحسب ما ذكر موقع …)."""
    words = relation_words("site_publish")
    prev = [view.folded[j] for j in range(max(0, k - 2), k)]
    if prev[-1:] == ["علي"]:
        return len(prev) == 2 and prev[0] in words
    return bool(prev) and prev[-1] in words


_SITE_WORD = fold("موقع")


def named_venue(text: str, pos: int) -> bool:
    """Whether a name at ``pos`` follows a facility head (``facility_heads.tsv``) or a
    ``venue`` word of ``relation_words.tsv`` (إستاد، ملعب), in quotes or not, so it names the
    place: «لإستاد «سيجنال إيدونا»» is a stadium, not the app سيغنال.

    >>> named_venue("رفع سعة إستاد «سيجنال إيدونا»", 15), named_venue("عبر تطبيق «سيجنال»", 11)
    (True, False)
    """
    window = text[max(0, pos - 30) : pos]
    if window[-1:].isalpha():  # a proclitic glued to the name (لسيجنال): not the word before
        window = window[: len(window) - len(window.split()[-1])]
    words = [w for w in (w.strip('«»"“”(') for w in window.split()) if w]
    heads = facility_heads() | relation_words("venue")
    return bool(words) and bool(bare_forms(words[-1]) & heads)


_LOCATION_REACH = 2  # words after a quoted name where a verb of location makes «موقع» a place


def site_is_location(text: str, site_start: int, name_end: int) -> bool:
    """Whether «موقع» at ``site_start`` before a name ending at ``name_end`` is a location,
    not a website: a ``site_location`` word of ``relation_words.tsv`` (يقع، يبعد، الأثري) right
    before «موقع» or among the first words after the name («ويقع موقع «جبة» على مسافة»,
    «موقع “جبة ” يقع على مسافة»).

    >>> site_is_location("موقع «جبة» يقع شمال حائل", 0, 10)
    True
    >>> site_is_location("وذكر موقع «جبة» أن الحادث وقع", 5, 15)
    False
    """
    words = relation_words("site_location")
    before = text[max(0, site_start - 20) : site_start].split()[-1:]
    after = text[name_end : name_end + 40].split()[:_LOCATION_REACH]
    for w in before + after:
        w = w.strip('«»"“”()،,.:؛')
        if w and bare_forms(w) & words:
            return True
    return False


def _website(doc: Doc, view: SentView, k: int) -> None:
    """«الموقع الرسمي لمكتب العبادي» (a site and its owner, an actor named after «ل»),
    «موقع قناة «المتوسط»» (a medium's site: the medium becomes an organisation), «موقع
    «دابق»» (a site by its name): a Website entity, ``operates`` from its owner, and
    ``publishesOn`` when the owner published there (:func:`_site_publishes`)."""
    toks = view.tokens
    text = doc.article.text
    site_word = _SITE_WORD
    if site_word not in bare_forms(toks[k].text) or doc.mention_at_token(toks[k]) is not None:
        return
    f = view.folded[k]
    start = toks[k].start + f.index(site_word) - (2 if "ال" + site_word in f else 0)
    j = k + 1
    while j < len(toks) and view.folded[j] in relation_words("site_adjective"):
        j += 1
    owner: Mention | None = None
    label = None
    end = toks[k].end  # the mention: «موقع» or «الموقع الرسمي»; the label names it in full
    if j < len(toks) and view.folded[j][:1] == "ل" and j > k + 1:
        inside = doc.mentions_in(toks[j].start, toks[min(j + 2, len(toks) - 1)].end)
        owner = next((m for m in inside if m.cls in ("Organization", "Person")), None)
        if owner is not None:
            label, end = text[start : owner.end], toks[j - 1].end
    elif j == k + 1 and j + 1 < len(toks) and bare_forms(toks[j].text) & _media():
        name = _quoted(view, j + 1)
        if name is not None:
            a, b = name
            org_label = f"{toks[j].text} {text[toks[a].start : toks[b - 1].end]}"
            org_end = toks[b - 1].end
            if _new_entity(doc, toks[j].start, org_end, org_label, "Organization", "sites"):
                owner = doc.mentions_in(toks[j].start, org_end)[0]
                label = f"{text[start:end]} {org_label}"
    elif j == k + 1:
        name = _quoted(view, j)
        if name is not None and site_is_location(text, toks[k].start, toks[name[1]].end):
            return  # «يبعد موقع (مدائن صالح) نحو 20 كيلومتراً»: a location, not a website
        if name is not None and not doc.mentions_in(toks[name[0]].start, toks[name[1] - 1].end):
            end = toks[name[1] - 1].end
            label = f"{text[start : toks[k].end]} {text[toks[name[0]].start : end]}"
    if not label:
        return
    site = _new_entity(doc, start, end, label.replace("«", "").replace("»", ""), "Website", "sites")
    if site is None or owner is None:
        return
    _add(doc, view, owner.key, "operates", site, "sites")
    if _site_publishes(view, k):
        _add(doc, view, owner.key, "publishesOn", site, "sites")


def _account(doc: Doc, view: SentView, k: int) -> None:
    """«المعرف ( جنون الاستشهاد)»، «قناة «أعماق» على تليجرام»، «صفحة إخبارية اتخذت اسم «الرقة
    تذبح بصمت»»: an Account entity named in quotes or parentheses after an account noun
    (``naming`` words may stand between), ``onPlatform`` the platform named right after it
    (على/عبر/في), ``operates`` from an actor named between the noun and the name or, for a
    possessive noun (حسابه «…»), the pronoun's unambiguous antecedent."""
    toks = view.tokens
    text = doc.article.text
    forms = bare_forms(toks[k].text)
    channel = bool(forms & relation_words("channel"))
    if not channel and not forms & relation_words("account"):
        return
    j = k + 1
    operator: Mention | None = None
    while j < len(toks) and j - k <= 3:
        m = doc.mention_at_token(toks[j])
        if m is not None and m.cls in ("Organization", "Person") and operator is None:
            operator = m
            while j < len(toks) and toks[j].start < m.end:
                j += 1
            continue
        if view.folded[j] in relation_words("naming"):
            j += 1
            continue
        break
    name = _quoted(view, j)
    named_after = [] if name is not None or operator is not None else _named_after(doc, view, k)
    if named_after:
        name = _quoted(view, named_after[1])
    if name is None:
        return
    a, b = name
    start, end = toks[a].start, toks[b - 1].end
    inner = doc.mentions_in(start, end)
    posts = _publishes_after(view, b + 1)
    if inner and inner[0].start == start and inner[-1].end == end:
        if named_after and inner[0].cls == "Person":  # «حساب على فيسبوك باسم (فلان)»
            _add(doc, view, inner[0].key, "hasAccountOn", named_after[0], "accounts")
            if posts:
                _add(doc, view, inner[0].key, "publishesOn", named_after[0], "accounts")
        return  # «داعش»: a known name, not a handle
    after = b + 1
    plats = _platforms_from(doc, view, toks[after].start, 2) if after < len(toks) else []
    if named_after:
        plats = [m for m in _sentence_mentions(doc, view) if m.key == named_after[0]][:1]
    if channel and not plats:
        return  # «قناة «المتوسط»»: a TV channel, no account
    if (
        j == k + 1
        and not plats
        and forms & relation_words("print_sense")
        and not _possessive(toks[k].text)
        and not any(m.cls == "Platform" for m in _sentence_mentions(doc, view))
    ):
        return  # «صفحة «الأهرام» الأخيرة»، «وبحساب «كمية البروتين»»: a page of print, a sum
    label = " ".join(text[start:end].split())
    acc = _new_entity(doc, start, end, label, "Account", "accounts", inner_ok=True)
    if acc is None:
        return
    for p in plats[:1]:
        _add(doc, view, acc, "onPlatform", p.key, "accounts")
        if named_after and posts:
            _add(doc, view, acc, "publishesOn", p.key, "accounts")
    if operator is None and _possessive(toks[k].text):
        operator = _antecedent(doc, view, toks[k].start, ("Organization", "Person"))
    if operator is not None:
        _add(doc, view, operator.key, "operates", acc, "accounts")
        for p in plats[:1]:
            _add(doc, view, operator.key, "hasAccountOn", p.key, "accounts")


def _named_after(doc: Doc, view: SentView, k: int) -> tuple[str, int] | None:
    """«حساب على موقع التواصل الاجتماعي (فيس بوك) باسم (أبو الوليد السيناوي)»: the account
    noun at token ``k`` with the platform right after it (an ``introducer`` first, over
    ``link`` words) and a ``naming`` word after the platform: the platform's key and the
    token after the naming word (where the quoted name should open)."""
    toks = view.tokens
    if k + 1 >= len(toks) or view.folded[k + 1] not in relation_words("introducer"):
        return None
    plats = _platforms_from(doc, view, toks[k].end, 4)
    if not plats:
        return None
    e = next((j for j, t in enumerate(toks) if t.start >= plats[-1].end), len(toks))
    while e < len(toks) and toks[e].text in _CLOSERS:
        e += 1
    if e + 1 >= len(toks) or view.folded[e] not in relation_words("naming"):
        return None
    return plats[0].key, e + 1


_CLOSERS = QUOTE_CLOSERS | {")"}
_PUBLISHED_REACH = 4  # tokens between an account's name and a verb of publishing after it


def _publishes_after(view: SentView, k: int) -> bool:
    """A publishing cue (نشر، بث) in the four tokens from token ``k``, in its clause (a
    closing mark skipped): «باسم (فلان) يقوم مستخدمه بنشر منشورات»."""
    toks = view.tokens
    for j in range(k, min(len(toks), k + _PUBLISHED_REACH + 1)):
        if toks[j].text in _BREAKS:
            return False
        hit = _cue_at(view, j)
        if hit is not None and hit[0] in _PUBLISH:
            return True
    return False


_OWNED_BY = frozenset(fold(w) for w in ("التابع", "التابعة", "المرتبط", "المرتبطة"))


def _handles(doc: Doc, view: SentView) -> None:
    """«الحساب @Nashir_news التابع لتنظيم داعش على تويتر»: a handle is an Account, ``onPlatform``
    the platform named after it (على، عبر), ``operates`` from the actor it belongs to (التابع ل…)
    or the actor named between an account noun and the handle."""
    text = doc.article.text
    s = view.sentence
    for hit in HANDLE.finditer(text, s.start, s.end):
        start, end = hit.span()
        acc = _new_entity(doc, start, end, hit.group(), "Account", "accounts")
        if acc is None:
            continue
        k = next((j for j, t in enumerate(view.tokens) if t.start >= end), len(view.tokens))
        owner = None
        if k < len(view.tokens) and view.folded[k] in _OWNED_BY:
            owner = next(
                (
                    m
                    for m in doc.mentions_in(view.tokens[k].end, s.end)
                    if m.cls in ("Organization", "Person")
                ),
                None,
            )
            if owner is not None and len(text[view.tokens[k].end : owner.start].split()) > 1:
                owner = None  # only «التابع لتنظيم داعش», not a later actor
        plats = _platforms_from(doc, view, owner.end if owner else end, 3)
        for p in plats[:1]:
            _add(doc, view, acc, "onPlatform", p.key, "accounts")
        named = _named_before_handle(doc, start) if owner is None else None
        if named is not None:
            owner = named
            if _byline(text, owner.start, end) or _said_by_name(doc, view, owner):
                _add(doc, view, owner.key, "publishesOn", acc, "accounts")
        if owner is not None:
            _add(doc, view, owner.key, "operates", acc, "accounts")
            for p in plats[:1]:
                _add(doc, view, owner.key, "hasAccountOn", p.key, "accounts")


#: what may stand between a name and its handle: spaces, direction marks, an opening bracket
_HANDLE_GAP = frozenset(" \t\u200e\u200f\u202a\u202b\u202c\u202d\u202e(")
_BYLINE_LEAD = 2  # words before the name on a byline's line (د.، قال)
_TITLE_WORDS = 2  # definite title words between a verb of saying and a handle's owner (المغرد)


def _named_before_handle(doc: Doc, start: int) -> Mention | None:
    """«صلاح الغيدان ‏@salahalghaydan»، «عادل الجبير (@AdelAljubeir)»: the Person or
    Organization named right before a handle (only spaces, direction marks or an opening
    bracket between them) is the one whose account it is; not a name in quotes right after an
    account noun («تحت معرف "الحجاج بن يوسف ‏@wwddddd"»: the account's display name)."""
    text = doc.article.text
    k = start
    while k > 0 and text[k - 1] in _HANDLE_GAP:
        k -= 1
    if k == start:
        return None
    m = doc.overlaps(k - 1, k)
    if m is None or m.end != k or m.cls not in ("Person", "Organization"):
        return None
    lead = text[max(0, m.start - _NAME_LEAD) : m.start].split()
    if (
        len(lead) > 1
        and lead[-1][-1:] in QUOTE_PAIRS
        and bare_forms(lead[-2]) & relation_words("account")
    ):
        return None  # «تحت معرف "الحجاج بن يوسف ‏@wwddddd»: the account's name, no owner
    return m  # «ونشر على حساب سعد البريك ‏@saadalbreik»: unquoted, the owner's name


_NAME_LEAD = 30  # characters before a name where an account noun naming it may stand


def _said_by_name(doc: Doc, view: SentView, m: Mention) -> bool:
    """Whether a verb of saying or posting (:func:`_post_word`) stands right before the name
    ``m`` of a handle's owner, over definite title words («فيما قال المغرد كمال الغامدي
    ‏@kamalsg99 "…"»، «وتساءل سعود السبيعي ‏@sau1400»): the post is quoted from that account.
    Not after a ``blocker`` (لم) in the three tokens before the verb."""
    toks = view.tokens
    k = next((j for j, t in enumerate(toks) if t.end > m.start), None)
    if k is None or toks[k].start != m.start or _owner_governed(doc, m.start):
        return False  # «وقال لسعد البريك»: the one spoken to, not the author
    if view.folded[k].startswith("ل"):
        return False  # the same when the recogniser took the «ل» into the name («لسعد البريك»)
    j = k - 1
    while j >= 0 and k - j <= _TITLE_WORDS and view.folded[j].startswith("ال"):
        j -= 1  # title words «المغرد»; not «للداعية» (the one spoken to)
    if j < 0 or not _post_word(view, j):
        return False
    return not _blocker_before(view, j, j)  # «لم يكتب صلاح الغيدان ‏@salahalghaydan»: no post


def _byline(text: str, name_start: int, handle_end: int) -> bool:
    """Whether a name and its handle are a post's byline: the name opens its line (after at
    most two words: «د. سعد البريك»، «قال صلاح الغيدان») and only a count follows the handle
    on that line («@saadalbreik 11»), the post quoted below it."""
    line_start = text.rfind("\n", 0, name_start) + 1
    line_end = text.find("\n", handle_end)
    if line_end < 0:
        return False  # no post below it
    rest = text[handle_end:line_end]
    if len(text[line_start:name_start].split()) > _BYLINE_LEAD:
        return False
    return not rest.strip(" \t\u200e\u200f0123456789")


def _implied_platform(doc: Doc, name: str) -> str | None:
    """The key of the platform a word implies (تغريدة → تويتر، تويترية → تويتر), its lexicon
    entity added to the article when the article does not name it."""
    key = alias_index().get(match_key(name))
    if key is None:
        return None
    if not any(e.key == key and e.cls == "Platform" for e in doc.entities.values()):
        from rasd.extract.lexicon import lexicon_index

        info = lexicon_index().get(key)
        if info is None:
            return None
        doc.add_entity(info)
    return key


_LIST_ITEM_WORDS = 3  # words of one handle in a list of accounts
_LIST_MIN_ITEMS = 3
_ADJECTIVE_REACH = 4  # tokens before the colon where a platform adjective (تويترية) may stand


def _platform_adjective(doc: Doc, view: SentView, lo: int, hi: int) -> str | None:
    """The platform named by an adjective (تويترية، فيسبوكية: ``platform-adjective`` rows of
    ``relation_cues.tsv``) among tokens ``[lo, hi)``, as the platform's key."""
    table = relation_cues()
    for k in range(max(0, lo), hi):
        for f in _forms(view, k):
            hit = table.get(f)
            if hit is not None and hit[1] == "platform-adjective":
                return _implied_platform(doc, hit[2])
    return None


def _account_list(doc: Doc, view: SentView, k: int) -> None:
    """«حسابات تويترية أمثال حسابات: داعشي وافتخر، بعت الدنيا، جنون الاستشهاد، …»: a plural
    account noun (``account_list`` of relation_words.tsv) and a colon, then at least three
    names of at most three words between commas (an aside in parentheses skipped): each is an
    Account ``onPlatform`` the platform named by an adjective before the colon or right after
    the list; a name rasd knows as a person is that person's account (``hasAccountOn``)."""
    toks = view.tokens
    text = doc.article.text
    if not bare_forms(toks[k].text) & relation_words("account_list"):
        return
    if k + 1 >= len(toks) or toks[k + 1].text != ":":
        return
    asides = {x for a, b in _asides(view) for x in range(a, b + 1)}
    items: list[tuple[int, int]] = []  # token ranges [first, last]
    j = k + 2
    first = j
    while j <= len(toks):
        end_here = j == len(toks) or toks[j].text in ("،", ",", ".", "؛")
        if end_here:
            words = [x for x in range(first, j) if x not in asides and toks[x].word]
            if not words or len(words) > _LIST_ITEM_WORDS:
                break
            items.append((words[0], words[-1]))
            if j == len(toks) or toks[j].text in (".", "؛"):
                break
            first = j + 1
        j += 1
    if len(items) < _LIST_MIN_ITEMS:
        return
    platform = _platform_adjective(doc, view, k - _ADJECTIVE_REACH, k)
    if platform is None:
        last = items[-1][1]
        plats = _platforms_from(doc, view, toks[last].end, 2) if last + 1 < len(toks) else []
        platform = plats[0].key if plats else None
    for a, b in items:
        start, end = toks[a].start, toks[b].end
        known = [m for m in doc.mentions_in(start, end) if m.start == start and m.end == end]
        if known and known[0].cls == "Person":
            if platform is not None:
                _add(doc, view, known[0].key, "hasAccountOn", platform, "accounts")
            continue
        if known:
            continue  # «داعش»: a known name, not a handle
        label = " ".join(text[start:end].split())
        acc = _new_entity(doc, start, end, label, "Account", "accounts", inner_ok=True)
        if acc is not None and platform is not None:
            _add(doc, view, acc, "onPlatform", platform, "accounts")


def _bullets(doc: Doc, index: int) -> list[SentView]:
    """The sentences right after sentence ``index`` that open with a dash: a bulleted list."""
    out = []
    for view in doc.views[index + 1 :]:
        if not view.tokens or view.tokens[0].text not in _DASHES:
            break
        out.append(view)
    return out


def _named_platform(doc: Doc) -> str | None:
    """The key of the one platform the article names, when it names exactly one that is not
    generic (الإنترنت، وسائل التواصل)."""
    named = {e.key for e in doc.entities.values() if e.cls == "Platform" and not _generic(e.key)}
    named &= {m.key for m in doc.mentions}
    return next(iter(named)) if len(named) == 1 else None


def _account_list_head(view: SentView) -> bool:
    """Whether a header ends in a plural account noun (``account_list`` of
    ``relation_words.tsv``: الحسابات) before its final colon, over definite adjectives
    only, the last a ``list_next`` word («متابعة الحسابات المتطرفة التالية:»), or right
    after a ``follow`` word as its object («وتابعت الوزارة الحسابات:»); not «الحسابات
    المشبوهة التي يتابعها الشباب وتتخذ الإجراءات التالية:» (a list of measures)."""
    toks = view.tokens
    if len(toks) < 2 or toks[-1].text != ":":
        return False
    colon = len(toks) - 1
    for k in range(colon):
        if not bare_forms(toks[k].text) & relation_words("account_list"):
            continue
        rest = range(k + 1, colon)
        if not all(view.folded[j].startswith("ال") for j in rest):
            continue
        if (rest and _forms(view, colon - 1) & relation_words("list_next")) or (
            k and _forms(view, k - 1) & relation_words("follow")
        ):
            return True
    return False


def _bulleted_accounts(doc: Doc, view: SentView) -> None:
    """A header with a ``follow`` word of ``relation_words.tsv`` (تابع، متابعة) and lines
    under it that open with a dash: «متابعة الحسابات المشبوهة التالية:» (a header ending in
    a plural account noun, :func:`_account_list_head`: each item of at most three words that
    names nothing rasd knows is an Account ``onPlatform`` the platform), «أبرز الذين تابعهم
    الرشيد على انستقرام» (a ``follow_people`` word, or an account list: each person an item
    names, other than the header's, ``hasAccountOn`` it; not «تغريدة تابعها الآلاف:» nor
    «وتابع الرئيس كلمته:», whose lists are what was said).  The
    platform is the one the header names, else (under an account noun) the one platform
    the article names."""
    toks = view.tokens
    items = _bullets(doc, view.index)  # cheap: most sentences have no dash line after them
    follow = relation_words("follow")
    if not items or not any(_forms(view, k) & follow for k in range(len(toks))):
        return
    accounts = _account_list_head(view)
    people = accounts or any(
        _forms(view, k) & relation_words("follow_people") for k in range(len(toks))
    )
    mentions = _sentence_mentions(doc, view)
    plats = [m.key for m in mentions if m.cls == "Platform" and not _generic(m.key)]
    platform = plats[0] if plats else _named_platform(doc) if accounts else None
    if platform is None:
        return
    header = {m.key for m in mentions if m.cls == "Person"}
    for item in items:
        named = _sentence_mentions(doc, item)
        for m in named:
            if people and m.cls == "Person" and m.key not in header:
                _add(doc, item, m.key, "hasAccountOn", platform, "accounts")
        words = [t for t in item.tokens[1:] if t.word]
        if not accounts or named or not 0 < len(words) <= _LIST_ITEM_WORDS:
            continue
        start, end = words[0].start, words[-1].end
        label = " ".join(doc.article.text[start:end].split())
        acc = _new_entity(doc, start, end, label, "Account", "accounts")
        if acc is not None:
            _add(doc, item, acc, "onPlatform", platform, "accounts")


@functools.cache
def _site_and_account_nouns() -> frozenset[str]:
    """The words :func:`_website`, :func:`_account` and :func:`_account_list` start at (any
    other word: none of them finds anything)."""
    roles = ("channel", "account", "account_list")
    return frozenset({_SITE_WORD}).union(*(relation_words(r) for r in roles))


def _site_or_account_word(word: str) -> bool:
    """Whether one of a word's :func:`bare_forms` is a noun of
    :func:`_site_and_account_nouns` (a :func:`word_test`: memoised with the others)."""
    return not _site_and_account_nouns().isdisjoint(bare_forms(word))


_SITE_OR_ACCOUNT = word_test(_site_or_account_word)


def find_sites_and_accounts(doc: Doc) -> None:
    """Websites and accounts as entities of their own (:func:`_website`, :func:`_account`,
    :func:`_account_list`, :func:`_handles`, :func:`_bulleted_accounts`)."""
    for view in doc.views:
        _handles(doc, view)
        _bulleted_accounts(doc, view)
        for k in view.words_passing(_SITE_OR_ACCOUNT):
            _website(doc, view, k)
            _account(doc, view, k)
            _account_list(doc, view, k)


def find_relations(doc: Doc) -> None:
    """Actor–platform and actor–place relations from cue words in each sentence, after the
    websites and accounts they may name (:func:`find_sites_and_accounts`)."""
    find_sites_and_accounts(doc)
    for view in doc.views:
        toks = view.tokens
        for i in view.words_passing(_MAY_CUE):  # most words: no cue (what _cue_at asks first)
            hit = _cue_at(view, i)
            if hit is None:
                continue
            pred, pattern, implies, subject = hit
            before_ok = subject != "after"
            mentions = _sentence_mentions(doc, view)
            if pattern == "actor-platform":
                via = fold(toks[i].text) in _VIA
                classes = ("Organization",) if via else _ACTORS
                attached = _pronoun_attached(view, i)  # "الآلية التي تستخدمها الوزارة"
                actor = _actor_near(doc, view, i, classes, before_ok and not attached)
                if (
                    actor is not None
                    and actor.start > toks[i].end
                    and not _adjacent(doc, i, view, actor)
                ):
                    actor = _actor_near(doc, view, i, classes, before_ok, after_ok=False)
                if actor is None and i and strip_al(view.folded[i - 1]) in document_source_nouns():
                    # "وقال التنظيم … في بيان نشر على موقع …": the statement's speaker
                    speaker = _claim_speaker(doc, view, i, cue_before=True)
                    if speaker is not None:
                        for m in _platforms_from(doc, view, toks[i].end, _VERB_REACH):
                            _add(doc, view, speaker, pred, m.key, "relation-cues")
                    continue
                if actor is None:
                    continue
                pos = _after_apposition(doc, view, max(toks[i].end, actor.end))
                reach = _VIA_REACH if via else _USE_REACH if pred == "usesPlatform" else _VERB_REACH
                if attached:  # its object is the pronoun: a platform only right after the actor
                    reach = _VIA_REACH
                for m in _platforms_from(doc, view, pos, reach):
                    _add(doc, view, actor.key, pred, m.key, "relation-cues")
            elif pattern == "actor-implied":
                # "في إحدى تغريداته": the pronoun refers back, so the actor stands before
                # it, never after it («قال فلان في تغريدته: اللهم عليك بداعش»)
                attached = _pronoun_attached(view, i)
                before_only = subject == "before"
                actor = _actor_near(
                    doc,
                    view,
                    i,
                    ("Person", "Organization"),
                    before_ok or attached,
                    after_ok=not attached and not before_only,
                )
                if (
                    actor is not None
                    and before_only
                    and (
                        _owner_governed(doc, actor.start)
                        or _after_definite_dative(doc, actor.start)
                    )
                ):
                    actor = None  # "في قضية اختراق حساب الكابتن نايف هزازي تابعت هاشتاق": not his
                if actor is not None and before_only and not _joined(view, actor, i):
                    actor = None  # «وحذرت الوزارة من هاشتاق»: a critic, not a user
                if before_only:  # no actor after it, nor a claim's speaker
                    speaker = actor.key if actor is not None else None
                else:
                    if actor is None and not attached:
                        actor = _person_after_title(doc, view, i)
                    speaker = actor.key if actor is not None else _claim_speaker(doc, view, i)
                if speaker is not None:
                    platform = _implied_platform(doc, implies)
                    if platform is not None:
                        _add(doc, view, speaker, pred, platform, "relation-cues")
            elif pattern == "platform-actor":
                # "ألغت شركة تويتر … الحسابات المرتبطة بتنظيم داعش": a named company before
                # the verb or right after it; never الإنترنت («حظر بث الإنترنت»)
                platform_m = _actor_near(doc, view, i, ("Platform",))
                if platform_m is None or _generic(platform_m.key):
                    continue
                limit = toks[min(i + 10, len(toks) - 1)].end
                for m in mentions:
                    if m.cls == "Organization" and toks[i].end < m.start < limit:
                        _add(doc, view, platform_m.key, pred, m.key, "relation-cues")
            elif pattern in ("actor-place", "actor-place-from"):
                if _under_its_control(doc, view, i) or _attempted(view, i):
                    continue  # "اللتين حاول أن يسيطر عليهما": tried, not done
                if i > 0 and _forms(view, i - 1) & relation_words("passive"):
                    before_ok = False  # "ونقلت الصحيفة … أنه تم تحرير": no agent before «تم»
                expelled = _expelled_by(doc, view, i) if pattern == "actor-place-from" else None
                if expelled is not None:  # "طُردت من ريف إدلب على يد جبهة النصرة"
                    for m in expelled[1]:
                        _add(doc, view, expelled[0].key, "seized", m.key, "relation-cues")
                relative_object = _relative_object(doc, view, i)
                if relative_object:  # "قبرص الذي تحتله تركيا": the actor after the verb
                    actor = _actor_near(doc, view, i, _CONTROL_ACTORS, before_ok=False)
                elif _pronoun_attached(view, i):  # "واستيلائها على": the pronoun is the actor
                    actor = _antecedent(doc, view, toks[i].start, ("Organization",))
                else:
                    actor = _actor_near(doc, view, i, _CONTROL_ACTORS, before_ok)
                if actor is None and before_ok:
                    # "حكومة الإنقاذ الوطني غير المعترف بها دوليا، والتي تسيطر على …"
                    actor = _relative_antecedent(doc, view, i, _CONTROL_ACTORS)
                if (
                    actor is not None
                    and not relative_object
                    and actor.cls in PLACE_CLASSES
                    and actor.start > toks[i].start
                    and not (
                        _adjacent(doc, i, view, actor)
                        and _places_after(doc, view, actor.end, {toks[i].start, actor.start})
                    )
                ):  # "احتلت إيران الأحواز"; not "احتلال العراق", the place taken
                    actor = _actor_near(doc, view, i, _CONTROL_ACTORS, before_ok, after_ok=False)
                if (
                    actor is not None
                    and pred in _TAKEN
                    and actor.start > toks[i].start
                    and _bare_words(doc.article.text[max(0, actor.start - 20) : actor.start])[-1:]
                    == ["من"]
                ):  # "تحرير الموصل من داعش": the side it is taken from, not the actor
                    actor = _actor_near(doc, view, i, _CONTROL_ACTORS, before_ok, after_ok=False)
                if actor is None and not before_ok and (k := _enabler_before(view, i)) is not None:
                    # "وتمكنت قوات البشمركة … من استعادة": the subject of تمكن takes the place
                    actor = _enabled_actor(doc, view, k, i)
                if actor is None and i + 1 < len(toks) and toks[i + 1].text in ("عليها", "عليه"):
                    # "مدينة الرقة التي يسيطر عليها": the subject named before, unambiguous
                    actor = _antecedent(doc, view, toks[i].start, ("Organization",))
                if actor is None and before_ok:
                    # "تقدم مقاتلو تنظيم داعش في غرب العراق، وسيطروا على …": their organisation
                    actor = _members_before_comma(doc, view, i)
                if actor is None:  # "ويسيطر المتطرفون على …": the one «تنظيم» of the article
                    actor = _generic_militants(doc, view, i)
                if expelled is not None and (actor is None or actor.start >= expelled[0].start):
                    continue  # the expelled side is named before the agent, or not at all
                if actor is None:
                    _taken_without_actor(doc, view, i, pred)
                    continue
                anchors = {toks[i].start}
                anchors |= {t.start for t in toks if actor.start <= t.start < actor.end}
                if pattern == "actor-place-from":  # "طُرد التنظيم من مدينة تل أبيض"
                    anchors |= {
                        toks[k].start
                        for k in range(i + 1, min(len(toks), i + 6))
                        if fold(toks[k].text) == "من"
                    }
                places = relative_object or _pronoun_place(doc, view, i, pred, actor)
                # "وتستعد القوات … لاستعادتها": the place the pronoun on the cue stands for
                attached_place = [] if relative_object else _attached_pronoun_place(doc, view, i)
                places = places or attached_place
                if (
                    places
                    and not relative_object
                    and not view.sentence.start <= actor.start < toks[i].start
                    and attached_place == places
                ):  # "فعدن تم تطهيرها من الحوثيين": the actor found is not the subject here
                    _taken_without_actor(doc, view, i, pred)
                    continue
                if not places:  # "على منطقتي الطاش الأول والطاش الثانية": the whole names
                    places = _dual_object(doc, view, i, pred)
                if not places:
                    places = _places_after(doc, view, toks[i].start, anchors)
                if not places:  # "على مساحات واسعة في البلدين": the two named before
                    places = _two_before_dual(doc, view, i, anchors)
                if not places and pred != "operatesIn":
                    places = _quoted_place(doc, view, i)
                if not places and pred != "operatesIn":
                    k = _object_on(view, i)
                    places = _named_object(doc, view, k) if k is not None else []
                if not places and pred in _TAKEN:  # "تستعيد جامعة الأنبار": a direct object
                    places = _named_object(doc, view, i + 1)
                if places and not relative_object and _loss_noun(view, i):
                    places = _direct_complement(doc, view, i, actor, places)
                expelled_obj = (
                    _expelled_object(doc, view, actor, places)
                    if pattern == "actor-place-from"
                    and actor.start > toks[i].start
                    and _forms(view, i) & relation_words("expulsion")  # not "انسحب X Y من"
                    else None
                )
                if expelled_obj is not None:  # "طرد الجيش تنظيم داعش من مدينة تكريت": active
                    for m in places:
                        _add(doc, view, actor.key, "seized", m.key, "relation-cues")
                        _add(doc, view, expelled_obj.key, pred, m.key, "relation-cues")
                    continue
                aimed = pred in _TAKEN and _aimed(view, i)  # "وتستعد القوات لتحرير …"
                lost = pred == "lostControlOf"
                gainer = _gainer_after(doc, view, actor, places) if lost else None
                for m in places:
                    if not aimed:
                        _add(doc, view, actor.key, pred, m.key, "relation-cues")
                    if gainer is not None:  # "خسر التنظيم مدينة منبج لصالح قوات سوريا الديمقراطية"
                        _add(doc, view, gainer.key, "seized", m.key, "relation-cues")
                    loser = _taken_from(doc, view, actor, m, toks[i].end)
                    if loser is not None:  # "… من تنظيم داعش": the side that lost it
                        _add(
                            doc, view, loser.key, _loser_predicate(view, i), m.key, "relation-cues"
                        )
            elif pattern == "launch":
                _launched(doc, view, i, pred)
            elif pattern == "user-on":
                _user_on(doc, view, i, pred)
            elif pattern == "own-site":
                _own_site(doc, view, i, pred, implies)
            elif pattern == "account-on":
                _account_on(doc, view, i, pred)
            elif pattern == "media-on" and _pronoun_attached(view, i):
                _account_on(doc, view, i, pred)  # "تسجيلاتها على الإنترنت": its own posts
            elif pattern == "place-before":
                _place_before(doc, view, i, pred)
        _on_platform(doc, view)


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
