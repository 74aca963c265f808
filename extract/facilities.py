"""Named facilities and sites: «مسجد قوات الطوارئ الخاصة»، «قاعدة إنجرليك»، «سجن الحائر».

A head noun of ``facility_heads.tsv`` in the construct state (no ال; a proclitic ب/ل/و/ف/ك
may stand before it) followed by a name makes one Place (guideline of ``bench/unseen3``,
issue 11).  The name is, in this order: an entity of the lexicon starting on the next word
(سجن الناصرية), an organisation head with its definite noun and adjectives (مسجد قوات
الطوارئ الخاصة), a definite noun (مسجد الحسين، حي الكلاسة), or up to three words that are
not common Arabic words (فندق ريو امبريال مرحبا), or the words the statistical NER tags as one name
(قاعدة انجرليك، مسجد علي بن أبي طالب).  Relational adjectives
follow (قاعدة الحبانية الجوية), but not a nationality (ميناء لوريان الفرنسي).  The
component runs after the NER tagger and before the lexicon, so the words of the
facility's name are not read again
as a city or a person of their own (مسجد علي بن أبي طالب is a mosque, not the caliph).
"""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, SentView, bare_forms, strip_al, word_test
from rasd.extract.lexicon import alias_index, lexicon_index, lexicon_matches, nisba_country
from rasd.extract.patterns import (
    direction_words,
    frequent_words,
    is_name_stopword,
    is_nisba,
    name_connectors,
    org_heads,
    org_words,
    place_nouns,
    resumptive_pronouns,
    word_list,
)
from rasd.extract.records import PLACE_CLASSES, EntityInfo
from rasd.extract.resources import FacilityHead, NameConnector, load_table
from rasd.extract.text import QUOTE_MARKS, fold, match_key

_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


@functools.cache
def common_name_heads() -> frozenset[str]:
    """Facility heads whose names may be common nouns (ساحة التحرير), folded."""
    rows = load_table("facility_heads.tsv", FacilityHead)
    return frozenset(fold(r.head) for r in rows if r.common_names == "yes")


@functools.cache
def facility_heads() -> frozenset[str]:
    """The facility head nouns (``facility_heads.tsv``), folded."""
    return frozenset(fold(r.head) for r in load_table("facility_heads.tsv", FacilityHead))


@functools.lru_cache(maxsize=10_000)
def _head_clitic(word: str) -> int:
    """Length of the proclitic before a facility head in folded ``word``, or -1.

    >>> _head_clitic("بمسجد"), _head_clitic("قاعده"), _head_clitic("القاعده")
    (1, 0, -1)
    """
    heads = facility_heads()
    for p in _CLITICS:
        if word.startswith(p) and word[len(p) :] in heads:
            return len(p)
    return -1


def _adjectives(view: SentView, k: int) -> int:
    """Skip definite relational adjectives that are no nationality (الجوية، العسكري)."""
    start = k
    while k < len(view.tokens) and k - start < 2 and view.tokens[k].word:
        f = view.folded[k]
        if len(f) > 4 and is_nisba(f):
            if nisba_country(view.tokens[k].text):
                break
            k += 1
        else:
            break
    return k


@functools.cache
def _kin_words(kin: str) -> frozenset[str]:
    """The folded words of ``name_connectors.tsv`` with ``kin`` ``kin`` and their case forms:
    ``son`` (بن، ابن، بنت), ``father`` (أبو، أبي، أبا)."""
    rows = load_table("name_connectors.tsv", NameConnector)
    return frozenset(
        fold(w)
        for r in rows
        if r.kin == kin
        for w in (r.word, *(r.case_forms.split() if r.case_forms != "-" else ()))
    )


def _father_names(view: SentView, k: int) -> int:
    """The token after a name's «بن X» links from token ``k`` on (علي | بن أبي طالب)."""
    toks, folded = view.tokens, view.folded
    sons, fathers = _kin_words("son"), _kin_words("father")
    while k + 1 < len(toks) and folded[k] in sons and toks[k + 1].word:
        k += 2
        if folded[k - 1] in fathers and k < len(toks) and toks[k].word:
            k += 1
    return k


