"""Score rasd on the unseen3 corpus (issue 11): speakers, claims, platform links, control, entities.

The 44 articles of ``bench/unseen3_articles.tsv`` (drawn and split by
``bench/unseen3_select.py``) are annotated by hand following ``bench/unseen3_guideline.md`` in
four gold files: ``bench/unseen3_statements.tsv``, ``unseen3_platforms.tsv``,
``unseen3_control.tsv`` and ``unseen3_entities.tsv``.  This script runs rasd on one split as
``rasd build`` does (:func:`extract.pipeline.extract_article` for each article, then
:func:`extract.resolve.resolve` over the split and :func:`graph.build.build_dataset`), reads
the claims and relations back from each article's named graph, and scores:

- **statements found with the right speaker** / gold statements.  A claim *matches* a gold
  statement of its article when the statement's ``text_start`` lies inside the claim's span,
  or when the folded words of the gold ``quote`` and of the claim text share a run of at least
  ``min(3, words in quote)`` words.  A claim matches at most one statement (the one whose
  ``text_start`` is in its span and nearest its start, else the longest shared run).  The
  speaker is right when: ``named`` — every author of the claim has a form (label, alias or
  mention surface; folded as :func:`extract.text.match_key`) among the forms of the gold
  speaker(s) (their rows in the entities file, plus the speaker string), and there is at
  least one author; ``anonymous`` / ``document`` — there is an author and every author is an
  unnamed source or shares a form or a word with the gold speaker; ``none`` — the claim has
  no author.
- **right text and speaker**: of the emitted claims that match a gold statement, the share
  whose speaker is right and whose folded text contains the first ``min(4, n)`` folded words
  of the gold ``quote``.  Emitted claims that match no gold statement are counted too (the
  gold is exhaustive, so they are false claims or cue errors).  **emitted claims with right
  text and speaker** divides the same count by every emitted claim (matched or not);
  **emitted claims with an author: right speaker** is the share of claims that name a speaker
  whose speaker is right (a claim matching no statement counts as wrong), i.e. how far a
  speaker rasd gives can be trusted; claims left without an author (``rasd:speakerStatus
  "unresolved"``) are counted apart.
- **platform links** and **control relations**: recall of the gold rows.  A row is found when
  the article's graph holds a triple between a node matching the gold subject and a node (or
  literal) matching the gold object/place, in either direction, with a predicate of the
  family (:data:`PLATFORM_PREDICATES`, :data:`CONTROL_PREDICATES`; local names, so that
  predicates added later count when listed there); "exact" also requires the predicate
  mapped to the gold relation.
- **entities**: precision and recall as ``bench/eval_entities_unseen.py`` matches them (an
  extracted Person/Organization/Place/Platform entity matches a gold entity of its article
  and class family when one of its forms equals one of the gold forms; Website and Account
  count as Platform; Country/City/AdministrativeArea as Place), and **duplicate nodes**: for
  each gold ``entity_id``, the number of distinct extracted keys matching it anywhere in the
  split, minus one.

Results go to ``bench/unseen3_results_<split>.md``.  ``test`` is scored once, at the end of
the work on issue 11; ``--check`` validates the gold files without running rasd.

    /work/main/.venv/bin/python bench/eval_unseen3.py --check
    /work/main/.venv/bin/python bench/eval_unseen3.py --split dev [--show]
    /work/main/.venv/bin/python bench/eval_unseen3.py --corpus unseen4 --split dev

``--corpus unseen4`` scores the fourth corpus (``bench/unseen4_*``, drawn by
``bench/unseen3_select.py --corpus unseen4``) with the same rules and guideline.
"""

from __future__ import annotations

import argparse
import csv
import functools
import importlib.util
import json
import sys
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.term import Node

