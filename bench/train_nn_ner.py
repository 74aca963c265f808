"""Train the neural NER tagger (BiLSTM-CRF) on ANERcorp and measure it on the dev split.

Usage (from the repository root; ``../shared`` beside it; the ``train`` extra installed)::

    .venv/bin/python bench/train_embeddings.py      # once: word2vec on SaudiNewsNet (~15 min)
    .venv/bin/python bench/train_nn_ner.py          # train, score dev, time, write the report

Splits: dev is the last 10% of the sentences of the ANERcorp train file (as for the CRF,
``bench/train_ner.py``); the network is trained on the first 90%, of which the last
``--val-fraction`` is held out to choose the epoch (dev is only scored at the end).
Writes ``extract/models/ner_nn.npz`` and ``bench/nn_ner_results.md``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.nn_model import (  # noqa: E402
    DEFAULT_NN_FILE,
    TAGS,
    BiLstmCrf,
    Encoder,
    NnTagger,
    bucket,
    load_lexicon,
    pretrain_language_model,
    save_model,
    small_vocab,
    torch_tagger,
    train_epochs,
)
from bench.train_ner import scores_markdown, split_dev  # noqa: E402
from rasd.extract.ner.conll import NerReport, evaluate, format_report, read_conll  # noqa: E402
from rasd.extract.ner.crf import (  # noqa: E402
    _gazetteer_from_counts,
    build_gazetteer,
    jackknife_gazetteer_labels,
    load_gazetteer,
)
from rasd.extract.ner.features import normalize, split_clitics, word_shape  # noqa: E402
from rasd.extract.ner.nn_runtime import load_model  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
LEXICON = ROOT / "extract" / "models" / "ner_lexicon.tsv"
ALR_IDS = {"-": 1, "0": 2, "1": 3, "2": 4, "3": 5, "4": 6}

log = logging.getLogger("train_nn_ner")


def build_vocab(kv, train_sents: list, top: int) -> tuple[dict[str, int], np.ndarray, list, list]:
    """Vocabulary of the shipped vectors: the ``top`` most frequent corpus words, plus every
    training word (and stem) the corpus knows.  Returns (words, vectors, fq, alr)."""
    counts = {w: kv.get_vecattr(w, "count") for w in kv.index_to_key}
    keep = list(kv.index_to_key[:top])
    seen = set(keep)
    corpus_vocab = kv.key_to_index
    for sent in train_sents:
        for tok, _ in sent:
            norm = normalize(tok)
            _, stem, art = split_clitics(norm, corpus_vocab)
            for w in (norm, "ال" + stem if art else stem, stem):
                if w in corpus_vocab and w not in seen:
                    seen.add(w)
                    keep.append(w)
    words = {"<pad>": 0, "<unk>": 1}
    for w in keep:
        words[w] = len(words)
    vecs = np.zeros((len(words), kv.vector_size), dtype=np.float32)
    for w, i in words.items():
        if i > 1:
            vecs[i] = kv[w]
    vecs[2:] /= np.linalg.norm(vecs[2:], axis=1, keepdims=True) + 1e-9
    fq = [0, 0]
    alr = [0, 0]
    for w in keep:
        fq.append(bucket(counts[w]))
        base = w[2:] if w.startswith("ال") and len(w) > 3 else w
        with_al = counts.get("ال" + base, 0)
        total = with_al + counts.get(base, 0)
        alr.append(ALR_IDS[str(min(4, int(5 * with_al / total))) if total >= 5 else "-"])
    return words, vecs, fq, alr


def vocab_from_model(path: str | Path) -> tuple[dict[str, int], np.ndarray, list, list]:
    """(words, vectors, fq, alr) of an earlier model file, in place of :func:`build_vocab`.

    The file keeps the vocabulary :func:`build_vocab` chose with its frequency buckets, and the
    vectors int8-quantised; these are de-quantised and normalised again (as ``build_vocab``
    leaves them), so a model can be retrained without the word2vec file.
    """
    net, enc = load_model(path)
    vecs = net.vectors.astype(np.float32).copy()
    vecs[:2] = 0.0
    vecs[2:] /= np.linalg.norm(vecs[2:], axis=1, keepdims=True) + 1e-9
    return dict(enc.words), vecs, list(enc.fq), list(enc.alr)


def state_from_model(path: str | Path, vectors: np.ndarray) -> dict[str, torch.Tensor]:
    """The weights of an earlier model file as a :class:`BiLstmCrf` state dict (to start a
    training from them; ``vectors``: the word vectors to put in, from :func:`vocab_from_model`).

    The file sums each LSTM direction's two biases; the sum goes to the input bias and the
    hidden bias starts at zero, which gives the same network.
    """
    net, _ = load_model(path)
    t = {
        k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32))
        for k, v in vars(net).items()
        if v is not None
    }
    state = {
        "vectors.weight": torch.from_numpy(vectors),
        "char_emb.weight": t["char_emb"],
        "char_cnn.weight": t["conv_w"],
        "char_cnn.bias": t["conv_b"],
        "shape_emb.weight": t["shape_emb"],
        "clitic_emb.weight": t["clitic_emb"],
        "fq_emb.weight": t["fq_emb"],
        "alr_emb.weight": t["alr_emb"],
        "proj.weight": t["proj_w"],
        "proj.bias": t["proj_b"],
        "out.weight": t["out_w"],
        "out.bias": t["out_b"],
        "trans": t["trans"],
        "start": t["start"],
        "end": t["end"],
    }
    if "train_emb" in t:
        state["train_emb.weight"] = t["train_emb"]
    for suffix, d in (("", "f"), ("_reverse", "r")):
        state[f"lstm.weight_ih_l0{suffix}"] = t[f"lstm_ih_{d}"]
        state[f"lstm.weight_hh_l0{suffix}"] = t[f"lstm_hh_{d}"]
        state[f"lstm.bias_ih_l0{suffix}"] = t[f"lstm_b_{d}"]
        state[f"lstm.bias_hh_l0{suffix}"] = torch.zeros_like(t[f"lstm_b_{d}"])
    return state


def encode_split(enc: Encoder, sents: list, gaz_labels: list | None) -> list:
    """(encoded tokens, gazetteer matrix, tag ids) per sentence."""
    tag_id = {t: i for i, t in enumerate(TAGS)}
    out = []
    for k, sent in enumerate(sents):
        e = [enc.encode(t) for t, _ in sent]
        g = enc.gazetteer_matrix(e, gaz_labels[k] if gaz_labels is not None else None)
        out.append((e, g, [tag_id.get(t, 0) for _, t in sent]))
    return out


def score(tagger: NnTagger, sents: list) -> NerReport:
    """conlleval report of ``tagger`` on labelled sentences."""
    pred = tagger.tag_many([[t for t, _ in s] for s in sents])
    return evaluate([[t for _, t in s] for s in sents], pred)


def corpus_sentences(corpus: str | Path, n_tokens: int) -> list[list[str]]:
    """The first ``n_tokens`` tokens of SaudiNewsNet as sentences (cut at . ! ? ؟, max 80)."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    from rasd.extract.ner.clusters import iter_saudinewsnet

    out: list[list[str]] = []
    total = 0
    for text in iter_saudinewsnet(corpus):
        cur: list[str] = []
        for tok in simple_word_tokenize(text):
            cur.append(tok)
            if tok in {".", "!", "?", "؟"} or len(cur) >= 80:
                out.append(cur)
                total += len(cur)
                cur = []
        if cur:
            out.append(cur)
            total += len(cur)
        if total >= n_tokens:
            break
    return out


