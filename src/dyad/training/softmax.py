"""A small, deterministic trainer for multinomial logistic regression on sparse features.

Examples are lists of feature strings with a label and a weight. Training is full-batch
Adam on the weighted mean cross-entropy plus an L2 penalty, for a fixed number of
steps from zero weights: no randomness, no threads, every sum taken in a fixed order
(``np.add.reduceat`` over rows sorted once), so the same examples give the same
weights. The result is written with integer weights (units of ``1/SCALE``) and sorted
keys, so the same weights give the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SCALE = 10_000

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Example:
    """One training site: its features, its label, and how much it counts."""

    features: tuple[str, ...]
    label: str
    weight: float = 1.0
    source: str = ""  # where the example came from (for summaries only)


@dataclass(frozen=True, slots=True)
class Fitted:
    """A trained layer: labels, feature names and weights (rounded to ``1/SCALE``)."""

    labels: tuple[str, ...]
    names: tuple[str, ...]
    weights: npt.NDArray[np.int64]  # features x labels
    bias: npt.NDArray[np.int64]

    def as_json(self) -> dict[str, object]:
        return {
            "labels": list(self.labels),
            "scale": SCALE,
            "bias": [int(b) for b in self.bias],
            "weights": {
                name: [int(w) for w in row]
                for name, row in zip(self.names, self.weights, strict=True)
            },
        }


def fit(
    examples: Sequence[Example],
    *,
    min_count: int = 2,
    l2: float = 1e-4,
    steps: int = 300,
    rate: float = 0.05,
    labels: Sequence[str] = (),
) -> Fitted:
    """Train on ``examples``; features seen in fewer than ``min_count`` are dropped.

    The layer's labels are those of the examples plus ``labels`` (sorted).
    """
    counts = Counter(f for e in examples for f in set(e.features))
    names = tuple(sorted(f for f, n in counts.items() if n >= min_count))
    labels = tuple(sorted({e.label for e in examples} | set(labels)))
    column = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, example in enumerate(examples):
        for f in sorted(set(example.features)):
            if f in column:
                rows.append(r)
                cols.append(column[f])
    n, k, d = len(examples), len(labels), len(names)
    row_ids = np.array(rows, dtype=np.int64)
    col_ids = np.array(cols, dtype=np.int64)
    target = np.zeros((k, n))
    target[[labels.index(e.label) for e in examples], np.arange(n)] = 1.0
    weight = np.array([e.weight for e in examples]) / max(
        sum(e.weight for e in examples), 1e-12
    )
    w, b = np.zeros((k, d)), np.zeros(k)  # one row of weights per label
    state = _Adam((k, d), k)
    for step in range(1, steps + 1):
        scores = _per_label(w, col_ids, row_ids, n) + b[:, None]
        scores -= scores.max(axis=0)
        prob = np.exp(scores)
        prob /= prob.sum(axis=0)
        error = (prob - target) * weight
        grad_w = _per_label(error, row_ids, col_ids, d) + l2 * w
        state.step(w, b, grad_w, error.sum(axis=1), rate, step)
    return Fitted(
        labels=labels,
        names=names,
        weights=np.rint(w.T * SCALE).astype(np.int64),
        bias=np.rint(b * SCALE).astype(np.int64),
    )


def _per_label(
    values: Matrix,
    source: npt.NDArray[np.int64],
    target: npt.NDArray[np.int64],
    size: int,
) -> Matrix:
    """Sum ``values[:, source]`` into ``size`` bins by ``target``, label by label.

    ``np.bincount`` adds in input order, so the sums are the same on every run.
    """
    out = np.zeros((values.shape[0], size))
    if len(source):
        for j in range(values.shape[0]):
            out[j] = np.bincount(target, weights=values[j][source], minlength=size)
    return out


class _Adam:
    """Adam moments for one weight matrix and its bias."""

    def __init__(self, shape: tuple[int, int], k: int) -> None:
        self.m_w, self.v_w = np.zeros(shape), np.zeros(shape)
        self.m_b, self.v_b = np.zeros(k), np.zeros(k)

    def step(
        self, w: Matrix, b: Matrix, grad_w: Matrix, grad_b: Matrix, rate: float, t: int
    ) -> None:
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        pairs = ((w, grad_w, self.m_w, self.v_w), (b, grad_b, self.m_b, self.v_b))
        for param, grad, m, v in pairs:
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            m_hat = m / (1 - beta1**t)
            v_hat = v / (1 - beta2**t)
            param -= rate * m_hat / (np.sqrt(v_hat) + eps)
