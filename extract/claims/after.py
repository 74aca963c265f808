"""The speakers named right after a cue (:func:`speakers_after`), from the readers of
:mod:`.names` and :mod:`.sources`.
"""

from __future__ import annotations

from rasd.extract.claims.names import (
    _IN_NAME_OF,
    _MAX_TITLE_WORDS,
    _appositive_person,
    _earlier_holder,
    _family_written_after_given,
    _headed_org,
    _headline_person,
    _ministry_short,
    _name_after_definites,
    _person_ahead,
    _quoted_media,
    _quoted_speaker,
    _says_after,
    _single_name,
    _skip_apposition,
    _surname_ref,
    _title_ref_at,
    _titled_subject,
    skip_addressee,
)
from rasd.extract.claims.quotes import _QUOTE_OPEN
from rasd.extract.claims.sources import (
    _AFFILIATION,
    _DOCUMENT_SOURCES,
    _no_source_phrase,
    _participle_group,
    _quantified_source,
    _titled_source,
    _unnamed_source,
)
from rasd.extract.claims.words import (
    _DOC_NOUNS,
    _SPEAKER_CLASSES,
    _day_words,
    _is_complementiser,
    _past_date,
    _token_after,
    subject_adverbs,
    subjectless,
)
from rasd.extract.doc import Doc, SentView, bare_forms, strip_al
from rasd.extract.folding import bare
from rasd.extract.lexicon import nisba_country
from rasd.extract.patterns import (
    _add_person,
    claim_words,
    is_source_noun,
    kin_source_nouns,
    match_title,
    ner_confirms,
    read_names,
    skip_modifiers,
    word_list,
)

_SAME = claim_words("same")


