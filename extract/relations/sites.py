"""Websites and accounts as entities of their own (:func:`find_sites_and_accounts`): «الموقع
الرسمي لـ…», «موقع قناة …», a handle (@name) and who owns it, lists of accounts (after an
account noun or as bullets); with :func:`named_venue` and :func:`site_is_location`, which other
modules read."""

from __future__ import annotations

import functools

from rasd.extract.doc import Doc, SentView, bare_forms, word_test
from rasd.extract.facilities import facility_heads
from rasd.extract.patterns import media_heads, relation_words
from rasd.extract.records import Mention
from rasd.extract.relations.actors import _antecedent, _owner_governed, _possessive
from rasd.extract.relations.clauses import _BREAKS, _DASHES, _asides, _sentence_mentions
from rasd.extract.relations.cues import _blocker_before, _cue_at, _forms, relation_cues
from rasd.extract.relations.platforms import (
    _PUBLISH,
    _generic,
    _implied_platform,
    _named_after,
    _platforms_from,
    _post_word,
)
from rasd.extract.relations.register import _add, _new_entity, _quoted
from rasd.extract.text import HANDLE, QUOTE_PAIRS, fold


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
