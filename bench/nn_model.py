"""Neural Arabic NER tagger: a character-aware BiLSTM-CRF over pretrained word vectors.

The model reads, for every token:

- the vector of the normalised word and of its stem (proclitics split, ال kept) from word2vec
  embeddings learned without labels on SaudiNewsNet (``bench/train_embeddings.py``), frozen so
  that names never seen in the labelled data keep their neighbours from unlabelled news;
- a character CNN over the normalised word (foreign names, spelling variants);
- a trainable vector for words seen at least twice in the labelled data (dropped at random
  while training, so that the network does not lean on it alone);
- the word shape, its proclitic/article pattern, its frequency and definite-article affinity in
  unlabelled news;
- matches in two name lists: the names of the labelled training portion (jackknifed while
  training) and a curated lexicon (CLDR's Arabic country, city and currency names and rasd's own
  entities, ``extract/models/ner_lexicon.tsv`` from ``bench/make_ner_lexicon.py``).

These word-level inputs are projected to one vector per word (computed once per distinct word
and cached by the tagger); a BiLSTM reads the sentence and a linear-chain CRF decodes BIO tags.

This module defines and trains the network with torch.  :func:`save_model` writes everything the
tagger needs to one file, ``extract/models/ner_nn.npz`` (numpy arrays, the pretrained vectors
int8-quantised), which :class:`extract.ner.nn_runtime.NnTagger` runs in numpy without torch.

Example::

    from rasd.extract.ner.nn_runtime import NnTagger
    tagger = NnTagger.load()       # the shipped model
    tagger.tag(["قال", "الرئيس", "الفرنسي", "فرانسوا", "هولاند"])
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from rasd.extract.ner.features import Gazetteer
from rasd.extract.ner.nn_runtime import (
    DEFAULT_NN_FILE,
    GAZ_LABELS,
    ID_COLUMNS,
    MAX_CHARS,
    N_GAZ,
    NET_ARRAYS,
    PAD,
    TAGS,
    UNK,
    Encoder,
    NnTagger,
    NumpyNet,
    char_matrix,
    load_lexicon,
    viterbi_batch,
    word_ids,
)

__all__ = [
    "DEFAULT_NN_FILE",
    "GAZ_LABELS",
    "MAX_CHARS",
    "N_GAZ",
    "TAGS",
    "BiLstmCrf",
    "Encoder",
    "NnTagger",
    "char_matrix",
    "load_lexicon",
    "numpy_net",
    "pretrain_language_model",
    "save_model",
    "torch_tagger",
    "train_epochs",
    "viterbi_batch",
    "word_ids",
]


# -- token encoding -----------------------------------------------------------------------------
@dataclass
class Batch:
    """Padded tensors for a batch of sentences (B sentences, T longest length)."""

    ids: torch.Tensor  # (B, T, 7): word, stem, shape, clitic, fq, alr, trained-word ids
    gaz: torch.Tensor  # (B, T, N_GAZ)
    uniq_chars: torch.Tensor  # (U, MAX_CHARS) characters of the distinct tokens
    uniq_index: torch.Tensor  # (B, T) index into uniq_chars
    lengths: torch.Tensor  # (B,)
    mask: torch.Tensor  # (B, T) bool


def make_batch(encoded: Sequence[Sequence[tuple]], gaz: Sequence[np.ndarray]) -> Batch:
    """Pad encoded sentences (from :meth:`Encoder.encode`) into a :class:`Batch`."""
    b = len(encoded)
    t = max(len(s) for s in encoded)
    ids = np.zeros((b, t, len(ID_COLUMNS)), dtype=np.int64)
    gz = np.zeros((b, t, N_GAZ), dtype=np.float32)
    uniq: dict[tuple[int, ...], int] = {}
    uidx = np.zeros((b, t), dtype=np.int64)
    for i, sent in enumerate(encoded):
        n = len(sent)
        if n:
            ids[i, :n] = word_ids(sent)
            gz[i, :n] = gaz[i]
        for j, e in enumerate(sent):
            key = tuple(e[2])
            k = uniq.get(key)
            if k is None:
                k = uniq[key] = len(uniq)
            uidx[i, j] = k
    chars = np.zeros((max(len(uniq), 1), MAX_CHARS), dtype=np.int64)
    for key, k in uniq.items():
        chars[k, : len(key)] = key
    lengths = np.array([len(s) for s in encoded], dtype=np.int64)
    mask = np.arange(t)[None, :] < lengths[:, None]
    return Batch(
        ids=torch.from_numpy(ids),
        gaz=torch.from_numpy(gz),
        uniq_chars=torch.from_numpy(chars),
        uniq_index=torch.from_numpy(uidx),
        lengths=torch.from_numpy(lengths),
        mask=torch.from_numpy(mask),
    )


# -- network --------------------------------------------------------------------------------------
class BiLstmCrf(nn.Module):
    """Character-CNN + frozen word vectors → per-word projection → BiLSTM → linear-chain CRF.

    Everything before the BiLSTM except the gazetteer columns depends on the word alone, so a
    tagger computes a word's projected vector (:meth:`word_vectors`) once and reuses it.
    """

    def __init__(
        self,
        vectors: torch.Tensor,
        n_chars: int,
        n_shapes: int,
        n_clitics: int,
        n_fq: int = 32,
        n_alr: int = 32,
        n_tags: int = len(TAGS),
        char_dim: int = 32,
        char_filters: int = 64,
        hidden: int = 100,
        proj: int = 128,
        dropout: float = 0.5,
        n_train_words: int = 2,
        train_dim: int = 0,
        word_dropout: float = 0.0,
    ) -> None:
        super().__init__()
        self.word_dropout = word_dropout
        # trainable vectors of the words of the labelled data (0 dims: not used)
        self.train_emb = (
            nn.Embedding(n_train_words, train_dim, padding_idx=PAD) if train_dim else None
        )
        d = vectors.shape[1]
        self.vectors = nn.Embedding.from_pretrained(vectors.float(), freeze=True, padding_idx=PAD)
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=PAD)
        self.char_cnn = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        self.shape_emb = nn.Embedding(n_shapes, 8)
        self.clitic_emb = nn.Embedding(n_clitics, 8)
        self.fq_emb = nn.Embedding(n_fq, 8)
        self.alr_emb = nn.Embedding(n_alr, 8)
        self.drop = nn.Dropout(dropout)
        self.proj = nn.Linear(2 * d + char_filters + 4 * 8 + train_dim, proj)
        self.lstm = nn.LSTM(proj + N_GAZ, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_tags)
        self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))  # from → to
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))

    def char_vectors(self, chars: torch.Tensor) -> torch.Tensor:
        """Character-CNN vectors (U, char_filters) of character-id rows ``chars`` (U, L)."""
        ch = torch.relu(self.char_cnn(self.char_emb(chars).transpose(1, 2)))  # (U, F, L)
        return ch.masked_fill((chars == PAD)[:, None, :], 0.0).amax(dim=2)

    def word_vectors(self, ids: torch.Tensor, char_vecs: torch.Tensor) -> torch.Tensor:
        """Projected vectors (..., proj) of words from their ids and character vectors.

        ``ids`` (..., 7): word, stem, shape, clitic, fq, alr and trained-word ids, as the
        columns :func:`make_batch` packs.
        """
        parts = []
        if self.train_emb is not None:
            tids = ids[..., 6]
            if self.training and self.word_dropout > 0:
                drop = torch.rand(tids.shape) < self.word_dropout
                tids = torch.where(drop & (tids > PAD), torch.full_like(tids, UNK), tids)
            parts.append(self.train_emb(tids))
        x = torch.cat(
            [
                *parts,
                self.vectors(ids[..., 0]),
                self.vectors(ids[..., 1]),
                char_vecs,
                self.shape_emb(ids[..., 2]),
                self.clitic_emb(ids[..., 3]),
                self.fq_emb(ids[..., 4]),
                self.alr_emb(ids[..., 5]),
            ],
            dim=-1,
        )
        return torch.tanh(self.proj(self.drop(x)))

    def contextual(
        self,
        words: torch.Tensor,
        gaz: torch.Tensor,
        lengths: torch.Tensor,
        sorted_desc: bool = False,
    ) -> torch.Tensor:
        """Tag scores (B, T, n_tags) from word vectors (B, T, proj) and gazetteer columns.

        ``sorted_desc``: the sentences come longest first (saves two permutations).
        """
        x = self.drop(torch.cat([words, gaz], dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(
            x, lengths, batch_first=True, enforce_sorted=sorted_desc
        )
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))

    def emissions(self, batch: Batch) -> torch.Tensor:
        """Per-token tag scores, shape (B, T, n_tags)."""
        ch = self.char_vectors(batch.uniq_chars)[batch.uniq_index]
        return self.contextual(self.word_vectors(batch.ids, ch), batch.gaz, batch.lengths)

    def nll(self, batch: Batch, tags: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood of the gold ``tags`` (B, T) under the CRF."""
        em = self.emissions(batch)
        mask = batch.mask
        b, t, _ = em.shape
        ar = torch.arange(b)
        # score of the gold path
        maskf = mask.float()
        em_gold = em.gather(2, tags[:, :, None])[:, :, 0]  # (B, T)
        trans_gold = self.trans[tags[:, :-1], tags[:, 1:]]  # (B, T-1)
        gold = (
            self.start[tags[:, 0]]
            + (em_gold * maskf).sum(dim=1)
            + (trans_gold * maskf[:, 1:]).sum(dim=1)
            + self.end[tags[ar, batch.lengths - 1]]
        )
        # partition function (forward algorithm)
        alpha = self.start[None, :] + em[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], dim=1) + em[:, i]
            alpha = torch.where(mask[:, i, None], nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end[None, :], dim=1)
        return (log_z - gold).mean()


