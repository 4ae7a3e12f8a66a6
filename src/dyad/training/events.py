"""``dyad train events``: build the event model from our annotations and the gold sets.

Every training text is cleaned, parsed and its actors coded by the pipeline's own
stages; the rules then find their candidates and ``events_features`` the sites and
their features, exactly as at run time. Sites are labelled from the source (see
``sources``), two softmax layers are fitted (type, and mode within the type), and the
model is written as JSON (``dyad/data/models/events.json``). Settings live in
``dyad/data/models/training.yaml``. The same inputs give the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.evaluation.event_data import TrainingDoc, our_documents
from dyad.knowledge.events import EventLexicon
from dyad.knowledge.files import data_path, read_yaml
from dyad.records import RawDocument
from dyad.stages.events_features import Site, features, find_sites
from dyad.stages.events_model import FORMAT, NONE, load_event_model
from dyad.stages.events_parties import build_cast
from dyad.stages.events_triggers import find_candidates
from dyad.training import sources
from dyad.training.args import train_args
from dyad.training.softmax import Example, fit
from dyad.training.tune import Part, choose_thresholds, fold_of
from dyad.training.walk import Walked, walk

ARGS_FILE = "args.json"  # the argument model, written beside the event model

if TYPE_CHECKING:
    from dyad.resources import Resources


# a site, its features, and the raw spans that label it (trigger, and its light verb)
Row = tuple[Site, list[str], tuple[tuple[int, int], ...]]


@dataclass
class Collected:
    """Examples for the two layers, and how well the sites cover our gold triggers."""

    types: list[Example] = field(default_factory=list)
    modes: list[Example] = field(default_factory=list)
    gold_triggers: int = 0
    covered: int = 0
    covered_by_rules: int = 0
    docs: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def join(parts: Sequence[Collected]) -> Collected:
        """Return the examples of ``parts`` one after another (the order ``collect``
        gives when all their documents go through one call), their counts summed."""
        out = Collected()
        for part in parts:
            out.types += part.types
            out.modes += part.modes
            out.gold_triggers += part.gold_triggers
            out.covered += part.covered
            out.covered_by_rules += part.covered_by_rules
            out.docs.update(part.docs)
        return out


def load_config() -> dict[str, Any]:
    """Return the training settings (``data/models/training.yaml``)."""
    config: dict[str, Any] = read_yaml(data_path("models", "training.yaml"))
    return config


def public_docs(shared: Path, config: dict[str, Any]) -> list[sources.TrainDoc]:
    """Return the public sets' training documents, in a fixed order.

    Our own annotations are read by ``evaluation.event_data`` (``our_training``), the
    reader behind ``dyad eval`` too.
    """
    weights = config["weights"]
    return [
        *sources.read_plover_dev(shared, weights["plover_other"]),
        *sources.read_case2021(shared, _lists(config["case2021"])),
        *sources.read_conflibert(shared, _lists(config["conflibert"])),
        *sources.read_ngec(shared, int(config["ngec_per_title"])),
    ]


def _lists(mapping: dict[str, Any]) -> dict[str, list[str]]:
    return {str(k): list(v) for k, v in mapping.items() if k != "__line__"}


def our_training(walked: Sequence[Walked]) -> list[sources.TrainDoc]:
    """Return our parsed train documents as gold ``TrainDoc`` records.

    Their gold spans are the cleaned-text spans of ``event_data``, so they line up with
    the parse without a mapping (``text`` is the cleaned text).
    """
    return [
        sources.TrainDoc(
            key=w.doc.doc_id,
            source="ours",
            text=w.doc.text,
            published=w.doc.raw.published,
            gold=tuple(
                sources.Gold(e.trigger.start, e.trigger.end, e.type, e.mode)
                for e in w.doc.events
            ),
        )
        for w in walked
    ]


def _rows(walked: Walked, lexicon: EventLexicon, raw: str | None) -> list[Row]:
    """Return the sites of a parsed text; spans in ``raw`` offsets when it is given."""
    from dyad.evaluation.annotated import OffsetMap

    parsed = walked.parsed
    cast = build_cast(parsed.doc, walked.actors, walked.mentions, lexicon)
    clean = parsed.article.text
    mapping = OffsetMap(raw, clean) if raw is not None and clean != raw else None
    rows = []
    for _, sent in walked.sentences():
        candidates = find_candidates(sent, lexicon, cast.by_token, cast.people)
        for site in find_sites(sent, candidates, cast, lexicon):
            # a noun under a light verb also matches a trigger on its verb only
            spans = [
                (t.idx, t.idx + len(t))
                for t in dict.fromkeys((site.trigger, site.anchor))
            ]
            if mapping is not None:
                spans = [mapping.span(*span) for span in spans]
            rows.append((site, features(site, cast, lexicon), tuple(spans)))
    return rows


def _sites(
    ours: Sequence[Walked], public: Sequence[sources.TrainDoc], resources: Resources
) -> Iterator[tuple[sources.TrainDoc, list[Row]]]:
    """Yield each document with its sites, their features and trigger spans."""
    lexicon = resources.event_lexicon
    for doc, walked in zip(our_training(ours), ours, strict=True):
        yield doc, _rows(walked, lexicon, None)
    raws = [
        TrainingDoc(
            source=d.source,
            doc_id=d.key,
            raw=RawDocument(text=d.text, doc_id=d.key, published=d.published),
            text=d.text,
            level="sentence",
        )
        for d in public
    ]
    for doc, walked in zip(public, walk(raws, resources), strict=True):
        yield doc, _rows(walked, lexicon, doc.text)


def collect(
    ours: Sequence[Walked],
    public: Sequence[sources.TrainDoc],
    resources: Resources,
    config: dict[str, Any],
) -> Collected:
    """Label every site of our parsed documents and the public ones; return examples."""
    weights = config["weights"]
    out = Collected()
    for doc, rows in _sites(ours, public, resources):
        out.docs[doc.source] += 1
        if doc.allowed is not None:
            _weak(doc, rows, out, float(weights["weak"]), float(weights["weak_none"]))
        else:
            _gold(
                doc,
                rows,
                out,
                float(weights["plover_event" if doc.source == "plover" else "ours"]),
            )
    return out


def _weak(
    doc: sources.TrainDoc,
    rows: list[Row],
    out: Collected,
    weight: float,
    none_weight: float,
) -> None:
    for site, feats, _ in rows:
        if not doc.allowed:
            out.types.append(Example(tuple(feats), NONE, none_weight, doc.source))
            continue
        rule = site.candidate.rule if site.candidate is not None else None
        if rule is not None and rule.type.value in doc.allowed:
            out.types.append(Example(tuple(feats), rule.type.value, weight, doc.source))
            out.modes.append(
                Example(
                    tuple(feats),
                    f"{rule.type.value}:{rule.mode or ''}",
                    weight,
                    doc.source,
                )
            )


def _gold(
    doc: sources.TrainDoc,
    rows: list[Row],
    out: Collected,
    weight: float,
) -> None:
    claimed: dict[int, int] = {}  # site row -> gold index
    for g, gold in enumerate(doc.gold):
        overlapping = [
            r
            for r, (_, _, spans) in enumerate(rows)
            if any(s < gold.end and gold.start < e for s, e in spans)
        ]
        if doc.source == "ours":
            out.gold_triggers += 1
            out.covered += bool(overlapping)
            out.covered_by_rules += any(
                rows[r][0].candidate is not None for r in overlapping
            )
        if overlapping:
            best = min(overlapping, key=lambda r: _preference(rows[r][0], gold.type))
            claimed.setdefault(best, g)
            claimed.update(
                {r: -1 for r in overlapping if r != best and r not in claimed}
            )
    for r, (_, feats, _) in enumerate(rows):
        if r not in claimed:
            if doc.exhaustive:
                out.types.append(
                    Example(tuple(feats), NONE, doc.other_weight, doc.source)
                )
        elif claimed[r] >= 0:
            gold = doc.gold[claimed[r]]
            out.types.append(Example(tuple(feats), gold.type, weight, doc.source))
            if doc.source == "ours":
                out.modes.append(
                    Example(
                        tuple(feats),
                        f"{gold.type}:{gold.mode or ''}",
                        weight,
                        doc.source,
                    )
                )


def _preference(site: Site, gold_type: str) -> tuple[int, int, int]:
    rule = site.candidate.rule if site.candidate is not None else None
    return (
        0 if rule is not None and rule.type.value == gold_type else 1,
        ("light", "verb", "noun").index(site.kind),
        site.trigger.i,
    )


def train(
    shared: Path, annotations: Path, resources: Resources, out_path: Path
) -> dict[str, Any]:
    """Train the model and write it to ``out_path``; return a summary for the user."""
    config = load_config()
    lexicon = resources.event_lexicon
    ours = list(walk(our_documents(shared, resources, folder=annotations), resources))
    dev = list(walk(our_documents(shared, resources, ["dev"], annotations), resources))
    public = collect([], public_docs(shared, config), resources, config)
    # each document's examples once: the full fit and every fold's fit join them
    each = [collect([w], [], resources, config) for w in ours]
    collected = Collected.join([*each, public])
    fit_args = {k: v for k, v in config["fit"].items() if k != "__line__"}
    types = fit(collected.types, **fit_args)
    modes = fit(collected.modes, **fit_args)
    parts = [Part(types, modes, dev)]
    parts += _out_of_fold(ours, each, public, config, fit_args)
    rule, new, tried = choose_thresholds(parts, lexicon, config)
    document = {
        "format": FORMAT,
        "rule_threshold": rule,
        "new_threshold": new,
        "trained_on": dict(sorted(collected.docs.items())),
        "examples": len(collected.types),
        "types": types.as_json(),
        "modes": modes.as_json(),
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(dumps(document), encoding="utf-8")
    model = load_event_model(out_path)
    args, args_summary = train_args(ours, dev, lexicon, model, config)
    out_path.with_name(ARGS_FILE).write_text(dumps(args), encoding="utf-8")
    return {
        "pooled strict F1 by (rule, new) threshold": tried,
        "event thresholds (dev + out-of-fold train)": (rule, new),
        **args_summary,
        "documents": dict(sorted(collected.docs.items())),
        "type examples": len(collected.types),
        "mode examples": len(collected.modes),
        "features": len(types.names),
        "gold triggers (ours)": collected.gold_triggers,
        "covered by a site": collected.covered,
        "covered by a rule candidate": collected.covered_by_rules,
        "labels": Counter(e.label for e in collected.types).most_common(),
    }


def _out_of_fold(
    ours: Sequence[Walked],
    each: Sequence[Collected],
    public: Collected,
    config: dict[str, Any],
    fit_args: dict[str, Any],
) -> list[Part]:
    """Return one validation part per fold of our train documents: the fold, and the two
    layers fitted on the public sets and the other folds (``thresholds.folds``; 0: none).
    ``each`` holds the examples of ``ours``, one document at a time."""
    folds = int(config["thresholds"].get("folds", 0))
    fold = [fold_of(w.doc.doc_id, folds) for w in ours] if folds else []
    parts = []
    for k in range(folds):
        held = [w for w, f in zip(ours, fold, strict=True) if f == k]
        rest = [c for c, f in zip(each, fold, strict=True) if f != k]
        training = Collected.join([*rest, public])
        parts.append(
            Part(fit(training.types, **fit_args), fit(training.modes, **fit_args), held)
        )
    return parts


def dumps(document: dict[str, Any]) -> str:
    """Return the model as JSON: sorted keys, one weight row per line, fixed integers."""
    lines = ["{"]
    keys = sorted(document)
    for n, key in enumerate(keys):
        value = document[key]
        comma = "," if n < len(keys) - 1 else ""
        if isinstance(value, dict) and "weights" in value:
            lines.append(f"{json.dumps(key)}: {{")
            inner = sorted(k for k in value if k != "weights")
            for k in inner:
                lines.append(f"  {json.dumps(k)}: {json.dumps(value[k])},")
            rows = value["weights"]
            lines.append('  "weights": {')
            names = sorted(rows)
            for i, name in enumerate(names):
                end = "," if i < len(names) - 1 else ""
                row = json.dumps(rows[name], separators=(",", ":"))
                lines.append(f"    {json.dumps(name)}: {row}{end}")
            lines.append("  }")
            lines.append("}" + comma)
        else:
            lines.append(
                f"{json.dumps(key)}: {json.dumps(value, sort_keys=True)}{comma}"
            )
    lines.append("}")
    return "\n".join(lines) + "\n"
