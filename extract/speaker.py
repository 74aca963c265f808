"""A learned speaker ranker: which of the entities named around a claim said it, or nobody.

The rules of :mod:`extract.claims` find the statements and give each a speaker (or leave it
open).  This module sees each claim again with every *candidate* speaker: the persons,
organisations, countries, unnamed sources and documents mentioned in the claim's sentence and
the one before, the speaker(s) the rules chose, the running speaker (the previous claim's),
and "nobody".  Each candidate gets binary features (:func:`claim_candidates`: class, side of
the cue and distance to it, inside the claim or a quotation, after لـ (an addressee), after a
title, the rules' choice, the running speaker, how often the article names it …) and a score,
the dot product with the weights of ``extract/data/speaker_weights.tsv`` (trained by
``bench/train_speaker.py`` on the five annotated dev corpora unseen3–unseen7).  The best-scoring
candidate speaks; when it is "nobody" the claim keeps no speaker and is marked
``speaker_status`` "unresolved" (never a guess).

The component ``speakers`` (:func:`rank_speakers`) applies it after ``claims``; it is in the
default pipeline only when cross-validation showed it beats the rules
(``bench/speaker_results.md``).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from rasd.extract.claims import find_quotes
from rasd.extract.doc import Doc, bare_forms
from rasd.extract.patterns import cue_table, title_first_words
from rasd.extract.records import PLACE_CLASSES, Claim, Mention
from rasd.extract.resources import SpeakerWeight, load_table
from rasd.extract.text import fold

#: entity classes that can say something
CANDIDATE_CLASSES = frozenset({"Person", "Organization", "UnnamedSource", "CreativeWork"})
CANDIDATE_CLASSES_ALL = CANDIDATE_CLASSES | {"Country"}
NONE = ""  # the key of the "nobody" candidate
_SENTENCES_BACK = 1  # sentences before the claim's sentence searched for candidates
_WORD = re.compile(r"\w+")
_DIST_BUCKETS = ((1, "0"), (3, "1"), (7, "2"), (15, "3"))  # words between mention and cue


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of a claim: entity keys (empty: nobody) and its features."""

    keys: tuple[str, ...]
    features: frozenset[str]


@functools.cache
def ranker_weights(source: str | Path = "speaker_weights.tsv") -> dict[str, float]:
    """Feature → weight, from a packaged table or a file path (read once)."""
    return {r.feature: float(r.weight) for r in load_table(source, SpeakerWeight)}


def _bucket(words: int) -> str:
    for limit, name in _DIST_BUCKETS:
        if words <= limit:
            return name
    return "4"


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end])) if end > start else 0


def cue_span(doc: Doc, claim: Claim) -> tuple[int, int]:
    """Where the claim's cue stands: the occurrence in its sentence nearest the claim.

    Falls back to the claim's start when the cue text is not found (it always is for claims
    :func:`extract.claims.find_claims` makes).
    """
    text = doc.article.text
    sent = doc.sentences[claim.sentence] if 0 <= claim.sentence < len(doc.sentences) else None
    lo, hi = (sent.start, sent.end) if sent else (0, len(text))
    best: tuple[int, int] | None = None
    best_d = None
    if claim.cue:
        at = text.find(claim.cue, lo, hi)
        while at >= 0:
            end = at + len(claim.cue)
            if end <= claim.start:
                d = claim.start - end
            elif at >= claim.end:
                d = at - claim.end
            else:
                d = 10**6  # inside what was said: a word of the content, not the cue
            if best_d is None or d < best_d:
                best, best_d = (at, end), d
            at = text.find(claim.cue, at + 1, hi)
    return best if best is not None else (claim.start, claim.start)


def _cls(doc: Doc, key: str) -> str:
    cls = doc.cls_of(key) or "other"
    if cls == "Country":
        return "Country"
    if cls in PLACE_CLASSES:
        return "Place"
    return cls if cls in CANDIDATE_CLASSES else "other"


def _addressee(text: str, m: Mention) -> bool:
    """The mention is spoken to: «لـ"الاقتصادية"»، «لـ«الشرق الأوسط»»، «للصحيفة»."""
    if fold(m.surface).startswith("ل") and not fold(m.surface).startswith("ال"):
        return True
    k = m.start
    while k > 0 and text[k - 1] in ' «"“\u0640-':
        k -= 1
    return k > 0 and text[k - 1] == "ل" and (k < 2 or not text[k - 2].isalpha())


def _title_before(text: str, m: Mention) -> bool:
    """A title word stands right before the mention (اللواء منصور التركي)."""
    before = _WORD.findall(text[max(0, m.start - 40) : m.start])
    if not before:
        return False
    return bool(bare_forms(before[-1]) & title_first_words())


def _in_quote(quotes: list[tuple[int, int, int, int]], m: Mention) -> bool:
    return any(q[1] <= m.start and m.end <= q[2] for q in quotes)