def _bi_al(word: str) -> bool:
    """Whether folded ``word`` is بِ (or وبِ) on a definite common word, a preposition
    («بالآلاف»), not a name that starts with «بال» (بالما، بالاس).

    >>> _bi_al("بالالاف"), _bi_al("وبالعاصمه"), _bi_al("بالما")
    (True, True, False)
    """
    common = frequent_words()
    return any(word.startswith(p + "ال") and word[len(p) :] in common for p in ("ب", "وب"))


def _clitic_place(word: str) -> bool:
    """Whether folded ``word`` is the preposition ب (وب) on a place of the lexicon that is no
    facility («بسوسة»، «ببغداد»): the facility before it is *in* that place, unnamed.

    >>> _clitic_place("بسوسه"), _clitic_place("سوسه"), _clitic_place("بلال")
    (True, False, False)
    """
    for p in ("وب", "ب"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p) :]
            known = lexicon_index().get(alias_index().get(rest, rest))
            if known is not None and known.cls in PLACE_CLASSES - {"Place"}:
                return True
    return False


def _name_end(
    view: SentView, j: int, lex_ends: dict[int, int], tags: list[str] | None, open_head: bool
) -> int | None:
    """The character offset where the facility's name starting at token ``j`` ends."""
    toks, folded = view.tokens, view.folded
    if j >= len(toks) or not toks[j].word:
        return None
    if folded[j].startswith("لل") or _bi_al(folded[j]) or _head_clitic(folded[j]) >= 0:
        return None  # "حي للطبقة الوسطى"، "مسجد بالآلاف"; "ساحة معبد الكرنك": the inner one
    if _clitic_place(folded[j]):
        return None  # "فندق بسوسة": a hotel in Sousse, the town is the name
    if tags and tags[j] != "O" and not folded[j].startswith("ال"):
        k = j + 1
        while k < len(toks) and k - j < 5 and tags[k].startswith("I-"):
            k += 1
        return toks[_adjectives(view, k) - 1].end  # مسجد علي بن أبي طالب، قاعدة انجرليك
    if toks[j].start in lex_ends:
        end = lex_ends[toks[j].start]
        k = j
        while k < len(toks) and toks[k].end <= end:
            k += 1
        k = _adjectives(view, k)
        return max(end, toks[k - 1].end)
    f = folded[j]
    common = frequent_words()
    if bare_forms(toks[j].text) & org_heads() and not f.startswith("ال"):
        if j + 1 < len(toks) and folded[j + 1].startswith("ال") and len(folded[j + 1]) > 4:
            from rasd.extract.patterns import _relational_adjectives

            return toks[_relational_adjectives(view, j + 2) - 1].end  # مسجد قوات الطوارئ الخاصة
        return None
    if f.startswith("ال"):
        if len(f) <= 4 or strip_al(f) in place_nouns() or is_name_stopword(toks[j].text):
            return None
        if f in org_words()["name_title"] and j + 1 < len(toks) and toks[j + 1].word:
            k = j + 2  # قاعة الملك فيصل، جسر الملك فهد، مسجد الإمام الصادق
            if folded[j + 1] in name_connectors() and k < len(toks):
                k += 1  # جامعة الملك عبد العزيز
            return toks[_father_names(view, k) - 1].end  # مسجد الإمام علي بن أبي طالب
        if f in common and not open_head and not (tags and tags[j] != "O"):
            return None  # "مسجد المعسكر"، "ميدان العمليات": a common noun
        return toks[_adjectives(view, j + 1) - 1].end  # مسجد الحسين، قاعدة الحبانية الجوية
    k = j
    while (
        k < len(toks)
        and k - j < 3
        and toks[k].word
        and fold(toks[k].text).isalpha()
        and not folded[k].startswith(("ال", "و"))
        and folded[k] not in common
        and not is_name_stopword(toks[k].text)
    ):
        k += 1
    if k == j:
        return None
    return toks[_adjectives(view, k) - 1].end  # قاعدة انجرليك، فندق ريو امبريال مرحبا


