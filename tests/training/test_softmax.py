"""The numpy softmax trainer: it learns, and the same input gives the same bytes."""

from __future__ import annotations

import numpy as np

from dyad.training.events import dumps
from dyad.training.softmax import Example, fit

EXAMPLES = [
    Example(("l=berate", "subj=state"), "ACCUSE"),
    Example(("l=berate", "subj=person"), "ACCUSE"),
    Example(("l=export", "subj=state"), "NONE"),
    Example(("l=export", "subj=person"), "NONE", 0.5),
    Example(("l=meet", "subj=state"), "CONSULT"),
    Example(("l=meet", "obj=state"), "CONSULT"),
]


def _predict(fitted, features):  # type: ignore[no-untyped-def]
    rows = [fitted.names.index(f) for f in features if f in fitted.names]
    scores = fitted.bias + fitted.weights[rows].sum(axis=0)
    return fitted.labels[int(np.argmax(scores))]


def test_fit_separates_the_labels_it_was_given() -> None:
    fitted = fit(EXAMPLES, min_count=1, steps=200)
    assert _predict(fitted, ["l=berate", "subj=state"]) == "ACCUSE"
    assert _predict(fitted, ["l=export", "obj=state"]) == "NONE"
    assert _predict(fitted, ["l=meet", "subj=person"]) == "CONSULT"


def test_rare_features_are_dropped() -> None:
    fitted = fit(EXAMPLES, min_count=3, steps=10)
    assert fitted.names == ("subj=state",)  # the only feature seen three times


def test_training_twice_gives_identical_bytes() -> None:
    first = dumps({"types": fit(EXAMPLES, min_count=1, steps=50).as_json()})
    second = dumps({"types": fit(list(EXAMPLES), min_count=1, steps=50).as_json()})
    assert first == second
    assert '"l=berate": [' in first
