""":func:`find_claims`, the scan of an article that finds every quoted or reported statement
and attaches it to its speaker(s), from the readers of the other modules.
"""

from __future__ import annotations

from rasd.extract.claims.according import (
    _ACCORDING,
    _MAX_FAR_MARKER,
    _fa_inna,
    _source_before,
    _source_follows,
)
from rasd.extract.claims.after import speakers_after
from rasd.extract.claims.before import speakers_before
from rasd.extract.claims.clauses import (
    _adjective,
    _claimed_up_to,
    _clause_start,
    _continued_object,
    _continuing_verb,
    _coordinated,
    _country_opening,
    _mid_clause,
    _object_word,
    _prepositional_object,
    _universal_relative,
)
from rasd.extract.claims.colon import _colon_claim
from rasd.extract.claims.content import (
    _after_preposition,
    _content,
    _far_complementiser,
    _find_documents,
    _nested,
    _outside_content,
    _split_preposition,
)
from rasd.extract.claims.fronted import (
    _MAX_DESCRIBED,
    _fronted_org,
    _fronted_subject,
    _opens_sentence,
    _person_with_role,
    _subject_right_before,
    _titled_org,
)
from rasd.extract.claims.interviews import _interview_answers
from rasd.extract.claims.names import _dignitary, _ministry_short
from rasd.extract.claims.nouns import (
    _expressed,
    _may_open_cue,
    _noun_owner,
    _noun_speaker,
    _owned_noun,
    _owner_before,
    _verbal_noun,
    renewal_verbs,
)
from rasd.extract.claims.objects import (
    _bare_definite,
    _publication_ahead,
    _published_object,
    _rules_out,
    _said_object,
    _said_object_ahead,
    _says_that,
    _subject_follows,
)
from rasd.extract.claims.quotes import _quoting_paragraph
from rasd.extract.claims.relays import _quoted_from, _relayed
from rasd.extract.claims.running import (
    _PRAISE,
    _PRAYER_ONLY,
    _continues_nobody,
    _cue_gender,
    _group_subject,
    _head_of_running,
    _opening_subject,
    _other_persons,
    _own_subject,
    _recap_subject,
)
from rasd.extract.claims.scripture import _past_god, _scripture_at, _scripture_before
from rasd.extract.claims.sources import _antecedent, _back_persons, _group
from rasd.extract.claims.words import (
    _MIN_QUOTE_WORDS,
    _PREPOSITIONS,
    _RELATIVES,
    _bi_object,
    _is_complementiser,
    _passive,
    _trim,
    _words,
    cue_blockers,
    cue_nouns,
    honorific_subjects,
    is_word_between,
    pronoun_subjects,
    subjectless,
)
from rasd.extract.doc import Doc, SentView, bare_forms
from rasd.extract.patterns import cue_table, match_cue, resumptive_pronouns, subjectless_words
from rasd.extract.records import Claim


def _participle_cue(view: SentView, i: int) -> bool:
    """Whether the cue word at token ``i`` is an accusative participle (مضيفا، متهمة،
    مؤكدين، داعيا) rather than a verb of going on (تابع، أردف، استطرد): ending in alif, ta
    marbuta or ين, as every participle of ``speech_cues.tsv``'s continuation kind does."""
    f = view.folded[i]
    return len(f) > 3 and f.endswith(("ا", "ه", "ين"))