# -- the tagger -----------------------------------------------------------------------------------
def quantize(vectors: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """int8 rows with one float16 scale per row (for shipping the pretrained vectors small)."""
    scale = vectors.abs().amax(dim=1).clamp_min(1e-8) / 127.0
    q = torch.round(vectors / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return q, scale.half()


def _join(items: Sequence[str]) -> str:
    """Strings as one newline-separated string: ``torch.load(weights_only=True)`` reads one
    long string far faster than a list of 100,000 short ones."""
    bad = [x for x in items if "\n" in x]
    if bad:
        raise ValueError(f"vocabulary items may not contain a newline: {bad[:3]}")
    return "\n".join(items)


def _gaz_rows(gaz: Gazetteer | None) -> list[list[str]]:
    if gaz is None:
        return []
    return [[" ".join(k), ",".join(sorted(v))] for k, v in sorted(gaz.entries.items())]


def _ordered(vocab: Mapping[str, int]) -> list[str]:
    return sorted(vocab, key=vocab.__getitem__)


def numpy_net(model: BiLstmCrf) -> NumpyNet:
    """The network's weights as float32 numpy arrays, for the torch-free tagger."""
    sd = {k: v.detach().float().numpy().copy() for k, v in model.state_dict().items()}
    return NumpyNet(
        vectors=sd["vectors.weight"],
        char_emb=sd["char_emb.weight"],
        conv_w=sd["char_cnn.weight"],
        conv_b=sd["char_cnn.bias"],
        shape_emb=sd["shape_emb.weight"],
        clitic_emb=sd["clitic_emb.weight"],
        fq_emb=sd["fq_emb.weight"],
        alr_emb=sd["alr_emb.weight"],
        train_emb=sd.get("train_emb.weight"),
        proj_w=sd["proj.weight"],
        proj_b=sd["proj.bias"],
        lstm_ih_f=sd["lstm.weight_ih_l0"],
        lstm_hh_f=sd["lstm.weight_hh_l0"],
        lstm_b_f=sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
        lstm_ih_r=sd["lstm.weight_ih_l0_reverse"],
        lstm_hh_r=sd["lstm.weight_hh_l0_reverse"],
        lstm_b_r=sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
        out_w=sd["out.weight"],
        out_b=sd["out.bias"],
        trans=sd["trans"],
        start=sd["start"],
        end=sd["end"],
    )


def torch_tagger(model: BiLstmCrf, encoder: Encoder) -> NnTagger:
    """A tagger running ``model`` (for example while training) through its numpy weights."""
    model.eval()
    return NnTagger(numpy_net(model), encoder)


def save_model(model: BiLstmCrf, encoder: Encoder, path: str | Path) -> None:
    """Write the model file the tagger loads (:func:`extract.ner.nn_runtime.load_model`): one
    ``.npz`` of arrays (no pickles), the word vectors int8 with a float16 scale per row."""
    net = numpy_net(model)
    q, scale = quantize(model.vectors.weight.detach())
    arrays: dict[str, np.ndarray] = {
        "format": np.array(3),
        "vectors_q": q.numpy(),
        "vectors_scale": scale.numpy(),
        "fq": np.asarray(encoder.fq, dtype=np.int16),
        "alr": np.asarray(encoder.alr, dtype=np.int16),
    }
    for key, vocab in (
        ("words", encoder.words),
        ("chars", encoder.chars),
        ("shapes", encoder.shapes),
        ("clitics", encoder.clitics),
        ("train_words", encoder.train_words),
    ):
        arrays[key] = _utf8(_join(_ordered(vocab)))
    for key, gaz in (("gazetteer", encoder.gazetteer), ("lexicon", encoder.lexicon)):
        arrays[key] = _utf8(_join(["\t".join(row) for row in _gaz_rows(gaz)]))
    for key in NET_ARRAYS:
        arrays[key] = getattr(net, key)
    if net.train_emb is not None:
        arrays["train_emb"] = net.train_emb
    with open(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)


def _utf8(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


# -- training -------------------------------------------------------------------------------------
def small_vocab(items: Sequence[str], min_count: int = 1) -> dict[str, int]:
    """A vocabulary with ids 0 (padding) and 1 (unknown) reserved, in first-seen order."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it] = counts.get(it, 0) + 1
    out = {"<pad>": PAD, "<unk>": UNK}
    for it, c in counts.items():
        if c >= min_count and it not in out:
            out[it] = len(out)
    return out


def train_epochs(
    model: BiLstmCrf,
    data: Sequence[tuple[list[tuple], np.ndarray, list[int]]],
    epochs: int,
    lr: float = 1e-3,
    batch_size: int = 16,
    seed: int = 13,
    on_epoch: Callable[[int, float], None] | None = None,
) -> None:
    """Train ``model`` on (encoded sentence, gazetteer matrix, tag ids) triples with Adam.

    ``on_epoch(epoch, mean_loss)`` is called after every epoch (e.g. to score a validation set
    and keep the best weights).
    """
    rng = random.Random(seed)
    torch.manual_seed(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    # batches of sentences of similar length (less padding), in a new order every epoch
    by_len = sorted(range(len(data)), key=lambda i: (len(data[i][0]), i))
    chunks = [by_len[k : k + batch_size] for k in range(0, len(by_len), batch_size)]
    for epoch in range(1, epochs + 1):
        model.train()
        rng.shuffle(chunks)
        total = 0.0
        for idx in chunks:
            batch = make_batch([data[i][0] for i in idx], [data[i][1] for i in idx])
            t = batch.ids.shape[1]
            tags = torch.zeros((len(idx), t), dtype=torch.long)
            for r, i in enumerate(idx):
                tags[r, : len(data[i][2])] = torch.tensor(data[i][2])
            loss = model.nll(batch, tags)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += float(loss.detach()) * len(idx)
        if on_epoch is not None:
            on_epoch(epoch, total / max(len(data), 1))
    model.eval()


def bucket(value: float, base: float = 2.0, cap: int = 31) -> int:
    """Log bucket id in 1..cap for a positive count (0 is reserved for unknown)."""
    return max(1, min(cap, 1 + int(math.log(max(value, 1.0), base))))


def pretrain_language_model(
    model: BiLstmCrf,
    encoder: Encoder,
    sentences: Sequence[Sequence[str]],
    lr: float = 1e-3,
    batch_size: int = 64,
    n_negatives: int = 1024,
    candidate_pool: int = 30_000,
    seed: int = 13,
    log_every: int = 200,
    logger: logging.Logger | None = None,
) -> None:
    """Pretrain the word layers and the BiLSTM of ``model`` as a language model on unlabelled
    sentences (raw tokens): the forward LSTM state at each word predicts
    the next word and the backward state the previous one, by a softmax over the true words of
    the batch and ``n_negatives`` words drawn from the ``candidate_pool`` most frequent ones,
    scored against their frozen pretrained vectors.  The NER training then starts from these
    weights (the CRF and output layer are not touched).
    """
    rng = random.Random(seed)
    torch.manual_seed(seed)
    hidden = model.lstm.hidden_size
    dims = model.vectors.weight.shape[1]
    head_f = nn.Linear(hidden, dims)
    head_b = nn.Linear(hidden, dims)
    scale = nn.Parameter(torch.tensor(10.0))
    params = [p for p in model.parameters() if p.requires_grad]
    params += [*head_f.parameters(), *head_b.parameters(), scale]
    opt = torch.optim.Adam(params, lr=lr)
    by_len = sorted(range(len(sentences)), key=lambda i: (len(sentences[i]), i))
    chunks = [by_len[k : k + batch_size] for k in range(0, len(by_len), batch_size)]
    rng.shuffle(chunks)
    table = model.vectors.weight
    n_vocab = min(candidate_pool, table.shape[0])
    model.train()
    for step, idx in enumerate(chunks, 1):
        encoded = [[encoder.encode(t) for t in sentences[i]] for i in idx]
        batch = make_batch(encoded, [encoder.gazetteer_matrix(e) for e in encoded])
        ch = model.char_vectors(batch.uniq_chars)[batch.uniq_index]
        x = model.drop(torch.cat([model.word_vectors(batch.ids, ch), batch.gaz], dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(
            x, batch.lengths, batch_first=True, enforce_sorted=False
        )
        h, _ = model.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        h = model.drop(h)
        words = batch.ids[..., 0]
        mask = batch.mask
        # forward state at i → word i+1; backward state at i → word i-1
        pf, tf = h[:, :-1, :hidden], words[:, 1:]
        mf = mask[:, 1:] & (tf > UNK)
        pb, tb = h[:, 1:, hidden:], words[:, :-1]
        mb = mask[:, 1:] & (tb > UNK)
        preds = torch.cat([head_f(pf[mf]), head_b(pb[mb])])
        targets = torch.cat([tf[mf], tb[mb]])
        if not len(targets):
            continue
        negatives = torch.randint(2, n_vocab, (n_negatives,))
        cands, inverse = torch.unique(torch.cat([targets, negatives]), return_inverse=True)
        logits = scale * (preds @ table[cands].T)
        loss = nn.functional.cross_entropy(logits, inverse[: len(targets)])
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        if logger is not None and step % log_every == 0:
            logger.info("LM step %d/%d loss %.3f", step, len(chunks), float(loss.detach()))
    model.eval()