#: plurals and duals of place nouns that introduce a list of places (بلدات صدد وفيروزة)
_PLURAL_PLACE_NOUNS = frozenset(fold(w) for w in ("بلدات", "قرى", "مدن", "مناطق", "بلدتي", "قريتي"))


@functools.cache
def town_openers() -> frozenset[str]:
    """Words that open a two-word town name (كفر داعل، تل رفعت، خان شيخون),
    ``town_openers.tsv``, folded."""
    return word_list("town_openers.tsv")


@functools.cache
def _town_nouns() -> frozenset[str]:
    """The folded nouns a town's name follows: the place nouns but ريف, and their plurals."""
    return (place_nouns() - {"ريف"}) | _PLURAL_PLACE_NOUNS


@functools.lru_cache(maxsize=10_000)
def _place_noun_clitic(word: str) -> int:
    """Length of the proclitic before a place noun (مدينة، بلدة، قرية …) in folded ``word``."""
    nouns = _town_nouns()
    for p in _CLITICS:
        if word.startswith(p) and word[len(p) :] in nouns:
            return len(p)
    return -1


def _place_noun_word(word: str) -> bool:
    """Whether a word (as written) is a place noun after its proclitic (its folded form is
    what the token's ``view.folded`` holds)."""
    return _place_noun_clitic(fold(word)) >= 0


_PLACE_NOUN = word_test(_place_noun_word)


def _facility_head_word(word: str) -> bool:
    """Whether a word (as written) is a facility head after its proclitic."""
    return _head_clitic(fold(word)) >= 0


_FACILITY_HEAD = word_test(_facility_head_word)


def _town(view: SentView, j: int, tags: list[str] | None) -> int | None:
    """The end token of a town's name at token ``j`` after a place noun: a word the NER
    tags (with the words it continues over), or one that is no common Arabic word."""
    toks, folded = view.tokens, view.folded
    if j >= len(toks) or not toks[j].word or not fold(toks[j].text).isalpha():
        return None
    if is_name_stopword(toks[j].text) or nisba_country(toks[j].text):
        return None
    word, common = toks[j].text, frequent_words()
    if folded[j].startswith("لل"):
        return None  # "حي للطبقة الوسطى": a preposition
    if word.endswith(("ها", "هم", "ه")) and len(word) > 4:
        return None  # "مناطق نفوذه"، "منطقة يرتادها": a noun or verb with a pronoun
    if (
        len(folded[j]) == 4
        and folded[j][:1] in "يت"
        and j + 1 < len(toks)
        and folded[j + 1] in resumptive_pronouns()
        and not (tags and tags[j] != "O")
    ):
        return None  # "منطقة ينشط فيها": a verb (ي/ت and three letters) whose pronoun refers back
    if word.endswith("ة") and not word.startswith("ال") and fold(word[:-1]) in common:
        return None  # "منطقة عازلة": an adjective
    if bare_forms(word) & (place_nouns() | _PLURAL_PLACE_NOUNS):
        return None  # "مدن وبلدات"
    opener = folded[j] in town_openers() and _second_name_word(view, j + 1, tags)
    if tags and tags[j] != "O":
        k = j + 1
        while k < len(toks) and k - j < 3 and tags[k].startswith("I-"):
            k += 1
        return max(k, j + 2) if opener else k
    if opener:
        return j + 2  # "قرية كفر داعل"، "بلدة تل رفعت": the first word opens a two-word name
    if folded[j] in common or strip_al(folded[j]) in common:
        return None
    return j + 1


def _second_name_word(view: SentView, j: int, tags: list[str] | None) -> bool:
    """Whether token ``j``, after a town opener (كفر، تل، بيت), is the second word of the
    town's name: a word that is no place noun («قرية أم مدينة»، «منطقة سوق المدينة») and no
    direction («بلدة تل شمال حلب»).  A frequent word stays («تل رفعت»، and «قرية بيت المتهم»
    too: ruling out frequent words the NER leaves untagged lost a true town in unseen3–9)."""
    toks, folded = view.tokens, view.folded
    if j >= len(toks) or not toks[j].word or not fold(toks[j].text).isalpha():
        return False
    if is_name_stopword(toks[j].text):
        return False
    if bare_forms(toks[j].text) & (place_nouns() | _PLURAL_PLACE_NOUNS):
        return False  # "سوق المدينة"
    return strip_al(folded[j]) not in direction_words()  # "دير شرقي المدينة"