def claim_candidates(doc: Doc, claims: list[Claim] | None = None) -> list[list[Candidate]]:
    """The candidates of every claim of ``doc`` (``doc.claims`` unless given), in order.

    The first candidate is always "nobody" (``keys`` empty).
    """
    claims = doc.claims if claims is None else claims
    text = doc.article.text
    counts: dict[str, int] = {}
    first_person = None
    for m in sorted(doc.mentions, key=lambda m: m.start):
        counts[m.key] = counts.get(m.key, 0) + 1
        if first_person is None and m.cls == "Person":
            first_person = m.key
    table = cue_table()
    out: list[list[Candidate]] = []
    previous: tuple[str, ...] = ()
    last_named: tuple[str, ...] = ()  # the last speakers the rules named
    starts = [s.start for s in doc.sentences]
    for claim in claims:
        cs, ce = cue_span(doc, claim)
        sent = claim.sentence if claim.sentence >= 0 else bisect.bisect_right(starts, cs) - 1
        lo_s = max(0, sent - _SENTENCES_BACK)
        lo = doc.sentences[lo_s].start if doc.sentences else 0
        hi = doc.sentences[sent].end if doc.sentences and sent >= 0 else len(text)
        s_start = doc.sentences[sent].start if doc.sentences and sent >= 0 else 0
        quotes = find_quotes(text, s_start, hi)
        kind = table.get(" ".join(fold(claim.cue).split()), ("other", ""))[0]
        if kind == "other":  # "وأضاف": the table holds the bare form
            for form in bare_forms(fold(claim.cue).split()[0] if claim.cue.split() else ""):
                if form in table:
                    kind = table[form][0]
                    break
        mentions = [m for m in doc.mentions_in(lo, hi) if m.cls in CANDIDATE_CLASSES_ALL]
        by_key: dict[str, list[Mention]] = {}
        for m in mentions:
            if not (cs <= m.start < ce):  # a name inside the cue is no speaker
                by_key.setdefault(m.key, []).append(m)
        after = [m for ms in by_key.values() for m in ms if m.start >= ce and m.sentence == sent]
        before = [m for ms in by_key.values() for m in ms if m.end <= cs]
        first_after = min(after, key=lambda m: m.start).key if after else None
        nearest_before = max(before, key=lambda m: m.end).key if before else None
        rule = tuple(claim.speakers)
        unresolved = claim.speaker_status == "unresolved"
        none_feats = {"none", f"none_kind_{kind}"}
        if unresolved:
            none_feats.add("none_rule_unresolved")
        if not rule:
            none_feats.add("none_rule_empty")
        if not by_key:
            none_feats.add("none_no_mention")
        if first_after is None:
            none_feats.add("none_nothing_after")
        n_keys = len(by_key)
        none_feats.add(f"none_candidates_{min(n_keys, 3)}")
        # (speaker18; the shipped weights do not use these) the cue opens its sentence
        # («وأضاف …»: no subject of its own before it), the claim's kind, how many persons
        # stand before the cue in the sentence
        cue_first = not _WORD.findall(text[s_start:cs]) or fold(
            " ".join(_WORD.findall(text[s_start:cs]))
        ) in ("و", "ف")
        persons_before = {m.key for m in before if m.cls == "Person" and m.sentence == sent}
        persons_after = [m for m in after if m.cls == "Person"]
        first_person_after = (
            min(persons_after, key=lambda m: m.start).key if persons_after else None
        )
        person_before = [m for m in before if m.cls == "Person"]
        nearest_person_before = (
            max(person_before, key=lambda m: m.end).key if person_before else None
        )
        extra_none = {
            f"none_claim_{claim.kind}",
            f"none_persons_before_{min(len(persons_before), 2)}",
        }
        if cue_first:
            extra_none.add("none_cue_first")
            extra_none.add(f"none_cue_first_kind_{kind}")
        none_feats |= extra_none
        classes = [_cls(doc, k) for k in by_key]
        cands = [Candidate((), frozenset(none_feats))]
        keys = list(dict.fromkeys([*by_key, *rule, *previous, *last_named]))
        for key in keys:
            f: set[str] = set()
            cls = _cls(doc, key)
            f.add(f"cls_{cls}")
            if key in rule:
                f.add("rule")
                f.add(f"rule_cls_{cls}")
                if len(rule) > 1:
                    f.add("rule_part")
            if key in previous:
                f.add("running")
                if cue_first:
                    f.add("running_cue_first")
                if not rule:
                    f.add("running_rule_empty")
                f.add(f"running_kind_{kind}")
            if key in last_named:
                f.add("last_named")
            n = counts.get(key, 0)
            f.add("freq_1" if n <= 1 else "freq_2" if n <= 3 else "freq_4")
            if key == first_person:
                f.add("first_person")
            ms = by_key.get(key, [])
            if not ms:
                f.add("outside_window")
            else:
                # the mention nearest the cue stands for the candidate
                def dist(m: Mention, cs: int = cs, ce: int = ce) -> int:
                    if m.start >= ce:
                        return _words_between(text, ce, m.start)
                    return _words_between(text, m.end, cs)

                m = min(ms, key=lambda m: (dist(m), m.start))
                side = "after" if m.start >= ce else "before"
                f.add(side)
                f.add(f"{side}_{_bucket(dist(m))}")
                f.add(f"{side}_kind_{kind}")
                f.add(f"{side}_cls_{cls}")
                if m.sentence != sent:
                    f.add("prev_sentence")
                if claim.start <= m.start and m.end <= claim.end:
                    f.add("in_claim")
                if ce <= m.start and m.end <= claim.start:
                    f.add("between_cue_claim")
                if claim.end <= m.start and m.end <= cs:
                    f.add("between_claim_cue")
                if key == first_after:
                    f.add("first_after")
                    f.add(f"first_after_cls_{cls}")
                if key == nearest_before:
                    f.add("nearest_before")
                    f.add(f"nearest_before_kind_{kind}")
                f.add(f"{side}_claim_{claim.kind}")
                if key == first_person_after:
                    f.add("first_person_after")
                if key == nearest_person_before:
                    f.add("nearest_person_before")
                lo_m, hi_m = (ce, m.start) if side == "after" else (m.end, cs)
                between = {
                    x.key
                    for x in mentions
                    if x.cls == "Person" and x.key != key and lo_m <= x.start and x.end <= hi_m
                }
                f.add(f"persons_between_{min(len(between), 2)}")
                if _addressee(text, m):
                    f.add("addressee")
                if _title_before(text, m):
                    f.add("title_before")
                if _in_quote(quotes, m):
                    f.add("in_quote")
                if not any(x.start < m.start for x in mentions if x.sentence == m.sentence):
                    f.add("first_in_sentence")
                if len(ms) > 1:
                    f.add("several_in_window")
                if classes.count(cls) == 1:
                    f.add(f"only_{cls}")
            if not rule:  # the rules left it open: a ranking of its own
                f |= {f"open:{x}" for x in f}
            cands.append(Candidate((key,), frozenset(f)))
        if len(rule) > 1:  # "X وY اعتبرا": the rules' group as one candidate
            cands.append(Candidate(rule, frozenset({"rule", "rule_group"})))
        out.append(cands)
        previous = rule
        last_named = rule or last_named
    return out


