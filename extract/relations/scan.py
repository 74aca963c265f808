"""The per-sentence scan (:func:`find_relations`): websites and accounts first, then each
relation cue of each sentence, sent to the readers of its pattern (platforms, control of
places)."""

from __future__ import annotations

from rasd.extract.doc import Doc, strip_al
from rasd.extract.patterns import document_source_nouns, relation_words
from rasd.extract.records import PLACE_CLASSES
from rasd.extract.relations.actors import (
    _actor_near,
    _adjacent,
    _after_apposition,
    _antecedent,
    _claim_speaker,
    _owner_governed,
    _person_after_title,
    _relative_antecedent,
)
from rasd.extract.relations.clauses import _ACTORS, _CONTROL_ACTORS, _bare_words, _sentence_mentions
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
from rasd.extract.relations.cues import _MAY_CUE, _cue_at, _forms, _pronoun_attached
from rasd.extract.relations.places import (
    _TAKEN,
    _attached_pronoun_place,
    _dual_object,
    _especially_listed,
    _named_object,
    _object_on,
    _places_after,
    _pronoun_place,
    _quoted_place,
    _relative_object,
    _resumed_place,
    _two_before_dual,
)
from rasd.extract.relations.platforms import (
    _USE_REACH,
    _VERB_REACH,
    _VIA,
    _VIA_REACH,
    _account_on,
    _after_definite_dative,
    _generic,
    _implied_platform,
    _joined,
    _launched,
    _on_platform,
    _own_site,
    _platforms_from,
    _user_on,
)
from rasd.extract.relations.register import _add
from rasd.extract.relations.sites import find_sites_and_accounts
from rasd.extract.text import fold


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
                resumed = [] if relative_object else _resumed_place(doc, view, i)
                relative_object = relative_object or resumed  # "التي طردت منها القوات …"
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
                if (
                    resumed
                    and expelled_obj is None
                    and _forms(view, i) & relation_words("expulsion")
                ):
                    continue  # "التي طُردت منها القوات": who expelled them is not named
                if expelled_obj is not None:  # "طرد الجيش تنظيم داعش من مدينة تكريت": active
                    for m in places:
                        _add(doc, view, actor.key, "seized", m.key, "relation-cues")
                        _add(doc, view, expelled_obj.key, pred, m.key, "relation-cues")
                    continue
                if places and pred != "operatesIn":  # "… بينها مدن رئيسية مثل الرمادي"
                    places = places + _especially_listed(doc, view, places[-1])
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
