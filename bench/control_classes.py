"""Tabulate the control rows rasd misses (and the control links it draws that no gold row
holds) over every spent corpus, by a coarse class of why (issue 11, twentieth session).

For each dev corpus (``eval_unseen3.DEV_CORPORA``: the held-out corpus is never run) this
extracts the annotated articles that have control rows, builds the graph as the scorer does
(``eval_unseen3.Output`` over those articles) and decides each gold row with the scorer's own
``relation_found`` (so "missed" here is the scorer's "not found", up to cross-article
resolution over the articles not run).  A missed row gets the first class that applies:

- ``evidence not located``: its evidence is not found in the text;
- ``across sentences``: its evidence pieces («...») lie in more than one sentence;
- ``place not a mention, written`` / ``subject not a mention, written``: a gold form of it is
  in the sentence but no mention of rasd covers it (NER or span);
- ``place not in sentence`` / ``subject not in sentence``: no gold form in the sentence (a
  pronoun, «المدينة», or named in another sentence);
- ``no cue``: no word of the sentence is a control cue of ``relation_cues.tsv``;
- ``drawn, other entities``: rasd drew a control link in the sentence, not between these two;
- ``cue, both present, not drawn``: the rest (distance, blockers, structure);

with construction flags counted apart (a row may have several): «تحت سيطرة», «الخاضعة»,
«معقل», «قبضة», «بيد/أيدي», passive «تم», «تحرير», «طرد», a pronoun-object cue (عليها،
منها), «المدينة/البلدة» alone.  Spurious: a control triple of an article that matches no gold
row of it (the gold is exhaustive for annotated articles), by predicate.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/control_classes.py [--show] [--corpus C]

``--show`` prints each missed row with its class and sentence.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter, defaultdict
from pathlib import Path

import eval_unseen3 as ev  # the scorer beside this script (bench/ is on the path)
from relations_misses import locate

from rasd.extract.relations import _longest_first, _two_word_firsts, relation_cues
from rasd.extract.text import fold, match_key

BENCH = Path(__file__).resolve().parent
FLAGS = {
    "تحت سيطرة": ("تحت",),
    "الخاضعة": ("الخاضعه", "خاضعه", "الخاضع", "خاضع", "الخاضعين"),
    "معقل": ("معقل", "معاقل", "معقله", "معاقله"),
    "قبضة": ("قبضه",),
    "بيد/أيدي": ("بيد", "بايدي", "يد", "ايدي", "يدي"),
    "passive تم": ("تم", "يتم", "وتم"),
    "تحرير": ("تحرير", "وتحرير", "لتحرير", "بتحرير"),
    "طرد": ("طرد", "طردت", "طردوا", "وطرد", "بطرد"),
    "pronoun object": ("عليها", "منها", "عليه", "منه", "عليهما", "استعادتها", "تحريرها"),
    "المدينة/البلدة": ("المدينه", "البلده", "والمدينه", "والبلده"),
    "التنظيم (anaphor)": ("التنظيم", "والتنظيم", "للتنظيم", "بالتنظيم"),
}


def _words(text: str) -> list[str]:
    return [w.strip("«»\"'()،,.:؛;!؟?-–") for w in text.split()]


def has_cue(text: str) -> bool:
    """Whether a word of ``text`` is a control cue (blockers not read)."""
    table = relation_cues()
    words = [w for w in _words(text) if w]
    for i, w in enumerate(words):
        longest, stems = _longest_first(w)
        for f in longest:
            if f in table and table[f][0] in ev.CONTROL_PREDICATES:
                return True
            if f in _two_word_firsts() and i + 1 < len(words):
                two = table.get(f"{f} {fold(words[i + 1])}")
                if two and two[0] in ev.CONTROL_PREDICATES:
                    return True
        if any(f in table and table[f][0] in ev.CONTROL_PREDICATES for f in stems):
            return True
    return False


def _written(forms: set[str], text: str) -> bool:
    """Whether one of the folded ``forms`` occurs in the folded text (on word bounds, with
    a one-letter proclitic allowed)."""
    padded = " " + " ".join(match_key(w) for w in _words(text)) + " "
    for f in forms:
        if not f:
            continue
        for p in ("", "و", "ب", "ل", "ف", "وب", "ول"):
            if f" {p}{f} " in padded or f" {p}{f.removeprefix('ال')} " in padded:
                return True
    return False


def _mentioned(forms: set[str], ex, start: int, end: int) -> bool:
    """Whether a mention inside ``[start, end)`` is of the gold entity: its surface, or any
    form of the entity it refers to (label, aliases, its other surfaces in the article: «ويسيطر
    التنظيم» resolved to داعش by coreference counts)."""
    text = ex.article.text
    by_key: dict[str, set[str]] = defaultdict(set)
    for m in ex.mentions:
        by_key[m.key].add(match_key(text[m.start : m.end]))
    for e in ex.entities:
        by_key[e.key] |= {e.key, match_key(e.label), *map(match_key, e.aliases)}
    keys: set[str] = set()
    for m in ex.mentions:
        if start <= m.start and m.end <= end:
            keys |= by_key[m.key]
    return bool(ev.with_bare_places(keys) & forms)


def classify(out, ex, gold, art: str, row: dict) -> tuple[str, list[str], str]:
    """(class, construction flags, the sentence) of one missed row."""
    text = ex.article.text
    pieces = [p.strip() for p in row["evidence"].split("...") if p.strip()]
    at = locate(text, row["evidence"])
    sents = [s for s in ex.sentences if s.start <= at < s.end] if at >= 0 else []
    if not sents:
        return "evidence not located", [], ""
    s = sents[0]
    sent = text[s.start : s.end]
    folded = " ".join(match_key(w) for w in _words(sent)).split()
    flags = [name for name, forms in FLAGS.items() if any(f in folded for f in forms)]
    if "تحت سيطرة" in flags and not any(
        a == "تحت" and b.endswith("سيطره") for a, b in itertools.pairwise(folded)
    ):
        flags.remove("تحت سيطرة")
    others = [locate(text, p) for p in pieces[1:]]
    if any(o >= 0 and not (s.start <= o < s.end) for o in others):
        return "across sentences", flags, sent
    pf = ev.gold_forms(gold, art, row["place"])
    sf = ev.gold_forms(gold, art, row["subject"])
    for forms, what in ((pf, "place"), (sf, "subject")):
        if not _mentioned(forms, ex, s.start, s.end):
            if _written(forms, sent):
                return f"{what} not a mention, written", flags, sent
            return f"{what} not in sentence", flags, sent
    if not has_cue(sent):
        return "no cue", flags, sent
    if any(r.sentence == s.index and r.predicate in ev.CONTROL_PREDICATES for r in ex.relations):
        return "drawn, other entities", flags, sent
    return "cue, both present, not drawn", flags, sent


def spurious(out, ex, gold, art: str) -> list[str]:
    """The control triples of an article matching no gold row (by predicate)."""
    g = out.graph(ex)
    rows = gold.of("control", art)
    found = []
    for s, p, o in out.triples(ex, ev.CONTROL_PREDICATES):
        fs, fo = out.forms(s, g), out.forms(o, g)
        hit = False
        for row in rows:
            sf = ev.gold_forms(gold, art, row["subject"])
            of = ev.gold_forms(gold, art, row["place"])
            if (fs & sf and fo & of) or (fs & of and fo & sf):
                hit = True
                break
        if not hit:
            found.append(f"{p} {out.label(s)} → {out.label(o)}")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", choices=ev.DEV_CORPORA)
    ap.add_argument("--show", action="store_true", help="print each missed row")
    args = ap.parse_args()
    corpora = args.corpus or list(ev.DEV_CORPORA)
    table: dict[str, Counter] = defaultdict(Counter)  # class → corpus → n
    flags_t: dict[str, Counter] = defaultdict(Counter)
    by_rel: dict[str, Counter] = defaultdict(Counter)  # relation → missed / gold
    spur: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for corpus in corpora:
        gold = ev.read_gold(BENCH, corpus)
        done = ev._annotated(gold)
        listed = ev.article_list(BENCH / f"{corpus}_articles.tsv")
        chosen = [r for r in listed if r["n"] in done and gold.of("control", r["n"])]
        arts = [(r["n"], ev.extract_article(ev.load_article(r))) for r in chosen]
        out = ev.Output([ex for _n, ex in arts])
        for art, ex in arts:
            for row in gold.of("control", art):
                found, _ = ev.relation_found(
                    out, ex, gold, art, row, "place", ev.CONTROL_PREDICATES, ev.CONTROL_RELATIONS
                )
                totals[corpus] += 1
                by_rel[row["relation"]]["gold"] += 1
                if found:
                    continue
                by_rel[row["relation"]]["missed"] += 1
                cls, flags, sent = classify(out, ex, gold, art, row)
                table[cls][corpus] += 1
                for f in flags:
                    flags_t[f][corpus] += 1
                if args.show:
                    head = f"{corpus} {art} {row['subject']} {row['relation']} {row['place']}"
                    print(f"\n## [{cls}] {head} {' '.join(flags)}\n   {' '.join(sent.split())}")
            for t in spurious(out, ex, gold, art):
                spur[t.split(" ", 1)[0]][corpus] += 1
                if args.show:
                    print(f"\n## [spurious] {corpus} {art} {t}")
    short = [c.removeprefix("unseen") for c in corpora]
    head = "| class | " + " | ".join(short) + " | total | corpora |"
    sep = "|---" * (len(corpora) + 3) + "|"

    def rows(t: dict[str, Counter]) -> None:
        for name, cnt in sorted(t.items(), key=lambda kv: -sum(kv[1].values())):
            cells = " | ".join(str(cnt.get(c, "")) for c in corpora)
            n_c = sum(1 for c in corpora if cnt.get(c))
            print(f"| {name} | {cells} | {sum(cnt.values())} | {n_c} |")

    print("\nMissed control rows by class (primary class, one a row)\n")
    print(head + "\n" + sep)
    rows(table)
    missed = Counter()
    for cnt in table.values():
        missed.update(cnt)
    print(
        "| **missed / gold** | " + " | ".join(f"{missed[c]}/{totals[c]}" for c in corpora), end=""
    )
    print(f" | {sum(missed.values())}/{sum(totals.values())} | |")
    print("\nConstructions in the sentences of missed rows (a row may have several)\n")
    print(head + "\n" + sep)
    rows(flags_t)
    print("\nSpurious control links (matching no gold row of the article), by predicate\n")
    print(head + "\n" + sep)
    rows(spur)
    print("\nBy gold relation: missed / gold\n")
    for rel, cnt in sorted(by_rel.items()):
        print(f"- {rel}: {cnt['missed']}/{cnt['gold']}")


if __name__ == "__main__":
    main()
