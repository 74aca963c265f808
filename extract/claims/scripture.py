"""Scripture and prayer: divine epithets after «قوله», verses introduced just before what
is said, and God after a verb of prayer.
"""

from __future__ import annotations

from rasd.extract.doc import SentView, bare_forms
from rasd.extract.patterns import claim_words, word_list


def divine_epithets() -> frozenset[str]:
    """``divine_epithets.tsv``: تعالى، عز وجل … right after «قوله»: the words quoted are
    God's (a verse), not those of the person named before."""
    return word_list("divine_epithets.tsv")


def _scripture_at(view: SentView, k: int) -> bool:
    """Whether the words from token ``k`` (right after «قوله») make what it quotes
    scripture: a divine epithet (``divine_epithets.tsv``: تعالى، عز وجل) or a blessing on the
    Prophet (group ``prophet_blessing`` of ``claim_words.tsv``: صلى الله عليه وسلم، ﷺ)."""
    if k >= len(view.tokens):
        return False
    if view.folded[k] in divine_epithets():
        return True
    words = " ".join(view.folded[k : k + 5]).split()  # "ﷺ" folds to four words
    return any(words[: len(b.split())] == b.split() for b in claim_words("prophet_blessing"))


_MAX_SCRIPTURE_GAP = 9  # tokens from «قوله» to the verse it introduces («صلى الله عليه وسلم: «»)


def _scripture_before(view: SentView, start: int) -> bool:
    """Whether what is said from character ``start`` is scripture introduced just before
    it: «(ب)قوله» with an epithet or a blessing after it (:func:`_scripture_at`), then at
    most a few words and the marks opening the quotation («مستشهدا بقوله تعالى: «…»»)."""
    toks = view.tokens
    first = next((n for n, t in enumerate(toks) if t.end > start), len(toks))
    for t in range(first - 1, max(-1, first - 1 - _MAX_SCRIPTURE_GAP), -1):
        forms = bare_forms(toks[t].text) if toks[t].word else frozenset()
        if "قوله" in forms and _scripture_at(view, t + 1):
            return True
    return False


def _past_god(view: SentView, i: int, k: int) -> int:
    """After a verb of prayer at token ``i`` (group ``prayer_verb`` of ``claim_words.tsv``:
    دعا، سأل، داعيا، سائلا …), the token after God addressed at token ``k`` and His epithets
    («ودعا الله عز وجل أن»، «سائلا المولى القدير أن»): whoever prays is named elsewhere, not
    by «الله».  ``k`` itself when no verb of prayer or no name of God stands there."""
    f = view.folded[i]
    verbs = claim_words("prayer_verb")
    if f not in verbs and not (f[:1] in ("و", "ف") and f[1:] in verbs):
        return k
    toks = view.tokens
    if k >= len(toks) or view.folded[k] not in claim_words("god"):
        return k
    k += 1
    epithets = divine_epithets() | claim_words("divine_attribute")
    while k < len(toks) and view.folded[k] in epithets:
        k += 1
    return k
