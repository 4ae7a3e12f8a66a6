"""A small scorer for choosing the event model's features and thresholds on our dev split.

``python -m dyad.training.measure FILE [--rules-only]`` runs the pipeline over the
documents of one annotation file and prints strict (type + actor codes + recipient
codes in the same sentence) and type-only precision, recall and F1, and recall per
type. The events suite (``dyad eval --suite events``) is the reference; this exists so
that the model can be tuned on the dev split without the test split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from dyad.records import ArticleResult, RawDocument

Key = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _codes(side: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(sorted({str(a["code"])[:3] for a in side if a.get("code")}))


def gold_keys(row: dict[str, Any]) -> list[tuple[int, Key]]:
    """Return (sentence start, key) for every annotated event of a document."""
    return [
        (
            e["sentence"]["start"],
            (row["id"], e["type"], _codes(e["actor"]), _codes(e["recipient"])),
        )
        for e in row.get("events", [])
    ]


def system_keys(
    row: dict[str, Any], raw: str, result: ArticleResult
) -> list[tuple[int, Key]]:
    """Return (gold sentence start or -1 - sentence index, key) for every system event."""
    from dyad.evaluation.annotated import OffsetMap

    sentences = sorted(
        {(e["sentence"]["start"], e["sentence"]["end"]) for e in row["events"]}
    )
    mapping = OffsetMap(raw, result.article.text)
    codes = {a.actor_id: a.code for a in result.actors}
    keys = []
    for event in result.events:
        start, _ = mapping.span(event.trigger_start, event.trigger_end)
        where = next(
            (s for s, e in sentences if s <= start < e), -1 - event.sentence_index
        )
        actors = tuple(
            sorted({c[:3] for c in (codes.get(a) for a in event.actor_ids) if c})
        )
        recipients = tuple(
            sorted({c[:3] for c in (codes.get(a) for a in event.recipient_ids) if c})
        )
        keys.append((where, (row["id"], event.type.value, actors, recipients)))
    return keys


def _match(gold: Sequence[tuple[int, Any]], system: Sequence[tuple[int, Any]]) -> int:
    left = Counter(gold)
    hits = 0
    for item in system:
        if left[item] > 0:
            left[item] -= 1
            hits += 1
    return hits


def score(
    rows: Sequence[dict[str, Any]],
    texts: dict[str, str],
    results: dict[str, ArticleResult],
) -> str:
    """Return the report for ``rows`` (annotated documents) and the system's results."""
    strict_g: list[tuple[int, Key]] = []
    strict_s: list[tuple[int, Key]] = []
    type_g: list[tuple[int, tuple[str, str]]] = []
    type_s: list[tuple[int, tuple[str, str]]] = []
    for row in rows:
        result = results.get(row["id"])
        if result is None:
            continue
        gold = gold_keys(row)
        system = system_keys(row, texts[row["id"]], result)
        strict_g += gold
        strict_s += system
        type_g += [(w, k[:2]) for w, k in gold]
        type_s += [(w, k[:2]) for w, k in system]
    lines = []
    pairs: list[tuple[str, Sequence[tuple[int, Any]], Sequence[tuple[int, Any]]]] = [
        ("strict", strict_g, strict_s),
        ("type", type_g, type_s),
    ]
    for name, g, s in pairs:
        tp = _match(g, s)
        p = tp / len(s) if s else 0.0
        r = tp / len(g) if g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(
            f"{name:7} gold {len(g):5} sys {len(s):5}  P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )
    for label in sorted({k[1] for _, k in type_g}):
        gl = [x for x in type_g if x[1][1] == label]
        sl = [x for x in type_s if x[1][1] == label]
        tp = _match(gl, sl)
        lines.append(
            f"  {label:10} gold {len(gl):4} sys {len(sl):4}  "
            f"P {tp / len(sl) if sl else 0:.2f} R {tp / len(gl) if gl else 0:.2f}"
        )
    return "\n".join(lines)


def main() -> None:  # pragma: no cover - a tool run by hand
    """Score the pipeline on one annotation file (see the module docstring)."""
    import datetime as dt
    import json

    from dyad.pipeline import run_many
    from dyad.records import ArticleFailure
    from dyad.resources import Resources
    from dyad.settings import Settings
    from dyad.training.sources import corpus_texts

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    rows = [
        json.loads(line)
        for line in args.file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    records = corpus_texts(args.shared, {r["id"] for r in rows})
    texts = {k: v["text"] for k, v in records.items()}
    resources = Resources(replace(Settings(), event_model=not args.rules_only))
    if args.model is not None:
        from dyad.stages.events_model import load_event_model

        resources.__dict__["event_model"] = load_event_model(args.model)
    raws = [
        RawDocument(
            text=texts[r["id"]],
            doc_id=r["id"],
            published=dt.date.fromisoformat(r["published"])
            if r.get("published")
            else None,
        )
        for r in rows
        if r["id"] in texts
    ]
    results = {
        r.article.article_id: r
        for r in run_many(raws, resources)
        if not isinstance(r, ArticleFailure)
    }
    sys.stdout.write(score(rows, texts, results) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()
