"""Compare the shipped NER backends on the ANERcorp dev split: scores with and without
document consistency, and speed on one thread.

Writes ``bench/ner_backends_results.md`` (and the numbers as JSON in ``bench/out/``).  The dev
split is the one ``bench/train_ner.py`` and ``bench/train_nn_ner.py`` hold out (the last 10%
of the CAMeL Lab ANERcorp train file); nothing here trains or tunes on it.

ANERcorp has no document boundaries, so document consistency
(:func:`extract.ner.consistency.propagate`) is scored with windows of sentences.  Window 7 is
the one reported because ANERcorp's 316 articles hold about 15 sentences each, so ±7 sentences
is about one article (all windows were seen while exploring; ±15 scores a little higher).

    .venv/bin/python bench/eval_ner_backends.py            # ~5 min
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_ner import DEFAULT_DATA, scores_markdown, split_dev  # noqa: E402
from train_nn_ner import corpus_sentences, time_tagger  # noqa: E402

from rasd.extract.ner import evaluate, load_tagger, read_conll  # noqa: E402
from rasd.extract.ner.consistency import propagate  # noqa: E402

BACKENDS = ("crf", "nn", "crf+nn", "crf+nn-full")
REPORTED_WINDOW = 7


def _f1(report) -> str:
    return f"{100 * report.micro.f1:.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "saudinewsnet"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stream-tokens", type=int, default=150_000)
    ap.add_argument("--windows", default="3,7,15", help="document windows to score")
    ap.add_argument("--report", default=str(ROOT / "bench" / "ner_backends_results.md"))
    ap.add_argument("--json", default=str(ROOT / "bench" / "out" / "ner_backends.json"))
    args = ap.parse_args(argv)

    _train, dev = split_dev(read_conll(args.data))
    tokens = [[w for w, _ in s] for s in dev]
    gold = [[t for _, t in s] for s in dev]
    windows = [int(w) for w in args.windows.split(",") if w]
    if REPORTED_WINDOW not in windows:
        windows.append(REPORTED_WINDOW)
    stream = corpus_sentences(args.corpus, args.stream_tokens)
    results: dict[str, dict] = {}
    reports = {}
    for backend in BACKENDS:
        tagger = load_tagger(backend)
        pred = tagger.tag_many(tokens)
        base = evaluate(gold, pred)
        by_window = {w: evaluate(gold, propagate(tokens, pred, window=w)) for w in windows}
        reports[backend] = (base, by_window[REPORTED_WINDOW])
        speed = time_tagger(tagger, tokens, stream, args.runs)
        results[backend] = {
            "dev": base.as_dict(),
            "dev_by_window": {str(w): r.as_dict() for w, r in by_window.items()},
            "speed": speed,
        }
        print(backend, _f1(base), {w: _f1(r) for w, r in by_window.items()}, flush=True)
    # the cost of the consistency step itself, on the stream's CRF tags
    stream_tags = load_tagger("crf").tag_many(stream)
    n_stream = sum(len(s) for s in stream)
    rates = []
    for _ in range(args.runs):
        t0 = time.process_time()
        propagate(stream, stream_tags, window=REPORTED_WINDOW)
        rates.append(n_stream / max(time.process_time() - t0, 1e-9))
    info = {
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "loadavg": os.getloadavg(),
        "dev_sentences": len(dev),
        "dev_tokens": sum(len(s) for s in tokens),
        "stream_tokens": n_stream,
        "propagate_cpu_tokens_per_s": statistics.median(rates),
        "runs": args.runs,
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(
        json.dumps({"info": info, "results": results}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    Path(args.report).write_text(_markdown(results, reports, windows, info), encoding="utf-8")
    print("wrote", args.report)
    return 0


def _markdown(results: dict, reports: dict, windows: list[int], info: dict) -> str:
    ws = sorted(windows)
    head = "| backend | sentence alone | " + " | ".join(f"window ±{w}" for w in ws) + " |"
    rows = []
    for backend, res in results.items():
        cells = [f"{100 * res['dev']['micro']['f1']:.2f}"]
        for w in ws:
            f1 = 100 * res["dev_by_window"][str(w)]["micro"]["f1"]
            cells.append(f"**{f1:.2f}**" if w == REPORTED_WINDOW else f"{f1:.2f}")
        rows.append(f"| `{backend}` | " + " | ".join(cells) + " |")
    speed_rows = []
    for backend, res in results.items():
        s = res["speed"]
        speed_rows.append(
            f"| `{backend}` | {s['stream_cpu_median']:,.0f} | {s['warm_cpu_median']:,.0f} | "
            f"{s['cold_cpu_median']:,.0f} |"
        )
    best = reports["crf+nn"][1]
    return "\n".join(
        [
            "# Arabic NER backends compared — dev results",
            "",
            "Generated by `bench/eval_ner_backends.py`; do not edit by hand.",
            "",
            "```sh",
            ".venv/bin/python bench/eval_ner_backends.py",
            "# or one at a time, on a CoNLL file of the dev split:",
            "rasd eval-ner dev.conll --backend crf+nn --doc-window 7",
            "```",
            "",
            f"- Dev: the last 10% of the CAMeL Lab ANERcorp train file, {info['dev_sentences']} "
            f"sentences ({info['dev_tokens']} tokens), held out from all training. The standard "
            "test split was not used.",
            "- `crf`: the CRF; `nn`: the BiLSTM-CRF; `crf+nn-full`: their potentials summed 1:1 "
            "and decoded together (weights not tuned on dev); `crf+nn` (the default): the same "
            "with the network run only around the tokens the CRF is unsure of (the cascade of "
            "`extract/ner/ensemble.py`; its settings were checked on this dev split three times, "
            "`bench/ner_speed_results.md`).",
            "- Window ±k: document consistency (a name tagged in one sentence is tagged where it "
            f"recurs within k sentences). ±{REPORTED_WINDOW} (bold) is the one reported: "
            "ANERcorp's articles hold about 15 sentences. `rasd build` applies it over each "
            "whole article.",
            "",
            "## Micro-F1 (conlleval, exact spans)",
            "",
            head,
            "| --- | ---: | " + " | ".join("---:" for _ in ws) + " |",
            *rows,
            "",
            f"### `crf+nn` with window ±{REPORTED_WINDOW}",
            "",
            *scores_markdown(best)[2:],
            "",
            f"## Speed (tokens/s, CPU time of one thread, median of {info['runs']} runs)",
            "",
            f"| backend | first pass over {info['stream_tokens']:,} tokens of SaudiNewsNet | "
            "dev, caches warm | dev, every word new |",
            "| --- | ---: | ---: | ---: |",
            *speed_rows,
            "",
            f"Document consistency itself: {info['propagate_cpu_tokens_per_s']:,.0f} tokens/s "
            f"(window ±{REPORTED_WINDOW}, on the CRF's tags of the same news).",
            "",
            f"Machine: {info['machine']}; load average "
            f"{' '.join(f'{x:.2f}' for x in info['loadavg'])}.",
            "",
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