from rasd.extract.pipeline import extract_article
from rasd.extract.reader import parse_record
from rasd.extract.records import PLACE_CLASSES, Article, Extraction
from rasd.extract.resolve import resolve
from rasd.extract.text import fold, match_key
from rasd.graph.build import build_dataset
from rasd.graph.iri import ENTITIES_GRAPH, graph_iri
from rasd.graph.vocab import RASD, SCHEMA

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the draws' module beside this one
from unseen3_select import earlier

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
BENCH = ROOT / "bench"
LIST = BENCH / "unseen3_articles.tsv"
#: the corpus held out this session: scored once at the end, never read while fixing
HELD_OUT = "unseen22"
#: the corpora whose errors may be read: every draw before :data:`HELD_OUT` (their test halves
#: were each scored once already)
DEV_CORPORA = earlier(HELD_OUT)
COLUMNS = {
    "statements": (
        "article",
        "sid",
        "speaker",
        "speaker_kind",
        "cue",
        "kind",
        "text_start",
        "quote",
    ),
    "platforms": ("article", "subject", "relation", "object", "object_kind", "evidence"),
    "control": ("article", "subject", "relation", "place", "evidence"),
    "entities": ("article", "entity_id", "class", "forms"),
}
SPEAKER_KINDS = ("named", "anonymous", "document", "none")
QUOTE_KINDS = ("direct", "reported")
ENTITY_CLASSES = ("Person", "Organization", "Place", "Platform", "Website", "Account")
OBJECT_KINDS = ("platform", "website", "account")
#: gold platform relation → rasd predicates (local names) that express it
PLATFORM_RELATIONS: dict[str, tuple[str, ...]] = {
    "uses": ("usesPlatform",),
    "publishes_on": ("publishesOn", "usesPlatform"),
    "has_account_on": (
        "hasAccount",
        "hasAccountOn",
        "operatesAccount",
        "operates",  # rasd:operates: an actor runs a named website or account (issue 11)
        "usesPlatform",
    ),
    "account_on": ("accountOn", "onPlatform", "hostedOn"),
    "banned_from": ("bannedFrom", "actedAgainst"),
    "removed_by": ("removedBy", "actedAgainst"),
}
PLATFORM_PREDICATES = frozenset(p for ps in PLATFORM_RELATIONS.values() for p in ps)
CONTROL_RELATIONS: dict[str, tuple[str, ...]] = {
    "controls": ("controls",),
    "seized": ("seized", "seizedControlOf", "tookControlOf", "captured", "controls"),
    "lost": ("lostControlOf", "lost"),
    "regained": ("regainedControlOf", "regained"),
}
CONTROL_PREDICATES = frozenset(p for ps in CONTROL_RELATIONS.values() for p in ps)
#: the two generic platform objects of the guideline and the forms that denote them
GENERIC_OBJECTS: dict[str, tuple[str, ...]] = {
    "وسائل التواصل الاجتماعي": (
        "وسائل التواصل الاجتماعي",
        "شبكات التواصل الاجتماعي",
        "مواقع التواصل الاجتماعي",
        "وسائل التواصل",
        "شبكات التواصل",
        "مواقع التواصل",
        "التواصل الاجتماعي",
        "الشبكات الاجتماعية",
        "السوشيال ميديا",
    ),
    "الإنترنت": (
        "الإنترنت",
        "الانترنت",
        "الإنترنت المظلم",
        "الشبكة العنكبوتية",
        "الفضاء الإلكتروني",
        "الفضاء الافتراضي",
        "المواقع الإلكترونية",
        "مواقع إلكترونية",
    ),
}


@functools.cache
def _entities_module():
    """``bench/eval_entities_unseen.py``, for its place-noun handling of forms."""
    spec = importlib.util.spec_from_file_location(
        "eval_entities_unseen", BENCH / "eval_entities_unseen.py"
    )
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def with_bare_places(forms: set[str]) -> set[str]:
    """The folded forms plus each without a leading place noun (as eval_entities_unseen)."""
    return _entities_module()._with_bare_places(forms) if forms else set()


# --- gold -----------------------------------------------------------------------------------


