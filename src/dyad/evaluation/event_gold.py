"""Readers of the public event gold sets under ``shared/eval/gold/`` (see their READMEs).

Every set becomes a list of ``Item`` (one sentence, snippet or story). Each item falls in
a ``dev`` or ``held-out`` half by a hash of its key (``half_of``): the dev half may be
looked at and trained on, the held-out half only scored. ConfliBERT's train files and our
own train splits are for training; its test file is only scored.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.errors import DyadError
from dyad.knowledge.files import data_path, read_yaml

OLD_PLOVER_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
NONE = "NONE"  # the label of a sentence with no event
HALVES = ("dev", "held-out")
PATHS = {
    "plover-gsr": ("plover-gsr", "PLOVER_GSR_CAMEO.json"),
    "petr2-gsr": ("petr2-gsr", "PETR2_GSR_validation.derived.jsonl"),
    "petrarch2-unittest": ("petrarch2-unittest", "PETR.UnitTest.records.derived.jsonl"),
    "conflibert-test": ("conflibert-cameo", "cameo_class_test.tsv"),
    "conflibert-train": ("conflibert-cameo", "cameo_class_train.tsv"),
    "conflibert-ner-train": ("conflibert-cameo", "cameo_ner_train.txt"),
    "case2021": ("case2021-task2", "test_set_final_release_with_labels.tsv"),
    "ngec": ("ngec-synthetic", "gpt_synthetic_events_2023-10-19_19.csv.zip"),
}
_MARKUP = re.compile(r"\((SRC|TAR|SRC/TAR|EVT|LOC)[^:()]*: ([^()]*)\)")


def half_of(key: str) -> str:
    """Return the half (``dev`` or ``held-out``) a sentence id falls in, by hash."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest()
    return HALVES[digest[0] % 2]


def gold_path(shared: Path, name: str) -> Path:
    """Return the path of a public set's file (a key of ``PATHS``)."""
    return shared.joinpath("eval", "gold", *PATHS[name])


@dataclass(frozen=True, slots=True)
class Item:
    """One gold sentence (or snippet, or story): its text and what is expected of it.

    ``label`` is a PLOVER type, a quad class (``"0"`` to ``"4"``) or ``NONE``; ``triples``
    are (source, target, CAMEO code); ``sources``/``targets`` are actor codes;
    ``mode`` a PLOVER mode (lower case) when the set gives one; ``spans`` names marked-up
    words as (role, text) with role ``S``, ``T``, ``R`` (both sides) or ``EVT``.
    """

    key: str
    text: str
    label: str = NONE
    triples: tuple[tuple[str, str, str], ...] = ()
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    date: dt.date | None = None
    mode: str | None = None
    spans: tuple[tuple[str, str], ...] = ()


def _codes(value: object) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    return frozenset(
        str(v["code"])[:3] for v in value if isinstance(v, dict) and v.get("code")
    )


def _markup_spans(record: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    info = record.get("textInfo")
    markup = info.get("markup") if isinstance(info, dict) else None
    if not isinstance(markup, str):
        return ()
    roles = {"SRC": "S", "TAR": "T", "SRC/TAR": "R", "EVT": "EVT"}
    return tuple(
        (roles[m.group(1)], m.group(2).strip())
        for m in _MARKUP.finditer(markup)
        if m.group(1) in roles
    )


def read_plover_gsr(path: Path) -> list[Item]:
    """Read ``PLOVER_GSR_CAMEO.json`` (skipping its header record)."""
    items = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if "text" not in record:
            continue
        label = OLD_PLOVER_NAMES.get(record["event"], record["event"])
        items.append(
            Item(
                key=record["id"],
                text=record["text"],
                label=label,
                sources=_codes(record.get("source")),
                targets=_codes(record.get("target")),
                date=dt.date(2000, 1, 1),
                mode=str(record.get("mode") or "").split("-")[0] or None,
                spans=_markup_spans(record),
            )
        )
    return items


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None


def read_triples(path: Path) -> list[Item]:
    """Read a ``*.derived.jsonl`` file of sentences with expected CAMEO triples."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("error") or not record.get("text"):
            continue
        triples = tuple(
            (e["source"][:3], e["target"][:3], e["code"])
            for e in record["expected_events"]
        )
        items.append(
            Item(
                key=record["id"],
                text=record["text"],
                triples=triples,
                date=_date(record.get("date")),
            )
        )
    return items


def read_conflibert(path: Path, prefix: str = "conflibert-test") -> list[Item]:
    """Read ``cameo_class_*.tsv`` (sentence, quad label 0 to 4)."""
    items = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t")):
            if len(row) == 2 and row[1].strip().isdigit():
                items.append(
                    Item(key=f"{prefix}-{number}", text=row[0], label=row[1].strip())
                )
    return items


def read_conflibert_ner(path: Path) -> list[Item]:
    """Read ``cameo_ner_*.txt`` (CoNLL tokens, ``B-S``/``B-T``/``B-R`` spans).

    The text is the tokens joined by single blanks; ``spans`` lists each tagged phrase.
    """
    items: list[Item] = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag))
        elif tokens:
            items.append(_ner_item(f"conflibert-ner-{len(items)}", tokens))
            tokens = []
    return items


def _ner_item(key: str, tokens: list[tuple[str, str]]) -> Item:
    spans: list[tuple[str, list[str]]] = []
    for word, tag in tokens:
        if tag.startswith("B-") or (tag.startswith("I-") and not spans):
            spans.append((tag[2:], [word]))
        elif tag.startswith("I-") and spans[-1][0] == tag[2:]:
            spans[-1][1].append(word)
    text = " ".join(word for word, _ in tokens)
    return Item(key=key, text=text, spans=tuple((r, " ".join(w)) for r, w in spans))


@cache
def case2021_types() -> dict[str, str | None]:
    """Return CASE 2021 label → PLOVER type, ``NONE`` (no event) or None (not scored)."""
    table = read_yaml(data_path("eval", "case2021-plover.yaml"))
    if not isinstance(table, dict):
        raise DyadError("data/eval/case2021-plover.yaml: expected a mapping")
    return {
        str(k): (str(v) if v else None) for k, v in table.items() if k != "__line__"
    }


def read_case2021(path: Path) -> list[Item]:
    """Read the CASE 2021 task 2 snippets, labels mapped to PLOVER (unmapped ones left out)."""
    mapping = case2021_types()
    items = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            label = mapping.get(row["SubType"].strip())
            if label:
                items.append(
                    Item(
                        key=f"case2021-{row['id']}",
                        text=row["EventSnippet"],
                        label=label,
                    )
                )
    return items


def read_ngec(path: Path) -> Iterator[Item]:
    """Yield the synthetic NGEC stories: document-level PLOVER type and mode (weak labels)."""
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
            for number, row in enumerate(rows):
                label = OLD_PLOVER_NAMES.get(row["label"], row["label"])
                yield Item(
                    key=f"ngec-{number}",
                    text=row["text"],
                    label=label,
                    mode=(row.get("mode") or "").lower() or None,
                )


def has_real_actors(item: Item, names: Mapping[str, str]) -> bool:
    """Tell whether every expected code is a country named in the sentence."""
    codes = {c for triple in item.triples for c in triple[:2] if c}
    return bool(codes) and all(
        code in names and names[code].lower() in item.text.lower() for code in codes
    )


def country_names() -> dict[str, str]:
    """Return ISO alpha-3 → common short name (the first word is enough to match)."""
    import pycountry

    names = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        names[country.alpha_3] = name.split(",")[0].split(" (")[0]
    return names
