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

The package, one module per concept; each imports only those above it in this list (data
flows one way), and this ``__init__`` holds no logic, only the names other modules, tests and
bench scripts import from ``rasd.extract.relations``:

- ``clauses``: break tokens, word windows, actor classes, :func:`preceding_word`, a clause's
  start, asides between dashes or brackets.
- ``register``: what the readers add to the Doc: a relation, an entity with its mention, a
  quoted name.
- ``cues``: :func:`relation_cues`, the word and stem forms a cue is looked up in, blockers,
  modal and conditional words, :func:`_cue_at`.
- ``actors``: the subject of a cue (:func:`_actor_near`), appositions, titles, antecedents,
  the speaker of the sentence's claim.
- ``places``: the places a control cue is about (named, areas, lists, dual names, pronouns,
  relative words).
- ``control``: controls / seized / lostControlOf / regainedControlOf: the ``place-before`` and
  ``actor-place`` readers, losers and gainers, expulsions, feared or attempted seizures.
- ``platforms``: usesPlatform / publishesOn / hasAccountOn / actedAgainst: platforms of a cue,
  accounts on a platform, own sites, «على <platform>», users.
- ``sites``: websites and accounts as entities (:func:`find_sites_and_accounts`),
  :func:`named_venue`, :func:`site_is_location`.
- ``events``: named events (:func:`find_events`).
- ``scan``: :func:`find_relations`, the per-sentence scan that sends each cue to its reader.
"""

from __future__ import annotations

# The names read from rasd.extract.relations (pipeline, coref, tests, bench scripts); the shared
# tables relation_words, subjectless_words and QUOTE_* are those of patterns and text.
from rasd.extract.patterns import relation_words, subjectless_words
from rasd.extract.relations.clauses import _BREAKS, _TITLE_GAP_STOPS, preceding_word
from rasd.extract.relations.cues import (
    _longest_first,
    _present_verb,
    _two_word_firsts,
    relation_cues,
)
from rasd.extract.relations.events import find_events
from rasd.extract.relations.places import _area_word
from rasd.extract.relations.platforms import _CLOSERS
from rasd.extract.relations.scan import find_relations
from rasd.extract.relations.sites import named_venue, site_is_location
from rasd.extract.text import QUOTE_MARKS, QUOTE_PAIRS

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
