"""Interviews: the interviewee named before the first answer and the answers («●●»
lines) as claims.
"""

from __future__ import annotations

import re

from rasd.extract.claims.content import _MAX_INNER_SUBJECT
from rasd.extract.claims.words import _MIN_QUOTE_WORDS, _trim, _words
from rasd.extract.doc import Doc
from rasd.extract.patterns import word_list
from rasd.extract.records import Claim

#: «● question؟ ⏎ ●● answer» (or an answer line opening with a rule of tatweels «ـــ»)
_ANSWER = re.compile(r"[؟?][ \t\u200f]*\n\s*(?:●●|••|ـ{2,})[ \t]*(?=\S)")


def _interview_words(table: str) -> frozenset[str]:
    """The words of ``interview_words.tsv`` / ``interviewer_words.tsv`` with و/ف before them."""
    words = word_list(table)
    return words | {c + w for w in words for c in ("و", "ف")}


def _interviewee(doc: Doc, before: int) -> str | None:
    """The person an interview's answers belong to, from the text before its first answer:
    not a person named right after «حاوره/أجرى/حوار:» (the interviewer, up to «مع»); the
    person of a sentence with حوار/التقت/لقاء (``interview_words.tsv``) first, the person named
    most often only when no such sentence names one; none when two are named as often."""
    interviewer: set[str] = set()
    met: set[str] = set()
    asked = _interview_words("interviewer_words.tsv")
    meeting = _interview_words("interview_words.tsv")
    for view in doc.views:
        if view.sentence.start >= before:
            break
        folded = [f.rstrip(":") for f in view.folded]
        for k, f in enumerate(folded):
            if f not in asked:
                continue
            for t in view.tokens[k + 1 :]:
                if t.text == "مع" or t.text == "\n":
                    break
                m = doc.mention_at_token(t)
                if m is not None and m.cls == "Person":
                    interviewer.add(m.key)
                    break
        if any(f in meeting for f in folded):
            ms = doc.mentions_in(view.sentence.start, min(view.sentence.end, before))
            met |= {m.key for m in ms if m.cls == "Person" and m.key in doc.entities}
    met -= interviewer
    counts: dict[str, int] = {}
    for m in doc.mentions_in(0, before):
        if m.cls != "Person" or m.key not in doc.entities or m.key in interviewer:
            continue
        if not met or m.key in met:
            counts[m.key] = counts.get(m.key, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _sentence_start(doc: Doc, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (``pos`` itself outside every sentence)."""
    i = doc.sentence_of(pos)
    return doc.sentences[i].start if i >= 0 else pos


def _interview_answers(doc: Doc) -> None:
    """The answers of an interview: a line opening with «●●» or «••» (or «ـــ») right after a line
    ending with a question mark is said by the interviewee (:func:`_interviewee`); the claim
    is the answer's line.  Two such pairs at least, or a question line opening with «●» or «•»: one
    question a column asks itself is no interview.  A claim found before inside an answer line
    keeps its speaker: the line stops where that claim's sentence (or the claim) begins, and
    is no answer when the claim opens it («●● قال الوزير فلان إن …»)."""
    text = doc.article.text
    answers = list(_ANSWER.finditer(text))
    if not answers:
        return
    if len(answers) < 2:
        q = text[text.rfind("\n", 0, answers[0].start()) + 1 : answers[0].start()].lstrip()
        if not q.startswith(("●", "•")) or q.startswith(("●●", "••")):
            return
    # the text before the first question: a question names whom it asks about («كيف تقرأ
    # تعيين مايكل راتناي …؟»), not whom it asks
    speaker = _interviewee(doc, text.rfind("\n", 0, answers[0].start()) + 1)
    if speaker is None:
        return
    for a in answers:
        line_end = text.find("\n", a.end())
        end = len(text) if line_end < 0 else line_end
        for c in doc.claims:  # a claim found before inside the line keeps its speaker
            if c.start < end and a.end() < c.end:
                # «●● قال الوزير فلان إن …»: a claim a few words into the line is the line
                lead = text[a.end() : c.start] if c.start > a.end() else ""
                if _words(lead) <= _MAX_INNER_SUBJECT:
                    end = a.end()
                    break
                sentence = _sentence_start(doc, c.start)
                end = min(end, sentence if sentence > a.end() else c.start)
        start, end = _trim(text, a.end(), end)
        if start >= end or _words(text[start:end]) < _MIN_QUOTE_WORDS:
            continue
        sentence = max(doc.sentence_of(start), 0)
        doc.claims.append(
            Claim(
                start=start,
                end=end,
                text=text[start:end],
                speakers=(speaker,),
                kind="direct",
                cue=text[a.start() + 1 : a.end()].strip(),
                sentence=sentence,
                date=doc.article.published,
                date_from_article=doc.article.published is not None,
            )
        )
