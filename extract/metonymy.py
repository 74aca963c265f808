"""A capital that stands for its state (metonymy): «نفت أنقرة»، «حكومة كابل»، «بين موسكو والرياض».

A capital (``capitals.tsv``) names its country's government when it is the subject or object
next to a speech cue (``speech_cues.tsv``: قال، نفت، بحسب) or a state verb (``state_words.tsv``,
role ``verb``), or a feminine verb in the imperfect («تسعى موسكو»، «تقدمه طهران»); when it is
the subject of a clause («أن واشنطن تنشر»، «لكن طهران تقول»، «أن موسكو والرياض اتفقتا»); when
it is the possessor of a head such as حكومة، موقف، سياسة (role ``head``) or the party after
«مع» (role ``partner``: «اتفاق مع طهران»); when «بين X وY» pairs it with another capital or an
actor that is no place; and when it is coordinated after a capital that stands for its state
(«تساعد واشنطن والرياض»); a particle may stand between a clause's capital and its verb
(«أن طهران لم ترسل») and a head may carry بـ/لـ («بدعم واشنطن»).  Such a mention takes the
country's key and class (the same node, so "what did Turkey say" includes «نفت أنقرة»);
everywhere else («في موسكو»، «زار أنقرة»، «بغداد تشهد»، «بين بغداد والموصل») the capital stays
a place.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from rasd.extract.doc import Doc, SentView
from rasd.extract.lexicon import lexicon_index
from rasd.extract.patterns import cue_table, place_nouns
from rasd.extract.records import PLACE_CLASSES, EntityInfo, Mention
from rasd.extract.resources import Capital, StateWord, load_table
from rasd.extract.text import Token, fold, match_key

#: Clitics a verb or noun may carry before it (و، ف، future س).
_PROCLITICS = ("وس", "فس", "و", "ف", "س")
#: Clitics a ``head`` noun may carry besides («بدعم واشنطن»، «لموقف موسكو»).
_HEAD_PROCLITICS = ("وب", "ول", "ب", "ل")
#: Object pronouns on an imperfect verb («تشنها»، «تقدمه»).
_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")


@functools.cache
def capital_countries() -> dict[str, str]:
    """Capital key → country key (``capitals.tsv``)."""
    return {match_key(r.capital): match_key(r.country) for r in load_table("capitals.tsv", Capital)}


@functools.cache
def state_words() -> dict[str, str]:
    """Folded word → role (``state_words.tsv``), with the one-word speech cues (verbs, and
    بحسب، وفق: a capital as the source) as ``verb``."""
    out = {
        cue: "verb"
        for cue, (kind, _n) in cue_table().items()
        if kind in ("verb", "verb-explicit", "ruling-out", "preposition") and " " not in cue
    }
    for r in load_table("state_words.tsv", StateWord):
        out[fold(r.word)] = r.role
    return out


def _role(word: str) -> str | None:
    """The role of a word, its proclitics (و، ف، س) taken off if needed; a ``head`` noun may
    carry بـ/لـ as well («بدعم واشنطن»، «لموقف موسكو»)."""
    table = state_words()
    if word in table:
        return table[word]
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3 and word[len(p) :] in table:
            return table[word[len(p) :]]
    for p in _HEAD_PROCLITICS:
        if word.startswith(p) and table.get(word[len(p) :]) == "head":
            return "head"
    return None


def _feminine_imperfect(word: str) -> bool:
    """A verb of the form تفعل (she does), with proclitics and an object pronoun allowed:
    تسعى، وتلمح، ستستغلها، تقدمه; not a noun in -ة or -ات."""
    for p in ("", *_PROCLITICS):
        if not word.startswith(p):
            continue
        stem = word[len(p) :]
        for suffix in ("", *_OBJECT_PRONOUNS):
            if suffix and not stem.endswith(suffix):
                continue
            body = stem[: len(stem) - len(suffix)] if suffix else stem
            if body.startswith("ت") and len(body) >= 4 and not body.endswith(("ة", "ه", "ات")):
                return True
    return False


def _she_did_it(word: str) -> bool:
    """A perfect she-verb of a state with an object pronoun (بدأتها، قطعتها): فعلت + ها/ه/هم/هما,
    as written (a folded «بدأت» would end like a plural in -ات), whose stem is a state verb
    (:func:`_is_state_verb`); not a plural or a place noun with a pronoun («سياساتها»، «التي
    عاصمتها بغداد»), a noun («التي وجهتها القاهرة»: its destination) or a verb of an event or a
    life there (role ``place``: «التي شهدتها بغداد»، «التي عاشتها دمشق»): the city.

    >>> _she_did_it("بدأتها"), _she_did_it("قطعتها"), _she_did_it("عاصمتها")
    (True, True, False)
    >>> _she_did_it("شهدتها"), _she_did_it("عاشتها"), _she_did_it("وجهتها")
    (False, False, False)
    """
    for suffix in _OBJECT_PRONOUNS:
        body = word[: -len(suffix)]
        if word.endswith(suffix) and len(body) >= 4 and body.endswith("ت"):
            noun = fold(body[:-1] + "ة")
            if body.endswith(("ات", "وت", "يت")) or noun in place_nouns():
                return False
            return _is_state_verb(fold(body))
    return False


def _she_perfect(word: str) -> bool:
    """A perfect she-verb with an object pronoun right before a capital, its subject, when
    its stem is a state verb (:func:`_she_did_it`: «اتهمتهما واشنطن», not «التي شهدتها
    بغداد» nor «التي وجهتها القاهرة», its destination).  A bare she-verb (أغلقت أنقرة،
    انتهكت طهران) counts only as a ``verb`` row of ``state_words.tsv`` (:func:`_is_state_verb`):
    any فعلت before a capital was wrong as often as right («قصفت دمشق»، «استيقظت دمشق»، «ما
    زالت لندن»، «حصلت لندن على»).

    >>> _she_perfect("اتهمتهما"), _she_perfect("شهدتها"), _she_perfect("وجهتها")
    (True, False, False)
    >>> _she_perfect("قصفت"), _she_perfect("حكومات")
    (False, False)
    """
    return word.endswith(_OBJECT_PRONOUNS) and _she_did_it(word)


def _is_state_verb(word: str) -> bool:
    role = _role(word)
    if role is not None:
        return role == "verb"
    return _feminine_imperfect(word)


def _is_clause_verb(word: str) -> bool:
    """A verb after a clause-initial capital: a state verb or she-form (تفعل، فعلت)."""
    if _role(word) == "place":
        return False
    if _is_state_verb(word):
        return True
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    return len(bare) >= 4 and bare.endswith("ت") and not bare.endswith(("ات", "وت", "يت"))


def capitals_as_states(doc: Doc) -> None:
    """Give a capital mention that stands for its state its country's key and class."""
    caps = capital_countries()
    index = lexicon_index()
    text = doc.article.text
    moved: set[str] = set()
    states: list[Mention] = []
    for i, m in enumerate(doc.mentions):
        country = caps.get(m.key)
        if country is None or m.cls not in PLACE_CLASSES or country not in index:
            continue
        if m.sentence < 0 or not _stands_for_state(doc, m, text):
            continue
        info: EntityInfo = doc.add_entity(index[country])
        doc.mentions[i] = replace(m, key=country, cls=info.cls, layer="metonymy")
        states.append(doc.mentions[i])
        moved.add(m.key)
    for state in states:  # «اتفقت موسكو والرياض»، «أن موسكو والرياض اتفقتا»: Y after «X و»
        if text[state.end : state.end + 2] != " و":
            continue
        nxt = doc.overlaps(state.end + 2, state.end + 3)
        if nxt is None or nxt.start != state.end + 2 or nxt.cls not in PLACE_CLASSES:
            continue
        i = doc.mentions.index(nxt)
        country = caps.get(nxt.key)
        if country is not None and country in index:
            info = doc.add_entity(index[country])
            doc.mentions[i] = replace(nxt, key=country, cls=info.cls, layer="metonymy")
            moved.add(nxt.key)
    for key in moved:
        if all(m.key != key for m in doc.mentions):
            doc.entities.pop(key, None)


