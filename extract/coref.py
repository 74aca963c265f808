"""Within-article resolution: short forms, surnames and titles that stand for a person.

- ``جوزف فوتل`` … ``وكتب فوتل`` → the surname is a mention of the full name;
- ``محرر بارز`` (writer) … ``ويشير المحرر`` / ``بحسب الكاتب`` → the title is a mention of the
  person it introduced earlier (same title group, see ``titles.tsv``);
- ``الباحثين … لوران بيندنر ورافايل غلوك`` … ``وقال الباحثان`` → both persons.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace

from rasd.extract.doc import Doc, bare_forms, strip_al
from rasd.extract.lexicon import (
    NameMatcher,
    lexicon_index,
    nisba_country,
    nisba_plural,
    publisher_countries,
)
from rasd.extract.patterns import (
    ALLAH,
    generic_org_key,
    is_nisba,
    name_connectors,
    name_continuations,
    name_stopwords,
    place_prepositions,
    relative_pronouns,
)
from rasd.extract.records import EntityInfo
from rasd.extract.resources import Nisba, load_table
from rasd.extract.text import QUOTE_PAIRS, longest_first, match_key


def resolve_title_refs(doc: Doc) -> None:
    """Link titles standing alone to the person(s) the same kind of title introduced."""
    first_seen: dict[str, int] = {}
    for m in doc.mentions:
        if m.cls == "Person":
            first_seen[m.key] = min(first_seen.get(m.key, m.start), m.start)
    text = doc.article.text
    for start, end, title, sent in doc.title_refs:
        if _apposed(doc, start):
            continue  # "ستيف وارن المتحدث باسم …": an apposition, not a reference
        ahead, between = _named_ahead(doc, sent, end)
        if ahead is not None:  # "مسؤول العلاقات الخارجية في حكومة الإقليم فلاح مصطفى"
            if between:  # the title's complement stood between: the person holds that title
                doc.person_groups.setdefault(ahead, set()).add(title.group)
            doc.ref_persons[(start, end)] = [ahead]  # no mention: the name itself is one
            continue
        if between:
            continue  # "رئيس الهيئة، الفريق …" with a name rasd does not read: nobody before
        candidates = sorted(
            (pos, key)
            for key, pos in first_seen.items()
            if pos < start and title.group in doc.person_groups.get(key, ())
        )
        country = _nisba_after(text, end)
        if country is not None:  # "المسؤول التركي": only a person known to be Turkish
            candidates = [
                (pos, key)
                for pos, key in candidates
                if any(
                    r.subject == key and r.predicate == "nationality" and r.obj == country
                    for r in doc.relations
                )
            ]
        if not candidates:
            continue
        # "الأمين العام لمجلس التعاون X" … "وأكد الأمين العام": of the persons of the title's
        # group, those given this very title (not the latest "official", named since)
        same = [
            (pos, key) for pos, key in candidates if title.text in doc.person_titles.get(key, ())
        ]
        candidates = same or candidates
        n = 2 if title.number in ("dual", "pl") else 1
        if n == 1 and _several_recent(doc, [key for _pos, key in candidates], start):
            continue  # "التقى نائب الوزير X رئيس الإقليم Y … وأكد المسؤول": either of them
        keys = [key for _pos, key in candidates[-n:]]
        doc.ref_persons[(start, end)] = keys
        if n == 1:
            doc.add_mention(start, end, keys[0], "Person", "coref-title")


_AHEAD_WORDS = 8  # how far after a title its complement may run to the name it introduces


def _named_ahead(doc: Doc, sent: int, end: int) -> tuple[str | None, bool]:
    """The person a title introduces further on: only definite words (its complement), short
    prepositions and named places or organisations stand between them («مسؤول العلاقات
    الخارجية في حكومة الإقليم فلاح مصطفى»), or a comma and a title in apposition («رئيس هيئة
    الميناء، اللواء X»); another title, a verb or other punctuation ends it.  Also whether a
    word stood between them (after a comma and a title: True even when no person follows, as
    the title then introduces someone rasd did not read)."""
    from rasd.extract.patterns import TITLE_LINKS, match_title

    view = doc.views[sent]
    toks = view.tokens
    k = next((i for i, t in enumerate(toks) if t.start >= end), len(toks))
    first = k
    while k < len(toks) and k - first < _AHEAD_WORDS:
        if toks[k].text in "،," and k + 1 < len(toks):
            hit = match_title(view, k + 1)  # "، الفريق X": the apposition's own title
            if hit is None:
                return None, False
            k = hit[1]
            m = doc.mention_at_token(toks[k]) if k < len(toks) else None
            return (m.key, True) if m is not None and m.cls == "Person" else (None, True)
        if not toks[k].word:
            return None, False
        m = doc.mention_at_token(toks[k])
        if m is not None and m.cls == "Person":
            return m.key, k > first
        if m is not None:
            while k < len(toks) and toks[k].start < m.end:
                k += 1
            continue
        f = view.folded[k]
        if match_title(view, k) is not None or not (f.startswith("ال") or f in TITLE_LINKS):
            return None, False
        k += 1
    return None, False


def _apposed(doc: Doc, start: int) -> bool:
    """Whether the person named last before ``start`` ends right before it, over only
    spaces and commas (a title in apposition: «ستيف وارن، المتحدث باسم …»)."""
    text = doc.article.text
    gap = start
    while gap > 0 and text[gap - 1] in " ،,":
        gap -= 1
    return any(
        (m := doc.mention_ending_at(e)) is not None and m.cls == "Person"
        for e in range(gap, start + 1)
    )


def _nisba_after(text: str, end: int) -> str | None:
    """The country of a nationality adjective right after ``end`` (المسؤول التركي → تركيا)."""
    words = text[end : end + 40].split()
    return nisba_country(words[0]) if words else None


_RECENT_SENTENCES = 3  # how far back two persons make a title that may stand for either


def _several_recent(doc: Doc, keys: list[str], pos: int) -> bool:
    """Whether two or more of ``keys`` are named in the sentences just before ``pos``."""
    here = doc.sentence_of(pos)
    first = here - _RECENT_SENTENCES
    # from the first recent sentence on (a long article's earlier mentions are not scanned);
    # when that is before the first sentence, every mention (some lie outside sentences)
    near = doc.mentions_in(doc.sentences[first].start, pos) if first >= 0 else doc.mentions
    recent = {
        m.key for m in near if m.key in keys and m.end <= pos and doc.sentence_of(m.start) >= first
    }
    return len(recent) > 1


def resolve_short_names(doc: Doc) -> None:
    """Mentions for surnames and short forms of the persons named in the article."""
    persons = [e for e in doc.entities.values() if e.cls == "Person"]
    lasts = Counter()
    forms: list[tuple[str, str, str]] = []
    for e in persons:
        words = match_key(e.label).split()
        forms.append((e.label, e.key, "Person"))
        forms.extend((a, e.key, "Person") for a in e.aliases)
        if len(words) >= 2:
            lasts[words[-1]] += 1
    for e in persons:
        words = match_key(e.label).split()
        if len(words) >= 2:
            last = words[-1]
            bound = words[-2] in name_connectors()  # "طالب" alone is no form of "أبو طالب"
            # «الله» of «نصر الله» is no surname alone («إن شاء الله»); «نصر الله» is, below
            alone = last not in name_stopwords() and last != ALLAH
            if lasts[last] == 1 and len(last) >= 3 and alone and not bound:
                forms.append((last, e.key, "Person"))
        if len(words) >= 3:
            forms.append((" ".join(words[-2:]), e.key, "Person"))  # داود أوغلو
    if not forms:
        return
    for m in NameMatcher(forms).find(doc.folded, doc.article.segments):
        doc.add_mention(m.start, m.end, m.key, "Person", "coref")


def resolve_group_singulars(doc: Doc) -> None:
    """``الحوثي`` in an article that names the organisation ``الحوثيين`` / ``الحوثيون`` (a
    one-word plural of a nisba, its mention's surface) is that organisation («من قبضة
    الحوثي»), run after :func:`resolve_short_names`: where the article names a person «…
    الحوثي», the singular is that person's surname and stays his.  It is a surname, and no
    group, after a title (الشيخ الحوثي، الشيخ القبلي الحوثي: :func:`_after_title`), right
    beside a person or an unnamed source or within the words of its key (الشيخ القبلي الحوثي);
    and a group whose leader is named by a title («زعيم الحوثيين») has no singular at all (it
    may be the leader's surname: «وأضاف الحوثي أن جماعته …»)."""
    forms = []
    for m in doc.mentions:
        if m.cls != "Organization":
            continue
        f = match_key(m.surface)
        singular = nisba_plural(f)
        if " " not in f and f.startswith("ال") and len(f) >= 7 and singular:
            forms.append((singular, m.key, "Organization"))
    if not forms:
        return
    led = {
        m.key
        for m in doc.mentions
        if m.cls == "Organization" and _after_title(doc, m.start, adjective=False)
    }
    forms = [f for f in forms if f[1] not in led]
    people = [m for m in doc.mentions if m.cls in ("Person", "UnnamedSource")]
    for m in NameMatcher(forms).find(doc.folded, doc.article.segments):
        if _after_title(doc, m.start) or any(_beside(doc, p, m.start, m.end) for p in people):
            continue
        doc.add_mention(m.start, m.end, m.key, "Organization", "coref")


def _after_title(doc: Doc, start: int, adjective: bool = True) -> bool:
    """Whether a one-word title of ``titles.tsv`` (الشيخ، زعيم) stands right before ``start``,
    or, when ``adjective``, before a nisba right before it (الشيخ القبلي)."""
    from rasd.extract.patterns import title_table

    table = title_table()[0]
    words = match_key(doc.article.text[max(0, start - 60) : start]).split()[-2:]
    if words and _is_title(words[-1], table):
        return True
    return adjective and len(words) == 2 and is_nisba(words[1]) and _is_title(words[0], table)


def _is_title(word: str, table: dict) -> bool:
    """Whether a folded word is a one-word title, with و/ف/ب/ل before it or not."""
    return strip_al(word) in table or (word[:1] in "وفبل" and strip_al(word[1:]) in table)


def _beside(doc: Doc, p, start: int, end: int) -> bool:
    """Whether ``[start, end)`` stands right beside mention ``p`` (only spaces between) or
    within the words of its key after its start («الشيخ» keyed «الشيخ القبلي الحوثي»)."""
    text = doc.article.text
    # a search, not a slice: the gap to a mention far away is never copied and folded
    if p.end <= start and _NON_SPACE.search(text, p.end, start) is None:
        return True
    if end <= p.start and _NON_SPACE.search(text, end, p.start) is None:
        return True
    label = match_key(p.key.rsplit("/", 1)[-1])
    if not p.start <= start:
        return False
    # a span of more words than the key is not within its words: count them word by word
    # (folded, as match_key folds the span), and stop there rather than fold the whole text
    # between a person far away and the match
    most, words = label.count(" ") + 1, 0
    for w in _WORD.finditer(text, p.start, end):
        words += len(match_key(w.group()).split())
        if words > most:
            return False
    return label.startswith(match_key(text[p.start : end]))


_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")


_GENERIC = ("التنظيم", "تنظيم")


def resolve_generic_org(doc: Doc) -> None:
    """``التنظيم`` (the organisation) → the organisation last named with تنظيم as an alias
    (داعش, القاعدة), when the article names exactly one such organisation."""
    key = generic_org_key(doc)
    if key is None:
        return
    g = NameMatcher([("التنظيم", key, "Organization")])
    for m in g.find(doc.folded, doc.article.segments):
        doc.add_mention(m.start, m.end, key, "Organization", "coref-generic")


def resolve_org_heads(doc: Doc) -> None:
    """``الصحيفة``، ``الوزارة``، ``الوكالة`` standing alone → the organisation of that kind
    named last before it (صحيفة غارديان … وقالت الصحيفة)."""
    from rasd.extract.patterns import org_heads, org_words

    heads = org_heads()
    kind_adjectives = org_words()["adjective"]
    orgs = sorted((m for m in doc.mentions if m.cls == "Organization"), key=lambda m: m.start)
    if not orgs:
        return
    firsts: dict[str, list] = {}
    text = doc.article.text
    for m in orgs:
        label = doc.entities[m.key].label if m.key in doc.entities else m.surface
        words = match_key(label).split()
        before = match_key(text[max(0, m.start - 12) : m.start]).split()
        if words and strip_al(words[0]) in heads:
            firsts.setdefault(strip_al(words[0]), []).append(m)
        elif before and strip_al(before[-1].lstrip("لب")) in heads:
            firsts.setdefault(strip_al(before[-1].lstrip("لب")), []).append(m)  # لصحيفة “ديلي ستار”
    for view in doc.views:
        toks = view.tokens
        # most words: no head named before (passed over in the comprehension)
        for i in [k for k, f in enumerate(view.folded) if f.startswith("ال") and f[2:] in firsts]:
            tok = toks[i]
            stem = view.folded[i][2:]
            if doc.mention_at_token(tok) is not None:
                continue
            nxt = view.folded[i + 1] if i + 1 < len(toks) else ""
            if is_nisba(nxt) or (nxt.startswith("ال") and nxt in kind_adjectives):
                continue  # "الصحيفة البريطانية"، "القوات الخاصة": its own kind of organisation
            before = [m for m in firsts[stem] if m.end <= tok.start]
            if before:
                doc.add_mention(tok.start, tok.end, before[-1].key, "Organization", "coref-org")


def resolve_bare_org_nouns(doc: Doc) -> None:
    """A definite noun of ``bare_org_nouns.tsv`` standing alone («التحالف»، «للتحالف»، «قوات
    التحالف») → the organisation of the first row whose context the article names (داعش →
    التحالف الدولي; اليمن → التحالف العربي), when the article names no other organisation
    of that head (then :func:`resolve_org_heads` has linked it) and the word is no part of a
    mention and stands before no definite word or nisba («التحالف الوطني» is its own name;
    «التحالف الذي» is not), not after a demonstrative («هذا التحالف») and not before «مع»
    within two words («التحالف مع إيران»: an alliance with, allying)."""
    from rasd.extract.doc import raw_cut
    from rasd.extract.lexicon import bare_org_nouns, lexicon_index
    from rasd.extract.patterns import demonstratives

    table = bare_org_nouns()
    named = {m.key for m in doc.mentions}
    index = lexicon_index()
    orgs = [m.key for m in doc.mentions if m.cls == "Organization"]  # once per article
    indefinite: set[str] = set()  # «تشكيل تحالف جديد»: an alliance of the article's own
    for view in doc.views:
        toks = view.tokens
        # most words: no noun of the table, with ال or without (passed over in the comprehension)
        for i in [k for k, f in enumerate(view.folded) if _bare_org_word(f)]:
            tok = toks[i]
            bare, cut, word = _bare_org_stem(view.folded[i])
            nxt = view.folded[i + 1] if i + 1 < len(toks) else ""
            if "ال" + word in table and not nxt.startswith("ال") and not doc.mention_at_token(tok):
                # «تشكيل تحالف جديد»، not «تحالف دعم الشرعية» (a name in construct)
                indefinite.add("ال" + word)
            rows = table.get(bare)
            if not rows or bare in indefinite or _election_sentence(view):
                continue
            held = doc.mention_at_token(tok)
            if held is not None and not _head_and_noun(held, bare):
                continue
            if nxt not in relative_pronouns() and (is_nisba(nxt) or nxt.startswith("ال")):
                continue
            if i and view.folded[i - 1] in demonstratives():
                continue  # «هذا التحالف»: the alliance just described
            if "مع" in view.folded[i + 1 : i + 3]:
                continue  # «التحالف مع إيران»، «التحالف إقليميا مع»: allying, an alliance with
            key = _bare_org_row(doc, view, tok.start, [r for r in rows if r[1] & named])
            if key is None or key not in index:
                continue
            if any(k != key and k.startswith(bare + " ") for k in orgs):
                continue  # «التحالف الوطني» named: the bare noun may be it
            doc.add_entity(index[key])
            if held is not None:  # «قوات التحالف»: the coalition's forces are the coalition
                doc.rekey(held.key, key, "Organization")
                continue
            start = tok.start + raw_cut(tok.text, cut)
            doc.add_mention(start, tok.end, key, "Organization", "coref-org")


@functools.lru_cache(maxsize=50_000)
def _bare_org_word(folded: str) -> bool:
    """Whether :func:`_bare_org_stem` finds a noun of the table in a folded word (memoised:
    asked at every token)."""
    return _bare_org_stem(folded) is not None


def _bare_org_stem(folded: str) -> tuple[str, int, str] | None:
    """For :func:`resolve_bare_org_nouns`, a folded word's :func:`~extract.doc.definite_stem`
    (the noun and the characters cut before it) and the noun without و/ب/ل/ف when that is a
    noun of ``bare_org_nouns.tsv``; None when neither the noun nor «ال» + that word is one."""
    from rasd.extract.doc import definite_stem
    from rasd.extract.lexicon import bare_org_nouns

    table = bare_org_nouns()
    bare, cut = definite_stem(folded.replace("ـ", ""))
    word = bare[1:] if bare[:1] in "وبلف" and "ال" + bare[1:] in table else bare
    if "ال" + word not in table and not table.get(bare):
        return None
    return bare, cut, word


def _election_sentence(view) -> bool:
    """Whether the sentence has a word of ``election_words.tsv`` («مقعدا»، «الانتخابات»): a
    bare «التحالف» there is an electoral bloc."""
    from rasd.extract.lexicon import load_table
    from rasd.extract.resources import WordNote

    words = {match_key(r.word) for r in load_table("election_words.tsv", WordNote)}
    for f in view.folded:
        f = f.replace("ـ", "")
        for c in ("", "و", "ب", "ل", "ف", "وب", "ول", "فب", "فل"):
            if f.startswith(c) and strip_al(f[len(c) :]) in words:
                return True
    return False


def _bare_org_row(doc: Doc, view, at: int, rows: list[tuple[str, frozenset[str]]]) -> str | None:
    """The organisation of the one row whose context the article names; of several, the
    row of the context mention nearest the noun at ``at`` in its sentence (before it first,
    then after: «وفي سوريا، شن التحالف …» in an article that names Yemen too), none when no
    context of theirs is in that sentence."""
    if len(rows) < 2:
        return rows[0][0] if rows else None
    lo, hi = view.tokens[0].start, view.tokens[-1].end
    near = [m for m in doc.mentions if lo <= m.start < hi and any(m.key in c for _k, c in rows)]
    before = [m for m in near if m.start < at]
    after = [m for m in near if m.start > at]
    m = max(before, key=lambda m: m.start, default=None) or min(
        after, key=lambda m: m.start, default=None
    )
    return None if m is None else next(k for k, c in rows if m.key in c)


def _head_and_noun(m, bare: str) -> bool:
    """Whether the mention ``m`` is an organisation head and the bare noun, nothing more
    («قوات التحالف» of the org-heads layer)."""
    words = match_key(m.surface).split()
    return m.layer == "org-heads" and len(words) == 2 and words[1] == bare


def link_name_variants(doc: Doc) -> None:
    """One person, one node: a name whose words all appear, in order, in a longer name of the
    article with the same first and last word (``هادي الشيباني`` in ``هادي فطيم الشيباني``)
    is that person, when the longer name is the only one that fits."""
    persons = [e for e in doc.entities.values() if e.cls == "Person" and e.scope is None]
    named = {m.key for m in doc.mentions}
    words = {e.key: match_key(e.label).split() for e in persons if e.key in named}
    for short, sw in words.items():
        if len(sw) < 2:
            continue
        longer = [
            k
            for k, lw in words.items()
            if len(lw) > len(sw) and lw[0] == sw[0] and lw[-1] == sw[-1] and _in_order(sw, lw)
        ]
        if len(longer) == 1:
            _merge_persons(doc, short, longer[0])
    _link_name_ends(doc)


def _merge_persons(doc: Doc, short: str, long: str) -> None:
    """Make ``short`` and ``long`` one person: the lexicon's key when one of them has it."""
    long_e = doc.entities.get(long)
    short_e = doc.entities.get(short)
    if short_e and short_e.source == "lexicon" and long_e and long_e.source != "lexicon":
        doc.rekey(long, short, "Person")  # عادل بن أحمد الجبير → عادل الجبير
    else:
        doc.rekey(short, long, "Person")


def _link_name_ends(doc: Doc) -> None:
    """One person, one node: a person whose name is the start (الأمير بندر، محمد بن ناصر) or
    whose one-word name is the surname (الرئيس مرسي) of exactly one longer person's name in
    the article is that person (``بندر بن سلطان``، ``محمد بن ناصر بن عبد العزيز``، ``محمد
    مرسي``).  A longer end is a father's name: «هلال الأسد» is not «سليمان هلال الأسد»; but a
    surname is one name part, which may be written joined (نصرالله of «حسن نصر الله») or be a
    connector and its word (عبد اللهيان of «حسين أمير عبد اللهيان»)."""
    persons = [e for e in doc.entities.values() if e.cls == "Person" and e.scope is None]
    named = {m.key for m in doc.mentions}
    words = {e.key: e.key.split() for e in persons if e.key in named}
    stop = name_stopwords()
    for short, sw in sorted(words.items(), key=lambda kv: len(kv[1])):
        if short not in doc.entities or sw[-1] in name_connectors() or sw[0] in stop:
            continue
        if len(sw) == 1 and len(sw[0]) < 3:
            continue
        n = len(sw)
        longer = {
            k
            for k, lw in words.items()
            if len(lw) > n and k in doc.entities and (lw[:n] == sw or _surname_part(sw, lw))
        }
        if len(longer) == 1:
            _merge_persons(doc, short, longer.pop())


def _surname_part(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is the last name part of the longer name ``long`` (both match keys
    split): one word that is its last word (مرسي; or that word without its ال: جبير of «عادل
    الجبير») or its last two words written joined (نصرالله: «نصر الله»), or a connector and
    its word (عبد اللهيان, آل سعود) that end it; a last word bound to a connector before it is
    no part alone (طالب of «أبو طالب»).

    >>> _surname_part(["نصرالله"], ["حسن", "نصر", "الله"])
    True
    >>> _surname_part(["عبد", "اللهيان"], ["حسين", "امير", "عبد", "اللهيان"])
    True
    >>> _surname_part(["هلال", "الاسد"], ["سليمان", "هلال", "الاسد"])
    False
    >>> _surname_part(["جبير"], ["عادل", "الجبير"])
    True
    """
    connectors = name_connectors()
    if len(short) == 1:
        if long[-1] in (short[0], "ال" + short[0]):  # a surname written without its ال: جبير
            return long[-2] not in connectors
        joined = len(long) >= 3 and long[-2] + long[-1] == short[0] and long[-3] not in connectors
        return joined and not _given_compound(long[-2], long[-1])
    part = len(short) == 2 and short[0] in connectors and short[0] not in name_continuations()
    part = part and not _given_compound(short[0], short[1])
    return part and len(long) >= 3 and long[-2:] == short and long[-3] not in connectors


#: connectors that with الله make a compound given name (عبد الله، عبدالله), so «الملك عبد
#: الله» is no surname of «أحمد عبد الله».  Not any word in ال: «عبد الرحمن»، «عبد العزيز»
#: stay surname parts (ruling them out too made one duplicate node more in the transfer sum);
#: «أبو الغيط»، «أبو الفتوح» are surnames
_GIVEN_NAME_CONNECTORS = frozenset({"عبد"})


def _given_compound(connector: str, word: str) -> bool:
    """Whether «connector word» is a compound given name: عبد الله (عبدالله), not عبد
    اللهيان (a family name) nor نصر الله (نصر is no connector).

    >>> _given_compound("عبد", "الله"), _given_compound("عبد", "اللهيان")
    (True, False)
    >>> _given_compound("نصر", "الله")
    False
    """
    if connector not in _GIVEN_NAME_CONNECTORS:
        return False
    return word == "الله"


def bare_place_names(doc: Doc) -> None:
    """A word of ``bare_place_names.tsv`` («عسير») names the lexicon place it is the bare
    name of («منطقة عسير») right after a preposition of place (``patterns.place_prepositions``:
    «في عسير»، «إلى عسير»، «نحو عسير»), with the clitic بـ not after ليس («بعسير»; «ليس بعسير»
    = not difficult) or with و right after a place («القطيف والدمام وعسير»)."""
    from rasd.extract.records import PLACE_CLASSES

    places = _lexicon_places_by_bare_name()
    clitics = _bare_place_clitics()
    for view in doc.views:
        toks = view.tokens
        # most words: no bare place name (passed over in the comprehension)
        for i in [k for k, f in enumerate(view.folded) if f.replace("ـ", "") in clitics]:
            tok = toks[i]
            f = view.folded[i].replace("ـ", "")
            clitic = clitics.get(f)
            if clitic is None or f[len(clitic) :] not in places or doc.mention_at_token(tok):
                continue
            prev = view.folded[i - 1] if i else ""
            if clitic == "":
                ok = prev in place_prepositions()
            elif clitic == "و":
                held = doc.mention_at_token(toks[i - 1]) if i else None
                ok = held is not None and held.cls in PLACE_CLASSES
            else:
                ok = prev not in _NOT_BE
            if not ok:
                continue
            target = places[f[len(clitic) :]]
            if doc.add_mention(tok.start + len(clitic), tok.end, target.key, target.cls, "lexicon"):
                doc.add_entity(target)


@functools.cache
def _bare_place_clitics() -> dict[str, str]:
    """Each word of ``bare_place_names.tsv`` (match key), alone or with و, ب or وب before
    it, → that clitic: the first of ``("", "و", "ب", "وب")`` that leaves a name."""
    from rasd.extract.lexicon import load_table
    from rasd.extract.resources import WordNote

    names = {match_key(r.word) for r in load_table("bare_place_names.tsv", WordNote)}
    out: dict[str, str] = {}
    for c in ("", "و", "ب", "وب"):
        for name in sorted(names):
            out.setdefault(c + name, c)
    return out


#: «ليس بعسير»: the بـ of «ليس»'s predicate, folded
_NOT_BE = frozenset(match_key(w) for w in ("ليس", "ليست", "لست", "ليسوا", "ليسا", "لسنا"))


def link_place_nouns(doc: Doc) -> None:
    """One place, one node: «محافظة دير الزور»، «منطقة عسير»، «مدينة الرقة» are the place
    named without the place noun (``place_nouns.tsv``; not ريف, a countryside: «ريف دمشق» is a
    governorate of its own, and «ريف حلب» is named by ``entities.tsv`` as an alias of «محافظة
    حلب», the governorate, which this link then makes حلب), when that name is a place of the
    lexicon or of the article."""
    from rasd.extract.lexicon import lexicon_index
    from rasd.extract.patterns import place_nouns
    from rasd.extract.records import PLACE_CLASSES

    nouns = place_nouns() - {"ريف"}
    index = lexicon_index()
    named = {m.key for m in doc.mentions if m.cls in PLACE_CLASSES}
    for key in sorted(named):
        words = key.split()
        if len(words) < 2 or strip_al(words[0]) not in nouns:
            continue
        rest = " ".join(words[1:])
        if key in index and rest not in index:
            continue  # «منطقة عسير» of the lexicon keeps its key (below)
        target = index.get(rest) or doc.entities.get(rest)
        if target is None or target.cls not in PLACE_CLASSES or rest == key:
            continue
        if rest not in doc.entities:
            doc.add_entity(target)
        doc.rekey(key, rest, target.cls)
    # «عسير» found by the NER is the lexicon's «منطقة عسير», whose bare name is kept out of
    # the lexicon as a common word (ambiguous_words.tsv): one key in every article
    with_noun = _lexicon_places_by_bare_name()
    for key in sorted(named):
        target = with_noun.get(key)
        if target is None or key in index:
            continue
        doc.add_entity(target)
        doc.rekey(key, target.key, target.cls)
    _link_facility_forms(doc)


@functools.cache
def _lexicon_places_by_bare_name() -> dict[str, EntityInfo]:
    """Lexicon places named with a place noun (منطقة عسير), by the name without it (عسير);
    then those with such an alias (الخليج العربي, alias «منطقة الخليج»: الخليج)."""
    from rasd.extract.lexicon import lexicon_entities
    from rasd.extract.patterns import place_nouns
    from rasd.extract.records import PLACE_CLASSES

    nouns = place_nouns() - {"ريف"}
    out: dict[str, EntityInfo] = {}
    places = [e for e in lexicon_entities() if e.cls in PLACE_CLASSES]
    for names in ((e.key,) for e in places), (tuple(map(match_key, e.aliases)) for e in places):
        for e, forms in zip(places, names, strict=True):
            for words in (f.split() for f in forms):
                if len(words) > 1 and strip_al(words[0]) in nouns:
                    out.setdefault(" ".join(words[1:]), e)
    return out


def _link_facility_forms(doc: Doc) -> None:
    """One facility, one node in an article: «قاعدة إنجرليك العسكرية» (with an adjective)
    and «إنجرليك» (without its head noun) are «قاعدة إنجرليك» when it is named too.  A bare
    name that two facilities share («بيت الدين» beside «جسر بيت الدين» and «قصر بيت الدين»)
    is neither: the text does not say which one it means."""
    from rasd.extract.lexicon import lexicon_index
    from rasd.extract.records import PLACE_CLASSES

    facilities = sorted(
        {m.key for m in doc.mentions if m.layer == "facilities"}, key=lambda k: (len(k), k)
    )
    names = Counter(fac.split(" ", 1)[1] for fac in facilities if " " in fac)
    places = {m.key for m in doc.mentions if m.cls in PLACE_CLASSES}
    for fac in facilities:
        if fac not in {m.key for m in doc.mentions}:
            continue  # merged already
        name = fac.split(" ", 1)[1] if " " in fac else ""
        shared = names[name] > 1
        for other in sorted(places - {fac}):
            longer = other.startswith(fac + " ") and all(
                is_nisba(w) for w in other[len(fac) :].split()
            )
            named = other == name and not shared
            if (longer or named) and other not in lexicon_index():
                doc.rekey(other, fac, doc.entities[fac].cls if fac in doc.entities else "Place")


def link_national_orgs(doc: Doc) -> None:
    """``وزارة الداخلية`` in an article that also names ``وزارة الداخلية السعودية`` is that
    ministry (one node), when exactly one nationality of it is named; organisations that
    differ by their nationality (التونسية / السعودية) stay apart."""
    from rasd.extract.lexicon import nisba_country

    named = {m.key for m in doc.mentions if m.cls == "Organization"}
    words = {k: match_key(doc.entities[k].label).split() for k in named if k in doc.entities}
    for short, sw in words.items():
        national = [
            k
            for k, lw in words.items()
            if len(lw) == len(sw) + 1 and lw[:-1] == sw and nisba_country(lw[-1])
        ]
        if len(national) == 1:
            doc.rekey(short, national[0], "Organization")
        elif not national:
            _qualify_national_body(doc, short, sw)


def _qualify_national_body(doc: Doc, key: str, words: list[str]) -> None:
    """``وزارة الداخلية`` (a head and its portfolio, nothing after them) named with no
    nationality in the whole article is the ministry of the article's country (one node per
    real ministry, not one for every state's): the country the article names most (at
    least twice, more than the publisher's own country and more than any other; a country
    name or its nisba adjective), else the country its publisher writes from
    (``publishers.tsv``).  Heads: ``org_words.tsv`` kind ``national_head``.  Nothing when
    neither is known."""
    from rasd.extract.patterns import org_words

    if len(words) != 2 or words[0] not in org_words()["national_head"]:
        return  # «وزارة الداخلية الاتحادية»: an adjective already tells which one
    if key not in doc.entities or nisba_country(words[-1]):
        return
    country = _article_country(doc)
    adjective = _country_adjectives().get(country or "")
    if adjective is None:
        return
    info = doc.entities[key]
    label = f"{info.label} ال{adjective}ة"
    new = match_key(label)
    lexicon = lexicon_index().get(new)
    doc.add_entity(lexicon or replace(info, key=new, label=label, aliases=()))
    doc.rekey(key, new, "Organization")


def _article_country(doc: Doc) -> str | None:
    """The country key an article is about, for :func:`_qualify_national_body`."""
    home = next(iter(publisher_countries().get(doc.article.publisher or "", ())), None)
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        info = doc.entities.get(m.key)
        if info is not None and info.cls == "Country":
            counts[m.key] += 1
    for view in doc.views:
        for f in view.folded:
            if f.startswith(_NISBA_OPENERS) and (country := nisba_country(f)):
                counts[country] += 1
    top = counts.most_common(2)
    lead = top and top[0][1] >= 2 and top[0][1] > counts.get(home or "", 0)
    if lead and (len(top) < 2 or top[0][1] > top[1][1]):
        return top[0][0]
    return home


# a nisba adjective is counted with its article (السعودية، للسعودية، والسعودية)
_NISBA_OPENERS = ("ال", "وال", "بال", "فال", "لل", "كال")


@functools.cache
def _country_adjectives() -> dict[str, str]:
    """Country key → its first nisba adjective in ``nisba.tsv`` (masculine, no ال)."""
    out: dict[str, str] = {}
    for r in load_table("nisba.tsv", Nisba):
        out.setdefault(match_key(r.country), r.adjective)
    return out


def link_short_org_names(doc: Doc) -> None:
    """One organisation, one node: an organisation name of the article that is the start of
    exactly one longer organisation name of it, the rest definite words (``حزب الشعوب`` …
    ``حزب الشعوب الديمقراطي``، ``لجنة الأمن`` … ``لجنة الأمن والدفاع``), or that name without
    its head noun (``الحركة القومية`` … ``حزب الحركة القومية``، ``الوطن`` … ``صحيفة الوطن``),
    is that organisation.  A name of the lexicon keeps its own node (``حزب الله`` is not
    ``كتائب حزب الله``)."""
    from rasd.extract.patterns import org_heads, org_words

    heads = org_heads() - org_words()["forces_of"]  # «قوات الجيش التركي»: link_forces
    index = lexicon_index()
    named = {m.key for m in doc.mentions if m.cls == "Organization"}
    words = {
        k: match_key(doc.entities[k].label).split()
        for k in sorted(named)
        if k in doc.entities and doc.entities[k].scope is None
    }
    for short, sw in sorted(words.items(), key=lambda kw: -len(kw[1])):
        if short in index or not sw:
            continue
        longer = [
            k
            for k, lw in words.items()
            if len(lw) > len(sw)
            and (
                (lw[: len(sw)] == sw and all(w.startswith(("ال", "وال")) for w in lw[len(sw) :]))
                or (len(lw) == len(sw) + 1 and lw[1:] == sw and strip_al(lw[0]) in heads)
            )
        ]
        if len(longer) == 1:
            doc.rekey(short, longer[0], "Organization")
            del words[short]


def link_forces(doc: Doc) -> None:
    """``قوات الجيش الليبي`` in an article that also names ``الجيش الليبي`` (an organisation)
    is that organisation (one node): the head words of ``org_words.tsv`` kind ``forces_of``
    name the forces of the organisation after them (the guideline: «النظام، قوات النظام» are
    one id).  Forces named alone keep their own node."""
    from rasd.extract.patterns import org_words

    heads = org_words()["forces_of"]
    named = {m.key for m in doc.mentions if m.cls == "Organization"}
    for key in sorted(named):
        words = key.split()
        if len(words) < 2 or words[0] not in heads:
            continue
        rest = " ".join(words[1:])
        if rest in named and rest in doc.entities and doc.entities[rest].cls == "Organization":
            doc.rekey(key, rest, "Organization")


def _in_order(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def quoted_places_are_media(doc: Doc) -> None:
    """A place name in quotation marks, or after صحيفة/جريدة, names a newspaper or channel
    (``لـ«الشرق الأوسط»``، ``صحيفة الرياض``): an organisation, not the place."""
    from rasd.extract.patterns import place_nouns
    from rasd.extract.records import PLACE_CLASSES

    text = doc.article.text
    for i, m in enumerate(doc.mentions):
        if m.cls not in PLACE_CLASSES or m.layer in ("towns", "facilities"):
            continue  # «قرية «المشيك»»: a place noun said it is a place
        before = text[max(0, m.start - 12) : m.start]
        opened = before.rstrip()[-1:]
        quoted = opened in QUOTE_PAIRS and text[m.end : m.end + 1] == QUOTE_PAIRS[opened]
        head = match_key(before).split()[-1:]
        media = bool(head) and strip_al(head[0].lstrip("لب")) in ("صحيفه", "جريده")
        if not (quoted or media):
            continue
        if not media and head and bare_forms(head[0]) & place_nouns():
            continue  # «مدينة “تل أبيض”»: a place noun before the quotes says it is a place
        label = doc.entities[m.key].label if m.key in doc.entities else m.surface
        key = match_key(f"صحيفة {label}")
        doc.add_entity(EntityInfo(key, "Organization", label, source="pattern"))
        doc.mentions[i] = replace(m, key=key, cls="Organization")
        doc.drop_orphan(m.key)


_QUOTED = re.compile(r"[«\"“]\s*([^«»\"“”\n]{2,40}?)\s*[»\"”]")


def quoted_media_names(doc: Doc) -> None:
    """A quoted name after a media noun (قناة «الخبر»، موقع «مراسل سوري») or spoken to after
    a speech cue (وكشف لـ"الوطن") names a news medium (``media_cues.tsv``), unless the
    quotation already holds a name."""
    from rasd.extract.doc import bare_forms
    from rasd.extract.patterns import cue_table
    from rasd.extract.relations import site_is_location
    from rasd.extract.resources import MediaCue, load_table
    from rasd.extract.text import closing_straight_quote, fold

    cues = {fold(r.word).rstrip("ـ"): r.kind for r in load_table("media_cues.tsv", MediaCue)}
    speech = cue_table()
    text = doc.article.text
    for m in _QUOTED.finditer(text):
        start, end = m.span(1)
        if len(m.group(1).split()) > 4 or doc.overlaps(start, end):
            continue
        if not m.group(1)[0].isalnum() or closing_straight_quote(text, m.start()):
            continue  # «الموقع". مشدداً على أن "…»: a quote that closes opens no name
        if not any(a <= start and end <= b for a, b in doc.article.segments):
            continue
        before = text[max(0, m.start() - 30) : m.start()].replace("ـ", "").split()
        if not before:
            continue
        last = fold(before[-1])
        if last == "ل" and len(before) > 1:
            if not bare_forms(before[-2]) & speech.keys():
                continue  # "لـ«داعش»" after no speech cue: not an addressee
            cls = "Organization"
        else:
            cls = cues.get(strip_al(last.lstrip("وفب")), "")
            if cls in ("", "addressee"):
                continue
            # «موقع قناة «المتوسط»» (a channel's website) and «قناة «أعماق» على تليجرام» (a
            # channel on a platform) are websites and accounts: the relations component's
            if len(before) > 1 and strip_al(fold(before[-2]).lstrip("وفب")) in cues:
                continue
            if fold(text[m.end() : m.end() + 6]).split()[:1] in (["علي"], ["عبر"]):
                continue
            w0 = max(0, m.start() - 30)
            lead = text[w0 : m.start()].rstrip()
            site_start = w0 + max(lead.rfind(" "), lead.rfind("\n")) + 1  # the noun's start
            if cls == "Platform" and site_is_location(text, site_start, m.end()):
                continue  # «موقع “جبة” يقع على مسافة»: a location, not a website
        label = text[start:end]
        key = match_key(label)
        if not key or any(ch.isdigit() for ch in key):
            continue
        known = doc.entities.get(key)
        if known is not None and known.cls != cls:
            continue
        doc.add_entity(known or EntityInfo(key, cls, label, source="pattern"))
        doc.add_mention(start, end, key, cls, "media-quote")


def publisher_mentions(doc: Doc) -> None:
    """The article's own publisher named in its text — in quotation marks (علمت «الوطن»),
    by a name of two words or more (عين اليوم – جدة), or at the start of a line before a
    dash (سبق - الرياض) — is a mention of the publisher's organisation (the key of
    :func:`extract.resolve.publisher_entity`); a one-word name elsewhere is a common word."""
    from rasd.extract.patterns import media_heads
    from rasd.extract.text import fold

    label = doc.article.publisher
    if not label:
        return
    key = match_key(label)
    words = label.split()
    forms = {label}
    if len(words) > 1 and strip_al(fold(words[0])) in media_heads():
        forms.add(" ".join(words[1:]))
    text = doc.article.text
    found = False
    for form in sorted(forms, key=longest_first):
        for m in re.finditer(re.escape(form), text):
            start, end = m.span()
            if (start > 0 and text[start - 1].isalpha() and text[start - 1] not in "وبل") or (
                end < len(text) and text[end].isalpha()
            ):
                continue
            quoted = text[start - 1 : start] in '«"“' and text[end : end + 1] in '»"”'
            line_start = start == 0 or text[start - 1] == "\n"
            byline = line_start and text[end : end + 3].strip()[:1] in "-–—"
            if not (quoted or len(form.split()) > 1 or byline) or doc.overlaps(start, end):
                continue
            if not any(a <= start and end <= b for a, b in doc.article.segments):
                continue
            if doc.add_mention(start, end, key, "Organization", "publisher"):
                found = True
    if found and key not in doc.entities:
        doc.add_entity(EntityInfo(key, "Organization", label, source="pattern"))