def _rate(tagger: NnTagger, sents: list[list[str]], clear: bool) -> tuple[float, float]:
    if clear:
        tagger.clear_cache()
    n_tok = sum(len(s) for s in sents)
    t0, c0 = time.perf_counter(), time.process_time()
    tagger.tag_many(sents)
    t1, c1 = time.perf_counter(), time.process_time()
    return n_tok / (t1 - t0), n_tok / max(c1 - c0, 1e-9)


def time_tagger(
    tagger: NnTagger, sents: list[list[str]], stream: list[list[str]], runs: int
) -> dict:
    """Tokens/s of ``tag_many`` on one thread (``torch.set_num_threads(1)``), medians of ``runs``.

    - ``cold``: dev with every cache emptied first (every word new: the worst case);
    - ``warm``: dev again with the caches kept (a long-running process);
    - ``stream``: a first pass, caches emptied, over ``stream`` (unseen SaudiNewsNet news),
      where words repeat as they do in real text.
    Wall clock (``perf_counter``) and this process's CPU time (``process_time``).
    """
    res: dict[str, list[float]] = {}
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        for _ in range(runs):
            for kind, data, clear in (
                ("cold", sents, True),
                ("warm", sents, False),
                ("stream", stream, True),
            ):
                wall, cpu = _rate(tagger, data, clear)
                res.setdefault(kind, []).append(wall)
                res.setdefault(kind + "_cpu", []).append(cpu)
    finally:
        torch.set_num_threads(threads)
    out: dict = {
        "tokens": sum(len(s) for s in sents),
        "stream_tokens": sum(len(s) for s in stream),
        "runs": runs,
    }
    for k, v in res.items():
        out[k + "_median"] = statistics.median(v)
        out[k + "_runs"] = [round(x) for x in v]
    return out


