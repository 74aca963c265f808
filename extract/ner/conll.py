"""CoNLL-format NER data: reading files and conlleval-compatible span evaluation.

Files hold one ``token TAG`` pair per line (whitespace-separated) and a blank line between
sentences; tags are BIO (``O``, ``B-TYPE``, ``I-TYPE``).  :func:`evaluate` scores exact
spans per type exactly as the CoNLL-2000 ``conlleval`` script does, including its handling
of ill-formed BIO (an ``I-`` tag after ``O`` or after another type starts a new chunk).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ENTITY_TYPES",
    "NerReport",
    "TypeScore",
    "evaluate",
    "format_report",
    "get_chunks",
    "read_conll",
]

#: entity types of ANERcorp, in display order
ENTITY_TYPES: tuple[str, ...] = ("LOC", "MISC", "ORG", "PERS")


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Read a CoNLL file into sentences of ``(token, tag)`` pairs.

    Raises :class:`ValueError` naming the file and the 1-based line number when a non-blank
    line does not hold exactly two whitespace-separated fields or its tag is not BIO.
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split()
            if len(parts) != 2:
                raise ValueError(
                    f"{path}:{lineno}: expected 'token TAG' (2 fields), "
                    f"got {len(parts)} field(s): {line!r}"
                )
            token, tag = parts
            if not (tag == "O" or (len(tag) > 2 and tag[:2] in ("B-", "I-"))):
                raise ValueError(
                    f"{path}:{lineno}: tag {tag!r} is not BIO (O, B-TYPE or I-TYPE): {line!r}"
                )
            current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def _split_tag(tag: str) -> tuple[str, str]:
    if tag == "O" or not tag:
        return "O", ""
    if "-" in tag:
        prefix, _, typ = tag.partition("-")
        return prefix, typ
    return tag, ""


_END_PAIRS = frozenset(
    {("B", "B"), ("B", "O"), ("I", "B"), ("I", "O"), ("E", "E"), ("E", "I"), ("E", "O")}
)
_START_PAIRS = frozenset(
    {("B", "B"), ("I", "B"), ("O", "B"), ("O", "I"), ("E", "E"), ("E", "I"), ("O", "E")}
)


def _end_of_chunk(prev_tag: str, tag: str, prev_type: str, typ: str) -> bool:
    """conlleval's endOfChunk: does a chunk end between the previous and current token?"""
    if (prev_tag, tag) in _END_PAIRS or prev_tag in ("[", "]"):
        return True
    return prev_tag not in ("O", ".") and prev_type != typ


def _start_of_chunk(prev_tag: str, tag: str, prev_type: str, typ: str) -> bool:
    """conlleval's startOfChunk: does a chunk start at the current token?"""
    if (prev_tag, tag) in _START_PAIRS or tag in ("[", "]"):
        return True
    return tag not in ("O", ".") and prev_type != typ


def get_chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return the chunks of a tag sequence as ``(start, end_exclusive, type)``, conlleval-style."""
    chunks: list[tuple[int, int, str]] = []
    prev_tag, prev_type = "O", ""
    start = -1
    seq = [*tags, "O"]
    # an "O" first or after an "O" neither ends nor starts a chunk and leaves the state at
    # ("O", ""): only the other positions are visited (most tokens are outside names)
    visit = [i for i, t in enumerate(seq) if t != "O" or (i and seq[i - 1] != "O")]
    for i in visit:
        tag, typ = _split_tag(seq[i])
        if start >= 0 and _end_of_chunk(prev_tag, tag, prev_type, typ):
            chunks.append((start, i, prev_type))
            start = -1
        if _start_of_chunk(prev_tag, tag, prev_type, typ):
            start = i
        prev_tag, prev_type = tag, typ
    return chunks


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Counts and scores (fractions in [0, 1]) for one entity type or the micro average."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        """Correct chunks / predicted chunks (0 when nothing was predicted)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Correct chunks / gold chunks (0 when there is no gold chunk)."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class NerReport:
    """Result of :func:`evaluate`: micro average, per-type scores and token accuracy."""

    micro: TypeScore
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    tokens: int = 0
    token_accuracy: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON: counts and P/R/F1 (fractions) for ``micro`` and each type."""

        def score(s: TypeScore) -> dict[str, float | int]:
            return {
                "gold": s.gold,
                "predicted": s.predicted,
                "correct": s.correct,
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
            }

        return {
            "micro": score(self.micro),
            "per_type": {t: score(s) for t, s in self.per_type.items()},
            "tokens": self.tokens,
            "token_accuracy": self.token_accuracy,
        }


def evaluate(gold: list[list[str]], pred: list[list[str]]) -> NerReport:
    """Score predicted BIO tag sequences against gold ones, exactly like conlleval.

    A predicted chunk counts as correct only when its start, end and type all equal a gold
    chunk's.  Sentences are scored independently (chunks never cross sentence boundaries).
    Raises :class:`ValueError` when the number of sentences or of tokens differ.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} sentences but pred has {len(pred)}")
    gold_n: dict[str, int] = {}
    pred_n: dict[str, int] = {}
    corr_n: dict[str, int] = {}
    tokens = 0
    tok_ok = 0
    for k, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if len(g) != len(p):
            raise ValueError(f"sentence {k}: gold has {len(g)} tags but pred has {len(p)}")
        tokens += len(g)
        tok_ok += sum(1 for a, b in zip(g, p, strict=True) if a == b)
        gc = set(get_chunks(g))
        pc = set(get_chunks(p))
        for _, _, t in gc:
            gold_n[t] = gold_n.get(t, 0) + 1
        for _, _, t in pc:
            pred_n[t] = pred_n.get(t, 0) + 1
        for _, _, t in gc & pc:
            corr_n[t] = corr_n.get(t, 0) + 1
    types = sorted(set(ENTITY_TYPES) | set(gold_n) | set(pred_n))
    per_type = {t: TypeScore(gold_n.get(t, 0), pred_n.get(t, 0), corr_n.get(t, 0)) for t in types}
    micro = TypeScore(sum(gold_n.values()), sum(pred_n.values()), sum(corr_n.values()))
    return NerReport(
        micro=micro,
        per_type=per_type,
        tokens=tokens,
        token_accuracy=tok_ok / tokens if tokens else 0.0,
    )


def format_report(report: NerReport) -> str:
    """Render a report as a conlleval-like table (percentages with two decimals)."""
    m = report.micro
    lines = [
        f"processed {report.tokens} tokens with {m.gold} phrases; "
        f"found: {m.predicted} phrases; correct: {m.correct}.",
        f"accuracy: {100 * report.token_accuracy:6.2f}%; precision: {100 * m.precision:6.2f}%; "
        f"recall: {100 * m.recall:6.2f}%; FB1: {100 * m.f1:6.2f}",
    ]
    for t, s in report.per_type.items():
        lines.append(
            f"{t:>17}: precision: {100 * s.precision:6.2f}%; recall: {100 * s.recall:6.2f}%; "
            f"FB1: {100 * s.f1:6.2f}  {s.predicted}"
        )
    return "\n".join(lines)
