"""Check that the NER backends tag exactly as before a change (for speed work that must not
change output).

For each backend (``crf``, ``nn``, ``crf+nn``) it tags

- the ANERcorp dev split (the last 10% of the CAMeL Lab train file, as in
  ``bench/train_ner.py``) in one ``tag_many`` call with empty caches, again with warm caches,
  and in calls of 15 sentences (about one ANERcorp article each);
- ``--n`` SaudiNewsNet articles one ``tag_many`` call per article, tokenised and split into
  sentences as ``extract.pipeline``'s ``ner-tags`` component does, in one process (the caches
  persist across articles, as in ``rasd build``), with document consistency over each article;

and records one SHA-256 per sentence call group (no text) in ``bench/out/ner_tag_hashes.json``.
``--save`` writes the reference; otherwise the run is compared with it.

    PYTHONPATH=$PWD .venv/bin/python bench/check_ner_identical.py --save   # before
    PYTHONPATH=$PWD .venv/bin/python bench/check_ner_identical.py          # after
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
DEFAULT_OUT = ROOT / "bench" / "out" / "ner_tag_hashes.json"
BACKENDS = ("crf", "nn", "crf+nn")


def dev_tokens(data: str | Path) -> list[list[str]]:
    """Tokens of the dev split: the last 10% of the sentences (rounded up)."""
    from rasd.extract.ner import read_conll

    sents = read_conll(data)
    cut = len(sents) - math.ceil(len(sents) * 0.1)
    return [[w for w, _ in s] for s in sents[cut:]]


def article_sentences(articles) -> list[list[list[str]]]:
    """Each article's sentences as token lists, as the pipeline's ``ner-tags`` gives them."""
    from rasd.extract.doc import Doc
    from rasd.extract.text import split_sentences

    out = []
    for a in articles:
        doc = Doc.from_article(a)
        doc.set_sentences(split_sentences(a.text, a.segments))
        out.append([[t.text for t in v.tokens] for v in doc.views])
    return out


def _h(obj: object) -> str:
    return hashlib.sha256(repr(obj).encode("utf-8")).hexdigest()


def run(backend: str, dev: list[list[str]], news: list[list[list[str]]]) -> dict[str, str]:
    """Hashes of every tagging of ``backend`` (see the module docstring)."""
    from rasd.extract.ner import load_tagger
    from rasd.extract.ner.consistency import propagate

    tagger = load_tagger(backend)
    out: dict[str, str] = {}
    tagger.clear_cache()
    cold = tagger.tag_many(dev)
    out["dev:cold"] = _h(cold)
    out["dev:warm"] = _h(tagger.tag_many(dev))
    tagger.clear_cache()
    by15 = [t for i in range(0, len(dev), 15) for t in tagger.tag_many(dev[i : i + 15])]
    out["dev:by15"] = _h(by15)
    for i, tags in enumerate(cold):
        out[f"dev:{i}"] = _h(tags)
    tagger.clear_cache()
    for k, sents in enumerate(news):
        tags = tagger.tag_many(sents)
        out[f"news:{k}"] = _h(tags)
        out[f"news-doc:{k}"] = _h(propagate(sents, tags))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--corpus", default=str(SHARED / "corpora" / "saudinewsnet"))
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--backends", default=",".join(BACKENDS))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--save", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from check_extract_identical import corpus_articles

    dev = dev_tokens(args.data)
    news = article_sentences(corpus_articles(args.corpus, args.n, stride=11))
    hashes = {}
    for b in args.backends.split(","):
        hashes.update({f"{b}|{k}": v for k, v in run(b, dev, news).items()})
        print(b, "done", flush=True)
    out = Path(args.out)
    if args.save:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(hashes, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved {len(hashes)} hashes to {out}")
        return 0
    ref = json.loads(out.read_text(encoding="utf-8"))
    differ = sorted(k for k in hashes if k in ref and ref[k] != hashes[k])
    absent = [k for k in hashes if k not in ref]
    print(
        f"{len(hashes)} taggings ({sum(len(a) for a in news)} news sentences, {len(dev)} dev):"
        f" {len(differ)} differ, {len(absent)} without a reference"
    )
    for k in differ[:30]:
        print("  differs:", k)
    return 1 if differ or absent else 0


if __name__ == "__main__":
    raise SystemExit(main())