def _stands_for_state(doc: Doc, m: Mention, text: str) -> bool:
    view = doc.views[m.sentence]
    toks = view.tokens
    first = next((k for k, t in enumerate(toks) if t.start <= m.start < t.end), None)
    last = next((k for k, t in enumerate(toks) if t.start < m.end <= t.end), None)
    if first is None or last is None or toks[last].end != m.end:
        return False
    clitic = text[toks[first].start : m.start]
    if clitic not in ("", "و", "ف"):
        return False  # بواشنطن، لموسكو: a place or a dative
    prev = view.folded[first - 1] if first > 0 and toks[first - 1].word else None
    after = last + 1
    if after + 1 < len(toks) and _coordinated_capital(doc, toks[after], text):
        after += 1  # «أن موسكو والرياض اتفقتا»: the verb after both
    particle = after + 1 < len(toks) and _role(view.folded[after]) == "particle"
    if particle:
        after += 1  # «أن طهران لم ترسل»: the verb after the particle
    nxt = view.folded[after] if after < len(toks) and toks[after].word else None
    if particle and nxt is not None and _role(nxt) != "verb":
        nxt = None  # «أن القاهرة لا تزال تعاني»: after a particle only a verb of the table
    if prev is not None and clitic == "":
        role = _role(prev)
        if role == "place":
            return False
        if role in ("head", "partner") or _is_state_verb(prev) or _she_perfect(prev):
            return True
        relative = first > 1 and _role(view.folded[first - 2]) == "relative"
        if relative and _she_did_it(toks[first - 1].text):
            return True  # «الحملة التي بدأتها أنقرة»: the capital is the verb's subject
    opens = prev is None or clitic == "ف" or (clitic == "" and _role(prev) == "opener")
    if opens and nxt is not None and _is_clause_verb(nxt):
        return True
    return _paired(doc, view, first, last, clitic)


def _coordinated_capital(doc: Doc, tok: Token, text: str) -> bool:
    """A token «وY» whose Y is a capital (or a country) mention."""
    other = doc.overlaps(tok.start, tok.end)
    return (
        other is not None
        and text[tok.start : other.start] == "و"
        and other.end == tok.end
        and other.key in _capital_or_country()
    )


def _paired(doc: Doc, view: SentView, first: int, last: int, clitic: str) -> bool:
    """«بين X وY»: X and Y two capitals, or a capital and an actor that is no place («بين
    أنقرة والمتمردين»، «بين واشنطن وحلفائها»); not a capital and another town («بين بغداد
    والموصل»), which are places on a road."""
    toks, folded = view.tokens, view.folded
    if clitic == "" and first > 0 and _role(folded[first - 1]) == "pair" and last + 1 < len(toks):
        if not (toks[last + 1].word and folded[last + 1].startswith("و")):
            return False
        other = doc.overlaps(toks[last + 1].start, toks[last + 1].end)
    elif clitic == "و" and first >= 2 and _role(folded[first - 2]) == "pair":
        other = doc.overlaps(toks[first - 1].start, toks[first - 1].end)
    else:
        return False
    return other is None or other.cls not in PLACE_CLASSES or other.key in _capital_or_country()


@functools.cache
def _capital_or_country() -> frozenset[str]:
    caps = capital_countries()
    return frozenset(caps) | frozenset(caps.values())


__all__ = ["capital_countries", "capitals_as_states", "state_words"]
