"""Training documents for the event model from the public gold sets.

Our own annotations are read by ``dyad.evaluation.event_data`` (the reader behind
``dyad eval`` too); this module reads the public sets. Every source becomes ``TrainDoc``
records: a raw text, and either gold trigger spans (raw offsets, with type and mode)
that label every site of the text, or a set of PLOVER types a weak, whole-text label
allows. The PLOVER GSR and CASE 2021 give only their ``dev`` half (the held-out half
is for measuring). Inputs are read in a fixed order so that training sees the same examples
every time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.evaluation.event_gold import OLD_PLOVER_NAMES, half_of

_MARK = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC)[^:()]*: ([^()]*)\)")


@dataclass(frozen=True, slots=True)
class Gold:
    """An annotated trigger: raw offsets, PLOVER type and mode."""

    start: int
    end: int
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class TrainDoc:
    """One training text with its labels.

    ``gold`` labels sites that overlap a trigger; with ``exhaustive`` every other site is
    "no event" (at weight ``other_weight``). ``allowed`` is a weak label: sites the rules
    typed with one of these types count as that type, and an empty tuple means no site
    is an event. ``allowed`` is None for gold documents.
    """

    key: str
    source: str
    text: str
    published: dt.date | None
    gold: tuple[Gold, ...] = ()
    exhaustive: bool = True
    other_weight: float = 1.0
    allowed: tuple[str, ...] | None = None


def read_plover_dev(shared: Path, other_weight: float) -> list[TrainDoc]:
    """Read the dev half of the PLOVER GSR; the first ``(EVT: …)`` span is the trigger."""
    path = shared / "eval" / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    docs = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if "text" not in record or half_of(record["id"]) != "dev":
            continue
        info = record.get("textInfo")
        markup = str(info.get("markup", "")) if isinstance(info, dict) else ""
        if not markup and isinstance(info, str):
            markup = info
        first = next((m for m in _MARK.finditer(markup) if m.group(1) == "EVT"), None)
        text = record["text"]
        if first is None:
            continue
        words = first.group(2).strip()
        start = text.find(words)
        if start < 0:
            continue
        label = OLD_PLOVER_NAMES.get(record["event"], record["event"])
        docs.append(
            TrainDoc(
                key=record["id"],
                source="plover",
                text=text,
                published=dt.date(2000, 1, 1),
                gold=(Gold(start, start + len(words), label, None),),
                other_weight=other_weight,
            )
        )
    return docs


def read_case2021(shared: Path, mapping: Mapping[str, Sequence[str]]) -> list[TrainDoc]:
    """Read CASE 2021 task 2 snippets whose ACLED sub-event type ``mapping`` knows.

    Only the dev half (``half_of`` of the key ``dyad eval`` uses): the held-out half
    measures the model.
    """
    path = (
        shared
        / "eval"
        / "gold"
        / "case2021-task2"
        / "test_set_final_release_with_labels.tsv"
    )
    docs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            label = (row.get("SubType") or "").strip()
            if label not in mapping or not row.get("EventSnippet"):
                continue
            if half_of(f"case2021-{row['id']}") != "dev":
                continue
            docs.append(
                TrainDoc(
                    key=f"case2021-{row['id']}",
                    source="case2021",
                    text=row["EventSnippet"],
                    published=None,
                    allowed=tuple(mapping[label]),
                )
            )
    return docs


def read_conflibert(
    shared: Path, mapping: Mapping[str, Sequence[str]]
) -> list[TrainDoc]:
    """Read the ConfliBERT quad-class train file (class → allowed PLOVER types)."""
    path = shared / "eval" / "gold" / "conflibert-cameo" / "cameo_class_train.tsv"
    docs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t")):
            if len(row) != 2 or row[1].strip() not in mapping:
                continue
            docs.append(
                TrainDoc(
                    key=f"conflibert-train-{number}",
                    source="conflibert",
                    text=row[0],
                    published=None,
                    allowed=tuple(mapping[row[1].strip()]),
                )
            )
    return docs


def read_ngec(shared: Path, per_title: int) -> list[TrainDoc]:
    """Read NGEC synthetic stories: the first ``per_title`` of each headline template."""
    path = (
        shared
        / "eval"
        / "gold"
        / "ngec-synthetic"
        / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    )
    with zipfile.ZipFile(path) as archive:
        name = sorted(archive.namelist())[0]
        raw = archive.read(name).decode("utf-8")
    taken: dict[str, int] = {}
    docs = []
    for number, row in enumerate(csv.DictReader(io.StringIO(raw))):
        title, label = row.get("title", ""), (row.get("label") or "").strip()
        if not label or taken.get(title, 0) >= per_title or not row.get("text"):
            continue
        taken[title] = taken.get(title, 0) + 1
        docs.append(
            TrainDoc(
                key=f"ngec-{number}",
                source="ngec",
                text=row["text"],
                published=None,
                allowed=(label,),
            )
        )
    return docs