def score(candidate: Candidate, weights: dict[str, float]) -> float:
    """The candidate's score: the sum of its features' weights."""
    return sum(weights.get(f, 0.0) for f in candidate.features if f != MARGIN)


MARGIN = "@margin"  # the row of the weights table holding the margin, not a feature


def rules_choice(candidates: list[Candidate]) -> int:
    """The index of the candidate the rules chose (their group, their one speaker, nobody)."""
    for k, c in enumerate(candidates):
        if "rule_group" in c.features:
            return k
    for k, c in enumerate(candidates):
        if "rule" in c.features:
            return k
    return 0


def choose(candidates: list[Candidate], weights: dict[str, float]) -> Candidate:
    """The best-scoring candidate (the first on a tie; "nobody" is first), unless it beats the
    rules' choice by no more than the margin (``@margin`` of the weights): then the rules'."""
    _k, best = max(enumerate(candidates), key=lambda ic: (score(ic[1], weights), -ic[0]))
    r = rules_choice(candidates)
    if score(best, weights) - score(candidates[r], weights) <= weights.get(MARGIN, 0.0):
        return candidates[r]
    return best


def rank_speakers(doc: Doc, weights: dict[str, float] | None = None) -> None:
    """Give each claim of ``doc`` the speaker the ranker scores best, or none ("unresolved")."""
    weights = ranker_weights() if weights is None else weights
    if not weights or not doc.claims:
        return
    new = []
    for claim, cands in zip(doc.claims, claim_candidates(doc), strict=True):
        best = choose(cands, weights)
        keys = tuple(k for k in best.keys if k in doc.entities)
        if keys == tuple(claim.speakers) and (keys or claim.speaker_status == "unresolved"):
            new.append(claim)
            continue
        about = tuple(
            dict.fromkeys(
                m.key
                for m in doc.mentions_in(claim.start, claim.end)
                if m.key not in keys and m.cls != "UnnamedSource"
            )
        )
        status = "resolved" if keys else "unresolved"
        new.append(dataclasses.replace(claim, speakers=keys, about=about, speaker_status=status))
    doc.claims[:] = new


__all__ = [
    "Candidate",
    "SpeakerWeight",
    "choose",
    "claim_candidates",
    "cue_span",
    "rank_speakers",
    "ranker_weights",
    "rules_choice",
    "score",
]