def markdown(report: NerReport, speed: dict, info: dict) -> str:
    """The results page ``bench/nn_ner_results.md``."""
    hist = info.get("history") or []
    curve = ", ".join(f"{h['epoch']}: {h['val_f1']}" for h in hist)
    speed_rows = []
    for kind, label in (
        ("cold", "dev, every cache emptied (every word new)"),
        ("warm", "dev, caches kept (long-running process)"),
        ("stream", f"first pass over {speed['stream_tokens']:,} tokens of SaudiNewsNet"),
    ):
        speed_rows.append(
            f"| {label} | {speed[kind + '_median']:,.0f} | {speed[kind + '_cpu_median']:,.0f} |"
        )
    return "\n".join(
        [
            "# Arabic NER (BiLSTM-CRF, `--backend nn`) — dev results",
            "",
            "Generated by `bench/train_nn_ner.py`; do not edit by hand.",
            "",
            "## Reproduce",
            "",
            "```sh",
            "# from the repository root; ../shared beside it; pip install -e .[train]",
            ".venv/bin/python bench/train_embeddings.py   # word2vec on SaudiNewsNet (~9 min)",
            ".venv/bin/python bench/make_ner_lexicon.py   # CLDR + rasd lexicon names",
            f".venv/bin/python bench/train_nn_ner.py {info['args']}".rstrip(),
            "```",
            "",
            f"- Data: ANERcorp (CAMeL Lab train file): {info['n_train']} training sentences "
            f"({info['train_tokens']} tokens), of which the last {info['n_val']} choose the epoch; "
            f"dev = the last 10% of the file, {info['n_dev']} sentences ({info['dev_tokens']} "
            "tokens), scored once at the end. The standard test split was not used.",
            (
                f"- Training: {info['train_seconds']:.0f} s on {info['machine']}; best epoch "
                f"{info.get('best_epoch')} (validation F1 {info.get('val_f1')})."
                + (
                    " Scores and speed re-measured on that model with `--no-train`."
                    if info.get("retimed")
                    else ""
                )
                if info["trained"]
                else f"- Scores and speed re-measured with `--no-train`; {info['machine']}."
            ),
            *(
                [
                    f"- Started from the weights of `{info['init_from']}` ({info['init_note']})."
                    if info.get("init_note")
                    else f"- Started from the weights of `{info['init_from']}`."
                ]
                if info.get("init_from")
                else []
            ),
            f"- Model file: `extract/models/ner_nn.npz`, {info['model_bytes'] / 1e6:.1f} MB "
            f"(trained with torch {info['torch']}; tagging runs in numpy).",
            "",
            *scores_markdown(report),
            "",
            f"## Speed (one thread, model loaded once, median of {speed['runs']} runs)",
            "",
            "| input | wall tokens/s | CPU tokens/s |",
            "| --- | ---: | ---: |",
            *speed_rows,
            "",
            f"Runs (wall): cold {speed['cold_runs']}; warm {speed['warm_runs']}; "
            f"stream {speed['stream_runs']}. Load average while timing: "
            f"{' '.join(f'{x:.2f}' for x in info['loadavg'])}.",
            "",
            "## Validation curve (epoch: micro-F1 on the held-out end of the training portion)",
            "",
            curve or "(not trained in this run)",
            "",
        ]
    )


def _previous_training(path: Path, model_bytes: int) -> dict | None:
    """Training facts from an earlier results JSON, if it was written for a model of this size."""
    if not path.exists():
        return None
    old = json.loads(path.read_text(encoding="utf-8")).get("info", {})
    if not old.get("trained") or old.get("model_bytes") != model_bytes:
        return None
    keys = ("args", "best_epoch", "val_f1", "history", "train_seconds", "init_from", "init_note")
    return {k: old[k] for k in keys if k in old}