def speakers_after(doc: Doc, view: SentView, k: int, heads: bool = False) -> tuple[list[str], int]:
    """Speakers named right after a cue ending at token ``k``, and where they end.

    ``heads``: the cue is a finite verb, so a definite head noun alone after it (وقال المرصد)
    is its subject (the organisation named before); after a participle it is an object
    (واصفاً القوات العسكرية بـ…)."""
    toks = view.tokens
    j = skip_addressee(doc, view, k)
    adverbs = j
    while adverbs < len(toks):  # adverbs (أيضا، آنذاك) and dates (أمس، الثلاثاء)
        past = _past_date(doc, view, adverbs)
        if past == adverbs and view.folded[adverbs] not in subject_adverbs() | _day_words():
            break
        adverbs = max(past, adverbs + 1)
    if adverbs > j and adverbs + 1 < len(toks) and toks[adverbs].text in "،,":
        adverbs += 1  # "قال لـ«الاقتصادية» أمس، اللواء عبدالله السعدون …، إن": a comma
    if adverbs > j and adverbs < len(toks):
        # "وقال أمس وزير الخارجية … إن"، "وأوضح آنذاك مسؤول في … أن": the subject after the
        # adverb, when what was said follows it ("وطالب كذلك الحكومة العراقية بحماية …"،
        # "ودعا أيضا الرئيس … إلى التنحي": the one named is the verb's object)
        found = speakers_after(doc, view, adverbs, heads)
        k = found[1]
        if found[0] and _says_after(view, k):
            return found
    titled: int | None = None  # where a title with no name after it began
    while j < len(toks):
        tok = toks[j]
        if tok.text in '«»"“”’‘' and j + 1 < len(toks):
            m = doc.mention_at_token(toks[j + 1])
            if m is None:
                return _quoted_speaker(doc, view, j) if tok.text in _QUOTE_OPEN else ([], j)
            j += 1
            continue
        m = doc.mention_at_token(tok)
        if m is None and bare(tok.text) == "علي" and j + 1 < len(toks):
            # "أكد علي حسين باكير": the given name علي (folded like the preposition على)
            # left out of the name the NER found after it
            after = doc.mention_at_token(toks[j + 1])
            if after is not None and after.cls == "Person" and after.start == toks[j + 1].start:
                n = j + 1
                while n < len(toks) and toks[n].start < after.end:
                    n += 1
                return [after.key], _skip_apposition(doc, view, n)
        if m is not None and m.layer == "coref-title":
            # a title read as standing for someone named before, unless a name follows it
            n = j
            while n < len(toks) and toks[n].start < m.end:
                n += 1
            person = _person_ahead(doc, view, n)
            if person is not None:
                return [person[0]], _skip_apposition(doc, view, person[1])
        if m is not None and m.cls == "Country" and tok.start == m.start:
            # "قالت إيران إن …"، "وأعربت الكويت عن …": a country as the subject of a
            # speech verb speaks (for its government), when what was said follows at once
            # or after a date ("وقالت تركيا يوم السبت إن …")
            after = _token_after(view, j, m.end)
            for n in dict.fromkeys((after, _past_date(doc, view, after))):
                if n < len(toks) and (
                    toks[n].text in ':«"“' or (toks[n].word and subjectless(view, n))
                ):
                    return [m.key], n
                # "في إجراء تقول إسرائيل، إنه ضروري": a comma, then the complementiser (not
                # the conditional "وحذر إسرائيل، إن هي هاجمت …", whose country is the object)
                if (
                    n + 1 < len(toks)
                    and toks[n].text in "،,"
                    and toks[n + 1].word
                    and _is_complementiser(toks[n + 1].text)
                    and not (
                        n + 2 < len(toks)
                        and view.folded[n + 2] in word_list("conditional_openers.tsv")
                    )
                ):
                    return [m.key], n
        if m is not None and titled is not None and m.cls == "Organization":
            n = j
            while n < len(toks) and toks[n].start < m.end:
                n += 1
            holder = _earlier_holder(doc, view, titled, n)
            if holder is not None:  # "وكان رئيس مجلس النواب العراقي أعلن" after "… سليم الجبوري"
                return [holder], _skip_apposition(doc, view, n)
        if m is not None:
            if m.cls in _SPEAKER_CLASSES:
                keys = [m.key]
                end = m.end
                # coordinated speakers: "X وY"
                for other in doc.mentions_in(m.end, view.sentence.end):
                    gap = doc.article.text[end : other.start].strip()
                    if other.cls == "Person" and m.cls == "Person" and gap in ("و", "،"):
                        keys.append(other.key)
                        end = other.end
                    else:
                        break
                while j < len(toks) and toks[j].start < end:
                    j += 1
                return keys, _skip_apposition(doc, view, j)
            return [], j
        refs = _title_ref_at(doc, tok.start)
        if refs:
            while j < len(toks) and toks[j].start < tok.end:
                j += 1
            hit = match_title(view, j - 1)
            after_title = hit[1] if hit else j
            person = _person_ahead(doc, view, after_title)
            if person is not None:  # "نائب رئيس تحرير جريدة «…»، نور الدين بالطيب،"
                return [person[0]], _skip_apposition(doc, view, person[1])
            return refs, after_title
        quantity = _quantified_source(view, j, one_of=heads)
        if quantity is not None:  # "عدد من الأكاديميين"، "أحد المقربين للدواعش"
            return _unnamed_source(doc, view, quantity, refer_back=False, label_from=j)
        title = match_title(view, j) if tok.word else None
        if (
            tok.word
            and is_source_noun(tok.text)
            and not (title and title[1] > j + 1)
            and not _no_source_phrase(view, j)
        ):
            doc_noun = strip_al(view.folded[j]) in _DOC_NOUNS | _DOCUMENT_SOURCES
            # "الخبير الأمني أستاذ علم الإجرام بجامعة … أحسن أبو طالب": a title reaches further
            span = 14 if match_title(view, j) is not None else 8
            # a plural noun names a group, never one person after it ("ودعا المعتصمون إلى
            # إعدام سليمان الأسد": the one they speak about)
            group = is_source_noun(tok.text) == "pl"
            # a family (عائلة فلان) is never the person named after it
            group = group or not bare_forms(tok.text).isdisjoint(kin_source_nouns())
            person = None if doc_noun or group else _person_ahead(doc, view, j + 1, span=span)
            if person is not None:  # "المتحدث باسم الخارجية التركية تانجو بيليتش"
                return [person[0]], _skip_apposition(doc, view, person[1])
            named = _headline_person(doc, view, j)
            if named:  # a headline's "خبير أمني يطالب …": the expert the article names
                return named, j + 1
            return _unnamed_source(doc, view, j)
        hit = match_title(view, j)
        if hit is not None:
            surname = _surname_ref(doc, view, hit[1]) if hit[1] < len(toks) else []
            if surname:  # "اللواء التركي": the family name, not the nisba "Turkish"
                t = toks[hit[1]]
                doc.add_mention(t.start, t.end, surname[0], "Person", "speech-subject")
                return surname, _skip_apposition(doc, view, hit[1] + 1)
            start = j
            j = skip_modifiers(doc, view, hit[1], None)
            spoken_for = doc.mention_at_token(toks[j]) if j == hit[1] < len(toks) else None
            if (
                view.folded[hit[1] - 1] == _IN_NAME_OF
                and spoken_for is not None
                and spoken_for.cls == "Person"
            ):
                # "الناطقة باسم دي ميستورا جيسي شاهين": the one spoken for is no speaker
                while j < len(toks) and toks[j].start < spoken_for.end:
                    j += 1
            person = _person_ahead(doc, view, j)
            if person is not None:  # "عضو الهيئة السياسية في الائتلاف أحمد رمضان"
                return [person[0]], _skip_apposition(doc, view, person[1])
            titled = start if titled is None else titled
            continue
        names = read_names(doc, view, j) if tok.word else []
        if (
            names
            and names[0][1] - names[0][0] >= 2
            and ner_confirms(doc, view, j, names[-1][1], strict=True)
        ):
            keys = []
            for _a, b, cs in names:
                key = _add_person(doc, cs, toks[b - 1].end, "speech-subject")
                if key:
                    keys.append(key)
            return keys, names[-1][1]
        if tok.word and view.folded[j].startswith("ال"):
            # an unlisted title (المرشد الإيراني علي خامنئي): definite words, then a person
            k = j
            while (
                k < min(len(toks), j + 4)
                and toks[k].word
                and doc.mention_at_token(toks[k]) is None
                and view.folded[k].startswith("ال")
            ):
                k += 1
            m = doc.mention_at_token(toks[k]) if k < len(toks) else None
            if m is not None and m.cls == "Person" and k > j:
                n = k
                while n < len(toks) and toks[n].start < m.end:
                    n += 1
                return [m.key], _skip_apposition(doc, view, n)
            named = _name_after_definites(doc, view, j, k)
            if named is not None:  # "قالت الناشطة المدنية رسالة شركاني، لـ… إن"
                return [named[0]], named[1]
        headed = _headed_org(doc, view, j)
        if headed is not None:  # "أعلن تنظيم داعش …"، "وقالت جماعة «أنصار بيت المقدس»"
            return [headed[0]], _skip_apposition(doc, view, headed[1])
        media = _quoted_media(doc, view, j)
        if media is not None:  # "كتبت صحيفة «البلد» الجزائرية"
            return [media[0]], _skip_apposition(doc, view, media[1])
        ministry = _ministry_short(doc, view, j, heads)
        if ministry:  # "وذكرت الخارجية أن" after "وزارة الخارجية الروسية"
            return ministry, j + 1
        if view.folded[j] in _SAME and j + 1 < len(toks) and is_source_noun(toks[j + 1].text):
            keys, nxt = _unnamed_source(doc, view, j + 1)  # "نفس المصدر": the one before
            return keys, nxt
        surname = (
            _surname_ref(doc, view, j)
            or _single_name(doc, view, j)
            or _family_written_after_given(doc, view, j)
        )
        if surname:
            doc.add_mention(tok.start, tok.end, surname[0], "Person", "speech-subject")
            return surname, _skip_apposition(doc, view, j + 1)
        far = _titled_subject(doc, view, j) if heads and titled is None else None
        if far is not None:  # "أكد قائمقام قضاء الرمادي دلف الكبيسي أن": an unlisted title
            return [far[0]], far[1]
        group = _participle_group(doc, view, j) if heads and titled is None else None
        if group is not None:  # "وأضاف المصابون بأن"، "واعترف المتهمان بأنه": a group
            return group
        break
    if titled is not None:
        # "وأوضح مدير المطار أنه …": a title never given a name is an anonymous source
        k = j
        while k < len(toks) and k - titled < _MAX_TITLE_WORDS and not subjectless(view, k):
            m = doc.mention_at_token(toks[k])
            f = view.folded[k]
            plain = m is None and not f.startswith(("ال", "لل", "بال", "وال"))
            if not toks[k].word or (m is not None and m.cls == "Person"):
                break
            if plain and f not in _AFFILIATION and not nisba_country(toks[k].text):
                break  # "رئيس الوزراء صائب عريقات": maybe a name rasd does not read
            k += 1
        if k < len(toks) and subjectless(view, k):
            named = _appositive_person(doc, view, titled) or _headline_person(doc, view, titled)
            for e in range(k, titled + 1, -1) if not named else ():
                holder = _earlier_holder(doc, view, titled, e)
                if holder is not None:  # "وقال رئيس مجلس النواب" after "… رئيس مجلس النواب X"
                    named = [holder]
                    break
            if named:  # "وقال النائب" after "X النائب في البرلمان": X
                return named, k
            return [_titled_source(doc, view, titled, k)], k
    return [], j
