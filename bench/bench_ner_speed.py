"""Tagging speed of the NER backends and of whole-article extraction, as ``rasd build`` uses
them: one ``tag_many`` call per article (its sentences), caches kept across articles.

Measures, on one thread, CPU time (``time.process_time``), medians of ``--runs`` runs:

- per backend (``crf``, ``nn``, ``crf+nn``), tokens/s over ``--n`` SaudiNewsNet articles
  (tokenised and split as the pipeline's ``ner-tags`` component does), one call per article:
  *first pass* (caches emptied first: every word new the first time it is seen) and *warm*
  (the same articles again, caches kept);
- the same articles 8 per ``tag_many`` call, first pass and warm, as ``rasd build`` batches
  them;
- the same tokens in one ``tag_many`` call (first pass), as ``bench/eval_ner_backends.py``;
- :func:`extract.pipeline.extract_article` over the same articles: articles/s of the whole
  default pipeline, first pass (a fresh process's caches: the first run only) and warm.

Each run writes ``bench/out/ner_speed_<label>.json``; ``--report`` writes
``bench/ner_speed_results.md`` from the ``before`` and ``after`` files.  With
``--before-path`` the code before the change (e.g. a ``git archive`` of it) and this checkout
are measured in turn, one fresh process per run, so that both see the same load::

    git archive 6998fb4 | tar -x -C /tmp/ner-base
    PYTHONPATH=$PWD .venv/bin/python bench/bench_ner_speed.py --before-path /tmp/ner-base --report
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
BACKENDS = ("crf", "nn", "crf+nn")
#: the measured passes (see the module docstring)
KEYS = ("first", "warm", "batch8_first", "batch8_warm", "one_call_first")
PASSES = (
    ("first pass, one call per article", "first"),
    ("warm, one call per article", "warm"),
    ("first pass, 8 articles per call (as `rasd build`)", "batch8_first"),
    ("warm, 8 articles per call", "batch8_warm"),
    ("first pass, one call for all", "one_call_first"),
)


def _rate(fn, n: int) -> float:
    t0 = time.process_time()
    fn()
    return n / max(time.process_time() - t0, 1e-9)


def measure(n_articles: int, runs: int, corpus: str) -> dict:
    """All the numbers of one code version (see the module docstring)."""
    import numpy as np  # noqa: F401  (BLAS loaded before its threads are limited)
    from threadpoolctl import threadpool_limits

    sys.path.insert(0, str(HERE))
    from check_extract_identical import corpus_articles
    from check_ner_identical import article_sentences

    from rasd.extract.ner import load_tagger
    from rasd.extract.pipeline import extract_article

    threadpool_limits(1)  # one thread, as each process of a build
    articles = list(corpus_articles(corpus, n_articles, stride=13))
    news = article_sentences(articles)
    flat = [s for a in news for s in a]
    # the sentences of 8 articles per call, as rasd build's batches (extract.pipeline)
    by8 = [[s for a in news[k : k + 8] for s in a] for k in range(0, len(news), 8)]
    n_tok = sum(len(s) for s in flat)
    res: dict = {"articles": len(articles), "tokens": n_tok, "runs": runs, "backends": {}}
    # extraction first: its first run is the only one with cold caches in this process
    first = _rate(lambda: [extract_article(a) for a in articles], len(articles))
    warm = [
        _rate(lambda: [extract_article(a) for a in articles], len(articles))
        for _ in range(max(1, runs - 1))
    ]
    res["extract_first_articles_per_s"] = first
    res["extract_warm_articles_per_s"] = statistics.median(warm)
    for backend in BACKENDS:
        tagger = load_tagger(backend)
        tagger.tag_many(news[0])
        out: dict[str, list[float]] = {k: [] for k in KEYS}
        for _ in range(runs):
            tagger.clear_cache()
            out["first"].append(_rate(lambda t=tagger: [t.tag_many(a) for a in news], n_tok))
            out["warm"].append(_rate(lambda t=tagger: [t.tag_many(a) for a in news], n_tok))
            tagger.clear_cache()
            out["batch8_first"].append(_rate(lambda t=tagger: [t.tag_many(b) for b in by8], n_tok))
            out["batch8_warm"].append(_rate(lambda t=tagger: [t.tag_many(b) for b in by8], n_tok))
            tagger.clear_cache()
            out["one_call_first"].append(_rate(lambda t=tagger: t.tag_many(flat), n_tok))
        res["backends"][backend] = {k: statistics.median(v) for k, v in out.items()}
        res["backends"][backend]["runs"] = {k: [round(x) for x in v] for k, v in out.items()}
        print(backend, {k: round(statistics.median(v)) for k, v in out.items()}, flush=True)
    res["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    res["loadavg"] = os.getloadavg()
    return res


#: the commit measured as "before" by the report (the branch point of the NER cascade; the
#: page of the earlier speed work, against 6998fb4, is in the history of this file)
BEFORE_REV = "1b0a959"

TAGS_NOTE = (
    "- Tags: `crf` and `nn` tag exactly as before, and `crf+nn-full` (the network on every "
    "token) exactly as `crf+nn` did before (`bench/check_ner_identical.py`: dev split and "
    "1,200 articles). `crf+nn` now runs the network only around the tokens the CRF is unsure "
    "of, which changes some tags: ANERcorp dev micro-F1 74.51 sentence by sentence and 76.17 "
    "with document consistency ±7, against 74.60 and 76.11 for the full ensemble "
    "(`bench/eval_ner_candidate.py --crf-dir extract/models`).",
)

CHANGES = (
    "## What changed",
    "",
    "- `crf+nn` is a cascade (`extract/ner/ensemble.py`, `Cascade`): the CRF's tag marginals "
    "(forward-backward, `nn_runtime.marginals_packed`) on every token; a token whose likeliest "
    "tag has a marginal below 0.95, or below 0.99 when that tag is part of a name, is unsure; "
    "the tokens within 4 of an unsure one are decoded "
    "again with the summed potentials of both models, the tags around them held at the CRF's "
    "(their transition scores become the run's start and end scores); the BiLSTM reads those "
    "runs and 6 more tokens on each side; every other token keeps the CRF's likeliest tag. "
    "On these 300 articles the network reads 47 % of the tokens (64,609 of 136,567) in about "
    "half the LSTM steps (11,371 against 21,170): the runs are shorter than the sentences.",
    "- The settings were chosen on agreement with the full ensemble on SaudiNewsNet "
    "(no gold; entity-level F1 of the cascade's tags against the full ensemble's: 0.90/±3/+0 "
    "97.2, 0.90/±3/+5 98.6, 0.95/±3/+5 99.2, 0.95/±4/+6 99.4, 0.98/±3/+6 99.5, 0.95/±4/+6 with "
    "0.99 for names 99.6), then checked on the ANERcorp dev split, read three times: "
    "0.95/±3/+5 gave 74.31 / 75.96 (more than 0.2 under the full ensemble's 74.60 on "
    "sentences); 0.95/±4/+6 gave 74.51 / 76.20, but let a false name through that the full "
    "ensemble does not tag (`tests/test_patterns.py::test_a_plural_verb_after_a_title_is_no_name`, "
    "CRF marginal 0.957 on a B-PERS); with names unsure below 0.99 (shipped): 74.51 / 76.17.",
    "- Extraction (`bench/check_extract_identical.py`): the five seeds identical; 11 of 400 "
    "SaudiNewsNet articles differ (23 mentions only with the full ensemble, 11 only with the "
    "cascade, of 8,616; claims differ in 5 articles). Hand-annotated SaudiNewsNet "
    "(unseen3 dev/test, unseen4 dev/test, unseen5: `bench/eval_unseen3.py`): the same "
    "entities found in every split (227, 298, 211, 256, 480) with the same extracted entities, "
    "except unseen5: one false entity and one duplicate node fewer.",
    "- `marginals_packed` runs forward and backward in one loop (one stacked matrix product a "
    "step).",
    "- `crf+nn-full` is the former `crf+nn` (the network on every token), tag for tag.",
    "- The code of `crf` and `nn` did not change, yet `crf` came out 1.1–1.6× faster in the "
    "after processes, here and in an earlier run of 3 pairs (before the 0.99 name threshold: "
    "`crf+nn` 20.9k → 34.1k first pass, 33.9k → 65.7k warm, 28.7k → 45.4k and 46.5k → 82.5k "
    "with 8 articles per call): the before/after columns carry that much noise (load 4–7 "
    "from other sessions).",
    "- So the gain is measured again in one process, the backends in turns "
    "(`bench_ner_speed.py --same-process crf,crf+nn-full,crf+nn --runs 4`, load ~2–4, "
    "medians of 4): `crf+nn-full` (the former default) 20,888 tokens/s first pass, 29,757 "
    "warm, 25,695 / 44,555 with 8 articles per call; `crf+nn` (the cascade) 29,069 / 52,745 "
    "and 36,058 / 73,568: 1.39× first pass, 1.77× warm, 1.40× / 1.65× with 8 articles per "
    "call (`crf` 56,872 / 163,300 and 72,810 / 190,707).",
    "- Against issue 14's targets (≥ 40k tokens/s first pass, ≥ 80k warm, one core): not met "
    "(29–34k first pass, 53–66k warm with one call per article; 36–45k / 72–83k with 8 "
    "articles per call, as `rasd build` tags). The rest of the first pass is mostly the "
    "CRF's features of new words (`FeatureExtractor.word_parts` and their weight look-ups, "
    "~45 µs a word: `crf` alone is 57–69k); the rest of the warm pass the LSTM's steps "
    "(~10k per 300 articles, ~10 numpy calls each), the marginals and the CRF's sentence "
    "loop.",
)


#: a backend name with this suffix is the code at --before-path (see _before_package)
BEFORE = "@before"


def _before_package(path: str | Path, tmp: str | Path):
    """The ``extract`` package of the code at ``path`` (a checkout or a ``git archive`` of it)
    importable beside this checkout's: copied to ``tmp/rasd_before/extract`` (its data and
    models with it) with its ``rasd.extract`` imports renamed ``rasd_before.extract``."""
    import importlib
    import re
    import shutil

    root = Path(tmp) / "rasd_before"
    shutil.copytree(Path(path) / "extract", root / "extract", symlinks=False)
    (root / "__init__.py").write_text("", encoding="utf-8")
    for py in root.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        py.write_text(re.sub(r"\brasd\.extract\b", "rasd_before.extract", text), encoding="utf-8")
    sys.path.insert(0, str(tmp))
    for module in ("ner", "pipeline"):  # the modules same_process uses, as attributes
        importlib.import_module(f"rasd_before.extract.{module}")
    return importlib.import_module("rasd_before.extract")


def same_process(
    n_articles: int,
    rounds: int,
    corpus: str,
    backends: tuple[str, ...],
    before_path: str | None = None,
    extract: bool = False,
) -> dict:
    """``backends`` of this checkout measured in one process, in turns (the order reversed
    every other round), so that they meet the same load: tokens/s first pass and warm, one
    call per article and 8 articles per call; medians of ``rounds``.

    A backend named ``crf+nn@before`` is ``crf+nn`` of the code at ``before_path``, loaded
    beside this checkout's (:func:`_before_package`).  ``extract``: also
    :func:`extract.pipeline.extract_article` articles/s of this checkout and, with
    ``before_path``, of that code (first pass: each one's first run over the articles, after
    one article to load its models).
    """
    import tempfile

    from threadpoolctl import threadpool_limits

    sys.path.insert(0, str(HERE))
    from check_extract_identical import corpus_articles
    from check_ner_identical import article_sentences

    from rasd.extract import ner, pipeline

    threadpool_limits(1)
    tmp = tempfile.TemporaryDirectory()
    before = _before_package(before_path, tmp.name) if before_path else None

    def load(backend: str):
        if backend.endswith(BEFORE):
            if before is None:
                raise SystemExit(f"{backend}: give --before-path")
            return before.ner.load_tagger(backend.removesuffix(BEFORE))
        name, _, nn_list = backend.partition(":")  # crf+nn:LIST = with the networks of LIST
        return ner.load_tagger(name, nn_list or None)

    articles = list(corpus_articles(corpus, n_articles, stride=13))
    news = article_sentences(articles)
    by8 = [[s for a in news[k : k + 8] for s in a] for k in range(0, len(news), 8)]
    n_tok = sum(len(s) for a in news for s in a)
    res: dict = {"tokens": n_tok, "articles": len(articles), "rounds": rounds}
    if extract:
        fns = {"after": pipeline.extract_article}
        if before is not None:
            fns["before"] = before.pipeline.extract_article
        ex: dict[str, dict[str, list[float]]] = {k: {"first": [], "warm": []} for k in fns}
        for fn in fns.values():  # models and tables loaded (one article's words cached)
            fn(articles[0])
        for r in range(rounds + 1):
            for label in fns if r % 2 == 0 else list(fns)[::-1]:
                fn = fns[label]
                rate = _rate(lambda fn=fn: [fn(a) for a in articles], len(articles))
                ex[label]["first" if r == 0 else "warm"].append(rate)
        res["extract"] = {k: {p: statistics.median(v) for p, v in d.items()} for k, d in ex.items()}
    taggers = {b: load(b) for b in backends}
    for t in taggers.values():
        t.tag_many(news[0])
    keys = ("first", "warm", "batch8_first", "batch8_warm")
    runs: dict[str, dict[str, list[float]]] = {b: {k: [] for k in keys} for b in backends}
    for r in range(rounds):
        for b in backends if r % 2 == 0 else backends[::-1]:
            t, out = taggers[b], runs[b]
            passes = ((news, "first", "warm"), (by8, "batch8_first", "batch8_warm"))
            for data, first, warm in passes:
                t.clear_cache()
                out[first].append(_rate(lambda t=t, d=data: [t.tag_many(a) for a in d], n_tok))
                out[warm].append(_rate(lambda t=t, d=data: [t.tag_many(a) for a in d], n_tok))
    res.update({b: {k: statistics.median(v) for k, v in runs[b].items()} for b in backends})
    res["runs"] = {b: {k: [round(x) for x in v] for k, v in runs[b].items()} for b in backends}
    res["loadavg"] = os.getloadavg()
    print(json.dumps(res))
    return res


#: later work on the same code, measured after the table above (dated, newest last)
FOLLOW_UPS = (
    "## 2026-12-01: the cascade's per-batch costs (issue 14), tags unchanged",
    "",
    "- Where `crf+nn`'s time went before (`bench/profile_ner_parts.py`, 300 articles, "
    "medians of 3, load ~8; a part includes the parts it calls): first pass, one call per "
    "article: CRF emissions 40 % (new words' features and look-ups 29 %), network 42 % (new "
    "words 10 %, LSTM steps 19 %, the rest of its sentence pass 9 %, its gazetteer columns "
    "and look-ups 4 %), marginals 7 %, Viterbi of the runs 3 %, the rest (tag strings, "
    "`repair_bio`, runs) ~8 %. Warm, one call per article: network 55 % (LSTM 33 %, "
    "the rest of its sentence pass 15 %), CRF emissions 17 %, marginals 12 %, Viterbi 5 %, "
    "the rest ~11 %. With 8 articles per call: first pass CRF 49 % (new words 38 %), network 39 %; "
    "warm network 59 % (LSTM 31 %), CRF 23 %, marginals 8 %.",
    "- What changed, each step with tags identical and, where stated, bitwise identical "
    "numbers: (1) branch nerspeed2's three commits for new words' CRF features (`map()` "
    "look-ups with a zero row, affix strings from prefixes made once, cluster strings built "
    "once per cluster tuple), the cluster strings now kept by the `FeatureExtractor` "
    "(bounded, emptied by its `clear_cache`) instead of a module-level dict, and looked up "
    "in `word_parts` itself: same features for the 28,050 words of the 300 articles; "
    "(2) the cascade tags 256 sentences at a time instead of 64, so `rasd build`'s "
    "8-article calls (~110 sentences) make one CRF pass, one marginals pass, one network "
    "pass over all the unsure runs and one Viterbi; tag ids repaired and named in numpy "
    "(`nn_runtime.tag_names`, `repair_bio`'s rule, Hypothesis test); (3) "
    "`CrfTagger.emissions_packed` looks the word-pair features (`bg-1=`, `pc=`) up over all "
    "the sentences at once and the gazetteer only in the sentences where a name may start, "
    "each row's features summed in the same order (bitwise identical emissions); (4) "
    "`marginals_packed` writes each step's product into its rows and sums rows with "
    "`np.add.reduce` (bitwise identical); (5) `Gazetteer.labels_at`: the matches at the "
    "positions that have some, not a list per token, for the CRF and the network; (6) the "
    "network fills gazetteer columns only for the sentences where a name may start; (7) "
    "ids to arrays with `np.fromiter` (CRF and network emissions bitwise identical).",
    "- Tags: `bench/check_ner_identical.py --backends crf,nn,crf+nn,crf+nn-full` (dev split "
    "cold, warm and by 15, 1,200 articles with document consistency), references saved "
    "from 8f77166: 0 of 11,204 taggings differ; `bench/check_extract_identical.py`: the 5 "
    "seeds and 400 articles, 0 of 405 differ.",
    "- Speed, both versions in one process in turns (`git archive 8f77166 | tar -x -C "
    "/tmp/ner-base`; `bench_ner_speed.py --same-process "
    "crf,crf@before,nn,nn@before,crf+nn,crf+nn@before --before-path /tmp/ner-base --extract "
    "--runs 4`, medians of 4, tokens/s, load average 5.7 at the start, 4.4 at the end, "
    "6.2–7.0 over 5 minutes): `crf+nn` first pass one call per article 22,693 → 24,305 "
    "(1.07×; runs 22.3–23.6k → 22.5–28.7k), warm 35,715 → 40,894 (1.15×); 8 articles per "
    "call 25,770 → 34,918 (1.35×) first pass, 53,192 → 70,586 (1.33×) warm. `crf` 48,849 → "
    "50,623, 105,875 → 134,275, 54,348 → 62,025, 167,767 → 200,834; `nn` 26,817 → 27,015, "
    "31,227 → 33,095, 34,468 → 35,539, 44,690 → 46,217 (its code barely changed: within the "
    "noise). `extract_article` (default pipeline): 21.7 → 22.5 articles/s first pass, 28.4 "
    "→ 27.9 warm: no change measurable (the NER is a part of the pipeline's time).",
    "- Again at a lower load (`--same-process crf+nn,crf+nn@before --before-path "
    "/tmp/ner-base --runs 4`, load 2.3 at the start, 1.7 at the end): `crf+nn` 23,870 → "
    "26,526 first pass (1.11×), 43,400 → 45,686 warm (1.05×) one call per article; 33,666 "
    "→ 37,275 (1.11×) and 64,777 → 73,217 (1.13×) with 8 articles per call. So the gain is "
    "5–35 % by pass and run, ~10 % at low load. Shares after "
    "(`profile_ner_parts.py`, load ~3): warm, one call per article: network 55 % (LSTM "
    "34 %), CRF 16 %, marginals 14 %, Viterbi 5 %, tag names 1 %; first pass: CRF 40 % (new "
    "words 29 %), network 43 %.",
    "- Against issue 14's targets (≥ 40k first pass, ≥ 80k warm): not met. Medians 26.5k / "
    "45.7k one call per article and 37.3k / 73.2k with 8 articles per call (as `rasd "
    "build`); single runs reached 33k / 56k and 45k / 86k.",
    "- What is left: the LSTM steps (a third of the warm pass: per step a (2, n, 100) × "
    "(100, 400) product and tanh over (2, n, 500) values, compute more than call overhead "
    "once n > ~6), the network's input product (64k tokens × 144 × 800), the marginals' "
    "per-step calls, and new words' CRF features (~40 % of a first pass). Cutting further "
    "needs different numbers (float32 marginals, per-word cached input gates: 3.2 KB a "
    "word, or a faster tanh), which `check_ner_identical` would have to show harmless.",
)


def markdown(before: dict, after: dict) -> str:
    """The results page."""

    def row(label: str, key: str, backend: str) -> str:
        b = before["backends"][backend][key]
        a = after["backends"][backend][key]
        return f"| `{backend}` | {label} | {b:,.0f} | {a:,.0f} | {a / b:.2f}× |"

    rows = [row(label, key, backend) for backend in BACKENDS for label, key in PASSES]
    ex = [
        (
            "first pass (a fresh process's caches)",
            before["extract_first_articles_per_s"],
            after["extract_first_articles_per_s"],
        ),
        ("warm", before["extract_warm_articles_per_s"], after["extract_warm_articles_per_s"]),
    ]
    return "\n".join(
        [
            "# NER tagging and extraction speed, before and after the NER cascade",
            "",
            "Generated by `bench/bench_ner_speed.py`; do not edit by hand.",
            "",
            "```sh",
            f"git archive {BEFORE_REV} | tar -x -C /tmp/ner-base  # the code before the change",
            "PYTHONPATH=$PWD .venv/bin/python bench/bench_ner_speed.py \\",
            "    --before-path /tmp/ner-base --report",
            "```",
            "",
            f"- {after['articles']} SaudiNewsNet articles ({after['tokens']:,} tokens), taken "
            "evenly from every zip of the corpus; sentences and tokens as the pipeline's "
            "`ner-tags` component makes them.",
            "- One `tag_many` call per article, or 8 articles per call (as `rasd build`'s "
            "batches), caches kept across calls. *First pass*: caches emptied before the "
            "articles; *warm*: the same articles again.",
            f"- CPU time of one thread (`time.process_time`, BLAS limited to one thread), "
            f"medians of {after['runs']} runs, before and after measured in turn (a fresh "
            "process each). The machine was shared with other jobs "
            "(load average "
            f"{' '.join(f'{x:.2f}' for x in before['loadavg'])} before, "
            f"{' '.join(f'{x:.2f}' for x in after['loadavg'])} after), which makes CPU "
            "time longer too: compare the two columns, taken the same way, more than the "
            "absolute numbers.",
            *TAGS_NOTE,
            "",
            "## NER, tokens/s",
            "",
            "| backend | pass | before | after | speed-up |",
            "| --- | --- | ---: | ---: | ---: |",
            *rows,
            "",
            "## `extract_article` (default pipeline, `crf+nn`), articles/s",
            "",
            "| pass | before | after | speed-up |",
            "| --- | ---: | ---: | ---: |",
            *(f"| {label} | {b:,.1f} | {a:,.1f} | {a / b:.2f}× |" for label, b, a in ex),
            "",
            *CHANGES,
            "",
            f"Machine: {after['machine']}.",
            "",
            *FOLLOW_UPS,
            "",
        ]
    )


def interleaved(before_path: str, pairs: int, n: int, corpus: str, out_dir: Path) -> None:
    """Measure the code at ``before_path`` and this checkout in turn, ``pairs`` times, each in
    a fresh process with one run, so that both see the same load on a shared machine; the
    medians of the runs go to ``ner_speed_before.json`` and ``ner_speed_after.json``."""
    import subprocess
    import tempfile

    here_root = str(HERE.parent)
    results: dict[str, list[dict]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(pairs):
            for label, path in (("before", before_path), ("after", here_root)):
                env = {**os.environ, "PYTHONPATH": path}
                cmd = [sys.executable, __file__, "--label", f"{label}{k}", "--runs", "1"]
                cmd += ["--n", str(n), "--corpus", corpus, "--out-dir", tmp]
                subprocess.run(cmd, env=env, check=True)
                results[label].append(
                    json.loads((Path(tmp) / f"ner_speed_{label}{k}.json").read_text())
                )
    for label, runs in results.items():
        merged = dict(runs[-1])
        merged["runs"] = len(runs)
        for key in ("extract_first_articles_per_s", "extract_warm_articles_per_s"):
            merged[key] = statistics.median(r[key] for r in runs)
        merged["backends"] = {}
        for backend in BACKENDS:
            merged["backends"][backend] = {
                key: statistics.median(r["backends"][backend][key] for r in runs)
                for key in KEYS
                if all(key in r["backends"][backend] for r in runs)
            }
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"ner_speed_{label}.json").write_text(json.dumps(merged, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", default="after")
    ap.add_argument("--n", type=int, default=300, help="articles")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", default=str(SHARED / "corpora" / "saudinewsnet"))
    ap.add_argument("--out-dir", default=str(HERE / "out"))
    ap.add_argument("--report", action="store_true", help="write bench/ner_speed_results.md")
    ap.add_argument("--no-measure", action="store_true", help="only write the report")
    ap.add_argument(
        "--same-process",
        metavar="BACKENDS",
        help="instead: these backends (comma-separated) of this checkout in turns in one "
        "process, --runs rounds (e.g. crf,crf+nn-full,crf+nn; crf+nn:LIST runs the networks "
        "of the network list LIST, e.g. crf+nn:bench/out/nets3.tsv)",
    )
    ap.add_argument(
        "--before-path",
        help="measure the code at this path (PYTHONPATH) and this checkout in turn, "
        "--runs times each, one fresh process per run; with --same-process: the code of "
        f"the backends named NAME{BEFORE} (e.g. crf+nn,crf+nn{BEFORE}), in the same process",
    )
    ap.add_argument(
        "--extract",
        action="store_true",
        help="with --same-process: extract_article articles/s too (and of --before-path)",
    )
    args = ap.parse_args(argv)
    out_dir = Path(args.out_dir)
    if args.same_process:
        backends = tuple(args.same_process.split(","))
        same_process(args.n, args.runs, args.corpus, backends, args.before_path, args.extract)
        return 0
    if args.before_path:
        interleaved(args.before_path, args.runs, args.n, args.corpus, out_dir)
    elif not args.no_measure:
        res = measure(args.n, args.runs, args.corpus)
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"ner_speed_{args.label}.json").write_text(json.dumps(res, indent=1))
    if args.report:
        before = json.loads((out_dir / "ner_speed_before.json").read_text())
        after = json.loads((out_dir / "ner_speed_after.json").read_text())
        (HERE / "ner_speed_results.md").write_text(markdown(before, after), encoding="utf-8")
        print("wrote", HERE / "ner_speed_results.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
