"""Actors and platforms (usesPlatform, publishesOn, hasAccountOn, actedAgainst): the platforms a
cue names, accounts on a platform, an actor's own website, «على <platform>» after a verb of
saying or posting (:func:`_on_platform`), users of a platform, and the platforms a cue implies."""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.lexicon import alias_index
from rasd.extract.patterns import (
    cue_table,
    media_heads,
    plural_participle,
    relation_words,
    subjectless_words,
)
from rasd.extract.records import Mention
from rasd.extract.relations.actors import (
    _actor_near,
    _adjacent,
    _antecedent,
    _claim_speaker,
    _owner_governed,
    _possessive,
    _title_of_name,
)
from rasd.extract.relations.clauses import (
    _ACTORS,
    _AFTER_WINDOW,
    _BEFORE_WINDOW,
    _BREAKS,
    _COMMAS,
    _clause_start,
    _sentence_mentions,
    preceding_word,
)
from rasd.extract.relations.cues import _blocker_before, _cue_at, _forms
from rasd.extract.relations.register import _NAME_WORDS, _add, _new_entity, _quoted
from rasd.extract.text import QUOTE_CLOSERS, QUOTE_MARKS, QUOTE_PAIRS, fold, match_key

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