def find_towns(doc: Doc, lex_starts: set[int]) -> None:
    """Places named after a place noun: «منطقة الذهيبة»، «ولاية تطاوين»، «قرية «المشيك»»،
    «بلدات صدد وفيروزة وزيدل» — the name alone is the place (guideline: without مدينة/
    محافظة/منطقة); names the lexicon knows are left to it."""
    for view in doc.views:
        toks = view.tokens
        tags = doc.ner_tags.get(view.index)
        for i in view.words_passing(_PLACE_NOUN):  # most words: no place noun
            plural = strip_al(view.folded[i].lstrip("وفبل")) in _PLURAL_PLACE_NOUNS
            j = i + 1
            while True:
                quoted = j < len(toks) and toks[j].text in QUOTE_MARKS
                k = j + 1 if quoted else j
                if k >= len(toks) or toks[k].start in lex_starts:
                    break
                first = toks[k]
                cut = 1 if j > i + 1 else 0  # "وفيروزة": و + the name
                if cut:
                    view.folded[k], saved = view.folded[k][1:], view.folded[k]
                end = _town(view, k, tags)
                if cut:
                    view.folded[k] = saved
                if end is None:
                    break
                start = first.start + cut
                label = doc.article.text[start : toks[end - 1].end]
                key = alias_index().get(match_key(label), match_key(label))
                known = lexicon_index().get(key)
                if known is not None and known.cls not in PLACE_CLASSES:
                    break
                if doc.add_mention(
                    start, toks[end - 1].end, key, known.cls if known else "Place", "towns"
                ):
                    doc.add_entity(known or EntityInfo(key, "Place", label, source="pattern"))
                j = end + (1 if quoted else 0)
                if not (plural and j < len(toks) and view.folded[j].startswith("و")):
                    break


def _facility_key(name: str) -> str:
    """The key of a facility's name (a match key): the lexicon's when the name is one of its
    forms, or is one followed by relational adjectives («سجن غوانتانامو العسكري»، «قاعدة
    إنجرليك الجوية»: the facility of the lexicon); else the name.

    >>> _facility_key(match_key("سجن غوانتانامو العسكري"))
    'غوانتانامو'
    """
    aliases = alias_index()
    words = name.split()
    for n in range(len(words), 1, -1):
        form = " ".join(words[:n])
        if form in aliases:
            return aliases[form]
        if not is_nisba(fold(words[n - 1])):
            break
    return aliases.get(name, name)


def find_facilities(doc: Doc) -> None:
    """Add a Place mention for each named facility (see the module's docstring), then for
    each town named after a place noun (:func:`find_towns`)."""
    lex_ends: dict[int, int] = {}
    for m in lexicon_matches(doc):
        lex_ends.setdefault(m.start, m.end)
    text = doc.article.text
    for view in doc.views:
        for i in view.words_passing(_FACILITY_HEAD):  # most words: no facility head
            tok = view.tokens[i]
            cut = _head_clitic(view.folded[i])
            head = view.folded[i][cut:]
            tags = doc.ner_tags.get(view.index)
            end = _name_end(view, i + 1, lex_ends, tags, head in common_name_heads())
            if end is None:
                continue
            start = tok.start + cut
            label = text[start:end]
            key = _facility_key(match_key(label))
            known = lexicon_index().get(key)
            if known is not None and known.cls not in PLACE_CLASSES:
                key, known = match_key(label), None  # a facility is a place
            cls = known.cls if known else "Place"
            if doc.add_mention(start, end, key, cls, "facilities"):
                doc.add_entity(known or EntityInfo(key, cls, label, source="pattern"))
    find_towns(doc, set(lex_ends))