def main(argv: list[str] | None = None) -> int:
    """Train (unless --no-train), score dev, time; return an exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--vectors", default=str(ROOT / "bench" / "out" / "w2v.kv"))
    ap.add_argument("--out", default=str(DEFAULT_NN_FILE))
    ap.add_argument("--vocab-top", type=int, default=60_000)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--proj", type=int, default=128, help="per-word vector size")
    ap.add_argument("--train-dim", type=int, default=50, help="trainable word vector size")
    ap.add_argument("--word-dropout", type=float, default=0.1)
    ap.add_argument("--no-lexicon", action="store_true", help="without the curated lexicon")
    ap.add_argument(
        "--vocab-from",
        default=None,
        help="take the vocabulary, vectors and frequency buckets from this model file "
        "instead of --vectors (e.g. extract/models/ner_nn.npz)",
    )
    ap.add_argument(
        "--init-from",
        default=None,
        help="start from the weights and vocabularies of this model file (e.g. the shipped "
        "extract/models/ner_nn.npz; implies --vocab-from it); epoch 0 = that model as it is",
    )
    ap.add_argument(
        "--init-note",
        default=None,
        help="where the --init-from model came from, for the report (e.g. its git commit)",
    )
    ap.add_argument(
        "--silver",
        default=None,
        help="CoNLL file of silver sentences (bench/make_silver_ner.py) added to the training "
        "sentences; their gazetteer input is matched with the names of all gold sentences",
    )
    ap.add_argument(
        "--names",
        default=None,
        help="a typed name list (TSV name/type/count, bench/ner_names.tsv) added to the "
        "lexicon input",
    )
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--val-fraction", type=float, default=0.08)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--runs", type=int, default=7, help="timing runs (median reported)")
    ap.add_argument("--threads", type=int, default=2, help="torch threads while training")
    ap.add_argument("--report", default=str(ROOT / "bench" / "nn_ner_results.md"))
    ap.add_argument("--json", default=str(ROOT / "bench" / "out" / "nn_ner_results.json"))
    ap.add_argument("--no-train", action="store_true", help="score and time the saved model")
    ap.add_argument(
        "--no-dev",
        action="store_true",
        help="train and save only: do not score or time on dev (the JSON keeps the training "
        "info: chosen epoch and validation F1 by epoch)",
    )
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "saudinewsnet"))
    ap.add_argument("--stream-tokens", type=int, default=150_000)
    ap.add_argument(
        "--pretrain-tokens",
        type=int,
        default=0,
        help="pretrain the network as a language model on this many SaudiNewsNet tokens "
        "(taken after the speed-test sample)",
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    torch.set_num_threads(args.threads)

    sentences = read_conll(args.data)
    train, dev = split_dev(sentences, 0.1)
    fit, val = split_dev(train, args.val_fraction)
    info = {
        "args": " ".join(a for a in (argv if argv is not None else sys.argv[1:])),
        "n_train": len(train),
        "n_fit": len(fit),
        "n_val": len(val),
        "n_dev": len(dev),
        "train_tokens": sum(len(s) for s in train),
        "dev_tokens": sum(len(s) for s in dev),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "torch": torch.__version__,
    }
    t_train = None
    if not args.no_train:
        t0 = time.perf_counter()
        if args.init_from:
            args.vocab_from = args.init_from
            info.update(init_from=args.init_from, init_note=args.init_note)
        if args.vocab_from:
            words, vecs, fq, alr = vocab_from_model(args.vocab_from)
        else:
            from gensim.models import KeyedVectors

            kv = KeyedVectors.load(args.vectors)
            words, vecs, fq, alr = build_vocab(kv, train, args.vocab_top)
            del kv
        log.info("vocabulary: %d words x %d dims", len(words), vecs.shape[1])
        norms = [normalize(t) for s in train for t, _ in s]
        chars = small_vocab([c for n in norms for c in n], min_count=2)
        shapes = small_vocab([word_shape(t) for s in train for t, _ in s], min_count=2)
        clitics = small_vocab(
            [p + ("+ال" if a else "") for p, _, a in (split_clitics(n, words) for n in norms)]
        )
        train_words = small_vocab([normalize(t) for s in fit for t, _ in s], min_count=2)
        if args.init_from:  # the start model's own vocabularies, so its weights fit
            start_enc = load_model(args.init_from)[1]
            chars, shapes = start_enc.chars, start_enc.shapes
            clitics, train_words = start_enc.clitics, start_enc.train_words
        lexicon = None if args.no_lexicon else load_lexicon(LEXICON)
        if args.names:
            names = load_gazetteer(args.names)
            if lexicon is None:
                lexicon = names
            else:
                for key, types in names.entries.items():
                    lexicon.add(key, types)
            log.info("lexicon input: %d names with %s", len(lexicon), args.names)
        enc = Encoder(
            words=words,
            fq=fq,
            alr=alr,
            chars=chars,
            shapes=shapes,
            clitics=clitics,
            lexicon=lexicon,
            train_words=train_words if args.train_dim else {},
        )
        # gazetteer features: jackknifed on the data the network learns from
        fit_gaz = jackknife_gazetteer_labels(fit, enc)
        fit_data = encode_split(enc, fit, fit_gaz)
        enc.set_gazetteer(_gazetteer_from_counts(build_gazetteer(fit)))
        if args.silver:
            silver = read_conll(args.silver)
            fit_data += encode_split(enc, silver, None)
            info["silver_sentences"] = len(silver)
            info["silver_tokens"] = sum(len(s) for s in silver)
            log.info("silver: %d sentences from %s", len(silver), args.silver)
        model = BiLstmCrf(
            torch.from_numpy(vecs),
            n_chars=len(chars),
            n_shapes=len(shapes),
            n_clitics=len(clitics),
            hidden=args.hidden,
            proj=args.proj,
            n_train_words=max(len(enc.train_words), 2),
            train_dim=args.train_dim,
            word_dropout=args.word_dropout,
        )
        if args.init_from:
            model.load_state_dict(state_from_model(args.init_from, vecs))
        if args.pretrain_tokens:
            t_lm = time.perf_counter()
            sents = corpus_sentences(args.corpus, args.stream_tokens + args.pretrain_tokens)
            n_skip, skipped = 0, 0
            while skipped < args.stream_tokens and n_skip < len(sents):
                skipped += len(sents[n_skip])
                n_skip += 1
            sents = [s for s in sents[n_skip:] if len(s) >= 3]
            log.info("LM pretraining on %d sentences", len(sents))
            pretrain_language_model(model, enc, sents, logger=log)
            info["pretrain_seconds"] = time.perf_counter() - t_lm
            info["pretrain_tokens"] = sum(len(s) for s in sents)
        best = {"f1": -1.0, "epoch": 0, "state": None}
        history = []

        def on_epoch(epoch: int, loss: float) -> None:
            rep = score(torch_tagger(model, enc), val)
            model.train()
            f1 = rep.micro.f1
            history.append({"epoch": epoch, "loss": round(loss, 4), "val_f1": round(100 * f1, 2)})
            log.info("epoch %d loss %.3f val F1 %.2f", epoch, loss, 100 * f1)
            if f1 > best["f1"]:
                best.update(
                    f1=f1,
                    epoch=epoch,
                    state={k: v.detach().clone() for k, v in model.state_dict().items()},
                )

        if args.init_from:  # the start model's score, logged (it is not a candidate epoch)
            start_f1 = score(torch_tagger(model, enc), val).micro.f1
            model.train()
            log.info("start model: val F1 %.2f", 100 * start_f1)
            info["start_val_f1"] = round(100 * start_f1, 2)
        train_epochs(
            model,
            fit_data,
            args.epochs,
            lr=args.lr,
            batch_size=args.batch_size,
            seed=args.seed,
            on_epoch=on_epoch,
        )
        model.load_state_dict(best["state"])
        # the shipped gazetteer: names of the whole 90% training portion
        enc.set_gazetteer(_gazetteer_from_counts(build_gazetteer(train)))
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        save_model(model, enc, args.out)
        t_train = time.perf_counter() - t0
        info.update(best_epoch=best["epoch"], val_f1=round(100 * best["f1"], 2), history=history)
        log.info("best epoch %d (val F1 %.2f); saved %s", best["epoch"], 100 * best["f1"], args.out)
    if args.no_dev:
        info.update(trained=t_train is not None, train_seconds=t_train, loadavg=os.getloadavg())
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"info": info}, indent=1), encoding="utf-8")
        return 0
    tagger = NnTagger.load(args.out)
    report = score(tagger, dev)
    print(format_report(report))
    stream = corpus_sentences(args.corpus, args.stream_tokens)
    speed = time_tagger(tagger, [[t for t, _ in s] for s in dev], stream, args.runs)
    print(json.dumps({k: v for k, v in speed.items() if k.endswith("median")}, indent=1))
    info.update(
        trained=t_train is not None,
        train_seconds=t_train,
        model_bytes=Path(args.out).stat().st_size,
        loadavg=os.getloadavg(),
    )
    if t_train is None:  # keep what the run that trained this model file measured
        previous = _previous_training(Path(args.json), info["model_bytes"])
        if previous:
            info.update(previous, trained=True, retimed=True)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(
        json.dumps({"info": info, "dev": report.as_dict(), "speed": speed}, indent=1),
        encoding="utf-8",
    )
    if args.report:
        Path(args.report).write_text(markdown(report, speed, info), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