def find_claims(doc: Doc) -> None:
    """Attach every quoted or reported statement in the article to its speaker(s)."""
    text = doc.article.text
    last_speakers: list[str] = []
    last_at = -1  # where the running speaker's phrase (or the claim after it) ends
    # the subject of a sentence opening with a verb that is no cue, until a cue sets the
    # running speaker (or leaves it open)
    topic: list[str] = []
    topic_at = -1
    topic_gender: str | None = None  # a recap's X: the verb taking X as subject agrees
    seen: set[tuple[int, int]] = set()
    for view in doc.views:
        _find_documents(doc, view)
        toks = view.tokens
        recap = _recap_subject(doc, view)  # "جاء ذلك على لسان X": X said what came before
        opening = recap[:2] if recap is not None else _opening_subject(doc, view)
        if opening is not None:  # "ربط النائب X بين …": X is who a later "وقال" means
            topic, topic_at = [opening[0]], opening[1]
            topic_gender = recap[2] if recap is not None else None
        cues = []
        i = 0
        # most words: no cue of the four below can start there
        for at in [k for k, f in enumerate(view.folded) if _may_open_cue(f)]:
            if at < i:
                continue  # inside the cue found before
            i = at
            hit = (
                match_cue(view, i)
                or _expressed(doc, view, i)
                or _verbal_noun(doc, view, i)
                or _owned_noun(doc, view, i)
            )
            named = doc.mention_at_token(toks[i]) if hit is not None else None
            if named is not None and named.cls in ("Person", "Organization"):
                hit = None  # "طالب" in the name "أبو طالب"
            if hit is not None and i > 0 and view.folded[i - 1] in cue_nouns():
                hit = None  # "طالبا عدم كشف اسمه": a verbal noun, said by nobody
            if hit is not None and hit[1] == "continuation" and _adjective(view, i):
                hit = None  # "إجراءات أمنية مشددة على سفر …": it describes the noun
            if (
                hit is not None
                and hit[1] == "continuation"
                and hit[0].split()[0] in _PRAISE
                and _continues_nobody(doc, view, i, hit[3], cues, last_at)
            ):
                hit = None  # "ووصل الوفد … مرحبا به": welcomed, said by nobody
            if (
                hit is not None
                and bare_forms(toks[i].text) & _PRAYER_ONLY
                and (
                    _past_god(view, i, hit[3]) == hit[3]
                    or _quoting_paragraph(doc.article.text, toks[i].start)
                )
            ):
                # "مواد سائلة"، "وقودا سائلا": liquid, no prayer; «… سائلا الله أن …» inside a
                # quotation is the quoted speaker's own sentence going on
                hit = None
            if hit is not None and _universal_relative(view, i):
                hit = None  # "التعامل مع كل ما يهدد أمن الوطن": everything that threatens
            if hit is not None:
                cues.append((i, *hit))
                i = hit[3]
            else:
                i += 1
        # "حسب الرسالة" with no source after it is no cue: it must not cut a claim short
        # and "بين البلدين" (between) is no "بيّن" (he explained)
        cues = [
            c
            for c in cues
            if c[2] not in ("preposition", "verb-explicit")
            or _source_follows(doc, view, c[4])
            # "وبحسب الحصيلة، فإن …": a source rasd cannot name, what it says after فإن
            or (c[2] == "preposition" and _fa_inna(doc, view, c[4], view.sentence.end) is not None)
        ]
        # "تبنت الحكومة استراتيجية" says nothing (and ends no claim): تبنى is a cue only with
        # a claim of responsibility right after its subject ("بعدما حملت المعارضة مسؤولية"
        # further on is not one); the subject is parsed once, here, and kept for the loop
        # (parsing may register an unnamed source)
        # and "استبعد" a statement only when a possibility ruled out follows its subject
        # and "تفيد/يزعم/أقر/زاد" (kind ``said-that``) only when reported speech opens right
        # after a subject named after the verb, "نشر/بث" (kind ``publishing``) only when a
        # published object follows it
        # (a publisher is named: "ونشر التنظيم مقطعا" may mean another organisation)
        subjects = {
            c[4]: speakers_after(doc, view, c[4], heads=c[2] != "publishing")
            for c in cues
            if (c[2] == "responsibility" and _said_object_ahead(view, c[4]))
            or c[2] == "ruling-out"
            or (c[2] == "said-that" and _subject_follows(doc, view, c[4]))
            or (c[2] == "publishing" and _publication_ahead(view, c[4]))
        }
        # "نشرت صحيفة «X» تقريرا عن …" (kind ``publishing``): what was published is what the
        # subject says, from the published object on
        # ("نشرت X شريطا أعلنت فيه أن …": the publication frames the statement after it)
        published = {
            c[4]: _published_object(doc, view, subjects[c[4]][1])
            for n, c in enumerate(cues)
            if c[2] == "publishing"
            and c[4] in subjects
            and subjects[c[4]][0]
            and not _bare_definite(doc, view, c[4])
            and not (
                n + 1 < len(cues)
                and cues[n + 1][4] < len(toks)
                and view.folded[cues[n + 1][4]] in resumptive_pronouns()
            )
        }
        subjects.update(
            (after, (subjects[after][0], k)) for after, k in published.items() if k is not None
        )
        cues = [
            c
            for c in cues
            if c[2] not in ("responsibility", "ruling-out", "said-that", "publishing")
            or (
                c[2] == "responsibility"
                and c[4] in subjects
                and _said_object(view, subjects[c[4]][1]) is not None
            )
            or (c[2] == "ruling-out" and _rules_out(view, subjects[c[4]][1]))
            or (c[2] == "said-that" and _says_that(subjects.get(c[4]), view))
            or (c[2] == "publishing" and published.get(c[4]) is not None)
        ]
        cues = [
            (*c[:2], "verb", *c[3:]) if c[2] in ("ruling-out", "said-that", "publishing") else c
            for c in cues
        ]
        cues = _outside_content(doc, view, cues)
        if not cues:
            claim = _colon_claim(doc, view)
            if claim is not None and (claim.start, claim.end) not in seen:
                seen.add((claim.start, claim.end))
                doc.claims.append(claim)
        for n, (i, cue, kind, number, after) in enumerate(cues):
            next_cue = toks[cues[n + 1][0]].start if n + 1 < len(cues) else view.sentence.end
            if n + 1 < len(cues) and cues[n + 1][2] == "owned-noun":
                # "…، كما عاد X إلى التأكيد بأن": what was said before ends at the mark
                # before the clause of the verb governing the noun
                m = cues[n + 1][0]
                t = next((t for t in range(m - 1, i, -1) if not toks[t].word), None)
                next_cue = toks[t].start if t is not None else next_cue
            if n + 1 < len(cues):
                # "قال إن …، حسبما ذكرت الوكالة": what was said ends before «حسبما»
                m = cues[n + 1][0]
                framing = " ".join(view.folded[max(0, m - 2) : m])
                if cues[n + 1][2] == "verb" and framing.endswith(_ACCORDING[:-1]):
                    back = 2 if framing.endswith(" ما") or framing.endswith(" لما") else 1
                    next_cue = toks[max(i + 1, m - back)].start
            if kind == "impersonal":  # "ويذكر أن": the author's own voice
                continue
            if i > 0 and view.folded[i - 1] in cue_blockers():
                continue  # "ولم يذكر المصدر": no statement, but it ends the one before
            # "تبنى التنظيم مسؤولية الهجوم" claims it; "تبنت الحكومة استراتيجية" says nothing
            responsibility = kind == "responsibility"
            if responsibility:
                kind = "verb"
            speakers: list[str] = []
            j = after
            prayer = False  # a verb of prayer with God right after it
            possessive = kind == "possessive"
            relayed_source = False  # "نقلت X عن Y قوله": Y named as the one speaking
            noun_cue = False  # "بعد إعلان X أن": sets no running speaker
            # "أُعلن أن …"، "ذُكر أن …" (marked passive) and the impersonal "ويقال إن …"
            # (kind ``passive`` in speech_cues.tsv): nobody is named as saying it
            passive = kind == "passive" or (kind == "verb" and _passive(toks[i].text))
            if passive:
                kind = "verb"
            if possessive:
                # "وهو ما عكسه قوله: «…»"، "بعد إدانته مقتل …": the one person the pronoun
                # can refer to, named in the last sentences; several → left open
                persons = _back_persons(doc, doc.mentions_in(0, toks[i].start), view.index)
                speakers = persons if len(persons) == 1 else []
                # "جدد X تأكيده أن …" (not "رفض X قوله إن …": someone else's words)
                speakers = _owner_before(doc, view, i, renewal_verbs()) or speakers
                quoted = _quoted_from(doc, view, i)
                if quoted:  # "ونقل التلفزيون عن مصدر عسكري قوله": the source, not the relay
                    speakers = quoted
                    relayed_source = True
                if _scripture_at(view, after):
                    # "قوله تعالى (…)"، "قوله صلى الله عليه وسلم": God's or the Prophet's
                    # words, not those of the person named before
                    speakers = []
                kind = "continuation"
            elif kind == "verbal-noun":
                # "بعد إعلان وزارة الداخلية أن …": the genitive after the noun speaks; with
                # no speaker read there the noun says nothing (and sets no running speaker)
                speakers, j = _noun_speaker(doc, view, after)
                if not speakers:
                    continue
                kind, noun_cue = "verb", True
            elif kind == "owned-noun":
                # "وأعاد X التأكيد بـ…": the subject of the verb before the noun speaks
                speakers, noun_cue, kind = _noun_owner(doc, view, i), True, "verb"
            elif not passive:
                if after in subjects:  # parsed above (تبنى، استبعد)
                    speakers, j = subjects[after]
                else:
                    # "ودعا الله عز وجل أن …"، "داعيا المولى القدير أن": God addressed
                    start = _past_god(view, i, after)
                    prayer = start > after
                    speakers, j = speakers_after(doc, view, start, heads=kind == "verb")
                relayed = _relayed(doc, view, i, j)
                if relayed is not None:
                    if relayed[1] < len(toks) and match_cue(view, relayed[1]) is not None:
                        continue  # "… عن ميركل قولها": the possessive cue makes the claim
                    speakers, j = relayed
                if kind == "verb-explicit" and speakers and _coordinated(doc, view, j):
                    continue  # "(بين الحكومة التركية و«بي كا كا»)": between, not explained
                before = doc.mention_at_token(toks[i - 1]) if i > 0 else None
                named_before = before is not None and before.cls != "UnnamedSource"
                if (
                    cue.split()[-1] in _PREPOSITIONS or named_before or kind == "continuation"
                ) and any(doc.cls_of(k) == "Country" for k in speakers):
                    # "أشار إلى إيران"، "وكان داعش هدد تركيا"، "متهما تركيا بـ": the object,
                    # not the speaker
                    speakers, j = [], after
                if (
                    kind == "continuation"
                    and speakers
                    and not relayed_source
                    and _participle_cue(view, i)
                    and any(doc.cls_of(k) in ("Person", "Organization") for k in speakers)
                ):
                    # "وأكد X أن …، متهما الحكومة الاتحادية بأنها …"، "داعيا الوزارة إلى":
                    # a participle carries its clause's subject; the one named after it is
                    # its object
                    speakers, j = [], after
                if not speakers and kind == "verb" and not view.folded[i].startswith(("و", "ف")):
                    role_holder = _person_with_role(doc, view, i)
                    if role_holder is not None:  # not the body in his role
                        speakers, j = [role_holder], after
                if (
                    not speakers
                    and kind == "verb"
                    and before is not None
                    and before.cls in ("Person", "Organization")
                    and not view.folded[i].startswith(("و", "ف"))
                    and _subject_right_before(doc, view, i, [before.key])
                    and _opens_sentence(doc, view, before)
                ):
                    # "العبيدي يتهم تركيا بالتغطية …": a subject right before the verb, and
                    # what follows it is its object, not a second subject; "وكان رئيس مجلس
                    # النواب العراقي أعلن": the head of the organisation, the person the
                    # article gave that title (or nobody), not the organisation
                    headed = _titled_org(doc, view, before)
                    if headed is None:
                        speakers, j = [before.key], after
                    elif headed[1] is not None:
                        speakers, j = [headed[1]], after
                fronted = (
                    _fronted_org(doc, view, i, after) if not speakers and kind == "verb" else None
                )
                if fronted is not None:
                    # "صحيفة الإندبندنت البريطانية قالت إن …"، "أما صحيفة «X» فأكدت أن …":
                    # the organisation opening the sentence is the verb's subject
                    speakers, j = [fronted], after
                if (
                    not speakers
                    and kind == "verb"
                    and j == after
                    # "وقالت الوزيرة … وأدانت إسرائيل": with a running report the country
                    # may be the running speaker's object
                    and not (
                        last_speakers
                        and not _other_persons(doc, last_at, toks[i].start, last_speakers)
                    )
                ):
                    # "وأدانت فرنسا بشدة الهجوم …": a country subject, a noun object
                    country = _country_opening(doc, view, i, after, cue)
                    if country is not None:
                        speakers, j = country
                refers_back = kind == "verb" and _head_of_running(doc, view, j, last_speakers)
                if not speakers and refers_back:
                    # "… قالت صحيفة «X» إن …. كما أشارت الصحيفة إلى": the paper speaking
                    # (several named before: the head alone is the one that spoke last)
                    speakers, j = list(last_speakers), j + 1
            if not speakers and kind == "document":
                speakers, j = (doc.documents[-1:] if doc.documents else []), after
            # "وقدم التعازي لأسرة الفقيد، سائلا الله أن": the phrase before a prayer is whom
            # the condolences went to, not who prays
            prays = bool(bare_forms(toks[i].text) & _PRAYER_ONLY)
            if not speakers and kind != "document" and not passive and not prays:
                speakers = _source_before(doc, view, i)
            explicit = bool(speakers)
            # a subject stands after the verb but is no speaker we know: leave it open
            # rather than give the claim to someone else
            unresolved = (
                not speakers
                and kind == "verb"
                and cue.split()[-1] not in _PREPOSITIONS  # "وشدد على": the subject is before
                and not subjectless(view, j)
                # "وأشاد بالبرامج …"، "وأشاد بما …": a prepositional object, no subject
                and not (j < len(toks) and _prepositional_object(view, j))
                # "وقالوا بصوت واحد" after "استنكر مغردون": a plural or dual verb carries
                # its subject (a subject after the verb takes a singular verb), the running
                # speaker when that is a group (not one person)
                and not (number in ("pl", "dual") and _group(doc, last_speakers))
            )
            unresolved = unresolved or passive
            relative = i > 0 and view.folded[i - 1] in _RELATIVES and subjectless(view, j)
            if not speakers and relative and not passive:
                # "الآية الكريمة التي تقول"، "X، الذي قال": the noun before the relative
                # pronoun speaks; when it is no mention the speaker stays open
                speakers = _antecedent(doc, view, i - 1)
                explicit = bool(speakers)
                unresolved = not speakers
            running = last_speakers and not _other_persons(
                doc, last_at, toks[i].start, last_speakers
            )
            # "وقال X إن أهالي المنطقة وقفوا …، مؤكدين": a plural participle is never one
            # person's; its subject is the group X spoke of, which rasd leaves open
            agrees = number not in ("pl", "dual") or _group(doc, last_speakers)
            if not speakers and kind == "continuation" and cue.startswith("بال"):
                speakers = _owner_before(doc, view, i)  # "اكتفى X بالقول إن …"
                explicit = bool(speakers)
            own = (
                _own_subject(doc, view, i, cue)
                if not speakers and kind == "continuation" and not possessive and n == 0
                else None
            )
            if own is not None and agrees and own not in last_speakers:
                # "وشنت تركيا … غارات، مشيرة إلى أنها": the sentence's own subject
                speakers, explicit = [own], True
            if (
                not speakers
                and kind == "continuation"
                and number in ("pl", "dual")
                and not possessive
            ):
                group = _group_subject(doc, view, i)
                if group is not None:
                    # "واستنكر عدد من المواطنين الحادث، مؤكدين": the group speaks
                    speakers, explicit = [group], True
            if not speakers and kind == "continuation" and last_speakers and not possessive:
                speakers = list(last_speakers) if running and agrees else []
                unresolved = not (running and agrees)
            if not speakers and kind == "verb-explicit":
                pronoun = j < len(toks) and view.folded[j] in pronoun_subjects()  # وسأل سموه
                opens = j < len(toks) and toks[j].word and _is_complementiser(toks[j].text)
                if not (opens or pronoun):
                    continue  # رأى/يرى، بين read like the noun رأي, "between" without a subject
                kind = "verb"  # "وبيّن أن …": a verb after all
            if possessive:
                unresolved = not speakers
            if not speakers and kind == "continuation" and not last_speakers:
                # "وأكد المصدر …، مشيراً إلى …" with the subject of وأكد left open: so is
                # this one (the nearest person before it is mostly an object)
                unresolved = (
                    unresolved
                    or view.sentence.start <= last_at < view.sentence.end
                    # "وقال والي …، سليمان قهرمان، للأناضول: «…»، معربا عن": right after
                    # the open claim, across the sentence break after its quotation
                    or (
                        0 <= last_at <= toks[i].start
                        and not is_word_between(text, last_at, toks[i].start)
                    )
                )
            if (
                not speakers
                and j < len(toks)
                and view.folded[j] in honorific_subjects()
                and cue.split()[-1] not in _PREPOSITIONS  # "معربا عن سعادته": his happiness
            ):
                # "وأضاف سموه:": the dignitary, not whoever was quoted last
                speakers = _dignitary(doc, toks[i].start)
                unresolved = not speakers
                explicit = bool(speakers)  # a subject: it sets the running speaker
            # "بعث برقية تعزية إلى الرئيس هولاند، سائلا الله أن": the name nearest a prayer
            # is mostly the one consoled, not the one praying
            if not speakers and not unresolved and kind in ("verb", "continuation") and not prayer:
                # "تغريدة للرئيس ترامب، كتب فيها:": a verb with a pronoun back to the noun
                # before it describes that noun; its owner, named in a claim, wrote it
                describes = not view.folded[i].startswith(("و", "ف")) and (
                    j < len(toks) and view.folded[j] in resumptive_pronouns()
                )
                speakers = speakers_before(doc, view, toks[i].start, not describes)
                # "وكان ساركوزي شكك في …": a subject right before its verb names it as
                # plainly as one after it
                explicit = bool(speakers) and _subject_right_before(doc, view, i, speakers)
            if (
                not speakers
                and not unresolved
                and kind == "verb"
                and _fronted_subject(doc, view, i)
            ):
                # "وكانت الوزارة أعلنت عن …": the subject stands between كان and the verb;
                # the organisation its head noun names, or nobody (not the running speaker)
                speakers = _ministry_short(doc, view, i - 1, heads=True)
                unresolved = not speakers
                explicit = bool(speakers)
            if not speakers and not unresolved and kind == "verb" and last_speakers:
                # "وقال إن …" with no subject: the speaker of the running report, unless
                # someone else was named since (several people speak: leave it open)
                speakers = list(last_speakers) if running else []
                unresolved = not running
            if (
                not speakers
                and j < len(toks)
                and view.folded[j] in pronoun_subjects()
                and cue.split()[-1] not in _PREPOSITIONS  # "معربا عن سعادته": an object
            ):
                # "وقال سموه:" before anyone spoke: the person the report is about, named first
                first = [m for m in doc.mentions_in(0, toks[i].start) if m.cls == "Person"]
                speakers = [first[0].key] if first else []
                unresolved = not speakers
            fa_k = (
                _fa_inna(doc, view, j, next_cue, source_read=j > after)
                if kind == "preposition"
                else None
            )
            if not speakers and kind not in ("verb", "continuation") and fa_k is None:
                continue
            no_subject = j >= len(toks) or subjectless(view, j) or view.folded[j].startswith("بال")
            if topic_gender is not None and not speakers and topic and no_subject:
                gender = _cue_gender(cue)
                if gender is not None and gender != topic_gender:
                    topic = []  # "جاء ذلك على لسان الوزير X. وأضافت أن": not X
                topic_gender = None
            if (
                not speakers
                and topic
                and not last_speakers
                and not (passive or possessive)
                and kind in ("verb", "continuation")
                and no_subject
                and not _other_persons(doc, topic_at, toks[i].start, topic)
            ):
                # "ربط النائب X بين … وقال في تصريح: …": nobody spoke before, and X, the
                # subject of the sentence that opened the report, is the one person since
                speakers, unresolved = list(topic), False
            speakers = [k for k in speakers if k in doc.entities]
            if not speakers:
                unresolved = True
                if prays:
                    continue  # "قدم التعازي …، سائلا الله أن": a prayer of nobody named
            prep = None
            if cue.split()[-1] in _PREPOSITIONS:
                prep = j  # "شدد على ضرورة …"، "معربا عن أمله …"
            elif j < len(toks) and f"{cue} {view.folded[j]}" in cue_table():
                prep = j + 1  # "وشدد الوزير على ضرورة …"
            said_at = _said_object(view, j) if kind == "verb" else None
            if said_at is not None:
                # "أعلن التنظيم مسؤوليته عن الهجوم": the claim of responsibility, not what
                # follows its preposition
                found = _after_preposition(view, said_at, next_cue)
            elif prep is not None and prep < len(toks) and not _is_complementiser(toks[prep].text):
                # the content follows the preposition ("أشار إلى أن" goes on as usual)
                found = _after_preposition(view, prep, next_cue)
            else:
                found = _content(doc, view, j, next_cue)
            if found is None and kind == "verb" and (speakers or unresolved):
                # "عبرت كل الصحف الجزائرية عن تنديدها": the preposition after the subject
                found = _split_preposition(view, cue.split()[0], j, next_cue)
            if fa_k is not None and (found is None or found[0] > toks[fa_k].start):
                # "وبحسب الحصيلة، فإن 5800 شخص خطفوا": what the source says follows فإن
                # (the source, unless named, is left open)
                found = (toks[fa_k + 1].start, next_cue, "reported", [])
            has_rest = j < len(toks) and toks[j].start < next_cue
            if found is None and kind == "verb" and unresolved and not passive and has_rest:
                # "قال دليل آمد، عضو … الذي يضم …، لـ«الشرق الأوسط» إن «…»": a subject
                # rasd cannot read, then the complementiser far after it
                far_k = _far_complementiser(view, j, next_cue)
                if far_k is not None:
                    found = _content(doc, view, far_k, next_cue)
            rest = j < len(toks) and toks[j].start < next_cue
            according = " ".join(view.folded[max(0, i - 2) : i])
            if (
                kind == "verb"
                and according.endswith("كما")
                and found is not None
                and found[0] >= toks[i].start
            ):
                # "…، كما أكد الوزير أن …": «كما» and a verb whose content follows it
                # (after a complementiser, a colon or a quotation) is "also said", not "as …
                # said" framing the clause before («…، كما ذكرت مصادر رسمية.»)
                according = ""
            if kind == "verb" and according.endswith(_ACCORDING):
                # "قتل 30 شخصا، بحسب ما أفادت مصادر أمنية": the claim comes before
                cut = i - (2 if according.endswith((" ما", " لما")) else 1)
                # the previous cue, not "وفق"/"بحسب" of this very phrase
                earlier = [c[0] for c in cues[:n] if c[0] < cut]
                prev_end = toks[earlier[-1]].end if earlier else view.sentence.start
                # with a cue before it in the sentence, the clause before is that cue's
                # content ("وقال سموه: … فكما قال الأمير نايف …")
                if not earlier and toks[cut].start - prev_end > 10:
                    found = (prev_end, toks[cut].start, "reported", [])
                elif (
                    earlier
                    and found is None
                    and not according.endswith("كما")  # "كما يقول أطباء": the clause before
                    and _claimed_up_to(doc, view, cues, n, cut)
                ):
                    # "وكان الوزير قال إن …، حسبما ذكرت الوكالة": the agency reports the
                    # whole clause, from its first word
                    p = len(earlier) - 1
                    found = (
                        toks[_clause_start(view, cues, p)].start,
                        toks[cut].start,
                        "reported",
                        [],
                    )
                elif earlier and found is None:
                    # "…، الذي يتسع لـ(50) ألف مليون خلية، كما يقول أطباء": the clause
                    # between the last two commas before it
                    commas = [k for k in range(earlier[-1] + 1, cut - 1) if toks[k].text in "،,"]
                    if commas:
                        found = (toks[commas[-1] + 1].start, toks[cut].start, "reported", [])
            # "وحسب بيان لرئاسة الإقليم أكد المسؤول …": the next cue's clause is the one it
            # qualifies, not the rest of its own source phrase
            verb_next = n + 1 < len(cues) and cues[n + 1][2] in ("verb", "verb-explicit")
            if (
                kind == "preposition"
                and explicit
                and verb_next
                and cues[n + 1][0] - j <= 4
                and fa_k is None
            ):
                # "وحسب فضائية «الجزيرة»، قال المعلم …": a named source reports the whole
                # next statement; an unnamed one ("بيان") is left to that statement
                named = all(doc.cls_of(k) in ("Person", "Organization") for k in speakers)
                if not named:
                    continue
                after_next = cues[n + 2][0] if n + 2 < len(cues) else None
                stop = toks[after_next].start if after_next is not None else view.sentence.end
                found = (toks[cues[n + 1][0]].start, stop, "reported", [])
            if kind == "preposition" and explicit and i > 2 and fa_k is None:
                # "قتل 30 شخصا …، بحسب مصادر أمنية": the claim is what comes before the cue;
                # a verb before it with no claim of its own belongs to that clause
                # ("حكت ثلاث عرائس تجربتهن … بحسب صحيفة مترو"), and so does a verb with a
                # claim: "وأكد الوزير أن …، بحسب الوكالة" is the agency's from "أكد"
                prev_end = view.sentence.start
                if n > 0:
                    p = cues[n - 1][0]
                    claimed = any(c.start >= toks[p].start for c in doc.claims[-3:])
                    prev_end = (
                        toks[_clause_start(view, cues, n - 1)].start if claimed else toks[p].start
                    )
                if toks[i].start - prev_end > 10:
                    found = (prev_end, toks[i].start, "reported", [])
            # "…، كما يقول X" frames the clause before; "كما طالب X" opening a sentence
            # is "X also demanded", with its content after
            framed = kind == "verb" and according.endswith(_ACCORDING)
            if framed and according.endswith("كما"):
                framed = i > 1 and toks[i - 2].text in "،,"
            far_ok = explicit and kind in ("verb", "preposition") and rest and not framed
            if found is None and far_ok:
                # "قال X في مستهل محادثاته مع نظيره … أن العلاقات …": after a circumstantial
                # phrase, a far complementiser opens the content
                circumstantial = view.folded[j] in subjectless_words()
                far = [
                    k
                    for k in range(j, min(len(toks), j + _MAX_FAR_MARKER))
                    if toks[k].start < next_cue
                    and toks[k].word
                    and _is_complementiser(toks[k].text)
                    and k + 1 < len(toks)
                ]
                start_tok = far[0] + 1 if far and circumstantial else j
                found = (toks[start_tok].start, next_cue, "reported", [])
                far_k = None if circumstantial else _far_complementiser(view, j, next_cue)
                if far_k is not None:
                    # "قال X، عضو … الذي يضم …، لـ«الشرق الأوسط» إن …": not the apposition
                    found = _content(doc, view, far_k, next_cue) or found
            bi = f"{cue} ب" in cue_table()  # "أفادوا بنزوح …"، "طالب بمراقبة …"
            if found is None and bi and kind == "verb-explicit" and explicit and rest:
                # "وصف X الهجوم بالعمل الجبان": no complementiser; the object and the بـ
                # phrase that describes it are what was said
                ahead = range(j + 1, min(len(toks), j + _MAX_DESCRIBED))
                if any(toks[k].start < next_cue and _bi_object(view, k) for k in ahead):
                    found = (toks[j].start, next_cue, "reported", [])
            if (
                found is None
                and kind == "continuation"
                and (speakers or possessive or not agrees)
                and rest
            ):
                # "مؤكداً استمرار بلاده في دعم …": a participle's object is what was said
                found = _after_preposition(view, j, next_cue)
            bi = bi and kind != "verb-explicit"  # "وصف X Y بـ…": the object comes first
            if found is None and bi and rest and (speakers or unresolved):
                k = j
                while k < len(toks) and view.folded[k] in subjectless_words():
                    k += 1  # "أفادوا أيضًا بنزوح"
                if k < len(toks) and toks[k].start < next_cue and _bi_object(view, k):
                    found = (toks[k].start, next_cue, "reported", [])
            if found is not None and bi and found[2] == "reported":
                first = next((k for k, t in enumerate(toks) if t.start == found[0]), None)
                if first is not None and _bi_object(view, first):
                    found = (found[0] + 1, *found[1:])  # the content starts after بـ
            continued = (
                kind == "verb"
                and not speakers
                and unresolved
                and not passive
                and rest
                and bool(last_speakers)
                and running
                and agrees
            )
            if continued and found is None and _continued_object(doc, view, i, j):
                # "وأشار كيري إلى …، وأكد دعم بلاده للمعارضة"، "كما أعلنت استدعاء سفيرها":
                # no subject but a noun object, the running speaker says one more thing
                speakers = [k for k in last_speakers if k in doc.entities]
                unresolved = not speakers
                if speakers:
                    found = (toks[j].start, next_cue, "reported", [])
            elif (
                continued
                and found is not None
                and bi
                and _bi_object(view, j)
                and _continuing_verb(view, i)
            ):
                # "…، وتعهد بمحاربة كل الجماعات": a بـ object right after the verb, no subject
                # between: the running speaker, as for "وقال إن"
                speakers = [k for k in last_speakers if k in doc.entities]
                unresolved = not speakers
            # "…، الذي يعتبر أمنا للمنطقة" with no antecedent rasd can name: a clause inside
            # the running report, which goes on after it
            aside = i > 0 and view.folded[i - 1] in _RELATIVES and not speakers
            # "وأكد حدوث التفجير في …" says nothing rasd reads, and its "subject" is an object:
            # the running report goes on (its next "وقال إن" is still the same speaker)
            aside = aside or (
                found is None
                and not speakers
                and unresolved
                and view.folded[i] != cue.split()[0]  # "وأكد": the report goes on
                and _object_word(doc, view, j)
            )
            if (
                kind != "preposition"
                and not (possessive or passive or aside or noun_cue)
                and (explicit or unresolved)
            ):
                said_from = toks[j].start if j < len(toks) else view.sentence.end
                last_speakers, last_at = list(speakers), said_from
                topic = []
            if found is None:
                continue
            start, end, qkind, extra = found
            spans = [(start, end), *extra]
            if qkind == "reported" and n + 1 < len(cues) and end == next_cue:
                # "وأضاف المكتب أن كي مون أكد دعمه …": what was said is a statement by
                # the subject of the next verb; the outer one reports it whole
                spans[0] = _nested(doc, view, cues, n, start, end)
                if (
                    _words(text[start:end]) < _MIN_QUOTE_WORDS
                    and _mid_clause(view, cues[n + 1])
                    # "إن الحكومة أعلنت أن …": a subject before the verb reports it itself
                    and not doc.mentions_in(start, end)
                ):
                    # "وقال العطية إن بلاده ترفض وصف الإخوان …": a cue word inside the clause
                    # (a verbal noun) does not cut what was said short of a statement
                    stop = toks[cues[n + 2][0]].start if n + 2 < len(cues) else view.sentence.end
                    spans[0] = (start, stop)
            for s, e in spans:
                s, e = _trim(text, s, e)
                if _words(text[s:e]) < _MIN_QUOTE_WORDS or (s, e) in seen:
                    continue
                seen.add((s, e))
                about = tuple(
                    dict.fromkeys(
                        m.key
                        for m in doc.mentions_in(s, e)
                        if m.key not in speakers and m.cls != "UnnamedSource"
                    )
                )
                stated = doc.dates_starting_in(view.sentence.start, view.sentence.end)
                date = stated[0] if stated else doc.article.published
                # "مستشهدا بقوله تعالى: «…»": a verse or a hadith, said by no one named
                scripture = bool(speakers) and _scripture_before(view, s)
                doc.claims.append(
                    Claim(
                        start=s,
                        end=e,
                        text=text[s:e],
                        speakers=() if scripture else tuple(speakers),
                        kind=qkind,  # type: ignore[arg-type]
                        cue=text[toks[i].start : toks[after - 1].end],
                        sentence=view.index,
                        about=about,
                        date=date,
                        date_from_article=not stated and date is not None,
                        speaker_status="unresolved" if unresolved or scripture else "resolved",
                    )
                )
            # "بحسب صحيفة مترو" sets no running speaker, nor "قوله" after a pronoun; Y of
            # "نقلت الوكالة عن Y قوله: …، مشددا على" goes on speaking
            if (
                kind != "preposition"
                and not (passive or aside or noun_cue)
                and (not possessive or (relayed_source and speakers))
            ):
                last_speakers, last_at = list(speakers), max(last_at, end)
                topic = []
    _interview_answers(doc)  # «● question؟ ⏎ ●● answer»: the interviewee speaks
