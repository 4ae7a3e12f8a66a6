"""The public-set readers added for training and corpus-style scores, on tiny files."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from dyad.evaluation import event_gold


def test_case2021_labels_map_to_plover_or_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "case.tsv"
    rows = [
        ("1", "Police arrested twelve protesters in Lagos.", "ARREST"),
        ("2", "A cyclone flattened two villages.", "NATURAL_DISASTER"),
        ("3", "The ministers talked about trade.", "DIPLO"),
    ]
    lines = ["id\tEventSnippet\tSubType", *("\t".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = event_gold.read_case2021(path)
    assert [(i.key, i.label) for i in items] == [
        ("case2021-1", "COERCE"),
        ("case2021-2", "NONE"),
    ]


def test_every_case2021_label_has_a_decision() -> None:
    labels = set(event_gold.case2021_types())
    assert {"ARMED_CLASH", "PEACE_PROTEST", "MAN_MADE_DISASTER", "ATTRIB"} <= labels
    plover = {"AGREE", "COERCE", "ASSAULT", "PROTEST", "NONE"}
    assert {v for v in event_gold.case2021_types().values() if v} <= plover


def test_conflibert_ner_reader_joins_tagged_phrases(tmp_path: Path) -> None:
    path = tmp_path / "ner.txt"
    path.write_text(
        "Kenyan B-S\npolice I-S\ndetained O\nfive O\nSomalis B-T\n. O\n\n"
        "Ghana B-R\nand O\nTogo B-R\nmet O\n",
        encoding="utf-8",
    )
    first, second = event_gold.read_conflibert_ner(path)
    assert first.text == "Kenyan police detained five Somalis ."
    assert first.spans == (("S", "Kenyan police"), ("T", "Somalis"))
    assert second.spans == (("R", "Ghana"), ("R", "Togo"))


def test_plover_markup_gives_roles_and_trigger_words(tmp_path: Path) -> None:
    record = {
        "id": "g1",
        "event": "DISAPPROVE",
        "mode": "",
        "text": "Chile criticised Peru on Monday.",
        "textInfo": {"markup": "(SRC: Chile) (EVT: criticised) (TAR: Peru) on Monday."},
        "source": [{"code": "CHL"}],
        "target": [{"code": "PER"}],
    }
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    (item,) = event_gold.read_plover_gsr(path)
    assert item.label == "ACCUSE"
    assert item.mode is None
    assert item.spans == (("S", "Chile"), ("EVT", "criticised"), ("T", "Peru"))


def test_ngec_reader_gives_weak_story_labels(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["disclaimer", "text", "title", "source", "prompt", "label", "mode"]
    )
    writer.writerow(
        ["synthetic", "Teachers walked out.", "t", "AP", "p", "PROTEST", "STRIKE"]
    )
    writer.writerow(["synthetic", "Troops fought.", "t", "AP", "p", "FIGHT", ""])
    path = tmp_path / "ngec.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stories.csv", buffer.getvalue())
    items = list(event_gold.read_ngec(path))
    assert [(i.key, i.label, i.mode) for i in items] == [
        ("ngec-0", "PROTEST", "strike"),
        ("ngec-1", "ASSAULT", None),
    ]