@dataclass
class Gold:
    """The four gold files, as rows (dicts keyed by column) grouped by article."""

    rows: dict[str, dict[str, list[dict[str, str]]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def of(self, kind: str, article: str) -> list[dict[str, str]]:
        return self.rows.get(kind, {}).get(article, [])

    def count(self, kind: str, articles: list[str]) -> int:
        return sum(len(self.of(kind, a)) for a in articles)


def read_gold(directory: Path = BENCH, corpus: str = "unseen3") -> Gold:
    """Read the four gold TSVs; malformed rows become one-line errors, not exceptions."""
    gold = Gold()
    for kind, cols in COLUMNS.items():
        path = directory / f"{corpus}_{kind}.tsv"
        by_article: dict[str, list[dict[str, str]]] = defaultdict(list)
        gold.rows[kind] = by_article
        if not path.exists():
            gold.errors.append(f"{path}: missing")
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or tuple(lines[0].split("\t")) != cols:
            gold.errors.append(f"{path}:1: header must be {' '.join(cols)}")
            continue
        for n, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != len(cols):
                gold.errors.append(f"{path}:{n}: {len(parts)} fields, expected {len(cols)}")
                continue
            row = dict(zip(cols, (p.strip() for p in parts), strict=True))
            row["_where"] = f"{path.name}:{n}"
            by_article[row["article"]].append(row)
    return gold


def article_list(path: Path = LIST) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_article(row: dict[str, str]) -> Article:
    """One listed article as rasd reads it (source id ``zip#index``)."""
    with zipfile.ZipFile(CORPUS / f"{row['zip']}.zip") as zf:
        record = json.loads(zf.read(zf.namelist()[0]))[int(row["index"])]
    if (record.get("url") or "").strip() != row["url"]:
        raise SystemExit(f"{row['n']}: the URL at {row['zip']}#{row['index']} differs")
    return parse_record(record, f"{row['zip']}#{row['index']}")


def _names(field_value: str) -> list[str]:
    return [s.strip() for s in field_value.split("|") if s.strip()]


def gold_forms(gold: Gold, article: str, name: str) -> set[str]:
    """Folded forms of a gold subject/speaker/object: its entity rows, or the name itself."""
    forms = {match_key(name)}
    for row in gold.of("entities", article):
        if match_key(row["entity_id"]) == match_key(name):
            forms |= {match_key(f) for f in [row["entity_id"], *_names(row["forms"])]}
    for generic, variants in GENERIC_OBJECTS.items():
        if match_key(name) == match_key(generic):
            forms |= {match_key(v) for v in variants}
    return with_bare_places(forms)


def check(gold: Gold, listed: list[dict[str, str]], texts: dict[str, str]) -> list[str]:
    """Problems in the gold files (one line each); an empty list when they are consistent."""
    problems = list(gold.errors)
    known = {r["n"] for r in listed}
    for by_article in gold.rows.values():
        for art, rows in by_article.items():
            if art not in known:
                problems += [f"{r['_where']}: unknown article {art!r}" for r in rows]
    ids: dict[str, set[str]] = defaultdict(set)  # folded form → entity ids using it
    for rows in gold.rows.get("entities", {}).values():
        for r in rows:
            if r["class"] not in ENTITY_CLASSES:
                problems.append(f"{r['_where']}: class {r['class']!r} not in {ENTITY_CLASSES}")
            if not r["entity_id"] or not _names(r["forms"]):
                problems.append(f"{r['_where']}: empty entity_id or forms")
            for f in _names(r["forms"]):
                ids[f"{r['class']}:{match_key(f)}"].add(match_key(r["entity_id"]))
    for form, id_set in sorted(ids.items()):
        if len(id_set) > 1:  # often one entity under two ids: a note, not an error
            problems.append(
                f"note: entities: form {form!r} has several ids: {' / '.join(sorted(id_set))}"
            )

    def has_entity(art: str, name: str) -> bool:
        return any(match_key(r["entity_id"]) == match_key(name) for r in gold.of("entities", art))

    for art, rows in gold.rows.get("statements", {}).items():
        sids = [r["sid"] for r in rows]
        if len(set(sids)) != len(sids):
            problems.append(f"statements: {art}: repeated sid")
        for r in rows:
            w = r["_where"]
            if r["speaker_kind"] not in SPEAKER_KINDS:
                problems.append(f"{w}: speaker_kind {r['speaker_kind']!r} not in {SPEAKER_KINDS}")
            if r["kind"] not in QUOTE_KINDS:
                problems.append(f"{w}: kind {r['kind']!r} not in {QUOTE_KINDS}")
            if (r["speaker_kind"] == "none") != (r["speaker"] == "-"):
                problems.append(f"{w}: speaker must be '-' exactly when speaker_kind is none")
            if r["speaker_kind"] == "named":
                for sp in _names(r["speaker"]):
                    if not has_entity(art, sp):
                        problems.append(f"{w}: named speaker {sp!r} has no entities row")
            if not r["text_start"].isdigit():
                problems.append(f"{w}: text_start {r['text_start']!r} is not an offset")
            elif art in texts:
                start, words = int(r["text_start"]), fold(r["quote"]).split()
                here = fold(texts[art][start : start + 200]).split()
                if not words or here[:1] != words[:1]:
                    problems.append(f"{w}: the quote does not start at offset {start}")
    for kind, rel_col, relations, obj_col in (
        ("platforms", "relation", PLATFORM_RELATIONS, "object"),
        ("control", "relation", CONTROL_RELATIONS, "place"),
    ):
        for art, rows in gold.rows.get(kind, {}).items():
            for r in rows:
                if r[rel_col] not in relations:
                    problems.append(
                        f"{r['_where']}: relation {r[rel_col]!r} not in {tuple(relations)}"
                    )
                if kind == "platforms" and r["object_kind"] not in OBJECT_KINDS:
                    problems.append(f"{r['_where']}: object_kind {r['object_kind']!r}")
                generic = match_key(r[obj_col]) in {match_key(g) for g in GENERIC_OBJECTS}
                if not generic and not has_entity(art, r[obj_col]):
                    problems.append(f"{r['_where']}: {obj_col} {r[obj_col]!r} has no entities row")
                if r["subject"] != "-" and not has_entity(art, r["subject"]):
                    problems.append(f"{r['_where']}: subject {r['subject']!r} has no entities row")
    return problems


# --- rasd's output, read back from the graph ------------------------------------------------


@dataclass
class ClaimOut:
    start: int
    end: int
    text: str
    authors: list[Node]


def _local(p: Node) -> str:
    s = str(p)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Output:
    """rasd's graph for the split, with the folded forms of every node."""

    def __init__(self, extractions: list[Extraction]) -> None:
        self.extractions = extractions
        self.entities = resolve(extractions)
        self.dataset = build_dataset(extractions, self.entities)
        self.labels = Graph()  # classes and names live in the entities graph (and, before
        for t in self.dataset.default_graph:  # the archive build, in the default graph)
            self.labels.add(t)
        for t in self.dataset.graph(ENTITIES_GRAPH):
            self.labels.add(t)

    def graph(self, ex: Extraction) -> Graph:
        return self.dataset.graph(graph_iri(ex.article.id))

    def forms(self, node: Node, g: Graph) -> set[str]:
        """Folded labels, aliases and mention surfaces (in graph ``g``) of a node."""
        if isinstance(node, Literal):
            return with_bare_places({match_key(str(node))})
        out = {
            match_key(str(o))
            for p in (RDFS.label, SKOS.altLabel, SCHEMA.name)
            for o in self.labels.objects(node, p)
        }
        for mention in g.subjects(RASD.refersTo, node):
            out |= {match_key(str(s)) for s in g.objects(mention, RASD.surface)}
        return with_bare_places(out)

    def label(self, node: Node) -> str:
        """The Arabic label of a node (its IRI when it has none)."""
        labels = [o for o in self.labels.objects(node, RDFS.label) if isinstance(o, Literal)]
        arabic = [str(o) for o in labels if o.language in (None, "ar")]
        return min(arabic) if arabic else str(node)

    def is_unnamed(self, node: Node) -> bool:
        types = set(self.labels.objects(node, RDF.type))
        return bool(types & {RASD.UnnamedSource, SCHEMA.CreativeWork})

    def claims(self, ex: Extraction) -> list[ClaimOut]:
        g = self.graph(ex)
        out = []
        for c in g.subjects(RDF.type, SCHEMA.Claim):
            out.append(
                ClaimOut(
                    int(g.value(c, RASD.start)),
                    int(g.value(c, RASD.end)),
                    str(g.value(c, SCHEMA.text)),
                    sorted(g.objects(c, SCHEMA.author)),
                )
            )
        return sorted(out, key=lambda c: (c.start, c.end))

    def triples(self, ex: Extraction, family: frozenset[str]) -> list[tuple[Node, str, Node]]:
        return [(s, _local(p), o) for s, p, o in self.graph(ex) if _local(p) in family]


# --- scoring --------------------------------------------------------------------------------


def _run(a: list[str], b: list[str]) -> int:
    """Length of the longest common run of words.

    >>> _run("قال إن التنظيم استغل".split(), "إن التنظيم استغل الشبكات".split())
    3
    """
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def match_claims(claims: list[ClaimOut], statements: list[dict[str, str]]) -> dict[int, int]:
    """claim index → index of the gold statement it matches."""
    out: dict[int, int] = {}
    for ci, c in enumerate(claims):
        inside = [
            (int(s["text_start"]) - c.start, si)
            for si, s in enumerate(statements)
            if s["text_start"].isdigit() and c.start <= int(s["text_start"]) < c.end
        ]
        if inside:
            out[ci] = min(inside)[1]
            continue
        words = fold(c.text).split()
        runs = []
        for si, s in enumerate(statements):
            q = fold(s["quote"]).split()
            r = _run(q, words)
            if q and r >= min(3, len(q)):
                runs.append((r, -si))
        if runs:
            out[ci] = -max(runs)[1]
    return out


def speaker_right(out: Output, g: Graph, gold: Gold, art: str, st: dict, c: ClaimOut) -> bool:
    """Whether the claim's authors are the gold statement's speaker (see the module doc)."""
    kind = st["speaker_kind"]
    if kind == "none":
        return not c.authors
    if not c.authors:
        return False
    gf = set().union(*(gold_forms(gold, art, sp) for sp in _names(st["speaker"])))
    gwords = {w for f in gf for w in f.split()}
    for a in c.authors:
        af = out.forms(a, g)
        if af & gf:
            continue
        if kind != "named" and (out.is_unnamed(a) or {w for f in af for w in f.split()} & gwords):
            continue
        return False
    return True


def text_right(st: dict[str, str], c: ClaimOut) -> bool:
    """The claim text contains the first words of the gold quote."""
    q = fold(st["quote"]).split()
    n = min(4, len(q))
    return n > 0 and _run(q[:n], fold(c.text).split()) >= n


def relation_found(
    out: Output, ex: Extraction, gold: Gold, art: str, row: dict, obj_col: str, family, mapping
) -> tuple[bool, bool]:
    """(found with any predicate of the family, found with the mapped predicate)."""
    g = out.graph(ex)
    sf, of = gold_forms(gold, art, row["subject"]), gold_forms(gold, art, row[obj_col])
    anyp = exact = False
    for s, p, o in out.triples(ex, family):
        fs, fo = out.forms(s, g), out.forms(o, g)
        if (fs & sf and fo & of) or (fs & of and fo & sf):
            anyp = True
            exact = exact or p in mapping[row["relation"]]
    return anyp, exact


def _family(cls: str) -> str:
    if cls in PLACE_CLASSES or cls == "Place":
        return "Place"
    return "Platform" if cls in ("Platform", "Website", "Account") else cls


def score_entities(gold: Gold, arts: list[tuple[str, Extraction]]) -> dict:
    """Entity P/R per (article, entity) as eval_entities_unseen, plus duplicate nodes."""
    t: dict[str, int] = defaultdict(int)
    details: dict[str, list[str]] = defaultdict(list)
    keys_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (family, gold id) → keys
    for art, ex in arts:
        gold_ents = [
            (_family(r["class"]), r["entity_id"], gold_forms(gold, art, r["entity_id"]))
            for r in gold.of("entities", art)
        ]
        surfaces: dict[str, set[str]] = defaultdict(set)
        for m in ex.mentions:
            surfaces[m.key].add(match_key(ex.article.text[m.start : m.end]))
        matched: set[int] = set()
        for e in sorted(ex.entities, key=lambda e: (e.cls, e.key)):
            fam = _family(e.cls)
            if fam not in ("Person", "Organization", "Place", "Platform") or e.scope is not None:
                continue
            forms = {e.key, match_key(e.label), *map(match_key, e.aliases), *surfaces[e.key]}
            forms = with_bare_places(forms)
            hits = [k for k, (_c, _i, gf) in enumerate(gold_ents) if gf & forms]
            same = [k for k in hits if gold_ents[k][0] == fam]
            for k in same:
                keys_of[(fam, match_key(gold_ents[k][1]))].add(e.key)
            if same and any(k not in matched for k in same):
                matched.update(same)
                t["correct"] += 1
            elif same:
                t["duplicate"] += 1
                details["duplicate in article"].append(f"{art} {fam} {e.label}")
            elif hits:
                t["wrong_class"] += 1
                details["wrong class"].append(
                    f"{art} {fam} {e.label} (gold {gold_ents[hits[0]][0]})"
                )
            else:
                t["spurious"] += 1
                details["spurious"].append(f"{art} {fam} {e.label}")
        for k, (fam, eid, _f) in enumerate(gold_ents):
            if k not in matched:
                details["missed"].append(f"{art} {fam} {eid}")
        t["gold"] += len(gold_ents)
    dup_nodes = {k: v for k, v in keys_of.items() if len(v) > 1}
    t["duplicate nodes"] = sum(len(v) - 1 for v in dup_nodes.values())
    for (fam, eid), keys in sorted(dup_nodes.items()):
        details["duplicate nodes"].append(f"{fam} {eid}: {' / '.join(sorted(keys))}")
    return {"totals": dict(t), "details": details}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else f"n/a (0/{b})"


def evaluate(gold: Gold, arts: list[tuple[str, Extraction]], out: Output) -> tuple[list, dict]:
    """The score lines and the error details of one split."""
    st_total = found_any = found_right = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    matched_claims = right_claims = unmatched = 0
    attributed = attributed_right = unresolved = 0  # claims with an author; right ones; none
    details: dict[str, list[str]] = defaultdict(list)
    for art, ex in arts:
        g = out.graph(ex)
        statements = gold.of("statements", art)
        claims = out.claims(ex)
        m = match_claims(claims, statements)
        right_for: set[int] = set()
        any_for: set[int] = set(m.values())
        for ci, c in enumerate(claims):
            names = " + ".join(sorted(out.label(a) for a in c.authors)) or "-"
            attributed += bool(c.authors)
            unresolved += not c.authors
            if ci not in m:
                unmatched += 1
                details["claims matching no statement"].append(
                    f"{art} {c.start} | {names} | {c.text[:80]}"
                )
                continue
            st = statements[m[ci]]
            matched_claims += 1
            sp_ok = speaker_right(out, g, gold, art, st, c)
            if sp_ok:
                right_for.add(m[ci])
                attributed_right += bool(c.authors)
            if sp_ok and text_right(st, c):
                right_claims += 1
            else:
                why = "speaker" if not sp_ok else "text"
                details[f"wrong {why}"].append(
                    f"{art} {st['sid']} gold {st['speaker']} | got {names} | {c.text[:80]}"
                )
        for si, st in enumerate(statements):
            by_kind[st["speaker_kind"]][1] += 1
            if si in right_for:
                by_kind[st["speaker_kind"]][0] += 1
            elif si not in any_for:
                details["statements not found"].append(
                    f"{art} {st['sid']} {st['speaker']} | {st['cue']} | {st['quote']}"
                )
        st_total += len(statements)
        found_any += len(any_for)
        found_right += len(right_for)
    lines = [
        ("statements found with the right speaker", _ratio(found_right, st_total)),
        ("statements found (any speaker)", _ratio(found_any, st_total)),
    ]
    lines += [(f"  speaker_kind {k}", _ratio(*v)) for k, v in sorted(by_kind.items())]
    lines += [
        ("matched claims with right text and speaker", _ratio(right_claims, matched_claims)),
        ("emitted claims matching no statement", str(unmatched)),
        (
            "emitted claims with right text and speaker",
            _ratio(right_claims, matched_claims + unmatched),
        ),
        ("emitted claims with an author: right speaker", _ratio(attributed_right, attributed)),
        ("emitted claims without an author (unresolved)", str(unresolved)),
    ]
    for kind, obj_col, family, mapping in (
        ("platforms", "object", PLATFORM_PREDICATES, PLATFORM_RELATIONS),
        ("control", "place", CONTROL_PREDICATES, CONTROL_RELATIONS),
    ):
        n = anyp = exact = 0
        for art, ex in arts:
            for row in gold.of(kind, art):
                a, e = relation_found(out, ex, gold, art, row, obj_col, family, mapping)
                n += 1
                anyp += a
                exact += e
                if not a:
                    details[f"{kind} not found"].append(
                        f"{art} {row['subject']} {row['relation']} {row[obj_col]}"
                    )
        lines.append((f"{kind} recall (any predicate of the family)", _ratio(anyp, n)))
        lines.append((f"{kind} recall (the relation's own predicate)", _ratio(exact, n)))
    ent = score_entities(gold, arts)
    t = ent["totals"]
    pred = t.get("correct", 0) + t.get("spurious", 0) + t.get("wrong_class", 0)
    lines += [
        ("entity precision", _ratio(t.get("correct", 0), pred)),
        ("entity recall", _ratio(t.get("correct", 0), t.get("gold", 0))),
        ("entities: duplicates within an article", str(t.get("duplicate", 0))),
        ("entities: duplicate nodes across the split", str(t.get("duplicate nodes", 0))),
    ]
    details.update(ent["details"])
    return lines, details


def write_report(
    path: Path, split: str, lines: list, details: dict, meta: dict, corpus: str = "unseen3"
) -> None:
    """The results page: the command, the scores, then every error by kind."""
    command = " ".join(["bench/eval_unseen3.py", *sys.argv[1:]])
    out = [
        f"# {corpus}, {split} split (issue 11)",
        "",
        f"    PYTHONPATH=$PWD /work/main/.venv/bin/python {command}",
        "",
        f"Articles scored (annotated): {meta['articles']}; gold rows: {meta['gold']}; "
        f"rasd CPU time "
        f"{meta['cpu']:.1f} s (extract + resolve + graph); run {meta['when']}.",
        "Scoring rules: see the docstring of `bench/eval_unseen3.py`; annotation: "
        "`bench/unseen3_guideline.md` (shared by every unseen corpus).",
        "",
        "| measure | value |",
        "|---|---|",
        *(f"| {k.strip()} | {v} |" for k, v in lines),
        "",
    ]
    for k in sorted(details):
        out += [f"## {k} ({len(details[k])})", ""] + [f"- {x}" for x in details[k]] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"))
    ap.add_argument("--show", action="store_true", help="print every error")
    ap.add_argument("--check", action="store_true", help="validate the gold files and exit")
    ap.add_argument("--all", action="store_true", help="score unannotated articles too")
    ap.add_argument(
        "--corpus",
        default="unseen3",
        help="corpus name: bench/NAME_articles.tsv and its gold files (default %(default)s)",
    )
    ap.add_argument("--list", type=Path, help="article list (default bench/NAME_articles.tsv)")
    ap.add_argument("--gold-dir", type=Path, default=BENCH, help="where the gold TSVs are")
    ap.add_argument(
        "--report",
        type=Path,
        help="results page (default for the held-out corpus only: bench/NAME_results_<split>.md)",
    )
    args = ap.parse_args()
    listed = article_list(args.list or BENCH / f"{args.corpus}_articles.tsv")
    gold = read_gold(args.gold_dir, args.corpus)
    if args.check:
        used = {a for by_article in gold.rows.values() for a in by_article}
        texts = {r["n"]: load_article(r).text for r in listed if r["n"] in used}
        problems = check(gold, listed, texts)
        errors = [p for p in problems if not p.startswith("note: ")]
        if problems:
            print("\n".join(problems))
        print(f"{len(errors)} errors ({_summary(gold)})")
        sys.exit(1 if errors else 0)
    if not args.split:
        ap.error("--split dev|test (or --check)")
    if gold.errors:
        raise SystemExit("\n".join(gold.errors))
    done = _annotated(gold)  # an article is annotated when it has entity rows
    rows = [r for r in listed if r["split"] == args.split and (args.all or r["n"] in done)]
    n_done = sum(r["n"] in done for r in rows)
    print(f"{args.split}: scoring {len(rows)} articles ({n_done} annotated)", flush=True)
    t0 = time.process_time()
    arts = [(r["n"], extract_article(load_article(r))) for r in rows]
    out = Output([ex for _n, ex in arts])
    cpu = time.process_time() - t0
    lines, details = evaluate(gold, arts, out)
    for k, v in lines:
        print(f"{k}: {v}")
    if args.show:
        for k in sorted(details):
            print(f"\n## {k}")
            print("\n".join(details[k]))
    names = [n for n, _ex in arts]
    meta = {
        "articles": len(arts),
        "gold": ", ".join(f"{k} {gold.count(k, names)}" for k in COLUMNS),
        "cpu": cpu,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    report = args.report
    if report is None and args.corpus == HELD_OUT:
        report = BENCH / f"{args.corpus}_results_{args.split}.md"
    if report is None:
        # an earlier corpus's page is its held-out score, quoted in the README: a dev run
        # must not overwrite it (two helpers did in the seventeenth session)
        print(f"no results page written: give --report FILE ({args.corpus} is not {HELD_OUT})")
        return
    write_report(report, args.split, lines, details, meta, args.corpus)
    print(f"wrote {report}")


def _annotated(gold: Gold) -> set[str]:
    return set(gold.rows.get("entities", {}))


def _summary(gold: Gold) -> str:
    return ", ".join(
        f"{k}: {sum(len(v) for v in gold.rows.get(k, {}).values())} rows" for k in COLUMNS
    )


if __name__ == "__main__":
    main()
